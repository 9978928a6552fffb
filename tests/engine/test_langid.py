"""Language of articles without one: Indonesian and English are coded, Malay is rejected."""

from __future__ import annotations

import pytest

from events.coder import ArticleRejected
from events.models import Article


@pytest.mark.parametrize("text, lang", [
    ("Presiden Joko Widodo bertemu Perdana Menteri Australia di Canberra pada hari Senin.", "id"),
    ("Kepolisian menangkap tiga tersangka pengeboman gereja di Surabaya kemarin.", "id"),
    ("The United States imposed new sanctions on Russia on Tuesday.", "en"),
    # short Indonesian sentences score a little higher as Malay: still Indonesian
    ("Israel menyerang Gaza.", "id"),
    ("Serangan udara Israel menghantam Gaza pada Selasa.", "id"),
])
def test_langid_detects_supported_languages(coder, text, lang):
    assert coder.language_of(Article(text=text, date="2020-01-01")) == lang


@pytest.mark.parametrize("text", [
    "Kerajaan Malaysia akan mengumumkan pakej rangsangan ekonomi baharu minggu hadapan bagi "
    "membantu perniagaan kecil dan sederhana yang terjejas teruk.",
    "Perdana Menteri berkata kerajaan tidak akan berkompromi.",
])
def test_langid_malay_is_rejected_with_hint(coder, text):
    with pytest.raises(ArticleRejected, match="unsupported language 'ms'.*--lang"):
        coder.language_of(Article(text=text, date="2020-01-01"))


def test_langid_given_language_is_trusted(coder):
    article = Article(text="The army attacked.", date="2020-01-01", lang="id")
    assert coder.language_of(article) == "id"
