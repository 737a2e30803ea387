"""The output folder of ``procsite build``: which folder may be replaced, and how it is replaced.

A build never writes into the published folder (``--site``). It builds in a staging folder
``.<site>-new-*`` beside it, then publishes with one atomic exchange of the two folders, so a
reader (nginx, ``procsite csp``) always finds a whole site, old or new, at the same path; the
old site then sits in the staging folder, which is removed. ``--site`` stays a real folder:
nginx's ``root``, the tests and any tool reading it need nothing new.

Why an exchange and not a symbolic link switched onto a versioned folder: both publish in one
step, but the exchange leaves nothing beside the site between builds (no ``.site-builds/``)
and needs no migration of sites already deployed as folders. It is Linux's
``renameat2(RENAME_EXCHANGE)``; where it is missing (other systems, some network file
systems) publishing falls back to two renames, with a moment of a few microseconds without a
site.

Only an empty folder or a site an earlier build wrote (its ``.procsite-site`` marker says so)
is ever replaced, and never the procedures folder or a folder holding the project. A build
stopped by SIGTERM or SIGINT ends its workers and removes its staging folder (``stop_on_signals``).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import glob
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import IO

from procsite.messages import Msg

MARKER = ".procsite-site"
"""A file at the root of every site (and staging folder) a build writes: the proof that it may be replaced."""

SITE_NOTE = (
    "This folder was written by `procsite build`. The next build replaces it as a whole:\n"
    "keep nothing else here. This file tells procsite that the folder is its own.\n"
)
STAGING_NOTE = (
    "A build of procsite in progress, or one that was stopped; the next build removes this folder.\n"
    "This file tells procsite that the folder is its own.\n"
)


class SiteFolderError(Exception):
    """A ``--site`` folder that must not be replaced; ``message`` says why and what to do."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render("en"))
        self.message = message


def _refusal(shown: str, expected: str, received: str, writer: str = "site") -> SiteFolderError:
    """Why ``shown`` must not be replaced; the words of ``writer`` (a build's ``site``, or ``render``)
    for what is refused and for the folders it wrote, the common words for the rest."""
    return SiteFolderError(
        Msg(
            f"{writer}.refused",
            shown=shown,
            expected=Msg(f"{writer if expected == 'ours' else 'site'}.expected.{expected}"),
            received=Msg(f"site.received.{received}"),
        )
    )


def is_our_site(folder: Path) -> bool:
    """Whether ``folder`` is a site a build wrote: with the marker, or from before the marker existed."""
    if (folder / MARKER).is_file():
        return True
    # Sites published before the marker existed (e.g. /srv/procsite/site) are recognised by files
    # only a procsite build writes, so that upgrading does not refuse every deployed site.
    return (folder / "search" / "procsite_search.js").is_file() and (folder / "404.html").is_file()


def check_site(
    site: Path,
    procedures: Path,
    project: Path | None = None,
    ours: Callable[[Path], bool] = is_our_site,
    writer: str = "site",
) -> Path:
    """The resolved ``site``, or a SiteFolderError when a build must not replace it.

    Refused: the procedures folder, a folder inside it or holding it, the ``project`` folder
    (default: the current one) or a folder holding it, a file, and any non-empty folder that is
    not ``ours`` (by default, a site a build wrote). ``procsite render`` checks its ``--out`` folder
    the same way, with its own marker and words (``writer``).
    """
    shown = str(site)
    target = site.resolve()
    sources = procedures.resolve()
    here = (project or Path.cwd()).resolve()
    if target == sources:
        raise _refusal(shown, "apart", "procedures", writer)
    if target.is_relative_to(sources):
        raise _refusal(shown, "apart", "inside_procedures", writer)
    if sources.is_relative_to(target):
        raise _refusal(shown, "apart", "holds_procedures", writer)
    if here.is_relative_to(target):
        raise _refusal(shown, "apart", "project", writer)
    if target.exists() and not target.is_dir():
        raise _refusal(shown, "folder", "file", writer)
    if target.is_dir() and any(target.iterdir()) and not ours(target):
        raise _refusal(shown, "ours", "other_files", writer)
    return target


def _lock(marker: IO[str]) -> bool:
    """Lock the open ``marker`` for this build; False when another build holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock, a concurrent build's clean-up may remove a staging folder
        return True
    try:
        fcntl.flock(marker.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _stale(folder: Path) -> bool:
    """Whether ``folder`` (named like a staging folder) is ours and no running build uses it."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    marker = folder / MARKER
    if marker.is_file():
        with marker.open("a", encoding="utf-8") as opened:
            return _lock(opened)
    # Empty: a build stopped before it wrote its marker; a site: staging of a build before markers.
    return not any(folder.iterdir()) or is_our_site(folder)


def clean_stale(site: Path) -> list[Path]:
    """Remove what stopped builds left beside ``site``; the folders removed.

    Only folders named like our staging folders and that are ours (marker, empty, or an old
    site) are removed, and never one a running build holds.
    """
    name = glob.escape(site.name)
    # ".<site>-old" is what builds before the exchange left when stopped in the middle of their swap.
    candidates = [*site.parent.glob(f".{name}-new-*"), *site.parent.glob(f".{name}-old")]
    removed = [folder for folder in sorted(candidates) if _stale(folder)]
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    return removed


@contextlib.contextmanager
def staging(site: Path) -> Iterator[Path]:
    """A fresh staging folder beside ``site``; yields where to build the new site (not yet created).

    The staging folder is removed on leaving, whatever happened: after ``publish`` it holds the
    old site. It is on the same file system as ``site``, which the atomic exchange needs.
    """
    site.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    try:
        with (folder / MARKER).open("w", encoding="utf-8") as marker:
            marker.write(STAGING_NOTE)
            marker.flush()
            _lock(marker)  # held while the file is open, so a concurrent build leaves this folder alone
            yield folder / site.name
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one system call; False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # a C library older than glibc 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # the file system cannot exchange
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def publish(build: Path, site: Path) -> None:
    """Make the folder ``build`` the site at ``site`` in one step; the old site ends up at ``build``."""
    (build / MARKER).write_text(SITE_NOTE, encoding="utf-8")
    if not site.exists():
        build.rename(site)  # nothing to replace: one rename is atomic already
        return
    if exchange(build, site):
        return
    # Two renames (Windows, file systems without the exchange): a moment without a site.
    old = build.with_name(f"{build.name}-old")
    site.rename(old)
    build.rename(site)
    old.rename(build)


STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


class BuildStopped(BaseException):
    """SIGTERM or SIGINT arrived during a build; ``status`` is what a shell expects (128 + the signal).

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` on the way swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.status = 128 + signum


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn the first SIGTERM or SIGINT into BuildStopped, so that ``finally`` blocks clean up.

    Without it SIGTERM kills the process at once, leaving its staging folder and its workers.
    Later signals are ignored: they would cut the clean-up short. Outside the main thread
    (where Python cannot set handlers) this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            raise BuildStopped(signum)

    previous = {number: signal.signal(number, stop) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def stop_signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGINT back during a step that must not be cut short; they arrive after it."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def start_worker() -> None:
    """Initializer of a forked build worker (started inside ``stop_signals_held``).

    A worker must not run the parent's handler (it would raise BuildStopped in the middle of
    MkDocs): SIGTERM, which the parent's pool sends to end it, kills it; SIGINT, which Ctrl-C
    sends to the whole process group, is left to the parent, which ends the workers itself.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
