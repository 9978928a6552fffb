"""Date resolution against the publication date: every case the engine promises."""

from __future__ import annotations

import datetime as dt

import pytest

from events.engine.dates import DateResolver
from events.lang import load_words

WED = dt.date(2017, 12, 27)  # a Wednesday

ID_TABLE = [
    ("dalam sebuah pernyataan Rabu.", WED, "2017-12-27", "day"),
    ("Senin lalu polisi datang.", WED, "2017-12-25", "day"),
    ("Rabu lalu polisi datang.", WED, "2017-12-20", "day"),
    ("Baru tiga minggu yang lalu pada tanggal 5 Desember, koalisi", WED, "2017-12-05", "day"),
    ("tiga minggu yang lalu koalisi", WED, "2017-12-06", "day"),
    ("dua hari lalu", WED, "2017-12-25", "day"),
    ("kemarin polisi menangkap", WED, "2017-12-26", "day"),
    ("pekan lalu", WED, "2017-12-20", "day"),
    ("Polisi menangkap seorang tersangka, Minggu (5/8).", dt.date(2018, 8, 6), "2018-08-05", "day"),
    ("Selasa (14/5) siang", dt.date(2019, 5, 15), "2019-05-14", "day"),
    ("pada 12 Maret lalu", WED, "2017-03-12", "day"),
    ("pada 29 Desember", WED, "2016-12-29", "day"),
    ("Sebelumnya pada bulan Desember, menteri", WED, "2017-12-01", "month"),
    ("tahun lalu", WED, "2016-01-01", "year"),
    ("Mei Ling datang pukul 10.00 WIB di Jakarta", WED, "2017-12-27", "day"),
    ("pada tanggal 05/12/2017", WED, "2017-12-05", "day"),
]
EN_TABLE = [
    ("on Thursday", dt.date(2020, 1, 3), "2020-01-02", "day"),
    ("yesterday", dt.date(2020, 1, 3), "2020-01-02", "day"),
    ("last week", dt.date(2020, 1, 3), "2019-12-27", "day"),
    ("three weeks ago", dt.date(2020, 1, 3), "2019-12-13", "day"),
    ("on Dec. 5", dt.date(2020, 1, 3), "2019-12-05", "day"),
    ("on December 5, 2016", dt.date(2020, 1, 3), "2016-12-05", "day"),
    ("last Friday", dt.date(2020, 1, 3), "2019-12-27", "day"),
    ("in March", dt.date(2020, 1, 3), "2019-03-01", "month"),
    ("They may go.", dt.date(2020, 1, 3), "2020-01-03", "day"),
]


@pytest.mark.parametrize("text, base, expected, precision", ID_TABLE)
def test_dates_indonesian(text, base, expected, precision):
    found = DateResolver(load_words("id")).resolve(text, base)
    assert (found.date.isoformat(), found.precision) == (expected, precision)


@pytest.mark.parametrize("text, base, expected, precision", EN_TABLE)
def test_dates_english(text, base, expected, precision):
    found = DateResolver(load_words("en")).resolve(text, base)
    assert (found.date.isoformat(), found.precision) == (expected, precision)


def test_dates_no_expression_falls_back_to_publication_and_says_so():
    found = DateResolver(load_words("id")).resolve("Polisi menangkap pencuri.", WED)
    assert found.date == WED and found.text is None and not found.from_text


@pytest.mark.parametrize("text, lang, expected", [
    ("pada Senin pekan lalu", "id", "2024-03-18"),
    ("Kamis pekan lalu", "id", "2024-03-21"),
    ("tadi malam", "id", "2024-03-26"),
    ("on Monday last week", "en", "2024-03-18"),
])
def test_dates_weekday_of_last_week_and_last_night(text, lang, expected):
    wednesday = dt.date(2024, 3, 27)
    assert DateResolver(load_words(lang)).resolve(text, wednesday).date.isoformat() == expected
