"""A run: the cases in parallel worker processes, then builds of a share of the accepted ones."""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .report import Summary
from .runner import CaseResult, run_case
from .site import build_case


def select_builds(results: list[CaseResult], budget: int) -> list[CaseResult]:
    """Accepted cases to build: one per mutator variant first, then round-robin over mutators."""
    accepted = sorted((r for r in results if r.outcome == "ok"), key=lambda r: r.index)
    chosen: dict[int, CaseResult] = {}
    seen: set[tuple[str, str]] = set()
    for result in accepted:
        key = (result.mutation.mutator, result.mutation.variant)
        if key not in seen:
            seen.add(key)
            chosen[result.index] = result
    families: dict[str, list[CaseResult]] = {}
    for result in accepted:
        if result.index not in chosen:
            families.setdefault(result.mutation.mutator, []).append(result)
    while any(families.values()):
        for family in sorted(families):
            if families[family]:
                result = families[family].pop(0)
                chosen[result.index] = result
    return sorted(list(chosen.values())[:budget], key=lambda r: r.index)


def run_all(
    cases: int,
    seed: int = 1,
    workers: int = 2,
    builds: int = 150,
    save: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> Summary:
    """Run ``cases`` cases of ``seed`` and build up to ``builds`` of the accepted ones."""
    started = time.monotonic()
    if save is not None:
        shutil.rmtree(save, ignore_errors=True)
    summary = Summary(seed)
    # forkserver: a worker never inherits the threads of the process that starts it (pytest's, for one).
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = [pool.submit(run_case, seed, index, save) for index in range(cases)]
        for done, future in enumerate(as_completed(futures), start=1):
            summary.results.append(future.result())
            if progress and (done % 100 == 0 or done == cases):
                failed = sum(1 for r in summary.results if r.failures)
                progress(f"  checked {done}/{cases} cases, {failed} failed, {time.monotonic() - started:.0f} s")
        summary.results.sort(key=lambda r: r.index)
        chosen = select_builds(summary.results, builds)
        futures = [pool.submit(build_case, seed, r.index, r.pages, save) for r in chosen]
        for done, future in enumerate(as_completed(futures), start=1):
            summary.builds.append(future.result())
            if progress and (done % 25 == 0 or done == len(chosen)):
                failed = sum(1 for b in summary.builds if b.failures)
                progress(f"  built {done}/{len(chosen)} accepted cases, {failed} failed")
        summary.builds.sort(key=lambda r: r.index)
    summary.seconds = time.monotonic() - started
    return summary


def stderr_progress(line: str) -> None:
    """Progress lines, on stderr so that the report on stdout stays clean."""
    print(line, file=sys.stderr, flush=True)
