"""The committed JSON Schemas are what the models generate, and extracted events validate."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from events import schemas

from .conftest import ROOT, SEEDS


def test_schemas_committed_files_are_fresh():
    for name, schema in schemas.generated().items():
        path = schemas.SCHEMA_DIR / name
        assert path.exists(), f"{name} missing: run python -m events.schemas"
        assert path.read_text(encoding="utf-8") == schemas.render(schema), \
            f"{name} is stale: run python -m events.schemas"


def test_schemas_seed_events_validate_against_committed_schema():
    out = subprocess.run([sys.executable, "-m", "events", "extract", str(SEEDS)],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    schema = json.loads((schemas.SCHEMA_DIR / "event.schema.json").read_text())
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert lines
    for record in lines:
        jsonschema.validate(record, schema)
        assert {"article_id", "sentence_index", "date", "date_precision", "source", "target",
                "action"} <= record.keys()
        assert {"code", "root"} <= record["action"].keys()
