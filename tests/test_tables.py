"""Research-database tables: CSV/TSV, Phoenix and ICEWS layouts, and the one-a-day filter.

Golden files (``tests/test_tables/``) hold the seed article's events in each layout. They are built
from a frozen copy of the coder's output for the seed article (``seed_events.jsonl``), so that they
change only when a layout changes, not whenever a dictionary grows; regenerate that copy with
``events extract seeds/ > tests/test_tables/seed_events.jsonl`` and the goldens with
``pytest tests/test_tables.py --force-regen``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from events.cli import main
from events.inputs import read_inputs
from events.models import Article, Event
from events.tables.layouts import CSV_COLUMNS, ICEWS_COLUMNS, LAYOUTS, PHOENIX_COLUMNS
from events.tables.oneaday import OneADayWriter, dedup_key, one_a_day_writer
from events.writers import WRITERS, writer_for

from .conftest import SEEDS

HERE = Path(__file__).resolve().parent
SEED_EVENTS = HERE / "test_tables" / "seed_events.jsonl"
TABLES = ("csv", "tsv", "phoenix", "icews")


# --- fixtures and builders -------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_article() -> Article:
    (article,) = list(read_inputs([str(SEEDS)]))
    assert isinstance(article, Article)
    return article


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    return [Event.model_validate_json(line) for line in SEED_EVENTS.read_text("utf-8").splitlines()]


def article(aid: str = "a1", **extra) -> Article:
    fields = {"id": aid, "text": "(text)", "date": "2022-02-24", "lang": "id", "source": "Antara",
              "url": f"https://example.org/{aid}", "title": "Judul", **extra}
    return Article.model_validate(fields)


def span(sentence: str, text: str, **extra) -> dict:
    start = sentence.index(text)
    return {"text": text, "start": start, "end": start + len(text), **extra}


def event(sentence: str = "Polisi Indonesia menangkap demonstran mahasiswa di Jayapura.",
          source: tuple[str, str] | None = ("Polisi Indonesia", "IDNCOP"),
          target: tuple[str, str] | None = ("demonstran mahasiswa", "EDU"),
          code: str = "173", trigger: str = "menangkap", where: tuple[str, str] | None = None,
          aid: str = "a1", index: int = 0, date: str = "2022-02-24", **extra) -> Event:
    return Event.model_validate({
        "article_id": aid, "sentence_index": index, "sentence_start": 0, "sentence_text": sentence,
        "language": "id", "date": date, "date_precision": "day",
        "source": span(sentence, source[0], code=source[1]) if source else None,
        "target": span(sentence, target[0], code=target[1]) if target else None,
        "action": {"code": code, "trigger": span(sentence, trigger)},
        "location": span(sentence, where[0], country=where[1]) if where else None,
        "rules": ["test.rule-a", "test.rule-b"], **extra})


def write(fmt: str, items: list[tuple[Article, list[Event]]], one_a_day: bool = False) -> str:
    stream = io.BytesIO()
    spec = WRITERS[fmt]
    writer = one_a_day_writer(spec, stream) if one_a_day else spec.create(stream)
    for art, events in items:
        writer.write_article(art, events)
    writer.close()
    return stream.getvalue().decode("utf-8")


def rows(fmt: str, text: str) -> list[dict[str, str]]:
    layout = LAYOUTS[fmt]
    if layout.delimiter == ",":
        return list(csv.DictReader(io.StringIO(text)))
    lines = text.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    if layout.header:
        assert lines[0].split("\t") == list(layout.columns)
        lines = lines[1:]
    return [dict(zip(layout.columns, line.split("\t"), strict=True)) for line in lines]


# --- golden files ----------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", TABLES)
def test_seed_article_golden(fmt, seed_article, seed_events, file_regression):
    text = write(fmt, [(seed_article, seed_events)])
    file_regression.check(text, basename=f"seed_{fmt}", extension=f".{fmt}", newline="\n",
                          encoding="utf-8")


@pytest.mark.parametrize("fmt", TABLES)
def test_live_seed_output_fits_every_layout(fmt, coder, seed_article):
    coded = coder.code_article(seed_article)
    table = rows(fmt, write(fmt, [(seed_article, coded.events)]))
    assert len(table) == len(coded.events)


# --- layouts ---------------------------------------------------------------------------------
def test_column_counts_match_the_documented_layouts():
    assert len(PHOENIX_COLUMNS) == 26 and not LAYOUTS["phoenix"].header
    assert len(ICEWS_COLUMNS) == 20 and LAYOUTS["icews"].header
    assert LAYOUTS["csv"].columns == LAYOUTS["tsv"].columns == CSV_COLUMNS
    docs = (HERE.parent / "docs" / "tables.md").read_text("utf-8")
    for column in {*CSV_COLUMNS, *PHOENIX_COLUMNS, *ICEWS_COLUMNS}:
        assert f"`{column}`" in docs, f"column {column} is not documented"


def test_csv_splits_actor_codes_and_keeps_metadata():
    ev = event(where=("Jayapura", "IDN"))
    (row,) = rows("csv", write("csv", [(article(), [ev])]))
    assert row["event_id"] == ev.id and row["article_id"] == "a1"
    source = (row["source_code"], row["source_country"], row["source_agents"])
    assert source == ("IDNCOP", "IDN", "COP")
    assert (row["target_code"], row["target_country"], row["target_agents"]) == ("EDU", "", "EDU")
    assert (row["event_code"], row["event_root"], row["quad_class"]) == ("173", "17", "4")
    assert float(row["goldstein"]) == ev.action.goldstein and row["plover"] == ev.action.plover
    assert row["sentence_text"] == ev.sentence_text and row["trigger_text"] == "menangkap"
    assert (row["location_text"], row["location_country"]) == ("Jayapura", "IDN")
    assert row["negated"] == "false" and row["rules"] == "test.rule-a;test.rule-b"
    assert (row["article_source"], row["article_url"], row["article_title"]) == (
        "Antara", "https://example.org/a1", "Judul")
    assert (row["report_count"], row["report_article_ids"]) == ("1", "a1")


def test_csv_quotes_and_tsv_scrubs_awkward_text():
    sentence = 'Polisi "Indonesia",\tmenangkap\ndemonstran mahasiswa.'
    ev = event(sentence, source=('Polisi "Indonesia"', "IDNCOP"))
    (row,) = rows("csv", write("csv", [(article(), [ev])]))
    assert row["sentence_text"] == sentence  # exact text survives CSV quoting
    for fmt in ("tsv", "phoenix", "icews"):
        text = write(fmt, [(article(), [ev])])
        assert len(rows(fmt, text)) == 1  # no tab or line break leaks out of a cell
    (row,) = rows("tsv", write("tsv", [(article(), [ev])]))
    assert row["sentence_text"] == 'Polisi "Indonesia", menangkap demonstran mahasiswa.'


def test_phoenix_row():
    sentence = "Pasukan Rusia menyerang kelompok ISIS di Suriah."
    ev = event(sentence, source=("Pasukan Rusia", "RUSMIL"), target=("kelompok ISIS", "IMGISI"),
               code="190", trigger="menyerang", where=("Suriah", "SYR"), index=4, date="2017-12-05",
               aid="x9")
    (row,) = rows("phoenix", write("phoenix", [(article("x9"), [ev])]))
    assert row["EventID"] == ev.id
    assert (row["Date"], row["Year"], row["Month"], row["Day"]) == ("20171205", "2017", "12", "5")
    assert [row[f"SourceActor{p}"] for p in ("Full", "Entity", "Role", "Attribute")] == [
        "RUSMIL", "RUS", "MIL", ""]
    assert [row[f"TargetActor{p}"] for p in ("Full", "Entity", "Role", "Attribute")] == [
        "IMGISI", "IMG", "", "ISI"]
    assert (row["EventCode"], row["EventRootCode"], row["QuadClass"]) == ("190", "19", "4")
    assert float(row["GoldsteinScore"]) == -10.0
    assert (row["LocationName"], row["CountryCode"], row["Lat"]) == ("Suriah", "SYR", "")
    assert row["SentenceID"] == "x9_5"
    assert (row["URLs"], row["NewsSources"]) == ("https://example.org/x9", "Antara")


def test_phoenix_roles_and_attributes_split_agents_from_identity_codes():
    ev = event("Pemberontak Kurdi menyerang.", source=("Pemberontak Kurdi", "KURREB"),
               target=None, code="190", trigger="menyerang")
    (row,) = rows("phoenix", write("phoenix", [(article(), [ev])]))
    assert [row[f"SourceActor{p}"] for p in ("Full", "Entity", "Role", "Attribute")] == [
        "KURREB", "KUR", "REB", ""]
    assert row["TargetActorFull"] == row["TargetActorEntity"] == ""


def test_icews_row():
    ev = event(where=("Jayapura", "IDN"), index=2)
    (row,) = rows("icews", write("icews", [(article(), [ev])]))
    assert (row["Event ID"], row["Event Date"]) == (ev.id, "2022-02-24")
    assert (row["Source Name"], row["Source Sectors"], row["Source Country"]) == (
        "Polisi Indonesia", "Police", "Indonesia")
    assert (row["Target Name"], row["Target Country"]) == ("demonstran mahasiswa", "")
    assert row["Target Sectors"] == "Education"
    assert (row["Event Text"], row["CAMEO Code"]) == (ev.action.name_en, "173")
    assert float(row["Intensity"]) == ev.action.goldstein
    assert (row["Story ID"], row["Sentence Number"], row["Publisher"]) == ("a1", "3", "Antara")
    assert (row["City"], row["Country"], row["Latitude"]) == ("", "Indonesia", "")


def test_event_without_actors_or_location_has_empty_cells():
    ev = event("Terjadi serangan.", source=None, target=None, code="190", trigger="serangan")
    for fmt in TABLES:
        (row,) = rows(fmt, write(fmt, [(article(), [ev])]))
        assert any(v == "" for v in row.values())


def test_header_only_when_there_are_no_events():
    assert write("csv", [(article(), [])]) == ",".join(CSV_COLUMNS) + "\n"
    assert write("icews", []) == "\t".join(ICEWS_COLUMNS) + "\n"
    assert write("phoenix", [(article(), [])]) == ""


def test_output_extension_picks_the_table_writer():
    assert writer_for(None, "out/events.csv").name == "csv"
    assert writer_for(None, "events.tsv").name == "tsv"
    assert writer_for("phoenix", "events.txt").name == "phoenix"


# --- one-a-day -------------------------------------------------------------------------------
def _three_reports():
    """Article a1 reports the arrest twice; a2 reports it again and adds an attack; a3 the
    arrest on the next day (a different key)."""
    s2 = "Polisi Indonesia kembali menangkap demonstran mahasiswa."
    arrest = event()
    again = event(s2, trigger="menangkap", index=1)
    attack = event("Polisi Indonesia menyerang demonstran mahasiswa.", code="190",
                   trigger="menyerang", aid="a2")
    return [
        (article("a1"), [arrest, again]),
        (article("a2"), [event(aid="a2"), attack]),
        (article("a3"), [event(aid="a3", date="2022-02-25")]),
    ], arrest, attack


def test_one_a_day_jsonl_keeps_first_event_with_counts_in_first_seen_order():
    items, arrest, attack = _three_reports()
    out = [json.loads(line) for line in write("jsonl", items, one_a_day=True).splitlines()]
    assert [e["id"] for e in out][:2] == [arrest.id, attack.id]
    assert [(e["action"]["code"], e["date"]) for e in out] == [
        ("173", "2022-02-24"), ("190", "2022-02-24"), ("173", "2022-02-25")]
    assert out[0]["reports"] == {"count": 3, "article_ids": ["a1", "a2"],
                                 "urls": ["https://example.org/a1", "https://example.org/a2"],
                                 "sources": ["Antara"]}
    assert out[1]["reports"]["count"] == 1 and out[1]["article_id"] == "a2"
    assert Event.model_validate({k: v for k, v in out[0].items() if k != "reports"}) == arrest


def test_one_a_day_json_array():
    items, arrest, _ = _three_reports()
    out = json.loads(write("json", items, one_a_day=True))
    assert len(out) == 3 and out[0]["id"] == arrest.id and out[0]["reports"]["count"] == 3
    assert json.loads(write("json", [], one_a_day=True)) == []


@pytest.mark.parametrize("fmt", TABLES)
def test_one_a_day_with_every_table(fmt):
    items, arrest, attack = _three_reports()
    table = rows(fmt, write(fmt, items, one_a_day=True))
    assert len(table) == 3
    first = table[0]
    if fmt in ("csv", "tsv"):
        assert (first["event_id"], first["report_count"], first["report_article_ids"]) == (
            arrest.id, "3", "a1;a2")
    elif fmt == "phoenix":
        assert first["EventID"] == arrest.id and table[1]["EventID"] == attack.id
        assert first["URLs"] == "https://example.org/a1;https://example.org/a2"
        assert first["NewsSources"] == "Antara"
    else:
        assert (first["Event ID"], first["Story ID"]) == (arrest.id, "a1")


def test_one_a_day_key_and_missing_actors():
    no_target = event(target=None)
    assert dedup_key(no_target) == ("IDNCOP", "", "173", "2022-02-24")
    assert dedup_key(event(target=None, aid="zz", index=3)) == dedup_key(no_target)


def test_one_a_day_buffers_keys_not_events():
    """Events wait on disk; memory holds one tally per distinct key."""
    stream = io.BytesIO()
    writer = OneADayWriter(WRITERS["phoenix"].create(stream))
    for n in range(200):
        writer.write_article(article(f"a{n}"), [event(aid=f"a{n}")])
    assert len(writer._tallies) == 1
    assert stream.getvalue() == b""  # nothing written before close
    writer.close()
    (row,) = rows("phoenix", stream.getvalue().decode("utf-8"))
    assert len(row["URLs"].split(";")) == 200


def test_one_a_day_falls_back_to_write_article_for_other_writers():
    class Plain:
        def __init__(self):
            self.got, self.closed = [], False

        def write_article(self, art, events):
            self.got.append((art.id, [e.id for e in events]))

        def close(self):
            self.closed = True

    items, arrest, attack = _three_reports()
    plain = Plain()
    writer = OneADayWriter(plain)
    for art, events in items:
        writer.write_article(art, events)
    writer.close()
    assert plain.closed and plain.got[:2] == [("a1", [arrest.id]), ("a2", [attack.id])]


# --- command line ----------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", TABLES)
def test_cli_extract_table_formats(fmt, tmp_path, capsys):
    out = tmp_path / f"seed.{fmt}"
    assert main(["extract", str(SEEDS), "-f", fmt, "-o", str(out), "-q"]) == 0
    assert main(["extract", str(SEEDS), "-q"]) == 0
    events = capsys.readouterr().out.splitlines()
    assert len(rows(fmt, out.read_text("utf-8"))) == len(events)


def test_cli_extract_one_a_day(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    text = "Rusia menyerang Ukraina pada Kamis dini hari."
    path.write_text("".join(json.dumps({"id": f"r{n}", "text": text, "date": "2022-02-24",
                                        "lang": "id", "source": f"S{n}"}) + "\n"
                            for n in range(3)))
    assert main(["extract", str(path), "-q"]) == 0
    plain = capsys.readouterr().out.splitlines()
    assert main(["extract", str(path), "-q", "--one-a-day", "-f", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(plain) == 3 * len(table) and len(table) >= 1
    assert table[0]["report_count"] == "3" and table[0]["report_article_ids"] == "r0;r1;r2"


def test_dates_in_rows_are_event_dates():
    ev = event(date="2020-01-31")
    (row,) = rows("phoenix", write("phoenix", [(article(date=dt.date(2020, 2, 3)), [ev])]))
    assert row["Date"] == "20200131"


def test_icews_intensity_uses_the_icews_goldstein_value_where_it_differs():
    ev = event("Indonesia menolak klaim Tiongkok.", source=("Indonesia", "IDN"),
               target=("Tiongkok", "CHN"), code="016", trigger="menolak")
    (row,) = rows("icews", write("icews", [(article(), [ev])]))
    (phoenix,) = rows("phoenix", write("phoenix", [(article(), [ev])]))
    assert (float(row["Intensity"]), float(phoenix["GoldsteinScore"])) == (-5.0, -2.0)
