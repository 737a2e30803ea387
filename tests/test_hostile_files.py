"""Files a golden case cannot hold (links, pipes, devices): made here, and refused with a message.

Each runs ``procsite check`` in a subprocess with a time limit, so that a hang is a failure,
not a stuck test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from procsite.site.csp import content_security_policy
from procsite.source.loader import load_catalog
from tests.conftest import check_command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="links and pipes as POSIX makes them")
SUMMARY = "\n\n{count} problem{s} found; nothing was built. Fix them and run the command again.\n"


def check(procedures: Path) -> subprocess.CompletedProcess[str]:
    return check_command(procedures, timeout=30)


def refused_with(procedures: Path, *messages: str) -> None:
    """``check`` exits 1 with exactly these messages (and the summary), no traceback."""
    result = check(procedures)
    count = len(messages)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr == "\n".join(messages) + SUMMARY.format(count=count, s="s" if count != 1 else "")


def test_a_form_linked_to_a_file_of_the_server_is_refused(procedures: Path) -> None:
    form = procedures / "forms" / "to-khai.pdf"
    form.unlink()
    form.symlink_to("/etc/hostname")
    refused_with(
        procedures,
        "procedures/forms.yml:3: file (to-khai.file): expected a file inside forms/, but received: a link to "
        '"/etc/hostname",'
        " outside it. Copy the file itself into the folder instead of linking to it.",
    )


def test_a_form_linked_to_another_file_of_the_forms_folder_is_published(procedures: Path) -> None:
    (procedures / "forms" / "to-khai.pdf").rename(procedures / "forms" / "mau-goc.pdf")
    (procedures / "forms" / "to-khai.pdf").symlink_to("mau-goc.pdf")
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == ""
    assert catalog.report.warnings_text("en") == (
        "procedures/forms/mau-goc.pdf:1: form.unused: no form of forms.yml lists this file, so it is not published. "
        "Add it to forms.yml, or remove it from the forms folder."
    )


def test_a_dangling_link_as_a_procedure_is_refused(procedures: Path) -> None:
    (procedures / "ho-tich" / "ket-hon.md").symlink_to("khong-co.md")
    refused_with(
        procedures,
        'procedures/ho-tich/ket-hon.md:1: expected a file, but received: a link to "khong-co.md", which does not exist.'
        " Replace the link with the file itself.",
    )


def test_a_procedure_linked_from_outside_the_folder_is_refused(procedures: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text((procedures / "ho-tich" / "khai-sinh.md").read_text(encoding="utf-8"), encoding="utf-8")
    (procedures / "ho-tich" / "khai-sinh.md").unlink()
    (procedures / "ho-tich" / "khai-sinh.md").symlink_to(outside)
    refused_with(
        procedures,
        f'procedures/ho-tich/khai-sinh.md:1: expected a file inside procedures/, but received: a link to "{outside}",'
        " outside it. Copy the file itself into the folder instead of linking to it.",
    )


def test_a_named_pipe_as_a_procedure_does_not_stall_the_check(procedures: Path) -> None:
    os.mkfifo(procedures / "ho-tich" / "ket-hon.md")
    refused_with(
        procedures,
        "procedures/ho-tich/ket-hon.md:1: expected a regular file, but received: a named pipe (FIFO)."
        " Replace it with a file.",
    )


def test_a_named_pipe_as_a_form_does_not_stall_the_check(procedures: Path) -> None:
    (procedures / "forms" / "to-khai.pdf").unlink()
    os.mkfifo(procedures / "forms" / "to-khai.pdf")
    refused_with(
        procedures,
        "procedures/forms.yml:3: file (to-khai.file): expected a regular file, but received: a named pipe (FIFO)."
        " Replace it with a file.",
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_linked_as_a_register_is_not_read(procedures: Path) -> None:
    """A link to an endless device inside the folder: refused as a device, never read."""
    (procedures / "units.yml").unlink()
    (procedures / "units.yml").symlink_to("/dev/zero")
    result = check(procedures)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(
        'procedures/units.yml:1: expected a file inside procedures/, but received: a link to "/dev/zero", outside it.'
    )


def test_a_device_inside_the_folder_is_not_read(procedures: Path) -> None:
    """Even a device node inside the folder (made by mknod, when allowed) is refused as a device."""
    try:
        os.mknod(procedures / "fields.yml.dev", 0o600 | 0o020000, os.makedev(1, 5))  # /dev/zero's numbers
    except (PermissionError, OSError):
        pytest.skip("mknod is not allowed here")
    (procedures / "fields.yml").unlink()
    (procedures / "fields.yml.dev").rename(procedures / "fields.yml")
    result = check(procedures)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(
        "procedures/fields.yml:1: expected a regular file, but received: a device. Replace it with a file."
    )


def test_a_link_to_a_folder_is_reported_not_followed(procedures: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (procedures / "khac").symlink_to(tmp_path / "elsewhere")
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == ""
    assert catalog.report.warnings_text("en") == (
        "procedures/khac:1: source.not_read: this link to a folder is not followed; nothing in it is published. "
        "Copy the folder itself into the procedures folder."
    )


def test_files_that_are_not_sources_are_reported_as_not_published(procedures: Path) -> None:
    (procedures / "ho-tich" / "ket-hon.MD").write_text("---\n---\n", encoding="utf-8")
    (procedures / "ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    (procedures / "README.md").write_text("Thư mục thủ tục.\n", encoding="utf-8")
    catalog = load_catalog(procedures)
    assert catalog.report.text("en") == ""
    assert catalog.report.warnings_text("en") == (
        "procedures/ghi-chu.txt:1: source.not_read: this file is not a source and is not published. "
        "Only .md procedure files, the four registers and the forms folder are published.\n"
        "procedures/ho-tich/ket-hon.MD:1: source.not_read: this file is not a source and is not published. "
        'Rename it to end in ".md" (lower case) if it is a procedure.'
    )


def test_csp_never_trusts_a_script_of_a_copied_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for folder in (site / "bieu-mau", site / "en" / "bieu-mau", site / "thu-tuc"):
        folder.mkdir(parents=True)
    (site / "bieu-mau" / "x.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (site / "en" / "bieu-mau" / "x.html").write_text("<script>alert(2)</script>", encoding="utf-8")
    (site / "thu-tuc" / "index.html").write_text("<script>var ours = 1;</script>", encoding="utf-8")
    policy = content_security_policy(site)
    assert policy.count("'sha256-") == 1


def test_a_link_that_leads_back_to_itself_is_refused(procedures: Path) -> None:
    (procedures / "ho-tich" / "vong.md").symlink_to("vong.md")
    refused_with(
        procedures,
        'procedures/ho-tich/vong.md:1: expected a file, but received: a link to "vong.md", which leads back to itself.'
        " Replace the link with the file itself.",
    )


def test_a_form_must_be_there_not_empty_and_not_too_big(tmp_path: Path) -> None:
    """The checks every published file goes through (source/files.py ``published_file``), in the form's
    words: each problem names the file and says what was expected."""
    from procsite.source.form_files import MAX_FORM_BYTES, form_file_problem

    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / "to-khai.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    assert form_file_problem(forms / "to-khai.pdf", forms) is None
    (forms / "empty.pdf").write_bytes(b"")
    with (forms / "huge.pdf").open("wb") as huge:
        huge.truncate(MAX_FORM_BYTES + 1)  # sparse: nothing written
    said = {
        name: problem.message.render("en")
        for name in ("missing.pdf", "empty.pdf", "huge.pdf")
        if (problem := form_file_problem(forms / name, forms)) is not None
    }
    assert set(said) == {"missing.pdf", "empty.pdf", "huge.pdf"}
    assert all(f"forms/{name}" in text for name, text in said.items()), said
    assert "at most 20 MB" in said["huge.pdf"] and "20.1 MB" in said["huge.pdf"]  # over the limit, and it shows
    assert said["missing.pdf"] != said["empty.pdf"]
