"""The yearly report's figures, checked against the records they count: reviews by stage, actions
by status, closed actions' impact; a capability not yet built says so."""

from datetime import date, datetime

import pytest
import time_machine
from django.utils import timezone

from learning import services as learning
from learning.tests.factories import ActionFactory, OtherSourceFactory
from reviews.models import LearningReferral, RapidReview, Review
from reviews.tests.factories import LearningReferralFactory, lcspr_for
from reviews.yearly import review_counts
from yearly_report import selectors
from yearly_report.tests.factories import report_of

pytestmark = pytest.mark.django_db

IN_YEAR = timezone.make_aware(datetime(2025, 9, 1))
BEFORE = timezone.make_aware(datetime(2025, 3, 1))


def test_reviews_are_counted_by_stage_within_the_year(cast):
    with time_machine.travel(IN_YEAR, tick=False):
        lcspr = lcspr_for(cast, with_reviewer=False)
        LearningReferralFactory(partnership=cast.partnership)
    with time_machine.travel(BEFORE, tick=False):
        LearningReferralFactory(partnership=cast.partnership)
    Review.objects.filter(pk=lcspr.pk).update(
        published_at=timezone.make_aware(datetime(2026, 2, 1))
    )
    counts = review_counts(cast.partnership, date(2025, 4, 1), date(2026, 3, 31))
    assert LearningReferral.objects.count() == 2
    assert counts["referrals"] == 1
    assert counts["rapid_reviews"] == 1 and counts["decided_lcspr"] == 1
    assert counts["decided_no_lcspr"] == 0
    assert counts["lcspr_started"] == 1 and counts["other_started"] == 0
    assert counts["lcspr_published"] == 1
    assert counts["lcspr_completed"] == 0


def test_the_year_before_counts_nothing_of_this_year(cast):
    with time_machine.travel(IN_YEAR, tick=False):
        lcspr_for(cast, with_reviewer=False)
    counts = review_counts(cast.partnership, date(2024, 4, 1), date(2025, 3, 31))
    assert set(counts.values()) == {0}
    assert RapidReview.objects.count() == 1


def _action(cast, **fields):
    return ActionFactory(
        recommendation__source=OtherSourceFactory(partnership=cast.partnership),
        owner_organisation=cast.hospital,
        **fields,
    )


def test_actions_are_counted_by_status_at_the_end_of_the_year(cast):
    opened = {"created_at": IN_YEAR}
    _action(cast, status="on_track", due_date=date(2026, 6, 1), **opened)
    _action(cast, status="at_risk", due_date=date(2026, 1, 1), **opened)
    _action(cast, status="not_started", due_date=date(2026, 6, 1), created_at=BEFORE)
    closed = _action(cast, **opened)
    with time_machine.travel(timezone.make_aware(datetime(2025, 12, 1)), tick=False):
        learning.action_close(
            action=closed, what_changed="x", method="other", how_known="y", by=cast.officer
        )
    _action(cast, created_at=timezone.make_aware(datetime(2026, 5, 1)))
    counts = selectors.action_counts(cast.partnership, date(2025, 4, 1), date(2026, 3, 31))
    assert counts["opened"] == 3
    assert counts["closed"] == 1 and counts["signed_off"] == 0
    assert (counts["not_started"], counts["on_track"], counts["at_risk"]) == (1, 1, 1)
    assert counts["overdue"] == 1


def test_a_closed_action_signed_off_by_its_group_is_impact_evidenced_in_the_report(cast):
    from partnership.models import Membership

    action = _action(cast, created_at=IN_YEAR)
    Membership.objects.create(group=action.recommendation.owning_group, person=cast.group_member)
    with time_machine.travel(timezone.make_aware(datetime(2026, 1, 10)), tick=False):
        evidence = learning.action_close(
            action=action,
            what_changed="Every new starter learns the escalation protocol",
            method="re_audit",
            how_known="Re-audit",
            by=cast.officer,
        )
        learning.evidence_sign_off(evidence=evidence, by=cast.group_member)
    impact = next(s for s in selectors.assemble(report_of(cast)) if s.key == "impact")
    assert ("with impact evidenced", 1) in impact.summary.figures
    assert impact.impacts[0].action == action
    assert "Every new starter learns the escalation protocol" in impact.summary.lists[0][1][0]


def test_a_capability_not_built_yet_or_without_a_summary_says_so(cast, monkeypatch):
    from core import yearly
    from yearly_report import sections

    monkeypatch.setattr(
        sections,
        "SECTIONS",
        (
            sections.Section("later", "Later", "not_built_app", "Later work"),
            sections.Section("quiet", "Quiet", "inspections", "Inspections"),
        ),
    )
    monkeypatch.setattr(yearly, "_summaries", {})
    later, quiet = selectors.assemble(report_of(cast))
    assert later.missing == "Later work: not recorded in Learning Hub yet."
    assert quiet.missing == "Inspections: no yearly summary yet."
    assert later.summary.is_empty and quiet.summary.is_empty


def test_training_is_counted_from_the_registers_of_the_years_events(cast):
    from training.models import Attendance
    from training.tests.evaluation_factories import event_for, marked, place_for
    from yearly_report import sections

    event = event_for(cast)
    marked(place_for(cast.practitioner, event))
    marked(place_for(cast.contributor, event), Attendance.Mark.NO_SHOW)
    this_year = sections.last_full_year(timezone.localdate()) + 1
    training = next(
        s for s in selectors.assemble(report_of(cast, start_year=this_year)) if s.key == "training"
    )
    assert not training.missing
    figures = dict(training.summary.figures)
    assert figures["Training events held"] == 1
    assert (figures["Places attended"], figures["Places booked but not attended"]) == (1, 1)


def test_section_11_returns_and_their_ratings_are_counted_for_the_year(cast):
    from audits.tests.factories_assurance import section_11_round, submitted

    assessment = section_11_round(cast, year=2026).self_assessments.first()
    submitted(assessment, cast.contributor, "green")
    audits = next(
        s for s in selectors.assemble(report_of(cast, start_year=2026)) if s.key == "audits"
    )
    figures = dict(audits.summary.figures)
    assert figures["Section 11 and section 175 returns asked for"] == 2
    assert figures["Returns made"] == 1
    assert figures["Standards rated green by the agencies"] == assessment.ratings.count() > 0
    assert figures["Multi-agency audits in the year's programme"] == 0
