"""SKOS code lists generated from the codebook: CAMEO event codes, QuadClass, PLOVER (with the
CAMEO -> PLOVER mapping), actor-code roots, agents and groups, and countries.

``tools/build_ontology.py`` writes them to ``ontologies/``; a test fails when they drift from the
codebook. Output is deterministic: triples sorted, prefixes in name order.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Callable, Iterable, Mapping

import pyoxigraph as ox

from ..codebook import QUAD_CLASS_NAMES, Codebook, CodeName
from . import namespaces as ns
from .iris import segment
from .terms import (actor_root, agent, cameo, country, dcterms, evo, geo, group, plover,
                    plover_context, quadclass, rdf, skos, xsd)
from .writer import strip_directives

#: English and Indonesian names of the PLOVER categories (the Indonesian ones written here)
PLOVER_NAMES = MappingProxyType({
    "AGREE": ("Agree", "Menyatakan kesediaan"),
    "AID": ("Aid", "Memberi bantuan"),
    "ASSAULT": ("Assault", "Penyerangan"),
    "COERCE": ("Coerce", "Pemaksaan"),
    "CONCEDE": ("Concede", "Mengalah"),
    "CONSULT": ("Consult", "Berkonsultasi"),
    "COOPERATE": ("Cooperate", "Bekerja sama"),
    "DEMAND": ("Demand", "Menuntut"),
    "DISAPPROVE": ("Disapprove", "Tidak menyetujui"),
    "FIGHT": ("Fight", "Bertempur"),
    "INVESTIGATE": ("Investigate", "Menyelidiki"),
    "MOBILIZE": ("Mobilize", "Mobilisasi"),
    "PROTEST": ("Protest", "Protes"),
    "REJECT": ("Reject", "Menolak"),
    "REQUEST": ("Request", "Meminta"),
    "RETREAT": ("Retreat", "Mundur"),
    "SANCTION": ("Sanction", "Sanksi"),
    "SUPPORT": ("Support", "Mendukung"),
    "THREATEN": ("Threaten", "Mengancam"),
})
NO_PLOVER = "NONE"

Triples = list[ox.Triple]


def _lit(text: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(text, language=lang) if lang else ox.Literal(text)


def _scheme(out: Triples, namespace: str, title: str, description: str) -> ox.NamedNode:
    scheme = ox.NamedNode(ns.scheme_iri(namespace))
    out.append(ox.Triple(scheme, rdf.type, skos.ConceptScheme))
    out.append(ox.Triple(scheme, dcterms.title, _lit(title, "en")))
    out.append(ox.Triple(scheme, dcterms.description, _lit(description, "en")))
    return scheme


def _concept(out: Triples, node: ox.NamedNode, cls: ox.NamedNode, scheme: ox.NamedNode,
             notation: str, names: Iterable[tuple[str, str]],
             broader: ox.NamedNode | None = None) -> None:
    out.append(ox.Triple(node, rdf.type, skos.Concept))
    out.append(ox.Triple(node, rdf.type, cls))
    out.append(ox.Triple(node, skos.inScheme, scheme))
    out.append(ox.Triple(node, skos.notation, _lit(notation)))
    for text, lang in names:
        out.append(ox.Triple(node, skos.prefLabel, _lit(text, lang)))
    if broader is None:
        out.append(ox.Triple(node, skos.topConceptOf, scheme))
        out.append(ox.Triple(scheme, skos.hasTopConcept, node))
    else:
        out.append(ox.Triple(node, skos.broader, broader))
        out.append(ox.Triple(broader, skos.narrower, node))


def cameo_triples(book: Codebook) -> Triples:
    """The CAMEO event codes: notation, names, broader code, QuadClass and Goldstein values."""
    out: Triples = []
    scheme = _scheme(out, ns.CAMEO, "CAMEO event codes",
                     "The Conflict and Mediation Event Observations event codes (two to four digits), "
                     "with their QuadClass and Goldstein (GDELT) values.")
    for code in book.events.values():
        node = cameo[code.code]
        _concept(out, node, evo.EventCode, scheme, code.code,
                 [(code.name_en, "en"), (code.name_id, "id")],
                 cameo[code.parent] if code.parent else None)
        out.append(ox.Triple(node, evo.quadClass, quadclass[str(code.quad_class)]))
        out.append(ox.Triple(node, evo.goldstein, decimal(code.goldstein)))
        if code.goldstein_icews is not None:
            out.append(ox.Triple(node, evo.goldsteinIcews, decimal(code.goldstein_icews)))
    return out


def decimal(value: float) -> ox.Literal:
    """A Goldstein value as an ``xsd:decimal`` in canonical form (``-10.0``, ``3.4``)."""
    return ox.Literal(repr(float(value)), datatype=xsd.decimal)


def quadclass_triples() -> Triples:
    out: Triples = []
    scheme = _scheme(out, ns.QUADCLASS, "QuadClass",
                     "GDELT's four classes of CAMEO events: verbal and material cooperation, verbal "
                     "and material conflict.")
    for number, (name_en, name_id) in QUAD_CLASS_NAMES.items():
        _concept(out, quadclass[str(number)], evo.QuadClass, scheme, str(number),
                 [(name_en, "en"), (name_id, "id")])
    return out


def plover_mode_iri(category: str, mode: str) -> ox.NamedNode:
    return plover[f"{category}-{segment(mode)}"]


def plover_contexts(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").split(";") if c.strip()]


def plover_triples(book: Codebook) -> Triples:
    """PLOVER categories, modes and contexts, and the CAMEO -> PLOVER mapping."""
    out: Triples = []
    scheme = _scheme(out, ns.PLOVER, "PLOVER event categories and modes",
                     "The Political Language Ontology for Verifiable Event Records: categories as "
                     "top concepts, modes narrower than their category.")
    contexts = _scheme(out, ns.PLOVER_CONTEXT, "PLOVER contexts",
                       "The PLOVER contexts (the domain an event belongs to).")
    for name, (name_en, name_id) in PLOVER_NAMES.items():
        _concept(out, plover[name], evo.PloverCategory, scheme, name,
                 [(name_en, "en"), (name_id, "id")])
    modes = sorted({(c.plover, c.plover_mode) for c in book.events.values() if c.plover_mode})
    for category, mode in modes:
        _concept(out, plover_mode_iri(category, mode), evo.PloverMode, scheme,
                 f"{category}.{mode}", [(mode.replace("_", " "), "en")], plover[category])
    for name in sorted({c for e in book.events.values() for c in plover_contexts(e.plover_context)}):
        _concept(out, plover_context[segment(name)], evo.PloverContext, contexts, name,
                 [(name.replace("_", " "), "en")])
    for code in book.events.values():
        if code.plover == NO_PLOVER:
            continue
        node = cameo[code.code]
        out.append(ox.Triple(node, skos.broadMatch, plover[code.plover]))
        if code.plover_mode:
            out.append(ox.Triple(node, skos.closeMatch, plover_mode_iri(code.plover, code.plover_mode)))
        for name in plover_contexts(code.plover_context):
            out.append(ox.Triple(node, evo.ploverContext, plover_context[segment(name)]))
    return out


def _code_names(out: Triples, items: Mapping[str, CodeName], namespace, cls: ox.NamedNode,
                scheme: ox.NamedNode, extra: Callable[[ox.NamedNode, CodeName], None] | None = None
                ) -> None:
    for item in items.values():
        node = namespace[item.code]
        _concept(out, node, cls, scheme, item.code, [(item.name_en, "en"), (item.name_id, "id")])
        if extra:
            extra(node, item)


def actor_code_triples(book: Codebook) -> Triples:
    """Actor-code components other than countries: roots, agents and groups."""
    out: Triples = []
    roots = _scheme(out, ns.ACTOR_ROOT, "CAMEO actor-code roots",
                    "Non-state roots that can begin a CAMEO actor code (IGO, IMG, MNC, NGO).")
    agents = _scheme(out, ns.AGENT, "CAMEO agent codes",
                     "Sector and role codes that follow a country or root in an actor code.")
    groups = _scheme(out, ns.GROUP, "Actor group codes",
                     "Intergovernmental organisations, armed and militant groups and ethnic groups "
                     "(this project's list) used in actor codes.")
    _code_names(out, book.roots, actor_root, evo.ActorRoot, roots)
    _code_names(out, book.agents, agent, evo.AgentCode, agents)

    def kind(node: ox.NamedNode, item: CodeName) -> None:
        if item.kind:
            out.append(ox.Triple(node, evo.groupKind, _lit(item.kind)))

    _code_names(out, book.groups, group, evo.GroupCode, groups, kind)
    return out


def country_triples(book: Codebook) -> Triples:
    out: Triples = []
    scheme = _scheme(out, ns.COUNTRY, "Countries",
                     "ISO 3166-1 countries by their alpha-3 code, the CAMEO country codes.")

    def feature(node: ox.NamedNode, item: CodeName) -> None:
        out.append(ox.Triple(node, rdf.type, geo.Feature))
        if item.alpha2:
            out.append(ox.Triple(node, evo.alpha2, _lit(item.alpha2)))

    _code_names(out, book.countries, country, evo.Country, scheme, feature)
    return out


GENERATED_NOTE = ("# GENERATED by tools/build_ontology.py from the codebook "
                  "(events/data/codebook/*.yaml).\n# Do not edit by hand: change the codebook or "
                  "events/rdf/codelists.py and re-run the tool.\n")


def _sort_key(triple: ox.Triple) -> tuple:
    obj = triple.object
    return (triple.subject.value, triple.predicate != rdf.type, triple.predicate.value,
            isinstance(obj, ox.Literal), getattr(obj, "language", None) or "", obj.value)


def render_turtle(triples: Iterable[ox.Triple], title: str) -> str:
    """Deterministic Turtle: a comment, the prefixes in name order, the sorted triples."""
    ordered = sorted(set(triples), key=_sort_key)
    body = strip_directives(ox.serialize(ordered, format=ox.RdfFormat.TURTLE,
                                         prefixes=dict(ns.PREFIXES)))
    prefixes = "".join(f"@prefix {k}: <{v}> .\n" for k, v in sorted(ns.PREFIXES.items()))
    return f"# {title}\n{GENERATED_NOTE}\n{prefixes}\n{body.decode('utf-8')}"


def generated_files(book: Codebook) -> dict[str, str]:
    """File name -> Turtle text of every generated code list."""
    return {
        "cameo.ttl": render_turtle(cameo_triples(book), "CAMEO event codes as a SKOS concept scheme"),
        "quadclass.ttl": render_turtle(quadclass_triples(), "QuadClass as a SKOS concept scheme"),
        "plover.ttl": render_turtle(plover_triples(book),
                                    "PLOVER categories, modes and contexts, and the CAMEO -> "
                                    "PLOVER mapping"),
        "actor-codes.ttl": render_turtle(actor_code_triples(book),
                                         "CAMEO actor-code roots, agents and group codes"),
        "countries.ttl": render_turtle(country_triples(book), "Countries (ISO 3166-1 alpha-3)"),
    }
