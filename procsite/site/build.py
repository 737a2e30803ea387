"""What one language's build needs from the core, independent of any site builder."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from procsite import LANGUAGES, paths
from procsite.model.catalog import Catalog
from procsite.opendata.catalogue import open_data_files
from procsite.opendata.feeds import FEED_PATH, atom
from procsite.pages.blocks import PageBlocks, extract_html_blocks
from procsite.pages.changes_page import CHANGES_PAGE, ChangesPage
from procsite.pages.dates import page_dates
from procsite.pages.identity import SiteIdentity, favicon, site_identity, stylesheet
from procsite.pages.kiosk import KioskRenderer
from procsite.pages.quality import QualityPages, quality_files
from procsite.pages.render import PageRenderer
from procsite.search.index import INDEX_PATH, SEARCH_SCRIPT_PATH, PageEntry, index_text, search_index, search_script
from procsite.site.memory import give_back_freed_memory
from procsite.source.agency_pages import HOME
from procsite.source.format import json_schema
from procsite.source.loader import load_catalog_cached

STYLESHEET, FAVICON = "assets/procsite/procsite.css", "assets/procsite/favicon.svg"
"""The theme's files (``overrides/``) made in the agency's colours."""


class CatalogError(Exception):
    """The procedures folder has problems; the message lists every one of them."""


@dataclass
class LanguageBuild:
    """The generated pages and files of one language, ready for any site builder."""

    lang: str
    catalog: Catalog
    identity: SiteIdentity
    """The site's name, description, address, footer and logo in this language, from ``agency.yml``."""
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    data: dict[str, str] = field(default_factory=dict)
    blocks: PageBlocks = field(default_factory=PageBlocks)
    """Per generated page, the HTML blocks kept out of the Markdown parser (see blocks.py), compressed."""
    hand_written: list[PageEntry] = field(default_factory=list)
    """Hand-written pages seen during the build, for the search index."""
    dates: dict[str, str] = field(default_factory=dict)
    """Per generated page, the date it last changed (ISO), for the sitemap's lastmod (``pages/dates.py``)."""
    searchable: set[str] = field(default_factory=set)
    """Generated pages that search finds by their title and headings, as it does hand-written ones: the
    home page and the agency's pages (the others are in the index as what they are: procedures, units…)."""

    def search_files(self) -> dict[str, str]:
        """The search index of this language and its search script, by output path."""
        index = index_text(search_index(self.catalog, self.lang, self.hand_written))
        return {INDEX_PATH: index, SEARCH_SCRIPT_PATH: search_script()}

    def render_again(self, catalog: Catalog, wanted: Collection[str]) -> list[str]:
        """Render again, from ``catalog`` (which replaces this build's), the generated pages ``wanted``;
        the paths rendered. The pages and their blocks stay as ``prepare`` would have made them."""
        renderer = PageRenderer(catalog, self.lang)
        # the quality pages last: the objectives page takes the place of the agency's page at its path
        renderers = {
            **renderer.page_renderers(),
            **KioskRenderer(renderer).page_renderers(),
            **QualityPages(catalog, self.lang).page_renderers(),
            CHANGES_PAGE: ChangesPage(catalog, self.lang).render,
        }
        order = {path: i for i, path in enumerate(self.pages)}  # prepare numbers the blocks of each page
        done = [path for path in wanted if path in renderers and path in order]
        for path in done:
            self.pages[path], self.blocks[path] = extract_html_blocks(renderers[path](), str(order[path]))
        self.catalog = catalog
        return done

    def theme_files(self) -> dict[str, Callable[[str], str]]:
        """The theme's files this agency changes, by path, with what makes the new text from the theme's."""
        agency = self.catalog.agency
        return {
            STYLESHEET: lambda css: stylesheet(css, agency),
            FAVICON: lambda svg: favicon(svg, agency),
        }


def prepare(procedures: Path, lang: str) -> LanguageBuild:
    """Load and check ``procedures`` and render one language; raises CatalogError listing every problem."""
    catalog = load_catalog_cached(procedures)
    if catalog.report:
        count = len(set(catalog.report.problems))
        raise CatalogError(f"{count} problem{'s' if count != 1 else ''} in {procedures}:\n{catalog.report.text()}")
    build = LanguageBuild(lang, catalog, site_identity(catalog, lang))
    quality = QualityPages(catalog, lang)  # the objectives page takes the place of the agency's page there
    build.searchable = {HOME, *catalog.pages, *quality.paths}
    renderer = PageRenderer(catalog, lang)
    changed = {CHANGES_PAGE: ChangesPage(catalog, lang).render()}
    for path, markdown in {**renderer.pages(), **KioskRenderer(renderer).pages(), **quality.pages(), **changed}.items():
        build.pages[path], build.blocks[path] = extract_html_blocks(markdown, str(len(build.blocks)))
    for form in catalog.forms.values():
        if form.file:  # None: the file is still to complete
            build.files[paths.form_file(form.file)] = procedures / form.file
    if catalog.logo is not None and build.identity.logo:
        build.files[build.identity.logo] = procedures / catalog.logo.file
    build.data["schema/procedure.schema.json"] = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    if lang == LANGUAGES[0]:  # open data holds both languages: published once, at the Vietnamese site's root
        build.data.update(open_data_files(catalog))
        build.data.update(quality_files(catalog))
    build.data[FEED_PATH] = atom(catalog, lang, catalog.agency.site_url if catalog.agency else None)
    build.dates = {path: day.isoformat() for path, day in page_dates(catalog, lang).items()}
    give_back_freed_memory()  # the rendering's temporaries: most of a large build's memory otherwise
    return build


def untranslated_page(markdown: str, lang: str) -> str:
    """A hand-written page that has no translation yet: the original, flagged for the template
    (``overrides/main.html`` marks it ``lang="vi"`` under a visible note)."""
    flag = "untranslated_from: vi\n"
    if markdown.startswith("---\n") and "\n---\n" in markdown[4:]:
        return "---\n" + flag + markdown[4:]
    return f"---\n{flag}---\n{markdown}"


_PLACED_HEADING = re.compile(r"^#{1,6} (<!--procsite:[^>]*-->) \{: #([a-z0-9_-]+) \}$", re.M)
"""A heading ``extract_html_blocks`` kept out of the Markdown parser: its placeholder and its id."""


def heading_titles(markdown: str, blocks: dict[str, str]) -> dict[str, str]:
    """Per heading id of a generated page, its text as a table of contents shows it (HTML, escaped once).

    The Markdown parser saw only a placeholder, so its table of contents has the ids and no text."""
    return {
        heading_id: html.escape(Markup(blocks[placeholder]).striptags(), quote=False)
        for placeholder, heading_id in _PLACED_HEADING.findall(markdown)
        if placeholder in blocks
    }


def nav_with_pages(nav: Any, exists: Callable[[str], bool]) -> Any:
    """A config's ``nav`` without the entries naming a page that does not exist (a page the agency did not
    write, such as ``chat-luong/muc-tieu.md``), and without the sections that leaves empty."""
    if isinstance(nav, list):
        kept = [nav_with_pages(item, exists) for item in nav]
        return [item for item in kept if item is not None]
    if isinstance(nav, dict):
        entries = {title: nav_with_pages(value, exists) for title, value in nav.items()}
        entries = {title: value for title, value in entries.items() if value not in (None, [])}
        return entries or None
    if isinstance(nav, str) and nav.endswith(".md") and "://" not in nav:
        return nav if exists(nav) else None
    return nav
