"""Partner sign-off: every statutory partner signs (Working Together 2023 ch. 5; s16E Children Act
2004). The pure rule first, then the services that send a decision or agree a report."""

from datetime import date

import pytest

from partnership.models import Organisation, Role
from partnership.tests.factories import OrganisationFactory, PersonFactory
from reviews import services
from reviews.models import RapidReview
from reviews.sign_off import StatutoryPartner, sign_off_blockers
from reviews.tests.factories import (
    REGULATION_11_ANSWERED,
    notification_for,
    partner_leads_of_every_statutory_partner,
)

COUNCIL = StatutoryPartner("Test Borough Council", ("Cal Lead",), agrees=True)
POLICE = StatutoryPartner("Test Police", ("Kit Lead",), agrees=True)


def test_every_statutory_partner_agreeing_completes_the_sign_off():
    """Working Together 2023 ch. 5: the safeguarding partners decide together."""
    assert sign_off_blockers([COUNCIL, POLICE]) == []


def test_a_partnership_without_partner_leads_cannot_send():
    """Working Together 2023 ch. 5: no decision without the safeguarding partners."""
    (blocker,) = sign_off_blockers([StatutoryPartner("Test Police", (), agrees=None)])
    assert "no configured partner leads" in blocker
    assert sign_off_blockers([]) == [blocker]


def test_a_statutory_partner_without_a_lead_is_named():
    """s16E Children Act 2004: each local authority, the police and the integrated care board."""
    board = StatutoryPartner("Test Integrated Care Board", (), agrees=None)
    assert sign_off_blockers([COUNCIL, board]) == [
        "Test Integrated Care Board has no partner lead configured"
    ]


def test_a_partner_not_yet_signed_is_waited_for_by_name_and_lead():
    """Working Together 2023 ch. 5: each safeguarding partner signs."""
    waiting = StatutoryPartner("Test Police", ("Kit Lead",), agrees=None)
    assert sign_off_blockers([COUNCIL, waiting]) == ["Waiting for Test Police (Kit Lead)"]


def test_a_partner_that_does_not_agree_blocks_the_sign_off():
    """Working Together 2023 ch. 5: the decision is the partners' together."""
    against = StatutoryPartner("Test Police", ("Kit Lead",), agrees=False)
    assert sign_off_blockers([COUNCIL, against]) == ["Test Police does not agree"]


def _decided(cast):
    rapid_review = notification_for(cast).rapid_review
    RapidReview.objects.filter(pk=rapid_review.pk).update(
        abuse_or_neglect="known",
        seriously_harmed=True,
        interagency_concerns="concerns",
        **REGULATION_11_ANSWERED,
    )
    rapid_review.refresh_from_db()
    return services.rapid_review_decide(
        rapid_review=rapid_review,
        decision=RapidReview.Decision.LCSPR,
        national_review_recommended=False,
        rationale="Rationale.",
        learning_identified="",
        alternative_learning="",
        by=cast.officer,
    )


def _send(rapid_review, cast):
    return services.rapid_review_send_to_panel(
        rapid_review=rapid_review, sent_on=date(2026, 3, 20), by=cast.officer
    )


def _sign(rapid_review, lead, agrees=True):
    services.partner_sign_off(
        rapid_review=rapid_review, by=lead, agrees=agrees, comment="" if agrees else "No."
    )


@pytest.mark.django_db
def test_the_decision_is_sent_once_every_statutory_partner_has_signed(cast):
    """Working Together 2023 ch. 5."""
    rapid_review = _decided(cast)
    for lead in partner_leads_of_every_statutory_partner(cast):
        _sign(rapid_review, lead)
    assert _send(rapid_review, cast).sent_to_panel_on == date(2026, 3, 20)


@pytest.mark.django_db
def test_a_second_local_authority_must_sign_too(cast):
    """s16E Children Act 2004: each local authority of the partnership is a safeguarding partner."""
    rapid_review = _decided(cast)
    for lead in partner_leads_of_every_statutory_partner(cast):
        _sign(rapid_review, lead)
    OrganisationFactory(partnership=cast.partnership, name="Second Test Council")
    with pytest.raises(services.RefusedError, match="Second Test Council has no partner lead"):
        _send(rapid_review, cast)
    assert RapidReview.objects.get().sent_to_panel_on is None


@pytest.mark.django_db
def test_a_decision_cannot_be_sent_while_the_partnership_has_no_partner_leads(cast):
    """Working Together 2023 ch. 5: the safeguarding partners sign; none are configured."""
    rapid_review = _decided(cast)
    cast.partner_lead.role_assignments.all().delete()
    with pytest.raises(services.RefusedError, match="no configured partner leads"):
        _send(rapid_review, cast)


@pytest.mark.django_db
def test_a_partner_lead_of_a_relevant_agency_cannot_sign(cast):
    """s16E Children Act 2004: relevant agencies are not safeguarding partners."""
    hospital_lead = PersonFactory(
        partnership=cast.partnership, organisation=cast.hospital, roles=[Role.PARTNER_LEAD]
    )
    assert cast.hospital.standing == Organisation.Standing.RELEVANT_AGENCY
    with pytest.raises(services.RefusedError, match="statutory partner"):
        _sign(_decided(cast), hospital_lead)


@pytest.mark.django_db
def test_a_partner_that_does_not_agree_stops_the_decision_being_sent(cast):
    """Working Together 2023 ch. 5."""
    rapid_review = _decided(cast)
    police_lead, council_lead = partner_leads_of_every_statutory_partner(cast)
    _sign(rapid_review, police_lead)
    _sign(rapid_review, council_lead, agrees=False)
    with pytest.raises(services.RefusedError, match="Test Borough Council does not agree"):
        _send(rapid_review, cast)
