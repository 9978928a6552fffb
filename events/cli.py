"""Command-line interface: parses arguments and calls the library; nothing else lives here."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Sequence

from . import __version__
from .errors import EventsError

EPILOG = "Run 'events COMMAND --help' for a command's options."


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes (0 = every core)")
    return jobs


def _add_extract(sub) -> None:
    from .writers import WRITERS

    p = sub.add_parser(
        "extract", help="code articles into CAMEO events",
        description="Code news articles into CAMEO events. INPUT is a .txt article (metadata in an "
                    "optional NAME.meta.json beside it), a .jsonl file of articles "
                    '({"id","text","date","lang","source","url","title"}; only text is required), '
                    "a directory of such files, or - for standard input.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--lang", default="auto", help="language of articles that lack one: auto "
                   "(detect), id or en (default: auto)")
    p.add_argument("--date", type=_date, help="publication date (YYYY-MM-DD) of articles that lack one")
    p.add_argument("--format", "-f", choices=sorted(WRITERS), help="output format (default: from "
                   "the -o extension, else jsonl)")
    p.add_argument("-o", "--output", help="output file (default: standard output); written "
                   "atomically")
    p.add_argument("--dict", action="append", default=[], metavar="PATH",
                   help="extra dictionary file on top of the shipped ones (repeatable)")
    p.add_argument("--rejects", metavar="FILE", help="write rejected inputs here as JSON Lines "
                   "with the reason")
    p.add_argument("--strict", action="store_true", help="stop at the first rejected input")
    p.add_argument("--max-chars", type=int, default=1_000_000,
                   help="reject articles longer than this (default: 1,000,000 characters)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary, warnings or progress "
                   "bar on stderr")
    p.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                   help="worker processes (default: every core; 1: code in this process); output "
                        "keeps the input order")
    p.add_argument("--base-iri", metavar="IRI", help="base of the IRIs minted in RDF output "
                   "(default: https://w3id.org/events-coder/data/; docs/linked-data.md)")
    p.add_argument("--one-a-day", action="store_true",
                   help="Phoenix de-duplication: one event per source, target, code and day, with "
                        "the count and ids of the articles that reported it (docs/tables.md)")
    p.set_defaults(func=cmd_extract)


def cmd_extract(args: argparse.Namespace) -> int:
    from .atomic import open_output
    from .coder import Coder
    from .inputs import InputDefaults, InputMeter, input_bytes, read_inputs
    from .parallel import RENDERED_FORMATS, ArticleWriter, coded_results
    from .pipeline import reject_line, run
    from .progress import Progress, wanted
    from .writers import writer_for

    spec = writer_for(args.format, args.output)
    coder = Coder(extra_dictionaries=args.dict)
    for path in args.dict:  # surface dictionary errors before reading any input
        from .dictionaries import read_dictionary_file
        read_dictionary_file(path)
    defaults = InputDefaults(date=args.date, lang=None if args.lang == "auto" else args.lang,
                             max_chars=args.max_chars)
    rejects_out = open_output(args.rejects) if args.rejects else None
    rejects_stream = rejects_out.__enter__() if rejects_out else None
    meter = InputMeter()
    show = wanted(args.quiet)
    progress = Progress(show, total=input_bytes(args.inputs) if show else None, meter=meter)

    def on_reject(rejected) -> None:
        if not args.quiet:
            progress.echo(f"events: rejected {rejected.where}: {rejected.reason}")
        if rejects_stream is not None:
            rejects_stream.write(reject_line(rejected))
        if args.strict:
            raise EventsError(f"stopped at the first rejected input (--strict): {rejected.where}")

    try:
        with open_output(args.output) as stream, progress, \
                coded_results(read_inputs(args.inputs, defaults, raw_lines=args.jobs != 1,
                                          meter=meter),
                              jobs=args.jobs,
                              dictionaries=args.dict, coder=coder,
                              # workers write these formats themselves, with the writer options
                              render=None if args.one_a_day or spec.name not in RENDERED_FORMATS
                              else spec.name, render_options={"base_iri": args.base_iri}
                              ) as results:
            if args.one_a_day:
                from .tables.oneaday import one_a_day_writer
                writer = one_a_day_writer(spec, stream, base_iri=args.base_iri)
            else:
                writer = spec.create(stream, base_iri=args.base_iri)
            on_article = ArticleWriter(writer, stream)
            summary = run(coder, args.inputs, defaults, on_article=on_article,
                          on_reject=on_reject, results=progress.wrap(results))
            on_article.close()
            writer.close()
    except BaseException:
        if rejects_out:
            rejects_out.__exit__(*sys.exc_info())
        raise
    if rejects_out:
        rejects_out.__exit__(None, None, None)
    if not args.quiet:
        print(f"events: {summary.line()}", file=sys.stderr)
    return 1 if summary.rejected else 0


def _add_codes(sub) -> None:
    p = sub.add_parser("codes", help="list or look up CAMEO event codes",
                       description="List CAMEO event codes, or look one up by code prefix "
                                   "('19', '0211') or by words in its English or Indonesian name "
                                   "('protest', 'serangan').")
    p.add_argument("query", nargs="?", metavar="CODE|TEXT")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_codes)


def cmd_codes(args: argparse.Namespace) -> int:
    import json

    from .codebook import default_codebook

    book = default_codebook()
    codes = book.search(args.query) if args.query else list(book.events.values())
    if not codes:
        print(f"events: no CAMEO code matches {args.query!r}", file=sys.stderr)
        return 1
    if args.format == "json":
        rows = [{**c.model_dump(exclude_none=True), "root": c.root, "quad_class": c.quad_class}
                for c in codes]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"{'code':<6}{'quad':<5}{'gold':>6}  {'plover':<12}name (en / id)")
    for c in codes:
        print(f"{c.code:<6}{c.quad_class:<5}{c.goldstein:>6.1f}  {c.plover:<12}{c.name_en} / "
              f"{c.name_id}")
    return 0


def _add_explain(sub) -> None:
    p = sub.add_parser("explain", help="show how a sentence is coded, stage by stage",
                       description="Show a sentence's tokens and stems, the actors and verb "
                                   "patterns matched (with dictionary entry ids), the assembly "
                                   "decisions and the resulting events.")
    p.add_argument("sentence")
    p.add_argument("--lang", default="auto", help="id, en or auto (default: auto)")
    p.add_argument("--date", type=_date, default=None,
                   help="publication date for resolving time expressions (default: today)")
    p.add_argument("--dict", action="append", default=[], metavar="PATH",
                   help="extra dictionary file on top of the shipped ones (repeatable)")
    p.set_defaults(func=cmd_explain)


def cmd_explain(args: argparse.Namespace) -> int:
    from .coder import Coder
    from .explain import explain

    coder = Coder(extra_dictionaries=args.dict)
    print(explain(coder, args.sentence, None if args.lang == "auto" else args.lang,
                  args.date or dt.date.today()))
    return 0


def _add_evaluate(sub) -> None:
    p = sub.add_parser("evaluate", help="score the coder against a gold event set",
                       description="Score the coder on a gold JSON Lines file (the format and "
                                   "scoring rule of shared/eval/README.md): precision, recall, F1 "
                                   "and date accuracy per language and overall.")
    p.add_argument("gold")
    p.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    p.add_argument("--dict", action="append", default=[], metavar="PATH",
                   help="extra dictionary file on top of the shipped ones (repeatable)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=cmd_evaluate)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .coder import Coder
    from .evaluate import evaluate_file, format_report

    report = evaluate_file(Coder(extra_dictionaries=args.dict), args.gold)
    print(format_report(report, verbose=args.verbose, as_json=args.json))
    return 0


def _add_load(sub) -> None:
    from .store.commands import add_load_arguments, cmd_load

    p = sub.add_parser("load", help="load events into a triple store",
                       description="Code articles (or read already-extracted event .jsonl files) "
                                   "and load them into a triple store, one named graph per "
                                   "article, replaced on re-load. Default: an embedded Oxigraph "
                                   "store in a local directory (docs/stores.md).")
    add_load_arguments(p)
    p.set_defaults(func=cmd_load)


def _add_query(sub) -> None:
    from .store.commands import add_query_arguments, cmd_query

    p = sub.add_parser("query", help="run a SPARQL query on a triple store",
                       description="Run a SPARQL 1.1 query on the embedded store (whose default "
                                   "graph is the union of all graphs) or a remote endpoint.")
    add_query_arguments(p)
    p.set_defaults(func=cmd_query)


def _add_convert(sub) -> None:
    from .rdf.formats import FORMATS

    p = sub.add_parser("convert", help="convert JSON Lines events to JSON-LD or RDF",
                       description="Convert events in JSON Lines (as 'events extract' writes them) "
                                   "to JSON-LD or an RDF format, one named graph per article in "
                                   "the quad formats (docs/linked-data.md). Articles' metadata "
                                   "(date, source, URL, title) is not in event records and so "
                                   "not in the output.")
    p.add_argument("inputs", nargs="+", metavar="EVENTS", help=".jsonl file of events, or -")
    p.add_argument("--format", "-f", choices=sorted(FORMATS),
                   help="output format (default: from the -o extension, else ttl)")
    p.add_argument("-o", "--output", help="output file (default: standard output); written "
                   "atomically")
    p.add_argument("--base-iri", metavar="IRI", help="base of the minted IRIs "
                   "(default: https://w3id.org/events-coder/data/)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(func=cmd_convert)


def cmd_convert(args: argparse.Namespace) -> int:
    from .atomic import open_output
    from .rdf.convert import convert
    from .rdf.formats import format_for_path
    from .rdf.writer import create_writer

    by_extension = format_for_path(args.output) if args.output and args.output != "-" else None
    name = args.format or (by_extension.name if by_extension else "ttl")
    with open_output(args.output) as stream:
        writer = create_writer(name, stream, base_iri=args.base_iri)
        articles, events = convert(args.inputs, writer)
        writer.close()
    if not args.quiet:
        print(f"events: converted {events} events of {articles} articles to {name}",
              file=sys.stderr)
    return 0


def _add_validate(sub) -> None:
    from .rdf.formats import FORMATS

    p = sub.add_parser("validate", help="check events files against the JSON Schema or SHACL shapes",
                       description="Check JSON Lines events against the event JSON Schema and "
                                   "JSON-LD/RDF files against the SHACL shapes (with the ontology "
                                   "and code lists). Prints each violation; exits 1 when there "
                                   "is any.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", "-f", choices=["jsonl", *sorted(FORMATS)],
                   help="format of the files (default: from each file's extension)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(func=cmd_validate)


def cmd_validate(args: argparse.Namespace) -> int:
    from .rdf.validate import validate_file

    total = 0
    for name in args.files:
        found = 0
        for violation in validate_file(name, args.format):
            print(violation.line())
            found += 1
        total += found
        if not args.quiet:
            print(f"events: {name}: " + (f"{found} violation(s)" if found else "conforms"),
                  file=sys.stderr)
    return 1 if total else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="events",
        description="Code news articles (Indonesian, English) into CAMEO events and export them as "
                    "JSON Lines, JSON-LD, RDF and research-database tables.",
        epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"events {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(sub)
    return parser


COMMANDS = (_add_extract, _add_codes, _add_explain, _add_evaluate, _add_load, _add_query,
            _add_convert, _add_validate)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except EventsError as exc:
        print(f"events: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("events: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
