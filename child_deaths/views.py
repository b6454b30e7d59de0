"""Child death pages: notification, the case record, identifying details and information gathering."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from child_deaths import policy, selectors, services
from child_deaths.forms import (
    JarForm,
    NotificationForm,
    ReportingRequestForm,
    ReturnForm,
    ReviewMeetingForm,
    StillbirthConfirmationForm,
)
from child_deaths.models import AgencyReportingRequest, ChildDeath
from core.concurrency import saved_without_conflict
from core.forms import posted
from core.selectors import audit_history
from partnership import access


def _death(request, pk, *, write: bool = False) -> ChildDeath:
    return access.get_for_user(
        request.user, ChildDeath.objects.select_related("area", "partnership"), pk, write=write
    )


def _require_death_worker(request) -> None:
    if not policy.can_see_deaths(request.user):
        raise PermissionDenied(
            "Only the child death overview panel and the business unit see child deaths"
        )


@login_required
def death_list(request):
    _require_death_worker(request)
    status = request.GET.get("status", "")
    if status not in ChildDeath.Status.values:
        status = ""
    return render(
        request,
        "child_deaths/death_list.html",
        {
            "page": Paginator(selectors.deaths_for(request.user, status=status), 50).get_page(
                request.GET.get("page")
            ),
            "statuses": ChildDeath.Status.choices,
            "status": status,
            "query": f"status={status}" if status else "",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def notify(request):
    access.require_partnership(request)
    form = NotificationForm(posted(request), user=request.user)
    if form.is_valid():
        try:
            death = services.death_notify(
                area=form.cleaned_data["area"],
                partnership=form.cleaned_data["partnership"],
                identity=form.identity(),
                details=form.details(),
                kind_of_death=form.cleaned_data["kind_of_death"],
                possible_duplicate_of=form.duplicate_to_check(),
                by=request.user,
            )
        except services.NotificationRefused as refused:
            form.add_error("kind_of_death", str(refused))
        else:
            # Said after every notification, so that it tells nobody whether a match was found.
            messages.success(
                request,
                f"Death notified: reference {death.reference}. The business unit checks every "
                "notification against deaths already notified.",
            )
            if ChildDeath.objects.visible_to(request.user).filter(pk=death.pk).exists():
                return redirect(death)
            return redirect("child_deaths:notify")
    return render(request, "child_deaths/notify.html", {"form": form})


@login_required
def death_detail(request, pk):
    death = _death(request, pk)
    return render(
        request,
        "child_deaths/death_detail.html",
        {
            "death": death,
            "requests": death.reporting_requests.select_related("organisation", "form"),
            "review_meetings": death.review_meetings.all(),
            "analysis": getattr(death, "analysis", None),
            "referrals": death.rapid_review_referrals.select_related("learning_referral"),
            "panel_meetings": death.panel_meetings.select_related("panel"),
            "history": audit_history(death),
            "duplicate_seen": death.possible_duplicate_of_id is not None
            and ChildDeath.objects.visible_to(request.user)
            .filter(pk=death.possible_duplicate_of_id)
            .exists(),
            "later_duplicates": selectors.later_possible_duplicates(death),
        },
    )


@login_required
def identity(request, pk):
    death = _death(request, pk)
    if not policy.can_see_identity(request.user, death):
        raise PermissionDenied(
            "Identifying details need an identifying role and two-factor sign-in"
        )
    services.identity_viewed(death=death, by=request.user)
    return render(
        request,
        "child_deaths/identity.html",
        {"death": death, "identity": selectors.identity_of(death)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def jar_edit(request, pk):
    death = _death(request, pk, write=True)
    form = JarForm(posted(request), instance=death)
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.jar_update(
            death=death,
            status=form.cleaned_data["jar_status"],
            started_on=form.cleaned_data["jar_started_on"],
            completed_on=form.cleaned_data["jar_completed_on"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, "Joint agency response updated")
        return redirect(death)
    return render(
        request,
        "child_deaths/death_form.html",
        {"death": death, "form": form, "heading": "Joint agency response"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def stillbirth_confirm(request, pk):
    death = _death(request, pk, write=True)
    if not death.suspected_stillbirth or death.status == ChildDeath.Status.LEFT_REVIEW:
        raise PermissionDenied("Only a suspected stillbirth not yet confirmed can be confirmed")
    form = StillbirthConfirmationForm(posted(request), death=death)
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.stillbirth_confirm(
            death=death,
            confirmed_on=form.cleaned_data["confirmed_on"],
            gestation_weeks=form.cleaned_data["gestation_weeks"],
            gestation_days=form.cleaned_data["gestation_days"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(
            request, f"{death.reference} confirmed a stillbirth: it has left the review"
        )
        return redirect(death)
    return render(
        request,
        "child_deaths/death_form.html",
        {"death": death, "form": form, "heading": "Confirm a stillbirth"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_add(request, pk):
    death = _death(request, pk, write=True)
    form = ReportingRequestForm(posted(request), death=death)
    if form.is_valid():
        services.reporting_request_send(death=death, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            f"{form.cleaned_data['form'].name} requested from {form.cleaned_data['organisation']}",
        )
        return redirect(death)
    return render(
        request,
        "child_deaths/death_form.html",
        {"death": death, "form": form, "heading": "Request a reporting form"},
    )


@login_required
def my_requests(request):
    return render(
        request,
        "child_deaths/my_requests.html",
        {"requests": selectors.requests_for_contributor(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_return(request, pk):
    reporting = access.get_for_user(
        request.user,
        AgencyReportingRequest.objects.select_related("child_death", "form", "organisation"),
        pk,
    )
    own = AgencyReportingRequest.objects.for_contributor(request.user).filter(pk=pk).exists()
    if request.method == "POST" and (not own or reporting.is_returned):
        raise PermissionDenied("Only the agency asked can return this form, once")
    form = ReturnForm(posted(request), reporting_form=reporting.form)
    if own and not reporting.is_returned and form.is_valid():
        services.reporting_request_return(
            request=reporting, answers=form.cleaned_data, by=request.user
        )
        messages.success(request, f"{reporting.form.name} returned")
        return redirect("child_deaths:my_requests")
    return render(
        request,
        "child_deaths/request_return.html",
        {"reporting": reporting, "form": form, "can_return": own and not reporting.is_returned},
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_meeting_add(request, pk):
    death = _death(request, pk, write=True)
    form = ReviewMeetingForm(posted(request))
    if form.is_valid():
        services.review_meeting_record(death=death, by=request.user, **form.cleaned_data)
        messages.success(request, "Child death review meeting recorded")
        return redirect(death)
    return render(
        request,
        "child_deaths/death_form.html",
        {"death": death, "form": form, "heading": "Record the child death review meeting"},
    )


@login_required
@require_POST
def mark_ready(request, pk):
    death = _death(request, pk, write=True)
    try:
        services.death_mark_ready(death=death, by=request.user)
    except services.LeftTheReview as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"{death.reference} is ready for the panel")
    return redirect(death)
