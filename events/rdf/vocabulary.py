"""The vocabulary files shipped in the package: ontology, SHACL shapes, code lists, JSON-LD context.

``ontologies/`` in the repository is where they are published and edited: the ontology, shapes and
context by hand, the code lists generated from the codebook. ``tools/build_ontology.py`` writes the
code lists there and copies every file into ``events/data/rdf/`` so the installed package has them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..codebook import Codebook
from .codelists import generated_files
from .namespaces import VOCAB_ROOT

if TYPE_CHECKING:  # rdflib is imported only when a graph is parsed
    import rdflib

PACKAGE_DIR = Path(str(resources.files("events") / "data" / "rdf"))
SOURCE_DIR = Path(__file__).resolve().parent.parent.parent / "ontologies"

HAND_WRITTEN = ("ontology.ttl", "shapes.ttl", "codelist-shapes.ttl", "context.jsonld")
ONTOLOGY_FILES = ("ontology.ttl",)
DATA_SHAPE_FILES = ("shapes.ttl",)
CODELIST_SHAPE_FILES = ("codelist-shapes.ttl",)
CODELIST_FILES = ("cameo.ttl", "quadclass.ttl", "plover.ttl", "actor-codes.ttl", "countries.ttl")


def graph_iri(file_name: str) -> str:
    """The named graph a vocabulary file is loaded into: ``.../graph/cameo`` for ``cameo.ttl``."""
    return VOCAB_ROOT + "graph/" + Path(file_name).stem


def vocabulary_files() -> dict[str, Path]:
    """Graph IRI -> shipped RDF file, for the ontology, the code lists and the shapes."""
    names = ONTOLOGY_FILES + CODELIST_FILES + DATA_SHAPE_FILES + CODELIST_SHAPE_FILES
    return {graph_iri(name): PACKAGE_DIR / name for name in names}


def expected_files(book: Codebook, source_dir: Path = SOURCE_DIR,
                   package_dir: Path = PACKAGE_DIR) -> dict[Path, str]:
    """Every file the build tool writes, with its content: code lists in both folders, and the
    hand-written files copied into the package."""
    out: dict[Path, str] = {}
    for name, text in generated_files(book).items():
        out[source_dir / name] = text
        out[package_dir / name] = text
    for name in HAND_WRITTEN:
        out[package_dir / name] = (source_dir / name).read_text(encoding="utf-8")
    return out


def _parse(names: tuple[str, ...]) -> "rdflib.Graph":
    import rdflib

    graph = rdflib.Graph()
    for name in names:
        graph.parse(PACKAGE_DIR / name, format="turtle")
    return graph


@cache
def vocabulary_graph() -> "rdflib.Graph":
    """The ontology and code lists as one rdflib graph (read once; do not modify it)."""
    return _parse(ONTOLOGY_FILES + CODELIST_FILES)


@cache
def data_shapes_graph() -> "rdflib.Graph":
    return _parse(DATA_SHAPE_FILES)


@cache
def codelist_shapes_graph() -> "rdflib.Graph":
    return _parse(CODELIST_SHAPE_FILES)
