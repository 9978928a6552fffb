"""`events load` / `events query` with the embedded Oxigraph store (no server), and the pieces
shared with remote stores: SPARQL text, event-file input, vocabulary loading, result formats."""

from __future__ import annotations

import csv
import io
import json
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from events.cli import main
from events.errors import EventsError
from events.inputs import read_inputs
from events.models import Article
from events.store.embedded import EmbeddedStore
from events.store.load import Loader, count_quads
from events.store.sparql import iri, replace_graph_update

from .conftest import SEEDS
from .conftest_store import (  # noqa: F401  (fixtures)
    CORPUS, COUNT_BY_ROOT, dev_events, events_in_graph, rdf, root_counts,
)

CHANGED_TEXT = "Pasukan Rusia kembali menyerang kota Kharkiv di Ukraina pada Kamis."


def rows(store, sparql: str) -> list[dict[str, str]]:
    result = store.query(sparql)
    return [{v.value: s[v].value for v in result.variables if s[v] is not None} for s in result]


def root_table(store) -> dict[str, int]:
    return {r["root"]: int(r["n"]) for r in rows(store, COUNT_BY_ROOT)}


def query_cli(capsys, store_dir, sparql: str, *extra: str) -> str:
    assert main(["query", sparql, "--store", str(store_dir), *extra]) == 0
    return capsys.readouterr().out


@pytest.fixture
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


def load_dev(loader: Loader, coder) -> None:
    for art in read_inputs([str(CORPUS)]):
        loader.add(art, coder.code_article(art).events)


# --- the acceptance checks -----------------------------------------------------------
def test_load_seeds_then_count_query_without_a_server(tmp_path, capsys):
    where = tmp_path / "store"
    assert main(["load", str(SEEDS), "--store", str(where)]) == 0
    err = capsys.readouterr().err
    assert "articles loaded: 1" in err and "(embedded)" in err
    out = query_cli(capsys, where, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert int(row["n"]) > 0


def test_dev_set_counts_by_root_code(store, rdf, coder, dev_events):
    load_dev(Loader(store, rdf), coder)
    assert root_table(store) == root_counts(dev_events) != {}


def test_reloading_a_changed_article_leaves_exactly_its_new_events(store, rdf, coder, dev_events):
    loader = Loader(store, rdf)
    load_dev(loader, coder)
    before = root_table(store)
    article = next(a for a in read_inputs([str(CORPUS)]) if dev_events[a.id])
    graph = rdf.article_graph_iri(article, rdf.DEFAULT_BASE_IRI)
    old = {e.id for e in dev_events[article.id]}
    assert {r["event"].rsplit("/", 1)[1] for r in rows(store, events_in_graph(graph))} == old

    changed = article.model_copy(update={"text": CHANGED_TEXT})
    new_events = coder.code_article(changed).events
    assert new_events and not old & {e.id for e in new_events}
    Loader(store, rdf).add(changed, new_events)  # a new run, as `events load` would be
    got = {r["event"].rsplit("/", 1)[1] for r in rows(store, events_in_graph(graph))}
    assert got == {e.id for e in new_events}
    expected = dict(before)
    for event in {e.id: e for e in dev_events[article.id]}.values():
        expected[event.action.root] -= 1
    for event in new_events:
        expected[event.action.root] = expected.get(event.action.root, 0) + 1
    assert root_table(store) == {k: v for k, v in sorted(expected.items()) if v}


def test_loading_the_dev_set_twice_leaves_the_same_triple_count(tmp_path, capsys):
    where = str(tmp_path / "store")
    assert main(["load", str(CORPUS), "--store", where, "-q"]) == 0
    first = query_cli(capsys, where, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "json")
    assert main(["load", str(CORPUS), "--store", where]) == 0
    assert "vocabulary graphs loaded" not in capsys.readouterr().err  # loaded once
    second = query_cli(capsys, where, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "json")
    assert first == second and json.loads(first)["results"]["bindings"][0]["n"]["value"] != "0"


# --- inputs ----------------------------------------------------------------------------------
def test_event_files_load_like_the_articles_they_came_from(tmp_path, capsys, dev_events):
    events_file = tmp_path / "dev-events.jsonl"
    assert main(["extract", str(CORPUS), "-o", str(events_file), "-q"]) == 0
    where = tmp_path / "store"
    assert main(["load", str(events_file), "--store", str(where)]) == 0
    assert "rejected inputs: 0" in capsys.readouterr().err
    store = EmbeddedStore(where, create=False)
    try:
        assert root_table(store) == root_counts(dev_events)
    finally:
        store.close()


def test_event_file_not_grouped_by_article_is_merged_per_article(tmp_path, store, rdf, coder):
    from events.inputs import InputDefaults
    from events.store.load import load_inputs

    arts = [Article(id=f"x{n}", text=CHANGED_TEXT, date="2022-02-24", lang="id") for n in (1, 2)]
    one, two = (coder.code_article(a).events for a in arts)
    unrelated = Article(id="x1", text="Rusia mengecam Ukraina pada Kamis.", date="2022-02-24",
                        lang="id")
    three = coder.code_article(unrelated).events
    assert one and two and three
    path = tmp_path / "events.jsonl"
    path.write_text("".join(e.model_dump_json() + "\n" for e in [*one, *two, *three]))
    loader = Loader(store, rdf)
    rejects = []
    summary = load_inputs(loader, [str(path)], InputDefaults(), lambda *a: None, rejects.append)
    assert (summary.articles, summary.appended, rejects) == (2, 1, [])
    graph = rdf.article_graph_iri(Article(id="x1", text=""), rdf.DEFAULT_BASE_IRI)
    got = {r["event"].rsplit("/", 1)[1] for r in rows(store, events_in_graph(graph))}
    assert got == {e.id for e in [*one, *three]}


def test_bad_event_lines_are_rejected_with_their_line(tmp_path, capsys, coder):
    art = Article(id="r1", text=CHANGED_TEXT, date="2022-02-24", lang="id")
    good = coder.code_article(art).events[0].model_dump(mode="json")
    bad = {**good, "action": {"code": "999"}}
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join([json.dumps(good), json.dumps(bad), "{not json"]) + "\n")
    where = tmp_path / "store"
    assert main(["load", str(path), "--store", str(where)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2: invalid event: action" in err and f"{path}:3: invalid JSON" in err
    assert "articles loaded: 1, events: 1" in err and "rejected inputs: 2" in err


def test_one_a_day_output_loads(tmp_path, capsys):
    path = tmp_path / "oad.jsonl"
    assert main(["extract", str(SEEDS), "--one-a-day", "-o", str(path), "-q"]) == 0
    assert main(["load", str(path), "--store", str(tmp_path / "s")]) == 0
    assert "rejected inputs: 0" in capsys.readouterr().err


def test_mixed_inputs_and_directories(tmp_path, capsys, dev_events):
    folder = tmp_path / "in"
    folder.mkdir()
    assert main(["extract", str(CORPUS), "-o", str(folder / "events.jsonl"), "-q"]) == 0
    (folder / "article.jsonl").write_text(json.dumps(
        {"id": "m1", "text": CHANGED_TEXT, "date": "2022-02-24", "lang": "id"}) + "\n")
    assert main(["load", str(folder), str(tmp_path / "missing.txt"),
                 "--store", str(tmp_path / "s")]) == 1
    err = capsys.readouterr().err
    with_events = sum(1 for events in dev_events.values() if events)  # the event file's articles
    assert "no such file or directory" in err and f"articles loaded: {with_events + 1}," in err


# --- vocabulary ------------------------------------------------------------------------------
def test_vocabulary_is_loaded_once_and_again_when_its_file_changes(store, rdf, tmp_path):
    shipped = rdf.vocabulary_files()
    assert Loader(store, rdf).load_vocabularies() == list(shipped)
    assert Loader(store, rdf).load_vocabularies() == []
    graph = next(g for g in shipped if g.endswith("/quadclass"))
    copy = tmp_path / shipped[graph].name  # never touch the shipped file
    copy.write_bytes(shipped[graph].read_bytes())
    one_file = SimpleNamespace(DEFAULT_BASE_IRI=rdf.DEFAULT_BASE_IRI,
                               article_graph_iri=rdf.article_graph_iri,
                               article_quads=rdf.article_quads,
                               vocabulary_files=lambda: {graph: copy})
    assert Loader(store, one_file).load_vocabularies() == []  # same content, same checksum
    count = count_quads(store)
    with copy.open("a", encoding="utf-8") as handle:
        handle.write(f'\n<{graph}/x> <{graph}/p> "added" .\n')
    assert Loader(store, one_file).load_vocabularies() == [graph]
    assert count_quads(store) == count + 1
    assert Loader(store, one_file).load_vocabularies(force=True) == [graph]
    assert count_quads(store) == count + 1
    assert Loader(store, rdf).load_vocabularies() == [graph]  # back to the shipped file
    assert count_quads(store) == count


# --- query command ---------------------------------------------------------------------------
@pytest.fixture
def loaded(tmp_path, capsys):
    where = tmp_path / "store"
    assert main(["load", str(CORPUS), "--store", str(where), "-q"]) == 0
    return where


def test_query_formats(loaded, capsys, dev_events):
    table = query_cli(capsys, loaded, COUNT_BY_ROOT)
    lines = table.splitlines()
    assert lines[0].split() == ["root", "n"] and set(lines[1]) <= {"-", " "}
    assert lines[-1] == f"({len(root_counts(dev_events))} rows)"
    got = {r["root"]: int(r["n"]) for r in csv.DictReader(io.StringIO(
        query_cli(capsys, loaded, COUNT_BY_ROOT, "--format", "csv")))}
    assert got == root_counts(dev_events)
    doc = json.loads(query_cli(capsys, loaded, COUNT_BY_ROOT, "--format", "json"))
    assert doc["head"]["vars"] == ["root", "n"] and len(doc["results"]["bindings"]) == len(got)


def test_query_ask_construct_and_query_files(loaded, capsys, tmp_path):
    assert query_cli(capsys, loaded, "ASK { ?s ?p ?o }") == "true\n"
    assert json.loads(query_cli(capsys, loaded, "ASK { ?s ?p ?o }", "-f", "json")) == {
        "head": {}, "boolean": True}
    out = query_cli(capsys, loaded, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3")
    assert len(list(ox.parse(out.encode(), format=ox.RdfFormat.N_TRIPLES))) == 3
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert query_cli(capsys, loaded, f"@{rq}").splitlines()[0] == "n"


def test_query_errors(tmp_path, capsys, loaded):
    assert main(["query", "SELECT * WHERE { ?s ?p ?o }", "--store", str(tmp_path / "none")]) == 2
    assert "no store in" in capsys.readouterr().err and not (tmp_path / "none").exists()
    assert main(["query", "SELEKT nothing", "--store", str(loaded)]) == 2
    assert "SPARQL syntax error" in capsys.readouterr().err
    assert main(["query", "@/no/such/file.rq", "--store", str(loaded)]) == 2


def test_a_store_in_use_gives_a_clear_error(tmp_path):
    first = EmbeddedStore(tmp_path / "s")
    try:
        with pytest.raises(EventsError, match="another events process"):
            EmbeddedStore(tmp_path / "s")
    finally:
        first.close()


# --- SPARQL text -----------------------------------------------------------------------------
def test_graph_replacement_round_trips_awkward_literals(store):
    graph = "https://example.org/graph/a"
    s, p = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    literals = [ox.Literal('kata "kutip"\nbaris \\ baru\t\u00e9\u4e2d'),
                ox.Literal("x", language="id"), ox.Literal("1.5", datatype=ox.NamedNode(
                    "http://www.w3.org/2001/XMLSchema#decimal")), ox.Literal("\u0022}} ;")]
    store.replace_graph(graph, [ox.Triple(s, p, o) for o in literals])
    store.replace_graph(graph, [ox.Triple(s, p, o) for o in literals[1:]])
    got = {r["o"] for r in rows(store, f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")}
    assert got == {o.value for o in literals[1:]}


def test_iri_refuses_injection():
    assert iri("https://example.org/a") == "<https://example.org/a>"
    for bad in ("https://x/a> } ; DROP ALL ; #", "https://x/a b", 'https://x/"'):
        with pytest.raises(ValueError):
            iri(bad)
    with pytest.raises(ValueError):
        replace_graph_update("https://x/g> DROP ALL", [])
