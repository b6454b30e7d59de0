"""Every change to reviews: each is one transaction that writes its own audit row."""

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone

from core import audit
from core.concurrency import save_if_unchanged
from core.models import AuditEvent
from core.references import next_reference
from core.services import deadline_complete, deadline_set
from learning.services_similar import similar_work_changed
from partnership.models import Organisation, Partnership, Role, User
from reviews import policy, selectors
from reviews.criteria import assess, departs_from_local_policy
from reviews.deadlines import statutory_deadlines
from reviews.models import (
    AgencyRequest,
    ChronologyImport,
    KeyPracticeEpisode,
    LearningReferral,
    LocalReviewPolicy,
    NotifiedChild,
    PartnerSignOff,
    RapidReview,
    SeriousIncidentNotification,
)
from reviews.register import secretary_of_state_and_ofsted_to_be_notified
from reviews.sign_off import sign_off_blockers


@transaction.atomic
def learning_referral_submit(
    *,
    partnership: Partnership,
    referred_by: User,
    title: str,
    what_happened: str,
    agencies_involved: str,
    why_learning: str,
    child_voice: str,
    origin: models.Model | None = None,
) -> LearningReferral:
    """Record a referral of a case or an area of practice for learning, awaiting triage."""
    referral = LearningReferral.objects.create(
        partnership=partnership,
        reference=next_reference(
            partnership_id=partnership.pk,
            model=LearningReferral,
            year=timezone.localdate().year,
            infix="LR-",
        ),
        title=title,
        what_happened=what_happened,
        agencies_involved=agencies_involved,
        why_learning=why_learning,
        child_voice=child_voice,
        referred_by=referred_by,
        origin_type=ContentType.objects.get_for_model(origin) if origin is not None else None,
        origin_id=origin.pk if origin is not None else None,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=referred_by,
        subject=referral,
        details={"title": title, "origin": str(origin) if origin is not None else None},
    )
    similar_work_changed(source=referral)
    return referral


class RefusedError(Exception):
    """A change the rules do not allow; the message says why, for the person who asked."""


def _people_with_role(partnership: Partnership, role: str, organisation=None) -> list[User]:
    people = User.objects.filter(
        role_assignments__partnership=partnership, role_assignments__role=role, is_active=True
    )
    if organisation is not None:
        people = people.filter(organisation=organisation)
    return list(people.distinct())


def partner_leads(partnership: Partnership) -> list[User]:
    return _people_with_role(partnership, Role.PARTNER_LEAD)


def _email_on_commit(*, subject: str, body: str, people) -> None:
    recipients = sorted({person.email for person in people if person.is_active})
    if recipients:
        transaction.on_commit(
            lambda: send_mail(
                f"Learning Hub: {subject}", body, None, recipients, fail_silently=True
            )
        )


def _link(record) -> str:
    return f"{settings.SITE_URL}{record.get_absolute_url()}"


@transaction.atomic
def learning_referral_triage(
    *, referral: LearningReferral, outcome: str, reason: str, by: User
) -> LearningReferral:
    """Decide what happens to a referral; the referrer is told the outcome and the reason."""
    if referral.status == LearningReferral.Status.TRIAGED:
        raise RefusedError("This referral has already been triaged")
    if outcome == LearningReferral.Outcome.NO_FURTHER_ACTION and not reason.strip():
        raise RefusedError("Give the reason for no further action: it goes back to the referrer")
    referral.status = LearningReferral.Status.TRIAGED
    referral.outcome = outcome
    referral.outcome_reason = reason
    referral.triaged_by = by
    referral.triaged_at = timezone.now()
    referral.save(update_fields=["status", "outcome", "outcome_reason", "triaged_by", "triaged_at"])
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=referral,
        details={"outcome": outcome, "reason": reason},
    )
    similar_work_changed(source=referral)
    _email_on_commit(
        subject=f"Your learning referral {referral.reference}",
        body=(
            f"Thank you for referring {referral.title}.\n\nOutcome: {referral.get_outcome_display()}\n"
            f"{reason}\n\n{_link(referral)}\n"
        ),
        people=[referral.referred_by],
    )
    return referral


def is_local_authority_of(organisation: Organisation, partnership: Partnership) -> bool:
    return (
        organisation.partnership_id == partnership.pk
        and organisation.organisation_type == Organisation.Type.LOCAL_AUTHORITY
        and organisation.archived_at is None
    )


NOTIFY_PANEL = "Notify the national panel of the serious incident"
NOTIFY_SECRETARY_OF_STATE = "Notify the Secretary of State and Ofsted of the death"
COMPLETE_RAPID_REVIEW = "Complete the rapid review"


def _set_incident_deadlines(notification: SeriousIncidentNotification, by: User) -> None:
    watchers = partner_leads(notification.partnership)
    if notification.notified_date is None:
        deadline_set(
            subject=notification,
            partnership=notification.partnership,
            title=NOTIFY_PANEL,
            due_date=notification.notify_panel_by,
            responsible=by,
            watchers=watchers,
            is_statutory=True,
            basis="Within 5 working days of the local authority becoming aware (Working Together)",
            link=notification.get_absolute_url(),
        )
    rapid_review = notification.rapid_review
    deadline_set(
        subject=rapid_review,
        partnership=notification.partnership,
        title=COMPLETE_RAPID_REVIEW,
        due_date=notification.rapid_review_by,
        responsible=by,
        watchers=watchers,
        is_statutory=True,
        basis="Within 15 working days of the notification (Child Safeguarding Practice Review Panel guidance)",
        link=rapid_review.get_absolute_url(),
    )


@transaction.atomic
def notification_create(
    *,
    partnership: Partnership,
    incident_summary: str,
    incident_date: date,
    aware_date: date,
    notified_date: date | None = None,
    referral: LearningReferral | None = None,
    notifying_authority: Organisation | None = None,
    by: User,
) -> SeriousIncidentNotification:
    """Record a serious incident and open its rapid review: once notified, a rapid review is required."""
    if notifying_authority is not None and not is_local_authority_of(
        notifying_authority, partnership
    ):
        raise RefusedError("Choose the local authority of this partnership that notified the panel")
    if aware_date < incident_date:
        raise RefusedError(
            "The date the local authority became aware cannot be before the incident"
        )
    if notified_date is not None and notified_date < aware_date:
        raise RefusedError(
            "The panel cannot have been notified before the local authority became aware"
        )
    deadlines = statutory_deadlines(aware=aware_date, notified=notified_date)
    notification = SeriousIncidentNotification.objects.create(
        partnership=partnership,
        reference=next_reference(
            partnership_id=partnership.pk,
            model=SeriousIncidentNotification,
            year=aware_date.year,
            infix="SIN-",
        ),
        referral=referral,
        notifying_authority=notifying_authority,
        incident_summary=incident_summary,
        incident_date=incident_date,
        aware_date=aware_date,
        notified_date=notified_date,
        notify_panel_by=deadlines.notify_panel_by,
        rapid_review_by=deadlines.rapid_review_by,
        created_by=by,
    )
    RapidReview.objects.create(partnership=partnership, notification=notification)
    _set_incident_deadlines(notification, by)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=notification,
        details={
            "notifying_authority": notifying_authority,
            "aware_date": aware_date,
            "notified_date": notified_date,
            "notify_panel_by": deadlines.notify_panel_by,
            "rapid_review_by": deadlines.rapid_review_by,
        },
    )
    similar_work_changed(source=notification)
    similar_work_changed(source=notification.rapid_review)
    return notification


@transaction.atomic
def notification_record_notified(
    *, notification: SeriousIncidentNotification, notified_date: date, by: User
) -> SeriousIncidentNotification:
    """The panel has been notified: the rapid review clock now runs from that date."""
    if notified_date < notification.aware_date:
        raise RefusedError(
            "The panel cannot have been notified before the local authority became aware"
        )
    notification.notified_date = notified_date
    notification.rapid_review_by = statutory_deadlines(
        aware=notification.aware_date, notified=notified_date
    ).rapid_review_by
    notification.save(update_fields=["notified_date", "rapid_review_by"])
    deadline_complete(subject=notification, title=NOTIFY_PANEL)
    _set_incident_deadlines(notification, by)
    audit.record(
        event=AuditEvent.Event.SENT,
        actor=by,
        subject=notification,
        details={"notified_date": notified_date, "rapid_review_by": notification.rapid_review_by},
    )
    return notification


@transaction.atomic
def notified_child_add(
    *,
    notification: SeriousIncidentNotification,
    pseudonym: str,
    outcome: str,
    age: int,
    full_name: str = "",
    date_of_birth: date | None = None,
    address: str = "",
    nhs_number: str = "",
    known_as: str = "",
    family_members: str = "",
    places: str = "",
    looked_after: bool = False,
    care_leaver: bool = False,
    by: User,
) -> NotifiedChild:
    """Add a child. The Panel's rule: one notification per child who died; siblings seriously
    harmed may share one."""
    others = list(notification.children.all())
    if others and (
        outcome == NotifiedChild.Outcome.DIED
        or any(child.outcome == NotifiedChild.Outcome.DIED for child in others)
    ):
        raise RefusedError("Each child who died needs a notification of their own")
    child = NotifiedChild.objects.create(
        notification=notification,
        pseudonym=pseudonym,
        outcome=outcome,
        age=age,
        full_name=full_name,
        date_of_birth=date_of_birth,
        address=address,
        nhs_number=nhs_number,
        known_as=known_as,
        family_members=family_members,
        places=places,
        looked_after=looked_after,
        care_leaver=care_leaver,
    )
    tell_secretary_of_state = secretary_of_state_and_ofsted_to_be_notified(
        died=outcome == NotifiedChild.Outcome.DIED,
        looked_after=looked_after,
        care_leaver=care_leaver,
        age=age,
    )
    if tell_secretary_of_state and notification.secretary_of_state_notified_on is None:
        deadline_set(
            subject=notification,
            partnership=notification.partnership,
            title=NOTIFY_SECRETARY_OF_STATE,
            due_date=notification.notify_panel_by,
            responsible=by,
            watchers=partner_leads(notification.partnership),
            is_statutory=True,
            basis="A looked-after child's or care leaver's death, whether or not abuse or "
            "neglect is suspected (Working Together 2023 ch. 5)",
            link=notification.get_absolute_url(),
        )
    # Only the pseudonym goes into the audit trail: identifying details stay in one place.
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=child,
        partnership=notification.partnership,
        details={
            "notification": notification.reference,
            "outcome": outcome,
            "age": age,
            "looked_after": looked_after,
            "care_leaver": care_leaver,
            "notify_secretary_of_state": tell_secretary_of_state,
        },
    )
    return child


def secretary_of_state_to_be_notified(notification: SeriousIncidentNotification) -> bool:
    """Whether a child of the notification is a looked-after child or care leaver who died."""
    return any(
        secretary_of_state_and_ofsted_to_be_notified(
            died=child.outcome == NotifiedChild.Outcome.DIED,
            looked_after=child.looked_after,
            care_leaver=child.care_leaver,
            age=child.age,
        )
        for child in notification.children.all()
    )


@transaction.atomic
def notification_record_secretary_of_state_notified(
    *, notification: SeriousIncidentNotification, notified_on: date, by: User
) -> SeriousIncidentNotification:
    """The Secretary of State and Ofsted have been told of a looked-after child's or care
    leaver's death (Working Together 2023 ch. 5; `reviews.register`)."""
    if not secretary_of_state_to_be_notified(notification):
        raise RefusedError(
            "No looked-after child or care leaver who died is recorded on this notification"
        )
    if notified_on < notification.aware_date:
        raise RefusedError(
            "The Secretary of State and Ofsted cannot have been told before the local authority "
            "became aware"
        )
    notification.secretary_of_state_notified_on = notified_on
    notification.save(update_fields=["secretary_of_state_notified_on"])
    deadline_complete(subject=notification, title=NOTIFY_SECRETARY_OF_STATE)
    audit.record(
        event=AuditEvent.Event.SENT,
        actor=by,
        subject=notification,
        details={"secretary_of_state_and_ofsted_notified_on": notified_on},
    )
    return notification


def identifying_details_viewed(*, notification: SeriousIncidentNotification, by: User) -> None:
    audit.record(
        event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS,
        actor=by,
        subject=notification,
        details={"children": [child.pseudonym for child in notification.children.all()]},
    )


def contributors_of(request: AgencyRequest) -> list[User]:
    return _people_with_role(request.partnership, Role.AGENCY_CONTRIBUTOR, request.organisation)


@transaction.atomic
def agency_request_send(
    *,
    organisation: Organisation,
    kind: str,
    due_date: date,
    details: str,
    rapid_review: RapidReview | None = None,
    review=None,
    by: User,
) -> AgencyRequest:
    """Ask one agency for its summary, chronology or report; its contributors are told and reminded."""
    case = review or rapid_review
    if organisation.partnership_id != case.partnership_id:
        raise RefusedError("Choose an organisation of this partnership")
    if due_date < timezone.localdate():
        raise RefusedError("The due date must be today or later")
    request = AgencyRequest.objects.create(
        partnership=case.partnership,
        rapid_review=rapid_review,
        review=review,
        organisation=organisation,
        kind=kind,
        due_date=due_date,
        details=details,
        requested_by=by,
    )
    contributors = contributors_of(request)
    deadline_set(
        subject=request,
        partnership=request.partnership,
        title=f"{request.get_kind_display()} for {case}",
        due_date=due_date,
        watchers=contributors,
        escalate_to=by,
        link=request.get_absolute_url(),
    )
    audit.record(
        event=AuditEvent.Event.SENT,
        actor=by,
        subject=request,
        details={"organisation": organisation, "kind": kind, "due_date": due_date},
    )
    _email_on_commit(
        subject=f"{request.get_kind_display()} requested",
        body=f"{organisation} is asked for: {request.get_kind_display()}, by {due_date:%d %B %Y}.\n\n{details}\n\n{_link(request)}\n",
        people=contributors,
    )
    return request


@transaction.atomic
def agency_request_return(*, request: AgencyRequest, response: str, by: User) -> AgencyRequest:
    # Locked so that a chronology entry or import cannot land as the request is returned.
    locked = AgencyRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status == AgencyRequest.Status.RETURNED:
        raise RefusedError("This request has already been returned")
    if locked.chronology_imports.filter(status=ChronologyImport.Status.IMPORTING).exists():
        raise RefusedError(
            "A chronology file is still being imported: return the request once it has finished"
        )
    if request.kind != AgencyRequest.Kind.CHRONOLOGY and not response.strip():
        raise RefusedError("Write the agency's response before returning it")
    request.status = AgencyRequest.Status.RETURNED
    request.response = response
    request.returned_by = by
    request.returned_at = timezone.now()
    request.save(update_fields=["status", "response", "returned_by", "returned_at"])
    deadline_complete(subject=request, title=f"{request.get_kind_display()} for {request.case}")
    audit.record(
        event=AuditEvent.Event.CHANGED, actor=by, subject=request, details={"status": "returned"}
    )
    _email_on_commit(
        subject=f"{request} returned",
        body=f"{request} has been returned.\n\n{_link(request)}\n",
        people=[request.requested_by],
    )
    return request


@transaction.atomic
def agency_request_chase(*, request: AgencyRequest, by: User) -> AgencyRequest:
    if request.status == AgencyRequest.Status.RETURNED:
        raise RefusedError("This request has already been returned")
    request.last_chased_at = timezone.now()
    request.save(update_fields=["last_chased_at"])
    audit.record(event=AuditEvent.Event.SENT, actor=by, subject=request, details={"chased": True})
    _email_on_commit(
        subject=f"Reminder: {request.get_kind_display()} due {request.due_date:%d %B %Y}",
        body=f"{request.organisation}'s {request.get_kind_display().lower()} is due on {request.due_date:%d %B %Y}.\n\n{_link(request)}\n",
        people=contributors_of(request),
    )
    return request


@transaction.atomic
def key_practice_episode_add(
    *,
    rapid_review: RapidReview,
    date: date,
    title: str,
    analysis: str,
    went_well: str,
    could_be_different: str,
    by: User,
) -> KeyPracticeEpisode:
    episode = KeyPracticeEpisode.objects.create(
        rapid_review=rapid_review,
        date=date,
        title=title,
        analysis=analysis,
        went_well=went_well,
        could_be_different=could_be_different,
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=episode,
        partnership=rapid_review.partnership,
        details={"title": title},
    )
    similar_work_changed(source=rapid_review)
    return episode


def versioned_update(
    *, record: models.Model, data: dict[str, Any], expected_version: int, by: User
) -> None:
    """Apply a form's changes to a Versioned record, refusing a stale edit, with its audit row."""
    many = {
        name: value for name, value in data.items() if record._meta.get_field(name).many_to_many
    }
    plain = {name: value for name, value in data.items() if name not in many}
    before = audit.snapshot(record, list(data))
    for name, value in plain.items():
        setattr(record, name, value)
    save_if_unchanged(record, expected_version=expected_version, fields=list(plain))
    for name, value in many.items():
        getattr(record, name).set(value)
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=record,
        details={"changes": audit.changes(before, audit.snapshot(record, list(data)))},
    )
    similar_work_changed(source=record)


@transaction.atomic
def rapid_review_decide(
    *,
    rapid_review: RapidReview,
    decision: str,
    national_review_recommended: bool,
    rationale: str,
    learning_identified: str,
    alternative_learning: str,
    local_policy_departure_reason: str = "",
    by: User,
) -> RapidReview:
    """Record the safeguarding partners' decision; each statutory partner then signs it off.

    The decision is the partners' own (s16F Children Act 2004; SI 2018/789 reg 11): the local
    review policy is advice, and deciding against it needs a recorded reason, never a refusal.
    """
    case = selectors.criteria_case(rapid_review)
    considerations = selectors.statutory_considerations_of(rapid_review)
    if case is None or not considerations.answered:
        raise RefusedError(
            "Answer the questions about the case and the regulation 11 considerations (a) to (d) "
            "before recording the decision"
        )
    result = assess(case, selectors.local_review_policy(rapid_review.partnership).always_review)
    holds_lcspr = decision == RapidReview.Decision.LCSPR
    departs = departs_from_local_policy(holds_lcspr=holds_lcspr, assessment=result)
    if departs and not local_policy_departure_reason.strip():
        raise RefusedError(
            "Enter why the partners decide against an LCSPR although the local review policy "
            "says one is always held"
        )
    if not holds_lcspr and not alternative_learning.strip():
        raise RefusedError("Describe the alternative learning activity where no LCSPR is held")
    rapid_review.decision = decision
    rapid_review.national_review_recommended = national_review_recommended
    rapid_review.rationale = rationale
    rapid_review.learning_identified = learning_identified
    rapid_review.alternative_learning = alternative_learning
    rapid_review.departs_from_local_policy = departs
    rapid_review.local_policy_departure_reason = local_policy_departure_reason if departs else ""
    rapid_review.status = RapidReview.Status.DECIDED
    rapid_review.decided_at = timezone.now()
    rapid_review.save()
    # A changed decision needs signing off afresh.
    rapid_review.sign_offs.all().delete()
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=rapid_review,
        details={
            "decision": decision,
            "regulation_11": considerations.regulation_11,
            "have_regard_to": sorted(considerations.have_regard_to),
            "local_policy": result.outcome,
            "local_policy_always": result.mandatory,
            "departs_from_local_policy": departs,
            "national_review": national_review_recommended,
        },
    )
    similar_work_changed(source=rapid_review)
    similar_work_changed(source=rapid_review.notification)
    _email_on_commit(
        subject=f"Sign off the rapid review decision for {rapid_review.notification.reference}",
        body=f"The decision is recorded: {rapid_review.get_decision_display()}.\n\n{_link(rapid_review)}\n",
        people=partner_leads(rapid_review.partnership),
    )
    return rapid_review


def partner_sign_off_blockers(partnership: Partnership, sign_offs) -> list[str]:
    """Why the partners' sign-off is not complete (`reviews.sign_off`)."""
    return sign_off_blockers(selectors.statutory_partners_signing(partnership, sign_offs))


def signer_refusal(by: User, partnership: Partnership) -> str:
    """Why this person may not sign off for a statutory partner of the partnership ("" if they
    may): a partner lead working for one of its statutory partners (`reviews.sign_off`)."""
    if not policy.can_sign_off(by, partnership):
        return "Only a safeguarding partner lead can sign this off"
    if not (
        by.organisation is not None
        and by.organisation.partnership_id == partnership.pk
        and by.organisation.is_statutory_partner
    ):
        return (
            "Only a partner lead of a statutory partner (a local authority, the police or the "
            "integrated care board) can sign this off"
        )
    return ""


@transaction.atomic
def partner_sign_off(
    *,
    by: User,
    agrees: bool,
    comment: str,
    rapid_review: RapidReview | None = None,
    report_draft=None,
) -> PartnerSignOff:
    """One partner lead's sign-off of a rapid review decision or of a final report draft."""
    subject = rapid_review or report_draft
    partnership = rapid_review.partnership if rapid_review else report_draft.review.partnership
    refusal = signer_refusal(by, partnership)
    if refusal:
        raise RefusedError(refusal)
    if rapid_review is not None and not rapid_review.decision:
        raise RefusedError("There is no decision to sign off yet")
    if not agrees and not comment.strip():
        raise RefusedError("Say why you do not agree")
    sign_off, _ = PartnerSignOff.objects.update_or_create(
        rapid_review=rapid_review,
        report_draft=report_draft,
        partner_lead=by,
        defaults={
            "partnership": partnership,
            "organisation": by.organisation,
            "agrees": agrees,
            "comment": comment,
        },
    )
    audit.record(
        event=AuditEvent.Event.DECIDED,
        actor=by,
        subject=subject,
        partnership=partnership,
        details={"signed_off": agrees, "comment": comment},
    )
    return sign_off


@transaction.atomic
def rapid_review_send_to_panel(
    *, rapid_review: RapidReview, sent_on: date, by: User
) -> RapidReview:
    """Send the rapid review and decision to the national panel, once every statutory partner
    agrees (Working Together 2023 ch. 5; see `reviews.sign_off`)."""
    if not rapid_review.decision:
        raise RefusedError("Record the decision before sending it to the national panel")
    blockers = partner_sign_off_blockers(rapid_review.partnership, rapid_review.sign_offs.all())
    if blockers:
        raise RefusedError(
            "Every statutory partner must sign off the decision first. " + ". ".join(blockers)
        )
    rapid_review.sent_to_panel_on = sent_on
    rapid_review.save(update_fields=["sent_to_panel_on"])
    deadline_complete(subject=rapid_review, title=COMPLETE_RAPID_REVIEW)
    audit.record(
        event=AuditEvent.Event.SENT,
        actor=by,
        subject=rapid_review,
        details={"sent_to_panel_on": sent_on},
    )
    return rapid_review


@transaction.atomic
def rapid_review_panel_response(
    *, rapid_review: RapidReview, response: str, responded_on: date, notes: str, by: User
) -> RapidReview:
    if rapid_review.sent_to_panel_on is None:
        raise RefusedError("The rapid review has not been sent to the panel yet")
    rapid_review.panel_response = response
    rapid_review.panel_response_on = responded_on
    rapid_review.panel_response_notes = notes
    rapid_review.save(update_fields=["panel_response", "panel_response_on", "panel_response_notes"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=rapid_review,
        details={"panel_response": response},
    )
    return rapid_review


@transaction.atomic
def local_review_policy_update(
    *, partnership: Partnership, values: dict[str, bool], by: User
) -> LocalReviewPolicy:
    """Change the partnership's local review policy: configuration the partners decided, not law."""
    policy_record, _ = LocalReviewPolicy.objects.get_or_create(partnership=partnership)
    before = audit.snapshot(policy_record, list(values))
    for name, value in values.items():
        setattr(policy_record, name, value)
    policy_record.save(update_fields=list(values))
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=policy_record,
        details={"changes": audit.changes(before, audit.snapshot(policy_record, list(values)))},
    )
    return policy_record
