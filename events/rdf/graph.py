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
from .ntriples import Term, iri, literal, typed, with_language
from .terms import ntriples_terms

(actor_root, agent, cameo, country, dcterms, evo, geo, group, itsrdf, nif, prov, quadclass, rdf,
 rdfs, schema, sem, time, xsd) = ntriples_terms(
    "actor_root agent cameo country dcterms evo geo group itsrdf nif prov quadclass rdf rdfs "
    "schema sem time xsd")

PRECISION_UNITS = {"day": time.unitDay, "month": time.unitMonth, "year": time.unitYear}


def decimal(value: float) -> Term:
    """A Goldstein value as an ``xsd:decimal`` in canonical form (``-10.0``, ``3.4``)."""
    return typed(repr(float(value)), xsd.decimal)


def count(value: int) -> Term:
    return typed(str(value), xsd.nonNegativeInteger)


def date(value: dt.date) -> Term:
    return typed(value.isoformat(), xsd.date)


def time_stamp(value: dt.date, precision: str) -> Term:
    """The event date at its precision: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``."""
    if precision == "year":
        return typed(f"{value.year:04d}", xsd.gYear)
    if precision == "month":
        return typed(f"{value.year:04d}-{value.month:02d}", xsd.gYearMonth)
    return date(value)


def date_bounds(value: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The first and last day the date can mean at its precision."""
    if precision == "year":
        return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(value.year, value.month)[1]
        return dt.date(value.year, value.month, 1), dt.date(value.year, value.month, last)
    return value, value


def actor_code_concepts(code: str, book: Codebook) -> list[Term]:
    """The code-list concepts of an actor code's components: RUSGOV -> country:RUS, agent:GOV."""
    found, parts = book.split_actor_code(code)
    concepts = [country[found]] if found else []
    for part in parts:
        namespace = actor_root if part in book.roots else agent if part in book.agents else group
        concepts.append(namespace[part])
    return concepts


class _Triples:
    """Collects the distinct triples of one article as N-Triples terms, grouped by subject in
    first-seen order.

    Terms are N-Triples strings (``<iri>``, ``"text"@id``): the N-Triples and N-Quads writers join
    them into lines directly, the other formats parse those lines once with pyoxigraph.
    """

    def __init__(self) -> None:
        self._by_subject: dict[Term, dict[tuple[Term, Term], None]] = {}

    def add(self, subject: Term, *pairs: tuple[Term, Term]) -> None:
        """Add (predicate, object) pairs about ``subject`` (none: just claim its place)."""
        group = self._by_subject.get(subject)
        if group is None:
            self._by_subject[subject] = dict.fromkeys(pairs)
        else:
            group.update(dict.fromkeys(pairs))

    def lines(self, tail: str = " .\n") -> str:
        return "".join([f"{s} {p} {o}{tail}" for s, group in self._by_subject.items()
                        for p, o in group])

    def ntriples(self) -> str:
        return self.lines()

    def nquads(self, graph: Term) -> str:
        return self.lines(f" {graph} .\n")


def article_ntriples(article: Article, events: list[Event], base_iri: str | None = None,
                     codebook: Codebook | None = None, memo: dict | None = None) -> str:
    """The triples of one article and its events as N-Triples text (no blank nodes)."""
    return _collect(article, events, base_iri, codebook, memo).ntriples()


def article_nquads(article: Article, events: list[Event], base_iri: str | None = None,
                   codebook: Codebook | None = None, memo: dict | None = None) -> str:
    """The same triples as N-Quads text, in the article's named graph."""
    graph = iri(iris.article_graph_iri(article, base_iri))
    return _collect(article, events, base_iri, codebook, memo).nquads(graph)


def article_triples(article: Article, events: list[Event], base_iri: str | None = None,
                    codebook: Codebook | None = None) -> list[ox.Triple]:
    """All triples about one article and its events (no blank nodes), as pyoxigraph triples."""
    text = article_ntriples(article, events, base_iri, codebook)
    return [q.triple for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]


def article_statements(article: Article, events: list[Event], base_iri: str | None = None,
                       codebook: Codebook | None = None
                       ) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    """The same triples as :func:`article_triples`, as (subject, predicate, object) tuples."""
    return [(t.subject, t.predicate, t.object)
            for t in article_triples(article, events, base_iri, codebook)]


def article_quads(article: Article, events: list[Event], base_iri: str | None = None,
                  codebook: Codebook | None = None) -> list[ox.Quad]:
    """All triples of one article in its own named graph (see :func:`iris.article_graph_iri`)."""
    text = article_nquads(article, events, base_iri, codebook)
    return list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))


def _collect(article: Article, events: list[Event], base_iri: str | None,
             codebook: Codebook | None, memo: dict | None = None) -> _Triples:
    """The triples of one article; ``memo`` keeps the triples of actors and rules between the
    articles of one output (they depend only on the code or rule id and the base IRI)."""
    memo = {} if memo is None else memo
    base = iris.normalise_base(base_iri)
    book = codebook or default_codebook()
    out = _Triples()
    doc_iri = iris.article_iri(article, base)
    doc = iri(doc_iri)
    _article(out, doc, article)
    if events:
        run = iri(iris.run_iri(__version__, base))
        _run(out, run, events, base)
        for event in events:
            _event(out, event, doc, doc_iri, run, base, book, memo)
    return out


def _article(out: _Triples, doc: Term, article: Article) -> None:
    pairs = [(rdf.type, schema.NewsArticle), (rdf.type, nif.Context), (rdf.type, prov.Entity)]
    if article.id:
        pairs.append((dcterms.identifier, literal(article.id)))
    if article.date:
        pairs.append((schema.datePublished, date(article.date)))
    if article.lang:
        pairs.append((schema.inLanguage, literal(article.lang)))
    if article.source:
        pairs.append((schema.publisher, literal(article.source)))
    if article.url:
        pairs.append((schema.url, typed(article.url.strip(), xsd.anyURI)))
    if article.title:
        pairs.append((schema.headline, literal(article.title)))
    out.add(doc, *pairs)


def _run(out: _Triples, run: Term, events: list[Event], base: str) -> None:
    """The coding run: deterministic (software version, rule sets used), no timestamps."""
    software = iri(iris.software_iri(__version__, base))
    rulesets = {iri(iris.ruleset_iri(rule, base)): iris.ruleset_id(rule)
                for rule in sorted({r for e in events for r in e.rules})}
    out.add(run, (rdf.type, evo.CodingRun), (rdf.type, prov.Activity),
            (prov.wasAssociatedWith, software), *[(prov.used, node) for node in rulesets])
    out.add(software, (rdf.type, prov.SoftwareAgent),
            (rdfs.label, literal(f"events {__version__}")),
            (schema.softwareVersion, literal(__version__)))
    for node, identifier in rulesets.items():
        out.add(node, (rdf.type, evo.RuleSet), (rdf.type, prov.Entity),
                (dcterms.identifier, literal(identifier)))


def _text_piece(out: _Triples, node: Term, doc: Term, kind: Term, begin: int, text: str,
                *more: tuple[Term, Term]) -> None:
    out.add(node, (rdf.type, kind), (rdf.type, nif.RFC5147String), (nif.beginIndex, count(begin)),
            (nif.endIndex, count(begin + len(text))), (nif.anchorOf, literal(text)),
            (nif.referenceContext, doc), *more)


def _mention(out: _Triples, span: Span, event: Event, doc: Term, doc_iri: str, sentence: Term,
             refers_to: Term | None = None) -> Term:
    begin = event.sentence_start + span.start
    node = iri(iris.char_iri(doc_iri, begin, event.sentence_start + span.end))
    more = [(nif.superString, sentence)]
    if refers_to is not None:
        more.append((itsrdf.taIdentRef, refers_to))
    _text_piece(out, node, doc, nif.Phrase, begin, span.text, *more)
    return node


def _actor(out: _Triples, actor: Actor, base: str, book: Codebook, memo: dict) -> Term:
    key = ("actor", actor.code, base)
    known = memo.get(key)
    if known is None:
        node = iri(iris.actor_iri(actor.code, base))
        pairs = ((rdf.type, sem.Actor), (evo.actorCode, literal(actor.code)),
                 *[(sem.actorType, concept) for concept in actor_code_concepts(actor.code, book)])
        known = memo[key] = (node, pairs)
    out.add(known[0], *known[1])
    return known[0]


def _rule(out: _Triples, rule: str, base: str, memo: dict) -> Term:
    key = ("rule", rule, base)
    known = memo.get(key)
    if known is None:
        node = iri(iris.rule_iri(rule, base))
        pairs = ((rdf.type, evo.Rule), (rdf.type, prov.Entity), (dcterms.identifier, literal(rule)),
                 (dcterms.isPartOf, iri(iris.ruleset_iri(rule, base))))
        known = memo[key] = (node, pairs)
    out.add(known[0], *known[1])
    return known[0]


def _place(out: _Triples, location: Location, lang: str, base: str) -> Term:
    node = iri(iris.place_iri(location.text, location.country, base))
    out.add(node, (rdf.type, sem.Place), (rdf.type, geo.Feature),
            (rdfs.label, with_language(" ".join(location.text.split()), lang)))
    if location.country:
        out.add(node, (geo.sfWithin, country[location.country]))
    return node


def _event(out: _Triples, event: Event, doc: Term, doc_iri: str, run: Term, base: str,
           book: Codebook, memo: dict) -> None:
    node = iri(iris.event_iri(event.id, base))
    begin = event.sentence_start
    sentence = iri(iris.char_iri(doc_iri, begin, begin + len(event.sentence_text)))
    _text_piece(out, sentence, doc, nif.Sentence, begin, event.sentence_text,
                (evo.sentenceIndex, count(event.sentence_index)),
                (dcterms.language, typed(event.language, xsd.language)))

    action = event.action
    pairs = [(rdf.type, evo.CodedEvent), (rdf.type, sem.Event),
             (dcterms.identifier, literal(event.id)), (sem.eventType, cameo[action.code]),
             (evo.quadClass, quadclass[str(action.quad_class)]),
             (evo.goldstein, decimal(action.goldstein))]
    out.add(node)  # the event's triples come before those of its mentions
    if action.trigger is not None:
        trigger = _mention(out, action.trigger, event, doc, doc_iri, sentence)
        pairs.append((evo.triggerMention, trigger))
    for role, mention_role, actor in ((evo.source, evo.sourceMention, event.source),
                                      (evo.target, evo.targetMention, event.target)):
        if actor is None:
            continue
        actor_node = _actor(out, actor, base, book, memo)
        mention = _mention(out, actor, event, doc, doc_iri, sentence, actor_node)
        pairs += [(role, actor_node), (sem.hasActor, actor_node), (mention_role, mention)]
    if event.location is not None:
        place = _place(out, event.location, event.language, base)
        mention = _mention(out, event.location, event, doc, doc_iri, sentence, place)
        pairs += [(sem.hasPlace, place), (evo.placeMention, mention)]

    precision = event.date_precision
    earliest, latest = date_bounds(event.date, precision)
    pairs += [(sem.hasTimeStamp, time_stamp(event.date, precision)),
              (sem.hasEarliestBeginTimeStamp, date(earliest)),
              (sem.hasLatestEndTimeStamp, date(latest)),
              (evo.datePrecision, PRECISION_UNITS[precision])]
    if event.date_text is not None:
        pairs.append((evo.dateText, literal(event.date_text)))
    pairs += [(evo.dateSource, literal(event.date_source)),
              (evo.negated, typed("true" if event.negated else "false", xsd.boolean)),
              (evo.modality, literal(event.modality)),
              (prov.wasDerivedFrom, sentence), (prov.wasGeneratedBy, run)]
    for rule in event.rules:
        pairs.append((evo.matchedRule, _rule(out, rule, base, memo)))
    out.add(node, *pairs)
