"""Sources of learning entered by hand, and findings, recommendations and dissemination of any source."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.concurrency import EditConflict, saved_without_conflict
from core.forms import posted
from core.selectors import audit_history
from learning import policy, selectors, selectors_impact, services
from learning.forms import (
    ActivityForm,
    ChannelFinishForm,
    ChannelForm,
    FindingForm,
    OtherSourceForm,
    RecommendationForm,
)
from learning.models import DisseminationChannel, DisseminationPlan, Finding, OtherSource
from learning.views.common import partnership_list, refusal, source_for_user
from partnership import access


@login_required
def index(request):
    partnership = policy.require_reader(request)
    return render(
        request,
        "learning/index.html",
        {
            "can_manage": policy.can_manage_learning(request.user, partnership),
            "partnership": partnership,
        },
    )


@login_required
def other_source_list(request):
    return partnership_list(
        request,
        "learning/other_source_list.html",
        OtherSource.objects.select_related("partnership"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def other_source_create(request):
    partnership = policy.require_manager(request)
    form = OtherSourceForm(posted(request))
    if form.is_valid():
        source = services.other_source_create(
            partnership=partnership, **form.cleaned_data, by=request.user
        )
        messages.success(request, f"{source.learning_reference} added")
        return redirect(source)
    return render(
        request, "learning/form.html", {"form": form, "title": "Add learning from another source"}
    )


@login_required
def other_source_detail(request, pk):
    source = access.get_for_user(
        request.user, OtherSource.objects.select_related("partnership"), pk
    )
    return render(
        request,
        "learning/other_source_detail.html",
        {
            "source": source,
            "can_manage": policy.can_manage_learning(request.user, source.partnership),
            "history": audit_history(source),
        },
    )


@login_required
@require_POST
def other_source_close(request, pk):
    source = access.get_for_user(request.user, OtherSource.objects.all(), pk, write=True)
    try:
        services.other_source_close(source=source, by=request.user)
    except ValidationError as refused:
        for reason in refused.messages:
            messages.error(request, f"It cannot be closed yet: {reason}")
    else:
        messages.success(request, f"{source.learning_reference} closed")
    return redirect(source)


def _form_page(request, form, title: str, back):
    return render(request, "learning/form.html", {"form": form, "title": title, "back": back})


@login_required
@require_http_methods(["GET", "POST"])
def finding_add(request, type_id, source_id):
    source = source_for_user(request.user, type_id, source_id, write=True)
    form = FindingForm(posted(request), partnership=source.partnership)
    if form.is_valid():
        services.finding_record(source=source, **form.cleaned_data, by=request.user)
        messages.success(request, "Finding recorded")
        return redirect(source)
    return _form_page(request, form, f"Add a finding to {source.learning_reference}", source)


@login_required
def finding_detail(request, pk):
    finding = access.get_for_user(
        request.user, Finding.objects.prefetch_related("themes", "source"), pk
    )
    return render(
        request,
        "learning/finding_detail.html",
        {
            "finding": finding,
            "chain": selectors_impact.finding_chain(finding),
            "similar": selectors.similar_work(
                partnership=finding.partnership,
                text=f"{finding.title}\n{finding.description}",
                themes=finding.themes.all(),
                user=request.user,
                # Learning from other sources: not this one's own findings.
                exclude=[finding.source, *selectors.source_findings(finding.source)],
                limit=5,
            ),
            "can_manage": policy.can_manage_learning(request.user, finding.partnership),
            "history": audit_history(finding),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def finding_edit(request, pk):
    finding = access.get_for_user(request.user, Finding.objects.all(), pk, write=True)
    form = FindingForm(
        posted(request),
        instance=finding,
        partnership=finding.partnership,
    )
    if form.is_valid() and saved_without_conflict(
        form,
        lambda: services.finding_update(
            finding=finding,
            data=form.cleaned_data,
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
    ):
        messages.success(request, "Finding updated")
        return redirect(finding)
    return _form_page(request, form, f"Change finding {finding.reference}", finding)


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_add(request, type_id, source_id):
    source = source_for_user(request.user, type_id, source_id, write=True)
    findings = selectors.source_findings(source)
    form = RecommendationForm(
        posted(request),
        partnership=source.partnership,
        findings=findings,
    )
    if form.is_valid():
        services.recommendation_record(source=source, **form.cleaned_data, by=request.user)
        messages.success(request, "Recommendation recorded")
        return redirect(source)
    return _form_page(request, form, f"Add a recommendation to {source.learning_reference}", source)


@login_required
@require_http_methods(["GET", "POST"])
def channel_add(request, pk):
    plan = access.get_for_user(request.user, DisseminationPlan.objects.all(), pk, write=True)
    form = ChannelForm(posted(request), partnership=plan.partnership)
    if form.is_valid():
        services.dissemination_channel_add(plan=plan, **form.cleaned_data, by=request.user)
        messages.success(request, "Channel added to the dissemination plan")
        return redirect(plan.source)
    return _form_page(request, form, "Plan a dissemination channel", plan.source)


@login_required
@require_http_methods(["GET", "POST"])
def channel_finish(request, pk):
    channel = access.get_for_user(
        request.user, DisseminationChannel.objects.select_related("plan"), pk, write=True
    )
    form = ChannelFinishForm(posted(request))
    if form.is_valid():
        try:
            services.dissemination_channel_finish(
                channel=channel, **form.cleaned_data, by=request.user
            )
        except (ValidationError, EditConflict) as refused:
            form.add_error(None, refusal(refused))
        else:
            messages.success(request, f"{channel} marked {channel.get_status_display().lower()}")
            return redirect(channel.plan.source)
    return _form_page(request, form, f"Finish the channel: {channel}", channel.plan.source)


@login_required
@require_http_methods(["GET", "POST"])
def activity_add(request, pk):
    channel = access.get_for_user(
        request.user, DisseminationChannel.objects.select_related("plan"), pk, write=True
    )
    form = ActivityForm(posted(request))
    if form.is_valid():
        services.dissemination_activity_record(
            channel=channel, **form.cleaned_data, by=request.user
        )
        messages.success(request, "Activity recorded")
        return redirect(channel.plan.source)
    return _form_page(request, form, f"Record what went out: {channel}", channel.plan.source)
