"""The errors the package raises on purpose, each naming where the problem is."""

from __future__ import annotations


class EventsError(Exception):
    """Base class: an error with a message meant for the user."""


class LocatedError(EventsError):
    """An error about a place in a file: the message starts with ``path:line``."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class DataFileError(LocatedError):
    """A bad entry in a shipped or user data file (dictionary, codebook, language words)."""


class InputError(LocatedError):
    """A bad input file or line (articles, gold sets)."""
