"""The vocabulary: ontology, code lists, shapes and JSON-LD context parse, are fresh and consistent."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from events.codebook import default_codebook
from events.rdf import terms
from events.rdf.codelists import PLOVER_NAMES, generated_files
from events.rdf.context import build_context, is_prefix_definition, load_context_document
from events.rdf.graph import article_triples
from events.rdf.namespaces import CAMEO, EVO, PLOVER, PREFIXES, scheme_iri
from events.rdf.validate import shacl_violations, with_vocabulary
from events.rdf.vocabulary import (HAND_WRITTEN, PACKAGE_DIR, SOURCE_DIR, expected_files,
                                   vocabulary_files, vocabulary_graph)

from .conftest import ROOT
from .test_rdf import corpus

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

TTL_FILES = sorted(p.name for p in SOURCE_DIR.glob("*.ttl"))


@pytest.fixture(scope="module")
def vocabulary() -> rdflib.Graph:
    return vocabulary_graph()


# --- files --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", TTL_FILES)
def test_vocabulary_files_parse_with_rdflib_and_pyoxigraph(name):
    path = SOURCE_DIR / name
    graph = rdflib.Graph().parse(path, format="turtle")
    triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(graph) > 0 and len(graph) == len(set(triples))


def test_generated_and_shipped_files_are_fresh():
    """tools/build_ontology.py has been run: code lists match the codebook, the package copies
    match ontologies/."""
    stale = [str(path.relative_to(ROOT)) for path, text in expected_files(default_codebook()).items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    assert not stale, f"run 'python tools/build_ontology.py'; stale: {stale}"


def test_generated_code_lists_are_deterministic():
    assert generated_files(default_codebook()) == generated_files(default_codebook())


def test_vocabulary_files_cover_every_shipped_rdf_file():
    files = vocabulary_files()
    assert sorted(p.name for p in files.values()) == TTL_FILES
    assert all(path.parent == PACKAGE_DIR and path.exists() for path in files.values())
    assert len(set(files)) == len(files)
    assert set(HAND_WRITTEN) <= {p.name for p in SOURCE_DIR.iterdir()}


# --- code lists ------------------------------------------------------------------------------------

def test_every_cameo_code_is_a_concept_with_notation_labels_and_values(vocabulary):
    book = default_codebook()
    for code, entry in book.events.items():
        node = rdflib.URIRef(CAMEO + code)
        assert (node, RDF.type, SKOS.Concept) in vocabulary
        assert vocabulary.value(node, SKOS.notation) == rdflib.Literal(code)  # leading zeros kept
        labels = {(str(v), v.language) for v in vocabulary.objects(node, SKOS.prefLabel)}
        assert labels == {(entry.name_en, "en"), (entry.name_id, "id")}
        broader = vocabulary.value(node, SKOS.broader)
        assert broader == (rdflib.URIRef(CAMEO + entry.parent) if entry.parent else None)
        assert vocabulary.value(node, rdflib.URIRef(EVO + "quadClass")) == rdflib.URIRef(
            f"https://w3id.org/events-coder/quadclass/{entry.quad_class}")
        assert float(vocabulary.value(node, rdflib.URIRef(EVO + "goldstein"))) == entry.goldstein


def test_cameo_to_plover_mapping_is_skos_mapping(vocabulary):
    book = default_codebook()
    for code, entry in book.events.items():
        matches = set(vocabulary.objects(rdflib.URIRef(CAMEO + code), SKOS.broadMatch))
        expected = set() if entry.plover == "NONE" else {rdflib.URIRef(PLOVER + entry.plover)}
        assert matches == expected
    assert set(PLOVER_NAMES) == {e.plover for e in book.events.values()} - {"NONE"}
    fight = rdflib.URIRef(CAMEO + "190")
    assert (fight, SKOS.broadMatch, rdflib.URIRef(PLOVER + "FIGHT")) in vocabulary


def test_actor_code_and_country_schemes(vocabulary):
    book = default_codebook()
    for namespace, items in ((terms.country, book.countries), (terms.agent, book.agents),
                             (terms.actor_root, book.roots), (terms.group, book.groups)):
        scheme = rdflib.URIRef(scheme_iri(namespace.iri))
        members = set(vocabulary.subjects(SKOS.inScheme, scheme))
        assert {str(m).rsplit("/", 1)[1] for m in members} == set(items)
    # MUS is both Mauritius and the Muslim agent code: two concepts
    assert (rdflib.URIRef(terms.country.iri + "MUS"), RDF.type, SKOS.Concept) in vocabulary
    assert (rdflib.URIRef(terms.agent.iri + "MUS"), RDF.type, SKOS.Concept) in vocabulary


def test_code_lists_conform_to_their_shapes():
    violations = shacl_violations(with_vocabulary([]), "vocabulary", codelists=True)
    assert not violations, "\n".join(v.line() for v in violations[:20])


def test_code_list_shapes_catch_a_wrong_broader_code():
    broken = ox.Triple(ox.NamedNode(CAMEO + "0211"), ox.NamedNode(str(SKOS.broader)),
                       ox.NamedNode(CAMEO + "03"))
    violations = shacl_violations(with_vocabulary([broken]), "x", codelists=True)
    shapes = {v.shape for v in violations if v.focus == "cameo:0211"}
    assert {"evsh:EventCodeParentShape", "evsh:ConceptShape"} <= shapes  # and two broader codes


# --- ontology ------------------------------------------------------------------------------------

def test_every_ontology_term_the_code_uses_is_declared(vocabulary):
    declared = {str(s) for s in vocabulary.subjects(RDFS.isDefinedBy,
                                                     rdflib.URIRef(EVO.rstrip("#")))}
    used = {EVO + name for name in terms.evo.names()}
    assert used <= declared, sorted(used - declared)
    assert declared <= used, sorted(declared - used)


def test_source_and_target_are_sub_properties_of_has_actor(vocabulary):
    has_actor = rdflib.URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasActor")
    for name in ("source", "target"):
        assert (rdflib.URIRef(EVO + name), RDFS.subPropertyOf, has_actor) in vocabulary
    assert (rdflib.URIRef(EVO + "CodedEvent"), RDF.type, OWL.Class) in vocabulary


# --- JSON-LD context -----------------------------------------------------------------------------------

def test_context_has_explicit_terms_only():
    document = load_context_document()
    assert "@vocab" not in document and "@base" not in document
    prefixes = {k: v for k, v in document.items() if is_prefix_definition(v)}
    assert prefixes == dict(PREFIXES)
    terms_ = {k for k in document if k not in prefixes}
    assert not terms_ & set(prefixes)
    for name, value in document.items():
        if name in prefixes:
            continue
        iri = value if isinstance(value, str) else value["@id"]
        assert ":" in iri and iri.split(":", 1)[0] in prefixes, name  # compact, known prefix
        assert iri.split(":", 1)[0] != name


def test_context_file_is_shipped_unchanged():
    assert json.loads((PACKAGE_DIR / "context.jsonld").read_text()) == \
        json.loads((SOURCE_DIR / "context.jsonld").read_text())


def test_every_emitted_predicate_and_class_has_a_term():
    context = build_context(load_context_document())
    triples = [t for article, events in corpus() for t in article_triples(article, events)]
    predicates = {t.predicate.value for t in triples} - {str(RDF.type)}
    classes = {t.object.value for t in triples if t.predicate.value == str(RDF.type)}
    assert predicates <= set(context.properties), sorted(predicates - set(context.properties))
    assert classes <= set(context.classes), sorted(classes - set(context.classes))
