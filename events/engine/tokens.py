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
    tokens: list[Token] = []
    for match in TOKEN_RE.finditer(text):
        word = match.group()
        if word == "." and tokens and tokens[-1].end == match.start() and (
                tokens[-1].lower in abbreviations or
                (len(tokens[-1].text) == 1 and tokens[-1].text.isupper())) and \
                match.end() < len(text):
            last = tokens[-1]
            tokens[-1] = Token(last.text + ".", last.start, match.end())
            continue
        tokens.append(Token(word, match.start(), match.end()))
    return tokens


def phrase_tokens(phrase: str) -> list[str]:
    """A dictionary phrase split the same way as running text."""
    return [m.group() for m in TOKEN_RE.finditer(phrase)]
