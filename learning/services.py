"""Every write of the learning spine. Source apps call these with their own records as `source`."""

from collections.abc import Sequence
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from core import audit
from core.concurrency import save_if_unchanged
from core.models import AuditEvent
from core.services import deadline_complete, deadline_set
from learning import impact, policy
from learning.citations import Citable, cited_fields
from learning.models import (
    Action,
    ActionIndicator,
    ActionUpdate,
    Briefing,
    DisseminationActivity,
    DisseminationChannel,
    DisseminationPlan,
    EvidenceCitation,
    EvidenceOfImpact,
    Finding,
    Newsletter,
    OtherSource,
    PracticeChange,
    Publication,
    Recommendation,
    Theme,
)
from learning.services_publication import (
    newsletter_text,
    publication_publish,
    publication_sources,
)
from learning.services_recurring import (
    cells_before,
    recurring_lessons_changed,
    recurring_lessons_rebuild,
)
from learning.services_similar import similar_work_changed, similar_work_learning_changed
from learning.themes import STANDARD_THEMES
from partnership.models import Partnership
from partnership.selectors import chairs_of

ACTION_DEADLINE = "Action due"


def _source_fields(source: models.Model) -> dict:
    return {"source_type": ContentType.objects.get_for_model(source), "source_id": source.pk}


# Themes


@transaction.atomic
def themes_seed(*, partnership, by=None) -> list[Theme]:
    """Give a partnership the standard safeguarding theme list (leaving any it already has)."""
    existing = {name.lower() for name in partnership.themes.values_list("name", flat=True)}
    created = Theme.objects.bulk_create(
        Theme(partnership=partnership, name=name)
        for name in STANDARD_THEMES
        if name.lower() not in existing
    )
    if created:
        audit.record(
            event=AuditEvent.Event.CREATED,
            actor=by,
            partnership=partnership,
            details={"standard themes added": [theme.name for theme in created]},
        )
    return created


@transaction.atomic
def theme_create(*, partnership, name: str, description: str = "", by) -> Theme:
    theme = Theme.objects.create(partnership=partnership, name=name, description=description)
    audit.record(event=AuditEvent.Event.CREATED, actor=by, subject=theme, details={"name": name})
    return theme


@transaction.atomic
def theme_update(*, theme: Theme, name: str, description: str, expected_version: int, by) -> Theme:
    before = audit.snapshot(theme, ["name", "description"])
    theme.name, theme.description = name, description
    save_if_unchanged(theme, expected_version=expected_version, fields=["name", "description"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=theme,
        details=audit.changes(before, audit.snapshot(theme, ["name", "description"])),
    )
    return theme


@transaction.atomic
def theme_merge(*, duplicate: Theme, into: Theme, by) -> Theme:
    """Fold a duplicate theme into another: its findings and publications take the other theme."""
    if duplicate.pk == into.pk or duplicate.partnership_id != into.partnership_id:
        raise ValidationError("Choose a different theme of the same partnership to merge into")
    for relation, owner in (
        (Finding.themes.through, "finding_id"),
        (Publication.themes.through, "publication_id"),
    ):
        already = relation.objects.filter(theme=into).values_list(owner, flat=True)
        relation.objects.filter(theme=duplicate).exclude(**{f"{owner}__in": already}).update(
            theme=into
        )
        relation.objects.filter(theme=duplicate).delete()
    duplicate.merged_into = into
    duplicate.save(update_fields=["merged_into"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=duplicate,
        details={"merged into": into.name},
    )
    recurring_lessons_rebuild(partnership=into.partnership)
    return into


# Findings and recommendations


def _check_themes(partnership, themes) -> list[Theme]:
    themes = list(themes)
    if any(theme.partnership_id != partnership.pk for theme in themes):
        raise ValidationError("Themes must belong to the source's partnership")
    return themes


@transaction.atomic
def finding_record(
    *,
    source: models.Model,
    title: str,
    description: str,
    aim: str,
    themes,
    voice_of_the_child: str = "",
    by,
) -> Finding:
    if aim not in Finding.Aim.values:
        raise ValidationError(f"Unknown aim {aim!r}")
    themes = _check_themes(source.partnership, themes)
    finding = Finding.objects.create(
        partnership=source.partnership,
        title=title,
        description=description,
        aim=aim,
        voice_of_the_child=voice_of_the_child,
        recorded_by=by,
        **_source_fields(source),
    )
    finding.themes.set(themes)
    recurring_lessons_changed(findings=[finding])
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=finding,
        details={"source": source.learning_reference, "aim": aim},
    )
    similar_work_changed(source=finding)
    return finding


FINDING_FIELDS = ["title", "description", "aim", "voice_of_the_child"]


@transaction.atomic
def finding_update(*, finding: Finding, data: dict, expected_version: int, by) -> Finding:
    before = audit.snapshot(finding, [*FINDING_FIELDS, "themes"])
    cells = cells_before([finding])
    for name in FINDING_FIELDS:
        setattr(finding, name, data[name])
    save_if_unchanged(finding, expected_version=expected_version, fields=FINDING_FIELDS)
    finding.themes.set(_check_themes(finding.partnership, data["themes"]))
    recurring_lessons_changed(findings=[finding], before=cells)
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=finding,
        details=audit.changes(before, audit.snapshot(finding, [*FINDING_FIELDS, "themes"])),
    )
    similar_work_changed(source=finding)
    return finding


@transaction.atomic
def recommendation_record(
    *, source: models.Model, findings, text: str, owning_group, by
) -> Recommendation:
    findings = list(findings)
    partnership = source.partnership
    if owning_group.partnership_id != partnership.pk:
        raise ValidationError("The owning group must be one of the source's partnership")
    if any(finding.partnership_id != partnership.pk for finding in findings):
        raise ValidationError("Findings must belong to the source's partnership")
    recommendation = Recommendation.objects.create(
        partnership=partnership,
        text=text,
        owning_group=owning_group,
        recorded_by=by,
        **_source_fields(source),
    )
    recommendation.findings.set(findings)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=recommendation,
        details={"source": source.learning_reference, "owning group": owning_group},
    )
    similar_work_changed(source=recommendation)
    return recommendation


# Actions


def _set_action_deadline(action: Action) -> None:
    """Remind the owner before the due date; tell the owning group's chair once it is overdue."""
    deadline_set(
        subject=action,
        partnership=action.partnership,
        title=ACTION_DEADLINE,
        due_date=action.due_date,
        responsible=action.owner_person,
        escalate_to=chairs_of(action.recommendation.owning_group).first(),
        basis=f"Action {action.reference} of recommendation {action.recommendation.reference}",
        link=action.get_absolute_url(),
        remind_days_before=10,
    )


@transaction.atomic
def action_create(
    *,
    recommendation: Recommendation,
    description: str,
    owner_organisation,
    owner_person=None,
    due_date: date,
    by,
) -> Action:
    if owner_organisation.partnership_id != recommendation.partnership_id:
        raise ValidationError("The owner organisation must be one of the partnership's")
    action = Action.objects.create(
        partnership=recommendation.partnership,
        recommendation=recommendation,
        description=description,
        owner_organisation=owner_organisation,
        owner_person=owner_person,
        due_date=due_date,
    )
    _set_action_deadline(action)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=action,
        details={"owner": owner_organisation, "due": due_date},
    )
    similar_work_changed(source=action)
    recurring_lessons_changed(findings=recommendation.findings.all())
    return action


@transaction.atomic
def action_update_progress(
    *, action: Action, status: str, note: str, due_date: date | None = None, by
) -> ActionUpdate:
    """A progress update; closing is `action_close`, which needs evidence of impact."""
    if action.closed_at:
        raise ValidationError("This action is closed")
    if status not in (Action.Status.NOT_STARTED, Action.Status.ON_TRACK, Action.Status.AT_RISK):
        raise ValidationError("Choose not started, on track or at risk")
    before = audit.snapshot(action, ["status", "due_date"])
    action.status = status
    if due_date:
        action.due_date = due_date
    save_if_unchanged(action, expected_version=action.version, fields=["status", "due_date"])
    if due_date:
        _set_action_deadline(action)
    update = ActionUpdate.objects.create(action=action, status=status, note=note, by=by)
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=action,
        details={
            **audit.changes(before, audit.snapshot(action, ["status", "due_date"])),
            "note": note,
        },
    )
    similar_work_changed(source=action)
    return update


@transaction.atomic
def action_close(
    *,
    action: Action,
    what_changed: str,
    method: str,
    how_known: str,
    citing: Sequence[Citable] = (),
    by,
) -> EvidenceOfImpact:
    """Close an action with evidence of impact, citing results held elsewhere in the hub
    (`learning.citations`) as they read now, for a member of its recommendation's owning group
    to sign off (`evidence_sign_off`)."""
    if action.closed_at:
        raise ValidationError("This action is already closed")
    if method not in EvidenceOfImpact.Method.values:
        raise ValidationError("Select how the impact is known")
    evidence = EvidenceOfImpact.objects.create(
        action=action,
        what_changed=what_changed,
        method=method,
        how_known=how_known,
        signed_off_by_group=action.recommendation.owning_group,
        recorded_by=by,
    )
    EvidenceCitation.objects.bulk_create(
        EvidenceCitation(evidence=evidence, **cited_fields(citable)) for citable in citing
    )
    action.status = Action.Status.CLOSED
    action.closed_at = timezone.now()
    save_if_unchanged(action, expected_version=action.version, fields=["status", "closed_at"])
    deadline_complete(subject=action, title=ACTION_DEADLINE)
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=action,
        details={
            "closed with evidence": method,
            "for sign-off by": action.recommendation.owning_group,
            **({"cites": [citable.title for citable in citing]} if citing else {}),
        },
    )
    similar_work_changed(source=action)
    similar_work_changed(source=action.recommendation)
    recurring_lessons_changed(findings=action.recommendation.findings.all())
    return evidence


@transaction.atomic
def evidence_sign_off(*, evidence: EvidenceOfImpact, by) -> EvidenceOfImpact:
    """A member of the owning group signs off the evidence of an action's impact, today."""
    if not policy.can_sign_off_evidence(by, evidence):
        raise ValidationError(
            f"Only a member of {evidence.signed_off_by_group} can sign off this evidence"
        )
    evidence.signed_off_by = by
    evidence.signed_off_on = timezone.localdate()
    evidence.save(update_fields=["signed_off_by", "signed_off_on"])
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=evidence.action,
        details={"evidence signed off for": evidence.signed_off_by_group},
    )
    recurring_lessons_changed(findings=evidence.action.recommendation.findings.all())
    return evidence


@transaction.atomic
def action_indicator_add(
    *, action: Action, indicator_id: int, expected: str, by
) -> ActionIndicator:
    """Name an indicator of the performance framework that the action aims to move."""
    source = impact.indicator_source()
    if source is None:
        raise ValidationError("There is no performance framework to take indicators from")
    if expected not in impact.Direction.values:
        raise ValidationError("Select whether the indicator should go up or down")
    offered = dict(source.choices(action.partnership))
    if indicator_id not in offered:
        raise ValidationError("Select an indicator of the partnership's performance framework")
    link, created = ActionIndicator.objects.get_or_create(
        action=action,
        indicator_type=ContentType.objects.get_for_model(source.model),
        indicator_id=indicator_id,
        defaults={"expected": expected, "added_by": by},
    )
    if not created:
        raise ValidationError("The action already names this indicator")
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=action,
        details={"indicator added": offered[indicator_id], "expected": expected},
    )
    return link


@transaction.atomic
def action_indicator_remove(*, link: ActionIndicator, by) -> None:
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=link.action,
        details={"indicator removed": link.indicator_id},
    )
    link.delete()


# Dissemination


@transaction.atomic
def dissemination_plan_open(*, source: models.Model, by) -> DisseminationPlan:
    """The source's dissemination plan, opened now if it has none (safe to call more than once)."""
    plan, created = DisseminationPlan.objects.get_or_create(
        **_source_fields(source), defaults={"partnership": source.partnership}
    )
    if created:
        audit.record(
            event=AuditEvent.Event.CREATED,
            actor=by,
            subject=plan,
            details={"source": source.learning_reference},
        )
    return plan


@transaction.atomic
def dissemination_channel_add(
    *, plan: DisseminationPlan, channel: str, owner, target_date: date, linked_partnership=None, by
) -> DisseminationChannel:
    if (channel == DisseminationChannel.Channel.LINKED_PARTNERSHIP) != bool(linked_partnership):
        raise ValidationError("Choose the linked strategic partnership for that channel only")
    planned = DisseminationChannel.objects.create(
        plan=plan,
        channel=channel,
        owner=owner,
        target_date=target_date,
        linked_partnership=linked_partnership,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=planned,
        partnership=plan.partnership,
        details={"owner": owner, "target date": target_date},
    )
    return planned


@transaction.atomic
def dissemination_channel_finish(
    *, channel: DisseminationChannel, status: str, reason: str = "", by
) -> DisseminationChannel:
    """Mark a planned channel done, or withdrawn with the reason it will not be used."""
    if channel.status != DisseminationChannel.Status.PLANNED:
        raise ValidationError("This channel is already done or withdrawn")
    if status == DisseminationChannel.Status.WITHDRAWN and not reason.strip():
        raise ValidationError("Give the reason the channel is withdrawn")
    if status == DisseminationChannel.Status.DONE:
        channel.done_at = timezone.now()
    channel.status = status
    channel.withdrawn_reason = reason.strip()
    save_if_unchanged(
        channel,
        expected_version=channel.version,
        fields=["status", "withdrawn_reason", "done_at"],
    )
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=channel,
        partnership=channel.plan.partnership,
        details={"status": status, "reason": reason},
    )
    return channel


@transaction.atomic
def dissemination_activity_record(
    *,
    channel: DisseminationChannel,
    happened_on: date,
    description: str,
    audience: str,
    reach: int,
    agency_returns: str = "",
    by,
) -> DisseminationActivity:
    activity = DisseminationActivity.objects.create(
        channel=channel,
        happened_on=happened_on,
        description=description,
        audience=audience,
        reach=reach,
        agency_returns=agency_returns,
        recorded_by=by,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=channel,
        partnership=channel.plan.partnership,
        details={"activity": description, "audience": audience, "reach": reach},
    )
    return activity


# Learning products


BRIEFING_FIELDS = [name for name, _ in Briefing.HEADINGS]


@transaction.atomic
def briefing_create(*, partnership, title: str, findings, sections: dict, by) -> Briefing:
    findings = list(findings)
    if not findings or any(finding.partnership_id != partnership.pk for finding in findings):
        raise ValidationError("Choose at least one finding of the partnership")
    briefing = Briefing.objects.create(
        partnership=partnership, title=title, created_by=by, **sections
    )
    briefing.findings.set(findings)
    audit.record(event=AuditEvent.Event.CREATED, actor=by, subject=briefing)
    return briefing


@transaction.atomic
def briefing_update(
    *, briefing: Briefing, title: str, sections: dict, expected_version: int, by
) -> Briefing:
    if briefing.status == Briefing.Status.PUBLISHED:
        raise ValidationError("A published briefing cannot be changed")
    briefing.title = title
    for name in BRIEFING_FIELDS:
        setattr(briefing, name, sections[name])
    # A change after approval needs approving again.
    briefing.status = Briefing.Status.DRAFT
    save_if_unchanged(
        briefing,
        expected_version=expected_version,
        fields=["title", "status", *BRIEFING_FIELDS],
    )
    audit.record(event=AuditEvent.Event.CHANGED, actor=by, subject=briefing)
    return briefing


BRIEFING_STEPS = {
    Briefing.Status.IN_REVIEW: Briefing.Status.DRAFT,
    Briefing.Status.APPROVED: Briefing.Status.IN_REVIEW,
}


@transaction.atomic
def briefing_advance(*, briefing: Briefing, to: str, by) -> Briefing:
    """Send a draft briefing for review, or approve one in review."""
    if BRIEFING_STEPS.get(to) != briefing.status:
        raise ValidationError(f"A {briefing.get_status_display().lower()} briefing cannot go there")
    if to == Briefing.Status.APPROVED:
        if by.pk == briefing.created_by_id:
            raise ValidationError("Someone other than its author must approve a briefing")
        briefing.approved_by = by
    briefing.status = to
    save_if_unchanged(briefing, expected_version=briefing.version, fields=["status", "approved_by"])
    audit.record(event=AuditEvent.Event.DECIDED, actor=by, subject=briefing, details={"to": to})
    return briefing


@transaction.atomic
def briefing_publish(*, briefing: Briefing, by) -> Publication:
    if briefing.status != Briefing.Status.APPROVED:
        raise ValidationError("Only an approved briefing can be published")
    findings = list(briefing.findings.prefetch_related("source", "themes"))
    body = "\n\n".join(f"{heading}\n{text}" for heading, text in briefing.sections())
    publication = publication_publish(
        source=None,
        partnership=briefing.partnership,
        title=briefing.title,
        summary=briefing.background,
        body=body,
        kind=Publication.Kind.BRIEFING,
        sources=[finding.source for finding in findings],
        version_label=f"Version {briefing.version}, approved by {briefing.approved_by}",
        themes={theme for finding in findings for theme in finding.themes.all()},
        by=by,
    )
    briefing.publication = publication
    briefing.status = Briefing.Status.PUBLISHED
    save_if_unchanged(briefing, expected_version=briefing.version, fields=["publication", "status"])
    return publication


@transaction.atomic
def newsletter_create(
    *, partnership, title: str, introduction: str, items, extra_items: str, by
) -> Newsletter:
    newsletter = Newsletter.objects.create(
        partnership=partnership,
        title=title,
        introduction=introduction,
        extra_items=extra_items,
        created_by=by,
    )
    newsletter.items.set(items)
    audit.record(event=AuditEvent.Event.CREATED, actor=by, subject=newsletter)
    return newsletter


@transaction.atomic
def newsletter_approve(*, newsletter: Newsletter, by) -> Newsletter:
    """Approve a draft newsletter: someone other than its author, as for a briefing."""
    if newsletter.status != Newsletter.Status.DRAFT:
        raise ValidationError("Only a draft newsletter can be approved")
    if by.pk == newsletter.created_by_id:
        raise ValidationError("Someone other than its author must approve a newsletter")
    newsletter.status = Newsletter.Status.APPROVED
    newsletter.approved_by = by
    newsletter.save(update_fields=["status", "approved_by"])
    audit.record(
        event=AuditEvent.Event.DECIDED, actor=by, subject=newsletter, details={"to": "approved"}
    )
    return newsletter


@transaction.atomic
def newsletter_publish(*, newsletter: Newsletter, by) -> Publication:
    """Publish an approved newsletter, checked as a whole against the children of every source its
    items come from."""
    if newsletter.publication_id:
        raise ValidationError("This newsletter is already published")
    if newsletter.status != Newsletter.Status.APPROVED:
        raise ValidationError("Someone other than its author must approve the newsletter first")
    items = list(newsletter.items.all())
    withdrawn = [item.title for item in items if item.withdrawn_at]
    if withdrawn:
        raise ValidationError(f"Take out the withdrawn items first: {', '.join(withdrawn)}")
    summary, body = newsletter_text(newsletter)
    newsletter.publication = publication_publish(
        source=None,
        partnership=newsletter.partnership,
        title=newsletter.title,
        summary=summary,
        body=body,
        kind=Publication.Kind.NEWSLETTER,
        sources=[source for item in items for source in publication_sources(item)],
        version_label=f"Approved by {newsletter.approved_by}",
        by=by,
    )
    newsletter.status = Newsletter.Status.PUBLISHED
    newsletter.save(update_fields=["publication", "status"])
    return newsletter.publication


@transaction.atomic
def practice_change_record(
    *, partnership, kind: str, title: str, description: str, findings, changed_on: date, by
) -> PracticeChange:
    findings = list(findings)
    if not findings or any(finding.partnership_id != partnership.pk for finding in findings):
        raise ValidationError("Choose at least one finding of the partnership")
    change = PracticeChange.objects.create(
        partnership=partnership,
        kind=kind,
        title=title,
        description=description,
        changed_on=changed_on,
        recorded_by=by,
    )
    change.findings.set(findings)
    audit.record(event=AuditEvent.Event.CREATED, actor=by, subject=change, details={"kind": kind})
    return change


# Learning from another source


@transaction.atomic
def other_source_create(
    *,
    partnership,
    kind: str,
    title: str,
    summary: str,
    link: str = "",
    published_on: date | None = None,
    by,
) -> OtherSource:
    # Locking the partnership's row keeps two people adding at once from taking the same number.
    Partnership.objects.select_for_update().get(pk=partnership.pk)
    last = OtherSource.objects.filter(partnership=partnership).aggregate(last=Max("number"))["last"]
    source = OtherSource.objects.create(
        partnership=partnership,
        number=(last or 0) + 1,
        kind=kind,
        title=title,
        summary=summary,
        link=link,
        published_on=published_on,
    )
    dissemination_plan_open(source=source, by=by)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=source,
        details={"reference": source.learning_reference},
    )
    similar_work_changed(source=source)
    return source


@transaction.atomic
def other_source_close(*, source: OtherSource, by) -> OtherSource:
    from learning.selectors import dissemination_blockers

    blockers = dissemination_blockers(source)
    if blockers:
        raise ValidationError(blockers)
    source.closed_at = timezone.now()
    save_if_unchanged(source, expected_version=source.version, fields=["closed_at"])
    audit.record(event=AuditEvent.Event.DECIDED, actor=by, subject=source, details={"closed": True})
    similar_work_changed(source=source)
    similar_work_learning_changed(source=source)
    return source
