"""Open data: each procedure back in the source format is valid against the published schema and says
what its file says; the catalogue's CSV opens in Excel (BOM) with the documented columns."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from jsonschema import Draft202012Validator

from procsite.opendata.catalogue import COLUMNS, catalogue_csv, catalogue_json, open_data_files
from procsite.opendata.procedure_json import procedure_object
from procsite.source import format as fmt
from procsite.source.loader import load_catalog
from tests.conftest import MINIMAL, SAMPLE
from tests.test_cases import apply_case
from tests.test_schema_agrees import as_json

VALIDATOR = Draft202012Validator(fmt.json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_every_sample_procedure_is_valid_against_the_schema_and_equals_its_file() -> None:
    catalog = load_catalog(SAMPLE)
    assert catalog.procedures
    for p in catalog.procedures:
        data = procedure_object(p)
        assert [e.message for e in VALIDATOR.iter_errors(data)] == [], p.source
        written = as_json(SAMPLE.parent / p.source)
        assert written is not None
        assert normalised(data) == normalised(written[0]), p.source


def normalised(value: object) -> object:
    """The front matter without what the format lets staff write in several ways: a default written out,
    a duration "1 working_days" or "1.0 working_days", an empty list."""
    if isinstance(value, dict) and set(value) == {"limit"}:
        return normalised(value["limit"])  # processing_time: {limit: X} is X
    if isinstance(value, dict):
        defaults = {"status": "in_force", "action": "submit", "originals": 1, "copies": 0, "parallel": False}
        return {k: normalised(v) for k, v in value.items() if v not in ([], None) and defaults.get(k, object()) != v}
    if isinstance(value, list):
        return [normalised(v) for v in value]
    if isinstance(value, str) and value.split(" ")[0].replace(".", "", 1).isdigit() and " " in value:
        amount, unit = value.split(" ", 1)
        return f"{float(amount):g} {unit}"
    return value


def test_placeholders_stay_placeholders(tmp_path: Path) -> None:
    folder = tmp_path / "procedures"
    shutil.copytree(MINIMAL, folder)
    apply_case(Path(__file__).parent / "cases" / "valid" / "to-complete", folder, {"expected.txt"})
    (p,) = load_catalog(folder).procedures
    data = procedure_object(p)
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []
    assert data["iso"] == data["steps"] == data["result"] == "to_complete"
    assert data["fees"][0]["amount"] == data["legal_basis"][0]["date"] == "to_complete"
    assert data["processing_time"]["limit"] == "to_complete"


def test_the_catalogue_csv_opens_in_excel_with_its_columns() -> None:
    catalog = load_catalog(SAMPLE)
    text = catalogue_csv(catalog)
    assert text.startswith("\ufeff") and "\r\n" in text
    table = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [c[0] for c in COLUMNS] == list(table[0])
    assert sorted(r["code"] for r in table) == sorted(p.code for p in catalog.procedures)
    by_code = {p.code: p for p in catalog.procedures}
    for row in table:
        assert row["title_vi"] == by_code[row["code"]].title.vi
    listed = json.loads(catalogue_json(catalog))["procedures"]
    assert [r["code"] for r in listed] == [r["code"] for r in table]
    files = open_data_files(catalog)
    for row in table:
        assert json.loads(files[row["json"]])["code"] == row["code"]
