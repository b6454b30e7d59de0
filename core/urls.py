from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("accessibility/", views.site_page, {"template": "accessibility"}, name="accessibility"),
    path("privacy/", views.site_page, {"template": "privacy"}, name="privacy"),
    path("cookies/", views.site_page, {"template": "cookies"}, name="cookies"),
    path("audit-trail/", views.audit_trail, name="audit_trail"),
    path("audit-trail/text-history/", views.text_history, name="text_history"),
    path(
        "audit-trail/text-history/<int:pk>/",
        views.text_version_change,
        name="text_version_change",
    ),
    path("partnership/closure-days/", views.closure_days, name="closure_days"),
    path(
        "partnership/closure-days/<int:pk>/remove/",
        views.closure_day_remove,
        name="closure_day_remove",
    ),
    path("documents/<int:pk>/", views.document_download, name="document_download"),
]
