"""Pagefind beside our search: the same procedure pages, the same queries, in headless Chromium.

`python bench/pagefind.py --count 6000` indexes the Vietnamese procedure pages of our built site
(.bench/site-N, built by bench/bench.py, or here if missing) with npm's ``pagefind`` (PAGEFIND_VERSION,
installed into .bench/node/), in a copy (.bench/pagefind-N: hard links, our files untouched), and asks
Pagefind's own JavaScript API, in Chromium, the query sets of bench/queries.py, beside our engine on
the same site. Writes .bench/pagefind-N.json and .bench/pagefind-N.md.

The copy is also what bench/lighthouse.py measures as "our site with Pagefind instead of our
search": on the pages measured, our search script and Material's search box are replaced by
Pagefind's Default UI, as Pagefind's documentation adds it (with_pagefind_ui).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.node import npm_tool  # noqa: E402
from bench.queries import query_sets  # noqa: E402
from procsite.source.loader import load_catalog  # noqa: E402

WORK = ROOT / ".bench"
BIN = Path(sys.executable).parent
PAGEFIND_VERSION = "1.4.0"
PROCEDURE_PAGES = "thu-tuc/*/index.html"
"""What Pagefind indexes: the Vietnamese procedure pages, the pages our own index has a record for."""

RANKS_JS = """
async (queries) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const out = [];
  for (const [query, slug] of queries) {
    const start = performance.now();
    const search = await pagefind.search(query);
    const top = await Promise.all(search.results.slice(0, 3).map(r => r.data()));
    const ms = performance.now() - start;
    out.push([top.findIndex(d => d.url.endsWith('thu-tuc/' + slug + '/')) + 1, ms]);
  }
  return out;
}
"""
"""Rank among the first 3 (0 when not there) and the time to get them, for each query, with
Pagefind's API: search, then the data of the first three results (their URLs)."""
BLANK = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Pagefind</title></head><body></body></html>'
"""The page the queries run from: Pagefind picks the index of the page's language."""


def ensure_site(count: int) -> Path:
    """Our built site of ``count`` synthetic procedures (the sample included): .bench/site-N."""
    site = WORK / f"site-{count}"
    if not (site / "index.html").exists():
        from procsite.synth.procedures import write_synthetic

        procedures = WORK / f"procedures-{count}"
        write_synthetic(procedures, count, ROOT / "procedures")
        subprocess.run(
            ["nice", "-n", "10", str(BIN / "procsite"), "build", "--procedures", str(procedures), "--site", str(site)],
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    return site


def pagefind_copy(site: Path, count: int) -> dict[str, Any]:
    """A hard-linked copy of ``site`` with Pagefind's index of its procedure pages: .bench/pagefind-N."""
    pagefind = npm_tool("pagefind", PAGEFIND_VERSION)
    target = WORK / f"pagefind-{count}"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target, copy_function=os.link)
    start = time.monotonic()
    run = subprocess.run(
        ["nice", "-n", "10", str(pagefind), "--site", str(target), "--glob", PROCEDURE_PAGES],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.monotonic() - start
    (target / "pagefind-bench.html").write_text(BLANK, encoding="utf-8")
    index = [p for p in (target / "pagefind").rglob("*") if p.is_file()]
    pages = re.search(r"Indexed (\d+) pages?", run.stdout)
    return {
        "site": str(target),
        "seconds": seconds,
        "pages": int(pages.group(1)) if pages else None,
        "index_files": len(index),
        "index_bytes": sum(p.stat().st_size for p in index),
        "pagefind_js_bytes": (target / "pagefind" / "pagefind.js").stat().st_size,
        "version": PAGEFIND_VERSION,
    }


def _remove_element(html: str, start: int, tag: str) -> str:
    """``html`` without the element that opens at ``start`` (balanced ``tag`` elements)."""
    depth, at = 0, start
    opening, closing = re.compile(rf"<{tag}\b"), re.compile(rf"</{tag}\s*>")
    while True:
        o, c = opening.search(html, at), closing.search(html, at)
        if c is None:
            raise ValueError(f"unbalanced <{tag}>")
        if o is not None and o.start() < c.start():
            depth, at = depth + 1, o.end()
        else:
            depth, at = depth - 1, c.end()
            if depth == 0:
                return html[:start] + html[at:]


def with_pagefind_ui(page: Path) -> None:
    """Replace, in one page of a copy, our search (its script) and Material's search box (the header
    button and dialog, which would otherwise start Material's search) by Pagefind's Default UI as its
    documentation adds it: its stylesheet and script in the head, a box and its start-up after the
    header. Writes a new file in place of the hard link."""
    html = page.read_text(encoding="utf-8")
    root = "/"  # Pagefind's documented snippet uses absolute URLs; the copy is served at the root
    head = (
        f'<link href="{root}pagefind/pagefind-ui.css" rel="stylesheet">'
        f'<script src="{root}pagefind/pagefind-ui.js"></script>'
    )
    box = (
        '<div id="search" class="md-grid"></div><script>window.addEventListener("DOMContentLoaded", () => '
        '{ new PagefindUI({ element: "#search", showSubResults: true }); });</script>'
    )
    html, found = re.subn(r'<script src="[^"]*search/procsite_search\.js"[^>]*></script>', box, html, count=1)
    if not found:
        raise ValueError(f"{page}: our search script not found")
    html = html.replace("</head>", head + "</head>", 1)
    html = re.sub(r'<label class="md-header__button md-icon" for="__search">.*?</label>', "", html, count=1, flags=re.S)
    dialog = html.find('<div class="md-search" data-md-component="search"')
    if dialog >= 0:
        html = _remove_element(html, dialog, "div")
    page.unlink()
    page.write_text(html, encoding="utf-8")


def pagefind_ranks(url: str, queries: list[list[str]]) -> list[tuple[int, float]]:
    """(rank among the first 3, ms) of each query with Pagefind in Chromium, from the copy at ``url``."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, require_chromium

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url + "pagefind-bench.html")
        out = [(int(rank), float(ms)) for rank, ms in page.evaluate(RANKS_JS, queries)]
        browser.close()
    return out


def compare(count: int, per_kind: int = 200) -> dict[str, Any]:
    """Pagefind and our engine on the same query sets, over our site of ``count`` procedures."""
    from bench.bench import engine_ranks, serve_process

    site = ensure_site(count)
    copy = pagefind_copy(site, count)
    catalog = load_catalog(WORK / f"procedures-{count}")
    kinds = query_sets(catalog.procedures, per_kind)
    out: dict[str, Any] = {"count": count, "pagefind": copy, "kinds": {}, "loadavg": loadavg()}
    with serve_process(Path(copy["site"])) as url:
        for kind, asked in kinds.items():
            ours = engine_ranks(url, asked)
            theirs = pagefind_ranks(url, asked)
            out["kinds"][kind] = {
                "asked": len(asked),
                "ours": {"first": sum(r == 1 for r in ours), "top3": sum(1 <= r <= 3 for r in ours)},
                "pagefind": {
                    "first": sum(r == 1 for r, _ in theirs),
                    "top3": sum(1 <= r <= 3 for r, _ in theirs),
                    "median_ms": statistics.median(ms for _, ms in theirs),
                },
                "examples": [
                    {"query": q, "slug": s, "ours": o, "pagefind": t}
                    for (q, s), o, (t, _) in list(zip(asked, ours, theirs, strict=True))[:3]
                ],
                "ours_not_first": [[q, s, o] for (q, s), o in zip(asked, ours, strict=True) if o != 1][:5],
                "pagefind_not_first": [[q, s, t] for (q, s), (t, _) in zip(asked, theirs, strict=True) if t != 1][:5],
            }
    out["loadavg_after"] = loadavg()
    return out


def loadavg() -> str:
    """The machine's load (1, 5, 15 minutes) as /proc/loadavg says."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def markdown(result: dict[str, Any]) -> list[str]:
    """The comparison as a Markdown table."""

    def share(n: int, asked: int) -> str:
        return f"{n}/{asked} ({100 * n / asked:.0f}%)" if asked else "–"

    pf = result["pagefind"]
    lines = [
        f"### Search accuracy per kind of query, N={result['count']}: this project's engine and Pagefind "
        f"{pf['version']}",
        "",
        f"Pagefind indexed {pf['pages']} procedure pages (`{PROCEDURE_PAGES}` of our Vietnamese site) in "
        f"{pf['seconds']:.1f} s: {pf['index_files']} files, {pf['index_bytes'] / 1e6:.1f} MB. Both answer in "
        f"Chromium from the same nginx; machine load {result['loadavg']} before, {result['loadavg_after']} after.",
        "",
        "| Kind of query | Asked | Ours first | Ours top 3 | Pagefind first | Pagefind top 3 | Pagefind median ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind, row in result["kinds"].items():
        asked = row["asked"]
        lines.append(
            f"| {kind} | {asked} | {share(row['ours']['first'], asked)} | {share(row['ours']['top3'], asked)} | "
            f"{share(row['pagefind']['first'], asked)} | {share(row['pagefind']['top3'], asked)} | "
            f"{row['pagefind']['median_ms']:.0f} |"
        )
    return lines


def save(result: dict[str, Any]) -> list[str]:
    """Write the comparison to .bench/pagefind-N.json and .bench/pagefind-N.md; returns the table."""
    count = result["count"]
    (WORK / f"pagefind-{count}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    lines = markdown(result)
    (WORK / f"pagefind-{count}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=6000, help="procedures in the catalogue (default 6000)")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind (default 200)")
    args = parser.parse_args()
    print("\n".join(save(compare(args.count, args.queries))))


if __name__ == "__main__":
    main()
