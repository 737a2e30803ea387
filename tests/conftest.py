"""Shared fixtures: a minimal valid procedures folder that each test copies and breaks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
SAMPLE = ROOT / "procedures"


@pytest.fixture
def procedures(tmp_path: Path) -> Path:
    """A writable copy of the minimal valid procedures folder, named ``procedures``."""
    target = tmp_path / "procedures"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture
def new_agency(tmp_path: Path) -> Path:
    """A new agency's folder as ``procsite new`` writes it, named ``procedures`` (as messages show it)."""
    from procsite.scaffold import write_agency

    target = tmp_path / "agency" / "procedures"
    write_agency(target)
    return target


def check_command(procedures: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``procsite check --lang en`` on ``procedures`` in a subprocess, as staff run it; a hang past
    ``timeout`` fails the test."""
    return subprocess.run(
        [sys.executable, "-m", "procsite", "check", "--procedures", str(procedures), "--lang", "en"],
        cwd=procedures.parent,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def build_site(procedures: Path, site: Path, project: Path = ROOT) -> int:
    """Run ``procsite build`` as ``make build`` does, from the project folder (its MkDocs configs)."""
    import os

    from procsite.cli import main

    cwd = os.getcwd()
    os.chdir(project)
    try:
        return main(["build", "--procedures", str(procedures), "--site", str(site), "--lang", "en"])
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded sample, built once for the session with ``procsite build`` (both languages, strict)."""
    site = tmp_path_factory.mktemp("sample") / "site"
    assert build_site(SAMPLE, site) == 0, "the sample does not build: run `make build` to see why"
    return site


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium (Debian's) for the whole run; tests open their own contexts."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, SCREENSHOTS, require_chromium

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def base_url(sample_site: Path) -> Iterator[str]:
    """The built sample, served on a free loopback port."""
    from tests.browser import serve

    with serve(sample_site) as url:
        yield url
