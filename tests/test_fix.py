"""``procsite fix``: each kind of rewrite, files left alone, and the round trip back to a clean check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from procsite.source.fix import fix_folder
from procsite.source.loader import load_catalog
from tests.conftest import MINIMAL

KHAI_SINH = Path("ho-tich") / "khai-sinh.md"
CLEAN = (MINIMAL / KHAI_SINH).read_bytes()
TEXT = CLEAN.decode("utf-8")
LEGACY = (
    "procedures/ho-tich/khai-sinh.md:2: expected UTF-8 text, but received: byte 0xd0 that is not UTF-8. The file "
    "is probably in a legacy Vietnamese encoding (TCVN3, VNI or Windows-1258); convert it to Unicode UTF-8, e.g. "
    "with Unikey's converter, and save it as UTF-8."
)


def broken(old: str, new: str) -> bytes:
    assert TEXT.count(old) == 1
    return TEXT.replace(old, new).encode()


@pytest.mark.parametrize(
    ("data", "change"),
    [
        (b"\xef\xbb\xbf" + CLEAN, "removed the BOM"),
        (TEXT.replace("\n", "\r\n").encode(), "55 CR LF line endings → LF"),
        (TEXT.replace("\n", "\r", 2).encode(), "2 CR line endings → LF"),
        (broken("Giấy khai sinh", unicodedata.normalize("NFD", "Giấy khai sinh")), "1 decomposed character composed"),
        (broken("Giấy khai sinh", "Giấy\u00a0khai\u00a0sinh"), "2 non-breaking spaces (U+00A0) → spaces"),
        (broken("Giấy khai sinh", "\u200bGiấy khai sinh"), "1 zero-width space (U+200B) removed"),
        (
            broken("Giấy khai sinh", "Giấy khai\u2060 sinh\u200d"),
            "1 zero-width joiner (U+200D) removed; 1 word joiner (U+2060) removed",
        ),
        (broken("Giấy khai sinh", "Giấy\u2028khai sinh"), "1 line separator (U+2028) → space"),
        (broken("Giấy khai sinh", "Giấy khai\ufeff sinh"), "1 zero-width no-break space (U+FEFF) removed"),
        (TEXT.encode("utf-16"), "converted from UTF-16 to UTF-8"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "converted from UTF-16 to UTF-8"),
    ],
    ids=["bom", "crlf", "cr", "nfd", "nbsp", "zwsp", "joiners", "line-separator", "feff-inside", "utf16", "utf16-be"],
)
def test_each_kind_of_fix(procedures: Path, data: bytes, change: str) -> None:
    (procedures / KHAI_SINH).write_bytes(data)
    report = fix_folder(procedures)
    lines = report.fixed_lines("en")
    assert len(lines) == 1 and lines[0].startswith("procedures/ho-tich/khai-sinh.md: ")
    assert change in lines[0]
    assert report.problems == [] and report.clean == 5
    assert report.summary("en") == "Fixed 1 file; the others were already clean."
    assert (procedures / KHAI_SINH).read_bytes() == CLEAN


def test_every_change_of_a_file_is_listed_in_one_line(procedures: Path) -> None:
    word_paste = broken("Giấy khai sinh", "\u200b" + unicodedata.normalize("NFD", "Giấy") + "\u00a0khai sinh")
    (procedures / KHAI_SINH).write_bytes(b"\xef\xbb\xbf" + word_paste.replace(b"\n", b"\r\n"))
    assert fix_folder(procedures).fixed_lines("en") == [
        "procedures/ho-tich/khai-sinh.md: removed the BOM; 55 CR LF line endings → LF; 1 decomposed character "
        "composed; 1 non-breaking space (U+00A0) → space; 1 zero-width space (U+200B) removed"
    ]


def test_clean_files_are_not_rewritten(procedures: Path) -> None:
    files = sorted(p for p in procedures.rglob("*") if p.is_file())
    for path in files:
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    report = fix_folder(procedures)
    assert report.fixed == [] and report.problems == []
    assert report.summary("en") == "Nothing to fix: every source file (6) is already clean."
    assert [p.stat().st_mtime_ns for p in files] == [1_000_000_000] * len(files)


def test_a_rewritten_file_keeps_its_permissions_and_leaves_no_temporary_file(procedures: Path) -> None:
    path = procedures / KHAI_SINH
    path.write_bytes(b"\xef\xbb\xbf" + CLEAN)
    path.chmod(0o640)
    fix_folder(procedures)
    assert path.stat().st_mode & 0o7777 == 0o640
    assert sorted(p.name for p in path.parent.iterdir()) == ["khai-sinh.en.md", "khai-sinh.md"]


def test_a_legacy_encoding_is_never_guessed(procedures: Path) -> None:
    path = procedures / KHAI_SINH
    legacy = TEXT.encode("cp1258", errors="replace")
    path.write_bytes(legacy)
    agency = procedures / "agency.yml"
    agency.write_bytes(b"\xef\xbb\xbf" + agency.read_bytes())
    report = fix_folder(procedures)
    assert path.read_bytes() == legacy
    assert [p.render("en") for p in report.problems] == [LEGACY]
    assert report.fixed_lines("en") == ["procedures/agency.yml: removed the BOM"]
    assert report.summary("en") == "Fixed 1 file; 1 file could not be fixed (see why above) and was left as it was."


def test_utf16_without_a_byte_order_mark_is_left_alone(procedures: Path) -> None:
    path = procedures / KHAI_SINH
    path.write_bytes(TEXT.encode("utf-16-le"))
    assert [p.render("en") for p in fix_folder(procedures).problems] == [
        "procedures/ho-tich/khai-sinh.md:1: expected a UTF-8 text file, but received: a UTF-16 file. "
        'Save it again as "UTF-8" in your editor.'
    ]
    assert path.read_bytes() == TEXT.encode("utf-16-le")


def break_everything(procedures: Path) -> None:
    """Every kind of mistake the fixer repairs, in every kind of source file."""
    word_paste = broken("Giấy khai sinh", "\u200bGiấy\u00a0khai sinh\ufeff").decode().replace("Xử lý", "Xử\u2028lý")
    word_paste = unicodedata.normalize("NFD", word_paste)
    (procedures / KHAI_SINH).write_bytes(b"\xef\xbb\xbf" + word_paste.replace("\n", "\r\n").encode())
    (procedures / "ho-tich" / "khai-sinh.en.md").write_bytes(b"Submit the dossier at the one-stop desk.\r\n")
    units = procedures / "units.yml"
    units.write_bytes(unicodedata.normalize("NFD", units.read_text(encoding="utf-8")).encode("utf-16"))
    fields = procedures / "fields.yml"
    fields.write_bytes(fields.read_bytes().replace(b" ", "\u00a0".encode()).replace(b":\xc2\xa0", b": "))


def test_round_trip_a_broken_folder_is_fixed_into_the_clean_one(procedures: Path, tmp_path: Path) -> None:
    break_everything(procedures)
    assert load_catalog(procedures).report
    report = fix_folder(procedures)
    assert len(report.fixed) == 4 and report.problems == []
    fixed = load_catalog(procedures)
    assert fixed.report.text("en") == ""
    for path in MINIMAL.rglob("*"):
        if path.is_file():
            assert (procedures / path.relative_to(MINIMAL)).read_bytes() == path.read_bytes(), path
    clean = load_catalog(shutil.copytree(MINIMAL, tmp_path / "clean" / "procedures"))
    assert fixed.procedures == clean.procedures
    registers = ("agency", "units", "fields", "forms")
    assert [getattr(fixed, name) for name in registers] == [getattr(clean, name) for name in registers]


def procsite(command: str, procedures: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "procsite", command, "--procedures", str(procedures), "--lang", "en"],
        cwd=procedures.parent,
        env={**os.environ, "PROCEDURES": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_fix_command_prints_what_it_changed_and_check_then_passes(procedures: Path) -> None:
    break_everything(procedures)
    for command in ("check", "build"):
        refused = procsite(command, procedures)
        assert refused.returncode == 1 and refused.stdout == "" and "Traceback" not in refused.stderr
        assert refused.stderr.endswith("\n26 problems found; nothing was built. Fix them and run the command again.\n")
    result = procsite("fix", procedures)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "procedures/fields.yml: 5 non-breaking spaces (U+00A0) → spaces\n"
        "procedures/ho-tich/khai-sinh.en.md: 1 CR LF line ending → LF\n"
        "procedures/ho-tich/khai-sinh.md: removed the BOM; 55 CR LF line endings → LF; 46 decomposed characters "
        "composed; 1 non-breaking space (U+00A0) → space; 1 zero-width space (U+200B) removed; 1 zero-width "
        "no-break space (U+FEFF) removed; 1 line separator (U+2028) → space\n"
        "procedures/units.yml: converted from UTF-16 to UTF-8; 17 decomposed characters composed\n"
        "Fixed 4 files; the others were already clean.\n"
    )
    check = procsite("check", procedures)
    assert check.returncode == 0 and check.stderr == ""
    again = procsite("fix", procedures)
    assert again.returncode == 0
    assert again.stdout == "Nothing to fix: every source file (6) is already clean.\n"


def test_fix_command_fails_when_a_file_could_not_be_fixed(procedures: Path) -> None:
    (procedures / KHAI_SINH).write_bytes(TEXT.encode("cp1258", errors="replace"))
    result = procsite("fix", procedures)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        f"{LEGACY}\nFixed 0 files; 1 file could not be fixed (see why above) and was left as it was.\n"
    )


def test_fix_command_on_a_missing_folder(tmp_path: Path) -> None:
    result = procsite("fix", tmp_path / "procedures")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"{tmp_path / 'procedures'}: expected a procedures folder, but received: no such folder. Set PROCEDURES "
        "to a folder that holds agency.yml, units.yml, fields.yml, forms.yml.\nNothing was fixed.\n"
    )
