"""Compact JSON-LD from triples, using the shipped context's terms.

Each subject becomes a node object; a node referenced exactly once in its graph is embedded where
it is referenced (an event's mentions, for example), every other node is listed in the graph.
Values take the form the context's coercions give them, so parsing the JSON-LD yields exactly the
triples it was made from.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

import pyoxigraph as ox

from .context import Context, TermDef
from .namespaces import RDF, XSD

RDF_TYPE = RDF + "type"
XSD_STRING = XSD + "string"
XSD_BOOLEAN = XSD + "boolean"
_NATIVE_INTEGERS = frozenset({XSD + "nonNegativeInteger", XSD + "integer"})


def _term_for(terms: tuple[TermDef, ...], value: ox.NamedNode | ox.Literal) -> TermDef | None:
    """The term that can carry ``value`` as is: matching coercion first, an uncoerced term next."""
    wanted = "@id" if isinstance(value, ox.NamedNode) else value.datatype.value
    if isinstance(value, ox.Literal) and value.language:
        wanted = None
    for term in terms:
        if term.coercion is not None and term.coercion == wanted:
            return term
    for term in terms:
        if term.coercion is None:
            return term
    return None


def document_iri(ctx: Context, iri: str, base: str | None) -> str:
    """A node IRI as written in ``@id``: relative to ``base`` under it, else a compact IRI."""
    if base and iri.startswith(base) and len(iri) > len(base):
        return iri[len(base):]
    return ctx.compact_iri(iri)


def _value(ctx: Context, value: ox.NamedNode | ox.Literal, term: TermDef | None,
           base: str | None) -> Any:
    """The JSON form of one object value under ``term`` (``None``: a compact-IRI key, no coercion)."""
    if isinstance(value, ox.NamedNode):
        iri = document_iri(ctx, value.value, base)
        return iri if term is not None and term.coercion == "@id" else {"@id": iri}
    if term is not None and term.coercion is not None:  # coerced: the lexical form alone
        lexical = value.value
        if term.coercion in _NATIVE_INTEGERS and lexical.isdigit() and \
                (lexical == "0" or not lexical.startswith("0")):  # canonical: int() keeps it
            return int(lexical)
        return lexical
    if value.language:
        return {"@value": value.value, "@language": value.language}
    datatype = value.datatype.value
    if datatype == XSD_STRING:
        return value.value
    if datatype == XSD_BOOLEAN and value.value in ("true", "false"):
        return value.value == "true"
    return {"@value": value.value, "@type": ctx.compact_iri(datatype)}


Statement = tuple[ox.NamedNode, ox.NamedNode, "ox.NamedNode | ox.Literal"]


def _entries(ctx: Context, statements: Iterable[Statement], base: str | None
             ) -> dict[str, list[tuple[str, Any, str | None]]]:
    """Subject -> (JSON key, JSON value, IRI of the node the value refers to, if any)."""
    keys: dict[tuple[str, str | None], tuple[str, TermDef | None]] = {}  # memo for this call
    by_subject: dict[str, list[tuple[str, Any, str | None]]] = {}
    for subject, predicate, obj in statements:
        entries = by_subject.get(subject.value)
        if entries is None:
            entries = by_subject[subject.value] = []
        if predicate.value == RDF_TYPE:
            iri = obj.value
            entries.append(("@type", ctx.classes.get(iri) or ctx.compact_iri(iri), None))
            continue
        kind = "@id" if isinstance(obj, ox.NamedNode) else \
            None if obj.language else obj.datatype.value
        found = keys.get((predicate.value, kind))
        if found is None:
            term = _term_for(ctx.properties.get(predicate.value, ()), obj)
            found = keys[(predicate.value, kind)] = (
                term.name if term else ctx.compact_iri(predicate.value), term)
        key, term = found
        target = obj.value if kind == "@id" else None
        entries.append((key, _value(ctx, obj, term, base), target))
    return by_subject


def compact_nodes(ctx: Context, statements: Iterable[Statement],
                  base: str | None = None) -> list[dict[str, Any]]:
    """Node objects for the (subject, predicate, object) statements of one graph, with
    singly-referenced nodes embedded where they are referenced.

    IRIs under ``base`` are written relative to it (the document's context then sets ``@base``).
    """
    by_subject = _entries(ctx, statements, base)
    references = Counter(target for subject, entries in by_subject.items()
                         for _, _, target in entries
                         if target is not None and target != subject and target in by_subject)
    embeddable = {s for s in by_subject if references[s] == 1}
    placed: set[str] = set()

    def build(subject: str) -> dict[str, Any]:
        placed.add(subject)
        node: dict[str, list[Any]] = {"@id": [document_iri(ctx, subject, base)]}
        for key, value, target in by_subject[subject]:
            if target in embeddable and target not in placed:
                value = build(target)
            values = node.get(key)
            if values is None:
                node[key] = [value]
            else:
                values.append(value)
        return {k: v[0] if len(v) == 1 else v for k, v in node.items()}

    roots = [build(s) for s in by_subject if s not in embeddable]
    roots += [build(s) for s in by_subject if s not in placed]  # cycles of single references
    return roots


def graph_object(ctx: Context, graph: str, statements: Iterable[Statement],
                 base: str | None = None) -> dict[str, Any]:
    """A named graph as a JSON-LD graph object (``{"@id": graph, "@graph": [...]}``)."""
    return {"@id": document_iri(ctx, graph, base), "@graph": compact_nodes(ctx, statements, base)}


def document_context(ctx: Context, base: str | None) -> list[Any] | dict[str, Any]:
    """The ``@context`` of an output document: the shipped context inline, plus ``@base``."""
    shipped = dict(ctx.document)
    return [shipped, {"@base": base}] if base else shipped
