"""Output writers for RDF: one article at a time, streamed, through pyoxigraph or JSON-LD compaction.

Every writer follows the ``events.writers`` protocol: ``Writer(stream, base_iri=..., **options)``,
``write_article(article, events)`` and ``close()``. Nothing of an article is kept once it is written
(only the triples describing actor codes and rules, bounded by the dictionaries), so memory does
not grow with the corpus. N-Triples and N-Quads lines are built as text directly. Turtle, TriG
and RDF/XML get their prefix header once; each article's body is pyoxigraph's serialisation of
that article with the header lines removed. The quad formats (N-Quads, TriG, JSON-LD) put each
article in its own named graph.
"""

from __future__ import annotations

import json
from typing import IO, Any

import pyoxigraph as ox

from ..models import Article, Event
from . import iris
from .context import shipped_context
from .formats import FORMATS, RdfFormatSpec
from .graph import (article_nquads, article_ntriples, article_quads, article_statements,
                    article_triples)
from .jsonld import document_context, graph_object
from .namespaces import PREFIXES

_DIRECTIVES = (b"@prefix ", b"@base ", b"PREFIX ", b"BASE ")


def turtle_header(base: str) -> bytes:
    """``@base`` and ``@prefix`` lines, prefixes in name order (stable output)."""
    lines = [f"@base <{base}> .\n"] + [f"@prefix {name}: <{iri}> .\n"
                                       for name, iri in sorted(PREFIXES.items())]
    return "".join(lines).encode("utf-8")


def strip_directives(chunk: bytes) -> bytes:
    """A Turtle/TriG chunk without its leading ``@base``/``@prefix`` lines."""
    position = 0
    while chunk.startswith(_DIRECTIVES, position):
        position = chunk.index(b"\n", position) + 1
    return chunk[position:]


def split_rdfxml(chunk: bytes) -> tuple[bytes, bytes, bytes]:
    """An RDF/XML document as (header through the ``rdf:RDF`` start tag, body, closing tag)."""
    start = chunk.index(b"<rdf:RDF")
    head_end = chunk.index(b">", start) + 1
    if chunk[head_end:head_end + 1] == b"\n":
        head_end += 1
    tail = chunk.rindex(b"</rdf:RDF>")
    return chunk[:head_end], chunk[head_end:tail], chunk[tail:]


class OxigraphWriter:
    """N-Triples, N-Quads, Turtle, TriG or RDF/XML, written by pyoxigraph article by article."""

    def __init__(self, stream: IO[bytes], format: str = "ttl", base_iri: str | None = None,
                 **_: Any):
        self._stream = stream
        self._spec: RdfFormatSpec = FORMATS[format]
        self._base = iris.normalise_base(base_iri)
        self._memo: dict = {}  # triples of actors and rules, reused between articles
        fmt = self._spec.format
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
            stream.write(turtle_header(self._base))
        self._footer = b""
        if fmt == ox.RdfFormat.RDF_XML:
            head, _, self._footer = split_rdfxml(self._serialize([]))
            stream.write(head)

    def _serialize(self, data: list) -> bytes:
        fmt = self._spec.format
        if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
            return ox.serialize(data, format=fmt)
        return ox.serialize(data, format=fmt, prefixes=dict(PREFIXES), base_iri=self._base)

    def write_article(self, article: Article, events: list[Event]) -> None:
        fmt = self._spec.format
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES):  # lines built as text
            lines = article_nquads if self._spec.quads else article_ntriples
            self._stream.write(lines(article, events, self._base, memo=self._memo).encode("utf-8"))
            return
        data: list = article_quads(article, events, self._base) if self._spec.quads else \
            article_triples(article, events, self._base)
        chunk = self._serialize(data)
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
            chunk = strip_directives(chunk)
        elif fmt == ox.RdfFormat.RDF_XML:
            chunk = split_rdfxml(chunk)[1]
        self._stream.write(chunk)

    def close(self) -> None:
        self._stream.write(self._footer)
        self._stream.flush()


class JsonLdWriter:
    """Compact JSON-LD with the shipped context inline: one named graph per article, one per line."""

    def __init__(self, stream: IO[bytes], base_iri: str | None = None, **_: Any):
        self._stream = stream
        self._base = iris.normalise_base(base_iri)
        self._ctx = shipped_context()
        self._first = True
        context = json.dumps(document_context(self._ctx, self._base), ensure_ascii=False, indent=2)
        stream.write(f'{{"@context": {context},\n"@graph": [\n'.encode("utf-8"))

    def write_article(self, article: Article, events: list[Event]) -> None:
        graph = iris.article_graph_iri(article, self._base)
        obj = graph_object(self._ctx, graph, article_statements(article, events, self._base),
                           self._base)
        text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        self._stream.write((text if self._first else ",\n" + text).encode("utf-8"))
        self._first = False

    def close(self) -> None:
        self._stream.write(b"\n]}\n")
        self._stream.flush()


def _oxigraph(format: str):
    def create(stream: IO[bytes], **options: Any) -> OxigraphWriter:
        return OxigraphWriter(stream, format=format, **options)
    create.__name__ = f"{format}_writer"
    return create


TurtleWriter = _oxigraph("ttl")
NTriplesWriter = _oxigraph("nt")
NQuadsWriter = _oxigraph("nq")
TriGWriter = _oxigraph("trig")
RdfXmlWriter = _oxigraph("rdfxml")


def create_writer(format: str, stream: IO[bytes], **options: Any):
    """A writer for an RDF format name (``jsonld``, ``ttl``, ``nt``, ``nq``, ``trig``, ``rdfxml``)."""
    if format == "jsonld":
        return JsonLdWriter(stream, **options)
    return OxigraphWriter(stream, format=format, **options)
