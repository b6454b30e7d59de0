from django.urls import path

from inspections import views

app_name = "inspections"

urlpatterns = [
    path("inspections/", views.inspection_list, name="inspection_list"),
    path("inspections/add/", views.inspection_create, name="inspection_create"),
    path("inspections/judgements/", views.judgement_history, name="judgement_history"),
    path("inspections/progress/", views.progress_report, name="progress_report"),
    path("inspections/progress.pdf", views.progress_report_pdf, name="progress_report_pdf"),
    path("inspections/settings/", views.settings_edit, name="settings"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("inspections/<int:pk>/change/", views.inspection_edit, name="inspection_edit"),
    path("inspections/<int:pk>/judgements/", views.judgements_edit, name="judgements_edit"),
    path("inspections/<int:pk>/points/add/", views.point_add, name="point_add"),
    path("inspections/<int:pk>/documents/add/", views.document_add, name="document_add"),
    path("inspections/<int:pk>/sample/add/", views.sample_case_add, name="sample_case_add"),
]
