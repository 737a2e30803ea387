"""ISO process documents (quy trình ISO) written with python-docx in the real layout, for the reader's tests.

A document is its ``IsoContent`` (what it says: the expectation of a test) laid out by an ``IsoLayout``
(how the agency's Word file happens to be arranged: the variants real documents show). Section numbers
are Word's auto-numbering (the "List Number" style) unless ``numbers_in_text``; merged cells are real
``w:vMerge``/``w:gridSpan`` made by python-docx's ``merge``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import docx
from docx.table import Table

from procsite.importers.iso_records import IsoPerson, IsoProcess, IsoRevision, IsoSection, IsoStep


@dataclass(frozen=True)
class IsoLayout:
    """How the document is laid out; the defaults are the 2025 provincial example of the reference."""

    header: str = (
        "table"  # "table": agency | QUY TRÌNH + name | labels; "paragraphs"; "page": labels in the page header
    )
    lettered: bool = True  # sub-sections a, b, c, d, đ, e, g, h, i, k; False: 5.1, 5.2, ...
    numbers_in_text: bool = False  # numbers typed ("1. MỤC ĐÍCH", "a) …"); False: Word's auto-numbering
    roman: bool = False  # with numbers_in_text, sections numbered "I.", "II.", ...
    output_column: bool = False  # a fifth column "Biểu mẫu/Kết quả"
    number_column: bool = True  # a TT column; False: the number starts the action ("Bước 1: …")
    merge_responsible: bool = True  # one "Trách nhiệm" cell merged down over consecutive steps of the same unit
    total_in_header: bool = True  # "Thời gian (01 ngày làm việc)"
    total_row: bool = False  # a last row "Tổng thời gian giải quyết" | … | the total
    date_style: str = "short"  # "short" 07/7/2025, "padded" 07/07/2025, "words" ngày 07 tháng 7 năm 2025
    code_space: bool = True  # "Mã hiệu: QT 01/…"; False: "Mã hiệu:QT 01/…"
    contents_list: bool = True  # the cover's list of section titles
    approvers_spanned: bool = True  # two approvers under one "Phê duyệt" cell spanning both; False: written twice
    numbering_row: bool = False  # "(1) | (2) | (3) | (4)" under the step table's header
    repeated_header: bool = False  # the step table's header row again after its second step
    empty_rows: bool = False  # empty rows at the end of the step table (the merged cell reaching into them)
    split_table: bool = False  # the step table in two tables, one empty paragraph between
    split_header: bool = True  # with split_table, the second table repeats the header row


@dataclass(frozen=True)
class SectionText:
    """A section as written: its title, its paragraphs (the first after the title's colon when ``inline``),
    its tables. The "steps" section is followed by the step table and the notes; "revisions" by the log."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[tuple[tuple[str, ...], ...], ...] = ()
    inline: bool = False


@dataclass(frozen=True)
class IsoContent:
    agency: tuple[str, ...]
    name: str
    code: str
    issue: int
    issued: dt.date
    people: tuple[IsoPerson, ...]
    revisions: tuple[IsoRevision, ...]
    sections: tuple[SectionText, ...]
    abbreviations: dict[str, str]
    definitions: dict[str, str]
    steps: tuple[IsoStep, ...]
    total_time: str
    notes: tuple[str, ...]
    national_code: str = ""
    extra_paragraphs: tuple[str, ...] = field(default=())  # written after the header, before the sections


TOP_TITLES = ("revisions", "purpose", "scope", "references", "definitions", "content", "forms", "records")

SAMPLE = IsoContent(
    agency=("UBND TỈNH ĐỒNG THÁP", "SỞ TƯ PHÁP"),
    name="Đăng ký khai sinh",
    code="QT 01/CX-HCTP",
    issue=1,
    issued=dt.date(2025, 7, 7),
    people=(
        IsoPerson("drafted", "Nguyễn Văn An", "Công chức Tư pháp - Hộ tịch"),
        IsoPerson("reviewed", "Trần Thị Bình", "Phó Chủ tịch UBND xã"),
        IsoPerson("approved", "Lê Văn Cường", "Chủ tịch UBND xã"),
    ),
    revisions=(
        IsoRevision("1", "Cập nhật thời gian giải quyết", "Nghị định số 07/2025/NĐ-CP", "01"),
        IsoRevision("2", "Bổ sung bước trả kết quả trực tuyến", "Quyết định số 12/QĐ-UBND", "02"),
    ),
    sections=(
        SectionText("revisions", "TRANG THEO DÕI SỐ LẦN SỬA ĐỔI TÀI LIỆU"),
        SectionText("purpose", "MỤC ĐÍCH", ("Quy định trình tự, thủ tục đăng ký khai sinh tại Ủy ban nhân dân xã.",)),
        SectionText(
            "scope",
            "PHẠM VI",
            (
                "Áp dụng cho thủ tục Đăng ký khai sinh (mã 1.001193) thuộc thẩm quyền của UBND xã.",
                "Công chức Tư pháp - Hộ tịch và BPTN&HT thực hiện quy trình này.",
            ),
        ),
        SectionText(
            "references",
            "TÀI LIỆU VIỆN DẪN",
            ("TCVN ISO 9001:2015;", "Luật Hộ tịch số 60/2014/QH13;", "Quyết định số 101/QĐ-BKHCN ngày 21/01/2019."),
        ),
        SectionText(
            "definitions",
            "ĐỊNH NGHĨA/VIẾT TẮT",
            (
                "UBND : Ủy ban nhân dân",
                "BPTN&HT : Bộ phận tiếp nhận và hoàn trả kết quả",
                "- TTHC: Thủ tục hành chính",
                "Hồ sơ hợp lệ: là hồ sơ có đủ giấy tờ theo quy định",
            ),
        ),
        SectionText("content", "NỘI DUNG QUY TRÌNH"),
        SectionText(
            "documents",
            "Thành phần, số lượng hồ sơ",
            ("Tờ khai đăng ký khai sinh theo mẫu;", "Giấy chứng sinh (bản chính);", "Số lượng hồ sơ: 01 bộ."),
            ((("TT", "Tên giấy tờ", "Bản chính", "Bản sao"), ("1", "Tờ khai đăng ký khai sinh", "1", "0")),),
        ),
        SectionText(
            "time_limit",
            "Thời hạn giải quyết",
            ("Trong ngày; nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.",),
        ),
        SectionText("applicants", "Đối tượng thực hiện", ("Cá nhân.",)),
        SectionText("agencies", "Cơ quan thực hiện", ("Ủy ban nhân dân xã.",)),
        SectionText("result", "Kết quả thực hiện", ("Giấy khai sinh (bản chính).",)),
        SectionText(
            "fees",
            "Phí, lệ phí",
            ("Miễn lệ phí khi đăng ký đúng hạn.", "Lệ phí đăng ký muộn: 8.000 đồng."),
            inline=True,
        ),
        SectionText(
            "form_templates", "Mẫu đơn, mẫu tờ khai", ("Tờ khai đăng ký khai sinh (Thông tư số 04/2020/TT-BTP).",)
        ),
        SectionText("conditions", "Yêu cầu, điều kiện", ("Không.",)),
        SectionText(
            "legal_basis",
            "Căn cứ pháp lý",
            ("Luật Hộ tịch số 60/2014/QH13;", "Nghị định số 123/2015/NĐ-CP;", "Căn cứ Thông tư số 04/2020/TT-BTP."),
        ),
        SectionText("steps", "Quy trình các bước xử lý công việc"),
        SectionText(
            "forms", "BIỂU MẪU", (), ((("TT", "Tên biểu mẫu", "Mã hiệu"), ("1", "Tờ khai đăng ký khai sinh", "BM 01")),)
        ),
        SectionText(
            "records",
            "HỒ SƠ CẦN LƯU",
            (),
            (
                (
                    ("TT", "Tên hồ sơ", "Nơi lưu", "Thời gian lưu"),
                    ("1", "Sổ đăng ký khai sinh", "Bộ phận Tư pháp", "Vĩnh viễn"),
                ),
            ),
        ),
    ),
    abbreviations={
        "UBND": "Ủy ban nhân dân",
        "BPTN&HT": "Bộ phận tiếp nhận và hoàn trả kết quả",
        "TTHC": "Thủ tục hành chính",
    },
    definitions={"Hồ sơ hợp lệ": "là hồ sơ có đủ giấy tờ theo quy định"},
    steps=(
        IsoStep("1", "Tiếp nhận, kiểm tra hồ sơ", "BPTN&HT", "01 giờ làm việc", "Phiếu tiếp nhận"),
        IsoStep("2", "Chuyển hồ sơ cho công chức Tư pháp - Hộ tịch", "BPTN&HT", "0,5 giờ", "Phiếu chuyển"),
        IsoStep("3", "Thẩm định hồ sơ,\ntrình ký", "Công chức Tư pháp - Hộ tịch", "04 giờ", "Dự thảo Giấy khai sinh"),
        IsoStep("4", "Ký Giấy khai sinh", "Chủ tịch UBND xã", "02 giờ", "Giấy khai sinh"),
        IsoStep("5", "Trả kết quả cho người dân", "BPTN&HT", "0,5 giờ", "Sổ theo dõi"),
    ),
    total_time="01 ngày làm việc",
    notes=("Thời gian tính từ khi nhận đủ hồ sơ hợp lệ.", "Nhận sau 15 giờ thì trả vào ngày làm việc tiếp theo."),
    national_code="1.001193",
)

TWO_APPROVERS = (
    *SAMPLE.people,
    IsoPerson("approved", "Phạm Thị Dung", "Giám đốc Sở Tư pháp"),
)


def expected(content: IsoContent, layout: IsoLayout, source: str) -> IsoProcess:
    """What the reader must return for ``content`` laid out as ``layout``: the content itself (a table
    without a Biểu mẫu/Kết quả column has no outputs; a total the table does not state is not read)."""
    steps = content.steps if layout.output_column else tuple(replace(step, output="") for step in content.steps)
    if not layout.number_column:  # "Bước 1: …" gives its number; a bullet ("- …") stays in the action's text
        steps = tuple(_in_action(step) for step in steps)
    stated = layout.total_in_header or layout.total_row
    return IsoProcess(
        source=source,
        agency="\n".join(content.agency),
        procedure_name=content.name,
        code=content.code,
        issue=content.issue,
        issued=content.issued,
        people=content.people,
        revisions=content.revisions,
        steps=steps,
        total_time=content.total_time if stated else "",
        notes="\n".join(content.notes),
        abbreviations=content.abbreviations,
        definitions=content.definitions,
        sections=tuple(IsoSection(s.key, s.title, s.paragraphs, s.tables) for s in content.sections),
        national_code=content.national_code,
        issues=(),
    )


def _in_action(step: IsoStep) -> IsoStep:
    if any(char.isdigit() for char in step.number):
        return step
    return replace(step, number="", action=_action_text(step))


def _action_text(step: IsoStep) -> str:
    """The action cell of a table without a TT column: the step's number leads it."""
    if any(char.isdigit() for char in step.number):
        return f"{step.number}: {step.action}"
    return f"{step.number} {step.action}".strip()


def write_iso_docx(path: Path, content: IsoContent = SAMPLE, layout: IsoLayout = IsoLayout()) -> Path:
    """Write ``content`` laid out as ``layout`` to ``path`` (.docx); returns ``path``."""
    document = docx.Document()
    _header(document, content, layout)
    for text in content.extra_paragraphs:
        document.add_paragraph(text)
    if layout.contents_list:
        for index, section in enumerate((s for s in content.sections if s.key in TOP_TITLES), start=1):
            document.add_paragraph(f"{index}. {section.title}\t{index + 1}")  # its page number after a tab
    _signatures(document, content.people, layout)
    top = sub = 0
    for section in content.sections:
        if section.key == "revisions":
            _title(document, section, "", layout)
            _revisions(document, content.revisions)
            continue
        if section.key in TOP_TITLES:
            top += 1
            number = _roman(top) + "." if layout.roman else f"{top}."
        else:
            letters = "abcdđeghiklmn"
            number = f"{letters[sub]})" if layout.lettered else f"{top}.{sub + 1}."
            sub += 1
        _title(document, section, number, layout)
        for paragraph in section.paragraphs[1 if section.inline else 0 :]:
            document.add_paragraph(paragraph)
        for rows in section.tables:
            _plain_table(document, rows)
        if section.key == "steps":
            _step_tables(document, content, layout)
            if content.notes:
                document.add_paragraph(f"Ghi chú: {content.notes[0]}")
                for note in content.notes[1:]:
                    document.add_paragraph(note)
    document.add_paragraph("")  # Word ends a document with a paragraph, never with a table
    document.save(str(path))
    return path


def _header(document: Any, content: IsoContent, layout: IsoLayout) -> None:
    space = " " if layout.code_space else ""
    labels = [
        f"Mã hiệu:{space}{content.code}",
        f"Lần ban hành: {content.issue:02d}",
        f"Ngày ban hành: {_date(content, layout)}",
    ]
    if layout.header == "table":
        table = document.add_table(rows=1, cols=3)
        _cell_lines(table.cell(0, 0), list(content.agency))
        _cell_lines(table.cell(0, 1), ["QUY TRÌNH", content.name])
        _cell_lines(table.cell(0, 2), labels)
        return
    for line in content.agency:
        document.add_paragraph(line)
    document.add_paragraph().add_run("QUY TRÌNH").bold = True
    document.add_paragraph(content.name)
    document.add_paragraph("")
    if layout.header == "paragraphs":
        for line in labels:
            document.add_paragraph(line)
        return
    page = document.sections[0].header
    page.is_linked_to_previous = False
    table = page.add_table(rows=1, cols=4, width=document.sections[0].page_width)
    for column, text in enumerate([*labels, "Trang: 1/5"]):
        table.cell(0, column).text = text


def _date(content: IsoContent, layout: IsoLayout) -> str:
    day, month, year = content.issued.day, content.issued.month, content.issued.year
    if layout.date_style == "padded":
        return f"{day:02d}/{month:02d}/{year}"
    if layout.date_style == "words":
        return f"ngày {day:02d} tháng {month} năm {year}"
    return f"{day:02d}/{month}/{year}"


def _title(document: Any, section: SectionText, number: str, layout: IsoLayout) -> None:
    text = f"{section.title}: {section.paragraphs[0]}" if section.inline else section.title
    if layout.numbers_in_text and number:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{number} {text}").bold = True
    else:  # Word's numbering: in the paragraph's properties (w:numPr through the style), not in its text
        paragraph = document.add_paragraph(style="List Number" if number else None)
        paragraph.add_run(text).bold = True


def _roman(number: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][number - 1]


def _cell_lines(cell: Any, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def _plain_table(document: Any, rows: tuple[tuple[str, ...], ...]) -> Table:
    table: Table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            _cell_lines(table.cell(r, c), text.split("\n"))
    return table


def _signatures(document: Any, people: tuple[IsoPerson, ...], layout: IsoLayout) -> None:
    roles = {"drafted": "Soạn thảo", "reviewed": "Xem xét", "approved": "Phê duyệt"}
    table = document.add_table(rows=4, cols=1 + len(people))
    table.style = "Table Grid"
    for row, label in enumerate(["Trách nhiệm", "Họ tên", "Chữ ký", "Chức vụ"]):
        table.cell(row, 0).text = label
    for column, person in enumerate(people, start=1):
        table.cell(0, column).text = roles[person.role]
        table.cell(1, column).text = person.name
        table.cell(3, column).text = person.title
    approvers = [column for column, person in enumerate(people, start=1) if person.role == "approved"]
    if layout.approvers_spanned and len(approvers) == 2:
        table.cell(0, approvers[1]).text = ""
        table.cell(0, approvers[0]).merge(table.cell(0, approvers[1]))  # one "Phê duyệt" over both (w:gridSpan)


def _revisions(document: Any, revisions: tuple[IsoRevision, ...]) -> None:
    header = ("STT", "Tóm lược nội dung cần sửa đổi", "Cơ sở pháp lý hoặc căn cứ về việc sửa đổi", "Lần sửa đổi")
    rows = [header, *((r.number, r.change, r.basis, r.issue) for r in revisions)]
    rows += [(str(len(revisions) + 1), "", "", ""), ("", "", "", "")]  # the template's rows left empty
    _plain_table(document, tuple(rows))


def _step_header(content: IsoContent, layout: IsoLayout) -> tuple[str, ...]:
    time = f"Thời gian ({content.total_time})" if layout.total_in_header else "Thời gian"
    header: tuple[str, ...] = ("TT",) if layout.number_column else ()
    header += ("Trình tự các bước công việc", "Trách nhiệm", time)
    return (*header, "Biểu mẫu/Kết quả") if layout.output_column else header


def _step_tables(document: Any, content: IsoContent, layout: IsoLayout) -> None:
    steps = list(content.steps)
    parts = [steps[: len(steps) // 2], steps[len(steps) // 2 :]] if layout.split_table else [steps]
    for index, part in enumerate(parts):
        if index:
            document.add_paragraph("")
        _step_table(document, content, layout, part, last=index == len(parts) - 1, first=index == 0)


def _step_table(
    document: Any, content: IsoContent, layout: IsoLayout, steps: list[IsoStep], *, first: bool, last: bool
) -> None:
    header = _step_header(content, layout)
    rows: list[tuple[str, ...]] = [header] if first or layout.split_header else []
    if layout.numbering_row and first:
        rows.append(tuple(f"({n})" for n in range(1, len(header) + 1)))
    step_rows: list[int] = []
    for index, step in enumerate(steps):
        if layout.repeated_header and first and index == 2:
            rows.append(header)
        step_rows.append(len(rows))
        number = (step.number,) if layout.number_column else ()
        action = step.action if layout.number_column else _action_text(step)
        row = (*number, action, step.responsible, step.time)
        rows.append((*row, step.output) if layout.output_column else row)
    if layout.total_row and last:
        total = ("Tổng thời gian giải quyết", "", content.total_time)
        rows.append(("",) * layout.number_column + total + ("",) * layout.output_column)
    empty = 2 if layout.empty_rows and last else 0
    rows += [("",) * len(header)] * empty
    table = _plain_table(document, tuple(rows))
    offset = 1 if layout.number_column else 0
    if layout.merge_responsible:
        same_unit = [index > 0 and step.responsible == steps[index - 1].responsible for index, step in enumerate(steps)]
        _merge_runs(table, offset + 1, step_rows, same_unit, reach=empty)
    _merge_runs(table, offset + 2, step_rows, [step.time_shared for step in steps], reach=0)


def _merge_runs(table: Table, column: int, rows: list[int], with_above: list[bool], reach: int) -> None:
    """Merge down the cells of ``column`` where a step goes ``with_above`` (and its row is just below),
    keeping the text in the run's first cell only, as Word does; the last run reaches ``reach`` rows further."""
    runs: list[list[int]] = []
    for index, (row, same) in enumerate(zip(rows, with_above, strict=True)):
        if same and index > 0 and rows[index - 1] == row - 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    if runs and reach:
        runs[-1].extend(range(runs[-1][-1] + 1, runs[-1][-1] + 1 + reach))
    for run in runs:
        if len(run) > 1:
            for row in run[1:]:
                table.cell(row, column).text = ""
            table.cell(run[0], column).merge(table.cell(run[-1], column))
