"""English rules: lemmas through lemminflect, noun use after determiners, be + participle passives."""

from __future__ import annotations

from typing import Sequence

from .base import LanguageWords, Token, WordClass, WordForm

CODE = "en"


class Morphology:
    """Lemmas, word classes and voice for English tokens. Caches per instance."""

    def __init__(self, words: LanguageWords):
        from lemminflect import getAllLemmas

        self._lemmas = getAllLemmas
        self._overrides = dict(words.stem_overrides)
        self._determiners = words.determiners
        self._be = words.be_forms
        self._cache: dict[str, str] = {}

    def normalise(self, word: str) -> str:
        """The lemma, preferring the verb reading: struck -> strike, sanctions -> sanction."""
        word = word.lower()
        lemma = self._cache.get(word)
        if lemma is None:
            lemma = self._overrides.get(word)
            if lemma is None:
                lemmas = self._lemmas(word) if word.isalpha() else {}
                for pos in ("VERB", "NOUN", "ADJ", "AUX"):
                    if pos in lemmas:
                        lemma = lemmas[pos][0]
                        break
                else:
                    lemma = word
            self._cache[word] = lemma
        return lemma

    def word_class_of(self, word: str, root: str) -> WordClass:
        return "bare"

    def annotate(self, tokens: Sequence[Token]) -> None:
        """Set ``norm``, ``cls`` (noun after a determiner) and ``passive`` on word tokens."""
        previous: Token | None = None
        for i, token in enumerate(tokens):
            if token.is_word or token.lower in ("'s", "’s"):
                token.norm = self.normalise(token.lower) if token.is_word else "'s"
                if previous is not None and previous.lower in self._determiners:
                    token.cls = "noun"
                else:
                    token.cls = "bare"
                token.passive = self._is_passive(tokens, i)
                previous = token

    def _is_passive(self, tokens: Sequence[Token], i: int) -> bool:
        word = tokens[i].lower
        if not (word.endswith(("ed", "en", "wn", "ne")) or tokens[i].norm != word):
            return False
        for j in range(i - 1, max(-1, i - 4), -1):  # was (reportedly) attacked
            prev = tokens[j].lower
            if prev in self._be:
                return True
            if not prev.endswith("ly") and prev not in ("also", "not", "never", "being", "been"):
                return False
        return False


def pattern_class(word: str, morphology: Morphology) -> WordForm:
    return "bare", ""


def trigger_matches(pattern, token: Token, tokens: Sequence[Token], i: int,
                    strict: bool = True) -> bool:
    """An English trigger must be used as a verb: not right after a determiner or possessive."""
    return token.cls != "noun"
