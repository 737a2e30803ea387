"""The parsed source files of a folder, kept between two reads while the files stay the same.

``serve`` reloads the folder on every save: parsing 2,000 procedure files takes seconds, parsing the
one that changed milliseconds. The cache lives in the process that serves (it is what makes the
preview keep up) and is checked against each file's size and times on every read.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from procsite.model.catalog import Catalog, Untranslated
from procsite.problems import Problem

T = TypeVar("T")

RECENT_SECONDS = 2.0
"""A file changed this recently is read again next time: a second edit within the same tick of
the file system's clock, of the same size, would otherwise look unchanged."""


@dataclass
class _Read:
    """What reading one source file gave and added to its catalog, to give again while it is unchanged."""

    value: Any
    problems: list[Problem]
    warnings: list[Problem]
    codes_seen: dict[str, str]
    untranslated: list[Untranslated]


_FILES: dict[Path, dict[Path, tuple[object, _Read]]] = {}
"""Per folder (the last few read), per source file, what reading it gave, with the file's key."""
_FOLDERS_KEPT = 2


def file_key(path: Path) -> tuple[int, ...] | None:
    """What tells one version of a regular file from another; None for anything else, never cached."""
    try:
        link, info = os.lstat(path), os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or time.time() - info.st_mtime < RECENT_SECONDS:
        return None
    return (
        link.st_ino,
        link.st_mtime_ns,
        link.st_ctime_ns,
        info.st_ino,
        info.st_size,
        info.st_mtime_ns,
        info.st_ctime_ns,
    )


class FileCache:
    """The parsed source files of one folder, reused while their key (size, times) stays the same.

    ``serve`` reloads the folder on every save: parsing 2,000 procedure files takes seconds,
    parsing the one that changed takes milliseconds. Only files read by this load are kept."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.old = _FILES.pop(root, {})
        self.new: dict[Path, tuple[object, _Read]] = {}
        _FILES[root] = self.new
        while len(_FILES) > _FOLDERS_KEPT:
            del _FILES[next(iter(_FILES))]

    def read(self, catalog: Catalog, path: Path, key: tuple[Any, ...] | None, load: Callable[[Catalog], T]) -> T:
        """``load(catalog)``, or what it gave for the same ``key`` last time, with the same problems;
        a ``key`` of None (a file that is not regular, or has just changed) is always read."""
        if key is None:
            return load(catalog)
        cached = self.old.get(path)
        if cached is None or cached[0] != key:
            part = Catalog(root=catalog.root)
            loaded = load(part)
            cached = key, _Read(loaded, part.report.problems, part.report.warnings, part.codes_seen, part.untranslated)
        self.new[path] = cached
        done = cached[1]
        catalog.report.problems += done.problems
        catalog.report.warnings += done.warnings
        catalog.codes_seen.update(done.codes_seen)
        catalog.untranslated += done.untranslated
        value: T = done.value
        return value


def cache_key(*parts: object) -> tuple[object, ...] | None:
    """The parts as a cache key; None when one of them is None (a file that cannot be cached)."""
    return None if any(part is None for part in parts) else parts
