"""Render the catalogue, fields, units, the home page and the agency's pages to Markdown pages, per language.

Values are computed here (formatted times, money, dates, links); the Jinja
templates in ``procsite/pages/templates`` only lay them out. The output is plain
Markdown with HTML blocks, so any Markdown site builder can publish it.
Procedure pages are rendered by ``procedure_page.py``, the agency's pages by ``agency_page.py``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from procsite import paths
from procsite.folding import sort_key
from procsite.model.catalog import Catalog
from procsite.model.procedure import Procedure
from procsite.pages.agency_page import AgencyPages
from procsite.pages.i18n import (
    format_duration,
    format_fee_range,
    format_processing_time,
    format_processing_time_short,
    plural,
    t,
)
from procsite.pages.procedure_page import ProcedurePage
from procsite.pages.templating import TEMPLATES, CatalogView, render_page
from procsite.source.agency_pages import HOME


class PageRenderer(CatalogView):
    """Renders every generated page of one catalog in one language."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        super().__init__(catalog, lang)
        self._steps_by_unit: dict[str, list[tuple[Procedure, int]]] | None = None
        self._procedure_page = ProcedurePage(catalog, lang)
        self._agency_pages = AgencyPages(catalog, lang)

    def pages(self) -> dict[str, str]:
        """Every generated Markdown page, by path."""
        return {path: render() for path, render in self.page_renderers().items()}

    def page_renderers(self) -> dict[str, Callable[[], str]]:
        """Per generated page, by path, what renders it: to render only the pages a change touches."""
        out: dict[str, Callable[[], str]] = {
            HOME: self.home,
            paths.CATALOGUE: self.catalogue,
            paths.UNITS: self.units_index,
            **self._agency_pages.page_renderers(),
        }
        for procedure in self.catalog.procedures:
            out[paths.procedure_page(procedure.slug)] = functools.partial(self.procedure, procedure)
        for unit_id in self.catalog.units:
            out[paths.unit_page(unit_id)] = functools.partial(self.unit, unit_id)
        for field_id in self.catalog.fields:
            out[paths.field_page(field_id)] = functools.partial(self.field, field_id)
        return out

    def row(self, p: Procedure, here: str) -> dict[str, Any]:
        """One procedure as a catalogue row."""
        lang = self.lang
        return {
            "code": p.code,
            "title": self.tx(p.title),
            "link": paths.link(here, paths.procedure_page(p.slug)),
            "field": self.tx(self.catalog.fields[p.field].name),
            "field_id": p.field,
            "level": t(f"level.{p.level}", lang) if p.level else "",
            "time": format_processing_time_short(p.processing_time, lang),
            "time_sort": _time_sort_key(p),
            "fee": format_fee_range(p.fees, lang),
            "fee_sort": min((f.amount for f in p.fees if f.amount is not None), default=-1),
            "status": p.status,
            "search": " ".join(
                [p.title.vi, p.title.en or "", p.code, p.iso.code if p.iso else "", *p.keywords.vi, *p.keywords.en]
            ),
        }

    def procedure(self, p: Procedure) -> str:
        """A procedure page: summary, steps, flow, documents, fees, legal basis, document control."""
        return self._procedure_page.render(p)

    def _table(self, procedures: list[Procedure], here: str) -> list[dict[str, Any]]:
        return [
            self.row(p, here) for p in sorted(procedures, key=lambda p: (p.status != "in_force", sort_key(p.title.vi)))
        ]

    def catalogue(self) -> str:
        """All procedures in one sortable, filterable table."""
        here, lang = paths.CATALOGUE, self.lang
        fields = [{"id": fid, "name": f.name.get(lang)} for fid, f in self.catalog.fields.items()]
        return TEMPLATES.get_template("catalogue.md.j2").render(
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
        return render_page(
            "field.md.j2",
            f.name.get(lang),
            t=lambda key, **kw: t(key, lang, **kw),
            lang=lang,
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
                **self.unit_ref(uid, here),
                "count": plural("steps", len(steps.get(uid, [])), lang),
                "description": self.tx(u.description),
                "part_of": self.unit_ref(u.part_of, here) if u.part_of else None,
            }
            for uid, u in self.catalog.units.items()
        ]
        return TEMPLATES.get_template("units.md.j2").render(t=lambda key, **kw: t(key, lang, **kw), units=units)

    def unit(self, unit_id: str) -> str:
        """One unit and, per procedure, the steps it is responsible for."""
        here, lang, unit = paths.unit_page(unit_id), self.lang, self.catalog.units[unit_id]
        rows = [
            {
                "procedure": self.procedure_ref(p.code, here),
                "n": i,
                "action": self.tx(p.steps[i - 1].action),
                "duration": format_duration(p.steps[i - 1].duration, lang),
                "status": p.status,
            }
            for p, i in self._unit_steps().get(unit_id, [])
        ]
        return render_page(
            "unit.md.j2",
            unit.name.get(lang),
            t=lambda key, **kw: t(key, lang, **kw),
            description=self.tx(unit.description),
            part_of=self.unit_ref(unit.part_of, here) if unit.part_of else None,
            rows=rows,
            units=paths.link(here, paths.UNITS),
        )

    def home(self) -> str:
        """The home page: the agency's text (``pages/vi/index.md``), then search, the most used procedures,
        the fields and the contact."""
        here, lang, agency = HOME, self.lang, self.catalog.agency
        featured = [
            self.procedure_ref(c, here) | {"time": format_processing_time(self.by_code[c].processing_time, lang)}
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
        return TEMPLATES.get_template("home.md.j2").render(
            self._agency_pages.home_text(),
            featured=featured,
            fields=fields,
            contact=contact,
            catalogue=paths.link(here, paths.CATALOGUE),
            count=len(self.catalog.procedures),
        )


def _time_sort_key(p: Procedure) -> float:
    time = p.processing_time
    if time.limit is None:
        return 0.5 if time.same_day else 1e9  # a time still to complete sorts last, not as the quickest
    return (
        time.limit.amount * (1.4 if time.limit.calendar else 1)
        if time.limit.unit != "working_hours"
        else time.limit.amount / 8
    )
