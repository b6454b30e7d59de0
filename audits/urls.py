from django.urls import path

from audits import urls_assurance, urls_report, views, views_cases, views_tools

app_name = "audits"

urlpatterns = [
    path("audits/", views.programme_list, name="programme_list"),
    path("audits/programmes/add/", views.programme_create, name="programme_create"),
    path("audits/programmes/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("audits/programmes/<int:pk>/plan/", views.audit_create, name="audit_create"),
    path("audits/<int:pk>/", views.audit_detail, name="audit_detail"),
    path("audits/<int:pk>/change/", views.audit_edit, name="audit_edit"),
    path("audits/<int:pk>/move-on/", views.audit_move_on, name="audit_move_on"),
    path("audits/<int:pk>/cases/random/", views_cases.cases_random, name="cases_random"),
    path("audits/<int:pk>/cases/choose/", views_cases.case_choose, name="case_choose"),
    path("audits/cases/<int:pk>/", views_cases.case_detail, name="case_detail"),
    path("audits/cases/<int:pk>/identity/", views_cases.case_identity, name="case_identity"),
    path(
        "audits/cases/<int:pk>/identity/change/",
        views_cases.case_identity_edit,
        name="case_identity_edit",
    ),
    path("audits/cases/<int:pk>/ask/", views_cases.requests_send, name="requests_send"),
    path("audits/requests/", views_cases.request_list, name="request_list"),
    path("audits/requests/<int:pk>/", views_cases.request_detail, name="request_detail"),
    path(
        "audits/requests/<int:pk>/workbook.xlsx",
        views_cases.request_workbook,
        name="request_workbook",
    ),
    path("audits/requests/<int:pk>/upload/", views_cases.request_upload, name="request_upload"),
    path("audits/tools/", views_tools.tool_list, name="tool_list"),
    path("audits/tools/<int:pk>/", views_tools.tool_detail, name="tool_detail"),
    path("audits/tools/<int:pk>/copy/", views_tools.tool_copy, name="tool_copy"),
    path(
        "audits/tools/<int:pk>/sections/add/", views_tools.tool_section_add, name="tool_section_add"
    ),
    path(
        "audits/tools/<int:pk>/questions/add/",
        views_tools.tool_question_add,
        name="tool_question_add",
    ),
    path(
        "audits/tools/<int:pk>/questions/<int:question_pk>/change/",
        views_tools.tool_question_change,
        name="tool_question_change",
    ),
    path(
        "audits/tools/<int:pk>/questions/<int:question_pk>/remove/",
        views_tools.tool_question_remove,
        name="tool_question_remove",
    ),
    *urls_assurance.urlpatterns,
    *urls_report.urlpatterns,
]
