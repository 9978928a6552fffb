"""Sentence-level cues: topics that are not coded (sport, markets ...), negation and intention."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..lang.base import LanguageWords, Token
from .actions import Trigger
from .actors import ActorPhrase
from .tokens import first_words, text_words


@dataclass(frozen=True)
class DiscardCues:
    """A language's cue words for topics that are not coded, compiled once."""

    first_words: frozenset[str]  # the first word of every cue: a quick test before the regex
    cues: re.Pattern
    patterns: tuple[re.Pattern, ...]  # the language's extra patterns


def compile_discard_cues(words: LanguageWords) -> DiscardCues:
    """One regular expression for the cue words plus the language's extra patterns."""
    cues = sorted(words.discard_cues, key=len, reverse=True)
    cue_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)",
                        re.IGNORECASE)
    patterns = tuple(re.compile(p) for p in words.discard_patterns)
    return DiscardCues(first_words(cues), cue_re, patterns)


def discard_reason(text: str, cues: DiscardCues,
                   names: Sequence[tuple[int, int]] = ()) -> str | None:
    """The cue that marks a sentence as sport, markets, weather or entertainment, if any. Cues
    inside an actor's name do not count ("Liga Arab", "Liga Nasional untuk Demokrasi")."""
    patterns = cues.patterns
    if not cues.first_words.isdisjoint(text_words(text)):
        patterns = (cues.cues, *patterns)
    for pattern in patterns:
        for match in pattern.finditer(text):
            if not any(start <= match.start() < end for start, end in names):
                return match.group(0)
    return None


ARMED_AGENTS = frozenset({"UAF", "MIL", "REB", "INS", "IMG", "SEP", "COP"})


UNARMED_STATE_AGENTS = frozenset({"GOV", "JUD", "SPY", "LEG"})


def armed_violence(phrases: Sequence[ActorPhrase], triggers: Sequence[Trigger]) -> bool:
    """An armed actor and a violent or coercive act in one sentence, or the state coercing
    someone: real events, whatever sport or entertainment word the sentence has ("gedung konser",
    "lapangan sepak bola", "confiscated the passport of an actress", "menahan pesepak bola")."""
    codes = [set(components(p.code)) for p in phrases if not p.is_location]
    roots = {t.code[:2] for t in triggers}
    if any(ARMED_AGENTS & parts for parts in codes) and roots & {"17", "18", "19", "20"}:
        return True
    return any(UNARMED_STATE_AGENTS & parts for parts in codes) and "17" in roots


def is_negated(tokens: Sequence[Token], head: int, words: LanguageWords) -> bool:
    """A negator right before the trigger, possibly across auxiliaries ("tidak akan", "did not")."""
    k = head - 1
    steps = 0
    while k >= 0 and steps < 4:
        word = tokens[k].lower
        if word in words.negators or word.endswith("n't") or word == "cannot":
            return True
        if word in words.negation_bridges or word in words.be_forms:
            k -= 1
            steps += 1
            continue
        return False
    return False


def intent_marker(tokens: Sequence[Token], head: int, words: LanguageWords) -> str | None:
    """The intent marker right before a trigger ("plans to", "siap"), if any."""
    if head == 0 or tokens[head - 1].lower not in words.intent_last_words:
        return None
    before = " ".join(t.lower for t in tokens[max(0, head - 4):head])
    for marker in words.intent_markers:
        if before == marker or before.endswith(" " + marker):
            return marker
    return None


def components(code: str) -> list[str]:
    """The three-letter parts of an actor code."""
    return [code[k:k + 3] for k in range(0, len(code), 3)]
