"""Events as linked data: deterministic IRIs, RDF triples per article, writers, vocabulary, SHACL.

The stable API (other modules such as the triple-store loader build on it):

- :data:`DEFAULT_BASE_IRI`: where data IRIs are minted unless ``--base-iri`` says otherwise
- :func:`article_graph_iri`: the named graph of one article
- :func:`article_quads`: all triples of one article and its events, in that graph (no blank nodes)
- :func:`vocabulary_files`: graph IRI -> shipped RDF file (ontology, code lists, shapes)
"""

from __future__ import annotations

from .graph import article_quads, article_triples
from .iris import DEFAULT_BASE_IRI, article_graph_iri, article_iri
from .vocabulary import vocabulary_files

__all__ = ["DEFAULT_BASE_IRI", "article_graph_iri", "article_iri", "article_quads",
           "article_triples", "vocabulary_files"]
