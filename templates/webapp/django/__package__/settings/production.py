"""Settings on App Service: selected when WEBSITE_HOSTNAME is set, values from app settings."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _app_setting(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"Set the {name} app setting: production settings need it.")
    return value


SECRET_KEY = _app_setting("SECRET_KEY")
DEBUG = os.environ.get("DJANGO_DEBUG", "").lower() == "true"

# The platform's host name, plus custom domains listed in DJANGO_ALLOWED_HOSTS (comma-separated).
ALLOWED_HOSTS = [
    _app_setting("WEBSITE_HOSTNAME"),
    *filter(None, (host.strip() for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(","))),
]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]

# TLS ends at the front end, which sends the original scheme in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# The platform's health check calls /health directly, without TLS.
SECURE_REDIRECT_EXEMPT = [r"^health$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed files with hashed names: run collectstatic on deployment.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
