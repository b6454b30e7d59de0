"""How performance scrutiny and audit proposals appear in similar-work search (registered in
`PerformanceConfig.ready`)."""

from django.utils import timezone

from learning.services_similar import SimilarWorkDocument, register
from performance.models import AuditProposal, Scrutiny


def scrutiny(record: Scrutiny) -> SimilarWorkDocument:
    recorded_on = timezone.localdate(record.recorded_at)
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind="Performance scrutiny",
        reference=record.learning_reference,
        title=record.learning_title,
        text=f"{record.question}\n{record.answer}",
        url=record.get_absolute_url(),
        stage=record.get_outcome_display(),
        # Scrutiny is done once its answer and outcome are recorded.
        closed_on=recorded_on,
        recorded_on=recorded_on,
        agencies=[record.asked_of.name],
    )


def audit_proposal(record: AuditProposal) -> SimilarWorkDocument:
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind="Audit proposal",
        reference=f"{record.partnership.short_name}-AP-{record.pk}",
        title=record.title,
        text=record.focus,
        url=record.get_absolute_url(),
        stage=record.get_status_display(),
        closed_on=None,
        recorded_on=timezone.localdate(record.proposed_at),
        agencies=[record.scrutiny.asked_of.name],
    )


def register_all() -> None:
    register(Scrutiny, scrutiny)
    register(AuditProposal, audit_proposal)
