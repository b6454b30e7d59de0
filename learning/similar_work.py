"""How the spine's own records appear in similar-work search (see `learning.services_similar`)."""

from learning.models import Action, Finding, OtherSource, Recommendation, Theme
from learning.services_similar import SimilarWorkDocument, day_of, register


def _source_closed_on(source):
    return day_of(getattr(source, "closed_at", None))


def finding(record: Finding) -> SimilarWorkDocument:
    source = record.source
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind="Finding",
        reference=record.reference,
        title=f"{record.title} ({getattr(source, 'learning_reference', 'source')})",
        text=record.description,
        url=record.get_absolute_url(),
        stage=record.get_aim_display(),
        closed_on=_source_closed_on(source),
        recorded_on=day_of(record.recorded_at),
        themes=record.themes.values_list("pk", flat=True),
    )


def _themes_of(recommendation: Recommendation):
    return Theme.objects.filter(findings__recommendations=recommendation).values_list(
        "pk", flat=True
    )


def recommendation(record: Recommendation) -> SimilarWorkDocument:
    source = record.source
    open_actions = record.actions.filter(closed_at__isnull=True).exists()
    last_closed = record.actions.order_by("-closed_at").values_list("closed_at", flat=True).first()
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind="Recommendation",
        reference=record.reference,
        title=f"Recommendation of {getattr(source, 'learning_reference', 'a source')}",
        text=record.text,
        url=source.get_absolute_url() if source else "",
        closed_on=None if open_actions else day_of(last_closed),
        recorded_on=day_of(record.recorded_at),
        themes=_themes_of(record),
        agencies=[record.owning_group.name],
    )


def action(record: Action) -> SimilarWorkDocument:
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind="Action",
        reference=record.reference,
        title=f"Action {record.reference} of recommendation {record.recommendation.reference}",
        text=record.description,
        url=record.get_absolute_url(),
        stage=record.display_status(),
        closed_on=day_of(record.closed_at),
        recorded_on=record.due_date,
        themes=_themes_of(record.recommendation),
        agencies=[record.owner_organisation.name],
    )


def other_source(record: OtherSource) -> SimilarWorkDocument:
    return SimilarWorkDocument(
        partnership_id=record.partnership_id,
        kind=f"Learning from other sources: {record.get_kind_display()}",
        reference=record.learning_reference,
        title=record.title,
        text=record.summary,
        url=record.get_absolute_url(),
        closed_on=day_of(record.closed_at),
        recorded_on=record.published_on or day_of(record.created_at),
    )


def register_all() -> None:
    register(Finding, finding)
    register(Recommendation, recommendation)
    register(Action, action)
    register(OtherSource, other_source)
