"""Changes to a partnership's structure and people. Each writes its audit row in its transaction."""

from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core import audit
from core.concurrency import save_if_unchanged
from core.models import AuditEvent
from partnership import access, policy, selectors
from partnership.models import (
    Group,
    Invitation,
    Membership,
    Partnership,
    PartnershipLink,
    Role,
    RoleAssignment,
    User,
)

_INVITATION_SALT = "learninghub.invitation"


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=_INVITATION_SALT)


def invitation_from_token(token: str) -> Invitation | None:
    """The invitation a link stands for, if the link is genuine, unexpired, unused and the latest."""
    try:
        payload = signing.loads(token, salt=_INVITATION_SALT, max_age=settings.INVITATION_VALID_FOR)
    except signing.BadSignature:
        return None
    invitation = (
        Invitation.objects.select_related("person").filter(pk=payload.get("invitation")).first()
    )
    if invitation is None or invitation.accepted_at is not None or invitation.is_expired:
        return None
    if invitation.person.deactivated_at is not None:
        return None  # a deactivated person's invitation is withdrawn with their account
    if invitation.person.invitations.first() != invitation:
        return None
    return invitation


@transaction.atomic
def structure_record_create(
    *, model: type[models.Model], partnership: Partnership, data: dict[str, Any], by: User
) -> models.Model:
    """Create an organisation, area, group or linked partnership in `partnership`."""
    many = {name: value for name, value in data.items() if model._meta.get_field(name).many_to_many}
    plain = {name: value for name, value in data.items() if name not in many}
    record = model.objects.create(partnership=partnership, **plain)
    for name, value in many.items():
        getattr(record, name).set(value)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=record,
        details={"values": audit.snapshot(record, list(data))},
    )
    return record


@transaction.atomic
def structure_record_update(
    *, record: models.Model, data: dict[str, Any], expected_version: int, by: User
) -> models.Model:
    """Change a structure record, refusing the change if someone else saved it first."""
    fields = list(data)
    # The form has already applied its values to `record`, so "before" comes from the database.
    before = audit.snapshot(type(record).objects.get(pk=record.pk), fields)
    many = [name for name in fields if record._meta.get_field(name).many_to_many]
    for name, value in data.items():
        if name not in many:
            setattr(record, name, value)
    save_if_unchanged(
        record, expected_version=expected_version, fields=[n for n in fields if n not in many]
    )
    for name in many:
        getattr(record, name).set(data[name])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=record,
        details={"changes": audit.changes(before, audit.snapshot(record, fields))},
    )
    return record


@transaction.atomic
def structure_record_archive(*, record: models.Model, by: User) -> models.Model:
    """Archive (never delete) a structure record; it stays on the records that point at it."""
    record.archived_at = timezone.now()
    record.save(update_fields=["archived_at"])
    audit.record(event=AuditEvent.Event.ARCHIVED, actor=by, subject=record)
    return record


@transaction.atomic
def membership_add(*, group, person: User, role: str, by: User) -> Membership:
    membership = Membership.objects.create(group=group, person=person, role=role)
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=membership,
        partnership=group.partnership,
        details={"group": str(group), "person": str(person), "role": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    audit.record(
        event=AuditEvent.Event.ARCHIVED,
        actor=by,
        subject=membership,
        partnership=membership.group.partnership,
        details={"group": str(membership.group), "person": str(membership.person)},
    )
    membership.delete()


def _send_invitation_email(invitation: Invitation) -> None:
    link = settings.SITE_URL + reverse(
        "partnership:accept_invitation", kwargs={"token": invitation_token(invitation)}
    )
    send_mail(
        subject="You have been invited to Learning Hub",
        message=render_to_string(
            "partnership/email/invitation.txt", {"invitation": invitation, "link": link}
        ),
        from_email=None,
        recipient_list=[invitation.person.email],
    )


@transaction.atomic
def person_invite(
    *,
    partnership: Partnership,
    email: str,
    full_name: str,
    job_title: str,
    organisation,
    roles: list[str],
    by: User,
) -> User | None:
    """Create an inactive account with its roles and email an expiring link to activate it.

    If the address already has an account, nothing changes and the inviter is not told: the
    person is emailed instead (and it is audited), so accounts stay single and no business unit
    learns who works for another partnership. Returns the new account, or None."""
    _refuse_role_change(person=User(), partnership=partnership, before=[], after=roles, by=by)
    existing = User.objects.filter(email__iexact=email).first()
    if existing:
        audit.record(
            event=AuditEvent.Event.SENT,
            actor=by,
            subject=existing,
            details={"invitation": "not sent: already has an account", "from": partnership.name},
        )
        transaction.on_commit(
            lambda: send_mail(
                subject="Someone tried to invite you to Learning Hub",
                message=render_to_string(
                    "partnership/email/invitation_existing_account.txt",
                    {"person": existing, "partnership": partnership, "by": by},
                ),
                from_email=None,
                recipient_list=[existing.email],
            )
        )
        return None
    person = User.objects.create_user(
        email=email,
        password=None,
        full_name=full_name,
        job_title=job_title,
        partnership=partnership,
        organisation=organisation,
        is_active=False,
    )
    RoleAssignment.objects.bulk_create(
        RoleAssignment(person=person, partnership=partnership, role=role) for role in roles
    )
    invitation = Invitation.objects.create(
        person=person, invited_by=by, expires_at=timezone.now() + settings.INVITATION_VALID_FOR
    )
    audit.record(
        event=AuditEvent.Event.CREATED,
        actor=by,
        subject=person,
        partnership=partnership,
        details={"roles": roles, "organisation": str(organisation) if organisation else None},
    )
    transaction.on_commit(lambda: _send_invitation_email(invitation))
    return person


class AccountChangeRefused(PermissionDenied):
    """A change of a person's account this partnership may not make alone; says why."""


def _refuse_account_change(*, person: User, partnership: Partnership, by: User) -> None:
    refusal = selectors.account_change_refusal(person=person, partnership=partnership, by=by)
    if refusal:
        raise AccountChangeRefused(refusal)


@transaction.atomic
def invitation_resend(*, person: User, partnership: Partnership, by: User) -> Invitation:
    _refuse_account_change(person=person, partnership=partnership, by=by)
    invitation = Invitation.objects.create(
        person=person, invited_by=by, expires_at=timezone.now() + settings.INVITATION_VALID_FOR
    )
    audit.record(
        event=AuditEvent.Event.SENT,
        actor=by,
        subject=person,
        partnership=partnership,
        details={"invitation": "resent"},
    )
    transaction.on_commit(lambda: _send_invitation_email(invitation))
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, password: str) -> User:
    """Set the invited person's password and activate their account."""
    person = invitation.person
    person.set_password(password)
    person.is_active = True
    person.save(update_fields=["password", "is_active"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=person,
        subject=person,
        details={"invitation": "accepted"},
    )
    return person


def _refuse_role_change(*, person: User, partnership: Partnership, before, after, by: User) -> None:
    refusal = policy.role_change_refusal(
        own_record=person.pk == by.pk,
        grantable=policy.grantable_roles(by, partnership),
        before=before,
        after=after,
    )
    if refusal:
        raise PermissionDenied(refusal)


def _send_roles_changed_email(
    *, person: User, partnership: Partnership, before: list[str], after: list[str], by: User
) -> None:
    send_mail(
        subject="Your roles in Learning Hub have changed",
        message=render_to_string(
            "partnership/email/roles_changed.txt",
            {
                "person": person,
                "partnership": partnership,
                "before": [Role(role).label for role in before],
                "after": [Role(role).label for role in after],
                "by": by,
            },
        ),
        from_email=None,
        recipient_list=[person.email],
    )


@transaction.atomic
def person_update(
    *,
    person: User,
    partnership: Partnership,
    data: dict[str, Any],
    roles: list[str],
    expected_version: int,
    by: User,
) -> User:
    """Change a person's details and their roles in `partnership`; a change of roles is emailed
    to them. Nobody changes their own roles, and only a manager grants manager."""
    fields = list(data)
    before = audit.snapshot(User.objects.get(pk=person.pk), fields)
    before_roles = sorted(
        person.role_assignments.filter(partnership=partnership).values_list("role", flat=True)
    )
    _refuse_role_change(
        person=person, partnership=partnership, before=before_roles, after=roles, by=by
    )
    works_for = person.role_assignments.values_list("partnership_id", flat=True)
    if data and not policy.may_change_account(by, works_for=works_for, partnership=partnership):
        raise AccountChangeRefused(
            "Their name, job title and organisation can be changed only by every partnership "
            "they work for, or by a system administrator"
        )
    for name, value in data.items():
        setattr(person, name, value)
    save_if_unchanged(person, expected_version=expected_version, fields=fields)
    person.role_assignments.filter(partnership=partnership).exclude(role__in=roles).delete()
    for role in roles:
        RoleAssignment.objects.get_or_create(person=person, partnership=partnership, role=role)
    found = audit.changes(before, audit.snapshot(person, fields))
    after_roles = sorted(set(roles))
    if before_roles != after_roles:
        found["roles"] = {"before": before_roles, "after": after_roles}
        transaction.on_commit(
            lambda: _send_roles_changed_email(
                person=person,
                partnership=partnership,
                before=before_roles,
                after=after_roles,
                by=by,
            )
        )
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=person,
        partnership=partnership,
        details={"changes": found},
    )
    return person


@transaction.atomic
def person_deactivate(*, person: User, by: User, partnership: Partnership) -> User:
    """Stop a person signing in; their account stays, because records point at it."""
    _refuse_account_change(person=person, partnership=partnership, by=by)
    person.is_active = False
    person.deactivated_at = timezone.now()
    person.save(update_fields=["is_active", "deactivated_at"])
    audit.record(event=AuditEvent.Event.ARCHIVED, actor=by, subject=person, partnership=partnership)
    return person


@transaction.atomic
def person_reactivate(*, person: User, by: User, partnership: Partnership) -> User:
    _refuse_account_change(person=person, partnership=partnership, by=by)
    person.is_active = True
    person.deactivated_at = None
    person.save(update_fields=["is_active", "deactivated_at"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=person,
        partnership=partnership,
        details={"reactivated": True},
    )
    return person


@transaction.atomic
def person_two_factor_reset(*, person: User, partnership: Partnership, by: User) -> int:
    """Remove a person's authenticators (a lost phone); they set up a new one at their next sign-in."""
    _refuse_account_change(person=person, partnership=partnership, by=by)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    removed, _ = TOTPDevice.objects.filter(user=person).delete()
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=by,
        subject=person,
        partnership=partnership,
        details={"two_factor": "reset", "authenticators_removed": removed},
    )
    # Told at once, so that a reset they did not ask for (a way into their account) is noticed.
    transaction.on_commit(
        lambda: _send_two_factor_email(person=person, what=f"was reset by {by.full_name}")
    )
    return removed


def _send_two_factor_email(*, person: User, what: str) -> None:
    send_mail(
        subject="Your two-factor authentication has changed",
        message=render_to_string(
            "partnership/email/two_factor_changed.txt", {"person": person, "what": what}
        ),
        from_email=None,
        recipient_list=[person.email],
    )


@transaction.atomic
def two_factor_turn_on(*, person: User, device) -> None:
    """Confirm the authenticator a person has just shown a code from, in place of any other.

    Callers let only a first set-up, or a session already verified with a code, get here.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    replaced, _ = TOTPDevice.objects.filter(user=person).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(
        event=AuditEvent.Event.CHANGED,
        actor=person,
        subject=person,
        details={"two_factor": "replaced" if replaced else "set up", "authenticator": device.name},
    )
    transaction.on_commit(
        lambda: _send_two_factor_email(
            person=person, what="now uses a new authenticator" if replaced else "was turned on"
        )
    )


def two_factor_code_refused(*, person: User, refusal: str, stage: str) -> None:
    """Note a wrong security code, or one tried while too many wrong ones lock the code page."""
    audit.record(
        event=AuditEvent.Event.SIGN_IN_FAILED,
        actor=person,
        subject=person,
        details={"second_factor": refusal, "stage": stage},
    )


class LinkAlreadyAnswered(Exception):
    """The link changed (answered or ended by the other side) since the page was loaded."""


def _audit_link(link: PartnershipLink, *, event: str, by: User, **details) -> None:
    """One row in each partnership's audit trail: both business units see every step."""
    for partnership in (link.requesting, link.receiving):
        audit.record(
            event=event,
            actor=by,
            subject=link,
            partnership=partnership,
            details={"status": link.status, **details},
        )


def _locked(link: PartnershipLink, *, allowed: tuple[str, ...]) -> PartnershipLink:
    current = (
        PartnershipLink.objects.select_for_update()
        .select_related("requesting", "receiving")
        .get(pk=link.pk)
    )
    if current.status not in allowed:
        raise LinkAlreadyAnswered(f"This link is already {current.get_status_display().lower()}")
    return current


@transaction.atomic
def link_request(
    *, requesting: Partnership, receiving: Partnership, purpose: str, by: User
) -> PartnershipLink:
    """Ask another partnership's business unit for a link; nothing is shared until it accepts."""
    link = PartnershipLink.objects.create(
        requesting=requesting, receiving=receiving, purpose=purpose, requested_by=by
    )
    _audit_link(link, event=AuditEvent.Event.SENT, by=by, purpose=purpose)
    return link


@transaction.atomic
def link_answer(*, link: PartnershipLink, accept: bool, by: User) -> PartnershipLink:
    """The receiving business unit accepts or declines a request."""
    link = _locked(link, allowed=(PartnershipLink.Status.REQUESTED,))
    link.status = PartnershipLink.Status.ACCEPTED if accept else PartnershipLink.Status.DECLINED
    link.answered_by, link.answered_at = by, timezone.now()
    link.save(update_fields=["status", "answered_by", "answered_at"])
    _audit_link(link, event=AuditEvent.Event.DECIDED, by=by)
    return link


@transaction.atomic
def link_end(*, link: PartnershipLink, by: User) -> PartnershipLink:
    """Either side ends a link (or withdraws its request): the groups of each stop serving the other."""
    link = _locked(link, allowed=PartnershipLink.OPEN)
    link.status = PartnershipLink.Status.ENDED
    link.ended_by, link.ended_at = by, timezone.now()
    link.save(update_fields=["status", "ended_by", "ended_at"])
    serving = Group.serves.through.objects.filter(
        models.Q(group__partnership=link.requesting, partnership=link.receiving)
        | models.Q(group__partnership=link.receiving, partnership=link.requesting)
    )
    stopped = sorted(
        str(group) for group in Group.objects.filter(pk__in=serving.values("group_id"))
    )
    serving.delete()
    removed = []
    for membership in _memberships_left_without_a_link(link):
        removed.append(str(membership))
        membership_remove(membership=membership, by=by)
    _audit_link(
        link,
        event=AuditEvent.Event.ARCHIVED,
        by=by,
        groups_stopped_serving=stopped,
        memberships_removed=removed,
    )
    return link


def _memberships_left_without_a_link(link: PartnershipLink) -> list[Membership]:
    """Members of one side's groups who now work for no partnership the group serves: they would
    otherwise stay on its pages and be sent its reminders."""
    found = []
    for one, other in ((link.requesting, link.receiving), (link.receiving, link.requesting)):
        candidates = (
            Membership.objects.filter(
                group__partnership=one, person__role_assignments__partnership=other
            )
            .exclude(person__role_assignments__partnership=one)
            .select_related("group", "person")
            .distinct()
        )
        for membership in candidates:
            if not RoleAssignment.objects.filter(
                person=membership.person,
                partnership__in=access.served_partnership_ids(membership.group),
            ).exists():
                found.append(membership)
    return found
