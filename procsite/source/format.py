"""The procedure source format and the register formats: the contract with agency staff.

Every key is documented here once; the staff guide and the JSON Schema are
made from these declarations.
"""

from __future__ import annotations

import re
from typing import Any

from procsite.messages import Msg
from procsite.model import procedure as m
from procsite.source.agency import AGENCY
from procsite.source.common import CODE, TEXT
from procsite.source.references import References
from procsite.source.schema import (
    MISSING,
    TO_COMPLETE,
    Bool,
    Context,
    Date,
    DurationSpec,
    Enum,
    Int,
    Key,
    ListOf,
    Money,
    Obj,
    Ref,
    Spec,
    Str,
    ToComplete,
    described,
    is_to_complete,
)
from procsite.source.spec import require_scalar, text_as_written
from procsite.source.texts import DURATION_PATTERN
from procsite.source.yamlsrc import Map, Node, Scalar

CHANNELS = ("in_person", "online", "post")
LEVELS = ("commune", "province", "ministry")
"""Where a procedure is performed: the commune, the province, or a ministry (central level)."""


class ProcessingTimeSpec(Spec):
    """``same_day``, a duration such as ``5 working_days``, or a mapping with the details."""

    what = Msg("what.processing_time")
    _cutoff = re.compile(r"([01]?[0-9]|2[0-3]):[0-5][0-9]")

    def __init__(self) -> None:
        self.details = Obj(
            dict,
            {
                "limit": Key(Str("limit"), True),
                "cutoff": Key(Str("cutoff", self._cutoff.pattern, "15:00")),
                "verification_limit": Key(DurationSpec()),
                "note": Key(TEXT),
            },
            "processing_time",
        )

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        if isinstance(node, Map):
            values = self.details.parse(node, ctx, key)
            if values is MISSING:
                return MISSING
            limit_node = node.items["limit"][1]
        else:
            values, limit_node = {}, node
        limit_key = f"{key}.limit" if isinstance(node, Map) else key
        if is_to_complete(limit_node):
            ctx.to_complete.append((limit_node.line, limit_key))
            return m.ProcessingTime(note=values.get("note"))
        scalar = require_scalar(limit_node, ctx, limit_key, self.what)
        if scalar is None:
            return MISSING
        if scalar.raw.strip() == "same_day":
            limit, same_day = None, True
        else:
            limit = DurationSpec().parse(limit_node, ctx, f"{key}.limit" if isinstance(node, Map) else key)
            if limit is MISSING:
                return MISSING
            same_day = False
        if values.get("cutoff") and not same_day:
            ctx.problem(
                ctx.lines.get(f"{key}.cutoff", node.line),
                f"{key}.cutoff",
                Msg("time.cutoff", limit=scalar.raw),
                Msg("time.cutoff.hint"),
            )
        return m.ProcessingTime(
            limit=limit,
            same_day=same_day,
            cutoff=values.get("cutoff"),
            verification_limit=values.get("verification_limit"),
            note=values.get("note"),
        )

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        limit = {"type": "string", "pattern": text_as_written(f"same_day|{TO_COMPLETE}|{DURATION_PATTERN}")}
        details = self.details.schema(refs)
        details["properties"]["limit"] = {**limit, "description": details["properties"]["limit"]["description"]}
        # A cutoff hour only with same_day (the checker's time.cutoff).
        details["if"] = {"properties": {"limit": {"type": "string", "pattern": text_as_written("same_day")}}}
        details["else"] = {"properties": {"cutoff": {"type": "null"}}}
        return {
            "oneOf": [{**limit, "description": described(Msg("what.limit"))}, details],
            "description": described(self.what),
        }


KEYWORDS = Obj(m.Keywords, {lang: Key(ListOf(Str("keyword"))) for lang in ("vi", "en")}, "keywords")
"""``{vi: [...], en: [...]}``: words citizens type, per language."""

REVISION = Obj(
    m.Revision,
    {
        "issue": Key(Int("issue", 1), True),
        "date": Key(ToComplete(Date()), True),
        "change": Key(TEXT, True),
        "section": Key(TEXT),
    },
    "revision",
)

DOCUMENT_CONTROL = Obj(
    m.DocumentControl,
    {
        "code": Key(Str("iso_code", r"[A-ZĐ0-9][A-ZĐ0-9./-]*", "QT-HT-01"), True),
        "issue": Key(Int("issue", 1), True),
        "effective": Key(Date(), True),
        "drafted_by": Key(Ref("units"), True),
        "reviewed_by": Key(Ref("units"), True),
        "approved_by": Key(Ref("units"), True),
        "revisions": Key(ListOf(REVISION)),
    },
    "document_control",
)

FEE = Obj(
    m.Fee,
    {
        "amount": Key(ToComplete(Money()), True),
        "label": Key(TEXT),
        "channel": Key(Enum(*CHANNELS)),
        "exemptions": Key(TEXT),
    },
    "fee",
)

DOCUMENT = Obj(
    m.Document,
    {
        "name": Key(TEXT, True),
        "action": Key(Enum("submit", "show")),
        "originals": Key(Int("originals", 0, 100)),
        "copies": Key(Int("copies", 0, 100)),
        "form": Key(Ref("forms")),
        "condition": Key(TEXT),
    },
    "document",
)

STEP = Obj(
    m.Step,
    {
        "action": Key(TEXT, True),
        "unit": Key(Ref("units"), True),
        "duration": Key(DurationSpec(), True),
        "output": Key(TEXT),
        "form": Key(Ref("forms")),
        "parallel": Key(Bool()),
    },
    "step",
)

LEGAL_BASIS = Obj(
    m.LegalBasis,
    {
        "number": Key(Str("document_number"), True),
        "date": Key(ToComplete(Date()), True),
        "issuer": Key(ToComplete(TEXT), True),
        "title": Key(TEXT, True),
    },
    "legal_basis",
)

DECISION = Obj(
    m.Decision,
    {
        "number": Key(Str("document_number"), True),
        "date": Key(Date()),
        "issuer": Key(TEXT),
    },
    "decision",
)


class ProcedureObj(Obj):
    """The front matter: a mapping of keys, whose keys written ``to_complete`` the procedure keeps."""

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        first = len(ctx.to_complete)
        procedure = super().parse(node, ctx, key)
        if procedure is not MISSING:
            procedure.to_complete = {where: line for line, where in ctx.to_complete[first:]}
        return procedure


PROCEDURE = ProcedureObj(
    m.Procedure,
    {
        "title": Key(TEXT, True),
        "code": Key(CODE, True),
        "iso": Key(ToComplete(DOCUMENT_CONTROL), True),
        "field": Key(Ref("fields"), True),
        "level": Key(ToComplete(Enum(*LEVELS)), True),
        "status": Key(Enum("in_force", "superseded", "repealed")),
        "superseded_by": Key(CODE),
        "status_note": Key(TEXT),
        "performing_units": Key(ToComplete(ListOf(Ref("units"), 1), list), True),
        "competent_unit": Key(Ref("units")),
        "submit_at": Key(TEXT),
        "channels": Key(ListOf(Enum(*CHANNELS), 1), True),
        "processing_time": Key(ProcessingTimeSpec(), True),
        "fees": Key(ToComplete(ListOf(FEE, 1), list), True),
        "documents": Key(ToComplete(ListOf(DOCUMENT, 1), list), True),
        "steps": Key(ToComplete(ListOf(STEP, 1), list), True),
        "national_steps": Key(ListOf(TEXT)),
        "timing_note": Key(TEXT),
        "conditions": Key(ListOf(TEXT)),
        "legal_basis": Key(ToComplete(ListOf(LEGAL_BASIS, 1), list), True),
        "result": Key(ToComplete(TEXT), True),
        "applicants": Key(TEXT),
        "keywords": Key(KEYWORDS),
        "related": Key(ListOf(CODE)),
        "decision": Key(DECISION),
    },
    "procedure",
    what="front_matter",
)

UNIT = Obj(
    m.Unit,
    {
        "name": Key(TEXT, True),
        "part_of": Key(Ref("units")),
        "description": Key(TEXT),
    },
    "unit",
)

FIELD = Obj(
    m.Field,
    {
        "name": Key(TEXT, True),
        "description": Key(TEXT),
    },
    "field",
)

FORM = Obj(
    m.Form,
    {
        "title": Key(TEXT, True),
        "file": Key(ToComplete(Str("form_file", r"forms(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+", "forms/to-khai.pdf")), True),
        "number": Key(Str("form_number")),
    },
    "form",
)

EVERYDAY = Obj(
    m.Everyday,
    {
        "said": Key(TEXT, True),
        "means": Key(TEXT, True),
    },
    "everyday",
)

OBJECTS = (
    PROCEDURE,
    DOCUMENT_CONTROL,
    REVISION,
    FEE,
    DOCUMENT,
    STEP,
    LEGAL_BASIS,
    DECISION,
    UNIT,
    FIELD,
    FORM,
    AGENCY,
    KEYWORDS,
    EVERYDAY,
)
"""Every mapping of the source format, for the test that each key is described in both languages."""


def json_schema(refs: References | None = None) -> dict[str, Any]:
    """The JSON Schema of a procedure's front matter, for editors' completion and checking.

    It says what the checker says of one file, where JSON Schema can say it (see
    ``tests/test_schema_agrees.py`` for what it cannot). With ``refs`` (``Catalog.references()``),
    units, fields and forms must be ids of that folder's registers; without, any well-formed id."""
    superseded = {"required": ["status"], "properties": {"status": {"const": "superseded"}}}
    replaced = {"required": ["superseded_by"], "properties": {"superseded_by": {"not": {"type": "null"}}}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": described(PROCEDURE.what),
        **PROCEDURE.schema(refs),
        # The status rules of checks.py within one file: superseded.missing and superseded.not_allowed.
        "allOf": [{"if": superseded, "then": replaced}, {"if": replaced, "then": superseded}],
    }


__all__ = ["AGENCY", "FIELD", "FORM", "PROCEDURE", "UNIT", "Scalar", "json_schema"]
