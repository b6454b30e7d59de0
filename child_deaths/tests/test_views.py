"""Pages of child death review: notification, identifying details, returns, trends and exports."""

import json
from datetime import date

import time_machine
from django.urls import reverse

from child_deaths.models import AgencyReportingRequest, ChildDeath
from child_deaths.tests.factories import (
    AnalysisFactory,
    ChildDeathFactory,
    ReportingRequestFactory,
    notification_form,
)
from core.models import AuditEvent
from core.testing import assert_queries_do_not_grow, sign_in

NOTIFY = reverse("child_deaths:notify")


def _form(cast, **changes):
    return notification_form(cast.redcar, **changes)


@time_machine.travel(date(2026, 3, 2))
def test_a_practitioner_notifies_a_death_and_sees_only_its_reference(client, cast):
    sign_in(client, cast.practitioner)
    response = client.post(NOTIFY, _form(cast), follow=True)
    death = ChildDeath.objects.get()
    assert response.redirect_chain[-1][0] == NOTIFY
    assert f"Death notified: reference {death.reference}" in response.content.decode()
    assert death.identity.nhs_number == "9434765919"


@time_machine.travel(date(2026, 3, 2))
def test_a_stillbirth_notification_is_refused_with_the_reason(client, cast):
    sign_in(client, cast.practitioner)
    response = client.post(NOTIFY, _form(cast, kind_of_death="stillbirth"))
    assert response.status_code == 200
    assert (
        "Stillbirths with a healthcare professional present are not reviewed"
        in response.content.decode()
    )
    assert not ChildDeath.objects.exists()


@time_machine.travel(date(2026, 3, 2))
def test_an_invalid_nhs_number_is_refused_naming_the_field(client, cast):
    sign_in(client, cast.practitioner)
    response = client.post(NOTIFY, _form(cast, nhs_number="9434765918"))
    assert "Enter a real NHS number" in response.content.decode()
    assert not ChildDeath.objects.exists()


@time_machine.travel(date(2026, 3, 2))
def test_not_resident_in_england_needs_no_nhs_number(client, cast):
    sign_in(client, cast.practitioner)
    client.post(
        NOTIFY,
        _form(
            cast,
            nhs_number_status="not_resident",
            nhs_number="",
            residence="outside_england",
            area="",
            lived_elsewhere="Ireland",
            partnership=cast.partnership.pk,
        ),
    )
    assert (
        ChildDeath.objects.get().identity.get_nhs_number_status_display()
        == "Child not resident in England"
    )


@time_machine.travel(date(2026, 3, 2))
def test_a_possible_duplicate_is_flagged_before_saving_and_kept_when_confirmed(client, cast):
    first = ChildDeathFactory(
        area=cast.redcar,
        date_of_death=date(2026, 3, 1),
        identity__forenames="Testchild",
        identity__surname="Example",
    )
    sign_in(client, cast.manager)
    response = client.post(NOTIFY, _form(cast))
    assert (
        f"This looks like a death already notified ({first.reference})" in response.content.decode()
    )
    assert ChildDeath.objects.count() == 1
    client.post(NOTIFY, _form(cast, not_a_duplicate="on"))
    assert ChildDeath.objects.exclude(pk=first.pk).get().possible_duplicate_of == first


def test_identifying_details_are_shown_to_the_panel_and_the_view_is_audited(client, cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    sign_in(client, cast.cdop_member)
    response = client.get(reverse("child_deaths:identity", args=[death.pk]))
    assert "Testchild Example" in response.content.decode()
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS,
        actor=cast.cdop_member,
        subject_id=str(death.pk),
    ).exists()


def test_the_case_page_shows_no_identifying_details(client, cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    sign_in(client, cast.manager)
    page = client.get(reverse("child_deaths:death_detail", args=[death.pk])).content.decode()
    assert death.pseudonym in page
    assert "Testchild" not in page
    assert "9434765919" not in page


def test_an_agency_contributor_returns_their_reporting_form(client, cast):
    request = ReportingRequestFactory(
        child_death=ChildDeathFactory(area=cast.middlesbrough), organisation=cast.hospital
    )
    sign_in(client, cast.contributor)
    answers = {question["key"]: "Fictional answer" for question in request.form.questions}
    answers.update({q["key"]: "No" for q in request.form.questions if q["kind"] == "yes_no"})
    response = client.post(reverse("child_deaths:request_return", args=[request.pk]), answers)
    assert response.status_code == 302
    assert AgencyReportingRequest.objects.get().is_returned


def test_the_panel_cannot_return_an_agency_form(client, cast):
    request = ReportingRequestFactory(
        child_death=ChildDeathFactory(area=cast.middlesbrough), organisation=cast.hospital
    )
    sign_in(client, cast.cdop_member)
    response = client.post(reverse("child_deaths:request_return", args=[request.pk]), {})
    assert response.status_code == 403


def test_trends_show_counts_under_five_as_fewer_than_five(client, cast):
    ChildDeathFactory.create_batch(6, area=cast.middlesbrough, sex="female")
    ChildDeathFactory.create_batch(2, area=cast.middlesbrough, sex="male")
    ChildDeathFactory.create_batch(3, area=cast.middlesbrough, sex="not_known")
    sign_in(client, cast.manager)
    response = client.get(reverse("child_deaths:trends"))
    sex = next(item for item in response.context["breakdowns"] if item.key == "sex")
    assert ("Female", 6) in sex.rows
    assert ("Male", "fewer than 5") in sex.rows
    assert ("Not known", "fewer than 5") in sex.rows
    assert ("Indeterminate", 0) in sex.rows


def test_a_lone_small_count_cannot_be_worked_out_from_the_total(client, cast):
    ChildDeathFactory.create_batch(6, area=cast.middlesbrough, sex="female")
    ChildDeathFactory.create_batch(2, area=cast.middlesbrough, sex="male")
    sign_in(client, cast.manager)
    response = client.get(reverse("child_deaths:trends"))
    sex = next(item for item in response.context["breakdowns"] if item.key == "sex")
    assert dict(sex.rows) == {
        "Female": "not shown",
        "Male": "fewer than 5",
        "Indeterminate": 0,
        "Not known": 0,
    }


def test_trends_can_be_filtered_and_a_bad_filter_is_named(client, cast):
    ChildDeathFactory.create_batch(5, area=cast.middlesbrough)
    sign_in(client, cast.manager)
    response = client.get(reverse("child_deaths:trends"), {"area": cast.redcar.pk})
    assert response.context["total"] == 0
    response = client.get(reverse("child_deaths:trends"), {"year_from": "2026", "year_to": "2020"})
    assert (
        "The &#x27;to&#x27; year must be the same as or after the &#x27;from&#x27; year"
        in response.content.decode()
    )


def test_the_trends_page_makes_the_same_number_of_queries_however_many_deaths(client, cast):
    sign_in(client, cast.manager)
    url = reverse("child_deaths:trends")
    assert_queries_do_not_grow(
        lambda: client.get(url),
        lambda: AnalysisFactory.create_batch(5, child_death__area=cast.redcar),
    )


def test_the_trends_csv_is_suppressed_and_audited(client, cast):
    ChildDeathFactory.create_batch(3, area=cast.middlesbrough)
    sign_in(client, cast.manager)
    body = client.get(reverse("child_deaths:trends_csv")).content.decode()
    assert "Area of residence,Middlesbrough,fewer than 5" in body
    assert AuditEvent.objects.filter(event=AuditEvent.Event.EXPORTED).exists()


def test_the_ncmd_export_carries_no_direct_identifiers(client, cast):
    analysis = AnalysisFactory(child_death__area=cast.middlesbrough)
    sign_in(client, cast.cdop_member)
    data = json.loads(client.get(reverse("child_deaths:ncmd_export", args=["json"])).content)
    record = data["records"][0]
    assert record["case_reference"] == analysis.child_death.reference
    assert record["category_code"] == 10
    text = json.dumps(data)
    for identifying in ("Testchild", "Example Street", "TS1 1AA", "9434765919", "2024-04-27"):
        assert identifying not in text
    csv_body = client.get(reverse("child_deaths:ncmd_export", args=["csv"])).content.decode()
    assert csv_body.splitlines()[0].startswith(
        "case_reference,partnership,residence,area_of_residence"
    )


def test_the_yearly_report_counts_deaths_reviewed_in_the_panel_year(client, cast):
    AnalysisFactory.create_batch(
        5, child_death__area=cast.middlesbrough, completed_on=date(2025, 9, 1)
    )
    sign_in(client, cast.manager)
    response = client.get(reverse("child_deaths:yearly_report"), {"year": "2025"})
    assert response.context["report"]["reviewed"] == 5
    assert "Recommendations and their progress" in response.content.decode()
    pdf = client.get(reverse("child_deaths:yearly_report_pdf"), {"year": "2025"})
    assert pdf["Content-Type"] == "application/pdf"


def test_the_list_of_deaths_makes_the_same_number_of_queries_however_many_deaths(client, cast):
    ChildDeathFactory(area=cast.middlesbrough)
    sign_in(client, cast.cdop_member)
    url = reverse("child_deaths:death_list")
    assert_queries_do_not_grow(
        lambda: client.get(url), lambda: ChildDeathFactory.create_batch(5, area=cast.redcar)
    )


def _sexes_by_area(cast):
    ChildDeathFactory.create_batch(6, area=cast.middlesbrough, sex="female")
    ChildDeathFactory.create_batch(5, area=cast.middlesbrough, sex="male")
    ChildDeathFactory.create_batch(2, area=cast.redcar, sex="female")
    ChildDeathFactory.create_batch(5, area=cast.redcar, sex="male")


def test_a_hidden_count_cannot_be_recovered_by_differencing_two_filtered_views(client, cast):
    _sexes_by_area(cast)
    sign_in(client, cast.manager)
    everything = client.get(reverse("child_deaths:trends")).context["breakdowns"]
    assert dict(next(item for item in everything if item.key == "sex").rows)["Female"] == 8
    filtered = client.get(reverse("child_deaths:trends"), {"area": cast.middlesbrough.pk})
    sex = dict(next(item for item in filtered.context["breakdowns"] if item.key == "sex").rows)
    assert (sex["Female"], sex["Male"]) == ("not shown", "not shown")
    body = client.get(
        reverse("child_deaths:trends_csv"), {"area": cast.middlesbrough.pk}
    ).content.decode()
    assert "Sex,Female,not shown" in body and "Sex,Female,6" not in body


def test_filters_that_leave_out_fewer_than_five_deaths_are_refused(client, cast):
    ChildDeathFactory.create_batch(6, area=cast.middlesbrough)
    ChildDeathFactory.create_batch(3, area=cast.redcar)
    sign_in(client, cast.manager)
    response = client.get(reverse("child_deaths:trends"), {"area": cast.middlesbrough.pk})
    assert "These filters leave out fewer than 5 deaths" in response.content.decode()
    assert response.context["total"] == 0
    body = client.get(
        reverse("child_deaths:trends_csv"), {"area": cast.middlesbrough.pk}
    ).content.decode()
    assert "Middlesbrough" not in body
