"""Assembly: who did what to whom, from a sentence's tokens, actor phrases and triggers.

Rules, in order: discard sport/market/weather/entertainment sentences; skip negated triggers,
purpose clauses and event nouns inside prepositional phrases; triggers inside the complement of an
earlier complement verb (threaten to, call for) are not coded, but a violent act inside a promise
makes the promise a threat; an intent marker ("plans to", "siap") turns an act into an intention.
The source is the nearest actor phrase before the trigger in its clause (the subject of the first
verb when verbs are coordinated) and the target the first actor phrase after it (skipping the
pattern's own words); complement and speech verbs look for their target inside the clause they
govern. Passives swap source and target ("diserang oleh X", "was attacked by X"); speech verbs with
no subject take the speaker after them ("..., kata X"); compounds give one event per actor; symmetric
and reciprocal actions, and joint acts of a compound subject, are coded both ways.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Sequence

from ..lang.base import LanguageWords, Token
from .actions import Trigger
from .actors import ActorPhrase
from .cues import ARMED_AGENTS, UNARMED_STATE_AGENTS, components, intent_marker, is_negated
from .search import HARD_STOPS, QUOTE_CHARS, SentenceView

JOINT_ROOTS = {"03", "04", "05", "06", "08"}
VIOLENT_ROOTS = {"18", "19", "20"}
GENERIC_VIOLENT_CODES = {"18", "180", "19", "190", "20", "200"}
MATERIAL_ROOTS = {"15", "16", "17", "18", "19", "20"}
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030",
                "15": "138", "16": "130", "17": "137", "18": "138", "19": "138", "20": "138"}
AGENTLESS_ROOTS = {"18", "19", "20"}
PLACE_TARGET_CODES = {"042", "043", "044"}  # visits: the place visited stands for its country
PLACE_TARGET_ROOTS = {"03", "07", "14", "15", "16"}  # aid to, forces near, envoys withdrawn from a place
DIRECTED_PLACE_ROOTS = VIOLENT_ROOTS  # attacks "on"/"ke" a place
UNCONVENTIONAL_AGENTS = {"UAF", "CRM", "CVL"}  # gunmen, criminals, mobs: their attacks are 18, not 19
BLAME_ROOTS = {"10", "11", "12"}  # "rejected the offer made by X": X is the target
TRANSFER_ROOTS = {"06", "07"}  # aid, arms, suspects handed to a recipient
TRANSFER_CODES = {"174", "1711"}
DOMESTIC_AGENTS = {"LAB", "OPP", "CVL", "EDU", "MED", "REL", "BUS", "HRI", "NGO", "AGR", "HLH",
                   "PTY", "LEG", "JUD", "ENV", "REF"}
STATE_TARGET_AGENTS = {"GOV", "LEG", "JUD", "COP", "MIL"}


@dataclass
class Draft:
    """An event before dates, locations and validation are added."""

    trigger: Trigger
    code: str
    source: ActorPhrase | None
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


def _drop_repeats(drafts: list[Draft], pairs, code: str):
    """Coordinated verbs of one root by the same source are one event; a repeat that names a
    target replaces an earlier one that had none ("hijacked a boat and kidnapped 10 sailors")."""
    kept = []
    for src, tgt in pairs:
        key = (src.code if src else None, code[:2])
        earlier = [d for d in drafts if (d.source.code if d.source else None, d.code[:2]) == key]
        if not earlier:
            kept.append((src, tgt))
        elif tgt is not None and all(d.target is None for d in earlier):
            for d in earlier:
                drafts.remove(d)
            kept.append((src, tgt))
    return kept


def _reciprocal(tokens: Sequence[Token], head: int, words: LanguageWords) -> bool:
    before = " ".join(t.lower for t in tokens[max(0, head - 2):head])
    after = " ".join(t.lower for t in tokens[head + 1:head + 4])
    return any(marker in before.split() or after.startswith(marker) for marker in words.reciprocal)


def refine_code(code: str, instruments: Sequence[Trigger]) -> tuple[str, str | None]:
    """A generic violent trigger ("attack") takes the code of a weapon or method phrase in the
    same sentence; a specific one ("dropped sarin") keeps its own."""
    if code not in GENERIC_VIOLENT_CODES:
        return code, None
    for instrument in instruments:
        if instrument.code[:2] in VIOLENT_ROOTS:
            return instrument.code, instrument.pattern.entry.id
    return code, None


def _complement_code(code: str, embedded: Sequence[Trigger]) -> tuple[str, str | None]:
    """A promise or vow whose complement is a violent or coercive act is a threat."""
    if code[:2] != "03" or not embedded:
        return code, None
    root = embedded[0].code[:2]
    if root in VIOLENT_ROOTS:
        return "138", "assembly.vow-to-attack-is-threat"
    if root in ("16", "17"):
        return "130", "assembly.vow-to-coerce-is-threat"
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
    sentence = SentenceView(tokens, phrases, triggers, words)
    governed_until = -1
    subjects: dict[int, ActorPhrase | None] = {}
    statements: list[tuple[int, str | None]] = []  # (end of reported clause, speaker's country)
    for trigger in triggers:
        label = f"{trigger.pattern.text} [{trigger.pattern.entry.id}]"
        skip = _skip_reason(tokens, trigger, triggers, words, governed_until)
        if skip:
            subjects[trigger.head] = None  # a verb coordinated with this one is skipped too
            out.decisions.append(Decision(label, f"skipped: {skip}"))
            continue
        flags = trigger.flags
        code, refined_by = refine_code(trigger.code, instruments)
        rules = [trigger.pattern.entry.id] + ([refined_by] if refined_by else [])
        if "complement" in flags:
            governed_until = _complement_end(tokens, trigger.end, triggers, words)
            embedded = [t for t in triggers if trigger.end <= t.head < governed_until]
            code, rule = _complement_code(code, embedded)
            rules += [rule] if rule else []
        marker = intent_marker(tokens, trigger.head, words)
        if marker and code[:2] in INTENT_CODES:
            code = INTENT_CODES[code[:2]]
            rules.append("assembly.intent")
        source, target, why = _participants(sentence, trigger, code, subjects, rules)
        subjects[trigger.head] = source
        parties = sentence.between_parties(trigger.end) if source is None else []
        if source is None and not parties and code[:2] in VIOLENT_ROOTS and \
                _weapon_subject(sentence, trigger, instruments):
            # "A car bomb exploded ..., killing eight", "Serangan bom di masjid ... menewaskan":
            # an attack by someone unnamed on the place's country (or the people named)
            target = target or sentence.location_after(0)
            if target is not None:
                rules.append("assembly.unknown-attacker")
                why = "unknown attacker"
        if source is None and not parties and "assembly.unknown-attacker" not in rules and \
                not (target is not None and code[:2] in AGENTLESS_ROOTS and
                     tokens[trigger.head].passive):
            out.decisions.append(Decision(label, f"no event: no source actor ({why})"))
            continue
        if "armed" in flags and "assembly.unknown-attacker" not in rules and not (
                source is not None and ARMED_AGENTS.intersection(components(source.code))):
            # "strike", "hit": an attack when forces, fighters or gunmen do it, not teachers
            out.decisions.append(Decision(label, "no event: needs an armed actor as its source"))
            continue
        if "speech" in flags and source is not None and source.has_role_only and \
                source.code[:3] not in ("IGO", "IMG", "NGO", "MNC"):
            out.decisions.append(Decision(label, "no event: anonymous speaker "
                                                 f"({source.code} with no country)"))
            continue
        if code == "190" and source is not None and \
                UNCONVENTIONAL_AGENTS & set(components(source.code)):
            code = "180"
            rules.append("assembly.unconventional-attacker")
        if code[:2] == "01" and source is not None and any(
                trigger.head < end and source.country and source.country == country
                for end, country in statements):
            out.decisions.append(Decision(label, "skipped: a statement inside the same "
                                                 "speaker's reported speech"))
            continue
        pairs = _pairs(sentence, trigger, code, source, target, parties, rules)
        if "assembly.coordinated-verbs" in rules:
            pairs = _drop_repeats(out.drafts, pairs, code)
        modality = "reported" if _inside_quote(tokens, trigger.head) else \
            "intended" if marker else "asserted"
        if "speech" in flags and source is not None:
            statements.append((_clause_end(tokens, trigger.end), source.country))
        seen: set[tuple[str | None, str | None]] = set()
        for src, tgt in pairs:
            # "police and soldiers were deployed": one event per pair of countries
            key = (src.country or src.code if src else None, tgt.code if tgt else None)
            if key in seen:
                continue  # "dokter dan tenaga kesehatan": one event per distinct pair of codes
            seen.add(key)
            out.drafts.append(Draft(trigger, code, src, tgt, list(rules), modality))
        out.decisions.append(Decision(label, f"{len(pairs)} event(s)"))
    if any(d.source is not None and d.code[:2] in VIOLENT_ROOTS for d in out.drafts):
        # "80 people were killed when warplanes dropped sarin": the attack has its attacker
        out.drafts = [d for d in out.drafts if d.source is not None]
    return out


def _skip_reason(tokens: Sequence[Token], trigger: Trigger, triggers: Sequence[Trigger],
                 words: LanguageWords, governed_until: int) -> str | None:
    if trigger.head < governed_until:
        return "inside the complement of an earlier verb"
    if is_negated(tokens, trigger.head, words):
        return "negated"
    if trigger.head > 0 and tokens[trigger.head - 1].lower in words.relative_markers:
        return "inside a relative clause (background, not the reported event)"
    previous = tokens[trigger.head - 1].lower if trigger.head > 0 else ""
    governor = _governing_trigger(triggers, trigger, previous, words)
    purpose = governor is not None and "speech" not in governor.flags
    if not purpose and previous in words.purpose_last_words:
        before = " ".join(t.lower for t in tokens[max(0, trigger.head - 3):trigger.head])
        purpose = any(before == m or before.endswith(" " + m) for m in words.purpose_markers)
    if purpose and intent_marker(tokens, trigger.head, words) is None:
        return "purpose clause (intended, not done)"
    if (trigger.pattern.head_class[0] == "noun" or tokens[trigger.head].cls == "noun") \
            and previous in words.prepositions:
        return "event noun inside a prepositional phrase (circumstance, not a new event)"
    if previous == "," and "speech" not in trigger.flags and \
            any(t.end <= trigger.head - 1 for t in triggers):
        return "verb right after a comma: an adjunct of the previous clause"
    for k in range(trigger.head - 1, -1, -1):
        word = tokens[k].lower
        if word in words.conditionals:
            return f"inside a condition ({tokens[k].text!r}): hypothetical"
        if word == "," or word in HARD_STOPS or word in words.clause_breaks:
            break
    marker = _unreal_marker(tokens, trigger.head, words)
    if marker is not None:
        return f"after {marker!r}: not asserted"
    return None


def _unreal_marker(tokens: Sequence[Token], head: int, words: LanguageWords) -> str | None:
    """A phrase shortly before the trigger that denies or doubts what follows ("no evidence that
    Iran supplied ...", "membantah bahwa ..."), if any."""
    if not words.unreal_markers:
        return None
    before = " " + " ".join(t.lower for t in tokens[max(0, head - 10):head]) + " "
    for marker in words.unreal_markers:
        if f" {marker} " in before:
            return marker
    return None


def _participants(sentence: SentenceView, trigger: Trigger, code: str,
                  subjects: dict[int, ActorPhrase | None], rules: list[str]
                  ) -> tuple[ActorPhrase | None, ActorPhrase | None, str]:
    """Source and target of one trigger, and why the source search stopped."""
    tokens = sentence.tokens
    flags = trigger.flags
    skip = trigger.literals
    if tokens[trigger.head].passive:
        return _passive_participants(sentence, trigger, code, rules)
    previous = tokens[trigger.head - 1].text if trigger.head else ""
    source, why = None, "not searched"
    postposed = "speech" in flags and sentence.postposed(trigger)
    if "speech" in flags and (trigger.head == 0 or previous in QUOTE_CHARS or previous == ","):
        source = sentence.right_actor(trigger.head + 1, skip)  # '"...," kata X', ', said X'
        if source is not None:
            rules.append("assembly.speaker-after-verb")
            why = "found"
    if source is None and postposed:
        source, why = sentence.left_actor(trigger.head, stop_at_comma=True)  # "..., X said."
    if source is None and not postposed:
        source, why = _subject(sentence, trigger, subjects, rules)
    if "speech" in flags:
        if postposed or rules[-1:] == ["assembly.speaker-after-verb"]:
            # the reported clause comes first: the statement is about its first actor
            target = sentence.first_actor(before=trigger.head, exclude=source)
        else:
            target = sentence.right_actor(trigger.end, skip, cross=True, exclude=source)
        if target is not None and target.has_role_only:
            target = None  # "told reporters": an addressee, not what the statement is about
    else:
        cross = "complement" in flags or code[:2] == "14"  # protests: "... menuntut X mundur"
        target = sentence.right_actor(trigger.head + 1, skip, cross=cross, stop_at_agent=not cross,
                                      through_agent=code[:2] in BLAME_ROOTS,
                                      free_until=trigger.end)
        if code[:2] in TRANSFER_ROOTS or code in TRANSFER_CODES:
            target = sentence.recipient(trigger.end, skip) or target  # "extradited X to Y"
        if target is None:
            target = _place_target(sentence, trigger, code)
        if target is None:
            target = _pattern_people(sentence, trigger, source)
            if target is not None:
                rules.append("assembly.people-in-pattern")
        if target is not None and source is not None:
            countries = {p.country for p in sentence.phrases if p.country}
            target = _home_government(target, source, sole_country=countries == {source.country})
    if source is not None:
        rules.append("assembly.active")
    return source, target, why


def _home_government(target: ActorPhrase, source: ActorPhrase,
                     sole_country: bool = False) -> ActorPhrase:
    """"South Korean unions denounced the government's plan": an unnamed government criticised
    by a country's own unions, parties or citizens is that country's."""
    if not target.has_role_only or target.code[:3] not in STATE_TARGET_AGENTS or \
            not source.country:
        return target
    parts = components(source.code)[1:]
    if (parts and parts[0] in DOMESTIC_AGENTS) or sole_country:
        return replace(target, code=source.country + target.code, country=source.country,
                       has_role_only=False)
    return target


def _subject(sentence: SentenceView, trigger: Trigger, subjects: dict[int, ActorPhrase | None],
             rules: list[str]) -> tuple[ActorPhrase | None, str]:
    """The subject before an active trigger, shared with an earlier verb when coordinated."""
    source, why = sentence.left_actor(trigger.head, objects=True)
    if source is None and why.startswith("pronoun"):
        speaker = sentence.reported_speaker(trigger.head, subjects)
        if speaker is not None:  # "Turkey said it was ready to host talks"
            rules.append("assembly.pronoun-is-speaker")
            return speaker, "found"
    previous = sentence.tokens[trigger.head - 1].lower if trigger.head else ""
    if source is None and why.startswith("another verb") and previous in sentence.words.conjunctions:
        earlier = [t for t in sentence.triggers if t.end <= trigger.head and t.head in subjects]
        if earlier:  # "hijacked a tugboat and kidnapped 10 sailors"
            rules.append("assembly.coordinated-verbs")
            return subjects[earlier[-1].head], "found"
    governor = sentence.object_of(source) if source is not None else None
    if governor is not None and governor.head in subjects and \
            sentence.coordinated(source, trigger.head):
        # "X broke off relations with Taiwan and recognised China": X recognised China
        rules.append("assembly.coordinated-verbs")
        source = subjects[governor.head]
        return source, "found" if source is not None else "coordinated with a verb that has no subject"
    if source is not None and sentence.after_preposition(source):
        return sentence.left_actor(trigger.head)
    return source, why


def _passive_participants(sentence: SentenceView, trigger: Trigger, code: str, rules: list[str]
                          ) -> tuple[ActorPhrase | None, ActorPhrase | None, str]:
    """"X diserang oleh Y" / "X was attacked by Y": Y is the source, X the target; a place as
    subject stands for its country; with no subject, the recipient after the agent."""
    rules.append("assembly.passive")
    source = sentence.agent_after(trigger.head + 1, trigger.literals)
    target, why = sentence.left_actor(trigger.head, objects=True)
    if source is None and code[:2] == "15" and target is not None and \
            FORCE_AGENTS.intersection(components(target.code)):
        # "Ribuan tentara dikerahkan ke perbatasan": forces deployed by no one named are the
        # actor of the posture, towards the place they are sent to
        rules.append("assembly.forces-deployed")
        return target, _place_target(sentence, trigger, code), "found"
    if target is None and code[:2] in MATERIAL_ROOTS:
        target = sentence.location_before(trigger.head)
    if target is None and source is not None:
        target = sentence.right_actor(source.end)  # "dibagikan oleh Kodim kepada warga"
    if target is None:
        target = _place_target(sentence, trigger, code)  # "airdropped into Gaza by ..."
    if target is not None and source is not None:
        countries = {p.country for p in sentence.phrases if p.country}
        target = _home_government(target, source, sole_country=countries == {source.country})
    return source, target, why if source is None else "found"


#: Roles that a verb pattern names as its means or setting, not as who it is done to ("mengirim
#: pasukan", "kerja sama militer", "sent troops"): never the target for being in the pattern.
FORCE_AGENTS = frozenset({"MIL", "COP"})
STATE_OR_ARMED_AGENTS = ARMED_AGENTS | UNARMED_STATE_AGENTS


def _pattern_people(sentence: SentenceView, trigger: Trigger,
                    source: ActorPhrase | None) -> ActorPhrase | None:
    """People a verb pattern itself names after its trigger are what it is done to when no other
    target is found: "membubarkan massa", "menyalurkan bantuan kepada korban banjir", "evacuated
    residents". Only non-state roles: troops or officials in a pattern are its means."""
    for k in trigger.literals[1:]:
        phrase = sentence.actor_at.get(k)
        if phrase is None or phrase is source or not phrase.code:
            continue
        if not STATE_OR_ARMED_AGENTS.intersection(components(phrase.code)):
            return phrase
    return None


def _weapon_subject(sentence: SentenceView, trigger: Trigger,
                    instruments: Sequence[Trigger]) -> bool:
    """Whether a weapon or attack phrase ("a car bomb", "serangan bom") opens the sentence before a
    violent verb that has no actor before it: the weapon stands where the attacker would."""
    for instrument in instruments:
        if instrument.code[:2] not in VIOLENT_ROOTS or instrument.head >= trigger.head:
            continue
        if not any(p.start < instrument.head for p in sentence.phrases):
            return True
    return False


def _place_target(sentence: SentenceView, trigger: Trigger, code: str) -> ActorPhrase | None:
    """Where no actor is named, a place can stand for the target's country."""
    if code[:2] in PLACE_TARGET_ROOTS or code in PLACE_TARGET_CODES:
        return sentence.location_after(trigger.end)  # "arrived in Beijing", "near Gaza"
    if code[:2] in DIRECTED_PLACE_ROOTS:
        for k in range(trigger.head + 1, trigger.end):  # in the pattern's gap: its object
            place = sentence.location_at.get(k)  # "menggempur Kota Bakhmut dengan artileri"
            if place is not None and place.country and k not in trigger.literals:
                return place
        return sentence.location_after(trigger.end, directed=True)  # "serangan ke Kursk"
    return None


def _pairs(sentence: SentenceView, trigger: Trigger, code: str, source: ActorPhrase | None,
           target: ActorPhrase | None, parties: list[ActorPhrase], rules: list[str]
           ) -> list[tuple[ActorPhrase | None, ActorPhrase | None]]:
    """Source-target pairs: compounds, joint acts and symmetric actions."""
    if source is None and parties:
        rules.append("assembly.between-parties")
        return [(a, b) for a in parties for b in parties if a is not b]
    sources = sentence.members(source) if source is not None else [None]
    if target is not None and target.is_location and len(sources) > 1:
        target = None  # "Vietnam and Laos vowed ... in Vientiane": a joint act, not on the place
    if "speech" in trigger.flags:
        targets = [target]  # a statement is about its first actor, not every conjunct
    else:
        targets = sentence.members(target) if target is not None else [None]
    symmetric = ("symmetric" in trigger.flags or _reciprocal(sentence.tokens, trigger.head,
                                                             sentence.words)) \
        and "assembly.intent" not in rules  # willingness is one-sided
    if target is None and len(sources) > 1 and (symmetric or code[:2] in JOINT_ROOTS):
        rules.append("assembly.joint-compound")
        return [(a, b) for a in sources for b in sources if a is not b]
    pairs = [(a, None if b is not None and b.is_location and a is not None and
              a.country == b.country and code[:2] != "14" else b)
             # no country acts "on" its own territory, but protesters target their own state
             for a in sources for b in targets if a is None or b is None or a is not b]
    if symmetric and target is not None and source is not None:
        pairs += [(b, a) for a, b in pairs]
        rules.append("assembly.symmetric")
    if len(sources) > 1 or len(targets) > 1:
        rules.append("assembly.compound")
    return pairs


def _governing_trigger(triggers: Sequence[Trigger], trigger: Trigger, previous: str,
                       words: LanguageWords) -> Trigger | None:
    """For a verb after "untuk"/"to", the earlier verb whose purpose it states ("visited X to
    sign"): the purpose is intended, not yet done, so it is not coded on its own."""
    if previous not in words.infinitive_markers:
        return None
    earlier = [t for t in triggers if t.end <= trigger.head]
    return earlier[-1] if earlier else None


def _complement_end(tokens: Sequence[Token], start: int, triggers: Sequence[Trigger],
                    words: LanguageWords) -> int:
    """Where a complement verb's clause ends: a hard stop, a quote, a relative clause, or a
    passive main verb ("Massa yang menolak UU ... dibubarkan oleh aparat")."""
    heads = {t.head for t in triggers}
    k = start
    while k < len(tokens):
        token = tokens[k]
        if token.text in HARD_STOPS or token.text in QUOTE_CHARS or \
                token.lower in words.relative_markers or (k in heads and token.passive):
            return k
        k += 1
    return k


def _clause_end(tokens: Sequence[Token], start: int) -> int:
    k = start
    while k < len(tokens):
        if tokens[k].text in HARD_STOPS or tokens[k].text in QUOTE_CHARS:
            return k
        k += 1
    return k


def _inside_quote(tokens: Sequence[Token], head: int) -> bool:
    return sum(1 for t in tokens[:head] if t.text in QUOTE_CHARS) % 2 == 1
