"""Signing in and out, two-factor codes, invitations and password reset."""

from base64 import b32encode

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.forms import posted
from partnership import access, selectors, services
from partnership.forms import SignInForm, TwoFactorCodeForm


class SignInView(auth_views.LoginView):
    template_name = "partnership/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


def _safe_next(request, fallback: str = "core:dashboard"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback)


def _code_checked(request, form, *, stage: str) -> bool:
    """Whether the form's code is right; a refused one is written to the audit trail."""
    if form.is_valid():
        return True
    if form.refusal:
        services.two_factor_code_refused(person=request.user, refusal=form.refusal, stage=stage)
    return False


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    if request.user.is_verified():
        return _safe_next(request)
    form = TwoFactorCodeForm(posted(request), user=request.user)
    if _code_checked(request, form, stage="sign-in"):
        django_otp.login(request, form.matched_device)
        return _safe_next(request)
    return render(
        request,
        "partnership/two_factor_verify.html",
        {"form": form, "next": request.GET.get("next", "")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Sets up a first authenticator, or with a session that has shown a code, replaces it."""
    replacing = request.user.is_verified()
    if not replacing and selectors.has_authenticator(request.user):
        # Only a session that has shown a code from the existing authenticator, or a reset by the
        # business unit manager, may change it: a password alone must never enrol a new one.
        return redirect(f"{reverse('partnership:two_factor_verify')}?next={request.path}")
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = TwoFactorCodeForm(posted(request), user=request.user, device=device)
    if _code_checked(request, form, stage="set-up"):
        services.two_factor_turn_on(person=request.user, device=device)
        django_otp.login(request, device)
        if replacing:
            messages.success(
                request, "Your new authenticator is set up: the old one no longer works"
            )
            return redirect("partnership:account")
        messages.success(request, "Two-factor authentication is set up")
        return redirect("core:dashboard")
    return render(
        request,
        "partnership/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#0b0c0c"),
            "secret": b32encode(device.bin_key).decode(),
            "required": access.requires_two_factor(request.user),
            "replacing": replacing,
        },
    )


@login_required
def account(request):
    return render(
        request,
        "partnership/account.html",
        {
            "has_two_factor": TOTPDevice.objects.filter(user=request.user, confirmed=True).exists(),
            "requires_two_factor": access.requires_two_factor(request.user),
            "roles": request.user.role_assignments.select_related("partnership"),
        },
    )


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    invitation = services.invitation_from_token(token)
    if invitation is None:
        return render(request, "partnership/invitation_invalid.html", status=400)
    form = SetPasswordForm(invitation.person, posted(request))
    if form.is_valid():
        services.invitation_accept(
            invitation=invitation, password=form.cleaned_data["new_password1"]
        )
        messages.success(
            request, "Your account is ready: sign in with your email address and new password"
        )
        return redirect("partnership:sign_in")
    return render(
        request, "partnership/accept_invitation.html", {"form": form, "person": invitation.person}
    )
