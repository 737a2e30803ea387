"""npm packages the benchmark runs (Pagefind, Lighthouse), installed by the benchmark itself into
.bench/node/ (ignored by git) at pinned versions, with npm from the registry; nothing is fetched when a
page is viewed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_PREFIX = ROOT / ".bench" / "node"


def npm_tool(package: str, version: str, command: str | None = None) -> Path:
    """The executable of ``package@version`` under .bench/node/, installed there first if needed."""
    installed = NODE_PREFIX / "node_modules" / package / "package.json"
    if not installed.exists() or json.loads(installed.read_text(encoding="utf-8"))["version"] != version:
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("npm not found: the benchmark needs Node.js 20 and npm (Debian: apt-get install npm)")
        NODE_PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--prefix", str(NODE_PREFIX), "--no-audit", "--no-fund", "--loglevel=error",
             f"{package}@{version}"],
            check=True,
        )  # fmt: skip
    return NODE_PREFIX / "node_modules" / ".bin" / (command or package)
