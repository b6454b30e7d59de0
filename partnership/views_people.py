"""People pages: the business unit invites, edits, deactivates and reactivates accounts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.concurrency import saved_without_conflict
from core.forms import posted
from core.selectors import audit_history
from partnership import access, selectors, services
from partnership.forms import PersonEditForm, PersonInviteForm
from partnership.models import Role, User


@login_required
def person_list(request):
    partnership = access.require_business_unit(request)
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
    partnership = access.require_business_unit(request)
    form = PersonInviteForm(posted(request), partnership=partnership)
    if form.is_valid():
        person = services.person_invite(
            partnership=partnership, by=request.user, **form.cleaned_data
        )
        messages.success(request, f"Invitation sent to {person.email}")
        return redirect("partnership:person_detail", pk=person.pk)
    return render(request, "partnership/person_invite.html", {"form": form})


@login_required
def person_detail(request, pk):
    person = access.get_for_user(request.user, User.objects.select_related("organisation"), pk)
    partnership = access.require_partnership(request)
    return render(
        request,
        "partnership/person_detail.html",
        {
            "person": person,
            "roles": person.role_assignments.filter(partnership=partnership),
            "memberships": person.memberships.select_related("group"),
            "invitation": person.invitations.first(),
            "can_manage": access.is_business_unit(request.user, partnership),
            "can_reset_two_factor": access.is_business_unit_manager(request.user, partnership)
            and person != request.user,
            "history": audit_history(person),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk):
    person = access.get_for_user(request.user, User.objects.all(), pk, write=True)
    partnership = access.require_business_unit(request)
    form = PersonEditForm(posted(request), instance=person, partnership=partnership)
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.person_update(
            person=person,
            partnership=partnership,
            data=form.changed_values(),
            roles=form.cleaned_data["roles"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, f"{person} updated")
        return redirect("partnership:person_detail", pk=person.pk)
    return render(request, "partnership/person_edit.html", {"form": form, "person": person})


@login_required
@require_POST
def person_set_active(request, pk, active):
    person = access.get_for_user(request.user, User.objects.all(), pk, write=True)
    partnership = access.require_business_unit(request)
    if person == request.user:
        messages.error(request, "You cannot deactivate your own account")
    elif active:
        services.person_reactivate(person=person, by=request.user, partnership=partnership)
        messages.success(request, f"{person} can sign in again")
    else:
        services.person_deactivate(person=person, by=request.user, partnership=partnership)
        messages.success(request, f"{person} can no longer sign in")
    return redirect("partnership:person_detail", pk=person.pk)


@login_required
@require_POST
def person_resend_invitation(request, pk):
    person = access.get_for_user(request.user, User.objects.all(), pk, write=True)
    access.require_business_unit(request)
    services.invitation_resend(person=person, by=request.user)
    messages.success(request, f"A new invitation has been sent to {person.email}")
    return redirect("partnership:person_detail", pk=person.pk)


@login_required
@require_POST
def person_two_factor_reset(request, pk):
    person = access.get_for_user(request.user, User.objects.all(), pk, write=True)
    partnership = access.require_business_unit_manager(request)
    services.person_two_factor_reset(person=person, partnership=partnership, by=request.user)
    messages.success(
        request,
        f"Two-factor authentication reset: {person} will set up a new authenticator when they next sign in",
    )
    return redirect("partnership:person_detail", pk=person.pk)
