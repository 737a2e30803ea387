"""MkDocs hook: publish the procedures folder as pages. The work is done by ``procsite``."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel

from procsite import paths
from procsite.pages.blocks import restore_html_blocks
from procsite.pages.i18n import strings_for
from procsite.search.index import PageEntry
from procsite.site.build import CatalogError, LanguageBuild, heading_titles, nav_with_pages, prepare, untranslated_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink

log = logging.getLogger("mkdocs.plugins.procsite")
SOURCE_LANG = "vi"


def _build(config: MkDocsConfig) -> LanguageBuild:
    build: LanguageBuild = config.extra["procsite_build"]
    return build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check the procedures; any problem stops the build before anything is written. The site's
    name, description, address, footer and logo are the agency's (``agency.yml``), already HTML-escaped
    where Material writes them unescaped; the navigation names only pages this site has."""
    base = Path(config.config_file_path or ".").parent
    procedures = (base / config.extra["procedures"]).resolve()
    try:
        build = config.extra["procsite_build"] = prepare(procedures, config.extra["lang"])
    except CatalogError as error:
        raise Abort(str(error)) from None
    site = build.identity
    config.site_name, config.site_description, config.copyright = site.name, site.description, site.footer
    config.site_url = site.url
    if site.logo:
        config.theme["logo"] = site.logo
    docs = Path(config.docs_dir)
    source_docs = docs.parent / SOURCE_LANG
    config.nav = nav_with_pages(
        config.nav, lambda path: path in build.pages or (docs / path).is_file() or (source_docs / path).is_file()
    )
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
    """Add the generated pages, the form files, the logo and the JSON Schema; make the theme's stylesheet and
    icon in the agency's colours; fill untranslated hand-written pages."""
    build = _build(config)
    for path, change in build.theme_files().items():
        theme_file = files.get_file_from_path(path)
        if theme_file is not None and theme_file.abs_src_path:
            files.remove(theme_file)
            text = Path(theme_file.abs_src_path).read_text(encoding="utf-8")
            files.append(File.generated(config, path, content=change(text)))
    for path, markdown in build.pages.items():
        _replace(files, File.generated(config, path, content=markdown))
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


def _replace(files: Files, file: File) -> None:
    """Add a generated page; a file of ``docs/`` at the same path (left from an older layout) gives way."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        log.warning("docs.replaced: %s is a page the build writes; the file in docs/ is not published", file.src_uri)
        files.remove(existing)
    files.append(file)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Give the headings kept out of the Markdown parser their text in the page's table of contents (the
    parser saw placeholders only). The blocks themselves go back in once the page is made (on_post_page):
    until then MkDocs keeps every page's HTML, and at 6,000 procedures per language theirs was most of it."""
    blocks = _build(config).blocks.get(page.file.src_uri)
    if blocks:
        titles = heading_titles(page.markdown or "", blocks)
        for item in _toc_items(page.toc):
            if not item.title and item.id in titles:
                item.title = titles[item.id]
    page.markdown = None  # read: nothing needs it any more
    return html_text


def _toc_items(items: Any) -> list[AnchorLink]:
    out: list[AnchorLink] = []
    for item in items:
        out += [item, *_toc_items(item.children)]
    return out


def on_pre_page(page: Page, config: MkDocsConfig, **_: Any) -> Page:
    """Date and alternates of each page, set before MkDocs writes the sitemap (which it does before the
    pages): the lastmod is the day the page's data changed, not the build's; the alternates are the same
    page in each language (hreflang, in the sitemap; overrides/main.html says why not in the head)."""
    build = _build(config)
    if page.file.src_uri in build.dates:
        page.update_date = build.dates[page.file.src_uri]
    page.procsite_alternates = build.identity.alternates(page.url)  # type: ignore[attr-defined]
    return page


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    """Give the language switch the address of this same page in each language; note pages for search."""
    build = _build(config)
    lang = build.lang
    src_uri = page.file.src_uri
    if (src_uri not in build.pages or src_uri in build.searchable) and page.title:
        headings = tuple(html.unescape(item.title) for top in page.toc for item in [top, *top.children])
        build.hand_written.append(PageEntry(page.url, html.unescape(str(page.title)), headings))
    context["procsite_strings"] = strings_for(lang)
    context["procsite_kiosk"] = paths.kiosk_links(page.url, lang)
    context["procsite_languages"] = [
        {**language, "link": paths.alternate(page.url, lang, language["lang"]), "current": language["lang"] == lang}
        for language in config.extra["languages"]
    ]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Put the generated HTML blocks back into the page made (see on_page_content), and let go of its HTML:
    MkDocs 1.6 keeps it to the end of the build, and nothing reads it afterwards (the navigation and the
    sitemap read titles, addresses and dates)."""
    blocks = _build(config).blocks.get(page.file.src_uri)
    page.content = None
    return restore_html_blocks(output, blocks) if blocks else output


def on_post_build(config: MkDocsConfig) -> None:
    """Write our search index where Material's search client fetches it (after Material wrote its own)."""
    for path, text in _build(config).search_files().items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """Interface strings for pages made from a template alone (the 404 page). Without a site address, MkDocs
    takes the 404 page to be at the host's root: the English one is at ``en/``."""
    build = _build(config)
    context["procsite_strings"] = strings_for(build.lang)
    if template_name == "404.html" and not config.site_url:
        context["base_url"] = "/" + paths.SITE_ROOTS[build.lang]
    return context
