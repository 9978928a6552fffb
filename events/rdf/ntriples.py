"""RDF terms as N-Triples text: the fast path from events to N-Triples and N-Quads lines.

A term is its N-Triples form (``<iri>``, ``"text"``, ``"3"^^<datatype>``, ``"text"@id``), written
exactly as pyoxigraph writes it, so lines can be joined without building term objects. IRIs given
here are already valid (:mod:`events.rdf.iris` escapes every piece of text that goes into one).
"""

from __future__ import annotations

Term = str

# What N-Triples escapes inside a literal: quote, backslash, and the control characters
# (the five with a short form, the rest as \\uXXXX), as pyoxigraph's canonical output does.
_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"',
          "\\": "\\\\"}
_ESCAPES = str.maketrans({**{chr(c): f"\\u{c:04X}" for c in [*range(0x20), 0x7F]}, **_SHORT})
_NEEDS_ESCAPE = frozenset(_SHORT) | {chr(c) for c in [*range(0x20), 0x7F]}
_XSD_STRING = "<http://www.w3.org/2001/XMLSchema#string>"


def iri(value: str) -> Term:
    return f"<{value}>"


def _quoted(text: str) -> str:
    if _NEEDS_ESCAPE.isdisjoint(text):
        return f'"{text}"'
    return f'"{text.translate(_ESCAPES)}"'


def literal(text: str) -> Term:
    """A plain (``xsd:string``) literal."""
    return _quoted(text)


def typed(text: str, datatype: Term) -> Term:
    """A literal with a datatype (``datatype`` is an IRI term); ``xsd:string`` is written plain."""
    if datatype == _XSD_STRING:
        return _quoted(text)
    return f"{_quoted(text)}^^{datatype}"


def with_language(text: str, language: str) -> Term:
    return f"{_quoted(text)}@{language.lower()}"
