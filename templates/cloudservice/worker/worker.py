"""Worker role: takes text messages from a storage queue, summarises each one and puts the
summary on a second queue.

The platform starts it through bin/LaunchWorker.ps1 with the environment ServiceDefinition.csdef
declares: every setting below comes from the role's ConfigurationSettings in
ServiceConfiguration.*.cscfg. It stops cleanly on SIGTERM, SIGINT or (on Windows) CTRL+BREAK;
when it exits, the platform recycles the role.
"""

import json
import logging
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from azure.core.exceptions import AzureError, ResourceExistsError
from azure.storage.queue import QueueClient, QueueMessage

log = logging.getLogger("worker")

# Seconds to wait when the queue is empty, and at most between retries while storage is down.
IDLE_SECONDS = 2.0
MAX_BACKOFF_SECONDS = 30.0


@dataclass(frozen=True)
class Settings:
    connection_string: str
    input_queue: str
    output_queue: str

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> "Settings":
        """Reads the variables the csdef maps from the role's configuration settings."""
        names = {
            "connection_string": "STORAGE_CONNECTION_STRING",
            "input_queue": "INPUT_QUEUE_NAME",
            "output_queue": "OUTPUT_QUEUE_NAME",
        }
        missing = [variable for variable in names.values() if not environ.get(variable)]
        if missing:
            raise ValueError(
                f"{', '.join(missing)} not set: give the role's settings values in "
                "ServiceConfiguration.*.cscfg"
            )
        return cls(**{field: environ[variable] for field, variable in names.items()})


def summarize(text: str) -> dict:
    """The work itself: word and character counts and the most frequent words."""
    words = [word.strip(".,;:!?\"'()").lower() for word in text.split()]
    words = [word for word in words if word]
    return {
        "characters": len(text),
        "words": len(words),
        "top_words": [word for word, _ in Counter(words).most_common(3)],
    }


def handle_messages(
    messages: Iterable[QueueMessage],
    source: QueueClient,
    target: QueueClient,
    stop: threading.Event,
) -> int:
    """Summarises each message onto the target queue, then deletes it; returns how many."""
    handled = 0
    for message in messages:
        if stop.is_set():
            break
        summary = summarize(str(message.content))
        target.send_message(json.dumps({"id": message.id, **summary}))
        # Deleted only once the result is stored: a crash in between delivers it again.
        source.delete_message(message)
        log.info("processed message %s (%d words)", message.id, summary["words"])
        handled += 1
    return handled


def create_queue(queue: QueueClient) -> None:
    try:
        queue.create_queue()
    except ResourceExistsError:
        pass


def run(source: QueueClient, target: QueueClient, stop: threading.Event) -> None:
    """Polls until `stop` is set, riding out storage outages with a growing pause."""
    ready = False
    backoff = IDLE_SECONDS
    while not stop.is_set():
        try:
            if not ready:
                create_queue(source)
                create_queue(target)
                ready = True
                log.info("listening on queue %s", source.queue_name)
            messages = source.receive_messages(messages_per_page=16, visibility_timeout=60)
            handled = handle_messages(messages, source, target, stop)
            backoff = IDLE_SECONDS
            if handled == 0:
                stop.wait(IDLE_SECONDS)
        except AzureError as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            log.warning("storage unavailable (%s); retrying in %.0f s", reason, backoff)
            # Created again on the next try: storage may have come back without them.
            ready = False
            stop.wait(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
    log.info("stopped")


def queue_client(settings: Settings, queue_name: str) -> QueueClient:
    # Few, short retries: the loop above retries for ever, and a stop signal is seen within seconds.
    return QueueClient.from_connection_string(
        settings.connection_string,
        queue_name,
        retry_total=1,
        connection_timeout=5,
        read_timeout=10,
    )


def main() -> int:
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stdout,
    )
    logging.getLogger("azure").setLevel(logging.WARNING)
    try:
        settings = Settings.from_environment()
    except ValueError as error:
        log.error("%s", error)
        return 2
    stop = threading.Event()

    def request_stop(signum: int, _frame: object) -> None:
        log.info("signal %d received; stopping", signum)
        stop.set()

    for name in ("SIGTERM", "SIGINT", "SIGBREAK"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), request_stop)
    run(
        queue_client(settings, settings.input_queue),
        queue_client(settings, settings.output_queue),
        stop,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
