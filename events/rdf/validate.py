"""``events validate``: JSON Lines against the event JSON Schema, RDF against the SHACL shapes.

RDF files are parsed with pyoxigraph (any format the writers produce) and validated with pyshacl in
batches of whole named graphs (one article each in the quad formats), each batch together with the
ontology and code lists, so that memory stays bounded and ``sh:class`` checks can see the codes.
Each violation comes back as a :class:`Violation` with a one-line, readable rendering.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import pyoxigraph as ox

from ..errors import EventsError
from .formats import RdfFormatSpec, format_for_path, rdf_format
from .namespaces import PREFIXES, RDF, SKOS

if TYPE_CHECKING:
    import rdflib

JSONL_SUFFIXES = (".jsonl", ".ndjson")
BATCH_TRIPLES = 50_000
SH = "http://www.w3.org/ns/shacl#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Violation:
    """One problem found in a file, ready to print."""

    where: str
    message: str
    focus: str = ""
    path: str = ""
    value: str = ""
    shape: str = ""
    severity: str = "Violation"

    def line(self) -> str:
        subject = " ".join(p for p in (self.focus, self.path) if p)
        details = "; ".join(p for p in (f"value {self.value}" if self.value else "",
                                        f"shape {self.shape}" if self.shape else "") if p)
        text = f"{self.where}: {self.severity}: " + (f"{subject}: " if subject else "") + self.message
        return f"{text} ({details})" if details else text


# --- JSON Lines ----------------------------------------------------------------------------------

def event_schema() -> dict:
    """The committed event JSON Schema (``schemas/event.schema.json``), else one from the model."""
    try:
        from ..schemas import event_schema as committed
    except ImportError:  # pragma: no cover - the schemas module ships with the package
        from ..models import Event
        return Event.model_json_schema(mode="serialization")
    return committed()


def validate_jsonl(lines: Iterable[bytes], name: str) -> Iterator[Violation]:
    """Each line checked against the event schema; malformed lines are violations too."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(event_schema())
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Violation(where, f"malformed JSON: {exc}")
            continue
        event_id = record.get("id", "") if isinstance(record, dict) else ""
        for error in sorted(validator.iter_errors(record), key=lambda e: list(map(str, e.path))):
            location = "/".join(str(p) for p in error.absolute_path) or "(record)"
            yield Violation(where, error.message, focus=f"event {event_id}" if event_id else "",
                            path=location)


# --- RDF -----------------------------------------------------------------------------------------

def show(term: Any) -> str:
    """A term for people: a prefixed name when a prefix fits, ``<iri>``, or a quoted literal."""
    import rdflib

    if term is None:
        return ""
    if isinstance(term, rdflib.URIRef):
        iri = str(term)
        for name, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{name}:{iri[len(namespace):]}"
        if iri.startswith("https://w3id.org/events-coder/shapes#"):
            return "evsh:" + iri.split("#", 1)[1]
        return f"<{iri}>"
    if isinstance(term, rdflib.Literal):
        text = str(term)
        return json.dumps(text[:57] + "..." if len(text) > 60 else text, ensure_ascii=False)
    return "(path)" if isinstance(term, rdflib.BNode) else str(term)


def batches(quads: Iterable[ox.Quad | ox.Triple], size: int = BATCH_TRIPLES
            ) -> Iterator[list[ox.Triple]]:
    """Triples in batches of whole graphs: a graph is never split, a batch is about ``size``."""
    batch: list[ox.Triple] = []
    graph = None
    for quad in quads:
        name = quad.graph_name if isinstance(quad, ox.Quad) else None
        if name != graph and len(batch) >= size:
            yield batch
            batch = []
        graph = name
        batch.append(quad.triple if isinstance(quad, ox.Quad) else quad)
    if batch:
        yield batch


def rdflib_term(term: Any) -> Any:
    """A pyoxigraph term as the rdflib term a parser would make (``xsd:string`` stays implicit)."""
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return rdflib.Literal(term.value, datatype=None if datatype == XSD_STRING else datatype)
    return rdflib.BNode(term.value)


def to_rdflib(triples: Iterable[ox.Triple], graph: "rdflib.Graph | None" = None) -> "rdflib.Graph":
    """Add pyoxigraph triples to an rdflib graph (a new one by default)."""
    import rdflib

    graph = rdflib.Graph() if graph is None else graph
    graph.addN((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object), graph)
               for t in triples)
    return graph


def _shape_name(shapes: "rdflib.Graph", shape: Any) -> str:
    import rdflib

    if isinstance(shape, rdflib.BNode):
        parent = shapes.value(None, rdflib.URIRef(SH + "property"), shape)
        return show(parent) if parent is not None else ""
    return show(shape)


def with_vocabulary(triples: Iterable[ox.Triple]) -> "rdflib.Graph":
    """A new rdflib graph of the ontology, the code lists and ``triples``."""
    import rdflib

    from .vocabulary import vocabulary_graph

    graph = rdflib.Graph()
    graph.addN((s, p, o, graph) for s, p, o in vocabulary_graph())
    return to_rdflib(triples, graph)


def shacl_violations(graph: "rdflib.Graph", where: str, codelists: bool = False) -> list[Violation]:
    """Validate ``graph`` (data with the vocabulary, see :func:`with_vocabulary`) against the data
    shapes, and against the code-list shapes when ``codelists``; the violations, sorted.
    The graph may be changed (pyshacl runs in place)."""
    import pyshacl
    import rdflib

    from .vocabulary import codelist_shapes_graph, data_shapes_graph

    shapes = data_shapes_graph()
    if codelists:
        shapes = shapes + codelist_shapes_graph()
    _, results, _ = pyshacl.validate(graph, shacl_graph=shapes, advanced=True, inference="none",
                                     allow_warnings=True, inplace=True)
    sh = rdflib.Namespace(SH)
    out = []
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        messages = sorted(str(m) for m in results.objects(result, sh.resultMessage))
        severity = show(results.value(result, sh.resultSeverity)).removeprefix("<").rstrip(">")
        out.append(Violation(
            where, "; ".join(messages) or "constraint not met",
            focus=show(results.value(result, sh.focusNode)),
            path=show(results.value(result, sh.resultPath)),
            value=show(results.value(result, sh.value)),
            shape=_shape_name(shapes, results.value(result, sh.sourceShape)),
            severity=severity.rsplit("#", 1)[-1]))
    return sorted(out, key=lambda v: (v.focus, v.path, v.shape, v.message, v.value))


def validate_rdf(path: Path, spec: RdfFormatSpec,
                 batch_size: int = BATCH_TRIPLES) -> Iterator[Violation]:
    """Parse an RDF file and validate it batch by batch."""
    skos_concept = ox.NamedNode(SKOS + "Concept")
    rdf_type = ox.NamedNode(RDF + "type")
    try:
        for batch in batches(ox.parse(path=str(path), format=spec.format), batch_size):
            codelists = any(t.predicate == rdf_type and t.object == skos_concept for t in batch)
            yield from shacl_violations(with_vocabulary(batch), str(path), codelists)
    except SyntaxError as exc:
        raise EventsError(f"{path}: not valid {spec.label}: {exc}") from None
    except OSError as exc:
        raise EventsError(f"{path}: cannot read file: {exc.strerror or exc}") from None


def validate_file(path: str | Path, format: str | None = None) -> Iterator[Violation]:
    """Violations in one file: JSON Lines by schema, RDF by SHACL (format from name or extension)."""
    path = Path(path)
    if format == "jsonl" or (format is None and path.suffix.lower() in JSONL_SUFFIXES):
        try:
            handle = path.open("rb")
        except OSError as exc:
            raise EventsError(f"{path}: cannot read file: {exc.strerror or exc}") from None
        with handle:
            yield from validate_jsonl(handle, str(path))
        return
    spec = rdf_format(format) if format else format_for_path(path)
    if spec is None:
        raise EventsError(f"{path}: cannot tell the format from the extension; pass --format")
    yield from validate_rdf(path, spec)
