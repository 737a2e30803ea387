"""Keys named in words, so that staff see "bước 3, đơn vị (steps[2].unit)", counting from 1.

A key path as the checker writes it (``steps[2].unit``) is shown with its words first and the
path itself in brackets, which is what staff search for in the file.
"""

from __future__ import annotations

import re

ITEMS = {
    "vi": {
        "steps": "bước {n}",
        "documents": "giấy tờ {n}",
        "fees": "khoản phí {n}",
        "legal_basis": "căn cứ {n}",
        "revisions": "lần sửa đổi {n}",
        "conditions": "điều kiện {n}",
        "performing_units": "cơ quan thực hiện {n}",
        "channels": "cách thức {n}",
        "related": "thủ tục liên quan {n}",
        "featured": "thủ tục thường dùng {n}",
    },
    "en": {
        "steps": "step {n}",
        "documents": "document {n}",
        "fees": "fee {n}",
        "legal_basis": "legal basis {n}",
        "revisions": "revision {n}",
        "conditions": "condition {n}",
        "performing_units": "performing unit {n}",
        "channels": "channel {n}",
        "related": "related procedure {n}",
        "featured": "common procedure {n}",
    },
}
"""Lists whose items staff count: the item's words, with its number from 1."""

WORDS = {
    "vi": {
        ".title": "tên thủ tục",
        "title": "tên",
        "steps": "các bước",
        "fees": "phí, lệ phí",
        "documents": "thành phần hồ sơ",
        "legal_basis": "căn cứ pháp lý",
        "channels": "cách thức thực hiện",
        "performing_units": "cơ quan thực hiện",
        "conditions": "điều kiện",
        "related": "thủ tục liên quan",
        "featured": "thủ tục thường dùng",
        "revisions": "theo dõi sửa đổi",
        "code": "mã thủ tục",
        "iso": "kiểm soát tài liệu",
        "iso.code": "mã hiệu",
        "issue": "lần ban hành",
        "effective": "ngày hiệu lực",
        "drafted_by": "người soạn thảo",
        "reviewed_by": "người xem xét",
        "approved_by": "người phê duyệt",
        "field": "lĩnh vực",
        "level": "cấp thực hiện",
        "status": "hiệu lực",
        "superseded_by": "thủ tục thay thế",
        "status_note": "ghi chú hiệu lực",
        "competent_unit": "cơ quan có thẩm quyền",
        "submit_at": "nơi nộp",
        "processing_time": "thời hạn giải quyết",
        "limit": "thời hạn",
        "cutoff": "giờ nhận",
        "verification_limit": "thời hạn xác minh",
        "timing_note": "ghi chú thời gian",
        "result": "kết quả",
        "applicants": "đối tượng thực hiện",
        "keywords": "từ khóa",
        "name": "tên",
        "action": "công việc",
        "unit": "đơn vị",
        "duration": "thời gian",
        "output": "kết quả bước",
        "form": "biểu mẫu",
        "parallel": "song song",
        "amount": "số tiền",
        "label": "nội dung phí",
        "channel": "cách thức",
        "exemptions": "miễn giảm",
        "originals": "số bản chính",
        "copies": "số bản sao",
        "condition": "trường hợp",
        "number": "số hiệu",
        "date": "ngày",
        "issuer": "cơ quan ban hành",
        "change": "nội dung sửa đổi",
        "section": "mục sửa đổi",
        "part_of": "thuộc đơn vị",
        "description": "mô tả",
        "file": "tệp",
        "address": "địa chỉ",
        "parent": "cơ quan cấp trên",
        "phone": "điện thoại",
        "email": "thư điện tử",
        "hours": "giờ làm việc",
        "site_url": "địa chỉ trang",
        "body": "phần nội dung",
        "said": "tên thường gọi",
        "means": "nghĩa là",
        "vi": "tiếng Việt",
        "en": "tiếng Anh",
    },
    "en": {
        ".title": "title",
        "title": "title",
        "steps": "steps",
        "fees": "fees",
        "documents": "documents",
        "legal_basis": "legal basis",
        "channels": "channels",
        "performing_units": "performing units",
        "conditions": "conditions",
        "related": "related procedures",
        "featured": "common procedures",
        "revisions": "revisions",
        "code": "code",
        "iso": "document control",
        "iso.code": "process code",
        "issue": "issue",
        "effective": "effective date",
        "drafted_by": "drafted by",
        "reviewed_by": "reviewed by",
        "approved_by": "approved by",
        "field": "field",
        "level": "level",
        "status": "status",
        "superseded_by": "replaced by",
        "status_note": "status note",
        "competent_unit": "competent authority",
        "submit_at": "where to submit",
        "processing_time": "processing time",
        "limit": "limit",
        "cutoff": "cut-off hour",
        "verification_limit": "verification limit",
        "timing_note": "timing note",
        "result": "result",
        "applicants": "applicants",
        "keywords": "keywords",
        "name": "name",
        "action": "action",
        "unit": "unit",
        "duration": "duration",
        "output": "output",
        "form": "form",
        "parallel": "parallel",
        "amount": "amount",
        "label": "label",
        "channel": "channel",
        "exemptions": "exemptions",
        "originals": "originals",
        "copies": "copies",
        "condition": "condition",
        "number": "number",
        "date": "date",
        "issuer": "issuer",
        "change": "change",
        "section": "section",
        "part_of": "part of",
        "description": "description",
        "file": "file",
        "address": "address",
        "parent": "parent body",
        "phone": "phone",
        "email": "e-mail",
        "hours": "opening hours",
        "site_url": "site address",
        "body": "body text",
        "said": "said",
        "means": "means",
        "vi": "Vietnamese",
        "en": "English",
    },
}
"""Keys in words; a key not listed here (a register id) is shown as written."""

_SEGMENT = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")


def key_in_words(key: str, lang: str) -> str:
    """``steps[2].unit`` → "bước 3, đơn vị (steps[2].unit)"; a key with no known word as it is."""
    words: list[str] = []
    parent = ""  # the top level: ".title" is the procedure's name, "title" any other
    for name, indexes in _SEGMENT.findall(key):
        numbers = [int(i) + 1 for i in re.findall(r"\d+", indexes)]
        if numbers and name in ITEMS[lang]:
            words.append(ITEMS[lang][name].format(n=numbers[0]))
        elif f"{parent}.{name}" in WORDS[lang]:  # a word that depends on where the key is: iso.code
            words.append(WORDS[lang][f"{parent}.{name}"])
        elif name in WORDS[lang]:
            words.append(WORDS[lang][name])
        parent = name
    if not words or " ".join(words) == key:
        return key
    return f"{', '.join(words[-3:])} ({key})"  # the nearest three say where it is
