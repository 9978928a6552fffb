"""A remote SPARQL 1.1 store: Graph Store HTTP Protocol for writes, SPARQL Update as fallback.

A graph is replaced with one ``PUT`` (GSP) or one ``DROP SILENT GRAPH`` + ``INSERT DATA`` request
(SPARQL Update). With ``protocol="auto"`` the first GSP write that the server refuses as
unsupported (404, 405, 501) switches the store to SPARQL Update for the rest of the run.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Literal, Sequence

import pyoxigraph as ox

from ..errors import EventsError
from .http import Credentials, HttpError, check_url, request, with_param
from .sparql import append_graph_update, ntriples, replace_graph_update

Protocol = Literal["auto", "gsp", "update"]
UNSUPPORTED = (404, 405, 501)
ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
          "application/n-triples;q=0.9, text/turtle;q=0.8")


@dataclass(frozen=True)
class Endpoints:
    """Query, update and graph-store URLs of one store."""

    query: str
    update: str
    graph_store: str | None

    @classmethod
    def derive(cls, url: str, update: str | None = None,
               graph_store: str | None = None) -> "Endpoints":
        """Fill in what is not given: ``.../query`` has siblings ``.../update`` and ``.../store``
        (Oxigraph's layout); any other URL takes updates itself and has no known graph store."""
        base = url.rstrip("/")
        if base.endswith("/query"):
            stem = base[: -len("/query")]
            update, graph_store = update or f"{stem}/update", graph_store or f"{stem}/store"
        return cls(check_url(url), check_url(update or url),
                   check_url(graph_store) if graph_store else None)


class RemoteStore:
    def __init__(self, endpoints: Endpoints, protocol: Protocol = "auto",
                 credentials: Credentials | None = None, timeout: float = 60.0):
        if protocol == "gsp" and not endpoints.graph_store:
            raise EventsError("--protocol gsp needs the graph store URL (--graph-store-url)")
        self.endpoints = endpoints
        self.location = endpoints.query
        self.protocol = "update" if protocol == "update" or not endpoints.graph_store else "gsp"
        self._may_fall_back = protocol == "auto"
        self._credentials = credentials or Credentials.from_env()
        self._timeout = timeout

    # --- writes ------------------------------------------------------------------------------
    def replace_graph(self, graph: str, triples: Sequence[ox.Triple]) -> None:
        self._write("PUT", graph, triples, replace_graph_update)

    def append_graph(self, graph: str, triples: Sequence[ox.Triple]) -> None:
        self._write("POST", graph, triples, append_graph_update)

    def _write(self, method: str, graph: str, triples: Sequence[ox.Triple], update_text) -> None:
        if self.protocol == "gsp":
            url = with_param(self.endpoints.graph_store, "graph", graph)
            try:
                self._send(method, url, ntriples(triples), "application/n-triples")
                self._may_fall_back = False
                return
            except HttpError as exc:
                if not (self._may_fall_back and exc.status in UNSUPPORTED):
                    raise
                self.protocol = "update"
        self.update(update_text(graph, triples))

    def update(self, sparql: str) -> None:
        body = urllib.parse.urlencode({"update": sparql}).encode("utf-8")
        self._send("POST", self.endpoints.update, body, "application/x-www-form-urlencoded")

    # --- reads -------------------------------------------------------------------------------
    def query(self, sparql: str):
        """Run a query: ``QuerySolutions``/``QueryBoolean``, or a list of triples for
        ``CONSTRUCT``/``DESCRIBE``."""
        body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        reply = self._send("POST", self.endpoints.query, body,
                           "application/x-www-form-urlencoded", accept=ACCEPT)
        results_format = ox.QueryResultsFormat.from_media_type(reply.content_type)
        if results_format is not None:
            return ox.parse_query_results(reply.body, format=results_format)
        rdf_format = ox.RdfFormat.from_media_type(reply.content_type)
        if rdf_format is not None:
            return [q.triple for q in ox.parse(reply.body, format=rdf_format)]
        raise EventsError(f"the store answered with unsupported content type "
                          f"{reply.content_type!r}")

    def ask(self, sparql: str) -> bool:
        return bool(self.query(sparql))

    def close(self) -> None:
        pass

    def _send(self, method: str, url: str, body: bytes, content_type: str,
              accept: str | None = None):
        headers = {"Content-Type": content_type}
        if accept:
            headers["Accept"] = accept
        return request(method, url, self._credentials, body, headers, self._timeout)
