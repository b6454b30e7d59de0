"""Attacks on the child death notification form: asking it whether a named child's death was
already notified somewhere the asker may not see."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from child_deaths.models import ChildDeath
from child_deaths.tests.factories import ChildDeathFactory, notification_form
from core.models import AuditEvent
from core.testing import sign_in
from partnership.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _early_march_2026():
    with time_machine.travel(date(2026, 3, 2)):
        yield


NOTIFY = reverse("child_deaths:notify")


@pytest.fixture
def notified_in_tees(cast):
    return ChildDeathFactory(
        area=cast.redcar,
        date_of_death=date(2026, 3, 1),
        identity__forenames="Testchild",
        identity__surname="Example",
        identity__date_of_birth=date(2024, 1, 10),
    )


def test_another_partnership_cannot_learn_that_a_named_childs_death_was_notified_here(
    client, cast, notified_in_tees
):
    elsewhere = AreaFactory(partnership=cast.other_partnership, name="Elsewhere Borough")
    sign_in(client, cast.outsider)
    response = client.post(NOTIFY, notification_form(elsewhere), follow=True)
    page = response.content.decode()
    assert notified_in_tees.reference not in page
    assert "looks like a death already notified" not in page
    assert "The business unit checks every notification" in page
    later = ChildDeath.objects.get(partnership=cast.other_partnership)
    assert later.possible_duplicate_of == notified_in_tees
    their_trail = AuditEvent.objects.filter(partnership=cast.other_partnership)
    assert notified_in_tees.reference not in str(
        list(their_trail.values_list("details", flat=True))
    )
    assert AuditEvent.objects.filter(
        partnership=cast.partnership,
        subject_id=str(notified_in_tees.pk),
        details__possibly_the_same_child_as__startswith=later.reference,
    ).exists()


def test_a_practitioner_is_not_told_of_a_death_they_may_not_see(client, cast, notified_in_tees):
    sign_in(client, cast.practitioner)
    response = client.post(NOTIFY, notification_form(cast.middlesbrough), follow=True)
    page = response.content.decode()
    assert notified_in_tees.reference not in page
    assert "The business unit checks every notification" in page


def test_the_message_is_the_same_whether_or_not_a_hidden_match_exists(client, cast):
    sign_in(client, cast.practitioner)
    response = client.post(NOTIFY, notification_form(cast.middlesbrough), follow=True)
    assert "The business unit checks every notification" in response.content.decode()


def test_the_business_unit_holding_the_earlier_death_sees_the_match(client, cast, notified_in_tees):
    elsewhere = AreaFactory(partnership=cast.other_partnership, name="Elsewhere Borough")
    sign_in(client, cast.outsider)
    client.post(NOTIFY, notification_form(elsewhere))
    later = ChildDeath.objects.get(partnership=cast.other_partnership)
    theirs = client.get(reverse("child_deaths:death_detail", args=[later.pk])).content.decode()
    assert notified_in_tees.reference not in theirs
    assert "may be the same child as a death already notified to another partnership" in theirs
    client.logout()
    sign_in(client, cast.manager)
    ours = client.get(
        reverse("child_deaths:death_detail", args=[notified_in_tees.pk])
    ).content.decode()
    assert later.reference in ours and "Elsewhere Safeguarding Children Partnership" in ours


def test_someone_who_sees_the_earlier_death_is_still_asked_to_check_it(
    client, cast, notified_in_tees
):
    sign_in(client, cast.manager)
    response = client.post(NOTIFY, notification_form(cast.redcar))
    assert f"This looks like a death already notified ({notified_in_tees.reference})" in (
        response.content.decode()
    )
    assert ChildDeath.objects.count() == 1
