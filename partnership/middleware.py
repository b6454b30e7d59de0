from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from partnership import access

# Pages a signed-in person may reach before their second factor is checked.
_OPEN_PREFIXES = (
    "/sign-in/",
    "/sign-out/",
    "/account/two-factor/",
    "/static/",
    "/healthz",
    "/learn/",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
)


class TwoFactorRequiredMiddleware:
    """Holds a signed-in person at the code page until their second factor is verified.

    Those whose roles show identifying details must set one up; anyone who has set one up
    must use it.
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
            from django_otp import devices_for_user

            if any(True for _ in devices_for_user(user, confirmed=True)):
                return redirect(f"{reverse('partnership:two_factor_verify')}?next={request.path}")
            if access.requires_two_factor(user):
                return redirect("partnership:two_factor_setup")
        return self.get_response(request)


class CurrentPartnershipMiddleware:
    """Puts the partnership a person works in on the request, read only when a view asks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.partnership = SimpleLazyObject(lambda: access.current_partnership(request.user))
        return self.get_response(request)
