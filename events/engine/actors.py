"""Actor mentions: dictionary matching, composition into CAMEO actor codes, compounds, memory.

A *mention* is a dictionary match (country, role, actor or place). Adjacent mentions compose into an
*actor phrase* ("Presiden Rusia Vladimir Putin" -> RUSGOV, "polisi Prancis" -> FRACOP). Phrases after
a locative preposition ("di Suriah", "in Yemen") are locations, not actors. Phrases joined by
conjunctions form compounds. An article-level memory resolves later mentions of a person's surname
and of a bare role ("Wakil komandan") to the code they had when first introduced.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from ..codebook import Codebook
from ..dictionaries import ActorEntry
from ..lang.base import LanguageWords, Token
from ..models import Sentence
from .dates import ResolvedDate
from .lexicon import ActorName, TrieNode, token_key

MAX_NAME_RUN = 4


class Mention:
    """Tokens ``start`` .. ``end - 1`` matched one or more dictionary entries (same name)."""

    __slots__ = ("start", "end", "entries", "kinds", "_by_kind", "actor", "country", "role",
                 "named")

    def __init__(self, start: int, end: int, entries: tuple[ActorEntry, ...]):
        self.start = start
        self.end = end
        self.entries = entries
        by_kind: dict[str, ActorEntry] = {}
        named = None  # the entry that makes this an actor (not only a place), dictionary order
        for entry in entries:
            by_kind.setdefault(entry.kind, entry)
            if named is None and entry.kind != "place":
                named = entry
        self._by_kind = by_kind
        self.kinds = frozenset(by_kind)
        self.actor = by_kind.get("actor")
        self.country = by_kind.get("country")
        self.role = by_kind.get("role")
        self.named = named

    def first(self, *kinds: str) -> ActorEntry | None:
        """The first entry of any of ``kinds`` (in dictionary order when several match)."""
        if len(kinds) == 1:
            return self._by_kind.get(kinds[0])
        found = [e for e in self.entries if e.kind in kinds]
        return found[0] if found else None

    def __repr__(self) -> str:
        return f"Mention({self.start}, {self.end}, {[e.id for e in self.entries]})"


@dataclass
class ActorPhrase:
    """Composed actor (or location) over tokens ``start`` .. ``end - 1``."""

    start: int
    end: int
    code: str
    country: str | None
    entry_ids: list[str]
    is_location: bool = False
    compound: int | None = None  # index of the compound group this phrase belongs to
    has_role_only: bool = False
    inferred: bool = False  # the country came from the event's place or the home default


@dataclass
class ArticleMemory:
    """What earlier sentences of the same article established: the codes of person names and
    bare role phrases, and the last date the text stated."""

    names: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    last_date: ResolvedDate | None = None
    last_end: int = 0
    pending: list[str] = field(default_factory=list)  # dateless-so-far sentences not yet read

    def carry_date(self, resolve: Callable[[str], ResolvedDate], sentence: Sentence, text: str,
                   needed: bool) -> ResolvedDate | None:
        """The date of a sentence; one with no time expression continues the last date stated
        earlier in the same paragraph ("... menyerang Mabes Polri, Rabu sore. Pelaku ditembak
        mati."). Sentences without events are only read for dates when a later one needs them."""
        if self.last_end and "\n" in text[self.last_end:sentence.start]:
            self.pending, self.last_date = [], None  # a new paragraph
        self.last_end = sentence.end
        if not needed:
            self.pending.append(sentence.text)
            return None
        date = resolve(sentence.text)
        if not date.from_text:
            for earlier in reversed(self.pending):
                found = resolve(earlier)
                if found.from_text:
                    self.last_date = found
                    break
        self.pending = []
        if date.from_text:
            self.last_date = date
            return date
        if self.last_date is not None:
            return replace(self.last_date, start=None, end=None, inherited=True)
        return date


def _case_ok(name: ActorName, tokens: Sequence[Token], start: int) -> bool:
    for offset, rule in enumerate(name.cases):
        text = tokens[start + offset].text
        if rule == "exact" and text != name.words[offset]:
            return False
        if rule == "cap" and not text[:1].isupper():
            return False
    return True


def find_mentions(tokens: Sequence[Token], trie: TrieNode) -> list[Mention]:
    """Longest non-overlapping dictionary matches, left to right."""
    mentions: list[Mention] = []
    keys = [t.lower for t in tokens]
    starts = trie.children
    n = len(tokens)
    covered = 0  # tokens before this belong to a mention found already
    # most words start no name: one lookup each
    for i in [i for i, key in enumerate(keys)
              if key in starts or ("-" in key and token_key(key) in starts)]:
        if i < covered:
            continue
        node = trie
        best: tuple[int, tuple[ActorEntry, ...]] | None = None
        j = i
        while j < n:
            lower = keys[j]
            step = node.children.get(lower)
            if step is None and "-" in lower:  # "tentara-tentara" is a plural of "tentara"
                step = node.children.get(token_key(lower))
            node = step
            if node is None:
                break
            j += 1
            if node.names:
                entries = tuple(n.entry for n in node.names
                                if n.any_case or _case_ok(n, tokens, i))
                if entries:
                    best = (j, entries)
        if best is not None:
            mentions.append(Mention(i, best[0], best[1]))
            covered = best[0]
    return mentions


def _is_name_token(token: Token, words: LanguageWords) -> bool:
    """A capitalised word that could be part of a person's name."""
    return (token.is_word and token.text[:1].isupper() and not token.text.isdigit()
            and token.lower not in words.pronouns and token.lower not in words.clause_breaks
            and token.lower not in words.weekdays and token.lower not in words.months
            and token.lower not in words.conjunctions and token.lower not in words.locative
            and token.lower not in words.negators and token.lower not in words.determiners)


def _compose_code(mentions: Sequence[Mention], codebook: Codebook) -> tuple[str, str | None, bool]:
    """The code of a group of mentions: a full actor's code wins, else country + roles."""
    actor = country = None
    roles: list[str] = []
    for m in mentions:
        if m.actor is not None:
            actor = actor or m.actor
        if m.country is not None:
            country = country or m.country
        elif m.role is not None and m.actor is None:
            code = m.role.code
            for k in range(0, len(code), 3):
                part = code[k:k + 3]
                if part not in roles:
                    roles.append(part)
    if actor is not None:
        actor_country, _ = codebook.split_actor_code(actor.code)
        if actor_country is None and country is not None and actor.code[:3] in codebook.agents \
                and actor.code[:3] not in codebook.roots:
            return country.code + actor.code, country.code, False
        return actor.code, actor_country, False
    if country is not None:
        return country.code + "".join(r for r in roles if r != country.code), country.code, False
    return "".join(roles), None, True


def compose_phrases(tokens: Sequence[Token], mentions: Sequence[Mention], words: LanguageWords,
                    codebook: Codebook, memory: ArticleMemory | None = None) -> list[ActorPhrase]:
    """Group adjacent mentions into actor phrases and mark locations and compounds."""
    memory = memory if memory is not None else ArticleMemory()
    mentions = [m for m in _add_memory_mentions(tokens, mentions, words, memory)
                if not _currency(tokens, m, words)]
    if not mentions:
        return []
    groups: list[list[Mention]] = []
    for mention in mentions:
        if "place" in mention.kinds and not mention.named:
            groups.append([mention])
            continue
        if groups and _joinable(tokens, groups[-1], mention, words):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    phrases: list[ActorPhrase] = []
    for group in groups:
        start, end = group[0].start, group[-1].end
        place_only = all("place" in m.kinds and not m.named
                         for m in group)
        located = _after_locative(tokens, start, words) or (
            any("place" in m.kinds for m in group) and start > 0
            and tokens[start - 1].lower in words.place_prepositions)
        if place_only or located:
            country = _location_country(group, codebook)
            phrases.append(ActorPhrase(start, end, country or "", country,
                                       [e.id for m in group for e in m.entries[:1]],
                                       is_location=True))
            continue
        actor_mentions = [m for m in group if m.named]
        code, country, role_only = _compose_code(actor_mentions, codebook)
        if not code:
            continue
        # a person's name right after the phrase ("Presiden Rusia Vladimir Putin", unknown name)
        run = end
        while run < len(tokens) and run - end < MAX_NAME_RUN and _is_name_token(tokens[run], words):
            run += 1
        has_role = any(m.role for m in actor_mentions)
        if run > end and has_role:
            surname = tokens[run - 1].text
            if not role_only:
                memory.names[surname] = code
            end = run
        if role_only:
            surface = " ".join(t.lower for m in actor_mentions for t in tokens[m.start:m.end])
            remembered = memory.roles.get(surface)
            if remembered:
                code, country, role_only = remembered, codebook.split_actor_code(remembered)[0], False
        elif has_role:
            for m in actor_mentions:
                if m.role and not (m.actor or m.country):
                    memory.roles[" ".join(t.lower for t in tokens[m.start:m.end])] = code
        phrases.append(ActorPhrase(start, end, code, country,
                                   [m.named.id for m in actor_mentions],
                                   has_role_only=role_only))
    phrases = _merge_acronyms(tokens, phrases)
    _appositions(tokens, phrases, words, memory)
    _extend_locations(tokens, phrases, words)
    _mark_compounds(tokens, phrases, words, codebook)
    _place_roles(tokens, phrases, words)
    return phrases


STATE_AGENTS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
HOME_AGENTS = {"GOV", "LEG", "JUD"}
STATELESS_AGENTS = {"IGO", "IMG", "NGO", "MNC", "REF"}  # their place says nothing of their country


def _place_roles(tokens: Sequence[Token], phrases: list[ActorPhrase],
                 words: LanguageWords) -> None:
    """Give role-only actors a country: the country where the sentence places the event
    ("Police in Minneapolis", "pengunjuk rasa ... di Dhaka"), else, for state roles, the
    language's home country ("Kementerian Pertahanan" in Indonesian news)."""
    place = next((p.country for p in phrases if p.is_location and p.country), None)
    for phrase in phrases:
        if phrase.is_location or not phrase.has_role_only or \
                phrase.code[:3] in STATELESS_AGENTS or (
                    phrase.start > 0 and tokens[phrase.start - 1].lower in words.possessives):
            continue  # "its troops" belong to whoever "its" is
        # ministries, parliaments and courts named without a country are the home country's
        # (where the language has one), wherever the event takes place; police, armies and
        # people are placed by the event
        if phrase.code[:3] in HOME_AGENTS:
            country = words.default_country
        else:
            country = place or (words.default_country if phrase.code[:3] in STATE_AGENTS
                                else None)
        if country:
            phrase.code = country + phrase.code
            phrase.country = country
            phrase.has_role_only = False
            phrase.inferred = True
            phrase.entry_ids.append("assembly.role-country-from-place" if country == place
                                    else "assembly.role-country-default")


def _merge_acronyms(tokens: Sequence[Token], phrases: list[ActorPhrase]) -> list[ActorPhrase]:
    """"Badan Keamanan Laut (Bakamla)": a bracketed name right after a phrase is that phrase."""
    merged: list[ActorPhrase] = []
    for phrase in phrases:
        previous = merged[-1] if merged else None
        if previous is not None and not phrase.is_location and not previous.is_location and \
                phrase.start == previous.end + 1 and tokens[previous.end].text == "(" and \
                phrase.end < len(tokens) and tokens[phrase.end].text == ")":
            if previous.has_role_only and not phrase.has_role_only:
                previous.code, previous.country = phrase.code, phrase.country
                previous.has_role_only = False
            previous.end = phrase.end + 1
            previous.entry_ids.extend(phrase.entry_ids)
            continue
        merged.append(phrase)
    return merged


def _extend_locations(tokens: Sequence[Token], phrases: list[ActorPhrase],
                      words: LanguageWords) -> None:
    """A name coordinated with a location is a location too: "di Suriah dan Irak"."""
    for left, right in zip(phrases, phrases[1:]):
        gap = [t.lower for t in tokens[left.end:right.start]]
        if left.is_location and not right.is_location and right.country and (
                gap == [","] or (len(gap) == 1 and gap[0] in words.conjunctions)):
            right.is_location = True


def _currency(tokens: Sequence[Token], mention: Mention, words: LanguageWords) -> bool:
    """"dolar AS", "U.S. dollars": a country's name in a currency is not an actor."""
    if not mention.country or (mention.role or mention.actor):
        return False
    before = tokens[mention.start - 1].lower if mention.start > 0 else ""
    after = tokens[mention.end].lower if mention.end < len(tokens) else ""
    return before in words.currency_words or after in words.currency_words


def _add_memory_mentions(tokens: Sequence[Token], mentions: Sequence[Mention],
                         words: LanguageWords, memory: ArticleMemory) -> list[Mention]:
    """Mentions for remembered surnames that the dictionaries do not know."""
    if not memory.names:
        return list(mentions)
    covered = {k for m in mentions for k in range(m.start, m.end)}
    extra = []
    for i, token in enumerate(tokens):
        code = memory.names.get(token.text)
        if code and i not in covered and _is_name_token(token, words):
            slug = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "-"
                           for c in token.lower)  # entry ids are ASCII: "Pütin" -> "p-tin"
            entry = ActorEntry(id=f"memory.{slug}", code=code, kind="actor",
                               names=[token.text], note="remembered from earlier in the article")
            extra.append(Mention(i, i + 1, (entry,)))
    return sorted([*mentions, *extra], key=lambda m: m.start)


def _joinable(tokens: Sequence[Token], group: list[Mention], mention: Mention,
              words: LanguageWords) -> bool:
    """Whether ``mention`` continues the phrase ``group`` (adjacent or joined by linkers)."""
    previous = group[-1]
    if "place" in previous.kinds and not previous.named:
        return False
    if previous.end < mention.start:
        determiners, possessives = words.determiners, words.possessives
        gap = [t for t in tokens[previous.end:mention.start]
               if t.lower not in determiners or t.lower in possessives]
        for token in gap:
            if token.lower in words.actor_linkers:
                continue
            if token.text in "[(" and len(gap) == 1 and mention.country:
                continue  # "rezim [Suriah]": a bracketed country belongs to the role before it
            if token.lower in words.role_linkers and (mention.actor or mention.country) and \
                    all(m.role and not (m.actor or m.country) for m in group):
                continue  # "officials from the Taliban", "Duta Besar dari Indonesia"
            return False
    # two different countries side by side are two actors, not one
    has_country = any(m.country for m in group)
    if has_country and mention.country and not (mention.role or mention.actor):
        return False
    return True


def _after_locative(tokens: Sequence[Token], start: int, words: LanguageWords) -> bool:
    """Whether the phrase starting at ``start`` follows a locative preposition ("di", "in")."""
    k = start - 1
    skipped = 0
    while k >= 0 and skipped <= 2:
        word = tokens[k].lower
        if word in words.locative:
            return True
        if tokens[k].is_word and not tokens[k].text[:1].isupper() and word not in words.negators:
            skipped += 1
            k -= 1
            continue
        return False
    return False


def _location_country(group: Sequence[Mention], codebook: Codebook) -> str | None:
    for mention in group:
        for entry in mention.entries:
            if entry.kind in ("place", "country"):
                return entry.code
            country, _ = codebook.split_actor_code(entry.code)
            if country:
                return country
    return None


def _appositions(tokens: Sequence[Token], phrases: list[ActorPhrase], words: LanguageWords,
                 memory: ArticleMemory) -> None:
    """"Felix Gedney, wakil komandan koalisi NATO": the name takes the apposition's code."""
    for phrase in phrases:
        if phrase.is_location or phrase.has_role_only:
            continue
        k = phrase.start - 1
        if k < 1 or tokens[k].text != ",":
            continue
        run_end = k
        run_start = run_end
        while run_start - 1 >= 0 and run_end - run_start < MAX_NAME_RUN and \
                _is_name_token(tokens[run_start - 1], words):
            run_start -= 1
        if run_end - run_start >= 2:
            memory.names.setdefault(tokens[run_end - 1].text, phrase.code)
            for other in phrases:
                if other.end == run_end and other.has_role_only:
                    other.code, other.country = phrase.code, phrase.country
                    other.has_role_only = False


def _mark_compounds(tokens: Sequence[Token], phrases: list[ActorPhrase], words: LanguageWords,
                    codebook: Codebook) -> None:
    """Phrases joined by "dan"/"and" (and commas in a list ending with one) form one compound;
    role-only conjuncts share a trailing country ("polisi dan tentara Indonesia")."""
    if len(phrases) < 2:
        return
    links: list[str | None] = []
    determiners, possessives = words.determiners, words.possessives
    for left, right in zip(phrases, phrases[1:]):
        if left.is_location != right.is_location or right.start - left.end > 6:
            links.append(None)  # a list's linker is one or two words (and a determiner or two)
            continue
        gap = [t.lower for t in tokens[left.end:right.start]
               if t.lower not in determiners or t.lower in possessives]
        if (len(gap) == 1 and gap[0] in words.conjunctions) or (
                len(gap) == 2 and gap[0] == "," and gap[1] in words.conjunctions):
            links.append("conj")
        elif gap == [","]:
            links.append("comma")
        else:
            links.append(None)
    # a comma joins only inside a list that a conjunction closes: "A, B and C"
    for k in range(len(links) - 1, -1, -1):
        if links[k] == "comma" and (k + 1 >= len(links) or links[k + 1] not in ("conj", "comma")):
            links[k] = None
    group_id = 0
    for k, link in enumerate(links):
        if link is None:
            continue
        left, right = phrases[k], phrases[k + 1]
        if left.compound is None:
            group_id += 1
            left.compound = group_id
        right.compound = left.compound
    actors = phrases
    # distribute a trailing country over role-only conjuncts: "polisi dan tentara Indonesia"
    by_group: dict[int, list[ActorPhrase]] = {}
    for phrase in actors:
        if phrase.compound is not None:
            by_group.setdefault(phrase.compound, []).append(phrase)
    for members in by_group.values():
        last = members[-1]
        if last.country and len(members) > 1:
            for phrase in members[:-1]:
                if phrase.has_role_only:
                    phrase.code = last.country + phrase.code
                    phrase.country = last.country
                    phrase.has_role_only = False
