"""Read input articles from files, directories and standard input.

Inputs are ``.txt`` articles (with an optional ``NAME.meta.json`` sidecar holding ``date``, ``lang``,
``source``, ``url``, ``title``, ``id``), ``.jsonl`` files of articles, directories of those, and ``-``
for standard input. Every article read comes out either as an :class:`Article` or as a
:class:`Rejected` record naming file, line and reason, so nothing is silently lost.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from pydantic import ValidationError

from .models import Article, with_origin

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SIDECAR_SUFFIX = ".meta.json"
MAX_ARTICLE_CHARS = 1_000_000


@dataclass(frozen=True)
class Rejected:
    """An input that could not become an article: where it was and why."""

    path: str
    line: int | None
    reason: str
    article_id: str | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "article_id": self.article_id,
                "reason": self.reason}


@dataclass(frozen=True)
class InputDefaults:
    """Values for articles that lack them (``--date``, ``--lang``) and limits."""

    date: dt.date | None = None
    lang: str | None = None
    max_chars: int = MAX_ARTICLE_CHARS


class InputMeter:
    """Bytes of input read so far: the progress bar's measure of how far a run is (with the
    total from :func:`input_bytes`, its ETA)."""

    def __init__(self) -> None:
        self.done = 0

    def add(self, count: int) -> None:
        self.done += count


def input_bytes(inputs: Iterable[str]) -> int | None:
    """The size of every input file, or ``None`` when one is standard input (size unknown)."""
    total = 0
    for item in expand_inputs(inputs):
        if item == "-":
            return None
        if isinstance(item, Path):
            try:
                total += item.stat().st_size
            except OSError:
                continue  # reported as a reject when read
    return total


def _finish(fields: dict, path: str, line: int | None, defaults: InputDefaults) -> Article | Rejected:
    """Validate one article's fields, applying defaults; reject with a reason when invalid."""
    article_id = fields.get("id")
    if article_id is not None and not isinstance(article_id, str):
        article_id = str(article_id)
        fields = {**fields, "id": article_id}
    text = fields.get("text")
    if not isinstance(text, str):
        return Rejected(path, line, "missing 'text' (a string)" if text is None
                        else "'text' is not a string", article_id)
    if "\x00" in text:
        return Rejected(path, line, "binary content (NUL bytes) in text", article_id)
    if not text.strip():
        return Rejected(path, line, "empty article text", article_id)
    if len(text) > defaults.max_chars:
        return Rejected(path, line, f"article too long: {len(text):,} characters "
                                    f"(limit {defaults.max_chars:,}; see --max-chars)", article_id)
    merged = dict(fields)
    if not merged.get("date") and defaults.date:
        merged["date"] = defaults.date
    if not merged.get("lang") and defaults.lang:
        merged["lang"] = defaults.lang
    try:
        article = Article.model_validate(merged)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        return Rejected(path, line, f"{loc}: {msg}" if loc else msg, article_id)
    if article.date is None:
        return Rejected(path, line, "no publication date: add 'date' (YYYY-MM-DD) or pass --date",
                        article.id or None)
    return with_origin(article, path, line)


def _decode(data: bytes, path: str) -> tuple[str | None, Rejected | None]:
    if b"\x00" in data[:8192]:
        return None, Rejected(path, None, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Rejected(path, line, f"invalid UTF-8 at byte {exc.start}")


def read_text_article(path: Path, defaults: InputDefaults,
                      meter: InputMeter | None = None) -> Article | Rejected:
    """One ``.txt`` article; metadata from ``NAME.meta.json`` when present."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejected(str(path), None, f"cannot read file: {exc.strerror or exc}")
    if meter is not None:
        meter.add(len(data))
    text, rejected = _decode(data, str(path))
    if rejected:
        return rejected
    fields: dict = {"id": path.stem}
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if sidecar.exists():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return Rejected(str(sidecar), getattr(exc, "lineno", None),
                            f"unreadable metadata: {exc}", path.stem)
        if not isinstance(meta, dict):
            return Rejected(str(sidecar), 1, "metadata must be a JSON object", path.stem)
        fields.update({k: v for k, v in meta.items() if k != "text"})
    fields["text"] = text
    return _finish(fields, str(path), None, defaults)


@dataclass(frozen=True)
class RawLine:
    """A JSON Lines record not parsed yet: worker processes parse it (``--jobs``), so the process
    reading the input only splits lines."""

    path: str
    line: int
    data: bytes
    defaults: InputDefaults

    def parse(self) -> Article | Rejected:
        return parse_jsonl_line(self.data, self.path, self.line, self.defaults)


def parse_jsonl_line(raw: bytes, name: str, number: int,
                     defaults: InputDefaults) -> Article | Rejected:
    """One JSON Lines record as an article, or a Rejected naming its line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejected(name, number, f"invalid UTF-8 at column {exc.start + 1}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejected(name, number, f"malformed JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(record, dict):
        return Rejected(name, number, "a line must be a JSON object")
    if not record.get("id"):
        record["id"] = f"{Path(name).stem}-{number}"
    return _finish(record, name, number, defaults)


def read_jsonl_stream(stream: Iterable[bytes], name: str, defaults: InputDefaults,
                      raw: bool = False, meter: InputMeter | None = None
                      ) -> Iterator[Article | Rejected | RawLine]:
    """Articles from JSON Lines; each bad line becomes a Rejected naming its line. With ``raw``,
    the records are left unparsed (:class:`RawLine`)."""
    for number, data in enumerate(stream, start=1):
        if meter is not None:
            meter.add(len(data))
        if not data.strip():
            continue
        if raw:
            yield RawLine(name, number, data, defaults)
        else:
            yield parse_jsonl_line(data, name, number, defaults)


def read_jsonl_file(path: Path, defaults: InputDefaults, raw: bool = False,
                    meter: InputMeter | None = None) -> Iterator[Article | Rejected | RawLine]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejected(str(path), None, f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        head = handle.read(8192)
        if b"\x00" in head:
            yield Rejected(str(path), None, "binary file (NUL bytes), not JSON Lines")
            return
        handle.seek(0)
        yield from read_jsonl_stream(handle, str(path), defaults, raw, meter)


def read_stdin(stream: IO[bytes], defaults: InputDefaults,
               raw: bool = False) -> Iterator[Article | Rejected | RawLine]:
    """Standard input: JSON Lines when the first non-blank character is ``{``, else one article."""
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl_stream(io.BytesIO(data), "<stdin>", defaults, raw)
        return
    text, rejected = _decode(data, "<stdin>")
    if rejected:
        yield rejected
        return
    yield _finish({"id": "stdin", "text": text}, "<stdin>", None, defaults)


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | str | Rejected]:
    """Paths of readable inputs in order: directories expand to their .txt/.jsonl files."""
    for item in inputs:
        if item == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES)
            if not found:
                yield Rejected(str(path), None, "directory holds no .txt or .jsonl files")
            yield from found
        elif path.exists():
            if path.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES:
                yield path
            else:
                yield Rejected(str(path), None,
                               f"unsupported input type {path.suffix or '(none)'}: use .txt or .jsonl")
        else:
            yield Rejected(str(path), None, "no such file or directory")


def read_inputs(inputs: Iterable[str], defaults: InputDefaults = InputDefaults(),
                stdin: IO[bytes] | None = None, raw_lines: bool = False,
                meter: InputMeter | None = None) -> Iterator[Article | Rejected | RawLine]:
    """Every article (or rejection) from the given inputs, in order. With ``raw_lines``, JSON
    Lines records come unparsed (:class:`RawLine`, see :func:`parsed`); ``meter`` counts the
    bytes of input files read."""
    for item in expand_inputs(inputs):
        if isinstance(item, Rejected):
            yield item
        elif item == "-":
            yield from read_stdin(stdin or sys.stdin.buffer, defaults, raw_lines)
        elif item.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl_file(item, defaults, raw_lines, meter)
        else:
            yield read_text_article(item, defaults, meter)


def parsed(item: Article | Rejected | RawLine) -> Article | Rejected:
    """An input item with its record parsed."""
    return item.parse() if isinstance(item, RawLine) else item
