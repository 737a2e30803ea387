"""What the readers of each source format return: the facts as the source states them, before mapping.

Texts are as found (the mapper cleans them): the readers only trim surrounding whitespace and turn
non-breaking spaces into spaces. Numbers and dates are parsed where the source gives them in a known
form and ``None`` where it does not. ``issues`` says what a reader could not read, with where in the
source it was (``where``: a path such as ``data.executionMethods[2].processingTime`` for JSON, or the
section and table position for Word, such as ``Cách thức thực hiện[1].Thời hạn giải quyết``), so that
the import report can name it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from procsite.messages import Msg


@dataclass(frozen=True)
class SourceIssue:
    """Something of the source a reader could not use: where it is, what it holds, why it was left
    (a message of the catalogue, worded in the staff's language when reported)."""

    where: str
    received: str
    why: Msg


@dataclass(frozen=True)
class TimeLimit:
    """A processing time as the source gives it: an amount and a unit, or only a text."""

    amount: float | None  # None when the source gives only a text (or a unit such as OTHER)
    unit: str | None  # "working_days" | "days" | "working_hours" | "months" | "weeks" | "minutes" | None
    text: str = ""  # the source's own words about the time (a channel's description, a case's name, a cell)


@dataclass(frozen=True)
class NationalFee:
    kind: str  # "fee" (lệ phí / phí: FEE, SERVICE_FEE) | "price" (PRICE_LEVEL) | "" (a type the reader does not know)
    amount: int | None  # đồng; None when the source gives no value (null: unknown), never guessed
    description: str = ""  # where the national database keeps exemptions and the text that sets the amount
    source_type: str = ""  # the source's own word for it: "FEE", "SERVICE_FEE", "PRICE_LEVEL", "Lệ phí", ...


@dataclass(frozen=True)
class NationalChannel:
    method: str  # "in_person" | "online" | "post"
    time: TimeLimit | None
    fees: tuple[NationalFee, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class NationalDocument:
    name: str  # as found, with its leading "- " or "+ " where it has one
    originals: int | None = None
    copies: int | None = None
    required: bool | None = None
    form_files: tuple[str, ...] = ()  # file names of the forms the source attaches (not the files)
    code: str = ""  # the national code of the document (profileComponents[].code), where given


@dataclass(frozen=True)
class DocumentGroup:
    """One group of documents: the source's caption ("* Giấy tờ phải nộp:", "* Lưu ý:", a case's name,
    the Word export's "Bao gồm", or ""). Items of a "Lưu ý" group are notes: the mapper tells them apart."""

    caption: str
    documents: tuple[NationalDocument, ...]


@dataclass(frozen=True)
class LegalText:
    """A text of the legal basis, read out of the source's number and name (``legal_texts``)."""

    number: str  # the number alone, e.g. "03/2023/TT-BTP" (out of "Thông tư số 03/2023/TT-BTP"); as found if unusual
    title: str  # the text without its leading type, number, date and issuer where cleanly separable, else all
    date: dt.date | None = None  # the Word export's column, or "ngày 15/11/2015" right after the number
    issuer: str = ""  # the Word export's column, "của Bộ trưởng Bộ Tư pháp" after the number, or the number's suffix
    kind: str = ""  # the type the text starts with: "Luật", "Nghị định", "Thông tư", ... ("" when it does not)
    text: str = ""  # the source's whole text (name, trích yếu) as found, before any of the above was read


@dataclass(frozen=True)
class Decision:
    """The decision that announced the procedure (quyết định công bố)."""

    number: str
    date: dt.date | None
    issuer: str = ""


@dataclass(frozen=True)
class NationalRecord:
    """One procedure as the national procedure database states it (JSON record or Word export)."""

    source: str  # the file it was read from, as given on the command line
    code: str  # as found (may carry spaces or suffixes: the mapper checks it)
    name: str
    levels: tuple[str, ...] = ()  # "commune", "district", "province", "ministry", "other", in the source's order
    fields: tuple[str, ...] = ()  # lĩnh vực names
    procedure_type: str = ""  # loại thủ tục as found: "ASSIGNED_REGULATION", "TTHC được luật giao quy định chi tiết"
    decision: Decision | None = None
    steps: tuple[str, ...] = ()  # the national description of the steps (free text, one per step or one long)
    channels: tuple[NationalChannel, ...] = ()  # one per channel entry of the source (a method may come twice)
    case_times: tuple[TimeLimit, ...] = ()  # cases[].processingDay (text: the case's name), for units OTHER
    document_groups: tuple[DocumentGroup, ...] = ()
    applicants: tuple[str, ...] = ()  # one per name in JSON; the Word export's one text (names hold commas)
    performing: tuple[str, ...] = ()  # cơ quan thực hiện: the units, then the unit groups ("Ủy ban nhân dân cấp xã")
    competent: tuple[str, ...] = ()  # cơ quan có thẩm quyền, likewise
    delegated: tuple[str, ...] = ()  # cơ quan được ủy quyền, likewise
    coordinating: tuple[str, ...] = ()  # cơ quan phối hợp, likewise
    submit_at: str = ""  # địa chỉ tiếp nhận hồ sơ
    results: tuple[str, ...] = ()
    conditions: str = ""
    legal_basis: tuple[LegalText, ...] = ()
    keywords: str = ""
    description: str = ""
    status: str = ""  # as found: "ACTIVE", "UPDATED", ...
    issues: tuple[SourceIssue, ...] = ()


class SourceError(Exception):
    """A source file that cannot be read at all: ``where`` and ``why`` as for a ``SourceIssue``, and how
    to fix it where there is something to say (``hint``)."""

    def __init__(self, source: str, where: str, why: Msg, hint: Msg | None = None) -> None:
        super().__init__(f"{source}: {where}: {why.code}")
        self.source, self.where, self.why, self.hint = source, where, why, hint


def as_found(text: str) -> str:
    """A source's text the way records keep it: trimmed, its non-breaking spaces made spaces."""
    return text.replace("\xa0", " ").strip()


LEVEL_NAMES = {
    "cấp xã": "commune",
    "cấp huyện": "district",
    "cấp tỉnh": "province",
    "cấp bộ": "ministry",
    "cơ quan khác": "other",
}
"""The national formats' words for the levels ("Cấp Xã", "Cấp Huyện", ...), lower case."""


def level_of(name: str) -> str | None:
    """The level a national text names ("Cấp Huyện" → "district"), or None when it is not one of them."""
    return LEVEL_NAMES.get(" ".join(as_found(name).lower().split()))
