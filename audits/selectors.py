"""Reads of multi-agency case audits. Each reads a bounded number of queries."""

from django.db.models import Count, QuerySet

from audits import periods
from audits.models import Audit, AuditProgramme
from partnership.models import Partnership


def programmes(partnership: Partnership) -> QuerySet[AuditProgramme]:
    """The partnership's programmes, latest year first, with how many audits each plans."""
    return AuditProgramme.objects.filter(partnership=partnership).annotate(
        audit_count=Count("audits")
    )


def free_years(partnership: Partnership, this_year: int) -> list[int]:
    """The financial years around this one that have no programme yet, to open one for."""
    taken = set(
        AuditProgramme.objects.filter(partnership=partnership).values_list("year", flat=True)
    )
    return [year for year in (this_year - 1, this_year, this_year + 1) if year not in taken]


def quarters(programme: AuditProgramme) -> list[tuple[str, list[Audit]]]:
    """The programme's audits by quarter of the year, every quarter shown even when empty."""
    planned = list(
        programme.audits.select_related("theme", "owner_group", "partnership").order_by(
            "quarter", "number"
        )
    )
    return [
        (periods.quarter_label(number), [audit for audit in planned if audit.quarter == number])
        for number in periods.QUARTERS
    ]
