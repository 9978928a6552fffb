"""Write query results as a text table, CSV or JSON (the W3C SPARQL results formats).

``SELECT`` results: ``table`` aligns columns for reading (long cells are cut), ``csv`` and ``json``
are the SPARQL 1.1 CSV and JSON results formats. ``ASK`` gives ``true``/``false`` (JSON:
``{"head": {}, "boolean": ...}``). ``CONSTRUCT``/``DESCRIBE`` triples are written as N-Triples in
every format.
"""

from __future__ import annotations

import json
from typing import IO

import pyoxigraph as ox

FORMATS = ("table", "csv", "json")
MAX_CELL = 80


def cell(term: object) -> str:
    """A term as text: IRIs and literals by their value, blank nodes as ``_:id``."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return str(term)
    return getattr(term, "value", str(term))


def _cut(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def table(variables: list[str], rows: list[list[str]]) -> str:
    cells = [[_cut(v) for v in row] for row in rows]
    widths = [max([len(name)] + [len(r[i]) for r in cells]) for i, name in enumerate(variables)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(variables), line(["-" * w for w in widths]), *(line(r) for r in cells)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def write_results(result: object, fmt: str, out: IO[bytes]) -> None:
    """Write a query result (from either store) in ``fmt``."""
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        text = json.dumps({"head": {}, "boolean": value}) if fmt == "json" else str(value).lower()
        out.write((text + "\n").encode("utf-8"))
    elif isinstance(result, ox.QuerySolutions):
        if fmt == "table":
            names = [v.value for v in result.variables]
            rows = [[cell(solution[v]) for v in result.variables] for solution in result]
            out.write(table(names, rows).encode("utf-8"))
        else:
            kind = ox.QueryResultsFormat.CSV if fmt == "csv" else ox.QueryResultsFormat.JSON
            result.serialize(out, format=kind)
            if fmt == "json":
                out.write(b"\n")
    else:
        triples = [t.triple if isinstance(t, ox.Quad) else t for t in result]
        out.write(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
