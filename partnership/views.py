"""Partnership structure pages: organisations, areas, groups and linked partnerships."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.concurrency import saved_without_conflict
from core.forms import posted
from core.selectors import audit_history
from partnership import access, policy, selectors, services
from partnership.forms import MembershipForm
from partnership.models import Group, Membership, Partnership
from partnership.structure import KINDS


def _kind(slug: str):
    kind = KINDS.get(slug)
    if kind is None:
        raise Http404("No such kind of record")
    return kind


@login_required
def overview(request):
    partnership = policy.require_partnership(request)
    can_manage = policy.can_manage_partnership(request.user, partnership)
    return render(
        request,
        "partnership/overview.html",
        {
            "partnership": partnership,
            "kinds": KINDS.values(),
            "can_manage": can_manage,
            "is_manager": policy.is_business_unit_manager(request.user, partnership),
            "links_waiting": list(selectors.link_requests_waiting_for(partnership))
            if can_manage
            else [],
        },
    )


@login_required
def structure_list(request, kind):
    kind = _kind(kind)
    partnership = policy.require_partnership(request)
    show_archived = request.GET.get("archived") == "1"
    return render(
        request,
        "partnership/structure_list.html",
        {
            "kind": kind,
            "records": selectors.structure_records(
                kind=kind, partnership=partnership, include_archived=show_archived
            ),
            "show_archived": show_archived,
            "can_manage": policy.can_manage_partnership(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def structure_create(request, kind):
    kind = _kind(kind)
    partnership = policy.require_business_unit(request)
    form = kind.form(posted(request), partnership=partnership)
    if form.is_valid():
        record = services.structure_record_create(
            model=kind.model, partnership=partnership, data=form.changed_values(), by=request.user
        )
        messages.success(request, f"{kind.singular.capitalize()} {record} added")
        return redirect("partnership:structure_detail", kind=kind.slug, pk=record.pk)
    return render(request, "partnership/structure_form.html", {"kind": kind, "form": form})


@login_required
def structure_detail(request, kind, pk):
    kind = _kind(kind)
    record = access.get_for_user(request.user, kind.model.objects.all(), pk)
    context = {
        "kind": kind,
        "record": record,
        "can_manage": policy.can_manage_partnership(request.user, record.partnership),
        "history": audit_history(record),
    }
    if isinstance(record, Group):
        context["memberships"] = selectors.group_memberships(record)
        # Only partnerships served by agreement: a row left without an accepted link gives nothing.
        context["served"] = Partnership.objects.filter(pk__in=access.served_partnership_ids(record))
    return render(request, "partnership/structure_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def structure_edit(request, kind, pk):
    kind = _kind(kind)
    record = access.get_for_user(request.user, kind.model.objects.all(), pk, write=True)
    form = kind.form(
        posted(request),
        instance=record,
        partnership=record.partnership,
    )
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.structure_record_update(
            record=record,
            data=form.changed_values(),
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, f"{kind.singular.capitalize()} {record} updated")
        return redirect("partnership:structure_detail", kind=kind.slug, pk=record.pk)
    return render(
        request, "partnership/structure_form.html", {"kind": kind, "form": form, "record": record}
    )


@login_required
@require_POST
def structure_archive(request, kind, pk):
    kind = _kind(kind)
    record = access.get_for_user(request.user, kind.model.objects.all(), pk, write=True)
    services.structure_record_archive(record=record, by=request.user)
    messages.success(request, f"{kind.singular.capitalize()} {record} archived")
    return redirect("partnership:structure_list", kind=kind.slug)


@login_required
@require_http_methods(["GET", "POST"])
def membership_add(request, pk):
    group = access.get_for_user(request.user, Group.objects.all(), pk, write=True)
    form = MembershipForm(posted(request), group=group)
    if form.is_valid():
        services.membership_add(
            group=group,
            person=form.cleaned_data["person"],
            role=form.cleaned_data["role"],
            by=request.user,
        )
        messages.success(request, f"{form.cleaned_data['person']} added to {group}")
        return redirect("partnership:structure_detail", kind="groups", pk=group.pk)
    return render(request, "partnership/membership_form.html", {"group": group, "form": form})


@login_required
@require_POST
def membership_remove(request, pk):
    membership = access.get_for_user(
        request.user, Membership.objects.select_related("group", "person"), pk, write=True
    )
    group = membership.group
    services.membership_remove(membership=membership, by=request.user)
    messages.success(request, f"{membership.person} removed from {group}")
    return redirect("partnership:structure_detail", kind="groups", pk=group.pk)
