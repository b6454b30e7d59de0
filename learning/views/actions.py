"""Actions: adding them, progress from the owning agency, closing with evidence, and action plans."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core import services as core_services
from core.concurrency import EditConflict
from core.exports import csv_response, xlsx_response
from core.forms import posted
from core.pdf import pdf_response
from core.selectors import audit_history
from learning import impact, policy, selectors, selectors_impact, services
from learning.citations import citable_for
from learning.forms import (
    ActionForm,
    ActionIndicatorForm,
    ActionPlanFilterForm,
    ActionProgressForm,
    EvidenceForm,
)
from learning.models import Action, ActionIndicator, EvidenceOfImpact, Recommendation
from learning.views.common import refusal
from partnership import access

EXPORT_COLUMNS = [
    ("reference", "Action"),
    ("source", "Source"),
    ("source_title", "Source title"),
    ("recommendation", "Recommendation"),
    ("action", "What will be done"),
    ("organisation", "Owner organisation"),
    ("owner", "Owner"),
    ("group", "Owning group"),
    ("due_date", "Due date"),
    ("status", "Status"),
]


def _action(request, pk, *, write=False):
    return access.get_for_user(
        request.user,
        Action.objects.select_related(
            "recommendation__owning_group", "owner_organisation", "owner_person", "partnership"
        ),
        pk,
        write=write,
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request, pk):
    recommendation = access.get_for_user(request.user, Recommendation.objects.all(), pk, write=True)
    form = ActionForm(posted(request), partnership=recommendation.partnership)
    if form.is_valid():
        action = services.action_create(
            recommendation=recommendation, **form.cleaned_data, by=request.user
        )
        messages.success(request, f"Action {action.reference} added")
        return redirect(recommendation.source)
    return render(
        request,
        "learning/form.html",
        {
            "form": form,
            "title": f"Add an action to recommendation {recommendation.reference}",
            "back": recommendation.source,
        },
    )


@login_required
def action_detail(request, pk):
    action = _action(request, pk)
    evidence = (
        EvidenceOfImpact.objects.filter(action=action)
        .select_related("signed_off_by", "signed_off_by_group")
        .first()
    )
    return render(
        request,
        "learning/action_detail.html",
        {
            "action": action,
            "evidence": evidence,
            "impact": selectors_impact.action_impacts([action])[0],
            "can_sign_off": evidence is not None
            and policy.can_sign_off_evidence(request.user, evidence),
            "indicators_offered": impact.indicator_source() is not None,
            "source": action.recommendation.source,
            "updates": selectors.action_updates(action),
            "can_update": policy.can_update_action(request.user, action),
            "can_manage": policy.can_manage_learning(request.user, action.partnership),
            "history": audit_history(action),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_update(request, pk):
    action = _action(request, pk)
    # Agency contributors update their own organisation's actions only; the business unit any.
    if not policy.can_update_action(request.user, action):
        raise PermissionDenied("Only the owning organisation or the business unit can update this")
    form = ActionProgressForm(posted(request), initial={"status": action.status})
    if form.is_valid():
        try:
            services.action_update_progress(action=action, **form.cleaned_data, by=request.user)
        except (ValidationError, EditConflict) as refused:
            form.add_error(None, refusal(refused))
        else:
            messages.success(request, f"Progress on {action.reference} recorded")
            return redirect(action)
    return render(
        request,
        "learning/form.html",
        {"form": form, "title": f"Update progress on action {action.reference}", "back": action},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_close(request, pk):
    action = _action(request, pk, write=True)
    form = EvidenceForm(posted(request), citable=citable_for(action))
    if form.is_valid():
        try:
            services.action_close(action=action, **form.cleaned_data, by=request.user)
        except (ValidationError, EditConflict) as refused:
            form.add_error(None, refusal(refused))
        else:
            messages.success(request, f"Action {action.reference} closed with evidence of impact")
            return redirect(action)
    return render(
        request,
        "learning/form.html",
        {
            "form": form,
            "title": f"Close action {action.reference} with evidence of impact",
            "lede": f"A member of {action.recommendation.owning_group}, the recommendation's "
            "owning group, then signs off the evidence.",
            "back": action,
        },
    )


@login_required
@require_http_methods(["POST"])
def evidence_sign_off(request, pk):
    action = _action(request, pk)
    evidence = EvidenceOfImpact.objects.filter(action=action).select_related("action").first()
    if evidence is None or not policy.can_sign_off_evidence(request.user, evidence):
        raise PermissionDenied("Only a member of the owning group can sign off this evidence")
    services.evidence_sign_off(evidence=evidence, by=request.user)
    messages.success(request, f"Evidence of impact of {action.reference} signed off")
    return redirect(action)


@login_required
@require_http_methods(["GET", "POST"])
def action_indicator_add(request, pk):
    action = _action(request, pk, write=True)
    source = impact.indicator_source()
    if source is None:
        raise Http404("There is no performance framework")
    form = ActionIndicatorForm(
        posted(request),
        choices=[("", "Select an indicator"), *source.choices(action.partnership)],
    )
    if form.is_valid():
        try:
            services.action_indicator_add(
                action=action,
                indicator_id=form.cleaned_data["indicator"],
                expected=form.cleaned_data["expected"],
                by=request.user,
            )
        except ValidationError as refused:
            form.add_error("indicator", refusal(refused))
        else:
            messages.success(request, f"Indicator added to {action.reference}")
            return redirect(action)
    return render(
        request,
        "learning/form.html",
        {
            "form": form,
            "title": f"Name an indicator action {action.reference} aims to move",
            "back": action,
        },
    )


@login_required
@require_http_methods(["POST"])
def action_indicator_remove(request, pk, link_pk):
    action = _action(request, pk, write=True)
    link = get_object_or_404(ActionIndicator, pk=link_pk, action=action)
    services.action_indicator_remove(link=link, by=request.user)
    messages.success(request, f"Indicator taken off {action.reference}")
    return redirect(action)


def _plan(request):
    partnership = policy.require_reader(request)
    form = ActionPlanFilterForm(request.GET or None, partnership=partnership)
    filters = selectors.ActionFilters()
    if form.is_bound and not form.is_valid():
        # Refused filters list nothing, rather than every action in their place.
        return partnership, form, Action.objects.none()
    if form.is_bound:
        data = form.cleaned_data
        filters = selectors.ActionFilters(
            organisation=data["organisation"].pk if data["organisation"] else None,
            group=data["group"].pk if data["group"] else None,
            theme=data["theme"].pk if data["theme"] else None,
            status=data["status"],
            source=data["source"],
        )
    return partnership, form, selectors.action_plan(partnership=partnership, filters=filters)


@login_required
def action_plan(request):
    _, form, actions = _plan(request)
    page = Paginator(actions, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "learning/action_plan.html",
        {
            "form": form,
            "rows": selectors.action_rows(page.object_list),
            "page": page,
            "query": query.urlencode(),
        },
    )


@login_required
def action_plan_export(request, fmt):
    if fmt not in ("csv", "xlsx", "pdf"):
        raise Http404("No such format")
    partnership, form, actions = _plan(request)
    if form.errors:
        return redirect(f"{reverse('learning:action_plan')}?{request.GET.urlencode()}")
    rows = selectors.action_rows(actions)
    core_services.download_recorded(
        by=request.user,
        partnership=partnership,
        details={"export": f"action plan ({fmt})", "rows": len(rows)},
    )
    if fmt == "pdf":
        return pdf_response(
            "learning/action_plan_print.html",
            {"rows": rows, "partnership": partnership, "columns": EXPORT_COLUMNS},
            "action-plan.pdf",
        )
    table = [[label for _, label in EXPORT_COLUMNS]] + [
        [row[name] for name, _ in EXPORT_COLUMNS] for row in rows
    ]
    if fmt == "csv":
        return csv_response("action-plan.csv", table)
    return xlsx_response("action-plan.xlsx", "Action plan", table)
