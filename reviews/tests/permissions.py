"""The reviews rows of the permission matrix: reviewers see only their reviews, contributors
only their own agency's requests, the other partnership nothing."""

from datetime import date

from reviews import services, services_reports, services_reviews
from reviews.tests.factories import chronology_request_for, lcspr_for, notification_for
from security.permission_matrix import Check, expect

NOT_SEEN = {"outsider": 404, "no_role": 404}
# Case work is seen by the business unit and partner leads; nobody else even learns it exists.
CASE_WORK_ONLY = dict.fromkeys(
    [
        "group_member",
        "reviewer",
        "contributor",
        "cdop_member",
        "practitioner",
        "outsider",
        "no_role",
    ],
    404,
)
BU_PAGE = expect(404, manager=200, officer=200, partner_lead=403)
BU_POST = expect(404, manager=302, officer=302, partner_lead=403)
REVIEW_PAGE = expect(404, manager=200, officer=200, partner_lead=200, reviewer=200)
REVIEW_BU_PAGE = expect(404, manager=200, officer=200, partner_lead=403, reviewer=403)
REVIEW_BU_POST = expect(404, manager=302, officer=302, partner_lead=403, reviewer=403)
EVERYONE_WITH_A_ROLE = expect(200, no_role=403)
BU_OF_THEIR_PARTNERSHIP = expect(403, manager=200, officer=200, outsider=200)
CASE_PAGE = expect(404, manager=200, officer=200, partner_lead=200)


def _referral(cast):
    referral = services.learning_referral_submit(
        partnership=cast.partnership,
        referred_by=cast.practitioner,
        title="Child R: missed appointments",
        what_happened="Missed appointments.",
        agencies_involved="Health",
        why_learning="No follow-up.",
        child_voice="",
    )
    return {"pk": referral.pk}


def _notification(cast):
    return {"pk": notification_for(cast).pk}


def _rapid_review(cast):
    return {"pk": notification_for(cast).rapid_review.pk}


def _review(cast):
    return {"pk": lcspr_for(cast).pk}


def _request(cast):
    return {"pk": chronology_request_for(cast).pk}


def _terms(cast):
    review = lcspr_for(cast)
    terms = services_reviews.terms_of_reference_draft(
        review=review, text="Scope: 2025 to 2026.", key_lines_of_enquiry="", by=cast.officer
    )
    return {"pk": terms.pk}


def _milestone(cast):
    return {"pk": lcspr_for(cast).milestones.first().pk}


def _assignment(cast):
    return {"pk": lcspr_for(cast).reviewer_assignments.first().pk}


def _event(cast):
    event = services_reviews.learning_event_add(
        review=lcspr_for(cast),
        title="Practitioner event",
        date=date(2026, 5, 1),
        venue="",
        invited=[cast.practitioner],
        by=cast.officer,
    )
    return {"pk": event.pk}


def _draft(cast):
    draft = services_reports.report_draft_add(
        review=lcspr_for(cast), summary="Summary.", body="Report.", by=cast.reviewer
    )
    return {"pk": draft.pk}


def _task(cast):
    from reviews.models import ReviewTask

    review = lcspr_for(cast)
    return {
        "pk": ReviewTask.objects.create(
            review=review, kind=ReviewTask.Kind.SEND_TO_PANEL, due_date=date(2026, 9, 1)
        ).pk
    }


def _sign_off_data(cast):
    return {"agrees": "yes", "comment": ""}


CHECKS = [
    Check("reviews:referral_list", EVERYONE_WITH_A_ROLE),
    Check("reviews:referral_create", EVERYONE_WITH_A_ROLE),
    Check(
        "reviews:referral_detail",
        expect(
            404, manager=200, officer=200, partner_lead=200, practitioner=200, two_partnerships=404
        ),
        kwargs=_referral,
    ),
    Check(
        "reviews:referral_triage",
        expect(
            404, manager=302, officer=302, partner_lead=403, practitioner=403, two_partnerships=404
        ),
        kwargs=_referral,
        method="post",
        data=lambda cast: {"outcome": "no_further_action", "reason": "Covered by a current audit."},
    ),
    Check("reviews:notification_create", BU_OF_THEIR_PARTNERSHIP),
    Check("reviews:local_review_policy", expect(403, manager=200, outsider=200)),
    Check(
        "reviews:local_review_policy",
        expect(403, manager=302, outsider=302),
        method="post",
        data=lambda cast: {"always_review_death_in_custody": "on"},
        label="changing the local review policy",
    ),
    Check("reviews:notification_detail", CASE_PAGE, kwargs=_notification),
    Check(
        "reviews:notification_notified",
        BU_POST,
        kwargs=_notification,
        method="post",
        data=lambda cast: {
            "notified_date_0": "4",
            "notified_date_1": "3",
            "notified_date_2": "2026",
        },
    ),
    Check(
        "reviews:notification_secretary_of_state",
        BU_POST,
        kwargs=_notification,
        method="post",
        data=lambda cast: {"notified_on_0": "4", "notified_on_1": "3", "notified_on_2": "2026"},
    ),
    Check("reviews:child_add", BU_PAGE, kwargs=_notification),
    Check("reviews:identifying_details", CASE_PAGE, kwargs=_notification),
    Check("reviews:rapid_review_detail", CASE_PAGE, kwargs=_rapid_review),
    Check("reviews:rapid_review_edit", BU_PAGE, kwargs=_rapid_review),
    Check("reviews:episode_add", BU_PAGE, kwargs=_rapid_review),
    Check("reviews:rapid_review_decision", CASE_PAGE, kwargs=_rapid_review),
    Check(
        "reviews:rapid_review_decision",
        BU_POST,
        kwargs=_rapid_review,
        method="post",
        data=lambda cast: {"decision": "lcspr", "rationale": "Criteria met."},
        label="recording the decision",
    ),
    Check(
        "reviews:rapid_review_sign_off",
        expect(404, manager=403, officer=403, partner_lead=302),
        kwargs=_rapid_review,
        method="post",
        data=_sign_off_data,
    ),
    Check(
        "reviews:rapid_review_sent",
        BU_POST,
        kwargs=_rapid_review,
        method="post",
        data=lambda cast: {"sent_on_0": "4", "sent_on_1": "3", "sent_on_2": "2026"},
    ),
    Check(
        "reviews:rapid_review_panel_response",
        BU_POST,
        kwargs=_rapid_review,
        method="post",
        data=lambda cast: {
            "response": "agrees",
            "responded_on_0": "4",
            "responded_on_1": "3",
            "responded_on_2": "2026",
        },
    ),
    Check("reviews:request_list", EVERYONE_WITH_A_ROLE),
    Check(
        "reviews:request_create",
        REVIEW_BU_PAGE,
        kwargs=lambda cast: {"case": "reviews", **_review(cast)},
    ),
    Check(
        "reviews:request_create",
        BU_PAGE,
        kwargs=lambda cast: {"case": "rapid-reviews", **_rapid_review(cast)},
        label="for a rapid review",
    ),
    Check(
        "reviews:request_detail",
        expect(404, manager=200, officer=200, partner_lead=200, reviewer=200, contributor=200),
        kwargs=_request,
    ),
    Check(
        "reviews:request_return",
        expect(404, manager=403, officer=403, partner_lead=403, reviewer=403, contributor=302),
        kwargs=_request,
        method="post",
        data=lambda cast: {"response": "Chronology complete."},
    ),
    Check(
        "reviews:request_chase",
        expect(404, manager=302, officer=302, partner_lead=403, reviewer=403, contributor=403),
        kwargs=_request,
        method="post",
    ),
    Check(
        "reviews:chronology_entry_add",
        expect(404, manager=403, officer=403, partner_lead=403, reviewer=403, contributor=302),
        kwargs=_request,
        method="post",
        data=lambda cast: {
            "date_0": "1",
            "date_1": "2",
            "date_2": "2026",
            "event": "Seen at the emergency department.",
        },
    ),
    Check(
        "reviews:chronology_import",
        expect(404, manager=403, officer=403, partner_lead=403, reviewer=403, contributor=200),
        kwargs=_request,
        method="post",
    ),
    Check("reviews:review_list", EVERYONE_WITH_A_ROLE),
    Check("reviews:review_create", BU_OF_THEIR_PARTNERSHIP),
    Check("reviews:review_detail", REVIEW_PAGE, kwargs=_review),
    Check(
        "reviews:review_detail",
        expect(404, manager=200, officer=200, partner_lead=200),
        kwargs=lambda cast: {"pk": lcspr_for(cast, with_reviewer=False).pk},
        label="with no reviewer assigned",
    ),
    Check("reviews:review_edit", REVIEW_BU_PAGE, kwargs=_review),
    Check("reviews:terms_draft", REVIEW_BU_PAGE, kwargs=_review),
    Check(
        "reviews:terms_approve",
        expect(404, manager=302, officer=403, partner_lead=302, reviewer=403),
        kwargs=_terms,
        method="post",
    ),
    Check("reviews:milestone_add", REVIEW_BU_PAGE, kwargs=_review),
    Check("reviews:milestone_complete", REVIEW_BU_POST, kwargs=_milestone, method="post"),
    Check("reviews:reviewer_assign", REVIEW_BU_PAGE, kwargs=_review),
    Check("reviews:reviewer_remove", REVIEW_BU_POST, kwargs=_assignment, method="post"),
    Check(
        "reviews:declaration_add",
        expect(404, manager=403, officer=403, partner_lead=403, reviewer=200),
        kwargs=_review,
    ),
    Check("reviews:chronology", REVIEW_PAGE, kwargs=_review),
    Check("reviews:chronology_export", REVIEW_PAGE, kwargs=_review),
    Check("reviews:event_add", REVIEW_BU_PAGE, kwargs=_review),
    Check("reviews:event_record", REVIEW_BU_PAGE, kwargs=_event),
    Check(
        "reviews:draft_add",
        expect(404, manager=200, officer=200, partner_lead=403, reviewer=200),
        kwargs=_review,
    ),
    Check("reviews:draft_detail", REVIEW_PAGE, kwargs=_draft),
    Check(
        "reviews:draft_comment",
        expect(404, manager=302, officer=302, partner_lead=302, reviewer=302),
        kwargs=_draft,
        method="post",
        data=lambda cast: {"text": "Please say more about the health visits."},
    ),
    Check(
        "reviews:draft_sign_off",
        expect(404, manager=403, officer=403, partner_lead=302, reviewer=403),
        kwargs=_draft,
        method="post",
        data=_sign_off_data,
    ),
    Check("reviews:review_final", REVIEW_BU_POST, kwargs=_review, method="post"),
    Check("reviews:review_publication", REVIEW_BU_PAGE, kwargs=_review),
    Check("reviews:task_done", REVIEW_BU_POST, kwargs=_task, method="post"),
    Check("reviews:review_publish", REVIEW_BU_POST, kwargs=_review, method="post"),
    Check("reviews:review_close", REVIEW_BU_POST, kwargs=_review, method="post"),
]
