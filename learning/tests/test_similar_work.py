"""Similar-work search over every kind of work, kept by the background worker."""

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from child_deaths.tests.factories import AnalysisFactory
from core.testing import assert_queries_do_not_grow, sign_in
from learning import selectors
from learning.models import Action, SimilarWorkEntry
from learning.services_similar import similar_work_reindex
from learning.tests.factories import (
    ActionFactory,
    FindingFactory,
    OtherSourceFactory,
    RecommendationFactory,
    ThemeFactory,
)
from performance.models import AuditProposal, Scrutiny
from reviews import services as review_services
from reviews import services_reviews
from reviews.models import RapidReview
from reviews.tests.factories import LearningReferralFactory, lcspr_for, notification_for

pytestmark = pytest.mark.django_db


def _scrutiny(cast, question="Why did repeat child protection plans rise in the coastal wards?"):
    return Scrutiny.objects.create(
        partnership=cast.partnership,
        period=100,
        question=question,
        asked_of=cast.council,
        outcome=Scrutiny.Outcome.AUDIT,
        recorded_by=cast.officer,
    )


def _rapid_review(cast):
    rapid_review = notification_for(cast).rapid_review
    RapidReview.objects.filter(pk=rapid_review.pk).update(
        context="An older sibling was a young carer for a parent misusing alcohol."
    )
    return rapid_review


def _review(cast):
    review = lcspr_for(cast, with_reviewer=False)
    services_reviews.terms_of_reference_draft(
        review=review,
        text="How agencies recognised coercive control by a stepfather.",
        key_lines_of_enquiry="",
        by=cast.officer,
    )
    return review


# Each kind of work, made with its own text, and a search that should find it.
KINDS = {
    "Learning referral": (
        lambda cast: LearningReferralFactory(
            partnership=cast.partnership,
            title="Unexplained fractures in a toddler",
            what_happened="Fractures were accepted without a skeletal survey.",
        ),
        "unexplained fractures skeletal survey",
    ),
    "Serious incident notification": (
        lambda cast: notification_for(
            cast, incident_summary="An infant suffered a head injury falling from a changing table."
        ),
        "head injury changing table",
    ),
    "Rapid review": (_rapid_review, "young carer alcohol"),
    "Review: Local child safeguarding practice review (LCSPR)": (
        _review,
        "coercive control stepfather",
    ),
    "Child death review": (
        lambda cast: AnalysisFactory(
            child_death__partnership=cast.partnership,
            learning="Safe sleep advice was not repeated after a move to temporary accommodation.",
        ),
        "safe sleep temporary accommodation",
    ),
    "Performance scrutiny": (_scrutiny, "repeat child protection plans coastal wards"),
    "Audit proposal": (
        lambda cast: AuditProposal.objects.create(
            partnership=cast.partnership,
            scrutiny=_scrutiny(cast, question="Timeliness."),
            title="Audit of pre-birth assessments",
            focus="Whether pre-birth assessments start early enough in pregnancy.",
            proposed_by=cast.officer,
        ),
        "pre-birth assessments pregnancy",
    ),
    "Finding": (
        lambda cast: FindingFactory(
            source__partnership=cast.partnership,
            title="Interpreters were not used",
            description="Conversations with the mother happened without an interpreter.",
        ),
        "interpreter mother",
    ),
    "Recommendation": (
        lambda cast: RecommendationFactory(
            source__partnership=cast.partnership,
            text="Commission trauma-informed practice training for school staff.",
        ),
        "trauma-informed training school staff",
    ),
    "Action": (
        lambda cast: ActionFactory(
            recommendation__source__partnership=cast.partnership,
            description="Rewrite the escalation procedure for children missing education.",
        ),
        "escalation procedure missing education",
    ),
    "Learning from other sources: National review": (
        lambda cast: OtherSourceFactory(
            partnership=cast.partnership,
            title="National review of criminal exploitation",
            summary="County lines exploitation of teenagers.",
        ),
        "county lines exploitation",
    ),
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_work_is_found_by_its_own_text(cast, kind):
    make, text = KINDS[kind]
    make(cast)
    similar_work_reindex()
    items = selectors.similar_work(partnership=cast.partnership, text=text, user=cast.manager)
    assert items and items[0].kind == kind
    assert items[0].reasons[-1].startswith("Matching words:")


def test_work_of_another_partnership_never_appears(cast):
    FindingFactory(
        source__partnership=cast.other_partnership,
        title="Bruising in a baby",
        description="Bruising was not escalated.",
    )
    similar_work_reindex()
    assert selectors.similar_work(partnership=cast.partnership, text="bruising baby") == []
    assert (
        selectors.similar_work(
            partnership=cast.other_partnership, text="bruising baby", user=cast.manager
        )
        == []
    )


def test_work_the_person_may_not_open_is_neither_shown_nor_counted(client, cast):
    AnalysisFactory(
        child_death__partnership=cast.partnership,
        learning="Safe sleep advice was not repeated after a move to temporary accommodation.",
    )
    similar_work_reindex()
    sign_in(client, cast.practitioner)
    page = client.get(reverse("learning:similar_work"), {"text": "safe sleep advice"})
    content = page.content.decode()
    assert "Child death review" not in content
    assert "0 similar items" in content
    sign_in(client, cast.manager)
    content = client.get(reverse("learning:similar_work"), {"text": "safe sleep advice"})
    assert "Child death review" in content.content.decode()


def test_work_closed_more_than_three_years_ago_is_left_out_and_recent_closures_say_so(cast):
    old, recent = (
        OtherSourceFactory(
            partnership=cast.partnership, title=f"Neglect review {n}", summary="Neglect at home."
        )
        for n in (1, 2)
    )
    old.closed_at = timezone.now() - timedelta(days=365 * 3 + 5)
    old.save()
    recent.closed_at = timezone.now() - timedelta(days=30)
    recent.save()
    similar_work_reindex()
    items = selectors.similar_work(partnership=cast.partnership, text="neglect at home")
    assert [item.title for item in items] == ["Neglect review 2"]
    assert items[0].status.startswith("Closed")


def test_shared_themes_and_agencies_raise_a_match_and_are_named(cast):
    neglect = ThemeFactory(partnership=cast.partnership, name="Neglect")
    plain = FindingFactory(
        source__partnership=cast.partnership, title="Neglect", description="Home conditions."
    )
    themed = FindingFactory(
        source__partnership=cast.partnership, title="Neglect", description="Home conditions."
    )
    themed.themes.set([neglect])
    action = ActionFactory(
        recommendation__source__partnership=cast.partnership,
        description="Neglect toolkit for home conditions.",
        owner_organisation=cast.police,
    )
    similar_work_reindex()
    items = selectors.similar_work(
        partnership=cast.partnership,
        text="neglect home conditions",
        themes=[neglect],
        agencies=["Test Police"],
    )
    by_reference = {item.reference: item for item in items}
    assert items[0].reference == themed.reference
    assert "Shared themes: Neglect" in by_reference[themed.reference].reasons
    assert "Shared agencies: Test Police" in by_reference[action.reference].reasons
    assert plain.reference in by_reference


def test_the_command_prints_json_best_first_with_the_record_itself_first(cast):
    LearningReferralFactory(
        partnership=cast.partnership,
        title="Missed dental appointments",
        what_happened="Dental neglect was not recognised by the school.",
    )
    FindingFactory(
        source__partnership=cast.partnership,
        title="Dental neglect",
        description="Dental neglect was not recognised.",
    )
    similar_work_reindex()
    out = StringIO()
    call_command(
        "similar_work",
        partnership=cast.partnership.slug,
        text="Missed dental appointments. Dental neglect was not recognised by the school.",
        limit=5,
        stdout=out,
    )
    results = json.loads(out.getvalue())
    assert [result["kind"] for result in results] == ["Learning referral", "Finding"]
    assert set(results[0]) == {"kind", "reference", "title", "status", "score", "reasons"}
    assert results[0]["score"] > results[1]["score"]


def test_the_command_names_an_unknown_partnership(cast):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no partnership with the slug 'nowhere'"):
        call_command("similar_work", partnership="nowhere", text="neglect")


def test_the_search_page_reads_a_bounded_number_of_queries(client, cast):
    sign_in(client, cast.manager)

    def add_records():
        for n in range(15):
            FindingFactory(
                source__partnership=cast.partnership,
                title=f"Neglect {n}",
                description="Neglect at home.",
            )
        AnalysisFactory(child_death__partnership=cast.partnership, learning="Neglect at home.")
        similar_work_reindex()

    # One of each kind first: the page reads once per kind of record it shows, never per record.
    FindingFactory(source__partnership=cast.partnership, title="Neglect", description="At home.")
    AnalysisFactory(child_death__partnership=cast.partnership, learning="Neglect at home.")
    similar_work_reindex()
    assert_queries_do_not_grow(
        lambda: client.get(reverse("learning:similar_work"), {"text": "neglect at home"}),
        add_records,
    )


def _run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, reload=False)


@pytest.mark.django_db(transaction=True)
def test_a_changed_referral_is_found_by_the_next_search_after_the_worker_runs(cast):
    referral = review_services.learning_referral_submit(
        partnership=cast.partnership,
        referred_by=cast.practitioner,
        title="Missed appointments",
        what_happened="Appointments were missed.",
        agencies_involved="School nursing",
        why_learning="Nobody followed up.",
        child_voice="",
    )
    _run_worker()
    assert SimilarWorkEntry.objects.filter(reference=referral.reference).exists()
    review_services.versioned_update(
        record=referral,
        data={"what_happened": "A stepfather's coercive control was not recognised."},
        expected_version=referral.version,
        by=cast.officer,
    )
    assert selectors.similar_work(partnership=cast.partnership, text="coercive control") == []
    _run_worker()
    items = selectors.similar_work(partnership=cast.partnership, text="coercive control")
    assert [item.reference for item in items] == [referral.reference]


@pytest.mark.django_db(transaction=True)
def test_a_closed_action_is_shown_closed_after_the_worker_runs(cast):
    from learning import services

    action = ActionFactory(
        recommendation__source__partnership=cast.partnership,
        description="Neglect toolkit training.",
    )
    similar_work_reindex()
    services.action_close(
        action=Action.objects.get(pk=action.pk),
        what_changed="Audit shows the toolkit in use.",
        method="re_audit",
        how_known="Re-audit of 20 cases.",
        by=cast.officer,
    )
    _run_worker()
    items = selectors.similar_work(partnership=cast.partnership, text="neglect toolkit")
    assert items[0].status.startswith("Closed")


@pytest.mark.django_db(transaction=True)
def test_closing_a_source_shows_its_findings_closed_after_the_worker_runs(cast):
    from learning import services
    from learning.models import DisseminationChannel

    source = services.other_source_create(
        partnership=cast.partnership,
        kind="national_review",
        title="National review of exploitation",
        summary="County lines.",
        by=cast.officer,
    )
    services.finding_record(
        source=source,
        title="Exploitation was not recognised",
        description="Going missing was treated as a choice.",
        aim="must_improve",
        themes=[],
        by=cast.officer,
    )
    plan = services.dissemination_plan_open(source=source, by=cast.officer)
    services.dissemination_channel_add(
        plan=plan,
        channel=DisseminationChannel.Channel.BRIEFING,
        owner=cast.officer,
        target_date=date.today(),
        by=cast.officer,
    )
    channel = DisseminationChannel.objects.get(plan=plan)
    services.dissemination_channel_finish(
        channel=channel, status="done", reason="", by=cast.officer
    )
    _run_worker()
    services.other_source_close(source=source, by=cast.officer)
    _run_worker()
    items = selectors.similar_work(partnership=cast.partnership, text="exploitation missing")
    finding = next(item for item in items if item.kind == "Finding")
    assert finding.status.startswith("Closed")
