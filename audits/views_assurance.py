"""Single-agency assurance pages: rounds of section 11 and section 175 self-assessments, an agency's
self-assessment and its challenge session, the heat map and its export, the standards, and the
summaries of audits agencies ran themselves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from audits import assurance, policy_assurance, selectors_assurance, services_assurance
from audits.forms_assurance import (
    AgencyAuditForm,
    ChallengeForm,
    RoundForm,
    SelfAssessmentForm,
    StandardForm,
)
from audits.models_assurance import (
    AgencyAuditSummary,
    AssuranceRound,
    AssuranceStandard,
    SelfAssessment,
)
from core.concurrency import saved_without_conflict
from core.exports import csv_response, xlsx_response
from core.forms import posted
from partnership import access


def _form_page(request, form, title: str, back: str, **extra):
    return render(
        request,
        "audits/assurance/form.html",
        {"form": form, "title": title, "back": back, **extra},
    )


def _refused(form, refusal: ValidationError) -> None:
    for reason in refusal.messages:
        form.add_error(None, reason)


@login_required
def home(request):
    partnership = policy_assurance.require_reader(request)
    return render(
        request,
        "audits/assurance/home.html",
        {
            "rounds": selectors_assurance.rounds_for(request.user, partnership),
            "assessments": selectors_assurance.assessments_for(request.user, partnership),
            "can_manage": policy_assurance.can_manage_assurance(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_open(request):
    partnership = policy_assurance.require_manager(request)
    form = RoundForm(posted(request), partnership=partnership)
    if form.is_valid():
        try:
            opened = services_assurance.round_open(
                partnership=partnership,
                agencies=list(
                    selectors_assurance.eligible_agencies(partnership, form.cleaned_data["kind"])
                ),
                **form.cleaned_data,
                by=request.user,
            )
        except ValidationError as refusal:
            _refused(form, refusal)
        else:
            messages.success(
                request, f"{opened} sent to {opened.self_assessments.count()} agencies"
            )
            return redirect(opened)
    return _form_page(
        request,
        form,
        "Open a round of self-assessments",
        back=reverse("audits:assurance"),
        lede="Section 11 goes to every agency except schools and colleges; section 175 to schools "
        "and colleges. Each agency's contributor sees the due date on their dashboard.",
        button="Open and send to agencies",
    )


def _round_for(request, pk) -> AssuranceRound:
    return access.get_for_user(
        request.user, AssuranceRound.objects.select_related("partnership", "overseeing_group"), pk
    )


@login_required
def round_detail(request, pk):
    found = _round_for(request, pk)
    return render(
        request,
        "audits/assurance/round.html",
        {
            "round": found,
            "assessments": selectors_assurance.assessments_in(found, request.user),
            "sees_all": policy_assurance.can_see_whole_round(request.user, found),
        },
    )


@login_required
def heat_map(request, pk):
    found = _round_for(request, pk)
    if not policy_assurance.can_see_whole_round(request.user, found):
        raise PermissionDenied("The heat map is for the business unit and the sub-group")
    return render(
        request,
        "audits/assurance/heat_map.html",
        {"round": found, "map": selectors_assurance.heat_map(found)},
    )


@login_required
def heat_map_export(request, pk, file_format):
    found = _round_for(request, pk)
    if not policy_assurance.can_see_whole_round(request.user, found):
        raise PermissionDenied("The heat map is for the business unit and the sub-group")
    table = selectors_assurance.heat_map(found).table()
    name = f"{found.kind.replace('_', '-')}-{found.year}-heat-map"
    if file_format == "csv":
        return csv_response(f"{name}.csv", table)
    return xlsx_response(f"{name}.xlsx", f"Heat map {found.year}", table)


def _assessment_for(request, pk) -> SelfAssessment:
    return access.get_for_user(
        request.user,
        SelfAssessment.objects.select_related(
            "round__partnership", "round__overseeing_group", "organisation", "submitted_by"
        ),
        pk,
    )


@login_required
def self_assessment(request, pk):
    assessment = _assessment_for(request, pk)
    return render(
        request,
        "audits/assurance/self_assessment.html",
        {
            "assessment": assessment,
            "ratings": selectors_assurance.ratings_of(assessment),
            "can_complete": policy_assurance.can_complete_self_assessment(request.user, assessment)
            and assessment.status != SelfAssessment.Status.CHALLENGED,
            "can_challenge": policy_assurance.can_challenge(request.user, assessment)
            and assessment.status != SelfAssessment.Status.REQUESTED,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def self_assessment_complete(request, pk):
    assessment = _assessment_for(request, pk)
    if not policy_assurance.can_complete_self_assessment(request.user, assessment):
        raise PermissionDenied("Only the agency's own contributors complete its self-assessment")
    standards = list(selectors_assurance.standards_asked(assessment))
    held = {rating.standard_id: rating for rating in assessment.ratings.all()}
    form = SelfAssessmentForm(
        posted(request), assessment=assessment, standards=standards, held=held
    )
    if form.is_valid():
        try:
            if saved_without_conflict(
                form,
                lambda: services_assurance.self_assessment_submit(
                    assessment=assessment,
                    answers=form.answers,
                    expected_version=form.cleaned_data["version"],
                    by=request.user,
                ),
            ):
                messages.success(request, "Self-assessment sent to the partnership")
                return redirect(assessment)
        except ValidationError as refusal:
            _refused(form, refusal)
    return render(
        request,
        "audits/assurance/complete.html",
        {"form": form, "assessment": assessment},
    )


@login_required
@require_http_methods(["GET", "POST"])
def challenge_record(request, pk):
    assessment = _assessment_for(request, pk)
    if not policy_assurance.can_challenge(request.user, assessment):
        raise PermissionDenied("Only the partnership's business unit records a challenge session")
    if assessment.status == SelfAssessment.Status.REQUESTED:
        messages.error(request, "The agency has not sent its self-assessment yet")
        return redirect(assessment)
    ratings = list(selectors_assurance.ratings_of(assessment))
    form = ChallengeForm(posted(request), assessment=assessment, ratings=ratings)
    if form.is_valid():
        try:
            if saved_without_conflict(
                form,
                lambda: services_assurance.challenge_record(
                    assessment=assessment,
                    held_on=form.cleaned_data["held_on"],
                    summary=form.cleaned_data["summary"],
                    views=form.views,
                    expected_version=form.cleaned_data["version"],
                    by=request.user,
                ),
            ):
                messages.success(request, "Challenge session recorded")
                return redirect(assessment)
        except ValidationError as refusal:
            _refused(form, refusal)
    return _form_page(
        request,
        form,
        f"Challenge session: {assessment.organisation}",
        back=assessment.get_absolute_url(),
        lede="Record the partnership's view of each standard beside the agency's own rating.",
        button="Save the challenge session",
    )


@login_required
@require_http_methods(["GET", "POST"])
def standards(request):
    partnership = policy_assurance.require_manager(request)
    form = StandardForm(posted(request))
    if form.is_valid():
        try:
            services_assurance.standard_add(
                partnership=partnership, **form.cleaned_data, by=request.user
            )
        except ValidationError as refusal:
            form.add_error("title", refusal.messages[0])
        else:
            messages.success(request, "Standard added")
            return redirect("audits:assurance_standards")
    listed = {kind: [] for kind in assurance.KINDS}
    for standard in AssuranceStandard.objects.filter(partnership=partnership):
        listed[standard.kind].append(standard)
    return render(
        request,
        "audits/assurance/standards.html",
        {
            "form": form,
            "listed": [(assurance.KINDS[kind], items) for kind, items in listed.items()],
        },
    )


@login_required
@require_POST
def standard_archive(request, pk):
    partnership = policy_assurance.require_manager(request)
    standard = get_object_or_404(
        AssuranceStandard, pk=pk, partnership=partnership, archived_at__isnull=True
    )
    services_assurance.standard_archive(standard=standard, by=request.user)
    messages.success(request, f"{standard.title} archived: later rounds leave it out")
    return redirect("audits:assurance_standards")


@login_required
def agency_audits(request):
    partnership = policy_assurance.require_reader(request)
    return render(
        request,
        "audits/assurance/agency_audits.html",
        {
            "summaries": selectors_assurance.agency_audits_for(request.user, partnership),
            "can_submit": policy_assurance.can_submit_agency_audit(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agency_audit_add(request):
    partnership = policy_assurance.require_reader(request)
    if not policy_assurance.can_submit_agency_audit(request.user, partnership):
        raise PermissionDenied(
            "Agencies' contributors and the business unit submit audit summaries"
        )
    own_agency = None
    if not policy_assurance.can_manage_assurance(request.user, partnership):
        own_agency = request.user.organisation
        if own_agency is None or own_agency.partnership_id != partnership.pk:
            raise PermissionDenied("Your organisation is not one of the partnership's agencies")
    form = AgencyAuditForm(posted(request), partnership=partnership, own_agency=own_agency)
    if form.is_valid():
        try:
            summary = services_assurance.agency_audit_submit(
                partnership=partnership, organisation=form.agency, data=form.values, by=request.user
            )
        except ValidationError as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, "Audit summary sent to the partnership")
            return redirect(summary)
    return _form_page(
        request,
        form,
        "Send a summary of a single-agency audit",
        back=reverse("audits:agency_audits"),
        lede="An audit your agency ran itself: the partnership sees assurance it did not run. "
        "Give no child's name.",
        button="Send summary",
    )


@login_required
def agency_audit(request, pk):
    summary = access.get_for_user(
        request.user, AgencyAuditSummary.objects.select_related("organisation", "submitted_by"), pk
    )
    return render(request, "audits/assurance/agency_audit.html", {"summary": summary})
