"""Namespace IRIs: the standard vocabularies reused, and this project's ontology and code lists.

The project's vocabulary lives under :data:`VOCAB_ROOT`; the data a run produces lives under a
configurable base IRI (see :mod:`events.rdf.iris`). Everything here is an immutable constant.
"""

from __future__ import annotations

from types import MappingProxyType

VOCAB_ROOT = "https://w3id.org/events-coder/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SH = "http://www.w3.org/ns/shacl#"
DCTERMS = "http://purl.org/dc/terms/"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
TIME = "http://www.w3.org/2006/time#"
GEO = "http://www.opengis.net/ont/geosparql#"
SCHEMA = "https://schema.org/"

EVO = VOCAB_ROOT + "ontology#"          # the event ontology's classes and properties
SHAPES = VOCAB_ROOT + "shapes#"         # the SHACL shapes
CAMEO = VOCAB_ROOT + "cameo/"           # CAMEO event codes: cameo:190
QUADCLASS = VOCAB_ROOT + "quadclass/"   # QuadClass 1-4
PLOVER = VOCAB_ROOT + "plover/"         # PLOVER categories (plover:FIGHT) and modes
PLOVER_CONTEXT = VOCAB_ROOT + "plover-context/"
COUNTRY = VOCAB_ROOT + "country/"       # ISO 3166-1 alpha-3 countries
ACTOR_ROOT = VOCAB_ROOT + "actor-root/"  # IGO, IMG, MNC, NGO
AGENT = VOCAB_ROOT + "agent/"           # agent (sector/role) codes
GROUP = VOCAB_ROOT + "group/"           # organisation, militant and ethnic group codes

#: prefix -> namespace, used for Turtle, TriG, RDF/XML and in the JSON-LD context
PREFIXES = MappingProxyType({
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS, "dcterms": DCTERMS,
    "sem": SEM, "prov": PROV, "nif": NIF, "itsrdf": ITSRDF, "time": TIME, "geo": GEO,
    "schema": SCHEMA, "evo": EVO, "cameo": CAMEO, "quadclass": QUADCLASS, "plover": PLOVER,
    "plovercontext": PLOVER_CONTEXT, "country": COUNTRY, "actorroot": ACTOR_ROOT,
    "agent": AGENT, "group": GROUP,
})


def scheme_iri(namespace: str) -> str:
    """The concept scheme of a code-list namespace: the namespace without its trailing slash."""
    return namespace.rstrip("/")
