"""Output formats: a registry of writers, looked up by name or by output file extension.

A writer is created with a binary stream and options, receives each coded article with its events
(``write_article``) and finishes with ``close``. Writers are imported only when used.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, Protocol

from ..errors import EventsError
from ..models import Article, Event


class EventWriter(Protocol):
    def write_article(self, article: Article, events: list[Event]) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class WriterSpec:
    """A registered output format."""

    name: str
    target: str  # "module:Class" relative to this package
    extensions: tuple[str, ...]
    description: str

    def create(self, stream: IO[bytes], **options: Any) -> EventWriter:
        module_name, _, class_name = self.target.partition(":")
        module = importlib.import_module(module_name, __name__)
        return getattr(module, class_name)(stream, **options)


def _registry(*specs: WriterSpec) -> MappingProxyType:
    return MappingProxyType({s.name: s for s in specs})


WRITERS = _registry(
    WriterSpec("jsonl", ".jsonl:JsonLinesWriter", (".jsonl", ".ndjson"),
               "JSON Lines, one event per line (the default)"),
    WriterSpec("json", ".jsonl:JsonArrayWriter", (".json",), "one JSON array of events"),
    WriterSpec("csv", "..tables.writer:CsvWriter", (".csv",),
               "flat CSV table, one column per field (docs/tables.md)"),
    WriterSpec("tsv", "..tables.writer:TsvWriter", (".tsv", ".tab"),
               "flat tab-separated table, the CSV columns"),
    WriterSpec("phoenix", "..tables.writer:PhoenixWriter", (),
               "Phoenix event format: 26 tab-separated columns, no header"),
    WriterSpec("icews", "..tables.writer:IcewsWriter", (),
               "ICEWS event columns, tab-separated with a header"),
    WriterSpec("jsonld", "..rdf.writer:JsonLdWriter", (".jsonld",),
               "compact JSON-LD, one named graph per article (docs/linked-data.md)"),
    WriterSpec("ttl", "..rdf.writer:TurtleWriter", (".ttl",), "RDF Turtle"),
    WriterSpec("nt", "..rdf.writer:NTriplesWriter", (".nt",), "RDF N-Triples"),
    WriterSpec("nq", "..rdf.writer:NQuadsWriter", (".nq",),
               "RDF N-Quads, one named graph per article"),
    WriterSpec("trig", "..rdf.writer:TriGWriter", (".trig",), "RDF TriG, one named graph per article"),
    WriterSpec("rdfxml", "..rdf.writer:RdfXmlWriter", (".rdf", ".owl"), "RDF/XML"),
)


def writer_for(name: str | None, output: str | None) -> WriterSpec:
    """The writer named ``name``, else the one for ``output``'s extension, else JSON Lines."""
    if name:
        try:
            return WRITERS[name]
        except KeyError:
            raise EventsError(f"unknown format {name!r}; choose from: {', '.join(WRITERS)}") from None
    if output and output != "-":
        suffix = "".join(Path(output).suffixes[-1:]).lower()
        for spec in WRITERS.values():
            if suffix in spec.extensions:
                return spec
    return WRITERS["jsonl"]
