"""The live preview (``procsite serve``): a save shows in the browser, and so do its problems.

A real preview runs in a subprocess on a free port, on a copy of the minimal fixture; the tests
save files in it as staff would and look at what the preview serves, in Chromium or over HTTP.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from procsite import paths
from procsite.site.preview.changes import touched_pages
from procsite.source.loader import load_catalog

ROOT = Path(__file__).resolve().parent.parent
PROBLEM_LINE = (
    "procedures/ho-tich/khai-sinh.md:33: bước 1, đơn vị (steps[0].unit): cần mã của một mục trong units.yml, "
    'nhưng nhận được: "mot-cuaa". Có phải ý bạn là "mot-cua" (Bộ phận Một cửa)? '
    'Hoặc thêm "mot-cuaa" vào units.yml, kèm tên của nó.'
)


@dataclass
class Preview:
    """A running ``procsite serve``: its address, its procedures folder and its process."""

    url: str
    procedures: Path
    process: subprocess.Popen[str]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        text: str = response.read().decode("utf-8")
        return text


def shows(url: str, text: str) -> bool:
    """Whether the page at ``url`` holds ``text`` (False while it cannot be read)."""
    try:
        return text in get(url)
    except OSError:
        return False


def wait_for(condition: object, what: str, timeout: float = 20) -> None:
    """Wait until ``condition()`` is true; fail saying ``what`` did not happen."""
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail(f"{what} within {timeout} s")
        time.sleep(0.1)


@pytest.fixture
def preview(procedures: Path) -> Iterator[Preview]:
    """``procsite serve`` on the minimal fixture, serving; stopped with SIGTERM, which must end it cleanly."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "procsite", "serve", "--port", str(port), "--procedures", str(procedures)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"

    def serving() -> bool:
        assert process.poll() is None, process.communicate()[1]
        try:
            return "Đăng ký khai sinh" in get(url + "thu-tuc/khai-sinh/")
        except OSError:
            return False

    try:
        wait_for(serving, "the preview did not serve the procedure page", timeout=60)
        yield Preview(url, procedures, process)
    finally:
        process.send_signal(signal.SIGTERM)
        _, log = process.communicate(timeout=30)
    assert process.returncode == 0, log
    assert log.rstrip().endswith("Stopped."), log
    built = re.search(r"Building documentation to directory: (\S+)/site-1\n", log)
    assert built is not None, log
    assert not Path(built.group(1)).exists(), "the preview left its folder behind"


def source(procedures: Path) -> Path:
    return procedures / "ho-tich" / "khai-sinh.md"


def save(path: Path, text: str) -> None:
    """Save as an editor does: the whole file at once."""
    path.write_text(text, encoding="utf-8")


@pytest.mark.browser
def test_a_broken_save_shows_its_problems_over_the_page_and_a_fix_updates_it(browser: object, preview: Preview) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(preview.url) else outside.append(request.url))
    page.goto(preview.url + "thu-tuc/khai-sinh/")
    heading = page.locator("h1")
    expect(heading).to_contain_text("Đăng ký khai sinh")
    panel = page.locator("#procsite-preview-panel")
    expect(panel).to_have_count(0)

    original = source(preview.procedures).read_text(encoding="utf-8")
    save(source(preview.procedures), original.replace("unit: mot-cua", "unit: mot-cuaa", 1))
    expect(panel).to_be_visible(timeout=20_000)  # the open page reloads by itself
    expect(panel.locator("p")).to_have_text(
        "Trang này chưa được cập nhật: có 1 lỗi. Hãy sửa rồi lưu tệp, trang sẽ tự cập nhật."
    )
    assert panel.locator("pre").inner_text() == PROBLEM_LINE
    # The lines are those `procsite check` prints.
    os.chdir(preview.procedures.parent)
    try:
        assert load_catalog(Path("procedures")).report.text("vi") == PROBLEM_LINE
    finally:
        os.chdir(ROOT)
    expect(heading).to_contain_text("Đăng ký khai sinh")  # the last good page stays under the panel

    fixed = original.replace("{vi: Đăng ký khai sinh, en: Birth registration}", "{vi: Khai sinh mới, en: New birth}")
    assert fixed != original
    save(source(preview.procedures), fixed)
    expect(heading).to_contain_text("Khai sinh mới", timeout=20_000)
    expect(panel).to_have_count(0)

    page.goto(preview.url + "en/thu-tuc/khai-sinh/")
    expect(heading).to_contain_text("New birth")
    expect(panel).to_have_count(0)
    page.goto(preview.url + "thu-tuc/")
    expect(page.locator("table.ps-catalogue")).to_contain_text("Khai sinh mới")
    context.close()
    assert outside == [], f"requests to other hosts: {outside}"


def test_a_register_change_builds_everything_again_and_the_search_index_follows(preview: Preview) -> None:
    units = preview.procedures / "units.yml"
    text = units.read_text(encoding="utf-8")
    assert "Bộ phận Một cửa" in text
    save(units, text.replace("Bộ phận Một cửa", "Bộ phận Tiếp nhận", 1))
    wait_for(
        lambda: shows(preview.url + "thu-tuc/khai-sinh/", "Bộ phận Tiếp nhận"),
        "the procedure page did not show the unit's new name",
    )
    assert "Bộ phận Tiếp nhận" in get(preview.url + "search/search_index.json")
    # A procedure's save then updates its pages alone, in both languages, with the search index.
    original = source(preview.procedures).read_text(encoding="utf-8")
    save(source(preview.procedures), original.replace("en: Birth registration}", "en: Birth registered}"))
    wait_for(
        lambda: shows(preview.url + "en/search/search_index.json", "Birth registered"),
        "the English search index did not follow the save",
    )
    assert "<h1" in get(preview.url + "en/thu-tuc/khai-sinh/") and "Birth registered" in get(
        preview.url + "en/thu-tuc/khai-sinh/"
    )
    assert "procsite-preview-panel" not in get(preview.url)


def test_touched_pages_are_the_procedure_and_the_pages_that_list_it(procedures: Path) -> None:
    before = load_catalog(procedures)
    path = source(procedures)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("en: Birth registration}", "en: Birth registered}"), encoding="utf-8")
    after = load_catalog(procedures)
    assert after.report.text("en") == ""
    p = after.procedures[0]
    assert touched_pages(before, after) == {
        paths.procedure_page(p.slug),
        paths.CATALOGUE,
        paths.UNITS,
        paths.KIOSK,
        "index.md",
        "thay-doi/index.md",  # the "what changed" page lists procedures by their titles
        paths.field_page(p.field),
        paths.kiosk_field_page(p.field),
        *(paths.unit_page(step.unit) for step in p.steps),
    }
    assert touched_pages(after, load_catalog(procedures)) == set()  # nothing saved since
    units = procedures / "units.yml"
    units.write_text(units.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert touched_pages(after, load_catalog(procedures)) == set()  # the same registers
    units.write_text(units.read_text(encoding="utf-8").replace("Bộ phận Một cửa", "Một cửa", 1), encoding="utf-8")
    assert touched_pages(after, load_catalog(procedures)) is None  # a register: everything


def test_files_unchanged_since_the_last_read_give_the_same_catalog(procedures: Path) -> None:
    path = source(procedures)
    broken = path.read_text(encoding="utf-8").replace("unit: mot-cua", "unit: mot-cuaa", 1)
    path.write_text(broken.replace("code: ", "code: x", 1), encoding="utf-8")
    (procedures / "ho-tich" / "khai-tu.en.md").write_text("An English text alone.\n", encoding="utf-8")
    old = time.time() - 60  # files saved a moment ago are always read again: make these older
    for file in procedures.rglob("*"):
        os.utime(file, (old, old))
    first, second = load_catalog(procedures), load_catalog(procedures)
    assert first.report.text("en") != ""
    assert second.report.text("en") == first.report.text("en")
    assert second.report.warnings == first.report.warnings
    assert (second.untranslated, second.unreadable, second.codes_seen) == (
        first.untranslated,
        first.unreadable,
        first.codes_seen,
    )
    path.write_text(broken, encoding="utf-8")  # changed: read again
    assert load_catalog(procedures).report.text("en") != first.report.text("en")
