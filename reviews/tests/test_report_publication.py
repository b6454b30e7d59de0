"""A review's report reaches the public only through its own flow, as the exact version agreed and
sent: a later draft needs agreeing and sending again."""

from datetime import date

import pytest
import time_machine

from learning.models import Publication
from reviews import services, services_reports
from reviews.models import Review, ReviewTask
from reviews.tests.factories import lcspr_for, partner_leads_of_every_statutory_partner

pytestmark = pytest.mark.django_db


def signed_off_draft(review, cast, body):
    draft = services_reports.report_draft_add(
        review=review, summary="Improvements.", body=body, by=cast.reviewer
    )
    for lead in partner_leads_of_every_statutory_partner(cast):
        services.partner_sign_off(report_draft=draft, by=lead, agrees=True, comment="")
    return draft


def agree_and_send(review, cast, sent_on):
    services_reports.review_agree_final(review=review, by=cast.officer)
    task = services_reports.review_plan_publication(
        review=review, publication_date=date(2026, 3, 20), by=cast.officer
    )
    services_reports.review_task_done(task=task, done_on=sent_on, by=cast.officer)
    return task


@pytest.fixture
def review(cast):
    review = lcspr_for(cast)
    Review.objects.filter(pk=review.pk).update(
        family_involvement="Mother met the reviewer.", child_voice="Child R's drawings."
    )
    review.refresh_from_db()
    return review


@time_machine.travel(date(2026, 3, 2))
def test_agreeing_the_final_report_freezes_its_draft(review, cast):
    draft = signed_off_draft(review, cast, "Version one text.")
    services_reports.review_agree_final(review=review, by=cast.officer)
    draft.refresh_from_db()
    assert (draft.agreed_by, draft.agreed_at is not None) == (cast.officer, True)
    assert services_reports.agreed_draft(review) == draft


def test_the_published_text_is_the_agreed_and_sent_version(review, cast):
    with time_machine.travel(date(2026, 3, 2)):
        signed_off_draft(review, cast, "Version one text.")
        task = agree_and_send(review, cast, date(2026, 3, 2))
    with time_machine.travel(date(2026, 3, 20)):
        publication = services_reports.review_publish(review=review, by=cast.officer)
    task.refresh_from_db()
    assert task.report_draft.version == 1
    assert (publication.body, publication.kind) == ("Version one text.", "review_report")
    assert publication.version_label == "Final report version 1, agreed 02 March 2026"


def test_a_later_draft_is_not_published_until_agreed_and_sent_again(review, cast):
    with time_machine.travel(date(2026, 3, 2)):
        signed_off_draft(review, cast, "Version one text.")
        agree_and_send(review, cast, date(2026, 3, 2))
        signed_off_draft(review, cast, "Version two text.")
    review.refresh_from_db()
    assert review.status == Review.Status.DRAFT_REPORT
    with (
        time_machine.travel(date(2026, 3, 20)),
        pytest.raises(services.RefusedError, match="Agree the final report first"),
    ):
        services_reports.review_publish(review=review, by=cast.officer)

    with time_machine.travel(date(2026, 3, 2)):
        services_reports.review_agree_final(review=review, by=cast.officer)
        services_reports.review_plan_publication(
            review=review, publication_date=date(2026, 3, 20), by=cast.officer
        )
    with (
        time_machine.travel(date(2026, 3, 20)),
        pytest.raises(services.RefusedError, match=r"Send the agreed final report \(version 2\)"),
    ):
        services_reports.review_publish(review=review, by=cast.officer)

    with time_machine.travel(date(2026, 3, 3)):
        task = review.tasks.get(kind=ReviewTask.Kind.SEND_TO_PANEL)
        services_reports.review_task_done(task=task, done_on=date(2026, 3, 3), by=cast.officer)
    with time_machine.travel(date(2026, 3, 20)):
        publication = services_reports.review_publish(review=review, by=cast.officer)
    assert publication.body == "Version two text."
    assert Publication.objects.count() == 1
