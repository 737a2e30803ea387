"""A checked procedure back in the source format, as JSON: what staff wrote, in both languages, with
``to_complete`` where it still is. Valid against the published JSON Schema (tested), so that another
system reads it with the same contract as the files."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from procsite.model.procedure import Duration, Keywords, Procedure, ProcessingTime, Text
from procsite.source.schema import TO_COMPLETE

_DEFAULTS = {"status": "in_force", "action": "submit", "originals": 1, "copies": 0, "parallel": False}
"""Values a key takes when not written: left out, as staff leave them out."""
_LOADER_FIELDS = {"slug", "source", "body", "lines", "to_complete"}


def procedure_object(p: Procedure) -> dict[str, Any]:
    """``p``'s front matter as the source format writes it, with its body (``body``: ``{vi, en}``)."""
    out = _value(p, "")
    assert isinstance(out, dict)
    for key in p.to_complete:
        _put(out, key, TO_COMPLETE)
    return out


def _value(value: Any, key: str) -> Any:
    if isinstance(value, Text):
        return {"vi": value.vi, **({"en": value.en} if value.en else {})}
    if isinstance(value, Duration):
        return f"{value.amount:g} {value.unit}"
    if isinstance(value, ProcessingTime):
        return _processing_time(value)
    if isinstance(value, Keywords):
        return {lang: words for lang, words in (("vi", value.vi), ("en", value.en)) if words}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_value(item, key) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            if isinstance(value, Procedure) and f.name in _LOADER_FIELDS:
                continue
            item = getattr(value, f.name)
            if item is None or item == [] or item == Keywords() or _DEFAULTS.get(f.name, object()) == item:
                continue
            out[f.name] = _value(item, f.name)
        return out
    return value


def _processing_time(time: ProcessingTime) -> Any:
    limit = "same_day" if time.same_day else (_value(time.limit, "limit") if time.limit else TO_COMPLETE)
    details = {
        "cutoff": time.cutoff,
        "verification_limit": _value(time.verification_limit, "") if time.verification_limit else None,
        "note": _value(time.note, "") if time.note else None,
    }
    written = {k: v for k, v in details.items() if v is not None}
    return {"limit": limit, **written} if written else limit


def _put(out: dict[str, Any], path: str, value: Any) -> None:
    """Write ``value`` at a key path such as ``legal_basis[2].date`` or ``processing_time.limit``."""
    parts = [p for p in path.replace("]", "").replace("[", ".").split(".") if p]
    target: Any = out
    for part in parts[:-1]:
        target = target[int(part)] if isinstance(target, list) else target.setdefault(part, {})
    last = parts[-1]
    if isinstance(target, list):
        target[int(last)] = value
    elif isinstance(target, dict):
        target[last] = value
