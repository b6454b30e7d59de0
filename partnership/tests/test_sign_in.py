"""Signing in: passwords, lockout, two-factor codes, session expiry and password reset."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import AuditEvent
from core.testing import TEST_PASSWORD, confirmed_device, current_code

pytestmark = pytest.mark.django_db


def sign_in_form(client, email, password=TEST_PASSWORD):
    return client.post(reverse("partnership:sign_in"), {"username": email, "password": password})


def test_a_practitioner_signs_in_with_email_and_password_and_reaches_the_dashboard(client, cast):
    response = sign_in_form(client, cast.practitioner.email)
    assert response.status_code == 302
    assert client.get(reverse("core:dashboard")).status_code == 200


def test_a_wrong_password_is_refused_with_a_message_and_kept_in_the_audit_trail(client, cast):
    response = sign_in_form(client, cast.practitioner.email, "not-the-password")
    assert response.status_code == 200
    assert "Enter a correct email address and password" in response.content.decode()
    failure = AuditEvent.objects.get(event=AuditEvent.Event.SIGN_IN_FAILED)
    assert failure.actor_label == cast.practitioner.email
    assert failure.partnership == cast.partnership


def test_a_successful_sign_in_is_kept_in_the_audit_trail(client, cast):
    sign_in_form(client, cast.practitioner.email)
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.SIGNED_IN, actor=cast.practitioner
    ).exists()


def test_five_failed_sign_ins_lock_the_account_even_against_the_right_password(client, cast):
    for _ in range(5):
        sign_in_form(client, cast.practitioner.email, "wrong-password")
    response = sign_in_form(client, cast.practitioner.email)
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()


def test_a_deactivated_person_cannot_sign_in(client, cast):
    cast.practitioner.is_active = False
    cast.practitioner.save()
    response = sign_in_form(client, cast.practitioner.email)
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


def test_a_role_that_sees_identifying_details_must_set_up_two_factor_before_any_page(client, cast):
    sign_in_form(client, cast.manager.email)
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("partnership:two_factor_setup")


def test_two_factor_setup_turns_on_with_a_code_from_the_new_authenticator(client, cast):
    sign_in_form(client, cast.manager.email)
    client.get(reverse("partnership:two_factor_setup"))
    device = TOTPDevice.objects.get(user=cast.manager, confirmed=False)
    response = client.post(reverse("partnership:two_factor_setup"), {"code": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("core:dashboard")).status_code == 200


def test_someone_with_two_factor_is_asked_for_the_code_before_any_page(client, cast):
    confirmed_device(cast.manager)
    sign_in_form(client, cast.manager.email)
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("partnership:two_factor_verify"))


def test_a_wrong_security_code_is_refused_with_a_message(client, cast):
    confirmed_device(cast.manager)
    sign_in_form(client, cast.manager.email)
    response = client.post(reverse("partnership:two_factor_verify"), {"code": "000000"})
    assert "Security code is not right or has expired" in response.content.decode()
    assert client.get(reverse("core:dashboard")).status_code == 302


def test_the_right_security_code_lets_the_person_in(client, cast):
    device = confirmed_device(cast.manager)
    sign_in_form(client, cast.manager.email)
    client.post(reverse("partnership:two_factor_verify"), {"code": current_code(device)})
    assert client.get(reverse("core:dashboard")).status_code == 200


def test_a_session_ends_after_thirty_minutes_without_activity(client, cast):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        sign_in_form(client, cast.practitioner.email)
        traveller.shift(timedelta(minutes=29))
        assert client.get(reverse("core:dashboard")).status_code == 200
        traveller.shift(timedelta(minutes=29))  # activity above restarted the clock
        assert client.get(reverse("core:dashboard")).status_code == 200
        traveller.shift(timedelta(minutes=31))
        assert client.get(reverse("core:dashboard")).status_code == 302


def test_password_reset_emails_a_link_that_sets_a_new_password(client, cast):
    client.post(reverse("partnership:password_reset"), {"email": cast.practitioner.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/sign-in/reset-password/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    new_password = "a-brand-new-long-password"
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert sign_in_form(client, cast.practitioner.email, new_password).status_code == 302


def test_password_reset_says_the_same_for_an_unknown_address(client, cast):
    response = client.post(
        reverse("partnership:password_reset"), {"email": "nobody@test.example"}, follow=True
    )
    assert "If the address you gave has an account" in response.content.decode()
    assert mail.outbox == []


def test_the_public_site_is_open_to_someone_signed_in_before_their_security_code(client, cast):
    confirmed_device(cast.manager)
    sign_in_form(client, cast.manager.email)
    assert client.get(reverse("public:index", args=[cast.partnership.slug])).status_code == 200
