"""The procedure source format and the register formats: the contract with agency staff.

Every key is documented here once; the staff guide and the JSON Schema are
made from these declarations.
"""

from __future__ import annotations

import re
from typing import Any

from . import model as m
from .schema import (
    MISSING,
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
    TextSpec,
)
from .spec import require_scalar
from .yamlsrc import Map, Node, Scalar

TEXT = TextSpec()
CODE = Str('a national procedure code such as "1.001193"', r"[0-9]\.[0-9]{6}(\.[0-9A-Za-z]+)*", "1.001193")
CHANNELS = ("in_person", "online", "post")


class ProcessingTimeSpec(Spec):
    """``same_day``, a duration such as ``5 working_days``, or a mapping with the details."""

    what = 'a duration such as "5 working_days", "same_day", or a mapping with "limit"'
    _cutoff = re.compile(r"([01]?[0-9]|2[0-3]):[0-5][0-9]")

    def __init__(self) -> None:
        self.details = Obj(
            dict,
            {
                "limit": Key(
                    Str('"same_day" or a duration such as "5 working_days"'),
                    True,
                    'the legal limit: "same_day" or a duration such as "5 working_days"',
                ),
                "cutoff": Key(
                    Str('an hour written HH:MM, e.g. "15:00"', self._cutoff.pattern, "15:00"),
                    False,
                    "with same_day: a dossier received after this hour is returned the next working day",
                ),
                "verification_limit": Key(DurationSpec(), False, "the longer limit when the dossier must be verified"),
                "note": Key(TEXT, False, "a note shown under the processing time"),
            },
        )

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        if isinstance(node, Map):
            values = self.details.parse(node, ctx, key)
            if values is MISSING:
                return MISSING
            limit_node = node.items["limit"][1]
        else:
            values, limit_node = {}, node
        scalar = require_scalar(limit_node, ctx, f"{key}.limit" if isinstance(node, Map) else key, self.what)
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
                f'expected "cutoff" only with "limit: same_day", but received: limit "{scalar.raw}".',
                'Remove "cutoff", or set "limit: same_day".',
            )
        return m.ProcessingTime(
            limit=limit,
            same_day=same_day,
            cutoff=values.get("cutoff"),
            verification_limit=values.get("verification_limit"),
            note=values.get("note"),
        )

    def schema(self) -> dict[str, Any]:
        return {"oneOf": [{"type": "string"}, self.details.schema()], "description": self.what}


class KeywordsSpec(Spec):
    """``{vi: [...], en: [...]}``: words citizens type, per language."""

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        spec = Obj(m.Keywords, {lang: Key(ListOf(Str("a keyword"))) for lang in ("vi", "en")})
        return spec.parse(node, ctx, key)

    def schema(self) -> dict[str, Any]:
        return Obj(m.Keywords, {lang: Key(ListOf(Str("a keyword"))) for lang in ("vi", "en")}).schema()


REVISION = Obj(
    m.Revision,
    {
        "issue": Key(Int("an issue number (1, 2, …)", 1), True, "the issue number this revision produced"),
        "date": Key(Date(), True, "the date of the revision"),
        "change": Key(TEXT, True, "what changed"),
        "section": Key(TEXT, False, "the section that changed"),
    },
)

DOCUMENT_CONTROL = Obj(
    m.DocumentControl,
    {
        "code": Key(
            Str('an ISO process code such as "QT-HT-01"', r"[A-ZĐ0-9][A-ZĐ0-9./-]*", "QT-HT-01"),
            True,
            "the process code (mã hiệu)",
        ),
        "issue": Key(Int("an issue number (1, 2, …)", 1), True, "the issue number (lần ban hành)"),
        "effective": Key(Date(), True, "the effective date (ngày hiệu lực)"),
        "drafted_by": Key(Ref("units"), True, "the role that drafted the process (người soạn thảo)"),
        "reviewed_by": Key(Ref("units"), True, "the role that reviewed it (người xem xét)"),
        "approved_by": Key(Ref("units"), True, "the role that approved it (người phê duyệt)"),
        "revisions": Key(ListOf(REVISION), False, "the revision log (theo dõi sửa đổi)"),
    },
)

FEE = Obj(
    m.Fee,
    {
        "amount": Key(Money(), True, "the amount in đồng; 0 means free of charge"),
        "label": Key(TEXT, False, "what the fee is for, e.g. late registration"),
        "channel": Key(Enum(*CHANNELS), False, "the channel this fee applies to"),
        "exemptions": Key(TEXT, False, "who does not pay"),
    },
)

DOCUMENT = Obj(
    m.Document,
    {
        "name": Key(TEXT, True, "the document's name"),
        "action": Key(Enum("submit", "show"), False, "submit (nộp) or show (xuất trình); default submit"),
        "originals": Key(Int("a number of originals", 0, 100), False, "number of originals (bản chính); default 1"),
        "copies": Key(Int("a number of copies", 0, 100), False, "number of copies (bản sao); default 0"),
        "form": Key(Ref("forms"), False, "the id of its form in forms.yml"),
        "condition": Key(TEXT, False, "when this document is needed"),
    },
)

STEP = Obj(
    m.Step,
    {
        "action": Key(TEXT, True, "what is done (trình tự)"),
        "unit": Key(Ref("units"), True, "who is responsible (trách nhiệm), an id of units.yml"),
        "duration": Key(DurationSpec(), True, 'how long it may take, e.g. "4 working_hours"'),
        "output": Key(TEXT, False, "the form or result of the step (biểu mẫu/kết quả)"),
        "form": Key(Ref("forms"), False, "the id of a form used in this step"),
        "parallel": Key(Bool(), False, "true when it runs alongside the previous step and adds no time"),
    },
)

LEGAL_BASIS = Obj(
    m.LegalBasis,
    {
        "number": Key(Str('a document number such as "60/2014/QH13"'), True, "the document's number"),
        "date": Key(Date(), True, "the date it was issued"),
        "issuer": Key(TEXT, True, "who issued it"),
        "title": Key(TEXT, True, "its title or summary"),
    },
)

PROCEDURE = Obj(
    m.Procedure,
    {
        "title": Key(TEXT, True, "the procedure's name (tên thủ tục)"),
        "code": Key(CODE, True, "the national procedure code (mã thủ tục)"),
        "iso": Key(DOCUMENT_CONTROL, True, "the ISO document control of the process"),
        "field": Key(Ref("fields"), True, "the field (lĩnh vực), an id of fields.yml"),
        "level": Key(Enum("commune", "province"), True, "the level that performs it (cấp thực hiện)"),
        "status": Key(Enum("in_force", "superseded", "repealed"), False, "in_force (default), superseded or repealed"),
        "superseded_by": Key(CODE, False, "with status superseded: the code of the procedure that replaces it"),
        "status_note": Key(TEXT, False, "why and since when it is superseded or repealed"),
        "performing_units": Key(ListOf(Ref("units"), 1), True, "units that perform it (cơ quan thực hiện)"),
        "competent_unit": Key(Ref("units"), False, "the competent authority (cơ quan có thẩm quyền)"),
        "submit_at": Key(TEXT, False, "where to submit; default: the agency's one-stop desk address"),
        "channels": Key(ListOf(Enum(*CHANNELS), 1), True, "in_person, online, post (cách thức thực hiện)"),
        "processing_time": Key(ProcessingTimeSpec(), True, "the legal processing time (thời hạn giải quyết)"),
        "fees": Key(ListOf(FEE, 1), True, "fees and charges (phí, lệ phí)"),
        "documents": Key(ListOf(DOCUMENT, 1), True, "the dossier (thành phần hồ sơ)"),
        "steps": Key(ListOf(STEP, 1), True, "the numbered steps of the process (trình tự thực hiện)"),
        "timing_note": Key(TEXT, False, "why the step times do not add up to the processing time"),
        "conditions": Key(ListOf(TEXT), False, "requirements and conditions (yêu cầu, điều kiện)"),
        "legal_basis": Key(ListOf(LEGAL_BASIS, 1), True, "legal basis (căn cứ pháp lý)"),
        "result": Key(TEXT, True, "the result the citizen receives (kết quả thực hiện)"),
        "applicants": Key(TEXT, False, "who may apply (đối tượng thực hiện)"),
        "keywords": Key(KeywordsSpec(), False, "words citizens type to find it, per language"),
        "related": Key(ListOf(CODE), False, "codes of related procedures"),
    },
    what="the procedure's front matter",
)

UNIT = Obj(
    m.Unit,
    {
        "name": Key(TEXT, True, "the unit's or role's name"),
        "part_of": Key(Ref("units"), False, "the unit this role belongs to"),
        "description": Key(TEXT, False, "what it does"),
    },
)

FIELD = Obj(
    m.Field,
    {
        "name": Key(TEXT, True, "the field's name"),
        "description": Key(TEXT, False, "what it covers"),
    },
)

FORM = Obj(
    m.Form,
    {
        "title": Key(TEXT, True, "the form's title"),
        "file": Key(
            Str(
                'a file of the forms folder, written "forms/" and its name',
                r"forms(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+",
                "forms/to-khai.pdf",
            ),
            True,
            "the file, in the forms folder of the procedures folder: PDF, DOC, DOCX, XLS, XLSX, ODT or ODS",
        ),
        "number": Key(
            Str("a form number"),
            False,
            'the form\'s official reference, e.g. "Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP"',
        ),
    },
)

AGENCY = Obj(
    m.Agency,
    {
        "name": Key(TEXT, True, "the agency's name"),
        "address": Key(TEXT, True, "the one-stop desk's address"),
        "parent": Key(TEXT, False, "the province or parent body"),
        "phone": Key(Str("a phone number"), False, "phone of the one-stop desk"),
        "email": Key(Str("an e-mail address"), False, "e-mail of the one-stop desk"),
        "hours": Key(TEXT, False, "opening hours"),
        "site_url": Key(Str("an https:// address", r"https?://\S+"), False, "the public address of the site"),
        "featured": Key(ListOf(CODE), False, "codes of the most common procedures, shown first"),
    },
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a procedure's front matter, for editors' completion and checking."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Procedure front matter",
        **PROCEDURE.schema(),
    }


__all__ = ["AGENCY", "FIELD", "FORM", "PROCEDURE", "UNIT", "Scalar", "json_schema"]
