"""`events extract` input forms: .txt file, .jsonl, directory, standard input; bad input accounted."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from events.cli import main

from .conftest import ROOT, SEEDS

ARTICLE = "Rusia menyerang Ukraina pada Kamis dini hari."


def _events(capsys, argv) -> tuple[int, list[dict], str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines() if line], captured.err


def test_cli_extract_txt_file_uses_sidecar_metadata(capsys):
    code, events, err = _events(capsys, ["extract", str(SEEDS / "000_11cba83666f04b4f.txt")])
    assert code == 0
    assert events and all(e["article_id"] == "000_11cba83666f04b4f" for e in events)
    assert "articles read: 1, coded: 1, rejected: 0" in err


def test_cli_extract_jsonl_file(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": ARTICLE, "date": "2022-02-24", "lang": "id"})
                    + "\n")
    code, events, _ = _events(capsys, ["extract", str(path)])
    assert code == 0
    assert [(e["article_id"], e["source"]["code"], e["action"]["root"], e["date"])
            for e in events] == [("a1", "RUS", "19", "2022-02-24")]


def test_cli_extract_directory_reads_txt_and_jsonl(tmp_path, capsys):
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.jsonl").write_text(json.dumps({"id": "b", "text": ARTICLE}) + "\n")
    code, events, err = _events(capsys, ["extract", str(tmp_path), "--date", "2022-02-24",
                                         "--lang", "id"])
    assert code == 0
    assert {e["article_id"] for e in events} == {"one", "b"}
    assert "articles read: 2, coded: 2" in err


def test_cli_extract_stdin_text_and_output_file(tmp_path):
    out = tmp_path / "events.jsonl"
    proc = subprocess.run([sys.executable, "-m", "events", "extract", "-", "--date", "2022-02-24",
                           "--lang", "id", "-o", str(out)], input=ARTICLE.encode(), cwd=ROOT,
                          capture_output=True, check=True)
    assert proc.stdout == b""
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert events[0]["article_id"] == "stdin" and events[0]["target"]["code"] == "UKR"
    assert not list(tmp_path.glob("*.part"))


def test_cli_extract_stdin_jsonl():
    record = {"id": "s1", "text": ARTICLE, "date": "2022-02-24", "lang": "id"}
    proc = subprocess.run([sys.executable, "-m", "events", "extract", "-"], cwd=ROOT,
                          input=(json.dumps(record) + "\n").encode(), capture_output=True,
                          check=True)
    assert json.loads(proc.stdout.splitlines()[0])["article_id"] == "s1"


def test_cli_extract_json_array_format(capsys):
    assert main(["extract", str(SEEDS), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and data


def test_cli_extract_bad_lines_are_rejected_with_file_and_line(tmp_path, capsys):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "good", "text": ARTICLE, "date": "2022-02-24", "lang": "id"}),
        "{not json",
        json.dumps({"id": "notext", "date": "2022-02-24"}),
        json.dumps({"id": "baddate", "text": ARTICLE, "date": "24/02/2022"}),
    ]) + "\n")
    rejects = tmp_path / "rejects.jsonl"
    code, events, err = _events(capsys, ["extract", str(path), "--rejects", str(rejects)])
    assert code == 1
    assert {e["article_id"] for e in events} == {"good"}
    assert f"{path}:2: malformed JSON" in err
    assert f"{path}:3: missing 'text'" in err
    assert "articles read: 4, coded: 1, rejected: 3" in err
    lines = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [r["line"] for r in lines] == [2, 3, 4]


def test_cli_extract_missing_date_is_rejected_with_hint(tmp_path, capsys):
    (tmp_path / "nodate.txt").write_text(ARTICLE)
    code, events, err = _events(capsys, ["extract", str(tmp_path / "nodate.txt"), "--lang", "id"])
    assert code == 1 and not events
    assert "no publication date" in err and "--date" in err


@pytest.mark.parametrize("query, expected", [("19", "195"), ("protest", "14"),
                                             ("menangkap", "173")])
def test_cli_codes_lookup(capsys, query, expected):
    code = main(["codes", query])
    codes = [line.split()[0] for line in capsys.readouterr().out.splitlines()[1:]]
    assert code == 0 and expected in codes
    assert query.isalpha() or all(c.startswith(query) for c in codes)


def test_cli_codes_unknown_query_fails(capsys):
    assert main(["codes", "zzzz-no-such"]) == 1


def test_cli_every_command_has_help(capsys):
    from events.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():
        assert command.description, name
        with pytest.raises(SystemExit) as info:
            main([name, "--help"])
        assert info.value.code == 0
