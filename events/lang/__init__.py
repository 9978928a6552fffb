"""Per-language rules. Each language is a module here exporting the same names:

- ``CODE``: the ISO 639-1 code;
- ``Morphology``: a class built from the language's words (``events/data/lang/<code>.yaml``) with
  ``normalise(word)`` (root or lemma) and ``annotate(tokens)`` (root, class, form, voice);
- ``pattern_class(word, morphology)`` and ``trigger_matches(pattern, token, tokens, i, strict)``:
  how a dictionary trigger is written and whether a text token matches it;
- ``after_actors(tokens, ends)``: revises word classes once actor names are known.

The words themselves live in the data file; the modules hold only the rules that use them.
"""

from __future__ import annotations

import importlib
from importlib import resources
from pathlib import Path

from .base import LanguageWords, load_words

LANG_DATA_DIR = Path(str(resources.files("events") / "data" / "lang"))


def supported_languages() -> list[str]:
    """Codes of languages that have both a rules module and a words file."""
    return sorted(p.stem for p in LANG_DATA_DIR.glob("*.yaml")
                  if (Path(__file__).parent / f"{p.stem}.py").exists())


def load_language(code: str):
    """The rules module for ``code``; ``ValueError`` for an unsupported language."""
    if code not in supported_languages():
        raise ValueError(f"unsupported language {code!r}; supported: {', '.join(supported_languages())}")
    return importlib.import_module(f".{code}", __name__)


__all__ = ["LanguageWords", "load_words", "load_language", "supported_languages", "LANG_DATA_DIR"]
