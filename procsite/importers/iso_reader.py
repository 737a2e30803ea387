"""One walk through an ISO process document, sorting each line and table into the header, a section or a
table it knows (steps, signatures, revisions), then the ``IsoProcess`` they make with what could not be
read of it as issues."""

from __future__ import annotations

import datetime as dt
import re

from procsite.importers.docx_walk import Block, Table
from procsite.importers.iso_control_tables import revision_log_columns, revisions_in, signers_of
from procsite.importers.iso_header import date_in, header_values, issue_number, name_and_agency
from procsite.importers.iso_records import IsoPerson, IsoProcess, IsoRevision, IsoSection, IsoStep
from procsite.importers.iso_sections import (
    SECTIONS,
    Section,
    Title,
    body_events,
    contents_list,
    notes_of,
    read_title,
    terms_of,
)
from procsite.importers.iso_steps import StepColumns, StepReader, step_columns, steps_hours, working_hours
from procsite.importers.iso_texts import HEADER_AT, clean, grid_width, table_at
from procsite.importers.records import SourceError, SourceIssue
from procsite.messages import Msg, Num, Val

_NATIONAL_CODE = re.compile(r"(?<![\d.])\d\.\d{6}(?!\d)")
"""A national procedure code ("1.001193") anywhere in the document: the procedure the process carries out."""


class IsoReader:
    """One walk through the document, sorting each line and table into the header, a section or a
    table it knows (steps, signatures, revisions)."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.issues: list[SourceIssue] = []
        self.header: list[tuple[int, str]] = []  # (paragraph run or cell, line) outside any section
        self.group = 0
        self.sections: list[Section] = []
        self.in_content = False  # within NỘI DUNG QUY TRÌNH, where its sub-sections are looked for
        self.steps = StepReader(self.issues)
        self.step_table: tuple[int, StepColumns] | None = None  # its number and columns
        self.step_width = 0
        self.just_after_steps = False  # nothing but empty paragraphs since the step table
        self.notes: list[str] = []  # the lines after the step table, until the next title
        self.in_notes = False
        self.people: tuple[IsoPerson, ...] | None = None
        self.revisions: list[IsoRevision] = []
        self.codes: list[str] = []
        self.tables = 0

    def read(self, body: list[Block], page_header: list[str]) -> IsoProcess:
        """The process the blocks of the body and the lines of the page header hold."""
        events = body_events(body)
        listed = contents_list(events)
        for index, event in enumerate(events):
            if isinstance(event, Table):
                self._table(event)
            elif not event:
                self.group += 1  # an empty paragraph ends a run of header lines
            else:
                self._line(event, index in listed)
        for line in page_header:
            self._find_codes(line)
        if self.step_table is None:
            received = (
                Msg("iso_word.tables_without_steps", n=self.tables) if self.tables else Msg("iso_word.tables_none")
            )
            why = Msg("iso_word.no_step_table", received=received)
            raise SourceError(self.shown, "", why, Msg("iso_word.no_step_table.hint"))
        steps = self.steps.finished()
        if not steps:
            where = table_at(self.step_table[0])
            raise SourceError(self.shown, where, Msg("iso_word.no_steps"), Msg("iso_word.no_step_table.hint"))
        self._check_total(steps, self.step_table[0])
        return self._process(steps, [line for line in (clean(text) for text in page_header) if line])

    @property
    def current(self) -> Section | None:
        return self.sections[-1] if self.sections else None

    def _line(self, line: str, in_contents_list: bool) -> None:
        self._find_codes(line)
        self.just_after_steps = False
        title = None if in_contents_list else read_title(line)
        key = self._opens(title) if title is not None else None
        if title is not None and key is not None:
            self.sections.append(Section(key, title.text, [title.inline] if title.inline else []))
            self.in_notes = False
            if key in SECTIONS:
                self.in_content = key == "content"
        elif self.in_notes:
            self.notes.append(line)
        elif self.current is not None:
            self.current.paragraphs.append(line)
        else:
            self.header.append((self.group, line))

    def _opens(self, title: Title) -> str | None:
        """The section ``title`` opens, or ``None`` when it is text of the current one (its sub-title, or
        a line that only reads like a title: "Lệ phí: …" within Phí, lệ phí; "Căn cứ Luật …")."""
        seen = {section.key for section in self.sections}
        before_steps = self.in_content and self.step_table is None
        for key in title.keys:
            if self.current is not None and key == self.current.key:
                return None
            if key in seen or (key not in SECTIONS and not before_steps):
                continue
            if key == "forms" and before_steps and "form_templates" not in seen:
                return "form_templates"  # "g. Biểu mẫu" among the sub-sections, BIỂU MẪU after them
            return key
        return None

    def _table(self, table: Table) -> None:
        self.tables += 1
        number = self.tables
        for row in table.rows:
            for cell in row:
                if not cell.continued:
                    self._find_codes(cell.text)
        columns = step_columns(table)
        was_after_steps, self.just_after_steps = self.just_after_steps, False
        if self.step_table is not None and was_after_steps and (columns or grid_width(table) == self.step_width):
            # the step table goes on in another table (split at a page, its header repeated or not)
            first = self.step_table[1]
            self.steps.read(table, number, columns or StepColumns(first.at, {}, -1, ""))
            self.just_after_steps = True
        elif columns is not None and self.step_table is None:
            self.step_table, self.step_width = (number, columns), grid_width(table)
            self.steps.read(table, number, columns)
            self.in_notes = self.just_after_steps = True
        elif columns is not None:
            rows = Num(len(table.rows) - columns.header_row - 1)
            self.issues.append(SourceIssue(table_at(number), "", Msg("iso_word.extra_step_table", rows=rows)))
        elif (people := signers_of(table)) is not None:
            self.people = people if self.people is None else self.people
        elif (revision_columns := revision_log_columns(table)) is not None:
            self.revisions.extend(revisions_in(table, *revision_columns))
        elif self.current is not None:
            self.current.tables.append(tuple(tuple(clean(cell.text) for cell in row) for row in table.rows))
        else:  # a header laid out as a table: its cells in reading order
            for row in table.rows:
                for cell in row:
                    self.group += 1
                    if not cell.continued:
                        self.header.extend((self.group, line) for line in clean(cell.text).split("\n") if line)

    def _find_codes(self, text: str) -> None:
        for code in _NATIONAL_CODE.findall(text):
            if code not in self.codes:
                self.codes.append(code)

    def _check_total(self, steps: list[IsoStep], table: int) -> None:
        """Report steps that do not add up to the total the table states (its header or a "Tổng" row)."""
        stated = self.steps.totals[0] if self.steps.totals else ""
        expected, added = working_hours(stated) if stated else None, steps_hours(steps)
        if expected is None or added is None or abs(expected - added) < 1e-6:
            return  # nothing stated, or a time that is not a clear length: the mapper shows it as written
        message = Msg("iso_word.times_do_not_add_up", total=Val.of(stated), hours=Num(round(added, 2)))
        self.issues.append(SourceIssue(table_at(table), stated, message))

    def _process(self, steps: list[IsoStep], page_header: list[str]) -> IsoProcess:
        lines = [line for _, line in self.header]
        values = {**header_values(page_header), **header_values(lines)}
        named = name_and_agency(self.header) or name_and_agency([(0, line) for line in page_header])
        name, agency = named or ("", "")
        if named is None or not name:
            self.issues.append(SourceIssue(HEADER_AT, "", Msg("iso_word.title_missing")))
        issue, issued = self._issue(values), self._issued(values)
        if "code" not in values:
            self.issues.append(SourceIssue(HEADER_AT, "", Msg("iso_word.header_missing", label="Mã hiệu")))
        if len(self.codes) > 1:
            codes = ", ".join(self.codes[:5])
            message = Msg("iso_word.national_codes", codes=codes, code=self.codes[0])
            self.issues.append(SourceIssue("", codes, message))
        definitions = next((section for section in self.sections if section.key == "definitions"), None)
        abbreviations, terms = terms_of(definitions) if definitions is not None else ({}, {})
        return IsoProcess(
            source=self.shown,
            agency=agency,
            procedure_name=name,
            code=values.get("code", ""),
            issue=issue,
            issued=issued,
            people=self.people or (),
            revisions=tuple(self.revisions),
            steps=tuple(steps),
            total_time=self.steps.totals[0] if self.steps.totals else "",
            notes=notes_of(self.notes),
            abbreviations=abbreviations,
            definitions=terms,
            sections=tuple(
                IsoSection(section.key, section.title, tuple(section.paragraphs), tuple(section.tables))
                for section in self.sections
            ),
            national_code=self.codes[0] if self.codes else "",
            issues=tuple(self.issues),
        )

    def _issue(self, values: dict[str, str]) -> int | None:
        if "issue" not in values:
            self.issues.append(SourceIssue(HEADER_AT, "", Msg("iso_word.header_missing", label="Lần ban hành")))
            return None
        number = issue_number(values["issue"])
        if number is None:
            message = Msg("iso_word.issue_unreadable", received=Val.of(values["issue"]))
            self.issues.append(SourceIssue(HEADER_AT, values["issue"], message))
        return number

    def _issued(self, values: dict[str, str]) -> dt.date | None:
        written = values.get("issued") or values.get("effective")
        if written is None:
            self.issues.append(SourceIssue(HEADER_AT, "", Msg("iso_word.header_missing", label="Ngày ban hành")))
            return None
        date = date_in(written)
        if date is None:
            message = Msg("iso_word.date_unreadable", received=Val.of(written))
            self.issues.append(SourceIssue(HEADER_AT, written, message))
        return date
