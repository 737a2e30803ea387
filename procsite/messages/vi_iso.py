"""Messages of the iso stage in Vietnamese: code → template (merged into the vi catalogue)."""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {}
