"""Single-agency assurance records for tests, made through the services. Every name is fictional."""

from datetime import date

from audits import selectors_assurance, services_assurance
from audits.models_assurance import AssuranceRound, SelfAssessment
from audits.services_assurance import Answer, View
from partnership.models import Group, Membership
from partnership.tests.factories import GroupFactory


def scrutiny_group(cast, *, member=None) -> Group:
    """The sub-group that oversees the rounds, with `member` sitting on it."""
    group = GroupFactory(partnership=cast.partnership, name="Test Quality Assurance Sub-group")
    if member is not None:
        Membership.objects.create(group=group, person=member)
    return group


def section_11_round(cast, *, year=2026, group=None, agencies=None) -> AssuranceRound:
    return services_assurance.round_open(
        partnership=cast.partnership,
        kind="section_11",
        year=year,
        due_date=date(year, 9, 30),
        overseeing_group=group or scrutiny_group(cast),
        agencies=agencies or [cast.police, cast.hospital],
        by=cast.manager,
    )


def answers_for(assessment: SelfAssessment, *ratings: str) -> dict[int, Answer]:
    """An answer per standard, in order, cycling through `ratings` (green needs no actions)."""
    standards = selectors_assurance.standards_asked(assessment)
    return {
        standard.pk: Answer(
            rating=ratings[n % len(ratings)],
            evidence=f"Evidence for {standard.title}",
            actions="" if ratings[n % len(ratings)] == "green" else "Refresh the training plan",
        )
        for n, standard in enumerate(standards)
    }


def submitted(assessment: SelfAssessment, by, *ratings: str) -> SelfAssessment:
    return services_assurance.self_assessment_submit(
        assessment=assessment,
        answers=answers_for(assessment, *ratings),
        expected_version=assessment.version,
        by=by,
    )


def challenged(assessment: SelfAssessment, by, **overrides: str) -> SelfAssessment:
    """A challenge session agreeing with the agency except for the standards named in `overrides`
    (title -> the partnership's rating)."""
    views = {
        rating.standard_id: View(
            rating=overrides.get(rating.standard.title, rating.rating),
            comment="Evidence did not show it" if rating.standard.title in overrides else "",
        )
        for rating in assessment.ratings.select_related("standard")
    }
    return services_assurance.challenge_record(
        assessment=assessment,
        held_on=date(2026, 11, 2),
        summary="Discussed with the agency's safeguarding lead.",
        views=views,
        expected_version=assessment.version,
        by=by,
    )
