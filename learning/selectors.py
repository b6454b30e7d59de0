"""Reads of the learning spine: a source's learning, action plans, similar and recurring learning."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import (
    CharField,
    Count,
    F,
    Max,
    Min,
    Q,
    QuerySet,
    Value,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Concat, RowNumber
from django.utils import timezone

from learning import similarity
from learning.models import (
    Action,
    DisseminationChannel,
    DisseminationPlan,
    Finding,
    Publication,
    Recommendation,
    Theme,
)

SIMILAR_WORK_YEARS = 3
# Below this cosine similarity two texts share only incidental words.
MINIMUM_TEXT_SIMILARITY = 0.05


def _of_source(queryset: QuerySet, source: models.Model) -> QuerySet:
    return queryset.filter(
        source_type=ContentType.objects.get_for_model(source), source_id=source.pk
    )


def source_findings(source: models.Model) -> QuerySet[Finding]:
    return _of_source(Finding.objects.all(), source)


def source_learning(source: models.Model) -> dict:
    """Everything the spine holds about one source, for its page (a fixed number of queries)."""
    findings = _of_source(Finding.objects.all(), source).prefetch_related("themes")
    recommendations = (
        _of_source(Recommendation.objects.all(), source)
        .select_related("owning_group")
        .prefetch_related(
            "findings",
            models.Prefetch(
                "actions",
                queryset=Action.objects.select_related("owner_organisation", "owner_person"),
            ),
        )
    )
    plan = (
        _of_source(DisseminationPlan.objects.all(), source)
        .prefetch_related(
            models.Prefetch(
                "channels",
                queryset=DisseminationChannel.objects.select_related("owner", "linked_partnership"),
            )
        )
        .first()
    )
    publications = (
        Publication.objects.live()
        .filter(
            Q(source_type=ContentType.objects.get_for_model(source), source_id=source.pk)
            | Q(briefing__findings__in=findings)
        )
        .distinct()
    )
    return {
        "findings": findings,
        "recommendations": recommendations,
        "plan": plan,
        "publications": publications,
        "today": timezone.localdate(),
    }


def dissemination_blockers(source: models.Model) -> list[str]:
    """Why the source cannot be closed yet: planned channels neither done nor withdrawn."""
    plan = _of_source(DisseminationPlan.objects.all(), source).first()
    if plan is None:
        return ["There is no dissemination plan: plan how the learning will be shared"]
    blockers = []
    channels = list(plan.channels.select_related("linked_partnership"))
    if not channels:
        blockers.append("The dissemination plan has no channels: plan at least one")
    for channel in channels:
        if channel.status == DisseminationChannel.Status.PLANNED:
            blockers.append(
                f"{channel} (due {channel.target_date:%d %B %Y}) is neither done nor withdrawn"
            )
    return blockers


def themes_with_counts(partnership) -> QuerySet[Theme]:
    return Theme.objects.for_partnership(partnership).annotate(
        finding_count=Count("findings", distinct=True)
    )


# Action plans


@dataclass(frozen=True)
class ActionFilters:
    organisation: int | None = None
    group: int | None = None
    theme: int | None = None
    status: str = ""
    source: str = ""


def action_plan(
    *, partnership, filters: ActionFilters, today: date | None = None
) -> QuerySet[Action]:
    """The partnership's actions with everything an action plan row shows, filtered."""
    today = today or timezone.localdate()
    actions = Action.objects.filter(partnership=partnership).select_related(
        "owner_organisation",
        "owner_person",
        "recommendation__owning_group",
        "recommendation__source_type",
    )
    if filters.organisation:
        actions = actions.filter(owner_organisation_id=filters.organisation)
    if filters.group:
        actions = actions.filter(recommendation__owning_group_id=filters.group)
    if filters.theme:
        actions = actions.filter(recommendation__findings__themes=filters.theme).distinct()
    if filters.status == "overdue":
        actions = actions.overdue(today)
    elif filters.status == "open":
        actions = actions.open()
    elif filters.status:
        actions = actions.filter(status=filters.status).exclude(
            Q(closed_at__isnull=True, due_date__lt=today)
        )
    if filters.source:
        type_id, _, source_id = filters.source.partition("-")
        if type_id.isdigit() and source_id.isdigit():
            actions = actions.filter(
                recommendation__source_type_id=type_id, recommendation__source_id=source_id
            )
    return actions.prefetch_related("recommendation__source__partnership").order_by(
        "due_date", "id"
    )


def action_rows(actions, today: date | None = None) -> list[dict]:
    """Plain rows of an action plan, shared by the page, the CSV and the spreadsheet."""
    today = today or timezone.localdate()
    rows = []
    for action in actions:
        source = action.recommendation.source
        rows.append(
            {
                "reference": action.reference,
                "source": getattr(source, "learning_reference", ""),
                "source_title": getattr(source, "learning_title", ""),
                "recommendation": action.recommendation.text,
                "action": action.description,
                "organisation": action.owner_organisation.name,
                "owner": action.owner_person.full_name if action.owner_person else "",
                "group": action.recommendation.owning_group.name,
                "due_date": action.due_date,
                "status": action.display_status(today),
                "action_obj": action,
            }
        )
    return rows


def action_updates(action: Action):
    return action.updates.select_related("by")


# Similar and recurring learning


@dataclass(frozen=True)
class SimilarItem:
    title: str
    reference: str
    url: str
    score: float
    reasons: list[str] = field(default_factory=list)
    status: str = ""
    date: datetime.date | None = None


def _recent_findings(partnership) -> QuerySet[Finding]:
    since = timezone.now() - timedelta(days=365 * SIMILAR_WORK_YEARS)
    return Finding.objects.filter(partnership=partnership, recorded_at__gte=since)


def similar_work(
    *, partnership, text: str, themes=(), exclude=None, limit: int = 10
) -> list[SimilarItem]:
    """Findings of the last three years like `text` (TF-IDF cosine) or sharing its themes, ranked.

    The score is three parts text similarity and one part the share of the given themes in common,
    so that work on the same themes shows even where it is worded differently.
    """
    findings = _recent_findings(partnership)
    theme_ids = {getattr(theme, "pk", theme) for theme in themes}
    # Cheap to read from indexes: any finding added, changed or leaving the window changes it.
    freshness = (
        partnership.pk,
        findings.count(),
        Finding.objects.filter(partnership=partnership).aggregate(last=Max("changed_at"))["last"],
    )
    index = similarity.index_for(
        key=freshness,
        documents=lambda: findings.values_list("id", "title", "description").iterator(),
    )
    if not len(index.ids):
        return []
    text_scores = index.similarities(text)
    shared_themes = np.zeros(len(index.ids))
    theme_matches: dict[int, set[int]] = defaultdict(set)
    # Themes belong to one partnership, so their links need no join to the partnership's findings.
    for finding_id, theme_id in Finding.themes.through.objects.filter(
        theme_id__in=theme_ids
    ).values_list("finding_id", "theme_id"):
        position = index.position.get(finding_id)
        if position is not None:
            shared_themes[position] += 1
            theme_matches[finding_id].add(theme_id)
    scores = 0.75 * text_scores + 0.25 * shared_themes / max(len(theme_ids), 1)
    scores[(text_scores < MINIMUM_TEXT_SIMILARITY) & (shared_themes == 0)] = 0
    if exclude is not None:
        for finding_id in _of_source(findings, exclude).values_list("id", flat=True):
            scores[index.position[finding_id]] = 0
    candidates = np.nonzero(scores)[0]
    top = candidates[np.argsort(-scores[candidates], kind="stable")[:limit]]
    best = [int(index.ids[position]) for position in top]
    scores_by_id = {int(index.ids[position]): float(scores[position]) for position in top}
    chosen = Finding.objects.in_bulk(best)
    names = dict(Theme.objects.filter(pk__in=theme_ids).values_list("pk", "name"))
    prefetch_related_objects(list(chosen.values()), "source__partnership")
    items = []
    for finding_id in best:
        finding = chosen[finding_id]
        reasons = []
        shared = sorted(names[theme_id] for theme_id in theme_matches.get(finding_id, ()))
        if shared:
            reasons.append("Shared themes: " + ", ".join(shared))
        terms = index.shared_terms(text, finding_id)
        if terms:
            reasons.append("Shared terms: " + ", ".join(terms))
        source = finding.source
        items.append(
            SimilarItem(
                title=f"{finding.title} ({getattr(source, 'learning_title', 'source')})",
                reference=getattr(source, "learning_reference", finding.reference),
                url=finding.get_absolute_url(),
                score=round(scores_by_id[finding_id], 3),
                reasons=reasons,
                status=getattr(source, "learning_status", "")
                or ("Closed" if getattr(source, "closed_at", None) else "In progress"),
                date=timezone.localdate(finding.recorded_at),
            )
        )
    return items


@dataclass
class RecurringTheme:
    theme: Theme
    sources: int
    first_year: int
    last_year: int
    findings: list[Finding]
    actions: int
    actions_with_evidence: int


RECURRING_FINDINGS_SHOWN = 10


def recurring_lessons(*, partnership, min_sources: int = 2) -> list[RecurringTheme]:
    """Themes whose must-improve findings recur across sources, with what was done each time.

    Counts cover every finding; each theme lists its most recent findings only, so the report
    stays readable (and fast) however much learning the partnership holds.
    """
    links = Finding.themes.through.objects.filter(
        finding__partnership=partnership, finding__aim=Finding.Aim.MUST_IMPROVE
    )
    source_key = Concat(
        "finding__source_type_id", Value("-"), "finding__source_id", output_field=CharField()
    )
    rows = list(
        links.values("theme_id")
        .annotate(
            sources=Count(source_key, distinct=True),
            actions=Count("finding__recommendations__actions", distinct=True),
            evidenced=Count("finding__recommendations__actions__evidence", distinct=True),
            first=Min("finding__recorded_at"),
            last=Max("finding__recorded_at"),
        )
        .filter(sources__gte=min_sources)
        .order_by("-sources", "theme_id")
    )
    theme_ids = [row["theme_id"] for row in rows]
    recent = (
        links.filter(theme_id__in=theme_ids)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=F("theme_id"), order_by=F("finding__recorded_at").desc()
            )
        )
        .filter(rank__lte=RECURRING_FINDINGS_SHOWN)
        .values_list("theme_id", "finding_id")
    )
    shown: dict[int, list[int]] = defaultdict(list)
    for theme_id, finding_id in recent:
        shown[theme_id].append(finding_id)
    findings = (
        Finding.objects.filter(pk__in=[pk for ids in shown.values() for pk in ids])
        .annotate(
            action_count=Count("recommendations__actions", distinct=True),
            evidenced=Count("recommendations__actions__evidence", distinct=True),
        )
        .prefetch_related("source__partnership")
        .in_bulk()
    )
    themes = Theme.objects.in_bulk(theme_ids)
    return [
        RecurringTheme(
            theme=themes[row["theme_id"]],
            sources=row["sources"],
            first_year=timezone.localtime(row["first"]).year,
            last_year=timezone.localtime(row["last"]).year,
            findings=[findings[pk] for pk in shown[row["theme_id"]] if pk in findings],
            actions=row["actions"],
            actions_with_evidence=row["evidenced"],
        )
        for row in rows
    ]


def publications_for_public(
    *,
    partnership,
    kind: str = "",
    theme: int | None = None,
    year: int | None = None,
    text: str = "",
):
    publications = (
        Publication.objects.live()
        .filter(partnership=partnership)
        .select_related("partnership")
        .prefetch_related("themes")
    )
    if kind:
        publications = publications.filter(kind=kind)
    if theme:
        publications = publications.filter(themes=theme)
    if year:
        publications = publications.filter(published_at__year=year)
    if text:
        publications = publications.filter(
            Q(title__icontains=text) | Q(summary__icontains=text) | Q(body__icontains=text)
        )
    return publications.distinct()
