"""`make bench`: our build, vanilla Material and the Python-Markdown floor, side by side, in one run.

Generates synthetic procedures (the real sample ones included) at three sizes: --small (200),
--vanilla-count (2,000) and --count (6,000). Builds each with this project; builds the same content
as plain Markdown pages with vanilla Material at the two smaller sizes only (its pages carry the
whole navigation, so its build grows with N squared: at 6,000 it would take over 20 minutes), and
compares the builds at --vanilla-count; times Python-Markdown alone on those pages (the floor);
measures sizes; then measures search in headless Chromium (our site at --count, vanilla at
--vanilla-count) and, per kind of query (bench/queries.py), our engine beside Pagefind on the same
pages (bench/pagefind.py). Prints every figure with the command that measured it, and writes the
report to .bench/report.md and its figures to .bench/report.json. Lighthouse is bench/lighthouse.py,
run after this script (it serves the sites this one built).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pagefind import compare as compare_with_pagefind  # noqa: E402
from bench.pagefind import loadavg  # noqa: E402
from bench.pagefind import save as save_pagefind  # noqa: E402
from bench.plain import plain_markdown  # noqa: E402
from procsite.source.loader import load_catalog  # noqa: E402
from procsite.synth.procedures import write_synthetic  # noqa: E402
from tests.browser import CHROMIUM_ARGS, require_chromium, search_ranks  # noqa: E402
from tests.nginx import free_port, run_nginx  # noqa: E402

WORK = ROOT / ".bench"
BIN = Path(sys.executable).parent
EXTENSIONS = ["admonition", "attr_list", "tables", "toc"]
VANILLA = """site_name: {name}
docs_dir: docs-{lang}
site_dir: site-{lang}
theme:
  name: material
  language: {lang}
plugins:
  - search
markdown_extensions: [admonition, attr_list, tables, toc]
"""
FLOOR = """
import sys, time, markdown
from pathlib import Path
pages = [p.read_text(encoding="utf-8") for d in sys.argv[1:] for p in sorted(Path(d).rglob("*.md"))]
md = markdown.Markdown(extensions={extensions})
start = time.perf_counter()
for text in pages:
    md.reset().convert(text)
print(len(pages), time.perf_counter() - start)
"""


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    family, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    total = 0
    for member in family:
        try:
            total += int(Path(f"/proc/{member}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    return total


def measure(command: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall time, CPU time and peak resident memory (summed over the process tree) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {}), "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    output, _ = process.communicate()
    sampler.join()
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "rss_mb": peak / 1e6, "output": output}  # type: ignore[dict-item]


def write_plain_site(procedures: Path, target: Path) -> None:
    """The same procedures as plain Markdown pages, per language, with a vanilla Material config."""
    catalog = load_catalog(procedures)
    if catalog.report:
        raise SystemExit(catalog.report.text())
    shutil.rmtree(target, ignore_errors=True)
    for lang in ("vi", "en"):
        docs = target / f"docs-{lang}"
        (docs / "thu-tuc").mkdir(parents=True)
        (docs / "index.md").write_text("# Thủ tục hành chính\n" if lang == "vi" else "# Procedures\n", "utf-8")
        for p in catalog.procedures:
            (docs / "thu-tuc" / f"{p.slug}.md").write_text(plain_markdown(p, catalog, lang), "utf-8")
        (target / f"mkdocs-{lang}.yml").write_text(VANILLA.format(name="Vanilla", lang=lang), "utf-8")


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def page_sizes(site: Path) -> list[int]:
    return sorted(p.stat().st_size for p in (site / "thu-tuc").glob("*/index.html"))


READY_SCRIPT = """
(() => {
  // Search is ready when the search status leaves the text the page was served with
  // ("Initializing search"): that is when Material's client, or ours, can answer.
  window.__searchReady = null;
  let initial = null;
  const check = () => {
    const meta = document.querySelector('.md-search-result__meta');
    if (!meta || window.__searchReady !== null) { return; }
    const text = meta.textContent.trim();
    if (initial === null) { initial = window.__servedMeta; }
    if (text !== initial) { window.__searchReady = performance.now(); observer.disconnect(); }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {childList: true, characterData: true, subtree: true});
})();
"""
QUERY_SCRIPT = """
(query) => new Promise(resolve => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  input.value = query;
  let start = 0;
  const observer = new MutationObserver(() => {
    observer.disconnect();
    resolve({ms: performance.now() - start,
             links: [...list.querySelectorAll('.md-search-result__item > a')].map(a => a.getAttribute('href'))});
  });
  observer.observe(list, {childList: true, subtree: true});
  observer.observe(meta, {childList: true, characterData: true, subtree: true});
  start = performance.now();
  // Material's client reads key-up, ours input events: send both, as a keyboard does.
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {key: query.slice(-1), bubbles: true}));
  setTimeout(() => { observer.disconnect(); resolve({ms: -1, links: []}); }, 10000);
})
"""


def served_meta(base_url: str) -> str:
    """The search status text the page is served with, as a script setting ``window.__servedMeta``."""
    import re
    import urllib.request

    html = urllib.request.urlopen(base_url).read().decode("utf-8")
    text = re.search(r'class="md-search-result__meta">(.*?)</div>', html, re.S)
    return f"window.__servedMeta = {json.dumps(text.group(1).strip() if text else '')};\n"


READY_PAGES = ["", "thu-tuc/dang-ky-khai-sinh/"]
"""Pages whose search readiness is measured: the home page and a procedure page."""


def browser_figures(base_url: str, queries: list[list[str]], loads: int = 5) -> dict[str, Any]:
    """Search ready time after navigation start (``loads`` fresh loads of each of READY_PAGES, each in
    a new browser context: nothing cached), and the time from a key press to results, in Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        ready: list[float] = []
        for _ in range(loads):
            for path in READY_PAGES:
                context = browser.new_context()
                page = context.new_page()
                page.add_init_script(served_meta(base_url + path) + READY_SCRIPT)
                page.goto(base_url + path)
                page.wait_for_function("window.__searchReady !== null", timeout=60000)
                ready.append(page.evaluate("window.__searchReady"))
                context.close()
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(served_meta(base_url) + READY_SCRIPT)
        page.goto(base_url)
        page.locator(".md-search__input").focus()
        page.wait_for_function("window.__searchReady !== null", timeout=60000)
        page.wait_for_timeout(500)
        times, ranks = [], []
        for query, slug in queries:
            page.evaluate(
                "() => { const i = document.querySelector('.md-search__input'); i.value = '';"
                " i.dispatchEvent(new Event('input', {bubbles: true}));"
                " i.dispatchEvent(new KeyboardEvent('keyup', {key: 'Backspace', bubbles: true})); }"
            )
            page.wait_for_timeout(150)
            result = page.evaluate(QUERY_SCRIPT, query)
            times.append(result["ms"])
            target = f"thu-tuc/{slug}/"
            ranks.append(next((i + 1 for i, link in enumerate(result["links"]) if link.endswith(target)), 0))
        context.close()
        browser.close()
    return {"ready": ready, "times": times, "ranks": ranks}


FIRST_RESULTS_SCRIPT = """
(() => {
  // A citizen types as soon as the search box is there: the time from navigation start to the first
  // results shown, whatever has to arrive first (the page, the engine, the index).
  window.__typedAt = null;
  window.__resultsAt = null;
  const type = () => {
    const input = document.querySelector('.md-search__input');
    if (!input || window.__typedAt !== null) { return; }
    input.value = 'khai sinh';
    window.__typedAt = performance.now();
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent('keyup', {key: 'h', bubbles: true}));
  };
  const watch = new MutationObserver(() => {
    type();
    const list = document.querySelector('.md-search-result__list');
    if (window.__typedAt !== null && list && list.querySelector('.md-search-result__item')) {
      window.__resultsAt = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, {childList: true, subtree: true});
  // Material's client answers only after its index and worker are up: type again until it does.
  setInterval(() => {
    const input = document.querySelector('.md-search__input');
    if (input && window.__resultsAt === null) {
      input.dispatchEvent(new KeyboardEvent('keyup', {key: 'h', bubbles: true}));
    }
  }, 250);
})();
"""


def first_results(base_url: str, loads: int) -> dict[str, list[float]]:
    """On fresh loads (nothing cached) of READY_PAGES: when a query typed as soon as the box exists
    was typed, and when its results showed, both after navigation start."""
    from playwright.sync_api import sync_playwright

    typed: list[float] = []
    shown: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        for _ in range(loads):
            for path in READY_PAGES:
                context = browser.new_context()
                page = context.new_page()
                page.add_init_script(FIRST_RESULTS_SCRIPT)
                page.goto(base_url + path)
                page.wait_for_function("window.__resultsAt !== null", timeout=60000)
                typed.append(page.evaluate("window.__typedAt"))
                shown.append(page.evaluate("window.__resultsAt"))
                context.close()
        browser.close()
    return {"typed": typed, "shown": shown, "wait": [b - a for a, b in zip(typed, shown, strict=True)]}


def engine_ranks(base_url: str, queries: list[list[str]]) -> list[int]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        ranks = search_ranks(page, base_url, queries)
        browser.close()
    return ranks


SERVER = """server {{
    listen 127.0.0.1:{port};
    root {root};
    index index.html;
    charset utf-8;
    # As deploy/nginx.conf: compressed text, revalidated pages and indexes.
    gzip on;
    gzip_comp_level 6;
    gzip_types text/css application/javascript text/javascript application/json image/svg+xml;
    location / {{ try_files $uri $uri/ =404; }}
}}
"""


@contextlib.contextmanager
def serve_process(site: Path) -> Iterator[str]:
    """Serve ``site`` with Debian's nginx, as in production (deploy/nginx.conf's compression),
    in its own process, so that the server does not share this script's time or a Python lock."""
    port = free_port()
    with run_nginx(WORK / "nginx" / site.name, SERVER.format(port=port, root=site.resolve()), port) as url:
        yield url


def site_of(count: int) -> Path:
    """Where this project's site of ``count`` procedures is built (bench/lighthouse.py serves it too)."""
    return WORK / f"site-{count}"


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    import markdown
    import material
    import mkdocs

    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, Linux {platform.release()}, "
        f"Python {platform.python_version()}, MkDocs {mkdocs.__version__}, Material {material.__version__}, "
        f"Python-Markdown {markdown.__version__}, Chromium at /usr/bin/chromium"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=6000, help="procedures of the large catalogue (default 6000)")
    parser.add_argument(
        "--vanilla-count",
        type=int,
        default=2000,
        help="procedures of the vanilla Material build compared with ours (default 2000: its pages grow with N, "
        "its build time with N squared)",
    )
    parser.add_argument("--small", type=int, default=200, help="the smaller catalogue for page-size growth")
    parser.add_argument("--queries", type=int, default=200, help="search queries per kind (default 200)")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    lines = [
        f"# Benchmark at N={args.count} (vanilla Material at N={args.vanilla_count})",
        "",
        f"Machine: {machine()}. Load at the start: {loadavg()}.",
        "",
    ]

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    big, small, mid = args.count, args.small, args.vanilla_count
    for n in sorted({small, mid, big}):
        write_synthetic(WORK / f"procedures-{n}", n, ROOT / "procedures")
    for n in sorted({small, mid}):
        write_plain_site(WORK / f"procedures-{n}", WORK / f"vanilla-{n}")

    def build(n: int) -> dict[str, float]:
        procedures = WORK / f"procedures-{n}"
        return measure([str(BIN / "procsite"), "build", "--procedures", str(procedures), "--site", str(site_of(n))])

    built = {n: build(n) for n in sorted({small, mid, big})}
    ours, ours_big = built[mid], built[big]
    vanilla = {
        lang: measure([str(BIN / "mkdocs"), "build", "-q", "-f", f"mkdocs-{lang}.yml"], WORK / f"vanilla-{mid}")
        for lang in ("vi", "en")
    }
    if small != mid:
        for lang in ("vi", "en"):
            measure([str(BIN / "mkdocs"), "build", "-q", "-f", f"mkdocs-{lang}.yml"], WORK / f"vanilla-{small}")
    floor_run = measure(
        [
            sys.executable,
            "-c",
            FLOOR.format(extensions=EXTENSIONS),
            str(WORK / f"vanilla-{mid}" / "docs-vi"),
            str(WORK / f"vanilla-{mid}" / "docs-en"),
        ]
    )
    floor_pages, floor = str(floor_run["output"]).split()
    floor_s = float(floor)
    vanilla_both = vanilla["vi"]["wall"] + vanilla["en"]["wall"]

    say(f"## Build (both languages, N={mid} unless said)")
    say("")
    say("| What | Wall time | CPU time | Peak memory | Command |")
    say("|---|---|---|---|---|")
    say(
        f"| This project, vi + en | {ours['wall']:.1f} s | {ours['cpu']:.1f} s | {ours['rss_mb']:.0f} MB | "
        f"`procsite build --procedures .bench/procedures-{mid}` |"
    )
    if big != mid:
        say(
            f"| This project, vi + en, N={big} | {ours_big['wall']:.1f} s | {ours_big['cpu']:.1f} s | "
            f"{ours_big['rss_mb']:.0f} MB | `procsite build --procedures .bench/procedures-{big}` |"
        )
    for lang in ("vi", "en"):
        say(
            f"| Vanilla Material, {lang} only | {vanilla[lang]['wall']:.1f} s | {vanilla[lang]['cpu']:.1f} s | "
            f"{vanilla[lang]['rss_mb']:.0f} MB | `mkdocs build -f .bench/vanilla-{mid}/mkdocs-{lang}.yml` |"
        )
    say(
        f"| Floor: Python-Markdown alone, {floor_pages} pages vi + en | {floor_s:.1f} s | | | "
        f"`python -c <convert every page of .bench/vanilla-{mid}/docs-*>` |"
    )
    say("")
    say(f"- Ratio to the floor: **{ours['wall'] / floor_s:.2f}×** (target ≤ 2×).")
    say(
        f"- Ratio to vanilla, one language: **{ours['wall'] / vanilla['vi']['wall']:.2f}×** "
        f"(both of ours vs vanilla's vi alone); to vanilla both languages: {ours['wall'] / vanilla_both:.2f}×."
    )
    say(
        f"- Peak memory of the whole build (all processes): {ours['rss_mb']:.0f} MB at N={mid}, "
        f"{ours_big['rss_mb']:.0f} MB at N={big} (target ≤ 1,000 MB)."
    )
    say("")

    site = site_of(big)
    ns = sorted({small, mid, big})
    vns = sorted({small, mid})
    vsite = {n: WORK / f"vanilla-{n}" / "site-vi" for n in vns}
    birth = "thu-tuc/dang-ky-khai-sinh/index.html"

    def kb(path: Path) -> str:
        return f"{path.stat().st_size / 1000:.1f} KB"

    def median_largest(sizes: list[int]) -> str:
        return f"{statistics.median(sizes) / 1000:.1f} / {sizes[-1] / 1000:.1f} KB"

    say("## Sizes (measured with Python's os.stat and gzip.compress on the built files)")
    say("")
    say("| What | " + " | ".join([*(f"This project N={n}" for n in ns), *(f"Vanilla N={n}" for n in vns)]) + " |")
    say("|---|" + "---|" * (len(ns) + len(vns)))
    say(
        f"| `{birth}` | "
        + " | ".join([*(kb(site_of(n) / birth) for n in ns), *(kb(vsite[n] / birth) for n in vns)])
        + " |"
    )
    say(
        "| procedure page, median / largest | "
        + " | ".join(
            [
                *(median_largest(page_sizes(site_of(n))) for n in ns),
                *(median_largest(page_sizes(vsite[n])) for n in vns),
            ]
        )
        + " |"
    )
    say(
        "| whole site (vi + en) | "
        + " | ".join([*(f"{du(site_of(n)) / 1e6:.0f} MB" for n in ns), *(
            f"{(du(vsite[n]) + du(vsite[n].parent / 'site-en')) / 1e6:.0f} MB" for n in vns)])
        + " |"
    )  # fmt: skip
    for lang in ("vi", "en"):

        def index(folder: Path) -> str:
            data = (folder / "search" / "search_index.json").read_bytes()
            return f"{len(data) / 1000:.0f} / {len(gzip.compress(data)) / 1000:.0f} KB"

        ours_folders = [site_of(n) / ("en" if lang == "en" else "") for n in ns]
        vanilla_folders = [vsite[n].parent / f"site-{lang}" for n in vns]
        say(
            f"| search index {lang}, raw / gzip | "
            + " | ".join(index(f) for f in ours_folders + vanilla_folders)
            + " |"
        )
    say("")

    queries = json.loads(
        json.dumps(__import__("yaml").safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8")))
    )
    with serve_process(site) as url, serve_process(vsite[mid]) as vanilla_url:
        ours_browser = browser_figures(url, queries["vi"], loads=10)
        vanilla_browser = browser_figures(vanilla_url, queries["vi"], loads=2)
        ranks = {"vi": engine_ranks(url, queries["vi"]), "en": engine_ranks(url + "en/", queries["en"])}
        ours_first = first_results(url, loads=10)
        vanilla_first = first_results(vanilla_url, loads=2)
    kinds = compare_with_pagefind(big, args.queries)

    def spread(values: list[float]) -> str:
        good = [v for v in values if v >= 0]
        return f"{statistics.median(good):.0f} ms median, {max(good):.0f} ms worst" if good else "none"

    say(
        f"## Search in headless Chromium (this project N={big}, vanilla N={mid}, Vietnamese site, "
        f"{len(queries['vi'])} queries)"
    )
    say("")
    say(
        "Measured by `bench/bench.py` with Playwright driving /usr/bin/chromium against the built sites served "
        "by Debian's nginx on 127.0.0.1 with gzip, as deploy/nginx.conf does: search ready = `performance.now()` "
        'when Material\'s search status leaves "initializing", over fresh loads (new browser context, nothing '
        f"cached) of the home page and of the birth registration page ({len(ours_browser['ready'])} loads for "
        f"this project, {len(vanilla_browser['ready'])} for vanilla); query = key-up in the search box to the "
        "first change of the result list."
    )
    say("")
    say("| What | This project | Vanilla Material |")
    say("|---|---|---|")
    say(
        f"| search ready after navigation start | {spread(ours_browser['ready'])} | "
        f"{spread(vanilla_browser['ready'])} |"
    )
    say(f"| query to results shown | {spread(ours_browser['times'])} | {spread(vanilla_browser['times'])} |")
    say(
        f"| query typed as soon as the box exists, results shown (after navigation start) | "
        f"{spread(ours_first['shown'])} | {spread(vanilla_first['shown'])} |"
    )
    say(
        f"| the same, from the keystroke to the results | {spread(ours_first['wait'])} | "
        f"{spread(vanilla_first['wait'])} |"
    )
    r_ours, r_van = ours_browser["ranks"], vanilla_browser["ranks"]
    say(
        f"| right procedure first (search box) | {sum(x == 1 for x in r_ours)}/{len(r_ours)} | "
        f"{sum(x == 1 for x in r_van)}/{len(r_van)} |"
    )
    say(
        f"| right procedure in the top 3 | {sum(1 <= x <= 3 for x in r_ours)}/{len(r_ours)} | "
        f"{sum(1 <= x <= 3 for x in r_van)}/{len(r_van)} |"
    )
    say("")
    for lang in ("vi", "en"):
        r = ranks[lang]
        misses = [(q, x) for (q, _), x in zip(queries[lang], r, strict=True) if x != 1]
        say(
            f"- Engine accuracy among {big} procedures, {lang}: first {sum(x == 1 for x in r)}/{len(r)} "
            f"({100 * sum(x == 1 for x in r) / len(r):.0f}%), top 3 {sum(1 <= x <= 3 for x in r)}/{len(r)}; "
            f"not first: {misses or 'none'}."
        )
    say("")
    for line in save_pagefind(kinds):  # also .bench/pagefind-N.json and .md
        say(line)
    say("")
    say(f"Load at the end: {loadavg()}.")
    (WORK / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    figures = {
        "count": big,
        "vanilla_count": mid,
        "builds": {str(n): {k: v for k, v in b.items() if k != "output"} for n, b in built.items()},
        "vanilla_builds": {lang: {k: v for k, v in b.items() if k != "output"} for lang, b in vanilla.items()},
        "floor_s": floor_s,
        "search": {"ours": ours_browser, "vanilla": vanilla_browser, "first_results": ours_first, "ranks": ranks},
        "kinds": kinds,
    }
    (WORK / "report.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nReport written to {WORK / 'report.md'}.")


if __name__ == "__main__":
    main()
