"""The CAMEO codebook data: complete, consistent, and faithful to the public reference tables."""

from __future__ import annotations

import csv

import pytest

from events.codebook import default_codebook, quad_class

from .conftest import SHARED

REFERENCE = SHARED / "reference"


def test_codebook_every_code_has_names_quadclass_goldstein_and_plover():
    book = default_codebook()
    assert len(book.events) >= 300
    for code in book.events.values():
        assert code.name_en.strip() and code.name_id.strip(), code.code
        assert code.quad_class in (1, 2, 3, 4)
        assert -10 <= code.goldstein <= 10
        assert code.plover


@pytest.mark.parametrize("root, goldstein", [("01", 0.0), ("04", 1.0), ("11", -2.0), ("19", -10.0)])
def test_codebook_root_goldstein_follows_gdelt(root, goldstein):
    assert default_codebook().event(root).goldstein == goldstein


@pytest.mark.parametrize("root, quad", [("01", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3),
                                        ("14", 3), ("15", 4), ("20", 4)])
def test_codebook_quadclass_by_root(root, quad):
    assert quad_class(root) == quad
    assert default_codebook().event(root).quad_class == quad


def test_codebook_parents_and_roots_are_consistent():
    book = default_codebook()
    for code in book.events.values():
        if code.parent:
            assert code.parent in book.events
        assert code.root == code.code[:2]


def test_codebook_fight_is_plover_fight_and_codes_keep_leading_zeros():
    book = default_codebook()
    assert book.event("19").plover == "FIGHT"
    assert "0211" in book.events and "010" in book.events


@pytest.mark.skipif(not (REFERENCE / "cameo-codes.csv").exists(), reason="shared/ not beside repo")
def test_codebook_matches_reference_codes_names_and_gdelt_goldstein():
    book = default_codebook()
    with open(REFERENCE / "cameo-codes.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["code"] for r in rows} == set(book.events)
    gdelt = {}
    for line in (REFERENCE / "CAMEO.goldsteinscale.txt").read_text().splitlines()[1:]:
        if line.strip():
            code, value = line.split("\t")
            gdelt[code.strip()] = float(value)
    for row in rows:
        entry = book.event(row["code"])
        assert entry.name_en.lower() == row["name"].strip().lower()
        expected = gdelt.get(row["code"], float(row["goldstein"]))
        assert entry.goldstein == expected, row["code"]


def test_codebook_search_by_code_prefix_and_by_name():
    book = default_codebook()
    assert [c.code for c in book.search("19")][0] == "19"
    assert all(c.code.startswith("19") for c in book.search("19"))
    assert any(c.code == "14" for c in book.search("protest"))


def test_actor_code_split_into_country_and_agents():
    book = default_codebook()
    assert book.split_actor_code("RUSGOV") == ("RUS", ("GOV",))
    assert book.split_actor_code("IGOUNO") == (None, ("IGO", "UNO"))
    assert book.split_actor_code("COP") == (None, ("COP",))
    with pytest.raises(ValueError, match="unknown component"):
        book.split_actor_code("RUSXQZ")
