"""`events load` / `events query` against a real SPARQL server (``oxigraph serve``, started by the
fixtures), and the HTTP client's handling of credentials against a small stand-in server."""

from __future__ import annotations

import base64
import csv
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from events.cli import main
from events.errors import EventsError
from events.inputs import read_inputs
from events.models import Article
from events.store.http import Credentials, redact, request
from events.store.remote import Endpoints, RemoteStore

from .conftest import SEEDS
from .conftest_store import (  # noqa: F401  (fixtures)
    CORPUS, COUNT_BY_ROOT, COUNT_QUADS, dev_events, events_in_graph, free_port, oxigraph_server,
    rdf, root_counts, server,
)

CHANGED_TEXT = "Pasukan Rusia kembali menyerang kota Kharkiv di Ukraina pada Kamis."


def load(capsys, *argv: str) -> tuple[int, str]:
    code = main(["load", *argv])
    return code, capsys.readouterr().err


def quads(server) -> int:
    return int(server.select(COUNT_QUADS)[0]["n"])


def by_root(server) -> dict[str, int]:
    return {r["root"]: int(r["n"]) for r in server.select(COUNT_BY_ROOT)}


# --- the acceptance checks, against the server ---------------------------------------
def test_dev_set_counts_by_root_reload_and_idempotence(server, capsys, tmp_path, rdf, coder,
                                                       dev_events):
    code, err = load(capsys, str(CORPUS), "--endpoint", server.query)
    assert code == 0 and "(gsp)" in err
    assert f"vocabulary graphs loaded: {len(rdf.vocabulary_files())}" in err
    assert by_root(server) == root_counts(dev_events) != {}
    total = quads(server)

    code, err = load(capsys, str(CORPUS), "--endpoint", server.query)  # idempotent
    assert code == 0 and "vocabulary graphs loaded" not in err
    assert quads(server) == total

    article_id = next(a for a, events in dev_events.items() if events)
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({"id": article_id, "text": CHANGED_TEXT, "date": "2022-02-24",
                                   "lang": "id"}) + "\n")
    new_events = coder.code_article(Article(id=article_id, text=CHANGED_TEXT, date="2022-02-24",
                                            lang="id")).events
    assert load(capsys, str(changed), "--endpoint", server.query)[0] == 0
    graph = rdf.article_graph_iri(Article(id=article_id, text=""), rdf.DEFAULT_BASE_IRI)
    got = {r["event"].rsplit("/", 1)[1] for r in server.select(events_in_graph(graph))}
    assert got == {e.id for e in new_events} and got
    expected = root_counts({**dev_events, article_id: new_events})
    assert by_root(server) == {k: v for k, v in expected.items() if v}


def test_query_command_against_the_server(server, capsys, dev_events):
    assert load(capsys, str(CORPUS), "--endpoint", server.query, "-q")[0] == 0
    assert main(["query", COUNT_BY_ROOT, "--endpoint", server.query, "-f", "csv"]) == 0
    got = {r["root"]: int(r["n"]) for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert got == root_counts(dev_events)
    assert main(["query", COUNT_BY_ROOT, "--endpoint", server.query]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"({len(got)} rows)"
    assert main(["query", "ASK { GRAPH ?g { ?s ?p ?o } }", "--endpoint", server.query]) == 0
    assert capsys.readouterr().out == "true\n"
    assert main(["query", "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 2",
                 "--endpoint", server.query]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["query", "SELEKT", "--endpoint", server.query]) == 2
    assert "HTTP 400" in capsys.readouterr().err


def test_embedded_and_remote_stores_hold_the_same_triples(server, capsys, tmp_path):
    assert load(capsys, str(CORPUS), "--endpoint", server.query, "-q")[0] == 0
    assert load(capsys, str(CORPUS), "--store", str(tmp_path / "s"), "-q")[0] == 0
    assert main(["query", COUNT_QUADS, "--store", str(tmp_path / "s"), "-f", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert int(doc["results"]["bindings"][0]["n"]["value"]) == quads(server)


# --- protocols -------------------------------------------------------------------------------
def test_sparql_update_protocol_gives_the_same_store(server, capsys):
    assert load(capsys, str(CORPUS), "--endpoint", server.query, "-q")[0] == 0
    gsp = quads(server)
    server.update("DROP ALL")
    code, err = load(capsys, str(CORPUS), "--endpoint", server.query, "--protocol", "update")
    assert code == 0 and "(update)" in err
    assert quads(server) == gsp
    assert load(capsys, str(CORPUS), "--endpoint", server.query, "--protocol", "update")[0] == 0
    assert quads(server) == gsp


def test_falls_back_to_sparql_update_without_a_graph_store(server, capsys, coder):
    code, err = load(capsys, str(SEEDS), "--endpoint", server.query,
                     "--graph-store-url", f"{server.url}/no-graph-store")
    assert code == 0 and "(update)" in err
    seed = {a.id: coder.code_article(a).events for a in read_inputs([str(SEEDS)])}
    assert by_root(server) == root_counts(seed) != {}


def test_endpoint_without_known_siblings_uses_sparql_update():
    ends = Endpoints.derive("https://example.org/sparql")
    assert (ends.update, ends.graph_store) == ("https://example.org/sparql", None)
    assert RemoteStore(ends, credentials=Credentials()).protocol == "update"
    ends = Endpoints.derive("http://127.0.0.1:7878/query")
    assert (ends.update, ends.graph_store) == ("http://127.0.0.1:7878/update",
                                               "http://127.0.0.1:7878/store")
    with pytest.raises(EventsError, match="--graph-store-url"):
        RemoteStore(Endpoints.derive("https://example.org/sparql"), "gsp", Credentials())


def test_forced_gsp_reports_a_missing_graph_store(server, capsys):
    code, err = load(capsys, str(SEEDS), "--endpoint", server.query, "--protocol", "gsp",
                     "--graph-store-url", f"{server.url}/no-graph-store")
    assert code == 2 and "HTTP 404" in err


def test_unreachable_store(capsys):
    url = f"http://127.0.0.1:{free_port()}/query"
    code, err = load(capsys, str(SEEDS), "--endpoint", url)
    assert code == 2 and "cannot reach the store" in err


# --- credentials -----------------------------------------------------------------------------
class Recorder(BaseHTTPRequestHandler):
    """Answers every request; 401 (echoing the Authorization header, as a careless server
    might) when the path starts with /deny."""

    seen: list[tuple[str, str, str | None]] = []

    def _reply(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        auth = self.headers.get("Authorization")
        self.seen.append((self.command, self.path, auth))
        if self.path.startswith("/deny"):
            body = f"denied for {auth}".encode()
            self.send_response(401)
        elif self.path.startswith("/query"):
            body = json.dumps({"head": {}, "boolean": True}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
        else:
            body = b""
            self.send_response(204)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _reply

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def recorder():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    Recorder.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", Recorder.seen
    httpd.shutdown()
    httpd.server_close()


def test_basic_and_bearer_credentials_come_from_the_environment(recorder, monkeypatch, capsys):
    url, seen = recorder
    monkeypatch.setenv("EVENTS_SPARQL_USER", "ana")
    monkeypatch.setenv("EVENTS_SPARQL_PASSWORD", "s3cr3t-pw")
    code, err = load(capsys, str(SEEDS), "--endpoint", f"{url}/query")
    assert code == 0 and "(gsp)" in err
    basic = "Basic " + base64.b64encode(b"ana:s3cr3t-pw").decode()
    assert seen and all(auth == basic for _, _, auth in seen)
    assert {m for m, _, _ in seen} == {"POST", "PUT"}
    assert "s3cr3t" not in err

    seen.clear()
    monkeypatch.setenv("EVENTS_SPARQL_TOKEN", "tok-123456")
    assert main(["query", "ASK {}", "--endpoint", f"{url}/query"]) == 0
    assert capsys.readouterr().out == "true\n"
    assert [auth for _, _, auth in seen] == ["Bearer tok-123456"]


def test_credentials_are_never_echoed(recorder, monkeypatch, capsys):
    url, _ = recorder
    monkeypatch.setenv("EVENTS_SPARQL_USER", "ana")
    monkeypatch.setenv("EVENTS_SPARQL_PASSWORD", "s3cr3t-pw")
    code, err = load(capsys, str(SEEDS), "--endpoint", f"{url}/deny/query")
    out = capsys.readouterr()
    assert code == 2 and "HTTP 401" in err and "EVENTS_SPARQL_USER" in err
    encoded = base64.b64encode(b"ana:s3cr3t-pw").decode()
    for text in (err, out.out, out.err):
        assert "s3cr3t-pw" not in text and encoded not in text
    creds = Credentials.from_env({"EVENTS_SPARQL_TOKEN": "tok-abcdef"})
    assert "tok-abcdef" not in repr(creds)
    with pytest.raises(EventsError) as info:
        request("POST", f"{url}/deny", creds, b"")
    assert "tok-abcdef" not in str(info.value) and "***" in str(info.value)


def test_credentials_in_urls_are_refused_and_redacted(capsys):
    code, err = load(capsys, str(SEEDS), "--endpoint", "https://ana:pw123@example.org/query")
    assert code == 2 and "pw123" not in err and "EVENTS_SPARQL_PASSWORD" in err
    assert redact("https://ana:pw123@example.org:8443/q") == "https://***@example.org:8443/q"
