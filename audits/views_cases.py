"""An audit's cases, the identifying details of a case, and the requests to agencies with their
returns, answered in the browser or in the tool's workbook."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from audits import policy, selectors, services, workbook
from audits.forms import (
    ChosenCaseForm,
    IdentityForm,
    RandomCasesForm,
    RequestsForm,
    ReturnForm,
    WorkbookUploadForm,
)
from audits.models import Audit, AuditCase, AuditRequest
from audits.views import attempt, form_page
from core.exports import xlsx_response
from core.forms import posted
from core.services import download_recorded
from partnership import access


@login_required
@require_http_methods(["GET", "POST"])
def cases_random(request, pk):
    planned = access.get_for_user(request.user, Audit.objects, pk, write=True)
    form = RandomCasesForm(posted(request))
    if form.is_valid():
        added = services.cases_select_at_random(
            planned=planned,
            candidates=form.cleaned_data["candidates"],
            count=form.cleaned_data["count"],
            by=request.user,
        )
        messages.success(request, f"{len(added)} cases selected at random")
        return redirect(planned)
    return form_page(
        request,
        form,
        f"Select cases at random for {planned.learning_reference}",
        planned,
        lede=f"Practice focus: {planned.practice_focus} Scope: {planned.scope}",
        button="Select at random",
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_choose(request, pk):
    planned = access.get_for_user(request.user, Audit.objects, pk, write=True)
    form = ChosenCaseForm(posted(request))
    if form.is_valid():
        case = services.case_choose(
            planned=planned, case_number=form.cleaned_data["case_number"], by=request.user
        )
        if case is None:
            form.add_error("case_number", "The audit has this case already")
        else:
            messages.success(request, f"{case} added")
            return redirect(case)
    return form_page(request, form, f"Add a chosen case to {planned.learning_reference}", planned)


def _case(request, pk, *, write=False) -> AuditCase:
    return access.get_for_user(
        request.user, AuditCase.objects.select_related("audit__partnership"), pk, write=write
    )


@login_required
def case_detail(request, pk):
    case = _case(request, pk, write=True)
    return render(
        request,
        "audits/case_detail.html",
        {
            "case": case,
            "requests": case.requests.select_related("organisation"),
            "can_see_identity": policy.can_see_identity(request.user, case),
        },
    )


@login_required
def case_identity(request, pk):
    """The one place an audited child's identifying details are shown; every view is recorded."""
    case = _case(request, pk)
    if not policy.can_see_identity(request.user, case):
        raise PermissionDenied("You do not need to know this child's identifying details")
    services.identity_viewed(case=case, by=request.user)
    return render(
        request,
        "audits/case_identity.html",
        {
            "case": case,
            "identity": case.identity,
            "can_change": policy.can_change_identity(request.user, case),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_identity_edit(request, pk):
    case = _case(request, pk, write=True)
    if not policy.can_change_identity(request.user, case):
        raise PermissionDenied("Sign in with two factors to change a child's identifying details")
    form = IdentityForm(posted(request), instance=case.identity)
    if form.is_valid():
        services.identity_update(
            case=case,
            data={name: form.cleaned_data[name] for name in services.IDENTITY_FIELDS},
            by=request.user,
        )
        messages.success(request, f"Identifying details of {case} saved")
        return redirect("audits:case_identity", case.pk)
    return form_page(request, form, f"Identifying details of {case}", case)


@login_required
@require_http_methods(["GET", "POST"])
def requests_send(request, pk):
    case = _case(request, pk, write=True)
    form = RequestsForm(
        posted(request),
        partnership=case.audit.partnership,
        asked=case.requests.values("organisation"),
    )
    if form.is_valid():
        sent = services.requests_send(case=case, by=request.user, **form.cleaned_data)
        messages.success(request, f"{len(sent)} agencies asked about {case}")
        return redirect(case)
    return form_page(
        request,
        form,
        f"Ask agencies about {case}",
        case,
        lede="Each agency is asked to audit its own involvement in the case with the audit's tool. "
        "Its contributors see the request on their dashboard, are reminded before the due date, "
        "and you are told when it is overdue.",
        button="Send the requests",
    )


@login_required
def request_list(request):
    partnership = policy.require_request_reader(request)
    return render(
        request,
        "audits/request_list.html",
        {"requests": selectors.requests_for(request.user, partnership)},
    )


def _request(request, pk) -> AuditRequest:
    return access.get_for_user(
        request.user,
        AuditRequest.objects.select_related("case__audit__tool_version__tool", "organisation"),
        pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request, pk):
    """An agency's request: its contributors answer it here, the business unit reads it."""
    audit_request = _request(request, pk)
    can_answer = policy.can_answer_request(request.user, audit_request)
    if request.method == "POST" and not can_answer:
        raise PermissionDenied("Only the asked agency's contributors answer its request")
    send = request.method == "GET" or "send" in request.POST
    form = ReturnForm(
        posted(request),
        layout=selectors.layout(audit_request.case.audit.tool_version),
        audit_request=audit_request,
        answered=selectors.return_of(audit_request),
        sending=send,
    )
    if form.is_valid() and attempt(
        form,
        lambda: services.return_save(
            request=audit_request,
            answered=form.answered(),
            expected_version=form.cleaned_data["version"],
            send=send,
            by=request.user,
        ),
    ):
        messages.success(request, "Return sent" if send else "Answers saved as a draft")
        return redirect(audit_request)
    return render(
        request,
        "audits/request_detail.html",
        {
            "audit_request": audit_request,
            "case": audit_request.case,
            "form": form,
            "can_answer": can_answer,
            "can_see_identity": policy.can_see_identity(request.user, audit_request.case),
        },
    )


@login_required
def request_workbook(request, pk):
    audit_request = _request(request, pk)
    download_recorded(
        by=request.user,
        partnership=audit_request.partnership,
        subject=audit_request,
        details={"workbook": str(audit_request.case.audit.tool_version)},
    )
    return xlsx_response(
        f"{audit_request.case.reference}-return.xlsx",
        "Return",
        workbook.rows(
            selectors.layout(audit_request.case.audit.tool_version),
            selectors.return_of(audit_request),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_upload(request, pk):
    audit_request = _request(request, pk)
    if not policy.can_answer_request(request.user, audit_request):
        raise PermissionDenied("Only the asked agency's contributors answer its request")
    form = WorkbookUploadForm(posted(request), request.FILES or None)
    if form.is_valid() and attempt(
        form,
        lambda: services.return_import(
            request=audit_request,
            upload=form.cleaned_data["file"],
            expected_version=audit_request.version,
            by=request.user,
        ),
    ):
        messages.success(
            request, "Answers taken from the workbook: check them, then send the return"
        )
        return redirect(audit_request)
    return form_page(
        request,
        form,
        f"Upload the completed workbook for {audit_request.case}",
        audit_request,
        multipart=True,
        button="Upload",
        lede="Every answer in the workbook replaces what was saved before. A workbook with any "
        "mistake is not taken at all: each mistake is named by its row and column.",
    )
