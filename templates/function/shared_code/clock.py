"""Time helpers used by the timer sample: plain Python, tested without the Functions runtime."""

from datetime import datetime, timezone


def utc_now() -> datetime:
    """The current time, timezone-aware (datetime.utcnow() is deprecated)."""
    return datetime.now(timezone.utc)


def describe_run(function_name: str, now: datetime, past_due: bool) -> str:
    """One log line for a timer run."""
    lateness = " (late: the previous schedule was missed)" if past_due else ""
    return f"{function_name} ran at {now.isoformat(timespec='seconds')}{lateness}"
