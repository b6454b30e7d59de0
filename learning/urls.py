from django.urls import path

from learning.views import actions, products, sources, themes

app_name = "learning"

SOURCE = "learning/sources/<int:type_id>/<int:source_id>"

urlpatterns = [
    path("learning/", sources.index, name="index"),
    path("learning/other-sources/", sources.other_source_list, name="other_source_list"),
    path("learning/other-sources/add/", sources.other_source_create, name="other_source_create"),
    path(
        "learning/other-sources/<int:pk>/", sources.other_source_detail, name="other_source_detail"
    ),
    path(
        "learning/other-sources/<int:pk>/close/",
        sources.other_source_close,
        name="other_source_close",
    ),
    path(f"{SOURCE}/findings/add/", sources.finding_add, name="finding_add"),
    path(f"{SOURCE}/recommendations/add/", sources.recommendation_add, name="recommendation_add"),
    path(f"{SOURCE}/publish/", products.publication_create, name="publication_create"),
    path("learning/findings/<int:pk>/", sources.finding_detail, name="finding_detail"),
    path("learning/findings/<int:pk>/edit/", sources.finding_edit, name="finding_edit"),
    path("learning/recommendations/<int:pk>/actions/add/", actions.action_add, name="action_add"),
    path("learning/actions/", actions.action_plan, name="action_plan"),
    path("learning/actions/export.<fmt>", actions.action_plan_export, name="action_plan_export"),
    path("learning/actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("learning/actions/<int:pk>/update/", actions.action_update, name="action_update"),
    path("learning/actions/<int:pk>/close/", actions.action_close, name="action_close"),
    path(
        "learning/actions/<int:pk>/evidence/sign-off/",
        actions.evidence_sign_off,
        name="evidence_sign_off",
    ),
    path(
        "learning/actions/<int:pk>/indicators/add/",
        actions.action_indicator_add,
        name="action_indicator_add",
    ),
    path(
        "learning/actions/<int:pk>/indicators/<int:link_pk>/remove/",
        actions.action_indicator_remove,
        name="action_indicator_remove",
    ),
    path("learning/dissemination/<int:pk>/channels/add/", sources.channel_add, name="channel_add"),
    path(
        "learning/dissemination/channels/<int:pk>/finish/",
        sources.channel_finish,
        name="channel_finish",
    ),
    path(
        "learning/dissemination/channels/<int:pk>/activities/add/",
        sources.activity_add,
        name="activity_add",
    ),
    path("learning/themes/", themes.theme_list, name="theme_list"),
    path("learning/themes/add/", themes.theme_create, name="theme_create"),
    path("learning/themes/standard/", themes.themes_seed, name="themes_seed"),
    path("learning/themes/<int:pk>/edit/", themes.theme_edit, name="theme_edit"),
    path("learning/themes/<int:pk>/merge/", themes.theme_merge, name="theme_merge"),
    path("learning/similar/", themes.similar_work, name="similar_work"),
    path("learning/recurring/", themes.recurring_lessons, name="recurring_lessons"),
    path("learning/briefings/", products.briefing_list, name="briefing_list"),
    path("learning/briefings/add/", products.briefing_create, name="briefing_create"),
    path("learning/briefings/<int:pk>/", products.briefing_detail, name="briefing_detail"),
    path("learning/briefings/<int:pk>/edit/", products.briefing_edit, name="briefing_edit"),
    path(
        "learning/briefings/<int:pk>/<str:to>/",
        products.briefing_advance,
        name="briefing_advance",
    ),
    path("learning/newsletters/", products.newsletter_list, name="newsletter_list"),
    path("learning/newsletters/add/", products.newsletter_create, name="newsletter_create"),
    path(
        "learning/newsletters/<int:pk>/approve/",
        products.newsletter_approve,
        name="newsletter_approve",
    ),
    path(
        "learning/newsletters/<int:pk>/publish/",
        products.newsletter_publish,
        name="newsletter_publish",
    ),
    path("learning/changes/", products.practice_change_list, name="practice_change_list"),
    path("learning/changes/add/", products.practice_change_create, name="practice_change_create"),
    path("learning/publications/", products.publication_list, name="publication_list"),
    path(
        "learning/publications/<int:pk>/withdraw/",
        products.publication_withdraw,
        name="publication_withdraw",
    ),
]
