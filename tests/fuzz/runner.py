"""Run ``procsite check`` on a case in a bounded subprocess and classify what it did."""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .cases import materialize
from .mutators import ROOT, Mutation
from .probe import procedure_entries

CHECK_SECONDS = 10.0
CHECK_MEMORY = 1536 << 20
"""Address space of one check: ample for a folder of procedures, far below the machine's."""
OUTPUT_BYTES = 1 << 20
"""Output kept from a run (stdout and stderr each); a longer output is cut."""
FILE_BYTES = 256 << 20
"""Largest file a run may write (RLIMIT_FSIZE); beyond it the kernel stops the process."""

FAILURES = (
    "traceback",
    "hang",
    "crash",
    "no-location",
    "bad-location",
    "silent-drop",
    "escape-chars",
    "probe-error",
    "build-failed",
    "build-hang",
    "broken-link",
    "missing-page",
    "unsafe-html",
)
"""Failure classes, in the order a case is filed under (its first)."""

_LOCATION = re.compile(r"^(?P<path>procedures(?:/.*?)?):(?P<line>[0-9]+): \S")
_SUMMARY = re.compile(r"[0-9]+")
"""The count in the summary line ("3 problems found; …", "Có 3 lỗi; …"): the messages may be in either language."""
_PROCEDURES = re.compile(r"^[^:\n]+: (?P<count>[0-9]+) ")
"""The first line of an accepted check: "Procedures: 21 in …", "Thủ tục: 21 thủ tục trong …"."""
_ESCAPES = {b"\x1b": "ESC", b"\x00": "NUL", "\u202e".encode(): "U+202E"}


@dataclass
class Run:
    """What a bounded subprocess did."""

    command: list[str]
    returncode: int | None
    """None when it was killed at its time limit."""
    stdout: bytes
    stderr: bytes
    seconds: float
    max_rss_kb: int

    @property
    def output(self) -> bytes:
        return self.stdout + self.stderr


def _limit(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_BYTES, FILE_BYTES))


def run_limited(command: list[str], seconds: float, memory: int, cwd: Path = ROOT) -> Run:
    """Run ``command`` in its own process group with a time and memory limit; never waits longer.

    At the time limit the whole group (with any process it forked) is killed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PROCEDURES", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
            preexec_fn=lambda: _limit(memory),
        )
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > seconds:
                timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        process.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.monotonic() - started
        with contextlib.suppress(ProcessLookupError, PermissionError):  # what the command forked and left
            os.killpg(process.pid, signal.SIGKILL)
        out.seek(0)
        err.seek(0)
        return Run(
            command,
            None if timed_out else process.returncode,
            out.read(OUTPUT_BYTES),
            err.read(OUTPUT_BYTES),
            elapsed,
            usage.ru_maxrss,
        )


def check_command(root: Path) -> list[str]:
    """The command a case runs, as a user would."""
    return [sys.executable, "-m", "procsite", "check", "--procedures", str(root)]


def _line_count(path: Path) -> int | None:
    """Lines of a regular file (LF, CR LF or a lone CR ends a line); None for anything else."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None
    if not stat.S_ISREG(mode) or path.stat().st_size > 64 << 20:
        return None
    data = path.read_bytes()
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + 1


def process_failures(run: Run, what: str = "check") -> list[tuple[str, str]]:
    """Hang, crash, traceback and terminal escapes: failures of any run of the program."""
    if run.returncode is None:
        return [("hang" if what == "check" else f"{what}-hang", f"{what}: killed after {run.seconds:.1f} s")]
    text = run.output
    if run.returncode < 0 or b"MemoryError" in text or b"Fatal Python error" in text:
        detail = f"signal {-run.returncode}" if run.returncode < 0 else _last_lines(text)
        return [("crash", f"{what}: {detail} (max RSS {run.max_rss_kb // 1024} MB)")]
    if b"Traceback" in text or run.returncode not in (0, 1):
        return [("traceback", f"{what}: exit {run.returncode}: {_last_lines(text)}")]
    escapes = [name for raw, name in _ESCAPES.items() if raw in text]
    return [("escape-chars", f"{what}: raw {', '.join(escapes)} in the output")] if escapes else []


def _last_lines(text: bytes, count: int = 3) -> str:
    lines = [line for line in text.decode("utf-8", "replace").splitlines() if line.strip()]
    return " | ".join(lines[-count:])[:400]


def _unescaped(path: str) -> str:
    """A path as the file system has it: messages show control characters in names escaped (``\\n``)."""
    if "\\" not in path:
        return path
    try:
        return path.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except UnicodeDecodeError:
        return path


def message_failures(stderr: str, root: Path) -> list[tuple[str, str]]:
    """Each message of a refusal must start ``procedures/<file>:<line ≥ 1>: `` at a line of that file,
    and the summary must count them."""
    lines = stderr.split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    summary = _SUMMARY.search(lines[-1]) if lines and not _LOCATION.match(lines[-1]) else None
    if summary is None or len(lines) < 3 or lines[-2] != "":
        return [("no-location", f"no summary line after a blank line: {stderr[-200:]!r}")]
    messages = lines[:-2]
    failures = []
    if int(summary[0]) != len(messages):
        failures.append(("no-location", f"the summary counts {summary[0]}, the output has {len(messages)} lines"))
    for message in messages:
        match = _LOCATION.match(message)
        if match is None or int(match["line"]) < 1:
            failures.append(("no-location", message[:300]))
            continue
        path = root.parent / _unescaped(match["path"])
        if not os.path.lexists(path):  # a file reported missing is reported at its first line
            if int(match["line"]) != 1:
                failures.append(("bad-location", f"no such file: {message[:300]}"))
            continue
        count = _line_count(path)
        if count is not None and int(match["line"]) > count:
            failures.append(("bad-location", f"the file has {count} lines: {message[:300]}"))
    return failures


def probe_command(root: Path) -> list[str]:
    """The command that looks for silent drops in an accepted folder."""
    return [sys.executable, "-m", "tests.fuzz.probe", str(root)]


@dataclass
class CaseResult:
    """The outcome of one case: ok (accepted), refused (exit 1, every message located) or failed."""

    index: int
    mutation: Mutation
    outcome: str
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    max_rss_kb: int = 0
    stdout: str = ""
    stderr: str = ""
    pages: dict[str, object] = field(default_factory=dict)
    """For an accepted case, what its build must produce (from the probe)."""


def classify(run: Run, root: Path) -> tuple[list[tuple[str, str]], dict[str, object]]:
    """The failures of a check run on ``root``, and (when accepted) the pages its build must produce."""
    failures = process_failures(run)
    if failures and failures[0][0] != "escape-chars":
        return failures, {}
    stdout, stderr = (part.decode("utf-8", "replace") for part in (run.stdout, run.stderr))
    if run.returncode == 1:
        return failures + message_failures(stderr, root), {}
    entries = procedure_entries(root)
    counted = _PROCEDURES.match(stdout)
    if counted is None:
        return [*failures, ("silent-drop", f"no procedure count in the output: {stdout[:200]!r}")], {}
    if int(counted["count"]) < len(entries):
        failures.append(("silent-drop", f"{counted['count']} procedures published of {len(entries)} files"))
    probe = run_limited(probe_command(root), CHECK_SECONDS * 3, CHECK_MEMORY * 2)
    if probe.returncode != 0:
        return [*failures, ("probe-error", _last_lines(probe.output) or f"exit {probe.returncode}")], {}
    found = json.loads(probe.stdout)
    failures += [("silent-drop", drop) for drop in found.pop("drops")]
    return failures, found


def run_case(seed: int, index: int, save: Path | None = None) -> CaseResult:
    """Materialize case ``index`` of ``seed`` in a temporary folder, check it and classify the run."""
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{index}-") as parent:
        root, mutation = materialize(seed, index, Path(parent))
        run = run_limited(check_command(root), CHECK_SECONDS, CHECK_MEMORY)
        failures, pages = classify(run, root)
        outcome = "failed" if failures else "ok" if run.returncode == 0 else "refused"
        result = CaseResult(index, mutation, outcome, failures, run.seconds, run.max_rss_kb, pages=pages)
        result.stdout = run.stdout.decode("utf-8", "replace")[:4000].replace(parent, "$CASE")
        result.stderr = run.stderr.decode("utf-8", "replace")[-4000:].replace(parent, "$CASE")
        if failures and save is not None:
            from .report import save_reproducer

            save_reproducer(save, seed, result, root)
        return result
