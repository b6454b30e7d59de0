"""Pages of agency requests: agency summaries, chronologies and agency reports, and their answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import posted
from partnership import access
from reviews import forms, policy, selectors, services, services_reviews
from reviews.models import AgencyRequest, ChronologyImport, RapidReview, Review
from reviews.pages import PER_PAGE, form_page, refused_or_done
from reviews.services import RefusedError

CASES = {
    "rapid-reviews": (RapidReview, "rapid_review", [AgencyRequest.Kind.AGENCY_SUMMARY]),
    "reviews": (
        Review,
        "review",
        [AgencyRequest.Kind.CHRONOLOGY, AgencyRequest.Kind.AGENCY_REPORT],
    ),
}


@login_required
def request_list(request):
    partnership = access.require_partnership(request)
    page = Paginator(selectors.requests_for(request.user, partnership), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "reviews/request_list.html", {"requests": page, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request, case, pk):
    if case not in CASES:
        raise Http404("No such kind of case")
    model, argument, kinds = CASES[case]
    record = access.get_for_user(request.user, model.objects.all(), pk, write=True)
    return form_page(
        request,
        forms.AgencyRequestForm(
            posted(request),
            partnership=record.partnership,
            kinds=kinds,
        ),
        title="Ask an agency for information",
        caption=str(record),
        back=record.get_absolute_url(),
        button="Send request",
        save=lambda data: services.agency_request_send(
            by=request.user, **{argument: record}, **data
        ),
        done="Request sent; the agency's contributors have been told",
    )


def _request(request, pk) -> AgencyRequest:
    return access.get_for_user(
        request.user,
        AgencyRequest.objects.select_related(
            "organisation", "review", "rapid_review__notification"
        ),
        pk,
    )


def _answerable(request, record: AgencyRequest) -> AgencyRequest:
    if not AgencyRequest.objects.answerable_by(request.user).filter(pk=record.pk).exists():
        raise PermissionDenied("Only the agency's contributors answer this request")
    return record


@login_required
def request_detail(request, pk):
    return _request_page(request, _request(request, pk))


def _request_page(request, record: AgencyRequest, **forms_shown):
    answerable = AgencyRequest.objects.answerable_by(request.user).filter(pk=record.pk).exists()
    is_open = record.status == AgencyRequest.Status.REQUESTED
    is_chronology = record.kind == AgencyRequest.Kind.CHRONOLOGY
    case = record.case
    entries = Paginator(
        record.entries.order_by("date", "id") if is_chronology else [], PER_PAGE
    ).get_page(request.GET.get("page"))
    context = {
        "agency_request": record,
        "case": case
        if type(case).objects.visible_to(request.user).filter(pk=case.pk).exists()
        else None,
        "entries": entries,
        "page": entries,
        "chronology_import": record.chronology_imports.first() if is_chronology else None,
        "can_answer": answerable and is_open,
        "can_chase": policy.can_manage_reviews(request.user, record) and is_open,
        "response_form": forms.AgencyResponseForm() if answerable and is_open else None,
        "entry_form": forms.ChronologyEntryForm()
        if answerable and is_open and is_chronology
        else None,
        "import_form": forms.ChronologyImportForm()
        if answerable and is_open and is_chronology
        else None,
        **forms_shown,
    }
    return render(request, "reviews/request_detail.html", context)


def _request_post(request, pk, form, slot: str, save, *, done: str):
    record = _answerable(request, _request(request, pk))
    if not form.is_valid():
        return _request_page(request, record, **{slot: form, "form": form})
    return refused_or_done(request, lambda: save(record, form.cleaned_data), done=done, to=record)


@login_required
@require_POST
def request_return(request, pk):
    return _request_post(
        request,
        pk,
        forms.AgencyResponseForm(request.POST),
        "response_form",
        lambda record, data: services.agency_request_return(
            request=record, by=request.user, **data
        ),
        done="Returned to the business unit",
    )


@login_required
@require_POST
def chronology_entry_add(request, pk):
    return _request_post(
        request,
        pk,
        forms.ChronologyEntryForm(request.POST),
        "entry_form",
        lambda record, data: services_reviews.chronology_entry_add(
            review=record.review,
            organisation=record.organisation,
            request=record,
            by=request.user,
            **data,
        ),
        done="Chronology entry added",
    )


_IMPORT_DONE = {
    ChronologyImport.Status.IMPORTED: "Chronology imported: {upload.entries_added} entries added",
    ChronologyImport.Status.IMPORTING: (
        "Chronology file received: it is being imported. This page shows how far it has got"
    ),
}


@login_required
@require_POST
def chronology_import(request, pk):
    record = _answerable(request, _request(request, pk))
    form = forms.ChronologyImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            upload = services_reviews.chronology_upload(
                request=record, upload=form.cleaned_data["file"], by=request.user
            )
        except RefusedError as refusal:
            form.add_error(None, str(refusal))
        else:
            if upload.status != ChronologyImport.Status.INVALID:
                messages.success(request, _IMPORT_DONE[upload.status].format(upload=upload))
                return redirect(record)
            for error in upload.errors:
                form.add_error("file", error)
    return _request_page(request, record, import_form=form, form=form, chronology_import=None)


@login_required
@require_POST
def request_chase(request, pk):
    record = access.get_for_user(request.user, AgencyRequest.objects.all(), pk, write=True)
    return refused_or_done(
        request,
        lambda: services.agency_request_chase(request=record, by=request.user),
        done=f"Reminder sent to {record.organisation}'s contributors",
        to=record,
    )
