"""A second builder: ProperDocs (the maintained fork of MkDocs 1.6) builds the sample from the same configs,
hook and theme overrides, and gives the same site: the same files, the same pages byte for byte but the
generator's name. Material reaches end of life on 5 May 2027; this is what keeps the way out tested."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
from pathlib import Path

from tests.conftest import ROOT, SAMPLE

_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build_with(builder: str, site: Path) -> None:
    env = {**os.environ, "PROCEDURES": str(SAMPLE), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "procsite"), "build", "--builder", builder, "--site", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def contents(site: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)  # the archive's header holds a timestamp
        out[str(path.relative_to(site))] = _GENERATOR.sub(b"", data)
    return out


def test_properdocs_builds_the_same_site(tmp_path: Path) -> None:
    build_with("mkdocs", tmp_path / "mkdocs")
    build_with("properdocs", tmp_path / "properdocs")
    ours, theirs = contents(tmp_path / "mkdocs"), contents(tmp_path / "properdocs")
    assert sorted(ours) == sorted(theirs)
    assert any(name.startswith("thu-tuc/") for name in ours)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == []
