"""Every write of child death review. Each is atomic and leaves its row in the audit trail."""

import re
import string
from datetime import date
from html import unescape
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from child_deaths import national_forms, rules
from child_deaths.models import (
    AgencyReportingRequest,
    Analysis,
    ChildDeath,
    ChildIdentity,
    PanelMeeting,
    RapidReviewReferral,
    ReportingForm,
    ReviewMeeting,
)
from core import audit
from core.concurrency import save_if_unchanged
from core.models import AuditEvent
from core.references import next_reference
from core.services import deadline_complete, deadline_set
from learning import services as learning
from learning.models import Finding, Publication
from learning.services_publication import publication_publish
from learning.services_similar import similar_work_changed
from partnership.models import Area, Group, Organisation, Partnership, Role, User
from reviews.services import learning_referral_submit

REPORTING_DEADLINE = "Child death reporting form due"


class NotificationRefused(Exception):
    """The death is outside child death review; the message says why."""


class LeftTheReview(Exception):
    """A confirmed stillbirth is not a child death: it is never made ready for, or analysed by, the panel."""

    message = (
        "This was confirmed a stillbirth and has left the review: the panel does not review it"
    )


def _require_in_review(death: ChildDeath) -> None:
    if death.status == ChildDeath.Status.LEFT_REVIEW:
        raise LeftTheReview(LeftTheReview.message)


class AlreadyAnalysed(Exception):
    """The panel's analysis of this death was recorded already (perhaps from another page)."""


def _pseudonym(number: int) -> str:
    """Child A, B, ... Z, AA, AB ...: a name for the case that identifies nobody."""
    letters = ""
    while True:
        number, remainder = divmod(number, 26)
        letters = string.ascii_uppercase[remainder] + letters
        if number == 0:
            return f"Child {letters}"
        number -= 1


@transaction.atomic
def death_notify(
    *,
    area: Area | None,
    identity: dict[str, Any],
    details: dict[str, Any],
    kind_of_death: str,
    partnership: Partnership | None = None,
    possible_duplicate_of: ChildDeath | None = None,
    by: User,
) -> ChildDeath:
    """Record a notified death in the partnership of the child's area of residence.

    A child who lived outside the partnership, or outside England, has no area: `details` says
    where they lived and `partnership` is the one notified (where the child died).
    """
    born, died = identity["date_of_birth"], details["date_of_death"]
    days = rules.age_in_days(date_of_birth=born, date_of_death=died)
    reason = rules.refusal_reason(kind_of_death=kind_of_death, age_at_death_days=days)
    if not reason and not rules.is_under_eighteen(date_of_birth=born, date_of_death=died):
        reason = "Child death review covers children who die before their 18th birthday."
    if reason:
        raise NotificationRefused(reason)
    if area is not None:
        partnership = area.partnership
        details = {**details, "residence": ChildDeath.Residence.PARTNERSHIP_AREA}
    elif partnership is None or details.get("residence") in (
        None,
        ChildDeath.Residence.PARTNERSHIP_AREA,
    ):
        raise ValueError("A child with no area of the partnership needs where they lived")
    reference = next_reference(
        partnership_id=partnership.pk, model=ChildDeath, year=died.year, infix="CD-"
    )
    pseudonym = _pseudonym(int(reference.rsplit("-", 1)[1]) - 1)
    death = ChildDeath(
        partnership=partnership,
        area=area,
        reference=reference,
        pseudonym=pseudonym,
        age_in_days=days,
        age_band=rules.age_band(date_of_birth=born, date_of_death=died),
        suspected_stillbirth=rules.jar_needed_for_notification(kind_of_death),
        notified_by=by,
        notifying_organisation=by.organisation,
        possible_duplicate_of=possible_duplicate_of,
        **details,
    )
    death.jar_status = (
        ChildDeath.JarStatus.NEEDED if death.jar_triggers else ChildDeath.JarStatus.NOT_NEEDED
    )
    death.save()
    ChildIdentity.objects.create(child_death=death, **identity)
    learning.dissemination_plan_open(source=death, by=by)
    elsewhere = (
        possible_duplicate_of is not None and possible_duplicate_of.partnership_id != partnership.pk
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=death,
        details={
            "residence": death.residence_display,
            "jar_triggers": death.jar_triggers,
            # Each partnership's trail names only its own deaths.
            "possible_duplicate_of": "a death notified to another partnership"
            if elsewhere
            else getattr(possible_duplicate_of, "reference", None),
        },
    )
    if elsewhere:
        audit.record(
            event=AuditEvent.Event.CHANGED,
            actor=by,
            subject=possible_duplicate_of,
            details={"possibly_the_same_child_as": f"{death.reference} ({partnership})"},
        )
    return death


class NotASuspectedStillbirth(Exception):
    """Only a death notified as a suspected stillbirth can be confirmed as one."""


@transaction.atomic
def stillbirth_confirm(
    *,
    death: ChildDeath,
    confirmed_on: date,
    gestation_weeks: int,
    gestation_days: int,
    expected_version: int,
    by: User,
) -> None:
    """A suspected stillbirth confirmed: the record keeps when and at what gestation, and the death
    leaves the review (off the panel's agenda and out of child death statistics)."""
    if not death.suspected_stillbirth or death.status == ChildDeath.Status.LEFT_REVIEW:
        raise NotASuspectedStillbirth(
            "Only a death notified as a suspected stillbirth, not yet confirmed, can be confirmed"
        )
    fields = ["stillbirth_confirmed_on", "gestation_days", "status"]
    before = audit.snapshot(death, fields)
    death.stillbirth_confirmed_on = confirmed_on
    death.gestation_days = rules.gestation_days(weeks=gestation_weeks, days=gestation_days)
    death.status = ChildDeath.Status.LEFT_REVIEW
    save_if_unchanged(death, expected_version=expected_version, fields=fields)
    # It is no longer a case for the panel: off the agenda of any meeting still to come.
    death.panel_meetings.remove(*death.panel_meetings.filter(held_on__gte=timezone.localdate()))
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=death,
        details={
            "changes": audit.changes(before, audit.snapshot(death, fields)),
            "outcome": death.pregnancy_outcome,
        },
    )


def identity_viewed(*, death: ChildDeath, by: User) -> None:
    """Note in the audit trail that a person saw a child's identifying details."""
    audit.record(event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS, actor=by, subject=death)


@transaction.atomic
def jar_update(
    *,
    death: ChildDeath,
    status: str,
    started_on: date | None,
    completed_on: date | None,
    expected_version: int,
    by: User,
) -> None:
    before = audit.snapshot(death, ["jar_status", "jar_started_on", "jar_completed_on"])
    death.jar_status, death.jar_started_on, death.jar_completed_on = (
        status,
        started_on,
        completed_on,
    )
    save_if_unchanged(
        death,
        expected_version=expected_version,
        fields=["jar_status", "jar_started_on", "jar_completed_on"],
    )
    after = audit.snapshot(death, ["jar_status", "jar_started_on", "jar_completed_on"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=death,
        details={"changes": audit.changes(before, after)},
    )


def _set_status(death: ChildDeath, status: str) -> None:
    ChildDeath.objects.filter(pk=death.pk).update(status=status)
    death.status = status


@transaction.atomic
def reporting_forms_seed() -> list[ReportingForm]:
    """Make sure every published national reporting form version exists (adding only those
    missing): migrations add them, but a database emptied since has none to request."""
    created = national_forms.add_missing(ReportingForm)
    if created:
        audit.record(
            event=AuditEvent.Event.CREATED,
            details={"national reporting forms added": [str(form) for form in created]},
        )
    return created


@transaction.atomic
def reporting_request_send(
    *,
    death: ChildDeath,
    organisation: Organisation,
    professional: str,
    form: ReportingForm,
    due_date: date,
    by: User,
) -> AgencyReportingRequest:
    """Ask an agency for a reporting form; its contributors see it on their dashboard."""
    request = AgencyReportingRequest.objects.create(
        partnership=death.partnership,
        child_death=death,
        organisation=organisation,
        professional=professional,
        form=form,
        due_date=due_date,
        requested_by=by,
    )
    contributors = User.objects.filter(
        organisation=organisation,
        is_active=True,
        role_assignments__partnership=death.partnership,
        role_assignments__role=Role.AGENCY_CONTRIBUTOR,
    )
    deadline_set(
        subject=request,
        partnership=death.partnership,
        title=REPORTING_DEADLINE,
        due_date=due_date,
        escalate_to=by,
        watchers=contributors,
        basis="Set by the child death review team when requesting the form",
        link=reverse("child_deaths:request_return", args=[request.pk]),
    )
    if death.status == ChildDeath.Status.NOTIFIED:
        _set_status(death, ChildDeath.Status.GATHERING)
    audit.record(
        event=AuditEvent.Event.SENT,
        actor=by,
        subject=death,
        details={"form": str(form), "organisation": organisation.name, "due": due_date},
    )
    return request


@transaction.atomic
def reporting_request_return(
    *, request: AgencyReportingRequest, answers: dict[str, str], by: User
) -> None:
    """Store an agency's answers against the form version it was asked on."""
    request.answers = answers
    request.returned_by = by
    request.returned_at = timezone.now()
    request.save(update_fields=["answers", "returned_by", "returned_at"])
    deadline_complete(subject=request, title=REPORTING_DEADLINE)
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=request.child_death,
        details={"returned": str(request.form), "organisation": request.organisation.name},
    )


@transaction.atomic
def review_meeting_record(
    *, death: ChildDeath, held_on: date, attendees: str, outcome: str, by: User
) -> ReviewMeeting:
    meeting = ReviewMeeting.objects.create(
        child_death=death, held_on=held_on, attendees=attendees, outcome=outcome, recorded_by=by
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=death,
        details={"child death review meeting": held_on},
    )
    return meeting


@transaction.atomic
def death_mark_ready(*, death: ChildDeath, by: User) -> None:
    """Put the death on the list of cases the panel can take at its next meeting."""
    _require_in_review(death)
    _set_status(death, ChildDeath.Status.READY)
    audit.record(
        event=AuditEvent.Event.CHANGED, actor=by, subject=death, details={"status": death.status}
    )


@transaction.atomic
def panel_meeting_schedule(
    *, panel: Group, held_on: date, location: str, cases, by: User
) -> PanelMeeting:
    meeting = PanelMeeting.objects.create(
        panel=panel, partnership=panel.partnership, held_on=held_on, location=location
    )
    meeting.cases.set(cases)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=meeting,
        details={"agenda": [case.reference for case in cases]},
    )
    return meeting


@transaction.atomic
def panel_meeting_record(
    *,
    meeting: PanelMeeting,
    attendees: str,
    apologies: str,
    minutes: str,
    expected_version: int,
    by: User,
) -> None:
    fields = ["attendees", "apologies", "minutes"]
    before = audit.snapshot(meeting, fields)
    meeting.attendees, meeting.apologies, meeting.minutes = attendees, apologies, minutes
    save_if_unchanged(meeting, expected_version=expected_version, fields=fields)
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=meeting,
        details={"changes": audit.changes(before, audit.snapshot(meeting, fields))},
    )


@transaction.atomic
def analysis_record(
    *,
    death: ChildDeath,
    panel_meeting: PanelMeeting | None,
    values: dict[str, Any],
    themes=(),
    recommendation: str = "",
    owning_group: Group | None = None,
    by: User,
) -> Analysis:
    """The panel's analysis. Its learning becomes a finding (and recommendation) in the learning
    spine; a death where abuse or neglect is suspected goes to the partnership for rapid review."""
    # Lock the death so two panel members saving at once cannot both record an analysis.
    ChildDeath.objects.select_for_update().filter(pk=death.pk).first()
    death.refresh_from_db(fields=["status"])
    _require_in_review(death)
    if Analysis.objects.filter(child_death=death).exists():
        raise AlreadyAnalysed("The panel's analysis of this death has already been recorded")
    analysis = Analysis.objects.create(
        child_death=death,
        panel_meeting=panel_meeting,
        completed_on=timezone.localdate(),
        completed_by=by,
        **values,
    )
    _set_status(death, ChildDeath.Status.REVIEWED)
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=death,
        details={
            "category": analysis.get_category_display(),
            "modifiable": analysis.get_modifiable_display(),
        },
    )
    similar_work_changed(source=analysis)
    if analysis.learning:
        finding = learning.finding_record(
            source=death,
            title=f"Learning from the panel's review of {death.pseudonym}",
            description=analysis.learning,
            aim=Finding.Aim.MUST_IMPROVE,
            themes=themes,
            by=by,
        )
        if recommendation:
            learning.recommendation_record(
                source=death,
                findings=[finding],
                text=recommendation,
                owning_group=owning_group,
                by=by,
            )
    if analysis.abuse_or_neglect_suspected:
        rapid_review_refer(
            death=death,
            reason="The child death overview panel found that abuse or neglect is known or suspected.",
            by=by,
        )
    return analysis


@transaction.atomic
def rapid_review_refer(*, death: ChildDeath, reason: str, by: User) -> RapidReviewReferral:
    """Refer the death to its partnership to consider a rapid review, as a learning referral."""
    learning_referral = learning_referral_submit(
        partnership=death.partnership,
        referred_by=by,
        title=f"Child death {death.reference}: consider a rapid review",
        what_happened=(
            f"{death.pseudonym} died on {death.date_of_death:%d %B %Y} "
            f"({death.get_expected_display().lower()} death). {reason}"
        ),
        agencies_involved=death.professionals_involved,
        why_learning=reason,
        child_voice="",
        origin=death,
    )
    referral = RapidReviewReferral.objects.create(
        child_death=death, reason=reason, referred_by=by, learning_referral=learning_referral
    )
    audit.record(
        event=AuditEvent.Event.SENT,
        actor=by,
        subject=death,
        details={"rapid review referral": reason, "learning referral": learning_referral.reference},
    )
    return referral


def deaths_exported(*, partnership_ids: list[int], export: str, filters: dict, by: User) -> None:
    """Note an export of child death data in the audit trail of each partnership it covered."""
    for partnership_id in partnership_ids:
        audit.record(
            event=AuditEvent.Event.EXPORTED,
            actor=by,
            partnership=Partnership(pk=partnership_id),
            details={"export": export, "filters": filters},
        )


@transaction.atomic
def yearly_report_publish(
    *, partnership: Partnership, deaths: QuerySet[ChildDeath], year: int, by: User
) -> Publication:
    """Put the CDOP yearly report (small counts suppressed) on the public site, through the
    publication gate: checked against the identifying details of every death it counts."""
    from child_deaths import selectors

    report = selectors.yearly_report(deaths, year)
    html = render_to_string(
        "child_deaths/_yearly_report_body.html", {"report": report, "partnerships": [partnership]}
    )
    # Each element on its own line, as the page reads: "Deaths notified" then its count.
    text = unescape(re.sub(r"<[^>]+>", "\n", html))
    body = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    return publication_publish(
        source=None,
        partnership=partnership,
        title=f"Child death overview panel yearly report, {report['label']}",
        summary=f"What the child death overview panel learned from {report['label']}.",
        body=body,
        kind=Publication.Kind.OTHER,
        sources=list(selectors.yearly_report_deaths(deaths, year)),
        version_label=f"Reporting year {report['label']}",
        by=by,
    )
