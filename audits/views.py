"""The audit programme: its years, the audits planned in each and an audit's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from audits import periods, policy, rules, selectors, services
from audits.forms import AuditForm, ProgrammeForm
from audits.models import Audit, AuditProgramme
from core.concurrency import EditConflict
from core.forms import posted
from partnership import access


def form_page(request, form, title: str, back=None, **extra):
    return render(
        request, "audits/form.html", {"form": form, "title": title, "back": back, **extra}
    )


def attempt(form, save):
    """What `save` returns; None if the service refused it or the page was stale, which the form
    then shows."""
    try:
        return save()
    except EditConflict as conflict:
        form.add_error(None, str(conflict))
    except ValidationError as refused:
        for reason in refused.messages:
            form.add_error(None, reason)
    return None


def posted_version(request) -> int:
    """The version of the record the page was loaded at (0, which never matches, if missing)."""
    version = request.POST.get("version", "")
    return int(version) if version.isdigit() else 0


@login_required
def programme_list(request):
    partnership = policy.require_reader(request)
    return render(
        request,
        "audits/programme_list.html",
        {
            "programmes": selectors.programmes(partnership),
            "can_manage": policy.can_manage_audits(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request):
    partnership = policy.require_manager(request)
    years = selectors.free_years(partnership, periods.year_containing(timezone.localdate()))
    form = ProgrammeForm(posted(request), years=years)
    if form.is_valid():
        programme = services.programme_create(
            partnership=partnership, by=request.user, **form.cleaned_data
        )
        messages.success(request, f"{programme} opened")
        return redirect(programme)
    return form_page(request, form, "Open an audit programme", button="Open the programme")


@login_required
def programme_detail(request, pk):
    programme = access.get_for_user(request.user, AuditProgramme.objects, pk)
    return render(
        request,
        "audits/programme_detail.html",
        {
            "programme": programme,
            "quarters": selectors.quarters(programme),
            "can_manage": policy.can_manage_audits(request.user, programme),
        },
    )


def _audit_form(request, partnership, **kwargs) -> AuditForm:
    return AuditForm(
        posted(request),
        partnership=partnership,
        proposals=selectors.proposals_to_plan(partnership),
        recommendations=selectors.review_recommendations(partnership),
        findings=selectors.inspection_findings(partnership),
        **kwargs,
    )


@login_required
@require_http_methods(["GET", "POST"])
def audit_create(request, pk):
    programme = access.get_for_user(request.user, AuditProgramme.objects, pk, write=True)
    services.standard_tool_seed(partnership=programme.partnership)
    form = _audit_form(request, programme.partnership, initial=_initial(request, programme))
    planned = form.is_valid() and attempt(
        form,
        lambda: services.audit_plan(
            programme=programme,
            tool=form.cleaned_data["tool"],
            data=form.changed_values(),
            by=request.user,
        ),
    )
    if planned:
        messages.success(request, f"{planned.learning_reference} planned")
        return redirect(planned)
    return form_page(
        request,
        form,
        f"Plan an audit in the {programme}",
        programme,
        button="Plan the audit",
    )


def _initial(request, programme: AuditProgramme) -> dict:
    """A plan started from an audit proposal (its page links here) starts from its title and focus."""
    initial = {"quarter": periods.quarter_of(timezone.localdate())}
    proposal = (
        selectors.proposals_to_plan(programme.partnership)
        .filter(pk=request.GET.get("proposal") or None)
        .first()
    )
    if proposal is not None:
        initial.update(
            title=proposal.title,
            practice_focus=proposal.focus,
            prompt=Audit.Prompt.AUDIT_PROPOSAL,
            audit_proposal=proposal.pk,
        )
    return initial


@login_required
def audit_detail(request, pk):
    planned = access.get_for_user(
        request.user,
        Audit.objects.select_related(
            "programme", "theme", "owner_group", "audit_proposal", "tool_version__tool"
        ),
        pk,
    )
    can_manage = policy.can_manage_audits(request.user, planned)
    return render(
        request,
        "audits/audit_detail.html",
        {
            "audit": planned,
            "can_manage": can_manage,
            "cases": selectors.cases_of(planned, request.user) if can_manage else None,
            "next_stage": dict(Audit.Status.choices).get(rules.next_stage_by_hand(planned.status)),
            "similar": selectors.similar_to_audit(planned, request.user)
            if planned.status == Audit.Status.PLANNED
            else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def audit_edit(request, pk):
    planned = access.get_for_user(request.user, Audit.objects, pk, write=True)
    form = _audit_form(request, planned.partnership, instance=planned)
    if form.is_valid() and attempt(
        form,
        lambda: services.audit_update(
            planned=planned,
            data=form.changed_values(),
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, f"{planned.learning_reference} updated")
        return redirect(planned)
    return form_page(
        request, form, f"Change {planned.learning_reference}", planned, button="Save the plan"
    )


@login_required
@require_POST
def audit_move_on(request, pk):
    planned = access.get_for_user(request.user, Audit.objects, pk, write=True)
    try:
        services.audit_move_on(
            planned=planned, expected_version=posted_version(request), by=request.user
        )
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    except EditConflict as conflict:
        messages.error(request, str(conflict))
    else:
        messages.success(
            request, f"{planned.learning_reference} moved to {planned.get_status_display()}"
        )
    return redirect(planned)
