"""Texts and table cells as the ISO process reader reads them: cleaned, folded for matching, placed in
a grid, and located the way the import report shows where something was found."""

from __future__ import annotations

import re
from collections.abc import Callable

from procsite.folding import fold
from procsite.importers.docx_walk import Cell, Table


def clean(text: str) -> str:
    """A text as found: non-breaking spaces made spaces, each line trimmed, empty lines dropped."""
    lines = (line.strip() for line in text.replace("\xa0", " ").split("\n"))
    return "\n".join(line for line in lines if line)


def folded_with_positions(text: str) -> tuple[str, list[int]]:
    """``text`` folded (``fold``), with the index in ``text`` of each folded character, so that a label
    found in the folded text cuts the text as written."""
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        for folded_char in fold(char):
            chars.append(folded_char)
            where.append(index)
    where.append(len(text))
    return "".join(chars), where


def after_colon(text: str) -> str:
    """What follows the colon ("Tổng: 01 ngày" → "01 ngày"), or the whole text when nothing does."""
    return text.partition(":")[2].strip() or text


def table_at(number: int, row: int | None = None, column: int | None = None) -> str:
    """Where in the document, as the import report shows it: "bảng 3, dòng 4" (both counted from 1)."""
    if row is not None:
        return f"bảng {number}, dòng {row}"
    return f"bảng {number}, cột {column}" if column is not None else f"bảng {number}"


HEADER_AT = "phần đầu"
"""Where the header's facts are: the lines before the first section (and the page header)."""

MAX_WIDTH = 40
"""Grid columns read of a table: a process table has 4 to 6; a hostile gridSpan must not make a huge row."""


def own_cells(row: tuple[Cell, ...]) -> list[Cell]:
    """The cells of a row with text of their own (a merged cell's carried text is the row above's)."""
    return [cell for cell in row if not cell.continued and cell.text]


def is_numbering_row(own: list[Cell]) -> bool:
    """A row numbering the columns, "(1) | (2) | (3) | (4)", as Vietnamese tables often have under the header."""
    numbers = [re.fullmatch(r"\(?(\d{1,2})\)?", cell.text) for cell in own]
    values = [int(match[1]) for match in numbers if match]
    return len(own) >= 3 and len(values) == len(own) and values == list(range(values[0], values[0] + len(values)))


def header_columns(
    row: tuple[Cell, ...], field_of: Callable[[str], str | None]
) -> tuple[dict[str, int], dict[int, str]]:
    """A header row's columns: field → grid column, and the other headed columns → their header text."""
    known: dict[str, int] = {}
    unknown: dict[int, str] = {}
    for cell in own_cells(row):
        field = field_of(cell.text)
        if field is not None and field not in known:
            known[field] = cell.column
        else:
            unknown[cell.column] = cell.text
    return known, unknown


def grid_of(table: Table) -> list[list[Cell | None]]:
    """The table as a grid: each grid column holds the cell that covers it (a cell spanning two columns
    twice), ``None`` where a ragged row has none."""
    width = min(MAX_WIDTH, grid_width(table))
    grid: list[list[Cell | None]] = []
    for row in table.rows:
        line: list[Cell | None] = [None] * width
        for cell in row:
            for column in range(cell.column, min(cell.column + max(cell.span, 1), width)):
                line[column] = cell
        grid.append(line)
    return grid


def grid_width(table: Table) -> int:
    """The grid columns the table spans (a table going on from the step table has as many)."""
    return max((cell.column + max(cell.span, 1) for row in table.rows for cell in row), default=0)
