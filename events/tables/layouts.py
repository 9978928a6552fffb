"""The table layouts: each names its columns and builds one row from an event.

A row builder gets the article, the event, its ``Reports`` and the codebook, and returns one value
per column (``None`` for an empty cell). Formatting (quoting, delimiters) is the writer's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Sequence

from ..codebook import Codebook
from ..models import Actor, Article, Event
from .reports import Reports

Cell = str | int | float | bool | None
RowBuilder = Callable[[Article, Event, Reports, Codebook], Sequence[Cell]]
MULTI = ";"  # joins multi-valued cells


@dataclass(frozen=True)
class Layout:
    """A table layout: its columns, row builder and text format."""

    name: str
    columns: tuple[str, ...]
    row: RowBuilder
    delimiter: str  # "," is written as quoted CSV; anything else as unquoted, scrubbed text
    header: bool


def _join(values: Sequence[str]) -> str:
    return MULTI.join(values)


def _actor(actor: Actor | None) -> list[Cell]:
    if actor is None:
        return [None] * 6
    return [actor.text, actor.code, actor.country, _join(actor.agents), actor.start, actor.end]


def _csv_row(article: Article, event: Event, reports: Reports, _: Codebook) -> list[Cell]:
    action, trigger, place = event.action, event.action.trigger, event.location
    return [
        event.id, event.article_id, event.sentence_index, event.sentence_start,
        event.sentence_text, event.language, event.date.isoformat(), event.date_precision,
        event.date_text, event.date_source,
        *_actor(event.source), *_actor(event.target),
        action.code, action.root, action.name_en, action.name_id, action.quad_class,
        action.goldstein, action.plover,
        trigger.text if trigger else None, trigger.start if trigger else None,
        trigger.end if trigger else None,
        event.negated, event.modality,
        place.text if place else None, place.country if place else None,
        place.start if place else None, place.end if place else None,
        _join(event.rules),
        article.date.isoformat() if article.date else None, article.lang, article.source,
        article.url, article.title,
        reports.count, _join(reports.article_ids),
    ]


def _actor_columns(prefix: str) -> tuple[str, ...]:
    names = ("text", "code", "country", "agents", "start", "end")
    return tuple(f"{prefix}_{name}" for name in names)


CSV_COLUMNS = (
    "event_id", "article_id", "sentence_index", "sentence_start", "sentence_text", "language",
    "date", "date_precision", "date_text", "date_source",
    *_actor_columns("source"), *_actor_columns("target"),
    "event_code", "event_root", "event_name_en", "event_name_id", "quad_class", "goldstein",
    "plover", "trigger_text", "trigger_start", "trigger_end", "negated", "modality",
    "location_text", "location_country", "location_start", "location_end", "rules",
    "article_date", "article_lang", "article_source", "article_url", "article_title",
    "report_count", "report_article_ids",
)


def phoenix_actor_parts(actor: Actor | None, book: Codebook) -> list[Cell]:
    """Full code, entity (country, else first code), roles (agent codes), other attributes."""
    if actor is None:
        return [None] * 4
    parts = list(actor.agents)
    entity = actor.country or (parts.pop(0) if parts else None)
    roles = [p for p in parts if p in book.agents]
    attributes = [p for p in parts if p not in book.agents]
    return [actor.code, entity, _join(roles), _join(attributes)]


def _phoenix_row(article: Article, event: Event, reports: Reports, book: Codebook) -> list[Cell]:
    day, place = event.date, event.location
    return [
        event.id, day.strftime("%Y%m%d"), day.year, day.month, day.day,
        *phoenix_actor_parts(event.source, book), *phoenix_actor_parts(event.target, book),
        event.action.code, event.action.root, event.action.quad_class, event.action.goldstein,
        None,  # Issues: not coded
        None, None,  # Lat, Lon: places are not geocoded
        place.text if place else None, None, place.country if place else None,
        f"{event.article_id}_{event.sentence_index + 1}",
        _join(reports.urls), _join(reports.sources),
    ]


PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon",
    "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)


def _country_name(code: str | None, book: Codebook) -> str | None:
    if code is None:
        return None
    entry = book.countries.get(code)
    return entry.name_en if entry else code


def _sectors(actor: Actor, book: Codebook) -> str:
    names = [book.agents[c].name_en for c in actor.agents if c in book.agents]
    return ",".join(names)


def _icews_actor(actor: Actor | None, book: Codebook) -> list[Cell]:
    if actor is None:
        return [None] * 3
    return [actor.text, _sectors(actor, book), _country_name(actor.country, book)]


def icews_intensity(code: str, book: Codebook) -> float:
    """The ICEWS intensity of a code: its ICEWS Goldstein value where the codebook has one."""
    entry = book.event(code)
    return entry.goldstein_icews if entry.goldstein_icews is not None else entry.goldstein


def _icews_row(article: Article, event: Event, reports: Reports, book: Codebook) -> list[Cell]:
    action, place = event.action, event.location
    source_name, source_sectors, source_country = _icews_actor(event.source, book)
    target_name, target_sectors, target_country = _icews_actor(event.target, book)
    return [
        event.id, event.date.isoformat(), source_name, source_sectors, source_country,
        action.name_en, action.code, icews_intensity(action.code, book),
        target_name, target_sectors, target_country,
        event.article_id, event.sentence_index + 1, _join(reports.sources),
        None, None, None,  # City, District, Province: places resolve only to a country
        _country_name(place.country, book) if place else None,
        None, None,  # Latitude, Longitude
    ]


ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)

LAYOUTS = MappingProxyType({
    "csv": Layout("csv", CSV_COLUMNS, _csv_row, ",", header=True),
    "tsv": Layout("tsv", CSV_COLUMNS, _csv_row, "\t", header=True),
    "phoenix": Layout("phoenix", PHOENIX_COLUMNS, _phoenix_row, "\t", header=False),
    "icews": Layout("icews", ICEWS_COLUMNS, _icews_row, "\t", header=True),
})
