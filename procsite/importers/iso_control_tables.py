"""The document-control tables of an ISO process: who drafted, reviewed and approved it (the signature
table, upright or turned a quarter) and its revision log, each known by its header wherever it stands."""

from __future__ import annotations

import re

from procsite.folding import fold
from procsite.importers.docx_walk import Cell, Table
from procsite.importers.iso_records import IsoPerson, IsoRevision
from procsite.importers.iso_texts import clean, grid_of, header_columns, is_numbering_row, own_cells


def _revision_field(text: str) -> str | None:
    folded = re.sub(r"\s+", " ", fold(text)).strip(" .:")
    if re.fullmatch(r"s?tt|so tt|so thu tu", folded):
        return "number"
    if re.search(r"tom luoc|mo ta|noi dung", folded):
        return "change"
    if re.search(r"co so|can cu|yeu cau|ly do", folded):
        return "basis"
    if folded.startswith("ngay"):
        return "date"
    if re.search(r"\blan\b", folded):
        return "issue"
    if re.search(r"\b(trang|phan|muc)\b", folded):
        return "part"
    return None


_ROLES = (("drafted", ("soan thao",)), ("reviewed", ("xem xet", "kiem tra")), ("approved", ("duyet",)))


def _role(cell: Cell | None) -> str | None:
    folded = fold(cell.text) if cell is not None else ""
    return next((role for role, words in _ROLES if any(word in folded for word in words)), None)


def _signer_field(cell: Cell | None) -> str | None:
    folded = fold(cell.text) if cell is not None else ""
    if re.match(r"ho (va )?ten", folded):
        return "name"
    return "title" if folded.startswith("chuc vu") else None


def signers_of(table: Table) -> tuple[IsoPerson, ...] | None:
    """The signers of a signature table (Trách nhiệm | Soạn thảo | Xem xét | Phê duyệt, rows Họ tên and
    Chức vụ; or the same turned a quarter), or ``None`` when the table is not one. Two approvers are two
    name cells under "Phê duyệt", whether it spans them or is written twice."""
    if len(table.rows) > 12:
        return None
    grid = grid_of(table)
    turned = [list(line) for line in zip(*grid, strict=True)] if grid else []
    for lines in (grid, turned):
        role_row = next((line for line in lines[:4] if len({_role(cell) for cell in line} - {None}) >= 2), None)
        labels = {field: line for line in lines if line and (field := _signer_field(line[0])) is not None}
        if role_row is None or "name" not in labels:
            continue
        people: list[IsoPerson] = []
        for column in range(1, len(role_row)):
            role, name_cell = _role(role_row[column]), labels["name"][column]
            title_cell = labels["title"][column] if "title" in labels else None
            if role is None or (name_cell is not None and name_cell is labels["name"][column - 1]):
                continue  # not a signer's column, or the same name cell spanning two columns
            name, title = (cell.text if cell is not None else "" for cell in (name_cell, title_cell))
            if name or title:
                people.append(IsoPerson(role, clean(name), clean(title)))
        return tuple(people)
    return None


def revision_log_columns(table: Table) -> tuple[int, dict[str, int]] | None:
    """The revision log's header row and columns, when the table is one."""
    for index, row in enumerate(table.rows[:3]):
        known, _ = header_columns(row, _revision_field)
        if "change" in known and ("issue" in known or "basis" in known):
            return index, known
    return None


def revisions_in(table: Table, header: int, columns: dict[str, int]) -> list[IsoRevision]:
    """The revision log's entries below its header row ``header``, read from ``columns`` (field → grid column)."""
    found: list[IsoRevision] = []
    for row in table.rows[header + 1 :]:
        own = own_cells(row)
        at = {cell.column: clean(cell.text) for cell in row}
        value = {field: at.get(column, "") for field, column in columns.items()}
        filled = any(value.get(field) for field in ("change", "basis", "issue", "date", "part"))
        if not filled or is_numbering_row(own) or revision_log_columns(Table((row,))) is not None:
            continue  # an empty row of the template (its STT written), or the header again
        found.append(IsoRevision(**{field: value.get(field, "") for field in _REVISION_FIELDS}))
    return found


_REVISION_FIELDS = ("number", "change", "basis", "issue", "date", "part")
