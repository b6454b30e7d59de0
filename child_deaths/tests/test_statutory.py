"""Child death review as the law and the national forms have it, through the services and pages:
suspected stillbirths, residence outside the partnership, the census ethnicity list, NHS numbers,
reporting years, timeliness, and crafted posts that must write nothing."""

import json
from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from child_deaths import services
from child_deaths.models import Analysis, ChildDeath, ChildIdentity
from child_deaths.tests.factories import (
    AnalysisFactory,
    ChildDeathFactory,
    PanelMeetingFactory,
    notification_form,
)
from core.testing import sign_in

NOTIFY = reverse("child_deaths:notify")
TODAY = date(2026, 3, 2)


def _form(cast, **changes):
    return notification_form(cast.redcar, **{"ethnicity": "white_irish", **changes})


def _refused(client, cast, message, **changes):
    response = client.post(NOTIFY, _form(cast, **changes))
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert message in body
    assert not ChildDeath.objects.exists()
    assert not ChildIdentity.objects.exists()


# Suspected stillbirths --------------------------------------------------------------------------


@time_machine.travel(TODAY)
def test_a_suspected_stillbirth_at_home_is_notified_and_triggers_the_joint_agency_response(
    client, cast
):
    sign_in(client, cast.officer)
    client.post(
        NOTIFY,
        _form(
            cast,
            kind_of_death="suspected_stillbirth",
            date_of_birth_0="1",
            date_of_birth_1="3",
            date_of_birth_2="2026",
        ),
    )
    death = ChildDeath.objects.get()
    assert death.suspected_stillbirth
    assert death.jar_status == ChildDeath.JarStatus.NEEDED
    assert death.jar_triggers == ["Stillbirth with no healthcare professional in attendance"]


@time_machine.travel(TODAY)
def test_a_confirmed_stillbirth_records_when_and_leaves_the_review(client, cast):
    death = ChildDeathFactory(
        area=cast.redcar, suspected_stillbirth=True, status=ChildDeath.Status.READY
    )
    sign_in(client, cast.officer)
    response = client.post(
        reverse("child_deaths:stillbirth_confirm", args=[death.pk]),
        {
            "version": death.version,
            "confirmed_on_0": "1",
            "confirmed_on_1": "3",
            "confirmed_on_2": "2026",
            "gestation_weeks": "23",
            "gestation_days": "6",
        },
        follow=True,
    )
    death.refresh_from_db()
    assert death.status == ChildDeath.Status.LEFT_REVIEW
    assert death.stillbirth_confirmed_on == date(2026, 3, 1)
    body = response.content.decode()
    assert "Confirmed on 1 March 2026: Late foetal loss" in body
    assert "at 23+6 weeks" in body
    assert "Record the panel&#x27;s analysis" not in body


@time_machine.travel(TODAY)
def test_a_confirmed_stillbirth_leaves_future_panel_agendas_but_not_past_ones(cast):
    death = ChildDeathFactory(area=cast.redcar, suspected_stillbirth=True)
    past = PanelMeetingFactory(held_on=date(2026, 2, 1))
    coming = PanelMeetingFactory(held_on=date(2026, 4, 1))
    death.panel_meetings.set([past, coming])
    services.stillbirth_confirm(
        death=death,
        confirmed_on=TODAY,
        gestation_weeks=38,
        gestation_days=0,
        expected_version=death.version,
        by=cast.officer,
    )
    assert list(death.panel_meetings.all()) == [past]


def test_a_death_not_notified_as_a_suspected_stillbirth_cannot_be_confirmed_by_a_crafted_post(
    client, cast
):
    death = ChildDeathFactory(area=cast.redcar)
    sign_in(client, cast.officer)
    response = client.post(
        reverse("child_deaths:stillbirth_confirm", args=[death.pk]),
        {"version": death.version, "gestation_weeks": "38", "gestation_days": "0"},
    )
    assert response.status_code == 403
    death.refresh_from_db()
    assert death.status == ChildDeath.Status.NOTIFIED and death.gestation_days is None


@time_machine.travel(TODAY)
def test_gestation_days_beyond_six_are_refused_with_a_message_and_nothing_changes(client, cast):
    death = ChildDeathFactory(area=cast.redcar, suspected_stillbirth=True)
    sign_in(client, cast.officer)
    response = client.post(
        reverse("child_deaths:stillbirth_confirm", args=[death.pk]),
        {
            "version": death.version,
            "confirmed_on_0": "1",
            "confirmed_on_1": "3",
            "confirmed_on_2": "2026",
            "gestation_weeks": "23",
            "gestation_days": "9",
        },
    )
    assert "Enter the extra days of pregnancy, from 0 to 6" in response.content.decode()
    death.refresh_from_db()
    assert death.status == ChildDeath.Status.NOTIFIED


def test_the_panel_cannot_analyse_a_death_that_left_the_review_even_by_a_crafted_post(client, cast):
    death = ChildDeathFactory(
        area=cast.redcar, suspected_stillbirth=True, status=ChildDeath.Status.LEFT_REVIEW
    )
    sign_in(client, cast.cdop_member)
    response = client.post(
        reverse("child_deaths:analysis_add", args=[death.pk]),
        {
            "category": "8",
            "child_grade": "1",
            "family_grade": "1",
            "environment_grade": "1",
            "service_grade": "1",
            "modifiable": "not_identified",
        },
        follow=True,
    )
    assert "has left the review" in response.content.decode()
    assert not Analysis.objects.exists()


def test_a_death_that_left_the_review_cannot_be_made_ready_for_the_panel(client, cast):
    death = ChildDeathFactory(
        area=cast.redcar, suspected_stillbirth=True, status=ChildDeath.Status.LEFT_REVIEW
    )
    sign_in(client, cast.officer)
    client.post(reverse("child_deaths:mark_ready", args=[death.pk]))
    death.refresh_from_db()
    assert death.status == ChildDeath.Status.LEFT_REVIEW


# Residence --------------------------------------------------------------------------------------


@time_machine.travel(TODAY)
@pytest.mark.parametrize(
    ("residence", "shown"),
    [
        ("elsewhere_in_england", "Elsewhere in England: Leeds"),
        ("outside_england", "Not resident in England: Leeds"),
    ],
)
def test_a_child_from_outside_the_partnership_is_recorded_as_such_with_no_area(
    client, cast, residence, shown
):
    sign_in(client, cast.officer)
    response = client.post(
        NOTIFY,
        _form(
            cast,
            residence=residence,
            area=cast.redcar.pk,
            lived_elsewhere="Leeds",
            partnership=cast.partnership.pk,
        ),
        follow=True,
    )
    death = ChildDeath.objects.get()
    assert death.area is None and death.partnership == cast.partnership
    assert shown in response.content.decode()


@time_machine.travel(TODAY)
def test_a_child_from_outside_the_partnership_needs_where_they_lived_and_the_partnership(
    client, cast
):
    sign_in(client, cast.officer)
    _refused(
        client,
        cast,
        "Enter the local authority or country where the child normally lived",
        residence="elsewhere_in_england",
        area="",
    )


@time_machine.travel(TODAY)
def test_a_crafted_partnership_the_person_cannot_notify_for_is_refused(client, cast):
    sign_in(client, cast.officer)
    _refused(
        client,
        cast,
        "Choose the partnership whose area the child died in",
        residence="elsewhere_in_england",
        area="",
        lived_elsewhere="Leeds",
        partnership=cast.other_partnership.pk,
    )


@time_machine.travel(TODAY)
def test_no_nhs_number_because_not_resident_in_england_is_refused_for_a_child_living_here(
    client, cast
):
    sign_in(client, cast.officer)
    _refused(
        client,
        cast,
        "The child is recorded as living in England",
        nhs_number_status="not_resident",
        nhs_number="",
    )


@time_machine.travel(TODAY)
def test_a_crafted_residence_the_form_does_not_offer_is_refused(client, cast):
    sign_in(client, cast.officer)
    _refused(client, cast, "Choose where the child normally lived", residence="nowhere")


# Ethnicity and NHS numbers ----------------------------------------------------------------------


@time_machine.travel(TODAY)
def test_the_notification_offers_the_census_list_under_group_headings(client, cast):
    sign_in(client, cast.officer)
    body = client.get(NOTIFY).content.decode()
    assert '<optgroup label="White">' in body
    assert "Gypsy or Irish Traveller" in body and "Roma" in body and "Arab" in body
    assert "category not recorded" not in body


@time_machine.travel(TODAY)
@pytest.mark.parametrize("crafted", ["white", "white_not_recorded", "martian"])
def test_a_crafted_ethnicity_the_form_does_not_offer_is_refused(client, cast, crafted):
    sign_in(client, cast.officer)
    _refused(
        client,
        cast,
        "Choose the child&#x27;s ethnicity from the list, or &#x27;Not stated&#x27;",
        ethnicity=crafted,
    )


@time_machine.travel(TODAY)
def test_an_nhs_number_of_ten_identical_digits_is_refused_on_the_form(client, cast):
    sign_in(client, cast.officer)
    _refused(
        client,
        cast,
        "a number of ten identical digits is not an NHS number",
        nhs_number="1111111111",
    )


@time_machine.travel(TODAY)
def test_a_short_nhs_number_asks_for_ten_digits(client, cast):
    sign_in(client, cast.officer)
    _refused(
        client, cast, "Enter an NHS number with 10 digits, like 943 476 5919", nhs_number="94347"
    )


@time_machine.travel(TODAY)
def test_an_empty_notification_names_every_missing_answer_in_govuk_words(client, cast):
    sign_in(client, cast.officer)
    body = client.post(NOTIFY, {}).content.decode()
    for message in (
        "Choose what you are notifying",
        "Choose where the child normally lived",
        "Enter the child&#x27;s first names",
        "Enter the child&#x27;s date of birth",
        "Enter the date of death",
        "Choose the child&#x27;s ethnicity from the list",
    ):
        assert message in body
    assert "This field is required" not in body
    assert not ChildDeath.objects.exists()


# Statistics, the yearly report and the export ---------------------------------------------------


def _reviewed(cast, *, died, completed, ethnicity="white_british", age_in_days=400, **extra):
    return AnalysisFactory(
        child_death__area=cast.middlesbrough,
        child_death__date_of_death=died,
        child_death__ethnicity=ethnicity,
        child_death__age_in_days=age_in_days,
        completed_on=completed,
        **extra,
    )


def _rows(breakdowns, key):
    return dict(next(item for item in breakdowns if item.key == key).rows)


def test_trends_count_deaths_by_reporting_year_and_ethnic_group_without_confirmed_stillbirths(
    client, cast
):
    for day in (date(2025, 3, 31),) * 5 + (date(2025, 4, 1),) * 5:
        ChildDeathFactory(area=cast.middlesbrough, date_of_death=day, ethnicity="asian_indian")
    ChildDeathFactory.create_batch(
        3, area=cast.middlesbrough, suspected_stillbirth=True, status="left_review"
    )
    sign_in(client, cast.manager)
    breakdowns = client.get(reverse("child_deaths:trends")).context["breakdowns"]
    assert _rows(breakdowns, "year") == {"2024 to 2025": 5, "2025 to 2026": 5}
    assert _rows(breakdowns, "ethnicity")["Asian, Asian British or Asian Welsh"] == 10


def test_the_trend_filter_years_are_reporting_years(client, cast):
    ChildDeathFactory.create_batch(5, area=cast.middlesbrough, date_of_death=date(2025, 3, 31))
    ChildDeathFactory.create_batch(6, area=cast.middlesbrough, date_of_death=date(2025, 4, 1))
    sign_in(client, cast.manager)
    response = client.get(reverse("child_deaths:trends"), {"year_from": "2025", "year_to": "2025"})
    assert response.context["total"] == 6


def test_the_yearly_report_measures_timeliness_from_death_to_completed_review(client, cast):
    for days_after in (30, 60, 90, 200, 330):
        _reviewed(
            cast,
            died=date(2025, 4, 1),
            completed=date(2025, 4, 1) + timedelta(days=days_after),
        )
    sign_in(client, cast.manager)
    report = client.get(reverse("child_deaths:yearly_report"), {"year": "2025"}).context["report"]
    assert report["reviewed"] == 5
    assert report["median_days_death_to_review"] == 90
    assert report["reviewed_within_6_months"] == "fewer than 5"
    assert report["reviewed_within_12_months"] == 5


def test_the_yearly_report_groups_ethnicity_and_bands_age_by_completed_years(client, cast):
    for _ in range(5):
        _reviewed(
            cast, died=date(2025, 6, 1), completed=date(2025, 9, 1), ethnicity="black_caribbean"
        )
    sign_in(client, cast.manager)
    report = client.get(reverse("child_deaths:yearly_report"), {"year": "2025"}).context["report"]
    assert (
        _rows(report["breakdowns"], "ethnicity")[
            "Black, Black British, Black Welsh, Caribbean or African"
        ]
        == 5
    )
    assert _rows(report["breakdowns"], "age_band")["1 to 4 years"] == 5


def test_the_ncmd_export_carries_the_census_category_its_group_reporting_year_and_timeliness(
    client, cast
):
    analysis = _reviewed(
        cast,
        died=date(2025, 2, 10),
        completed=date(2025, 8, 9),
        ethnicity="mixed_white_asian",
        age_in_days=365,
    )
    ChildDeath.objects.filter(pk=analysis.child_death.pk).update(age_band="28 days to under 1 year")
    sign_in(client, cast.cdop_member)
    data = json.loads(client.get(reverse("child_deaths:ncmd_export", args=["json"])).content)
    (record,) = data["records"]
    assert record["ethnicity"] == "mixed_white_asian"
    assert record["ethnic_group"] == "Mixed or Multiple ethnic groups"
    assert record["reporting_year"] == "2024 to 2025"
    assert record["days_death_to_completed_review"] == 180
    assert record["age_band"] == "28 days to under 1 year"


def test_the_analysis_uses_the_national_form_wording(client, cast):
    death = ChildDeathFactory(area=cast.middlesbrough, status=ChildDeath.Status.READY)
    sign_in(client, cast.cdop_member)
    body = client.get(reverse("child_deaths:analysis_add", args=[death.pk])).content.decode()
    assert "Factors in the social environment including family and parenting capacity" in body
    assert "may have contributed to the vulnerability, ill-health or death" in body
    assert "Inadequate information upon which to make a judgement" in body


@time_machine.travel(date(2026, 6, 1))
def test_a_review_completed_on_31_march_counts_in_the_year_ending_then_not_the_next(client, cast):
    for completed in (date(2026, 3, 31),) * 5 + (date(2026, 4, 1),) * 6:
        _reviewed(cast, died=date(2025, 12, 1), completed=completed)
    sign_in(client, cast.manager)
    url = reverse("child_deaths:yearly_report")
    assert client.get(url, {"year": "2025"}).context["report"]["reviewed"] == 5
    assert client.get(url, {"year": "2026"}).context["report"]["reviewed"] == 6


def test_trends_and_the_ncmd_export_agree_on_ethnic_groups_and_age_bands(client, cast):
    for ethnicity in (
        "white_roma",
        "white_irish",
        "white_british",
        "white_other",
        "white_gypsy_traveller",
    ):
        _reviewed(cast, died=date(2025, 6, 1), completed=date(2025, 9, 1), ethnicity=ethnicity)
    sign_in(client, cast.manager)
    breakdowns = client.get(reverse("child_deaths:trends")).context["breakdowns"]
    records = json.loads(client.get(reverse("child_deaths:ncmd_export", args=["json"])).content)[
        "records"
    ]
    assert _rows(breakdowns, "ethnicity")["White"] == 5
    assert {record["ethnic_group"] for record in records} == {"White"}
    assert _rows(breakdowns, "age_band")["1 to 4 years"] == 5
    assert {record["age_band"] for record in records} == {"1 to 4 years"}


def test_a_crafted_grade_the_analysis_form_does_not_offer_is_refused_in_govuk_words(client, cast):
    death = ChildDeathFactory(area=cast.middlesbrough, status=ChildDeath.Status.READY)
    sign_in(client, cast.cdop_member)
    response = client.post(
        reverse("child_deaths:analysis_add", args=[death.pk]),
        {
            "category": "8",
            "child_grade": "3",
            "family_grade": "1",
            "environment_grade": "1",
            "service_grade": "1",
            "modifiable": "unsure",
        },
    )
    body = response.content.decode()
    assert "Choose a grade from 0 to 2 for factors intrinsic to the child" in body
    assert "Choose the panel&#x27;s conclusion on modifiable factors" in body
    assert "Select a valid choice" not in body
    assert not Analysis.objects.exists()
