"""What every language provides: its words (a validated data file) and the shared token type."""

from __future__ import annotations

from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import DataFileError
from ..yamlio import LINE_KEY, YamlFileError, load_yaml, strip_lines

WordClass = Literal["verb", "noun", "bare"]
WordForm = tuple[WordClass, str]  # (class, suffix): how a pattern's trigger word is written


class MetadataLabels(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: list[str]
    other: list[str]


class TimeWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    today: list[str]
    yesterday: list[str]
    day_before_yesterday: list[str]
    past_markers: list[str]
    units: dict[str, Literal["day", "week", "month", "year"]]
    this_markers: list[str]
    last_week: list[str] = []
    month_word: list[str]
    date_word: list[str]
    year_word: list[str]


class LanguageWords(BaseModel):
    """The function words and cue lists a language's rules use (``events/data/lang/<code>.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z]{2,3}$")
    name: str
    abbreviations: frozenset[str]
    metadata_labels: MetadataLabels
    negators: frozenset[str]
    negation_bridges: frozenset[str]
    pronouns: frozenset[str]
    clause_breaks: frozenset[str]
    passive_agent: frozenset[str]
    prepositions: frozenset[str]
    infinitive_markers: frozenset[str]
    intent_markers: list[str]
    purpose_markers: list[str]
    conditionals: frozenset[str]
    unreal_markers: list[str] = []  # "no evidence that", "membantah bahwa": what follows is not asserted
    recipient_prepositions: frozenset[str]
    source_prepositions: frozenset[str]
    subordinators: frozenset[str]
    directional: frozenset[str]
    currency_words: frozenset[str]
    possessives: frozenset[str]
    quantity_words: frozenset[str] = frozenset()
    adjunct_words: frozenset[str] = frozenset()
    verb_companions: frozenset[str] = frozenset()
    relative_markers: frozenset[str]
    default_country: str | None = None
    between_markers: frozenset[str]
    locative: frozenset[str]
    place_prepositions: frozenset[str] = frozenset()
    conjunctions: frozenset[str]
    reciprocal: list[str]
    actor_linkers: frozenset[str]
    role_linkers: frozenset[str]
    determiners: frozenset[str]
    be_forms: frozenset[str] = frozenset()
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    time_words: TimeWords
    discard_cues: list[str]
    discard_patterns: list[str] = []
    stem_overrides: dict[str, str] = {}


    @cached_property
    def purpose_last_words(self) -> frozenset[str]:
        """The last word of every purpose marker, for a quick test before the full one."""
        return frozenset(marker.split()[-1] for marker in self.purpose_markers)

    @cached_property
    def intent_last_words(self) -> frozenset[str]:
        """The last word of every intent marker, for a quick test before the full one."""
        return frozenset(marker.split()[-1] for marker in self.intent_markers)


def lang_data_path(code: str) -> Path:
    return Path(str(resources.files("events") / "data" / "lang" / f"{code}.yaml"))


def load_words(code: str, path: Path | None = None) -> LanguageWords:
    """Load and validate a language's words file."""
    path = path or lang_data_path(code)
    try:
        raw = load_yaml(path)
    except YamlFileError as exc:
        raise DataFileError(exc.path, exc.line, exc.reason) from exc
    try:
        return LanguageWords.model_validate(strip_lines(raw))
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        line = raw.get(LINE_KEY) if isinstance(raw, dict) else None
        raise DataFileError(str(path), line, f"{loc}: {err['msg']}") from exc


class Token:
    """A word or punctuation mark of a sentence, with offsets relative to the sentence."""

    __slots__ = ("text", "start", "end", "lower", "norm", "cls", "passive", "suffix", "is_word")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        self.norm = self.lower  # root (id) or lemma (en), set by the language's morphology
        self.cls: WordClass = "bare"
        self.passive = False
        self.suffix = ""  # derivational suffix of a verb form (Indonesian -kan, -i)
        self.is_word = text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start})"
