"""``procsite new FOLDER``: a new agency's procedures folder, which checks and builds at once in both languages.

The folder is a copy of ``template/``: ``agency.yml`` with obvious placeholders ("Ủy ban nhân dân xã
(tên xã)") that the checker accepts, the registers, one form file, the agency's pages (home, quality
policy and objectives, in Vietnamese and English) and one example procedure, the staff guide's. It is
written beside the target and moved into place in one step, so that a failure leaves nothing half written;
a folder that holds anything is never written into.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from procsite.messages import Count, Msg

TEMPLATE = Path(__file__).parent / "template"
"""The new folder, as it is written (package data: ``pyproject.toml``); ``tests/test_scaffold.py`` checks it."""


class ScaffoldError(Exception):
    """The folder could not be written: why, and how to fix it."""

    def __init__(self, message: Msg, hint: Msg) -> None:
        super().__init__(message.code)
        self.message, self.hint = message, hint

    def render(self, lang: str) -> str:
        """The problem as one line in ``lang``."""
        return f"{self.message.render(lang)} {self.hint.render(lang)}"


def template_files() -> list[Path]:
    """The files of the template, relative to it, sorted."""
    return sorted(
        path.relative_to(TEMPLATE) for path in TEMPLATE.rglob("*") if path.is_file() and "__pycache__" not in path.parts
    )


def write_agency(folder: Path) -> int:
    """Write a new agency's folder at ``folder`` (which must not exist, or be empty); the number of files."""
    example = str(folder.with_name(folder.name + "-2"))
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise ScaffoldError(Msg("new.not_folder", folder=str(folder)), Msg("new.not_folder.hint", example=example))
    if folder.is_dir() and (entries := list(folder.iterdir())):
        raise ScaffoldError(
            Msg("new.not_empty", folder=str(folder), count=Count(len(entries), "item")),
            Msg("new.not_empty.hint", example=example),
        )
    files = template_files()
    staging = folder.with_name(f".{folder.name}.procsite-new-{os.getpid()}")
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()  # with the user's umask, as the folder itself
        for rel in files:
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("xb") as out:
                out.write((TEMPLATE / rel).read_bytes())
        if folder.is_dir():
            folder.rmdir()  # empty, as checked: the new folder takes its place
        staging.rename(folder)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        reason = error.strerror or str(error)
        raise ScaffoldError(Msg("new.failed", folder=str(folder), reason=reason), Msg("new.failed.hint")) from None
    return len(files)
