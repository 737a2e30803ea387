"""Reproducers of failed cases, and the counts a run prints."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .mutators import ROOT
from .runner import CHECK_MEMORY, CHECK_SECONDS, FAILURES, CaseResult

SAVE = ROOT / "test-output" / "fuzz"


def save_reproducer(save: Path, seed: int, result: CaseResult, root: Path, build: bool = False) -> Path:
    """Write ``save/<class>/<seed>-<case>/``: the mutated file, what changed, the output, and
    ``repro.sh`` that recreates the folder and runs the command again."""
    case = save / result.failures[0][0] / f"{seed}-{result.index}"
    shutil.rmtree(case, ignore_errors=True)
    case.mkdir(parents=True)
    mutation = result.mutation
    source = root / mutation.path
    kept = re.sub(r"[^\w.-]", "_", Path(mutation.path).name) or "file"
    if not os.path.lexists(source):
        note = "the mutated path no longer exists (renamed or deleted)"
    elif source.is_symlink():
        note = f"a symlink to {os.readlink(source)}"
    elif stat.S_ISREG(source.lstat().st_mode) and source.stat().st_size <= 4 << 20:
        shutil.copyfile(source, case / kept)
        note = f"saved as {kept}"
    else:
        note = "a FIFO, a folder or a file too big to keep" + f" ({source.lstat().st_size} bytes)"
    folder = f"/tmp/fuzz-{seed}-{result.index}"
    command = "build --procedures {0}/procedures --site {0}/site" if build else "check --procedures {0}/procedures"
    script = (
        "#!/bin/sh\n# Recreates the case's procedures folder, then runs the command that failed.\nset -e\n"
        f"cd {shlex.quote(str(ROOT))}\nrm -rf {folder}\n"
        f".venv/bin/python -m tests.fuzz --seed {seed} --replay {result.index} --keep {folder}\n"
        f".venv/bin/python -m procsite {command.format(folder)}\n"
    )
    (case / "repro.sh").write_text(script)
    (case / "repro.sh").chmod(0o755)
    lines = [
        f"case: {seed}-{result.index} ({'build' if build else 'check'})",
        f"mutator: {mutation.mutator}:{mutation.variant}",
        f"file: {mutation.path!r} ({note})",
        f"change: {mutation.change}",
        f"exit after {result.seconds:.1f} s, max RSS {result.max_rss_kb // 1024} MB",
        "failures:",
        *[f"  {name}: {detail}" for name, detail in result.failures],
        "stdout:",
        result.stdout,
        "stderr:",
        result.stderr,
    ]
    (case / "case.txt").write_text("\n".join(lines) + "\n", errors="backslashreplace")
    return case


@dataclass
class Summary:
    """Counts of a run: outcomes, failure classes, per mutator, builds."""

    seed: int
    results: list[CaseResult] = field(default_factory=list)
    builds: list[CaseResult] = field(default_factory=list)
    seconds: float = 0.0

    def failures(self) -> Counter[str]:
        """Cases per failure class (a case with two classes counts in both)."""
        counts: Counter[str] = Counter()
        for result in self.results + self.builds:
            counts.update({name for name, _ in result.failures})
        return counts

    def failed(self) -> list[CaseResult]:
        """Every failed check or build."""
        return [r for r in self.results + self.builds if r.failures]

    def text(self, examples: int = 3) -> str:
        """The report ``make fuzz`` prints."""
        outcomes = Counter(r.outcome for r in self.results)
        lines = [
            f"Fuzz: {len(self.results)} cases (seed {self.seed}) in {self.seconds:.0f} s: "
            f"{outcomes['ok']} accepted, {outcomes['refused']} refused with every message at file:line, "
            f"{outcomes['failed']} failed; {len(self.builds)} accepted cases built, "
            f"{sum(1 for b in self.builds if b.failures)} of them failed.",
            f"Slowest check {max((r.seconds for r in self.results), default=0):.1f} s (limit {CHECK_SECONDS:.0f} s), "
            f"largest {max((r.max_rss_kb for r in self.results), default=0) // 1024} MB resident "
            f"(address space limit {CHECK_MEMORY >> 20} MB).",
            "",
            "Failures (cases):",
        ]
        counts = self.failures()
        lines += [f"  {name:<14} {counts[name]}" for name in FAILURES]
        lines += ["", f"  {'mutator':<18} {'cases':>6} {'ok':>6} {'refused':>8} {'failed':>7} {'built':>6}"]
        families = sorted({r.mutation.mutator for r in self.results})
        for family in families:
            mine = [r for r in self.results if r.mutation.mutator == family]
            count = Counter(r.outcome for r in mine)
            built = sum(1 for b in self.builds if b.mutation.mutator == family)
            lines.append(
                f"  {family:<18} {len(mine):>6} {count['ok']:>6} {count['refused']:>8} {count['failed']:>7} {built:>6}"
            )
        by_class: dict[str, list[tuple[CaseResult, str]]] = {}
        for result in self.failed():
            for name, detail in dict(reversed(result.failures)).items():  # the first detail of each class
                by_class.setdefault(name, []).append((result, detail))
        for name in FAILURES:
            if name in by_class:
                lines += ["", f"{name} ({len(by_class[name])}):"]
                for result, detail in by_class[name][:examples]:
                    lines.append(f"  {self.seed}-{result.index} {result.mutation}"[:300])
                    lines.append(f"      {detail}"[:300])
        return "\n".join(lines)
