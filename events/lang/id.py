"""Indonesian rules: roots through the Sastrawi stemmer, affix-based word classes, di- passives."""

from __future__ import annotations

from typing import Sequence

from .base import LanguageWords, Token, WordClass

CODE = "id"

VERB_PREFIXES = ("memper", "diper", "mem", "men", "meng", "meny", "me", "di", "ber", "be", "ter")
NOUN_PREFIXES = ("pem", "pen", "peng", "peny", "pe", "per", "ke")


class Morphology:
    """Roots, word classes and voice for Indonesian tokens. Caches per instance."""

    def __init__(self, words: LanguageWords):
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        self._stemmer = StemmerFactory().create_stemmer()
        self._overrides = dict(words.stem_overrides)
        self._cache: dict[str, str] = {}

    def normalise(self, word: str) -> str:
        """The root of a word (lowercase): menyerang -> serang, diserang -> serang."""
        word = word.lower()
        root = self._cache.get(word)
        if root is None:
            root = self._overrides.get(word)
            if root is None:
                root = self._stemmer.stem(word) if word.isalpha() or "-" in word else word
                root = root or word
            self._cache[word] = root
        return root

    def word_class_of(self, word: str, root: str) -> WordClass:
        """``verb`` for affixed verb forms, ``noun`` for nominalisations, else ``bare``."""
        word = word.lower()
        if root == word:
            return "bare"
        if word.endswith("an") and not word.endswith("kan"):
            if word.startswith(NOUN_PREFIXES) or word == root + "an" or word == root + "nya":
                return "noun"
        if word.startswith(NOUN_PREFIXES) and not word.startswith(VERB_PREFIXES):
            return "noun"
        if word.startswith(VERB_PREFIXES):
            return "verb"
        return "bare"

    def annotate(self, tokens: Sequence[Token]) -> None:
        """Set ``norm``, ``cls`` and ``passive`` on every word token."""
        for token in tokens:
            if not token.is_word:
                continue
            token.norm = self.normalise(token.lower)
            token.cls = self.word_class_of(token.lower, token.norm)
            token.passive = token.cls == "verb" and token.lower.startswith("di") and not \
                token.norm.startswith("di")


def pattern_class(word: str, morphology: Morphology) -> WordClass:
    """The form class a dictionary pattern's trigger word is written in."""
    return morphology.word_class_of(word, morphology.normalise(word))


def trigger_matches(pattern_cls: WordClass, token: Token, tokens: Sequence[Token], i: int) -> bool:
    """A pattern written as a verb form matches verb forms (and bare roots used as verbs)."""
    if pattern_cls == "noun":
        return token.cls == "noun"
    return token.cls in ("verb", "bare")
