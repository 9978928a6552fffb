"""Property tests: coding arbitrary text never raises and every event is a valid record; RDF of
arbitrary text survives a round trip through N-Quads."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from events.coder import ArticleRejected
from events.models import Article

from .conftest import ROOT

#: Examples per property; raise it for a deeper hunt: EVENTS_PROPERTY_EXAMPLES=2000 pytest ...
EXAMPLES = int(os.environ.get("EVENTS_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Words that reach the deeper stages (actors, triggers, negation, dates, quotes, locations).
VOCABULARY = {
    "id": ["Rusia", "menyerang", "Ukraina", "Presiden", "Joko", "Widodo", "polisi", "menangkap",
           "demonstran", "di", "Jakarta", "tidak", "akan", "mengancam", "dan", "oleh", "diserang",
           "kata", "Kamis", "kemarin", "5 Desember", "pekan lalu", "Israel", "Hamas", "menyepakati",
           "gencatan senjata", "menjatuhkan", "sanksi", "terhadap", "Amerika Serikat", "Jend.",
           "Rp 1.500.000,00", "10.00 WIB", "Sumber:", "yang", "bom", "bunuh diri", "mengecam"],
    "en": ["Russia", "attacked", "Ukraine", "President", "Putin", "police", "arrested",
           "protesters", "in", "Jakarta", "did", "not", "threatened", "to", "and", "by", "was",
           "said", "Thursday", "yesterday", "last", "week", "Israel", "Hamas", "agreed", "ceasefire",
           "impose", "sanctions", "on", "United States", "Gen.", "U.S.", "Iraq's", "parliament",
           "shoot", "down", "suicide", "bomb", "condemned", "three weeks ago"],
}
SEPARATORS = [" ", " ", " ", ", ", ". ", "! ", "? ", "\n", "\n\n", "\"", "“", "”", " (", ") ", ":",
              "\t", "", "…", " - "]
TRICKY = ["\u200b", "\u200f", "\u202e", "\ufeff", "\u0301", "😀", "👩‍👩‍👧", "שלום", "مرحبا",
          "<>", "&amp;", "\\", "\r\n", "\x0b", "\u2028", "ﬁ", "İ", "ß", "𝔘", "\ufffd"]


#: Actors and verbs for sentences that do code into events, to be mixed with noise.
CLAUSES = {
    "id": {"actor": ["Rusia", "Ukraina", "Presiden Rusia Vladimir Putin", "polisi Prancis",
                     "Israel dan Hamas", "Amerika Serikat", "demonstran", "Jend. Sudirman"],
           "verb": ["menyerang", "menangkap", "mengecam", "diserang oleh", "mengancam akan menyerang",
                    "menjatuhkan sanksi terhadap", "tidak menyerang", "menyepakati gencatan senjata"],
           "tail": ["", " pada Kamis", " kemarin", " di Jakarta", " 5 Desember lalu",
                    " dengan bom bunuh diri", ", kata polisi"]},
    "en": {"actor": ["Russia", "Ukraine", "Russian President Vladimir Putin", "French police",
                     "Israel and Hamas", "the United States", "protesters", "Iraq's parliament"],
           "verb": ["attacked", "arrested", "condemned", "was attacked by", "threatened to attack",
                    "imposed sanctions on", "did not attack", "agreed a ceasefire with"],
           "tail": ["", " on Thursday", " yesterday", " in Jakarta", " three weeks ago",
                    " with a suicide bomb", ", police said"]},
}


def _clause(lang: str):
    words = CLAUSES[lang]
    noise = st.one_of(st.just(""), st.sampled_from(TRICKY), st.sampled_from(SEPARATORS))
    return st.tuples(noise, st.sampled_from(words["actor"]), st.sampled_from(words["verb"]),
                     st.sampled_from(words["actor"]), st.sampled_from(words["tail"]), noise,
                     st.sampled_from([".", ".", "!", "?", "", ".\n", ".\"", "…"])
                     ).map(lambda p: f"{p[0]}{p[1]} {p[2]} {p[3]}{p[4]}{p[5]}{p[6]} ")


def _news_like(lang: str):
    piece = st.one_of(_clause(lang), _clause(lang), st.sampled_from(VOCABULARY[lang]),
                      st.sampled_from(SEPARATORS), st.sampled_from(TRICKY), st.text(max_size=8))
    return st.lists(piece, max_size=25).map("".join)


def _texts(lang: str):
    return st.one_of(st.text(max_size=300), _news_like(lang))


_validator = None


def _schema_validator() -> Draft202012Validator:
    global _validator
    if _validator is None:
        schema = json.loads((ROOT / "schemas" / "event.schema.json").read_text(encoding="utf-8"))
        _validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return _validator


def _code(coder, text: str, lang: str | None):
    article = Article(id="prop", text=text, date=dt.date(2022, 2, 24), lang=lang)
    try:
        return coder.code_article(article)
    except ArticleRejected:
        assert lang is None  # only language detection may give up on arbitrary text
        return None


def _check(coded) -> None:
    if coded is None:
        return
    text = coded.article.text
    for sentence in coded.sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    validator = _schema_validator()
    for event in coded.events:
        record = json.loads(event.model_dump_json())
        errors = sorted(validator.iter_errors(record), key=str)
        assert not errors, (record, [e.message for e in errors])
        for part in (event.source, event.target, event.location, event.action.trigger):
            if part is not None:
                assert event.sentence_text[part.start:part.end] == part.text


@SETTINGS
@given(text=_texts("id"))
def test_coding_indonesian_text_never_raises_and_events_validate(coder, text):
    _check(_code(coder, text, "id"))


@SETTINGS
@given(text=_texts("en"))
def test_coding_english_text_never_raises_and_events_validate(coder, text):
    _check(_code(coder, text, "en"))


@settings(max_examples=max(EXAMPLES // 2, 10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(_news_like("id"), _news_like("en")))
def test_coding_with_language_detection_never_raises(coder, text):
    _check(_code(coder, text, None))


# --- RDF ------------------------------------------------------------------------------------


def _article_quads():
    rdf = pytest.importorskip("events.rdf")
    quads = getattr(rdf, "article_quads", None)
    if quads is None:
        pytest.skip("events.rdf has no article_quads")
    return quads


IRI_UNSAFE = st.text(alphabet=st.sampled_from(list("ab \"'<>{}|\\^`\n\t%#?/:😀שلو\u200f")),
                     min_size=1, max_size=12)


@settings(max_examples=max(EXAMPLES // 2, 10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=_news_like("id"), article_id=IRI_UNSAFE,
       title=st.one_of(st.none(), st.text(max_size=40)),
       source=st.one_of(st.none(), st.sampled_from(["Antara", "Kompas \"<b>\"", "😀 news\n",
                                                    "שלום"])))
def test_rdf_of_arbitrary_text_round_trips_through_nquads(coder, text, article_id, title, source):
    import pyoxigraph as ox

    article_quads = _article_quads()
    assume(text.strip())
    article = Article(id=article_id, text=text, date=dt.date(2022, 2, 24), lang="id",
                      title=title, source=source)
    coded = coder.code_article(article)
    quads = list(article_quads(coded.article, coded.events))
    assert quads
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert data.decode("utf-8").count("\n") == len(quads)  # one statement a line: no raw newlines
    back = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    assert set(back) == set(quads)


@settings(max_examples=EXAMPLES, deadline=None)
@given(text=st.text(max_size=60), language=st.sampled_from(["id", "en", "ID-id"]))
def test_ntriples_terms_are_written_as_pyoxigraph_writes_them(text, language):
    """The N-Quads writer builds lines as text: each literal form must be exactly pyoxigraph's."""
    import pyoxigraph as ox

    from events.rdf.ntriples import iri, literal, typed, with_language

    s, p = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    xsd_date = "http://www.w3.org/2001/XMLSchema#date"
    xsd_string = "http://www.w3.org/2001/XMLSchema#string"
    cases = [(literal(text), ox.Literal(text)),
             (with_language(text, language), ox.Literal(text, language=language)),
             (typed(text, iri(xsd_date)), ox.Literal(text, datatype=ox.NamedNode(xsd_date))),
             (typed(text, iri(xsd_string)), ox.Literal(text, datatype=ox.NamedNode(xsd_string)))]
    for term, obj in cases:
        expected = ox.serialize([ox.Triple(s, p, obj)], format=ox.RdfFormat.N_TRIPLES)
        assert f"{iri(s.value)} {iri(p.value)} {term} .\n".encode() == expected


@pytest.mark.parametrize("text, lang", [
    # a remembered surname with a non-ASCII letter made an invalid dictionary entry id (crash)
    ("Presiden Rusia Vladimir Pütin menyerang Ukraina. Pütin menyerang Ukraina.", "id"),
    ("PRESIDEN RUSIA P0000¹000.\"P0000¹000", "id"),
    ("Russian President Vladimir Pütin attacked Ukraine. Pütin attacked Ukraine.", "en"),
])
def test_found_by_hypothesis(coder, text, lang):
    _check(_code(coder, text, lang))
