"""Pydantic models of the records the package reads and writes.

``Article`` is the input; ``Event`` is the output record (one per coded event). Derived fields of an
action (names, QuadClass, Goldstein, PLOVER) always come from the codebook, never from the input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    field_validator,
    model_validator,
)

from .codebook import default_codebook

SCHEMA_VERSION = "1.0"

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
ActorCode = Annotated[str, StringConstraints(pattern=r"^([A-Z]{3})+$")]
DatePrecision = Literal["day", "month", "year"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Article(_Record):
    """A news article to code. Only ``text`` is required on input."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    _origin: tuple[str, int | None] = PrivateAttr(default=("<article>", None))  # file and line

    id: str = Field(default="", description="Article identifier (the input id, or the file's stem).")
    text: str = Field(description="Full article text.")
    date: dt.date | None = Field(default=None, description="Publication date (YYYY-MM-DD).")
    lang: LanguageCode | None = Field(default=None, description="ISO 639-1 language code.")
    source: str | None = Field(default=None, description="Source or publisher.")
    url: str | None = None
    title: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"date {value!r} is not an ISO date (YYYY-MM-DD)") from None
        return value

    @field_validator("lang", mode="before")
    @classmethod
    def _lower_lang(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value


def with_origin(article: "Article", path: str, line: int | None) -> "Article":
    """The article, remembering which file and line it was read from (for error messages)."""
    article._origin = (path, line)
    return article


class Sentence(_Record):
    """A sentence of an article with its character offsets in the article text."""

    index: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _offsets(self) -> "Sentence":
        if self.end - self.start != len(self.text):
            raise ValueError("sentence offsets do not match the length of its text")
        return self


class Span(_Record):
    """A piece of the sentence: ``text == sentence_text[start:end]``."""

    text: str
    start: int = Field(ge=0, description="Start offset in the sentence text.")
    end: int = Field(ge=0, description="End offset (exclusive) in the sentence text.")

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Actor(Span):
    """An actor mention with its CAMEO actor code."""

    code: ActorCode
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 country, if known.")
    agents: list[str] = Field(default_factory=list, description="Codes after the country/root.")

    @model_validator(mode="before")
    @classmethod
    def _derive_parts(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("code"), str):
            try:
                country, rest = default_codebook().split_actor_code(data["code"])
            except ValueError as exc:
                raise ValueError(str(exc)) from None
            data = {**data, "country": country, "agents": list(rest)}
        return data


class Location(Span):
    """A place the event happened, resolved at least to its country when known."""

    country: str | None = None


class Action(_Record):
    """The CAMEO action. Only ``code`` (and the trigger) are read; the rest is derived."""

    code: str = Field(description="CAMEO event code, 2-4 digits.")
    root: str = Field(description="Two-digit root code (derived).")
    name_en: str = Field(description="English name of the code (derived).")
    name_id: str = Field(description="Indonesian name of the code (derived).")
    quad_class: int = Field(ge=1, le=4, description="GDELT QuadClass 1-4 (derived).")
    goldstein: float = Field(ge=-10, le=10, description="Goldstein value, GDELT table (derived).")
    plover: str = Field(description="PLOVER event type (derived).")
    trigger: Span | None = None

    @model_validator(mode="before")
    @classmethod
    def _derive(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        code = data.get("code")
        if not isinstance(code, str):
            raise ValueError("action code must be a string such as '190'")
        try:
            entry = default_codebook().event(code)
        except KeyError as exc:
            raise ValueError(exc.args[0]) from None
        return {
            "code": code,
            "trigger": data.get("trigger"),
            "root": entry.root,
            "name_en": entry.name_en,
            "name_id": entry.name_id,
            "quad_class": entry.quad_class,
            "goldstein": entry.goldstein,
            "plover": entry.plover,
        }


class Event(_Record):
    """One coded event: who did what to whom, when and where, and which rules said so."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    id: str = Field(default="", description="Deterministic id from article, sentence, span and codes.")
    article_id: str
    sentence_index: int = Field(ge=0)
    sentence_start: int = Field(ge=0, description="Sentence start offset in the article text.")
    sentence_text: str
    language: LanguageCode
    date: dt.date
    date_precision: DatePrecision
    date_text: str | None = Field(default=None, description="The time expression the date came from.")
    date_source: Literal["text", "context", "publication"] = Field(
        default="publication",
        description="text: a time expression in the sentence; context: an earlier sentence of "
                    "the same paragraph; publication: the article's date.")
    source: Actor | None
    target: Actor | None
    action: Action
    negated: bool = False
    modality: Literal["asserted", "reported", "intended"] = "asserted"
    location: Location | None = None
    rules: list[str] = Field(default_factory=list, description="Ids of the rules that fired.")

    @model_validator(mode="after")
    def _spans_inside_sentence(self) -> "Event":
        spans: list[tuple[str, Span | None]] = [
            ("source", self.source), ("target", self.target), ("location", self.location),
            ("action.trigger", self.action.trigger),
        ]
        for name, span in spans:
            if span is None:
                continue
            if span.end > len(self.sentence_text):
                raise ValueError(f"{name} span {span.start}-{span.end} lies outside the sentence")
            if self.sentence_text[span.start:span.end] != span.text:
                raise ValueError(f"{name} text {span.text!r} does not match the sentence at "
                                 f"{span.start}-{span.end}")
        return self

    @model_validator(mode="after")
    def _fill_id(self) -> "Event":
        if not self.id:
            object.__setattr__(self, "id", event_id(self))
        return self


def event_id(event: Event) -> str:
    """A stable id: the same article, sentence, trigger and codes always give the same id."""
    trigger = event.action.trigger
    key = "|".join([
        event.article_id,
        str(event.sentence_index),
        f"{trigger.start}-{trigger.end}" if trigger else "",
        event.source.code if event.source else "",
        f"{event.source.start}" if event.source else "",
        event.target.code if event.target else "",
        f"{event.target.start}" if event.target else "",
        event.action.code,
    ])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
