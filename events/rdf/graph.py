"""Events as RDF: the triples of one article and its events, in the article's named graph.

The mapping reuses standard vocabularies: SEM for the event (type, actors, place, time stamps and
bounds), PROV-O for where it came from (sentence, rules, run), NIF for the sentence and mentions
with character offsets, OWL-Time units for the date precision, GeoSPARQL for places and
schema.org for the article. The few terms of our own are in ``ontologies/ontology.ttl``.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pyoxigraph as ox

from .. import __version__
from ..codebook import Codebook, default_codebook
from ..models import Actor, Article, Event, Location, Span
from . import iris
from .terms import (actor_root, agent, cameo, country, dcterms, evo, geo, group, itsrdf, nif, prov,
                    quadclass, rdf, rdfs, schema, sem, time, xsd)

PRECISION_UNITS = {"day": time.unitDay, "month": time.unitMonth, "year": time.unitYear}


def decimal(value: float) -> ox.Literal:
    """A Goldstein value as an ``xsd:decimal`` in canonical form (``-10.0``, ``3.4``)."""
    return ox.Literal(repr(float(value)), datatype=xsd.decimal)


def count(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=xsd.nonNegativeInteger)


def date(value: dt.date) -> ox.Literal:
    return ox.Literal(value.isoformat(), datatype=xsd.date)


def time_stamp(value: dt.date, precision: str) -> ox.Literal:
    """The event date at its precision: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``."""
    if precision == "year":
        return ox.Literal(f"{value.year:04d}", datatype=xsd.gYear)
    if precision == "month":
        return ox.Literal(f"{value.year:04d}-{value.month:02d}", datatype=xsd.gYearMonth)
    return date(value)


def date_bounds(value: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The first and last day the date can mean at its precision."""
    if precision == "year":
        return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(value.year, value.month)[1]
        return dt.date(value.year, value.month, 1), dt.date(value.year, value.month, last)
    return value, value


def actor_code_concepts(code: str, book: Codebook) -> list[ox.NamedNode]:
    """The code-list concepts of an actor code's components: RUSGOV -> country:RUS, agent:GOV."""
    found, parts = book.split_actor_code(code)
    concepts = [country[found]] if found else []
    for part in parts:
        namespace = actor_root if part in book.roots else agent if part in book.agents else group
        concepts.append(namespace[part])
    return concepts


Term = ox.NamedNode | ox.Literal


class _Triples:
    """Collects the distinct triples of one article, grouped by subject in first-seen order.

    They are kept as tuples and become pyoxigraph triples or quads once, at the end (building a
    ``Triple`` costs several times more than a tuple).
    """

    def __init__(self) -> None:
        self._by_subject: dict[ox.NamedNode, dict[tuple[ox.NamedNode, ox.NamedNode, Term], None]] = {}

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: Term) -> None:
        group = self._by_subject.get(s)
        if group is None:
            group = self._by_subject[s] = {}
        group[(s, p, o)] = None

    def statements(self) -> list[tuple[ox.NamedNode, ox.NamedNode, Term]]:
        return [t for group in self._by_subject.values() for t in group]

    def triples(self) -> list[ox.Triple]:
        return [ox.Triple(*t) for group in self._by_subject.values() for t in group]

    def quads(self, graph: ox.NamedNode) -> list[ox.Quad]:
        return [ox.Quad(*t, graph) for group in self._by_subject.values() for t in group]


def article_triples(article: Article, events: list[Event], base_iri: str | None = None,
                    codebook: Codebook | None = None) -> list[ox.Triple]:
    """All triples about one article and its events (no blank nodes)."""
    return _collect(article, events, base_iri, codebook).triples()


def article_statements(article: Article, events: list[Event], base_iri: str | None = None,
                       codebook: Codebook | None = None
                       ) -> list[tuple[ox.NamedNode, ox.NamedNode, Term]]:
    """The same triples as :func:`article_triples`, as (subject, predicate, object) tuples."""
    return _collect(article, events, base_iri, codebook).statements()


def article_quads(article: Article, events: list[Event], base_iri: str | None = None,
                  codebook: Codebook | None = None) -> list[ox.Quad]:
    """All triples of one article in its own named graph (see :func:`iris.article_graph_iri`)."""
    graph = ox.NamedNode(iris.article_graph_iri(article, base_iri))
    return _collect(article, events, base_iri, codebook).quads(graph)


def _collect(article: Article, events: list[Event], base_iri: str | None,
             codebook: Codebook | None) -> _Triples:
    base = iris.normalise_base(base_iri)
    book = codebook or default_codebook()
    out = _Triples()
    doc = ox.NamedNode(iris.article_iri(article, base))
    _article(out, doc, article)
    if events:
        run = ox.NamedNode(iris.run_iri(__version__, base))
        _run(out, run, events, base)
        for event in events:
            _event(out, event, doc, run, base, book)
    return out


def _article(out: _Triples, doc: ox.NamedNode, article: Article) -> None:
    for cls in (schema.NewsArticle, nif.Context, prov.Entity):
        out.add(doc, rdf.type, cls)
    if article.id:
        out.add(doc, dcterms.identifier, ox.Literal(article.id))
    if article.date:
        out.add(doc, schema.datePublished, date(article.date))
    if article.lang:
        out.add(doc, schema.inLanguage, ox.Literal(article.lang))
    if article.source:
        out.add(doc, schema.publisher, ox.Literal(article.source))
    if article.url:
        out.add(doc, schema.url, ox.Literal(article.url.strip(), datatype=xsd.anyURI))
    if article.title:
        out.add(doc, schema.headline, ox.Literal(article.title))


def _run(out: _Triples, run: ox.NamedNode, events: list[Event], base: str) -> None:
    """The coding run: deterministic (software version, rule sets used), no timestamps."""
    software = ox.NamedNode(iris.software_iri(__version__, base))
    out.add(run, rdf.type, evo.CodingRun)
    out.add(run, rdf.type, prov.Activity)
    out.add(run, prov.wasAssociatedWith, software)
    out.add(software, rdf.type, prov.SoftwareAgent)
    out.add(software, rdfs.label, ox.Literal(f"events {__version__}"))
    out.add(software, schema.softwareVersion, ox.Literal(__version__))
    for rule in sorted({r for e in events for r in e.rules}):
        ruleset = ox.NamedNode(iris.ruleset_iri(rule, base))
        out.add(run, prov.used, ruleset)
        out.add(ruleset, rdf.type, evo.RuleSet)
        out.add(ruleset, rdf.type, prov.Entity)
        out.add(ruleset, dcterms.identifier, ox.Literal(iris.ruleset_id(rule)))


def _text_piece(out: _Triples, node: ox.NamedNode, doc: ox.NamedNode, kind: ox.NamedNode,
                begin: int, text: str) -> None:
    out.add(node, rdf.type, kind)
    out.add(node, rdf.type, nif.RFC5147String)
    out.add(node, nif.beginIndex, count(begin))
    out.add(node, nif.endIndex, count(begin + len(text)))
    out.add(node, nif.anchorOf, ox.Literal(text))
    out.add(node, nif.referenceContext, doc)


def _mention(out: _Triples, span: Span, event: Event, doc: ox.NamedNode,
             sentence: ox.NamedNode) -> ox.NamedNode:
    begin = event.sentence_start + span.start
    node = ox.NamedNode(iris.char_iri(doc.value, begin, event.sentence_start + span.end))
    _text_piece(out, node, doc, nif.Phrase, begin, span.text)
    out.add(node, nif.superString, sentence)
    return node


def _actor(out: _Triples, actor: Actor, base: str, book: Codebook) -> ox.NamedNode:
    node = ox.NamedNode(iris.actor_iri(actor.code, base))
    out.add(node, rdf.type, sem.Actor)
    out.add(node, evo.actorCode, ox.Literal(actor.code))
    for concept in actor_code_concepts(actor.code, book):
        out.add(node, sem.actorType, concept)
    return node


def _place(out: _Triples, location: Location, lang: str, base: str) -> ox.NamedNode:
    node = ox.NamedNode(iris.place_iri(location.text, location.country, base))
    out.add(node, rdf.type, sem.Place)
    out.add(node, rdf.type, geo.Feature)
    out.add(node, rdfs.label, ox.Literal(" ".join(location.text.split()), language=lang))
    if location.country:
        out.add(node, geo.sfWithin, country[location.country])
    return node


def _event(out: _Triples, event: Event, doc: ox.NamedNode, run: ox.NamedNode, base: str,
           book: Codebook) -> None:
    node = ox.NamedNode(iris.event_iri(event.id, base))
    begin = event.sentence_start
    sentence = ox.NamedNode(iris.char_iri(doc.value, begin, begin + len(event.sentence_text)))
    _text_piece(out, sentence, doc, nif.Sentence, begin, event.sentence_text)
    out.add(sentence, evo.sentenceIndex, count(event.sentence_index))
    out.add(sentence, dcterms.language, ox.Literal(event.language, datatype=xsd.language))

    out.add(node, rdf.type, evo.CodedEvent)
    out.add(node, rdf.type, sem.Event)
    out.add(node, dcterms.identifier, ox.Literal(event.id))
    action = event.action
    out.add(node, sem.eventType, cameo[action.code])
    out.add(node, evo.quadClass, quadclass[str(action.quad_class)])
    out.add(node, evo.goldstein, decimal(action.goldstein))
    if action.trigger is not None:
        out.add(node, evo.triggerMention, _mention(out, action.trigger, event, doc, sentence))
    for role, mention_role, actor in ((evo.source, evo.sourceMention, event.source),
                                      (evo.target, evo.targetMention, event.target)):
        if actor is None:
            continue
        actor_node = _actor(out, actor, base, book)
        mention = _mention(out, actor, event, doc, sentence)
        out.add(mention, itsrdf.taIdentRef, actor_node)
        out.add(node, role, actor_node)
        out.add(node, sem.hasActor, actor_node)
        out.add(node, mention_role, mention)
    if event.location is not None:
        place = _place(out, event.location, event.language, base)
        mention = _mention(out, event.location, event, doc, sentence)
        out.add(mention, itsrdf.taIdentRef, place)
        out.add(node, sem.hasPlace, place)
        out.add(node, evo.placeMention, mention)

    earliest, latest = date_bounds(event.date, event.date_precision)
    out.add(node, sem.hasTimeStamp, time_stamp(event.date, event.date_precision))
    out.add(node, sem.hasEarliestBeginTimeStamp, date(earliest))
    out.add(node, sem.hasLatestEndTimeStamp, date(latest))
    out.add(node, evo.datePrecision, PRECISION_UNITS[event.date_precision])
    if event.date_text is not None:
        out.add(node, evo.dateText, ox.Literal(event.date_text))
    out.add(node, evo.dateSource, ox.Literal(event.date_source))
    out.add(node, evo.negated, ox.Literal("true" if event.negated else "false",
                                          datatype=xsd.boolean))
    out.add(node, evo.modality, ox.Literal(event.modality))

    out.add(node, prov.wasDerivedFrom, sentence)
    out.add(node, prov.wasGeneratedBy, run)
    for rule in event.rules:
        rule_node = ox.NamedNode(iris.rule_iri(rule, base))
        out.add(node, evo.matchedRule, rule_node)
        out.add(rule_node, rdf.type, evo.Rule)
        out.add(rule_node, rdf.type, prov.Entity)
        out.add(rule_node, dcterms.identifier, ox.Literal(rule))
        out.add(rule_node, dcterms.isPartOf, ox.NamedNode(iris.ruleset_iri(rule, base)))
