"""Model validation: bad codes, dates and spans are rejected with clear messages."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from events.models import Action, Article, Event


def _event(**changes):
    base = dict(article_id="a1", sentence_index=0, sentence_start=0,
                sentence_text="Rusia menyerang Ukraina.", language="id", date="2022-02-24",
                date_precision="day",
                source={"text": "Rusia", "start": 0, "end": 5, "code": "RUS"},
                target={"text": "Ukraina", "start": 16, "end": 23, "code": "UKR"},
                action={"code": "190", "trigger": {"text": "menyerang", "start": 6, "end": 15}})
    base.update(changes)
    return Event.model_validate(base)


def test_event_derives_action_fields_from_codebook_not_input():
    event = _event(action={"code": "190", "goldstein": 99, "quad_class": 1, "name_en": "x",
                           "trigger": {"text": "menyerang", "start": 6, "end": 15}})
    assert event.action.goldstein == -10.0
    assert event.action.quad_class == 4
    assert event.action.root == "19"
    assert event.action.plover == "FIGHT"
    assert event.source.country == "RUS" and event.source.agents == []


def test_event_rejects_unknown_action_code():
    with pytest.raises(ValidationError, match="unknown CAMEO event code '999'"):
        _event(action={"code": "999"})


def test_event_rejects_bad_date():
    with pytest.raises(ValidationError, match="date"):
        _event(date="2022-02-30")


def test_event_rejects_span_outside_sentence():
    with pytest.raises(ValidationError, match="outside the sentence"):
        _event(target={"text": "Ukraina", "start": 16, "end": 99, "code": "UKR"})


def test_event_rejects_span_text_that_does_not_match_sentence():
    with pytest.raises(ValidationError, match="does not match the sentence"):
        _event(source={"text": "Iran", "start": 0, "end": 4, "code": "IRN"})


def test_event_rejects_unknown_actor_component():
    with pytest.raises(ValidationError, match="unknown component"):
        _event(source={"text": "Rusia", "start": 0, "end": 5, "code": "RUSQQQ"})


def test_event_id_is_deterministic_and_changes_with_codes():
    assert _event().id == _event().id
    other = _event(action={"code": "193", "trigger": {"text": "menyerang", "start": 6, "end": 15}})
    assert other.id != _event().id


def test_article_rejects_non_iso_date_with_message():
    with pytest.raises(ValidationError, match="not an ISO date"):
        Article(text="x", date="27/12/2017")


def test_action_code_must_be_string():
    with pytest.raises(ValidationError, match="must be a string"):
        Action.model_validate({"code": 190})
