from django.urls import path, re_path

from child_deaths import views, views_panel, views_reports

app_name = "child_deaths"

urlpatterns = [
    path("", views.death_list, name="death_list"),
    path("notify/", views.notify, name="notify"),
    path("<int:pk>/", views.death_detail, name="death_detail"),
    path("<int:pk>/identifying-details/", views.identity, name="identity"),
    path("<int:pk>/joint-agency-response/", views.jar_edit, name="jar_edit"),
    path("<int:pk>/stillbirth/", views.stillbirth_confirm, name="stillbirth_confirm"),
    path("<int:pk>/reporting-forms/request/", views.request_add, name="request_add"),
    path("<int:pk>/review-meeting/", views.review_meeting_add, name="review_meeting_add"),
    path("<int:pk>/ready-for-panel/", views.mark_ready, name="mark_ready"),
    path("<int:pk>/analysis/", views_panel.analysis_add, name="analysis_add"),
    path("reporting-forms/", views.my_requests, name="my_requests"),
    path("reporting-forms/<int:pk>/", views.request_return, name="request_return"),
    path("panel-meetings/", views_panel.meeting_list, name="panel_meeting_list"),
    path("panel-meetings/new/", views_panel.meeting_add, name="panel_meeting_add"),
    path("panel-meetings/<int:pk>/", views_panel.meeting_detail, name="panel_meeting_detail"),
    path(
        "panel-meetings/<int:pk>/minutes/",
        views_panel.meeting_minutes,
        name="panel_meeting_minutes",
    ),
    path(
        "panel-meetings/<int:pk>/papers/",
        views_panel.meeting_paper_add,
        name="panel_meeting_paper_add",
    ),
    path("trends/", views_reports.trends, name="trends"),
    path("trends.csv", views_reports.trends_csv, name="trends_csv"),
    path("yearly-report/", views_reports.yearly_report, name="yearly_report"),
    path("yearly-report.pdf", views_reports.yearly_report_pdf, name="yearly_report_pdf"),
    path(
        "yearly-report/publish/",
        views_reports.yearly_report_publish,
        name="yearly_report_publish",
    ),
    re_path(r"^ncmd-export\.(?P<fmt>csv|json)$", views_reports.ncmd_export, name="ncmd_export"),
]
