"""Compile dictionary entries into the lookup structures the matchers use.

Actor names go into a token trie keyed by lowercase tokens; verb patterns are reduced with the
language's morphology (roots or lemmas) and indexed by their trigger word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal, Mapping

from ..dictionaries import ActorEntry, LoadedEntry, VerbEntry
from ..lang.base import WordForm
from .tokens import phrase_tokens

CaseRule = Literal["any", "cap", "exact"]
GAP = "*"
MAX_GAP = 3


def case_rule(word: str) -> CaseRule:
    """How a dictionary word constrains the case of the text token it matches."""
    letters = [c for c in word if c.isalpha()]
    if 2 <= len(letters) <= 5 and all(c.isupper() for c in letters):
        return "exact"
    if word[:1].isupper():
        return "cap"
    return "any"


def token_key(lower: str) -> str:
    """The lookup key of a lowercase token: reduplicated plurals (tentara-tentara) collapse."""
    head, sep, tail = lower.partition("-")
    return head if sep and head == tail else lower


@dataclass(frozen=True)
class ActorName:
    entry: ActorEntry
    words: tuple[str, ...]
    cases: tuple[CaseRule, ...]
    any_case: bool = False  # every word matches in any case: nothing to check


@dataclass
class TrieNode:
    children: dict[str, "TrieNode"] = field(default_factory=dict)
    names: list[ActorName] = field(default_factory=list)


@dataclass(frozen=True)
class VerbPattern:
    entry: VerbEntry
    text: str
    head: str  # normalised trigger word
    head_class: WordForm
    rest: tuple[str, ...]  # normalised words or GAP
    rest_surface: tuple[str, ...]
    required: tuple[tuple[str, str], ...] = ()  # (norm, surface) of every literal after the head
    required_same: frozenset[str] = frozenset()  # literals whose norm is their surface form

    @property
    def size(self) -> int:
        return 1 + sum(1 for w in self.rest if w != GAP)


@dataclass(frozen=True)
class PatternIndex:
    """The patterns of one trigger word, indexed by a literal word each one needs, so a sentence
    only checks the patterns whose words it could contain ("agree" has 200 patterns)."""

    patterns: tuple[VerbPattern, ...]  # longest first: the order matching tries them in
    unconditional: tuple[int, ...]  # positions of patterns with no literal after the trigger
    keyed: Mapping[str, tuple[int, ...]]  # a word -> positions of the patterns that need it
    keys: frozenset[str]

    @classmethod
    def build(cls, patterns: tuple[VerbPattern, ...]) -> "PatternIndex":
        unconditional: list[int] = []
        keyed: dict[str, list[int]] = {}
        for k, pattern in enumerate(patterns):
            if pattern.required_same:  # a word that must occur as it is; the longest is rarest
                keys = [max(pattern.required_same, key=lambda w: (len(w), w))]
            elif pattern.required:  # a word that must occur as its root or as written
                keys = sorted(set(pattern.required[0]))
            else:
                unconditional.append(k)
                continue
            for key in keys:
                keyed.setdefault(key, []).append(k)
        return cls(patterns, tuple(unconditional),
                   {key: tuple(ids) for key, ids in keyed.items()}, frozenset(keyed))

    def candidates(self, words: set[str]) -> list[VerbPattern]:
        """The patterns that may match a sentence with these words, in matching order (a
        superset: :func:`events.engine.actions.match_at` checks every literal)."""
        hits = self.keys & words
        if not hits:
            return [self.patterns[k] for k in self.unconditional]
        ids = set(self.unconditional)
        for word in hits:
            ids.update(self.keyed[word])
        return [self.patterns[k] for k in sorted(ids)]


@dataclass(frozen=True)
class Lexicon:
    """Everything the matchers need for one language."""

    lang: str
    actors: TrieNode
    verbs: Mapping[str, PatternIndex]  # trigger word (root or lemma) -> its patterns
    instruments: Mapping[str, tuple[VerbPattern, ...]]
    actor_count: int
    verb_count: int


def build_actor_trie(entries: Iterable[ActorEntry]) -> TrieNode:
    root = TrieNode()
    for entry in entries:
        for name in entry.names:
            words = tuple(phrase_tokens(name))
            if not words:
                continue
            node = root
            for word in words:
                node = node.children.setdefault(word.lower(), TrieNode())
            cases = tuple(case_rule(w) for w in words)
            node.names.append(ActorName(entry, words, cases, all(c == "any" for c in cases)))
    return root


def compile_pattern(entry: VerbEntry, text: str, morphology, pattern_class) -> VerbPattern:
    words = phrase_tokens(text)
    head, rest = words[0], words[1:]
    norms = tuple(GAP if w == GAP else morphology.normalise(w) for w in rest)
    surfaces = tuple(w.lower() for w in rest)
    return VerbPattern(
        entry=entry,
        text=text,
        head=morphology.normalise(head),
        head_class=pattern_class(head, morphology),
        rest=norms,
        rest_surface=surfaces,
        required=tuple((n, w) for n, w in zip(norms, surfaces) if n not in (GAP, w)),
        required_same=frozenset(w for n, w in zip(norms, surfaces) if n == w != GAP),
    )


def build_lexicon(lang: str, entries: Iterable[LoadedEntry], morphology, rules_module) -> Lexicon:
    """Compile loaded entries for ``lang`` with that language's morphology."""
    actors: list[ActorEntry] = []
    by_head: dict[str, list[VerbPattern]] = {}
    instruments: dict[str, list[VerbPattern]] = {}
    verb_count = 0
    for item in entries:
        entry = item.entry
        if isinstance(entry, ActorEntry):
            actors.append(entry)
            continue
        verb_count += 1
        for text in entry.patterns:
            pattern = compile_pattern(entry, text, morphology, rules_module.pattern_class)
            if "instrument" in entry.flags:
                instruments.setdefault(pattern.head, []).append(pattern)
            else:
                by_head.setdefault(pattern.head, []).append(pattern)
    ordered = {
        head: PatternIndex.build(tuple(sorted(patterns, key=lambda p: (-p.size, -len(p.entry.code),
                                                                       p.entry.id))))
        for head, patterns in by_head.items()
    }
    return Lexicon(
        lang=lang,
        actors=build_actor_trie(actors),
        verbs=ordered,
        instruments={head: tuple(sorted(patterns, key=lambda p: -p.size))
                     for head, patterns in instruments.items()},
        actor_count=len(actors),
        verb_count=verb_count,
    )
