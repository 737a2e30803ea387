"""What one language's build needs from the core, independent of any site builder."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.pages.blocks import extract_html_blocks
from procsite.pages.kiosk import KioskRenderer
from procsite.pages.render import PageRenderer
from procsite.search.index import INDEX_PATH, SEARCH_SCRIPT_PATH, PageEntry, search_index, search_script
from procsite.source.format import json_schema
from procsite.source.loader import load_catalog_cached


class CatalogError(Exception):
    """The procedures folder has problems; the message lists every one of them."""


@dataclass
class LanguageBuild:
    """The generated pages and files of one language, ready for any site builder."""

    lang: str
    catalog: Catalog
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    data: dict[str, str] = field(default_factory=dict)
    blocks: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per generated page, the HTML blocks kept out of the Markdown parser (see blocks.py)."""
    hand_written: list[PageEntry] = field(default_factory=list)
    """Hand-written pages seen during the build, for the search index."""

    def search_files(self) -> dict[str, str]:
        """The search index of this language and its search script, by output path."""
        index = json.dumps(
            search_index(self.catalog, self.lang, self.hand_written), ensure_ascii=False, separators=(",", ":")
        )
        return {INDEX_PATH: index, SEARCH_SCRIPT_PATH: search_script()}

    def render_again(self, catalog: Catalog, wanted: Collection[str]) -> list[str]:
        """Render again, from ``catalog`` (which replaces this build's), the generated pages ``wanted``;
        the paths rendered. The pages and their blocks stay as ``prepare`` would have made them."""
        renderer = PageRenderer(catalog, self.lang)
        renderers = {**renderer.page_renderers(), **KioskRenderer(renderer).page_renderers()}
        order = {path: i for i, path in enumerate(self.pages)}  # prepare numbers the blocks of each page
        done = [path for path in wanted if path in renderers and path in order]
        for path in done:
            self.pages[path], self.blocks[path] = extract_html_blocks(renderers[path](), str(order[path]))
        self.catalog = catalog
        return done

    def home_blocks(self, page_path: str) -> str:
        """The generated part of the home page."""
        return PageRenderer(self.catalog, self.lang).home_blocks(page_path)


def prepare(procedures: Path, lang: str) -> LanguageBuild:
    """Load and check ``procedures`` and render one language; raises CatalogError listing every problem."""
    catalog = load_catalog_cached(procedures)
    if catalog.report:
        count = len(set(catalog.report.problems))
        raise CatalogError(f"{count} problem{'s' if count != 1 else ''} in {procedures}:\n{catalog.report.text()}")
    build = LanguageBuild(lang, catalog)
    renderer = PageRenderer(catalog, lang)
    for path, markdown in {**renderer.pages(), **KioskRenderer(renderer).pages()}.items():
        build.pages[path], build.blocks[path] = extract_html_blocks(markdown, str(len(build.blocks)))
    for form in catalog.forms.values():
        if form.file:  # None: the file is still to complete
            build.files[paths.form_file(form.file)] = procedures / form.file
    build.data["schema/procedure.schema.json"] = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    return build


def untranslated_page(markdown: str, lang: str) -> str:
    """A hand-written page that has no translation yet: the original, flagged for the template
    (``overrides/main.html`` marks it ``lang="vi"`` under a visible note)."""
    flag = "untranslated_from: vi\n"
    if markdown.startswith("---\n") and "\n---\n" in markdown[4:]:
        return "---\n" + flag + markdown[4:]
    return f"---\n{flag}---\n{markdown}"
