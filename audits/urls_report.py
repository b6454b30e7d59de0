"""Pages of moderation and the audit report, under /audits/."""

from django.urls import path

from audits import views_report

urlpatterns = [
    path("audits/<int:pk>/moderation/add/", views_report.meeting_create, name="meeting_create"),
    path(
        "audits/<int:pk>/moderation/conclude/",
        views_report.moderation_conclude,
        name="moderation_conclude",
    ),
    path("audits/moderation/<int:pk>/", views_report.moderation_detail, name="moderation_detail"),
    path(
        "audits/moderation/<int:pk>/cases/<int:case_pk>/",
        views_report.case_moderate,
        name="case_moderate",
    ),
    path("audits/moderation/<int:pk>/actions/add/", views_report.action_agree, name="action_agree"),
    path("audits/<int:pk>/report/", views_report.report, name="report"),
    path("audits/<int:pk>/report.pdf", views_report.report_pdf, name="report_pdf"),
    path("audits/<int:pk>/report/write/", views_report.report_write, name="report_write"),
    path(
        "audits/<int:pk>/report/points/add/", views_report.report_point_add, name="report_point_add"
    ),
    path("audits/<int:pk>/report/complete/", views_report.report_complete, name="report_complete"),
    path("audits/<int:pk>/re-audit/", views_report.re_audit_schedule, name="re_audit_schedule"),
]
