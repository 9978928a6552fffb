"""The ``events load`` and ``events query`` commands (arguments and implementation)."""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import EventsError

DEFAULT_STORE = "events-store"
ENV_STORE = "EVENTS_STORE"


def add_store_arguments(p: argparse.ArgumentParser) -> None:
    where = p.add_mutually_exclusive_group()
    where.add_argument("--store", metavar="DIR",
                       help=f"embedded Oxigraph store directory (default: ${ENV_STORE}, else "
                            f"./{DEFAULT_STORE})")
    where.add_argument("--endpoint", metavar="URL",
                       help="remote SPARQL 1.1 query endpoint; credentials from "
                            "EVENTS_SPARQL_USER/EVENTS_SPARQL_PASSWORD or EVENTS_SPARQL_TOKEN")
    p.add_argument("--update-url", metavar="URL", help="SPARQL Update endpoint (default: "
                   "the .../update sibling of a .../query endpoint, else the endpoint itself)")
    p.add_argument("--graph-store-url", metavar="URL", help="Graph Store Protocol endpoint "
                   "(default: the .../store sibling of a .../query endpoint)")
    p.add_argument("--timeout", type=float, default=60.0, help="HTTP timeout in seconds "
                   "(default: 60)")


def add_load_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    add_store_arguments(p)
    p.add_argument("--protocol", choices=["auto", "gsp", "update"], default="auto",
                   help="how to write to a remote store: Graph Store Protocol, SPARQL Update, "
                        "or auto (GSP when available, default)")
    p.add_argument("--base-iri", help="base IRI of the article and event IRIs")
    p.add_argument("--reload-vocabulary", action="store_true",
                   help="reload the ontology and code lists even if unchanged")
    p.add_argument("--lang", default="auto", help="language of articles that lack one: auto, "
                   "id or en (default: auto)")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) of articles that lack one")
    p.add_argument("--dict", action="append", default=[], metavar="PATH",
                   help="extra dictionary file (repeatable)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary or warnings on stderr")


def add_query_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("sparql", metavar="SPARQL", help="the query, @FILE to read it from a file, "
                   "or - for standard input")
    add_store_arguments(p)
    p.add_argument("--format", "-f", choices=["table", "csv", "json"], default="table",
                   help="output format of SELECT/ASK results (default: table)")


def open_store(args: argparse.Namespace, create: bool):
    """The store the arguments name: remote with ``--endpoint``, else embedded."""
    if args.endpoint:
        from .remote import Endpoints, RemoteStore

        endpoints = Endpoints.derive(args.endpoint, args.update_url, args.graph_store_url)
        return RemoteStore(endpoints, getattr(args, "protocol", "auto"), timeout=args.timeout)
    if args.update_url or args.graph_store_url:
        raise EventsError("--update-url and --graph-store-url need --endpoint")
    from .embedded import EmbeddedStore

    return EmbeddedStore(args.store or os.environ.get(ENV_STORE) or DEFAULT_STORE, create=create)


def cmd_load(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..coder import Coder
    from ..inputs import InputDefaults
    from ..pipeline import run
    from .load import Loader, load_inputs

    try:
        date = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise EventsError(f"--date {args.date!r} is not a date in YYYY-MM-DD form") from None
    defaults = InputDefaults(date=date, lang=None if args.lang == "auto" else args.lang)
    store = open_store(args, create=True)
    try:
        loader = Loader(store, base_iri=args.base_iri)
        loader.load_vocabularies(force=args.reload_vocabulary)
        coders: dict[str, Coder] = {}  # built on first use: event files need no coder

        def on_reject(rejected) -> None:
            if not args.quiet:
                print(f"events: rejected {rejected.where}: {rejected.reason}", file=sys.stderr)

        def code_articles(paths: list[str], reject) -> None:
            if not coders:
                coders["coder"] = Coder(extra_dictionaries=args.dict)
            run(coders["coder"], paths, defaults, on_reject=reject,
                on_article=lambda coded: loader.add(coded.article, coded.events))

        summary = load_inputs(loader, args.inputs, defaults, code_articles, on_reject)
    finally:
        store.close()
    if not args.quiet:
        print(f"events: {summary.line()}; into {store.location} ({store.protocol})",
              file=sys.stderr)
    return 1 if summary.rejected else 0


def read_query(text: str) -> str:
    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        try:
            with open(text[1:], encoding="utf-8") as handle:
                return handle.read()
        except OSError as exc:
            raise EventsError(f"cannot read the query file {text[1:]}: {exc.strerror}") from None
    return text


def cmd_query(args: argparse.Namespace) -> int:
    from .results import write_results

    sparql = read_query(args.sparql)
    store = open_store(args, create=False)
    try:
        result = store.query(sparql)
        write_results(result, args.format, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    finally:
        store.close()
    return 0
