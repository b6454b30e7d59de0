"""The quarterly report, the indicator catalogue and the group's scrutiny."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core.concurrency import saved_without_conflict
from core.forms import posted
from core.pdf import pdf_response
from core.selectors import audit_history
from partnership import access
from performance import periods, policy, selectors, services
from performance.forms import IndicatorForm, ReportFilterForm, ScrutinyForm
from performance.models import AuditProposal, Indicator, Scrutiny


def _report_context(request) -> dict:
    """The report for the filters asked for; with filters the form refuses, only the form and its
    errors (`report.rows` is then never read), never a report of other filters in their place."""
    partnership = policy.require_reader(request)
    report = selectors.quarterly_report(partnership=partnership, quarter=None)
    form = ReportFilterForm(
        request.GET or None,
        initial={"quarter": str(report.quarter), "place": report.place, "theme": report.theme},
        quarters=report.quarters,
        places=report.places,
    )
    if form.is_bound and form.is_valid():
        chosen = form.cleaned_data
        report = selectors.quarterly_report(
            partnership=partnership,
            quarter=periods.Quarter.parse(chosen["quarter"]) if chosen["quarter"] else None,
            place=chosen["place"],
            theme=chosen["theme"],
        )
    return {
        "report": report,
        "form": form,
        "scrutinies": selectors.scrutinies_for(
            partnership=partnership, period=report.quarter.index if report.quarter else None
        ),
        "can_manage": policy.can_manage_performance(request.user, partnership),
    }


@login_required
def report(request):
    context = _report_context(request)
    # The report's body is cached under this version (see the template): rendering forty charts
    # costs far more than reading whether anything in them changed.
    context["version"] = selectors.report_version(context["report"].partnership)
    return render(request, "performance/report.html", context)


@login_required
def report_pdf(request):
    context = _report_context(request)
    if context["form"].errors:
        return redirect(f"{reverse('performance:report')}?{request.GET.urlencode()}")
    return pdf_response(
        "performance/report_print.html",
        context,
        f"quarterly-performance-{context['report'].quarter or 'empty'}.pdf",
    )


@login_required
def indicator_list(request):
    partnership = policy.require_reader(request)
    return render(
        request,
        "performance/indicator_list.html",
        {
            "indicators": Indicator.objects.filter(partnership=partnership, archived_at=None),
            "can_manage": policy.can_manage_performance(request.user, partnership),
        },
    )


@login_required
def indicator_detail(request, pk):
    indicator = access.get_for_user(request.user, Indicator.objects.all(), pk)
    report = selectors.quarterly_report(
        partnership=indicator.partnership, quarter=None, only_indicator=indicator
    )
    return render(
        request,
        "performance/indicator_detail.html",
        {
            "indicator": indicator,
            "quarter": report.quarter,
            "row": report.rows[0] if report.rows else None,
            "scrutinies": indicator.scrutinies.select_related("asked_of", "area"),
            "history": audit_history(indicator),
            "can_manage": policy.can_manage_performance(request.user, indicator.partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create(request):
    partnership = policy.require_manager(request)
    form = IndicatorForm(posted(request), partnership=partnership)
    if form.is_valid():
        indicator = services.indicator_create(
            partnership=partnership, data=form.changed_values(), by=request.user
        )
        messages.success(request, f"Indicator {indicator} added")
        return redirect(indicator)
    return render(request, "performance/indicator_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk):
    indicator = access.get_for_user(request.user, Indicator.objects.all(), pk, write=True)
    form = IndicatorForm(
        posted(request),
        instance=indicator,
        partnership=indicator.partnership,
    )
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.indicator_update(
            indicator=indicator,
            data=form.changed_values(),
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, f"Indicator {indicator} updated")
        return redirect(indicator)
    return render(
        request, "performance/indicator_form.html", {"form": form, "indicator": indicator}
    )


@login_required
@require_http_methods(["GET", "POST"])
def scrutiny_create(request):
    partnership = policy.require_manager(request)
    form = ScrutinyForm(
        posted(request),
        initial={"quarter": request.GET.get("quarter"), "indicator": request.GET.get("indicator")},
        partnership=partnership,
        quarters=selectors.quarters_with_data(partnership),
    )
    if form.is_valid():
        scrutiny = services.scrutiny_record(
            partnership=partnership,
            period=form.period,
            indicator=form.cleaned_data["indicator"],
            area=form.cleaned_data["area"],
            question=form.cleaned_data["question"],
            asked_of=form.cleaned_data["asked_of"],
            answer=form.cleaned_data["answer"],
            outcome=form.cleaned_data["outcome"],
            by=request.user,
            finding=form.finding,
            audit_proposal=form.audit_proposal,
        )
        messages.success(request, f"{scrutiny} recorded")
        return redirect(scrutiny)
    return render(request, "performance/scrutiny_form.html", {"form": form})


@login_required
def scrutiny_detail(request, pk):
    scrutiny = access.get_for_user(
        request.user,
        Scrutiny.objects.select_related("indicator", "area", "asked_of", "recorded_by"),
        pk,
    )
    proposal = AuditProposal.objects.filter(scrutiny=scrutiny).first()
    return render(
        request,
        "performance/scrutiny_detail.html",
        {
            "scrutiny": scrutiny,
            "similar": selectors.similar_to_audit_proposal(proposal, request.user)
            if proposal
            else None,
        },
    )


@login_required
def audit_proposal_list(request):
    partnership = policy.require_reader(request)
    return render(
        request,
        "performance/audit_proposal_list.html",
        {"proposals": selectors.audit_proposals(partnership=partnership)},
    )
