"""Every change to multi-agency case audits. Each writes its audit row in its own transaction."""

import random
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audits import returns, rules, selectors, standard_tool, workbook
from audits.models import (
    Answer,
    Audit,
    AuditCase,
    AuditCaseIdentity,
    AuditProgramme,
    AuditRequest,
    AuditTool,
    SectionReturn,
    ToolQuestion,
    ToolSection,
    ToolVersion,
)
from core import audit, tables
from core.concurrency import save_if_unchanged
from core.models import AuditEvent
from core.services import deadline_complete, deadline_set
from learning import services as learning
from learning.services_similar import similar_work_changed
from partnership.models import Organisation, Partnership, Role, User
from performance import services as performance

REQUEST_DEADLINE = "Multi-agency audit return"


@transaction.atomic
def programme_create(
    *, partnership: Partnership, year: int, summary: str, by: User
) -> AuditProgramme:
    """Open the audit programme of a financial year (one a year)."""
    programme = AuditProgramme.objects.create(
        partnership=partnership, year=year, summary=summary, created_by=by
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=programme,
        details={"year": year, "summary": summary},
    )
    return programme


# Tools


def _copy_sections(source: ToolVersion, target: ToolVersion) -> None:
    for section in source.sections.prefetch_related("questions"):
        copied = ToolSection.objects.create(
            version=target, position=section.position, title=section.title
        )
        ToolQuestion.objects.bulk_create(
            ToolQuestion(
                section=copied, position=question.position, text=question.text, kind=question.kind
            )
            for question in section.questions.all()
        )


@transaction.atomic
def standard_tool_seed(*, partnership: Partnership) -> AuditTool:
    """The partnership's standard multi-agency tool, made now if it has none (safe to call more
    than once: the demo, the factories and the first plan of an audit call it)."""
    Partnership.objects.select_for_update().get(pk=partnership.pk)
    tool = AuditTool.objects.filter(partnership=partnership, is_standard=True).first()
    if tool is not None:
        return tool
    tool = AuditTool.objects.create(
        partnership=partnership,
        name=standard_tool.NAME,
        description=standard_tool.DESCRIPTION,
        is_standard=True,
    )
    version = ToolVersion.objects.create(tool=tool, number=1)
    for position, (title, questions) in enumerate(standard_tool.SECTIONS, start=1):
        section = ToolSection.objects.create(version=version, position=position, title=title)
        ToolQuestion.objects.bulk_create(
            ToolQuestion(section=section, position=place, text=text, kind=kind)
            for place, (text, kind) in enumerate(questions, start=1)
        )
    audit.record(event=AuditEvent.Event.CREATED, subject=tool, details={"standard tool": tool.name})
    return tool


@transaction.atomic
def tool_copy(*, version: ToolVersion, name: str, by: User) -> AuditTool:
    """A new tool starting from a copy of `version`'s sections and questions."""
    tool = AuditTool.objects.create(
        partnership=version.tool.partnership,
        name=name,
        description=version.tool.description,
        copied_from=version,
        created_by=by,
    )
    _copy_sections(version, ToolVersion.objects.create(tool=tool, number=1, created_by=by))
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=tool,
        details={"copied from": str(version)},
    )
    return tool


def _editable_version(tool: AuditTool, expected_version: int, by: User) -> ToolVersion:
    """The version a change is made to: the latest, or a new one copied from it when an audit
    already uses it (an audit keeps the questions it started with). Refuses a stale page, and the
    standard tool, which stays as every partnership has it (copy it to change it)."""
    if tool.is_standard:
        raise ValidationError("The standard tool stays as it is: copy it to make your own")
    save_if_unchanged(tool, expected_version=expected_version, fields=[])
    latest = tool.versions.select_for_update().order_by("-number").first()
    if not latest.audits.exists():
        return latest
    newer = ToolVersion.objects.create(tool=tool, number=latest.number + 1, created_by=by)
    _copy_sections(latest, newer)
    return newer


def _tool_changed(tool: AuditTool, version: ToolVersion, by: User, details: dict) -> None:
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=tool,
        details={"version": version.number, **details},
    )


@transaction.atomic
def tool_section_add(
    *, tool: AuditTool, expected_version: int, title: str, by: User
) -> ToolVersion:
    version = _editable_version(tool, expected_version, by)
    last = version.sections.aggregate(last=Max("position"))["last"] or 0
    ToolSection.objects.create(version=version, position=last + 1, title=title)
    _tool_changed(tool, version, by, {"section added": title})
    return version


@transaction.atomic
def tool_question_add(
    *, tool: AuditTool, expected_version: int, section: ToolSection, text: str, kind: str, by: User
) -> ToolVersion:
    version = _editable_version(tool, expected_version, by)
    target = version.sections.get(position=section.position)
    last = target.questions.aggregate(last=Max("position"))["last"] or 0
    ToolQuestion.objects.create(section=target, position=last + 1, text=text, kind=kind)
    _tool_changed(tool, version, by, {"question added": text, "section": target.title})
    return version


@transaction.atomic
def tool_question_change(
    *,
    tool: AuditTool,
    expected_version: int,
    question: ToolQuestion,
    text: str,
    kind: str,
    by: User,
) -> ToolVersion:
    version = _editable_version(tool, expected_version, by)
    target = ToolQuestion.objects.get(
        section__version=version,
        section__position=question.section.position,
        position=question.position,
    )
    before = {"text": target.text, "kind": target.kind}
    target.text, target.kind = text, kind
    target.save(update_fields=["text", "kind"])
    _tool_changed(
        tool, version, by, {"question changed": audit.changes(before, {"text": text, "kind": kind})}
    )
    return version


@transaction.atomic
def tool_question_remove(
    *, tool: AuditTool, expected_version: int, question: ToolQuestion, by: User
) -> ToolVersion:
    version = _editable_version(tool, expected_version, by)
    target = ToolQuestion.objects.get(
        section__version=version,
        section__position=question.section.position,
        position=question.position,
    )
    target.delete()
    _tool_changed(tool, version, by, {"question removed": question.text})
    return version


# Planning


AUDIT_FIELDS = [
    "title",
    "quarter",
    "theme",
    "practice_focus",
    "scope",
    "owner_group",
    "rationale",
    "prompt",
    "audit_proposal",
    "prompting_recommendation",
    "prompting_finding",
]


def _check_plan(partnership: Partnership, data: dict[str, Any]) -> None:
    for name in (
        "theme",
        "owner_group",
        "audit_proposal",
        "prompting_recommendation",
        "prompting_finding",
    ):
        record = data.get(name)
        if record is not None and record.partnership_id != partnership.pk:
            raise ValidationError(f"The {name.replace('_', ' ')} must be one of the partnership's")
    problems = rules.prompt_problems(
        data["prompt"], {name: data.get(name) for name in rules.PROMPT_LINKS.values()}
    )
    if problems:
        raise ValidationError(list(problems.values()))


@transaction.atomic
def audit_plan(
    *, programme: AuditProgramme, tool: AuditTool, data: dict[str, Any], by: User
) -> Audit:
    """Plan an audit in the programme with the tool's latest version, which it keeps."""
    partnership = programme.partnership
    if tool.partnership_id != partnership.pk:
        raise ValidationError("The tool must be one of the partnership's")
    _check_plan(partnership, data)
    # Locking the partnership's row keeps two people planning at once from taking the same number.
    Partnership.objects.select_for_update().get(pk=partnership.pk)
    last = Audit.objects.filter(partnership=partnership).aggregate(last=Max("number"))["last"]
    planned = Audit.objects.create(
        partnership=partnership,
        programme=programme,
        number=(last or 0) + 1,
        tool_version=tool.versions.order_by("-number").first(),
        created_by=by,
        **data,
    )
    learning.dissemination_plan_open(source=planned, by=by)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=planned,
        details={"values": audit.snapshot(planned, list(data)), "tool": str(planned.tool_version)},
    )
    if planned.audit_proposal is not None:
        performance.audit_proposal_take_up(proposal=planned.audit_proposal, by=by)
    similar_work_changed(source=planned)
    return planned


@transaction.atomic
def audit_update(*, planned: Audit, data: dict[str, Any], expected_version: int, by: User) -> Audit:
    """Change the plan, refusing the change if someone saved it first."""
    _check_plan(planned.partnership, data)
    before = audit.snapshot(Audit.objects.get(pk=planned.pk), list(data))
    for name, value in data.items():
        setattr(planned, name, value)
    save_if_unchanged(planned, expected_version=expected_version, fields=list(data))
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=planned,
        details={"changes": audit.changes(before, audit.snapshot(planned, list(data)))},
    )
    if planned.audit_proposal is not None:
        performance.audit_proposal_take_up(proposal=planned.audit_proposal, by=by)
    similar_work_changed(source=planned)
    return planned


def _move_to(planned: Audit, status: str, by: User) -> None:
    """Move the audit on to `status` if it is not already past it."""
    if rules.STAGES.index(planned.status) >= rules.STAGES.index(status):
        return
    planned.status = status
    Audit.objects.filter(pk=planned.pk).update(status=status)
    audit.record(
        event=AuditEvent.Event.CHANGED, actor=by, subject=planned, details={"status": status}
    )
    similar_work_changed(source=planned)


@transaction.atomic
def audit_move_on(*, planned: Audit, expected_version: int, by: User) -> Audit:
    """Move the audit to its next stage (planned, case selection, agency returns, moderation,
    report, re-audit due)."""
    following = rules.next_stage_by_hand(planned.status)
    if following is None:
        raise ValidationError(
            "The audit is at its last stage"
            if rules.next_stage(planned.status) is None
            else "Moderation ends on its meeting's page, and the report is completed on its own page"
        )
    planned.status = following
    save_if_unchanged(planned, expected_version=expected_version, fields=["status"])
    audit.record(
        event=AuditEvent.Event.CHANGED, actor=by, subject=planned, details={"status": following}
    )
    similar_work_changed(source=planned)
    return planned


# Cases


def _add_cases(planned: Audit, case_numbers: list[str], how: str, by: User) -> list[AuditCase]:
    taken = set(
        AuditCaseIdentity.objects.filter(case__audit=planned).values_list("case_number", flat=True)
    )
    count = AuditCase.objects.filter(audit=planned).count()
    added = []
    for case_number in case_numbers:
        if case_number in taken:
            continue
        taken.add(case_number)
        count += 1
        case = AuditCase.objects.create(
            audit=planned,
            reference=f"{planned.learning_reference}-C{count:02d}",
            selection=how,
            selected_by=by,
        )
        AuditCaseIdentity.objects.create(case=case, case_number=case_number)
        added.append(case)
    _move_to(planned, Audit.Status.CASE_SELECTION, by)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=planned,
        details={"cases selected": [case.reference for case in added], "how": how},
    )
    return added


@transaction.atomic
def cases_select_at_random(
    *,
    planned: Audit,
    candidates: list[str],
    count: int,
    by: User,
    chooser: random.Random | None = None,
) -> list[AuditCase]:
    """Select `count` of the candidate cases (case numbers within the practice focus) at random."""
    AuditProgramme.objects.select_for_update().get(pk=planned.programme_id)
    picked = rules.pick_at_random(candidates, count, chooser or random.SystemRandom())
    return _add_cases(planned, picked, AuditCase.Selection.RANDOM, by)


@transaction.atomic
def case_choose(*, planned: Audit, case_number: str, by: User) -> AuditCase | None:
    """Add a case the business unit chose (None if the audit has it already)."""
    AuditProgramme.objects.select_for_update().get(pk=planned.programme_id)
    added = _add_cases(planned, [case_number], AuditCase.Selection.CHOSEN, by)
    return added[0] if added else None


@transaction.atomic
def identity_viewed(*, case: AuditCase, by: User) -> None:
    audit.record(
        event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS,
        actor=by,
        subject=case,
        partnership=case.audit.partnership,
        details={"case": case.reference},
    )


IDENTITY_FIELDS = [
    "case_number",
    "full_name",
    "date_of_birth",
    "known_as",
    "family_members",
    "places",
]


@transaction.atomic
def identity_update(*, case: AuditCase, data: dict[str, Any], by: User) -> AuditCaseIdentity:
    identity = case.identity
    for name, value in data.items():
        setattr(identity, name, value)
    identity.save(update_fields=list(data))
    # The details themselves stay out of the trail: it records which were changed.
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=case,
        partnership=case.audit.partnership,
        details={"identifying details changed": sorted(data)},
    )
    return identity


# Requests and returns


def contributors_of(organisation: Organisation, partnership: Partnership):
    return User.objects.filter(
        organisation=organisation,
        is_active=True,
        role_assignments__partnership=partnership,
        role_assignments__role=Role.AGENCY_CONTRIBUTOR,
    )


@transaction.atomic
def requests_send(
    *, case: AuditCase, organisations: list[Organisation], due_date: date, by: User
) -> list[AuditRequest]:
    """Ask each agency to audit its involvement in the case by `due_date`: on its contributors'
    dashboards, reminded before and escalated to the sender after."""
    planned = case.audit
    partnership = planned.partnership
    if any(organisation.partnership_id != partnership.pk for organisation in organisations):
        raise ValidationError("Each agency must be one of the partnership's")
    asked = set(case.requests.values_list("organisation_id", flat=True))
    sent = []
    for organisation in organisations:
        if organisation.pk in asked:
            continue
        request = AuditRequest.objects.create(
            partnership=partnership,
            case=case,
            organisation=organisation,
            due_date=due_date,
            requested_by=by,
        )
        deadline_set(
            subject=request,
            partnership=partnership,
            title=REQUEST_DEADLINE,
            due_date=due_date,
            escalate_to=by,
            watchers=contributors_of(organisation, partnership),
            basis="Set by the business unit when asking the agency to audit the case",
            link=request.get_absolute_url(),
        )
        sent.append(request)
    _move_to(planned, Audit.Status.AGENCY_RETURNS, by)
    audit.record(
        event=AuditEvent.Event.SENT,
        actor=by,
        subject=planned,
        details={
            "case": case.reference,
            "agencies": [request.organisation.name for request in sent],
            "due": due_date,
        },
    )
    return sent


def _refuse(problems: list[str]) -> None:
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def return_save(
    *,
    request: AuditRequest,
    answered: returns.Return,
    expected_version: int,
    send: bool,
    by: User,
) -> AuditRequest:
    """Keep an agency's answers to its audit's tool version (all or none), and with `send` return
    them to the business unit once every question is answered and the agency has graded itself."""
    if request.status == AuditRequest.Status.RETURNED:
        raise ValidationError("This return has been sent: it can no longer be changed")
    layout = selectors.layout(request.case.audit.tool_version)
    _refuse(returns.problems(layout, answered, submitting=send))
    # The return is kept as a whole: what is no longer answered is no longer kept.
    given = {key: value for key, value in answered.answers.items() if value not in (None, "")}
    request.answers.exclude(question_id__in=given).delete()
    questions = layout.questions
    for question_id, value in given.items():
        kind = questions[question_id].kind
        Answer.objects.update_or_create(
            request=request,
            question_id=question_id,
            defaults={
                "choice": value if kind == returns.YES_PARTLY_NO else "",
                "grade": value if kind == returns.GRADE else None,
                "text": value if kind == returns.TEXT else "",
            },
        )
    request.section_returns.exclude(section_id__in=answered.sections).delete()
    for section_id, texts in answered.sections.items():
        SectionReturn.objects.update_or_create(
            request=request,
            section_id=section_id,
            defaults={name: texts.get(name, "") for name in returns.SECTION_FIELDS},
        )
    request.grade = answered.grade
    request.status = AuditRequest.Status.RETURNED if send else AuditRequest.Status.IN_PROGRESS
    fields = ["grade", "status"]
    if send:
        request.returned_by, request.returned_at = by, timezone.now()
        fields += ["returned_by", "returned_at"]
    save_if_unchanged(request, expected_version=expected_version, fields=fields)
    if send:
        deadline_complete(subject=request, title=REQUEST_DEADLINE)
    audit.record(
        event=AuditEvent.Event.SENT if send else AuditEvent.Event.CHANGED,
        actor=by,
        subject=request,
        details={
            "case": request.case.reference,
            "agency": request.organisation.name,
            "questions answered": len(answered.answers),
            "status": request.status,
        },
    )
    return request


@transaction.atomic
def return_import(
    *, request: AuditRequest, upload, expected_version: int, by: User
) -> AuditRequest:
    """Take back the tool's workbook completed offline, whole or not at all, as the agency's
    answers so far (it sends the return from its page once it has checked them)."""
    try:
        answered, problems = workbook.read(
            tables.read_table(upload, upload.name),
            selectors.layout(request.case.audit.tool_version),
        )
    except tables.UnreadableTable as unreadable:
        raise ValidationError(str(unreadable)) from None
    _refuse([str(problem) for problem in problems])
    return return_save(
        request=request, answered=answered, expected_version=expected_version, send=False, by=by
    )
