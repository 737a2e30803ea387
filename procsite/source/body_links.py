"""Links in procedure bodies go somewhere: a web address, or a page or file this site publishes.

A relative link in a body is checked against the pages the build writes (procedures, units,
fields, the catalogue, the further pages of these lists, the kiosk, the forms) and the sections of a
procedure page, so that whatever ``check`` accepts is published without a broken link, and nothing
points out of the site.
"""

from __future__ import annotations

import functools
import posixpath
import re
from typing import TYPE_CHECKING

from procsite import paths
from procsite.messages import Msg
from procsite.model.procedure import Procedure
from procsite.model.quality import quality_pages
from procsite.source.body import body_targets, browser_target

if TYPE_CHECKING:
    from procsite.model.catalog import Catalog

_WEB = re.compile(r"^(https?:|mailto:|tel:)", re.I)


def site_pages(catalog: Catalog) -> dict[str, Procedure | None]:
    """Every address the build publishes, from the site's root, with its procedure when it is one."""
    pages: dict[str, Procedure | None] = {}
    for path in (paths.CATALOGUE, paths.UNITS, paths.KIOSK, "index.md"):
        pages[paths.url_of(path)] = None
    for p in catalog.procedures:
        pages[paths.url_of(paths.procedure_page(p.slug))] = p
    for unit_id in catalog.units:
        pages[paths.url_of(paths.unit_page(unit_id))] = None
    for field_id in catalog.fields:
        pages[paths.url_of(paths.field_page(field_id))] = None
        pages[paths.url_of(paths.kiosk_field_page(field_id))] = None
    for form in catalog.forms.values():
        if form.file:
            pages[paths.form_file(form.file)] = None
    for page_path in catalog.pages:  # the agency's own pages (policy, objectives, …)
        pages[paths.url_of(page_path)] = None
    pages[paths.url_of("thay-doi/index.md")] = None  # the "what changed" page (pages/changes_page.py)
    for page_path in quality_pages(catalog):  # the register, the objectives and the system pages
        pages[paths.url_of(page_path)] = None
    for first, listed in paths.procedure_lists(catalog, "vi", catalog.procedures).items():  # pages 2, 3, … of lists
        for page_path, _ in paths.list_pages(first, listed)[1:]:
            pages[paths.url_of(page_path)] = None
    return pages


def check_body_links(catalog: Catalog) -> None:
    """Report every link or picture of a body that does not lead to a page or file of the site."""
    sections = published_sections(catalog)
    for p in catalog.procedures:
        here = paths.url_of(paths.procedure_page(p.slug))
        own = sections[here] or set()
        for text, rel, first in (
            (p.body.vi, p.source, p.lines.get("body", 1)),
            (p.body.en, p.source.removesuffix(".md") + ".en.md", p.lines.get("body.en", 1)),
        ):
            for tag, target in _targets(text or ""):
                why = link_problem(browser_target(target), here, sections, own, picture=tag == "img")
                if why is not None:
                    line = first + line_of(text or "", target)
                    message = Msg("body.link", target=target, why=Msg(f"body.link.{why}"))
                    catalog.report.add(rel, line, "body", message, Msg("body.link.hint"))


@functools.lru_cache(maxsize=16_384)
def _targets(text: str) -> tuple[tuple[str, str], ...]:
    """``body_targets``, kept per text: every check (each save in ``serve``) reads every body again,
    and converting 4,000 bodies with markdown-it costs seconds where looking them up costs nothing."""
    return tuple(body_targets(text))


def link_problem(
    target: str, here: str, sections: dict[str, set[str] | None], own: set[str], picture: bool
) -> str | None:
    """Why ``target`` (as a browser reads it, written on the page ``here`` whose section ids are ``own``) leads
    nowhere on the site; None when it leads to a page, file or section. ``sections`` has every published
    address with the section ids a link may name (None: any)."""
    if not target:
        return "page"
    if _WEB.match(target) or target.startswith("//"):
        if picture:
            return "picture"  # pictures come only from the site: render_body drops the others
        return "outside" if target.startswith("//") else None
    if ":" in target.split("/", 1)[0]:
        return "scheme"  # javascript:, data:, file: … (render_body removes them; say so)
    address, _, section = target.partition("#")
    address = address.split("?", 1)[0]
    if address.startswith("/"):
        return "rooted"
    if not address:
        return None if section in own else "section"
    resolved = posixpath.normpath(posixpath.join(here, address))
    if resolved == ".." or resolved.startswith("../"):
        return "outside"
    key = "" if resolved == "." else resolved + ("/" if address.endswith("/") else "")
    if key not in sections and key + "/" not in sections:
        return "page"
    ids = sections.get(key, sections.get(key + "/"))
    if section and (ids is None or section not in ids):
        return "section"
    return None


def published_sections(catalog: Catalog) -> dict[str, set[str] | None]:
    """Every address the build publishes, with the section ids a link to it may name: a procedure page's
    sections; None for the others (any id)."""
    return {
        url: paths.procedure_sections(bool(p.conditions), bool(p.related), bool(p.iso and p.iso.revisions))
        if p is not None
        else None
        for url, p in site_pages(catalog).items()
    }


def line_of(text: str, target: str) -> int:
    """The line of a text (from 0) where ``target`` is written; 0 when it cannot be found as written."""
    for number, line in enumerate(text.split("\n")):
        if target in line:
            return number
    return 0
