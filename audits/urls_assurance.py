"""Single-agency assurance pages, under /audits/assurance/ (included by `audits/urls.py`)."""

from django.urls import path

from audits import views_assurance as views

urlpatterns = [
    path("audits/assurance/", views.home, name="assurance"),
    path("audits/assurance/open/", views.round_open, name="assurance_round_open"),
    path("audits/assurance/standards/", views.standards, name="assurance_standards"),
    path(
        "audits/assurance/standards/<int:pk>/archive/",
        views.standard_archive,
        name="assurance_standard_archive",
    ),
    path("audits/assurance/<int:pk>/", views.round_detail, name="assurance_round"),
    path("audits/assurance/<int:pk>/heat-map/", views.heat_map, name="assurance_heat_map"),
    path(
        "audits/assurance/<int:pk>/heat-map.csv",
        views.heat_map_export,
        {"file_format": "csv"},
        name="assurance_heat_map_csv",
    ),
    path(
        "audits/assurance/<int:pk>/heat-map.xlsx",
        views.heat_map_export,
        {"file_format": "xlsx"},
        name="assurance_heat_map_xlsx",
    ),
    path(
        "audits/assurance/self-assessments/<int:pk>/", views.self_assessment, name="self_assessment"
    ),
    path(
        "audits/assurance/self-assessments/<int:pk>/complete/",
        views.self_assessment_complete,
        name="self_assessment_complete",
    ),
    path(
        "audits/assurance/self-assessments/<int:pk>/challenge/",
        views.challenge_record,
        name="challenge_record",
    ),
    path("audits/assurance/agency-audits/", views.agency_audits, name="agency_audits"),
    path("audits/assurance/agency-audits/add/", views.agency_audit_add, name="agency_audit_add"),
    path("audits/assurance/agency-audits/<int:pk>/", views.agency_audit, name="agency_audit"),
]
