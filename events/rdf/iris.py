"""Deterministic IRIs for articles, events, sentences, mentions and the things they refer to.

Everything is minted under a base IRI (``--base-iri``) from stable keys, so coding the same text
again gives the same IRIs, and no blank node is ever needed:

- article   ``{base}article/{id}`` (the id percent-encoded; from the canonical URL, else the
  text's hash, when an article has no id)
- graph     ``{base}graph/{id}`` (the named graph holding one article's triples)
- sentence / mention  ``{article}#char={begin},{end}`` (RFC 5147 offsets in the article text)
- event     ``{base}event/{event.id}`` (the event id hashes article, sentence, span and codes)
- actor     ``{base}actor/{CAMEO actor code}``; place ``{base}place/{country}/{name}``
- rule, rule set, run, software agent: ``{base}rule/{id}``, ``{base}ruleset/{id}``,
  ``{base}run/events-{version}``, ``{base}agent/events-{version}``
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, urlsplit, urlunsplit

import pyoxigraph as ox

from ..errors import EventsError
from ..models import Article
from .namespaces import VOCAB_ROOT

DEFAULT_BASE_IRI = VOCAB_ROOT + "data/"

_DEFAULT_PORTS = {"http": "80", "https": "443"}
_UNRESERVED = re.compile(r"[A-Za-z0-9._~-]*")


def normalise_base(base_iri: str | None) -> str:
    """The base IRI to mint under: absolute, without a fragment, ending in ``/``."""
    base = (base_iri or DEFAULT_BASE_IRI).strip()
    if "#" in base:
        raise EventsError(f"base IRI {base!r} must not contain '#' (fragments mark text offsets)")
    if not base.endswith("/"):
        base += "/"
    try:
        ox.NamedNode(base)
    except ValueError:
        raise EventsError(f"base IRI {base!r} is not an absolute IRI") from None
    if not urlsplit(base).scheme:
        raise EventsError(f"base IRI {base!r} is not an absolute IRI")
    return base


def segment(text: str) -> str:
    """``text`` as one IRI path segment (unreserved characters kept, everything else encoded)."""
    return text if _UNRESERVED.fullmatch(text) else quote(text, safe="-._~")


def canonical_url(url: str) -> str:
    """The URL without fragment and default port, scheme and host lower-cased, path at least /."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or str(port) == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def article_key(article: Article) -> str:
    """The article's IRI segment: its id, else ``url-`` + hash of the canonical URL, else of the text."""
    if article.id:
        return segment(article.id)
    if article.url:
        return "url-" + _digest(canonical_url(article.url))
    return "text-" + _digest(article.text)


def article_iri(article: Article, base: str) -> str:
    return f"{base}article/{article_key(article)}"


def article_graph_iri(article: Article, base_iri: str | None = None) -> str:
    """The named graph that holds all triples of one article."""
    return f"{normalise_base(base_iri)}graph/{article_key(article)}"


def char_iri(article: str, begin: int, end: int) -> str:
    """A piece of the article text: ``{article}#char={begin},{end}`` (RFC 5147)."""
    return f"{article}#char={begin},{end}"


def event_iri(event_id: str, base: str) -> str:
    return f"{base}event/{segment(event_id)}"


def actor_iri(code: str, base: str) -> str:
    return f"{base}actor/{segment(code)}"


def place_iri(name: str, country: str | None, base: str) -> str:
    key = segment(" ".join(name.split()).casefold())
    return f"{base}place/{country}/{key}" if country else f"{base}place/{key}"


def rule_iri(rule_id: str, base: str) -> str:
    return f"{base}rule/{segment(rule_id)}"


def ruleset_id(rule_id: str) -> str:
    """The dictionary file or rule family a rule belongs to: ``id.verbs.kata`` -> ``id.verbs``."""
    return rule_id.rsplit(".", 1)[0] if "." in rule_id else rule_id


def ruleset_iri(rule_id: str, base: str) -> str:
    return f"{base}ruleset/{segment(ruleset_id(rule_id))}"


def run_iri(version: str, base: str) -> str:
    return f"{base}run/events-{segment(version)}"


def software_iri(version: str, base: str) -> str:
    return f"{base}agent/events-{segment(version)}"
