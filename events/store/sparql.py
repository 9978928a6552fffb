"""SPARQL and RDF text shared by the embedded and remote stores."""

from __future__ import annotations

import re
from typing import Iterable

import pyoxigraph as ox

COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def iri(value: str) -> str:
    """``<value>`` for use in SPARQL; refuses characters an IRI reference cannot hold."""
    if _IRI_FORBIDDEN.search(value):
        raise ValueError(f"not a valid IRI: {value!r}")
    return f"<{value}>"


def ntriples(triples: Iterable[ox.Triple]) -> bytes:
    """The triples as N-Triples (UTF-8)."""
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES) or b""


def triples_of(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    return [q.triple for q in quads]


def insert_data(graph: str, body: bytes) -> str:
    return f"INSERT DATA {{ GRAPH {iri(graph)} {{\n{body.decode('utf-8')}}} }}"


def replace_graph_update(graph: str, triples: Iterable[ox.Triple]) -> str:
    """One SPARQL Update (applied atomically by conforming stores) that replaces a graph."""
    return f"DROP SILENT GRAPH {iri(graph)} ;\n" + insert_data(graph, ntriples(triples))


def append_graph_update(graph: str, triples: Iterable[ox.Triple]) -> str:
    return insert_data(graph, ntriples(triples))


def checksum_ask(graph: str, predicate: str, checksum: str) -> str:
    """``ASK`` whether ``graph`` records that it was loaded from a file with ``checksum``."""
    return (f"ASK {{ GRAPH {iri(graph)} {{ {iri(graph)} {iri(predicate)} "
            f"{ox.Literal(checksum)} }} }}")


def read_rdf_file(path, graph: str) -> list[ox.Triple]:
    """The triples of an RDF file (format guessed from its extension; relative IRIs against
    ``graph``)."""
    return [q.triple for q in ox.parse(path=str(path), base_iri=graph)]
