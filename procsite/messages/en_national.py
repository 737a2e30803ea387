"""Messages of the national stage in English: code → template (merged into the en catalogue)."""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {}
