"""The audit trail records the client's address: from the proxy's header only when a setting names it."""

import pytest
from django.urls import reverse

from core.models import AuditEvent
from core.testing import sign_in

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.5"


def _recorded_ip(client, cast, **headers) -> str:
    sign_in(client, cast.officer)
    client.post(
        reverse("partnership:structure_archive", args=["organisations", cast.hospital.pk]),
        REMOTE_ADDR=PROXY,
        headers=headers,
    )
    return AuditEvent.objects.get(event=AuditEvent.Event.ARCHIVED).ip_address


def test_without_the_setting_a_forwarded_for_header_is_not_trusted(client, cast, settings):
    settings.TRUSTED_PROXY_IP_HEADER = ""
    assert _recorded_ip(client, cast, x_forwarded_for="203.0.113.9") == PROXY


def test_with_the_setting_the_address_our_proxy_added_is_recorded(client, cast, settings):
    settings.TRUSTED_PROXY_IP_HEADER = "X-Forwarded-For"
    # The client wrote the first address itself; our proxy appended the real one.
    forwarded = "198.51.100.66, 203.0.113.9"
    assert _recorded_ip(client, cast, x_forwarded_for=forwarded) == "203.0.113.9"


def test_with_the_setting_another_header_than_the_one_named_is_not_trusted(client, cast, settings):
    settings.TRUSTED_PROXY_IP_HEADER = "X-Real-IP"
    assert _recorded_ip(client, cast, x_forwarded_for="203.0.113.9") == PROXY


@pytest.mark.parametrize("forwarded", ["", "not-an-address", "203.0.113.9, <script>"])
def test_a_missing_or_malformed_proxy_header_falls_back_to_the_connecting_address(
    client, cast, settings, forwarded
):
    settings.TRUSTED_PROXY_IP_HEADER = "X-Forwarded-For"
    assert _recorded_ip(client, cast, x_forwarded_for=forwarded) == PROXY


def test_an_ipv6_client_address_is_recorded(client, cast, settings):
    settings.TRUSTED_PROXY_IP_HEADER = "X-Forwarded-For"
    assert _recorded_ip(client, cast, x_forwarded_for="2001:db8::1") == "2001:db8::1"
