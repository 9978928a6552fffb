"""The gold-set scoring rule of shared/eval/README.md."""

from __future__ import annotations

import pytest

from events.evaluate import evaluate_file, score_record
from events.models import Event

from .conftest import DEV_SET


def _event(src, code, tgt, date="2020-01-01"):
    text = "A B C"
    return Event.model_validate(dict(
        article_id="a", sentence_index=0, sentence_start=0, sentence_text=text, language="en",
        date=date, date_precision="day",
        source={"text": "A", "start": 0, "end": 1, "code": src} if src else None,
        target={"text": "C", "start": 4, "end": 5, "code": tgt} if tgt else None,
        action={"code": code}))


def test_evaluate_one_to_one_matching_misses_and_false_positives():
    record = {"id": "r", "lang": "en", "events": [
        {"source": ["USA"], "target": ["RUS"], "root": ["04"], "date": "2020-01-01"},
        {"source": ["RUS"], "target": None, "root": ["01"]}]}
    result = score_record(record, [_event("USAGOV", "040", "RUS"), _event("USA", "043", "RUS"),
                                   _event("RUS", "010", "UKR")])
    assert (result.tally.tp, result.tally.fp, result.tally.fn) == (1, 2, 1)
    assert result.tally.dated_ok == 1


def test_evaluate_question_mark_accepts_any_or_none_and_also_ok_is_free():
    record = {"id": "r", "lang": "id", "events": [{"source": ["?"], "target": ["?"],
                                                   "root": ["19"]}],
              "also_ok": [{"source": ["SYR"], "target": ["?"], "root": ["19"]}]}
    result = score_record(record, [_event(None, "190", None), _event("SYR", "193", "IMG")])
    assert (result.tally.tp, result.tally.fp, result.tally.fn) == (1, 0, 0)


def test_evaluate_prefers_matching_with_correct_dates():
    record = {"id": "r", "lang": "id", "events": [
        {"source": ["USA", "IGO"], "target": ["?"], "root": ["01"], "date": "2017-12-27"},
        {"source": ["USA", "IGO"], "target": ["?"], "root": ["01"], "date": "2017-12-05"}]}
    result = score_record(record, [_event("IGO", "010", None, "2017-12-05"),
                                   _event("USA", "010", None, "2017-12-27")])
    assert result.tally.dated_ok == 2


@pytest.mark.skipif(not DEV_SET.exists(), reason="shared/eval/dev.jsonl not beside the repository")
def test_evaluate_dev_set_meets_targets(coder):
    report = evaluate_file(coder, DEV_SET)
    for lang, tally in report.by_lang.items():
        assert tally.f1 >= 0.80, lang
    assert report.overall.date_accuracy >= 0.9
