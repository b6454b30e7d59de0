"""The child death demo: census ethnicity, children from outside the partnership, a confirmed
stillbirth that left the review; loading it twice adds nothing."""

import pytest
from django.core.management import call_command

from child_deaths.models import ChildDeath

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_allowed")]


def test_the_demo_loads_twice_without_adding_deaths():
    call_command("load_demo", verbosity=0)
    count = ChildDeath.objects.count()
    call_command("load_demo", verbosity=0)
    assert ChildDeath.objects.count() == count > 0


def test_demo_deaths_record_ethnicity_from_the_census_list_only():
    call_command("load_demo", verbosity=0)
    recorded = set(ChildDeath.objects.values_list("ethnicity", flat=True))
    assert recorded <= set(ChildDeath.Ethnicity.values)
    assert not any(value.endswith("_not_recorded") for value in recorded)


def test_demo_children_from_outside_the_partnership_have_no_area():
    call_command("load_demo", verbosity=0)
    outside = ChildDeath.objects.exclude(residence=ChildDeath.Residence.PARTNERSHIP_AREA)
    assert outside.count() == 2
    assert not outside.filter(area__isnull=False).exists()


def test_the_demo_suspected_stillbirth_is_confirmed_and_has_left_the_review():
    call_command("load_demo", verbosity=0)
    stillbirth = ChildDeath.objects.get(suspected_stillbirth=True)
    assert stillbirth.status == ChildDeath.Status.LEFT_REVIEW
    assert stillbirth.gestation == "38+2 weeks"
