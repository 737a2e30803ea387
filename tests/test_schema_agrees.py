"""The JSON Schema and the checker agree: every golden case, the minimal fixture and the sample are
run through both, file by file, and where the checker finds a problem JSON Schema can express, the
schema refuses the same top-level key; where it finds none, the schema accepts the file.

The YAML becomes JSON as a JSON tool reads it: with PyYAML's YAML 1.1 types (the checker's), a date
kept as its text (JSON has no dates), from the text the checker reads (``read_text``: the bytes' own
flaws, such as a BOM or Word-paste characters, are reported and set aside before the YAML is read).

What JSON Schema cannot say (``NOT_EXPRESSIBLE``) is left out of the checker's verdict, with the
reason. Besides these kinds, a few inputs that no golden case holds are beyond it: the digits of an
unquoted number (``code: 1.00119`` is refused by the checker, the schema sees the number 1.00119,
which ``1.001190`` also is), and an unquoted date where a text is expected (refused by the checker;
JSON has only its text).
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, ValidationError

from procsite.messages import CATALOGUES
from procsite.model.catalog import Catalog
from procsite.problems import Problem, Report
from procsite.source import format as fmt
from procsite.source.loader import load_catalog
from procsite.source.scalars import Money
from procsite.source.schema import Context, Spec
from procsite.source.spec import MISSING, control_class
from procsite.source.texts import DurationSpec, TextSpec
from procsite.source.yamlsrc import Scalar, read_text, split_front_matter
from tests.conftest import MINIMAL, SAMPLE
from tests.test_cases import CASES, overlay

NOT_EXPRESSIBLE = {
    # Across files: JSON Schema sees one file.
    "unique": "a code or ISO code used by two files",
    "published.unknown": "a related or superseded_by code that no file has",
    "featured.unknown": "a featured code that no file has (agency.yml)",
    "superseded.cycle": "procedures that supersede each other, through several files",
    # Arithmetic on durations, which are texts to JSON Schema.
    "steps.total": "the steps' times must add up to the processing time",
    "steps.same_day": "the steps of a same_day procedure must fit in a day",
    "steps.mixed": "calendar days and working days mixed across the steps",
    "verification.shorter": "the verification limit must be longer than the limit, in any unit",
    "revision.issue": "the issue must be the last revision's: two values compared",
    # Not the front matter's data.
    "body.link": "links of the Markdown body",
    "body.too_long": "the Markdown body",
    "file.bad_name": "the file's name",
    "file.reserved": "the file's name",
    "file.folder_named_source": "a folder's name",
    "procedure.unreadable": "a summary of the file's other problems, on its first line",
    # Bytes, which become JSON only once decoded and made canonical.
    "source.bom": "a byte order mark",
    "source.line_endings": "CR LF line endings",
    "source.nfd": "letters stored decomposed (NFD)",
    "source.invisible": "Word-paste and control characters written into the file itself",
    "source.long_line": "a line too long to be read",
    "source.not_utf8": "an encoding other than UTF-8",
    "source.utf16": "UTF-16",
    "source.empty": "an empty file: no front matter to make JSON of",
    "source.first_line": "no front matter",
    "source.unclosed": "front matter without its closing ---",
    # YAML itself, which JSON does not keep.
    "yaml.invalid": "a YAML syntax error",
    "yaml.duplicate_key": "a key written twice (JSON keeps the last)",
    "yaml.anchor": "an anchor (JSON has the value it names)",
    "yaml.alias": "an alias (JSON has the value it names)",
    "yaml.tag": "a tag",
    "yaml.too_deep": "lists or mappings nested too deep to be read",
    "yaml.second_document": "a second YAML document",
}
"""Problems JSON Schema cannot express, by message code, with the reason."""

REGISTERS_ONLY = {"ref.unknown": "an id the registers do not have: only the schema made from them knows"}
"""Problems that only the schema made from a folder's registers can express."""

EXPRESSIBLE = {
    "value.expected",
    "value.no_such_day",
    "value.at_most",
    "value.control",
    "key.unknown",
    "key.missing",
    "list.too_short",
    "text.markup",
    "text.script",
    "text.language",
    "text.empty_vi",
    "text.no_vi",
    "money.too_big",
    "duration.too_long",
    "time.cutoff",
    "superseded.missing",
    "superseded.not_allowed",
}
"""Problems the generic schema expresses, so that a new kind of problem is classified here."""

UNREAD = {"yaml.invalid", "yaml.too_deep", "yaml.anchor", "yaml.alias", "yaml.tag", "yaml.second_document"}
"""YAML the checker refuses or reads only in part: what it checked of the rest is not what JSON has."""


class JsonLoader(yaml.SafeLoader):
    """YAML with the types PyYAML (and so the checker) gives it, except a date, which stays its text."""


JsonLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    """A validator that asserts formats (a date that is no day), as editors do."""
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def as_json(path: Path) -> tuple[Any, int] | None:
    """A procedure file's front matter as JSON, and the line its body starts on; None when it has none."""
    scratch = Report()
    source = read_text(path.read_bytes(), "x", scratch)
    parts = split_front_matter(source.text, "x", scratch) if source else None
    if parts is None:
        return None
    try:
        data = yaml.load(parts[0], Loader=JsonLoader)
        return json.loads(json.dumps(data if data is not None else {})), parts[2]
    except (yaml.YAMLError, RecursionError, TypeError, ValueError):
        return None


def top(key: str) -> str:
    """The top-level key of a key path: ``steps[1].unit`` → ``steps``."""
    return re.split(r"[.\[]", key, maxsplit=1)[0]


def schema_keys(errors: list[ValidationError]) -> set[str]:
    """The top-level keys the schema refuses."""
    keys: set[str] = set()
    for error in errors:
        if list(error.schema_path)[:1] == ["allOf"]:  # json_schema's status rules, which checks.py
            keys.add("superseded_by")  # reports under superseded_by
        elif error.path:
            keys.add(str(error.path[0]))
        elif error.validator == "required":
            keys |= {k for k in error.validator_value if k not in error.instance}
        elif error.validator == "additionalProperties":
            keys |= {k for k in error.instance if k not in error.schema["properties"]}
        else:
            keys.add("")
    return keys


def checker_keys(problems: list[Problem], registers: bool) -> set[str]:
    """The top-level keys of the problems the schema must find too."""
    unexpressed = NOT_EXPRESSIBLE if registers else {**NOT_EXPRESSIBLE, **REGISTERS_ONLY}
    return {top(p.key) for p in problems if p.message.code not in unexpressed}


VALID = Path(__file__).parent / "cases" / "valid"
"""Valid golden cases: files that overlay the minimal fixture and keep it valid."""


def folders() -> list[tuple[str, Path | None]]:
    """Each golden case (overlaid on the minimal fixture), the minimal fixture and the sample."""
    valid = sorted(VALID.iterdir()) if VALID.is_dir() else []
    return [
        *((case.name, case) for case in CASES),
        *((f"valid-{case.name}", case) for case in valid),
        ("minimal", None),
        ("sample", SAMPLE),
    ]


def read_folder(case: Path | None, tmp_path: Path) -> Catalog:
    """The catalog of a golden case, of the minimal fixture (None) or of the sample."""
    if case == SAMPLE:
        return load_catalog(SAMPLE)
    procedures = tmp_path / "procedures"
    shutil.copytree(MINIMAL, procedures)
    if case is not None and case.parent == VALID:
        for source in case.rglob("*"):
            if source.is_file() and source.suffix != ".txt":
                target = procedures / source.relative_to(case)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read_bytes())
    elif case is not None:
        overlay(case, procedures)
    return load_catalog(procedures)


def disagreements(catalog: Catalog) -> list[str]:
    """Each procedure file of ``catalog`` where the schemas (generic, and made from its registers) and the
    checker disagree, with the checker's problems and the schema's errors."""
    assert catalog.tree is not None
    schemas = {"generic": validator(fmt.json_schema()), "registers": validator(fmt.json_schema(catalog.references()))}
    found: list[str] = []
    for path in catalog.tree.procedures:
        if path.name.lower() == "readme.md":  # not a procedure: the loader skips it too
            continue
        rel = catalog.tree.rel(path)
        problems = [p for p in catalog.report.problems if p.path == rel]
        codes = {p.message.code for p in problems}
        assert codes <= {*NOT_EXPRESSIBLE, *REGISTERS_ONLY, *EXPRESSIBLE}, f"{rel}: a new kind of problem: classify it"
        read = as_json(path)
        if read is None or codes & UNREAD:
            assert codes & set(NOT_EXPRESSIBLE), f"{rel}: no JSON to compare, and the checker said nothing why"
            continue
        data, body_line = read
        in_front = [p for p in problems if 1 < p.line < body_line - 1]
        for kind, schema in schemas.items():
            errors = list(schema.iter_errors(data))
            if schema_keys(errors) != checker_keys(in_front, kind == "registers"):
                said = [p.render("en") for p in in_front] + [e.message[:200] for e in errors]
                found.append(f"{rel} ({kind} schema): " + "; ".join(said))
    return found


YAML_1_1 = {
    "amount-with-underscores": "50_000 is the number 50000 to YAML 1.1: JSON sees the number, the checker the text"
}
"""Cases beyond JSON Schema because the YAML reader has already made a number of what was written."""


@pytest.mark.parametrize(("name", "case"), folders(), ids=[name for name, _ in folders()])
def test_schema_agrees_with_the_checker(name: str, case: Path | None, tmp_path: Path) -> None:
    if name in YAML_1_1:
        pytest.skip(YAML_1_1[name])
    assert disagreements(read_folder(case, tmp_path)) == []


VARIANTS = {
    "unquoted code": ('code: "1.001193"', "code: 1.001193"),
    "code as a whole number": ('code: "1.001193"', "code: 1001193"),
    "unquoted cutoff": (
        "limit: 3 working_days\n  verification_limit: 5 working_days",
        "limit: same_day\n  cutoff: 15:00",
    ),
    "cutoff after 23:59": (
        "limit: 3 working_days\n  verification_limit: 5 working_days",
        "limit: same_day\n  cutoff: 24:00",
    ),
    "amount with a dot": ("amount: 50000", "amount: 50.000"),
    "amount with a comma": ("amount: 50000", "amount: 50,000"),
    "amount quoted without dots": ("amount: 50000", 'amount: "50000"'),
    "negative amount": ("amount: 50000", "amount: -5"),
    "duration of 1000 days": ("duration: 1.5 working_days", "duration: 1000 working_days"),
    "duration of 1000.5 days": ("duration: 1.5 working_days", "duration: 1000.5 working_days"),
    "duration in Vietnamese": ("duration: 1.5 working_days", "duration: 3 ngày làm việc"),
    "id of digits": ("unit: ho-tich", "unit: 2024"),
    "empty optional key": ("level: commune", "level: commune\nstatus_note:\ncompetent_unit:"),
    "empty required key": ("level: commune", "level:"),
    "empty English": ("{vi: Giấy khai sinh, en: Birth certificate}", '{vi: Giấy khai sinh, en: ""}'),
    "script address": ("{vi: Giấy khai sinh, en: Birth certificate}", '"JavaScript: alert(1)"'),
    "replaced without status": ("level: commune", 'level: commune\nsuperseded_by: "1.001194"'),
    "status in force and replaced": ("level: commune", 'level: commune\nstatus: in_force\nsuperseded_by: "1.001194"'),
    "date quoted": ("effective: 2025-07-01", 'effective: "2025-07-01"'),
    "date and time": ("effective: 2025-07-01", "effective: 2025-07-01 10:00:00"),
    "parallel yes": ("duration: 1.5 working_days", "duration: 1.5 working_days\n    parallel: yes"),
    "number for a document number": ("number: 60/2014/QH13", "number: 602014"),
    "no steps": ("steps:\n", "steps: []\nold_steps:\n"),
}
"""Edits of the minimal fixture's procedure: what YAML makes of values the checker reads as written."""


@pytest.mark.parametrize("edit", VARIANTS.values(), ids=list(VARIANTS))
def test_schema_agrees_on_values_the_checker_reads_as_written(edit: tuple[str, str], procedures: Path) -> None:
    source = procedures / "ho-tich" / "khai-sinh.md"
    text = source.read_text(encoding="utf-8")
    assert edit[0] in text
    source.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    assert disagreements(load_catalog(procedures)) == []


def test_the_corpus_exercises_what_the_schema_expresses(tmp_path: Path) -> None:
    """A comparison of valid files only would pass whatever the schema says."""
    refused = {
        p.message.code
        for name, case in folders()
        if case is not None and case.parent != VALID and case != SAMPLE
        for p in read_folder(case, tmp_path / name).report.problems
        if p.path.endswith(".md")
    }
    assert refused >= {
        *("value.expected", "value.no_such_day", "value.at_most", "value.control", "key.unknown", "key.missing"),
        *("text.markup", "text.language", "text.empty_vi", "money.too_big", "duration.too_long", "time.cutoff"),
        *("superseded.missing", "ref.unknown"),
    }


def test_the_lists_of_problem_kinds_name_codes_of_the_catalogue() -> None:
    codes = {*NOT_EXPRESSIBLE, *REGISTERS_ONLY, *EXPRESSIBLE}
    assert codes <= set(CATALOGUES["en"]) & set(CATALOGUES["vi"])
    assert not set(NOT_EXPRESSIBLE) & EXPRESSIBLE


def test_every_sample_procedure_is_valid_for_both_schemas() -> None:
    catalog = load_catalog(SAMPLE)
    assert catalog.report.text() == ""
    assert catalog.tree is not None
    files = [p for p in catalog.tree.procedures if p.name.lower() != "readme.md"]
    assert len(files) == 21
    for schema in (validator(fmt.json_schema()), validator(fmt.json_schema(catalog.references()))):
        for path in files:
            read = as_json(path)
            assert read is not None
            assert [e.message for e in schema.iter_errors(read[0])] == [], path


def test_the_registers_schema_names_their_ids_and_the_published_one_does_not() -> None:
    catalog = load_catalog(MINIMAL)
    # performing_units is a list of ids, or to_complete (the second choice)
    generic = fmt.json_schema()["properties"]["performing_units"]["anyOf"][0]["items"]
    assert "enum" not in generic and generic["oneOf"][0]["pattern"]
    unit = fmt.json_schema(catalog.references())["properties"]["performing_units"]["anyOf"][0]["items"]
    assert unit["enum"] == sorted(catalog.units)
    field = fmt.json_schema(catalog.references())["properties"]["field"]
    assert field["enum"] == sorted(catalog.fields)


def test_schema_command_prints_both_schemas(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from procsite.cli import main

    monkeypatch.setenv("PROCEDURES", "")  # restored after the test: main sets it from --procedures
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == fmt.json_schema()
    assert main(["schema", "--procedures", str(MINIMAL)]) == 0
    assert json.loads(capsys.readouterr().out) == fmt.json_schema(load_catalog(MINIMAL).references())
    assert main(["schema", "--procedures", str(MINIMAL / "nowhere")]) == 1


def descriptions(schema: dict[str, Any], where: str = "") -> list[tuple[str, str | None]]:
    """Every property of every object that ``schema`` declares, with its description (the conditions
    of ``if``/``then``, which declare nothing, are not looked into)."""
    found = []
    for name, value in schema.get("properties", {}).items():
        found += [(f"{where}.{name}", value.get("description")), *descriptions(value, f"{where}.{name}")]
    if "items" in schema:
        found += descriptions(schema["items"], f"{where}[]")
    for i, choice in enumerate([*schema.get("oneOf", []), *schema.get("anyOf", [])]):
        found += descriptions(choice, f"{where}|{i}")
    return found


def test_every_property_is_described_in_vietnamese_then_english() -> None:
    found = descriptions(fmt.json_schema())
    assert len(found) > 60
    for where, text in found:
        assert text is not None, where
        vi, _, en = text.partition(" — ")
        assert vi and en and vi != en, (where, text)
        assert re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]", vi), (where, vi)


def verdicts(spec: Spec, samples: list[str]) -> list[tuple[str, bool, bool]]:
    """Each sample text with the checker's verdict and the schema's, where they differ."""
    schema = validator(spec.schema())
    differ = []
    for text in samples:
        ctx = Context("x", Report())
        accepted = spec.parse(Scalar(text, text, 1, False), ctx, "k") is not MISSING and not ctx.report
        if accepted != schema.is_valid(text):
            differ.append((text, accepted, not accepted))
    return differ


def test_duration_numbers_are_limited_as_the_checker_limits_them() -> None:
    numbers = [*range(13), *range(95, 106), *range(995, 1006), 9999, 100000]
    samples = [
        f"{zeros}{n}{half} {unit}"
        for n in numbers
        for zeros in ("", "0", "00", "000", "0000")
        for half in ("", ".5", ",5", ".25")
        for unit in ("working_days", "day")
    ]
    samples += ["3 ngày làm việc", "hai ngày", " 5 days ", "5days", "5 working_day", "1" * 309 + " days"]
    assert verdicts(DurationSpec(), samples) == []


def test_amounts_are_read_as_the_checker_reads_them() -> None:
    leads = ["0", "00", "000", "9", "09", "009", "10", "010", "11", "99", "099", "999", "1000"]
    groups = ["000", "001", "010", "999"]
    samples = [
        lead + "".join(".,"[i % 2] + group for i, group in enumerate(tail))
        for lead in leads
        for count in range(5)
        for tail in itertools.product(groups, repeat=count)
    ]
    samples += ["10.000.000.000", "10.000.000.001", "0.010.000.000.000", "0.010.000.000.001", " 8.000 ", "1.5"]
    assert verdicts(Money(), [*samples, "free", "8.000đ", "8 000"]) == []


def test_texts_refuse_markup_scripts_and_control_characters_as_the_checker_does() -> None:
    samples = ["Tờ khai", "< 6 tuổi", "<6 tuổi", "a <b>b</b>", "a<!-- x", "x </p", "<?php", "a < b > c"]
    samples += ["javascript:alert(1)", "JAVASCRIPT :x", "JavaſcrİPT:x", "javascripts", "ja\x1bvascript"]
    samples += ["\x1b[31m đỏ", "a\x00b", "a\u202eb", "a\u2066b", "a\x7fb", "a\x85b", "tab\tok", "   ", ""]
    assert verdicts(TextSpec(), samples) == []


def test_the_control_characters_are_those_of_the_checker() -> None:
    from procsite.source.canonical import CONTROL

    pattern = re.compile(control_class())
    assert [c for c in map(chr, range(0x110000)) if bool(pattern.fullmatch(c)) != bool(CONTROL.fullmatch(c))] == []
