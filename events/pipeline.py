"""The extraction run: read inputs, code each article, write events, account for everything.

Articles are streamed one at a time (memory does not grow with the corpus). Every input ends up
either coded or rejected; rejects go to an optional JSON Lines file with their reason, and the run
returns a summary with the counts.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import IO, Callable, Iterable, Iterator

from .coder import ArticleRejected, CodedArticle, Coder
from .errors import EventsError
from .inputs import InputDefaults, RawLine, Rejected, parsed, read_inputs
from .models import Article


@dataclass
class Summary:
    """Counts for one run; ``read == coded + rejected``."""

    read: int = 0
    coded: int = 0
    rejected: int = 0
    sentences: int = 0
    events: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        return (f"articles read: {self.read}, coded: {self.coded}, rejected: {self.rejected}; "
                f"sentences: {self.sentences}; events: {self.events}")

    def to_dict(self) -> dict:
        return {"read": self.read, "coded": self.coded, "rejected": self.rejected,
                "sentences": self.sentences, "events": self.events}


def code_one(coder: Coder, article: Article) -> CodedArticle | Rejected:
    """Code an article, turning a failure that concerns only this article into a rejection.

    ``ArticleRejected`` (e.g. an unsupported language) is an expected one. An unexpected exception
    from the engine is a bug, but one article must not lose a long run: it becomes a rejection whose
    reason starts with "internal error" and carries the exception (the run exits with status 1).
    Other package errors (a bad dictionary) concern the whole run and propagate.
    """
    try:
        return coder.code_article(article)
    except ArticleRejected as exc:
        return Rejected(*article._origin, str(exc), article.id)
    except (EventsError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - see the docstring
        return Rejected(*article._origin, f"{INTERNAL_ERROR} (please report it with this article): "
                                           f"{type(exc).__name__}: {_first_line(exc)}", article.id)


INTERNAL_ERROR = "internal error while coding"


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return " ".join(text.splitlines()[:3])[:300]


@dataclass(frozen=True)
class Rendered:
    """A coded article already written in the output format (by a worker process, see
    :mod:`events.parallel`): ``data`` is what the writer would write for it, or, when the worker
    wrote it to a spool file, ``length`` bytes at ``offset`` of ``spool``."""

    article_id: str
    sentence_count: int
    event_count: int
    data: bytes = b""
    spool: str | None = None
    offset: int = 0
    length: int = 0

    def content(self) -> bytes:
        """The article's output bytes, wherever they are."""
        if self.spool is None:
            return self.data
        with open(self.spool, "rb") as handle:
            return os.pread(handle.fileno(), self.length, self.offset)


def sentence_count(result: CodedArticle | Rendered) -> int:
    return result.sentence_count if isinstance(result, Rendered) else len(result.sentences)


def coded_stream(coder: Coder, items: Iterable[Article | Rejected | RawLine]
                 ) -> Iterator[CodedArticle | Rejected]:
    for item in items:
        item = parsed(item)
        yield item if isinstance(item, Rejected) else code_one(coder, item)


def run(coder: Coder, inputs: Iterable[str], defaults: InputDefaults,
        on_article: Callable[[CodedArticle | Rendered], None],
        on_reject: Callable[[Rejected], None] | None = None,
        stdin: IO[bytes] | None = None,
        results: Iterable[CodedArticle | Rendered | Rejected] | None = None) -> Summary:
    """Code every input article, calling ``on_article`` / ``on_reject`` in input order.

    ``results`` replaces the coding of ``inputs`` (e.g. by worker processes); it may hold
    :class:`Rendered` articles when the workers also wrote them in the output format.
    """
    summary = Summary()
    stream = results if results is not None else coded_stream(coder, read_inputs(inputs, defaults, stdin))
    for result in stream:
        summary.read += 1
        if isinstance(result, Rejected):
            summary.rejected += 1
            key = result.reason.split(":")[0]
            summary.reasons[key] = summary.reasons.get(key, 0) + 1
            if on_reject:
                on_reject(result)
            continue
        summary.coded += 1
        summary.sentences += sentence_count(result)
        summary.events += result.event_count if isinstance(result, Rendered) else \
            len(result.events)
        on_article(result)
    return summary


def reject_line(rejected: Rejected) -> bytes:
    return (json.dumps(rejected.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
