from django.urls import path

from performance import views, views_import

app_name = "performance"

urlpatterns = [
    path("performance/", views.report, name="report"),
    path("performance/report.pdf", views.report_pdf, name="report_pdf"),
    path("performance/indicators/", views.indicator_list, name="indicator_list"),
    path("performance/indicators/add/", views.indicator_create, name="indicator_create"),
    path("performance/indicators/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("performance/indicators/<int:pk>/change/", views.indicator_edit, name="indicator_edit"),
    path("performance/scrutiny/add/", views.scrutiny_create, name="scrutiny_create"),
    path("performance/scrutiny/<int:pk>/", views.scrutiny_detail, name="scrutiny_detail"),
    path("performance/audit-proposals/", views.audit_proposal_list, name="audit_proposal_list"),
    path("performance/imports/", views_import.import_start, name="import_start"),
    path(
        "performance/imports/template.<str:file_format>",
        views_import.import_template,
        name="import_template",
    ),
    path("performance/imports/<int:pk>/", views_import.import_detail, name="import_detail"),
    path("performance/imports/<int:pk>/apply/", views_import.import_apply, name="import_apply"),
]
