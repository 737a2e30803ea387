"""A page's converted Markdown cut at its top-level headings, so that each heading is a heading of the page.

The bodies' converter (``body.py``) turns staff Markdown into HTML; ``layout`` finds its top-level
elements (an HTML parser, so that a heading inside a quote or a list stays where it is) and gives each
top-level heading an id made of its words, which links may name after "#" and the table of contents
lists. The agency's pages (``agency_pages.py``, ``pages/agency_page.py``) are laid out this way.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from markupsafe import Markup

from procsite.folding import fold
from procsite.source.body import render_body

MAX_ID = 60
"""Characters of a heading's id at most: its first words, enough to tell the sections of a page apart."""


@dataclass(frozen=True)
class Heading:
    """A top-level heading of a page: its level, the id it gets, its HTML and its text."""

    level: int
    id: str
    html: Markup
    text: str


@dataclass(frozen=True)
class Layout:
    """A page's converted Markdown, cut at its top-level headings: the title (its first ``# …``), then
    headings and the HTML between them, in order."""

    title: Heading | None
    parts: tuple[Heading | Markup, ...]

    def ids(self) -> set[str]:
        """The ids of the page's headings, which a link may name after "#"."""
        headings = [self.title, *self.parts]
        return {part.id for part in headings if isinstance(part, Heading)}


_VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _TopLevel(HTMLParser):
    """The top-level elements of converted Markdown, as (tag, start, end) offsets in the HTML."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.starts = [0]
        for line in text.split("\n"):
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.spans: list[tuple[str, int, int]] = []
        self.depth, self.begin = 0, 0
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if self.depth == 0:
                start = self._offset()
                self.spans.append((tag, start, start + len(self.get_starttag_text() or "")))
            return
        if self.depth == 0:
            self.begin = self._offset()
        self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0:
            start = self._offset()
            self.spans.append((tag, start, start + len(self.get_starttag_text() or "")))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            self.spans.append((tag, self.begin, self._offset() + len(f"</{tag}>")))


def heading_id(text: str, taken: set[str]) -> str:
    """An id for a heading: its words without diacritics, joined by "-", unique on the page."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    while len(words) > 1 and len("-".join(words)) > MAX_ID:  # an address to share, not the whole heading
        words.pop()
    base = "-".join(words)[:MAX_ID] or "muc"
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base}-{n}"
    taken.add(found)
    return found


def layout(text: str, taken: frozenset[str] = frozenset()) -> Layout:
    """``text`` (Markdown) converted by ``render_body`` and cut at its top-level headings; ids avoid ``taken``."""
    converted = str(render_body(text))
    ids = set(taken)
    title: Heading | None = None
    parts: list[Heading | Markup] = []
    run: list[tuple[int, int]] = []  # the HTML since the last heading

    def flush() -> None:
        if run:
            parts.append(Markup(converted[run[0][0] : run[-1][1]]))
            run.clear()

    for tag, start, end in _TopLevel(converted).spans:
        if re.fullmatch(r"h[1-6]", tag):
            flush()
            inner = Markup(converted[start + 4 : end - 5])
            words = html.unescape(re.sub(r"<[^>]*>", "", str(inner)))
            heading = Heading(int(tag[1]), heading_id(words, ids), inner, " ".join(words.split()))
            if title is None and not parts and heading.level == 1:
                title = heading
            else:
                parts.append(heading)
        else:
            run.append((start, end))
    flush()
    return Layout(title, tuple(parts))
