"""Helpers for real-browser tests: serve a built site on 127.0.0.1 and drive Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def require_chromium() -> str:
    """The Chromium binary; `make test` installs Debian's package when it is missing."""
    if not shutil.which(CHROMIUM):
        raise RuntimeError(f"{CHROMIUM} not found: run `make test`, which installs Debian's chromium package")
    return CHROMIUM


RANKS_JS = """
async (queries) => {
  const index = await (await fetch('search/search_index.json')).json();
  const engine = new ProcSearch.Engine(index);
  return queries.map(([query, slug]) => {
    const results = engine.search(query, 50);
    return results.findIndex(r => r.doc.u === 'thu-tuc/' + slug + '/') + 1;
  });
}
"""
"""Rank (1-based, 0 when absent) of the expected procedure for each query, with the site's own engine and index."""


def search_ranks(page: object, base_url: str, queries: list[list[str]]) -> list[int]:
    """Open ``base_url`` and rank every query with the real search engine and index of that language."""
    page.goto(base_url)  # type: ignore[attr-defined]
    ranks: list[int] = page.evaluate(RANKS_JS, queries)  # type: ignore[attr-defined]
    return ranks
