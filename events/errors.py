"""The errors the package raises on purpose, each naming where the problem is."""

from __future__ import annotations


class EventsError(Exception):
    """Base class: an error with a message meant for the user."""


class DataFileError(EventsError):
    """A bad entry in a shipped or user data file (dictionary, codebook): names file and line."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class InputError(EventsError):
    """A bad input article: names the input file and line (for JSON Lines) and the reason."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")
