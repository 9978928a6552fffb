"""JSON Schema files generated from the models; ``python -m events.schemas`` rewrites them.

The committed files in ``schemas/`` are what other tools validate against; a test fails when they
differ from what the models generate.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel, TypeAdapter

from .dictionaries import ActorFile, VerbFile
from .models import Article, Event

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
BASE_ID = "https://w3id.org/events-coder/schemas/"


def _schema(title: str, model: type[BaseModel] | TypeAdapter, mode: str) -> dict:
    schema = model.model_json_schema(mode=mode) if isinstance(model, type) else \
        model.json_schema(mode=mode)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": BASE_ID + title, **schema}


def generated() -> dict[str, dict]:
    """File name -> schema, for every published schema."""
    return {
        "event.schema.json": _schema("event.schema.json", Event, "serialization"),
        "article.schema.json": _schema("article.schema.json", Article, "validation"),
        "actor-dictionary.schema.json": _schema("actor-dictionary.schema.json", ActorFile,
                                                "validation"),
        "verb-dictionary.schema.json": _schema("verb-dictionary.schema.json", VerbFile,
                                               "validation"),
    }


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in generated().items():
        path = directory / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def event_schema() -> dict:
    """The event record schema (from the committed file when present, else generated)."""
    path = SCHEMA_DIR / "event.schema.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return generated()["event.schema.json"]


if __name__ == "__main__":
    for written in write():
        print(written, file=sys.stderr)
