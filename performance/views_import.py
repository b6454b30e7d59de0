"""Imports of quarterly values: the template, the upload, the preview or progress, and applying."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import posted
from partnership import access
from performance import importing, policy, selectors, services
from performance.forms import ImportUploadForm
from performance.models import PerformanceImport

_TEMPLATES = {
    "csv": ("text/csv", importing.template_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        importing.template_xlsx,
    ),
}


@login_required
def import_template(request, file_format):
    policy.require_manager(request)
    if file_format not in _TEMPLATES:
        raise Http404("No such template")
    media_type, build = _TEMPLATES[file_format]
    response = HttpResponse(build(), content_type=media_type)
    response["Content-Disposition"] = (
        f'attachment; filename="quarterly-values-template.{file_format}"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request):
    partnership = policy.require_manager(request)
    form = ImportUploadForm(posted(request), request.FILES or None)
    if form.is_valid():
        performance_import = services.performance_import_upload(
            partnership=partnership, upload=form.cleaned_data["file"], by=request.user
        )
        return redirect("performance:import_detail", pk=performance_import.pk)
    return render(
        request,
        "performance/import_start.html",
        {
            "form": form,
            "columns": importing.COLUMNS,
            "imports": selectors.recent_imports(partnership=partnership),
        },
    )


@login_required
def import_detail(request, pk):
    performance_import = access.get_for_user(request.user, PerformanceImport.objects.all(), pk)
    return render(
        request,
        "performance/import_detail.html",
        {"performance_import": performance_import, "errors_shown": performance_import.errors[:200]},
    )


@login_required
@require_POST
def import_apply(request, pk):
    performance_import = access.get_for_user(
        request.user, PerformanceImport.objects.all(), pk, write=True
    )
    try:
        services.performance_import_apply(performance_import=performance_import, by=request.user)
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    return redirect("performance:import_detail", pk=performance_import.pk)
