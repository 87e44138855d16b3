from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def index(request: HttpRequest) -> HttpResponse:
    context = {"title": settings.SITE_TITLE, "scheme": request.scheme}
    return render(request, "pages/index.html", context)


def health(request: HttpRequest) -> JsonResponse:
    """For App Service health check: answers without touching the database."""
    return JsonResponse({"status": "ok"})
