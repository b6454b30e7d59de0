from django.urls import path

from audits import urls_assurance, views

app_name = "audits"

urlpatterns = [
    path("audits/", views.programme_list, name="programme_list"),
    path("audits/programmes/add/", views.programme_create, name="programme_create"),
    path("audits/programmes/<int:pk>/", views.programme_detail, name="programme_detail"),
    *urls_assurance.urlpatterns,
]
