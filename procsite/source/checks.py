"""Checks across files: references, unique codes, superseding chains and step times."""

from __future__ import annotations

from typing import TYPE_CHECKING

from procsite.messages import Msg
from procsite.model.procedure import WORKING_HOURS_PER_DAY, Duration, Procedure
from procsite.problems import closest
from procsite.source.body_links import check_body_links
from procsite.source.form_files import check_form_files

if TYPE_CHECKING:
    from procsite.model.catalog import Catalog


def check_catalog(catalog: Catalog) -> None:
    """Record every cross-file problem of ``catalog`` in its report."""
    codes = catalog.codes()  # once: every procedure's related and superseded_by are checked against them
    _check_registers(catalog, codes)
    _check_unique(catalog)
    for procedure in catalog.procedures:
        _check_references(catalog, procedure, codes)
        _check_status(catalog, procedure, codes)
        _check_step_times(catalog, procedure)
        _check_revisions(catalog, procedure)
    _check_supersede_cycles(catalog)
    check_body_links(catalog)


def _check_registers(catalog: Catalog, codes: set[str]) -> None:
    units_rel = f"{catalog.root.name}/units.yml"
    for uid, unit in catalog.units.items():
        if (
            unit.part_of is not None
            and unit.part_of not in catalog.units
            and not catalog.already_reported("units", unit.part_of)
        ):
            catalog.report.add(
                units_rel,
                catalog.register_line("units", f"{uid}.part_of"),
                f"{uid}.part_of",
                Msg("ref.unknown", register="units", value=unit.part_of),
                catalog.references().hint("units", unit.part_of),
            )
    check_form_files(catalog)
    if catalog.agency and not catalog.unreadable:
        for i, code in enumerate(catalog.agency.featured):
            if code not in codes:
                catalog.report.add(
                    f"{catalog.root.name}/agency.yml",
                    catalog.register_line("agency", f"featured[{i}]"),
                    f"featured[{i}]",
                    Msg("featured.unknown", code=code),
                    closest(code, sorted(codes)),
                )


def _check_unique(catalog: Catalog) -> None:
    seen: dict[tuple[str, str], Procedure] = {}
    for procedure in catalog.procedures:
        for kind, key, value in (
            ("code", "code", procedure.code),
            ("iso_code", "iso.code", procedure.iso.code if procedure.iso else ""),
            ("file_name", "", procedure.slug),
        ):
            if not value:
                continue  # an ISO process still to complete has no code yet
            first = seen.setdefault((kind, value), procedure)
            if first is not procedure:
                catalog.report.add(
                    procedure.source,
                    procedure.lines.get(key, 0),
                    key or "file",
                    Msg("unique", kind=Msg(f"unique.{kind}"), value=value, first=first.source),
                    Msg("unique.hint", kind=Msg(f"unique.{kind}")),
                )


def _check_references(catalog: Catalog, p: Procedure, codes: set[str]) -> None:
    # References to the registers are checked where they are written (Ref.parse); codes need every file.
    if catalog.unreadable:
        return  # a code may be in a file that could not be read: check references once all files are read
    for i, code in enumerate(p.related):
        if code not in codes:
            catalog.report.add(
                p.source,
                p.lines.get(f"related[{i}]", p.lines.get("related", 0)),
                f"related[{i}]",
                Msg("published.unknown", code=code),
                closest(code, sorted(codes)),
            )


def _check_status(catalog: Catalog, p: Procedure, codes: set[str]) -> None:
    line = p.lines.get("superseded_by", p.lines.get("status", 0))
    if p.status == "superseded" and not p.superseded_by:
        catalog.report.add(
            p.source,
            line,
            "superseded_by",
            Msg("superseded.missing"),
            Msg("superseded.missing.hint"),
        )
    elif p.superseded_by and p.status != "superseded":
        catalog.report.add(
            p.source,
            line,
            "superseded_by",
            Msg("superseded.not_allowed", status=p.status, code=p.superseded_by),
            Msg("superseded.not_allowed.hint"),
        )
    elif p.superseded_by and not catalog.unreadable and p.superseded_by not in codes:
        catalog.report.add(
            p.source,
            line,
            "superseded_by",
            Msg("published.unknown", code=p.superseded_by),
            closest(p.superseded_by, sorted(codes)),
        )


def _check_supersede_cycles(catalog: Catalog) -> None:
    by_code = catalog.by_code()
    for p in catalog.procedures:
        chain, code = [p.code], p.superseded_by
        while code and code in by_code:
            if code in chain:
                if code == p.code:
                    catalog.report.add(
                        p.source,
                        p.lines.get("superseded_by", 0),
                        "superseded_by",
                        Msg("superseded.cycle", chain=" → ".join([*chain, code])),
                        Msg("superseded.cycle.hint"),
                    )
                break
            chain.append(code)
            code = by_code[code].superseded_by


def format_hours(hours: float) -> str:
    """Working time in the source format's words, for messages."""
    return f"{hours / WORKING_HOURS_PER_DAY:g} working_days" if _in_days(hours) else f"{hours:g} working_hours"


def _in_days(hours: float) -> bool:
    """Whole and half days read better in days; anything else, or under a day, in hours."""
    return hours >= WORKING_HOURS_PER_DAY and hours % (WORKING_HOURS_PER_DAY / 2) == 0


def steps_total(p: Procedure) -> Duration | None:
    """The total of the steps that add time (not parallel ones); None when units cannot be added."""
    counted = [s.duration for s in p.steps if not s.parallel]
    if not counted:
        return None
    if all(d.calendar for d in counted):
        return Duration(sum(d.amount for d in counted), "days")
    if any(d.calendar for d in counted):
        return None
    hours = sum(d.working_hours for d in counted)
    if _in_days(hours):
        return Duration(hours / WORKING_HOURS_PER_DAY, "working_days")
    return Duration(hours, "working_hours")


def _check_step_times(catalog: Catalog, p: Procedure) -> None:
    line = p.lines.get("steps", 0)
    hint = Msg("steps.hint")
    counted = [s.duration for s in p.steps if not s.parallel]
    if any(d.calendar for d in counted) and not all(d.calendar for d in counted):
        catalog.report.add(
            p.source,
            line,
            "steps",
            Msg("steps.mixed"),
            Msg("steps.mixed.hint"),
        )
        return
    _check_verification_limit(catalog, p)
    if p.timing_note is not None:
        return  # the file says why the steps do not add up
    total = steps_total(p)
    limit = p.processing_time.limit
    if total is None:
        return
    if p.processing_time.same_day:
        if total.calendar or total.working_hours > WORKING_HOURS_PER_DAY:
            catalog.report.add(
                p.source,
                line,
                "steps",
                Msg("steps.same_day", hours=WORKING_HOURS_PER_DAY, total=_show(total)),
                hint,
            )
        return
    assert limit is not None
    same = (total.calendar and limit.calendar and total.amount == limit.amount) or (
        not total.calendar and not limit.calendar and total.working_hours == limit.working_hours
    )
    if not same:
        catalog.report.add(
            p.source,
            line,
            "steps",
            Msg("steps.total", limit=_show(limit), total=_show(total)),
            hint,
        )


def _check_verification_limit(catalog: Catalog, p: Procedure) -> None:
    time = p.processing_time
    longer = time.verification_limit
    if longer is None:
        return
    shorter = time.limit or Duration(WORKING_HOURS_PER_DAY, "working_hours")
    if longer.calendar == shorter.calendar and longer.working_hours <= shorter.working_hours:
        catalog.report.add(
            p.source,
            p.lines.get("processing_time.verification_limit", 0),
            "processing_time.verification_limit",
            Msg("verification.shorter", shorter=_show(shorter), longer=_show(longer)),
            Msg("verification.shorter.hint"),
        )


def _show(d: Duration) -> str:
    return f"{d.amount:g} days" if d.calendar else format_hours(d.working_hours)


def _check_revisions(catalog: Catalog, p: Procedure) -> None:
    if p.iso and p.iso.revisions:
        last = max(r.issue for r in p.iso.revisions)
        if last != p.iso.issue:
            catalog.report.add(
                p.source,
                p.lines.get("iso.issue", 0),
                "iso.issue",
                Msg("revision.issue", last=last, issue=p.iso.issue),
                Msg("revision.issue.hint"),
            )
