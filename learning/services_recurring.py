"""The recurring-lessons summary (`RecurringLessonSummary`), rewritten for the cells a change
touches by the services that write findings, recommendations and actions."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from learning.models import Finding, RecurringLessonSummary


def _cells_of(findings) -> set[tuple[int, int, int]]:
    """(partnership, theme, year) of each theme of the given findings."""
    links = Finding.themes.through.objects.filter(finding__in=findings).values_list(
        "finding__partnership_id", "theme_id", "finding__recorded_at"
    )
    return {
        (partnership_id, theme_id, timezone.localtime(recorded_at).year)
        for partnership_id, theme_id, recorded_at in links
    }


def _rewrite(cells: set[tuple[int, int, int]]) -> None:
    for partnership_id, theme_id, year in cells:
        RecurringLessonSummary.objects.filter(
            partnership_id=partnership_id, theme_id=theme_id, year=year
        ).delete()
        start = timezone.make_aware(timezone.datetime(year, 1, 1))
        end = timezone.make_aware(timezone.datetime(year + 1, 1, 1))
        rows = (
            Finding.objects.filter(
                partnership_id=partnership_id,
                themes=theme_id,
                recorded_at__gte=start,
                recorded_at__lt=end,
            )
            .values("source_type_id", "aim")
            .annotate(
                count=Count("pk", distinct=True),
                source_count=Count("source_id", distinct=True),
                action_count=Count("recommendations__actions", distinct=True),
                # Evidence counts once its owning group has signed it off.
                evidenced=Count(
                    "recommendations__actions__evidence",
                    filter=Q(recommendations__actions__evidence__signed_off_on__isnull=False),
                    distinct=True,
                ),
                last=Max("recorded_at"),
                first_evidence=Min("recommendations__actions__evidence__signed_off_on"),
            )
        )
        RecurringLessonSummary.objects.bulk_create(
            RecurringLessonSummary(
                partnership_id=partnership_id,
                theme_id=theme_id,
                year=year,
                source_type_id=row["source_type_id"],
                aim=row["aim"],
                findings=row["count"],
                sources=row["source_count"],
                actions=row["action_count"],
                actions_evidenced=row["evidenced"],
                last_recorded_at=row["last"],
                first_evidenced_on=row["first_evidence"],
            )
            for row in rows
        )


@transaction.atomic
def recurring_lessons_changed(*, findings: Iterable[Finding], before: Iterable = ()) -> None:
    """Rewrite the summary cells of these findings (and of the cells they were in `before`, as
    (partnership, theme, year), for a change of themes)."""
    _rewrite(_cells_of(list(findings)) | set(before))


def cells_before(findings: Iterable[Finding]) -> set[tuple[int, int, int]]:
    return _cells_of(list(findings))


@transaction.atomic
def recurring_lessons_rebuild(*, partnership) -> int:
    """Rewrite a partnership's whole summary (after loading findings in bulk); returns rows."""
    RecurringLessonSummary.objects.filter(partnership=partnership).delete()
    years = (
        Finding.themes.through.objects.filter(finding__partnership=partnership)
        .annotate(year=ExtractYear("finding__recorded_at"))
        .values_list("theme_id", "year")
        .distinct()
    )
    # ExtractYear is in the database's time zone; neighbouring years are rewritten to be sure.
    cells = {
        (partnership.pk, theme_id, year + shift) for theme_id, year in years for shift in (-1, 0, 1)
    }
    _rewrite(cells)
    return RecurringLessonSummary.objects.filter(partnership=partnership).count()
