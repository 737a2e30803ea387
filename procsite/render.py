"""Render procedures, the catalogue, units and fields to Markdown pages, per language.

Values are computed here (formatted times, money, dates, links); the Jinja
templates in ``procsite/templates`` only lay them out. The output is plain
Markdown with HTML blocks, so any Markdown site builder can publish it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import paths
from .body import render_body
from .checks import steps_total
from .folding import sort_key
from .i18n import (
    format_date,
    format_duration,
    format_fee_range,
    format_money,
    format_processing_time,
    format_processing_time_short,
    plural,
    t,
)
from .loader import Catalog
from .model import Procedure, Text
from .qr import qr_svg
from .workdays import due_rule, working_calendar

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def text_html(text: Text | None, lang: str) -> Markup:
    """A citizen-facing text as HTML; untranslated English shows the Vietnamese, marked as such."""
    if text is None:
        return Markup("")
    if text.missing(lang):
        return Markup('<span lang="vi">{}</span> <small class="ps-untranslated">({})</small>').format(
            text.vi, t("untranslated", lang)
        )
    return escape(text.get(lang))


def yaml_string(value: str) -> str:
    """A string safe to put in front matter (JSON is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


class PageRenderer:
    """Renders every generated page of one catalog in one language."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        self.catalog, self.lang = catalog, lang
        self.by_code = catalog.by_code()
        self._steps_by_unit: dict[str, list[tuple[Procedure, int]]] | None = None
        self.calendar = json.dumps(working_calendar(dt.date.today()), separators=(",", ":"))
        site_url = catalog.agency.site_url if catalog.agency else None
        self.public_root = (site_url.rstrip("/") + "/" + paths.SITE_ROOTS[lang]) if site_url else None

    def tx(self, text: Text | None) -> Markup:
        return text_html(text, self.lang)

    def pages(self) -> dict[str, str]:
        """Every generated Markdown page, by path."""
        out = {paths.CATALOGUE: self.catalogue(), paths.UNITS: self.units_index()}
        for procedure in self.catalog.procedures:
            out[paths.procedure_page(procedure.slug)] = self.procedure(procedure)
        for unit_id in self.catalog.units:
            out[paths.unit_page(unit_id)] = self.unit(unit_id)
        for field_id in self.catalog.fields:
            out[paths.field_page(field_id)] = self.field(field_id)
        return out

    def _unit(self, unit_id: str, here: str) -> dict[str, Any]:
        unit = self.catalog.units[unit_id]
        return {"name": self.tx(unit.name), "link": paths.link(here, paths.unit_page(unit_id))}

    def _procedure_ref(self, code: str, here: str) -> dict[str, Any]:
        p = self.by_code[code]
        return {"code": code, "title": self.tx(p.title), "link": paths.link(here, paths.procedure_page(p.slug))}

    def _form(self, form_id: str | None, here: str) -> dict[str, Any] | None:
        if form_id is None:
            return None
        form = self.catalog.forms[form_id]
        return {"title": self.tx(form.title), "link": paths.link(here, paths.form_file(form.file))}

    def row(self, p: Procedure, here: str) -> dict[str, Any]:
        """One procedure as a catalogue row."""
        lang = self.lang
        return {
            "code": p.code,
            "title": self.tx(p.title),
            "link": paths.link(here, paths.procedure_page(p.slug)),
            "field": self.tx(self.catalog.fields[p.field].name),
            "field_id": p.field,
            "level": t(f"level.{p.level}", lang),
            "time": format_processing_time_short(p.processing_time, lang),
            "time_sort": _time_sort_key(p),
            "fee": format_fee_range(p.fees, lang),
            "fee_sort": min(f.amount for f in p.fees),
            "status": p.status,
            "search": " ".join([p.title.vi, p.title.en or "", p.code, p.iso.code, *p.keywords.vi, *p.keywords.en]),
        }

    def procedure(self, p: Procedure) -> str:
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
            "title": p.title.get(lang),
            "title_html": self.tx(p.title),
            "field": {
                "name": self.tx(self.catalog.fields[p.field].name),
                "link": paths.link(here, paths.field_page(p.field)),
            },
            "level": t(f"level.{p.level}", lang),
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
            "result": self.tx(p.result),
            "applicants": self.tx(p.applicants),
            "units": [self._unit(u, here) for u in p.performing_units],
            "competent": self._unit(p.competent_unit, here) if p.competent_unit else None,
            "status": p.status,
            "status_note": self.tx(p.status_note),
            "replacement": self._procedure_ref(p.superseded_by, here) if p.superseded_by else None,
            "steps": [
                {
                    "n": i,
                    "action": self.tx(s.action),
                    "unit": self._unit(s.unit, here),
                    "duration": format_duration(s.duration, lang),
                    "output": self.tx(s.output),
                    "form": self._form(s.form, here),
                    "parallel": s.parallel,
                }
                for i, s in enumerate(p.steps, start=1)
            ],
            "total": format_duration(total, lang) if total else "",
            "timing_note": self.tx(p.timing_note),
            "lanes": [self._unit(u, here) for u in lanes],
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
                    "form": self._form(d.form, here),
                    "condition": self.tx(d.condition),
                }
                for d in p.documents
            ],
            "conditions": [self.tx(c) for c in p.conditions],
            "legal": [
                {
                    "number": b.number,
                    "title": self.tx(b.title),
                    "date": format_date(b.date, lang),
                    "issuer": self.tx(b.issuer),
                }
                for b in p.legal_basis
            ],
            "control": {
                "code": p.iso.code,
                "issue": p.iso.issue,
                "effective": format_date(p.iso.effective, lang),
                "drafted": self._unit(p.iso.drafted_by, here),
                "reviewed": self._unit(p.iso.reviewed_by, here),
                "approved": self._unit(p.iso.approved_by, here),
            },
            "revisions": [
                {
                    "issue": r.issue,
                    "date": format_date(r.date, lang),
                    "section": self.tx(r.section),
                    "change": self.tx(r.change),
                }
                for r in sorted(p.iso.revisions, key=lambda r: r.issue)
            ],
            "body": render_body(p.body.get(lang)),
            "body_untranslated": bool(p.body.vi) and p.body.missing(lang),
            "related": [self._procedure_ref(c, here) for c in p.related],
            "description": f"{p.code} · {format_processing_time(p.processing_time, lang)} · "
            f"{format_fee_range(p.fees, lang)}",
            "qr": self._qr(p),
            "due": json.dumps({"rule": due_rule(p), "lang": lang}, separators=(",", ":")),
            "calendar": self.calendar,
        }
        return _ENV.get_template("procedure.md.j2").render(view)

    def public_url(self, p: Procedure) -> str | None:
        """The address of the procedure's public page, for QR codes; None without the agency's site_url."""
        return self.public_root + paths.url_of(paths.procedure_page(p.slug)) if self.public_root else None

    def _qr(self, p: Procedure) -> dict[str, Any] | None:
        url = self.public_url(p)
        return {"url": url, "svg": qr_svg(url, t("qr.label", self.lang))} if url else None

    def _table(self, procedures: list[Procedure], here: str) -> list[dict[str, Any]]:
        return [
            self.row(p, here) for p in sorted(procedures, key=lambda p: (p.status != "in_force", sort_key(p.title.vi)))
        ]

    def catalogue(self) -> str:
        """All procedures in one sortable, filterable table."""
        here, lang = paths.CATALOGUE, self.lang
        fields = [{"id": fid, "name": f.name.get(lang)} for fid, f in self.catalog.fields.items()]
        return _ENV.get_template("catalogue.md.j2").render(
            t=lambda key, **kw: t(key, lang, **kw),
            lang=lang,
            rows=self._table(self.catalog.procedures, here),
            fields=fields,
            count=plural("procedures", len(self.catalog.procedures), lang),
        )

    def field(self, field_id: str) -> str:
        """The procedures of one field."""
        here, lang, f = paths.field_page(field_id), self.lang, self.catalog.fields[field_id]
        rows = self._table([p for p in self.catalog.procedures if p.field == field_id], here)
        return _ENV.get_template("field.md.j2").render(
            t=lambda key, **kw: t(key, lang, **kw),
            lang=lang,
            title=f.name.get(lang),
            description=self.tx(f.description),
            rows=rows,
            catalogue=paths.link(here, paths.CATALOGUE),
        )

    def _unit_steps(self) -> dict[str, list[tuple[Procedure, int]]]:
        """Per unit, the (procedure, step number) pairs it is responsible for; computed once per renderer."""
        if self._steps_by_unit is None:
            steps: dict[str, list[tuple[Procedure, int]]] = defaultdict(list)
            for p in sorted(self.catalog.procedures, key=lambda p: sort_key(p.title.vi)):
                for i, step in enumerate(p.steps, start=1):
                    steps[step.unit].append((p, i))
            self._steps_by_unit = steps
        return self._steps_by_unit

    def units_index(self) -> str:
        """Every unit with the number of steps it is responsible for."""
        here, lang, steps = paths.UNITS, self.lang, self._unit_steps()
        units = [
            {
                **self._unit(uid, here),
                "count": plural("steps", len(steps.get(uid, [])), lang),
                "description": self.tx(u.description),
                "part_of": self._unit(u.part_of, here) if u.part_of else None,
            }
            for uid, u in self.catalog.units.items()
        ]
        return _ENV.get_template("units.md.j2").render(t=lambda key, **kw: t(key, lang, **kw), units=units)

    def unit(self, unit_id: str) -> str:
        """One unit and, per procedure, the steps it is responsible for."""
        here, lang, unit = paths.unit_page(unit_id), self.lang, self.catalog.units[unit_id]
        rows = [
            {
                "procedure": self._procedure_ref(p.code, here),
                "n": i,
                "action": self.tx(p.steps[i - 1].action),
                "duration": format_duration(p.steps[i - 1].duration, lang),
                "status": p.status,
            }
            for p, i in self._unit_steps().get(unit_id, [])
        ]
        return _ENV.get_template("unit.md.j2").render(
            t=lambda key, **kw: t(key, lang, **kw),
            title=unit.name.get(lang),
            description=self.tx(unit.description),
            part_of=self._unit(unit.part_of, here) if unit.part_of else None,
            rows=rows,
            units=paths.link(here, paths.UNITS),
        )

    def home_blocks(self, here: str = "index.md") -> str:
        """The generated part of the home page: search, most used procedures, fields, contact."""
        lang, agency = self.lang, self.catalog.agency
        featured = [
            self._procedure_ref(c, here) | {"time": format_processing_time(self.by_code[c].processing_time, lang)}
            for c in (agency.featured if agency else [])
            if c in self.by_code
        ]
        counts: dict[str, int] = defaultdict(int)
        for p in self.catalog.procedures:
            counts[p.field] += 1
        fields = [
            {
                "name": self.tx(f.name),
                "link": paths.link(here, paths.field_page(fid)),
                "count": plural("procedures", counts[fid], lang),
            }
            for fid, f in self.catalog.fields.items()
        ]
        contact = None
        if agency:
            contact = {
                "address": self.tx(agency.address),
                "hours": self.tx(agency.hours),
                "phone": agency.phone,
                "email": agency.email,
            }
        return _ENV.get_template("home.md.j2").render(
            t=lambda key, **kw: t(key, lang, **kw),
            featured=featured,
            fields=fields,
            contact=contact,
            catalogue=paths.link(here, paths.CATALOGUE),
            count=len(self.catalog.procedures),
        )


def _time_sort_key(p: Procedure) -> float:
    time = p.processing_time
    if time.same_day or time.limit is None:
        return 0.5
    return (
        time.limit.amount * (1.4 if time.limit.calendar else 1)
        if time.limit.unit != "working_hours"
        else time.limit.amount / 8
    )
