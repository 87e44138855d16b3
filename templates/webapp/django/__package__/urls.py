"""URL routes of the project."""

from django.urls import include, path

urlpatterns = [
    path("", include("pages.urls")),
]
