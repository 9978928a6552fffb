"""Table writers: one row per event, UTF-8, ``\\n`` line ends.

CSV is quoted as RFC 4180 requires (cells keep their exact text). Tab-separated layouts are never
quoted, as the Phoenix and ICEWS readers split on tabs: tabs and line breaks inside a cell become
spaces. Booleans are written ``true``/``false`` and missing values as empty cells.
"""

from __future__ import annotations

import csv
import io
import re
from typing import IO, Iterable, Sequence

from ..codebook import Codebook, default_codebook
from ..models import Article, Event
from .layouts import LAYOUTS, Cell, Layout
from .reports import Reports

_BREAKS = re.compile(r"[\t\r\n]")


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class TableWriter:
    """Writes events as rows of ``layout``; ``write_reported`` adds merged-report counts."""

    layout_name = "csv"

    def __init__(self, stream: IO[bytes], codebook: Codebook | None = None, **_: object):
        self._stream = stream
        self._layout: Layout = LAYOUTS[self.layout_name]
        self._book = codebook or default_codebook()
        if self._layout.header:
            self._write([self._layout.columns])

    def write_article(self, article: Article, events: list[Event]) -> None:
        reports = Reports.single(article)
        self._write(self._layout.row(article, e, reports, self._book) for e in events)

    def write_reported(self, article: Article, event: Event, reports: Reports) -> None:
        """Write an event merged from several reports (see ``oneaday``)."""
        self._write([self._layout.row(article, event, reports, self._book)])

    def close(self) -> None:
        self._stream.flush()

    def _write(self, rows: Iterable[Sequence[Cell]]) -> None:
        if self._layout.delimiter == ",":
            buffer = io.StringIO()
            out = csv.writer(buffer, lineterminator="\n")
            out.writerows([_text(v) for v in row] for row in rows)
            text = buffer.getvalue()
        else:
            sep = self._layout.delimiter
            text = "".join(sep.join(_BREAKS.sub(" ", _text(v)) for v in row) + "\n" for row in rows)
        if text:
            self._stream.write(text.encode("utf-8"))


class CsvWriter(TableWriter):
    layout_name = "csv"


class TsvWriter(TableWriter):
    layout_name = "tsv"


class PhoenixWriter(TableWriter):
    layout_name = "phoenix"


class IcewsWriter(TableWriter):
    layout_name = "icews"
