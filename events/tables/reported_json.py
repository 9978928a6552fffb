"""JSON Lines / JSON array writers that also write ``reports`` (used under ``--one-a-day``).

Each event record is the usual one (``events.writers.jsonl.event_json``) with one more key,
``reports``: ``{"count", "article_ids", "urls", "sources"}``.
"""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import IO

from ..models import Article, Event
from ..writers.jsonl import JsonArrayWriter, JsonLinesWriter, event_json
from .reports import Reports


def reported_json(event: Event, reports: Reports) -> str:
    from .oneaday import reports_json

    record = json.loads(event_json(event))
    record["reports"] = reports_json(reports)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class ReportedJsonLinesWriter:
    def __init__(self, stream: IO[bytes], **options: object):
        self._stream = stream
        self._plain = JsonLinesWriter(stream, **options)

    def write_article(self, article: Article, events: list[Event]) -> None:
        self._plain.write_article(article, events)

    def write_reported(self, article: Article, event: Event, reports: Reports) -> None:
        self._stream.write((reported_json(event, reports) + "\n").encode("utf-8"))

    def close(self) -> None:
        self._plain.close()


class ReportedJsonArrayWriter(JsonArrayWriter):
    def write_article(self, article: Article, events: list[Event]) -> None:
        for event in events:
            self.write_reported(article, event, Reports.single(article))

    def write_reported(self, article: Article, event: Event, reports: Reports) -> None:
        self.write_record(reported_json(event, reports))


REPORTING_JSON = MappingProxyType({"jsonl": ReportedJsonLinesWriter,
                                   "json": ReportedJsonArrayWriter})
