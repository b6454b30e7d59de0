"""The impact chain through HTTP: an action names the indicators it aims to move, its page shows
their trend around the action's dates, its evidence is signed off by a member of the owning group
(never the business unit on the group's behalf) and a finding's page holds the whole chain."""

from datetime import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from core.testing import sign_in
from learning import services
from learning.models import ActionIndicator, EvidenceOfImpact
from learning.tests.factories import ActionFactory, FindingFactory, OtherSourceFactory, ThemeFactory
from partnership.models import Membership
from performance.models import Indicator
from performance.periods import Quarter
from performance.tests.factories import IndicatorFactory, ObservationFactory

pytestmark = pytest.mark.django_db


def indicator_of(partnership, code="EH02", figures=(60, 62, 70, 81)):
    """An indicator entered for the whole partnership each quarter of 2025-26."""
    indicator = IndicatorFactory(partnership=partnership, code=code, unit=Indicator.Unit.DAYS)
    for number, value in enumerate(figures, start=1):
        ObservationFactory(
            indicator=indicator, area=None, period=Quarter(2025, number).index, value=value
        )
    return indicator


def action_of(cast, **fields):
    source = OtherSourceFactory(partnership=cast.partnership)
    finding = FindingFactory(source=source)
    fields.setdefault("created_at", timezone.make_aware(datetime(2025, 8, 1)))
    action = ActionFactory(
        recommendation__source=source, owner_organisation=cast.hospital, **fields
    )
    action.recommendation.findings.set([finding])
    Membership.objects.create(group=action.recommendation.owning_group, person=cast.group_member)
    return action


def closed(action, cast, **fields):
    return services.action_close(
        action=action,
        what_changed="Early help assessments now start within ten days.",
        method=fields.pop("method", "re_audit"),
        how_known="Re-audit of 20 families in March.",
        by=cast.officer,
        **fields,
    )


def test_an_actions_page_shows_its_indicators_trend_with_its_dates_marked(client, cast):
    action = action_of(cast)
    indicator = indicator_of(cast.partnership)
    services.action_indicator_add(
        action=action, indicator_id=indicator.pk, expected="up", by=cast.officer
    )
    sign_in(client, cast.practitioner)
    page = client.get(reverse("learning:action_detail", args=[action.pk])).content.decode()
    assert "Expected to go up: <strong>Moved as expected</strong>" in page
    assert "Action opened</text>" in page
    assert '<th scope="row" class="govuk-table__header">2025-26 Q4</th>' in page
    assert ">81.00<" in page


def test_the_business_unit_names_an_indicator_the_action_aims_to_move(client, cast):
    action = action_of(cast)
    indicator = indicator_of(cast.partnership)
    sign_in(client, cast.officer)
    url = reverse("learning:action_indicator_add", args=[action.pk])
    response = client.post(url, {"indicator": indicator.pk, "expected": "down"})
    assert response.status_code == 302
    link = ActionIndicator.objects.get(action=action)
    assert (link.indicator, link.expected) == (indicator, "down")


def test_an_indicator_of_another_partnership_is_refused_with_a_govuk_message(client, cast):
    action = action_of(cast)
    elsewhere = indicator_of(cast.other_partnership, code="XX01")
    sign_in(client, cast.officer)
    url = reverse("learning:action_indicator_add", args=[action.pk])
    page = client.post(url, {"indicator": elsewhere.pk, "expected": "up"}).content.decode()
    assert "Select an indicator of the partnership&#x27;s performance framework" in page
    assert "govuk-error-summary" in page
    assert not ActionIndicator.objects.exists()


def test_an_indicator_without_a_direction_says_which_answer_is_missing(client, cast):
    action = action_of(cast)
    indicator = indicator_of(cast.partnership)
    sign_in(client, cast.officer)
    url = reverse("learning:action_indicator_add", args=[action.pk])
    page = client.post(url, {"indicator": indicator.pk}).content.decode()
    assert "Select whether the indicator should go up or down" in page


def test_a_member_of_the_owning_group_signs_off_the_evidence(client, cast):
    action = action_of(cast)
    evidence = closed(action, cast)
    sign_in(client, cast.group_member)
    page = client.get(reverse("learning:action_detail", args=[action.pk])).content.decode()
    assert "Waiting for a member of" in page and "Sign off for" in page
    response = client.post(reverse("learning:evidence_sign_off", args=[action.pk]))
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.signed_off_by == cast.group_member
    assert evidence.signed_off_on == timezone.localdate()
    page = client.get(reverse("learning:action_detail", args=[action.pk])).content.decode()
    assert f"By {cast.group_member} for" in page
    assert "Impact evidenced</dt>" in page and ">Yes<" in page


def test_the_business_unit_cannot_sign_off_for_the_owning_group(client, cast):
    action = action_of(cast)
    evidence = closed(action, cast)
    sign_in(client, cast.manager)
    page = client.get(reverse("learning:action_detail", args=[action.pk])).content.decode()
    assert "Sign off for" not in page
    response = client.post(reverse("learning:evidence_sign_off", args=[action.pk]))
    assert response.status_code == 403
    evidence.refresh_from_db()
    assert evidence.signed_off_by is None and evidence.signed_off_on is None


def test_a_member_of_another_group_or_partnership_cannot_sign_it_off(client, cast):
    action = action_of(cast)
    closed(action, cast)
    Membership.objects.filter(person=cast.group_member).delete()
    for person, status in ((cast.group_member, 403), (cast.outsider, 404)):
        sign_in(client, person)
        response = client.post(reverse("learning:evidence_sign_off", args=[action.pk]))
        assert response.status_code == status
    assert not EvidenceOfImpact.objects.filter(signed_off_by__isnull=False).exists()


def test_evidence_cites_an_indicator_the_action_names_with_its_latest_figure(client, cast):
    action = action_of(cast)
    indicator = indicator_of(cast.partnership)
    services.action_indicator_add(
        action=action, indicator_id=indicator.pk, expected="up", by=cast.officer
    )
    sign_in(client, cast.officer)
    response = client.post(
        reverse("learning:action_close", args=[action.pk]),
        {
            "what_changed": "Assessments start sooner",
            "method": "performance_indicator",
            "how_known": "The quarterly figures",
            "citing": [f"performance.indicator:{indicator.pk}"],
        },
    )
    assert response.status_code == 302
    citation = EvidenceOfImpact.objects.get(action=action).citations.get()
    assert citation.title == str(indicator)
    assert citation.summary.startswith("Latest figure 81.00 in 2025-26 Q4; expected to go up")


def test_an_indicator_the_action_does_not_name_cannot_be_cited(client, cast):
    action = action_of(cast)
    named = indicator_of(cast.partnership)
    other = indicator_of(cast.partnership, code="EH03")
    services.action_indicator_add(
        action=action, indicator_id=named.pk, expected="up", by=cast.officer
    )
    sign_in(client, cast.officer)
    page = client.post(
        reverse("learning:action_close", args=[action.pk]),
        {
            "what_changed": "Better",
            "method": "performance_indicator",
            "how_known": "Figures",
            "citing": [f"performance.indicator:{other.pk}"],
        },
    ).content.decode()
    assert "Select only results listed for this action" in page
    assert not EvidenceOfImpact.objects.exists()


def test_a_findings_page_holds_its_chain_and_says_when_its_theme_was_learnt_again(client, cast):
    action = action_of(cast)
    neglect = ThemeFactory(partnership=cast.partnership, name="Neglect")
    finding = action.recommendation.findings.get()
    finding.themes.set([neglect])
    indicator = indicator_of(cast.partnership)
    services.action_indicator_add(
        action=action, indicator_id=indicator.pk, expected="up", by=cast.officer
    )
    evidence = closed(action, cast)
    services.evidence_sign_off(evidence=evidence, by=cast.group_member)
    again = FindingFactory(source__partnership=cast.partnership, title="Neglect missed again")
    again.themes.set([neglect])
    sign_in(client, cast.practitioner)
    page = client.get(reverse("learning:finding_detail", args=[finding.pk])).content.decode()
    assert action.recommendation.text in page
    assert "Early help assessments now start within ten days." in page
    assert f"{indicator} (expected up): Moved as expected" in page
    assert "Impact evidenced</strong>" in page
    assert "Learnt again</strong> Neglect: 1 finding since" in page


def test_the_movement_needs_a_figure_from_before_the_action_opened(client, cast):
    action = action_of(cast, created_at=timezone.make_aware(datetime(2025, 4, 2)))
    indicator = indicator_of(cast.partnership, figures=(Decimal(60), Decimal(70)))
    services.action_indicator_add(
        action=action, indicator_id=indicator.pk, expected="up", by=cast.officer
    )
    sign_in(client, cast.officer)
    page = client.get(reverse("learning:action_detail", args=[action.pk])).content.decode()
    assert "Not enough figures yet" in page
