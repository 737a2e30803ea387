"""Render every generated page of one language to Markdown: the home page and the units' index here,
the lists of procedures (catalogue, fields, units) in ``lists.py``.

Values are computed here (formatted times, money, dates, links); the Jinja
templates in ``procsite/pages/templates`` only lay them out. The output is plain
Markdown with HTML blocks, so any Markdown site builder can publish it.
Procedure pages are rendered by ``procedure_page.py``, the agency's pages by ``agency_page.py``.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.model.procedure import Procedure
from procsite.pages.agency_page import AgencyPages
from procsite.pages.i18n import format_processing_time, plural, t
from procsite.pages.lists import ListPages
from procsite.pages.procedure_page import ProcedurePage
from procsite.pages.quality import system_link
from procsite.pages.templating import TEMPLATES, CatalogView
from procsite.source.agency_pages import HOME


class PageRenderer(CatalogView):
    """Renders every generated page of one catalog in one language."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        super().__init__(catalog, lang)
        self._procedure_page = ProcedurePage(catalog, lang)
        self._agency_pages = AgencyPages(catalog, lang)
        self._lists = ListPages(catalog, lang)

    def pages(self) -> dict[str, str]:
        """Every generated Markdown page, by path."""
        return {path: render() for path, render in self.page_renderers().items()}

    def page_renderers(self) -> dict[str, Callable[[], str]]:
        """Per generated page, by path, what renders it: to render only the pages a change touches."""
        out: dict[str, Callable[[], str]] = {
            HOME: self.home,
            paths.UNITS: self.units_index,
            **self._lists.page_renderers(),
            **self._agency_pages.page_renderers(),
        }
        for procedure in self.catalog.procedures:
            out[paths.procedure_page(procedure.slug)] = functools.partial(self.procedure, procedure)
        return out

    def procedure(self, p: Procedure) -> str:
        """A procedure page: summary, steps, flow, documents, fees, legal basis, document control."""
        return self._procedure_page.render(p)

    def catalogue(self, number: int = 1) -> str:
        """Page ``number`` of the catalogue (``lists.py``)."""
        return self._lists.catalogue(number)

    def units_index(self) -> str:
        """Every unit with the number of steps it is responsible for."""
        here, lang = paths.UNITS, self.lang
        steps = Counter(step.unit for p in self.catalog.procedures for step in p.steps)
        units = [
            {
                **self.unit_ref(uid, here),
                "count": plural("steps", steps[uid], lang),
                "description": self.tx(u.description),
                "part_of": self.unit_ref(u.part_of, here) if u.part_of else None,
            }
            for uid, u in self.catalog.units.items()
        ]
        return TEMPLATES.get_template("units.md.j2").render(t=lambda key, **kw: t(key, lang, **kw), units=units)

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
            system=system_link(self.catalog, here, lang),
        )
