"""The compiled-dictionary cache: hits give the same lexicon, changed inputs miss, off means off."""

from __future__ import annotations

from events.cache import cached, fingerprint
from events.coder import build_language_pack
from events.codebook import default_codebook


def test_cache_roundtrip_and_fingerprint_changes_with_content(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTS_CACHE_DIR", str(tmp_path / "cache"))
    calls = []

    def build():
        calls.append(1)
        return {"value": 42}

    assert cached("k1", build) == {"value": 42}
    assert cached("k1", build) == {"value": 42}
    assert len(calls) == 1
    source = tmp_path / "dict.yaml"
    source.write_text("a")
    first = fingerprint("id", [source])
    source.write_text("b")
    assert fingerprint("id", [source]) != first


def test_cache_disabled_builds_every_time(monkeypatch):
    monkeypatch.setenv("EVENTS_CACHE_DIR", "off")
    calls = []
    cached("k2", lambda: calls.append(1))
    cached("k2", lambda: calls.append(1))
    assert len(calls) == 2


def test_cache_language_pack_from_cache_equals_fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTS_CACHE_DIR", str(tmp_path / "c"))
    first = build_language_pack("en", default_codebook())
    again = build_language_pack("en", default_codebook())  # loaded from the pickle
    assert list(tmp_path.joinpath("c").glob("lexicon-*.pickle"))
    assert again.lexicon.verb_count == first.lexicon.verb_count
    assert set(again.lexicon.verbs) == set(first.lexicon.verbs)


def test_cache_keeps_only_the_newest_entries_of_a_kind(tmp_path, monkeypatch):
    import os

    from events.cache import KEEP

    directory = tmp_path / "cache"
    monkeypatch.setenv("EVENTS_CACHE_DIR", str(directory))
    for n in range(KEEP + 3):
        cached(f"lexicon-{n:04d}", lambda n=n: n)
        os.utime(directory / f"lexicon-{n:04d}.pickle", (1000 + n, 1000 + n))
    cached("other-1", lambda: "x")  # another kind is left alone
    stale = directory / "tmpabc.part"
    stale.write_bytes(b"half a pickle")
    os.utime(stale, (0, 0))
    cached(f"lexicon-{KEEP + 3:04d}", lambda: "newest")
    left = sorted(p.name for p in directory.glob("lexicon-*.pickle"))
    assert left == [f"lexicon-{n:04d}.pickle" for n in range(4, KEEP + 4)]
    assert (directory / "other-1.pickle").exists()
    assert not stale.exists()
