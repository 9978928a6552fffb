"""The shipped JSON-LD ``@context``: loaded from the package (never fetched) and indexed for compaction.

The context has explicit terms only: prefixes (an absolute namespace IRI ending in ``/`` or ``#``),
class terms and property terms (a compact IRI, optionally with a ``@type`` coercion). No ``@vocab``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

CONTEXT_PATH = Path(str(resources.files("events") / "data" / "rdf" / "context.jsonld"))

#: the IRI the context is published under; documents may cite it, but it is never fetched here
CONTEXT_IRI = "https://w3id.org/events-coder/context.jsonld"


@dataclass(frozen=True)
class TermDef:
    """One property term: its name and coercion (``@id``, a datatype IRI, or ``None``)."""

    name: str
    coercion: str | None


@dataclass(frozen=True)
class Context:
    """The context document and the lookups a compactor needs."""

    document: Mapping[str, Any]          # the value of "@context"
    prefixes: tuple[tuple[str, str], ...]  # (prefix, namespace), longest namespace first
    classes: Mapping[str, str]           # class IRI -> term
    properties: Mapping[str, tuple[TermDef, ...]]  # property IRI -> terms

    def expand(self, value: str) -> str:
        """A compact IRI (``sem:Event``) as an absolute IRI; absolute IRIs are returned as they are."""
        prefix, sep, rest = value.partition(":")
        if sep and not rest.startswith("//"):
            for name, namespace in self.prefixes:
                if name == prefix:
                    return namespace + rest
        return value

    def compact_iri(self, iri: str) -> str:
        """``iri`` as ``prefix:local`` when a prefix covers it, else unchanged."""
        for name, namespace in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{name}:{iri[len(namespace):]}"
        return iri


def is_prefix_definition(value: object) -> bool:
    return isinstance(value, str) and "://" in value and value[-1:] in ("/", "#")


def build_context(document: Mapping[str, Any]) -> Context:
    """Index a context document (the object under ``@context``)."""
    prefixes = {k: v for k, v in document.items() if is_prefix_definition(v)}
    ordered = tuple(sorted(prefixes.items(), key=lambda kv: -len(kv[1])))
    partial = Context(document, ordered, {}, {})
    classes: dict[str, str] = {}
    properties: dict[str, list[TermDef]] = {}
    for name, value in document.items():
        if name.startswith("@") or name in prefixes:
            continue
        if isinstance(value, str):
            classes[partial.expand(value)] = name
            properties.setdefault(partial.expand(value), []).append(TermDef(name, None))
            continue
        coercion = value.get("@type")
        if coercion is not None and coercion != "@id":
            coercion = partial.expand(coercion)
        properties.setdefault(partial.expand(value["@id"]), []).append(TermDef(name, coercion))
    return Context(MappingProxyType(dict(document)), ordered, MappingProxyType(classes),
                   MappingProxyType({k: tuple(v) for k, v in properties.items()}))


def load_context_document(path: Path = CONTEXT_PATH) -> dict[str, Any]:
    """The shipped context file's ``@context`` object."""
    return json.loads(path.read_text(encoding="utf-8"))["@context"]


@cache
def shipped_context() -> Context:
    """The shipped context, read once per process (it is immutable)."""
    return build_context(load_context_document())
