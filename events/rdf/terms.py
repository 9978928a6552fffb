"""The RDF terms the package writes, as closed namespaces: a misspelt term fails at import time.

``sem.Event`` is a :class:`pyoxigraph.NamedNode`; asking a namespace for a name it does not declare
raises ``AttributeError`` instead of minting a wrong IRI.
"""

from __future__ import annotations

from types import MappingProxyType

import pyoxigraph as ox

from . import namespaces as ns


class _Terms:
    """A fixed set of terms in one namespace (read-only once made); ``_term`` makes one term."""

    def __init__(self, iri: str, names):
        terms = {n: self._term(iri + n) for n in names}
        object.__setattr__(self, "iri", iri)
        object.__setattr__(self, "_terms", MappingProxyType(terms))
        self.__dict__.update(terms)  # plain attribute look-ups: these are on the hot path

    @staticmethod
    def _term(iri: str):
        raise NotImplementedError

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a namespace is read-only")

    def __getattr__(self, name: str):  # only called for undeclared names
        raise AttributeError(f"{self.iri} declares no term {name!r}")

    def __getitem__(self, local: str):
        """A term built from data (a code), not a declared name: ``cameo["190"]``."""
        return self._terms.get(local) or self._term(self.iri + local)

    def names(self) -> tuple[str, ...]:
        return tuple(self._terms)


class Namespace(_Terms):
    """Terms as :class:`pyoxigraph.NamedNode`."""

    def __init__(self, iri: str, names: str):
        super().__init__(iri, names.split())

    _term = staticmethod(ox.NamedNode)


rdf = Namespace(ns.RDF, "type")
rdfs = Namespace(ns.RDFS, "label comment subClassOf subPropertyOf domain range isDefinedBy")
xsd = Namespace(ns.XSD, "string boolean decimal integer nonNegativeInteger date gYearMonth gYear "
                        "language anyURI")
skos = Namespace(ns.SKOS, "Concept ConceptScheme prefLabel notation broader narrower inScheme "
                          "topConceptOf hasTopConcept definition broadMatch closeMatch exactMatch")
dcterms = Namespace(ns.DCTERMS, "identifier isPartOf language title description source license")
sem = Namespace(ns.SEM, "Event Actor Place hasActor hasPlace eventType actorType hasTimeStamp "
                        "hasEarliestBeginTimeStamp hasLatestEndTimeStamp")
prov = Namespace(ns.PROV, "Entity Activity SoftwareAgent wasDerivedFrom wasGeneratedBy used "
                          "wasAssociatedWith")
nif = Namespace(ns.NIF, "Context Sentence Phrase RFC5147String beginIndex endIndex anchorOf "
                        "referenceContext superString")
itsrdf = Namespace(ns.ITSRDF, "taIdentRef")
time = Namespace(ns.TIME, "unitDay unitMonth unitYear")
geo = Namespace(ns.GEO, "Feature sfWithin")
schema = Namespace(ns.SCHEMA, "NewsArticle datePublished inLanguage publisher url headline "
                              "softwareVersion")
evo = Namespace(ns.EVO, "CodedEvent EventCode QuadClass PloverCategory PloverMode PloverContext "
                        "ActorRoot AgentCode GroupCode Country Rule RuleSet CodingRun "
                        "source target sourceMention targetMention triggerMention placeMention "
                        "mention quadClass goldstein goldsteinIcews negated modality "
                        "datePrecision dateText dateSource matchedRule actorCode sentenceIndex "
                        "ploverContext groupKind alpha2")
cameo = Namespace(ns.CAMEO, "")
quadclass = Namespace(ns.QUADCLASS, "")
plover = Namespace(ns.PLOVER, "")
plover_context = Namespace(ns.PLOVER_CONTEXT, "")
country = Namespace(ns.COUNTRY, "")
actor_root = Namespace(ns.ACTOR_ROOT, "")
agent = Namespace(ns.AGENT, "")
group = Namespace(ns.GROUP, "")


class NtNamespace(_Terms):
    """The same terms as a :class:`Namespace`, as N-Triples strings (``<iri>``): for
    :mod:`events.rdf.graph`, which writes lines without building term objects."""

    def __init__(self, namespace: Namespace):
        super().__init__(namespace.iri, namespace.names())

    @staticmethod
    def _term(iri: str) -> str:
        return f"<{iri}>"


def ntriples_terms(names: str) -> tuple[NtNamespace, ...]:
    """The N-Triples form of the namespaces named (``"rdf sem"`` -> the two, in that order)."""
    return tuple(NtNamespace(globals()[name]) for name in names.split())
