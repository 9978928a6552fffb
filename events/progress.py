"""A progress bar on standard error for long runs: how much of the input is done, with rate and ETA
(when the input's size is known), articles done and sentences/s.

Shown only when standard error is a terminal (never in pipes, logs or tests) and not with ``-q``.
Messages printed while the bar runs go through :meth:`Progress.echo` so they do not tear it.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Iterable, Iterator, TypeVar

T = TypeVar("T")

#: Seconds between refreshes of the sentences/s figure.
POSTFIX_EVERY = 0.5


def wanted(quiet: bool = False, stream: IO[str] | None = None) -> bool:
    """Whether to show a bar: not quiet and the stream is an interactive terminal."""
    stream = stream if stream is not None else sys.stderr
    if quiet:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """Wraps the result stream of a run; a no-op when disabled.

    With ``total`` (bytes of input) and ``meter`` (an object whose ``done`` counts the bytes read
    so far, :class:`events.inputs.InputMeter`) the bar measures the input read, so it shows the
    share done, the rate and the time left; otherwise it counts articles.
    """

    def __init__(self, enabled: bool, stream: IO[str] | None = None, desc: str = "coding",
                 total: int | None = None, meter=None):
        self.stream = stream if stream is not None else sys.stderr
        self.bar = None
        self.sentences = 0
        self.articles = 0
        self.meter = meter if total else None
        if enabled:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked later
            if self.meter is not None:
                self.bar = tqdm(desc=desc, total=total, unit="B", unit_scale=True,
                                unit_divisor=1024, file=self.stream, dynamic_ncols=True,
                                mininterval=0.2, smoothing=0.1)
            else:
                self.bar = tqdm(desc=desc, unit=" articles", file=self.stream,
                                dynamic_ncols=True, mininterval=0.2, smoothing=0.1)

    def wrap(self, results: Iterable[T]) -> Iterator[T]:
        if self.bar is None:
            yield from results
            return
        last = time.monotonic()
        for result in results:
            self.articles += 1
            self.sentences += getattr(result, "sentence_count", None) or \
                len(getattr(result, "sentences", ()) or ())
            now = time.monotonic()
            if now - last >= POSTFIX_EVERY:
                last = now
                self._postfix()
            if self.meter is not None:
                # the reader runs at most a few chunks ahead of the results
                self.bar.update(max(0, min(self.meter.done, self.bar.total) - self.bar.n))
            else:
                self.bar.update(1)
            yield result

    def _postfix(self) -> None:
        elapsed = max(self.bar.format_dict["elapsed"], 1e-9)
        articles = f"{self.articles:,} articles, " if self.meter is not None else ""
        self.bar.set_postfix_str(f"{articles}{self.sentences:,} sentences, "
                                 f"{self.sentences / elapsed:,.0f} sent/s", refresh=False)

    def echo(self, message: str) -> None:
        """Print a line on the stream without breaking the bar."""
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream)

    def close(self) -> None:
        if self.bar is not None:
            self._postfix()
            if self.meter is not None:
                self.bar.update(max(0, min(self.meter.done, self.bar.total) - self.bar.n))
            self.bar.close()
            self.bar = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
