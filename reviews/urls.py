from django.urls import path

from reviews import views, views_reports, views_requests, views_reviews

app_name = "reviews"

urlpatterns = [
    path("referrals/", views.referral_list, name="referral_list"),
    path("referrals/new/", views.referral_create, name="referral_create"),
    path("referrals/<int:pk>/", views.referral_detail, name="referral_detail"),
    path("referrals/<int:pk>/triage/", views.referral_triage, name="referral_triage"),
    path("notifications/new/", views.notification_create, name="notification_create"),
    path("local-review-policy/", views.local_review_policy, name="local_review_policy"),
    path("notifications/<int:pk>/", views.notification_detail, name="notification_detail"),
    path(
        "notifications/<int:pk>/notified/",
        views.notification_notified,
        name="notification_notified",
    ),
    path(
        "notifications/<int:pk>/secretary-of-state/",
        views.notification_secretary_of_state,
        name="notification_secretary_of_state",
    ),
    path("notifications/<int:pk>/children/new/", views.child_add, name="child_add"),
    path(
        "notifications/<int:pk>/identifying-details/",
        views.identifying_details,
        name="identifying_details",
    ),
    path("rapid-reviews/<int:pk>/", views.rapid_review_detail, name="rapid_review_detail"),
    path("rapid-reviews/<int:pk>/edit/", views.rapid_review_edit, name="rapid_review_edit"),
    path("rapid-reviews/<int:pk>/episodes/new/", views.episode_add, name="episode_add"),
    path(
        "rapid-reviews/<int:pk>/decision/",
        views.rapid_review_decision,
        name="rapid_review_decision",
    ),
    path(
        "rapid-reviews/<int:pk>/sign-off/",
        views.rapid_review_sign_off,
        name="rapid_review_sign_off",
    ),
    path(
        "rapid-reviews/<int:pk>/sent-to-panel/", views.rapid_review_sent, name="rapid_review_sent"
    ),
    path(
        "rapid-reviews/<int:pk>/panel-response/",
        views.rapid_review_panel_response,
        name="rapid_review_panel_response",
    ),
    path("requests/", views_requests.request_list, name="request_list"),
    path("<str:case>/<int:pk>/requests/new/", views_requests.request_create, name="request_create"),
    path("requests/<int:pk>/", views_requests.request_detail, name="request_detail"),
    path("requests/<int:pk>/return/", views_requests.request_return, name="request_return"),
    path("requests/<int:pk>/chase/", views_requests.request_chase, name="request_chase"),
    path(
        "requests/<int:pk>/entries/new/",
        views_requests.chronology_entry_add,
        name="chronology_entry_add",
    ),
    path("requests/<int:pk>/import/", views_requests.chronology_import, name="chronology_import"),
    path("reviews/", views_reviews.review_list, name="review_list"),
    path("reviews/new/", views_reviews.review_create, name="review_create"),
    path("reviews/<int:pk>/", views_reviews.review_detail, name="review_detail"),
    path("reviews/<int:pk>/edit/", views_reviews.review_edit, name="review_edit"),
    path("reviews/<int:pk>/terms-of-reference/new/", views_reviews.terms_draft, name="terms_draft"),
    path("terms-of-reference/<int:pk>/approve/", views_reviews.terms_approve, name="terms_approve"),
    path("reviews/<int:pk>/milestones/new/", views_reviews.milestone_add, name="milestone_add"),
    path(
        "milestones/<int:pk>/complete/", views_reviews.milestone_complete, name="milestone_complete"
    ),
    path("reviews/<int:pk>/reviewers/new/", views_reviews.reviewer_assign, name="reviewer_assign"),
    path("reviewers/<int:pk>/remove/", views_reviews.reviewer_remove, name="reviewer_remove"),
    path("reviews/<int:pk>/declaration/", views_reviews.declaration_add, name="declaration_add"),
    path("reviews/<int:pk>/chronology/", views_reviews.chronology, name="chronology"),
    path(
        "reviews/<int:pk>/chronology.csv", views_reviews.chronology_export, name="chronology_export"
    ),
    path("reviews/<int:pk>/learning-events/new/", views_reviews.event_add, name="event_add"),
    path("learning-events/<int:pk>/", views_reviews.event_record, name="event_record"),
    path("reviews/<int:pk>/drafts/new/", views_reports.draft_add, name="draft_add"),
    path("drafts/<int:pk>/", views_reports.draft_detail, name="draft_detail"),
    path("drafts/<int:pk>/comment/", views_reports.draft_comment, name="draft_comment"),
    path("drafts/<int:pk>/sign-off/", views_reports.draft_sign_off, name="draft_sign_off"),
    path("reviews/<int:pk>/final/", views_reports.review_final, name="review_final"),
    path(
        "reviews/<int:pk>/publication/", views_reports.review_publication, name="review_publication"
    ),
    path("reviews/<int:pk>/publish/", views_reports.review_publish, name="review_publish"),
    path("reviews/<int:pk>/close/", views_reports.review_close, name="review_close"),
    path("tasks/<int:pk>/done/", views_reports.task_done, name="task_done"),
]
