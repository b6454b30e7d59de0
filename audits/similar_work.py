"""How an audit appears in similar-work search: its title, practice focus, scope, why it was chosen
and its theme (never a case: cases are known by reference only). Registered in
`AuditsConfig.ready`."""

from audits.models import Audit
from learning.services_similar import SimilarWorkDocument, day_of, register


def audit(record: Audit) -> SimilarWorkDocument:
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind="Multi-agency audit",
        reference=record.learning_reference,
        title=record.title,
        text=f"{record.practice_focus}\n{record.scope}\n{record.rationale}",
        url=record.get_absolute_url(),
        stage=record.get_status_display(),
        closed_on=day_of(record.closed_at),
        recorded_on=day_of(record.created_at),
        themes=[record.theme_id] if record.theme_id else [],
    )


def register_all() -> None:
    register(Audit, audit)
