"""What the reader of an ISO process document returns: the process as written, before mapping."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from procsite.importers.records import SourceIssue


@dataclass(frozen=True)
class IsoStep:
    number: str  # as written: "1", "Bước 1", "B1"
    action: str
    responsible: str  # the "Trách nhiệm" cell, merged cells carried down
    time: str  # the "Thời gian" cell as written: "01 giờ làm việc", "0,5 ngày", "04 giờ"
    output: str = ""  # the "Biểu mẫu/Kết quả" cell where there is one


@dataclass(frozen=True)
class IsoPerson:
    role: str  # "drafted" | "reviewed" | "approved"
    name: str
    title: str  # chức vụ


@dataclass(frozen=True)
class IsoRevision:
    number: str  # STT as written
    change: str  # tóm lược nội dung sửa đổi
    basis: str  # cơ sở pháp lý hoặc căn cứ sửa đổi
    issue: str  # lần sửa đổi, as written


@dataclass(frozen=True)
class IsoProcess:
    """An agency's ISO process document (quy trình ISO) as written in Word."""

    source: str
    agency: str = ""
    procedure_name: str = ""
    code: str = ""  # Mã hiệu, e.g. "QT 01/CX-HCTP"
    issue: int | None = None  # Lần ban hành
    issued: dt.date | None = None  # Ngày ban hành
    people: tuple[IsoPerson, ...] = ()
    revisions: tuple[IsoRevision, ...] = ()
    steps: tuple[IsoStep, ...] = ()
    total_time: str = ""  # the step table's stated total, e.g. "01 ngày làm việc", where given
    notes: str = ""  # the "Ghi chú" after the step table
    abbreviations: dict[str, str] = field(default_factory=dict)  # ĐỊNH NGHĨA/VIẾT TẮT: "UBND" -> "Ủy ban nhân dân"
    national_code: str = ""  # a national code (1.001193) where the document names one
    issues: tuple[SourceIssue, ...] = ()
