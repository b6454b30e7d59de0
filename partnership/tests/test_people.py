"""The business unit invites people, sets their roles, and deactivates them (never deletes)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEvent
from core.testing import sign_in
from partnership.models import Role, User

pytestmark = pytest.mark.django_db


def invite(client, cast, **overrides):
    data = {
        "full_name": "New Testperson",
        "email": "new@test.example",
        "job_title": "Social worker",
        "organisation": cast.council.pk,
        "roles": [Role.PRACTITIONER],
    }
    data.update(overrides)
    sign_in(client, cast.manager)
    return client.post(reverse("partnership:person_invite"), data)


def invitation_path(message) -> str:
    return re.search(r"(/invitation/\S+/)", message.body).group(1)


def test_inviting_someone_creates_an_inactive_account_with_roles_and_emails_a_link(
    client, cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, cast)
    person = User.objects.get(email="new@test.example")
    assert not person.is_active
    assert list(person.role_assignments.values_list("role", flat=True)) == [Role.PRACTITIONER]
    assert len(mail.outbox) == 1 and "/invitation/" in mail.outbox[0].body
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.CREATED, subject_id=str(person.pk), actor=cast.manager
    ).exists()


def test_the_invitation_link_sets_a_password_and_activates_the_account(
    client, cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, cast)
    client.logout()
    path = invitation_path(mail.outbox[0])
    response = client.post(
        path, {"new_password1": "a-long-new-password", "new_password2": "a-long-new-password"}
    )
    assert response.status_code == 302
    person = User.objects.get(email="new@test.example")
    assert person.is_active and person.check_password("a-long-new-password")
    assert client.get(path).status_code == 400  # used once only


def test_an_invitation_link_expires_after_seven_days(
    client, cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, cast)
    client.logout()
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        response = client.get(invitation_path(mail.outbox[0]))
    assert response.status_code == 400
    assert "expired" in response.content.decode()


def test_inviting_someone_who_already_works_for_the_partnership_is_refused_naming_the_field(
    client, cast
):
    response = invite(client, cast, email=cast.practitioner.email.upper())
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "Someone with this email address already works for your partnership"
    ]
    assert 'href="#id_email"' in response.content.decode()


def test_an_invitation_needs_at_least_one_role(client, cast):
    response = invite(client, cast, roles=[])
    assert "roles" in response.context["form"].errors
    assert not User.objects.filter(email="new@test.example").exists()


def test_changing_roles_is_kept_with_before_and_after(client, cast):
    sign_in(client, cast.manager)
    person = cast.practitioner
    client.post(
        reverse("partnership:person_edit", args=[person.pk]),
        {
            "full_name": person.full_name,
            "job_title": "Team manager",
            "organisation": cast.council.pk,
            "roles": [Role.PRACTITIONER, Role.GROUP_MEMBER],
            "version": person.version,
        },
    )
    assert set(person.role_assignments.values_list("role", flat=True)) == {
        Role.PRACTITIONER,
        Role.GROUP_MEMBER,
    }
    change = AuditEvent.objects.filter(
        event=AuditEvent.Event.CHANGED, subject_id=str(person.pk)
    ).latest("id")
    assert change.details["changes"]["job_title"] == {"before": "", "after": "Team manager"}
    assert change.details["changes"]["roles"]["after"] == sorted(
        [Role.GROUP_MEMBER, Role.PRACTITIONER]
    )


def test_a_stale_edit_of_a_person_is_refused_and_changes_nothing(client, cast):
    sign_in(client, cast.manager)
    person = cast.practitioner
    stale = person.version
    User.objects.filter(pk=person.pk).update(version=stale + 1, job_title="Changed by someone else")
    response = client.post(
        reverse("partnership:person_edit", args=[person.pk]),
        {
            "full_name": "Overwritten",
            "job_title": "Mine",
            "roles": [Role.PRACTITIONER],
            "version": stale,
        },
    )
    assert "Someone else changed this record" in response.content.decode()
    person.refresh_from_db()
    assert person.full_name != "Overwritten" and person.job_title == "Changed by someone else"


def test_deactivating_a_person_stops_them_signing_in_and_keeps_their_account(client, cast):
    sign_in(client, cast.manager)
    client.post(reverse("partnership:person_deactivate", args=[cast.practitioner.pk]))
    cast.practitioner.refresh_from_db()
    assert not cast.practitioner.is_active and cast.practitioner.deactivated_at is not None
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.ARCHIVED, subject_id=str(cast.practitioner.pk)
    ).exists()


def test_a_business_unit_manager_cannot_deactivate_their_own_account(client, cast):
    sign_in(client, cast.manager)
    response = client.post(
        reverse("partnership:person_deactivate", args=[cast.manager.pk]), follow=True
    )
    assert "You cannot deactivate your own account" in response.content.decode()
    cast.manager.refresh_from_db()
    assert cast.manager.is_active


def test_the_people_list_makes_the_same_number_of_queries_however_many_people(client, cast):
    from core.testing import assert_queries_do_not_grow
    from partnership.tests.factories import PersonFactory

    sign_in(client, cast.manager)
    assert_queries_do_not_grow(
        lambda: client.get(reverse("partnership:person_list")),
        lambda: PersonFactory.create_batch(
            15,
            partnership=cast.partnership,
            organisation=cast.hospital,
            roles=[Role.PRACTITIONER, Role.GROUP_MEMBER],
        ),
    )


def test_the_manager_resets_a_lost_authenticator_and_the_person_sets_up_a_new_one(client, cast):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from core.testing import confirmed_device

    confirmed_device(cast.officer)
    sign_in(client, cast.manager)
    client.post(reverse("partnership:person_two_factor_reset", args=[cast.officer.pk]))
    assert not TOTPDevice.objects.filter(user=cast.officer).exists()
    assert AuditEvent.objects.filter(
        subject_id=str(cast.officer.pk), details__two_factor="reset"
    ).exists()
