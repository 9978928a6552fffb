"""The embedded store: a persistent Oxigraph database in a local directory (no server)."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pyoxigraph as ox

from ..errors import EventsError
from .sparql import append_graph_update, replace_graph_update


class EmbeddedStore:
    """An Oxigraph store on disk. Queries see the union of all graphs as their default graph.

    Only one process can open a directory at a time; ``create=False`` refuses a missing store
    instead of making an empty one (for queries).
    """

    protocol = "embedded"

    def __init__(self, directory: str | Path, create: bool = True):
        path = Path(directory)
        self.location = str(path)
        if not create and not path.is_dir():
            raise EventsError(f"no store in {path}: load events first (events load INPUT "
                              f"--store {path})")
        try:
            path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(path))
        except OSError as exc:
            raise EventsError(f"cannot open the store in {path}: {exc} (is another events "
                              "process using it?)") from None

    def replace_graph(self, graph: str, triples: Sequence[ox.Triple]) -> None:
        """Replace the named graph's content in one transaction."""
        self._store.update(replace_graph_update(graph, triples))

    def append_graph(self, graph: str, triples: Sequence[ox.Triple]) -> None:
        self._store.update(append_graph_update(graph, triples))

    def query(self, sparql: str, union: bool = True):
        """Run a query: ``QuerySolutions``, ``QueryBoolean`` or ``QueryTriples``."""
        try:
            return self._store.query(sparql, use_default_graph_as_union=union)
        except SyntaxError as exc:
            raise EventsError(f"SPARQL syntax error: {exc}") from None

    def ask(self, sparql: str) -> bool:
        return bool(self.query(sparql, union=False))

    def close(self) -> None:
        self._store.flush()
        del self._store
