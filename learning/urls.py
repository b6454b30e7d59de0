from django.urls import path

from learning.views import actions, sources

app_name = "learning"

SOURCE = "learning/sources/<int:type_id>/<int:source_id>"

urlpatterns = [
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
    path("learning/findings/<int:pk>/", sources.finding_detail, name="finding_detail"),
    path("learning/findings/<int:pk>/edit/", sources.finding_edit, name="finding_edit"),
    path("learning/recommendations/<int:pk>/actions/add/", actions.action_add, name="action_add"),
    path("learning/actions/", actions.action_plan, name="action_plan"),
    path(
        "learning/actions/export.<fmt>",
        actions.action_plan_export,
        name="action_plan_export",
    ),
    path("learning/actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("learning/actions/<int:pk>/update/", actions.action_update, name="action_update"),
    path("learning/actions/<int:pk>/close/", actions.action_close, name="action_close"),
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
]
