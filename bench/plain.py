"""The same procedure content as plain Markdown pages: what a vanilla MkDocs site would hold.

Used by the benchmark for the vanilla Material build and for the floor (Python-Markdown alone).
"""

from __future__ import annotations

from procsite.model.catalog import Catalog
from procsite.model.procedure import Procedure, Text
from procsite.pages.i18n import format_date, format_duration, format_fee_range, format_money, format_processing_time, t
from procsite.source.checks import steps_total


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def plain_markdown(p: Procedure, catalog: Catalog, lang: str) -> str:
    """A procedure page in plain Markdown: headings, pipe tables and lists."""

    def tx(text: Text | None) -> str:
        return text.get(lang) if text else ""

    def unit(unit_id: str) -> str:
        return catalog.units[unit_id].name.get(lang)

    total = steps_total(p)
    out = [f"# {tx(p.title)}", ""]
    out += [
        f"- **{t('summary.time', lang)}:** {format_processing_time(p.processing_time, lang)}",
        f"- **{t('summary.fee', lang)}:** {format_fee_range(p.fees, lang)}",
        f"- **{t('summary.where', lang)}:** {tx(p.submit_at or (catalog.agency.address if catalog.agency else None))}",
        f"- **{t('summary.channels', lang)}:** " + ", ".join(t(f"channel.{c}", lang) for c in p.channels),
        f"- **{t('summary.result', lang)}:** {tx(p.result)}",
        f"- **{t('summary.code', lang)}:** {p.code}",
        f"- **{t('summary.field', lang)}:** {catalog.fields[p.field].name.get(lang)}",
        "",
    ]
    if p.body.get(lang):
        out += [p.body.get(lang), ""]
    out += [
        f"## {t('steps.title', lang)}",
        "",
        f"| {t('steps.number', lang)} | {t('steps.action', lang)} | {t('steps.unit', lang)} | "
        f"{t('steps.duration', lang)} | {t('steps.output', lang)} |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {i} | {_cell(tx(s.action))} | {_cell(unit(s.unit))} | {format_duration(s.duration, lang)} | "
        f"{_cell(tx(s.output))} |"
        for i, s in enumerate(p.steps, start=1)
    ]
    out += [f"| | **{t('steps.total', lang)}** | | {format_duration(total, lang) if total else ''} | |", ""]
    out += [f"## {t('documents.title', lang)}", ""]
    out += [f"- [ ] {tx(d.name)} ({t(f'documents.{d.action}', lang)})" for d in p.documents] + [""]
    out += [f"## {t('fees.title', lang)}", ""]
    out += [f"- {format_money(f.amount, lang)} {tx(f.label)}" for f in p.fees] + [""]
    if p.conditions:
        out += [f"## {t('conditions.title', lang)}", ""] + [f"- {tx(c)}" for c in p.conditions] + [""]
    out += [
        f"## {t('legal.title', lang)}",
        "",
        f"| {t('legal.number', lang)} | {t('legal.title_col', lang)} | "
        f"{t('legal.date', lang)} | {t('legal.issuer', lang)} |",
        "|---|---|---|---|",
    ]
    out += [
        f"| {b.number} | {_cell(tx(b.title))} | {format_date(b.date, lang)} | {_cell(tx(b.issuer))} |"
        for b in p.legal_basis
    ] + [""]
    if p.iso is None:  # a procedure without an ISO process: no document control section
        return "\n".join(out)
    out += [
        f"## {t('control.title', lang)}",
        "",
        f"| {t('control.code', lang)} | {t('control.issue', lang)} | {t('control.effective', lang)} | "
        f"{t('control.drafted', lang)} | {t('control.reviewed', lang)} | {t('control.approved', lang)} |",
        "|---|---|---|---|---|---|",
        f"| {p.iso.code} | {p.iso.issue} | {format_date(p.iso.effective, lang)} | {_cell(unit(p.iso.drafted_by))} | "
        f"{_cell(unit(p.iso.reviewed_by))} | {_cell(unit(p.iso.approved_by))} |",
        "",
    ]
    return "\n".join(out)
