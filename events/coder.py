"""The coder: composes the engine's stages for each language with its dictionaries and rules.

``Coder().code_article(article)`` returns the article's events. Languages are loaded on first use,
so coding English text never pays for the Indonesian stemmer and vice versa.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Iterable, Sequence

from .codebook import Codebook, default_codebook
from .cache import cached, fingerprint
from .dictionaries import load_entries, shipped_files
from .engine.actions import Trigger, find_instruments, find_triggers, sentence_words
from .engine.actors import ActorPhrase, ArticleMemory, Mention, compose_phrases, find_mentions
from .engine.assemble import Assembly, assemble
from .engine.cues import (DiscardCues, armed_violence, compile_discard_cues,
                          discard_reason)
from .engine.dates import DateResolver, ResolvedDate
from .engine.langid import LanguageDetector
from .engine import lexicon as lexicon_module
from .engine import tokens as tokens_module
from .engine.lexicon import Lexicon, build_lexicon
from .engine.locations import pick_location, span_of
from .engine.segment import split_sentences
from .engine.tokens import tokenize
from .errors import EventsError
from .lang import load_language, load_words, supported_languages
from .lang.base import LanguageWords, Token, lang_data_path
from .models import Article, Event, Sentence


class ArticleRejected(EventsError):
    """An article the coder cannot code (e.g. an unsupported language)."""


@dataclass(frozen=True)
class LanguagePack:
    """Everything needed to code one language."""

    code: str
    words: LanguageWords
    rules: ModuleType
    morphology: object
    lexicon: Lexicon
    dates: DateResolver
    discard_cues: DiscardCues


@dataclass(frozen=True)
class SentenceAnalysis:
    """All intermediate results for one sentence (what ``events explain`` shows)."""

    sentence: Sentence
    tokens: list[Token]
    mentions: list[Mention]
    phrases: list[ActorPhrase]
    triggers: list[Trigger]
    instruments: list[Trigger]
    discard: str | None
    assembly: Assembly
    date: ResolvedDate
    events: list[Event]


@dataclass(frozen=True)
class CodedArticle:
    article: Article
    language: str
    sentences: list[Sentence]
    events: list[Event]
    analyses: list[SentenceAnalysis] = field(default_factory=list)


def build_language_pack(code: str, codebook: Codebook, extra: Sequence[Path | str] = ()) -> LanguagePack:
    """Load a language's words, rules, morphology and dictionaries."""
    rules = load_language(code)
    words = load_words(code)
    morphology = rules.Morphology(words)
    # the code that builds the lexicon is part of the key, so a changed builder never meets an
    # old pickle
    builders = [Path(module.__file__) for module in (lexicon_module, tokens_module, rules)]
    sources = [*shipped_files(code), lang_data_path(code), *map(Path, extra), *builders,
               Path(__file__).with_name("dictionaries.py")]
    key = "lexicon-" + fingerprint(code, sources)
    lexicon = cached(key, lambda: build_lexicon(code, load_entries(code, codebook, extra),
                                                morphology, rules))
    return LanguagePack(
        code=code, words=words, rules=rules, morphology=morphology, lexicon=lexicon,
        dates=DateResolver(words),
        discard_cues=compile_discard_cues(words),
    )


class Coder:
    """Codes articles into events. Holds the loaded language packs (built on first use)."""

    def __init__(self, extra_dictionaries: Iterable[Path | str] = (),
                 codebook: Codebook | None = None):
        self.codebook = codebook or default_codebook()
        self.extra_dictionaries = tuple(extra_dictionaries)
        self._packs: dict[str, LanguagePack] = {}
        self._detector = LanguageDetector()
        self.languages = tuple(supported_languages())

    def pack(self, lang: str) -> LanguagePack:
        if lang not in self._packs:
            self._packs[lang] = build_language_pack(lang, self.codebook, self.extra_dictionaries)
            # the dictionaries are hundreds of thousands of long-lived objects: keep the cyclic
            # garbage collector from walking them again on every collection of a long run
            gc.freeze()
        return self._packs[lang]

    def check_dictionaries(self) -> None:
        """Load every language now, so dictionary errors surface before any input is read."""
        for lang in self.languages:
            self.pack(lang)

    def language_of(self, article: Article) -> str:
        lang = article.lang
        if lang is None or lang == "auto":
            lang = self._detector.detect(article.text)
            if lang is None:
                raise ArticleRejected("cannot detect the language; pass --lang")
        if lang not in self.languages:
            raise ArticleRejected(f"unsupported language {lang!r} (supported: "
                                  f"{', '.join(self.languages)}); pass --lang to override")
        return lang

    def code_article(self, article: Article, keep_analyses: bool = False) -> CodedArticle:
        """Split, analyse and code one article."""
        lang = self.language_of(article)
        pack = self.pack(lang)
        segmented = split_sentences(article.text, pack.words)
        if article.source is None and "source" in segmented.metadata:
            article = article.model_copy(update={"source": segmented.metadata["source"]})
        if article.lang != lang:
            article = article.model_copy(update={"lang": lang})
        memory = ArticleMemory()
        events: list[Event] = []
        analyses: list[SentenceAnalysis] = []
        for sentence in segmented.sentences:
            analysis = self.analyse_sentence(sentence, article, pack, memory)
            events.extend(analysis.events)
            if keep_analyses:
                analyses.append(analysis)
        return CodedArticle(article, lang, segmented.sentences, events, analyses)

    def analyse_sentence(self, sentence: Sentence, article: Article, pack: LanguagePack,
                         memory: ArticleMemory) -> SentenceAnalysis:
        """Run every stage on one sentence."""
        tokens = tokenize(sentence.text, pack.words.abbreviations)
        pack.morphology.annotate(tokens)
        mentions = find_mentions(tokens, pack.lexicon.actors)
        phrases = compose_phrases(tokens, mentions, pack.words, self.codebook, memory)
        pack.rules.after_actors(tokens, [p.end for p in phrases if not p.is_location])
        inside_names = frozenset(k for p in phrases for k in range(p.start + 1, p.end))
        words = sentence_words(tokens)
        triggers = find_triggers(tokens, pack.lexicon, pack.rules, inside_names, words)
        instruments = find_instruments(tokens, pack.lexicon, words) if triggers else []
        names = [(tokens[p.start].start, tokens[p.end - 1].end) for p in phrases
                 if not p.is_location]
        discard = discard_reason(sentence.text, pack.discard_cues, names) \
            if triggers else None
        if discard and armed_violence(phrases, triggers):
            discard = None  # a shooting at a concert or a football pitch is still an attack
        assembly = assemble(tokens, phrases, triggers, instruments, pack.words, discard)
        date = memory.carry_date(lambda text: pack.dates.resolve(text, article.date), sentence,
                                 article.text, needed=bool(assembly.drafts)) \
            or ResolvedDate(article.date, "day", None)
        events = [self._event(draft, tokens, phrases, sentence, article, pack.code, date)
                  for draft in assembly.drafts]
        return SentenceAnalysis(sentence, tokens, mentions, phrases, triggers, instruments,
                                discard, assembly, date, _unique(events))

    def _event(self, draft, tokens, phrases, sentence, article, lang, date) -> Event:
        """One event record, validated in one pass (spans as plain dicts, checked by the Event
        validator against the sentence text)."""
        text = sentence.text

        def actor(phrase: ActorPhrase | None) -> dict | None:
            if phrase is None:
                return None
            start, end = span_of(tokens, phrase)
            return {"text": text[start:end], "start": start, "end": end, "code": phrase.code}

        head = tokens[draft.trigger.head]
        last = tokens[max(draft.trigger.head, draft.trigger.end - 1)]
        trigger = {"text": text[head.start:last.end], "start": head.start, "end": last.end}
        place = pick_location(phrases, draft.trigger.head)
        location = None
        if place is not None:
            start, end = span_of(tokens, place)
            location = {"text": text[start:end], "start": start, "end": end,
                        "country": place.country}
        entry_ids = [*draft.rules, *(draft.source.entry_ids if draft.source else []),
                     *(draft.target.entry_ids if draft.target else [])]
        return Event(
            article_id=article.id,
            sentence_index=sentence.index,
            sentence_start=sentence.start,
            sentence_text=text,
            language=lang,
            date=date.date,
            date_precision=date.precision,
            date_text=date.text,
            date_source=date.source,
            source=actor(draft.source),
            target=actor(draft.target),
            action={"code": draft.code, "trigger": trigger},
            modality=draft.modality,
            location=location,
            rules=list(dict.fromkeys(entry_ids)),
        )


def _unique(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            out.append(event)
    return out
