"""Score the coder against a gold event set (the rule in shared/eval/README.md).

Per record, predictions are matched one-to-one to gold events (maximum matching). A prediction
matches a gold event when its action code's first two digits are in ``root`` and the first three
letters of its source and target codes are accepted (``["?"]`` accepts any actor or none; ``null``
requires no actor). Unmatched gold events are misses; unmatched predictions that match no
``also_ok`` entry are false positives. Counts are summed over records, per language and overall.
Date accuracy is the share of matched gold events with a ``date`` whose predicted date equals it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from .coder import Coder
from .errors import InputError
from .models import Article, Event


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dated: int = 0
    dated_ok: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float | None:
        return self.dated_ok / self.dated if self.dated else None

    def add(self, other: "Tally") -> None:
        for name in ("tp", "fp", "fn", "dated", "dated_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "date_accuracy": None if self.date_accuracy is None
                else round(self.date_accuracy, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "dated": self.dated, "dated_ok": self.dated_ok}


@dataclass
class RecordResult:
    id: str
    lang: str
    tally: Tally
    misses: list[dict] = field(default_factory=list)
    false_positives: list[Event] = field(default_factory=list)
    wrong_dates: list[tuple[dict, Event]] = field(default_factory=list)


@dataclass
class Report:
    records: list[RecordResult]
    by_lang: dict[str, Tally]
    overall: Tally


def _accepts(accepted: list[str] | None, code: str | None) -> bool:
    if accepted is None:
        return code is None
    if "?" in accepted:
        return True
    return code is not None and code[:3] in accepted


def matches(gold: dict, event: Event) -> bool:
    """Whether a predicted event satisfies one gold (or also_ok) event."""
    return (event.action.code[:2] in gold["root"]
            and _accepts(gold.get("source"), event.source.code if event.source else None)
            and _accepts(gold.get("target"), event.target.code if event.target else None))


def _max_matching(gold: list[dict], predicted: list[Event]) -> dict[int, int]:
    """Gold index -> prediction index: a maximum one-to-one matching which, among maximum
    matchings, has the most correct dates (min-cost flow with successive shortest paths)."""
    n, m = len(gold), len(predicted)
    # nodes: 0 source, 1..n gold, n+1..n+m predictions, n+m+1 sink
    sink = n + m + 1
    graph: list[list[list[int]]] = [[] for _ in range(sink + 1)]

    def edge(u: int, v: int, cost: int) -> None:
        graph[u].append([v, 1, cost, len(graph[v])])
        graph[v].append([u, 0, -cost, len(graph[u]) - 1])

    for i, g in enumerate(gold):
        edge(0, 1 + i, 0)
        for j, e in enumerate(predicted):
            if matches(g, e):
                edge(1 + i, 1 + n + j, 0 if g.get("date") == e.date.isoformat() else 1)
    for j in range(m):
        edge(1 + n + j, sink, 0)
    while True:  # Bellman-Ford shortest augmenting path (graphs here are tiny)
        dist = [float("inf")] * (sink + 1)
        back: list[tuple[int, int] | None] = [None] * (sink + 1)
        dist[0] = 0
        changed = True
        while changed:
            changed = False
            for u in range(sink + 1):
                if dist[u] == float("inf"):
                    continue
                for k, (v, cap, cost, _) in enumerate(graph[u]):
                    if cap and dist[u] + cost < dist[v]:
                        dist[v], back[v], changed = dist[u] + cost, (u, k), True
        if dist[sink] == float("inf"):
            break
        v = sink
        while v != 0:
            u, k = back[v]
            graph[u][k][1] -= 1
            graph[v][graph[u][k][3]][1] += 1
            v = u
    result = {}
    for i in range(n):
        for v, cap, _, _ in graph[1 + i]:
            if n < v <= n + m and cap == 0:
                result[i] = v - 1 - n
    return result


def score_record(record: dict, predicted: list[Event]) -> RecordResult:
    gold = record.get("events", [])
    also_ok = record.get("also_ok", [])
    matching = _max_matching(gold, predicted)
    tally = Tally(tp=len(matching), fn=len(gold) - len(matching))
    result = RecordResult(record["id"], record.get("lang", "?"), tally)
    used = set(matching.values())
    for j, event in enumerate(predicted):
        if j not in used and not any(matches(ok, event) for ok in also_ok):
            tally.fp += 1
            result.false_positives.append(event)
    for i, g in enumerate(gold):
        if i not in matching:
            result.misses.append(g)
        elif g.get("date"):
            tally.dated += 1
            event = predicted[matching[i]]
            if event.date.isoformat() == g["date"]:
                tally.dated_ok += 1
            else:
                result.wrong_dates.append((g, event))
    return result


def read_gold(path: str | Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), number, f"malformed JSON: {exc.msg}") from None
            if not isinstance(record, dict) or "text" not in record or "id" not in record:
                raise InputError(str(path), number, "a gold record needs 'id' and 'text'")
            records.append(record)
    return records


def evaluate_records(coder: Coder, records: list[dict]) -> Report:
    results = []
    by_lang: dict[str, Tally] = {}
    overall = Tally()
    for record in records:
        article = Article(id=record["id"], text=record["text"],
                          date=dt.date.fromisoformat(record["date"]), lang=record.get("lang"))
        predicted = coder.code_article(article).events
        result = score_record(record, predicted)
        results.append(result)
        by_lang.setdefault(result.lang, Tally()).add(result.tally)
        overall.add(result.tally)
    return Report(results, dict(sorted(by_lang.items())), overall)


def evaluate_file(coder: Coder, path: str | Path) -> Report:
    return evaluate_records(coder, read_gold(path))


def _describe(event: Event) -> str:
    src = event.source.code if event.source else "-"
    tgt = event.target.code if event.target else "-"
    return (f"{src} -> {event.action.code} -> {tgt} on {event.date} "
            f"(\"{event.action.trigger.text if event.action.trigger else ''}\", "
            f"{', '.join(event.rules[:2])})")


def format_report(report: Report, verbose: bool = False, as_json: bool = False) -> str:
    if as_json:
        return json.dumps({"overall": report.overall.to_dict(),
                           "by_language": {k: v.to_dict() for k, v in report.by_lang.items()}},
                          indent=2)
    lines = []
    if verbose:
        for result in report.records:
            if not (result.misses or result.false_positives or result.wrong_dates):
                continue
            lines.append(f"{result.id} ({result.lang}):")
            for miss in result.misses:
                lines.append(f"  miss  {json.dumps(miss, ensure_ascii=False)}")
            for event in result.false_positives:
                lines.append(f"  false {_describe(event)}")
            for gold, event in result.wrong_dates:
                lines.append(f"  date  expected {gold['date']}, got {_describe(event)}")
        lines.append("")
    lines.append(f"{'':<9}{'P':>7}{'R':>7}{'F1':>7}{'date':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    rows = [*report.by_lang.items(), ("overall", report.overall)]
    for name, tally in rows:
        date = "-" if tally.date_accuracy is None else f"{tally.date_accuracy:.3f}"
        lines.append(f"{name:<9}{tally.precision:>7.3f}{tally.recall:>7.3f}{tally.f1:>7.3f}"
                     f"{date:>7}{tally.tp:>5}{tally.fp:>5}{tally.fn:>5}")
    return "\n".join(lines)
