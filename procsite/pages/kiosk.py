"""The kiosk at the one-stop desk: a start page and a page per field, with large tiles.

Any procedure is one tap (a common one) or two taps (field, then procedure) from the start.
Procedures open on their public pages, which the kiosk script shows in kiosk mode.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from procsite import paths
from procsite.folding import sort_key
from procsite.pages.i18n import format_fee_range, format_processing_time_short, plural, t
from procsite.pages.render import PageRenderer
from procsite.pages.templating import TEMPLATES, render_page


class KioskRenderer:
    """Renders the kiosk pages of one language."""

    def __init__(self, pages: PageRenderer) -> None:
        self.r = pages
        self.lang = pages.lang

    def pages(self) -> dict[str, str]:
        """The kiosk start page and one page per field, by path."""
        return {path: render() for path, render in self.page_renderers().items()}

    def page_renderers(self) -> dict[str, Callable[[], str]]:
        """Per kiosk page, by path, what renders it: to render only the pages a change touches."""
        out: dict[str, Callable[[], str]] = {paths.KIOSK: self.start}
        for field_id in self.r.catalog.fields:
            out[paths.kiosk_field_page(field_id)] = functools.partial(self.field, field_id)
        return out

    def _tile(self, code: str, here: str) -> dict[str, Any]:
        p = self.r.by_code[code]
        return {
            "title": self.r.tx(p.title),
            "link": paths.link(here, paths.procedure_page(p.slug)),
            "time": format_processing_time_short(p.processing_time, self.lang),
            "fee": format_fee_range(p.fees, self.lang),
            "status": p.status,
        }

    def start(self) -> str:
        """Common procedures, then the fields, and a large search box."""
        here, catalog = paths.KIOSK, self.r.catalog
        featured = [
            self._tile(c, here) for c in (catalog.agency.featured if catalog.agency else []) if c in self.r.by_code
        ]
        counts: dict[str, int] = defaultdict(int)
        for p in catalog.procedures:
            if p.status == "in_force":
                counts[p.field] += 1
        fields = [
            {
                "name": self.r.tx(f.name),
                "link": paths.link(here, paths.kiosk_field_page(fid)),
                "count": plural("procedures", counts[fid], self.lang),
            }
            for fid, f in catalog.fields.items()
            if counts[fid]
        ]
        return TEMPLATES.get_template("kiosk_start.md.j2").render(
            t=lambda key, **kw: t(key, self.lang, **kw),
            featured=featured,
            fields=fields,
            agency=self.r.tx(catalog.agency.name) if catalog.agency else "",
            phone=catalog.agency.phone if catalog.agency else None,
        )

    def field(self, field_id: str) -> str:
        """The procedures in force of one field, as tiles."""
        here, catalog = paths.kiosk_field_page(field_id), self.r.catalog
        procedures = sorted(
            (p for p in catalog.procedures if p.field == field_id and p.status == "in_force"),
            key=lambda p: sort_key(p.title.get(self.lang)),
        )
        return render_page(
            "kiosk_field.md.j2",
            catalog.fields[field_id].name.get(self.lang),
            t=lambda key, **kw: t(key, self.lang, **kw),
            tiles=[self._tile(p.code, here) for p in procedures],
            start=paths.link(here, paths.KIOSK),
        )
