from django.urls import path

from training import views

app_name = "training"

urlpatterns = [
    path("training/", views.course_list, name="course_list"),
]
