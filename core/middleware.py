import ipaddress

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from core import audit


def client_ip(request) -> str | None:
    """The address of the person making the request, for the audit trail.

    Behind a proxy, REMOTE_ADDR is the proxy's; the client's is in a header the proxy sets, named
    by TRUSTED_PROXY_IP_HEADER. Anyone can send that header, so it is read only when the setting
    says a proxy of ours sets it, and then only its last address: the one our proxy added, after
    whatever the client put there.
    """
    header = settings.TRUSTED_PROXY_IP_HEADER
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        candidate = value.rsplit(",", 1)[-1].strip()
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass  # no usable address: the proxy's own is better than none
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    """Gives every audit row written during a request its origin and one shared action id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = audit.set_context(
            audit.AuditContext(
                ip_address=client_ip(request),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
            )
        )
        try:
            return self.get_response(request)
        finally:
            audit.reset_context(token)


class NoStoreForSignedInMiddleware:
    """Tells browsers and proxies to keep no copy of any page shown to a signed-in person.

    Many pages of a signed-in person show identifying details of children or people: rather than
    trusting each view to say so, every response to a signed-in person is marked no-store, so that
    a shared computer's cache or the back button after sign-out shows nothing. Static files, served
    before this runs, stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
