"""Lighthouse mobile budgets: each kind of page of our site at two sizes, beside vanilla Material and
our site with Pagefind, served by nginx with deploy/nginx.conf as in production.

`python bench/lighthouse.py` runs npm's ``lighthouse`` (LIGHTHOUSE_VERSION, installed into
.bench/node/) with Debian's Chromium (CHROME_PATH=/usr/bin/chromium, ``--headless=new
--no-sandbox``), its default mobile settings (Moto G Power screen, simulated slow 4G and 4× CPU
slowdown), RUNS times per page, and reports the median of each figure. Sites: ours at each of
--counts (.bench/site-N, built by bench/bench.py or here), vanilla Material at --vanilla-counts
(.bench/vanilla-N/site-vi from bench/bench.py: its home and a procedure page), and ours with Pagefind
instead of our search (bench/pagefind.py's copy, its home and a procedure page). Each site is served
by Debian's nginx with deploy/nginx.conf (gzip, headers, and the Content-Security-Policy that
`procsite csp` computes from the site; Pagefind's copy adds the 'wasm-unsafe-eval' Pagefind needs).

Bytes before first paint: the transfer size (compressed, with headers) of the document plus every
request that Chromium's own trace marks render-blocking (``renderBlocking: "blocking"``: the
stylesheets and synchronous scripts of the head), from the run's trace (--save-assets) and
Lighthouse's network-requests audit. Requests marked ``in_body_parser_blocking`` (synchronous
scripts in the body: they hold back what follows them, not the first paint) are counted apart.

Writes .bench/lighthouse.json (every run's figures and failing audits) and .bench/lighthouse.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.node import npm_tool  # noqa: E402
from bench.pagefind import ensure_site, loadavg, pagefind_copy, with_pagefind_ui  # noqa: E402
from procsite.site.csp import content_security_policy  # noqa: E402
from tests.nginx import free_port, run_nginx, server_block  # noqa: E402

WORK = ROOT / ".bench"
LIGHTHOUSE_VERSION = "12.2.3"
CHROME = "/usr/bin/chromium"
RUNS = 3
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
OUR_PAGES = {
    "home": "",
    "catalogue": "thu-tuc/",
    "procedure": "thu-tuc/dang-ky-khai-sinh/",
    "unit": "don-vi/tiep-nhan/",
    "field": "linh-vuc/tu-phap-tinh/",
    "kiosk": "kiosk/",
}
"""One page of each kind (procsite/paths.py), present at every N: the birth registration page (a real
procedure of the sample), the unit that receives every synthetic procedure (the largest unit page), a
synthetic field (about one procedure in 17), the kiosk's start page."""
OTHER_PAGES = {"home": "", "procedure": "thu-tuc/dang-ky-khai-sinh/"}
"""The pages measured on vanilla Material and on the Pagefind copy."""
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100, "fcp_s": 1.5, "lcp_s": 2.0}
"""Issue 12's targets at N=6,000 (and bytes before first paint flat in N)."""


def policy(site: Path, pages: list[str] | None = None, wasm: bool = False) -> str:
    """The Content-Security-Policy `procsite csp` computes for ``site``, or, for a very large site, for
    only the ``pages`` measured (hard links in a temporary folder: the same hashes for those pages)."""
    if pages is None:
        value = content_security_policy(site)
    else:
        with tempfile.TemporaryDirectory() as folder:
            for page in pages:
                target = Path(folder) / page / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                os.link(site / page / "index.html", target)
            value = content_security_policy(Path(folder))
    if wasm:  # Pagefind runs WebAssembly (its documentation asks for this source)
        value = value.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", 1)
    return value


@contextlib.contextmanager
def serve_production(site: Path, csp: str, name: str) -> Iterator[str]:
    """Serve ``site`` with deploy/nginx.conf and ``csp`` as its snippets/procsite-csp.conf."""
    prefix = WORK / "nginx-lighthouse" / name
    shutil.rmtree(prefix, ignore_errors=True)
    (prefix / "snippets").mkdir(parents=True)
    (prefix / "snippets" / "procsite-csp.conf").write_text(
        f'add_header Content-Security-Policy "{csp}" always;\n', encoding="utf-8"
    )
    port = free_port()
    with run_nginx(prefix, server_block(site, port), port) as url:
        yield url


def bytes_before_paint(report: dict[str, Any], trace_file: Path) -> dict[str, Any]:
    """The document's transfer size and that of the requests the trace marks render-blocking."""
    flags: dict[str, str] = {}
    trace = json.loads(trace_file.read_text(encoding="utf-8"))
    for event in trace.get("traceEvents", trace) if isinstance(trace, dict) else trace:
        if event.get("name") == "ResourceSendRequest":
            data = event.get("args", {}).get("data", {})
            flags.setdefault(data.get("url", ""), data.get("renderBlocking", ""))
    requests = report["audits"]["network-requests"]["details"]["items"]
    document = next(r for r in requests if r.get("resourceType") == "Document")
    blocking = [r for r in requests if flags.get(r["url"]) == "blocking"]
    in_body = [r for r in requests if flags.get(r["url"]) == "in_body_parser_blocking"]
    lighthouse_listed = report["audits"]["render-blocking-resources"].get("details", {}).get("items", [])
    return {
        "document": document["transferSize"],
        "blocking": sum(r["transferSize"] for r in blocking),
        "total": document["transferSize"] + sum(r["transferSize"] for r in blocking),
        "in_body_parser_blocking": sum(r["transferSize"] for r in in_body),
        "blocking_urls": [[r["url"], r["transferSize"]] for r in blocking],
        "in_body_urls": [r["url"] for r in in_body],
        "lighthouse_render_blocking": document["transferSize"] + sum(i.get("totalBytes", 0) for i in lighthouse_listed),
        "all_requests": sum(r["transferSize"] for r in requests),
    }


def failing_audits(report: dict[str, Any]) -> dict[str, list[str]]:
    """Per category, the scored audits that did not pass, as "id: title (value)"."""
    out: dict[str, list[str]] = {}
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            mode = audit.get("scoreDisplayMode")
            if audit.get("score") is None or mode in ("manual", "notApplicable", "informative"):
                continue
            if audit["score"] < 1 and (ref.get("weight", 0) > 0 or mode == "metricSavings"):
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                out.setdefault(category, []).append(f"{audit['id']}: {audit['title']}{value}")
    return out


def run_lighthouse(url: str, out: Path, resume: bool = False) -> dict[str, Any]:
    """One Lighthouse run of ``url`` (mobile defaults); its figures, failing audits and the load. With
    ``resume``, the figures of an earlier run into ``out`` (its .summary.json) if there are any."""
    summary = out.with_suffix(".summary.json")
    if resume and summary.exists():
        kept: dict[str, Any] = json.loads(summary.read_text(encoding="utf-8"))
        return kept
    lighthouse = npm_tool("lighthouse", LIGHTHOUSE_VERSION)
    before = loadavg()
    command = [
        "nice", "-n", "10", str(lighthouse), url,
        "--output=json", f"--output-path={out}", "--save-assets", "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
        f"--only-categories={','.join(CATEGORIES)}",
    ]  # fmt: skip
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    trace = out.with_name(out.stem + "-0.trace.json")
    sizes = bytes_before_paint(report, trace)
    for asset in (trace, out.with_name(out.stem + "-0.devtoolslog.json")):
        asset.unlink(missing_ok=True)
    audits = report["audits"]
    tasks = audits["long-tasks"].get("details", {}).get("items", [])
    longest = max(tasks, key=lambda t: t["duration"], default=None)

    def metric(audit: str, scale: float = 1) -> float | None:
        value = audits[audit].get("numericValue")
        return None if value is None else value / scale

    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    result = {
        "scores": {c: None if score is None else round(100 * score) for c, score in scores.items()},
        "fcp_s": metric("first-contentful-paint", 1000),
        "lcp_s": metric("largest-contentful-paint", 1000),
        "tbt_ms": metric("total-blocking-time"),
        "cls": metric("cumulative-layout-shift"),
        "errors": [f"{a}: {audits[a]['errorMessage']}" for a in audits if audits[a].get("errorMessage")],
        "bytes": sizes,
        "failing": failing_audits(report),
        "diagnostics": {
            "dom_size": audits["dom-size"].get("displayValue", ""),
            "main_thread": audits["mainthread-work-breakdown"].get("displayValue", ""),
            "longest_task": f"{longest['duration']:.0f} ms in {longest['url'].rsplit('/', 1)[-1] or longest['url']}"
            if longest
            else "",
        },
        "loadavg": before,
        "report": str(out),
    }
    summary.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return result


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each figure over the runs, and the failing audits of every run."""
    failing: dict[str, dict[str, int]] = {}
    for run in runs:
        for category, audits in run["failing"].items():
            for audit in audits:
                key = re.sub(r" \(.*\)$", "", audit)
                failing.setdefault(category, {})[key] = failing.setdefault(category, {}).get(key, 0) + 1
    by_perf = sorted(runs, key=lambda r: r["scores"]["performance"] or 0)[len(runs) // 2]

    def med(values: list[float | None]) -> float | None:
        known = [v for v in values if v is not None]
        return statistics.median(known) if known else None

    return {
        "scores": {c: med([r["scores"][c] for r in runs]) for c in CATEGORIES},
        "fcp_s": med([r["fcp_s"] for r in runs]),
        "lcp_s": med([r["lcp_s"] for r in runs]),
        "tbt_ms": med([r["tbt_ms"] for r in runs]),
        "bytes_before_paint": statistics.median(r["bytes"]["total"] for r in runs),
        "in_body_parser_blocking": statistics.median(r["bytes"]["in_body_parser_blocking"] for r in runs),
        "lighthouse_render_blocking": statistics.median(r["bytes"]["lighthouse_render_blocking"] for r in runs),
        "errors": [error for r in runs for error in r.get("errors", [])],
        "failing": failing,
        "median_run_failing": by_perf["failing"],
        "median_run_diagnostics": by_perf["diagnostics"],
        "blocking_urls": by_perf["bytes"]["blocking_urls"],
        "runs": runs,
    }


def shown(value: float | None, spec: str = ".0f", unit: str = "") -> str:
    """A figure as the tables show it; "error" where Lighthouse could not compute it (e.g. NO_LCP)."""
    return "error" if value is None else f"{value:{spec}}{unit}"


def measure_site(
    site_name: str,
    count: int,
    url: str,
    pages: dict[str, str],
    runs: int,
    results: dict[str, Any],
    resume: bool = False,
) -> None:
    """Lighthouse every page of one served site ``runs`` times; adds the medians to ``results``."""
    folder = WORK / "lighthouse" / f"{site_name}-{count}"
    folder.mkdir(parents=True, exist_ok=True)
    for kind, path in pages.items():
        done = [run_lighthouse(url + path, folder / f"{kind}-{i}.json", resume) for i in range(runs)]
        results.setdefault(kind, {}).setdefault(site_name, {})[str(count)] = median_of(done)
        m = results[kind][site_name][str(count)]
        scores = m["scores"]
        print(
            f"{kind:10} {site_name:9} N={count:<5} perf {shown(scores['performance'])} "
            f"a11y {shown(scores['accessibility'])} bp {shown(scores['best-practices'])} "
            f"seo {shown(scores['seo'])} FCP {shown(m['fcp_s'], '.2f', 's')} LCP {shown(m['lcp_s'], '.2f', 's')} "
            f"TBT {shown(m['tbt_ms'], '.0f', 'ms')} bytes {m['bytes_before_paint'] / 1000:.1f} KB  "
            f"(load {done[-1]['loadavg']}){'  errors: ' + '; '.join(m['errors']) if m['errors'] else ''}",
            flush=True,
        )


def measure(counts: list[int], vanilla_counts: list[int], runs: int = RUNS, resume: bool = False) -> dict[str, Any]:
    """Every site and page; the medians per page kind, site and N."""
    results: dict[str, Any] = {}
    loads = [loadavg()]
    for count in counts:
        site = ensure_site(count)
        with serve_production(site, policy(site), f"ours-{count}") as url:
            measure_site("ours", count, url, OUR_PAGES, runs, results, resume)
        loads.append(loadavg())
        copy = Path(pagefind_copy(site, count)["site"])
        for path in OTHER_PAGES.values():
            with_pagefind_ui(copy / path / "index.html")
        with serve_production(copy, policy(copy, list(OTHER_PAGES.values()), wasm=True), f"pagefind-{count}") as url:
            measure_site("pagefind", count, url, OTHER_PAGES, runs, results, resume)
        loads.append(loadavg())
    for count in vanilla_counts:
        vanilla = WORK / f"vanilla-{count}" / "site-vi"
        if not (vanilla / "index.html").exists():
            print(f"No vanilla Material site at {vanilla}: run bench/bench.py first; skipped.", flush=True)
            continue
        with serve_production(vanilla, policy(vanilla, list(OTHER_PAGES.values())), f"vanilla-{count}") as url:
            measure_site("vanilla", count, url, OTHER_PAGES, runs, results, resume)
        loads.append(loadavg())
    return {
        "lighthouse": LIGHTHOUSE_VERSION,
        "runs": runs,
        "counts": counts,
        "vanilla_counts": vanilla_counts,
        "loadavg": loads,
        "pages": results,
    }


METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")  # fmt: skip
"""The audits the performance score is made of."""


def metric_errors(m: dict[str, Any]) -> list[str]:
    """The distinct errors of the metrics (e.g. NO_LCP), which leave a run without a performance score."""
    return sorted({error for error in m["errors"] if error.split(":")[0] in METRICS})


def other_errors(result: dict[str, Any]) -> list[str]:
    """The distinct errors of other audits over every page (diagnostics Lighthouse could not compute)."""
    errors = {
        error.split(":")[0] + ": " + error.split(":", 1)[1].strip()[:70]
        for sites in result["pages"].values()
        for by_n in sites.values()
        for m in by_n.values()
        for error in m["errors"]
        if error.split(":")[0] not in METRICS
    }
    return sorted(errors)


def misses(result: dict[str, Any]) -> list[str]:
    """What misses issue 12's targets at the largest N, and why (the audits that fail)."""
    big = str(max(result["counts"]))
    small = str(min(result["counts"]))
    out = []
    for kind, sites in result["pages"].items():
        for site_name, by_n in sites.items():
            if big not in by_n:
                continue
            m = by_n[big]
            missed = [
                f"{category} {shown(m['scores'][category])} (< {TARGETS[category]})"
                for category in CATEGORIES
                if m["scores"][category] is None or m["scores"][category] < TARGETS[category]
            ]
            if m["fcp_s"] is None or m["fcp_s"] > TARGETS["fcp_s"]:
                missed.append(f"FCP {shown(m['fcp_s'], '.2f', ' s')} (> 1.5 s)")
            if m["lcp_s"] is None or m["lcp_s"] > TARGETS["lcp_s"]:
                missed.append(f"LCP {shown(m['lcp_s'], '.2f', ' s')} (> 2.0 s)")
            if metric_errors(m):
                missed.append(f"Lighthouse could not compute, in some runs: {'; '.join(metric_errors(m))}")
            if small in by_n and m["bytes_before_paint"] > 1.02 * by_n[small]["bytes_before_paint"]:
                missed.append(
                    f"bytes before first paint {by_n[small]['bytes_before_paint'] / 1000:.1f} KB at N={small} → "
                    f"{m['bytes_before_paint'] / 1000:.1f} KB at N={big}"
                )
            if missed:
                runs = len(m["runs"])
                why = "; ".join(
                    f"{category}: "
                    + ", ".join(
                        f"{audit} ({m['failing'][category].get(re.sub(r' [(].*[)]$', '', audit), 0)}/{runs} runs)"
                        for audit in audits
                    )
                    for category, audits in m["median_run_failing"].items()
                )
                blocking = ", ".join(
                    f"{url.rsplit('/', 1)[-1]} {size / 1000:.1f} KB" for url, size in m["blocking_urls"]
                )
                d = m["median_run_diagnostics"]
                out.append(
                    f"- **{kind}, {site_name}, N={big}**: {', '.join(missed)}. Render-blocking besides the document: "
                    f"{blocking or 'none'}; DOM {d['dom_size'] or '?'}; main thread {d['main_thread'] or '?'}; "
                    f"longest task {d['longest_task'] or 'none'}. Failing audits (median run, and in how many runs "
                    f"each failed): {why or 'none'}."
                )
    return out


def markdown(result: dict[str, Any]) -> list[str]:
    """The table page kind × site × N, then the targets missed."""
    lines = [
        f"### Lighthouse {result['lighthouse']} mobile (median of {result['runs']} runs per page)",
        "",
        "Default mobile settings (simulated slow 4G, 4× CPU slowdown), Debian's Chromium headless; every "
        "site served by nginx with deploy/nginx.conf. Bytes before first paint: the document plus the "
        "requests Chromium's trace marks render-blocking (transfer sizes, compressed); in brackets, the "
        "synchronous scripts in the body (ours: at its end, after the content).",
        f"Machine load (1, 5, 15 min) between the sites: {' → '.join(result['loadavg'])}.",
        "",
        "| Page | Site | N | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | "
        "Bytes before first paint |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, sites in result["pages"].items():
        for site_name, by_n in sites.items():
            for count, m in sorted(by_n.items(), key=lambda item: int(item[0])):
                s = m["scores"]
                lines.append(
                    f"| {kind} | {site_name} | {int(count):,} | {shown(s['performance'])} | "
                    f"{shown(s['accessibility'])} | {shown(s['best-practices'])} | {shown(s['seo'])} | "
                    f"{shown(m['fcp_s'], '.2f', ' s')} | {shown(m['lcp_s'], '.2f', ' s')} | "
                    f"{shown(m['tbt_ms'], '.0f', ' ms')} | {m['bytes_before_paint'] / 1000:.1f} KB "
                    f"(+{m['in_body_parser_blocking'] / 1000:.1f} KB) |"
                )
    others = other_errors(result)
    if others:
        lines += [
            "",
            "Diagnostics Lighthouse could not compute on this Chromium (they do not enter the scores): "
            + "; ".join(others)
            + ".",
        ]
    lines += ["", f"#### Targets missed at N={max(result['counts']):,} (issue 12)", ""]
    lines += misses(result) or ["- none"]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[200, 6000], help="sizes of our site")
    parser.add_argument("--vanilla-counts", type=int, nargs="*", default=[200, 2000], help="sizes of vanilla's")
    parser.add_argument("--runs", type=int, default=RUNS, help="Lighthouse runs per page (the median is reported)")
    parser.add_argument("--report-only", action="store_true", help="only write the table of .bench/lighthouse.json")
    parser.add_argument("--resume", action="store_true", help="keep the runs already measured (.summary.json)")
    args = parser.parse_args()
    if args.report_only:
        result = json.loads((WORK / "lighthouse.json").read_text(encoding="utf-8"))
    else:
        result = measure(args.counts, args.vanilla_counts, args.runs, args.resume)
        (WORK / "lighthouse.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    lines = markdown(result)
    (WORK / "lighthouse.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
