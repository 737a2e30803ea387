"""Values several formats share: a bilingual text, a national procedure code."""

from __future__ import annotations

from procsite.source.schema import Str, TextSpec

TEXT = TextSpec()
CODE = Str("code", r"[0-9]\.[0-9]{6}(\.[0-9A-Za-z]+)*", "1.001193")
