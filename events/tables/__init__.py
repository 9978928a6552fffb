"""Research-database tables: flat CSV/TSV and the Phoenix and ICEWS event layouts.

``layouts`` defines the columns of each layout, ``writer`` turns coded articles into rows, and
``oneaday`` is the Phoenix one-a-day de-duplication filter that wraps any writer. The columns are
documented in ``docs/tables.md``.
"""

from __future__ import annotations

from .layouts import LAYOUTS, Layout
from .reports import Reports

__all__ = ["LAYOUTS", "Layout", "Reports"]
