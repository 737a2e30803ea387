"""What the reader of an ISO process document returns: the process as written, before mapping.

Texts are as found in the document, trimmed, with non-breaking spaces made spaces; a cell or a
section of several paragraphs keeps them as lines joined by "\\n". The mapper cleans the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from procsite.importers.records import SourceIssue


@dataclass(frozen=True)
class IsoStep:
    """One row of the step table (TT | Trình tự các bước công việc | Trách nhiệm | Thời gian [| Biểu mẫu/Kết quả])."""

    number: str  # as written: "1", "Bước 1", "B1", "1.2"; "" where the row has none
    action: str
    responsible: str  # the "Trách nhiệm" cell, merged cells carried down
    time: str  # the "Thời gian" cell as written: "01 giờ làm việc", "0,5 ngày", "04 giờ"
    output: str = ""  # the "Biểu mẫu/Kết quả" cell where there is one
    parent: str = ""  # for a sub-step ("1.1", or a row without a number under step "1"): its step's number
    time_shared: bool = False  # the "Thời gian" cell is merged with the row above: one time for both, counted once


@dataclass(frozen=True)
class IsoPerson:
    """One signer of the signature table (Soạn thảo | Xem xét | Phê duyệt)."""

    role: str  # "drafted" | "reviewed" | "approved"
    name: str  # the "Họ tên" row
    title: str  # chức vụ


@dataclass(frozen=True)
class IsoRevision:
    """One row of the revision log (TRANG THEO DÕI SỐ LẦN SỬA ĐỔI TÀI LIỆU), columns found by their headers."""

    number: str  # STT as written
    change: str  # tóm lược nội dung sửa đổi (or "Mô tả nội dung sửa đổi")
    basis: str  # cơ sở pháp lý hoặc căn cứ sửa đổi (or "Yêu cầu sửa đổi")
    issue: str  # lần sửa đổi (or "Lần ban hành"), as written
    date: str = ""  # ngày sửa đổi as written, where the log has that column
    part: str = ""  # "Trang/Phần liên quan", where the log has that column


@dataclass(frozen=True)
class IsoSection:
    """A section of the document found by its title, with what is written under it up to the next one.

    ``key`` says which section it is: "purpose" (MỤC ĐÍCH), "scope" (PHẠM VI), "references" (TÀI LIỆU VIỆN
    DẪN), "definitions" (ĐỊNH NGHĨA/VIẾT TẮT), "content" (NỘI DUNG QUY TRÌNH, its text before the first
    sub-section), the sub-sections of the content "documents" (Thành phần, số lượng hồ sơ), "time_limit"
    (Thời hạn giải quyết), "applicants" (Đối tượng thực hiện), "agencies" (Cơ quan thực hiện), "result"
    (Kết quả thực hiện), "fees" (Phí, lệ phí), "form_templates" (Mẫu đơn, mẫu tờ khai), "conditions"
    (Yêu cầu, điều kiện), "legal_basis" (Căn cứ pháp lý), "steps" (Quy trình các bước: its text other than
    the step table), then "forms" (BIỂU MẪU) and "records" (HỒ SƠ CẦN LƯU).
    """

    key: str
    title: str  # as written, without what follows a colon: "Thời hạn giải quyết"
    paragraphs: tuple[str, ...] = ()  # its non-empty paragraphs in order; text after the title's colon first
    tables: tuple[tuple[tuple[str, ...], ...], ...] = ()  # its tables, each as rows of cell texts


@dataclass(frozen=True)
class IsoProcess:
    """An agency's ISO process document (quy trình ISO) as written in Word."""

    source: str  # the file it was read from, as given on the command line
    agency: str = ""  # the header's lines before "QUY TRÌNH", joined by "\n": "UBND TỈNH X\nSỞ TƯ PHÁP"
    procedure_name: str = ""  # what follows "QUY TRÌNH" in the header, its lines joined by a space
    code: str = ""  # Mã hiệu, e.g. "QT 01/CX-HCTP"
    issue: int | None = None  # Lần ban hành
    issued: dt.date | None = None  # Ngày ban hành
    people: tuple[IsoPerson, ...] = ()
    revisions: tuple[IsoRevision, ...] = ()
    steps: tuple[IsoStep, ...] = ()
    total_time: str = ""  # the step table's stated total, e.g. "01 ngày làm việc", where given
    notes: str = ""  # the "Ghi chú" after the step table, without the label, its paragraphs joined by "\n"
    abbreviations: dict[str, str] = field(default_factory=dict)  # ĐỊNH NGHĨA/VIẾT TẮT: "UBND" -> "Ủy ban nhân dân"
    definitions: dict[str, str] = field(default_factory=dict)  # the terms defined there that are not abbreviations
    sections: tuple[IsoSection, ...] = ()  # in document order, each key once
    national_code: str = ""  # a national code (1.001193) where the document names one
    issues: tuple[SourceIssue, ...] = ()
