"""A small on-disk cache for compiled dictionaries, so a cold start does not re-stem every pattern.

Entries are keyed by a hash of everything they were built from (the package version and the bytes of
every input file); a changed dictionary simply misses. The cache lives in ``$EVENTS_CACHE_DIR``, else
``$XDG_CACHE_HOME/events``, else ``~/.cache/events``; set ``EVENTS_CACHE_DIR=off`` to disable it.
Writes are atomic; any problem reading or writing the cache falls back to building afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from . import __version__

T = TypeVar("T")


def cache_dir() -> Path | None:
    configured = os.environ.get("EVENTS_CACHE_DIR")
    if configured:
        return None if configured.lower() in ("off", "0", "none") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "events"


def fingerprint(label: str, files: Iterable[Path | str]) -> str:
    """A hash of the package version, a label and the contents of the given files."""
    digest = hashlib.sha256(f"{__version__}|{label}".encode())
    for path in files:
        digest.update(str(path).encode())
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:32]


def cached(key: str, build: Callable[[], T]) -> T:
    """The cached value for ``key``, building (and storing) it on a miss."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{key}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own cache, keyed by content hash
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    tmp = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PickleError, TypeError):
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return value
