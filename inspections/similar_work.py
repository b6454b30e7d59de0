"""How an inspection appears in similar-work search: its kind, theme and the body inspected (what
it found is in the spine as findings, indexed there). Registered in `InspectionsConfig.ready`."""

from inspections.models import Inspection
from learning.services_similar import SimilarWorkDocument, register


def inspection(record: Inspection) -> SimilarWorkDocument:
    theme = f": {record.get_jtai_theme_display()}" if record.jtai_theme else ""
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind="Inspection",
        reference=record.learning_reference,
        title=str(record),
        text=f"{record.get_kind_display()}{theme} of {record.inspected_body} by "
        f"{record.get_inspectorate_display()}",
        url=record.get_absolute_url(),
        stage=record.get_status_display(),
        # A closed inspection's last event on record is its report.
        closed_on=record.report_received if record.status == Inspection.Status.CLOSED else None,
        recorded_on=record.on_site_from or record.notice_date,
    )


def register_all() -> None:
    register(Inspection, inspection)
