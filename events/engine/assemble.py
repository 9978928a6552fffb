"""Assembly: who did what to whom, from a sentence's tokens, actor phrases and triggers.

Rules, in order: discard sport/market/weather/entertainment sentences; skip negated triggers and
triggers governed by an earlier complement verb (threaten to, call for); the source is the nearest
actor phrase before the trigger in its clause and the target the first actor phrase after it;
passives swap them ("diserang oleh X", "was arrested by X"); speech verbs with no subject before
them take the speaker after them ("..., kata X"); compounds give one event per actor; symmetric and
reciprocal actions, and joint cooperative acts of a compound subject, are coded both ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from ..lang.base import LanguageWords, Token
from .actions import Trigger
from .actors import ActorPhrase

QUOTE_CHARS = set("\"“”«»")
HARD_STOPS = {".", ";", ":", "!", "?", "(", ")", "[", "]"}
JOINT_ROOTS = {"03", "04", "05", "06", "08"}
VIOLENT_ROOTS = {"18", "19", "20"}
MAX_TARGET_DISTANCE = 12


@dataclass
class Draft:
    """An event before dates, locations and validation are added."""

    trigger: Trigger
    code: str
    source: ActorPhrase
    target: ActorPhrase | None
    rules: list[str]
    modality: str = "asserted"


@dataclass
class Decision:
    """One assembly decision, for ``events explain``."""

    trigger: str
    outcome: str


@dataclass
class Assembly:
    drafts: list[Draft] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def compile_discard_patterns(words: LanguageWords) -> tuple[re.Pattern, ...]:
    """One regular expression for the cue words plus the language's extra patterns."""
    cues = sorted(words.discard_cues, key=len, reverse=True)
    cue_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)",
                        re.IGNORECASE)
    return (cue_re, *(re.compile(p) for p in words.discard_patterns))


def discard_reason(text: str, patterns: Sequence[re.Pattern]) -> str | None:
    """The cue that marks a sentence as sport, markets, weather or entertainment, if any."""
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return None


def is_negated(tokens: Sequence[Token], head: int, words: LanguageWords) -> bool:
    """A negator right before the trigger, possibly across auxiliaries ("tidak akan", "did not")."""
    k = head - 1
    steps = 0
    while k >= 0 and steps < 4:
        word = tokens[k].lower
        if word in words.negators or word.endswith("n't") or word == "cannot":
            return True
        if word in words.negation_bridges or word in words.be_forms or \
                word in ("do", "does", "did", "will", "would", "could", "should", "can", "has",
                         "have", "had", "may", "might", "must"):
            k -= 1
            steps += 1
            continue
        return False
    return False


class _Sentence:
    """Index helpers over one sentence's phrases and triggers."""

    def __init__(self, tokens: Sequence[Token], phrases: Sequence[ActorPhrase],
                 triggers: Sequence[Trigger], words: LanguageWords):
        self.tokens = tokens
        self.words = words
        self.actor_at: dict[int, ActorPhrase] = {}
        self.location_at: set[int] = set()
        for phrase in phrases:
            for k in range(phrase.start, phrase.end):
                if phrase.is_location:
                    self.location_at.add(k)
                else:
                    self.actor_at[k] = phrase
        self.phrases = [p for p in phrases if not p.is_location]
        self.trigger_heads = {t.head: t for t in triggers}
        self.trigger_tokens = {k for t in triggers for k in range(t.head, t.end)}

    def members(self, phrase: ActorPhrase) -> list[ActorPhrase]:
        if phrase.compound is None:
            return [phrase]
        return [p for p in self.phrases if p.compound == phrase.compound]

    def left_actor(self, head: int) -> tuple[ActorPhrase | None, str]:
        """Nearest actor phrase before ``head`` in the same clause, and why the search stopped."""
        k = head - 1
        while k >= 0:
            token = self.tokens[k]
            if k in self.actor_at:
                phrase = self.actor_at[k]
                if self.after_preposition(phrase):
                    return None, f"{phrase.code} is the object of a preposition"
                return phrase, "found"
            if token.lower in self.words.pronouns:
                return None, f"pronoun {token.text!r}"
            if token.lower in self.words.clause_breaks:
                return None, f"clause break {token.text!r}"
            if token.text in QUOTE_CHARS or token.text in HARD_STOPS:
                return None, f"boundary {token.text!r}"
            other = self.trigger_heads.get(k)
            if other is not None and "complement" not in other.flags and \
                    "speech" not in other.flags:
                return None, f"another verb {token.text!r}"
            k -= 1
        return None, "sentence start"

    def after_preposition(self, phrase: ActorPhrase) -> bool:
        """Whether the phrase is the object of a preposition ("against Syrian targets")."""
        k = phrase.start - 1
        while k >= 0 and self.tokens[k].lower in self.words.determiners:
            k -= 1
        return k >= 0 and self.tokens[k].lower in self.words.prepositions

    def right_actor(self, start: int, stop_at_agent: bool = True) -> ActorPhrase | None:
        """First actor phrase after ``start`` within the clause."""
        k = start
        while k < len(self.tokens) and k - start <= MAX_TARGET_DISTANCE:
            token = self.tokens[k]
            if k in self.actor_at:
                return self.actor_at[k]
            if token.lower in self.words.clause_breaks or token.text in QUOTE_CHARS or \
                    token.text in HARD_STOPS or token.text == ",":
                return None
            if stop_at_agent and token.lower in self.words.passive_agent:
                return None
            if k in self.trigger_heads and self.trigger_heads[k].pattern.head_class[0] != "noun":
                return None
            k += 1
        return None

    def agent_after(self, start: int) -> ActorPhrase | None:
        """The agent of a passive: the actor after "oleh"/"by" following the trigger."""
        k = start
        while k < len(self.tokens) and k - start <= MAX_TARGET_DISTANCE:
            token = self.tokens[k]
            if token.lower in self.words.passive_agent:
                return self.right_actor(k + 1, stop_at_agent=False)
            if token.text in HARD_STOPS or token.lower in self.words.clause_breaks:
                return None
            k += 1
        return None


def _reciprocal(tokens: Sequence[Token], head: int, words: LanguageWords) -> bool:
    before = " ".join(t.lower for t in tokens[max(0, head - 2):head])
    after = " ".join(t.lower for t in tokens[head + 1:head + 4])
    return any(marker in before.split() or after.startswith(marker) for marker in words.reciprocal)


def refine_code(code: str, instruments: Sequence[Trigger]) -> tuple[str, str | None]:
    """A violent trigger takes the code of a weapon/method phrase in the same sentence."""
    if code[:2] not in VIOLENT_ROOTS:
        return code, None
    for instrument in instruments:
        if instrument.code[:2] in VIOLENT_ROOTS:
            return instrument.code, instrument.pattern.entry.id
    return code, None


def assemble(tokens: Sequence[Token], phrases: Sequence[ActorPhrase], triggers: Sequence[Trigger],
             instruments: Sequence[Trigger], words: LanguageWords,
             discard: str | None = None) -> Assembly:
    """Turn one sentence's matches into event drafts, recording each decision."""
    out = Assembly()
    if discard is not None:
        for trigger in triggers:
            out.decisions.append(Decision(trigger.pattern.text, f"discarded: topic cue {discard!r}"))
        return out
    sentence = _Sentence(tokens, phrases, triggers, words)
    governed_until = -1
    for trigger in triggers:
        label = f"{trigger.pattern.text} [{trigger.pattern.entry.id}]"
        if trigger.head < governed_until:
            out.decisions.append(Decision(label, "skipped: inside the complement of an earlier verb"))
            continue
        if is_negated(tokens, trigger.head, words):
            out.decisions.append(Decision(label, "skipped: negated"))
            continue
        flags = trigger.flags
        if "complement" in flags:
            governed_until = _clause_end(tokens, trigger.end, words)
        code, refined_by = refine_code(trigger.code, instruments)
        rules = [trigger.pattern.entry.id] + ([refined_by] if refined_by else [])
        passive = tokens[trigger.head].passive
        previous = tokens[trigger.head - 1].lower if trigger.head > 0 else ""
        if _governing_trigger(triggers, trigger, previous, words) is not None:
            out.decisions.append(Decision(label, "skipped: purpose clause of an earlier verb "
                                                 "(intended, not done)"))
            continue
        if (trigger.pattern.head_class[0] == "noun" or tokens[trigger.head].cls == "noun") \
                and previous in words.prepositions:
            out.decisions.append(Decision(label, "skipped: event noun inside a prepositional "
                                                 "phrase (circumstance, not a new event)"))
            continue
        if passive:
            source = sentence.agent_after(trigger.end)
            target, why = sentence.left_actor(trigger.head)
            rules.append("assembly.passive")
        elif previous == "," and "speech" not in flags:
            source, target, why = None, None, "verb right after a comma: an adjunct clause"
        else:
            source, why = sentence.left_actor(trigger.head)
            target = sentence.right_actor(trigger.head + 1) if "speech" not in flags else None
            if source is None and "speech" in flags:
                source = sentence.right_actor(trigger.head + 1)
                if source is not None:
                    rules.append("assembly.speaker-after-verb")
                    why = "found"
            if source is not None:
                rules.append("assembly.active")
        if source is None:
            out.decisions.append(Decision(label, f"no event: no source actor ({why})"))
            continue
        sources = sentence.members(source)
        targets = sentence.members(target) if target is not None else [None]
        symmetric = "symmetric" in flags or _reciprocal(tokens, trigger.head, words)
        pairs: list[tuple[ActorPhrase, ActorPhrase | None]] = []
        if target is None and len(sources) > 1 and (symmetric or code[:2] in JOINT_ROOTS):
            pairs = [(a, b) for a in sources for b in sources if a is not b]
            rules.append("assembly.joint-compound")
        else:
            pairs = [(a, b) for a in sources for b in targets if b is None or a.code != b.code
                     or a is not b]
            if symmetric and target is not None:
                pairs += [(b, a) for a, b in pairs if b is not None]
                rules.append("assembly.symmetric")
        if len(sources) > 1 or len(targets) > 1:
            rules.append("assembly.compound")
        modality = "reported" if _inside_quote(tokens, trigger.head) else "asserted"
        for src, tgt in pairs:
            if tgt is not None and tgt is src:
                continue
            out.drafts.append(Draft(trigger, code, src, tgt, list(rules), modality))
        out.decisions.append(Decision(label, f"{len(pairs)} event(s)"))
    return out


def _governing_trigger(triggers: Sequence[Trigger], trigger: Trigger, previous: str,
                       words: LanguageWords) -> Trigger | None:
    """For a verb after "untuk"/"to", the earlier verb whose purpose it states ("visited X to
    sign"): the purpose is intended, not yet done, so it is not coded on its own."""
    if previous not in words.infinitive_markers:
        return None
    earlier = [t for t in triggers if t.end <= trigger.head]
    return earlier[-1] if earlier else None


def _clause_end(tokens: Sequence[Token], start: int, words: LanguageWords) -> int:
    k = start
    while k < len(tokens):
        if tokens[k].text in HARD_STOPS or tokens[k].text in QUOTE_CHARS:
            return k
        k += 1
    return k


def _inside_quote(tokens: Sequence[Token], head: int) -> bool:
    return sum(1 for t in tokens[:head] if t.text in QUOTE_CHARS) % 2 == 1
