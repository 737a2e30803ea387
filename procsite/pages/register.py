"""The document register (danh mục tài liệu): every controlled document of the quality system, on a page and
as CSV.

Its rows come from the sources where each document is written once: each procedure's ISO process (its
``iso`` block and ``status``; a process still ``to_complete`` is "being prepared"), the announcing decision
(``system.yml``), the documents the agency lists (``documents.yml``), and the policy and objectives pages
when no entry of ``documents.yml`` describes them. The page holds the whole register, in the order of
``KIND_ORDER``; its columns sort in the browser (``catalogue.js``, the catalogue's own script); without
JavaScript it reads in that order. The CSV is UTF-8 with a byte-order mark, as the catalogue's open data,
so that Excel opens Vietnamese as it is; its columns are ``COLUMNS``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.model.procedure import Procedure, Text
from procsite.model.quality import (
    OBJECTIVES_PAGE,
    POLICY_PAGE,
    REGISTER_CSV,
    REGISTER_PAGE,
    SYSTEM_PAGE,
    ControlledDocument,
    quality_pages,
)
from procsite.pages.i18n import format_date
from procsite.pages.quality_strings import qt
from procsite.pages.templating import CatalogView

KIND_ORDER = ("announcement", "policy", "objectives", "manual", "other", "process", "plan", "form", "record")
"""The order of the register without JavaScript: the system's own documents first, then the processes, then
the plans, forms and records that serve them."""

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("kind", "Loại", "process, announcement, policy, objectives, manual, plan, form, record or other"),
    ("number", "Số hiệu", "The document's code or number (an ISO process's code); empty while being prepared"),
    ("title_vi", "Tên tài liệu", "Name in Vietnamese"),
    ("title_en", "Tên tiếng Anh", "Name in English (empty while not translated)"),
    ("issue", "Lần ban hành", "Issue number; empty when the document has none"),
    ("effective", "Ngày hiệu lực", "Effective date (YYYY-MM-DD); empty while being prepared"),
    ("status", "Tình trạng", "in_force, draft (being prepared), superseded or repealed"),
    ("last_change_date", "Ngày sửa đổi gần nhất", "Date of the latest revision (YYYY-MM-DD), or of the issue"),
    ("last_change_vi", "Nội dung sửa đổi gần nhất", "The latest revision, in Vietnamese"),
    ("last_change_en", "Nội dung sửa đổi (tiếng Anh)", "The latest revision, in English (empty while not translated)"),
    ("procedure_code", "Mã thủ tục", "For a process: the national code of its procedure"),
    ("url", "Địa chỉ trang", "The page that shows the document, from the Vietnamese site's root"),
)
"""The CSV's columns: name, Vietnamese heading, meaning (shown on the register page and in the staff guide)."""


@dataclass(frozen=True)
class Entry:
    """One document of the register, in both languages."""

    anchor: str
    """The row's id on the register page: ``quy-trinh-<file name>``, ``tai-lieu-<id>``, ``quyet-dinh-cong-bo``."""
    kind: str
    title: Text
    number: str = ""
    issue: int | None = None
    effective: dt.date | None = None
    status: str = "in_force"
    changed: dt.date | None = None
    change: Text | None = None
    target: str | None = None
    """The page (Markdown path or address, with its section) or file that shows the document."""
    procedure: str = ""


def _issued(issue: int | None) -> Text | None:
    return Text(qt("register.issued", "vi", issue=issue), qt("register.issued", "en", issue=issue)) if issue else None


def _strings(key: str) -> Text:
    return Text(qt(key, "vi"), qt(key, "en"))


def procedure_anchor(slug: str) -> str:
    """The id of the row of the procedure whose file name is ``slug`` on the register page."""
    return f"quy-trinh-{slug}"


def register_link(catalog: Catalog, here: str, slug: str, lang: str) -> dict[str, str] | None:
    """The link from the page ``here`` to the register's row of a procedure's process, and its words; None
    when the site has no register (it shows no quality system)."""
    if REGISTER_PAGE not in quality_pages(catalog):
        return None
    return {"link": f"{paths.link(here, REGISTER_PAGE)}#{procedure_anchor(slug)}", "label": qt("register.link", lang)}


def _process(p: Procedure) -> Entry:
    anchor, target = procedure_anchor(p.slug), paths.procedure_page(p.slug) + "#document-control"
    if p.iso is None:
        return Entry(anchor, "process", p.title, status="draft", target=target, procedure=p.code)
    last = max(p.iso.revisions, key=lambda r: r.issue) if p.iso.revisions else None
    changed, change = (last.date, last.change) if last else (p.iso.effective, _issued(p.iso.issue))
    return Entry(
        anchor, "process", p.title, p.iso.code, p.iso.issue, p.iso.effective, p.status, changed, change, target, p.code
    )


def _document(doc_id: str, doc: ControlledDocument, catalog: Catalog, pages: set[str]) -> Entry:
    target = doc.page.rstrip("/") + "/" if doc.page else None
    if target is None and doc.form is not None:
        form = catalog.forms.get(doc.form)
        target = paths.form_file(form.file) if form is not None and form.file else None
    if target is None and doc.kind == "policy" and POLICY_PAGE in pages:
        target = POLICY_PAGE
    if target is None and doc.kind == "objectives" and OBJECTIVES_PAGE in pages:
        target = OBJECTIVES_PAGE
    last = doc.last_revision()
    changed, change = (last.date, last.change) if last else (doc.effective, _issued(doc.issue))
    return Entry(
        f"tai-lieu-{doc_id}",
        doc.kind,
        doc.title,
        doc.number,
        doc.issue,
        doc.effective,
        doc.status,
        changed,
        change,
        target=target,
    )


def _shows(doc: ControlledDocument, page: str) -> bool:
    kind = {POLICY_PAGE: "policy", OBJECTIVES_PAGE: "objectives"}[page]
    return doc.kind == kind or (doc.page is not None and doc.page.rstrip("/") + "/" == paths.url_of(page))


def register_entries(catalog: Catalog, pages: set[str]) -> list[Entry]:
    """Every document of the register, in ``KIND_ORDER``; ``pages`` are the Markdown paths the site has."""
    entries: list[Entry] = []
    system = catalog.system
    if system is not None and system.announcement is not None:
        a = system.announcement
        title = a.title or _strings("register.announcement")
        target = SYSTEM_PAGE + "#announcement"
        entries.append(
            Entry("quyet-dinh-cong-bo", "announcement", title, a.number, None, a.date, changed=a.date, target=target)
        )
    entries += [_document(doc_id, doc, catalog, pages) for doc_id, doc in catalog.documents.items()]
    for page, kind in ((POLICY_PAGE, "policy"), (OBJECTIVES_PAGE, "objectives")):
        if page in pages and not any(_shows(doc, page) for doc in catalog.documents.values()):
            entries.append(Entry(f"trang-{kind}", kind, _strings(f"kind.{kind}"), target=page))
    processes = sorted(catalog.procedures, key=lambda p: (p.iso is None, p.iso.code if p.iso else "", p.slug))
    entries += [_process(p) for p in processes]
    return sorted(entries, key=lambda e: KIND_ORDER.index(e.kind))


def _link(target: str) -> str:
    """The link from the register's page to a target, with its section."""
    address, _, section = target.partition("#")
    return paths.link(REGISTER_PAGE, address) + (f"#{section}" if section else "")


def _url(target: str | None) -> str:
    if target is None:
        return ""
    address, _, section = target.partition("#")
    return paths.url_of(address) + (f"#{section}" if section else "")


def register_csv(catalog: Catalog, pages: set[str]) -> str:
    """The register as CSV, UTF-8 with a byte-order mark, one row per document, columns ``COLUMNS``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c[0] for c in COLUMNS], lineterminator="\r\n")
    writer.writeheader()
    for e in register_entries(catalog, pages):
        writer.writerow(
            {
                "kind": e.kind,
                "number": e.number,
                "title_vi": e.title.vi,
                "title_en": e.title.en or "",
                "issue": e.issue or "",
                "effective": e.effective.isoformat() if e.effective else "",
                "status": e.status,
                "last_change_date": e.changed.isoformat() if e.changed else "",
                "last_change_vi": e.change.vi if e.change else "",
                "last_change_en": (e.change.en or "") if e.change else "",
                "procedure_code": e.procedure,
                "url": _url(e.target),
            }
        )
    return "\ufeff" + buffer.getvalue()


class RegisterView(CatalogView):
    """The register's rows and links as one language's page shows them."""

    def row(self, e: Entry) -> dict[str, Any]:
        """One document as a row of the register's table."""
        lang, none = self.lang, qt("register.none", self.lang)
        when = format_date(e.changed, lang) if e.changed else none
        return {
            "id": e.anchor,
            "kind": qt(f"kind.{e.kind}", lang),
            "number": e.number or none,
            "title": self.tx(e.title),
            "link": _link(e.target) if e.target else None,
            "issue": e.issue or none,
            "issue_sort": e.issue or 0,
            "effective": format_date(e.effective, lang) if e.effective else none,
            "effective_sort": e.effective.strftime("%Y%m%d") if e.effective else 0,
            "status": qt(f"status.{e.status}", lang),
            "old": e.status in ("superseded", "repealed"),
            "change": Markup("{} — {}").format(when, self.tx(e.change)) if e.change else when,
            "change_sort": e.changed.strftime("%Y%m%d") if e.changed else 0,
        }

    def view(self, pages: set[str]) -> dict[str, Any]:
        """What ``quality_register.md.j2`` shows: the rows, their count, the CSV and its columns."""
        lang = self.lang
        rows = [self.row(e) for e in register_entries(self.catalog, pages)]
        to_vi_root = paths.link(REGISTER_PAGE, "index.md") + "../" * paths.SITE_ROOTS[lang].count("/")
        return {
            "rows": rows,
            "count": qt("register.document" if len(rows) == 1 else "register.documents", lang, n=len(rows)),
            "csv": to_vi_root + REGISTER_CSV,
            "columns": [{"name": name, "vi": vi, "meaning": meaning} for name, vi, meaning in COLUMNS],
        }
