"""Every write of the yearly report: opening a draft, its narrative, partner sign-off, publication
through the publication gate, and sending it on (see `sections.py` for the statutory basis)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core import audit
from core.concurrency import EditConflict, save_if_unchanged
from core.models import AuditEvent
from core.services import deadline_complete, deadline_set
from learning.models import Publication
from learning.services_publication import publication_publish
from reviews.services import signer_refusal
from yearly_report import policy, sections, selectors
from yearly_report.models import Narrative, SignOff, YearlyReport

SEND_TASK = "Send the yearly report to the national panel, Foundations and the DfE"


def _unpublished(report: YearlyReport) -> None:
    if report.publication_id:
        raise ValidationError("This yearly report is published and can no longer change")


@transaction.atomic
def report_open(*, partnership, start_year: int, by) -> YearlyReport:
    if YearlyReport.objects.filter(partnership=partnership, start_year=start_year).exists():
        raise ValidationError(
            f"There is already a yearly report for {sections.label(start_year)}: open it from the list"
        )
    report = YearlyReport.objects.create(
        partnership=partnership, start_year=start_year, created_by=by
    )
    audit.record(
        event=AuditEvent.Event.CREATED, actor=by, subject=report, details={"year": report.label}
    )
    return report


@transaction.atomic
def narrative_write(
    *, report: YearlyReport, section: str, text: str, expected_version: int, by
) -> Narrative:
    """Write one section's narrative. Any change makes a new version of the draft, so partners'
    earlier sign-offs no longer count; a draft changed by someone else since it was opened is
    refused (`core.concurrency`)."""
    _unpublished(report)
    if section not in sections.SECTION_KEYS:
        raise ValidationError("Choose a section of the yearly report")
    save_if_unchanged(report, expected_version=expected_version, fields=[])
    narrative = Narrative.objects.filter(report=report, section=section).first()
    before = audit.snapshot(narrative, ["text"]) if narrative else {"text": audit.NarrativeText("")}
    if narrative is None:
        narrative = Narrative(report=report, section=section, updated_by=by)
    narrative.text, narrative.updated_by, narrative.updated_at = text, by, timezone.now()
    narrative.save()
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=narrative,
        partnership=report.partnership,
        details={
            "report version": report.version,
            **audit.changes(before, audit.snapshot(narrative, ["text"])),
        },
    )
    return narrative


@transaction.atomic
def report_sign_off(*, report: YearlyReport, agrees: bool, comment: str, by) -> SignOff:
    """A partner lead signs off this version of the draft for their statutory partner."""
    _unpublished(report)
    refusal = signer_refusal(by, report.partnership)
    if refusal or not policy.can_sign_off_report(by, report):
        raise ValidationError(refusal or "Only a safeguarding partner lead can sign this off")
    if not agrees and not comment.strip():
        raise ValidationError("Say why you do not agree")
    sign_off, _ = SignOff.objects.update_or_create(
        report=report,
        report_version=report.version,
        partner_lead=by,
        defaults={
            "partnership": report.partnership,
            "organisation": by.organisation,
            "agrees": agrees,
            "comment": comment,
            "signed_at": timezone.now(),
        },
    )
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=report,
        details={"signed_off": agrees, "version": report.version, "comment": comment},
    )
    return sign_off


def publication_text(report: YearlyReport, assembled) -> tuple[str, str]:
    """The summary and body published: each section as a "## " heading, its narrative, figures
    and lines, so the public page and its PDF show the sections (and the gate checks exactly this)."""
    first, last = report.period
    summary = (
        f"What the {report.partnership.name} did from {first:%-d %B %Y} to {last:%-d %B %Y} "
        "and how effective it was."
    )
    parts = []
    for item in assembled:
        lines = [f"## {item.title}"]
        if item.narrative and item.narrative.text.strip():
            lines.append(item.narrative.text.strip())
        if item.missing:
            lines.append(item.missing)
        lines += [f"{label}: {value}" for label, value in item.summary.figures]
        for heading, entries in item.summary.lists:
            if entries:
                lines.append(f"{heading}:")
                lines += [f"- {entry}" for entry in entries]
        parts.append("\n".join(lines))
    return summary, "\n\n".join(parts)


@transaction.atomic
def report_publish(*, report: YearlyReport, by) -> Publication:
    """Publish the signed-off report on the public site through the publication gate (checked
    against the children of every record its lines are drawn from), and set the task to send it
    to the panel, Foundations and the DfE within 7 days."""
    _unpublished(report)
    if not policy.can_publish_report(by, report):
        raise ValidationError("Only the business unit manager publishes the yearly report")
    blockers = selectors.sign_off_blockers(report)
    if blockers:
        raise ValidationError(
            ["Every statutory partner must sign off this version first.", *blockers]
        )
    assembled = selectors.assemble(report)
    summary, body = publication_text(report, assembled)
    publication = publication_publish(
        source=None,
        partnership=report.partnership,
        title=f"{report.partnership.name} yearly report {report.label}",
        summary=summary,
        body=body,
        kind=Publication.Kind.YEARLY_REPORT,
        sources=[source for item in assembled for source in item.summary.sources],
        version_label=f"Version {report.version}, signed off by every statutory partner",
        by=by,
    )
    # The version stays the one the partners signed; a changed or already published draft loses.
    if not YearlyReport.objects.filter(
        pk=report.pk, version=report.version, publication__isnull=True
    ).update(publication=publication):
        raise EditConflict(EditConflict.message)
    report.publication = publication
    today = timezone.localdate()
    deadline_set(
        subject=report,
        partnership=report.partnership,
        title=SEND_TASK,
        due_date=sections.send_by(today),
        responsible=by,
        is_statutory=True,
        basis="Working Together 2023: within 7 days of publication",
        link=report.get_absolute_url(),
        remind_days_before=3,
    )
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=report,
        details={"published": publication.title, "send by": sections.send_by(today)},
    )
    return publication


@transaction.atomic
def report_sent(*, report: YearlyReport, sent_on: date, by) -> YearlyReport:
    """Record that the published report went to the panel, Foundations and the DfE."""
    if not report.publication_id:
        raise ValidationError("Publish the yearly report before sending it")
    if sent_on > timezone.localdate() or sent_on < timezone.localdate(
        report.publication.published_at
    ):
        raise ValidationError("The date sent must be between publication and today")
    report.sent_on = sent_on
    report.save(update_fields=["sent_on"])
    deadline_complete(subject=report, title=SEND_TASK)
    audit.record(
        event=AuditEvent.Event.SENT,
        actor=by,
        subject=report,
        details={"sent to": sections.RECIPIENTS, "sent on": sent_on},
    )
    return report
