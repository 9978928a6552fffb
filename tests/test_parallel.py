"""`events extract --jobs N`: the same output in the same order as one process, bounded read-ahead,
rejects passed through in order, worker failures reported; and the progress bar."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import threading

import pytest

import events.parallel as parallel
from events.cli import main
from events.errors import EventsError
from events.inputs import InputDefaults, Rejected, read_inputs
from events.models import Article
from events.progress import Progress, wanted

from .conftest import DEV_SET

ARTICLE = "Rusia menyerang Ukraina pada Kamis dini hari."


def _extract(capsys, argv) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 4 articles, so the dev set makes many chunks and really goes through the pool."""
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 4)


def test_jobs_2_output_equals_jobs_1_on_dev_set(capsys, small_chunks):
    code1, out1, err1 = _extract(capsys, ["extract", str(DEV_SET), "--jobs", "1"])
    code2, out2, err2 = _extract(capsys, ["extract", str(DEV_SET), "--jobs", "2"])
    assert code1 == code2 == 0
    assert out1 and out1 == out2
    assert err1 == err2 and "articles read: 51, coded: 51, rejected: 0" in err1


def test_jobs_default_is_every_core_and_output_unchanged(capsys, small_chunks):
    _, out1, _ = _extract(capsys, ["extract", str(DEV_SET), "-j", "1"])
    _, out_all, _ = _extract(capsys, ["extract", str(DEV_SET)])
    assert out_all == out1
    assert parallel.default_jobs() >= 1


def test_rejects_pass_through_in_input_order(tmp_path, capsys, small_chunks):
    lines = []
    for i in range(30):
        if i % 7 == 3:
            lines.append('{"id": "broken-%d", "text": ' % i)  # malformed JSON
        elif i % 7 == 5:
            lines.append(json.dumps({"id": f"nolang-{i}", "text": ARTICLE, "lang": "xx"}))
        else:
            lines.append(json.dumps({"id": f"a{i}", "text": ARTICLE, "lang": "id"}))
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    outputs = {}
    for jobs in ("1", "2"):
        rejects = tmp_path / f"rejects-{jobs}.jsonl"
        code, out, err = _extract(capsys, ["extract", str(corpus), "--date", "2022-02-24",
                                           "--jobs", jobs, "--rejects", str(rejects)])
        assert code == 1
        outputs[jobs] = (out, rejects.read_text(), err)
    assert outputs["1"] == outputs["2"]
    rejected = [json.loads(line) for line in outputs["2"][1].splitlines()]
    assert [(r["line"], r["article_id"]) for r in rejected] == [
        (i + 1, None if i % 7 == 3 else f"nolang-{i}") for i in range(30) if i % 7 in (3, 5)]
    ids = [json.loads(line)["article_id"] for line in outputs["2"][0].splitlines()]
    assert ids == [f"a{i}" for i in range(30) if i % 7 not in (3, 5)]


def test_jobs_rejects_a_negative_number(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(DEV_SET), "--jobs", "-2"])
    assert exc.value.code == 2
    assert "number of processes" in capsys.readouterr().err


def _articles(count: int, pulled: list[int]):
    for i in range(count):
        pulled[0] += 1
        yield Article(id=f"a{i}", text=ARTICLE, date=dt.date(2022, 2, 24), lang="id")


def test_read_ahead_is_bounded_and_leaving_early_stops_the_workers():
    pulled = [0]
    with parallel.coded_results(_articles(100_000, pulled), jobs=2, chunk_articles=8) as results:
        first = [next(results) for _ in range(20)]
    assert [r.article.id for r in first] == [f"a{i}" for i in range(20)]
    window = 2 * parallel.CHUNKS_PER_WORKER + 4  # in flight, plus chunks being handed over
    assert pulled[0] <= window * 8
    assert not [t for t in threading.enumerate() if "_handle_tasks" in t.name]


def test_single_chunk_is_coded_in_process(monkeypatch, coder):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a single chunk")

    monkeypatch.setattr(parallel, "_pool_stream", no_pool)
    pulled = [0]
    with parallel.coded_results(_articles(3, pulled), jobs=2, coder=coder) as results:
        assert [r.article.id for r in results] == ["a0", "a1", "a2"]


def test_parallel_results_equal_in_process_results(coder):
    items = list(read_inputs([str(DEV_SET)], InputDefaults()))
    with parallel.coded_results(iter(items), jobs=1, coder=coder) as results:
        one = [(r.article.id, [e.id for e in r.events], len(r.sentences)) for r in results]
    with parallel.coded_results(iter(items), jobs=2, chunk_articles=3) as results:
        two = [(r.article.id, [e.id for e in r.events], len(r.sentences)) for r in results]
    assert one == two and len(one) == 51


def test_worker_failure_is_reported_not_hung(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("type: actors\nentries:\n  - id: Not An Id\n    code: rus\n")
    with pytest.raises(EventsError) as exc:
        with parallel.coded_results(_articles(40, [0]), jobs=2, dictionaries=[str(bad)],
                                    chunk_articles=4) as results:
            list(results)
    assert "bad.yaml" in str(exc.value)


def test_reading_error_surfaces_after_earlier_results():
    def items():
        yield from _articles(10, [0])
        raise OSError("disk went away")

    seen = []
    with pytest.raises(OSError, match="disk went away"):
        with parallel.coded_results(items(), jobs=2, chunk_articles=2) as results:
            for result in results:
                seen.append(result.article.id)
    assert seen == [f"a{i}" for i in range(10)]


def test_chunked_limits_articles_and_characters():
    long = Article(id="long", text="x" * 100, date=dt.date(2022, 1, 1))
    short = Article(id="s", text="x", date=dt.date(2022, 1, 1))
    reject = Rejected("f", 1, "bad")
    chunks = list(parallel.chunked([short, reject, long, short, short, short], 3, 50))
    assert [[getattr(i, "id", "r") for i in c] for c in chunks] == [["s", "r", "long"],
                                                                   ["s", "s", "s"]]


# --- progress bar ---------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_not_quiet():
    assert wanted(False, _Tty())
    assert not wanted(True, _Tty())
    assert not wanted(False, io.StringIO())


def test_progress_bar_counts_articles_on_the_stream():
    stream = _Tty()
    with Progress(True, stream) as progress:
        assert list(progress.wrap(range(5))) == list(range(5))
        progress.echo("events: rejected x")
    text = stream.getvalue()
    assert "5 articles" in text and "events: rejected x" in text
    assert "0 sentences" in text  # the final figures are shown on closing


def test_progress_bar_measures_input_bytes_with_rate_and_eta():
    from events.inputs import InputMeter

    stream, meter = _Tty(), InputMeter()

    def results():
        for k in range(4):
            meter.add(256)  # the reader consumed another record
            yield k

    with Progress(True, stream, total=1024, meter=meter) as progress:
        assert list(progress.wrap(results())) == [0, 1, 2, 3]
    text = stream.getvalue()
    assert "100%" in text and "1.00k/1.00k" in text  # share done, of the input's size
    assert "<" in text and "B/s" in text  # elapsed<remaining, and the rate
    assert "4 articles" in text


def test_extract_progress_total_is_the_size_of_the_inputs(tmp_path):
    from events.inputs import input_bytes

    assert input_bytes([str(DEV_SET)]) == DEV_SET.stat().st_size
    assert input_bytes([str(DEV_SET), "-"]) is None  # standard input: size unknown
    assert input_bytes([str(tmp_path / "missing.jsonl")]) == 0


def test_progress_disabled_is_silent():
    stream = io.StringIO()
    with Progress(False, stream) as progress:
        assert list(progress.wrap(iter("abc"))) == ["a", "b", "c"]
    assert stream.getvalue() == ""


def test_extract_prints_no_bar_when_stderr_is_not_a_terminal(capsys):
    _, _, err = _extract(capsys, ["extract", str(DEV_SET), "-j", "1"])
    assert "articles/s" not in err and "\r" not in err


def test_a_worker_that_dies_stops_the_run_with_an_error(monkeypatch, capsys, tmp_path):
    import multiprocessing
    import os

    from events.coder import Coder

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched coder reaches worker processes only when they are forked")
    real = Coder.code_article

    def dying(self, article, *args, **kwargs):
        if article.id == "a13":
            os._exit(3)  # as if killed: no exception, no result
        return real(self, article, *args, **kwargs)

    monkeypatch.setattr(Coder, "code_article", dying)
    monkeypatch.setattr(parallel, "WATCH_INTERVAL", 0.2)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 4)
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": ARTICLE, "lang": "id",
                                          "date": "2022-02-24"}) + "\n" for i in range(40)))
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(corpus), "--jobs", "2", "-o", str(out)])
    assert code == 2
    assert "worker process exited with status 3" in capsys.readouterr().err
    assert not out.exists()


# --- formats written by the workers -----------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(parallel.RENDERED_FORMATS))
def test_rendered_formats_are_the_concatenation_of_each_article(coder, fmt):
    from events.writers import WRITERS

    coded = [r for r in (coder.code_article(a) for a in read_inputs([str(DEV_SET)]))]
    whole = io.BytesIO()
    writer = WRITERS[fmt].create(whole, base_iri="http://example.org/x/")
    for c in coded:
        writer.write_article(c.article, c.events)
    writer.close()
    pieces = [parallel.render(c, fmt, {"base_iri": "http://example.org/x/"}) for c in coded]
    assert b"".join(p.data for p in pieces) == whole.getvalue()
    assert [(p.article_id, p.sentence_count, p.event_count) for p in pieces] == [
        (c.article.id, len(c.sentences), len(c.events)) for c in coded]


def test_workers_render_the_output_format(small_chunks):
    from events.pipeline import Rendered

    items = list(read_inputs([str(DEV_SET)], InputDefaults()))
    out = []
    with parallel.coded_results(iter(items), jobs=2, render="nq") as results:
        for result in results:  # a spooled result is read before the next one is asked for
            assert isinstance(result, Rendered) and result.spool is not None
            out.append((result, result.content()))
    assert out and all(data.endswith(b"> .\n") for _, data in out)
    spools = {r.spool for r, _ in out}
    assert len(spools) > 1  # one spool file a chunk
    assert not any(os.path.exists(path) for path in spools)  # deleted with the run
    with pytest.raises(ValueError, match="article by article"):
        with parallel.coded_results(iter(items), jobs=2, render="ttl"):
            pass


@pytest.mark.parametrize("fmt", ["nq", "ttl"])
def test_jobs_2_equals_jobs_1_for_rdf_with_a_base_iri(capsys, small_chunks, fmt):
    args = ["extract", str(DEV_SET), "-f", fmt, "--base-iri", "http://example.org/x/", "-q"]
    _, out1, _ = _extract(capsys, [*args, "-j", "1"])
    _, out2, _ = _extract(capsys, [*args, "-j", "2"])
    assert out1 and out1 == out2 and "http://example.org/x/" in out1


def test_ctrl_c_stops_the_workers_and_writes_no_output(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import shutil
    import time

    if not shutil.which("ps") or not os.path.isdir("/proc"):
        pytest.skip("needs ps and /proc to find the worker processes")
    corpus = tmp_path / "big.jsonl"
    lines = DEV_SET.read_text(encoding="utf-8").splitlines()
    corpus.write_text("".join(
        json.dumps({**json.loads(line), "id": f"{n}-{json.loads(line)['id']}"}) + "\n"
        for n in range(100) for line in lines if line.strip()))
    out = tmp_path / "events.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "events", "extract", str(corpus), "-j", "2",
                             "-o", str(out)], stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    workers: list[str] = []
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        workers = subprocess.run(["ps", "-o", "pid=", "--ppid", str(proc.pid)],
                                 capture_output=True, text=True).stdout.split()
    assert len(workers) == 2, "the workers did not start"
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 130
    assert b"interrupted" in proc.stderr.read()
    time.sleep(0.2)
    assert not [pid for pid in workers if os.path.exists(f"/proc/{pid}")]
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize("to_file", [True, False])
def test_spooled_articles_are_copied_in_order_to_a_file_or_a_memory_stream(tmp_path, to_file):
    """The parent copies spooled output with os.sendfile to a real file, and through memory to a
    stream without a file descriptor; a finished spool file is deleted."""
    from events.pipeline import Rendered

    spool = tmp_path / "chunk-1.chunk"
    spool.write_bytes(b"first\nsecond\nthird\n")
    other = tmp_path / "chunk-2.chunk"
    other.write_bytes(b"fourth\n")
    results = [Rendered("a", 1, 1, spool=str(spool), offset=0, length=6),
               Rendered("b", 1, 1, spool=str(spool), offset=6, length=7),
               Rendered("c", 1, 1, spool=str(spool), offset=13, length=6),
               Rendered("d", 1, 1, data=b"inline\n"),
               Rendered("e", 1, 1, spool=str(other), offset=0, length=7)]
    target = tmp_path / "out.txt"
    stream = open(target, "wb") if to_file else io.BytesIO()  # noqa: SIM115
    write = parallel.ArticleWriter(None, stream)
    for result in results:
        write(result)
    write.close()  # copies what is pending
    stream.write(b"end\n")
    data = stream.getvalue() if not to_file else None
    stream.close()
    assert (target.read_bytes() if to_file else data) == \
        b"first\nsecond\nthird\ninline\nfourth\nend\n"
    assert not spool.exists() and other.exists()  # the last one is removed with the spool dir
