"""Tokenisation: words (with internal hyphens and apostrophes), dotted acronyms, numbers, marks."""

from __future__ import annotations

import re

from ..lang.base import Token

TOKEN_RE = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}                    # dotted acronyms: U.S., U.N., a.m.
    |\d+(?:[.,:/]\d+)*                     # numbers: 1.000, 3,5, 10.00, 14/5
    |['’]s\b                               # possessive 's
    |\w+(?:(?:'|’|-(?!(?:led|backed|flagged|based|allied|aligned|controlled|funded|sponsored
        |supported|linked|affiliated|made|owned|run|held)\b))(?![sS]\b)\w+)*
                                           # words: al-Assad, Ma'ruf, negara-negara, didn't;
                                           # "Greek-flagged", "U.S.-led" split at the hyphen
    |[^\s\w]                               # any other mark
    """,
    re.VERBOSE,
)


def tokenize(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Token]:
    """Tokens of ``text`` with their character offsets. A dot after a known abbreviation or an
    initial stays with it ("Nov.", "Jend.", "J."), so it is not read as the end of a clause."""
    # only white space lies between tokens (every other character is some token), so each
    # token starts at its first occurrence after the previous one: findall + find is much
    # cheaper than a match object per token
    tokens = []
    position = 0
    find = text.find
    for word in TOKEN_RE.findall(text):
        start = find(word, position)
        position = start + len(word)
        tokens.append(Token(word, start, position))
    if "." not in text[:-1]:
        return tokens
    merged: list[Token] = []
    for token in tokens:
        if token.text == "." and merged and merged[-1].end == token.start and (
                merged[-1].lower in abbreviations or
                (len(merged[-1].text) == 1 and merged[-1].text.isupper())) and \
                token.end < len(text):
            last = merged[-1]
            merged[-1] = Token(last.text + ".", last.start, token.end)
            continue
        merged.append(token)
    return merged


def phrase_tokens(phrase: str) -> list[str]:
    """A dictionary phrase split the same way as running text."""
    return [m.group() for m in TOKEN_RE.finditer(phrase)]


WORD_RE = re.compile(r"\w+")


def text_words(text: str) -> set[str]:
    """The lower-case words (runs of word characters) of a text: for quick "could this text hold
    one of these phrases" tests before a costlier regex."""
    return set(WORD_RE.findall(text.lower()))


def first_words(phrases) -> frozenset[str]:
    """The first word of each phrase, lower-cased: a text holds a phrase only if it holds this
    word (see :func:`text_words`)."""
    return frozenset(m.group().lower() for p in phrases if (m := WORD_RE.search(p)))
