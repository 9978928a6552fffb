#!/usr/bin/env python
"""Throughput, memory and start-up benchmark of ``events extract`` (a script, not a test).

Builds a corpus of at least ``--sentences`` sentences (default 100,000) by repeating the shipped
samples (the seed article and the dev set texts) with distinct ids, then measures:

- sentences/s on one core, coding in this process with a warm coder, to JSON Lines and (when the
  ``nq`` writer is registered) to N-Quads, written to memory: the engine's steady-state rate;
- sentences/s of the command (``events extract corpus.jsonl -o FILE``, start-up included) with
  ``--jobs 1`` and with every core, and the speed-up;
- peak RSS: of the in-process run, and per process / all processes together for each command run;
- cold start: ``events extract`` of one short article, median of 5 runs (the package compiled to
  bytecode first, as an install does).

Usage::

    python bench/benchmark.py                      # the full 100,000-sentence corpus
    python bench/benchmark.py --sentences 10000    # a quick run
    python bench/benchmark.py --profile            # also profile the in-process run (pyinstrument
                                                   # when installed, else cProfile)
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV_SET = ROOT.parent / "shared" / "eval" / "dev.jsonl"
EVENTS = [sys.executable, "-m", "events"]

TARGETS = {
    "jsonl_per_core": 10_000,  # sentences/s
    "nquads_per_core": 5_000,
    "speedup_2_cores": 1.8,
    "peak_rss_mb": 300,
    "cold_start_s": 1.0,
}


def sample_articles() -> list[dict]:
    """The shipped samples as article records: the seed article(s) and the dev set texts."""
    records = []
    for txt in sorted(SEEDS.glob("*.txt")):
        record = {"id": txt.stem, "text": txt.read_text(encoding="utf-8")}
        meta = txt.with_name(txt.stem + ".meta.json")
        if meta.exists():
            record.update({k: v for k, v in json.loads(meta.read_text()).items()
                           if k in ("date", "lang", "source", "url", "title")})
        records.append(record)
    if DEV_SET.exists():
        for line in DEV_SET.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                records.append({k: r[k] for k in ("id", "text", "date", "lang") if k in r})
    if not records:
        sys.exit("benchmark: no sample articles found (seeds/ or ../shared/eval/dev.jsonl)")
    return records


def build_corpus(path: Path, min_sentences: int) -> tuple[int, int]:
    """Write ``path`` (JSON Lines) with >= ``min_sentences`` sentences; (articles, sentences)."""
    from events.coder import Coder
    from events.models import Article

    coder = Coder()
    base = []
    for record in sample_articles():
        coded = coder.code_article(Article.model_validate(record))
        base.append((record, len(coded.sentences)))
    articles = sentences = 0
    with path.open("w", encoding="utf-8") as out:
        copy = 0
        while sentences < min_sentences:
            for record, count in base:
                out.write(json.dumps({**record, "id": f"{record['id']}-r{copy}"},
                                     ensure_ascii=False) + "\n")
                articles += 1
                sentences += count
            copy += 1
    return articles, sentences


class _Discard(io.RawIOBase):
    """A binary sink that only counts the bytes written (the output is not kept in memory)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.count += len(data)
        return len(data)

    def tell(self) -> int:
        return self.count


def in_process(corpus: Path, fmt: str, profile: str | None = None) -> dict:
    """Code the corpus in this process with a warm coder, writing ``fmt`` to memory."""
    from events.coder import Coder
    from events.inputs import InputDefaults, read_inputs
    from events.pipeline import code_one
    from events.writers import WRITERS

    coder = Coder()
    coder.check_dictionaries()
    items = list(read_inputs([str(corpus)], InputDefaults()))
    for item in items[:60]:  # warm up: language detector, caches
        code_one(coder, item)
    sink = _Discard()
    writer = WRITERS[fmt].create(sink)
    profiler = _start_profiler(profile)
    start = time.perf_counter()
    cpu_start = time.process_time()
    sentences = events = 0
    for item in items:
        coded = code_one(coder, item)
        sentences += len(coded.sentences)
        events += len(coded.events)
        writer.write_article(coded.article, coded.events)
    writer.close()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    _stop_profiler(profiler, profile)
    return {"format": fmt, "sentences": sentences, "events": events, "seconds": seconds,
            "cpu_seconds": cpu, "sentences_per_s": sentences / seconds,
            "sentences_per_cpu_s": sentences / cpu, "output_mb": sink.tell() / 1e6}


def _start_profiler(kind: str | None):
    if kind == "pyinstrument":
        from pyinstrument import Profiler
        profiler = Profiler(interval=0.0005)
        profiler.start()
        return profiler
    if kind == "cprofile":
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
        return profiler
    return None


def _stop_profiler(profiler, kind: str | None) -> None:
    if profiler is None:
        return
    if kind == "pyinstrument":
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False), file=sys.stderr)
    else:
        import pstats
        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative")
        stats.print_stats(35)
        stats.sort_stats("tottime").print_stats(25)


def _kib(path: str, field: str) -> int:
    """The KiB figure of a ``field:`` line of a /proc file (0 when absent or unreadable)."""
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """Resident memory of a process and its descendants (Linux /proc), in KiB: the sum of their
    RSS (shared pages counted in every process) and of their PSS (shared pages divided among the
    processes sharing them: what the tree really occupies)."""
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        rss += _kib(f"/proc/{p}/status", "VmRSS:")
        pss += _kib(f"/proc/{p}/smaps_rollup", "Pss:")
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return rss, pss


RUSAGE_WRAPPER = ("import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
                  "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
                  "print(u.ru_utime + u.ru_stime, u.ru_maxrss, file=sys.stderr); sys.exit(rc)")


def run_command(args: list[str]) -> dict:
    """Run ``events ARGS`` through a wrapper reporting the largest child's peak RSS; also sample
    the whole process tree's RSS."""
    proc = subprocess.Popen([sys.executable, "-c", RUSAGE_WRAPPER, *EVENTS, *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = [0, 0]

    def sample() -> None:
        while proc.poll() is None:
            rss, pss = _tree_memory_kb(proc.pid)
            peak_tree[0] = max(peak_tree[0], rss)
            peak_tree[1] = max(peak_tree[1], pss)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    start = time.perf_counter()
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    lines = err.decode().strip().splitlines()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark: events {' '.join(args)} failed:\n{err.decode()}")
    cpu, maxrss = lines[-1].split()
    return {"seconds": seconds, "cpu_seconds": float(cpu),
            "peak_rss_mb_process": int(maxrss) / 1024,
            "peak_rss_mb_all": peak_tree[0] / 1024, "peak_pss_mb_all": peak_tree[1] / 1024,
            "summary": lines[-2] if len(lines) > 1 else ""}


def cold_start(tmp: Path, runs: int = 5) -> list[float]:
    """Seconds of ``events extract`` on one short article, ``runs`` times, the package's modules
    compiled to bytecode first as an install does (``__pycache__``, ignored by git): where
    ``PYTHONDONTWRITEBYTECODE`` is set, an editable install would otherwise compile every module
    at every start."""
    short = tmp / "short.jsonl"
    short.write_text(json.dumps({"id": "s", "text": "Rusia menyerang Ukraina pada Kamis dini hari.",
                                 "date": "2022-02-24", "lang": "id"}) + "\n")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "events")], check=True,
                   stdout=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*EVENTS, "extract", str(short), "-q", "-o", str(tmp / "short-out.jsonl")],
                       cwd=ROOT, check=True)
        times.append(time.perf_counter() - start)
    return times


def verdict(value: float, target: float, higher_is_better: bool = True) -> str:
    ok = value >= target if higher_is_better else value <= target
    return f"{'meets' if ok else 'MISSES'} target {'>=' if higher_is_better else '<='} {target:,}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=100_000,
                        help="minimum corpus size in sentences (default: 100,000)")
    parser.add_argument("--jobs", type=int, default=0, help="cores for the multi-core run "
                        "(default: every core)")
    parser.add_argument("--profile", nargs="?", const="auto", choices=["auto", "pyinstrument",
                        "cprofile"], help="profile the in-process JSON Lines run (to stderr)")
    parser.add_argument("--skip-commands", action="store_true",
                        help="only the in-process runs and cold start")
    parser.add_argument("--json", metavar="FILE", help="also write the figures here as JSON")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    from events.parallel import default_jobs
    from events.writers import WRITERS

    jobs = args.jobs or default_jobs()
    profile = args.profile
    if profile == "auto":
        try:
            import pyinstrument  # noqa: F401
            profile = "pyinstrument"
        except ImportError:
            profile = "cprofile"
    figures: dict = {"cores": jobs, "python": sys.version.split()[0]}
    with tempfile.TemporaryDirectory(prefix="events-bench-") as tmpdir:
        tmp = Path(tmpdir)
        corpus = tmp / "corpus.jsonl"
        articles, sentences = build_corpus(corpus, args.sentences)
        figures["corpus"] = {"articles": articles, "sentences": sentences,
                             "mb": corpus.stat().st_size / 1e6}
        print(f"corpus: {articles:,} articles, {sentences:,} sentences, "
              f"{corpus.stat().st_size / 1e6:.1f} MB")

        formats = ["jsonl"] + (["nq"] if "nq" in WRITERS else [])
        if "nq" not in WRITERS:
            print("N-Quads: skipped (no 'nq' writer registered in events.writers.WRITERS)")
        for fmt in formats:
            result = in_process(corpus, fmt, profile if fmt == "jsonl" else None)
            figures[f"in_process_{fmt}"] = result
            target = TARGETS["jsonl_per_core" if fmt == "jsonl" else "nquads_per_core"]
            print(f"one core, in process, to {fmt}: {result['sentences_per_s']:,.0f} sentences/s "
                  f"({result['sentences']:,} in {result['seconds']:.1f} s; "
                  f"{verdict(result['sentences_per_s'], target)}); "
                  f"{result['sentences_per_cpu_s']:,.0f} sentences per CPU-second")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures["in_process_peak_rss_mb"] = rss
        print(f"peak RSS of the in-process runs (the corpus's articles held in memory): "
              f"{rss:.0f} MB")

        if not args.skip_commands:
            runs = {}
            for fmt in formats:
                for n in sorted({1, jobs}):
                    out = tmp / f"out-{n}.{fmt}"
                    result = run_command(["extract", str(corpus), "--jobs", str(n), "-o", str(out),
                                          "--format", fmt])
                    result["sentences_per_s"] = sentences / result["seconds"]
                    runs[(fmt, n)] = result
                    figures[f"command_{fmt}_jobs{n}"] = result
                    print(f"events extract --jobs {n} -f {fmt}: {result['seconds']:.1f} s "
                          f"(CPU {result['cpu_seconds']:.1f} s), "
                          f"{result['sentences_per_s']:,.0f} sentences/s "
                          f"({result['sentences_per_s'] / n:,.0f} per core), peak RSS "
                          f"{result['peak_rss_mb_process']:.0f} MB per process, all "
                          f"processes {result['peak_rss_mb_all']:.0f} MB RSS / "
                          f"{result['peak_pss_mb_all']:.0f} MB PSS "
                          f"({verdict(result['peak_rss_mb_process'], TARGETS['peak_rss_mb'], False)})")
                    out.unlink(missing_ok=True)
                if jobs > 1:
                    speedup = runs[(fmt, 1)]["seconds"] / runs[(fmt, jobs)]["seconds"]
                    figures[f"speedup_{fmt}_{jobs}_cores"] = speedup
                    note = verdict(speedup, TARGETS["speedup_2_cores"]) if jobs == 2 else ""
                    print(f"speed-up on {jobs} cores ({fmt}): {speedup:.2f}x {note}")
                    # What an idle machine would give: N cores, minus the extra CPU that workers
                    # cost (start-up of each worker's coder, passing articles and results).
                    ideal = jobs * runs[(fmt, 1)]["cpu_seconds"] / runs[(fmt, jobs)]["cpu_seconds"]
                    figures[f"speedup_{fmt}_{jobs}_cores_cpu_bound"] = ideal
                    print(f"  CPU-time bound on the speed-up ({jobs} x CPU of --jobs 1 / CPU of "
                          f"--jobs {jobs}): {ideal:.2f}x")
                    load = os.getloadavg()[0]
                    if load > jobs:
                        print(f"  note: load average {load:.1f} on {os.cpu_count()} CPUs: other "
                              f"processes compete for the cores, so wall-clock figures are low")

        times = cold_start(tmp)
        figures["cold_start_s"] = {"median": statistics.median(times), "runs": times}
        print(f"cold start (events extract of one short article, median of {len(times)}): "
              f"{statistics.median(times):.2f} s "
              f"({verdict(statistics.median(times), TARGETS['cold_start_s'], False)})")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
