"""Canonical text of RDF data, for comparing outputs and for golden files.

Data the package writes has no blank nodes, so sorting canonical N-Triples (N-Quads) lines is a
canonical form: two graphs are isomorphic exactly when their canonical texts are equal.
"""

from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox

from .formats import RdfFormatSpec


def canonical_ntriples(statements: Iterable[ox.Triple | ox.Quad]) -> str:
    """Sorted, distinct N-Triples lines of the triples (graph names dropped)."""
    triples = {s.triple if isinstance(s, ox.Quad) else s for s in statements}
    lines = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return "".join(sorted(lines.splitlines(keepends=True)))


def canonical_nquads(quads: Iterable[ox.Quad]) -> str:
    """Sorted, distinct N-Quads lines."""
    lines = ox.serialize(sorted(set(quads), key=str), format=ox.RdfFormat.N_QUADS).decode("utf-8")
    return "".join(sorted(set(lines.splitlines(keepends=True))))


def parse(data: bytes, spec: RdfFormatSpec) -> list[ox.Quad]:
    """Every quad of a document (triples come back in the default graph)."""
    return [q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object)
            for q in ox.parse(data, format=spec.format)]
