"""Fixtures for the store tests (imported by tests/test_store*.py).

``oxigraph_server`` starts the ``oxigraph`` server from the ``oxigraph`` package (test extras),
next to the running Python (the venv's bin) or on PATH, bound to 127.0.0.1 on a free port, and
stops it afterwards. A missing binary is a test failure, not a skip, so CI cannot silently pass
without the server tests.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from events.models import Event

from .conftest import DEV_SET

#: The articles the store tests load: the dev set when ../shared is beside the repository, else a
#: small corpus of our own (so the server-backed tests also run on a clean CI machine).
CORPUS = DEV_SET if DEV_SET.exists() else Path(__file__).parent / "test_store" / "articles.jsonl"

SEM_EVENT_TYPE = "http://semanticweb.cs.vu.nl/2009/11/sem/eventType"
COUNT_BY_ROOT = f"""
SELECT ?root (COUNT(DISTINCT ?event) AS ?n)
WHERE {{ GRAPH ?g {{ ?event <{SEM_EVENT_TYPE}> ?code }}
        BIND(SUBSTR(STRAFTER(STR(?code), "/cameo/"), 1, 2) AS ?root) }}
GROUP BY ?root ORDER BY ?root
"""
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def events_in_graph(graph: str) -> str:
    return (f"SELECT ?event WHERE {{ GRAPH <{graph}> {{ ?event <{SEM_EVENT_TYPE}> ?code }} }} "
            "ORDER BY ?event")


def oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server is not installed: pip install -e '.[test]' (it provides "
                    "the `oxigraph` command used by the server-backed store tests)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Server:
    url: str  # http://127.0.0.1:PORT

    @property
    def query(self) -> str:
        return f"{self.url}/query"

    def update(self, sparql: str) -> None:
        data = urllib.parse.urlencode({"update": sparql}).encode()
        urllib.request.urlopen(urllib.request.Request(f"{self.url}/update", data=data), timeout=30)

    def select(self, sparql: str) -> list[dict[str, str]]:
        data = urllib.parse.urlencode({"query": sparql}).encode()
        req = urllib.request.Request(self.query, data=data,
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            doc = json.load(resp)
        return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]


def _wait_ready(proc: subprocess.Popen, url: str, log: Path, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            q = urllib.parse.urlencode({"query": "ASK {}"})
            urllib.request.urlopen(f"{url}/query?{q}", timeout=2).read()
            return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    return False


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory) -> Iterator[Server]:
    """``oxigraph serve`` on 127.0.0.1 and a free port, with a fresh data directory."""
    binary = oxigraph_binary()
    for attempt in range(3):  # another process may take the free port before the server does
        workdir = tmp_path_factory.mktemp(f"oxigraph{attempt}")
        port = free_port()
        log = workdir / "server.log"
        with log.open("wb") as out:
            proc = subprocess.Popen([binary, "serve", "--location", str(workdir / "data"),
                                     "--bind", f"127.0.0.1:{port}"],
                                    stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        if _wait_ready(proc, url, log):
            break
        proc.kill()
        proc.wait(10)
    else:
        pytest.fail(f"oxigraph serve did not start: {log.read_text(errors='replace')[-2000:]}")
    try:
        yield Server(url)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture
def server(oxigraph_server: Server) -> Server:
    """The session's server, emptied for this test."""
    oxigraph_server.update("DROP ALL")
    return oxigraph_server


@pytest.fixture(scope="session")
def dev_events(coder) -> dict[str, list[Event]]:
    """The coder's events for each article of ``CORPUS``, by article id."""
    from events.inputs import read_inputs

    return {a.id: coder.code_article(a).events for a in read_inputs([str(CORPUS)])}


def root_counts(events_by_article: dict[str, list[Event]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for events in events_by_article.values():
        for event in {e.id: e for e in events}.values():
            counts[event.action.root] = counts.get(event.action.root, 0) + 1
    return dict(sorted(counts.items()))


# --- the RDF mapping -------------------------------------------------------------------------
@pytest.fixture(scope="session")
def rdf():
    """The RDF mapping the store loads through (``events.rdf``)."""
    import events.rdf

    return events.rdf
