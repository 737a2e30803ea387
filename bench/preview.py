"""How soon a save shows in the preview (`procsite serve`), next to a full build of the same folder.

Generates N synthetic procedures (the sample ones included), times `procsite build` of the folder,
then starts `procsite serve` on it and, once it serves, saves one procedure again and again: a new
title (in both languages), then a broken version and its fix. Each time is measured from the end of
the file's write to the moment the preview serves the new page in both languages (polling its HTML
over HTTP, as a browser reloading would fetch it). Prints a short table.

    .venv/bin/python bench/preview.py [--count 2000] [--edits 10]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from procsite.synth.procedures import write_synthetic  # noqa: E402

WORK = ROOT / ".bench" / "preview"
BIN = Path(sys.executable).parent
SOURCE = Path("ho-tich") / "dang-ky-khai-sinh.md"
PAGE = "thu-tuc/dang-ky-khai-sinh/"
PANEL = 'id="procsite-preview-panel"'
TITLE = re.compile(r"^title:\n  vi: (.*)\n  en: (.*)$", re.M)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            text: str = response.read().decode("utf-8")
            return text
    except OSError:
        return ""


def until(done: Callable[[], bool], timeout: float = 120) -> float:
    """Poll ``done`` until it is true; the seconds it took."""
    start = time.monotonic()
    while not done():
        if time.monotonic() - start > timeout:
            raise SystemExit(f"the preview did not show the change within {timeout} s")
        time.sleep(0.01)
    return time.monotonic() - start


def saved(path: Path, text: str) -> float:
    """Write ``text`` to ``path`` as an editor saves; the moment the write ended."""
    path.write_text(text, encoding="utf-8")
    return time.monotonic()


def both_show(base: str, check: Callable[[str], bool]) -> Callable[[], bool]:
    """True once the page, in both languages, passes ``check``."""
    return lambda: all(check(fetch(base + lang + PAGE)) for lang in ("", "en/"))


def retitled(text: str, mark: str) -> str:
    return TITLE.sub(lambda m: f"title:\n  vi: {m.group(1)} {mark}\n  en: {m.group(2)} {mark}", text, count=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    procedures = WORK / "procedures"
    write_synthetic(procedures, args.count, ROOT / "procedures")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    procsite = str(BIN / "procsite")

    build = [procsite, "build", "--procedures", str(procedures), "--site", str(WORK / "site")]
    start = time.monotonic()
    subprocess.run(build, cwd=ROOT, env=env, check=True, capture_output=True)
    full_build = time.monotonic() - start

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (WORK / "serve.log").open("w", encoding="utf-8")
    serve = [procsite, "serve", "--port", str(port), "--procedures", str(procedures), "--lang", "en"]
    start = time.monotonic()
    server = subprocess.Popen(serve, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    path = procedures / SOURCE
    original = path.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {"title": [], "problem": [], "fix": []}
    try:
        startup = until(both_show(base, lambda html: "<h1" in html), timeout=600)
        for i in range(args.edits):
            mark = f"(sửa {i + 1})"
            written = saved(path, retitled(original, mark))
            until(both_show(base, lambda html, m=mark: m in html))  # type: ignore[misc]
            times["title"].append(time.monotonic() - written)
            time.sleep(0.5)
        for i in range(max(args.edits // 3, 1)):
            written = saved(path, retitled(original, f"(lỗi {i})").replace("unit: mot-cua", "unit: khong-co", 1))
            until(both_show(base, lambda html: PANEL in html))
            times["problem"].append(time.monotonic() - written)
            time.sleep(0.5)
            mark = f"(sửa lỗi {i + 1})"
            written = saved(path, retitled(original, mark))
            until(both_show(base, lambda html, m=mark: m in html and PANEL not in html))  # type: ignore[misc]
            times["fix"].append(time.monotonic() - written)
            time.sleep(0.5)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
        path.write_text(original, encoding="utf-8")
    updated = re.findall(r"Updated (\d+) pages? in", (WORK / "serve.log").read_text(encoding="utf-8"))

    rows = [
        ("one file saved, new title shown (vi + en)", times["title"]),
        ("broken save, problem panel shown (vi + en)", times["problem"]),
        ("fixed save, page shown without panel", times["fix"]),
    ]
    print(f"Preview at N={args.count} procedures (+ the sample), {os.cpu_count()} CPUs")
    print(f"{'':45} {'median':>8} {'worst':>8} {'edits':>6}")
    for name, values in rows:
        print(f"{name:45} {statistics.median(values):7.2f}s {max(values):7.2f}s {len(values):6}")
    print(f"{'full rebuild: procsite build (both languages)':45} {full_build:7.2f}s {'':>8} {1:6}")
    print(f"{'preview start (first whole build, in process)':45} {startup:7.2f}s")
    print(f"pages built again per save: {', '.join(sorted(set(updated), key=int)) or '?'} (of ~{args.count + 60})")
    print(f"commands: {' '.join(build)}\n          {' '.join(serve)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
