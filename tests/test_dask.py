"""The coder on a Dask bag over JSON Lines partitions (docs/scale.md) gives the single-machine events."""

from __future__ import annotations

import json

import pytest

from events.cli import main
from events.parallel import code_jsonl_lines, code_jsonl_records

from .conftest import DEV_SET

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def single_machine_events() -> list[dict]:
    """The dev set's events from `events extract --jobs 1`, as JSON records."""
    import contextlib
    import io
    import sys

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        real = sys.stdout
        assert main(["extract", str(DEV_SET), "--jobs", "1", "-q"]) == 0
        real.flush()
    out.seek(0)
    events = [json.loads(line) for line in out.buffer.read().decode().splitlines()]
    assert events
    return events


@pytest.mark.parametrize("processes", [False, True], ids=["threads", "processes"])
def test_dask_bag_over_jsonl_partitions_equals_single_machine(single_machine_events, processes):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=processes,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        # several partitions, each of whole lines
        bag = db.read_text(str(DEV_SET), blocksize=max(DEV_SET.stat().st_size // 5, 1_000))
        assert bag.npartitions >= 3
        events = bag.map_partitions(code_jsonl_lines).compute()
    assert events == single_machine_events


def test_code_jsonl_records_keeps_rejects_and_reads_str_or_bytes():
    lines = ['{"id": "a", "text": "Rusia menyerang Ukraina pada Kamis dini hari.", '
             '"date": "2022-02-24", "lang": "id"}\n',
             b'{"id": "b", "text": \n',
             '{"id": "c", "text": "Rusia menyerang Ukraina.", "lang": "xx", "date": "2022-02-24"}']
    events, rejects = code_jsonl_records(lines, name="part-0")
    assert [e["article_id"] for e in events] == ["a"]
    assert events[0]["date"] == "2022-02-24" and events[0]["action"]["root"] == "19"
    assert [(r["path"], r["line"], r["article_id"]) for r in rejects] == [
        ("part-0", 2, None), ("part-0", 3, "c")]
    assert "malformed JSON" in rejects[0]["reason"]
    assert "unsupported language" in rejects[1]["reason"]
