"""Already-extracted events as load input: JSON Lines files whose records are events.

A ``.jsonl`` file is an event file when its first record has the keys ``action`` and
``article_id`` (articles have ``text`` instead). Its events are grouped into consecutive runs of
the same article; each run comes out with a stand-in ``Article`` (id and language only).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterator

from pydantic import ValidationError

from ..inputs import JSONL_SUFFIXES, Rejected
from ..models import Article, Event

EVENT_KEYS = frozenset({"action", "article_id"})
EXTRA_KEYS = ("reports",)  # added by --one-a-day; not part of the event record


def is_event_file(path: Path) -> bool:
    if path.suffix.lower() not in JSONL_SUFFIXES or not path.is_file():
        return False
    with path.open("rb") as handle:
        for raw in handle:
            if raw.strip():
                try:
                    record = json.loads(raw)
                except ValueError:
                    return False
                return isinstance(record, dict) and EVENT_KEYS <= record.keys()
    return False


def read_event_file(path: Path, on_reject: Callable[[Rejected], None]
                    ) -> Iterator[tuple[Article, list[Event]]]:
    """Each run of consecutive events of one article, as (stand-in article, events)."""
    run: list[Event] = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            event = _event(raw, str(path), number, on_reject)
            if event is None:
                continue
            if run and run[0].article_id != event.article_id:
                yield _article(run), run
                run = []
            run.append(event)
    if run:
        yield _article(run), run


def _event(raw: bytes, path: str, line: int, on_reject: Callable[[Rejected], None]) -> Event | None:
    record: object = None
    try:
        record = json.loads(raw)
        if not isinstance(record, dict):
            raise ValueError("not a JSON object")
        return Event.model_validate({k: v for k, v in record.items() if k not in EXTRA_KEYS})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        reason = f"invalid event: {where + ': ' if where else ''}{err['msg']}"
    except ValueError as exc:
        reason = f"invalid JSON: {exc}"
    article_id = record.get("article_id") if isinstance(record, dict) else None
    on_reject(Rejected(path, line, reason, article_id if isinstance(article_id, str) else None))
    return None


def _article(events: list[Event]) -> Article:
    return Article(id=events[0].article_id, text="", lang=events[0].language)
