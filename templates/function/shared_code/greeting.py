"""Greeting logic used by the HTTP sample: plain Python, tested without the Functions runtime."""

from datetime import datetime, timezone

MAX_NAME_LENGTH = 100


def clean_name(raw: str) -> str:
    """Collapses white space and caps the length, so any input makes a short one-line name."""
    return " ".join(raw.split())[:MAX_NAME_LENGTH]


def greet(name: str, now: datetime | None = None) -> dict[str, str]:
    """The greeting for a non-empty name, stamped with a timezone-aware UTC time."""
    moment = now or datetime.now(timezone.utc)
    return {"message": f"Hello, {name}!", "time": moment.isoformat()}
