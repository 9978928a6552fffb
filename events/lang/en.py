"""English rules: lemmas through lemminflect, noun use after determiners, be + participle passives."""

from __future__ import annotations

from typing import Sequence

from .base import LanguageWords, Token, WordClass, WordForm

CODE = "en"



class Morphology:
    """Lemmas, word classes and voice for English tokens. Caches per instance."""

    def __init__(self, words: LanguageWords):
        from lemminflect import getAllLemmas, getAllLemmasOOV

        self._lemmas = getAllLemmas
        self._lemmas_oov = getAllLemmasOOV
        self._overrides = dict(words.stem_overrides)
        self._determiners = words.determiners
        self._be = words.be_forms
        self._prepositions = words.prepositions
        self._function_words = (words.pronouns | words.negators | words.conjunctions
                                | words.clause_breaks | words.infinitive_markers
                                | words.negation_bridges | words.be_forms | words.verb_companions)
        self._cache: dict[str, str] = {}

    def normalise(self, word: str) -> str:
        """The lemma, preferring the verb reading: struck -> strike, sanctions -> sanction."""
        word = word.lower()
        lemma = self._cache.get(word)
        if lemma is None:
            lemma = self._overrides.get(word)
            if lemma is None:
                lemma = self._lemma(word)
            self._cache[word] = lemma
        return lemma

    def _lemma(self, word: str) -> str:
        head, sep, last = word.rpartition("-")
        if sep and head and last.isalpha():  # test-fired -> test-fire
            return f"{head}-{self.normalise(last)}"
        if not word.isalpha():
            return word
        lemmas = self._lemmas(word)
        for pos in ("VERB", "NOUN", "ADJ", "AUX"):
            if pos in lemmas:
                return lemmas[pos][0]
        guess = "VERB" if word.endswith(("ed", "ing")) else "NOUN"
        oov = self._lemmas_oov(word, guess)
        return oov[guess][0] if oov.get(guess) else word

    def word_class_of(self, word: str, root: str) -> WordClass:
        return "bare"

    def annotate(self, tokens: Sequence[Token]) -> None:
        """Set ``norm``, ``cls`` (noun after a determiner) and ``passive`` on word tokens."""
        previous: Token | None = None
        for i, token in enumerate(tokens):
            if token.is_word or token.lower in ("'s", "’s"):
                token.norm = self.normalise(token.lower) if token.is_word else "'s"
                token.suffix = ""
                if previous is not None and (self._after_determiner(tokens, i)
                                             or self._reduced_relative(tokens, i)):
                    token.cls = "noun"
                elif previous is not None and self._modifies(previous, token):
                    token.cls = "noun"
                    token.suffix = COMPOUND  # may still be a verb after a subject: see below
                else:
                    token.cls = "bare"
                token.passive = self._is_passive(tokens, i)
                previous = token
            else:
                previous = None  # punctuation: "..., according to" starts afresh

    def _after_determiner(self, tokens: Sequence[Token], i: int) -> bool:
        """"the attack", "the 2014 Kobani protests", "a series of coordinated raids": a noun or
        an adjective, not a verb."""
        plural = tokens[i].lower.endswith("s") and not tokens[i].lower.endswith("ss")
        for k in range(i - 1, max(-1, i - 4), -1):
            word = tokens[k].lower
            if word in self._determiners or (k == i - 1 and word in self._prepositions
                                             and tokens[i].lower.endswith(("ed", "ing"))):
                return True
            # only a plural noun can follow "the 2014 Kobani"; "The Taliban seized" is a verb
            if not plural or not (tokens[k].text[:1].isupper() or tokens[k].text[:1].isdigit()):
                return False
        return False

    def _reduced_relative(self, tokens: Sequence[Token], i: int) -> bool:
        """"a truce deal mediated by Qatar": a participle describing a noun, not a verb."""
        token, previous = tokens[i], tokens[i - 1]
        following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        return (token.lower.endswith("ed") and following == "by" and previous.is_word
                and previous.text.islower() and previous.lower not in self._function_words)

    def _modifies(self, previous: Token, token: Token) -> bool:
        """An uninflected word right after a lowercase content word is the head of a noun
        compound ("car bomb", "air raid", "travel ban"), not a verb; an -ing form there is a
        participle modifying the noun."""
        word = previous.lower
        if not (previous.is_word and previous.text.islower() and word not in self._function_words
                and not word.endswith("ly")):
            return False
        # "car bomb", or a participle modifying a noun: "a resolution calling for a ceasefire",
        # or a plural after a participle used as an adjective: "coordinated raids"
        return token.lower == token.norm or token.lower.endswith("ing") or (
            token.lower.endswith("s") and word.endswith(("ed", "ing")))

    def _is_passive(self, tokens: Sequence[Token], i: int) -> bool:
        word = tokens[i].lower
        if word.endswith("ing") or not (word.endswith(("ed", "en", "wn", "ne"))
                                        or tokens[i].norm != word):
            return False
        for j in range(i - 1, max(-1, i - 4), -1):  # was (reportedly) attacked
            prev = tokens[j].lower
            if prev in self._be:
                return True
            if not prev.endswith("ly") and prev not in ("also", "not", "never", "being", "been"):
                return False
        return False


COMPOUND = "compound"


def after_actors(tokens: Sequence[Token], ends: Sequence[int]) -> None:
    """A word read as the second half of a noun compound is a verb when an actor's name ends
    right before it: "The government cut ties", "A U.S. airman set himself on fire"."""
    for end in ends:
        if end < len(tokens) and tokens[end].suffix == COMPOUND:
            tokens[end].cls = "bare"


def pattern_class(word: str, morphology: Morphology) -> WordForm:
    return "bare", ""


def trigger_matches(pattern, token: Token, tokens: Sequence[Token], i: int,
                    strict: bool = True) -> bool:
    """An English trigger must be used as a verb: not right after a determiner or possessive."""
    return token.cls != "noun"
