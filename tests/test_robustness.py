"""A corpus with a planted mix of good and bad inputs: every good article is coded, every bad one is
rejected with its reason (and written to --rejects), the counts add up and the exit status is 1.
Also: bad --dict files stop the run with exit 2, and interrupted writes leave no partial files."""

from __future__ import annotations

import json
import os
import pathlib
import re

import pytest

import events.parallel as parallel
from events.atomic import open_output
from events.cli import main

GOOD_ID = "Rusia menyerang Ukraina pada Kamis dini hari."
GOOD_EN = "Russian forces attacked Ukraine on Thursday. Police arrested protesters in Jakarta."
DATE = "2022-02-24"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

#: The planted bad inputs: article id or file name -> a piece of the expected reason.
EXPECTED_REJECTS = {
    "news.jsonl:3": "malformed JSON",
    "no-text": "missing 'text'",
    "news.jsonl:5": "invalid UTF-8",
    "empty": "empty article text",
    "unknown-lang": "unsupported language 'xx'",
    "bad-date": "not an ISO date",
    "huge": "article too long",
    "binary.txt": "binary file",
    "locked.txt": "cannot read file",
}
GOOD_IDS = {"good-1", "good-2", "good-en", "seedlike", "good-3"}


def _line(**fields) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """The planted corpus directory. The unreadable file is chmod 000 for a normal user; as root
    (who can read anything) reading it is made to fail with the same EACCES error."""
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "news.jsonl").write_bytes(b"".join([
        _line(id="good-1", text=GOOD_ID, date=DATE, lang="id"),                   # 1
        _line(id="good-2", text=GOOD_ID + " Polisi menangkap demonstran.", date=DATE),  # 2
        b'{"id": "broken", "text": "Rusia menyerang\n',                          # 3 malformed
        _line(id="no-text", date=DATE, lang="id"),                                # 4
        b'{"id": "latin1", "text": "Menteri \xe9 berkata"}\n',                    # 5 bad UTF-8
        _line(id="empty", text="   \n  ", date=DATE),                             # 6
        _line(id="unknown-lang", text=GOOD_ID, date=DATE, lang="xx"),             # 7
        _line(id="bad-date", text=GOOD_ID, date="24/02/2022", lang="id"),         # 8
        _line(id="good-en", text=GOOD_EN, date=DATE, lang="en"),                  # 9
    ]))
    (root / "seedlike.txt").write_text(GOOD_ID + "\n\nPolisi menangkap demonstran di Jakarta.\n")
    (root / "seedlike.meta.json").write_text(json.dumps({"date": DATE, "lang": "id"}))
    big = ("Rusia menyerang Ukraina pada Kamis dini hari. " * 230_000)[:10 * 1024 * 1024]
    (root / "huge.txt").write_text(big)
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (root / "zz.jsonl").write_bytes(_line(id="good-3", text=GOOD_ID, date=DATE, lang="id"))
    locked = root / "locked.txt"
    locked.write_text(GOOD_ID)
    if IS_ROOT:
        real = pathlib.Path.read_bytes

        def read_bytes(self):
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    else:
        locked.chmod(0)
    yield root
    locked.chmod(0o644)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_planted_corpus_every_input_coded_or_rejected(corpus, tmp_path, capsys, monkeypatch, jobs):
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 2)  # several chunks: the pool really runs
    out = tmp_path / "events.jsonl"
    rejects = tmp_path / "rejects.jsonl"
    code = main(["extract", str(corpus), "--date", DATE, "--jobs", jobs, "-o", str(out),
                 "--rejects", str(rejects)])
    err = capsys.readouterr().err
    assert code == 1

    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert {e["article_id"] for e in events} == GOOD_IDS
    assert all(e["date"] == DATE for e in events)

    rejected = [json.loads(line) for line in rejects.read_text().splitlines()]
    found = {}
    for r in rejected:
        name = pathlib.Path(r["path"]).name
        key = (r["article_id"] if r["article_id"] in EXPECTED_REJECTS
               else f"{name}:{r['line']}" if r["line"] else name)
        if key == "huge" or name == "huge.txt":
            key = "huge"
        found[key] = r["reason"]
    assert set(found) == set(EXPECTED_REJECTS), rejected
    for key, reason in EXPECTED_REJECTS.items():
        assert reason in found[key], (key, found[key])
    assert "10,485,760 characters" in found["huge"] and "--max-chars" in found["huge"]

    # the summary line: read == coded + rejected, and they are the planted numbers
    summary = re.search(r"articles read: (\d+), coded: (\d+), rejected: (\d+); sentences: (\d+); "
                        r"events: (\d+)", err)
    assert summary, err
    read, coded, rejected_count, _, event_count = map(int, summary.groups())
    assert (read, coded, rejected_count) == (len(GOOD_IDS) + len(EXPECTED_REJECTS),
                                             len(GOOD_IDS), len(EXPECTED_REJECTS))
    assert event_count == len(events)
    # each reject is also reported on stderr with where it was
    assert err.count("events: rejected ") == len(EXPECTED_REJECTS)
    assert "news.jsonl:3: malformed JSON" in err


def test_long_article_coded_under_the_limit_rejected_over_it(tmp_path, capsys):
    # paragraphs of a few sentences, as news is written (one 1,000,000-character paragraph makes
    # the sentence splitter quadratic: see docs/scale.md)
    text = "\n".join([GOOD_ID + " Polisi menangkap demonstran di Jakarta."] * 600)  # ~52,000 chars
    path = tmp_path / "long.jsonl"
    path.write_bytes(_line(id="long", text=text, date=DATE, lang="id"))
    code = main(["extract", str(path), "-j", "1", "--max-chars", "60000", "-o",
                 str(tmp_path / "out.jsonl")])
    assert code == 0
    assert "articles read: 1, coded: 1, rejected: 0; sentences: 1200" in capsys.readouterr().err
    code = main(["extract", str(path), "-j", "1", "--max-chars", "50000", "-o",
                 str(tmp_path / "out.jsonl")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"article too long: {len(text):,} characters (limit 50,000; see --max-chars)" in err


def test_strict_stops_at_the_first_reject_and_writes_nothing(corpus, tmp_path, capsys):
    out = tmp_path / "events.jsonl"
    code = main(["extract", str(corpus), "--date", DATE, "--strict", "-j", "2", "-o", str(out)])
    assert code == 2
    assert "stopped at the first rejected input" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def test_bad_dictionary_entry_names_file_and_line_exit_2(tmp_path, capsys):
    bad = tmp_path / "mine.yaml"
    bad.write_text("type: actors\nentries:\n  - id: ok.one\n    code: RUS\n    kind: country\n"
                   "    names: [Rusia]\n  - id: BAD ID\n    code: rus\n    kind: country\n"
                   "    names: [Zorg]\n")
    article = tmp_path / "a.jsonl"
    article.write_bytes(_line(id="a", text=GOOD_ID, date=DATE, lang="id"))
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(article), "--dict", str(bad), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert re.search(r"events: error: .*mine\.yaml:7\b", err), err
    assert not out.exists()


def test_missing_dictionary_file_exit_2(tmp_path, capsys):
    article = tmp_path / "a.jsonl"
    article.write_bytes(_line(id="a", text=GOOD_ID, date=DATE, lang="id"))
    code = main(["extract", str(article), "--dict", str(tmp_path / "nope.yaml")])
    err = capsys.readouterr().err
    assert code == 2 and "nope.yaml" in err


# --- interrupted writes ------------------------------------------------------------------------


def test_open_output_interrupted_leaves_no_target_and_no_part(tmp_path):
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        with open_output(str(target)) as handle:
            handle.write(b'{"half": ')
            raise RuntimeError("writer failed midway")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_open_output_interrupted_keeps_the_previous_file(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old complete content\n")
    with pytest.raises(KeyboardInterrupt):
        with open_output(str(target)) as handle:
            handle.write(b"new partial")
            raise KeyboardInterrupt
    assert target.read_bytes() == b"old complete content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_writer_failing_midway_leaves_no_files(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 2)
    corpus = tmp_path / "in.jsonl"
    corpus.write_bytes(b"".join(_line(id=f"a{i}", text=GOOD_ID, date=DATE, lang="id")
                                for i in range(10)))
    calls = []

    class FailingWriter(parallel.ArticleWriter):
        def __call__(self, result):
            calls.append(result)
            if len(calls) == 4:
                raise OSError(28, "No space left on device")
            super().__call__(result)

    monkeypatch.setattr(parallel, "ArticleWriter", FailingWriter)
    outdir = tmp_path / "out"
    with pytest.raises(OSError, match="No space left"):
        main(["extract", str(corpus), "-j", jobs, "-o", str(outdir / "events.jsonl"),
              "--rejects", str(outdir / "rejects.jsonl")])
    assert list(outdir.iterdir()) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_engine_crash_on_one_article_rejects_it_and_the_run_goes_on(tmp_path, capsys, monkeypatch,
                                                                   jobs):
    import multiprocessing

    from events.coder import Coder

    if jobs == "2" and multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched coder reaches worker processes only when they are forked")
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 2)
    real = Coder.code_article

    def crashing(self, article, *args, **kwargs):
        if article.id == "a3":
            raise IndexError("list index out of range")
        return real(self, article, *args, **kwargs)

    monkeypatch.setattr(Coder, "code_article", crashing)
    corpus = tmp_path / "in.jsonl"
    corpus.write_bytes(b"".join(_line(id=f"a{i}", text=GOOD_ID, date=DATE, lang="id")
                                for i in range(8)))
    rejects = tmp_path / "rejects.jsonl"
    code = main(["extract", str(corpus), "-j", jobs, "-o", str(tmp_path / "out.jsonl"),
                 "--rejects", str(rejects)])
    err = capsys.readouterr().err
    assert code == 1
    assert "articles read: 8, coded: 7, rejected: 1" in err
    [reject] = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert reject["article_id"] == "a3"
    assert reject["reason"].startswith("internal error while coding")
    assert "IndexError: list index out of range" in reject["reason"]
