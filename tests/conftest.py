"""Shared fixtures: the repository layout and a coder loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from events.coder import Coder

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
DEV_SET = SHARED / "eval" / "dev.jsonl"


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()
