"""Sentence splitting for news text, driven by each language's abbreviation list.

Handles abbreviations (Jend., Jl., U.S., Gen.), numbers with dots and commas (1.000, Rp 1.500.000,00,
10.00 WIB), quotes that open or close at a boundary, brackets, paragraph breaks, and metadata lines
such as ``Sumber: Sputnik`` (returned apart, not as sentences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.base import LanguageWords
from ..models import Sentence

QUOTES = "\"'“”‘’«»"
CLOSERS = "\"'”’»)]"
BOUNDARY_RE = re.compile(r"[.!?…]+")
DOTTED_ACRONYM_RE = re.compile(r"(?:[a-z]\.)+[a-z]")
SPACES_RE = re.compile(r"\s*")


@dataclass(frozen=True)
class Segmented:
    """An article's sentences and the metadata lines found in it."""

    sentences: list[Sentence]
    metadata: dict[str, str]


def _metadata_line(line: str, words: LanguageWords) -> tuple[str, str] | None:
    label, sep, value = line.partition(":")
    if not sep or not value.strip() or len(label) > 20:
        return None
    label = label.strip().lower()
    if label in words.metadata_labels.source:
        return "source", value.strip()
    if label in words.metadata_labels.other:
        return label, value.strip()
    return None


def _is_abbreviation(text: str, dot: int, words: LanguageWords) -> bool:
    """Whether the dot at ``dot`` ends an abbreviation or initial rather than a sentence."""
    start, limit = dot, max(0, dot - 64)  # a short look-back over the word and dots before
    while start > limit and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    if start == dot:
        return False
    word = text[start:dot]
    bare = word.rstrip(".").lower()
    if bare in words.abbreviations:
        return True
    if len(bare) == 1 and bare.isalpha() and word[:1].isupper():  # an initial: "J. Smith"
        return True
    if DOTTED_ACRONYM_RE.fullmatch(bare):  # dotted acronyms: u.s, a.m
        return True
    return False


def _split_paragraph(text: str, offset: int, words: LanguageWords) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in BOUNDARY_RE.finditer(text):
        end = match.end()
        if match.group() == "." and _is_abbreviation(text, match.start(), words):
            continue
        # a dot between digits is a number separator (1.000, 10.00)
        if match.group() == "." and match.start() > 0 and text[match.start() - 1].isdigit() \
                and end < len(text) and text[end].isdigit():
            continue
        rest = text[end:end + 64]
        # closing quotes and brackets stay with the sentence they close
        closers = len(rest) - len(rest.lstrip(CLOSERS))
        if closers and rest[:closers].strip(QUOTES) == "" and len(rest) > closers \
                and rest[closers].isalnum():
            closers = 0  # a quote glued to the next word opens the next sentence: ."Kami
        end += closers
        spaces = SPACES_RE.match(text, end).end() - end
        after = text[end:end + spaces + 64]
        stripped = after[spaces:]
        if stripped and not (after[:1].isspace() or after[:1] in QUOTES):
            continue  # no space after the mark: "3.5", "e.g.x", "Yahoo!News"
        if stripped:
            first = stripped.lstrip(QUOTES + "([")[:1]
            if first and not (first.isupper() or first.isdigit()):
                continue  # the next word is lower case: not a sentence start
        spans.append((start, end))
        start = end + (len(after) - len(stripped))
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    out = []
    for s, e in _bounded(text, spans):
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if chunk.strip():
            out.append((offset + s + lead, offset + e - trail))
    return out


MAX_SENTENCE_CHARS = 2000


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans no longer than MAX_SENTENCE_CHARS: a run-on "sentence" (a table, a list with no
    full stops) is cut at the last space before the limit, so coding time stays linear."""
    out = []
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
            cut = cut if cut > start else start + MAX_SENTENCE_CHARS
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


def split_sentences(text: str, words: LanguageWords) -> Segmented:
    """Split an article into sentences, setting metadata lines aside."""
    sentences: list[Sentence] = []
    metadata: dict[str, str] = {}
    position = 0
    for line in text.splitlines(keepends=True):
        line_start = position
        position += len(line)
        content = line.strip()
        if not content:
            continue
        meta = _metadata_line(content, words)
        if meta is not None:
            metadata.setdefault(meta[0], meta[1])
            continue
        for start, end in _split_paragraph(line.rstrip("\r\n"), line_start, words):
            sentences.append(Sentence(index=len(sentences), start=start, end=end,
                                      text=text[start:end]))
    return Segmented(sentences, metadata)
