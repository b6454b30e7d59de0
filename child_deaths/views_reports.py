"""Trends, the CDOP yearly report and the NCMD-style export: no identifying details, small counts hidden."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from child_deaths import access as death_access
from child_deaths import policy, rules, selectors, services
from child_deaths.forms import ReportYearForm, TrendFilterForm
from child_deaths.models import ChildDeath
from core.exports import csv_response
from core.pdf import pdf_response
from partnership.models import Partnership
from partnership.policy import require


def _statistics_scope(request):
    """Deaths whose suppressed statistics the person may read, and their partnerships."""
    if not policy.can_read_statistics(request.user):
        raise PermissionDenied(
            "Child death statistics are for the panel, the business unit and partner leads"
        )
    ids = death_access.statistics_partnership_ids(request.user)
    return ChildDeath.objects.for_statistics(request.user), Partnership.objects.filter(pk__in=ids)


def _filtered(request):
    """The filtered deaths and those the filters leave out (None unfiltered). Filters that leave
    out 1 to 4 deaths are refused: the two views would differ by a small number."""
    everything, partnerships = _statistics_scope(request)
    form = TrendFilterForm(request.GET or None, partnerships=partnerships)
    if not form.is_valid():
        return form, (everything.none() if form.is_bound else everything), None
    deaths = selectors.trend_filter(everything, **form.cleaned_data)
    outside = selectors.outside_filters(everything, deaths)
    if rules.is_small(selectors.child_deaths_only(outside).count()):
        form.add_error(
            None,
            f"These filters leave out fewer than {rules.SMALL_COUNT_LIMIT} deaths, which could "
            "identify a child: widen the filters or remove one",
        )
        return form, everything.none(), None
    return form, deaths, outside


@login_required
def trends(request):
    form, deaths, outside = _filtered(request)
    return render(
        request,
        "child_deaths/trends.html",
        {
            "form": form,
            "total": rules.suppress(deaths.count()),
            "breakdowns": selectors.trends(deaths, outside=outside),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def trends_csv(request):
    form, deaths, outside = _filtered(request)
    if form.errors:
        return redirect(f"{reverse('child_deaths:trends')}?{request.GET.urlencode()}")
    services.deaths_exported(
        partnership_ids=death_access.statistics_partnership_ids(request.user),
        export="child death trends CSV",
        filters=request.GET.dict(),
        by=request.user,
    )
    return csv_response(
        "child-death-trends.csv",
        [
            ["dimension", "value", "deaths"],
            *(
                [breakdown.title, label, count]
                for breakdown in selectors.trends(deaths, outside=outside)
                for label, count in breakdown.rows
            ),
        ],
    )


def _report_context(request) -> dict:
    deaths, partnerships = _statistics_scope(request)
    this_year = rules.financial_year(timezone.localdate())
    form = ReportYearForm(request.GET or None, years=range(this_year, 2018, -1))
    if form.is_bound and not form.is_valid():
        # No report of another year in place of the one asked for: the form shows what is wrong.
        return {"form": form, "report": None, "partnerships": partnerships}
    year = form.cleaned_data["year"] if form.is_bound else this_year - 1
    return {
        "form": form,
        "report": selectors.yearly_report(deaths, year),
        "partnerships": partnerships,
    }


@login_required
def yearly_report(request):
    context = _report_context(request)
    partnership = request.partnership
    context["can_publish"] = bool(partnership) and policy.can_publish_yearly_report(
        request.user, partnership
    )
    return render(request, "child_deaths/yearly_report.html", context)


@login_required
def yearly_report_pdf(request):
    context = _report_context(request)
    if context["report"] is None:
        return redirect(f"{reverse('child_deaths:yearly_report')}?{request.GET.urlencode()}")
    return pdf_response(
        "child_deaths/yearly_report_print.html",
        context,
        f"cdop-yearly-report-{context['report']['year']}.pdf",
    )


@login_required
@require_POST
def yearly_report_publish(request):
    partnership = require(
        request,
        policy.can_publish_yearly_report,
        "Only the partnership's business unit publishes the yearly report",
    )
    context = _report_context(request)
    if context["report"] is None:
        return redirect(f"{reverse('child_deaths:yearly_report')}?{request.GET.urlencode()}")
    try:
        publication = services.yearly_report_publish(
            partnership=partnership,
            deaths=ChildDeath.objects.for_statistics(request.user),
            year=context["report"]["year"],
            by=request.user,
        )
    except ValidationError as refused:
        messages.error(request, "The report identifies a child: it was not published")
        for message in refused.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Published on the public site: {publication.title}")
    return redirect(f"{reverse('child_deaths:yearly_report')}?year={context['report']['year']}")


@login_required
def ncmd_export(request, fmt):
    if not policy.can_export_deaths(request.user):
        raise PermissionDenied(
            "Only the child death overview panel and the business unit export cases"
        )
    rows = selectors.ncmd_rows(ChildDeath.objects.visible_to(request.user))
    services.deaths_exported(
        partnership_ids=death_access.death_partnership_ids(request.user),
        export=f"NCMD-style export ({fmt})",
        filters={},
        by=request.user,
    )
    if fmt == "csv":
        return csv_response(
            "ncmd-export.csv",
            [
                selectors.NCMD_FIELDS,
                *([row[field] for field in selectors.NCMD_FIELDS] for row in rows),
            ],
        )
    response = HttpResponse(
        json.dumps({"fields": selectors.NCMD_FIELDS, "records": rows}, indent=2),
        content_type="application/json",
    )
    response["Content-Disposition"] = 'attachment; filename="ncmd-export.json"'
    return response
