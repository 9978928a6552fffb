"""``events convert``: JSON Lines events (as ``events extract`` writes them) to an RDF format.

Events are read one line at a time and grouped by article as they come (an article's events are
consecutive in extract output), so any input size streams. The articles' own metadata (date,
source, URL, title) is not in the event records and so is not in the converted output.
"""

from __future__ import annotations

import sys
from typing import IO, Iterable, Iterator

from pydantic import ValidationError

from ..errors import InputError
from ..models import Article, Event


def read_events(stream: Iterable[bytes], name: str) -> Iterator[Event]:
    """Events from JSON Lines; a bad line raises :class:`InputError` naming file and line."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            yield Event.model_validate_json(raw)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            message = err["msg"].removeprefix("Value error, ")
            raise InputError(name, number, f"{where}: {message}" if where else message) from None


def events_by_article(events: Iterable[Event]) -> Iterator[tuple[Article, list[Event]]]:
    """Consecutive events of the same article, with a minimal article record for each group."""
    current: list[Event] = []
    for event in events:
        if current and event.article_id != current[0].article_id:
            yield _article_of(current), current
            current = []
        current.append(event)
    if current:
        yield _article_of(current), current


def _article_of(events: list[Event]) -> Article:
    first = events[0]
    return Article(id=first.article_id, text="", lang=first.language)


def open_inputs(inputs: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[Event]:
    """Events from each input file in turn (``-`` is standard input)."""
    for name in inputs:
        if name == "-":
            yield from read_events(stdin or sys.stdin.buffer, "<stdin>")
            continue
        try:
            handle = open(name, "rb")
        except OSError as exc:
            raise InputError(name, None, f"cannot read file: {exc.strerror or exc}") from None
        with handle:
            yield from read_events(handle, name)


def convert(inputs: Iterable[str], writer, stdin: IO[bytes] | None = None) -> tuple[int, int]:
    """Write every input event through ``writer``; returns (articles, events)."""
    articles = events = 0
    for article, group in events_by_article(open_inputs(inputs, stdin)):
        writer.write_article(article, group)
        articles += 1
        events += len(group)
    return articles, events
