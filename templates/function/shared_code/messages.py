"""Message handling used by the queue, Service Bus, Event Hub and Event Grid samples: plain Python,
tested without the Functions runtime."""

MAX_PREVIEW_LENGTH = 200


def preview(body: bytes | str) -> str:
    """The message text on one line, capped in length, so any payload makes a short log entry."""
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    return " ".join(text.split())[:MAX_PREVIEW_LENGTH]


def describe_message(function_name: str, body: bytes | str) -> str:
    """One log line for a received message."""
    size = len(body.encode("utf-8")) if isinstance(body, str) else len(body)
    return f"{function_name} received {size} bytes: {preview(body)}"
