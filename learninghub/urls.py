from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

urlpatterns = [
    path("", include("core.urls")),
    path("", include("partnership.urls")),
    path("", include("learning.urls")),
    path("", include("public.urls")),
    path("", include("reviews.urls")),
    path("child-deaths/", include("child_deaths.urls")),
    path("", include("performance.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
]

handler403 = "core.views.forbidden"
handler404 = "core.views.not_found"
handler500 = "core.views.server_error"
