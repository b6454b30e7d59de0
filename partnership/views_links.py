"""Links between partnerships: one business unit asks, the other accepts or declines, either ends it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import posted
from partnership import access, policy, selectors, services
from partnership.forms import LinkRequestForm
from partnership.models import PartnershipLink


@login_required
def link_list(request):
    partnership = policy.require_business_unit(request)
    return render(
        request,
        "partnership/link_list.html",
        {"partnership": partnership, "links": selectors.links_of(partnership)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def link_request(request):
    partnership = policy.require_business_unit(request)
    form = LinkRequestForm(posted(request), partnership=partnership)
    if form.is_valid():
        link = services.link_request(
            requesting=partnership,
            receiving=form.cleaned_data["partnership"],
            purpose=form.cleaned_data["purpose"],
            by=request.user,
        )
        messages.success(request, f"Link requested: {link.receiving}'s business unit is asked")
        return redirect("partnership:link_list")
    return render(request, "partnership/link_request.html", {"form": form})


def _link_to_change(request, pk, *, receiving_only: bool) -> PartnershipLink:
    """A link of one's own business unit (else 404); answering is for the receiving side (else 403)."""
    link = access.get_for_user(
        request.user, PartnershipLink.objects.select_related("requesting", "receiving"), pk
    )
    sides = [link.receiving] if receiving_only else [link.requesting, link.receiving]
    if not any(policy.can_manage_partnership(request.user, side) for side in sides):
        raise PermissionDenied("Only the business unit asked can answer a link request")
    return link


def _changed(request, change, done: str):
    try:
        link = change()
    except services.LinkAlreadyAnswered as answered:
        messages.error(request, str(answered))
    else:
        messages.success(request, f"{done}: {link}")
    return redirect("partnership:link_list")


@login_required
@require_POST
def link_accept(request, pk):
    link = _link_to_change(request, pk, receiving_only=True)
    return _changed(
        request,
        lambda: services.link_answer(link=link, accept=True, by=request.user),
        "Link accepted",
    )


@login_required
@require_POST
def link_decline(request, pk):
    link = _link_to_change(request, pk, receiving_only=True)
    return _changed(
        request,
        lambda: services.link_answer(link=link, accept=False, by=request.user),
        "Link declined",
    )


@login_required
@require_POST
def link_end(request, pk):
    link = _link_to_change(request, pk, receiving_only=False)
    return _changed(request, lambda: services.link_end(link=link, by=request.user), "Link ended")
