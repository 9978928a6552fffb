"""Find verb-pattern triggers in a sentence's tokens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..lang.base import Token
from .lexicon import GAP, MAX_GAP, Lexicon, VerbPattern


GAP_MARKS = frozenset({"$", "%", "'s", "’s", "€", "£", "-"})


@dataclass(frozen=True)
class Trigger:
    """A matched verb pattern: tokens ``head`` .. ``end - 1`` (inclusive of gaps)."""

    pattern: VerbPattern
    head: int
    end: int
    literals: tuple[int, ...] = ()  # token indices matched by the pattern's words (not gaps)

    @property
    def code(self) -> str:
        return self.pattern.entry.code

    @property
    def flags(self) -> list[str]:
        return self.pattern.entry.flags


def _word_matches(token: Token, norm: str, surface: str) -> bool:
    return token.norm == norm or token.lower == surface


def _match_rest(tokens: Sequence[Token], i: int, pattern: VerbPattern, k: int = 0,
                free: frozenset[int] = frozenset()) -> tuple[int, tuple[int, ...]] | None:
    """(end index, literal positions) when ``pattern.rest[k:]`` matches from token ``i``.
    A gap spans up to MAX_GAP words; the words of a name after its first (``free``) are free,
    so "menetapkan Gubernur Papua Lukas Enembe sebagai tersangka" still matches."""
    if k == len(pattern.rest):
        return i, ()
    word = pattern.rest[k]
    if word == GAP:
        j, used = i, 0
        while j <= len(tokens):
            found = _match_rest(tokens, j, pattern, k + 1, free)
            if found is not None:
                return found
            if j == len(tokens) or not (tokens[j].is_word or tokens[j].text in GAP_MARKS):
                break  # a gap never runs across punctuation ("$", "%", "'s" are words here)
            used += 0 if j in free or not tokens[j].is_word else 1
            if used > MAX_GAP:
                break
            j += 1
        return None
    if i < len(tokens) and _word_matches(tokens[i], word, pattern.rest_surface[k]):
        found = _match_rest(tokens, i + 1, pattern, k + 1, free)
        if found is not None:
            return found[0], (i, *found[1])
    return None


def _present(pattern: VerbPattern, words: set[str]) -> bool:
    """Cheap pre-check: every literal word of the pattern occurs somewhere in the sentence."""
    if not pattern.required_same <= words:
        return False
    return all(norm in words or surface in words for norm, surface in pattern.required)


def match_at(tokens: Sequence[Token], i: int, patterns: Sequence[VerbPattern],
             rules_module, words: set[str] | None = None,
             free: frozenset[int] = frozenset()) -> Trigger | None:
    """The best pattern whose trigger is token ``i`` (patterns come longest first).

    Patterns whose trigger is written in the token's exact form win; otherwise the language may
    accept a looser form (Indonesian: ``mengirim`` also covers ``mengirimkan``).
    """
    token = tokens[i]
    if token.text[:1].isupper() and i > 0 and tokens[i - 1].is_word:
        return None  # a capitalised word inside a sentence is a name ("March", "Shell")
    if words is not None:  # the _present test, inlined: it runs for every candidate pattern
        patterns = [p for p in patterns
                    if p.required_same <= words
                    and (not p.required or all(n in words or w in words for n, w in p.required))]
    for strict in (True, False):
        for pattern in patterns:
            if not rules_module.trigger_matches(pattern, token, tokens, i, strict):
                continue
            found = _match_rest(tokens, i + 1, pattern, free=free)
            if found is not None:
                return Trigger(pattern, i, found[0], (i, *found[1]))
    return None


def find_triggers(tokens: Sequence[Token], lexicon: Lexicon, rules_module,
                  free: frozenset[int] = frozenset(), words: set[str] | None = None
                  ) -> list[Trigger]:
    """Non-overlapping triggers, left to right; a longer match hides triggers inside it."""
    found: list[Trigger] = []
    covered_until = -1
    words = words if words is not None else sentence_words(tokens)
    verbs = lexicon.verbs
    for i, token in enumerate(tokens):
        if i < covered_until:
            continue
        index = verbs.get(token.norm)
        if index is None and token.lower != token.norm:
            index = verbs.get(token.lower)
        if index is None:
            continue
        trigger = match_at(tokens, i, index.candidates(words), rules_module, words, free)
        if trigger is not None:
            found.append(trigger)
            covered_until = trigger.end if trigger.pattern.rest else i + 1
    return found


def sentence_words(tokens: Sequence[Token]) -> set[str]:
    """Every norm and lowercase form in the sentence, for the patterns' pre-check."""
    words = {t.norm for t in tokens}
    words.update(t.lower for t in tokens)
    return words


def find_instruments(tokens: Sequence[Token], lexicon: Lexicon,
                     words: set[str] | None = None) -> list[Trigger]:
    """Weapon and method phrases (``instrument`` entries) anywhere in the sentence."""
    found = []
    words = words if words is not None else sentence_words(tokens)
    if words.isdisjoint(lexicon.instruments):
        return found  # no instrument word in the sentence: most sentences
    for i, token in enumerate(tokens):
        patterns = lexicon.instruments.get(token.norm) or lexicon.instruments.get(token.lower)
        for pattern in patterns or ():
            if not _present(pattern, words):
                continue
            match = _match_rest(tokens, i + 1, pattern)
            if match is not None:
                found.append(Trigger(pattern, i, match[0], (i, *match[1])))
                break
    return found
