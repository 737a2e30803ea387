"""The output folder: only an empty folder or a site of ours is replaced, in one step; a stopped build leaves nothing.

The stopped builds run ``procsite build`` in a process group of their own and read /proc to see that no worker
survives.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from procsite import cli
from procsite.site.folder import (
    MARKER,
    SITE_NOTE,
    STAGING_NOTE,
    SiteFolderError,
    check_site,
    clean_stale,
    exchange,
    staging,
)
from procsite.synth.procedures import write_synthetic
from tests.conftest import ROOT, build_site

APART = "site: expected a folder apart from the procedures and the project, but received:"
NOTHING_DELETED = "Choose another --site folder; nothing was deleted."


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, and every sub-folder (as b"/")."""
    return {
        path.relative_to(folder).as_posix(): b"/" if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


def old_site(site: Path) -> Path:
    """A stand-in for a site an earlier build wrote: its marker and one page."""
    site.mkdir(parents=True)
    (site / MARKER).write_text(SITE_NOTE, encoding="utf-8")
    (site / "index.html").write_text("<html>old</html>\n", encoding="utf-8")
    return site


def test_the_procedures_folder_and_folders_around_it_are_refused(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(procedures)
    refused = {
        procedures: "the procedures folder",
        procedures / "ho-tich": "a folder inside the procedures folder",
        procedures / "new": "a folder inside the procedures folder",
        tmp_path: "a folder that holds the procedures folder",
    }
    for site, received in refused.items():
        assert build_site(procedures, site) == 1
        out, err = capsys.readouterr()
        assert (out, err) == ("", f"{APART} {received} ({site}). {NOTHING_DELETED}\n")
    assert snapshot(procedures) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["procedures"]


def test_the_project_folder_and_its_ancestors_are_refused_even_with_a_marker(tmp_path: Path) -> None:
    project = tmp_path / "work" / "project"
    (project / "docs").mkdir(parents=True)
    (project.parent / MARKER).write_text(SITE_NOTE, encoding="utf-8")  # a marker does not make the folder ours
    procedures = tmp_path / "sources" / "procedures"
    for site in (project, project.parent, project / ".."):
        with pytest.raises(SiteFolderError) as refusal:
            check_site(site, procedures, project)
        assert str(refusal.value) == f"{APART} the project folder or a folder that holds it ({site}). {NOTHING_DELETED}"
    assert check_site(project / "site", procedures, project) == project / "site"


def test_a_foreign_folder_or_a_file_is_refused_and_left_untouched(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes"
    (notes / "2025").mkdir(parents=True)
    (notes / "2025" / "letter.txt").write_text("keep me", encoding="utf-8")
    (notes / ".hidden").write_text("me too", encoding="utf-8")
    before = snapshot(notes)
    assert build_site(procedures, notes) == 1
    assert capsys.readouterr().err == (
        f"site: expected an empty folder or a site built by procsite (with its {MARKER} marker), but received: "
        f"a folder with other files ({notes}). {NOTHING_DELETED}\n"
    )
    assert snapshot(notes) == before
    file = tmp_path / "site.txt"
    file.write_text("not a folder", encoding="utf-8")
    assert build_site(procedures, file) == 1
    assert capsys.readouterr().err == f"site: expected a folder, but received: a file ({file}). {NOTHING_DELETED}\n"
    assert file.read_text(encoding="utf-8") == "not a folder"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes", "procedures", "site.txt"]


def test_a_site_from_before_the_marker_is_recognised_as_ours(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "search" / "procsite_search.js").write_text("self.procsiteIndex=1", encoding="utf-8")
    (site / "404.html").write_text("<h1>404</h1>", encoding="utf-8")
    assert check_site(site, tmp_path / "procedures", tmp_path / "project") == site
    (site / "404.html").unlink()
    with pytest.raises(SiteFolderError, match="a folder with other files"):
        check_site(site, tmp_path / "procedures", tmp_path / "project")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the atomic exchange is Linux's renameat2")
def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        (folder / "name").write_text(folder.name, encoding="utf-8")
    assert exchange(first, second) is True
    assert (first / "name").read_text(encoding="utf-8") == "second"
    assert (second / "name").read_text(encoding="utf-8") == "first"
    with pytest.raises(FileNotFoundError):
        exchange(first, tmp_path / "missing")


def test_clean_stale_removes_only_our_leftovers_and_not_a_running_build(tmp_path: Path) -> None:
    site = old_site(tmp_path / "site")
    stopped = tmp_path / ".site-new-stopped"
    (stopped / "site").mkdir(parents=True)
    (stopped / MARKER).write_text(STAGING_NOTE, encoding="utf-8")
    (tmp_path / ".site-new-empty").mkdir()
    old_swap = old_site(tmp_path / ".site-old")
    (old_swap / MARKER).unlink()
    (old_swap / "404.html").write_text("<h1>404</h1>", encoding="utf-8")
    (old_swap / "search").mkdir()
    (old_swap / "search" / "procsite_search.js").write_text("", encoding="utf-8")
    foreign = tmp_path / ".site-new-notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine", encoding="utf-8")
    (tmp_path / ".site-new-file").write_text("mine too", encoding="utf-8")
    with staging(site) as target:
        running = target.parent
        removed = clean_stale(site)
        assert running.is_dir()
    assert sorted(path.name for path in removed) == [".site-new-empty", ".site-new-stopped", ".site-old"]
    assert not running.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site-new-file", ".site-new-notes", "site"]
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_rebuild_publishes_in_one_step_and_cleans_what_stopped_builds_left(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    assert build_site(procedures, site) == 0
    assert (site / MARKER).read_text(encoding="utf-8") == SITE_NOTE
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    stopped = tmp_path / ".site-new-stopped"
    (stopped / "site").mkdir(parents=True)
    (stopped / MARKER).write_text(STAGING_NOTE, encoding="utf-8")
    folder = site.stat().st_ino
    failures: list[str] = []
    reads = 0
    done = threading.Event()

    def read_the_home_page() -> None:
        nonlocal reads
        deadline = time.monotonic() + 30  # bounded, whatever happens to the build
        while not done.is_set() and time.monotonic() < deadline:
            try:
                if not (site / "index.html").read_text(encoding="utf-8").rstrip().endswith("</html>"):
                    failures.append("a partial page")
            except OSError as error:
                failures.append(repr(error))
            reads += 1

    reader = threading.Thread(target=read_the_home_page)
    reader.start()
    try:
        status = build_site(procedures, site)
    finally:
        done.set()
        reader.join()
    assert status == 0, capsys.readouterr().err
    assert failures == [] and reads > 100
    assert site.stat().st_ino != folder, "the new site is a new folder, not the old one rewritten"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["procedures", "site"]


def test_an_error_or_a_signal_during_the_build_leaves_the_site_and_nothing_beside_it(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = old_site(tmp_path / "site")
    before = snapshot(site)

    def broken(target: Path, parallel: bool = True) -> list[str]:
        target.mkdir(parents=True)
        (target / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    def interrupted(target: Path, parallel: bool = True) -> list[str]:
        target.mkdir(parents=True)
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(10)  # the signal's handler ends this at once
        return []

    handler = signal.getsignal(signal.SIGINT)
    stand_ins = ((broken, 1, "by an error (RuntimeError('disk full'))"), (interrupted, 130, "(SIGINT)"))
    for stand_in, status, reason in stand_ins:
        monkeypatch.setattr(cli, "build_languages", stand_in)
        started = time.monotonic()
        assert build_site(procedures, site) == status
        assert time.monotonic() - started < 5
        assert capsys.readouterr().err == f"Build stopped {reason}: the site in {site} was left as it was.\n"
        assert snapshot(site) == before
        assert sorted(path.name for path in tmp_path.iterdir()) == ["procedures", "site"]
    assert signal.getsignal(signal.SIGINT) is handler


def group_members(group: int) -> list[int]:
    """The processes of a process group, read from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        if int(fields[2]) == group:
            members.append(int(stat.parent.name))
    return members


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process group from /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the build forks workers only with two cores or more")
@pytest.mark.parametrize(
    ("signum", "to_group"),
    [(signal.SIGTERM, False), (signal.SIGINT, True)],
    ids=["SIGTERM to the build", "Ctrl-C to its process group"],
)
def test_a_stopped_build_ends_its_workers_and_leaves_the_old_site(
    procedures: Path, tmp_path: Path, signum: signal.Signals, to_group: bool
) -> None:
    site = tmp_path / "out" / "site"
    assert build_site(procedures, site) == 0  # into a folder that does not exist yet
    assert (site / MARKER).is_file()
    before = snapshot(site)
    catalogue = tmp_path / "big"
    write_synthetic(catalogue, 1000)
    command = [
        sys.executable,
        "-m",
        "procsite",
        "build",
        "--procedures",
        str(catalogue),
        "--site",
        str(site),
        "--lang",
        "en",
    ]
    build = subprocess.Popen(
        command, cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while len(workers := [pid for pid in group_members(build.pid) if pid != build.pid]) < 2:
            assert build.poll() is None and time.monotonic() < deadline, "the build never started its workers"
            time.sleep(0.02)
        time.sleep(0.5)  # the workers are now inside MkDocs
        assert build.poll() is None, "the build ended before it could be stopped: make the catalogue larger"
        if to_group:
            os.killpg(build.pid, signum)
        else:
            build.send_signal(signum)
        out, err = build.communicate(timeout=30)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.communicate()
    assert (build.returncode, out) == (128 + signum, "")
    assert err == f"Build stopped ({signum.name}): the site in {site} was left as it was.\n"
    assert group_members(build.pid) == []
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert snapshot(site) == before
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]
