"""The procedure page: summary, steps, flow, documents, fees, legal basis and document control.

Values are computed here (formatted times, money, dates, links, the QR code);
``templates/procedure.md.j2`` only lays them out.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.model.procedure import Procedure
from procsite.model.workdays import due_rule, working_calendar
from procsite.pages.i18n import (
    format_date,
    format_duration,
    format_fee_range,
    format_money,
    format_processing_time,
    plural,
    t,
)
from procsite.pages.jsonld import government_service, script_block
from procsite.pages.qr import qr_svg
from procsite.pages.register import register_link
from procsite.pages.templating import CatalogView, render_page, text_paragraphs
from procsite.source.body import render_body
from procsite.source.checks import steps_total


class ProcedurePage(CatalogView):
    """Renders the procedure pages of one catalog in one language."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        super().__init__(catalog, lang)
        self.calendar = json.dumps(working_calendar(dt.date.today()), separators=(",", ":"))
        site_url = catalog.agency.site_url if catalog.agency else None
        self.public_root = (site_url.rstrip("/") + "/" + paths.SITE_ROOTS[lang]) if site_url else None

    def _form_ref(self, form_id: str | None, here: str) -> dict[str, Any] | None:
        if form_id is None:
            return None
        form = self.catalog.forms[form_id]
        link = paths.link(here, paths.form_file(form.file)) if form.file else None  # None: file to complete
        return {"title": self.tx(form.title), "link": link}

    def _control(self, p: Procedure, here: str) -> dict[str, Any] | None:
        if p.iso is None:
            return None
        return {
            "code": p.iso.code,
            "issue": p.iso.issue,
            "effective": format_date(p.iso.effective, self.lang),
            "drafted": self.unit_ref(p.iso.drafted_by, here),
            "reviewed": self.unit_ref(p.iso.reviewed_by, here),
            "approved": self.unit_ref(p.iso.approved_by, here),
        }

    def _decision(self, p: Procedure) -> str:
        if p.decision is None:
            return ""
        d = p.decision
        text = t("decision.of", self.lang, number=d.number, date=format_date(d.date, self.lang)) if d.date else d.number
        return f"{text} — {d.issuer.get(self.lang)}" if d.issuer else text

    @staticmethod
    def _pending(p: Procedure) -> set[str]:
        """The parts of the page still to complete: each says so instead of showing nothing."""
        whole = {key for key in p.to_complete if "[" not in key and "." not in key}
        if p.processing_time.limit is None and not p.processing_time.same_day:
            whole.add("processing_time")
        return whole

    def render(self, p: Procedure) -> str:
        """A procedure page: summary, steps, flow, documents, fees, legal basis, document control."""
        lang, here = self.lang, paths.procedure_page(p.slug)
        lanes: list[str] = []
        for step in p.steps:
            if step.unit not in lanes:
                lanes.append(step.unit)
        total = steps_total(p)
        agency = self.catalog.agency
        view = {
            "lang": lang,
            "t": lambda key, **kw: t(key, lang, **kw),
            "p": p,
            "field": {
                "name": self.tx(self.catalog.fields[p.field].name),
                "link": paths.link(here, paths.field_page(p.field)),
            },
            "level": t(f"level.{p.level}", lang) if p.level else "",
            "pending": self._pending(p),
            "decision": self._decision(p),
            "national_steps": [text_paragraphs(text, lang) for text in p.national_steps],
            "time": format_processing_time(p.processing_time, lang),
            "verification": (
                t("time.verification", lang, limit=format_duration(p.processing_time.verification_limit, lang))
                if p.processing_time.verification_limit
                else ""
            ),
            "time_note": self.tx(p.processing_time.note),
            "fees": [
                {
                    "amount": format_money(f.amount, lang),
                    "label": self.tx(f.label),
                    "channel": t(f"fees.{f.channel}", lang) if f.channel else "",
                    "exemptions": self.tx(f.exemptions),
                }
                for f in p.fees
            ],
            "fee_range": format_fee_range(p.fees, lang),
            "where": self.tx(p.submit_at or (agency.address if agency else None)),
            "channels": [t(f"channel.{c}", lang) for c in p.channels],
            "result": self.tx(p.result) if p.result else t("pending.value", lang),
            "applicants": self.tx(p.applicants),
            "units": [self.unit_ref(u, here) for u in p.performing_units],
            "competent": self.unit_ref(p.competent_unit, here) if p.competent_unit else None,
            "status": p.status,
            "status_note": self.tx(p.status_note),
            "replacement": self.procedure_ref(p.superseded_by, here) if p.superseded_by else None,
            "steps": [
                {
                    "n": i,
                    "action": self.tx(s.action),
                    "unit": self.unit_ref(s.unit, here),
                    "duration": format_duration(s.duration, lang),
                    "output": self.tx(s.output),
                    "form": self._form_ref(s.form, here),
                    "parallel": s.parallel,
                }
                for i, s in enumerate(p.steps, start=1)
            ],
            "total": format_duration(total, lang) if total else "",
            "timing_note": self.tx(p.timing_note),
            "lanes": [self.unit_ref(u, here) for u in lanes],
            "flow": [
                {
                    "n": i,
                    "lane": lanes.index(s.unit) + 1,
                    "action": self.tx(s.action),
                    "duration": format_duration(s.duration, lang),
                }
                for i, s in enumerate(p.steps, start=1)
            ],
            "documents": [
                {
                    "name": self.tx(d.name),
                    "action": t(f"documents.{d.action}", lang),
                    "counts": ", ".join(
                        c
                        for c in (
                            plural("originals", d.originals, lang) if d.originals else "",
                            plural("copies", d.copies, lang) if d.copies else "",
                        )
                        if c
                    ),
                    "form": self._form_ref(d.form, here),
                    "condition": self.tx(d.condition),
                }
                for d in p.documents
            ],
            "conditions": [self.tx(c) for c in p.conditions],
            "legal": [
                {
                    "number": b.number,
                    "title": self.tx(b.title),
                    "date": format_date(b.date, lang) if b.date else t("pending.value", lang),
                    "issuer": self.tx(b.issuer) if b.issuer else t("pending.value", lang),
                }
                for b in p.legal_basis
            ],
            "control": self._control(p, here),
            "register": register_link(self.catalog, here, p.slug, lang),
            "revisions": [
                {
                    "issue": r.issue,
                    "date": format_date(r.date, lang) if r.date else t("pending.value", lang),
                    "section": self.tx(r.section),
                    "change": self.tx(r.change),
                }
                for r in sorted(p.iso.revisions if p.iso else [], key=lambda r: r.issue)
            ],
            "body": render_body(p.body.get(lang)),
            "body_untranslated": bool(p.body.vi) and p.body.missing(lang),
            "related": [self.procedure_ref(c, here) for c in p.related],
            "description": f"{p.code} · {format_processing_time(p.processing_time, lang)} · "
            f"{format_fee_range(p.fees, lang)}",
            "qr": self._qr(p),
            "jsonld": script_block(government_service(p, self.catalog, lang, self.public_url(p))),
            # No due date while the time is to complete: a guess would be worse than nothing.
            "due": (
                json.dumps({"rule": due_rule(p), "lang": lang}, separators=(",", ":"))
                if p.processing_time.same_day or p.processing_time.limit
                else ""
            ),
            "calendar": self.calendar,
        }
        return render_page("procedure.md.j2", p.title.get(lang), self.tx(p.title), **view)

    def public_url(self, p: Procedure) -> str | None:
        """The address of the procedure's public page, for QR codes; None without the agency's site_url."""
        return self.public_root + paths.url_of(paths.procedure_page(p.slug)) if self.public_root else None

    def _qr(self, p: Procedure) -> dict[str, Any] | None:
        url = self.public_url(p)
        return {"url": url, "svg": qr_svg(url, t("qr.label", self.lang))} if url else None
