"""Attacks on two-factor sign-in by someone who knows only a person's password."""

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from child_deaths.tests.factories import ChildDeathFactory
from core.models import AuditEvent
from core.testing import TEST_PASSWORD, confirmed_device, current_code, sign_in

pytestmark = pytest.mark.django_db

CODE_PAGE = "Enter your security code"


def password_only(client, person):
    """Signs in through the sign-in page with the password alone, as a thief of it would."""
    response = client.post(
        reverse("partnership:sign_in"), {"username": person.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302


def test_a_password_only_session_cannot_enrol_its_own_authenticator_to_reach_a_childs_identity(
    client, cast
):
    death = ChildDeathFactory(area=cast.middlesbrough)
    confirmed_device(cast.manager)
    password_only(client, cast.manager)

    set_up = client.get(reverse("partnership:two_factor_setup"), follow=True)
    # Enrol an authenticator of one's own: the key the set-up page shows, in the thief's phone.
    attackers = TOTPDevice.objects.filter(user=cast.manager, confirmed=False).first()
    attackers = attackers or TOTPDevice.objects.create(
        user=cast.manager, name="Thief's phone", confirmed=False
    )
    client.post(reverse("partnership:two_factor_setup"), {"code": current_code(attackers)})

    assert CODE_PAGE in set_up.content.decode()
    assert "Set up two-factor authentication" not in set_up.content.decode()
    attackers.refresh_from_db()
    assert not attackers.confirmed
    identity = client.get(reverse("child_deaths:identity", args=[death.pk]), follow=True)
    page = identity.content.decode()
    assert CODE_PAGE in page
    assert "Testchild" not in page and "9434765919" not in page
    assert not AuditEvent.objects.filter(event=AuditEvent.Event.VIEWED_IDENTIFYING_DETAILS).exists()


@pytest.mark.parametrize(
    "url",
    [
        reverse("core:dashboard"),
        reverse("partnership:account"),
        reverse("partnership:two_factor_setup"),
        reverse("partnership:person_list"),
    ],
)
def test_a_password_only_session_of_someone_with_an_authenticator_is_held_at_the_code_page(
    client, cast, url
):
    confirmed_device(cast.manager)
    password_only(client, cast.manager)
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("partnership:two_factor_verify"))
    assert CODE_PAGE in response.content.decode()


def test_a_password_only_session_can_still_sign_out(client, cast):
    confirmed_device(cast.manager)
    password_only(client, cast.manager)
    response = client.post(reverse("partnership:sign_out"), follow=True)
    assert "Sign in" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_someone_who_never_had_an_authenticator_sets_one_up_and_it_is_audited(client, cast):
    password_only(client, cast.manager)
    page = client.get(reverse("partnership:two_factor_setup"))
    assert "Set up two-factor authentication" in page.content.decode()
    device = TOTPDevice.objects.get(user=cast.manager, confirmed=False)
    client.post(reverse("partnership:two_factor_setup"), {"code": current_code(device)})
    assert AuditEvent.objects.filter(
        actor=cast.manager, subject_id=str(cast.manager.pk), details__two_factor="set up"
    ).exists()


def test_a_verified_session_replaces_its_authenticator_and_the_old_one_stops_working(client, cast):
    old = confirmed_device(cast.manager)
    sign_in(client, cast.manager)
    page = client.get(reverse("partnership:two_factor_setup")).content.decode()
    assert "Replace your authenticator" in page
    new = TOTPDevice.objects.get(user=cast.manager, confirmed=False)
    response = client.post(
        reverse("partnership:two_factor_setup"), {"code": current_code(new)}, follow=True
    )
    assert "Your new authenticator is set up: the old one no longer works" in (
        response.content.decode()
    )
    assert list(TOTPDevice.objects.filter(user=cast.manager)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(
        actor=cast.manager, subject_id=str(cast.manager.pk), details__two_factor="replaced"
    ).exists()


def test_after_a_reset_by_the_business_unit_manager_the_person_sets_up_a_new_authenticator(
    client, cast, django_capture_on_commit_callbacks
):
    confirmed_device(cast.officer)
    sign_in(client, cast.manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("partnership:person_two_factor_reset", args=[cast.officer.pk]))
    [email] = mail.outbox
    assert email.to == [cast.officer.email]
    assert "was reset by Manager Testperson" in email.body
    client.logout()
    password_only(client, cast.officer)
    page = client.get(reverse("core:dashboard"), follow=True)
    assert "Set up two-factor authentication" in page.content.decode()


def test_a_wrong_security_code_is_a_row_in_the_audit_trail(client, cast):
    confirmed_device(cast.manager)
    password_only(client, cast.manager)
    response = client.post(reverse("partnership:two_factor_verify"), {"code": "000000"})
    assert "Security code is not right or has expired" in response.content.decode()
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.SIGN_IN_FAILED,
        actor=cast.manager,
        details__second_factor="wrong code",
    ).exists()


def test_a_wrong_code_at_set_up_is_a_row_in_the_audit_trail(client, cast):
    password_only(client, cast.manager)
    client.get(reverse("partnership:two_factor_setup"))
    response = client.post(reverse("partnership:two_factor_setup"), {"code": "000000"})
    assert "Security code is not right or has expired" in response.content.decode()
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.SIGN_IN_FAILED,
        actor=cast.manager,
        details__second_factor="wrong code",
    ).exists()


def test_guessing_codes_locks_the_code_page_and_the_lockout_is_audited(client, cast):
    device = confirmed_device(cast.manager)
    password_only(client, cast.manager)
    client.post(reverse("partnership:two_factor_verify"), {"code": "000000"})
    # The right code straight after a wrong one is refused too: guessing is slowed down.
    response = client.post(reverse("partnership:two_factor_verify"), {"code": current_code(device)})
    page = response.content.decode()
    assert "Too many wrong security codes" in page
    assert 'href="#id_code"' in page
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.SIGN_IN_FAILED, actor=cast.manager, details__second_factor="locked"
    ).exists()
    assert client.get(reverse("core:dashboard")).status_code == 302


def test_a_password_lockout_is_a_row_in_the_audit_trail(client, cast):
    for _ in range(5):
        client.post(
            reverse("partnership:sign_in"),
            {"username": cast.practitioner.email, "password": "not-the-password"},
        )
    response = client.post(
        reverse("partnership:sign_in"),
        {"username": cast.practitioner.email, "password": TEST_PASSWORD},
    )
    assert "Your account is locked" in response.content.decode()
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.SIGN_IN_FAILED,
        actor_label=cast.practitioner.email,
        details__locked_out="password",
        partnership=cast.partnership,
    ).exists()
