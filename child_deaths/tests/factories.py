"""Factories for child death review. Every child is plainly fictional."""

from datetime import date, timedelta

import factory
from factory.django import DjangoModelFactory

from child_deaths import rules, services
from child_deaths.models import (
    AgencyReportingRequest,
    Analysis,
    ChildDeath,
    ChildIdentity,
    PanelMeeting,
    ReportingForm,
)
from partnership.models import Group
from partnership.tests.factories import AreaFactory, GroupFactory, PersonFactory


class ChildDeathFactory(DjangoModelFactory):
    class Meta:
        model = ChildDeath
        skip_postgeneration_save = True

    area = factory.SubFactory(AreaFactory)
    partnership = factory.SelfAttribute("area.partnership")
    reference = factory.Sequence(lambda n: f"TEST-CD-2025-{n:04d}")
    pseudonym = factory.Sequence(lambda n: f"Child {chr(65 + n % 26)}")
    date_of_death = date(2025, 6, 1)
    place_of_death = ChildDeath.Place.HOSPITAL
    expected = ChildDeath.Expected.UNEXPECTED
    sex = ChildDeath.Sex.FEMALE
    ethnicity = ChildDeath.Ethnicity.WHITE_BRITISH
    age_in_days = 400
    age_band = factory.LazyAttribute(
        lambda death: rules.age_band(
            date_of_birth=death.date_of_death - timedelta(days=death.age_in_days),
            date_of_death=death.date_of_death,
        )
    )
    circumstances = "Fictional circumstances for testing."
    jar_status = ChildDeath.JarStatus.NOT_NEEDED
    notified_by = factory.SubFactory(PersonFactory)

    @factory.post_generation
    def identity(self, create, extracted, **kwargs):
        ChildIdentity.objects.create(
            child_death=self,
            forenames=kwargs.get("forenames", "Testchild"),
            surname=kwargs.get("surname", "Example"),
            date_of_birth=kwargs.get("date_of_birth", date(2024, 4, 27)),
            address="1 Example Street, Testtown",
            postcode="TS1 1AA",
            nhs_number="9434765919",
            nhs_number_status=ChildIdentity.NhsNumberStatus.PROVIDED,
        )


class PanelFactory(GroupFactory):
    name = factory.Sequence(lambda n: f"Test Child Death Overview Panel {n}")
    kind = Group.Kind.CHILD_DEATH_OVERVIEW_PANEL


class PanelMeetingFactory(DjangoModelFactory):
    class Meta:
        model = PanelMeeting

    panel = factory.SubFactory(PanelFactory)
    partnership = factory.SelfAttribute("panel.partnership")
    held_on = date(2025, 9, 1)


def reporting_form(version: int | None = None) -> ReportingForm:
    """The national reporting form (its latest version unless one is named), made again if a test
    before this one emptied the database the migration filled."""
    services.reporting_forms_seed()
    forms = ReportingForm.objects.filter(name="Child death reporting form")
    if version is not None:
        return forms.get(version=version)
    return forms.order_by("-version").first()


class ReportingRequestFactory(DjangoModelFactory):
    class Meta:
        model = AgencyReportingRequest

    child_death = factory.SubFactory(ChildDeathFactory)
    partnership = factory.SelfAttribute("child_death.partnership")
    organisation = None
    form = factory.LazyFunction(reporting_form)
    due_date = date(2025, 7, 1)
    requested_by = factory.SubFactory(PersonFactory)


class AnalysisFactory(DjangoModelFactory):
    class Meta:
        model = Analysis

    child_death = factory.SubFactory(ChildDeathFactory, status=ChildDeath.Status.REVIEWED)
    category = Analysis.Category.SUDDEN_UNEXPLAINED
    child_grade = Analysis.Grade.NONE_OR_UNLIKELY
    family_grade = Analysis.Grade.MAY_HAVE_CONTRIBUTED
    environment_grade = Analysis.Grade.MAY_HAVE_CONTRIBUTED
    service_grade = Analysis.Grade.NONE_OR_UNLIKELY
    modifiable = Analysis.Modifiable.IDENTIFIED
    completed_on = date(2025, 9, 1)
    completed_by = factory.SubFactory(PersonFactory)


def notification_form(area, /, **changes) -> dict:
    """What the notification form posts for a fictional child who died at home in `area`."""
    data = {
        "kind_of_death": "child",
        "residence": "partnership_area",
        "area": area.pk,
        "forenames": "Testchild",
        "surname": "Example",
        "date_of_birth_0": "10",
        "date_of_birth_1": "1",
        "date_of_birth_2": "2024",
        "nhs_number_status": "provided",
        "nhs_number": "943 476 5919",
        "address": "1 Example Street",
        "postcode": "TS1 1AA",
        "date_of_death_0": "1",
        "date_of_death_1": "3",
        "date_of_death_2": "2026",
        "place_of_death": "home",
        "expected": "unexpected",
        "sex": "male",
        "ethnicity": "not_stated",
        "circumstances": "Fictional circumstances",
    }
    data.update(changes)
    return data
