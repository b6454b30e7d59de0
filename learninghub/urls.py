from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from partnership.api import OrganisationViewSet

api = DefaultRouter()
api.register("organisations", OrganisationViewSet, basename="organisation")

urlpatterns = [
    path("", include("core.urls")),
    path("", include("partnership.urls")),
    path("", include("learning.urls")),
    path("", include("public.urls")),
    path("", include("reviews.urls")),
    path("child-deaths/", include("child_deaths.urls")),
    path("", include("performance.urls")),
    path("", include("inspections.urls")),
    path("", include("training.urls")),
    path("", include("audits.urls")),
    path("", include("yearly_report.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/v1/", include((api.urls, "api"))),
]

handler403 = "core.views.forbidden"
handler404 = "core.views.not_found"
handler500 = "core.views.server_error"
