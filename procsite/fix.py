"""``procsite fix``: rewrite the source files of a procedures folder in canonical form.

What the check refuses as a BOM, CR LF line endings, decomposed letters or Word-paste characters
(see ``canonical.py``), the fixer rewrites; it also converts a UTF-16 file that has a byte order
mark. It never guesses a legacy Vietnamese encoding: such a file is left as it was and reported.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .canonical import BOM, Unreadable, canonical, changes, decode, to_lf
from .problems import Problem

SOURCES = (".md", ".yml", ".yaml")
"""The files staff write: procedures, their English texts, and the registers."""


@dataclass
class FixReport:
    """What ``fix_folder`` did: a line per rewritten file, a problem per file it could not fix."""

    fixed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    clean: int = 0
    no_folder: bool = False

    def summary(self) -> str:
        """The last line printed: how many files were fixed, and whether some are left."""
        fixed = len(self.fixed)
        if self.no_folder:
            return "Nothing was fixed."
        if self.problems:
            count = len(self.problems)
            left = "was left as it was" if count == 1 else "were left as they were"
            return f"Fixed {_files(fixed)}; {_files(count)} could not be fixed (see why above) and {left}."
        if not fixed:
            if not self.clean:
                return "Nothing to fix: there is no source file (.md, .yml, .yaml) in this folder."
            return f"Nothing to fix: every source file ({self.clean}) is already clean."
        return f"Fixed {_files(fixed)}" + ("; the others were already clean." if self.clean else ".")


def _files(count: int) -> str:
    return f"{count} file" + ("s" if count != 1 else "")


def fix_folder(root: Path) -> FixReport:
    """Rewrite every source file under ``root`` that is not canonical; files already clean are not touched."""
    report = FixReport()
    if not root.is_dir():
        report.no_folder = True
        report.problems.append(
            Problem(
                str(root),
                0,
                "",
                "expected a procedures folder, but received: no such folder.",
                "Set PROCEDURES to a folder that holds agency.yml, units.yml, fields.yml, forms.yml.",
            )
        )
        return report
    for path in sorted(p for p in root.rglob("*") if p.suffix.lower() in SOURCES and p.is_file()):
        rel = str(Path(root.name) / path.relative_to(root))
        done = fix_file(path)
        if isinstance(done, Unreadable):
            report.problems.append(Problem(rel, done.line, "", done.message, done.hint))
        elif done:
            report.fixed.append(f"{rel}: " + "; ".join(done))
        else:
            report.clean += 1
    return report


def fix_file(path: Path) -> list[str] | Unreadable:
    """Rewrite one file in canonical form; what was changed (empty: it was clean), or why it was not."""
    data = path.read_bytes()
    text = decode(data, convert_utf16=True)
    if isinstance(text, Unreadable):
        return text
    fixed = canonical(to_lf(text.removeprefix(BOM))).encode("utf-8")
    if fixed == data:
        return []
    done = changes(text)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        done.insert(0, "converted from UTF-16 to UTF-8")
    try:
        _replace(path.resolve(), fixed)
    except OSError as error:
        return Unreadable(
            0,
            f"expected a file that can be rewritten, but received: {error.strerror or error}.",
            "Close it in other programs, check that it is not read-only, and run the command again.",
        )
    return done


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file in its folder), keeping its permissions."""
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
