"""Pages of learning referrals, serious incident notifications and rapid reviews."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import posted
from core.selectors import audit_history
from partnership import access
from partnership.policy import require_business_unit_manager
from reviews import forms, policy, selectors, services
from reviews.models import LearningReferral, NotifiedChild, RapidReview, SeriousIncidentNotification
from reviews.pages import PER_PAGE, edit_page, form_page, refused_or_done


@login_required
def referral_list(request):
    partnership = access.require_partnership(request)
    page = Paginator(selectors.referrals_for(request.user, partnership), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "reviews/referral_list.html", {"referrals": page, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def referral_create(request):
    partnership = access.require_partnership(request)
    form = forms.LearningReferralForm(posted(request))
    return form_page(
        request,
        form,
        title="Refer a case or an area of practice for learning",
        caption="Learning referrals",
        back=reverse("reviews:referral_list"),
        button="Send referral",
        intro="Anyone in a partner agency can refer. The business unit will tell you what happens next.",
        save=lambda data: services.learning_referral_submit(
            partnership=partnership, referred_by=request.user, **data
        ),
        done="Your referral has been sent to the business unit",
    )


@login_required
def referral_detail(request, pk):
    referral = access.get_for_user(
        request.user, LearningReferral.objects.select_related("referred_by"), pk
    )
    return _referral_page(request, referral)


def _referral_page(request, referral: LearningReferral, **forms_shown):
    can_triage = policy.can_manage_reviews(request.user, referral)
    context = {
        "referral": referral,
        "can_triage": can_triage,
        "triage_form": forms.TriageForm() if can_triage else None,
        "similar": selectors.similar_to(referral, request.user) if can_triage else [],
        "history": audit_history(referral) if can_triage else [],
        **forms_shown,
    }
    return render(request, "reviews/referral_detail.html", context)


@login_required
@require_POST
def referral_triage(request, pk):
    referral = access.get_for_user(request.user, LearningReferral.objects.all(), pk, write=True)
    form = forms.TriageForm(request.POST)
    if not form.is_valid():
        return _referral_page(request, referral, triage_form=form, form=form)
    return refused_or_done(
        request,
        lambda: services.learning_referral_triage(
            referral=referral, by=request.user, **form.cleaned_data
        ),
        done=f"Referral triaged: {LearningReferral.Outcome(form.cleaned_data['outcome']).label}",
        to=referral,
    )


@login_required
@require_http_methods(["GET", "POST"])
def notification_create(request):
    partnership = policy.require_manager(request)
    referral = None
    if request.GET.get("referral"):
        referral = access.get_for_user(
            request.user, LearningReferral.objects.all(), request.GET["referral"], write=True
        )
    return form_page(
        request,
        forms.NotificationForm(posted(request), partnership=partnership),
        title="Record a serious incident notification",
        caption=referral.reference if referral else "Serious incidents",
        back=referral.get_absolute_url() if referral else reverse("reviews:review_list"),
        save=lambda data: services.notification_create(
            partnership=partnership, referral=referral, by=request.user, **data
        ),
        done="Notification recorded; the rapid review is open",
    )


@login_required
def notification_detail(request, pk):
    notification = access.get_for_user(
        request.user,
        SeriousIncidentNotification.objects.select_related(
            "rapid_review", "referral", "notifying_authority"
        ),
        pk,
    )
    return _notification_page(request, notification)


def _notification_page(request, notification: SeriousIncidentNotification, **forms_shown):
    can_manage = policy.can_manage_reviews(request.user, notification)
    context = {
        "notification": notification,
        "children": notification.children.all(),
        "can_manage": can_manage,
        "notified_form": forms.NotifiedForm()
        if can_manage and not notification.notified_date
        else None,
        "secretary_of_state_to_be_notified": services.secretary_of_state_to_be_notified(
            notification
        ),
        "secretary_of_state_form": forms.SecretaryOfStateNotifiedForm()
        if can_manage and not notification.secretary_of_state_notified_on
        else None,
        "history": audit_history(notification),
        **forms_shown,
    }
    return render(request, "reviews/notification_detail.html", context)


@login_required
@require_POST
def notification_notified(request, pk):
    notification = access.get_for_user(
        request.user, SeriousIncidentNotification.objects.all(), pk, write=True
    )
    form = forms.NotifiedForm(request.POST)
    if not form.is_valid():
        return _notification_page(request, notification, notified_form=form, form=form)
    return refused_or_done(
        request,
        lambda: services.notification_record_notified(
            notification=notification, by=request.user, **form.cleaned_data
        ),
        done="Date the national panel was notified recorded; the rapid review deadline has been recalculated",
        to=notification,
    )


@login_required
@require_POST
def notification_secretary_of_state(request, pk):
    notification = access.get_for_user(
        request.user, SeriousIncidentNotification.objects.all(), pk, write=True
    )
    form = forms.SecretaryOfStateNotifiedForm(request.POST)
    if not form.is_valid():
        return _notification_page(request, notification, secretary_of_state_form=form, form=form)
    return refused_or_done(
        request,
        lambda: services.notification_record_secretary_of_state_notified(
            notification=notification, by=request.user, **form.cleaned_data
        ),
        done="Date the Secretary of State and Ofsted were told recorded",
        to=notification,
    )


@login_required
@require_http_methods(["GET", "POST"])
def child_add(request, pk):
    notification = access.get_for_user(
        request.user, SeriousIncidentNotification.objects.all(), pk, write=True
    )

    def save(data):
        services.notified_child_add(notification=notification, by=request.user, **data)
        return notification

    return form_page(
        request,
        forms.NotifiedChildForm(posted(request)),
        title="Add a child to the notification",
        caption=notification.reference,
        back=notification.get_absolute_url(),
        save=save,
        done="Child added",
    )


@login_required
def identifying_details(request, pk):
    """The one place a notified child's identifying details are shown; every view is recorded."""
    notification = access.get_for_user(request.user, SeriousIncidentNotification.objects.all(), pk)
    if not policy.can_see_identifying_details(request.user, notification):
        raise PermissionDenied("You do not need to know this child's identifying details")
    services.identifying_details_viewed(notification=notification, by=request.user)
    return render(
        request,
        "reviews/identifying_details.html",
        {
            "notification": notification,
            "children": NotifiedChild.objects.filter(notification=notification),
        },
    )


def _rapid_review(request, pk, *, write=False) -> RapidReview:
    return access.get_for_user(
        request.user, RapidReview.objects.select_related("notification"), pk, write=write
    )


@login_required
def rapid_review_detail(request, pk):
    rapid_review = _rapid_review(request, pk)
    return render(
        request,
        "reviews/rapid_review_detail.html",
        {
            "rapid_review": rapid_review,
            "notification": rapid_review.notification,
            "episodes": rapid_review.key_practice_episodes.all(),
            "requests": rapid_review.agency_requests.select_related("organisation"),
            "criteria": selectors.criteria_result(rapid_review),
            "can_manage": policy.can_manage_reviews(request.user, rapid_review),
            "considerations": selectors.statutory_considerations_of(rapid_review),
            "local_policy": selectors.local_review_policy_labels(rapid_review.partnership),
            "can_change_local_policy": access.is_business_unit_manager(
                request.user, rapid_review.partnership
            ),
            "history": audit_history(rapid_review),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def rapid_review_edit(request, pk):
    rapid_review = _rapid_review(request, pk, write=True)
    return edit_page(
        request,
        rapid_review,
        forms.RapidReviewForm(posted(request), instance=rapid_review),
        title="Facts, context and criteria",
        done="Rapid review updated",
    )


@login_required
@require_http_methods(["GET", "POST"])
def episode_add(request, pk):
    rapid_review = _rapid_review(request, pk, write=True)

    def save(data):
        services.key_practice_episode_add(rapid_review=rapid_review, by=request.user, **data)
        return rapid_review

    return form_page(
        request,
        forms.KeyPracticeEpisodeForm(posted(request)),
        title="Add a key practice episode",
        caption=str(rapid_review),
        back=rapid_review.get_absolute_url(),
        save=save,
        done="Key practice episode added",
    )


@login_required
@require_http_methods(["GET", "POST"])
def rapid_review_decision(request, pk):
    """The decision screen: criteria result, the partners' decision, sign-offs and the panel."""
    rapid_review = _rapid_review(request, pk)
    if request.method == "GET":
        return _decision_page(request, rapid_review)
    access.get_for_user(request.user, RapidReview.objects.all(), pk, write=True)
    return _decision_post(
        request,
        rapid_review,
        forms.DecisionForm(request.POST, policy_says_always=_policy_says_always(rapid_review)),
        "decision_form",
        lambda data: services.rapid_review_decide(
            rapid_review=rapid_review, by=request.user, **data
        ),
        done="Decision recorded; each partner lead is asked to sign it off",
    )


def _policy_says_always(rapid_review: RapidReview) -> bool:
    criteria = selectors.criteria_result(rapid_review)
    return criteria is not None and criteria.mandatory


def _decision_page(request, rapid_review: RapidReview, **forms_shown):
    can_manage = policy.can_manage_reviews(request.user, rapid_review)
    decided, sent = bool(rapid_review.decision), bool(rapid_review.sent_to_panel_on)
    sign_offs = list(rapid_review.sign_offs.select_related("partner_lead", "organisation"))
    criteria = selectors.criteria_result(rapid_review)
    context = {
        "rapid_review": rapid_review,
        "criteria": criteria,
        "considerations": selectors.statutory_considerations_of(rapid_review),
        "local_policy": selectors.local_review_policy_labels(rapid_review.partnership),
        "can_change_local_policy": access.is_business_unit_manager(
            request.user, rapid_review.partnership
        ),
        "sign_offs": sign_offs,
        "sign_off_blockers": services.partner_sign_off_blockers(
            rapid_review.partnership, sign_offs
        ),
        "can_manage": can_manage,
        "decision_form": forms.DecisionForm(
            initial=_decision_initial(rapid_review),
            policy_says_always=criteria is not None and criteria.mandatory,
        )
        if can_manage and not sent
        else None,
        "sign_off_form": forms.SignOffForm()
        if decided and not sent and policy.can_sign_off(request.user, rapid_review)
        else None,
        "sent_form": forms.SentToPanelForm() if can_manage and decided and not sent else None,
        "response_form": forms.PanelResponseForm()
        if can_manage and sent and not rapid_review.panel_response
        else None,
        "similar": selectors.similar_to_rapid_review(rapid_review, request.user)
        if can_manage
        else [],
    }
    context.update(forms_shown)
    return render(request, "reviews/decision.html", context)


def _decision_post(request, rapid_review, form, slot: str, save, *, done: str):
    """Validate one form of the decision screen; an invalid one is shown with its errors."""
    if not form.is_valid():
        return _decision_page(request, rapid_review, **{slot: form, "form": form})
    return refused_or_done(
        request,
        lambda: save(form.cleaned_data),
        done=done,
        to=reverse("reviews:rapid_review_decision", args=[rapid_review.pk]),
    )


def _decision_initial(rapid_review: RapidReview) -> dict:
    fields = (
        "decision",
        "national_review_recommended",
        "rationale",
        "learning_identified",
        "alternative_learning",
        "local_policy_departure_reason",
    )
    return {name: getattr(rapid_review, name) for name in fields}


@login_required
@require_POST
def rapid_review_sign_off(request, pk):
    rapid_review = _rapid_review(request, pk)
    if not policy.can_sign_off(request.user, rapid_review):
        raise PermissionDenied("Only a safeguarding partner lead can sign off")
    return _decision_post(
        request,
        rapid_review,
        forms.SignOffForm(request.POST),
        "sign_off_form",
        lambda data: services.partner_sign_off(rapid_review=rapid_review, by=request.user, **data),
        done="Your sign-off is recorded",
    )


@login_required
@require_POST
def rapid_review_sent(request, pk):
    rapid_review = _rapid_review(request, pk, write=True)
    return _decision_post(
        request,
        rapid_review,
        forms.SentToPanelForm(request.POST),
        "sent_form",
        lambda data: services.rapid_review_send_to_panel(
            rapid_review=rapid_review, by=request.user, **data
        ),
        done="Sent to the national panel",
    )


@login_required
@require_POST
def rapid_review_panel_response(request, pk):
    rapid_review = _rapid_review(request, pk, write=True)
    return _decision_post(
        request,
        rapid_review,
        forms.PanelResponseForm(request.POST),
        "response_form",
        lambda data: services.rapid_review_panel_response(
            rapid_review=rapid_review, by=request.user, **data
        ),
        done="The panel's response is recorded",
    )


@login_required
@require_http_methods(["GET", "POST"])
def local_review_policy(request):
    """The partnership's local review policy, edited by its business unit manager."""
    partnership = require_business_unit_manager(request)
    form = forms.LocalReviewPolicyForm(
        posted(request), instance=selectors.local_review_policy(partnership)
    )

    def save(data):
        services.local_review_policy_update(partnership=partnership, values=data, by=request.user)
        return reverse("reviews:local_review_policy")

    return form_page(
        request,
        form,
        title="Local review policy",
        caption="Rapid reviews",
        back=reverse("reviews:review_list"),
        intro="The circumstances the partnership has decided always lead to an LCSPR, and its rule "
        "for reviewers' employers. This is the partnership's own policy, not law: the partners may "
        "decide otherwise, and a decision against it is shown as a departure.",
        save=save,
        done="Local review policy saved",
    )
