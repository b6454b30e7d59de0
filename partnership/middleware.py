from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from partnership import access, selectors

_SET_UP = "/account/two-factor/"
# Pages a signed-in person may reach before their second factor is checked.
_OPEN_PREFIXES = (
    "/sign-in/",
    "/sign-out/",
    "/static/",
    "/healthz",
    "/learn/",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
)


class TwoFactorRequiredMiddleware:
    """Holds a signed-in person at the code page until their second factor is verified.

    Anyone who has an authenticator must use it, and reaches nothing else (not even the set-up
    page, where a password alone could enrol a new one). Those whose roles show identifying
    details and have none yet must set one up first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(_OPEN_PREFIXES)
        ):
            if selectors.has_authenticator(user):
                return redirect(f"{reverse('partnership:two_factor_verify')}?next={request.path}")
            if access.requires_two_factor(user) and not request.path.startswith(_SET_UP):
                return redirect("partnership:two_factor_setup")
        return self.get_response(request)


class CurrentPartnershipMiddleware:
    """Puts the partnership a person works in on the request, read only when a view asks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.partnership = SimpleLazyObject(lambda: access.current_partnership(request.user))
        return self.get_response(request)
