"""LCSPRs and case reviews: independence, agency returns, chronology, the final gate, publication."""

import io
from datetime import date, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook

from core.models import AuditEvent, Deadline
from core.testing import assert_queries_do_not_grow, sign_in
from reviews import services, services_reports, services_reviews
from reviews.models import (
    ChronologyEntry,
    RapidReview,
    ReportDraft,
    Review,
    ReviewerAssignment,
    ReviewTask,
)
from reviews.tests.factories import (
    REGULATION_11_ANSWERED,
    chronology_request_for,
    lcspr_for,
    notification_for,
    partner_leads_of_every_statutory_partner,
)

pytestmark = pytest.mark.django_db


def _assign(review, cast, person, **declaration):
    values = {"involved_with": [], "involved_in_case": False, "statement": "No conflict."}
    return services_reviews.reviewer_assign(
        review=review,
        person=person,
        role=ReviewerAssignment.Role.INDEPENDENT_REVIEWER,
        by=cast.officer,
        **{**values, **declaration},
    )


def _reviewer(cast, organisation=None):
    from partnership.models import Role
    from partnership.tests.factories import PersonFactory

    return PersonFactory(
        partnership=cast.partnership, organisation=organisation, roles=[Role.INDEPENDENT_REVIEWER]
    )


def test_an_lcspr_is_opened_only_from_a_rapid_review_deciding_to_hold_one(cast):
    rapid_review = notification_for(cast).rapid_review
    with pytest.raises(services.RefusedError, match="rapid review"):
        services_reviews.review_open(
            partnership=cast.partnership,
            review_type=Review.Type.LCSPR,
            title="Child R",
            rapid_review=rapid_review,
            by=cast.officer,
        )


def test_an_lcspr_opens_with_its_completion_milestone_on_the_dashboard(cast):
    review = lcspr_for(cast)
    milestone = review.milestones.get()
    assert (
        Deadline.objects.open()
        .for_person(cast.officer)
        .filter(link=review.get_absolute_url())
        .exists()
    )
    assert "6 months" in milestone.basis


def test_an_independent_reviewer_is_assigned_with_their_declaration(cast):
    review = lcspr_for(cast, with_reviewer=False)
    assignment = _assign(review, cast, cast.reviewer)
    assert assignment.review == review
    assert review.declarations.get().person == cast.reviewer


def _employer_rule(cast):
    from reviews.models import LocalReviewPolicy

    LocalReviewPolicy.objects.create(
        partnership=cast.partnership, reviewer_not_employed_by_agency_under_review=True
    )


def test_a_reviewer_employed_by_an_organisation_under_review_needs_the_partners_weighing(cast):
    """SI 2018/789 reg 12; the employer rule is the partnership's local policy."""
    _employer_rule(cast)
    review = lcspr_for(cast, with_reviewer=False)
    with pytest.raises(services.RefusedError, match="employed by Test Police"):
        _assign(review, cast, _reviewer(cast, organisation=cast.police))
    assert not review.reviewer_assignments.exists()
    assert not review.declarations.exists()


def test_a_conflict_weighed_by_the_partners_is_recorded_with_the_appointment(cast):
    """SI 2018/789 regs 12-13: the partners decide who is suitable; Working Together 2023 ch. 5."""
    _employer_rule(cast)
    review = lcspr_for(cast, with_reviewer=False)
    weighing = "Left Test Police in 2019 and had no part in its child protection work."
    _assign(review, cast, _reviewer(cast, organisation=cast.police), partners_weighing=weighing)
    declaration = review.declarations.get()
    assert "employed by Test Police" in declaration.conflicts
    assert declaration.partners_weighing == weighing


def test_without_the_employer_rule_an_employee_of_an_organisation_under_review_may_be_appointed(
    cast,
):
    """The employer rule is local policy, not law (SI 2018/789 reg 12)."""
    review = lcspr_for(cast, with_reviewer=False)
    _assign(review, cast, _reviewer(cast, organisation=cast.police))
    assert review.declarations.get().conflicts == ""


def test_a_reviewer_declaring_involvement_with_an_organisation_under_review_needs_the_weighing(
    cast,
):
    """Working Together 2023 ch. 5: a real or perceived conflict of interest is weighed."""
    review = lcspr_for(cast, with_reviewer=False)
    with pytest.raises(
        services.RefusedError, match="declared involvement with Test Borough Council"
    ):
        _assign(review, cast, cast.reviewer, involved_with=[cast.council])


def test_the_reviewer_sees_only_the_reviews_they_are_assigned_to(cast):
    mine, other = lcspr_for(cast), lcspr_for(cast, with_reviewer=False)
    visible = set(Review.objects.visible_to(cast.reviewer))
    assert mine in visible and other not in visible


def test_a_removed_reviewer_no_longer_sees_the_review(cast):
    review = lcspr_for(cast)
    services_reviews.reviewer_remove(assignment=review.reviewer_assignments.get(), by=cast.officer)
    assert review not in Review.objects.visible_to(cast.reviewer)


def test_terms_of_reference_are_versioned_and_the_latest_approved(cast):
    review = lcspr_for(cast)
    first = services_reviews.terms_of_reference_draft(
        review=review, text="Version one.", key_lines_of_enquiry="", by=cast.officer
    )
    second = services_reviews.terms_of_reference_draft(
        review=review, text="Version two.", key_lines_of_enquiry="", by=cast.officer
    )
    with pytest.raises(services.RefusedError, match="latest"):
        services_reviews.terms_of_reference_approve(terms=first, by=cast.partner_lead)
    services_reviews.terms_of_reference_approve(terms=second, by=cast.partner_lead)
    assert (second.version, second.approved_by) == (2, cast.partner_lead)


def _csv(text: str):
    return SimpleUploadedFile("chronology.csv", text.encode(), content_type="text/csv")


def _xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("chronology.xlsx", buffer.getvalue())


def test_a_chronology_imports_from_xlsx(cast):
    request = chronology_request_for(cast)
    imported = services_reviews.chronology_upload(
        request=request,
        upload=_xlsx(
            [["date", "event"], [date(2026, 1, 5), "Home visit"], ["06/01/2026", "School contact"]]
        ),
        by=cast.contributor,
    )
    assert (imported.status, imported.entries_added) == ("imported", 2)
    assert [(entry.date, entry.organisation) for entry in request.entries.all()] == [
        (date(2026, 1, 5), cast.hospital),
        (date(2026, 1, 6), cast.hospital),
    ]


def test_a_chronology_import_with_one_bad_row_writes_nothing(cast):
    request = chronology_request_for(cast)
    refused = services_reviews.chronology_upload(
        request=request,
        upload=_csv("date,event\n2026-01-05,Visit\nsoon,Call\n"),
        by=cast.contributor,
    )
    assert refused.status == "invalid"
    assert refused.errors == [
        "Row 3, column 'date': soon is not a date like 2026-03-27 or 27/03/2026"
    ]
    assert not ChronologyEntry.objects.exists()


def test_import_errors_show_row_and_column_in_the_error_summary(client, cast):
    request = chronology_request_for(cast)
    sign_in(client, cast.contributor)
    response = client.post(
        reverse("reviews:chronology_import", args=[request.pk]),
        {"file": _csv("date,event\nsoon,Call\n")},
    )
    page = response.content.decode()
    assert "There is a problem" in page and "Row 2, column &#x27;date&#x27;" in page


def test_the_merged_chronology_is_in_date_order_with_duplicates_marked_and_exported(client, cast):
    review = lcspr_for(cast)
    services_reviews.chronology_entry_add(
        review=review,
        organisation=cast.police,
        date=date(2026, 1, 9),
        event="Police attend a domestic incident at Child R's home",
        by=cast.officer,
    )
    services_reviews.chronology_entry_add(
        review=review,
        organisation=cast.hospital,
        date=date(2026, 1, 2),
        event="Child R seen at the emergency department",
        by=cast.officer,
    )
    services_reviews.chronology_entry_add(
        review=review,
        organisation=cast.council,
        date=date(2026, 1, 9),
        event="Domestic incident at Child R's home reported by police",
        by=cast.officer,
    )
    sign_in(client, cast.reviewer)
    export = (
        client.get(reverse("reviews:chronology_export", args=[review.pk]))
        .content.decode()
        .splitlines()
    )
    assert export[1].startswith("2026-01-02,Test Hospitals Trust")
    assert export[2].endswith(",yes") and export[3].endswith(",yes")
    assert AuditEvent.objects.filter(event=AuditEvent.Event.EXPORTED, actor=cast.reviewer).exists()


def test_the_contributor_sees_only_their_own_agency_requests(cast):
    from reviews.models import AgencyRequest

    review = lcspr_for(cast)
    mine = chronology_request_for(cast, review)
    police = services.agency_request_send(
        review=review,
        organisation=cast.police,
        kind=AgencyRequest.Kind.AGENCY_REPORT,
        due_date=date.today() + timedelta(days=7),
        details="",
        by=cast.officer,
    )
    visible = set(AgencyRequest.objects.visible_to(cast.contributor))
    assert mine in visible and police not in visible


def test_chasing_a_request_emails_the_agency_contributors(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    request = chronology_request_for(cast)
    with django_capture_on_commit_callbacks(execute=True):
        services.agency_request_chase(request=request, by=cast.officer)
    assert mailoutbox[-1].to == [cast.contributor.email]


def _draft_signed_off(review, cast):
    draft = services_reports.report_draft_add(
        review=review, summary="Improvements.", body="The report.", by=cast.reviewer
    )
    for lead in partner_leads_of_every_statutory_partner(cast):
        services.partner_sign_off(report_draft=draft, by=lead, agrees=True, comment="")
    return draft


def test_an_lcspr_cannot_move_to_final_without_family_involvement_and_the_childs_voice(cast):
    review = lcspr_for(cast)
    _draft_signed_off(review, cast)
    with pytest.raises(services.RefusedError, match="family"):
        services_reports.review_agree_final(review=review, by=cast.officer)


def test_a_recorded_reason_lets_an_lcspr_move_to_final_without_the_family(cast):
    review = lcspr_for(cast)
    Review.objects.filter(pk=review.pk).update(
        family_not_involved_reason="The family declined to take part."
    )
    review.refresh_from_db()
    _draft_signed_off(review, cast)
    services_reports.review_agree_final(review=review, by=cast.officer)
    assert review.status == Review.Status.FINAL


def test_the_final_report_needs_every_partner_leads_sign_off(cast):
    review = lcspr_for(cast)
    Review.objects.filter(pk=review.pk).update(
        family_involvement="Mother met the reviewer.", child_voice="Child R's drawings."
    )
    review.refresh_from_db()
    services_reports.report_draft_add(
        review=review, summary="Improvements.", body="The report.", by=cast.reviewer
    )
    with pytest.raises(services.RefusedError, match="Partner Lead Testperson"):
        services_reports.review_agree_final(review=review, by=cast.officer)


def _final(cast):
    review = lcspr_for(cast)
    Review.objects.filter(pk=review.pk).update(
        family_involvement="Mother met the reviewer.", child_voice="Child R's drawings."
    )
    review.refresh_from_db()
    _draft_signed_off(review, cast)
    return services_reports.review_agree_final(review=review, by=cast.officer)


@time_machine.travel(date(2026, 3, 2))
def test_planning_publication_sets_the_7_working_day_notice_as_a_statutory_task(cast):
    review = _final(cast)
    task = services_reports.review_plan_publication(
        review=review, publication_date=date(2026, 3, 20), by=cast.officer
    )
    assert (task.kind, task.due_date) == (ReviewTask.Kind.SEND_TO_PANEL, date(2026, 3, 11))
    assert Deadline.objects.get(title__endswith=task.get_kind_display()).due_date == date(
        2026, 3, 11
    )


@time_machine.travel(date(2026, 3, 2))
def test_publication_too_soon_for_the_notice_is_refused_with_the_earliest_date(cast):
    review = _final(cast)
    with pytest.raises(services.RefusedError, match="11 March 2026"):
        services_reports.review_plan_publication(
            review=review, publication_date=date(2026, 3, 5), by=cast.officer
        )


@time_machine.travel(date(2026, 12, 5))
def test_on_a_saturday_the_earliest_publication_date_named_is_accepted(cast):
    review = _final(cast)
    with pytest.raises(services.RefusedError, match="15 December 2026"):
        services_reports.review_plan_publication(
            review=review, publication_date=date(2026, 12, 14), by=cast.officer
        )
    task = services_reports.review_plan_publication(
        review=review, publication_date=date(2026, 12, 15), by=cast.officer
    )
    assert task.due_date == date(2026, 12, 5)


def test_publication_waits_7_working_days_after_the_report_is_sent_to_the_panel(cast):
    with time_machine.travel(date(2026, 3, 2)):
        review = _final(cast)
        task = services_reports.review_plan_publication(
            review=review, publication_date=date(2026, 3, 20), by=cast.officer
        )
        services_reports.review_task_done(task=task, done_on=date(2026, 3, 2), by=cast.officer)
    assert services_reports.publication_blockers(review, date(2026, 3, 10)) != []
    assert services_reports.publication_blockers(review, date(2026, 3, 11)) == []


def test_the_review_list_makes_the_same_number_of_queries_however_many_reviews(client, cast):
    sign_in(client, cast.officer)
    lcspr_for(cast)
    assert_queries_do_not_grow(
        lambda: client.get(reverse("reviews:review_list")),
        lambda: [lcspr_for(cast) for _ in range(3)],
    )


def _data_queries(action) -> int:
    """Queries that read or write data; savepoints are the test transaction's own bookkeeping."""
    with CaptureQueriesContext(connection) as captured:
        action()
    return sum("SAVEPOINT" not in query["sql"] for query in captured.captured_queries)


def test_the_review_page_makes_the_same_number_of_queries_however_much_it_holds(client, cast):
    review = lcspr_for(cast)
    sign_in(client, cast.reviewer)

    def add_records(count=3):
        for number in range(count):
            services_reviews.milestone_add(
                review=review,
                title=f"Milestone {number}",
                due_date=date(2026, 6, 1),
                by=cast.officer,
            )
            chronology_request_for(cast, review)
            services_reports.report_draft_add(
                review=review, summary="S.", body="B.", by=cast.reviewer
            )

    def fetch():
        return client.get(reverse("reviews:review_detail", args=[review.pk]))

    add_records(count=1)
    fetch()
    before = _data_queries(fetch)
    add_records()
    assert _data_queries(fetch) <= before


def test_a_no_lcspr_decision_leads_to_a_case_review_not_an_lcspr(cast):
    rapid_review = notification_for(cast).rapid_review
    RapidReview.objects.filter(pk=rapid_review.pk).update(
        abuse_or_neglect="not_suspected", interagency_concerns="unknown", **REGULATION_11_ANSWERED
    )
    rapid_review.refresh_from_db()
    services.rapid_review_decide(
        rapid_review=rapid_review,
        decision=RapidReview.Decision.NO_LCSPR,
        national_review_recommended=False,
        rationale="Not met.",
        learning_identified="",
        alternative_learning="Practitioner learning event.",
        by=cast.officer,
    )
    review = services_reviews.review_open(
        partnership=cast.partnership,
        review_type=Review.Type.PRACTITIONER_EVENT,
        title="Child R",
        rapid_review=rapid_review,
        by=cast.officer,
    )
    assert not review.is_lcspr


def test_a_review_has_its_dissemination_plan_from_the_day_it_opens(cast):
    from learning.selectors import dissemination_blockers

    review = lcspr_for(cast)
    assert dissemination_blockers(review) == [
        "The dissemination plan has no channels: plan at least one"
    ]


def _ready_to_publish(cast, body="Child R's family were known to three agencies."):
    with time_machine.travel(date(2026, 3, 2)):
        review = _final(cast)
        ReportDraft.objects.filter(review=review).update(body=body)
        task = services_reports.review_plan_publication(
            review=review, publication_date=date(2026, 3, 20), by=cast.officer
        )
        services_reports.review_task_done(task=task, done_on=date(2026, 3, 2), by=cast.officer)
    return review


@time_machine.travel(date(2026, 3, 20))
def test_publishing_puts_the_report_on_the_public_site_and_tracks_the_repository_task(client, cast):
    review = _ready_to_publish(cast)
    publication = services_reports.review_publish(review=review, by=cast.officer)
    assert review.status == Review.Status.PUBLISHED
    assert review.tasks.get(kind=ReviewTask.Kind.NATIONAL_REPOSITORY).done_on is None
    page = client.get(reverse("public:publication", args=[cast.partnership.slug, publication.pk]))
    assert "three agencies" in page.content.decode()


@time_machine.travel(date(2026, 3, 20))
def test_a_report_naming_the_child_is_not_published(cast):
    from learning.services_publication import PublicationRefused
    from reviews.models import NotifiedChild

    review = _ready_to_publish(cast, body="Tess Example was known to three agencies.")
    services.notified_child_add(
        notification=review.rapid_review.notification,
        pseudonym="Child R",
        outcome=NotifiedChild.Outcome.SERIOUSLY_HARMED,
        age=4,
        full_name="Tess Example",
        by=cast.officer,
    )
    with pytest.raises(PublicationRefused):
        services_reports.review_publish(review=review, by=cast.officer)
    review.refresh_from_db()
    assert review.status == Review.Status.FINAL


def test_a_published_review_closes_only_once_its_tasks_and_dissemination_are_done(cast):
    with time_machine.travel(date(2026, 3, 20)):
        review = services_reports.review_publish(
            review=_ready_to_publish(cast), by=cast.officer
        ).source
    blockers = services_reports.close_blockers(review)
    assert any("repository" in blocker for blocker in blockers)
    assert any("dissemination plan" in blocker for blocker in blockers)


def test_a_review_edited_from_a_stale_page_is_refused_not_overwritten(client, cast):
    review = lcspr_for(cast)
    sign_in(client, cast.officer)
    url = reverse("reviews:review_edit", args=[review.pk])
    stale = {"title": "Child R", "version": review.version, "methodology": "Learning Together"}
    client.post(url, {**stale, "methodology": "Systems review"})
    response = client.post(url, stale)
    review.refresh_from_db()
    assert "Someone else changed this record" in response.content.decode()
    assert review.methodology == "Systems review"


def test_a_learning_event_records_who_attended_and_what_practitioners_said(cast):
    review = lcspr_for(cast)
    event = services_reviews.learning_event_add(
        review=review,
        title="Practitioner learning event",
        date=date(2026, 5, 1),
        venue="Online",
        invited=[cast.practitioner, cast.group_member],
        by=cast.officer,
    )
    services_reviews.learning_event_record(
        event=event,
        attended=[cast.practitioner],
        what_practitioners_said="Caseloads meant visits were short.",
        why_it_happened="No time to see the child alone.",
        by=cast.officer,
    )
    attendance = dict(event.invitations.values_list("person__email", "attended"))
    assert attendance == {cast.practitioner.email: True, cast.group_member.email: False}


def test_a_case_review_may_name_a_critical_friend_from_an_organisation_under_review(cast):
    review = services_reviews.review_open(
        partnership=cast.partnership,
        review_type=Review.Type.MULTI_AGENCY,
        title="Child T",
        by=cast.officer,
    )
    review.organisations_under_review.set([cast.police])
    friend = _reviewer(cast, organisation=cast.police)
    assignment = services_reviews.reviewer_assign(
        review=review,
        person=friend,
        role=ReviewerAssignment.Role.CRITICAL_FRIEND,
        involved_with=[],
        involved_in_case=False,
        statement="Not involved in the case.",
        by=cast.officer,
    )
    assert assignment.role == ReviewerAssignment.Role.CRITICAL_FRIEND


def test_an_lcspr_is_not_led_by_a_critical_friend(cast):
    with pytest.raises(services.RefusedError, match="independent reviewer"):
        services_reviews.reviewer_assign(
            review=lcspr_for(cast, with_reviewer=False),
            person=cast.reviewer,
            role=ReviewerAssignment.Role.CRITICAL_FRIEND,
            involved_with=[],
            involved_in_case=False,
            statement="None.",
            by=cast.officer,
        )


def test_the_notification_form_refuses_awareness_before_the_incident(client, cast):
    sign_in(client, cast.officer)
    response = client.post(
        reverse("reviews:notification_create"),
        {
            "incident_summary": "Child R injured.",
            "incident_date_0": "5",
            "incident_date_1": "3",
            "incident_date_2": "2026",
            "aware_date_0": "4",
            "aware_date_1": "3",
            "aware_date_2": "2026",
        },
    )
    assert (
        "Date aware must be the same as or after the date of the incident"
        in response.content.decode()
    )


@time_machine.travel(date(2026, 3, 20))
def test_information_about_improvements_is_published_instead_of_a_report_not_fit_to_publish(
    client, cast
):
    """SI 2018/789 reg 16: where the full report is not appropriate to publish, the partners
    publish information about the improvements, through the same publication gate."""
    with time_machine.travel(date(2026, 3, 2)):
        review = _final(cast)
        ReportDraft.objects.filter(review=review).update(
            summary="Share every injury to a pre-mobile child.", body="Details of the family."
        )
        task = services_reports.review_plan_publication(
            review=review,
            publication_date=date(2026, 3, 20),
            improvements_only=True,
            improvements_only_reason="The family would be identified by the full account.",
            by=cast.officer,
        )
        services_reports.review_task_done(task=task, done_on=date(2026, 3, 2), by=cast.officer)
    publication = services_reports.review_publish(review=review, by=cast.officer)
    assert publication.title.endswith("information about improvements")
    page = client.get(reverse("public:publication", args=[cast.partnership.slug, publication.pk]))
    assert "pre-mobile child" in page.content.decode()
    assert "Details of the family" not in page.content.decode()


def test_improvements_only_needs_the_partners_reason(cast):
    """SI 2018/789 reg 16: the partners consider the full report inappropriate, and say why."""
    with time_machine.travel(date(2026, 3, 2)):
        review = _final(cast)
        with pytest.raises(services.RefusedError, match="not appropriate to publish"):
            services_reports.review_plan_publication(
                review=review,
                publication_date=date(2026, 3, 20),
                improvements_only=True,
                by=cast.officer,
            )
    review.refresh_from_db()
    assert review.planned_publication_date is None


@time_machine.travel(date(2026, 3, 2))
def test_a_non_statutory_review_has_no_statutory_notice_before_publication(cast):
    """SI 2018/789 reg 16 applies to LCSPR reports only."""
    review = _final(cast)
    Review.objects.filter(pk=review.pk).update(review_type=Review.Type.MULTI_AGENCY)
    review.refresh_from_db()
    assert (
        services_reports.review_plan_publication(
            review=review, publication_date=date(2026, 3, 3), by=cast.officer
        )
        is None
    )
    assert not review.tasks.exists()
    assert services_reports.publication_blockers(review, date(2026, 3, 3)) == []


def test_an_assigned_reviewer_finds_their_review_on_the_dashboard_until_its_report_is_agreed(
    client, cast
):
    review = lcspr_for(cast)
    sign_in(client, cast.reviewer)
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert "Reviews you are assigned to" in dashboard
    assert f"{review.reference}: Child R" in dashboard
    Review.objects.filter(pk=review.pk).update(status=Review.Status.FINAL)
    assert (
        "Reviews you are assigned to" not in client.get(reverse("core:dashboard")).content.decode()
    )


def test_a_review_is_not_on_the_dashboard_of_someone_not_assigned_to_it(client, cast):
    lcspr_for(cast, with_reviewer=False)
    sign_in(client, cast.reviewer)
    assert (
        "Reviews you are assigned to" not in client.get(reverse("core:dashboard")).content.decode()
    )
