"""The reader of the national procedure database's JSON records.

``read_national_json`` reads the detail record the portal serves today, in its envelope
``{"code": "OK", "data": {...}, "message": ...}`` or as the bare ``data`` object; a record of the older
integration interface (upper-case keys: MATTHC, TENTTHC, ...) is handed to ``national_json_older``.
Nothing in the file is trusted: it is read through ``source_file`` (at most ``MAX_JSON_BYTES``), its
values through ``json_node.Node``, so a value of the wrong type is reported where it is (a
``SourceIssue`` naming its JSON path) and left empty, and a file that is not a JSON record at all is a
``SourceError``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from procsite.importers.detect import NATIONAL_KEYS, OLDER_NATIONAL_KEYS
from procsite.importers.json_node import Node, parse_json
from procsite.importers.legal_texts import read_legal_text
from procsite.importers.national_json_older import read_older_record
from procsite.importers.national_values import amount_of, date_of_milliseconds, dong_of, one
from procsite.importers.records import (
    Decision,
    DocumentGroup,
    NationalChannel,
    NationalDocument,
    NationalFee,
    NationalRecord,
    SourceError,
    TimeLimit,
)
from procsite.importers.source_file import MAX_JSON_BYTES, read_source_file
from procsite.messages import Msg, Val

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


def read_national_json(path: Path, shown: str) -> NationalRecord:
    """The national record in the JSON file ``path`` (``shown`` names it in messages)."""
    return read_national_json_bytes(read_source_file(path, shown, MAX_JSON_BYTES), shown)


def read_national_json_bytes(data: bytes, shown: str) -> NationalRecord:
    """The national record in ``data``, the bytes of a JSON file or of the database's answer."""
    record = record_in(data, shown)
    if OLDER_NATIONAL_KEYS & record.value.keys():
        return read_older_record(record, shown)
    return _read(record, shown)


def read_older_national_json(path: Path, shown: str) -> NationalRecord:
    """The record of the older integration interface in ``path``: MATTHC, TENTTHC, CAPTHUCHIEN[].TENCAP,
    CACHTHUCTHUCHIEN[] (KENH 1 in person, 2 online, 3 post; THOIGIAN[] with THOIGIANGIAIQUYET, DONVITINH,
    MOTA and PHILEPHI[] with MAPHILEPHI, SOTIEN, DONVI, MOTA), THANHPHANHOSO[] (TRUONGHOP; GIAYTO[] with
    TENGIAYTO, SOBANCHINH, SOBANSAO, TENMAUDON), CANCUPHAPLY[] (SOVANBAN, TENVANBAN, NGAYBANHANH,
    COQUANBANHANH), and the agencies, applicants and results as lists of TENDONVI/TENDOITUONG/TENKETQUA."""
    return read_older_record(record_in(read_source_file(path, shown, MAX_JSON_BYTES), shown), shown)


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
    if isinstance(value, dict) and (NATIONAL_KEYS & value.keys() or OLDER_NATIONAL_KEYS & value.keys()):
        return Node(value, "", [])
    raise SourceError(shown, "", Msg("national.json_not_record", received=Val.of(value)))


def _read(data: Node, shown: str) -> NationalRecord:
    name = data.key("name").text()
    record = NationalRecord(
        source=shown,
        code=data.key("code").text() or data.key("codeNotation").text(),
        name=name,
        levels=tuple(level for key, level in LEVELS if data.key(key).flag()),
        fields=data.key("categoriesDetails").names() or one(data.key("category").obj().key("name")),
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


def _agencies(data: Node, units: str, groups: str, text: str) -> tuple[str, ...]:
    names = dict.fromkeys(data.key(units).names() + data.key(groups).names())  # in order, once each
    return tuple(names) or one(data.key(text))  # the text repeats the lists: only where they say nothing


def _decision(data: Node) -> Decision | None:
    proposal = data.key("procedureProposal").obj()
    number = proposal.key("proposalNumber").text() or data.key("decisionNo").text()
    date = date_of_milliseconds(proposal.key("decisionDate"))
    issuer = proposal.key("issuingAgency").obj().key("name").text()
    return Decision(number, date, issuer) if number or date or issuer else None


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


def _fee(fee: Node) -> NationalFee:
    kind_node = fee.key("type")
    kind = FEE_KINDS.get(kind_node.text(), "")
    if not kind:
        kind_node.report("national.fee_type_unknown")
    amount = dong_of(fee.key("value"), fee.key("currencyName"))
    return NationalFee(kind, amount, fee.key("description").text(), kind_node.text())


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
