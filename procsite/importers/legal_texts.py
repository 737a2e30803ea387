"""A legal text's number, date, issuer and title, read out of the way the national database writes it.

The database gives a ``code`` ("Thông tư số 03/2023/TT-BTP", "31/2024/QH15 ") and a ``name`` that often
holds type, number, date and issuer in one ("Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ
quy định ..."), and as often not ("Luật 60/2014/QH13", "Nghị định sửa đổi ..."). Only what the text states
about *itself* is read: a date or an issuer right after the text's own number (a name also cites other
texts, with their dates and issuers), or the issuer a number's suffix names without doubt (NĐ-CP is the
Government's; QĐ-UBND could be any province's, so it names none). What is not stated is left empty.
"""

from __future__ import annotations

import datetime as dt
import re

from procsite.importers.records import LegalText, as_found

KINDS = (
    "Bộ luật", "Luật", "Pháp lệnh", "Lệnh", "Nghị quyết liên tịch", "Nghị quyết", "Nghị định",
    "Thông tư liên tịch", "Thông tư", "Quyết định", "Chỉ thị", "Văn bản hợp nhất", "Công văn",
)  # fmt: skip
"""Types of legal text, longest first where one begins another."""

MINISTRIES = (
    "Tư pháp", "Tài chính", "Công an", "Ngoại giao", "Xây dựng", "Quốc phòng", "Nội vụ", "Y tế",
    "Giáo dục và Đào tạo", "Công Thương", "Nông nghiệp và Môi trường", "Khoa học và Công nghệ",
    "Văn hóa, Thể thao và Du lịch", "Dân tộc và Tôn giáo", "Tài nguyên và Môi trường", "Kế hoạch và Đầu tư",
    "Giao thông vận tải", "Lao động - Thương binh và Xã hội", "Thông tin và Truyền thông",
    "Nông nghiệp và Phát triển nông thôn",
)  # fmt: skip
"""The ministries, current and those merged in 2025 (older texts still cite them)."""

SUFFIX_ISSUERS = {
    "CP": "Chính phủ", "TTG": "Thủ tướng Chính phủ", "CTN": "Chủ tịch nước", "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TTCP": "Thanh tra Chính phủ", "BTP": "Bộ Tư pháp", "BTC": "Bộ Tài chính", "BCA": "Bộ Công an",
    "BNG": "Bộ Ngoại giao", "BXD": "Bộ Xây dựng", "BQP": "Bộ Quốc phòng", "BNV": "Bộ Nội vụ", "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo", "BCT": "Bộ Công Thương", "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BKHCN": "Bộ Khoa học và Công nghệ", "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BDTTG": "Bộ Dân tộc và Tôn giáo", "BTNMT": "Bộ Tài nguyên và Môi trường", "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BGTVT": "Bộ Giao thông vận tải", "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BTTTT": "Bộ Thông tin và Truyền thông", "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
}  # fmt: skip
"""The issuer a number's last part names on its own ("TT-BTP" → Bộ Tư pháp). UBND and HĐND are not
here: "QĐ-UBND" does not say which province's committee issued it."""
JOINT = ("TTLT", "NQLT")  # joint texts have several issuers: the suffix names no single one

_PART = r"(?:TTg|[A-ZĐ][A-ZĐ0-9]*)"  # upper case but the Prime Minister's "TTg": "TT-BCAngày" is a typo's glue
NUMBER = rf"\d+[a-z]?(?:\.\d+)?(?:/\d{{4}})?/{_PART}(?:[-–]{_PART})*"
_NUMBER = re.compile(NUMBER)
_KIND = "|".join(re.escape(kind) for kind in KINDS)
_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_LEAD = re.compile(rf"(?i:(?P<kind>{_KIND}))\s+(?:(?i:số)\s*:?\s*)?(?P<number>{NUMBER})")
_DATED = re.compile(rf"\s*,?\s*(?:ban hành\s+)?ngày\s+(?:{_DATE})", re.IGNORECASE)
_OF = re.compile(r"\s*,?\s*(?:của|do)\s+", re.IGNORECASE)
_LOCAL = re.compile(
    r"(?:Hội đồng nhân dân|Ủy ban nhân dân|HĐND|UBND)\s+(?:tỉnh|thành phố|xã|phường|đặc khu)"
    r"(?:\s+(?:-\s+)?[A-ZÀ-ỸĐ][^\s,.;:]*)+"
)
_SEPARATOR = re.compile(r"^\s*[-–:;,]?\s*")


def document_number(code: str) -> str:
    """The number alone: "Thông tư số 03/2023/TT-BTP" → "03/2023/TT-BTP"; a code with no number of the
    usual form is kept as written (trimmed): it is the source's number all the same."""
    code = as_found(code)
    found = _NUMBER.search(code)
    return found.group(0) if found else code


def issuer_of_number(number: str) -> str:
    """The issuer the number's suffix names without doubt ("NĐ-CP" → "Chính phủ", "QH15" → "Quốc hội"),
    or "" ("QĐ-UBND", joint texts, an unknown suffix)."""
    suffix = number.rsplit("/", 1)[-1].upper().replace("–", "-")
    parts = suffix.split("-")
    if re.fullmatch(r"UBTVQH\d*", parts[-1]) or re.fullmatch(r"NQ-UBTVQH\d*", suffix):
        return "Ủy ban Thường vụ Quốc hội"
    if re.fullmatch(r"(?:[A-ZĐ]+-)?QH\d*", suffix):
        return "Quốc hội"
    if len(parts) < 2 or parts[0] in JOINT:
        return ""
    return SUFFIX_ISSUERS.get(parts[1], "")


def read_legal_text(code: str, text: str) -> LegalText:
    """A legal text from the database's ``code`` (its number) and ``name`` (its text)."""
    text = as_found(text)
    number = document_number(code)
    lead = _LEAD.match(text)
    if not number and lead:
        number = lead.group("number")
    kind = _kind_at_start(text)
    if lead is None or lead.group("number") != number:  # the text does not begin with this text's number
        return LegalText(number, text, None, issuer_of_number(number), kind, text)
    date, issuer, rest = _after_number(text[lead.end() :], number)
    title = rest or text  # nothing after the number, date and issuer: the text is all there is
    return LegalText(number, title, date, issuer or issuer_of_number(number), kind, text)


def _after_number(after: str, number: str) -> tuple[dt.date | None, str, str | None]:
    """Date, issuer and the rest after the number; the rest is None when what follows the number is
    not cleanly a date, an issuer and a title (an unknown issuer after "của")."""
    date = None
    dated = _DATED.match(after)
    if dated:
        date = _date(dated)
        year = re.search(r"/(\d{4})/", number)
        if date is not None and year is not None and int(year.group(1)) != date.year:
            return None, "", None  # the date is not this text's: its number says another year
        after = after[dated.end() :]
    issuer = ""
    of = _OF.match(after)
    if of:
        issuer, length = _issuer_at(after[of.end() :])
        if not issuer:
            return date, "", None
        after = after[of.end() + length :]
        after = re.sub(r"^\s+ban hành\b", "", after)  # "do Bộ trưởng Bộ Tư pháp ban hành"
    return date, issuer, _SEPARATOR.sub("", after, count=1).strip()


def _issuer_at(text: str) -> tuple[str, int]:
    """The issuer named at the start of ``text`` and the length it takes, or ("", 0)."""
    for head in ("Ủy ban Thường vụ Quốc hội", "Thủ tướng Chính phủ", "Chính phủ", "Quốc hội", "Chủ tịch nước"):
        if text.lower().startswith(head.lower()):
            return head, len(head)
    ministry = re.match(r"(?:Bộ trưởng\s+)?Bộ\s+", text, re.IGNORECASE)
    if ministry:
        rest = text[ministry.end() :]
        for name in sorted(MINISTRIES, key=len, reverse=True):
            if rest.lower().startswith(name.lower()) and not re.match(r"\w", rest[len(name) : len(name) + 1]):
                return "Bộ " + name, ministry.end() + len(name)
    local = _LOCAL.match(text)
    if local:
        return local.group(0), local.end()
    return "", 0


def _kind_at_start(text: str) -> str:
    for kind in KINDS:
        if text.lower().startswith(kind.lower()) and not re.match(r"\w", text[len(kind) : len(kind) + 1]):
            return kind
    return ""


def _date(found: re.Match[str]) -> dt.date | None:
    day, month, year = (int(part) for part in (found.groups()[:3] if found.group(1) else found.groups()[3:]))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
