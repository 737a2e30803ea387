"""Body conversion on hostile and realistic inputs: Python-Markdown as procsite used it, and procsite now.

`.venv/bin/python bench/body.py [--sizes 1000,10000,100000] [--timeout 10]` prints, for each family of
input at each size (in characters), the best of three CPU times of the old converter (each run in a
child process, stopped after --timeout seconds) and of procsite.source.body.render_body. tests/test_body.py
converts the same FAMILIES.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from procsite.source.body import render_body  # noqa: E402


def _repeat(unit: str, size: int, prefix: str = "", suffix: str = "") -> str:
    return prefix + unit * max(1, (size - len(prefix) - len(suffix)) // len(unit)) + suffix


def _backtick_runs(size: int) -> str:
    runs, total, k = [], 0, 1
    while total < size:
        runs.append("`" * k)
        total += k + 1
        k += 1
    return " ".join(runs)


def _reference_chain(size: int) -> str:
    count = max(1, size // 24)
    uses = "".join(f"[r{i}][r{i + 1}]" for i in range(count // 2))
    definitions = "\n".join(f"[r{i}]: /p{i} 'title {i}'" for i in range(count // 2))
    return uses + "\n\n" + definitions


_WORDS = (
    "hồ sơ nộp tại Bộ phận Một cửa của UBND xã trong giờ hành chính người dân mang theo bản chính "
    "giấy tờ tùy thân căn cước công dân để đối chiếu lệ phí được miễn cho hộ nghèo"
)


def realistic(size: int) -> str:
    """A long procedure body as staff write one: headings, paragraphs, lists, a table, links, quotes."""
    rng = random.Random(size)
    words = _WORDS.split()

    def sentence() -> str:
        text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 20)))
        return text[0].upper() + text[1:] + rng.choice([".", ".", ":", "?"])

    sections: list[str] = []
    while sum(map(len, sections)) < size:
        n = len(sections)
        sections.append(
            f'## Mục {n}\n\n{sentence()} {sentence()} "{sentence()}" -- {sentence()}\n{sentence()}...\n\n'
            f"- {sentence()} **{sentence()}**\n- [{sentence()}](https://dichvucong.gov.vn/p/{n})\n"
            f"  - *{sentence()}* `CT01`\n1. {sentence()}\n2. ![sơ đồ](../bieu-mau/so-do-{n}.png)\n\n"
            f"> {sentence()}\n\n| Giấy tờ | Số bản |\n|:--|--:|\n| {sentence()} | {n % 3 + 1} |\n\n"
            f"Gọi [1022](tel:1022) hoặc xem [thủ tục](../khai-sinh/) và [mẫu][m{n}].\n\n[m{n}]: ../mau/{n}.pdf\n\n"
        )
    return "".join(sections)[:size]


FAMILIES: dict[str, Callable[[int], str]] = {
    "[ run": lambda n: _repeat("[", n),
    "x [[[[": lambda n: _repeat("[", n, "x "),
    "[a]( run": lambda n: _repeat("[a](", n),
    "[[[a]]] balanced": lambda n: "[" * (n // 2) + "a" + "]" * (n // 2),
    "![ run": lambda n: _repeat("![", n),
    "- - - x": lambda n: _repeat("- ", n, suffix="x"),
    "> > > x": lambda n: _repeat("> ", n, suffix="x"),
    "1. 1. x": lambda n: _repeat("1. ", n, suffix="x"),
    "* run": lambda n: _repeat("*", n),
    "_ run": lambda n: _repeat("_", n),
    "_a _a": lambda n: _repeat("_a ", n),
    "*a **b": lambda n: _repeat("*a **b ", n),
    "` run": lambda n: _repeat("`", n),
    "` `` ``` runs": _backtick_runs,
    "[r1][r2] chain": _reference_chain,
    "'a … a\" quotes": lambda n: _repeat("'a ", n // 2) + _repeat('a" ', n // 2),
    "< run": lambda n: _repeat("<", n),
    "&# run": lambda n: _repeat("&#", n),
    "30-column table": lambda n: "|a" * 30 + "\n" + "|-" * 30 + "\n" + _repeat("|\n", n - 122),
    "|a table": lambda n: _repeat("|a", n // 3) + "\n" + _repeat("|-", n // 3) + "\n" + _repeat("|\n", n // 3),
    "deeper lines": lambda n: "".join("  " * (i % 60) + "- x\n" for i in range(n // 60)),
    "realistic": realistic,
}
"""Hostile inputs by family: each takes a size in characters and returns a body of about that size."""


def old_render_body(text: str) -> str:
    """procsite.source.body.render_body before markdown-it-py: Python-Markdown, links judged the same way."""
    import markdown

    from procsite.source.body import _HREF, _check_link

    converter = markdown.Markdown(extensions=["tables", "sane_lists", "smarty"], output_format="html")
    html_text = converter.convert(text.replace("&", "&amp;").replace("<", "&lt;"))
    return _HREF.sub(_check_link, html_text.replace("&amp;amp;", "&amp;"))


def best_of(convert: Callable[[str], object], text: str, runs: int = 3) -> float:
    """The shortest of `runs` conversions of text, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        convert(text)
        best = min(best, time.process_time() - start)
    return best


def _old_in_child(text: str, timeout: float) -> str:
    """The old converter's best-of-3 time, or what stopped it: a timeout or an exception."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        result = pool.apply_async(_old_timed, (text,))
        try:
            return result.get(timeout)
        except multiprocessing.TimeoutError:
            return f"> {timeout:g} s"


def _old_timed(text: str) -> str:
    try:
        return f"{best_of(old_render_body, text):.3f} s"
    except RecursionError:
        return "RecursionError"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated sizes in characters")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before the old converter is stopped")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'family':<18} {'size':>7} {'old (Python-Markdown)':>22} {'new (markdown-it-py)':>21}  (CPU seconds)")
    for name, make in FAMILIES.items():
        for size in sizes:
            text = make(size)
            old = _old_in_child(text, args.timeout)
            new = f"{best_of(render_body, text):.3f} s"
            print(f"{name:<18} {len(text):>7} {old:>22} {new:>21}", flush=True)


if __name__ == "__main__":
    main()
