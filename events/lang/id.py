"""Indonesian rules: roots through the Sastrawi stemmer, affix-based word classes, di- passives."""

from __future__ import annotations

from typing import Sequence

from .base import LanguageWords, Token, WordClass, WordForm

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
        self._analyses: dict[str, tuple[str, WordClass, str, bool]] = {}

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
        if word in (root + "an", root + "annya"):  # bentrokan (bentrok + an), not a -kan verb
            return "noun"
        if word.endswith("an") and not word.endswith("kan"):
            if word.startswith(NOUN_PREFIXES) or word == root + "an" or word == root + "nya":
                return "noun"
        if word.startswith(NOUN_PREFIXES) and not word.startswith(VERB_PREFIXES):
            return "noun"
        if word.startswith(VERB_PREFIXES):
            return "verb"
        return "bare"

    def annotate(self, tokens: Sequence[Token]) -> None:
        """Set ``norm``, ``cls``, ``suffix`` and ``passive`` on every word token."""
        analyses = self._analyses
        for token in tokens:
            if not token.is_word:
                continue
            analysis = analyses.get(token.lower)
            if analysis is None:
                analysis = analyses[token.lower] = self._analyse(token.lower)
            token.norm, token.cls, token.suffix, token.passive = analysis

    def _analyse(self, word: str) -> tuple[str, WordClass, str, bool]:
        """Root, class, form (prefix group + suffix) and voice of one word (cached)."""
        root = self.normalise(word)
        cls = self.word_class_of(word, root)
        form = prefix_group(word, root) + "+" + verb_suffix(word, root)
        passive = cls == "verb" and word.startswith("di") and not root.startswith("di")
        return root, cls, form, passive


def after_actors(tokens: Sequence[Token], ends: Sequence[int]) -> None:
    """Nothing to revise in Indonesian: word classes come from affixes, not from position."""


def verb_suffix(word: str, root: str) -> str:
    """The derivational suffix (``kan`` or ``i``) of a word, ignoring a final ``-nya``."""
    if word.endswith("nya") and not root.endswith("nya"):
        word = word[:-3]
    if word == root:
        return ""
    if word.endswith("kan") and not root.endswith("kan"):
        return "kan"
    if word.endswith("i") and not root.endswith("i"):
        return "i"
    return ""


def prefix_group(word: str, root: str) -> str:
    """``ter`` (stative), ``ber`` (intransitive) or ``men`` (meN-/di-/memper-: either voice)."""
    for prefix in ("ter", "ber", "be"):
        if word.startswith(prefix) and not root.startswith(prefix):
            return prefix.rstrip("e").replace("b", "ber") if prefix == "be" else prefix
    return "men"


def pattern_class(word: str, morphology: Morphology) -> WordForm:
    """How a dictionary pattern's trigger word is written: class, prefix group and suffix."""
    word = word.lower()
    root = morphology.normalise(word)
    return (morphology.word_class_of(word, root),
            prefix_group(word, root) + "+" + verb_suffix(word, root))


def trigger_matches(pattern, token: Token, tokens: Sequence[Token], i: int,
                    strict: bool = True) -> bool:
    """A trigger written as a verb form matches verb forms with the same prefix group and suffix,
    in either voice (menyerang, diserang; not tersebut for menyebut, nor mengalahkan for
    mengalah when mengalahkan has its own entry); a bare word matches bare or affixed uses; a noun
    form matches nouns. Not ``strict``: a bare-suffix pattern also covers -kan, and speech verbs
    cover their bare forms after a quote ("kata X", "ujar X" for mengatakan, mengujarkan)."""
    cls, form_key = pattern.head_class
    if cls == "noun":
        return token.cls == "noun"
    if cls == "verb":
        if token.cls == "bare" and not strict:
            after_quote = i > 0 and tokens[i - 1].text in ('"', "”", "“", ",", "'")
            return after_quote and "speech" in pattern.entry.flags
        if token.cls != "verb":
            return False
        if strict:
            return token.suffix == form_key
        # only a bare-suffix pattern stretches to -kan: mengirim covers mengirimkan
        return form_key.endswith("+") and token.suffix == form_key + "kan"
    return token.cls in ("verb", "bare") and (strict or token.cls == "verb")
