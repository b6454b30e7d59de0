"""South Tees' year in the demo, as a newcomer reads it: the reporting year 2025-26 (April 2025 to
March 2026) told through the services, and the work in hand today waiting on every person's
dashboard. The demo is loaded once for the module."""

from collections import Counter
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from child_deaths.models import Analysis, ChildDeath
from core.testing import sign_in
from learning.models import Action, ActionIndicator, Newsletter, Publication
from learning.selectors import dissemination_blockers
from learning.selectors_impact import action_impacts
from partnership import demo
from partnership.models import Partnership, User
from performance import selectors as performance
from performance.models import AuditProposal, Scrutiny
from performance.periods import Quarter
from reviews.models import LearningReferral, RapidReview, Review

YEAR_2025_26 = (date(2025, 4, 1), date(2026, 3, 31))

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_loaded")]


def test_south_tees_has_a_dozen_referrals_triaged_to_every_outcome():
    referrals = LearningReferral.objects.filter(partnership__slug="south-tees")
    assert Counter(referrals.values_list("outcome", flat=True)) == {
        LearningReferral.Outcome.RAPID_REVIEW: 3,
        LearningReferral.Outcome.CASE_REVIEW: 2,
        LearningReferral.Outcome.AUDIT: 3,
        LearningReferral.Outcome.NO_FURTHER_ACTION: 3,
        "": 1,  # awaiting triage
    }
    in_year = referrals.filter(referred_at__date__range=YEAR_2025_26)
    assert in_year.count() == 9
    assert not in_year.filter(status=LearningReferral.Status.AWAITING_TRIAGE).exists()


def test_three_rapid_reviews_are_decided_and_signed_off_by_every_statutory_partner():
    """Working Together 2023 ch. 5: the safeguarding partners decide; each signs it off."""
    from reviews import services

    south_tees = Partnership.objects.get(slug="south-tees")
    decided = RapidReview.objects.filter(partnership=south_tees).exclude(decision="")
    assert Counter(decided.values_list("decision", flat=True)) == {
        RapidReview.Decision.LCSPR: 2,
        RapidReview.Decision.NO_LCSPR: 1,
    }
    for rapid_review in decided:
        assert services.partner_sign_off_blockers(south_tees, rapid_review.sign_offs.all()) == []
        assert rapid_review.sign_offs.count() == 4
        assert rapid_review.sent_to_panel_on is not None
    gathering = RapidReview.objects.get(partnership=south_tees, decision="")
    assert gathering.status == RapidReview.Status.GATHERING


def test_the_published_lcspr_went_through_the_gate_with_its_briefing_and_newsletter_in_2025_26():
    review = Review.objects.get(title="Child S")
    assert review.status == Review.Status.PUBLISHED
    assert review.published_at.date() > review.tasks.get(kind="send_to_panel").done_on
    report = Publication.objects.get(kind=Publication.Kind.REVIEW_REPORT)
    assert report.content_digest
    briefing = Publication.objects.get(kind=Publication.Kind.BRIEFING, title__startswith="Child S")
    newsletter = Newsletter.objects.get(publication__isnull=False)
    assert set(newsletter.items.all()) == {report, briefing}
    for published in (report, briefing, newsletter.publication):
        assert (
            YEAR_2025_26[0] <= timezone.localtime(published.published_at).date() <= YEAR_2025_26[1]
        )
    assert not review.tasks.filter(done_on__isnull=True).exists()
    assert dissemination_blockers(review) == []


def test_south_tees_child_deaths_are_at_every_stage_and_the_panel_reviewed_four_in_2025_26():
    deaths = ChildDeath.objects.filter(partnership__slug="south-tees")
    assert Counter(deaths.values_list("status", flat=True)) == {
        ChildDeath.Status.NOTIFIED: 1,
        ChildDeath.Status.GATHERING: 1,
        ChildDeath.Status.READY: 1,
        ChildDeath.Status.REVIEWED: 6,
        ChildDeath.Status.LEFT_REVIEW: 1,
    }
    in_year = Analysis.objects.filter(
        child_death__partnership__slug="south-tees", completed_on__range=YEAR_2025_26
    )
    assert in_year.count() == 4
    assert all(analysis.panel_meeting.held_on == analysis.completed_on for analysis in in_year)


def test_south_tees_actions_are_at_every_status_and_those_closed_have_signed_off_evidence():
    actions = Action.objects.filter(partnership__slug="south-tees")
    shown = Counter(action.display_status() for action in actions)
    assert set(shown) == {*Action.Status.labels, Action.OVERDUE}
    assert shown["Closed"] == 2
    closed = actions.filter(status=Action.Status.CLOSED)
    assert all(action.evidence.signed_off_by_member for action in closed)
    assert all(
        YEAR_2025_26[0] <= timezone.localtime(action.closed_at).date() <= YEAR_2025_26[1]
        for action in closed
    )


def test_an_action_closed_in_2025_26_moved_the_indicator_it_named():
    """The impact chain: scrutiny, finding, action, the indicator moving as expected, sign-off."""
    assert ActionIndicator.objects.filter(action__partnership__slug="south-tees").count() == 3
    named = Action.objects.filter(status=Action.Status.CLOSED, indicators__isnull=False)
    (impact,) = action_impacts(named)
    assert impact.impact_evidenced


def test_four_quarters_of_2025_26_figures_with_exceptions_and_a_scrutiny_proposing_an_audit():
    south_tees = Partnership.objects.get(slug="south-tees")
    year = [Quarter(2025, number) for number in (1, 2, 3, 4)]
    assert set(year) <= set(performance.quarters_with_data(south_tees))
    for quarter in year:
        assert performance.quarterly_report(partnership=south_tees, quarter=quarter).exceptions
    scrutinies = Scrutiny.objects.filter(partnership=south_tees)
    assert {scrutiny.outcome for scrutiny in scrutinies} == {
        Scrutiny.Outcome.FINDING,
        Scrutiny.Outcome.AUDIT,
    }
    assert all(scrutiny.period in {quarter.index for quarter in year} for scrutiny in scrutinies)
    assert AuditProposal.objects.filter(partnership=south_tees).count() == 1


def test_every_demo_role_in_south_tees_has_work_waiting_on_its_dashboard(client):
    """Each person the demo signs in as (one per role, and every statutory partner's lead)."""
    emails = [demo.demo_email(demo.SOUTH_TEES, role) for role, *_ in demo.SOUTH_TEES.people]
    emails += [demo.partner_lead_email(name) for name, *_ in demo.SOUTH_TEES_PARTNER_LEADS]
    people = list(User.objects.filter(email__in=emails).order_by("email"))
    assert len(people) == len(emails) == 11
    idle = []
    for person in people:
        sign_in(client, person)
        response = client.get(reverse("core:dashboard"))
        assert response.status_code == 200
        if not (response.context["deadlines"] or response.context["panels"]):
            idle.append(person.email)
    assert idle == []
