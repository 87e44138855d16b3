"""The worker's logic, with the queues replaced by in-memory fakes (storage itself is Azure's)."""

import json
import threading
from types import SimpleNamespace

import pytest
from azure.core.exceptions import ResourceExistsError, ServiceRequestError

import worker

ENVIRONMENT = {
    "STORAGE_CONNECTION_STRING": "UseDevelopmentStorage=true",
    "INPUT_QUEUE_NAME": "work-items",
    "OUTPUT_QUEUE_NAME": "work-results",
}


class FakeQueue:
    def __init__(self, name, messages=(), failures=0, stop=None):
        self.queue_name = name
        self.messages = [
            SimpleNamespace(id=str(i), content=text) for i, text in enumerate(messages)
        ]
        self.sent = []
        self.deleted = []
        self.failures = failures
        self.stop = stop
        self.created = 0

    def create_queue(self):
        self.created += 1
        if self.created > 1:
            raise ResourceExistsError("exists")

    def receive_messages(self, **_options):
        if self.failures:
            self.failures -= 1
            raise ServiceRequestError("connection refused")
        batch, self.messages = self.messages, []
        if not batch and self.stop is not None:
            self.stop.set()
        return batch

    def send_message(self, content):
        self.sent.append(content)

    def delete_message(self, message):
        self.deleted.append(message.id)


def test_settings_come_from_the_environment():
    settings = worker.Settings.from_environment(ENVIRONMENT)
    assert settings == worker.Settings("UseDevelopmentStorage=true", "work-items", "work-results")


def test_missing_settings_are_named():
    with pytest.raises(ValueError, match="INPUT_QUEUE_NAME"):
        worker.Settings.from_environment({**ENVIRONMENT, "INPUT_QUEUE_NAME": ""})


def test_summarize_counts_words_and_finds_the_most_frequent():
    summary = worker.summarize("The cat saw the other cat. The end!")
    assert summary == {"characters": 35, "words": 8, "top_words": ["the", "cat", "saw"]}


def test_each_message_is_summarised_then_deleted():
    source = FakeQueue("work-items", ["one two", "three"])
    target = FakeQueue("work-results")
    handled = worker.handle_messages(list(source.messages), source, target, threading.Event())
    assert handled == 2
    assert [json.loads(sent)["words"] for sent in target.sent] == [2, 1]
    assert source.deleted == ["0", "1"]


def test_run_rides_out_a_storage_outage_and_stops_when_asked(monkeypatch):
    monkeypatch.setattr(worker, "IDLE_SECONDS", 0.01)
    stop = threading.Event()
    source = FakeQueue("work-items", ["hello world"], failures=2, stop=stop)
    target = FakeQueue("work-results")
    worker.run(source, target, stop)
    assert [json.loads(sent)["top_words"] for sent in target.sent] == [["hello", "world"]]
    assert source.deleted == ["0"]
