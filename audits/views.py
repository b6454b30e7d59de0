"""The audit programme: its years and the audits planned in each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from audits import periods, policy, selectors, services
from audits.forms import ProgrammeForm
from audits.models import AuditProgramme
from core.forms import posted
from partnership import access


def form_page(request, form, title: str, back=None, **extra):
    return render(
        request, "audits/form.html", {"form": form, "title": title, "back": back, **extra}
    )


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
