"""The yearly report assembled from the records of its 12 months: each section's figures and lines,
from the partnership's structure and learning spine directly and from each capability's yearly
summary (`core.yearly`), so a capability not yet built says so instead of failing. A bounded
number of queries whatever the data size (tested in tests/test_queries.py)."""

from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.db.models import Count, Q

from core import yearly
from core.yearly import YearSummary
from learning import selectors_impact
from learning.models import Action, EvidenceOfImpact, Finding, OtherSource
from partnership.models import Group, LinkedPartnership, Organisation
from reviews.services import partner_sign_off_blockers
from yearly_report import sections
from yearly_report.models import Narrative, YearlyReport


@dataclass
class AssembledSection:
    section: sections.Section
    summary: YearSummary
    narrative: Narrative | None
    # Why the section holds no figures: its capability is not built or gives no summary yet.
    missing: str = ""
    impacts: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.section.key

    @property
    def title(self) -> str:
        return self.section.title


def _arrangements(partnership) -> YearSummary:
    organisations = list(Organisation.objects.filter(partnership=partnership).active())
    partners = [
        o.name for o in organisations if o.standing == Organisation.Standing.STATUTORY_PARTNER
    ]
    return YearSummary(
        figures=[
            ("Statutory safeguarding partners", len(partners)),
            ("Relevant agencies and other organisations", len(organisations) - len(partners)),
        ],
        lists=[
            (
                "Safeguarding partners",
                partners,
            ),
            (
                "Groups",
                [
                    f"{group.name} ({group.get_kind_display()})"
                    for group in Group.objects.filter(partnership=partnership, archived_at=None)
                ],
            ),
            (
                "Linked strategic partnerships",
                [
                    str(linked)
                    for linked in LinkedPartnership.objects.filter(
                        partnership=partnership, archived_at__isnull=True
                    )
                ],
            ),
        ],
    )


def action_counts(partnership, first: date, last: date) -> dict[str, int]:
    """The action plan at the end of the period: opened in it, closed in it, open at its end by
    status, overdue at its end, and closed in it with impact evidence signed off."""
    actions = Action.objects.filter(partnership=partnership, created_at__date__lte=last)
    open_at_end = Q(closed_at__isnull=True) | Q(closed_at__date__gt=last)
    return actions.aggregate(
        opened=Count("pk", filter=Q(created_at__date__gte=first)),
        closed=Count("pk", filter=Q(closed_at__date__range=(first, last))),
        not_started=Count("pk", filter=open_at_end & Q(status=Action.Status.NOT_STARTED)),
        on_track=Count("pk", filter=open_at_end & Q(status=Action.Status.ON_TRACK)),
        at_risk=Count("pk", filter=open_at_end & Q(status=Action.Status.AT_RISK)),
        overdue=Count("pk", filter=open_at_end & Q(due_date__lt=last)),
        signed_off=Count(
            "pk",
            filter=Q(closed_at__date__range=(first, last), evidence__signed_off_by__isnull=False),
        ),
    )


def _priorities(counts: dict[str, int]) -> YearSummary:
    return YearSummary(
        figures=[
            ("Actions opened in the year", counts["opened"]),
            ("Actions closed in the year", counts["closed"]),
            (
                "of which with evidence of impact signed off by the owning group",
                counts["signed_off"],
            ),
            ("Open at the end of the year: not started", counts["not_started"]),
            ("Open at the end of the year: on track", counts["on_track"]),
            ("Open at the end of the year: at risk", counts["at_risk"]),
        ]
    )


def closed_actions(partnership, first: date, last: date) -> list[Action]:
    return list(
        Action.objects.filter(partnership=partnership, closed_at__date__range=(first, last))
        .select_related(
            "recommendation", "evidence__signed_off_by", "evidence__signed_off_by_group"
        )
        .order_by("closed_at", "id")
    )


def _impact(impacts) -> YearSummary:
    evidenced = [item for item in impacts if item.impact_evidenced]
    return YearSummary(
        figures=[
            ("Actions closed in the year", len(impacts)),
            ("with impact evidenced", len(evidenced)),
            (
                "naming indicators that moved as expected",
                sum(
                    1
                    for item in impacts
                    if item.indicators and all(i.movement == "as_expected" for i in item.indicators)
                ),
            ),
        ],
        lists=[
            (
                "Impact evidenced",
                [
                    f"{item.action.reference}: {item.evidence.what_changed} "
                    f"({item.evidence.get_method_display()}; signed off by "
                    f"{item.evidence.signed_off_by_group})"
                    for item in evidenced
                ],
            )
        ],
    )


def _little_progress(partnership, counts, impacts, last: date) -> YearSummary:
    overdue = (
        Action.objects.filter(
            partnership=partnership, created_at__date__lte=last, due_date__lt=last
        )
        .filter(Q(closed_at__isnull=True) | Q(closed_at__date__gt=last))
        .order_by("due_date", "id")[:20]
    )
    against = [
        f"{item.action.reference}: {indicator.name} moved the other way"
        for item in impacts
        for indicator in item.indicators
        if indicator.movement == "against"
    ]
    return YearSummary(
        figures=[
            ("Actions overdue at the end of the year", counts["overdue"]),
            ("Actions at risk at the end of the year", counts["at_risk"]),
        ],
        lists=[
            (
                "Overdue actions (the 20 longest overdue)",
                [f"{a.reference}: {a.description} (due {a.due_date:%-d %B %Y})" for a in overdue],
            ),
            ("Indicators that moved the other way", against),
        ],
    )


def _voice(partnership, first: date, last: date) -> YearSummary:
    findings = Finding.objects.filter(
        partnership=partnership, recorded_at__date__range=(first, last)
    ).exclude(voice_of_the_child="")
    heard = EvidenceOfImpact.objects.filter(
        action__partnership=partnership,
        action__closed_at__date__range=(first, last),
        method=EvidenceOfImpact.Method.CHILD_AND_FAMILY_VOICE,
    )
    return YearSummary(
        figures=[
            ("Findings that record the child's voice", findings.count()),
            ("Evidence of impact from children and families", heard.count()),
        ],
        lists=[("Findings shaped by the child's voice", [f.title for f in findings[:20]])],
    )


def _national(partnership, first: date, last: date) -> YearSummary:
    rows = list(
        OtherSource.objects.filter(
            partnership=partnership,
            kind=OtherSource.Kind.NATIONAL_REVIEW,
            created_at__date__range=(first, last),
        )
    )
    return YearSummary(
        figures=[("National reviews taken into account", len(rows))],
        lists=[("National reviews", [source.title for source in rows])],
    )


def _from_capability(section: sections.Section, partnership, first, last):
    summarise = yearly.summariser(section.capability)
    if summarise is not None:
        return summarise(partnership, first, last), ""
    if apps.is_installed(section.capability):
        return YearSummary(), f"{section.capability_name}: no yearly summary yet."
    return YearSummary(), f"{section.capability_name}: not recorded in Learning Hub yet."


def assemble(report: YearlyReport) -> list[AssembledSection]:
    """Every section of the report, in order, with its narrative."""
    partnership = report.partnership
    first, last = report.period
    narratives = {n.section: n for n in report.narratives.all()}
    counts = action_counts(partnership, first, last)
    impacts = selectors_impact.action_impacts(closed_actions(partnership, first, last), today=last)
    built = {
        "arrangements": lambda: _arrangements(partnership),
        "priorities": lambda: _priorities(counts),
        "impact": lambda: _impact(impacts),
        "little_progress": lambda: _little_progress(partnership, counts, impacts, last),
        "voice": lambda: _voice(partnership, first, last),
        "national": lambda: _national(partnership, first, last),
        "scrutiny": YearSummary,
    }
    assembled = []
    for section in sections.SECTIONS:
        missing = ""
        if section.capability:
            summary, missing = _from_capability(section, partnership, first, last)
        else:
            summary = built[section.key]()
        assembled.append(
            AssembledSection(
                section=section,
                summary=summary,
                narrative=narratives.get(section.key),
                missing=missing,
                impacts=impacts if section.key == "impact" else [],
            )
        )
    return assembled


def sign_off_blockers(report: YearlyReport) -> list[str]:
    """Why the report cannot yet be published: every statutory partner must agree to this version
    (the same rule as a review's sign-off, `reviews.sign_off`)."""
    return partner_sign_off_blockers(
        report.partnership, report.sign_offs.filter(report_version=report.version)
    )


def reports_for(partnership) -> list[YearlyReport]:
    return list(YearlyReport.objects.filter(partnership=partnership).select_related("publication"))
