#!/usr/bin/env python3
"""Generate the SKOS code lists in ``ontologies/`` from the codebook and copy the vocabulary files
(ontology, shapes, JSON-LD context, code lists) into ``events/data/rdf/``, the package's copy.

Usage: ``python tools/build_ontology.py [--check]``. ``--check`` writes nothing and exits 1 when a
file is missing or differs from what would be written (the test suite makes the same check).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from events.codebook import default_codebook
from events.rdf.vocabulary import expected_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    stale: list[Path] = []
    for path, text in expected_files(default_codebook()).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    verb = "stale" if args.check else "wrote"
    for path in stale:
        print(f"{verb}: {path}", file=sys.stderr)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
