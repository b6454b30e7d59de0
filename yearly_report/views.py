"""Pages of the yearly report: the list, the draft with its sections, narrative, sign-off,
publication and sending it on. Thin: each validates a form and calls one service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core.concurrency import EditConflict
from core.forms import posted
from core.selectors import audit_history
from learning.views.common import refusal
from partnership import access
from reviews.selectors import statutory_partners_signing
from yearly_report import policy, sections, selectors, services
from yearly_report.forms import NarrativeForm, OpenReportForm, SentForm, SignOffForm
from yearly_report.models import YearlyReport


def _report(request, pk) -> YearlyReport:
    report = access.get_for_user(
        request.user, YearlyReport.objects.select_related("partnership", "publication"), pk
    )
    if not policy.can_see_report(request.user, report):
        raise PermissionDenied("Only the business unit and the partner leads see yearly reports")
    return report


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request):
    partnership = policy.require_reader(request)
    can_manage = policy.can_manage_report(request.user, partnership)
    form = OpenReportForm(posted(request) if can_manage else None, today=timezone.localdate())
    if request.method == "POST" and not can_manage:
        raise PermissionDenied("Only the partnership's business unit can do this")
    if form.is_valid():
        try:
            report = services.report_open(
                partnership=partnership, start_year=form.cleaned_data["start_year"], by=request.user
            )
        except ValidationError as refused:
            form.add_error("start_year", refusal(refused))
        else:
            messages.success(request, f"Draft {report} opened")
            return redirect(report)
    return render(
        request,
        "yearly_report/report_list.html",
        {"reports": selectors.reports_for(partnership), "form": form, "can_manage": can_manage},
    )


@login_required
def report_detail(request, pk):
    report = _report(request, pk)
    sign_offs = list(
        report.sign_offs.filter(report_version=report.version).select_related(
            "partner_lead", "organisation"
        )
    )
    return render(
        request,
        "yearly_report/report_detail.html",
        {
            "report": report,
            "sections": selectors.assemble(report),
            "partners": statutory_partners_signing(report.partnership, sign_offs),
            "sign_offs": sign_offs,
            "blockers": selectors.sign_off_blockers(report),
            "can_edit": policy.can_edit_report(request.user, report),
            "can_sign_off": policy.can_sign_off_report(request.user, report),
            "can_publish": policy.can_publish_report(request.user, report),
            "can_manage": policy.can_manage_report(request.user, report),
            "sign_off_form": SignOffForm(),
            "history": audit_history(report),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def narrative_edit(request, pk, section):
    report = _report(request, pk)
    if not policy.can_edit_report(request.user, report):
        raise PermissionDenied("Only the business unit writes the narrative of a draft report")
    chosen = next((item for item in sections.SECTIONS if item.key == section), None)
    if chosen is None:
        raise Http404("No such section")
    current = report.narratives.filter(section=section).first()
    form = NarrativeForm(
        posted(request),
        title=chosen.title,
        initial={"text": current.text if current else "", "version": report.version},
    )
    if form.is_valid():
        try:
            services.narrative_write(
                report=report,
                section=section,
                text=form.cleaned_data["text"],
                expected_version=form.cleaned_data["version"],
                by=request.user,
            )
        except (ValidationError, EditConflict) as refused:
            form.add_error(None, refusal(refused))
        else:
            messages.success(request, f"{chosen.title}: narrative saved")
            return redirect(f"{report.get_absolute_url()}#{section}")
    return render(
        request,
        "learning/form.html",
        {"form": form, "title": f"{chosen.title}: {report}", "back": report},
    )


@login_required
@require_POST
def report_sign_off(request, pk):
    report = _report(request, pk)
    if not policy.can_sign_off_report(request.user, report):
        raise PermissionDenied("Only a safeguarding partner lead signs off the yearly report")
    form = SignOffForm(request.POST)
    if form.is_valid():
        try:
            services.report_sign_off(report=report, **form.cleaned_data, by=request.user)
        except ValidationError as refused:
            for message in refusal(refused):
                messages.error(request, message)
        else:
            messages.success(request, f"Your sign-off of version {report.version} is recorded")
            return redirect(report)
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(f"{report.get_absolute_url()}#sign-off")


@login_required
@require_POST
def report_publish(request, pk):
    report = _report(request, pk)
    if not policy.can_publish_report(request.user, report):
        raise PermissionDenied("Only the business unit manager publishes the yearly report")
    try:
        publication = services.report_publish(report=report, by=request.user)
    except (ValidationError, EditConflict) as refused:
        messages.error(request, "The yearly report was not published")
        for message in refusal(refused):
            messages.error(request, message)
    else:
        messages.success(request, f"Published on the public site: {publication.title}")
    return redirect(report)


@login_required
@require_http_methods(["GET", "POST"])
def report_sent(request, pk):
    report = _report(request, pk)
    if not policy.can_manage_report(request.user, report) or not report.publication_id:
        raise PermissionDenied("Only the business unit records sending a published report")
    form = SentForm(posted(request))
    if form.is_valid():
        try:
            services.report_sent(
                report=report, sent_on=form.cleaned_data["sent_on"], by=request.user
            )
        except (ValidationError, EditConflict) as refused:
            form.add_error("sent_on", refusal(refused))
        else:
            messages.success(request, f"Recorded as sent to {sections.RECIPIENTS}")
            return redirect(report)
    return render(
        request,
        "learning/form.html",
        {
            "form": form,
            "title": f"Record sending {report}",
            "lede": f"Send the published report to {sections.RECIPIENTS} within "
            f"{sections.SEND_WITHIN_DAYS} days of publication.",
            "back": report,
        },
    )
