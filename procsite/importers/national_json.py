"""The reader of the national procedure database's JSON records.

``read_national_json`` reads the detail record the portal serves today, in its envelope
``{"code": "OK", "data": {...}, "message": ...}`` or as the bare ``data`` object; a record of the older
integration interface (upper-case keys: MATTHC, TENTTHC, ...) is read by ``read_older_national_json``,
to which ``read_national_json`` hands it. Nothing in the file is trusted: a value of the wrong type is
reported where it is (a ``SourceIssue`` naming its JSON path) and left empty, and a file that is not a
JSON record at all is a ``SourceError``.

This module is longer than most because both interfaces share the typed access (``Node``) and the
reading of times and money; the older interface is its last part.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from procsite.importers.detect import OLDER_NATIONAL_KEYS, read_source_file
from procsite.importers.legal_texts import read_legal_text
from procsite.importers.records import (
    Decision,
    DocumentGroup,
    LegalText,
    NationalChannel,
    NationalDocument,
    NationalFee,
    NationalRecord,
    SourceError,
    SourceIssue,
    TimeLimit,
    as_found,
    level_of,
)
from procsite.importers.vi_durations import read_length
from procsite.messages import Msg, Num, Param, Val

CHANNELS = {"DIRECT": "in_person", "ONLINE": "online", "POSTAL": "post"}
UNITS = {"WORKING_DAY": "working_days", "DAY": "days", "HOUR": "working_hours", "MONTH": "months"}
FEE_KINDS = {"FEE": "fee", "SERVICE_FEE": "fee", "PRICE_LEVEL": "price"}
LEVELS = (("isWard", "commune"), ("isProvince", "province"), ("isMinistry", "ministry"), ("isOtherAgency", "other"))
AGENCIES = {  # our role: the units, the unit groups, and the plain text the database also keeps
    "performing": ("departmentsExecuting", "unitGroupsExecuting", "executingAgencies"),
    # the text "delegatedAgencies" holds the competent units' names in every real record, and
    # "authorizedAgencies" those of the delegated ones: the key names are the database's, not ours
    "competent": ("departmentsAuthority", "unitGroupsAuthority", "delegatedAgencies"),
    "delegated": ("departmentsAuthorized", "unitGroupsAuthorized", "authorizedAgencies"),
    "coordinating": ("departmentsCoordinating", "unitGroupsCoordinating", "coordinatingAgencies"),
}
VIETNAM = dt.timezone(dt.timedelta(hours=7))
"""``decisionDate`` is a midnight in Vietnam, written in milliseconds since 1970 UTC."""
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def read_national_json(path: Path, shown: str) -> NationalRecord:
    """The national record in the JSON file ``path`` (``shown`` names it in messages)."""
    return read_national_json_bytes(read_source_file(path, shown), shown)


def read_national_json_bytes(data: bytes, shown: str) -> NationalRecord:
    """The national record in ``data``, the bytes of a JSON file or of the database's answer."""
    record = record_in(data, shown)
    if OLDER_NATIONAL_KEYS & record.value.keys():
        return _read_older(record, shown)
    return _read(record, shown)


def read_older_national_json(path: Path, shown: str) -> NationalRecord:
    """The record of the older integration interface in ``path``: MATTHC, TENTTHC, CAPTHUCHIEN[].TENCAP,
    CACHTHUCTHUCHIEN[] (KENH 1 in person, 2 online, 3 post; THOIGIAN[] with THOIGIANGIAIQUYET, DONVITINH,
    MOTA and PHILEPHI[] with MAPHILEPHI, SOTIEN, DONVI, MOTA), THANHPHANHOSO[] (TRUONGHOP; GIAYTO[] with
    TENGIAYTO, SOBANCHINH, SOBANSAO, TENMAUDON), CANCUPHAPLY[] (SOVANBAN, TENVANBAN, NGAYBANHANH,
    COQUANBANHANH), and the agencies, applicants and results as lists of TENDONVI/TENDOITUONG/TENKETQUA."""
    return _read_older(record_in(read_source_file(path, shown), shown), shown)


@dataclass(frozen=True)
class Node:
    """A value of the record with its JSON path; reading it as the wrong type reports it in ``issues``."""

    value: Any
    where: str
    issues: list[SourceIssue]

    def key(self, name: str) -> Node:
        """The value under ``name`` (None when absent or when this is not an object)."""
        value = self.value.get(name) if isinstance(self.value, dict) else None
        return Node(value, f"{self.where}.{name}" if self.where else name, self.issues)

    def obj(self) -> Node:
        """This node when it is an object or null; otherwise reported, and null."""
        if self.value is None or isinstance(self.value, dict):
            return self
        self.report("national.expected_object")
        return Node(None, self.where, self.issues)

    def items(self) -> list[Node]:
        """The items of a list (none for null); anything else is reported."""
        if self.value is None:
            return []
        if not isinstance(self.value, list):
            self.report("national.expected_list")
            return []
        return [Node(value, f"{self.where}[{index}]", self.issues) for index, value in enumerate(self.value)]

    def objects(self) -> list[Node]:
        """The items that are objects; a null item is skipped, another one reported."""
        return [item for item in self.items() if item.obj().value is not None]

    def text(self) -> str:
        """A text as found (trimmed, non-breaking spaces made spaces); an integer in its digits."""
        if self.value is None:
            return ""
        if isinstance(self.value, str):
            return as_found(self.value)
        if isinstance(self.value, int) and not isinstance(self.value, bool):
            return str(self.value)
        self.report("national.expected_text")
        return ""

    def names(self, key: str = "name") -> tuple[str, ...]:
        """The non-empty ``key`` of each object of a list."""
        return tuple(name for item in self.objects() if (name := item.key(key).text()))

    def count(self) -> int | None:
        """A number of copies: a whole number 0-1000, or its digits in a text."""
        value = self.value
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4:
            value = int(value.strip())
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 1000:
            return value
        if value is not None and value != "":
            self.report("national.expected_count")
        return None

    def flag(self) -> bool | None:
        """true or false; null is None and anything else is reported."""
        if self.value is None or isinstance(self.value, bool):
            return self.value
        self.report("national.expected_flag")
        return None

    def report(self, code: str, **params: Param) -> None:
        """Say that this value could not be used, and why (a message code of ``vi_national``)."""
        why = Msg(code, received=Val.of(self.value), **params)
        self.issues.append(SourceIssue(self.where, shown_value(self.value), why))


def shown_value(value: Any) -> str:
    """A received value in a few characters, the way JSON writes it."""
    if isinstance(value, str):
        return value if len(value) <= 200 else value[:197] + "..."
    if isinstance(value, list):
        return f"[…] ({len(value)})"
    if isinstance(value, dict):
        return "{" + ", ".join(str(key) for key in list(value)[:5]) + (", …}" if len(value) > 5 else "}")
    return json.dumps(value) if value is None or isinstance(value, bool) else str(value)[:200]


class _NotANumber(ValueError):
    """NaN and Infinity, which Python's json accepts and JSON does not."""


def _refuse_constant(name: str) -> Any:
    raise _NotANumber(name)


def parse_json(data: bytes, shown: str) -> Any:
    """The JSON value of ``data``, or ``SourceError`` saying why there is none."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = f"{data[error.start]:02X}"
        raise SourceError(shown, "", Msg("national.json_not_utf8", byte=byte, offset=Num(error.start))) from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        why = Msg("national.json_invalid", line=Num(error.lineno), column=Num(error.colno))
        raise SourceError(shown, "", why) from None
    except _NotANumber as error:
        raise SourceError(shown, "", Msg("national.json_not_number", received=Val.of(str(error)))) from None
    except ValueError:  # an integer of more than 4,300 digits (Python's guard against slow parsing)
        raise SourceError(shown, "", Msg("national.json_number_too_long")) from None
    except RecursionError:
        raise SourceError(shown, "", Msg("national.json_too_deep")) from None


def record_in(data: bytes, shown: str) -> Node:
    """The record object in the file: the envelope's ``data`` (or the older interface's ``result[0]``),
    or the bare object; its ``Node`` paths start there ("data.code")."""
    value = parse_json(data, shown)
    if isinstance(value, dict) and "data" in value:
        if isinstance(value["data"], dict):
            return Node(value["data"], "data", [])
        if value.get("code") not in ("OK", None):
            code, message = Val.of(value.get("code")), Val.of(value.get("message"))
            raise SourceError(shown, "code", Msg("national.json_envelope_error", code=code, message=message))
        raise SourceError(shown, "data", Msg("national.json_not_record", received=Val.of(value["data"])))
    results = value.get("result") if isinstance(value, dict) else None
    if isinstance(results, list) and results and isinstance(results[0], dict):
        return Node(results[0], "result[0]", [])
    if isinstance(value, dict) and ({"code", "name"} & value.keys() or OLDER_NATIONAL_KEYS & value.keys()):
        return Node(value, "", [])
    raise SourceError(shown, "", Msg("national.json_not_record", received=Val.of(value)))


def _read(data: Node, shown: str) -> NationalRecord:
    name = data.key("name").text()
    record = NationalRecord(
        source=shown,
        code=data.key("code").text() or data.key("codeNotation").text(),
        name=name,
        levels=tuple(level for key, level in LEVELS if data.key(key).flag()),
        fields=data.key("categoriesDetails").names() or _one(data.key("category").obj().key("name")),
        procedure_type=data.key("formalityType").text(),
        decision=_decision(data),
        steps=tuple(_steps(data.key("executionSteps"), name)),
        channels=tuple(channel for item in data.key("executionMethods").objects() if (channel := _channel(item))),
        case_times=tuple(time for case in data.key("cases").objects() if (time := _case_time(case))),
        document_groups=tuple(_group(group) for group in data.key("executionCases").objects()),
        applicants=data.key("subjectTypesDetails").names(),
        performing=_agencies(data, *AGENCIES["performing"]),
        competent=_agencies(data, *AGENCIES["competent"]),
        delegated=_agencies(data, *AGENCIES["delegated"]),
        coordinating=_agencies(data, *AGENCIES["coordinating"]),
        submit_at=data.key("dossierReceivingAddresses").text(),
        results=data.key("resultsDetails").names(),
        conditions=data.key("requirementsAndConditions").text(),
        legal_basis=tuple(
            read_legal_text(text.key("code").text(), text.key("name").text())
            for text in data.key("legalBasisesDetails").objects()
        ),
        keywords=data.key("keywords").text(),
        description=data.key("description").text(),
        status=data.key("state").text(),
    )
    return replace(record, issues=tuple(data.issues))


def _one(node: Node) -> tuple[str, ...]:
    text = node.text()
    return (text,) if text else ()


def _agencies(data: Node, units: str, groups: str, text: str) -> tuple[str, ...]:
    names = dict.fromkeys(data.key(units).names() + data.key(groups).names())  # in order, once each
    return tuple(names) or _one(data.key(text))  # the text repeats the lists: only where they say nothing


def _decision(data: Node) -> Decision | None:
    proposal = data.key("procedureProposal").obj()
    number = proposal.key("proposalNumber").text() or data.key("decisionNo").text()
    date = date_of_milliseconds(proposal.key("decisionDate"))
    issuer = proposal.key("issuingAgency").obj().key("name").text()
    return Decision(number, date, issuer) if number or date or issuer else None


def date_of_milliseconds(node: Node) -> dt.date | None:
    """The date in Vietnam of a time in milliseconds since 1970 (a number, or digits in a text)."""
    value = node.value
    if value is None or value == "":
        return None
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,16}", value.strip()):
        value = int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        try:
            return (_EPOCH + dt.timedelta(milliseconds=value)).astimezone(VIETNAM).date()
        except (OverflowError, ValueError):
            pass
    node.report("national.date_invalid")
    return None


def _steps(steps: Node, procedure_name: str) -> list[str]:
    texts = []
    for step in steps.objects():
        name, description = step.key("name").text(), step.key("description").text()
        if " ".join(name.split()) == " ".join(procedure_name.split()):
            name = ""  # the procedure's own name, repeated as the title of its one step: not a step
        if text := "\n".join(part for part in (name, description) if part):
            texts.append(text)
    return texts


def _channel(method: Node) -> NationalChannel | None:
    submission = method.key("submissionMethod")
    channel = CHANNELS.get(submission.text())
    if channel is None:
        submission.report("national.channel_unknown")
        return None
    description = method.key("description").text()
    fees = tuple(_fee(fee) for fee in method.key("fees").objects())
    return NationalChannel(channel, _time(method, description), fees, description)


def _time(method: Node, description: str) -> TimeLimit | None:
    amount_node, unit_node = method.key("processingTime"), method.key("processingTimeUnit")
    unit_text = unit_node.text()
    if amount_node.value is None and not unit_text:
        return None
    if unit_text == "OTHER":  # the real time is in the cases or in the description
        return TimeLimit(None, None, description)
    unit = UNITS.get(unit_text)
    if unit is None:
        unit_node.report("national.time_unit_unknown")
        return TimeLimit(None, None, description)
    amount = amount_of(amount_node)
    if amount is None:  # a time in words: kept with the description, for staff to complete
        said = amount_node.text() if isinstance(amount_node.value, str) else ""
        return TimeLimit(None, None, "\n".join(part for part in (said, description) if part))
    return TimeLimit(amount, unit, description)


def _case_time(case: Node) -> TimeLimit | None:
    day = case.key("processingDay").obj()
    if day.value is None:
        return None
    name, kind = case.key("name").text(), day.key("type")
    unit = UNITS.get(kind.text())
    if unit is None:
        if kind.text() != "OTHER":
            kind.report("national.time_unit_unknown")
        return TimeLimit(None, None, name)
    amount = amount_of(day.key("qty"))
    return TimeLimit(amount, unit if amount is not None else None, name)


def amount_of(node: Node) -> float | None:
    """A length of time: a non-negative JSON number or its digits in a text ("7", "0,5"); otherwise
    reported (a text such as "15 ngày" is a time in words, not a number)."""
    value = node.value
    if isinstance(value, str) and re.fullmatch(r"\d{1,6}(?:[.,]\d{1,3})?", value.strip()):
        value = float(value.strip().replace(",", "."))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        if value >= 0:
            return float(value)
        node.report("national.time_negative")
        return None
    if value is not None and value != "":
        node.report("national.time_not_number")
    return None


def _fee(fee: Node) -> NationalFee:
    kind_node = fee.key("type")
    kind = FEE_KINDS.get(kind_node.text(), "")
    if not kind:
        kind_node.report("national.fee_type_unknown")
    amount = _dong(fee.key("value"), fee.key("currencyName"))
    return NationalFee(kind, amount, fee.key("description").text(), kind_node.text())


def _dong(amount: Node, currency: Node) -> int | None:
    value = money_of(amount)
    if value is not None and currency.text() and not is_dong(currency.text()):
        currency.report("national.fee_currency")
        return None
    return value


def money_of(node: Node) -> int | None:
    """An amount in đồng: a whole non-negative number, or its digits in a text; null is unknown (None)."""
    value = node.value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 15:
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer() and abs(value) < 10**15:
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**15:
        return value
    if value is not None and value != "":
        node.report("national.fee_not_amount")
    return None


def is_dong(currency: str) -> bool:
    """Whether a currency's name is the Vietnamese đồng ("Việt Nam Đồng", "VNĐ", "đồng")."""
    return "đồng" in currency.lower() or currency.strip().upper() in ("VND", "VNĐ", "Đ")


def _group(group: Node) -> DocumentGroup:
    documents = tuple(
        NationalDocument(
            name=item.key("name").text(),
            originals=item.key("originalQty").count(),
            copies=item.key("copyQty").count(),
            required=item.key("required").flag(),
            form_files=item.key("attachments").names("fileName"),
            code=item.key("code").text(),
        )
        for item in group.key("profileComponents").objects()
    )
    return DocumentGroup(group.key("name").text(), documents)


# The older integration interface: upper-case keys, numbers mostly in texts.

OLDER_CHANNELS = {"1": "in_person", "2": "online", "3": "post"}


def _read_older(data: Node, shown: str) -> NationalRecord:
    record = NationalRecord(
        source=shown,
        code=data.key("MATTHC").text() or data.key("MaTTHC").text(),
        name=data.key("TENTTHC").text(),
        levels=tuple(_older_levels(data.key("CAPTHUCHIEN"))),
        fields=data.key("LINHVUCTHUCHIEN").names("TENLINHVUC"),
        procedure_type=data.key("LOAITTHC").text(),
        steps=tuple(_older_steps(data.key("TRINHTUTHUCHIEN"))),
        channels=tuple(channel for item in data.key("CACHTHUCTHUCHIEN").objects() for channel in _older_channels(item)),
        document_groups=tuple(_older_group(group) for group in data.key("THANHPHANHOSO").objects()),
        applicants=data.key("DOITUONGTHUCHIEN").names("TENDOITUONG") or _one(data.key("MOTADOITUONGTHUCHIEN")),
        performing=data.key("COQUANTHUCHIEN").names("TENDONVI") or _one(data.key("MOTACOQUANTHUCHIEN")),
        competent=data.key("COQUANCOTHAMQUYEN").names("TENDONVI") or _one(data.key("MOTACOQUANTHAMQUYEN")),
        delegated=data.key("COQUANDUOCUYQUYEN").names("TENDONVI"),
        coordinating=data.key("COQUANPHOIHOP").names("TENDONVI"),
        submit_at=data.key("DIACHITIEPNHAN").text(),
        results=data.key("KETQUATHUCHIEN").names("TENKETQUA"),
        conditions=data.key("YEUCAU").text(),
        legal_basis=tuple(_older_legal_text(text) for text in data.key("CANCUPHAPLY").objects()),
        keywords=data.key("TUKHOA").text(),
        description=data.key("MOTA").text(),
        status=data.key("TRANGTHAI").text(),
    )
    return replace(record, issues=tuple(data.issues))


def _older_levels(levels: Node) -> list[str]:
    found = []
    for item in levels.objects():
        name = item.key("TENCAP")
        level = level_of(name.text())
        if level is None:
            name.report("national.level_unknown")
        else:
            found.append(level)
    return found


def _older_steps(cases: Node) -> list[str]:
    texts = []
    for case in cases.objects():
        texts += [text for text in (case.key("TRUONGHOP").text(),) if text]
        texts += list(case.key("TRINHTU").names("TENTRINHTU"))
    return texts


def _older_channels(item: Node) -> list[NationalChannel]:
    kenh = item.key("KENH")
    method = OLDER_CHANNELS.get(kenh.text())
    if method is None:
        kenh.report("national.channel_unknown")
        return []
    channels = []
    for time in item.key("THOIGIAN").objects():
        description = time.key("MOTA").text()
        amount, unit = time.key("THOIGIANGIAIQUYET").text(), time.key("DONVITINH").text()
        length = read_length(f"{amount} {unit}", day_is_working=False) if amount and unit else None
        limit = TimeLimit(length.amount, length.unit, description) if length else None
        if limit is None and (amount or unit):
            limit = TimeLimit(None, None, "\n".join(part for part in (f"{amount} {unit}".strip(), description) if part))
        fees = tuple(_older_fee(fee) for fee in time.key("PHILEPHI").objects())
        channels.append(NationalChannel(method, limit, fees, description))
    return channels


def _older_fee(fee: Node) -> NationalFee:
    code = fee.key("MAPHILEPHI").text()
    return NationalFee("fee", _dong(fee.key("SOTIEN"), fee.key("DONVI")), fee.key("MOTA").text(), code)


def _older_group(group: Node) -> DocumentGroup:
    documents = tuple(
        NationalDocument(
            name=item.key("TENGIAYTO").text(),
            originals=item.key("SOBANCHINH").count(),
            copies=item.key("SOBANSAO").count(),
            form_files=_one(item.key("TENMAUDON")),
            code=item.key("MAGIAYTO").text(),
        )
        for item in group.key("GIAYTO").objects()
    )
    return DocumentGroup(group.key("TRUONGHOP").text(), documents)


def _older_legal_text(item: Node) -> LegalText:
    text = read_legal_text(item.key("SOVANBAN").text(), item.key("TENVANBAN").text())
    date_node, issuer = item.key("NGAYBANHANH"), item.key("COQUANBANHANH").text()
    date = date_in_text(date_node.text())
    if date is None and date_node.text():
        date_node.report("national.date_invalid")
    return replace(text, date=date or text.date, issuer=issuer or text.issuer)


def date_in_text(text: str) -> dt.date | None:
    """A date written dd/mm/yyyy, dd-mm-yyyy or yyyy-mm-dd (a time after it is ignored), if valid."""
    found = re.match(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b", text.strip())
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})\b", text.strip())
    try:
        if found:
            return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    except ValueError:
        return None
    return None
