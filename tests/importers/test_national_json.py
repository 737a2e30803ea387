"""The reader of national JSON records, checked field by field against the 12 real records themselves,
then against hostile files: every one ends in a ``SourceError`` or ``SourceIssue`` with its message code,
within a time bound, never a traceback."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from procsite.importers.national_json import read_national_json, read_national_json_bytes
from procsite.importers.records import NationalRecord, SourceError
from procsite.messages import CATALOGUES
from tests.importers.test_detect import RECORDS, deadline

PACKAGE = Path(__file__).resolve().parents[2] / "procsite"
OURS = [
    "importers/detect.py",
    "importers/source_file.py",
    "importers/legal_texts.py",
    "importers/json_node.py",
    "importers/national_values.py",
    "importers/national_json.py",
    "importers/national_json_older.py",
    "importers/national_word.py",
]


def text(value: str) -> str:
    """A source text the way a record keeps it, worked out here on its own."""
    return value.replace("\xa0", " ").strip()


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["data"]
    return data


def read(value: Any) -> NationalRecord:
    with deadline(10):
        return read_national_json_bytes(json.dumps(value, ensure_ascii=False).encode(), "test.json")


def codes(record: NationalRecord) -> list[str]:
    return [issue.why.code for issue in record.issues]


def error_of(data: bytes | str, tmp_path: Path) -> SourceError:
    path = tmp_path / "record.json"
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    with deadline(10), pytest.raises(SourceError) as caught:
        read_national_json(path, "record.json")
    assert caught.value.source == "record.json"
    return caught.value


@pytest.fixture(params=RECORDS, ids=lambda path: path.stem)
def real(request: pytest.FixtureRequest) -> tuple[dict[str, Any], NationalRecord]:
    path: Path = request.param
    return load(path), read_national_json(path, path.name)


def test_identity_of_every_real_record(real: tuple[dict[str, Any], NationalRecord]) -> None:
    data, record = real
    assert record.source.endswith(".json")
    assert record.code == text(data["code"])
    assert record.name == text(data["name"])
    assert record.status == data["state"]
    assert record.procedure_type == data["formalityType"]
    assert record.fields == tuple(text(c["name"]) for c in data["categoriesDetails"])
    flags = {"isWard": "commune", "isProvince": "province", "isMinistry": "ministry", "isOtherAgency": "other"}
    assert record.levels == tuple(level for key, level in flags.items() if data[key])
    assert record.keywords == text(data["keywords"])
    assert record.conditions == text(data["requirementsAndConditions"])
    assert record.description == text(data["description"])
    assert record.submit_at == text(data["dossierReceivingAddresses"])
    assert record.issues == ()  # real records read whole


def test_the_deciding_decision_of_every_real_record(real: tuple[dict[str, Any], NationalRecord]) -> None:
    data, record = real
    proposal = data["procedureProposal"]
    assert record.decision is not None
    assert record.decision.number == proposal["proposalNumber"]
    assert record.decision.issuer == proposal["issuingAgency"]["name"]
    vietnam = dt.datetime.fromtimestamp(proposal["decisionDate"] / 1000, ZoneInfo("Asia/Ho_Chi_Minh"))
    assert record.decision.date == vietnam.date()


def test_the_decision_date_is_the_day_in_vietnam() -> None:
    record = read_national_json(RECORDS[0], "x")  # 1768496400000 is 2026-01-15 17:00 UTC
    assert record.decision is not None and record.decision.date == dt.date(2026, 1, 16)


def test_channels_times_and_fees_of_every_real_record(real: tuple[dict[str, Any], NationalRecord]) -> None:
    data, record = real
    methods = data["executionMethods"]
    assert len(record.channels) == len(methods)
    words = {"DIRECT": "in_person", "ONLINE": "online", "POSTAL": "post"}
    units = {"WORKING_DAY": "working_days", "DAY": "days", "HOUR": "working_hours", "MONTH": "months"}
    for channel, method in zip(record.channels, methods, strict=True):
        assert channel.method == words[method["submissionMethod"]]
        assert channel.description == text(method["description"])
        assert channel.time is not None
        if method["processingTimeUnit"] == "OTHER":
            assert (channel.time.amount, channel.time.unit) == (None, None)
            assert channel.time.text == text(method["description"])
        else:
            assert channel.time.amount == float(method["processingTime"])
            assert channel.time.unit == units[method["processingTimeUnit"]]
        assert [fee.amount for fee in channel.fees] == [fee["value"] for fee in method["fees"]]  # null stays None
        assert [fee.description for fee in channel.fees] == [text(fee["description"]) for fee in method["fees"]]
        assert [fee.source_type for fee in channel.fees] == [fee["type"] for fee in method["fees"]]
        assert {fee.kind for fee in channel.fees} <= {"fee", "price"}


def test_case_times_of_every_real_record(real: tuple[dict[str, Any], NationalRecord]) -> None:
    data, record = real
    units = {"WORKING_DAY": "working_days", "DAY": "days"}
    expected = [(c["processingDay"]["qty"], units[c["processingDay"]["type"]], text(c["name"])) for c in data["cases"]]
    assert [(t.amount, t.unit, t.text) for t in record.case_times] == expected


def test_documents_of_every_real_record(real: tuple[dict[str, Any], NationalRecord]) -> None:
    data, record = real
    groups = data["executionCases"]
    assert [group.caption for group in record.document_groups] == [text(group["name"]) for group in groups]
    for group, source in zip(record.document_groups, groups, strict=True):
        items = source["profileComponents"]
        assert [d.name for d in group.documents] == [text(item["name"]) for item in items]
        assert [d.originals for d in group.documents] == [item["originalQty"] for item in items]
        assert [d.copies for d in group.documents] == [item["copyQty"] for item in items]
        assert [d.required for d in group.documents] == [item["required"] for item in items]
        assert [d.code for d in group.documents] == [item["code"] for item in items]
        assert [d.form_files for d in group.documents] == [
            tuple(a["fileName"] for a in i["attachments"]) for i in items
        ]


def test_people_agencies_and_results_of_every_real_record(real: tuple[dict[str, Any], NationalRecord]) -> None:
    data, record = real
    assert record.applicants == tuple(text(s["name"]) for s in data["subjectTypesDetails"])
    assert record.results == tuple(text(r["name"]) for r in data["resultsDetails"])
    for role, units, groups in (
        ("performing", "departmentsExecuting", "unitGroupsExecuting"),
        ("competent", "departmentsAuthority", "unitGroupsAuthority"),
        ("delegated", "departmentsAuthorized", "unitGroupsAuthorized"),
        ("coordinating", "departmentsCoordinating", "unitGroupsCoordinating"),
    ):
        names = [text(u["name"]) for u in data[units] + data[groups]]
        assert getattr(record, role) == tuple(dict.fromkeys(names)), role


def test_legal_basis_of_every_real_record(real: tuple[dict[str, Any], NationalRecord]) -> None:
    data, record = real
    items = data["legalBasisesDetails"]
    assert [t.text for t in record.legal_basis] == [text(item["name"]) for item in items]
    assert [t.number for t in record.legal_basis] == [item["code"].split()[-1] for item in items]


def test_steps_of_every_real_record(real: tuple[dict[str, Any], NationalRecord]) -> None:
    data, record = real
    assert len(record.steps) == len(data["executionSteps"])
    for step, source in zip(record.steps, data["executionSteps"], strict=True):
        assert step.endswith(text(source["description"]))
        if text(source["name"]) != text(data["name"]):  # a step's own title is kept, the procedure's is not
            assert step.startswith(text(source["name"]))


def test_surprises_of_the_real_data_are_kept_as_found() -> None:
    by_code = {path.stem: read_national_json(path, path.name) for path in RECORDS}
    gia_lai = by_code["1.115367"]
    assert [fee.amount for c in gia_lai.channels for fee in c.fees] == [None, None, None]  # unknown, not 0
    assert gia_lai.channels[0].time is not None and gia_lai.channels[0].time.amount == 30  # the text says 20 + 10
    text_time = by_code["1.115464"].channels[6]
    assert text_time.time is not None and text_time.time.amount is None  # processingTime "1" with unit OTHER
    assert text_time.time.text.startswith("- Trường hợp cấp đổi đồng loạt")
    assert by_code["1.001193"].performing == ("Ủy ban nhân dân cấp xã",)  # only a unit group
    assert by_code["1.000080"].performing == ("Ủy ban Nhân dân xã, phường, thị trấn.",)  # its no-break spaces gone


def test_a_bare_data_object_reads_as_its_envelope() -> None:
    envelope = json.loads(RECORDS[5].read_text(encoding="utf-8"))
    assert read(envelope["data"]) == read(envelope)


# Hostile files: each class ends in its message, quickly.


def test_a_file_bigger_than_10_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(10_000_001)
    with deadline(5), pytest.raises(SourceError) as caught:
        read_national_json(path, "big.json")
    assert caught.value.why.code == "national.too_big"


def test_pipes_devices_and_links_out_are_refused(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    with deadline(5):
        for name, code in (
            ("pipe.json", "file.not_regular"),
            ("zero.json", "file.outside"),
            ("none.json", "file.unreadable"),
        ):
            with pytest.raises(SourceError) as caught:
                read_national_json(tmp_path / name, name)
            assert caught.value.why.code == code, name


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ('{"code": "OK", "data": {"code": "1.001193",', "national.json_invalid"),
        ("", "national.json_invalid"),
        (b'{"name": "\xff"}', "national.json_not_utf8"),
        ('{"code": "1", "name": NaN}', "national.json_not_number"),
        ('{"code": "1", "name": Infinity}', "national.json_not_number"),
        ('{"code": ' + "9" * 5000 + "}", "national.json_number_too_long"),
        ("[" * 100_000 + "]" * 100_000, "national.json_too_deep"),
        ('{"a": ' * 100_000 + "1" + "}" * 100_000, "national.json_too_deep"),
        ("[1, 2]", "national.json_not_record"),
        ('"Thủ tục"', "national.json_not_record"),
        ('{"id": 1, "title": "x"}', "national.json_not_record"),
        ('{"code": "OK", "data": ["x"], "message": "OK"}', "national.json_not_record"),
        ('{"code": "NOT_FOUND", "data": null, "message": "Không tìm thấy"}', "national.json_envelope_error"),
    ],
    ids=lambda value: str(value)[:20],
)
def test_a_file_that_is_not_a_record_is_a_source_error(tmp_path: Path, data: bytes | str, code: str) -> None:
    assert error_of(data, tmp_path).why.code == code


def test_a_syntax_error_says_where() -> None:
    with pytest.raises(SourceError) as caught:
        read_national_json_bytes(b'{\n  "code": "1",\n  "name": x\n}', "r.json")
    assert caught.value.why.render("en") == (
        "expected a well-formed JSON file, but received: an error at line 3, column 11. "
        "Download the record again from the national database."
    )


def real_data(index: int = 9) -> dict[str, Any]:
    return copy.deepcopy(load(RECORDS[index]))  # 1.115367: fees of unknown value, returning methods, steps


def test_a_string_where_a_list_is_expected_is_reported_and_left_empty() -> None:
    data = real_data()
    data["executionMethods"] = "Trực tiếp"
    data["legalBasisesDetails"] = {"code": "x"}
    record = read(data)
    assert record.channels == () and record.legal_basis == ()
    assert [(i.where, i.why.code) for i in record.issues] == [
        ("executionMethods", "national.expected_list"),
        ("legalBasisesDetails", "national.expected_list"),
    ]


def test_wrong_types_in_a_record_are_reported_where_they_are() -> None:
    data = real_data()
    data["name"] = ["Tổ chức"]
    data["procedureProposal"] = "2758/QĐ-UBND"
    data["isWard"] = "true"
    data["executionCases"][0]["profileComponents"][0]["originalQty"] = -1
    data["executionCases"][0]["profileComponents"][1]["required"] = "no"
    data["executionMethods"][0]["fees"][0]["value"] = "20.000 đồng"
    data["executionMethods"][1]["fees"] = [7]
    record = read(data)
    assert [(i.where, i.why.code) for i in record.issues] == [
        ("name", "national.expected_text"),
        ("isWard", "national.expected_flag"),
        ("procedureProposal", "national.expected_object"),
        ("executionMethods[0].fees[0].value", "national.fee_not_amount"),
        ("executionMethods[1].fees[0]", "national.expected_object"),
        ("executionCases[0].profileComponents[0].originalQty", "national.expected_count"),
        ("executionCases[0].profileComponents[1].required", "national.expected_flag"),
    ]
    assert record.name == "" and record.levels == ("province",) and record.decision is None
    assert record.channels[0].fees[0].amount is None and record.channels[1].fees == ()
    assert record.document_groups[0].documents[0].originals is None
    assert record.issues[0].received == "[…] (1)"


def test_the_envelope_path_is_named() -> None:
    envelope = json.loads(RECORDS[9].read_text(encoding="utf-8"))
    envelope["data"]["executionMethods"][0]["processingTime"] = "hai mươi ngày"
    issue = read(envelope).issues[0]
    assert (issue.where, issue.received, issue.why.code) == (
        "data.executionMethods[0].processingTime",
        "hai mươi ngày",
        "national.time_not_number",
    )


def nulled(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: nulled(item) for key, item in value.items()}
    return None


def test_null_everywhere_reads_as_nothing_known() -> None:
    record = read(nulled(real_data()))
    assert record == NationalRecord(source="test.json", code="", name="")


def test_null_in_every_list_and_object_reads_without_error() -> None:
    data = real_data()
    for key, value in data.items():
        if isinstance(value, list):
            data[key] = [None for _ in value]
    data["executionMethods"] = [{"submissionMethod": "DIRECT", "processingTime": None, "processingTimeUnit": None}]
    record = read(data)
    assert record.channels[0].time is None and record.issues == ()


def test_numbers_as_strings_are_read() -> None:
    data = real_data()
    method = data["executionMethods"][0]
    method["processingTime"], method["fees"][0]["value"] = "20", "20000"
    data["executionCases"][0]["profileComponents"][0]["copyQty"] = "2"
    data["procedureProposal"]["decisionDate"] = "1782666000000"
    record = read(data)
    assert record.issues == ()
    assert record.channels[0].time is not None and record.channels[0].time.amount == 20
    assert record.channels[0].fees[0].amount == 20000
    assert record.document_groups[0].documents[0].copies == 2
    assert record.decision is not None and record.decision.date == dt.date(2026, 6, 29)


def test_a_decimal_time_is_kept() -> None:
    data = real_data()
    data["executionMethods"][0].update(processingTime=0.5, processingTimeUnit="WORKING_DAY")
    data["executionMethods"][1].update(processingTime="1,5", processingTimeUnit="HOUR")
    record = read(data)
    assert [(c.time.amount, c.time.unit) for c in record.channels[:2] if c.time] == [
        (0.5, "working_days"),
        (1.5, "working_hours"),
    ]


def test_a_text_time_keeps_its_words_and_is_left_to_complete() -> None:
    data = real_data()
    data["executionMethods"][0].update(processingTime="15 ngày làm việc", processingTimeUnit="WORKING_DAY")
    record = read(data)
    time = record.channels[0].time
    assert time is not None and (time.amount, time.unit) == (None, None)
    assert time.text.startswith("15 ngày làm việc\nThời gian thực hiện")
    assert codes(record) == ["national.time_not_number"]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"processingTime": -3}, "national.time_negative"),
        ({"processingTime": True}, "national.time_not_number"),
        ({"processingTime": [5]}, "national.time_not_number"),
        ({"processingTimeUnit": "WEEK"}, "national.time_unit_unknown"),
        ({"processingTimeUnit": 3}, "national.time_unit_unknown"),
        ({"submissionMethod": "FAX"}, "national.channel_unknown"),
        ({"submissionMethod": None}, "national.channel_unknown"),
    ],
)
def test_a_time_or_channel_that_cannot_be_used_is_reported(change: dict[str, Any], code: str) -> None:
    data = real_data()
    data["executionMethods"][0].update(change)
    assert codes(read(data)) == [code]


def test_a_number_too_big_for_a_float_is_no_time() -> None:
    data = real_data()
    data["executionMethods"][0]["processingTime"] = "__huge__"
    raw = json.dumps(data).replace('"__huge__"', "1e400").encode()  # Python reads it as infinity
    assert codes(read_national_json_bytes(raw, "t")) == ["national.time_not_number"]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"value": -500}, "national.fee_not_amount"),
        ({"value": 12.5}, "national.fee_not_amount"),
        ({"value": False}, "national.fee_not_amount"),
        ({"value": 10, "currencyName": "USD"}, "national.fee_currency"),
        ({"type": "TAX"}, "national.fee_type_unknown"),
    ],
)
def test_a_fee_that_cannot_be_used_is_reported_and_its_amount_left_unknown(change: dict[str, Any], code: str) -> None:
    data = real_data()
    data["executionMethods"][0]["fees"][0].update(change)
    record = read(data)
    assert codes(record) == [code]
    if code != "national.fee_type_unknown":
        assert record.channels[0].fees[0].amount is None


def test_a_whole_fee_of_zero_or_a_float_is_a_number() -> None:
    data = real_data()
    data["executionMethods"][0]["fees"][0]["value"] = 0
    data["executionMethods"][1]["fees"][0]["value"] = 8000.0
    record = read(data)
    assert [record.channels[0].fees[0].amount, record.channels[1].fees[0].amount] == [0, 8000]


@pytest.mark.parametrize("date", ["hôm qua", 1e30, -1e30, True, [1]])
def test_a_decision_date_that_is_no_date_is_reported(date: Any) -> None:
    data = real_data()
    data["procedureProposal"]["decisionDate"] = date
    record = read(data)
    assert codes(record) == ["national.date_invalid"]
    assert record.decision is not None and record.decision.date is None


def test_any_value_replaced_by_any_type_never_breaks_the_reader() -> None:
    base = real_data(0)
    paths: list[list[Any]] = []

    def walk(value: Any, path: list[Any]) -> None:
        paths.append(path)
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, [*path, key])
        elif isinstance(value, list):
            for index, item in enumerate(value[:2]):  # the first items of each list: the shapes repeat
                walk(item, [*path, index])

    walk(base, [])
    assert len(paths) > 200  # the walk itself reaches the record's depths
    with deadline(120):
        for path in paths[1:]:
            for wrong in (None, "x", -1, 1.5, [], {}, True, [None], {"name": 1}):
                data = copy.deepcopy(base)
                target = data
                for key in path[:-1]:
                    target = target[key]
                target[path[-1]] = wrong
                record = read_national_json_bytes(json.dumps(data).encode(), "t")
                for issue in record.issues:
                    assert issue.why.render("vi") and issue.why.render("en")


OLDER = {
    "MATTHC": "1.001193",
    "TENTTHC": "Thủ tục đăng ký khai sinh",
    "LOAITTHC": "1",
    "TRANGTHAI": 1,
    "CAPTHUCHIEN": [{"CAPTHUCHIEN": "3", "TENCAP": "Cấp Xã"}, {"CAPTHUCHIEN": "9", "TENCAP": "Cấp Thôn"}],
    "LINHVUCTHUCHIEN": [{"MALINHVUC": "G15-TP07", "TENLINHVUC": "Hộ tịch"}],
    "TRINHTUTHUCHIEN": [{"TRUONGHOP": "", "TRINHTU": [{"TENTRINHTU": "Bước 1: nộp"}, {"TENTRINHTU": "Bước 2: nhận"}]}],
    "CACHTHUCTHUCHIEN": [
        {
            "KENH": "1",
            "THOIGIAN": [
                {
                    "THOIGIANGIAIQUYET": "1",
                    "DONVITINH": "Ngày làm việc",
                    "MOTA": "Trong ngày",
                    "PHILEPHI": [{"MAPHILEPHI": "LP", "SOTIEN": "8000", "DONVI": "Đồng", "MOTA": "Đăng ký muộn"}],
                }
            ],
        },
        {"KENH": 2, "THOIGIAN": [{"THOIGIANGIAIQUYET": "ngay", "DONVITINH": "", "MOTA": "", "PHILEPHI": []}]},
        {"KENH": "4", "THOIGIAN": []},
    ],
    "THANHPHANHOSO": [
        {
            "TRUONGHOP": "* Giấy tờ phải nộp:",
            "GIAYTO": [
                {
                    "MAGIAYTO": "KQ1",
                    "TENGIAYTO": "- Tờ khai",
                    "SOBANCHINH": "1",
                    "SOBANSAO": "0",
                    "TENMAUDON": "tk.docx",
                },
                {"MAGIAYTO": "KQ2", "TENGIAYTO": "Giấy chứng sinh", "SOBANCHINH": "một", "SOBANSAO": None},
            ],
        }
    ],
    "DOITUONGTHUCHIEN": [{"MADOITUONG": "ĐT1", "TENDOITUONG": "Công dân Việt Nam"}],
    "COQUANTHUCHIEN": [{"MADONVI": "1", "TENDONVI": "Ủy ban nhân dân cấp xã"}],
    "COQUANCOTHAMQUYEN": [],
    "MOTACOQUANTHAMQUYEN": "Chủ tịch Ủy ban nhân dân cấp xã",
    "DIACHITIEPNHAN": "Bộ phận Một cửa",
    "KETQUATHUCHIEN": [{"MAKETQUA": "KQ", "TENKETQUA": "Giấy khai sinh"}],
    "CANCUPHAPLY": [
        {"SOVANBAN": "60/2014/QH13", "TENVANBAN": "Luật Hộ tịch", "NGAYBANHANH": "20/11/2014", "COQUANBANHANH": ""},
        {"SOVANBAN": "123/2015/NĐ-CP", "TENVANBAN": "Nghị định 123", "NGAYBANHANH": "sớm", "COQUANBANHANH": "CP"},
    ],
    "YEUCAU": "Không",
    "TUKHOA": "khai sinh",
    "MOTA": "",
}


def test_a_record_of_the_older_interface_is_read(tmp_path: Path) -> None:
    path = tmp_path / "older.json"
    path.write_text(json.dumps({"error_code": "0", "result": [OLDER]}, ensure_ascii=False), encoding="utf-8")
    record = read_national_json(path, "older.json")
    assert (record.code, record.name, record.levels, record.fields) == (
        "1.001193",
        "Thủ tục đăng ký khai sinh",
        ("commune",),
        ("Hộ tịch",),
    )
    assert record.steps == ("Bước 1: nộp", "Bước 2: nhận")
    first, second = record.channels
    assert (first.method, first.time, first.description) == ("in_person", first.time, "Trong ngày")
    assert first.time is not None and (first.time.amount, first.time.unit) == (1, "working_days")
    assert [(f.amount, f.description, f.source_type) for f in first.fees] == [(8000, "Đăng ký muộn", "LP")]
    assert second.method == "online" and second.time is not None and second.time.amount is None
    group = record.document_groups[0]
    assert group.caption == "* Giấy tờ phải nộp:"
    assert [(d.name, d.originals, d.copies, d.form_files, d.code) for d in group.documents] == [
        ("- Tờ khai", 1, 0, ("tk.docx",), "KQ1"),
        ("Giấy chứng sinh", None, None, (), "KQ2"),
    ]
    assert (record.applicants, record.performing, record.competent) == (
        ("Công dân Việt Nam",),
        ("Ủy ban nhân dân cấp xã",),
        ("Chủ tịch Ủy ban nhân dân cấp xã",),
    )
    assert record.results == ("Giấy khai sinh",) and record.submit_at == "Bộ phận Một cửa"
    law, decree = record.legal_basis
    assert (law.number, law.date, law.issuer) == ("60/2014/QH13", dt.date(2014, 11, 20), "Quốc hội")
    assert (decree.number, decree.date, decree.issuer) == ("123/2015/NĐ-CP", None, "CP")
    assert (record.status, record.keywords, record.conditions) == ("1", "khai sinh", "Không")
    assert [(i.where, i.why.code) for i in record.issues] == [
        ("result[0].CAPTHUCHIEN[1].TENCAP", "national.level_unknown"),
        ("result[0].CACHTHUCTHUCHIEN[2].KENH", "national.channel_unknown"),
        ("result[0].THANHPHANHOSO[0].GIAYTO[1].SOBANCHINH", "national.expected_count"),
        ("result[0].CANCUPHAPLY[1].NGAYBANHANH", "national.date_invalid"),
    ]


def test_every_message_code_the_readers_name_is_in_both_catalogues() -> None:
    named = set()
    for module in OURS:
        named |= set(re.findall(r'"(national\.[a-z_.]+)"', (PACKAGE / module).read_text(encoding="utf-8")))
    assert len(named) > 30  # the scan itself works
    assert sorted(code for code in named if code not in CATALOGUES["vi"] or code not in CATALOGUES["en"]) == []


def test_issues_are_worded_in_both_languages() -> None:
    data = real_data()
    data["executionMethods"][0]["processingTime"] = "hai ngày"
    issue = read(data).issues[0]
    assert issue.why.render("vi") == (
        'cần thời hạn giải quyết là một số, nhưng nhận được: "hai ngày"; '
        "lời mô tả được giữ lại, số để trống cho bạn điền."
    )
    assert issue.why.render("en") == (
        'expected a processing time that is a number, but received: "hai ngày"; '
        "the words are kept, the number is left for you to fill in."
    )
