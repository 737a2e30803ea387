"""No broken internal link or anchor in the built site: every page, both languages, checked in its HTML."""

from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

SKIPPED_SCHEMES = ("http:", "https:", "mailto:", "tel:", "data:")


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("name"):
            self.ids.add(str(values["name"]))
        for name in ("href", "src"):
            value = values.get(name)
            if value and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append(value)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target(site: Path, page: Path, link: str) -> tuple[Path, str]:
    parts = urlsplit(link)
    if parts.path.startswith("/"):  # absolute paths (the 404 pages) start at the site's root
        path = posixpath.normpath(unquote(parts.path).lstrip("/"))
    elif parts.path:
        base = posixpath.dirname(page.relative_to(site).as_posix())
        path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    else:
        path = page.relative_to(site).as_posix()
    target = site / path
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_and_anchor_resolves(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 50
    parsed = {page: _parse(page) for page in pages}
    broken: list[str] = []
    checked = 0
    for page, content in parsed.items():
        for link in content.links:
            if link.startswith(SKIPPED_SCHEMES) or link.startswith("//"):
                continue
            target, fragment = _target(sample_site, page, link)
            checked += 1
            if not target.is_file() or not target.resolve().is_relative_to(sample_site.resolve()):
                broken.append(f"{page.relative_to(sample_site)}: {link} (no {target.relative_to(sample_site)})")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(sample_site)}: {link} (no #{fragment})")
    assert broken == []
    assert checked > 1000


@pytest.mark.parametrize("link", ["../../don-vi/mot-cua/", "#steps", "../dang-ky-ket-hon/#documents"])
def test_the_checker_finds_a_link_that_resolves(sample_site: Path, link: str) -> None:
    page = sample_site / "thu-tuc" / "dang-ky-khai-sinh" / "index.html"
    target, fragment = _target(sample_site, page, link)
    assert target.is_file()
    assert not fragment or fragment in _parse(target).ids


def test_the_checker_reports_a_broken_link(sample_site: Path) -> None:
    page = sample_site / "thu-tuc" / "dang-ky-khai-sinh" / "index.html"
    target, _ = _target(sample_site, page, "../no-such-procedure/")
    assert not target.is_file()
