"""The inspection register, an inspection's page, its judgements and points, and the progress report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core.concurrency import saved_without_conflict
from core.forms import DocumentUploadForm, posted
from core.models import Document
from core.pdf import pdf_response
from core.selectors import audit_history
from core.services import document_upload
from inspections import policy, selectors, services
from inspections.forms import InspectionForm, JudgementsForm, PointForm, SampleCaseForm, SettingForm
from inspections.models import Inspection, Judgement
from partnership import access

REGISTER_PAGE = 50
# What an inspection keeps: the letter or report, and the self-evaluation with other evidence.
DOCUMENT_KINDS = [
    (Document.Kind.REPORT, "The inspection letter or report"),
    (Document.Kind.EVIDENCE, "The self-evaluation or other evidence"),
    (Document.Kind.OTHER, "Other"),
]


def _form_page(request, form, title: str, back=None, **extra):
    return render(
        request,
        "inspections/form.html",
        {"form": form, "title": title, "back": back, **extra},
    )


@login_required
def inspection_list(request):
    partnership = policy.require_reader(request)
    page = Paginator(selectors.register(partnership), REGISTER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "inspections/inspection_list.html",
        {
            "inspections": page,
            "page": page,
            "can_manage": policy.can_manage_inspections(request.user, partnership),
        },
    )


@login_required
def judgement_history(request):
    partnership = policy.require_reader(request)
    return render(
        request,
        "inspections/judgement_history.html",
        {"areas": selectors.judgement_history(partnership), "aspects": Judgement.Aspect.labels},
    )


@login_required
@require_http_methods(["GET", "POST"])
def inspection_create(request):
    partnership = policy.require_manager(request)
    form = InspectionForm(posted(request), partnership=partnership)
    if form.is_valid():
        inspection = services.inspection_record(
            partnership=partnership, data=form.changed_values(), by=request.user
        )
        messages.success(request, f"{inspection.learning_reference} added to the register")
        return redirect(inspection)
    return _form_page(request, form, "Add an inspection", button="Save inspection")


@login_required
def inspection_detail(request, pk):
    inspection = access.get_for_user(
        request.user, Inspection.objects.select_related("partnership", "area", "recorded_by"), pk
    )
    partnership = inspection.partnership
    sees_cases = policy.can_see_case_sample(request.user, partnership)
    cases = list(inspection.sample_cases.select_related("agency")) if sees_cases else []
    if cases:
        services.case_sample_viewed(inspection=inspection, count=len(cases), by=request.user)
    return render(
        request,
        "inspections/inspection_detail.html",
        {
            "inspection": inspection,
            "clock": inspection.action_plan_clock(selectors.jtai_working_days(partnership)),
            "judgements": inspection.judgements.all(),
            "points": selectors.points_of(inspection),
            "documents": selectors.documents_of(inspection),
            "sees_cases": sees_cases,
            "cases": cases,
            "can_manage": policy.can_manage_inspections(request.user, partnership),
            "history": audit_history(inspection),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def inspection_edit(request, pk):
    inspection = access.get_for_user(request.user, Inspection.objects.all(), pk, write=True)
    form = InspectionForm(posted(request), instance=inspection, partnership=inspection.partnership)
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.inspection_update(
            inspection=inspection,
            data=form.changed_values(),
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, f"{inspection.learning_reference} updated")
        return redirect(inspection)
    return _form_page(
        request,
        form,
        f"Change {inspection.learning_reference}",
        inspection,
        button="Save inspection",
    )


@login_required
@require_http_methods(["GET", "POST"])
def judgements_edit(request, pk):
    inspection = access.get_for_user(request.user, Inspection.objects.all(), pk, write=True)
    if not inspection.is_judged:
        messages.error(request, "Only ILACS standard and short inspections have judgements")
        return redirect(inspection)
    form = JudgementsForm(posted(request), inspection=inspection)
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.judgements_record(
            inspection=inspection,
            grades=form.grades,
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, "Judgements saved")
        return redirect(inspection)
    return _form_page(
        request,
        form,
        f"Judgements of {inspection.learning_reference}",
        inspection,
        lede="Ofsted's four-point scale: outstanding; good; requires improvement to be good; inadequate.",
        button="Save judgements",
    )


@login_required
@require_http_methods(["GET", "POST"])
def point_add(request, pk):
    inspection = access.get_for_user(request.user, Inspection.objects.all(), pk, write=True)
    form = PointForm(posted(request), partnership=inspection.partnership)
    if form.is_valid():
        try:
            services.point_record(inspection=inspection, **form.cleaned_data, by=request.user)
        except ValidationError as refused:
            for reason in refused.messages:
                form.add_error(None, reason)
        else:
            messages.success(request, "Recorded in the learning spine")
            return redirect(inspection)
    return _form_page(
        request,
        form,
        f"Add what the report says to {inspection.learning_reference}",
        inspection,
        lede="A recommendation, area for improvement or area for priority action becomes a finding "
        "and a recommendation in the learning spine, to which actions with owners are added.",
        button="Save",
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_add(request, pk):
    inspection = access.get_for_user(request.user, Inspection.objects.all(), pk, write=True)
    form = DocumentUploadForm(posted(request), request.FILES or None)
    form.fields["kind"].choices = DOCUMENT_KINDS
    if form.is_valid():
        document_upload(
            owner=inspection,
            partnership=inspection.partnership,
            upload=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
            kind=form.cleaned_data["kind"],
            by=request.user,
        )
        messages.success(request, "Document added")
        return redirect(inspection)
    return _form_page(
        request,
        form,
        f"Add a document to {inspection.learning_reference}",
        inspection,
        button="Upload",
        multipart=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def sample_case_add(request, pk):
    inspection = access.get_for_user(request.user, Inspection.objects.all(), pk, write=True)
    form = SampleCaseForm(posted(request), partnership=inspection.partnership)
    if form.is_valid():
        try:
            services.sample_case_add(inspection=inspection, **form.cleaned_data, by=request.user)
        except ValidationError as refused:
            form.add_error(None, refused.messages[0])
        else:
            messages.success(request, "Case added to the sample")
            return redirect(inspection)
    return _form_page(
        request,
        form,
        f"Add a sampled case to {inspection.learning_reference}",
        inspection,
        lede="Until the multi-agency audit capability exists, the sampled cases are listed on the "
        "inspection for the business unit.",
        button="Add case",
    )


def _progress_context(request) -> dict:
    partnership = policy.require_reader(request)
    today = timezone.localdate()
    return {
        "partnership": partnership,
        "today": today,
        "report": selectors.progress_report(partnership, today),
    }


@login_required
def progress_report(request):
    return render(request, "inspections/progress_report.html", _progress_context(request))


@login_required
def progress_report_pdf(request):
    context = _progress_context(request)
    return pdf_response(
        "inspections/progress_report_print.html",
        context,
        f"inspection-action-plans-{context['today']:%Y-%m-%d}.pdf",
    )


@login_required
@require_http_methods(["GET", "POST"])
def settings_edit(request):
    partnership = policy.require_manager(request)
    setting = selectors.setting_for(partnership)
    form = SettingForm(posted(request), instance=setting)
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.setting_update(
            partnership=partnership,
            data=form.changed_values(),
            expected_version=form.cleaned_data.get("version"),
            by=request.user,
        ),
    ):
        messages.success(request, "Inspection settings saved")
        return redirect("inspections:inspection_list")
    return _form_page(
        request,
        form,
        "Inspection settings and preparation",
        lede="The number of working days for a JTAI written statement of action is the partnership's "
        "local policy (the JTAI guidance's 70 unless changed). The dates feed the preparation checklist "
        "on the dashboard.",
    )
