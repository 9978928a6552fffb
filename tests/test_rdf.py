"""Linked-data output: IRIs, the triples of an article, every RDF format, golden files, convert."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from events import rdf
from events.cli import main
from events.errors import EventsError
from events.inputs import read_inputs
from events.models import Action, Actor, Article, Event, Location, Span
from events.rdf import iris
from events.rdf.canonical import canonical_nquads, canonical_ntriples, parse
from events.rdf.formats import FORMATS, format_for_path
from events.rdf.graph import article_triples, date_bounds
from events.rdf.writer import create_writer
from events.writers import writer_for

from .conftest import SEEDS

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

HERE = Path(__file__).with_suffix("")
SEED_ID = "000_11cba83666f04b4f"
RDFLIB_FORMATS = {"jsonld": "json-ld", "ttl": "turtle", "nt": "nt", "nq": "nquads",
                  "trig": "trig", "rdfxml": "xml"}


def seed_article() -> Article:
    """The seed article as the input reader gives it (text and metadata)."""
    (article,) = read_inputs([str(SEEDS / f"{SEED_ID}.txt")])
    return article


def seed_events() -> list[Event]:
    """The seed article's events, frozen (so goldens do not move when dictionaries grow)."""
    lines = (HERE / "seed_events.jsonl").read_text(encoding="utf-8").splitlines()
    return [Event.model_validate_json(line) for line in lines]


def at(sentence: str, words: str, cls=Span, **fields):
    """A span (or actor/location) for the first occurrence of ``words`` in ``sentence``."""
    start = sentence.index(words)
    return cls(text=words, start=start, end=start + len(words), **fields)


def edge_article() -> tuple[Article, list[Event]]:
    """An article without id (IRI from its URL) and events covering the optional fields."""
    first = "Pada Maret 2019 polisi tidak menyita rumah demonstran di Jakarta."
    second = "PBB kabarnya akan mengirim bantuan ke Mauritius tahun ini."
    article = Article(text=first + " " + second, url="HTTPS://News.Example.org:443/a/1?x=2#top",
                      title="Berita", date=dt.date(2019, 4, 2), lang="id", source="Contoh")
    common = {"article_id": "", "language": "id", "rules": ["id.verbs.sita", "assembly.active"]}
    month = Event(**common, sentence_index=0, sentence_start=0, sentence_text=first,
                  date=dt.date(2019, 3, 1), date_precision="month", date_text="Maret 2019",
                  date_source="text", negated=True, modality="asserted",
                  source=at(first, "polisi", Actor, code="IDNCOP"),
                  target=at(first, "demonstran", Actor, code="IDNOPP"),
                  action=Action(code="1711", trigger=at(first, "menyita")),
                  location=at(first, "Jakarta", Location, country="IDN"))
    year = Event(**common, sentence_index=1, sentence_start=len(first) + 1, sentence_text=second,
                 date=dt.date(2019, 1, 1), date_precision="year", date_text="tahun ini",
                 date_source="text", modality="intended",
                 source=at(second, "PBB", Actor, code="IGOUNO"),
                 target=at(second, "Mauritius", Actor, code="MUS"),
                 action=Action(code="073"),
                 location=at(second, "Mauritius", Location))
    return article, [month, year]


def write(name: str, articles: list[tuple[Article, list[Event]]], **options) -> bytes:
    buffer = io.BytesIO()
    writer = create_writer(name, buffer, **options)
    for article, events in articles:
        writer.write_article(article, events)
    writer.close()
    return buffer.getvalue()


def corpus() -> list[tuple[Article, list[Event]]]:
    return [(seed_article(), seed_events()), edge_article(),
            (Article(id="kosong", text="Tidak ada peristiwa.", lang="id"), [])]


def expected_triples(articles) -> str:
    return canonical_ntriples(t for a, e in articles for t in article_triples(a, e))


# --- identifiers ---------------------------------------------------------------------------------

def test_iris_are_deterministic_and_follow_the_scheme():
    base = rdf.DEFAULT_BASE_IRI
    article = seed_article()
    assert rdf.article_iri(article, base) == f"{base}article/{SEED_ID}"
    assert rdf.article_graph_iri(article, base) == f"{base}graph/{SEED_ID}"
    event = seed_events()[0]
    assert iris.event_iri(event.id, base) == f"{base}event/{event.id}"
    assert iris.char_iri(f"{base}article/x", 3, 9) == f"{base}article/x#char=3,9"
    again = [Event.model_validate(e.model_dump(exclude={"id"})) for e in seed_events()]
    assert [e.id for e in again] == [e.id for e in seed_events()]
    assert article_triples(article, again) == article_triples(article, seed_events())


def test_article_iri_from_id_else_canonical_url_else_text():
    base = "https://data.example.org/ev/"
    assert rdf.article_iri(Article(id="a b/c", text="x"), base) == base + "article/a%20b%2Fc"
    one = Article(text="x", url="HTTPS://News.Example.org:443/a/1?x=2#top")
    two = Article(text="y", url="https://news.example.org/a/1?x=2")
    assert rdf.article_iri(one, base) == rdf.article_iri(two, base)
    assert rdf.article_iri(one, base).startswith(base + "article/url-")
    assert rdf.article_iri(Article(text="x"), base) != rdf.article_iri(Article(text="y"), base)


@pytest.mark.parametrize("given, expected", [
    (None, rdf.DEFAULT_BASE_IRI),
    ("https://data.example.org/ev", "https://data.example.org/ev/"),
    ("urn:example:ev/", "urn:example:ev/"),
])
def test_base_iri_is_normalised(given, expected):
    assert iris.normalise_base(given) == expected


@pytest.mark.parametrize("bad", ["not an iri", "relative/path/", "https://x.org/a#b"])
def test_bad_base_iri_is_a_clear_error(bad):
    with pytest.raises(EventsError, match="base IRI"):
        iris.normalise_base(bad)


# --- the triples of an article --------------------------------------------------------------------

def test_article_quads_are_one_named_graph_without_blank_nodes():
    article, events = seed_article(), seed_events()
    quads = rdf.article_quads(article, events, "https://data.example.org/ev/")
    assert {q.graph_name for q in quads} == {
        ox.NamedNode("https://data.example.org/ev/graph/" + SEED_ID)}
    assert not any(isinstance(term, ox.BlankNode) for q in quads
                   for term in (q.subject, q.object))
    assert len(quads) == len(set(quads))
    assert all(str(q.subject.value).startswith(("https://data.example.org/ev/"))
               for q in quads)


def test_event_triples_use_sem_prov_nif_time():
    article, events = edge_article()
    store = ox.Store()
    store.extend(rdf.article_quads(article, events))
    query = """
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX evo: <https://w3id.org/events-coder/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX time: <http://www.w3.org/2006/time#>
        SELECT ?type ?stamp ?from ?to ?unit ?source ?sentenceText ?trigger WHERE { GRAPH ?g {
            ?e a sem:Event ; sem:eventType ?type ; sem:hasTimeStamp ?stamp ;
               sem:hasEarliestBeginTimeStamp ?from ; sem:hasLatestEndTimeStamp ?to ;
               evo:datePrecision ?unit ; evo:source ?source ; sem:hasActor ?source ;
               prov:wasDerivedFrom ?sentence .
            ?sentence a nif:Sentence ; nif:anchorOf ?sentenceText .
            OPTIONAL { ?e evo:triggerMention/nif:anchorOf ?trigger }
        } } ORDER BY ?stamp"""
    rows = [[term.value if term else None for term in row] for row in store.query(query)]
    cameo = "https://w3id.org/events-coder/cameo/"
    assert rows[0][:5] == [cameo + "073", "2019", "2019-01-01", "2019-12-31",
                           "http://www.w3.org/2006/time#unitYear"]
    assert rows[0][7] is None
    assert rows[1][:5] == [cameo + "1711", "2019-03", "2019-03-01", "2019-03-31",
                           "http://www.w3.org/2006/time#unitMonth"]
    assert rows[1][7] == "menyita"
    assert rows[1][6].startswith("Pada Maret 2019")


def test_mention_offsets_are_in_the_article_text():
    article, events = edge_article()
    store = ox.Store()
    store.extend(rdf.article_quads(article, events))
    rows = store.query("""
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?m ?b ?e ?text WHERE { GRAPH ?g {
            ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?text } }""")
    seen = 0
    for mention, begin, end, text in rows:
        assert article.text[int(begin.value):int(end.value)] == text.value
        assert mention.value.endswith(f"#char={begin.value},{end.value}")
        seen += 1
    # 2 sentences + 1 trigger (the other event has none) + 4 actors + 2 places, less one: the
    # second event's target and place are the same words, so one mention referred to twice
    assert seen == 8


def test_actor_types_are_code_list_concepts():
    article, events = edge_article()
    triples = article_triples(article, events)
    types = {(t.subject.value.rsplit("/", 1)[1], t.object.value.split("events-coder/")[1])
             for t in triples if t.predicate.value.endswith("actorType")}
    assert types == {("IDNCOP", "country/IDN"), ("IDNCOP", "agent/COP"),
                     ("IDNOPP", "country/IDN"), ("IDNOPP", "agent/OPP"),
                     ("IGOUNO", "actor-root/IGO"), ("IGOUNO", "group/UNO"), ("MUS", "agent/MUS")}


@pytest.mark.parametrize("precision, first, last", [
    ("day", dt.date(2020, 2, 29), dt.date(2020, 2, 29)),
    ("month", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
    ("year", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
])
def test_date_bounds(precision, first, last):
    assert date_bounds(dt.date(2020, 2, 29), precision) == (first, last)


def test_an_article_without_events_still_has_its_graph():
    article = Article(id="kosong", text="x", lang="id", date=dt.date(2020, 1, 1))
    quads = rdf.article_quads(article, [])
    assert quads and {q.subject.value for q in quads} == {rdf.article_iri(article,
                                                                          rdf.DEFAULT_BASE_IRI)}


# --- formats --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_parses_back_to_the_same_graph(name):
    """pyoxigraph and rdflib both read each format back to graphs isomorphic to what was made."""
    articles = corpus()
    data = write(name, articles)
    expected = expected_triples(articles)
    assert canonical_ntriples(parse(data, FORMATS[name])) == expected
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMATS[name])
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    reference = rdflib.Graph().parse(data=expected, format="nt")
    assert isomorphic(graph, reference)
    assert len(graph) == len(reference)


@pytest.mark.parametrize("name", ["nq", "trig", "jsonld"])
def test_quad_formats_have_one_named_graph_per_article(name):
    articles = corpus()
    quads = parse(write(name, articles), FORMATS[name])
    by_graph: dict[str, set] = {}
    for quad in quads:
        by_graph.setdefault(quad.graph_name.value, set()).add(quad.triple)
    assert set(by_graph) == {rdf.article_graph_iri(a, None) for a, _ in articles}
    for article, events in articles:
        assert by_graph[rdf.article_graph_iri(article, None)] == set(article_triples(article,
                                                                                     events))


def test_jsonld_has_as_many_triples_as_turtle_and_uses_the_shipped_context():
    articles = corpus()
    turtle = parse(write("ttl", articles), FORMATS["ttl"])
    text = write("jsonld", articles)
    jsonld = parse(text, FORMATS["jsonld"])
    assert len({q.triple for q in jsonld}) == len({q.triple for q in turtle})
    document = json.loads(text)
    shipped = json.loads((rdf.vocabulary.PACKAGE_DIR / "context.jsonld").read_text())["@context"]
    assert document["@context"] == [shipped, {"@base": rdf.DEFAULT_BASE_IRI}]
    assert "@vocab" not in json.dumps(document)
    event = next(n for g in document["@graph"] for n in g["@graph"]
                 if n.get("@type") == ["CodedEvent", "Event"])
    assert event["eventType"].startswith("cameo:") and isinstance(event["negated"], bool)


def test_turtle_header_is_written_once_and_the_base_iri_applies():
    base = "https://data.example.org/ev/"
    text = write("ttl", corpus(), base_iri=base).decode()
    assert text.count("@prefix sem:") == 1 and text.startswith(f"@base <{base}> .")
    xml = write("rdfxml", corpus(), base_iri=base).decode()
    assert xml.count("<rdf:RDF") == 1 and xml.rstrip().endswith("</rdf:RDF>")
    quads = parse(write("nq", corpus(), base_iri=base), FORMATS["nq"])
    assert all(q.graph_name.value.startswith(base + "graph/") for q in quads)


def test_empty_outputs_are_valid_documents():
    for name, spec in FORMATS.items():
        assert parse(write(name, []), spec) == []


def test_writer_registry_and_extensions():
    for name in FORMATS:
        assert writer_for(name, None).name == name
    assert writer_for(None, "out/events.ttl").name == "ttl"
    assert writer_for(None, "events.jsonld").name == "jsonld"
    assert writer_for(None, "events.rdf").name == "rdfxml"
    assert format_for_path("x.nq").name == "nq" and format_for_path("x.txt") is None


# --- golden files -----------------------------------------------------------------------------------

def test_golden_seed_turtle(file_regression):
    """The seed article in Turtle, re-parsed and written as sorted N-Triples."""
    data = write("ttl", [(seed_article(), seed_events())])
    file_regression.check(canonical_ntriples(parse(data, FORMATS["ttl"])), extension=".nt",
                          encoding="utf-8")


def test_golden_seed_jsonld(file_regression):
    """The seed article in JSON-LD, re-serialised as canonical JSON (sorted keys)."""
    data = write("jsonld", [(seed_article(), seed_events())])
    canonical = json.dumps(json.loads(data), sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    file_regression.check(canonical, extension=".jsonld", encoding="utf-8")


@pytest.mark.parametrize("name", ["nt", "nq", "trig", "rdfxml"])
def test_golden_seed_as_written(name, file_regression):
    """The bytes each streaming RDF writer produces for the seed article (order included)."""
    data = write(name, [(seed_article(), seed_events())])
    file_regression.check(data, basename=f"seed_written_{name}", extension=f".{name}",
                          binary=True)


def test_golden_files_agree():
    """The two goldens hold the same triples."""
    turtle = (HERE / "test_golden_seed_turtle.nt").read_text(encoding="utf-8")
    jsonld = (HERE / "test_golden_seed_jsonld.jsonld").read_bytes()
    assert canonical_ntriples(parse(jsonld, FORMATS["jsonld"])) == turtle


# --- commands ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FORMATS))
def test_extract_writes_every_format(tmp_path, name, capsys):
    spec = FORMATS[name]
    out = tmp_path / f"seed{spec.extensions[0]}"
    assert main(["extract", str(SEEDS), "-o", str(out), "-q"]) == 0
    quads = parse(out.read_bytes(), spec)
    assert any(q.object.value == "https://schema.org/NewsArticle" for q in quads)
    assert main(["extract", str(SEEDS), "-f", name, "-q", "--base-iri", "https://d.example/x"]) == 0
    printed = capsys.readouterr().out.encode()
    assert "https://d.example/x/article/" + SEED_ID in {q.subject.value for q in parse(printed, spec)}


def test_extract_twice_gives_the_same_graph(tmp_path):
    first, second = tmp_path / "a.nq", tmp_path / "b.nq"
    assert main(["extract", str(SEEDS), "-o", str(first), "-q"]) == 0
    assert main(["extract", str(SEEDS), "-o", str(second), "-q"]) == 0
    assert canonical_nquads(parse(first.read_bytes(), FORMATS["nq"])) == \
        canonical_nquads(parse(second.read_bytes(), FORMATS["nq"]))


def test_convert_jsonl_to_rdf_matches_the_events(tmp_path, capsys):
    events_file = tmp_path / "events.jsonl"
    article, events = edge_article()
    seed = seed_events()
    events_file.write_text("".join(e.model_dump_json() + "\n" for e in seed + events))
    out = tmp_path / "events.trig"
    assert main(["convert", str(events_file), "-o", str(out)]) == 0
    assert "converted 10 events of 2 articles" in capsys.readouterr().err
    quads = parse(out.read_bytes(), FORMATS["trig"])
    assert {q.graph_name.value for q in quads} == {
        rdf.article_graph_iri(Article(id=SEED_ID, text=""), None),
        rdf.article_graph_iri(Article(id="", text=""), None)}
    event_iris = {q.subject.value for q in quads
                  if q.object.value == "https://w3id.org/events-coder/ontology#CodedEvent"}
    assert event_iris == {iris.event_iri(e.id, rdf.DEFAULT_BASE_IRI) for e in seed + events}
    # the same event triples as extract's output, less the article metadata convert cannot know
    full = set(article_triples(seed_article(), seed))
    converted = {q.triple for q in quads if q.graph_name.value.endswith(SEED_ID)}
    assert converted <= full
    assert {t.predicate.value for t in full - converted} == {
        "https://schema.org/datePublished", "https://schema.org/publisher"}


def test_convert_reports_a_bad_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(seed_events()[0].model_dump_json() + "\n{\"id\": 1}\n")
    assert main(["convert", str(bad), "-f", "nt"]) == 2
    assert f"{bad}:2" in capsys.readouterr().err


# --- the documentation's query -------------------------------------------------------------------

def test_docs_sparql_example_counts_19x_events_by_month(tmp_path):
    """The query in docs/linked-data.md, run as the doc shows, over events of known months."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "linked-data.md").read_text()
    query = doc.split("```sparql\n", 1)[1].split("```", 1)[0]
    sentence = "Tentara menyerang kota itu."
    articles = []
    for number, (code, day) in enumerate([("190", "2019-03-02"), ("193", "2019-03-20"),
                                          ("190", "2019-05-01"), ("010", "2019-05-02")]):
        event = Event(article_id=f"a{number}", sentence_index=0, sentence_start=0,
                      sentence_text=sentence, language="id", date=dt.date.fromisoformat(day),
                      date_precision="day", source=at(sentence, "Tentara", Actor, code="MIL"),
                      target=None, action=Action(code=code, trigger=at(sentence, "menyerang")))
        articles.append((Article(id=f"a{number}", text=sentence), [event]))
    path = tmp_path / "events.nq"
    path.write_bytes(write("nq", articles))
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    rows = [(row["month"].value, row["events"].value)
            for row in store.query(query, use_default_graph_as_union=True)]
    assert rows == [("2019-03", "2"), ("2019-05", "1")]
