"""The partnership's theme list, similar-work search and the recurring-lessons report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core import services as core_services
from core.charts import bar_chart
from core.concurrency import saved_without_conflict
from core.exports import csv_response
from core.forms import posted
from learning import policy, selectors, services
from learning.forms import RecurringLessonsForm, SimilarWorkForm, ThemeForm, ThemeMergeForm
from learning.models import Finding, Theme
from learning.views.common import refusal
from partnership import access


@login_required
def theme_list(request):
    partnership = policy.require_reader(request)
    return render(
        request,
        "learning/theme_list.html",
        {
            "themes": selectors.themes_with_counts(partnership),
            "can_manage": policy.can_manage_learning(request.user, partnership),
        },
    )


@login_required
@require_POST
def themes_seed(request):
    partnership = policy.require_manager(request)
    added = services.themes_seed(partnership=partnership, by=request.user)
    messages.success(request, f"{len(added)} standard theme{'s' if len(added) != 1 else ''} added")
    return redirect("learning:theme_list")


@login_required
@require_http_methods(["GET", "POST"])
def theme_create(request):
    partnership = policy.require_manager(request)
    form = ThemeForm(posted(request), partnership=partnership)
    if form.is_valid():
        services.theme_create(partnership=partnership, **form.cleaned_data, by=request.user)
        messages.success(request, f"Theme {form.cleaned_data['name']} added")
        return redirect("learning:theme_list")
    return render(request, "learning/form.html", {"form": form, "title": "Add a theme"})


@login_required
@require_http_methods(["GET", "POST"])
def theme_edit(request, pk):
    theme = access.get_for_user(request.user, Theme.objects.all(), pk, write=True)
    form = ThemeForm(
        posted(request),
        instance=theme,
        partnership=theme.partnership,
    )
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.theme_update(
            theme=theme,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, f"Theme {theme} updated")
        return redirect("learning:theme_list")
    return render(
        request, "learning/form.html", {"form": form, "title": f"Change the theme {theme}"}
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_merge(request, pk):
    duplicate = access.get_for_user(request.user, Theme.objects.all(), pk, write=True)
    form = ThemeMergeForm(posted(request), duplicate=duplicate)
    if form.is_valid():
        try:
            into = services.theme_merge(
                duplicate=duplicate, into=form.cleaned_data["into"], by=request.user
            )
        except ValidationError as refused:
            form.add_error(None, refusal(refused))
        else:
            messages.success(request, f"{duplicate} merged into {into}")
            return redirect("learning:theme_list")
    return render(
        request,
        "learning/form.html",
        {
            "form": form,
            "title": f"Merge {duplicate} into another theme",
            "lede": "Its findings and publications will take the other theme.",
            "button": "Merge",
        },
    )


@login_required
def similar_work(request):
    partnership = policy.require_reader(request)
    form = SimilarWorkForm(request.GET or None, partnership=partnership)
    items = None
    if form.is_valid():
        items = selectors.similar_work(
            partnership=partnership,
            text=form.cleaned_data["text"],
            themes=form.cleaned_data["themes"],
            user=request.user,
            limit=20,
        )
    return render(request, "learning/similar_work.html", {"form": form, "items": items})


@login_required
def recurring_lessons(request):
    partnership = access.require_partnership(request)
    form = RecurringLessonsForm(request.GET, kinds=selectors.recurring_kinds(partnership))
    filters = form.cleaned_data if form.is_valid() else {}
    aim = filters.get("aim") or Finding.Aim.MUST_IMPROVE
    query = request.GET.copy()
    if form.errors:
        # Refused filters show the form and its errors, not the report for others in their place.
        if query.pop("format", None):
            return redirect(f"{request.path}?{query.urlencode()}")
        report = None
    else:
        report = selectors.recurring_lessons(
            partnership=partnership,
            aim=aim,
            kind=filters.get("kind"),
            from_year=filters.get("from_year"),
            to_year=filters.get("to_year"),
        )
    if report and request.GET.get("format") == "csv":
        rows = selectors.recurring_rows(report)
        core_services.download_recorded(
            by=request.user,
            partnership=partnership,
            details={"export": "recurring lessons (csv)", "rows": len(rows) - 1},
        )
        return csv_response("recurring-lessons.csv", rows)
    query.pop("aim", None)
    return render(
        request,
        "learning/recurring_lessons.html",
        {
            "report": report,
            "form": form,
            "aim": aim,
            "works_well": aim == Finding.Aim.WORKS_WELL,
            "query": query.urlencode(),
            "chart": bar_chart(report.chart_points()) if report else None,
        },
    )
