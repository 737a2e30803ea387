"""``procsite publish``: one command builds, writes the CSP snippet and copies the site to its folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def publish(procedures: Path, site: Path, target: str) -> subprocess.CompletedProcess[str]:
    folders = ["--procedures", str(procedures), "--site", str(site), "--to", target]
    return subprocess.run(
        [sys.executable, "-m", "procsite", "publish", *folders, "--lang", "en"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_publish_to_a_folder_copies_the_built_site_and_writes_the_csp_beside_it(
    procedures: Path, tmp_path: Path
) -> None:
    site, served = tmp_path / "site", tmp_path / "srv" / "site"
    result = publish(procedures, site, str(served))
    assert result.returncode == 0, result.stderr
    csp = tmp_path / "site.csp.conf"
    assert result.stdout.splitlines()[-1] == (
        f"Published to {served}. The Content-Security-Policy for nginx is in {csp}: if it changed, copy it to "
        "/etc/nginx/snippets/procsite-csp.conf and reload nginx."
    )
    built = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert sorted(p.relative_to(served).as_posix() for p in served.rglob("*") if p.is_file()) == built
    assert (served / "thu-tuc" / "khai-sinh" / "index.html").read_bytes() == (
        site / "thu-tuc" / "khai-sinh" / "index.html"
    ).read_bytes()
    assert csp.read_text(encoding="utf-8").startswith("# Generated from site/")
    assert "Content-Security-Policy" in csp.read_text(encoding="utf-8")


def test_publish_refuses_a_folder_that_is_not_a_site_and_leaves_it_alone(procedures: Path, tmp_path: Path) -> None:
    served = tmp_path / "documents"
    served.mkdir()
    (served / "bao-cao.docx").write_bytes(b"not ours")
    result = publish(procedures, tmp_path / "site", str(served))
    assert result.returncode == 1
    assert result.stderr.startswith("site: expected an empty folder or a site built by procsite")
    assert [p.name for p in served.iterdir()] == ["bao-cao.docx"]


def test_publish_without_a_target_says_what_to_write() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "procsite", "publish", "--lang", "en"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr == (
        "publish: expected where to publish (--to FOLDER or --to host:folder), but received: nothing. "
        "For example: make publish TO=/srv/procsite/site.\n"
    )
