"""Every change to the performance framework. Each writes its audit row in its own transaction."""

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core import audit, tables
from core.concurrency import save_if_unchanged
from core.models import AuditEvent
from core.services import table_import_keep
from learning import services as learning
from learning.services_similar import similar_work_changed
from partnership.models import Area, Organisation, Partnership, User
from performance import catalogue, importing
from performance.models import AuditProposal, Indicator, PerformanceImport, Scrutiny

_INDICATOR_FIELDS = list(catalogue.COLUMNS)


@transaction.atomic
def indicator_create(*, partnership: Partnership, data: dict[str, Any], by: User) -> Indicator:
    indicator = Indicator.objects.create(partnership=partnership, **data)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=indicator,
        details={"values": audit.snapshot(indicator, list(data))},
    )
    return indicator


@transaction.atomic
def indicator_update(
    *, indicator: Indicator, data: dict[str, Any], expected_version: int, by: User
) -> Indicator:
    """Change an indicator's definition or target, refusing the change if someone saved it first."""
    before = audit.snapshot(Indicator.objects.get(pk=indicator.pk), list(data))
    for name, value in data.items():
        setattr(indicator, name, value)
    save_if_unchanged(indicator, expected_version=expected_version, fields=list(data))
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=indicator,
        details={"changes": audit.changes(before, audit.snapshot(indicator, list(data)))},
    )
    return indicator


@transaction.atomic
def indicators_import(
    *, partnership: Partnership, table: Iterable[list], by: User | None, source: str
) -> dict[str, int]:
    """Add or replace indicators by code from a catalogue file; every row checked before any is written."""
    rows = catalogue.read(table)
    held = {
        indicator.code.upper(): indicator
        for indicator in Indicator.objects.filter(partnership=partnership)
    }
    created, updated = [], []
    for values in rows:
        existing = held.get(values["code"])
        if existing is None:
            created.append(Indicator(partnership=partnership, **values))
            continue
        if any(getattr(existing, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(existing, name, value)
            existing.version += 1
            updated.append(existing)
    Indicator.objects.bulk_create(created)
    Indicator.objects.bulk_update(updated, [*_INDICATOR_FIELDS, "version"])
    counts = {"rows": len(rows), "created": len(created), "updated": len(updated)}
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        actor_label="" if by else "manage.py import_indicators",
        partnership=partnership,
        details={"indicator_catalogue_import": source, **counts},
    )
    return counts


def observations_import(
    *,
    partnership: Partnership,
    table: Iterable[list],
    by: User | None,
    source: str,
    dry_run: bool = False,
    subject: PerformanceImport | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Check a file of quarterly values and write it all, or nothing (ImportRefused lists every error).

    Re-importing a quarter replaces its values; each replaced value, before and after, goes into the
    audit trail. Checking reads only, so it runs before the transaction opens: its progress reports
    are then seen by the progress page while a large file is checked.
    """
    plan = importing.plan(partnership=partnership, table=table, progress=progress)
    if dry_run:
        return plan.counts
    with transaction.atomic():
        # Progress starts again from nought for the writing, after the checking.
        importing.write(partnership=partnership, plan=plan, progress=progress)
        audit.record(
            event=AuditEvent.Event.CHANGED,
            actor=by,
            actor_label="" if by else "manage.py import_performance",
            subject=subject,
            partnership=partnership,
            details={
                "quarterly_values_import": source,
                **plan.counts,
                "replaced": importing.replaced_values(plan),
            },
        )
    return plan.counts


def _stored_table(performance_import: PerformanceImport):
    return importing.refused_as_unreadable(performance_import.read_rows())


def performance_import_upload(*, partnership: Partnership, upload, by: User) -> PerformanceImport:
    """Keep an uploaded file of quarterly values and check it (in the background when it is large).

    The upload has passed `core.tables.check_table_upload` (the form's TableFileField).
    """
    from performance import tasks

    performance_import, size = table_import_keep(
        model=PerformanceImport,
        upload=upload,
        by=by,
        partnership=partnership,
        status=PerformanceImport.Status.CHECKING,
    )
    if size.is_large:
        transaction.on_commit(lambda: tasks.check_import.enqueue(performance_import.pk))
    else:
        performance_import_check(performance_import=performance_import)
    return performance_import


PREVIEW_REPLACED = 50


def performance_import_check(*, performance_import: PerformanceImport) -> PerformanceImport:
    """Check every row without writing any figures, and keep the preview (or the errors) on the import."""
    try:
        plan = importing.plan(
            partnership=performance_import.partnership,
            table=_stored_table(performance_import),
            progress=performance_import.report_progress,
        )
    except importing.ImportRefused as refused:
        performance_import.status = PerformanceImport.Status.INVALID
        performance_import.errors = [str(error) for error in refused.errors]
        performance_import.summary = {}
    else:
        performance_import.status = PerformanceImport.Status.PREVIEWED
        performance_import.summary = {
            **plan.counts,
            "replaced": importing.replaced_values(plan, PREVIEW_REPLACED),
        }
        performance_import.errors = []
    performance_import.rows_done = performance_import.rows
    performance_import.save(update_fields=["status", "errors", "summary", "rows_done"])
    return performance_import


def performance_import_apply(
    *, performance_import: PerformanceImport, by: User
) -> PerformanceImport:
    """Apply a previewed import: straight away when small, by the background worker when large."""
    from performance import tasks

    if performance_import.status != PerformanceImport.Status.PREVIEWED:
        raise ValidationError("Only a checked import without errors can be applied")
    performance_import.status = PerformanceImport.Status.APPLYING
    performance_import.rows_done = 0
    performance_import.save(update_fields=["status", "rows_done"])
    with performance_import.file.open("rb") as handle:
        size = tables.measure(handle, performance_import.original_name)
    if size.is_large:
        tasks.apply_import.enqueue(performance_import.pk, by.pk)
        return performance_import
    return performance_import_write(performance_import=performance_import, by=by)


def performance_import_write(
    *, performance_import: PerformanceImport, by: User
) -> PerformanceImport:
    """Check the file again against today's data and write it all or nothing."""
    try:
        counts = observations_import(
            partnership=performance_import.partnership,
            table=_stored_table(performance_import),
            by=by,
            source=performance_import.original_name,
            subject=performance_import,
            progress=performance_import.report_progress,
        )
    except importing.ImportRefused as refused:
        performance_import.status = PerformanceImport.Status.INVALID
        performance_import.errors = [str(error) for error in refused.errors]
    else:
        performance_import.status = PerformanceImport.Status.APPLIED
        performance_import.summary = counts
        performance_import.applied_at = timezone.now()
    performance_import.rows_done = performance_import.rows
    performance_import.save(
        update_fields=["status", "errors", "summary", "rows_done", "applied_at"]
    )
    return performance_import


@transaction.atomic
def scrutiny_record(
    *,
    partnership: Partnership,
    period: int,
    indicator: Indicator | None,
    area: Area | None,
    question: str,
    asked_of: Organisation,
    answer: str,
    outcome: str,
    by: User,
    finding: dict[str, Any] | None = None,
    audit_proposal: dict[str, str] | None = None,
) -> Scrutiny:
    """Record the group's question, the agency's answer and the outcome, starting what the outcome calls for.

    A finding goes into the learning spine (`finding`: title, description, aim, themes); an audit
    proposal (`audit_proposal`: title, focus) becomes a tracked record for the audit programme.
    """
    scrutiny = Scrutiny.objects.create(
        partnership=partnership,
        period=period,
        indicator=indicator,
        area=area,
        question=question,
        asked_of=asked_of,
        answer=answer,
        outcome=outcome,
        recorded_by=by,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=scrutiny,
        details={"outcome": outcome, "quarter": scrutiny.quarter},
    )
    similar_work_changed(source=scrutiny)
    if outcome == Scrutiny.Outcome.FINDING:
        learning.dissemination_plan_open(source=scrutiny, by=by)
        learning.finding_record(source=scrutiny, by=by, **finding)
    elif outcome == Scrutiny.Outcome.AUDIT:
        audit_proposal_record(scrutiny=scrutiny, by=by, **audit_proposal)
    return scrutiny


@transaction.atomic
def audit_proposal_record(*, scrutiny: Scrutiny, title: str, focus: str, by: User) -> AuditProposal:
    proposal = AuditProposal.objects.create(
        partnership=scrutiny.partnership,
        scrutiny=scrutiny,
        title=title,
        focus=focus,
        proposed_by=by,
    )
    audit.record(
        event=AuditEvent.Event.CREATED, actor=by, subject=proposal, details={"focus": focus}
    )
    similar_work_changed(source=proposal)
    return proposal


@transaction.atomic
def audit_proposal_take_up(*, proposal: AuditProposal, by: User) -> None:
    """The audit programme has taken the proposal up (called by `audits` when an audit is planned
    from it: the one way another app changes a proposal)."""
    if proposal.status == AuditProposal.Status.ACCEPTED:
        return
    proposal.status = AuditProposal.Status.ACCEPTED
    proposal.save(update_fields=["status"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=proposal,
        details={"status": proposal.status},
    )
    similar_work_changed(source=proposal)
