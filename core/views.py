"""Shared pages: the dashboard, health check, site information, audit trail, closure days, documents."""

import itertools
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import permissions, selectors, services
from core.exports import csv_streaming_response
from core.forms import AuditSearchForm, ClosureDayForm, NarrativeVersionForm, posted
from core.models import AuditEvent, ClosureDay, Document, NarrativeVersion

logger = logging.getLogger(__name__)
_BUSINESS_UNIT_ONLY = "Only the partnership's business unit can do this"


@require_GET
def healthz(request):
    """Says "ok" or "unavailable" and nothing more: anyone may ask, so it names no software or error."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure to reach the database is the answer
        logger.exception("Health check: the database cannot be reached")
        return HttpResponse("unavailable", content_type="text/plain", status=503)
    return HttpResponse("ok", content_type="text/plain")


def site_page(request, template):
    return render(request, f"core/{template}.html")


@login_required
def dashboard(request):
    partnership = request.partnership or None
    return render(
        request,
        "core/dashboard.html",
        {
            "partnership": partnership,
            "deadlines": selectors.open_deadlines_for(request.user),
            "today": timezone.localdate(),
            "panels": _dashboard_panels(request),
        },
    )


def _dashboard_panels(request) -> list:
    """Each app may add panels to the dashboard through a `dashboard_panel(request)` function,
    which answers one panel, a list of them, or nothing."""
    from django.apps import apps

    panels = []
    for config in apps.get_app_configs():
        panel = getattr(config, "dashboard_panel", None)
        if panel is not None:
            found = panel(request)
            if found:
                panels.extend(found if isinstance(found, list) else [found])
    return panels


@login_required
def audit_trail(request):
    partnership = permissions.require(
        request, "core.view_audit_trail", "Only the business unit manager can do this"
    )
    form = AuditSearchForm(request.GET or None)
    events = AuditEvent.objects.none()
    if form.is_valid() or not request.GET:
        filters = form.cleaned_data if form.is_bound else {}
        events = selectors.audit_search(
            partnership_id=partnership.pk,
            text=filters.get("q", ""),
            event=filters.get("event", ""),
            date_from=filters.get("date_from"),
            date_to=filters.get("date_to"),
        )
    if request.GET.get("format") == "csv" and (form.is_valid() or not request.GET):
        return _audit_csv(request, partnership, events)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "core/audit_trail.html", {"form": form, "page": page, "query": query.urlencode()}
    )


@login_required
def text_history(request):
    """The history of the partnership's narrative text, kept outside the audit trail."""
    partnership = permissions.require(
        request, "core.view_audit_trail", "Only the business unit manager can do this"
    )
    versions = (
        NarrativeVersion.objects.filter(partnership=partnership)
        .select_related("subject_type", "written_by", "changed_by")
        .order_by("-id")
    )
    page = Paginator(versions, 50).get_page(request.GET.get("page"))
    return render(request, "core/text_history.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def text_version_change(request, pk):
    """Correct or erase one version of a record's text, with the reason (UK GDPR rectification and
    erasure)."""
    partnership = permissions.require(
        request, "core.view_audit_trail", "Only the business unit manager can do this"
    )
    version = get_object_or_404(NarrativeVersion, partnership=partnership, pk=pk)
    form = NarrativeVersionForm(posted(request))
    if form.is_valid():
        if form.cleaned_data["action"] == "erase":
            services.narrative_version_erase(
                version=version, reason=form.cleaned_data["reason"], by=request.user
            )
        else:
            services.narrative_version_correct(
                version=version,
                text=form.cleaned_data["text"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        messages.success(request, "Text history changed; the reason is in the audit trail")
        return redirect("core:text_history")
    return render(request, "core/text_version.html", {"form": form, "version": version})


def _audit_csv(request, partnership, events):
    services.download_recorded(
        by=request.user,
        partnership=partnership,
        details={"export": "audit trail", "filters": request.GET.dict()},
    )
    header = [
        "time",
        "person",
        "event",
        "record type",
        "record id",
        "record",
        "details",
        "ip address",
        "action group",
    ]
    rows = (
        [
            event.occurred_at.isoformat(),
            event.actor_label,
            event.get_event_display(),
            event.subject_type.model if event.subject_type else "",
            event.subject_id,
            event.subject_label,
            event.details,
            event.ip_address or "",
            event.action_group,
        ]
        for event in events.iterator(chunk_size=2000)
    )
    return csv_streaming_response(
        f"audit-trail-{partnership.slug}.csv", itertools.chain([header], rows)
    )


@login_required
@require_http_methods(["GET", "POST"])
def closure_days(request):
    partnership = permissions.require(
        request, "core.view_closure_days", "Only people in the partnership can see this"
    )
    can_manage = permissions.allowed(request.user, "core.change_closure_days", partnership)
    form = ClosureDayForm(posted(request), partnership=partnership)
    if request.method == "POST":
        permissions.require(request, "core.change_closure_days", _BUSINESS_UNIT_ONLY)
        if form.is_valid():
            services.closure_day_add(
                partnership=partnership,
                day=form.cleaned_data["date"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
            messages.success(request, "Closure day added")
            return redirect("core:closure_days")
    return render(
        request,
        "core/closure_days.html",
        {
            "form": form,
            "closures": ClosureDay.objects.filter(partnership=partnership),
            "can_manage": can_manage,
        },
    )


@login_required
@require_POST
def closure_day_remove(request, pk):
    partnership = permissions.require(request, "core.change_closure_days", _BUSINESS_UNIT_ONLY)
    closure = get_object_or_404(ClosureDay, partnership=partnership, pk=pk)
    services.closure_day_remove(closure=closure, by=request.user)
    messages.success(request, "Closure day removed")
    return redirect("core:closure_days")


@login_required
def document_download(request, pk):
    """A document, only if the person may see the record it belongs to."""
    document = get_object_or_404(
        Document.objects.select_related("owner_type"), pk=pk, archived_at__isnull=True
    )
    owner_model = document.owner_type.model_class()
    manager = owner_model._default_manager
    if (
        not hasattr(manager, "visible_to")
        or not manager.visible_to(request.user).filter(pk=document.owner_id).exists()
    ):
        raise Http404("No such document")
    services.download_recorded(
        by=request.user,
        partnership=document.partnership,
        subject=document,
        event=AuditEvent.Event.DOWNLOADED,
    )
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.media_type,
    )


def not_found(request, exception=None):
    return render(request, "core/404.html", status=404)


def forbidden(request, exception=None):
    return render(
        request, "core/403.html", {"reason": str(exception) if exception else ""}, status=403
    )


def server_error(request):
    return render(request, "core/500.html", status=500)
