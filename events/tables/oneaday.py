"""The Phoenix one-a-day filter: one event per source, target, event code and day.

The first event seen for a key is kept; later ones only raise its count and add their article
(id, URL, source) to its reports. Output comes at ``close`` in first-seen order. Memory holds only
the keys and their tallies (proportional to the distinct keys plus the distinct articles reporting
each); the kept events wait in an anonymous temporary file, not in memory.
"""

from __future__ import annotations

import json
import tempfile
from typing import IO, Any

from ..models import Article, Event
from ..writers import EventWriter, WriterSpec
from .reports import Reports, Tally

Key = tuple[str, str, str, str]


def dedup_key(event: Event) -> Key:
    """Source code, target code, event code and event date (missing actors as ``""``)."""
    return (event.source.code if event.source else "", event.target.code if event.target else "",
            event.action.code, event.date.isoformat())


class OneADayWriter:
    """Wraps a writer and passes it one event per key, with the merged ``Reports``.

    Writers with a ``write_reported(article, event, reports)`` method receive the counts and
    article ids; any other writer gets the kept events through ``write_article``.
    """

    def __init__(self, inner: EventWriter, spool_dir: str | None = None):
        self._inner = inner
        self._tallies: dict[Key, Tally] = {}
        self._spool = tempfile.TemporaryFile(dir=spool_dir)

    def write_article(self, article: Article, events: list[Event]) -> None:
        meta: dict | None = None
        for event in events:
            key = dedup_key(event)
            tally = self._tallies.get(key)
            if tally is None:
                tally = self._tallies[key] = Tally()
                meta = meta or article.model_dump(mode="json", exclude={"text"})
                record = {"article": meta, "event": event.model_dump(mode="json")}
                self._spool.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            tally.add(article)

    def close(self) -> None:
        self._spool.seek(0)
        tallies, self._tallies = self._tallies, {}
        report = getattr(self._inner, "write_reported", None)
        for line, tally in zip(self._spool, tallies.values(), strict=True):
            record = json.loads(line)
            article = Article.model_validate({**record["article"], "text": ""})
            event = Event.model_validate(record["event"])
            if report is not None:
                report(article, event, tally.freeze())
            else:
                self._inner.write_article(article, [event])
        self._spool.close()
        self._inner.close()


def one_a_day_writer(spec: WriterSpec, stream: IO[bytes], **options: Any) -> OneADayWriter:
    """``spec``'s writer behind the one-a-day filter; JSON formats gain a ``reports`` object."""
    from .reported_json import REPORTING_JSON

    target = REPORTING_JSON.get(spec.name)
    inner = target(stream, **options) if target else spec.create(stream, **options)
    return OneADayWriter(inner)


def reports_json(reports: Reports) -> dict:
    """The ``reports`` object added to JSON events under ``--one-a-day``."""
    return {"count": reports.count, "article_ids": list(reports.article_ids),
            "urls": list(reports.urls), "sources": list(reports.sources)}
