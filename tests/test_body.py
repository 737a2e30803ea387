"""Procedure bodies convert in time linear in their size, never crash, and stay safe.

The hostile inputs are bench/body.py's FAMILIES (Python-Markdown took 47 s on 20,000 "[" and raised
RecursionError on a line of 500 list markers). Times are CPU times, best of three, compared by ratio
so that a loaded machine does not make the tests flaky; a ceiling catches hangs.
"""

from __future__ import annotations

import re
import sys

import pytest

from bench.body import FAMILIES, best_of, realistic
from procsite.source.body import MAX_TABLE_CELLS, render_body

CEILING = 5.0
"""Seconds of CPU for any one conversion below: far above what any input here takes."""


def timed(text: str) -> float:
    seconds = best_of(render_body, text)
    assert seconds < CEILING
    return seconds


@pytest.mark.parametrize("family", list(FAMILIES))
def test_four_times_the_input_takes_less_than_eight_times_as_long(family: str) -> None:
    small, large = FAMILIES[family](5_000), FAMILIES[family](20_000)
    # 20 ms of slack: small inputs convert in a few milliseconds, where timer and cache noise dominate.
    assert timed(large) < 8 * timed(small) + 0.02, family


@pytest.mark.parametrize(
    "text",
    [
        "[" * 20_000,
        "x " + "[" * 20_000,
        "- " * 500 + "x",
        "- " * 5_000 + "x",
        "1. " * 500 + "x",
        "1. " * 5_000 + "x",
        "> " * 5_000 + "x",
        "- > 1. " * 2_000 + "x",
        "*" * 50_000,
        "_" * 50_000,
        "_a " * 20_000,
        "`" * 50_000,
        "".join(f"[r{i}][r{i + 1}]" for i in range(5_000)) + "\n\n" + "\n".join(f"[r{i}]: /p{i}" for i in range(5_000)),
        "|\n" * 50_000,
        realistic(100_000),
    ],
    ids=lambda text: repr(text[:12]) + f"×{len(text)}",
)
def test_pathological_input_converts(text: str) -> None:
    assert str(render_body(text)).startswith("<")
    timed(text)


def test_deep_nesting_needs_little_stack() -> None:
    """Nesting is bounded, so a body converts even when the caller already uses most of the stack."""

    def nested(depth: int) -> str:
        return nested(depth - 1) if depth else str(render_body("> " * 5_000 + "- " * 5_000 + "[" * 5_000))

    assert nested(sys.getrecursionlimit() - 300).startswith("<blockquote>")


def test_the_hundred_kilobyte_body_is_all_there() -> None:
    text = realistic(100_000)
    html = str(render_body(text))
    sections = text.count("|:--|--:|")
    assert sections > 50 and html.count("<table>") == sections and html.count("<blockquote>") >= sections
    assert html.count('<a href="https://dichvucong.gov.vn/p/') >= sections
    assert html.count('<img src="../bieu-mau/so-do-') >= sections and 'src=""' not in html and 'href=""' not in html


def test_raw_html_is_text() -> None:
    html = str(render_body("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> & <b>x</b>\n\n<div class=x>"))
    assert html == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
        "<p>&lt;img src=x onerror=alert(2)&gt; &amp; &lt;b&gt;x&lt;/b&gt;</p>\n"
        "<p>&lt;div class=x&gt;</p>"
    )


@pytest.mark.parametrize(
    "markdown",
    [
        "[a](javascript:alert(1))",
        "[a](JaVaScRiPt:alert(1))",
        "[a](&#106;avascript:alert(1))",
        "[a](javascript&#x3A;alert(1))",
        "[a](<jav\tascript:alert(1)>)",
        "[a](data:text/html;base64,PHNjcmlwdD4=)",
        "[a](vbscript:msgbox)",
        "<javascript:alert(1)>",
        "[a][evil]\n\n[evil]: javascript:alert(1)",
        "| x |\n|---|\n| [a](javascript:alert(1)) |",
    ],
)
def test_unsafe_links_lose_their_address(markdown: str) -> None:
    assert re.findall(r'href="([^"]*)"', str(render_body(markdown))) == [""]


@pytest.mark.parametrize(
    "markdown",
    [
        "![a](https://xss.invalid/p.png)",
        "![a](//xss.invalid/p.png)",
        "![a](/\\xss.invalid/p.png)",
        "![a](<\t//xss.invalid/p.png>)",
        "![a](data:image/png;base64,iVBORw0KGgo=)",
        "![a](javascript:alert(1))",
        "[![a](https://xss.invalid/p.png)](../khai-sinh/)",
    ],
)
def test_pictures_come_only_from_the_site(markdown: str) -> None:
    assert re.findall(r'src="([^"]*)"', str(render_body(markdown))) == [""]


def test_safe_addresses_are_kept() -> None:
    html = str(
        render_body(
            "[a](https://dichvucong.gov.vn/p?x=1&y=2) [b](mailto:mot-cua@example.gov.vn) [c](tel:1022) [d](#steps) "
            "[e](../khai-sinh/) <https://example.gov.vn> ![f](../bieu-mau/so-do.png)"
        )
    )
    assert html == (
        '<p><a href="https://dichvucong.gov.vn/p?x=1&amp;y=2">a</a> <a href="mailto:mot-cua@example.gov.vn">b</a> '
        '<a href="tel:1022">c</a> <a href="#steps">d</a> <a href="../khai-sinh/">e</a> '
        '<a href="https://example.gov.vn">https://example.gov.vn</a> <img src="../bieu-mau/so-do.png" alt="f"></p>'
    )


def test_punctuation_is_typographic_as_before() -> None:
    """Python-Markdown's "smarty" marks, and "(c)" (a list label) left alone."""
    html = str(render_body('"Sổ đỏ" -- it\'s 2020---2025... (c) `--`'))
    assert html == "<p>“Sổ đỏ” – it’s 2020—2025… (c) <code>--</code></p>"


def test_tables_beyond_the_cell_budget_are_text() -> None:
    table = "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 20 + "\n"
    html = str(render_body(table * (MAX_TABLE_CELLS // 60 + 10)))
    assert 0 < html.count("<table>") <= MAX_TABLE_CELLS // 60 and "<p>| a | b |" in html


def test_timing_is_measured_in_cpu_time() -> None:
    """The ratio test above would pass whatever the code did if the clock did not move."""
    assert best_of(lambda text: sum(range(200_000)), "") > 0
