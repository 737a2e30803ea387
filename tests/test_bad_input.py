"""Bad input too big to keep as a golden case: files are generated here, not committed."""

from __future__ import annotations

from pathlib import Path

from procsite.source.loader import MAX_BODY_CHARACTERS, load_catalog
from tests.conftest import check_command

KHAI_SINH = Path("ho-tich") / "khai-sinh.md"
FIVE_MB = 5 * 1024 * 1024
HINT = "Keep long annexes in a form file and link to it."


def pasted_image(size: int) -> str:
    """What a 5 MB paste from Word looks like in Markdown: a picture inlined as base64."""
    line = "![](data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 40 + ")\n"
    return line * (size // len(line) + 1)


def test_a_5_mb_procedure_file_is_refused_before_it_is_read(procedures: Path) -> None:
    path = procedures / KHAI_SINH
    path.write_text(path.read_text(encoding="utf-8") + pasted_image(FIVE_MB), encoding="utf-8")
    size_kb = path.stat().st_size // 1000
    assert size_kb > 5000
    where = "procedures/ho-tich/khai-sinh.md:1:"
    message = f"{where} expected a source file of at most 200 KB, but received: {size_kb:,} KB. {HINT}"
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == message
    assert catalog.procedures == [] and catalog.unreadable == ["procedures/ho-tich/khai-sinh.md"]
    result = check_command(procedures)
    assert result.returncode == 1 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr == (f"{message}\n\n1 problem found; nothing was built. Fix them and run the command again.\n")


def test_a_5_mb_english_text_is_refused_too(procedures: Path) -> None:
    path = procedures / "ho-tich" / "khai-sinh.en.md"
    path.write_text(pasted_image(FIVE_MB), encoding="utf-8")
    size_kb = path.stat().st_size // 1000
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == (
        f"procedures/ho-tich/khai-sinh.en.md:1: expected a source file of at most 200 KB, but received: "
        f"{size_kb:,} KB. " + HINT
    )
    result = check_command(procedures)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("procedures/ho-tich/khai-sinh.en.md:1: expected a source file of at most 200 KB")


def test_a_body_at_the_limit_is_read_and_one_character_more_is_refused(procedures: Path) -> None:
    path = procedures / KHAI_SINH
    front, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    line = "Nộp hồ sơ tại Bộ phận Một cửa.\n"
    filler = (line * (MAX_BODY_CHARACTERS // len(line) + 1))[: MAX_BODY_CHARACTERS - len(body)]
    path.write_text(front + "\n---\n" + body + filler, encoding="utf-8")
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == ""
    assert [p.code for p in catalog.procedures] == ["1.001193"]
    path.write_text(front + "\n---\n" + body + filler + "x", encoding="utf-8")
    body_line = front.count("\n") + 3
    assert load_catalog(procedures).report.text("en") == (
        f"procedures/ho-tich/khai-sinh.md:{body_line}: body text (body): expected a text of at most 50,000 characters, "
        f"but received: 50,001. {HINT}"
    )
