"""Every change to the inspection register. Each writes its audit row in its own transaction."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from core import audit
from core.concurrency import EditConflict, save_if_unchanged
from core.models import AuditEvent
from core.services import deadline_complete, deadline_set
from inspections import selectors
from inspections.models import (
    Grade,
    Inspection,
    InspectionPoint,
    InspectionSetting,
    Judgement,
    SampleCase,
)
from learning import services as learning
from learning.models import Finding
from learning.services_similar import similar_work_changed
from partnership.models import Organisation, Partnership, Role, User
from partnership.selectors import people_of


def action_plan_deadline_title(inspection: Inspection) -> str:
    """One deadline per inspection, named so the dashboard says which inspection it is."""
    return f"{inspection.learning_reference}: action plan to the inspectorate"


INSPECTION_FIELDS = [
    "kind",
    "inspectorate",
    "jtai_theme",
    "area",
    "inspected_body",
    "notice_date",
    "on_site_from",
    "on_site_to",
    "report_received",
    "published_on",
    "priority_actions",
    "status",
]


def _check(partnership: Partnership, data: dict[str, Any]) -> None:
    area = data.get("area")
    if area is not None and area.partnership_id != partnership.pk:
        raise ValidationError("The area must be one of the partnership's")


def _set_action_plan_deadline(inspection: Inspection) -> None:
    """The action plan's deadline on the dashboard of whoever recorded the inspection, reminded and
    escalated, or none once no plan is due."""
    clock = inspection.action_plan_clock(selectors.jtai_working_days(inspection.partnership))
    if (
        clock is None
        or clock.due is None
        or inspection.status
        in (
            Inspection.Status.PLAN_SUBMITTED,
            Inspection.Status.CLOSED,
        )
    ):
        deadline_complete(subject=inspection, title=action_plan_deadline_title(inspection))
        return
    deadline_set(
        subject=inspection,
        partnership=inspection.partnership,
        title=action_plan_deadline_title(inspection),
        due_date=clock.due,
        responsible=inspection.recorded_by,
        # Overdue, it goes to the business unit manager, who answers to the inspectorate for it.
        escalate_to=people_of(
            partnership=inspection.partnership,
            role=Role.BUSINESS_UNIT_MANAGER,
            include_inactive=False,
        ).first(),
        basis=clock.rule,
        link=inspection.get_absolute_url(),
        remind_days_before=10,
    )


@transaction.atomic
def inspection_record(*, partnership: Partnership, data: dict[str, Any], by: User) -> Inspection:
    """Add an inspection to the register (its action plan clock starts when the report is received)."""
    _check(partnership, data)
    # Locking the partnership's row keeps two people adding at once from taking the same number.
    Partnership.objects.select_for_update().get(pk=partnership.pk)
    last = Inspection.objects.filter(partnership=partnership).aggregate(last=Max("number"))
    inspection = Inspection.objects.create(
        partnership=partnership, number=(last["last"] or 0) + 1, recorded_by=by, **data
    )
    learning.dissemination_plan_open(source=inspection, by=by)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=inspection,
        details={"values": audit.snapshot(inspection, list(data))},
    )
    _set_action_plan_deadline(inspection)
    similar_work_changed(source=inspection)
    return inspection


@transaction.atomic
def inspection_update(
    *, inspection: Inspection, data: dict[str, Any], expected_version: int, by: User
) -> Inspection:
    """Change the register entry, refusing the change if someone saved it first; moves the deadline."""
    _check(inspection.partnership, data)
    before = audit.snapshot(Inspection.objects.get(pk=inspection.pk), list(data))
    for name, value in data.items():
        setattr(inspection, name, value)
    save_if_unchanged(inspection, expected_version=expected_version, fields=list(data))
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=inspection,
        details={"changes": audit.changes(before, audit.snapshot(inspection, list(data)))},
    )
    _set_action_plan_deadline(inspection)
    similar_work_changed(source=inspection)
    return inspection


@transaction.atomic
def judgements_record(
    *, inspection: Inspection, grades: dict[str, int | None], expected_version: int, by: User
) -> list[Judgement]:
    """Set the ILACS judgements (aspect to grade; None removes one). Only ILACS inspections are graded.

    The inspection's version guards the judgements too: two people judging at once do not overwrite.
    """
    if not inspection.is_judged:
        raise ValidationError("Only ILACS standard and short inspections have judgements")
    unknown = set(grades) - set(Judgement.Aspect.values)
    if unknown or any(grade not in (None, *Grade.values) for grade in grades.values()):
        raise ValidationError("Choose a judgement on Ofsted's four-point scale")
    save_if_unchanged(inspection, expected_version=expected_version, fields=[])
    held = {judgement.aspect: judgement for judgement in inspection.judgements.all()}
    before = {aspect: judgement.grade for aspect, judgement in held.items()}
    for aspect, grade in grades.items():
        if grade is None:
            if aspect in held:
                held.pop(aspect).delete()
        elif aspect in held:
            held[aspect].grade = grade
            held[aspect].save(update_fields=["grade"])
        else:
            held[aspect] = Judgement.objects.create(
                inspection=inspection, aspect=aspect, grade=grade
            )
    after = {aspect: judgement.grade for aspect, judgement in held.items()}
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=inspection,
        details={"judgements": {"before": before, "after": after}},
    )
    return list(held.values())


@transaction.atomic
def point_record(
    *,
    inspection: Inspection,
    kind: str,
    title: str,
    text: str,
    themes=(),
    owning_group=None,
    indicators=(),
    by: User,
) -> InspectionPoint:
    """Put what the report says into the learning spine, like any other source.

    A strength becomes a finding that works well; a recommendation, area for improvement or area
    for priority action becomes a finding that must improve and a recommendation overseen by
    `owning_group`, to which the business unit adds actions with owners.
    """
    if kind not in InspectionPoint.Kind.values:
        raise ValidationError("Choose what kind of point the report makes")
    indicators = list(indicators)
    if any(indicator.partnership_id != inspection.partnership_id for indicator in indicators):
        raise ValidationError("Indicators must be the partnership's own")
    strength = kind == InspectionPoint.Kind.STRENGTH
    if not strength and owning_group is None:
        raise ValidationError("Choose the group that oversees the actions")
    finding = learning.finding_record(
        source=inspection,
        title=title,
        description=text,
        aim=Finding.Aim.WORKS_WELL if strength else Finding.Aim.MUST_IMPROVE,
        themes=themes,
        by=by,
    )
    recommendation = None
    if not strength:
        recommendation = learning.recommendation_record(
            source=inspection, findings=[finding], text=text, owning_group=owning_group, by=by
        )
    point = InspectionPoint.objects.create(
        inspection=inspection, kind=kind, finding=finding, recommendation=recommendation
    )
    point.indicators.set(indicators)
    if kind == InspectionPoint.Kind.PRIORITY_ACTION and not inspection.priority_actions:
        inspection.priority_actions = True
        save_if_unchanged(
            inspection, expected_version=inspection.version, fields=["priority_actions"]
        )
        _set_action_plan_deadline(inspection)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=inspection,
        details={"point": kind, "finding": finding.reference},
    )
    return point


@transaction.atomic
def sample_case_add(
    *, inspection: Inspection, agency: Organisation, case_reference: str, note: str, by: User
) -> SampleCase:
    if agency.partnership_id != inspection.partnership_id:
        raise ValidationError("The agency must be one of the partnership's")
    case = SampleCase.objects.create(
        inspection=inspection, agency=agency, case_reference=case_reference, note=note
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=inspection,
        details={"sample_case": str(case)},
    )
    return case


@transaction.atomic
def case_sample_viewed(*, inspection: Inspection, count: int, by: User) -> None:
    """The sampled cases identify children: each time someone sees them is in the audit trail."""
    audit.record(
        event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS,
        actor=by,
        subject=inspection,
        details={"case_sample": count},
    )


@transaction.atomic
def setting_update(
    *, partnership: Partnership, data: dict[str, Any], expected_version: int | None, by: User
) -> InspectionSetting:
    """The partnership's local policy (the JTAI written statement of action's working days) and its
    preparation checklist; a changed number of working days moves the open JTAI deadlines.

    `expected_version` is the version the form was loaded at (None when there was no setting yet).
    """
    days = data.get("jtai_statement_working_days")
    if days is not None and not 1 <= days <= 200:
        raise ValidationError("The number of working days must be between 1 and 200")
    setting, created = InspectionSetting.objects.get_or_create(partnership=partnership)
    if not created and expected_version is None:
        raise EditConflict(EditConflict.message)
    before = audit.snapshot(setting, list(data))
    for name, value in data.items():
        setattr(setting, name, value)
    save_if_unchanged(
        setting,
        expected_version=setting.version if created else expected_version,
        fields=list(data),
    )
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=setting,
        partnership=partnership,
        details={"changes": audit.changes(before, audit.snapshot(setting, list(data)))},
    )
    for inspection in Inspection.objects.filter(
        partnership=partnership, kind=Inspection.Kind.JTAI, report_received__isnull=False
    ).select_related("partnership", "recorded_by"):
        _set_action_plan_deadline(inspection)
    return setting
