"""The serious incident register: the notifying local authority, and the deaths of looked-after
children and care leavers told to the Secretary of State and Ofsted (Working Together 2023 ch. 5)."""

from datetime import date

import pytest
from django.urls import reverse

from core.models import Deadline
from partnership.models import Organisation
from partnership.tests.factories import OrganisationFactory
from reviews import services
from reviews.models import NotifiedChild, SeriousIncidentNotification
from reviews.register import secretary_of_state_and_ofsted_to_be_notified
from reviews.tests.factories import notification_for


def _rule(**changes):
    values = {"died": True, "looked_after": False, "care_leaver": False, "age": 10}
    return secretary_of_state_and_ofsted_to_be_notified(**{**values, **changes})


def test_a_looked_after_childs_death_is_told_to_the_secretary_of_state_and_ofsted():
    """Working Together 2023 ch. 5: whether or not abuse or neglect is suspected."""
    assert _rule(looked_after=True)


def test_a_care_leavers_death_is_told_up_to_and_including_age_24():
    """Working Together 2023 ch. 5: care leavers up to and including age 24."""
    assert _rule(care_leaver=True, age=24)
    assert not _rule(care_leaver=True, age=25)


def test_serious_harm_to_a_looked_after_child_is_not_a_death_to_tell():
    """Working Together 2023 ch. 5: the duty is about deaths."""
    assert not _rule(looked_after=True, died=False)


def test_a_death_of_a_child_not_in_care_is_not_told_to_the_secretary_of_state():
    """Working Together 2023 ch. 5."""
    assert not _rule()


def _died(cast, **flags):
    notification = notification_for(cast, aware=date(2026, 3, 2))
    services.notified_child_add(
        notification=notification,
        pseudonym="Child R",
        outcome=NotifiedChild.Outcome.DIED,
        age=flags.pop("age", 15),
        by=cast.officer,
        **flags,
    )
    return notification


@pytest.mark.django_db
def test_a_looked_after_childs_death_creates_a_tracked_statutory_task(cast):
    """Working Together 2023 ch. 5: whether or not abuse or neglect is suspected."""
    notification = _died(cast, looked_after=True)
    task = Deadline.objects.get(title=services.NOTIFY_SECRETARY_OF_STATE)
    assert (task.is_statutory, task.due_date) == (True, notification.notify_panel_by)
    assert Deadline.objects.open().for_person(cast.partner_lead).filter(pk=task.pk).exists()


@pytest.mark.django_db
def test_recording_that_they_were_told_completes_the_task(cast):
    notification = _died(cast, care_leaver=True, age=19)
    services.notification_record_secretary_of_state_notified(
        notification=notification, notified_on=date(2026, 3, 3), by=cast.officer
    )
    assert notification.secretary_of_state_notified_on == date(2026, 3, 3)
    assert Deadline.objects.get(title=services.NOTIFY_SECRETARY_OF_STATE).completed_at


@pytest.mark.django_db
def test_no_task_for_a_child_not_in_care(cast):
    _died(cast)
    assert not Deadline.objects.filter(title=services.NOTIFY_SECRETARY_OF_STATE).exists()


@pytest.mark.django_db
def test_the_notifying_local_authority_is_recorded_among_two(cast):
    """s16C Children Act 2004: the local authority notifies; a partnership may hold two or more."""
    second = OrganisationFactory(
        partnership=cast.partnership,
        name="Second Test Council",
        organisation_type=Organisation.Type.LOCAL_AUTHORITY,
    )
    notification = services.notification_create(
        partnership=cast.partnership,
        incident_summary="Child R was seriously injured.",
        incident_date=date(2026, 3, 1),
        aware_date=date(2026, 3, 2),
        notifying_authority=second,
        by=cast.officer,
    )
    assert notification.notifying_authority == second


@pytest.mark.django_db
def test_another_partnerships_council_cannot_be_the_notifying_authority(cast):
    with pytest.raises(services.RefusedError, match="local authority of this partnership"):
        services.notification_create(
            partnership=cast.partnership,
            incident_summary="Child R was seriously injured.",
            incident_date=date(2026, 3, 1),
            aware_date=date(2026, 3, 2),
            notifying_authority=cast.other_council,
            by=cast.officer,
        )


@pytest.mark.django_db
def test_a_crafted_post_naming_another_partnerships_council_gets_a_govuk_message(client, cast):
    from core.testing import sign_in

    sign_in(client, cast.officer)
    page = client.post(
        reverse("reviews:notification_create"),
        {
            "notifying_authority": cast.other_council.pk,
            "incident_summary": "Child R was seriously injured.",
            "incident_date_0": "1",
            "incident_date_1": "3",
            "incident_date_2": "2026",
            "aware_date_0": "2",
            "aware_date_1": "3",
            "aware_date_2": "2026",
        },
    ).content.decode()
    assert "Select the local authority that notified the national panel" in page
    assert not SeriousIncidentNotification.objects.exists()


@pytest.mark.django_db
def test_the_notification_page_shows_the_task_for_a_looked_after_childs_death(client, cast):
    from core.testing import sign_in

    notification = _died(cast, looked_after=True)
    sign_in(client, cast.officer)
    page = client.get(notification.get_absolute_url()).content.decode()
    assert "Tell the Secretary of State and Ofsted by" in page
    assert "Looked after" in page
    assert "Record that they were told" in page
