"""Migrating to the census ethnicity list and completed-years age bands keeps existing deaths
meaningful: a high-level group stays that group, and age bands are worked out again."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("child_deaths", "0003_rapid_review_referral_links_learning_referral")]


def _migrate(targets=None):
    """Migrate to `targets`, or to the latest state of every app, which later tests rely on."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def _latest_schema_afterwards():
    yield
    _migrate()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_latest_schema_afterwards")
def test_old_ethnicity_groups_and_365_day_age_bands_are_mapped_not_lost(cast):
    old = _migrate(BEFORE)
    ChildDeath = old.get_model("child_deaths", "ChildDeath")
    ChildIdentity = old.get_model("child_deaths", "ChildIdentity")
    common = {
        "partnership_id": cast.partnership.pk,
        "area_id": cast.redcar.pk,
        "place_of_death": "home",
        "expected": "unexpected",
        "sex": "female",
        "circumstances": "Fictional",
        "jar_status": "not_needed",
        "notified_by_id": cast.officer.pk,
    }
    # Born 1 March 2019, died 29 February 2020: 365 days old, which the old bands called 1 to 4.
    leap = ChildDeath.objects.create(
        reference="OLD-1",
        pseudonym="Child A",
        date_of_death=date(2020, 2, 29),
        ethnicity="asian",
        age_in_days=365,
        age_band="1 to 4 years",
        **common,
    )
    ChildIdentity.objects.create(
        child_death=leap,
        forenames="Old",
        surname="Example",
        date_of_birth=date(2019, 3, 1),
        address="1 Example Street",
        postcode="TS1 1AA",
        nhs_number_status="not_available",
    )
    ChildDeath.objects.create(
        reference="OLD-2",
        pseudonym="Child B",
        date_of_death=date(2025, 6, 1),
        ethnicity="not_stated",
        age_in_days=100,
        age_band="28 to 364 days",
        **common,
    )

    new = _migrate().get_model("child_deaths", "ChildDeath")
    first, second = new.objects.order_by("reference")
    assert (first.ethnicity, first.age_band) == ("asian_not_recorded", "28 days to under 1 year")
    assert (second.ethnicity, second.age_band) == ("not_stated", "28 days to under 1 year")
    assert first.residence == "partnership_area" and first.area_id == cast.redcar.pk
