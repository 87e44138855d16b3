"""Settings for a developer's machine and the tests."""

import os

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
# No secret is kept in the code: without SECRET_KEY each process makes its own.
SECRET_KEY = os.environ.get("SECRET_KEY") or get_random_secret_key()
