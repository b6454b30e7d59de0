"""Moderation meetings and the audit report (HTML and PDF), with its comparison to the previous
audit on the theme."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from audits import policy, selectors_report, services_moderation, services_report
from audits.forms_report import (
    ActionAgreedForm,
    CaseModerationForm,
    MeetingForm,
    ReAuditForm,
    ReportForm,
    ReportPointForm,
)
from audits.models import Audit, AuditRequest, ModerationMeeting
from audits.views import form_page
from core.concurrency import EditConflict, saved_without_conflict
from core.forms import posted
from core.pdf import pdf_response
from partnership import access


def _refused(form, refused: Exception) -> None:
    for reason in getattr(refused, "messages", None) or [str(refused)]:
        form.add_error(None, reason)


def _say_refusal(request, refused: Exception) -> None:
    for reason in getattr(refused, "messages", None) or [str(refused)]:
        messages.error(request, reason)


def _audit(request, pk, *, write=False) -> Audit:
    return access.get_for_user(
        request.user,
        Audit.objects.select_related("partnership", "theme", "owner_group", "re_audit_of"),
        pk,
        write=write,
    )


def _meeting(request, pk) -> ModerationMeeting:
    return access.get_for_user(
        request.user, ModerationMeeting.objects.select_related("audit__partnership"), pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, pk):
    audit = _audit(request, pk, write=True)
    if not policy.can_moderate(request.user, audit):
        messages.error(request, "A moderation meeting follows the agencies' returns")
        return redirect(audit)
    form = MeetingForm(posted(request), partnership=audit.partnership)
    if form.is_valid():
        try:
            meeting = services_moderation.meeting_record(
                audit=audit, **form.cleaned_data, by=request.user
            )
        except (ValidationError, EditConflict) as refused:
            _refused(form, refused)
        else:
            messages.success(request, f"{meeting} recorded")
            return redirect(meeting)
    return form_page(
        request,
        form,
        f"Record a moderation meeting of {audit.learning_reference}",
        audit,
        lede="The agencies' auditors meet to discuss each case and agree its grades.",
        button="Record the meeting",
    )


@login_required
def moderation_detail(request, pk):
    meeting = _meeting(request, pk)
    audit = meeting.audit
    return render(
        request,
        "audits/moderation_detail.html",
        {
            "meeting": meeting,
            "audit": audit,
            "attendees": meeting.attendees.select_related("organisation"),
            "cases": selectors_report.meeting_cases(meeting),
            "actions": selectors_report.meeting_actions(meeting),
            "can_moderate": policy.can_moderate(request.user, audit),
            "undiscussed": services_moderation.undiscussed_cases(audit),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_moderate(request, pk, case_pk):
    meeting = _meeting(request, pk)
    audit = meeting.audit
    if not policy.can_moderate(request.user, audit):
        messages.error(request, "This audit is not being moderated")
        return redirect(meeting)
    case = get_object_or_404(audit.cases, pk=case_pk)
    requests = list(
        AuditRequest.objects.filter(case=case)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    form = CaseModerationForm(
        posted(request),
        case=case,
        requests=requests,
        discussion=selectors_report.discussion_of(case),
    )
    if form.is_valid():
        try:
            services_moderation.case_moderate(
                meeting=meeting,
                case=case,
                summary=form.cleaned_data["summary"],
                overall_grade=form.cleaned_data["overall_grade"],
                overall_reason=form.cleaned_data["overall_reason"],
                grades=form.grades,
                by=request.user,
            )
        except (ValidationError, EditConflict) as refused:
            _refused(form, refused)
        else:
            messages.success(request, f"Moderation of {case} recorded")
            return redirect(meeting)
    return render(
        request,
        "audits/case_moderate.html",
        {"form": form, "meeting": meeting, "case": case},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_agree(request, pk):
    meeting = _meeting(request, pk)
    audit = meeting.audit
    if not policy.can_moderate(request.user, audit):
        messages.error(request, "This audit is not being moderated")
        return redirect(meeting)
    form = ActionAgreedForm(posted(request), audit=audit)
    if form.is_valid():
        try:
            action = services_moderation.action_agree(
                meeting=meeting, **form.cleaned_data, by=request.user
            )
        except ValidationError as refused:
            _refused(form, refused)
        else:
            messages.success(request, f"Action {action.reference} agreed")
            return redirect(meeting)
    return form_page(
        request,
        form,
        f"Record an action agreed at the {meeting}",
        meeting,
        lede="The action goes into the partnership's action plan, owned by the agency, with what "
        "must change as a finding and a recommendation of the audit.",
        button="Save the action",
    )


@login_required
@require_POST
def moderation_conclude(request, pk):
    audit = _audit(request, pk, write=True)
    try:
        services_moderation.moderation_conclude(audit=audit, by=request.user)
    except (ValidationError, EditConflict) as refused:
        _say_refusal(request, refused)
    else:
        messages.success(request, "Moderation is over: the report can be written")
        return redirect("audits:report", audit.pk)
    meeting = audit.moderation_meetings.last()
    return redirect(meeting or audit)


def _report_context(request, pk) -> dict:
    audit = _audit(request, pk)
    previous = selectors_report.previous_audit(audit)
    report = selectors_report.report_of(audit)
    changed, moderated = selectors_report.moderation_changes(audit)
    return {
        "audit": audit,
        "report": report,
        "previous": previous,
        "spreads": selectors_report.grade_spreads(audit, previous),
        "points": selectors_report.report_points(report),
        "moderation_changed": changed,
        "moderation_count": moderated,
        "re_audits": selectors_report.re_audits_of(audit),
        "grade_labels": selectors_report.GRADE_LABELS,
    }


@login_required
def report(request, pk):
    context = _report_context(request, pk)
    context["can_write"] = policy.can_write_report(request.user, context["audit"])
    context["can_schedule"] = policy.can_schedule_re_audit(request.user, context["audit"])
    return render(request, "audits/report.html", context)


@login_required
def report_pdf(request, pk):
    context = _report_context(request, pk)
    return pdf_response(
        "audits/report_print.html", context, f"{context['audit'].learning_reference}-report.pdf"
    )


def _writable(request, pk) -> Audit | None:
    audit = _audit(request, pk, write=True)
    if policy.can_write_report(request.user, audit):
        return audit
    messages.error(request, "The report is written once moderation is over, until it is complete")
    return None


@login_required
@require_http_methods(["GET", "POST"])
def report_write(request, pk):
    audit = _writable(request, pk)
    if audit is None:
        return redirect("audits:report", pk)
    report = selectors_report.report_of(audit)
    form = ReportForm(posted(request), instance=report)
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services_report.report_write(
            audit=audit,
            summary=form.cleaned_data["summary"],
            re_audit_due_on=form.cleaned_data["re_audit_due_on"],
            expected_version=form.cleaned_data.get("version") if report else None,
            by=request.user,
        ),
    ):
        messages.success(request, "Report saved")
        return redirect("audits:report", audit.pk)
    return form_page(request, form, f"Report of {audit.learning_reference}", audit, button="Save")


@login_required
@require_http_methods(["GET", "POST"])
def report_point_add(request, pk):
    audit = _writable(request, pk)
    if audit is None:
        return redirect("audits:report", pk)
    report = selectors_report.report_of(audit)
    if report is None:
        messages.error(request, "Write the report's summary first")
        return redirect("audits:report_write", audit.pk)
    form = ReportPointForm(posted(request), audit=audit)
    if form.is_valid():
        try:
            services_report.report_point_record(report=report, **form.cleaned_data, by=request.user)
        except ValidationError as refused:
            _refused(form, refused)
        else:
            messages.success(request, "Recorded in the learning spine")
            return redirect("audits:report", audit.pk)
    return form_page(
        request,
        form,
        f"Add what {audit.learning_reference} found",
        audit,
        lede="Good practice becomes a finding that works well; an area for development a finding "
        "that must improve and a recommendation, to which actions with owners are added.",
        button="Save",
    )


@login_required
@require_POST
def report_complete(request, pk):
    audit = _writable(request, pk)
    report = selectors_report.report_of(audit) if audit else None
    if audit and report is None:
        messages.error(request, "Write the report's summary first")
    elif report:
        try:
            services_report.report_complete(report=report, by=request.user)
        except (ValidationError, EditConflict) as refused:
            _say_refusal(request, refused)
        else:
            messages.success(request, "Report complete: the re-audit is due")
    return redirect("audits:report", pk)


@login_required
@require_http_methods(["GET", "POST"])
def re_audit_schedule(request, pk):
    audit = _audit(request, pk, write=True)
    if not policy.can_schedule_re_audit(request.user, audit):
        messages.error(request, "An audit is re-audited once its report is complete")
        return redirect("audits:report", audit.pk)
    form = ReAuditForm(posted(request), audit=audit)
    if form.is_valid():
        try:
            later = services_report.re_audit_schedule(
                audit=audit, **form.cleaned_data, by=request.user
            )
        except ValidationError as refused:
            _refused(form, refused)
        else:
            messages.success(request, f"Re-audit {later.learning_reference} planned")
            return redirect(later)
    return form_page(
        request,
        form,
        f"Plan the re-audit of {audit.learning_reference}",
        audit,
        lede="The re-audit looks at the same practice with the latest version of the same tool; "
        "its report shows the change in grades since this audit.",
        button="Plan the re-audit",
    )
