"""Texts citizens read, in Vietnamese and English and never as HTML, and durations as the law writes them."""

from __future__ import annotations

import re
from typing import Any

from procsite.messages import Msg, Val
from procsite.messages.keys import WORDS
from procsite.model.procedure import Duration, Text
from procsite.problems import closest, expected
from procsite.source.references import References
from procsite.source.spec import (
    MISSING,
    Context,
    Spec,
    control_class,
    control_problem,
    described,
    received_value,
    require_scalar,
    text_as_written,
)
from procsite.source.yamlsrc import Map, Node, Scalar

LANGS = ("vi", "en")


# What a browser would read as markup: "<" then a letter, "/", "!" or "?" opens a tag, a closing tag,
# a comment or a declaration (HTML's tokenizer rules), so "< 6 tuổi" or "<6 tuổi" stay plain text.
_MARKUP = re.compile(r"<[A-Za-z/!?](?:[^<>]{0,80}>|[^<>\s]*)")
_SCRIPT_URL = re.compile(r"javascript\s*:", re.I)
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
"""The letters other than A-Z and a-z that Python's ``re.I`` takes for an ASCII letter (İ ı ſ K)."""


def _caseless(word: str) -> str:
    """``word`` as a pattern that matches it as ``re.I`` does, for JSON Schema (which has no flags)."""
    classes = []
    for letter in word:
        same = {letter.lower(), letter.upper(), *(c for c in _FOLDS_TO_ASCII if re.fullmatch(letter, c, re.I))}
        classes.append("[" + "".join(sorted(same)) + "]")
    return "".join(classes)


def _language(lang: str) -> str:
    """A text's language, named in Vietnamese and English, for the schema."""
    return " — ".join(WORDS[words][lang] for words in LANGS)


def no_markup() -> dict[str, Any]:
    """The schema of a text without HTML markup, script address or control character (``_markup_problem``)."""
    script = _caseless("javascript") + _SCRIPT_URL.pattern[len("javascript") :]
    return {"not": {"type": "string", "pattern": f"{control_class()}|{_MARKUP.pattern}|{script}"}}


def _markup_problem(text: str, node: Node, ctx: Context, key: str) -> bool:
    """Report HTML markup, a script address or a control character in a text; True when there was one."""
    if control_problem(text, node, ctx, key):
        return True
    found = _MARKUP.search(text) or _SCRIPT_URL.search(text)
    if found is None:
        return False
    code = "text.markup" if found.re is _MARKUP else "text.script"
    ctx.problem(node, key, Msg(code, found=Val.of(found.group(0))), Msg("text.markup.hint"))
    return True


def _blank(node: Node) -> bool:
    """A value written as nothing: empty, ``~``, ``null`` or blank quotes (not ``0`` or ``false``, which are values)."""
    return isinstance(node, Scalar) and (node.value is None or (isinstance(node.value, str) and not node.value.strip()))


class TextSpec(Spec):
    """A text citizens read: ``{vi: …, en: …}``, or a plain string (Vietnamese only, English to come).

    Texts are shown exactly as written: HTML markup or a ``javascript:`` address in one is an error."""

    what = Msg("what.text_or_mapping")

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        if isinstance(node, Scalar) and isinstance(node.value, str) and node.value.strip():
            text = node.value.strip()
            if _markup_problem(text, node, ctx, key):
                return MISSING
            ctx.untranslated.append((node.line, key))
            return Text(text)
        if isinstance(node, Map):
            values: dict[str, str] = {}
            marked_up = False
            for lang, (line, child) in node.items.items():
                if lang not in LANGS:
                    hint = closest(lang, LANGS)
                    if " " in lang.strip() or not lang.isascii():  # an unquoted comma cut a text short
                        hint = Msg("text.comma.hint")
                    ctx.problem(line, f"{key}.{lang}", Msg("text.language", lang=lang), hint)
                elif isinstance(child, Scalar) and isinstance(child.value, str) and child.value.strip():
                    text = child.value.strip()
                    if _markup_problem(text, child, ctx, f"{key}.{lang}"):
                        marked_up = True
                    else:
                        values[lang] = text
                elif lang == "vi" and _blank(child):
                    # An empty Vietnamese text would drop the whole entry: say so where it is written.
                    ctx.problem(child, f"{key}.vi", Msg("text.empty_vi"), Msg("text.vi_first.hint"))
                elif not _blank(child):
                    ctx.problem(child, f"{key}.{lang}", expected(Msg("what.text"), received_value(child)))
            if marked_up:
                return MISSING
            if "vi" not in values:
                if "vi" not in node.items:
                    ctx.problem(node, key, Msg("text.no_vi"), Msg("text.vi_first.hint"))
                return MISSING
            if "en" not in values:
                ctx.untranslated.append((node.line, key))
            return Text(values["vi"], values.get("en"))
        ctx.problem(node, key, expected(self.what, received_value(node)), Msg("text.example.hint"))
        return MISSING

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        text = {"type": "string", "pattern": r"\S", **no_markup()}
        return {
            "oneOf": [
                {**text, "description": described(Msg("what.text"))},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["vi"],
                    "properties": {
                        "vi": {**text, "description": _language("vi")},
                        # An empty English text is as if not written: the Vietnamese is shown.
                        "en": {"type": ["string", "null"], **no_markup(), "description": _language("en")},
                    },
                },
            ],
            "description": described(self.what),
        }


_DURATION = re.compile(r"(\d+(?:[.,]5)?)\s+(working_days?|working_hours?|days?)")
MAX_DURATION = 1000
"""No legal time limit is longer than a thousand days or hours: a bigger number is a typing mistake."""


class DurationSpec(Spec):
    """A number and a unit: working_days, working_hours or days."""

    what = Msg("what.duration")

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = require_scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        match = _DURATION.fullmatch(scalar.raw.strip())
        if not match:
            ctx.problem(node, key, expected(self.what, scalar.raw), Msg("duration.hint"))
            return MISSING
        unit = match.group(2) if match.group(2).endswith("s") else match.group(2) + "s"
        number = match.group(1).replace(",", ".")
        if len(number) > 6 or float(number) > MAX_DURATION:
            message = Msg("duration.too_long", limit=MAX_DURATION, unit=unit, received=Val.of(scalar.raw.strip()))
            ctx.problem(node, key, message, Msg("duration.too_long.hint"))
            return MISSING
        return Duration(float(number), unit)

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        return {"type": "string", "pattern": text_as_written(DURATION_PATTERN), "description": described(self.what)}


_UP_TO_MAX = r"0{0,5}\d|0{0,4}\d{2}|0{0,3}\d{3}|0{0,2}1000|(?:0{0,3}\d|0{0,2}\d{2}|0?\d{3})[.,]5"
"""A number of ``_DURATION`` up to ``MAX_DURATION``, in at most 6 characters, as the checker allows."""
DURATION_PATTERN = f"(?:{_UP_TO_MAX})" + _DURATION.pattern[_DURATION.pattern.index(r"\s+") :]
"""``_DURATION`` with its number limited as ``DurationSpec`` limits it, for the schema."""
