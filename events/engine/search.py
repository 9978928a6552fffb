"""Searches over one sentence for assembly: subjects before a trigger, objects after it, agents
of passives, places, parties "between X and Y", and the clause structure that bounds them."""

from __future__ import annotations

from typing import Sequence

from ..lang.base import LanguageWords, Token
from .actions import Trigger
from .actors import ActorPhrase

QUOTE_CHARS = set("\"“”«»")
HARD_STOPS = {".", ";", ":", "!", "?"}
OPENERS = {")": "(", "]": "["}
MAX_TARGET_DISTANCE = 12
MAX_COMPLEMENT_DISTANCE = 18


class SentenceView:
    """Index helpers over one sentence's phrases and triggers."""

    def __init__(self, tokens: Sequence[Token], phrases: Sequence[ActorPhrase],
                 triggers: Sequence[Trigger], words: LanguageWords):
        self.tokens = tokens
        self.words = words
        self.actor_at: dict[int, ActorPhrase] = {}
        self.location_at: dict[int, ActorPhrase] = {}
        for phrase in phrases:
            for k in range(phrase.start, phrase.end):
                if phrase.is_location:
                    self.location_at[k] = phrase
                else:
                    self.actor_at[k] = phrase
        self.phrases = [p for p in phrases if not p.is_location]
        self.triggers = list(triggers)
        self.trigger_heads = {t.head: t for t in triggers}
        self.literals = {k for t in triggers for k in t.literals}

    def members(self, phrase: ActorPhrase) -> list[ActorPhrase]:
        if phrase.compound is None or phrase.is_location:
            return [phrase]
        return [p for p in self.phrases if p.compound == phrase.compound]

    # -- subjects --------------------------------------------------------------------------
    def left_actor(self, head: int, objects: bool = False, stop_at_comma: bool = False
                   ) -> tuple[ActorPhrase | None, str]:
        """Nearest actor phrase before ``head`` in the same clause, and why the search stopped.
        Objects of prepositions are passed over unless ``objects`` is set."""
        k = head - 1
        while k >= 0:
            token = self.tokens[k]
            if stop_at_comma and token.text == ",":
                return None, "comma before a closing attribution"
            if token.text in OPENERS:
                inner = self._bracketed(k)
                if inner is None:
                    return None, "unbalanced bracket"
                k = inner
                continue
            if k in self.actor_at:
                phrase = self.actor_at[k]
                if not objects and self.after_preposition(phrase):
                    k = phrase.start - 1  # "Utusan PBB untuk Myanmar bertemu": keep looking
                    continue
                if phrase.has_role_only and self.after_possessive(phrase):
                    return None, f"{phrase.code} belongs to an unnamed possessor"
                return phrase, "found"
            if token.lower in self.words.pronouns:
                return None, f"pronoun {token.text!r}"
            if token.lower in self.words.clause_breaks:
                if token.lower in self.words.subordinators and k + 1 == head:
                    k -= 1  # "setelah memutuskan ...": the verb shares the main subject
                    continue
                return None, f"clause break {token.text!r}"
            if token.text in QUOTE_CHARS or token.text in HARD_STOPS:
                return None, f"boundary {token.text!r}"
            other = self.trigger_heads.get(k)
            if other is not None and "complement" not in other.flags and \
                    "speech" not in other.flags and other.pattern.head_class[0] != "noun":
                return None, f"another verb {token.text!r}"
            k -= 1
        return None, "sentence start"

    def reported_speaker(self, head: int, subjects: dict[int, ActorPhrase | None]
                         ) -> ActorPhrase | None:
        """The speaker whose reported clause opens with the pronoun before ``head``:
        "X said (that) it would ...", "X mengatakan pihaknya akan ..."."""
        k = head - 1
        while k >= 0 and self.tokens[k].lower not in self.words.pronouns:
            k -= 1
        j = k - 1
        while j >= 0 and self.tokens[j].lower in self.words.clause_breaks:
            j -= 1  # "that", "bahwa"
        for trigger in self.triggers:
            if "speech" in trigger.flags and trigger.end - 1 == j:
                return subjects.get(trigger.head)
        return None

    def postposed(self, trigger: Trigger) -> bool:
        """"..., X said." / "..., kata X": a speech verb in the last comma-segment, with no
        clause of its own after it."""
        before = [t.text for t in self.tokens[:trigger.head]]
        if "," not in before:
            return False
        after = self.tokens[trigger.end:]
        return not any(t.text == "," or t.lower in self.words.clause_breaks for t in after)

    def first_actor(self, before: int, exclude: ActorPhrase | None = None) -> ActorPhrase | None:
        """The first actor phrase of the sentence (before ``before``)."""
        for phrase in self.phrases:
            if phrase.end <= before and phrase is not exclude and not (
                    exclude is not None and phrase.compound is not None and
                    phrase.compound == exclude.compound):
                return phrase
        return None

    def recipient(self, start: int, skip: Sequence[int]) -> ActorPhrase | None:
        """The actor after "to"/"kepada" in the clause: who receives what is handed over."""
        k = start
        while k < len(self.tokens) and k - start <= MAX_TARGET_DISTANCE:
            token = self.tokens[k]
            if token.text in HARD_STOPS or token.text == "," or \
                    token.lower in self.words.clause_breaks:
                return None
            if token.lower in self.words.recipient_prepositions and k not in skip:
                found = self.right_actor(k + 1)
                if found is not None:
                    return found
            k += 1
        k = start  # bought "from" a seller when nothing is handed "to" anyone
        while k < len(self.tokens) and k - start <= MAX_TARGET_DISTANCE:
            token = self.tokens[k]
            if token.text in HARD_STOPS or token.lower in self.words.clause_breaks:
                return None
            if token.lower in self.words.source_prepositions and k not in skip:
                return self.right_actor(k + 1)
            k += 1
        return None

    def _bracketed(self, close: int) -> int | None:
        """Index just before the bracket that ``close`` closes: "(BNPB)" is skipped."""
        opener = OPENERS[self.tokens[close].text]
        k = close - 1
        while k >= 0 and self.tokens[k].text != opener:
            k -= 1
        return k - 1 if k >= 0 else None

    def _preceding(self, phrase: ActorPhrase) -> str:
        k = phrase.start - 1
        while k >= 0 and self.tokens[k].lower in self.words.determiners and \
                self.tokens[k].lower not in self.words.possessives:
            k -= 1
        return self.tokens[k].lower if k >= 0 else ""

    def after_preposition(self, phrase: ActorPhrase) -> bool:
        """Whether the phrase is the object of a preposition ("against Syrian targets"); not
        after a quantity ("thousands of protesters", "members of the opposition")."""
        k = phrase.start - 1
        while k >= 0 and self.tokens[k].lower in self.words.determiners and \
                self.tokens[k].lower not in self.words.possessives:
            k -= 1
        if k < 0 or self.tokens[k].lower not in self.words.prepositions:
            return False
        return not (k > 0 and self.tokens[k - 1].lower in self.words.quantity_words)

    def after_possessive(self, phrase: ActorPhrase) -> bool:
        """"their ambassadors": a role owned by someone named elsewhere."""
        return self._preceding(phrase) in self.words.possessives

    def object_of(self, phrase: ActorPhrase) -> Trigger | None:
        """The earlier trigger whose object ``phrase`` is ("mobilised reservists"), if any; a
        phrase among a pattern's own words is that verb's object ("membakar * sekolah")."""
        inside = [t for t in self.triggers if t.head < phrase.start < t.end]
        if inside:
            return inside[-1]
        earlier = [t for t in self.triggers if t.end <= phrase.start]
        if not earlier:
            return None
        trigger = earlier[-1]
        for k in range(trigger.end, phrase.start):
            token = self.tokens[k]
            if token.text in HARD_STOPS or token.text == "," or \
                    token.lower in self.words.clause_breaks:
                return None
        return trigger

    def coordinated(self, phrase: ActorPhrase, head: int) -> bool:
        """Whether a conjunction (or comma) joins the clause of ``phrase`` to the trigger."""
        between = [t.lower for t in self.tokens[phrase.end:head]]
        return any(w in self.words.conjunctions or w in self.words.subordinators or w == ","
                   for w in between)

    # -- objects ---------------------------------------------------------------------------
    def right_actor(self, start: int, skip: Sequence[int] = (), cross: bool = False,
                    stop_at_agent: bool = True, exclude: ActorPhrase | None = None,
                    through_agent: bool = False, free_until: int = -1) -> ActorPhrase | None:
        """First actor phrase after ``start``: within the clause, or (``cross``) within the
        clause a complement verb governs. A phrase naming only a role ("jet tempur", "troops")
        gives way to a later phrase with a country or organisation in the same stretch."""
        found = self._right_actors(start, skip, cross, stop_at_agent and not through_agent,
                                   exclude, through_agent, free_until)
        first = next(found, None)
        if first is None or not (first.has_role_only or first.inferred):
            return first
        for later in found:
            between = {t.lower for t in self.tokens[first.end:later.start]}
            if between & (self.words.locative | self.words.adjunct_words):
                break  # "menangkap 200 demonstran dalam aksi tolak UU TNI"
            if not (later.has_role_only or later.inferred):
                return later
        return first

    def _right_actors(self, start: int, skip: Sequence[int], cross: bool, stop_at_agent: bool,
                      exclude: ActorPhrase | None, through_agent: bool = False,
                      free_until: int = -1):
        limit = MAX_COMPLEMENT_DISTANCE if cross else MAX_TARGET_DISTANCE
        skip = set(skip) | (self.literals if cross else set())
        k = start
        while k < len(self.tokens) and k - start <= limit:
            token = self.tokens[k]
            named = k in self.actor_at and not (self.actor_at[k].has_role_only or
                                                self.actor_at[k].inferred)
            if k in skip and not named:  # the pattern's own words ("kerja sama militer")
                k += 1
                continue
            if k in self.actor_at:
                phrase = self.actor_at[k]
                if not (phrase is exclude or (phrase.has_role_only and
                                              self.after_possessive(phrase))):
                    yield phrase
                k = phrase.end
                continue
            if k < free_until:  # inside the pattern's own gap: "menangguhkan sementara kerja sama"
                k += 1
                continue
            if token.text in QUOTE_CHARS or token.text in HARD_STOPS:
                return
            if cross and not through_agent and (token.lower in self.words.relative_markers or
                                                (token.passive and k > start)):
                return  # a relative clause: "a deal mediated by China", "yang dimediasi China"
            # (rejecting or blaming, the relative clause names whose proposal or act it was:
            # "menolak usulan gencatan senjata yang diajukan Hamas")
            if token.lower in self.words.passive_agent and k > 0 and not through_agent and \
                    self._participle(self.tokens[k - 1]):
                return  # "a ceasefire brokered by Russia": the broker is no target
            if not cross:
                if token.lower in self.words.clause_breaks or token.text == "," or (
                        token.lower in self.words.purpose_markers and k + 1 < len(self.tokens)
                        and (self.tokens[k + 1].cls == "verb" or k + 1 in self.trigger_heads)):
                    return  # "... untuk mempersiapkan ...": a purpose clause, not an object
                if stop_at_agent and token.lower in self.words.passive_agent:
                    return
                other = self.trigger_heads.get(k)
                if other is not None and other.pattern.head_class[0] != "noun" and \
                        self.tokens[k].cls != "noun":
                    return
            k += 1

    @staticmethod
    def _participle(token: Token) -> bool:
        return token.cls == "verb" or (token.lower != token.norm and token.lower.endswith(
            ("ed", "en", "wn", "ne")))

    def agent_after(self, start: int, literals: Sequence[int] = ()) -> ActorPhrase | None:
        """The agent of a passive: the actor after "oleh"/"by" following the trigger, or right
        after the verb ("disalurkan Pemerintah Australia", "ditahan tentara Israel")."""
        while start in literals or (start < len(self.tokens) and
                                    self.tokens[start].lower in self.words.determiners):
            start += 1  # "didemo ratusan anggota ormas"
        if start in self.actor_at and self.actor_at[start].start == start and \
                not self.actor_at[start].has_role_only:
            return self.actor_at[start]
        k = start
        while k < len(self.tokens) and k - start <= MAX_TARGET_DISTANCE:
            token = self.tokens[k]
            if token.lower in self.words.passive_agent:
                return self.right_actor(k + 1, stop_at_agent=False)
            if token.text in HARD_STOPS or token.lower in self.words.clause_breaks:
                return None
            k += 1
        return None

    def location_after(self, start: int, directed: bool = False) -> ActorPhrase | None:
        """The first place after ``start`` (``directed``: only one reached by "ke"/"into")."""
        for k in range(start, min(len(self.tokens), start + MAX_TARGET_DISTANCE)):
            if self.tokens[k].text in HARD_STOPS:
                return None
            if k in self.location_at and self.location_at[k].country:
                place = self.location_at[k]
                before = {t.lower for t in self.tokens[max(0, place.start - 3):place.start]}
                if not directed or before & self.words.directional or place.start == start:
                    return place  # "serangan ke Kursk", or the object itself: "shelled Kharkiv"
                k = place.end
        return None

    def location_before(self, head: int) -> ActorPhrase | None:
        """A place that is the subject of a passive ("Mariupol dikepung oleh ...")."""
        for k in range(head - 1, -1, -1):
            token = self.tokens[k]
            if token.text in HARD_STOPS or token.lower in self.words.clause_breaks:
                return None
            if k in self.location_at and self.location_at[k].country:
                return self.location_at[k]
        return None

    def between_parties(self, start: int) -> list[ActorPhrase]:
        """"antara TNI dan kelompok separatis": the compound right after a between-marker."""
        for k in range(start, min(len(self.tokens), start + 4)):
            if self.tokens[k].lower in self.words.between_markers:
                first = self.right_actor(k + 1)
                if first is not None:
                    members = self.members(first)
                    return members if len(members) > 1 else []
        return []
