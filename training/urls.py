from django.urls import path

from training import urls_evaluation, views

app_name = "training"

urlpatterns = [
    path("training/", views.course_list, name="course_list"),
    path("training/courses/add/", views.course_create, name="course_create"),
    path("training/courses/<int:pk>/", views.course_detail, name="course_detail"),
    path("training/courses/<int:pk>/change/", views.course_edit, name="course_edit"),
    path("training/courses/<int:pk>/events/add/", views.event_create, name="event_create"),
    path("training/events/<int:pk>/", views.event_detail, name="event_detail"),
    path("training/events/<int:pk>/book/", views.event_book, name="event_book"),
    path("training/events/<int:pk>/change/", views.event_edit, name="event_edit"),
    path("training/events/<int:pk>/cancel/", views.event_cancel, name="event_cancel"),
    path("training/bookings/", views.my_bookings, name="my_bookings"),
    path("training/bookings/<int:pk>/", views.booking_detail, name="booking_detail"),
    path("training/bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("training/bookings/<int:pk>/confirm/", views.offer_confirm, name="offer_confirm"),
    path("training/calendar/reset/", views.calendar_reset, name="calendar_reset"),
    path("training/calendar/<str:token>.ics", views.personal_calendar, name="personal_calendar"),
    path("training/approve/<str:token>/", views.booking_approval, name="booking_approval"),
    path("training/charges.csv", views.charges_csv, name="charges_csv"),
    path("training/terms/", views.terms_edit, name="terms"),
    path("training/terms/fees/", views.fee_set, name="fee_set"),
]

urlpatterns += urls_evaluation.urlpatterns
