"""Learning products: 7-minute briefings, newsletters, practice changes and publications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.concurrency import EditConflict
from core.forms import posted
from core.selectors import audit_history
from learning import policy, services, services_publication
from learning.forms import (
    BriefingForm,
    NewsletterForm,
    PracticeChangeForm,
    PublicationForm,
    WithdrawForm,
)
from learning.models import Briefing, Newsletter, PracticeChange, Publication
from learning.views.common import partnership_list, refusal, source_for_user
from partnership import access


@login_required
def briefing_list(request):
    return partnership_list(request, "learning/briefing_list.html", Briefing.objects.all())


@login_required
@require_http_methods(["GET", "POST"])
def briefing_create(request):
    partnership = policy.require_manager(request)
    form = BriefingForm(
        posted(request),
        partnership=partnership,
        initial={"findings": request.GET.getlist("finding")},
    )
    if form.is_valid():
        briefing = services.briefing_create(
            partnership=partnership,
            title=form.cleaned_data["title"],
            findings=form.cleaned_data["findings"],
            sections=form.sections(),
            by=request.user,
        )
        messages.success(request, "7-minute briefing drafted")
        return redirect(briefing)
    return render(
        request, "learning/form.html", {"form": form, "title": "Write a 7-minute briefing"}
    )


@login_required
def briefing_detail(request, pk):
    briefing = access.get_for_user(request.user, Briefing.objects.select_related("publication"), pk)
    partnership = briefing.partnership
    return render(
        request,
        "learning/briefing_detail.html",
        {
            "briefing": briefing,
            "findings": briefing.findings.all(),
            "can_manage": policy.can_manage_learning(request.user, partnership),
            "can_approve": policy.can_approve_briefing(request.user, briefing),
            "history": audit_history(briefing),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def briefing_edit(request, pk):
    briefing = access.get_for_user(request.user, Briefing.objects.all(), pk, write=True)
    form = BriefingForm(
        posted(request),
        instance=briefing,
        partnership=briefing.partnership,
    )
    if form.is_valid():
        try:
            services.briefing_update(
                briefing=briefing,
                title=form.cleaned_data["title"],
                sections=form.sections(),
                expected_version=form.cleaned_data["version"],
                by=request.user,
            )
        except (ValidationError, EditConflict) as refused:
            form.add_error(None, refusal(refused))
        else:
            messages.success(request, "Briefing updated")
            return redirect(briefing)
    return render(
        request,
        "learning/form.html",
        {"form": form, "title": f"Change {briefing}", "back": briefing},
    )


@login_required
@require_POST
def briefing_advance(request, pk, to):
    if to not in (Briefing.Status.IN_REVIEW, Briefing.Status.APPROVED, Briefing.Status.PUBLISHED):
        raise Http404("No such step")
    briefing = access.get_for_user(request.user, Briefing.objects.all(), pk, write=True)
    if to == Briefing.Status.APPROVED and not policy.can_approve_briefing(request.user, briefing):
        raise PermissionDenied("The business unit manager approves briefings, other than their own")
    try:
        if to == Briefing.Status.PUBLISHED:
            publication = services.briefing_publish(briefing=briefing, by=request.user)
            messages.success(request, f"Published on the public site: {publication.title}")
        else:
            services.briefing_advance(briefing=briefing, to=to, by=request.user)
            messages.success(request, f"Briefing {briefing.get_status_display().lower()}")
    except (ValidationError, EditConflict) as refused:
        for message in refusal(refused):
            messages.error(request, message)
    return redirect(briefing)


@login_required
def newsletter_list(request):
    return partnership_list(
        request,
        "learning/newsletter_list.html",
        Newsletter.objects.select_related("publication__partnership"),
        can_approve=policy.can_approve_newsletter(request.user, policy.require_reader(request)),
    )


@login_required
@require_http_methods(["GET", "POST"])
def newsletter_create(request):
    partnership = policy.require_manager(request)
    form = NewsletterForm(posted(request), partnership=partnership)
    if form.is_valid():
        services.newsletter_create(partnership=partnership, **form.cleaned_data, by=request.user)
        messages.success(request, "Newsletter drafted")
        return redirect("learning:newsletter_list")
    return render(
        request, "learning/form.html", {"form": form, "title": "Put together a newsletter"}
    )


@login_required
@require_POST
def newsletter_approve(request, pk):
    newsletter = access.get_for_user(request.user, Newsletter.objects.all(), pk, write=True)
    if not policy.can_approve_newsletter(request.user, newsletter):
        raise PermissionDenied(
            "A business unit manager other than its author approves a newsletter"
        )
    try:
        services.newsletter_approve(newsletter=newsletter, by=request.user)
    except ValidationError as refused:
        for message in refusal(refused):
            messages.error(request, message)
    else:
        messages.success(request, f"Newsletter approved: {newsletter}")
    return redirect("learning:newsletter_list")


@login_required
@require_POST
def newsletter_publish(request, pk):
    newsletter = access.get_for_user(request.user, Newsletter.objects.all(), pk, write=True)
    try:
        services.newsletter_publish(newsletter=newsletter, by=request.user)
    except services_publication.PublicationRefused as refused:
        messages.error(request, "The newsletter identifies a child: remove these before publishing")
        for message in refusal(refused):
            messages.error(request, message)
    except ValidationError as refused:
        for message in refusal(refused):
            messages.error(request, message)
    else:
        messages.success(request, f"Published on the public site: {newsletter}")
    return redirect("learning:newsletter_list")


@login_required
def practice_change_list(request):
    return partnership_list(
        request,
        "learning/practice_change_list.html",
        PracticeChange.objects.prefetch_related("findings"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def practice_change_create(request):
    partnership = policy.require_manager(request)
    form = PracticeChangeForm(posted(request), partnership=partnership)
    if form.is_valid():
        services.practice_change_record(
            partnership=partnership, **form.cleaned_data, by=request.user
        )
        messages.success(request, "Change recorded")
        return redirect("learning:practice_change_list")
    return render(
        request,
        "learning/form.html",
        {"form": form, "title": "Record a procedure or training programme change"},
    )


@login_required
def publication_list(request):
    return partnership_list(
        request,
        "learning/publication_list.html",
        Publication.objects.select_related("partnership"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def publication_create(request, type_id, source_id):
    source = source_for_user(request.user, type_id, source_id, write=True)
    form = PublicationForm(posted(request), request.FILES or None)
    if form.is_valid():
        try:
            services_publication.publication_publish(
                source=source,
                kind=Publication.Kind.OTHER,
                title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"],
                body=form.cleaned_data["body"],
                upload=form.cleaned_data["document"],
                by=request.user,
            )
        except services_publication.PublicationRefused as refused:
            form.add_error(None, "The text identifies a child: remove these before publishing")
            form.add_error(None, refusal(refused))
        except ValidationError as refused:
            form.add_error("document", refusal(refused))
        else:
            messages.success(request, "Published on the public site")
            return redirect(source)
    return render(
        request,
        "learning/form.html",
        {
            "form": form,
            "title": f"Publish learning from {source.learning_reference}",
            "back": source,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def publication_withdraw(request, pk):
    publication = access.get_for_user(request.user, Publication.objects.all(), pk, write=True)
    form = WithdrawForm(posted(request))
    if form.is_valid():
        try:
            services_publication.publication_withdraw(
                publication=publication, reason=form.cleaned_data["reason"], by=request.user
            )
        except ValidationError as refused:
            form.add_error(None, refusal(refused))
        else:
            messages.success(request, f"{publication} withdrawn from the public site")
            return redirect("learning:publication_list")
    return render(request, "learning/form.html", {"form": form, "title": f"Withdraw {publication}"})
