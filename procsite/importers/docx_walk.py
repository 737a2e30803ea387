"""A Word document (.docx) as a list of blocks in document order: paragraphs and tables.

python-docx gives paragraphs and tables separately and repeats a merged cell's text in every row it
spans; it also fails on the portal's export, whose tables have no ``w:tblGrid``. This walks the XML
itself: a paragraph's text keeps its line breaks and tabs; a table is its rows of cells, where a
cell merged down from the one above (``w:vMerge`` without ``restart``) is marked ``continued`` and
carries that cell's text, and a cell spanning columns (``w:gridSpan``) appears once with its span.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: str = ""  # the bold text at the start of the paragraph (a label such as "Mã thủ tục:")
    style: str = ""  # the paragraph style's id, e.g. "Heading1"


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[str, ...]
    span: int = 1
    continued: bool = False  # merged with the cell above: its text is that cell's
    column: int = 0  # the grid column it starts at (the spans before it and the row's w:gridBefore counted)

    @property
    def text(self) -> str:
        """The cell's paragraphs joined by line breaks, without the empty ones."""
        return "\n".join(p for p in self.paragraphs if p.strip()).strip()


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]


Block = Paragraph | Table


def blocks(document: Any) -> list[Block]:
    """The body of a python-docx ``Document`` as paragraphs and tables, in order."""
    return list(_blocks(document.element.body))


def _blocks(parent: Any) -> Iterator[Block]:
    for child in parent:
        if child.tag == W + "p":
            yield _paragraph(child)
        elif child.tag == W + "tbl":
            yield _table(child)
        elif child.tag in _WRAPPERS:
            inner = _unwrapped(child)
            if inner is not None:
                yield from _blocks(inner)


_WRAPPERS = (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag")
"""Elements that only wrap paragraphs, tables, rows or cells (content controls, tracked insertions)."""
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
"""The copy of a text box Word writes for older readers: its text is already in ``mc:Choice``."""


def _unwrapped(wrapper: Any) -> Any:
    # a content control without content (``w:sdt`` with only ``w:sdtPr``) wraps nothing
    return wrapper.find(W + "sdtContent") if wrapper.tag == W + "sdt" else wrapper


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` children of ``parent``, looking through wrappers (rows or cells in a content control)."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            inner = _unwrapped(child)
            if inner is not None:
                yield from _children(inner, tag)


def _text(element: Any) -> str:
    parts: list[str] = []
    for node in _walk(element):
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif node.tag == W + "tab":
            parts.append("\t")
        elif node.tag == W + "p" and node is not element and parts:
            parts.append("\n")
    return "".join(parts)


def _walk(element: Any) -> Iterator[Any]:
    """``element`` and its descendants in document order, without the fallback copies of text boxes."""
    stack = [element]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed([child for child in node if child.tag != _FALLBACK]))


def _paragraph(p: Any) -> Paragraph:
    bold: list[str] = []
    for run in p.iter(W + "r"):
        props = run.find(W + "rPr")
        is_bold = props is not None and props.find(W + "b") is not None and _on(props.find(W + "b"))
        text = _text(run)
        if not is_bold:
            if text.strip():
                break
        else:
            bold.append(text)
    style = p.find(f"{W}pPr/{W}pStyle")
    return Paragraph(_text(p), "".join(bold), style.get(W + "val", "") if style is not None else "")


def _on(element: Any) -> bool:
    return element.get(W + "val", "true") not in ("false", "0", "off")


def _table(tbl: Any) -> Table:
    rows: list[tuple[Cell, ...]] = []
    above: dict[int, Cell] = {}  # grid column -> the cell that starts there in the previous row
    for tr in _children(tbl, W + "tr"):
        cells: list[Cell] = []
        here: dict[int, Cell] = {}
        column = _grid_before(tr)
        for tc in _children(tr, W + "tc"):
            props = tc.find(W + "tcPr")
            span_el = props.find(W + "gridSpan") if props is not None else None
            span = (
                int(span_el.get(W + "val", "1")) if span_el is not None and span_el.get(W + "val", "").isdigit() else 1
            )
            merge = props.find(W + "vMerge") if props is not None else None
            paragraphs = _cell_paragraphs(tc)
            if merge is not None and merge.get(W + "val", "continue") != "restart" and column in above:
                cell = Cell(above[column].paragraphs, span, continued=True, column=column)
            else:
                cell = Cell(paragraphs, span, column=column)
            cells.append(cell)
            here[column] = cell
            column += max(span, 1)
        above = here  # a merge continues the row just above, not an older row a ragged row left in place
        rows.append(tuple(cells))
    return Table(tuple(rows))


def _grid_before(tr: Any) -> int:
    """The grid columns a row leaves empty before its first cell (``w:trPr/w:gridBefore``)."""
    before = tr.find(f"{W}trPr/{W}gridBefore")
    value = before.get(W + "val", "0") if before is not None else "0"
    return int(value) if value.isdigit() else 0


def _cell_paragraphs(tc: Any) -> tuple[str, ...]:
    """A cell's paragraphs, those of a table nested in it included (a header's Mã hiệu block often is one)."""
    paragraphs: list[str] = []
    for block in _blocks(tc):
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
        else:
            paragraphs.extend(p for row in block.rows for cell in row if not cell.continued for p in cell.paragraphs)
    return tuple(paragraphs)
