from django.urls import path

from public import views

app_name = "public"

urlpatterns = [
    path("learn/<slug:slug>/", views.index, name="index"),
    path("learn/<slug:slug>/feed/", views.LearningFeed(), name="feed"),
    path("learn/<slug:slug>/training/", views.training, name="training"),
    path("learn/<slug:slug>/training.ics", views.training_feed, name="training_feed"),
    path("learn/<slug:slug>/<int:pk>/", views.publication, name="publication"),
    path("learn/<slug:slug>/<int:pk>/pdf/", views.publication_pdf, name="publication_pdf"),
    path(
        "learn/<slug:slug>/<int:pk>/document/",
        views.publication_document,
        name="publication_document",
    ),
    path("learn/<slug:slug>/<int:pk>/email/", views.newsletter_email, name="newsletter_email"),
]
