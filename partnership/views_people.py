"""People pages: the business unit invites, edits, deactivates and reactivates accounts.

A business unit acts only on people who work for its own partnership, and only on what that
partnership owns: its role assignments. The account itself (signing in, authenticator, name) of
someone who also works for another partnership is changed only when every partnership they work
for agrees, or by a system administrator; the pages say so rather than refusing with an error.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.concurrency import saved_without_conflict
from core.forms import posted
from core.selectors import audit_history
from partnership import access, policy, selectors, services
from partnership.forms import PersonEditForm, PersonInviteForm
from partnership.models import Partnership, Role, User


@login_required
def person_list(request):
    partnership = policy.require_business_unit(request)
    search = request.GET.get("q", "").strip()
    role = request.GET.get("role", "")
    return render(
        request,
        "partnership/person_list.html",
        {
            "people": selectors.people_of(partnership=partnership, search=search, role=role),
            "search": search,
            "role": role,
            "roles": Role.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_invite(request):
    partnership = policy.require_business_unit(request)
    form = PersonInviteForm(posted(request), partnership=partnership, by=request.user)
    if form.is_valid():
        services.person_invite(partnership=partnership, by=request.user, **form.cleaned_data)
        # The same answer and page whether or not the address already had an account elsewhere.
        messages.success(request, f"Invitation sent to {form.cleaned_data['email']}")
        return redirect("partnership:person_list")
    return render(request, "partnership/person_invite.html", {"form": form})


def _person_here(request, pk, *, write: bool = False) -> tuple[User, Partnership]:
    """A person of the business unit's own partnership (else 404), and that partnership."""
    person = access.get_for_user(
        request.user, User.objects.select_related("organisation"), pk, write=write
    )
    partnership = policy.require_partnership(request)
    if person != request.user or write:
        partnership = policy.require_business_unit(request)
        if not person.role_assignments.filter(partnership=partnership).exists():
            raise Http404("This person does not work for your partnership")
    return person, partnership


@login_required
def person_detail(request, pk):
    person, partnership = _person_here(request, pk)
    can_manage = policy.can_manage_partnership(request.user, partnership)
    return render(
        request,
        "partnership/person_detail.html",
        {
            "person": person,
            "roles": person.role_assignments.filter(partnership=partnership),
            "memberships": person.memberships.filter(group__partnership=partnership).select_related(
                "group"
            ),
            "invitation": person.invitations.first(),
            "can_manage": can_manage,
            "also_works_for": selectors.other_partnerships_of(person, partnership),
            "account_refusal": selectors.account_change_refusal(
                person=person, partnership=partnership, by=request.user
            )
            if can_manage
            else "",
            "can_reset_two_factor": policy.is_business_unit_manager(request.user, partnership)
            and person != request.user,
            "history": audit_history(person, partnership=partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk):
    person, partnership = _person_here(request, pk, write=True)
    form = PersonEditForm(
        posted(request),
        instance=person,
        partnership=partnership,
        by=request.user,
        also_works_for=selectors.other_partnerships_of(person, partnership),
    )
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.person_update(
            person=person,
            partnership=partnership,
            data=form.details(),
            roles=form.cleaned_data["roles"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        if not form.cleaned_data["roles"]:
            messages.success(request, f"{person} no longer works for your partnership")
            return redirect("partnership:person_list")
        messages.success(request, f"{person} updated")
        return redirect("partnership:person_detail", pk=person.pk)
    return render(request, "partnership/person_edit.html", {"form": form, "person": person})


def _account_action(
    request, pk, action, done: str, *, managers_only: bool = False, own_refusal: str = ""
):
    """Runs `action` on a person's account if this partnership may change it alone."""
    person, partnership = _person_here(request, pk, write=True)
    if managers_only:
        policy.require_business_unit_manager(request)
    try:
        if person == request.user and own_refusal:
            raise services.AccountChangeRefused(own_refusal)
        action(person=person, partnership=partnership, by=request.user)
    except services.AccountChangeRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, done.format(person=person))
    return redirect("partnership:person_detail", pk=person.pk)


@login_required
@require_POST
def person_set_active(request, pk, active):
    action, done = (
        (services.person_reactivate, "{person} can sign in again")
        if active
        else (services.person_deactivate, "{person} can no longer sign in")
    )
    return _account_action(
        request, pk, action, done, own_refusal="You cannot deactivate your own account"
    )


@login_required
@require_POST
def person_resend_invitation(request, pk):
    return _account_action(
        request,
        pk,
        services.invitation_resend,
        "A new invitation has been sent to {person.email}",
    )


@login_required
@require_POST
def person_two_factor_reset(request, pk):
    return _account_action(
        request,
        pk,
        services.person_two_factor_reset,
        "Two-factor authentication reset: {person} will set up a new authenticator when they "
        "next sign in",
        managers_only=True,
    )
