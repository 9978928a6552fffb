"""Load events into a store: one named graph per article, vocabularies in their own graphs.

An article's graph is *replaced* the first time the article is met in a run, so re-coding an
article never leaves stale events; a later run of events of the same article in the same load
(an event file that is not grouped by article) is added to it. The ontology and code lists are
loaded once: each vocabulary graph records the SHA-256 of the file it came from and is reloaded
only when that file changes.
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable, Protocol, Sequence

import pyoxigraph as ox

from ..inputs import InputDefaults, Rejected, expand_inputs
from ..models import Article, Event
from .sources import is_event_file, read_event_file
from .sparql import COUNT_QUADS, checksum_ask, read_rdf_file, triples_of

CHECKSUM = "http://spdx.org/rdf/terms#checksumValue"  # <graph> spdx:checksumValue "sha256:..."


class TripleStore(Protocol):
    location: str
    protocol: str

    def replace_graph(self, graph: str, triples: Sequence[ox.Triple]) -> None: ...

    def append_graph(self, graph: str, triples: Sequence[ox.Triple]) -> None: ...

    def query(self, sparql: str): ...

    def ask(self, sparql: str) -> bool: ...

    def close(self) -> None: ...


@dataclass
class LoadSummary:
    articles: int = 0
    events: int = 0
    triples: int = 0
    appended: int = 0
    rejected: int = 0
    vocabularies: list[str] = field(default_factory=list)

    def line(self) -> str:
        vocab = f"; vocabulary graphs loaded: {len(self.vocabularies)}" if self.vocabularies else ""
        return (f"articles loaded: {self.articles}, events: {self.events}, triples written: "
                f"{self.triples}, rejected inputs: {self.rejected}{vocab}")


def rdf_module() -> ModuleType:
    """The RDF mapping (``events.rdf``)."""
    return importlib.import_module("events.rdf")


def count_quads(store: TripleStore) -> int:
    (solution,) = list(store.query(COUNT_QUADS))
    return int(solution["n"].value)


class Loader:
    """Writes coded articles into ``store`` through the RDF mapping ``rdf``."""

    def __init__(self, store: TripleStore, rdf: ModuleType | None = None,
                 base_iri: str | None = None):
        self.store = store
        self.rdf = rdf or rdf_module()
        self.base_iri = base_iri or self.rdf.DEFAULT_BASE_IRI
        self.summary = LoadSummary()
        self._graphs: set[str] = set()  # graphs written in this run: one IRI per article

    def load_vocabularies(self, force: bool = False) -> list[str]:
        """Load the ontology and code lists whose file changed (all with ``force``)."""
        for graph, path in self.rdf.vocabulary_files().items():
            checksum = "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()
            if not force and self.store.ask(checksum_ask(graph, CHECKSUM, checksum)):
                continue
            marker = ox.Triple(ox.NamedNode(graph), ox.NamedNode(CHECKSUM), ox.Literal(checksum))
            self.store.replace_graph(graph, [*read_rdf_file(path, graph), marker])
            self.summary.vocabularies.append(graph)
        return self.summary.vocabularies

    def add(self, article: Article, events: list[Event]) -> None:
        graph = self.rdf.article_graph_iri(article, self.base_iri)
        triples = triples_of(self.rdf.article_quads(article, events, self.base_iri))
        if graph in self._graphs:
            self.store.append_graph(graph, triples)
            self.summary.appended += 1
        else:
            self.store.replace_graph(graph, triples)
            self._graphs.add(graph)
            self.summary.articles += 1
        self.summary.events += len(events)
        self.summary.triples += len(triples)


def load_inputs(loader: Loader, inputs: Iterable[str], defaults: InputDefaults,
                code_articles: Callable[[list[str], Callable[[Rejected], None]], object],
                on_reject: Callable[[Rejected], None]) -> LoadSummary:
    """Load every input in order: event files directly, article inputs through
    ``code_articles(inputs, on_reject)`` (which must call ``loader.add`` per coded article)."""
    summary = loader.summary

    def reject(rejected: Rejected) -> None:
        summary.rejected += 1
        on_reject(rejected)

    pending: list[str] = []
    for item in expand_inputs(inputs):
        if isinstance(item, Path) and is_event_file(item):
            if pending:
                code_articles(pending, reject)
                pending = []
            for article, events in read_event_file(item, reject):
                loader.add(article, events)
        elif isinstance(item, Rejected):
            reject(item)
        else:
            pending.append(str(item))
    if pending:
        code_articles(pending, reject)
    return summary
