"""The agency's own pages: ``pages/vi/<path>.md`` and, translated, ``pages/en/<path>.md`` of the procedures folder.

The home page's text (``index.md``), the quality policy and objectives (``chat-luong/chinh-sach.md``,
``chat-luong/muc-tieu.md``) and any other page the agency adds are staff input, read and checked like a
procedure's body: size, UTF-8, NFC, Word paste, file names that are addresses, links that lead to a page
of the site. Their Markdown is converted by the bodies' converter (``body.py``: raw HTML shown as text,
unsafe addresses dropped), never by Python-Markdown; ``layout`` cuts the result at its top-level
headings, so that the page's title and sections are headings of the page (and of its table of contents).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from procsite import paths
from procsite.messages import Msg, Num, Val
from procsite.model.agency import AgencyPage, PageText
from procsite.source.body import body_targets, browser_target
from procsite.source.body_links import line_of, link_problem, published_sections
from procsite.source.files import NAME, PAGES_FOLDER, NotReadable, read_source, suggested_name
from procsite.source.page_layout import Layout, layout
from procsite.source.yamlsrc import read_text, report_flaws

if TYPE_CHECKING:
    from procsite.model.catalog import Catalog

LANGUAGES = ("vi", "en")
"""The language folders of ``pages/``: Vietnamese, the source, and its English translation."""
HOME = "index.md"
"""The home page: its text comes first, then the generated blocks (search, common procedures, fields)."""
MAX_PAGE_CHARACTERS = 50_000
"""A page of the agency, in each language: as much as a procedure's body."""
RESERVED = frozenset(
    {"thu-tuc", "don-vi", "linh-vuc", "kiosk", "bieu-mau", "schema", "search", "assets", "huong-dan", "en"}
)
"""First folders of the site's addresses that the build writes itself, the staff guide's (``docs/``) and the
English site's: a page of the agency there would overwrite one of them."""
HOME_IDS = frozenset({"featured", "fields", "contact", "ps-home-q"})
"""Ids the home page's generated part uses (``home.md.j2``): its text's headings take others."""


def _headings_of_level_1(text: str) -> list[int]:
    """The lines (from 0) of the text's top-level headings of level 1, as CommonMark reads them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [t.map[0] for t in tokens if t.type == "heading_open" and t.tag == "h1" and t.level == 0 and t.map]


def load_pages(catalog: Catalog) -> None:
    """Read and check every file of ``pages/`` into ``catalog.pages``; problems go to ``catalog.report``."""
    assert catalog.tree is not None
    found: dict[str, dict[str, PageText]] = {lang: {} for lang in LANGUAGES}
    for path in catalog.tree.pages:
        where = _page_path(path, catalog)
        if where is None:
            continue
        lang, page_path = where
        text = _read_page(path, page_path, catalog)
        if text is not None:
            found[lang][page_path] = text
    pages: dict[str, AgencyPage] = {}
    for page_path, vi in sorted(found["vi"].items()):
        pages[page_path] = AgencyPage(page_path, vi, found["en"].get(page_path))
    for page_path, en in sorted(found["en"].items()):
        if page_path not in found["vi"] and not _vi_file(catalog, page_path).exists():
            vi_rel = f"{catalog.root.name}/{PAGES_FOLDER}/vi/{page_path}"
            catalog.report.add(
                en.source, 1, "", Msg("pages.orphan_english", vi=vi_rel), Msg("pages.orphan_english.hint")
            )
    catalog.pages = pages


def _vi_file(catalog: Catalog, page_path: str) -> Path:
    return catalog.root / PAGES_FOLDER / "vi" / page_path


def _page_path(path: Path, catalog: Catalog) -> tuple[str, str] | None:
    """The language and site path of a file of ``pages/``; None, with the reason reported, when it is not a page."""
    assert catalog.tree is not None
    rel = catalog.tree.rel(path)
    parts = path.relative_to(catalog.root / PAGES_FOLDER).parts
    if not path.name.lower().endswith(".md"):
        hint = Msg("pages.not_markdown.hint")
        catalog.report.warn("source.not_read", rel, 1, "", Msg("file.not_source"), hint)
        return None
    if len(parts) < 2 or parts[0] not in LANGUAGES:
        where = f"{catalog.root.name}/{PAGES_FOLDER}"
        catalog.report.add(rel, 1, "", Msg("pages.language_folder", folder=where), Msg("pages.language_folder.hint"))
        return None
    words = [*parts[1:-1], parts[-1][: -len(".md")]]
    wrong = next((word for word in words if not NAME.fullmatch(word)), None)
    if wrong is not None or not path.name.endswith(".md"):
        nfd = "" if unicodedata.is_normalized("NFC", rel) else Msg("file.nfd")
        slug = "/".join(suggested_name(word) for word in words)
        catalog.report.add(
            rel,
            1,
            "file",
            Msg("pages.bad_name", name="/".join(parts[1:]), nfd=nfd),
            Msg("pages.bad_name.hint", slug=slug),
        )
        return None
    page_path = "/".join(words) + ".md"
    if words[0] in RESERVED:
        catalog.report.add(rel, 1, "file", Msg("pages.reserved", folder=words[0]), Msg("pages.reserved.hint"))
        return None
    return parts[0], page_path


def _read_page(path: Path, page_path: str, catalog: Catalog) -> PageText | None:
    """One language of a page: its text, checked; None when a problem keeps it from being shown."""
    assert catalog.tree is not None
    rel, report = catalog.tree.rel(path), catalog.report
    data = read_source(path, catalog.root)
    if isinstance(data, NotReadable):
        report.add(rel, 1, "", data.message, data.hint)
        return None
    source = read_text(data, rel, report)
    if source is None:
        return None
    report_flaws(source.flaws, rel, report)
    text = source.text
    if not text.strip():
        report.add(rel, 1, "", Msg("pages.empty"), Msg("pages.no_title.hint"))
        return None
    first = len(text) - len(text.lstrip("\n"))
    line = 1 + text[:first].count("\n")
    body = text.strip("\n")
    if body.startswith("---"):
        report.add(rel, line, "", Msg("pages.front_matter"), Msg("pages.front_matter.hint"))
        return None
    if len(body) > MAX_PAGE_CHARACTERS:
        message = Msg("body.too_long", limit=Num(MAX_PAGE_CHARACTERS), count=Num(len(body)))
        report.add(rel, line, "", message, Msg("body.too_long.hint"))
        return None
    titles = _headings_of_level_1(body)
    if page_path != HOME and (not titles or titles[0] != 0):
        shown = body.split("\n", 1)[0][:60]
        report.add(rel, line, "", Msg("pages.no_title", received=Val.of(shown)), Msg("pages.no_title.hint"))
        return None
    later = titles[1:] if titles and titles[0] == 0 else titles
    for number in later:
        report.add(rel, line + number, "", Msg("pages.second_title"), Msg("pages.second_title.hint"))
    return None if later else PageText(rel, body, line)


def page_layout(page_path: str, text: str) -> Layout:
    """The layout of one language of a page; the home page's ids avoid those of its generated part."""
    return layout(text, HOME_IDS if page_path == HOME else frozenset())


def check_page_links(catalog: Catalog) -> None:
    """Report every link or picture of an agency page that does not lead to a page, file or section of the
    site in the page's language (a section's id comes from its heading, which differs once translated)."""
    published = published_sections(catalog)
    for lang in LANGUAGES:
        shapes = {path: page_layout(path, page.get(lang).text) for path, page in catalog.pages.items()}
        sections = {**published, **{paths.url_of(path): _ids(path, shape) for path, shape in shapes.items()}}
        for path, page in catalog.pages.items():
            if page.missing(lang):
                continue  # the Vietnamese page, shown as it is: checked once, in Vietnamese
            text, here = page.get(lang), paths.url_of(path)
            for tag, target in body_targets(text.text):
                why = link_problem(
                    browser_target(target), here, sections, _ids(path, shapes[path]), picture=tag == "img"
                )
                if why is not None:
                    message = Msg("body.link", target=target, why=Msg(f"body.link.{why}"))
                    line = text.line + line_of(text.text, target)
                    catalog.report.add(text.source, line, "", message, Msg("pages.link.hint"))


def _ids(path: str, shape: Layout) -> set[str]:
    """The ids a link to the page may name: its headings', and the home page's generated sections."""
    return shape.ids() | (set(HOME_IDS) - {"ps-home-q"} if path == HOME else set())
