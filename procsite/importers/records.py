"""What the readers of each source format return: the facts as the source states them, before mapping.

Texts are as found (the mapper cleans them); numbers and dates are parsed where the source gives them
in a known form and ``None`` where it does not. ``issues`` says what a reader could not read, with
where in the source it was (``where``: a path such as ``data.executionMethods[2].processingTime``
for JSON, or a paragraph/table position for Word), so that the import report can name it.
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

    amount: float | None  # None when the source gives only a text
    unit: str | None  # "working_days" | "days" | "working_hours" | "months" | None
    text: str = ""  # the source's own words about the time (a channel's description, a case's name)


@dataclass(frozen=True)
class NationalFee:
    kind: str  # "fee" (lệ phí / phí: FEE, SERVICE_FEE) | "price" (PRICE_LEVEL)
    amount: int | None  # đồng; None when the source gives no value
    description: str = ""


@dataclass(frozen=True)
class NationalChannel:
    method: str  # "in_person" | "online" | "post"
    time: TimeLimit | None
    fees: tuple[NationalFee, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class NationalDocument:
    name: str
    originals: int | None = None
    copies: int | None = None
    required: bool | None = None
    form_files: tuple[str, ...] = ()  # file names of the forms the source attaches (not the files)


@dataclass(frozen=True)
class DocumentGroup:
    """One group of documents: the source's caption ("* Giấy tờ phải nộp:", a case's name, or "")."""

    caption: str
    documents: tuple[NationalDocument, ...]


@dataclass(frozen=True)
class LegalText:
    number: str  # as the source writes it, e.g. "Thông tư số 03/2023/TT-BTP" or "60/2014/QH13"
    title: str  # the source's text: often number, date and issuer in one
    date: dt.date | None = None  # where the source gives it as a date (the Word export's column)
    issuer: str = ""  # where the source gives it in its own place (the Word export's column)


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
    levels: tuple[str, ...] = ()  # "commune", "province", "ministry", "other", in the source's order
    fields: tuple[str, ...] = ()  # lĩnh vực names
    decision: Decision | None = None
    steps: tuple[str, ...] = ()  # the national description of the steps (free text, one per step or one long)
    channels: tuple[NationalChannel, ...] = ()
    case_times: tuple[TimeLimit, ...] = ()  # cases[].processingDay, used where a channel's unit is OTHER
    document_groups: tuple[DocumentGroup, ...] = ()
    applicants: tuple[str, ...] = ()
    performing: tuple[str, ...] = ()  # cơ quan thực hiện
    competent: tuple[str, ...] = ()  # cơ quan có thẩm quyền
    delegated: tuple[str, ...] = ()  # cơ quan được ủy quyền
    coordinating: tuple[str, ...] = ()  # cơ quan phối hợp
    submit_at: str = ""  # địa chỉ tiếp nhận hồ sơ
    results: tuple[str, ...] = ()
    conditions: str = ""
    legal_basis: tuple[LegalText, ...] = ()
    keywords: str = ""
    description: str = ""
    status: str = ""  # as found: "ACTIVE", "UPDATED", ...
    issues: tuple[SourceIssue, ...] = ()


class SourceError(Exception):
    """A source file that cannot be read at all: ``where`` and ``why`` as for a ``SourceIssue``."""

    def __init__(self, source: str, where: str, why: Msg) -> None:
        super().__init__(f"{source}: {where}: {why.code}")
        self.source, self.where, self.why = source, where, why
