"""Build an accepted case and check its site: it builds, its pages exist and keep their links,
and no payload became live HTML or published a file from outside the folder."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.test_links import SKIPPED_SCHEMES, _target
from tests.test_links import _Page as LinkedPage

from .cases import materialize
from .runner import CaseResult, _last_lines, process_failures, run_limited

BUILD_SECONDS = 120.0
BUILD_MEMORY = 4 << 30
"""A build runs MkDocs twice (one forked process per language), each within this address space."""
_OUTSIDE = ("root:x:0:0",)
"""Text that shows a file from outside the procedures folder was published."""


class _Page(LinkedPage):
    """The link checker's links and ids, plus the first heading and anything a payload made live."""

    def __init__(self) -> None:
        super().__init__()
        self.h1: str | None = None
        self.unsafe: list[str] = []
        self._in: str = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        for name, value in attrs:
            if name.startswith("on") and value and "alert(1)" in value:
                self.unsafe.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src") and value:
                if value.strip().lower().startswith("javascript:"):
                    self.unsafe.append(f"<{tag} {name}={value!r}>")
                if "x.invalid" in value and (tag != "a" or name == "src"):
                    self.unsafe.append(f"<{tag} {name}={value!r}> loads from another host")
        self._in = tag if tag in ("script", "h1") else self._in
        if tag == "h1" and self.h1 is None:
            self.h1 = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = ""

    def handle_data(self, data: str) -> None:
        if self._in == "script" and data.strip() == "alert(1)":
            self.unsafe.append("<script>alert(1)</script>")
        elif self._in == "h1" and self.h1 is not None:
            self.h1 += data


def _parse(path: Path) -> _Page:
    page = _Page()
    text = path.read_text(encoding="utf-8", errors="replace")
    page.feed(text)
    for char, name in (("\x00", "NUL"), ("\x1b", "ESC"), ("\u202e", "U+202E")):
        if char in text:
            page.unsafe.append(f"raw {name} in the page")
    return page


def site_failures(site: Path, pages: dict[str, object]) -> list[tuple[str, str]]:
    """Broken internal links and anchors, missing or unlinked pages, live payloads, outside files."""
    failures: list[tuple[str, str]] = []
    parsed = {page: _parse(page) for page in sorted(site.rglob("*.html"))}
    for page, content in parsed.items():
        where = page.relative_to(site).as_posix()
        failures += [("unsafe-html", f"{where}: {what}") for what in content.unsafe]
        for link in content.links:
            if link.startswith(SKIPPED_SCHEMES) or link.startswith("//"):
                continue
            target, fragment = _target(site, page, link)
            if not target.is_file() or not target.resolve().is_relative_to(site.resolve()):
                failures.append(("broken-link", f"{where}: {link}"))
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if fragment not in ids:
                    failures.append(("broken-link", f"{where}: {link} (no #{fragment})"))
    procedures = pages.get("procedures", {})
    assert isinstance(procedures, dict)
    for lang, prefix in (("vi", ""), ("en", "en/")):
        catalogue = site / prefix / "thu-tuc" / "index.html"
        linked = (
            {_target(site, catalogue, link)[0] for link in parsed[catalogue].links} if catalogue in parsed else set()
        )
        for slug, titles in procedures.items():
            page = site / prefix / "thu-tuc" / slug / "index.html"
            if page not in parsed:
                failures.append(("missing-page", f"{prefix}thu-tuc/{slug}/ (procedure {slug!r})"))
                continue
            if page not in linked:
                failures.append(("missing-page", f"{prefix}thu-tuc/{slug}/ is not linked from {prefix}thu-tuc/"))
            title = " ".join(str(titles[lang]).split())
            heading = " ".join((parsed[page].h1 or "").removesuffix("¶").split())
            if title and not any(c in title for c in "*_`[]<>&\\{}#") and heading != title:
                failures.append(("missing-page", f"{prefix}thu-tuc/{slug}/ shows {heading[:80]!r}, not {title[:80]!r}"))
        for kind, folder in (("units", "don-vi"), ("fields", "linh-vuc")):
            for entry in pages.get(kind, []):  # type: ignore[attr-defined]
                if site / prefix / folder / entry / "index.html" not in parsed:
                    failures.append(("missing-page", f"{prefix}{folder}/{entry}/"))
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.stat().st_size < 8 << 20:
            data = path.read_bytes()
            failures += [
                ("unsafe-html", f"{path.relative_to(site)} holds {marker!r}: a file from outside the folder")
                for marker in _OUTSIDE
                if marker.encode() in data
            ]
    return failures


def build_case(seed: int, index: int, pages: dict[str, object], save: Path | None = None) -> CaseResult:
    """Materialize an accepted case again, build it as ``make build`` does, and check its site."""
    with tempfile.TemporaryDirectory(prefix=f"fuzz-build-{index}-") as parent:
        root, mutation = materialize(seed, index, Path(parent))
        site = Path(parent) / "site"
        command = [sys.executable, "-m", "procsite", "build", "--procedures", str(root), "--site", str(site)]
        run = run_limited(command, BUILD_SECONDS, BUILD_MEMORY)
        failures = process_failures(run, "build")
        if not failures and run.returncode != 0:
            failures.append(("build-failed", _last_lines(run.stderr, 4)))
        if not failures:
            failures = site_failures(site, pages)
        result = CaseResult(index, mutation, "failed" if failures else "built", failures, run.seconds, run.max_rss_kb)
        result.stdout = run.stdout.decode("utf-8", "replace")[-4000:].replace(parent, "$CASE")
        result.stderr = run.stderr.decode("utf-8", "replace")[-4000:].replace(parent, "$CASE")
        if failures and save is not None:
            from .report import save_reproducer

            save_reproducer(save, seed, result, root, build=True)
        return result
