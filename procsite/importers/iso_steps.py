"""The step table of an ISO process (TT | Trình tự các bước công việc | Trách nhiệm | Thời gian | Biểu
mẫu/Kết quả): its header found among its first rows, its rows read as steps and sub-steps, the total time
it states, and the working hours its steps add up to."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from procsite.folding import fold
from procsite.importers.docx_walk import Cell, Table
from procsite.importers.iso_records import IsoStep
from procsite.importers.iso_texts import (
    after_colon,
    clean,
    folded_with_positions,
    header_columns,
    is_numbering_row,
    own_cells,
    table_at,
)
from procsite.importers.records import SourceIssue
from procsite.importers.vi_durations import is_same_day, read_length
from procsite.messages import Msg, Val
from procsite.model.procedure import WORKING_HOURS_PER_DAY


def _step_field(text: str) -> str | None:
    folded = re.sub(r"\s+", " ", fold(text)).strip(" .:")
    if re.fullmatch(r"s?tt|so tt|so thu tu|thu tu|buoc|b", folded):
        return "number"
    if "thoi gian" in folded or "thoi han" in folded:
        return "time"
    if "trach nhiem" in folded or re.search(r"(nguoi|don vi|bo phan|can bo|co quan) (thuc hien|xu ly)", folded):
        return "responsible"
    if re.search(r"trinh tu|noi dung|buoc|cong viec|mo ta|hoat dong", folded):
        return "action"
    if re.search(r"bieu mau|ket qua|ho so|san pham|tai lieu", folded):
        return "output"
    return None


@dataclass(frozen=True)
class StepColumns:
    """Where the step table's header puts each field, and the total time it states."""

    at: dict[str, int]  # field → grid column
    unknown: dict[int, str]  # grid column → header text, for headed columns the reader does not read
    header_row: int  # its index in the table
    total: str  # the total the time header states: "Thời gian (01 ngày làm việc)" → "01 ngày làm việc"


def step_columns(table: Table) -> StepColumns | None:
    """The step table's columns, when one of the table's first rows is its header (a caption row may
    come first)."""
    for index, row in enumerate(table.rows[:5]):
        known, unknown = header_columns(row, _step_field)
        if {"action", "responsible", "time"} <= known.keys():
            time_header = next(cell.text for cell in row if cell.column == known["time"])
            return StepColumns(known, unknown, index, _stated_total(time_header))
    return None


def _stated_total(text: str) -> str:
    """The length of time a header or a total row states: "(01 ngày làm việc)", "Tổng: 01 ngày"."""
    inside = re.search(r"\(([^()]*)\)", text)
    stated = inside[1] if inside else text.partition(":")[2]
    folded, where = folded_with_positions(stated)
    label = re.match(r"\s*tong(\s*(cong|thoi\s*gian(\s*giai\s*quyet)?|so))?\s*:?\s*", folded)
    stated = stated[where[label.end()] :] if label else stated
    stated = stated.strip()
    return stated if read_length(stated, day_is_working=True) is not None or is_same_day(stated) else ""


_STEP_LABEL = re.compile(r"\s*((?:bước|b)\s*\d{1,3}(?:\.\d{1,3})*|\d{1,3}(?:\.\d{1,3})*)\s*[:.)\-–]\s*", re.IGNORECASE)
"""A step's number at the start of its action where the table has no TT column: "Bước 1: Tiếp nhận"."""
_HOURS_PER = {"working_days": float(WORKING_HOURS_PER_DAY), "working_hours": 1.0, "minutes": 1 / 60}


def working_hours(text: str) -> float | None:
    """The working hours a step's time states; 0 for none, ``None`` when it is not a clear length."""
    if not text:
        return 0.0
    length = read_length(text, day_is_working=True)
    return length.amount * _HOURS_PER[length.unit] if length is not None and length.unit in _HOURS_PER else None


def steps_hours(steps: list[IsoStep]) -> float | None:
    """The working hours the steps add up to: a step's own time, or its sub-steps' where it states none;
    a time merged over several rows counted once. ``None`` when one of them is not a clear length."""
    total = 0.0
    by_parent: dict[str, list[IsoStep]] = {}
    for step in steps:
        if step.parent:
            by_parent.setdefault(step.parent, []).append(step)
    for step in steps:
        if step.parent:
            continue
        counted = [step] if step.time else by_parent.get(step.number, [])
        for part in counted:
            hours = 0.0 if part.time_shared else working_hours(part.time)
            if hours is None:
                return None
            total += hours
    return total


class StepReader:
    """The rows of the step table (and of its continuation tables) as steps."""

    def __init__(self, issues: list[SourceIssue]) -> None:
        self.steps: list[IsoStep] = []
        self.totals: list[str] = []  # what the header and "Tổng" rows state, in order
        self.issues = issues
        self._top: tuple[str, str] | None = None  # the last step's number as written and its digits

    def read(self, table: Table, number: int, columns: StepColumns) -> None:
        """Add the steps of ``table`` (number ``number`` in the document), whose header is ``columns``."""
        if columns.total:
            self.totals.append(columns.total)
        for column, text in columns.unknown.items():
            where = table_at(number, column=column + 1)
            self.issues.append(SourceIssue(where, text, Msg("iso_word.column_not_read", received=Val.of(text))))
        read = set(columns.at.values()) | set(columns.unknown)
        for index, row in enumerate(table.rows[columns.header_row + 1 :], start=columns.header_row + 2):
            self._row(row, columns, read, table_at(number, row=index))

    def _row(self, row: tuple[Cell, ...], columns: StepColumns, read: set[int], where: str) -> None:
        own = own_cells(row)
        if all(cell.column == columns.at.get("number") and cell.span == 1 for cell in own):
            return  # an empty row (a number alone, or only the text of a cell merged from above)
        if is_numbering_row(own) or {"action", "responsible", "time"} <= header_columns(row, _step_field)[0].keys():
            return  # "(1) | (2) | (3) | (4)", or the header repeated
        at = {cell.column: cell for cell in row}
        cell = {field: at.get(column) for field, column in columns.at.items()}
        text = {field: clean(found.text) if found is not None else "" for field, found in cell.items()}
        if len(own) == 1 and (own[0].span > 1 or len(row) == 1):
            if fold(own[0].text).startswith("tong"):
                self.totals.append(_stated_total(own[0].text) or after_colon(clean(own[0].text)))
            else:
                message = Msg("iso_word.row_not_step", received=Val.of(own[0].text))
                self.issues.append(SourceIssue(where, own[0].text, message))
            return
        if fold(text.get("action", "")).startswith("tong") or fold(text.get("number", "")).startswith("tong"):
            self.totals.append(text.get("time") or _stated_total(text["action"]))
            return
        for extra in own:
            if extra.column not in read:
                message = Msg("iso_word.cell_beyond_header", received=Val.of(extra.text))
                self.issues.append(SourceIssue(where, extra.text, message))
        self.steps.append(self._step(text, cell, "number" in columns.at))

    def _step(self, text: dict[str, str], cell: dict[str, Cell | None], numbered: bool) -> IsoStep:
        number, action = text.get("number", ""), text.get("action", "")
        label = None if numbered else _STEP_LABEL.match(action)
        if label is not None:
            number, action = label[1], action[label.end() :]
        digits = re.search(r"\d+(?:\.\d+)*", number)
        number_cell, time_cell = cell.get("number"), cell.get("time")
        parent = ""
        merged_number = number_cell is not None and number_cell.continued  # rows of one step: each its own
        if self._top is not None and not merged_number:
            dotted_under_top = digits is not None and digits[0].startswith(self._top[1] + ".") and bool(self._top[1])
            if digits is None or dotted_under_top:
                parent = self._top[0]  # "1.1" under step 1, or a row without a number ("-", "a)", "")
        if not parent:
            self._top = (number, digits[0] if digits else "")
        shared = time_cell is not None and time_cell.continued and bool(time_cell.text)
        return IsoStep(
            number, action, text.get("responsible", ""), text.get("time", ""), text.get("output", ""), parent, shared
        )

    def finished(self) -> list[IsoStep]:
        """The steps; where no row has a number at all, none is a sub-step of the first."""
        if all(not step.number for step in self.steps):
            return [replace(step, parent="") for step in self.steps]
        return self.steps
