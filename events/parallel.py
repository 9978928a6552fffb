"""Coding articles on several cores, in input order, with bounded memory.

:func:`coded_results` turns a stream of articles (and rejected inputs) into a stream of coded
articles (and the same rejects), in input order. With ``jobs > 1`` a ``multiprocessing`` pool codes
chunks of articles: every worker builds its own :class:`~events.coder.Coder` once (from the
dictionary paths), the parent reads inputs lazily and keeps only a few chunks in flight, and
``Pool.imap`` hands the results back in order. A short input (a single chunk) is coded in-process so
that a one-article run never pays for starting workers.

:func:`code_jsonl_lines` codes a batch of JSON Lines records with a per-process coder; it is what a
Dask bag maps over its partitions (``docs/scale.md``).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import shutil
import signal
import tempfile
import threading
import traceback
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Sequence

from .coder import CodedArticle, Coder
from .errors import EventsError
from .inputs import InputDefaults, RawLine, Rejected, parsed, read_jsonl_stream
from .models import Article
from .pipeline import Rendered, code_one, coded_stream

#: A chunk holds at most this many articles ...
CHUNK_ARTICLES = 128
#: ... and at most about this many characters of text (a long article makes a chunk of its own).
CHUNK_CHARS = 50_000
#: Chunks in flight per worker (read ahead and not yet written): bounds the parent's memory.
CHUNKS_PER_WORKER = 3
#: Seconds between checks that no worker process has died while results are awaited.
WATCH_INTERVAL = 1.0
#: Output formats whose output is the concatenation of each article's output (no header, footer or
#: state across articles): worker processes write these themselves, so that the serial parent only
#: copies bytes (``tests/test_parallel.py`` checks the property for each of them). Workers write
#: each chunk's output to a spool file, and the parent copies it to the output inside the kernel
#: (``os.sendfile``): N-Quads are ~20 KB an article, too much to pass through a pipe and Python.
RENDERED_FORMATS = frozenset({"jsonl", "nt", "nq"})

Result = CodedArticle | Rendered | Rejected

Item = Article | Rejected | RawLine


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def chunked(items: Iterable[Item], max_articles: int | None = None,
            max_chars: int | None = None) -> Iterator[list[Item]]:
    """Consecutive chunks of ``items``, each up to ``max_articles`` items / ``max_chars`` of text."""
    max_articles = max_articles or CHUNK_ARTICLES
    max_chars = max_chars or CHUNK_CHARS
    chunk: list[Item] = []
    chars = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Article):
            chars += len(item.text)
        elif isinstance(item, RawLine):
            chars += len(item.data)
        if len(chunk) >= max_articles or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


# --- worker side ------------------------------------------------------------------------------

_worker_coder: Coder | None = None
_worker_error: str | None = None
_worker_render: Renderer | None = None
_worker_spool: str | None = None


def _init_worker(dictionaries: Sequence[str], render: tuple[str, dict] | None = None,
                 spool: str | None = None) -> None:
    """Pool initializer: build this worker's coder once. Never raises (a raising initializer makes
    the pool restart workers forever); the error is reported by the first chunk instead."""
    global _worker_coder, _worker_error, _worker_render, _worker_spool
    _worker_spool = spool
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    try:
        _worker_coder = Coder(extra_dictionaries=dictionaries)
        _worker_render = Renderer(*render) if render else None
    except Exception as exc:  # noqa: BLE001 - reported to the parent by _code_chunk
        _worker_error = str(exc) if isinstance(exc, EventsError) else _describe(exc)


def _describe(exc: BaseException, article_id: str | None = None) -> str:
    where = f"coding article {article_id!r}" if article_id is not None else "starting a worker"
    return (f"{where} failed in a worker process: {type(exc).__name__}: {exc}\n"
            + "".join(traceback.format_exception(exc)))


def _death(exitcode: int) -> str:
    how = (f"was killed by signal {-exitcode}" + (" (out of memory?)" if exitcode == -9 else "")
           if exitcode < 0 else f"exited with status {exitcode}")
    return (f"a worker process {how} while coding; its articles are lost, so the run stops "
            f"(try --jobs 1 to find the article, or a lower --max-chars)")


class WorkerError(EventsError):
    """An unexpected failure inside a worker process (its traceback is in the message)."""


def _code_chunk(chunk: list[Item]) -> list[Result]:
    """Code one chunk in a worker. Exceptions are re-raised as plain picklable ones, since some of
    the package's exceptions cannot be rebuilt from their message in the parent."""
    if _worker_error is not None:
        raise EventsError(_worker_error)
    assert _worker_coder is not None
    out: list[Result] = []
    spool = _Spool(_worker_spool) if _worker_render and _worker_spool else None
    try:
        for item in chunk:
            item = parsed(item)
            if isinstance(item, Rejected):
                out.append(item)
                continue
            try:
                result = code_one(_worker_coder, item)
                if _worker_render and isinstance(result, CodedArticle):
                    result = _worker_render.render(result)
                    if spool is not None:
                        result = spool.add(result)
                out.append(result)
            except EventsError as exc:
                raise EventsError(str(exc)) from None
            except Exception as exc:  # noqa: BLE001
                raise WorkerError(_describe(exc, item.id)) from None
    finally:
        if spool is not None:
            spool.close()
    return out


class _Spool:
    """A chunk's spool file in the run's spool directory, written by one worker."""

    def __init__(self, directory: str):
        fd, self.path = tempfile.mkstemp(dir=directory, suffix=".chunk")
        self._file = os.fdopen(fd, "wb")
        self._size = 0

    def add(self, result: Rendered) -> Rendered:
        """Write the article's output here; the result then points to it."""
        self._file.write(result.data)
        offset, self._size = self._size, self._size + len(result.data)
        return Rendered(result.article_id, result.sentence_count, result.event_count,
                        spool=self.path, offset=offset, length=len(result.data))

    def close(self) -> None:
        self._file.close()


class Renderer:
    """Writes articles one at a time in a format of :data:`RENDERED_FORMATS`, with one writer
    kept for all of them (a writer may reuse what it built for earlier articles: the RDF writers
    keep the triples of actor codes and rules)."""

    def __init__(self, format: str, options: dict | None = None):
        from .writers import WRITERS

        self._buffer = io.BytesIO()
        self._writer = WRITERS[format].create(self._buffer, **(options or {}))

    def render(self, coded: CodedArticle) -> Rendered:
        self._writer.write_article(coded.article, coded.events)
        data = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return Rendered(coded.article.id, len(coded.sentences), len(coded.events), data)


def render(coded: CodedArticle, format: str, options: dict | None = None) -> Rendered:
    """``coded`` written in ``format`` (one of :data:`RENDERED_FORMATS`) with writer ``options``."""
    return Renderer(format, options).render(coded)


class ArticleWriter:
    """The ``on_article`` callback of a run: rendered articles are copied to ``stream``, coded
    ones are given to ``writer`` (which writes to the same stream). Consecutive spooled articles
    are copied from their spool file in one go, by the kernel when ``stream`` is a file or a pipe;
    a spool file is deleted once the articles after it come from another one. Call :meth:`close`
    (copies what is pending) before finishing the output."""

    def __init__(self, writer, stream: IO[bytes]):
        self._writer = writer
        self._stream = stream
        self._path: str | None = None  # the spool file being copied from, kept open
        self._file: IO[bytes] | None = None
        self._pending: tuple[int, int] | None = None  # offset, length not yet copied

    def __call__(self, result: CodedArticle | Rendered) -> None:
        if isinstance(result, Rendered) and result.spool is not None:
            if self._pending is not None and result.spool == self._path and \
                    sum(self._pending) == result.offset:
                self._pending = (self._pending[0], self._pending[1] + result.length)
                return
            self._flush()
            self._open(result.spool)
            self._pending = (result.offset, result.length)
            return
        self._flush()
        if isinstance(result, Rendered):
            self._stream.write(result.data)
        else:
            self._writer.write_article(result.article, result.events)

    def _open(self, path: str) -> None:
        if path == self._path:
            return
        if self._file is not None:
            self._file.close()
            with contextlib.suppress(OSError):
                os.unlink(self._path)
        # opened now: the file stays readable after the run removes its spool directory
        self._path, self._file = path, open(path, "rb")  # noqa: SIM115 - closed in close()

    def _flush(self) -> None:
        if self._pending is not None:
            assert self._file is not None
            copy_range(self._file, self._stream, *self._pending)
            self._pending = None

    def close(self) -> None:
        self._flush()
        if self._file is not None:
            self._file.close()
            self._file = None


def copy_range(source: IO[bytes], stream: IO[bytes], offset: int, length: int) -> None:
    """Copy ``length`` bytes at ``offset`` of ``source`` to ``stream``: inside the kernel when
    both are file descriptors (``os.sendfile``), else through memory."""
    try:
        out = stream.fileno()
    except (AttributeError, OSError, ValueError):
        out = None
    if out is not None:
        stream.flush()
        try:
            while length > 0:
                sent = os.sendfile(out, source.fileno(), offset, length)
                if sent == 0:
                    break
                offset += sent
                length -= sent
            if length == 0:
                return
        except OSError:
            pass  # not supported between these two files: copy the rest through memory
    stream.write(os.pread(source.fileno(), length, offset))


# --- parent side ------------------------------------------------------------------------------


@contextlib.contextmanager
def coded_results(items: Iterable[Item], jobs: int | None = None,
                  dictionaries: Sequence[str | Path] = (), coder: Coder | None = None,
                  chunk_articles: int | None = None, chunk_chars: int | None = None,
                  render: str | None = None,
                  render_options: dict | None = None) -> Iterator[Iterator[Result]]:
    """A context manager giving the coded stream of ``items`` in input order.

    ``jobs`` is the number of processes (``None`` or 0: every core; 1: code in this process with
    ``coder``). Leaving the block stops the workers, also when the stream was not exhausted.
    With ``render`` (a format of :data:`RENDERED_FORMATS`), worker processes also write each
    article in that format, creating the writer with ``render_options`` (the parent's writer
    options), and send :class:`Rendered` results; write them with :class:`ArticleWriter`. Articles
    coded in this process stay :class:`CodedArticle`. A rendered result's bytes are in a spool
    file that lives until the run ends: copy them (``ArticleWriter``, ``Rendered.content()``)
    before leaving the block.
    """
    if render is not None and render not in RENDERED_FORMATS:
        raise ValueError(f"format {render!r} cannot be written article by article")
    jobs = jobs or default_jobs()
    if jobs <= 1:
        yield coded_stream(coder or Coder(extra_dictionaries=dictionaries), items)
        return
    stream = _parallel(items, jobs, [str(p) for p in dictionaries], coder,
                       chunk_articles or CHUNK_ARTICLES, chunk_chars or CHUNK_CHARS,
                       (render, dict(render_options or {})) if render else None)
    try:
        yield stream
    finally:
        stream.close()


def _parallel(items: Iterable[Item], jobs: int, dictionaries: list[str], coder: Coder | None,
              chunk_articles: int, chunk_chars: int,
              render: tuple[str, dict] | None) -> Iterator[Result]:
    chunks = chunked(items, chunk_articles, chunk_chars)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:  # one chunk: starting workers would cost more than it saves
        local = coder or Coder(extra_dictionaries=dictionaries)
        yield from coded_stream(local, first)
        return
    yield from _pool_stream(itertools.chain([first, second], chunks), jobs, dictionaries, render)


def _pool_stream(chunks: Iterator[list[Item]], jobs: int, dictionaries: list[str],
                 render: tuple[str, dict] | None = None) -> Iterator[Result]:
    import multiprocessing

    # Pool.imap reads its input in a feeder thread as fast as it can; the semaphore keeps at most
    # `window` chunks read ahead of the consumer, so memory does not grow with the corpus.
    # Reading errors are kept here and raised in this thread after the chunks read before them
    # (raised in the feeder thread, imap would send them through a worker and back).
    window = threading.Semaphore(jobs * CHUNKS_PER_WORKER)
    stopping = threading.Event()
    failure: list[BaseException] = []

    def throttled() -> Iterator[list[Item]]:
        try:
            for chunk in chunks:
                window.acquire()
                if stopping.is_set():
                    return
                yield chunk
        except Exception as exc:  # noqa: BLE001 - re-raised by the consumer below
            failure.append(exc)

    spool = tempfile.mkdtemp(prefix="events-spool-") if render else None
    pool = multiprocessing.get_context().Pool(jobs, initializer=_init_worker,
                                              initargs=(dictionaries, render, spool))
    workers = list(pool._pool)  # noqa: SLF001 - to notice a worker that dies (see below)
    results_in_order = pool.imap(_code_chunk, throttled())
    finished = False
    try:
        while True:
            try:
                results = results_in_order.next(timeout=WATCH_INTERVAL)
            except StopIteration:
                break
            except multiprocessing.TimeoutError:
                # A pool replaces a worker that dies (killed for lack of memory, a crash in a C
                # extension) but loses its chunk, and imap would wait for it for ever.
                dead = [w for w in workers if w.exitcode is not None]
                if dead:
                    raise WorkerError(_death(dead[0].exitcode)) from None
                continue
            window.release()
            yield from results
        if failure:
            raise failure[0]
        finished = True
    finally:
        stopping.set()
        for _ in range(jobs * CHUNKS_PER_WORKER + 1):  # unblock the feeder thread so it can stop
            window.release()
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()
        if spool is not None:
            shutil.rmtree(spool, ignore_errors=True)


# --- Dask and other batch callers -------------------------------------------------------------

_batch_coders: dict[tuple[str, ...], Coder] = {}


def batch_coder(dictionaries: Sequence[str | Path] = ()) -> Coder:
    """A coder for this process, built on first use and reused by later batches."""
    key = tuple(str(p) for p in dictionaries)
    if key not in _batch_coders:
        _batch_coders[key] = Coder(extra_dictionaries=key)
    return _batch_coders[key]


def _as_bytes(lines: Iterable[str | bytes]) -> Iterator[bytes]:
    for line in lines:
        yield line.encode("utf-8") if isinstance(line, str) else line


def code_jsonl_records(lines: Iterable[str | bytes], name: str = "<batch>",
                       dictionaries: Sequence[str | Path] = (),
                       defaults: InputDefaults = InputDefaults()) -> tuple[list[dict], list[dict]]:
    """Code JSON Lines article records: ``(events, rejects)`` as JSON-ready dicts.

    Events are ``Event.model_dump(mode="json")`` (the JSON Lines writer's records); rejects are
    ``Rejected.to_dict()`` with the line number counted within ``lines``.
    """
    coder = batch_coder(dictionaries)
    events: list[dict] = []
    rejects: list[dict] = []
    for item in read_jsonl_stream(_as_bytes(lines), name, defaults):
        result = item if isinstance(item, Rejected) else code_one(coder, item)
        if isinstance(result, Rejected):
            rejects.append(result.to_dict())
        else:
            events.extend(e.model_dump(mode="json") for e in result.events)
    return events, rejects


def code_jsonl_lines(lines: Iterable[str | bytes], name: str = "<batch>",
                     dictionaries: Sequence[str | Path] = ()) -> list[dict]:
    """The events of a batch of JSON Lines article records, as dicts (rejects are dropped; use
    :func:`code_jsonl_records` to keep them). Suited to ``dask.bag.Bag.map_partitions``."""
    return code_jsonl_records(lines, name, dictionaries)[0]
