"""JSON Lines and JSON array writers: the event records exactly as the JSON Schema describes."""

from __future__ import annotations

from typing import IO

from ..models import Article, Event


def event_json(event: Event) -> str:
    """One event as compact JSON (``None`` fields kept, so every line has the same keys)."""
    return event.model_dump_json()


class JsonLinesWriter:
    def __init__(self, stream: IO[bytes], **_: object):
        self._stream = stream

    def write_article(self, article: Article, events: list[Event]) -> None:
        if events:
            self._stream.write("".join(event_json(e) + "\n" for e in events).encode("utf-8"))

    def close(self) -> None:
        self._stream.flush()


class JsonArrayWriter:
    def __init__(self, stream: IO[bytes], **_: object):
        self._stream = stream
        self._first = True
        self._stream.write(b"[")

    def write_article(self, article: Article, events: list[Event]) -> None:
        for event in events:
            self.write_record(event_json(event))

    def write_record(self, record: str) -> None:
        """One JSON value into the array."""
        self._stream.write(b"\n" if self._first else b",\n")
        self._stream.write(record.encode("utf-8"))
        self._first = False

    def close(self) -> None:
        self._stream.write(b"\n]\n" if not self._first else b"]\n")
        self._stream.flush()
