from django.urls import path

from training import views_evaluation as views

urlpatterns = [
    path("training/events/<int:pk>/register/", views.event_register, name="event_register"),
    path("training/events/<int:pk>/trainers/", views.event_trainer_add, name="event_trainer_add"),
    path("training/your-training/", views.training_record, name="training_record"),
    path(
        "training/bookings/<int:pk>/evaluation/<str:stage>/",
        views.evaluation_give,
        name="evaluation_give",
    ),
    path("training/bookings/<int:pk>/certificate/", views.certificate, name="certificate"),
    path("training/results/", views.results, name="results"),
    path("training/courses/<int:pk>/results/", views.course_results, name="course_results"),
    path("training/needs/", views.training_needs, name="training_needs"),
    path("training/completions/", views.completions_import, name="completions_import"),
]
