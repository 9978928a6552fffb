"""Actor and verb-pattern dictionaries: the file format, its validation and loading.

A dictionary file is YAML: ``{type: actors|verbs, entries: [...]}``. Shipped files live in
``events/data/dictionaries/{common,<lang>}/``; users add their own with ``--dict PATH``. Every entry
is validated; a bad one raises :class:`~events.errors.DataFileError` naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Iterable, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from .codebook import Codebook
from .errors import DataFileError
from .yamlio import LINE_KEY, YamlFileError, load_yaml

DICTIONARY_DIR = Path(str(resources.files("events") / "data" / "dictionaries"))
COMMON = "common"

EntryId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
Name = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: EntryId = Field(description="Stable, unique id; shows up in events as provenance.")
    note: str | None = Field(default=None, description="Free text for people reading the file.")
    lang: list[str] | None = Field(
        default=None, description="Languages this entry applies to (default: the file's).")

    @field_validator("lang", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class ActorEntry(_Entry):
    """An actor dictionary entry: surface names and the CAMEO actor code they stand for."""

    code: Annotated[str, StringConstraints(pattern=r"^([A-Z]{3})+$")] = Field(
        description="CAMEO actor code: country/root followed by agent or group codes.")
    kind: Literal["country", "role", "actor", "place"] = Field(
        description="country: a country's names; role: agent codes combined with a nearby country; "
                    "actor: a complete actor; place: a location inside the country `code`.")
    names: list[Name] = Field(min_length=1, description="Surface forms, matched as whole tokens.")


class VerbEntry(_Entry):
    """A verb-pattern entry: phrases whose trigger word signals a CAMEO event code."""

    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{2,4}$")] = Field(
        description="CAMEO event code.")
    patterns: list[Name] = Field(
        min_length=1, description="Phrases as written in text; '*' is a gap of up to 3 words.")
    flags: list[Literal["speech", "complement", "symmetric", "instrument", "armed"]] = Field(
        default_factory=list,
        description="speech: attribution verb; complement: its clausal complement is not coded; "
                    "symmetric: coded in both directions; instrument: a weapon or method phrase "
                    "that refines the code of a violent trigger in the same sentence; armed: an "
                    "event only when its source is an armed actor (forces, fighters, gunmen) or a "
                    "weapon ('strike', 'hit').")

    @field_validator("patterns")
    @classmethod
    def _no_leading_gap(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            words = pattern.split()
            if words[0] == "*" or words[-1] == "*":
                raise ValueError(f"pattern {pattern!r} may not start or end with '*'")
        return patterns


class ActorFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["actors"]
    lang: str | None = None
    entries: list[ActorEntry]


class VerbFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["verbs"]
    lang: str | None = None
    entries: list[VerbEntry]


DictionaryFileModel = Union[ActorFile, VerbFile]


@dataclass(frozen=True)
class LoadedEntry:
    """An entry with where it came from."""

    entry: ActorEntry | VerbEntry
    path: str
    line: int | None
    languages: tuple[str, ...]  # empty: every language


def _error_message(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"])
    msg = err["msg"]
    return f"{loc}: {msg}" if loc else msg


def read_dictionary_file(path: Path | str, default_lang: str | None = None) -> list[LoadedEntry]:
    """Read and validate one dictionary file (schema only; see :func:`check_codes`)."""
    path = Path(path)
    try:
        data = load_yaml(path)
    except YamlFileError as exc:
        raise DataFileError(exc.path, exc.line, exc.reason) from exc
    if not isinstance(data, dict) or data.get("type") not in ("actors", "verbs"):
        raise DataFileError(str(path), data.get(LINE_KEY) if isinstance(data, dict) else None,
                            "a dictionary file is a mapping with 'type: actors' or 'type: verbs' "
                            "and a list of 'entries'")
    kind = data["type"]
    entry_model = ActorEntry if kind == "actors" else VerbEntry
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list):
        raise DataFileError(str(path), data.get(LINE_KEY), "'entries' must be a list")
    extra = set(data) - {"type", "lang", "entries", LINE_KEY}
    if extra:
        raise DataFileError(str(path), data.get(LINE_KEY), f"unknown top-level keys: {sorted(extra)}")
    file_lang = data.get("lang") or default_lang
    out: list[LoadedEntry] = []
    for raw in raw_entries:
        if not isinstance(raw, dict):
            raise DataFileError(str(path), None, f"entry {raw!r} is not a mapping")
        line = raw.get(LINE_KEY)
        fields = {k: v for k, v in raw.items() if k != LINE_KEY}
        try:
            entry = entry_model.model_validate(fields)
        except ValidationError as exc:
            ident = fields.get("id", "?")
            raise DataFileError(str(path), line, f"entry {ident!r}: {_error_message(exc)}") from exc
        langs = tuple(entry.lang) if entry.lang else (
            () if file_lang in (None, COMMON) else (file_lang,))
        out.append(LoadedEntry(entry, str(path), line, langs))
    return out


def check_codes(entries: Iterable[LoadedEntry], codebook: Codebook) -> None:
    """Check every code against the codebook and that ids are unique; raise on the first problem."""
    seen: dict[str, LoadedEntry] = {}
    for item in entries:
        entry = item.entry
        if entry.id in seen:
            first = seen[entry.id]
            raise DataFileError(item.path, item.line,
                                f"duplicate id {entry.id!r} (first at {first.path}:{first.line})")
        seen[entry.id] = item
        if isinstance(entry, VerbEntry):
            if entry.code not in codebook.events:
                raise DataFileError(item.path, item.line,
                                    f"entry {entry.id!r}: unknown CAMEO event code {entry.code!r}")
            continue
        try:
            country, rest = codebook.split_actor_code(entry.code)
        except ValueError as exc:
            raise DataFileError(item.path, item.line, f"entry {entry.id!r}: {exc}") from None
        if entry.kind in ("country", "place") and entry.code not in codebook.countries:
            raise DataFileError(item.path, item.line,
                                f"entry {entry.id!r}: a {entry.kind} needs a bare country code, "
                                f"got {entry.code!r}")
        parts = [entry.code[k:k + 3] for k in range(0, len(entry.code), 3)]
        if entry.kind == "role" and not all(p in codebook.agents for p in parts):
            raise DataFileError(item.path, item.line,
                                f"entry {entry.id!r}: a role's code is agent codes only, "
                                f"got {entry.code!r}")


def shipped_files(lang: str, directory: Path = DICTIONARY_DIR) -> list[Path]:
    """The shipped dictionary files for a language: ``common/`` first, then the language's own."""
    files: list[Path] = []
    for sub in (COMMON, lang):
        folder = directory / sub
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.yaml")))
    return files


def shipped_languages(directory: Path = DICTIONARY_DIR) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.is_dir() and p.name != COMMON)


def load_entries(lang: str, codebook: Codebook, extra: Iterable[Path | str] = (),
                 directory: Path = DICTIONARY_DIR) -> list[LoadedEntry]:
    """All entries that apply to ``lang``: shipped files plus user files, validated."""
    entries: list[LoadedEntry] = []
    for path in shipped_files(lang, directory):
        entries.extend(read_dictionary_file(path, default_lang=path.parent.name))
    for path in extra:
        entries.extend(read_dictionary_file(path))
    check_codes(entries, codebook)
    return [e for e in entries if not e.languages or lang in e.languages]


ID_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A lowercase id fragment for ``text``."""
    return ID_SLUG_RE.sub("-", text.lower()).strip("-")
