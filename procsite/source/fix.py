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

from procsite.messages import DEFAULT_LANGUAGE, Count, Msg
from procsite.problems import Problem, Report
from procsite.source.canonical import BOM, Unreadable, canonical, changes, decode, to_lf
from procsite.source.files import NotReadable, read_source, walk


@dataclass
class FixReport:
    """What ``fix_folder`` did: what changed per rewritten file, a problem per file it could not fix."""

    fixed: list[tuple[str, list[Msg]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    clean: int = 0
    no_folder: bool = False

    def fixed_lines(self, lang: str = DEFAULT_LANGUAGE) -> list[str]:
        """A line per rewritten file: its path and what was changed, in ``lang``."""
        return [f"{rel}: " + "; ".join(change.render(lang) for change in done) for rel, done in self.fixed]

    def summary(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The last line printed: how many files were fixed, and whether some are left."""
        fixed = Count(len(self.fixed), "file")
        if self.no_folder:
            return Msg("fix.nothing_fixed").render(lang)
        if self.problems:
            left = Msg("fix.not_fixed", count=Count(len(self.problems), "file")).render(lang)
            return Msg("fix.fixed", count=fixed).render(lang)[:-1] + "; " + left
        if not self.fixed:
            return Msg("fix.nothing", count=self.clean).render(lang)
        return Msg("fix.fixed_others_clean" if self.clean else "fix.fixed", count=fixed).render(lang)


def fix_folder(root: Path) -> FixReport:
    """Rewrite every source file under ``root`` that is not canonical; files already clean are not touched."""
    report = FixReport()
    if not root.is_dir():
        report.no_folder = True
        report.problems.append(Problem(str(root), 0, "", Msg("folder.missing"), Msg("folder.missing.hint")))
        return report
    tree = walk(root, Report())
    pages = [path for path in tree.pages if path.suffix == ".md"]  # the agency's pages are sources too
    for path in sorted([*tree.registers.values(), *tree.procedures, *tree.english, *pages]):
        rel = tree.rel(path)
        done = fix_file(path, root)
        if isinstance(done, Unreadable):
            report.problems.append(Problem(rel, max(done.line, 1), "", done.message, done.hint))
        elif done:
            report.fixed.append((rel, done))
        else:
            report.clean += 1
    return report


def fix_file(path: Path, root: Path) -> list[Msg] | Unreadable:
    """Rewrite one file in canonical form; what was changed (empty: it was clean), or why it was not."""
    data = read_source(path, root)
    if isinstance(data, NotReadable):
        return Unreadable(1, data.message, data.hint)
    text = decode(data, convert_utf16=True)
    if isinstance(text, Unreadable):
        return text
    fixed = canonical(to_lf(text.removeprefix(BOM))).encode("utf-8")
    if fixed == data:
        return []
    done = changes(text)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        done.insert(0, Msg("fix.utf16"))
    try:
        _replace(path.resolve(), fixed)
    except OSError as error:
        reason = str(error.strerror or error)
        return Unreadable(1, Msg("fix.unwritable", reason=reason), Msg("fix.unwritable.hint"))
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
