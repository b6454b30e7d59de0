from django.urls import path

from yearly_report import views

app_name = "yearly_report"

urlpatterns = [
    path("yearly-report/", views.report_list, name="report_list"),
    path("yearly-report/<int:pk>/", views.report_detail, name="report_detail"),
    path(
        "yearly-report/<int:pk>/narrative/<str:section>/",
        views.narrative_edit,
        name="narrative_edit",
    ),
    path("yearly-report/<int:pk>/sign-off/", views.report_sign_off, name="report_sign_off"),
    path("yearly-report/<int:pk>/publish/", views.report_publish, name="report_publish"),
    path("yearly-report/<int:pk>/sent/", views.report_sent, name="report_sent"),
]
