"""Pages of LCSPRs and non-statutory case reviews."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core import services as core_services
from core.exports import csv_response
from core.forms import posted
from core.selectors import audit_history
from partnership import access
from reviews import forms, policy, selectors, services_reports, services_reviews
from reviews.models import (
    LearningEvent,
    LearningReferral,
    Milestone,
    RapidReview,
    Review,
    ReviewerAssignment,
    TermsOfReference,
)
from reviews.pages import PER_PAGE, edit_page, form_page, get_review, refused_or_done

RECENT_RAPID_REVIEWS = 25


@login_required
def review_list(request):
    partnership = access.require_partnership(request)
    page = Paginator(selectors.reviews_for(request.user, partnership), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "reviews/review_list.html",
        {
            "reviews": page,
            "page": page,
            "rapid_reviews": selectors.rapid_reviews_for(request.user, partnership)[
                :RECENT_RAPID_REVIEWS
            ],
            "can_manage": policy.can_manage_reviews(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request):
    partnership = policy.require_manager(request)
    rapid_review = referral = None
    if request.GET.get("rapid_review"):
        rapid_review = access.get_for_user(
            request.user, RapidReview.objects.all(), request.GET["rapid_review"], write=True
        )
    if request.GET.get("referral"):
        referral = access.get_for_user(
            request.user, LearningReferral.objects.all(), request.GET["referral"], write=True
        )
    origin = rapid_review or referral
    initial = (
        {"review_type": Review.Type.LCSPR}
        if rapid_review and rapid_review.decision == RapidReview.Decision.LCSPR
        else {}
    )

    def save(data):
        return services_reviews.review_open(
            partnership=partnership,
            rapid_review=rapid_review,
            referral=referral,
            by=request.user,
            **data,
        )

    return form_page(
        request,
        forms.ReviewOpenForm(posted(request), initial=initial),
        title="Open a review",
        caption=str(origin) if origin else "Reviews",
        back=origin.get_absolute_url() if origin else reverse("reviews:review_list"),
        save=save,
        done="Review opened",
        button="Open review",
        similar=selectors.similar_to_origin(origin, request.user) if origin else None,
    )


@login_required
def review_detail(request, pk):
    review = selectors.review_page(get_review(request, pk))
    can_manage = policy.can_manage_reviews(request.user, review)
    return render(
        request,
        "reviews/review_detail.html",
        {
            "review": review,
            "can_manage": can_manage,
            "is_reviewer": policy.is_assigned_reviewer(request.user, review),
            "can_approve_terms": policy.can_approve_terms(request.user, review),
            "timeline": selectors.review_timeline(review),
            "final_blockers": services_reports.final_blockers(review)
            if review.status == Review.Status.DRAFT_REPORT
            else [],
            "history": audit_history(review) if can_manage else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_edit(request, pk):
    review = get_review(request, pk, write=True)
    return edit_page(
        request,
        review,
        forms.ReviewForm(posted(request), instance=review),
        title="Scope, agencies and family involvement",
        done="Review updated",
    )


def _review_form(request, pk, *, form, title: str, done: str, save, write: bool = True):
    """A form page about one review: `form(review)` builds the form, `save(review, data)` writes."""
    review = get_review(request, pk, write=write)

    def run(data):
        save(review, data)
        return review

    return form_page(
        request,
        form(review),
        title=title,
        caption=str(review),
        back=review.get_absolute_url(),
        save=run,
        done=done,
    )


@login_required
@require_http_methods(["GET", "POST"])
def terms_draft(request, pk):
    return _review_form(
        request,
        pk,
        form=lambda review: forms.TermsOfReferenceForm(
            posted(request), initial=_latest_terms(review)
        ),
        title="Draft terms of reference",
        done="New version of the terms of reference drafted",
        save=lambda review, data: services_reviews.terms_of_reference_draft(
            review=review, by=request.user, **data
        ),
    )


def _latest_terms(review: Review) -> dict:
    latest = review.terms_of_reference.first()
    return (
        {"text": latest.text, "key_lines_of_enquiry": latest.key_lines_of_enquiry} if latest else {}
    )


@login_required
@require_POST
def terms_approve(request, pk):
    terms = access.get_for_user(request.user, TermsOfReference.objects.select_related("review"), pk)
    if not policy.can_approve_terms(request.user, terms.review):
        raise PermissionDenied(
            "Terms of reference are approved by a partner lead or the business unit manager"
        )
    return refused_or_done(
        request,
        lambda: services_reviews.terms_of_reference_approve(terms=terms, by=request.user),
        done=f"Terms of reference version {terms.version} approved",
        to=terms.review,
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_add(request, pk):
    return _review_form(
        request,
        pk,
        form=lambda review: forms.MilestoneForm(posted(request)),
        title="Add a milestone",
        done="Milestone added",
        save=lambda review, data: services_reviews.milestone_add(
            review=review, by=request.user, **data
        ),
    )


@login_required
@require_POST
def milestone_complete(request, pk):
    milestone = access.get_for_user(
        request.user, Milestone.objects.select_related("review"), pk, write=True
    )
    return refused_or_done(
        request,
        lambda: services_reviews.milestone_complete(
            milestone=milestone, completed_on=timezone.localdate(), by=request.user
        ),
        done=f"Milestone '{milestone.title}' done",
        to=milestone.review,
    )


@login_required
@require_http_methods(["GET", "POST"])
def reviewer_assign(request, pk):
    return _review_form(
        request,
        pk,
        form=lambda review: forms.ReviewerAssignForm(
            posted(request), partnership=review.partnership
        ),
        title="Assign a reviewer",
        done="Reviewer assigned",
        save=lambda review, data: services_reviews.reviewer_assign(
            review=review, by=request.user, **{**data, "involved_with": list(data["involved_with"])}
        ),
    )


@login_required
@require_POST
def reviewer_remove(request, pk):
    assignment = access.get_for_user(
        request.user, ReviewerAssignment.objects.select_related("review", "person"), pk, write=True
    )
    return refused_or_done(
        request,
        lambda: services_reviews.reviewer_remove(assignment=assignment, by=request.user),
        done=f"{assignment.person} removed from the review",
        to=assignment.review,
    )


@login_required
@require_http_methods(["GET", "POST"])
def declaration_add(request, pk):
    """A reviewer records (or updates) their own conflict of interest declaration."""
    review = get_review(request, pk)
    if not policy.is_assigned_reviewer(request.user, review):
        raise PermissionDenied("Only the review's reviewers record their declarations here")
    return _review_form(
        request,
        pk,
        write=False,
        form=lambda review: forms.DeclarationForm(posted(request), partnership=review.partnership),
        title="Your conflict of interest declaration",
        done="Declaration recorded",
        save=lambda review, data: services_reviews.declaration_record(
            review=review,
            person=request.user,
            by=request.user,
            **{**data, "involved_with": list(data["involved_with"])},
        ),
    )


@login_required
def chronology(request, pk):
    review = get_review(request, pk)
    return render(
        request,
        "reviews/chronology.html",
        {"review": review, "rows": selectors.merged_chronology(review)},
    )


@login_required
def chronology_export(request, pk):
    review = get_review(request, pk)
    rows = selectors.merged_chronology(review)
    core_services.download_recorded(
        by=request.user,
        partnership=review.partnership,
        subject=review,
        details={"chronology_entries": len(rows)},
    )
    return csv_response(
        f"{review.reference}-chronology.csv",
        [
            ["date", "agency", "event", "likely duplicate"],
            *(
                [
                    row.entry.date.isoformat(),
                    row.entry.organisation.name,
                    row.entry.event,
                    "yes" if row.likely_duplicate else "",
                ]
                for row in rows
            ),
        ],
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_add(request, pk):
    return _review_form(
        request,
        pk,
        form=lambda review: forms.LearningEventForm(
            posted(request), partnership=review.partnership
        ),
        title="Plan a practitioner learning event",
        done="Learning event planned; practitioners invited",
        save=lambda review, data: services_reviews.learning_event_add(
            review=review, by=request.user, **{**data, "invited": list(data["invited"])}
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_record(request, pk):
    event = access.get_for_user(
        request.user, LearningEvent.objects.select_related("review"), pk, write=True
    )
    initial = {
        "what_practitioners_said": event.what_practitioners_said,
        "why_it_happened": event.why_it_happened,
    }

    def save(data):
        services_reviews.learning_event_record(
            event=event, by=request.user, **{**data, "attended": list(data["attended"])}
        )
        return event.review

    return form_page(
        request,
        forms.LearningEventRecordForm(posted(request), event=event, initial=initial),
        title=f"Record {event.title}",
        caption=str(event.review),
        back=event.review.get_absolute_url(),
        save=save,
        done="Learning event recorded",
    )
