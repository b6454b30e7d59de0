"""Audit tools: the standard tool and the partnership's own, their versions, copying and changing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from audits import policy, selectors, services
from audits.forms import QuestionForm, SectionForm, ToolCopyForm
from audits.models import AuditTool, ToolQuestion
from audits.views import attempt, form_page, posted_version
from core.concurrency import EditConflict
from core.forms import posted
from partnership import access


@login_required
def tool_list(request):
    partnership = policy.require_tool_reader(request)
    services.standard_tool_seed(partnership=partnership)
    return render(
        request,
        "audits/tool_list.html",
        {
            "tools": selectors.tools(partnership),
            "can_manage": policy.can_manage_audits(request.user, partnership),
        },
    )


@login_required
def tool_detail(request, pk):
    tool = access.get_for_user(request.user, AuditTool.objects, pk)
    version = selectors.latest_version(tool)
    return render(
        request,
        "audits/tool_detail.html",
        {
            "tool": tool,
            "version": version,
            "sections": selectors.version_with_questions(version),
            "versions": tool.versions.all(),
            "can_manage": policy.can_manage_audits(request.user, tool),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def tool_copy(request, pk):
    tool = access.get_for_user(request.user, AuditTool.objects, pk, write=True)
    form = ToolCopyForm(posted(request), partnership=tool.partnership)
    if form.is_valid():
        copy = services.tool_copy(
            version=selectors.latest_version(tool), name=form.cleaned_data["name"], by=request.user
        )
        messages.success(request, f"{copy} made from {tool}: change it here")
        return redirect(copy)
    return form_page(request, form, f"Copy {tool}", tool, button="Copy the tool")


def _tool_change_page(request, tool, form, title: str, change):
    changed = form.is_valid() and attempt(form, change)
    if changed:
        messages.success(request, f"{tool} changed: version {changed.number}")
        return redirect(tool)
    return form_page(
        request,
        form,
        title,
        tool,
        lede="An audit already using the tool keeps the questions it started with: the change makes "
        "a new version for audits planned from now on.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def tool_section_add(request, pk):
    tool = access.get_for_user(request.user, AuditTool.objects, pk, write=True)
    form = SectionForm(posted(request), tool=tool)
    return _tool_change_page(
        request,
        tool,
        form,
        f"Add a section to {tool}",
        lambda: services.tool_section_add(
            tool=tool,
            expected_version=form.cleaned_data["version"],
            title=form.cleaned_data["title"],
            by=request.user,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def tool_question_add(request, pk):
    tool = access.get_for_user(request.user, AuditTool.objects, pk, write=True)
    form = QuestionForm(
        posted(request), tool=tool, sections=selectors.latest_version(tool).sections.all()
    )
    return _tool_change_page(
        request,
        tool,
        form,
        f"Add a question to {tool}",
        lambda: services.tool_question_add(
            tool=tool,
            expected_version=form.cleaned_data["version"],
            section=form.cleaned_data["section"],
            text=form.cleaned_data["text"],
            kind=form.cleaned_data["kind"],
            by=request.user,
        ),
    )


def _question_of(tool: AuditTool, question_pk: int) -> ToolQuestion:
    """A question of the tool's latest version (earlier versions are fixed)."""
    return get_object_or_404(
        ToolQuestion.objects.select_related("section"),
        pk=question_pk,
        section__version=selectors.latest_version(tool),
    )


@login_required
@require_http_methods(["GET", "POST"])
def tool_question_change(request, pk, question_pk):
    tool = access.get_for_user(request.user, AuditTool.objects, pk, write=True)
    question = _question_of(tool, question_pk)
    form = QuestionForm(
        posted(request), tool=tool, initial={"text": question.text, "kind": question.kind}
    )
    return _tool_change_page(
        request,
        tool,
        form,
        "Change a question",
        lambda: services.tool_question_change(
            tool=tool,
            expected_version=form.cleaned_data["version"],
            question=question,
            text=form.cleaned_data["text"],
            kind=form.cleaned_data["kind"],
            by=request.user,
        ),
    )


@login_required
@require_POST
def tool_question_remove(request, pk, question_pk):
    tool = access.get_for_user(request.user, AuditTool.objects, pk, write=True)
    question = _question_of(tool, question_pk)
    try:
        services.tool_question_remove(
            tool=tool, expected_version=posted_version(request), question=question, by=request.user
        )
    except EditConflict as conflict:
        messages.error(request, str(conflict))
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(request, f"Question removed from {tool}")
    return redirect(tool)
