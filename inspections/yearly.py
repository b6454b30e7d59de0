"""Inspections' part of the partnership's yearly report (`core.yearly`): the inspections on site or
reported in the year, with their overall judgement where one was given.

Source: Working Together 2023 asks the yearly report how effective the arrangements were; the
inspectorates' findings are evidence of it (reference/statutory.md 1.5).
"""

from datetime import date

from django.db.models import Prefetch, Q

from core.yearly import YearSummary
from inspections.models import Inspection, Judgement


def summarise(partnership, first: date, last: date) -> YearSummary:
    inspections = list(
        Inspection.objects.filter(partnership=partnership)
        .filter(Q(on_site_from__range=(first, last)) | Q(published_on__range=(first, last)))
        .prefetch_related(
            Prefetch(
                "judgements",
                queryset=Judgement.objects.filter(aspect=Judgement.Aspect.OVERALL),
                to_attr="overall",
            )
        )
        .order_by("on_site_from", "id")
    )
    lines = []
    for inspection in inspections:
        overall = inspection.overall[0].get_grade_display() if inspection.overall else ""
        lines.append(
            f"{inspection}: {inspection.get_status_display()}"
            + (f"; overall effectiveness {overall}" if overall else "")
        )
    return YearSummary(
        figures=[
            ("Inspections in the year", len(inspections)),
            (
                "Reports published in the year",
                sum(1 for i in inspections if i.published_on and first <= i.published_on <= last),
            ),
        ],
        lists=[("Inspections", lines)],
    )
