"""Shared fixtures: a minimal valid procedures folder that each test copies and breaks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
SAMPLE = ROOT / "procedures"


@pytest.fixture
def procedures(tmp_path: Path) -> Path:
    """A writable copy of the minimal valid procedures folder, named ``procedures``."""
    target = tmp_path / "procedures"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded sample, built once for the session with ``procsite build`` (both languages, strict)."""
    import os

    from procsite.cli import main

    site = tmp_path_factory.mktemp("sample") / "site"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        status = main(["build", "--procedures", str(SAMPLE), "--site", str(site)])
    finally:
        os.chdir(cwd)
    assert status == 0, "the sample does not build: run `make build` to see why"
    return site
