"""Blob and document helpers used by the blob and Cosmos DB samples: plain Python, tested without
the Functions runtime."""

from collections.abc import Iterable, Mapping


def describe_blob(function_name: str, blob_name: str | None, content: bytes) -> str:
    """One log line for a blob that arrived."""
    return f"{function_name} processed blob {blob_name or '(unnamed)'}: {len(content)} bytes"


def describe_changes(function_name: str, documents: Iterable[Mapping[str, object]]) -> str:
    """One log line for a batch of changed documents, naming their ids."""
    ids = [str(document.get("id", "?")) for document in documents]
    return f"{function_name} saw {len(ids)} changed document(s): {', '.join(ids)}"
