"""The CAMEO codebook: event codes with names, QuadClass, Goldstein and PLOVER, and actor codes.

The facts live in ``events/data/codebook/*.yaml``; this module loads them into read-only objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import DataFileError
from .yamlio import LINE_KEY, load_yaml

CODEBOOK_DIR = Path(str(resources.files("events") / "data" / "codebook"))

EVENT_CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
QUAD_CLASS_NAMES = {
    1: ("Verbal cooperation", "Kerja sama verbal"),
    2: ("Material cooperation", "Kerja sama material"),
    3: ("Verbal conflict", "Konflik verbal"),
    4: ("Material conflict", "Konflik material"),
}


def quad_class(root: str) -> int:
    """GDELT's QuadClass of a two-digit root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"not a CAMEO root: {root!r}")
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4


class EventCode(BaseModel):
    """One CAMEO event code as stored in ``cameo.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=EVENT_CODE_RE.pattern)
    name_en: str = Field(min_length=1)
    name_id: str = Field(min_length=1)
    goldstein: float = Field(ge=-10, le=10)
    goldstein_icews: float | None = Field(default=None, ge=-10, le=10)
    plover: str = Field(min_length=1)
    plover_mode: str | None = None
    plover_context: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        """The code one level up (``0211`` -> ``021``, ``021`` -> ``02``), ``None`` for a root."""
        return None if len(self.code) == 2 else self.code[:-1]

    @property
    def quad_class(self) -> int:
        return quad_class(self.root)


class CodeName(BaseModel):
    """An actor-code component (root, agent, group) or a country, with its names."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    code: str
    name_en: str = Field(min_length=1)
    name_id: str = Field(min_length=1)
    alpha2: str | None = None
    kind: str | None = None

    @field_validator("code")
    @classmethod
    def _three_letters(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]{3}", value):
            raise ValueError(f"actor code components are three capital letters, got {value!r}")
        return value


def _load_entries(path: Path, key: str, model: type[BaseModel]) -> list:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise DataFileError(str(path), None, f"expected a mapping with a list under {key!r}")
    out = []
    for raw in data[key]:
        line = raw.get(LINE_KEY) if isinstance(raw, dict) else None
        if not isinstance(raw, dict):
            raise DataFileError(str(path), line, f"entry under {key!r} is not a mapping")
        try:
            out.append(model.model_validate({k: v for k, v in raw.items() if k != LINE_KEY}))
        except ValidationError as exc:
            raise DataFileError(str(path), line, _first_error(exc)) from exc
    return out


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"])
    return f"{loc}: {err['msg']}" if loc else err["msg"]


@dataclass(frozen=True)
class Codebook:
    """Read-only CAMEO event codes and actor-code vocabulary."""

    events: Mapping[str, EventCode]
    countries: Mapping[str, CodeName]
    roots: Mapping[str, CodeName]
    agents: Mapping[str, CodeName]
    groups: Mapping[str, CodeName]
    _by_alpha2: Mapping[str, str] = field(default_factory=dict, repr=False)
    _splits: dict = field(default_factory=dict, repr=False, compare=False)  # memo of split codes

    # --- event codes -------------------------------------------------------------------------
    def event(self, code: str) -> EventCode:
        """The entry for an event code; ``KeyError`` with a clear message when unknown."""
        try:
            return self.events[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO event code {code!r}") from None

    def children(self, code: str) -> list[EventCode]:
        return [c for c in self.events.values() if c.parent == code]

    def search(self, text: str) -> list[EventCode]:
        """Codes whose code starts with ``text`` or whose English/Indonesian name contains it."""
        query = text.strip().lower()
        if query.isdigit():
            return [c for c in self.events.values() if c.code.startswith(query)]
        return [
            c for c in self.events.values()
            if query in c.name_en.lower() or query in c.name_id.lower()
        ]

    # --- actor codes -------------------------------------------------------------------------
    def split_actor_code(self, code: str) -> tuple[str | None, tuple[str, ...]]:
        """Split an actor code into its country (or ``None``) and the remaining components.

        ``RUSGOV`` -> (``RUS``, (``GOV``,)); ``IGOUNO`` -> (None, (``IGO``, ``UNO``)); ``COP`` ->
        (None, (``COP``,)). Raises ``ValueError`` when a component is unknown.
        """
        known = self._splits.get(code)
        if known is not None:
            return known
        result = self._split(code)
        self._splits[code] = result
        return result

    def _split(self, code: str) -> tuple[str | None, tuple[str, ...]]:
        if not code or len(code) % 3 or not code.isalpha() or not code.isupper():
            raise ValueError(f"actor code {code!r} is not a sequence of three-letter components")
        parts = tuple(code[i:i + 3] for i in range(0, len(code), 3))
        for i, part in enumerate(parts):
            known = part in self.agents or part in self.groups or part in self.roots
            if i == 0:
                known = known or part in self.countries
            if not known:
                raise ValueError(f"actor code {code!r}: unknown component {part!r}")
        # MUS is both Mauritius and the Muslim agent code: alone, it is read as the agent
        if parts[0] in self.countries and not (len(parts) == 1 and parts[0] in self.agents):
            return parts[0], parts[1:]
        return None, parts

    def country_of_alpha2(self, alpha2: str) -> str | None:
        return self._by_alpha2.get(alpha2.upper())


def load_codebook(directory: Path = CODEBOOK_DIR) -> Codebook:
    """Load and validate the codebook files from ``directory``."""
    events = _load_entries(directory / "cameo.yaml", "codes", EventCode)
    codes = {e.code: e for e in events}
    if len(codes) != len(events):
        raise DataFileError(str(directory / "cameo.yaml"), None, "duplicate event codes")
    for entry in events:
        if entry.parent is not None and entry.parent not in codes:
            raise DataFileError(str(directory / "cameo.yaml"), None,
                                f"code {entry.code} has no parent {entry.parent}")
    countries = _load_entries(directory / "countries.yaml", "countries", CodeName)
    roots = _load_entries(directory / "actor_codes.yaml", "roots", CodeName)
    agents = _load_entries(directory / "actor_codes.yaml", "agents", CodeName)
    groups = _load_entries(directory / "group_codes.yaml", "groups", CodeName)

    def index(items: list[CodeName]) -> Mapping[str, CodeName]:
        return MappingProxyType({c.code: c for c in items})

    return Codebook(
        events=MappingProxyType(codes),
        countries=index(countries),
        roots=index(roots),
        agents=index(agents),
        groups=index(groups),
        _by_alpha2=MappingProxyType({c.alpha2: c.code for c in countries if c.alpha2}),
    )


@cache
def default_codebook() -> Codebook:
    """The shipped codebook, loaded once per process (it is immutable)."""
    return load_codebook()
