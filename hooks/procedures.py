"""MkDocs hook: publish the procedures folder as pages. The work is done by ``procsite``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel

from procsite import paths
from procsite.pages.blocks import extract_html_blocks, restore_html_blocks
from procsite.pages.i18n import strings_for
from procsite.search.index import PageEntry
from procsite.site.build import CatalogError, LanguageBuild, prepare, untranslated_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.procsite")
SOURCE_LANG = "vi"


def _build(config: MkDocsConfig) -> LanguageBuild:
    build: LanguageBuild = config.extra["procsite_build"]
    return build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check the procedures; any problem stops the build before anything is written."""
    base = Path(config.config_file_path or ".").parent
    procedures = (base / config.extra["procedures"]).resolve()
    try:
        config.extra["procsite_build"] = prepare(procedures, config.extra["lang"])
    except CatalogError as error:
        raise Abort(str(error)) from None
    _detach_material_indexer(config)
    return config


def _detach_material_indexer(config: MkDocsConfig) -> None:
    """Keep Material's search box but not its indexer: our search client reads our own index (on_post_build),
    and indexing every page's HTML would cost more than the rest of the build at 2,000 pages."""
    search = config.plugins.get("material/search")
    if search is not None:
        handlers = config.plugins.events["page_context"]
        handlers[:] = [h for h in handlers if getattr(h, "__self__", None) is not search]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages, the form files and the JSON Schema; fill untranslated hand-written pages."""
    build = _build(config)
    for path, markdown in build.pages.items():
        files.append(File.generated(config, path, content=markdown))
    for path, source in build.files.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    for path, text in build.data.items():
        files.append(File.generated(config, path, content=text, inclusion=InclusionLevel.NOT_IN_NAV))
    if build.lang != SOURCE_LANG:
        source_docs = Path(config.docs_dir).parent / SOURCE_LANG
        for source in sorted(source_docs.rglob("*.md")):
            rel = source.relative_to(source_docs).as_posix()
            if files.get_file_from_path(rel) is None:
                log.info("translation.missing: %s has no English page yet; showing the Vietnamese one", rel)
                files.append(
                    File.generated(config, rel, content=untranslated_page(source.read_text("utf-8"), build.lang))
                )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Append the generated blocks (search, common procedures, fields) to the home page, kept out of
    the Markdown parser like every generated page (they hold staff texts: the agency's name, address)."""
    if page.file.src_uri == "index.md":
        build = _build(config)
        blocks, build.blocks["index.md"] = extract_html_blocks(build.home_blocks("index.md"), "home")
        return markdown + "\n\n" + blocks
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Put the generated HTML blocks back into the converted page."""
    blocks = _build(config).blocks.get(page.file.src_uri)
    return restore_html_blocks(html, blocks) if blocks else html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    """Give the language switch the address of this same page in each language; note pages for search."""
    build = _build(config)
    lang = build.lang
    if page.file.src_uri not in build.pages and page.title:
        headings = tuple(item.title for top in page.toc for item in [top, *top.children])
        build.hand_written.append(PageEntry(page.url, str(page.title), headings))
    context["procsite_strings"] = strings_for(lang)
    context["procsite_kiosk"] = paths.kiosk_links(page.url, lang)
    context["procsite_languages"] = [
        {**language, "link": paths.alternate(page.url, lang, language["lang"]), "current": language["lang"] == lang}
        for language in config.extra["languages"]
    ]
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Write our search index where Material's search client fetches it (after Material wrote its own)."""
    for path, text in _build(config).search_files().items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """Interface strings for pages made from a template alone (the 404 page)."""
    context["procsite_strings"] = strings_for(_build(config).lang)
    return context
