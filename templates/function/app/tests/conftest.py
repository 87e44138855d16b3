"""Puts the app root first on sys.path, as the Functions worker does at runtime, so that tests
import function folders and shared_code exactly the way the deployed app does."""

import sys
from pathlib import Path

APP_ROOT = str(Path(__file__).resolve().parent.parent)

if APP_ROOT not in sys.path:
    sys.path.insert(0, APP_ROOT)
