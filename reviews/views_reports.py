"""Pages of a review's final report: drafts, comments, sign-off, publication and closing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import posted
from learning.services_publication import PublicationRefused
from partnership import access
from reviews import forms, policy, selectors, services, services_reports
from reviews.models import (
    ReportDraft,
    Review,
    ReviewTask,
)
from reviews.pages import form_page, get_review, refused_or_done


@login_required
@require_http_methods(["GET", "POST"])
def draft_add(request, pk):
    review = get_review(request, pk)
    if not policy.can_write_report(request.user, review):
        raise PermissionDenied(
            "Only the review's reviewers and the business unit write report drafts"
        )
    latest = review.report_drafts.first()
    return form_page(
        request,
        forms.ReportDraftForm(
            posted(request),
            initial={"summary": latest.summary, "body": latest.body} if latest else {},
        ),
        title="Add a draft of the final report",
        caption=str(review),
        back=review.get_absolute_url(),
        save=lambda data: services_reports.report_draft_add(review=review, by=request.user, **data),
        done="Draft report saved",
    )


def _draft(request, pk) -> ReportDraft:
    return access.get_for_user(request.user, ReportDraft.objects.select_related("review"), pk)


@login_required
def draft_detail(request, pk):
    return _draft_page(request, _draft(request, pk))


def _draft_page(request, draft: ReportDraft, **forms_shown):
    review = draft.review
    sign_offs = list(draft.sign_offs.select_related("partner_lead", "organisation"))
    is_lead = policy.can_sign_off(request.user, review)
    context = {
        "draft": draft,
        "review": review,
        "comments": draft.comments.select_related("author"),
        "sign_offs": sign_offs,
        "sign_off_blockers": services.partner_sign_off_blockers(review.partnership, sign_offs),
        "comment_form": forms.ReportCommentForm(),
        "sign_off_form": forms.SignOffForm()
        if is_lead and review.status == Review.Status.DRAFT_REPORT
        else None,
        **forms_shown,
    }
    return render(request, "reviews/draft_detail.html", context)


def _draft_post(request, pk, form, slot: str, save, *, done: str, may):
    draft = _draft(request, pk)
    if not may(draft):
        raise PermissionDenied("You cannot do this to the report")
    if not form.is_valid():
        return _draft_page(request, draft, **{slot: form, "form": form})
    return refused_or_done(
        request,
        lambda: save(draft, form.cleaned_data),
        done=done,
        to=reverse("reviews:draft_detail", args=[pk]),
    )


@login_required
@require_POST
def draft_comment(request, pk):
    return _draft_post(
        request,
        pk,
        forms.ReportCommentForm(request.POST),
        "comment_form",
        lambda draft, data: services_reports.report_comment_add(
            draft=draft, by=request.user, **data
        ),
        done="Comment added",
        may=lambda draft: True,
    )


@login_required
@require_POST
def draft_sign_off(request, pk):
    return _draft_post(
        request,
        pk,
        forms.SignOffForm(request.POST),
        "sign_off_form",
        lambda draft, data: services.partner_sign_off(report_draft=draft, by=request.user, **data),
        done="Your sign-off of the report is recorded",
        may=lambda draft: policy.can_sign_off(request.user, draft.review),
    )


@login_required
@require_POST
def review_final(request, pk):
    review = get_review(request, pk, write=True)
    return refused_or_done(
        request,
        lambda: services_reports.review_agree_final(review=review, by=request.user),
        done="The final report is agreed",
        to=review,
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_publication(request, pk):
    review = get_review(request, pk, write=True)
    if request.method == "POST":
        form = forms.PublicationPlanForm(request.POST)
        if form.is_valid():
            return refused_or_done(
                request,
                lambda: services_reports.review_plan_publication(
                    review=review, by=request.user, **form.cleaned_data
                ),
                done="Publication planned; sending the report to the national panel is a tracked task"
                if review.is_lcspr
                else "Publication planned",
                to=reverse("reviews:review_publication", args=[pk]),
            )
    else:
        form = forms.PublicationPlanForm(
            initial={
                "publication_date": review.planned_publication_date,
                "improvements_only": "improvements" if review.improvements_only else "full",
                "improvements_only_reason": review.improvements_only_reason,
            }
        )
    return render(
        request,
        "reviews/publication.html",
        {
            "review": review,
            "form": form,
            "tasks": review.tasks.all(),
            "blockers": services_reports.publication_blockers(review, timezone.localdate()),
            "publication": selectors.publication_of(review),
            "close_blockers": services_reports.close_blockers(review),
        },
    )


@login_required
@require_POST
def review_publish(request, pk):
    review = get_review(request, pk, write=True)
    try:
        publication = services_reports.review_publish(review=review, by=request.user)
    except services.RefusedError as refusal:
        messages.error(request, str(refusal))
    except PublicationRefused as refusal:
        messages.error(
            request,
            "The report identifies a child and has not been published: "
            + "; ".join(refusal.messages),
        )
    else:
        messages.success(request, f"Published on the public site: {publication.title}")
    return redirect("reviews:review_publication", pk=pk)


@login_required
@require_POST
def review_close(request, pk):
    review = get_review(request, pk, write=True)
    return refused_or_done(
        request,
        lambda: services_reports.review_close(review=review, by=request.user),
        done="Review closed",
        to=review,
    )


@login_required
@require_POST
def task_done(request, pk):
    task = access.get_for_user(
        request.user, ReviewTask.objects.select_related("review"), pk, write=True
    )
    return refused_or_done(
        request,
        lambda: services_reports.review_task_done(
            task=task, done_on=timezone.localdate(), by=request.user
        ),
        done=f"Done: {task}",
        to=reverse("reviews:review_publication", args=[task.review_id]),
    )
