"""Read YAML data files so that every scalar stays a string and every mapping knows its line.

PyYAML's safe loader turns ``010`` into 8 and ``NO`` into False; dictionaries and codebooks must keep
codes exactly as written, so all scalars are loaded as strings and pydantic types the values later.
Each mapping gets its 1-based source line under :data:`LINE_KEY` so errors can name file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

LINE_KEY = "__line__"

try:  # the C loader is much faster; fall back to pure Python when libyaml is absent
    _Base = yaml.CBaseLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.BaseLoader


class StringLoader(_Base):  # type: ignore[misc,valid-type]
    """A loader that builds no objects: only str, list and dict, with line numbers on mappings."""


def _construct_mapping(loader: yaml.BaseLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


StringLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class YamlFileError(ValueError):
    """A YAML file that cannot be read or parsed; the message names file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def load_yaml(path: Path | str) -> Any:
    """Load one YAML document of strings, lists and line-numbered mappings."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlFileError(path, None, f"cannot read file: {exc}") from exc
    try:
        return yaml.load(text, Loader=StringLoader)  # noqa: S506 - StringLoader builds no objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlFileError(path, line, f"invalid YAML: {problem}") from exc


def strip_lines(value: Any) -> Any:
    """Return a copy of loaded YAML without the line-number keys."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value
