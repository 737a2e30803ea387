"""Which files of a procedures folder are sources, and reading them without trusting them.

Every file under the folder is accounted for: a register, a procedure, its English text, a
form, a page of the agency (``pages/``), its logo, or reported (a file that is not read is said so,
never silently skipped). Only regular files inside the folder are read, after resolving symbolic
links, and never more than a limit: a named pipe, a device, or a link to ``/dev/zero`` or to
``/etc/passwd`` cannot stall the checker, fill the memory or reach the site.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from procsite.folding import fold
from procsite.messages import Msg, Num
from procsite.problems import Report

REGISTERS = ("agency", "units", "fields", "forms")
OPTIONAL_REGISTERS = ("everyday", "objectives", "documents", "system")
"""Registers an agency may add: ``everyday.yml``, the everyday names of its procedures (for search), and its
quality system's: ``objectives.yml`` (objectives and their figures), ``documents.yml`` (controlled documents),
``system.yml`` (the standard, the announcement, the ISO secretary)."""
FORMS_FOLDER = "forms"
PAGES_FOLDER = "pages"
"""The agency's own pages, ``pages/vi/…`` and ``pages/en/…`` (read and checked by ``agency_pages.py``)."""
PICTURES = (".png", ".jpg", ".jpeg", ".webp", ".svg", ".gif", ".bmp", ".ico")
"""Pictures at the top of the folder: the logo ``agency.yml`` names, or reported as not published."""
IGNORED = {"readme.md", ".gitignore", ".gitattributes", ".ds_store", "thumbs.db", "desktop.ini"}
"""Files that may sit in a procedures folder and are not sources (lower-case names)."""

MAX_SOURCE_BYTES = 200_000
"""A procedure file is a few kilobytes and a register a few dozen; more is a paste gone wrong."""

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A file name or register id: it is the page's address, typed from a printed QR code or a link."""
RESERVED = {"index"}
"""Names that would overwrite a page the build writes itself (``thu-tuc/index`` is the catalogue)."""


@dataclass
class SourceTree:
    """The files of a procedures folder, by role; paths are absolute, sorted."""

    root: Path
    registers: dict[str, Path] = field(default_factory=dict)
    procedures: list[Path] = field(default_factory=list)
    english: list[Path] = field(default_factory=list)
    forms: list[Path] = field(default_factory=list)
    """Every entry of the forms folder (files, links, anything), to check against forms.yml."""
    pages: list[Path] = field(default_factory=list)
    """Every file of the pages folder (``pages/``), to read as the agency's pages or report."""
    images: list[Path] = field(default_factory=list)
    """Pictures at the top of the folder: the logo, or reported once ``agency.yml`` is read."""

    def rel(self, path: Path) -> str:
        """A path as messages show it: from the procedures folder's name."""
        return str(Path(self.root.name) / path.relative_to(self.root))


def suggested_name(name: str) -> str:
    """The address-safe name closest to ``name``: "Đăng Ký#2" → "dang-ky-2"."""
    words = re.findall(r"[a-z0-9]+", fold(name))
    return "-".join(words) or "thu-tuc"


def name_problem(name: str) -> str | None:
    """Why ``name`` (a file name without .md, or a register id) cannot be an address; None when it can."""
    if not NAME.fullmatch(name):
        return "received"
    if name in RESERVED:
        return "reserved"
    return None


def walk(root: Path, report: Report) -> SourceTree:
    """Sort every entry under ``root`` into its role; report what is not read and why."""
    tree = SourceTree(root)
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # .git, .vscode: not ours
        in_forms = here == root / FORMS_FOLDER or (root / FORMS_FOLDER) in here.parents
        in_pages = here == root / PAGES_FOLDER or (root / PAGES_FOLDER) in here.parents
        for name in dirs:
            path = here / name
            if in_forms:
                tree.forms.append(path)
            elif name.lower().endswith((".md", ".yml", ".yaml")):
                report.add(tree.rel(path), 1, "", Msg("file.folder_named_source"), Msg("file.folder_named_source.hint"))
            elif path.is_symlink():
                message, hint = Msg("file.folder_link"), Msg("file.folder_link.hint")
                report.warn("source.not_read", tree.rel(path), 1, "", message, hint)
        for name in sorted(files):
            _sort(tree, here / name, in_forms, in_pages, report)
    for found in (tree.procedures, tree.english, tree.forms, tree.pages, tree.images):
        found.sort()
    return tree


def _sort(tree: SourceTree, path: Path, in_forms: bool, in_pages: bool, report: Report) -> None:
    name = path.name
    if in_forms:
        tree.forms.append(path)
        return
    if path.parent == tree.root and name.endswith(".yml") and name[:-4] in (*REGISTERS, *OPTIONAL_REGISTERS):
        tree.registers[name[:-4]] = path
        return
    lower = name.lower()
    if lower in IGNORED or (name.startswith(".") and not lower.endswith(".md")):
        return
    if in_pages:
        tree.pages.append(path)
        return
    if path.parent == tree.root and lower.endswith(PICTURES):
        tree.images.append(path)
        return
    if name.endswith(".en.md"):
        tree.english.append(path)
    elif name.endswith(".md"):
        tree.procedures.append(path)
    else:
        hint = Msg(
            "file.not_source.hint_md" if lower.endswith((".md", ".markdown", ".mdown")) else "file.not_source.hint"
        )
        report.warn("source.not_read", tree.rel(path), 1, "", Msg("file.not_source"), hint)


def _kind(mode: int) -> Msg:
    if stat.S_ISDIR(mode):
        return Msg("kind.folder")
    if stat.S_ISFIFO(mode):
        return Msg("kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Msg("kind.device")
    if stat.S_ISSOCK(mode):
        return Msg("kind.socket")
    return Msg("kind.special")


@dataclass(frozen=True)
class NotReadable:
    """Why a path is not read: the message and how to fix it."""

    message: Msg
    hint: Msg


def regular_file(path: Path, inside: Path) -> tuple[Path, int] | NotReadable:
    """The real path and size of ``path`` when it is a regular file inside the folder ``inside``
    once symbolic links are resolved; otherwise why not."""
    try:
        if path.is_symlink():
            target = Path(os.readlink(path))
            try:
                real = path.resolve()
            except RuntimeError:  # a loop of links: Python 3.11 raises this rather than OSError(ELOOP)
                return NotReadable(Msg("file.link_loop", target=str(target)), Msg("file.dangling.hint"))
            if not real.exists():
                return NotReadable(Msg("file.dangling", target=str(target)), Msg("file.dangling.hint"))
            if not real.is_relative_to(inside.resolve()):
                return NotReadable(
                    Msg("file.outside", folder=inside.name, target=str(target)), Msg("file.outside.hint")
                )
        else:
            real = path
        info = os.stat(real)
    except OSError as error:
        return _unreadable(error)
    if not stat.S_ISREG(info.st_mode):
        return NotReadable(Msg("file.not_regular", kind=_kind(info.st_mode)), Msg("file.not_regular.hint"))
    return real, info.st_size


@dataclass(frozen=True)
class PublishedFileRules:
    """What a file the site publishes as it is (a form, the logo) must be, and what to say when it is not."""

    limit: int
    """The largest size, in bytes."""
    missing: NotReadable
    empty: NotReadable
    too_big: Callable[[int], NotReadable]
    """Said of a file of that many bytes."""


def published_file(path: Path, inside: Path, rules: PublishedFileRules) -> tuple[Path, int] | NotReadable:
    """The real path and size of a file to publish: there, a regular file inside ``inside`` once links are
    resolved, neither empty nor over the limit; otherwise why not, in the words of ``rules``."""
    if not path.exists() and not path.is_symlink():
        return rules.missing
    found = regular_file(path, inside)
    if isinstance(found, NotReadable):
        return found
    size = found[1]
    if size == 0:
        return rules.empty
    if size > rules.limit:
        return rules.too_big(size)
    return found


def read_limited(path: Path, limit: int) -> bytes | NotReadable:
    """At most ``limit`` + 1 bytes of a regular file, opened without blocking (a file swapped
    for a pipe after it was checked is still not waited on)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        return _unreadable(error)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return NotReadable(Msg("file.not_regular", kind=Msg("kind.special")), Msg("file.not_regular.hint"))
        return handle.read(limit + 1)


def read_source(path: Path, root: Path, limit: int = MAX_SOURCE_BYTES) -> bytes | NotReadable:
    """The bytes of a source file under ``root``, or why it is not read (not a regular file
    inside the folder, or bigger than ``limit``)."""
    found = regular_file(path, root)
    if isinstance(found, NotReadable):
        return found
    real, size = found
    if size > limit:
        return _too_big(size, limit)
    data = read_limited(real, limit)
    if not isinstance(data, NotReadable) and len(data) > limit:
        return _too_big(len(data), limit, grown=True)
    return data


def _too_big(size: int, limit: int, grown: bool = False) -> NotReadable:
    message = (
        Msg("file.grew", limit=Num(limit // 1000))
        if grown
        else Msg("file.too_big", limit=Num(limit // 1000), size=Num(size // 1000))
    )
    return NotReadable(message, Msg("file.too_big.hint"))


def _unreadable(error: OSError) -> NotReadable:
    return NotReadable(Msg("file.unreadable", reason=str(error.strerror or error)), Msg("file.unreadable.hint"))
