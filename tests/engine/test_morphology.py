"""Stems, word classes and verb forms: Sastrawi with the project's overrides, lemminflect."""

from __future__ import annotations

import pytest

from events.engine.tokens import tokenize
from events.lang import en, id as indonesian, load_words


@pytest.fixture(scope="module")
def id_morph():
    return indonesian.Morphology(load_words("id"))


@pytest.fixture(scope="module")
def en_morph():
    return en.Morphology(load_words("en"))


@pytest.mark.parametrize("word, root", [
    ("menandatangani", "tandatangan"), ("memerangi", "perang"), ("mengunjungi", "kunjung"),
    ("membantah", "bantah"), ("menyetujui", "setuju"), ("menyepakati", "sepakat"),
    ("menyerang", "serang"), ("diserang", "serang"), ("mengusir", "usir"),
])
def test_morphology_indonesian_roots_with_overrides(id_morph, word, root):
    assert id_morph.normalise(word) == root


@pytest.mark.parametrize("word, cls", [
    ("menyerang", "verb"), ("diserang", "verb"), ("serangan", "noun"), ("penyerangan", "noun"),
    ("bentrokan", "noun"), ("tewas", "bare"), ("bertemu", "verb"),
])
def test_morphology_indonesian_word_classes(id_morph, word, cls):
    assert id_morph.word_class_of(word, id_morph.normalise(word)) == cls


def test_morphology_indonesian_passive_and_forms(id_morph):
    tokens = tokenize("Irak diserang Iran tersebut")
    id_morph.annotate(tokens)
    assert tokens[1].passive and not tokens[0].passive
    assert tokens[3].suffix.startswith("ter")


@pytest.mark.parametrize("word, lemma", [
    ("said", "say"), ("met", "meet"), ("arrested", "arrest"), ("struck", "strike"),
    ("sanctions", "sanction"), ("shot", "shoot"), ("airstrikes", "airstrike"),
    ("test-fired", "test-fire"),
])
def test_morphology_english_lemmas(en_morph, word, lemma):
    assert en_morph.normalise(word) == lemma


def test_morphology_english_noun_use_and_passive(en_morph):
    tokens = tokenize("the attack was condemned after a car bomb")
    en_morph.annotate(tokens)
    by_text = {t.text: t for t in tokens}
    assert by_text["attack"].cls == "noun"
    assert by_text["condemned"].passive
    assert by_text["bomb"].cls == "noun"
