"""A small on-disk cache for compiled dictionaries, so a cold start does not re-stem every pattern.

Entries are keyed by a hash of everything they were built from (the package version and the bytes of
every input file); a changed dictionary simply misses. The cache lives in ``$EVENTS_CACHE_DIR``, else
``$XDG_CACHE_HOME/events``, else ``~/.cache/events``; set ``EVENTS_CACHE_DIR=off`` to disable it.
Writes are atomic; any problem reading or writing the cache falls back to building afresh. Each
write keeps only the newest :data:`KEEP` entries of its kind (``lexicon-*``): the cache does not grow
with every dictionary edit.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from . import __version__

T = TypeVar("T")

KEEP = 6  # entries of one kind kept (e.g. both languages, with and without a user dictionary)
STALE_PART_SECONDS = 3600  # a temporary file this old was left by an interrupted write


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
        prune(directory, key.partition("-")[0])
    except (OSError, pickle.PickleError, TypeError):
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return value


def prune(directory: Path, kind: str, keep: int = KEEP) -> None:
    """Delete all but the ``keep`` most recently written ``{kind}-*.pickle`` entries, and
    temporary files left by interrupted writes."""
    entries = []
    now = time.time()
    for path in directory.iterdir():
        try:
            if path.name.startswith(f"{kind}-") and path.suffix == ".pickle":
                entries.append((path.stat().st_mtime, path))
            elif path.suffix == ".part" and now - path.stat().st_mtime > STALE_PART_SECONDS:
                path.unlink()
        except OSError:
            continue  # removed by another process meanwhile
    entries.sort(reverse=True)
    for _, path in entries[keep:]:
        try:
            path.unlink()
        except OSError:
            pass
