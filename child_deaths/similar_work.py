"""How a child death appears in similar-work search: the panel's analysis learning only, never
the child's identifying details (registered in `ChildDeathsConfig.ready`)."""

from child_deaths.models import Analysis
from learning.services_similar import SimilarWorkDocument, register


def analysis(record: Analysis) -> SimilarWorkDocument | None:
    if not record.learning.strip():
        return None
    death = record.child_death
    return SimilarWorkDocument(
        partnership_id=death.partnership_id,
        kind="Child death review",
        reference=death.reference,
        title=f"Learning from the panel's review of {death.reference}",
        text=record.learning,
        url=death.get_absolute_url(),
        stage=record.get_modifiable_display(),
        # The panel's analysis is its last word on the death.
        closed_on=record.completed_on,
        recorded_on=record.completed_on,
    )


def register_all() -> None:
    register(Analysis, analysis)
