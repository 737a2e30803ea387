"""Checks of the quality registers across files: the pages documents are shown on, numbers used once in the
whole system (documents, processes, the announcement), revisions that match the issue, the procedures the
announcement covers. References to units and forms are checked where they are written (``Ref``)."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from procsite import paths
from procsite.messages import Msg
from procsite.model.quality import quality_pages
from procsite.problems import closest
from procsite.source.body_links import site_pages

if TYPE_CHECKING:
    from procsite.model.catalog import Catalog


def check_quality(catalog: Catalog) -> None:
    """Record every cross-file problem of the quality registers in the catalog's report."""
    _check_documents(catalog)
    _check_announcement(catalog)


def published_addresses(catalog: Catalog) -> set[str]:
    """Every page address of the site (``chat-luong/chinh-sach/``), the quality pages included."""
    return {*site_pages(catalog), *(paths.url_of(path) for path in quality_pages(catalog))}


def _check_documents(catalog: Catalog) -> None:
    rel = f"{catalog.root.name}/documents.yml"
    first: dict[str, str] = {}
    for p in sorted(catalog.procedures, key=lambda p: p.source):
        if p.iso is not None:
            first.setdefault(p.iso.code, p.source)
    system = catalog.system
    if system is not None and system.announcement is not None:
        first.setdefault(system.announcement.number, f"{catalog.root.name}/system.yml")
    addresses: set[str] | None = None
    for doc_id, doc in catalog.documents.items():
        line = catalog.register_line("documents", f"{doc_id}.number")
        taken = first.setdefault(doc.number, f"{rel}:{line}")
        if taken != f"{rel}:{line}":
            message = Msg("quality.number_taken", value=doc.number, first=taken)
            catalog.report.add(rel, line, f"{doc_id}.number", message, Msg("quality.number_taken.hint"))
        if doc.page is not None:
            addresses = published_addresses(catalog) if addresses is None else addresses
            address = doc.page.rstrip("/") + "/"
            if address not in addresses:
                where = f"{doc_id}.page"
                message = Msg("quality.page_unknown", page=doc.page)
                close = difflib.get_close_matches(address, sorted(addresses), n=1, cutoff=0.8)
                hint = Msg("closest.match", match=close[0]) if close else Msg("quality.page_unknown.hint")
                catalog.report.add(rel, catalog.register_line("documents", where), where, message, hint)
        last = doc.last_revision()
        if last is not None and last.issue != doc.issue:
            where = f"{doc_id}.issue"
            message = Msg("revision.issue", last=last.issue, issue=doc.issue if doc.issue is not None else "—")
            line = catalog.register_line("documents", where) or catalog.register_line("documents", doc_id)
            catalog.report.add(rel, line, where, message, Msg("quality.revision_issue.hint"))


def _check_announcement(catalog: Catalog) -> None:
    system = catalog.system
    if system is None or system.announcement is None or system.announcement.procedures is None:
        return
    if catalog.unreadable:
        return  # a code may be in a file that could not be read: checked once every file is read
    codes = catalog.codes()
    for i, code in enumerate(system.announcement.procedures):
        if code not in codes:
            where = f"announcement.procedures[{i}]"
            catalog.report.add(
                f"{catalog.root.name}/system.yml",
                catalog.register_line("system", where),
                where,
                Msg("published.unknown", code=code),
                closest(code, sorted(codes)),
            )
