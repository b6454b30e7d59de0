"""Reads of the learning spine: a source's learning, action plans, similar and recurring learning."""

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import (
    Count,
    Q,
    QuerySet,
)
from django.utils import timezone

from learning import retrieval
from learning.models import (
    Action,
    DisseminationChannel,
    DisseminationPlan,
    Finding,
    Publication,
    Recommendation,
    RecurringLessonSummary,
    SimilarWorkCorpus,
    SimilarWorkEntry,
    SimilarWorkPosting,
    SimilarWorkTerm,
    Theme,
)

SIMILAR_WORK_YEARS = 3


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
    kind: str
    title: str
    reference: str
    url: str
    score: float
    reasons: list[str] = field(default_factory=list)
    status: str = ""
    date: datetime.date | None = None


# For each query term, the entries weighing most for it are candidates; the best of them by
# those weights are read and ranked by BM25 over all their terms.
SIMILAR_CHAMPIONS = 100
SIMILAR_RANKED = 60
SIMILAR_BY_THEME = 100
# The weights of text, shared themes and shared agencies in the score.
TEXT_WEIGHT, THEME_WEIGHT, AGENCY_WEIGHT = 0.7, 0.2, 0.1


def _champions(partnership, terms: list[str]) -> dict[int, dict[str, float]]:
    """The entries weighing most for each term (its "champion list": Manning, Raghavan and
    Schütze, Introduction to Information Retrieval, 7.1.3), with their weights, read through the
    best-first index whatever the size of the partnership's index."""
    queries = [
        SimilarWorkPosting.objects.filter(partnership=partnership, term=term)
        .order_by("-weight", "-entry_id")
        .values_list("entry_id", "term", "weight")[:SIMILAR_CHAMPIONS]
        for term in terms
    ]
    if connection.features.supports_slicing_ordering_in_compound and len(queries) > 1:
        rows = queries[0].union(*queries[1:], all=True)
    else:
        rows = [row for query in queries for row in query]
    found: dict[int, dict[str, float]] = defaultdict(dict)
    for entry_id, term, weight in rows:
        found[entry_id][term] = weight
    return found


def _visible(entries: list[SimilarWorkEntry], user) -> list[SimilarWorkEntry]:
    """Only the entries whose records `user` may open, one query per kind of record."""
    by_type: dict[int, set[int]] = defaultdict(set)
    for entry in entries:
        by_type[entry.source_type_id].add(entry.source_id)
    allowed: set[tuple[int, int]] = set()
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for pk in (
            model._default_manager.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True)
        ):
            allowed.add((type_id, pk))
    return [entry for entry in entries if (entry.source_type_id, entry.source_id) in allowed]


def _status(entry: SimilarWorkEntry) -> str:
    if entry.closed_on:
        return f"Closed {entry.closed_on:%-d %B %Y}"
    return f"Open ({entry.stage})" if entry.stage else "Open"


def similar_work(
    *,
    partnership,
    text: str,
    themes=(),
    agencies: Iterable[str] = (),
    user=None,
    exclude: Iterable[models.Model] = (),
    limit: int = 10,
    today: date | None = None,
) -> list[SimilarItem]:
    """Work of every kind, open or closed in the last three years, like `text`, best first.

    Text is ranked by BM25 over the index the worker keeps (`learning.retrieval`), then combined
    with the share of the given themes and agencies each record shares. With `user`, records the
    person may not open are left out before anything is counted; without, everything is (commands).
    """
    corpus = SimilarWorkCorpus.objects.filter(partnership=partnership).first()
    if corpus is None or not corpus.documents:
        return []
    today = today or timezone.localdate()
    entries = SimilarWorkEntry.objects.filter(partnership=partnership).filter(
        Q(closed_on__isnull=True)
        | Q(closed_on__gte=today - timedelta(days=365 * SIMILAR_WORK_YEARS))
    )
    left_out: dict[int, list[int]] = defaultdict(list)
    for record in filter(None, exclude):
        left_out[ContentType.objects.get_for_model(record).pk].append(record.pk)
    for type_id, record_ids in left_out.items():
        entries = entries.exclude(source_type_id=type_id, source_id__in=record_ids)
    words = retrieval.words(text)
    frequency = dict(
        SimilarWorkTerm.objects.filter(
            partnership=partnership, term__in={term for term, _ in words}, documents__gt=0
        ).values_list("term", "documents")
    )
    terms = retrieval.query_terms(text, frequency, corpus.documents)
    weights = {term: retrieval.idf(corpus.documents, frequency[term]) for term in terms}
    theme_ids = {getattr(theme, "pk", theme) for theme in themes}
    agency_names = {name.strip().lower() for name in agencies if name.strip()}
    champions = _champions(partnership, terms)
    best_first = sorted(
        champions,
        key=lambda pk: (-sum(weights[term] * w for term, w in champions[pk].items()), -pk),
    )
    pool = set(best_first[: max(SIMILAR_RANKED, limit * 3)])
    if theme_ids:
        pool |= set(
            entries.filter(themes__in=theme_ids)
            .order_by("-recorded_on")
            .values_list("pk", flat=True)[:SIMILAR_BY_THEME]
        )
    if not pool:
        return []
    # Read through `entries`: only open work and work closed within the window, never `exclude`.
    rows = {row.pk: row for row in entries.filter(pk__in=pool).defer("text")}
    shared_themes: dict[int, set[int]] = defaultdict(set)
    if theme_ids:
        for entry_id, theme_id in SimilarWorkEntry.themes.through.objects.filter(
            similarworkentry_id__in=rows, theme_id__in=theme_ids
        ).values_list("similarworkentry_id", "theme_id"):
            shared_themes[entry_id].add(theme_id)
    best_text = retrieval.best_possible(terms, weights)
    scored = []
    for row in rows.values():
        match = retrieval.bm25(
            terms,
            Counter(row.terms.split()),
            length=row.length,
            average_length=corpus.average_length,
            weights=weights,
        )
        agencies_shared = {name for name in row.agency_names if name.lower() in agency_names}
        score = (
            TEXT_WEIGHT * match.score / best_text
            + THEME_WEIGHT * len(shared_themes[row.pk]) / max(len(theme_ids), 1)
            + AGENCY_WEIGHT * len(agencies_shared) / max(len(agency_names), 1)
        )
        if score > 0:
            scored.append((score, row.pk, match, agencies_shared))
    scored.sort(key=lambda item: (-item[0], item[1]))
    written = {term: word for term, word in reversed(words)}
    theme_names = (
        dict(Theme.objects.filter(pk__in=theme_ids).values_list("pk", "name")) if theme_ids else {}
    )
    items: list[SimilarItem] = []
    # Records the person may not open are dropped before counting: read a few more than needed.
    for start in range(0, len(scored), limit * 3):
        chunk = scored[start : start + limit * 3]
        read = [rows[pk] for _, pk, _, _ in chunk]
        shown = {entry.pk for entry in (read if user is None else _visible(read, user))}
        for score, pk, match, agencies_shared in chunk:
            if pk not in shown or len(items) >= limit:
                continue
            entry = rows[pk]
            reasons = []
            themes_shared = sorted(theme_names[theme] for theme in shared_themes[pk])
            if themes_shared:
                reasons.append("Shared themes: " + ", ".join(themes_shared))
            if agencies_shared:
                reasons.append("Shared agencies: " + ", ".join(sorted(agencies_shared)))
            if match.contributions:
                reasons.append(
                    "Matching words: "
                    + ", ".join(written.get(term, term) for term, _ in match.contributions[:6])
                )
            items.append(
                SimilarItem(
                    kind=entry.kind,
                    title=entry.title,
                    reference=entry.reference,
                    url=entry.url,
                    score=round(score, 3),
                    reasons=reasons,
                    status=_status(entry),
                    date=entry.recorded_on,
                )
            )
        if len(items) >= limit:
            break
    return items


@dataclass(frozen=True)
class RecurringYear:
    year: int
    findings: int = 0
    actions: int = 0
    evidenced: int = 0
    # Findings again after actions on the theme were closed with evidence of impact.
    learnt_again: bool = False


@dataclass
class RecurringTheme:
    theme: Theme
    years: list[RecurringYear]
    kinds: list[str]
    findings: int
    actions: int
    actions_evidenced: int

    @property
    def learnt_again(self) -> bool:
        return any(year.learnt_again for year in self.years)

    # Filled by `recurring_lessons`: one cell a year of the report's span, None where it is absent.
    cells: list[RecurringYear | None] = field(default_factory=list)


@dataclass
class RecurringReport:
    themes: list[RecurringTheme]
    span: list[int]
    kinds: dict[int, str]

    def chart_points(self) -> list[tuple[str, int]]:
        return [
            (
                str(year),
                sum(
                    row.findings for theme in self.themes for row in theme.years if row.year == year
                ),
            )
            for year in self.span
        ]


def _kind_name(type_id: int) -> str:
    model = ContentType.objects.get_for_id(type_id).model_class()
    return str(model._meta.verbose_name).capitalize() if model else "Removed kind"


def recurring_kinds(partnership) -> dict[int, str]:
    """The kinds of source the partnership's summarised findings come from, for the filter."""
    type_ids = (
        RecurringLessonSummary.objects.filter(partnership=partnership)
        .values_list("source_type_id", flat=True)
        .distinct()
    )
    return {type_id: _kind_name(type_id) for type_id in sorted(type_ids)}


def recurring_lessons(
    *,
    partnership,
    aim: str = Finding.Aim.MUST_IMPROVE,
    kind: int | None = None,
    from_year: int | None = None,
    to_year: int | None = None,
) -> RecurringReport:
    """Themes of findings that recur (in two years or more, or from two sources in a year), each
    with every year it appeared, the kinds of source, the actions taken each year and whether
    their impact was evidenced, read from the summary the services keep (one query)."""
    cells = list(
        RecurringLessonSummary.objects.filter(partnership=partnership, aim=aim).select_related(
            "theme"
        )
    )
    kinds = {type_id: _kind_name(type_id) for type_id in sorted({c.source_type_id for c in cells})}
    # Evidence from any kind of source counts: the theme was acted on and the impact shown.
    evidenced_on: dict[int, date] = {}
    for cell in cells:
        if cell.first_evidenced_on:
            known = evidenced_on.get(cell.theme_id)
            evidenced_on[cell.theme_id] = min(
                known or cell.first_evidenced_on, cell.first_evidenced_on
            )
    shown = [
        cell
        for cell in cells
        if (kind is None or cell.source_type_id == kind)
        and (from_year is None or cell.year >= from_year)
        and (to_year is None or cell.year <= to_year)
    ]
    by_theme: dict[int, list[RecurringLessonSummary]] = defaultdict(list)
    for cell in shown:
        by_theme[cell.theme_id].append(cell)
    themes = []
    for theme_cells in by_theme.values():
        years = []
        for year in sorted({cell.year for cell in theme_cells}):
            in_year = [cell for cell in theme_cells if cell.year == year]
            since = evidenced_on.get(in_year[0].theme_id)
            years.append(
                RecurringYear(
                    year=year,
                    findings=sum(cell.findings for cell in in_year),
                    actions=sum(cell.actions for cell in in_year),
                    evidenced=sum(cell.actions_evidenced for cell in in_year),
                    learnt_again=since is not None
                    and any(timezone.localdate(cell.last_recorded_at) > since for cell in in_year),
                )
            )
        if len(years) < 2 and sum(cell.sources for cell in theme_cells) < 2:
            continue
        themes.append(
            RecurringTheme(
                theme=theme_cells[0].theme,
                years=years,
                kinds=sorted({kinds[cell.source_type_id] for cell in theme_cells}),
                findings=sum(year.findings for year in years),
                actions=sum(year.actions for year in years),
                actions_evidenced=sum(year.evidenced for year in years),
            )
        )
    themes.sort(key=lambda row: (-len(row.years), -row.findings, row.theme.name))
    all_years = [year.year for theme in themes for year in theme.years]
    span = list(range(min(all_years), max(all_years) + 1)) if all_years else []
    for theme in themes:
        by_year = {year.year: year for year in theme.years}
        theme.cells = [by_year.get(year) for year in span]
    return RecurringReport(themes=themes, span=span, kinds=kinds)


def recurring_rows(report: RecurringReport) -> list[list]:
    """The report as rows for a CSV: one a theme and year."""
    rows = [
        [
            "Theme",
            "Year",
            "Kinds of source",
            "Findings",
            "Actions",
            "Actions with evidence of impact",
            "Learnt again",
        ]
    ]
    for theme in report.themes:
        for year in theme.years:
            rows.append(
                [
                    theme.theme.name,
                    year.year,
                    "; ".join(theme.kinds),
                    year.findings,
                    year.actions,
                    year.evidenced,
                    "Yes" if year.learnt_again else "No",
                ]
            )
    return rows


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
