"""Event location: the place after a locative preposition ("di Jayapura", "in Helsinki")."""

from __future__ import annotations

from typing import Sequence

from ..lang.base import Token
from .actors import ActorPhrase


def pick_location(phrases: Sequence[ActorPhrase], trigger_head: int) -> ActorPhrase | None:
    """The location phrase nearest after the trigger, else the nearest before it."""
    locations = [p for p in phrases if p.is_location and p.country]
    after = [p for p in locations if p.start > trigger_head]
    if after:
        return after[0]
    before = [p for p in locations if p.end <= trigger_head]
    return before[-1] if before else None


def span_of(tokens: Sequence[Token], phrase: ActorPhrase) -> tuple[int, int]:
    """Character offsets (in the sentence) of a phrase."""
    return tokens[phrase.start].start, tokens[phrase.end - 1].end
