"""Sentence splitting: a golden table of cases per language."""

from __future__ import annotations

import pytest

from events.engine.segment import split_sentences
from events.lang import load_words

ID_CASES = [
    ("Jend. Sudirman tiba di Jl. Thamrin No. 5 pk. 10.00 WIB. Dia pergi.",
     ["Jend. Sudirman tiba di Jl. Thamrin No. 5 pk. 10.00 WIB.", "Dia pergi."]),
    ("Harga Rp 1.500.000,00 naik. Polisi datang.", ["Harga Rp 1.500.000,00 naik.", "Polisi datang."]),
    ("Ada 3.000 pejuang, dll. di sana. Mereka pergi.",
     ["Ada 3.000 pejuang, dll. di sana.", "Mereka pergi."]),
    ("Prof. Dr. Budi dan Kombes Pol. Ahmad hadir. Acara selesai.",
     ["Prof. Dr. Budi dan Kombes Pol. Ahmad hadir.", "Acara selesai."]),
    ('"Kami siap," kata Gedney. "Ini bukan saatnya."',
     ['"Kami siap," kata Gedney.', '"Ini bukan saatnya."']),
    ('kepada wartawan."Kami dapat bekerja," katanya.',
     ['kepada wartawan.', '"Kami dapat bekerja," katanya.']),
    ("teroris ISIS [Daesh] di area itu. Lalu pergi.",
     ["teroris ISIS [Daesh] di area itu.", "Lalu pergi."]),
    ("Paragraf satu tanpa titik\nParagraf dua.", ["Paragraf satu tanpa titik", "Paragraf dua."]),
]
EN_CASES = [
    ("The U.S. Army said on Monday it would leave. Troops left.",
     ["The U.S. Army said on Monday it would leave.", "Troops left."]),
    ("Mr. Smith met Gen. Jones in Washington. Jr. staff waited.",
     ["Mr. Smith met Gen. Jones in Washington.", "Jr. staff waited."]),
    ('"We will respond," he said. "Soon."', ['"We will respond," he said.', '"Soon."']),
    ("It cost 3.5 billion dollars. Officials agreed!", ["It cost 3.5 billion dollars.",
                                                         "Officials agreed!"]),
]


@pytest.mark.parametrize("text, expected", ID_CASES)
def test_segment_indonesian(text, expected):
    assert [s.text for s in split_sentences(text, load_words("id")).sentences] == expected


@pytest.mark.parametrize("text, expected", EN_CASES)
def test_segment_english(text, expected):
    assert [s.text for s in split_sentences(text, load_words("en")).sentences] == expected


def test_segment_source_line_is_metadata_not_sentence():
    result = split_sentences("Rusia menyerang Ukraina.\nSumber: Sputnik", load_words("id"))
    assert [s.text for s in result.sentences] == ["Rusia menyerang Ukraina."]
    assert result.metadata == {"source": "Sputnik"}


def test_segment_offsets_point_into_the_article():
    text = "Satu dua.  Tiga empat.\n\nLima."
    for sentence in split_sentences(text, load_words("id")).sentences:
        assert text[sentence.start:sentence.end] == sentence.text


def test_segment_long_paragraph_splits_every_sentence():
    text = " ".join(["Rusia menyerang Ukraina pada Kamis dini hari."] * 2000)
    sentences = split_sentences(text, load_words("id")).sentences
    assert len(sentences) == 2000
    assert all(s.text == "Rusia menyerang Ukraina pada Kamis dini hari." for s in sentences)


def test_segment_run_on_text_is_cut_into_bounded_sentences():
    text = "kata " * 3000  # 15,000 characters and no full stop
    sentences = split_sentences(text, load_words("id")).sentences
    assert all(len(s.text) <= 2000 for s in sentences)
    assert "".join(s.text + " " for s in sentences).split() == text.split()
