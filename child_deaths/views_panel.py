"""The child death overview panel: meetings, their agenda, papers and minutes, and the analysis."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from child_deaths import selectors, services
from child_deaths.forms import AnalysisForm, MinutesForm, PanelMeetingForm
from child_deaths.models import ChildDeath, PanelMeeting
from core.concurrency import saved_without_conflict
from core.forms import DocumentUploadForm, posted
from core.selectors import audit_history, documents_of
from core.services import document_upload
from partnership import access


def _meeting(request, pk, *, write: bool = False) -> PanelMeeting:
    return access.get_for_user(
        request.user, PanelMeeting.objects.select_related("panel"), pk, write=write
    )


@login_required
def meeting_list(request):
    panels = selectors.panels_for(request.user)
    if not panels.exists():
        raise PermissionDenied("Only members of a child death overview panel see its meetings")
    return render(
        request,
        "child_deaths/meeting_list.html",
        {"meetings": selectors.meetings_for(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_add(request):
    panels = selectors.panels_for(request.user)
    if not panels.exists():
        raise PermissionDenied("Only members of a child death overview panel arrange its meetings")
    form = PanelMeetingForm(posted(request), panels=panels)
    if form.is_valid():
        meeting = services.panel_meeting_schedule(by=request.user, **form.cleaned_data)
        messages.success(request, f"Panel meeting on {meeting.held_on:%d %B %Y} arranged")
        return redirect(meeting)
    return render(request, "child_deaths/meeting_form.html", {"form": form})


@login_required
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    return render(
        request,
        "child_deaths/meeting_detail.html",
        {
            "meeting": meeting,
            "cases": selectors.meeting_cases(meeting, request.user),
            "papers": documents_of(meeting),
            "history": audit_history(meeting),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_minutes(request, pk):
    meeting = _meeting(request, pk, write=True)
    form = MinutesForm(posted(request), instance=meeting)
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.panel_meeting_record(
            meeting=meeting,
            attendees=form.cleaned_data["attendees"],
            apologies=form.cleaned_data["apologies"],
            minutes=form.cleaned_data["minutes"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, "Attendance and minutes saved")
        return redirect(meeting)
    return render(
        request,
        "child_deaths/meeting_edit.html",
        {"meeting": meeting, "form": form, "heading": "Attendance and minutes"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_paper_add(request, pk):
    meeting = _meeting(request, pk, write=True)
    form = DocumentUploadForm(posted(request), request.FILES or None)
    if form.is_valid():
        document_upload(
            owner=meeting,
            partnership=meeting.partnership,
            upload=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
            kind=form.cleaned_data["kind"],
            by=request.user,
        )
        messages.success(request, "Paper added")
        return redirect(meeting)
    return render(
        request,
        "child_deaths/meeting_edit.html",
        {"meeting": meeting, "form": form, "heading": "Add a paper", "upload": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def analysis_add(request, pk):
    death = access.get_for_user(request.user, ChildDeath.objects.all(), pk, write=True)
    if hasattr(death, "analysis"):
        messages.info(request, "The panel has already recorded its analysis of this death")
        return redirect(death)
    if death.status == ChildDeath.Status.LEFT_REVIEW:
        messages.info(request, services.LeftTheReview.message)
        return redirect(death)
    form = AnalysisForm(posted(request), death=death)
    if form.is_valid():
        values = {
            name: form.cleaned_data[name] for name in form.Meta.fields if name != "panel_meeting"
        }
        try:
            services.analysis_record(
                death=death,
                panel_meeting=form.cleaned_data["panel_meeting"],
                values=values,
                themes=form.cleaned_data["themes"],
                recommendation=form.cleaned_data["recommendation"],
                owning_group=form.cleaned_data["owning_group"],
                by=request.user,
            )
        except (services.AlreadyAnalysed, services.LeftTheReview) as refused:
            messages.info(request, str(refused))
            return redirect(death)
        messages.success(request, f"Analysis of {death.reference} recorded")
        return redirect(death)
    return render(
        request,
        "child_deaths/death_form.html",
        {"death": death, "form": form, "heading": "Child death analysis"},
    )
