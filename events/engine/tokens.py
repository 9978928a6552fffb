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


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with their character offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def phrase_tokens(phrase: str) -> list[str]:
    """A dictionary phrase split the same way as running text."""
    return [m.group() for m in TOKEN_RE.finditer(phrase)]
