"""The quality system's pages, from its registers: the objectives with their results and charts
(``chat-luong/muc-tieu/``), the document register (``chat-luong/tai-lieu/``) and the system itself
(``chat-luong/he-thong/``).

Each page starts with the agency's own text at its address when it wrote one (``pages/*/chat-luong/…md``:
its title and introduction, laid out as the agency's pages are), then the part made from the data. Values
are computed here, whether an objective was met included; the templates only lay them out.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.model.quality import (
    OBJECTIVES_PAGE,
    POLICY_PAGE,
    REGISTER_CSV,
    REGISTER_PAGE,
    SYSTEM_PAGE,
    Objective,
    quality_pages,
)
from procsite.pages.chart import objective_chart
from procsite.pages.i18n import format_date, plural, t
from procsite.pages.quality_strings import format_figure, format_target, qt
from procsite.pages.register import RegisterView, register_csv
from procsite.pages.templating import TEMPLATES, CatalogView
from procsite.source.page_layout import Heading, heading_id, layout

RESULTS_ID = "results"
"""The objectives page's summary of the latest year with results."""
SYSTEM_IDS = frozenset({"standard", "announcement", "scope", "documents", "secretary"})
"""The sections of the system page (``quality_system.md.j2``)."""


def section_id(objective_id: str) -> str:
    """The id of an objective's section on the objectives page (the same in both languages)."""
    return f"muc-tieu-{objective_id}"


class QualityPages(CatalogView):
    """Renders the quality pages of one catalog in one language."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        super().__init__(catalog, lang)
        self.paths = quality_pages(catalog)

    def page_renderers(self) -> dict[str, Callable[[], str]]:
        """Per quality page, by path, what renders it; the objectives page replaces the agency's page of the
        same address, whose text it shows first."""
        renderers = {REGISTER_PAGE: self.register, OBJECTIVES_PAGE: self.objectives, SYSTEM_PAGE: self.system}
        return {path: renderers[path] for path in self.paths}

    def pages(self) -> dict[str, str]:
        """Every quality page, by path."""
        return {path: render() for path, render in self.page_renderers().items()}

    def _site_pages(self) -> set[str]:
        return {*self.catalog.pages, *self.paths}

    def _intro(self, path: str, default_title: str, taken: frozenset[str]) -> dict[str, Any]:
        """The page's title and the agency's text at ``path`` (laid out avoiding the ids ``taken``), or the
        default title; the agency's Vietnamese text on the English site is marked as such."""
        page = self.catalog.pages.get(path)
        shape = layout(page.get(self.lang).text, taken) if page else None
        untranslated = page is not None and page.missing(self.lang)
        title = shape.title if shape else None
        if title is None:
            title = Heading(1, heading_id(default_title, set(taken)), escape(default_title), default_title)
        shown = Markup('<span lang="vi">{}</span>').format(title.html) if untranslated else title.html
        return {
            "page_title": html.escape(title.text, quote=False),
            "heading": {"html": shown, "id": title.id},
            "parts": shape.parts if shape else (),
            "untranslated": untranslated,
            "vietnamese": untranslated,
            "t": lambda key, **kw: t(key, self.lang, **kw),
            "q": lambda key, **kw: qt(key, self.lang, **kw),
        }

    def _render(self, template: str, path: str, title: str, taken: frozenset[str], **view: Any) -> str:
        return TEMPLATES.get_template(template).render(self._intro(path, title, taken), **view)

    def register(self) -> str:
        """The document register."""
        view = RegisterView(self.catalog, self.lang).view(self._site_pages())
        taken = frozenset(row["id"] for row in view["rows"])
        return self._render("quality_register.md.j2", REGISTER_PAGE, qt("register.title", self.lang), taken, **view)

    def _objective(self, n: int, objective_id: str, objective: Objective) -> dict[str, Any]:
        lang = self.lang
        counted = objective.counted.get(lang) if objective.counted else ""
        years = []
        for figures in objective.by_year():
            result = objective.met(figures)
            years.append(
                {
                    "year": figures.year,
                    "target": format_target(objective.comparison, figures.target, objective.unit, lang, counted),
                    "achieved": (
                        format_figure(figures.achieved, objective.unit, lang, counted)
                        if figures.achieved is not None
                        else qt("register.none", lang)
                    ),
                    "result": "pending" if result is None else "met" if result else "not-met",
                    "verdict": qt(
                        "result.pending" if result is None else "result.met" if result else "result.not_met", lang
                    ),
                    "note": self.tx(figures.note),
                }
            )
        return {
            "id": section_id(objective_id),
            "n": n,
            "number": qt("objectives.heading", lang, n=n),
            "name": self.tx(objective.name),
            "measure": self.tx(objective.measure),
            "source": self.tx(objective.source),
            "note": self.tx(objective.note),
            "years": years,
            "notes": any(y["note"] for y in years),
            "chart": objective_chart(objective, f"ps-chart-{objective_id}", lang),
            "caption": qt("objectives.figures", lang, name=objective.name.get(lang)),
        }

    def _results(self, objectives: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The latest year any objective has a result for, with each objective's figures that year."""
        counted = [f.year for o in self.catalog.objectives.values() for f in o.years if f.achieved is not None]
        if not counted:
            return None
        year = max(counted)
        rows, met, judged = [], 0, 0
        for objective, shown in zip(self.catalog.objectives.values(), objectives, strict=True):
            figures = next((f for f in objective.years if f.year == year), None)
            result = objective.met(figures) if figures is not None else None
            judged, met = judged + (result is not None), met + (result is True)
            rows.append({"objective": shown, "figures": next((y for y in shown["years"] if y["year"] == year), None)})
        return {
            "year": year,
            "rows": rows,
            "count": qt("objectives.summary_count", self.lang, met=met, total=judged),
        }

    def objectives(self) -> str:
        """The objectives: the agency's text, the latest year's results, then each objective with its chart
        and the table of its figures."""
        objectives = [self._objective(n, oid, o) for n, (oid, o) in enumerate(self.catalog.objectives.items(), 1)]
        taken = frozenset(
            {RESULTS_ID, *(o["id"] for o in objectives), *(f"ps-chart-{oid}" for oid in self.catalog.objectives)}
        )
        return self._render(
            "quality_objectives.md.j2",
            OBJECTIVES_PAGE,
            qt("objectives.title", self.lang),
            taken,
            objectives=objectives,
            results=self._results(objectives),
            results_id=RESULTS_ID,
        )

    def system(self) -> str:
        """The quality management system: its standard and model, its announcement and scope, its documents,
        the ISO secretary and how to send feedback."""
        system, lang, here = self.catalog.system, self.lang, SYSTEM_PAGE
        assert system is not None, "the system page is published only with system.yml"
        announcement = None
        if system.announcement is not None:
            a = system.announcement
            procedures = None
            if a.procedures is not None:
                procedures = [self.procedure_ref(code, here) for code in a.procedures if code in self.by_code]
            announcement = {
                "number": a.number,
                "date": format_date(a.date, lang),
                "signed_by": self.unit_ref(a.signed_by, here),
                "signer": a.signer,
                "title": self.tx(a.title),
                "scope": self.tx(a.scope),
                "units": [self.unit_ref(unit_id, here) for unit_id in a.units],
                "procedures": procedures,
                "count": plural(
                    "procedures", len(procedures) if procedures is not None else len(self.catalog.procedures), lang
                ),
            }
        documents = [
            {"title": qt(key, lang), "link": paths.link(here, path)}
            for path, key in (
                (POLICY_PAGE, "kind.policy"),
                (OBJECTIVES_PAGE, "kind.objectives"),
                (REGISTER_PAGE, "register.title"),
            )
            if path in self._site_pages()
        ]
        return self._render(
            "quality_system.md.j2",
            here,
            qt("system.title", lang),
            SYSTEM_IDS,
            standard=system.standard,
            model=[
                {
                    "number": b.number,
                    "date": format_date(b.date, lang) if b.date else "",
                    "issuer": self.tx(b.issuer),
                    "title": self.tx(b.title),
                }
                for b in system.model
            ],
            announcement=announcement,
            register=paths.link(here, REGISTER_PAGE),
            documents=documents,
            secretary={
                **self.unit_ref(system.secretary, here),
                "description": self.tx(self.catalog.units[system.secretary].description),
            },
            feedback={
                "how": self.tx(system.feedback.how),
                "email": system.feedback.email,
                "phone": system.feedback.phone,
            },
        )


def quality_files(catalog: Catalog) -> dict[str, str]:
    """The quality system's data files, by path (the register as CSV, when the site has a register), published
    once: at the Vietnamese site's root."""
    pages = quality_pages(catalog)
    return {REGISTER_CSV: register_csv(catalog, {*catalog.pages, *pages})} if REGISTER_PAGE in pages else {}


def system_link(catalog: Catalog, here: str, lang: str) -> dict[str, str] | None:
    """The link from the page ``here`` (the home page) to the quality system's page, and its words; None
    without ``system.yml``."""
    if SYSTEM_PAGE not in quality_pages(catalog):
        return None
    return {"link": paths.link(here, SYSTEM_PAGE), "label": qt("system.footer", lang)}
