"""The RDF formats: names, file extensions and the pyoxigraph format of each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import pyoxigraph as ox

from ..errors import EventsError


@dataclass(frozen=True)
class RdfFormatSpec:
    name: str
    format: ox.RdfFormat
    extensions: tuple[str, ...]
    quads: bool  # named graphs (one per article) are written

    @property
    def label(self) -> str:
        return self.format.name


FORMATS = MappingProxyType({f.name: f for f in (
    RdfFormatSpec("jsonld", ox.RdfFormat.JSON_LD, (".jsonld",), True),
    RdfFormatSpec("ttl", ox.RdfFormat.TURTLE, (".ttl",), False),
    RdfFormatSpec("nt", ox.RdfFormat.N_TRIPLES, (".nt",), False),
    RdfFormatSpec("nq", ox.RdfFormat.N_QUADS, (".nq",), True),
    RdfFormatSpec("trig", ox.RdfFormat.TRIG, (".trig",), True),
    RdfFormatSpec("rdfxml", ox.RdfFormat.RDF_XML, (".rdf", ".owl"), False),
)})


def format_for_path(path: str | Path) -> RdfFormatSpec | None:
    """The RDF format of a file name's extension, or ``None``."""
    suffix = Path(path).suffix.lower()
    for spec in FORMATS.values():
        if suffix in spec.extensions:
            return spec
    return None


def rdf_format(name: str) -> RdfFormatSpec:
    try:
        return FORMATS[name]
    except KeyError:
        raise EventsError(f"unknown RDF format {name!r}; choose from: {', '.join(FORMATS)}") from None
