"""The formats of the quality system's registers, declared like every key (see ``format``):
``objectives.yml`` (the quality objectives and their figures per year), ``documents.yml`` (the controlled
documents besides the processes) and ``system.yml`` (the standard, the announcement, the ISO secretary).

All three are optional. What each key means is in the catalogues (``doc.<object>.<key>``); the checks
that need other files (units, forms, procedures, pages) are in ``quality_checks.py``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from procsite.messages import Msg, Val
from procsite.model import quality as q
from procsite.problems import expected
from procsite.source.common import CODE, TEXT
from procsite.source.format import REVISION
from procsite.source.references import References
from procsite.source.schema import MISSING, Context, Date, Enum, Int, Key, ListOf, Obj, Ref, Spec, Str, described
from procsite.source.spec import require_scalar, text_as_written
from procsite.source.yamlsrc import Map, Node, Scalar, Seq

NUMBER = r"\d{1,12}(?:[.,]\d{1,4})?"
"""A figure as staff write it: digits, and a comma (the Vietnamese way) or a point before at most four
decimals. No sign, no thousands separator, no "%": the unit and the comparison say those."""
MAX_PERCENT = Decimal(100)


class Figure(Spec):
    """A target or an achieved value: ``95``, ``99.6`` or ``99,6``, read exactly (no rounding)."""

    what = Msg("what.figure")

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        scalar = require_scalar(node, ctx, key, self.what)
        if scalar is None:
            return MISSING
        raw = scalar.raw.strip()
        if isinstance(scalar.value, bool) or not re.fullmatch(NUMBER, raw):
            ctx.problem(node, key, expected(self.what, raw), Msg("figure.hint"))
            return MISSING
        return Decimal(raw.replace(",", "."))

    def schema(self, refs: References | None = None) -> dict[str, Any]:
        written = {"type": "string", "pattern": text_as_written(NUMBER)}
        return {"anyOf": [{"type": "number", "minimum": 0}, written], "description": described(self.what)}


class Years(ListOf):
    """The years of an objective, each at most once."""

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        years = super().parse(node, ctx, key)
        if years is MISSING:
            return MISSING
        first: dict[int, int] = {}
        twice = False
        for i, figures in enumerate(years):
            line = ctx.lines.get(f"{key}[{i}].year", node.line)
            if figures.year in first:
                message = Msg("objective.year_twice", year=figures.year, line=first[figures.year])
                ctx.problem(line, f"{key}[{i}].year", message, Msg("objective.year_twice.hint", year=figures.year))
                twice = True
            first.setdefault(figures.year, line)
        return MISSING if twice else years


class ObjectiveObj(Obj):
    """An objective, whose figures must be what its unit says: a percentage up to 100, a whole count."""

    def parse(self, node: Node, ctx: Context, key: str) -> Any:
        objective = super().parse(node, ctx, key)
        if objective is MISSING:
            return MISSING
        assert isinstance(objective, q.Objective)
        fine = True
        if objective.counted is not None and objective.unit != "count":
            line = ctx.lines.get(f"{key}.counted", node.line)
            message = Msg("objective.counted_unit", unit=objective.unit)
            ctx.problem(line, f"{key}.counted", message, Msg("objective.counted_unit.hint"))
            fine = False
        for i, figures in enumerate(objective.years):
            for name in ("target", "achieved"):
                value, where = getattr(figures, name), f"{key}.years[{i}].{name}"
                if value is None:
                    continue
                line, received = ctx.lines.get(where, node.line), Val.of(_written(node, i, name))
                if objective.unit == "percent" and value > MAX_PERCENT:
                    ctx.problem(
                        line, where, Msg("objective.percent_over", received=received), Msg("figure.percent.hint")
                    )
                    fine = False
                elif objective.unit == "count" and value != value.to_integral_value():
                    ctx.problem(line, where, Msg("objective.count_whole", received=received), Msg("figure.count.hint"))
                    fine = False
        return objective if fine else MISSING


def _written(node: Node, i: int, name: str) -> str:
    """The figure ``name`` of the year ``i`` of an objective's mapping, as written (parsed already)."""
    assert isinstance(node, Map)
    years = node.items["years"][1]
    assert isinstance(years, Seq)
    year = years.items[i]
    assert isinstance(year, Map)
    figure = year.items[name][1]
    assert isinstance(figure, Scalar)
    return figure.raw.strip()


YEAR = Obj(
    q.YearFigures,
    {
        "year": Key(Int("year", 2000, 2100), True),
        "target": Key(Figure(), True),
        "achieved": Key(Figure()),
        "note": Key(TEXT),
    },
    "objective_year",
)

OBJECTIVE = ObjectiveObj(
    q.Objective,
    {
        "name": Key(TEXT, True),
        "measure": Key(TEXT, True),
        "source": Key(TEXT, True),
        "comparison": Key(Enum(*q.COMPARISONS), True),
        "unit": Key(Enum(*q.MEASURES), True),
        "counted": Key(TEXT),
        "years": Key(Years(YEAR, 1), True),
        "note": Key(TEXT),
    },
    "objective",
)

PAGE_ADDRESS = r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*/?"
"""A page of the site as an address from the home page: words of the addresses' alphabet, "/" between them."""

DOCUMENT = Obj(
    q.ControlledDocument,
    {
        "title": Key(TEXT, True),
        "kind": Key(Enum(*q.DOCUMENT_KINDS), True),
        "number": Key(Str("document_number"), True),
        "effective": Key(Date(), True),
        "issue": Key(Int("issue", 1)),
        "status": Key(Enum(*q.DOCUMENT_STATUSES)),
        "page": Key(Str("page_address", PAGE_ADDRESS, "chat-luong/chinh-sach/")),
        "form": Key(Ref("forms")),
        "revisions": Key(ListOf(REVISION)),
        "note": Key(TEXT),
    },
    "quality_document",
)

BASIS = Obj(
    q.BasisDocument,
    {
        "number": Key(Str("document_number"), True),
        "title": Key(TEXT, True),
        "date": Key(Date()),
        "issuer": Key(TEXT),
    },
    "system_basis",
)

ANNOUNCEMENT = Obj(
    q.Announcement,
    {
        "number": Key(Str("document_number"), True),
        "date": Key(Date(), True),
        "signed_by": Key(Ref("units"), True),
        "signer": Key(Str("person")),
        "title": Key(TEXT),
        "scope": Key(TEXT),
        "units": Key(ListOf(Ref("units"))),
        "procedures": Key(ListOf(CODE)),
    },
    "announcement",
)

EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"

FEEDBACK = Obj(
    q.Feedback,
    {
        "how": Key(TEXT, True),
        "email": Key(Str("email", EMAIL, "iso@xa.example.gov.vn")),
        "phone": Key(Str("phone")),
    },
    "feedback",
)

SYSTEM = Obj(
    q.QualitySystem,
    {
        "standard": Key(Str("standard"), True),
        "model": Key(ListOf(BASIS)),
        "announcement": Key(ANNOUNCEMENT),
        "secretary": Key(Ref("units"), True),
        "feedback": Key(FEEDBACK, True),
    },
    "quality_system",
)

OBJECTS = (OBJECTIVE, YEAR, DOCUMENT, SYSTEM, BASIS, ANNOUNCEMENT, FEEDBACK)
"""Every mapping of the quality registers, for the test that each key is described in both languages."""
REGISTERS: dict[str, Obj] = {"objectives": OBJECTIVE, "documents": DOCUMENT}
"""The quality registers of entries by id, with the format of an entry (``system.yml`` is one mapping)."""
