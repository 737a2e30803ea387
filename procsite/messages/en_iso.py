"""Messages of the iso stage in English: code → template (merged into the en catalogue).

Reading an agency's ISO process from Word (``importers/iso_*.py``, ``importers/doc_convert.py``):
whole-file errors (``SourceError``, with how to fix it under ``….hint``) and parts left out
(``SourceIssue``: that part is not imported, the rest is read). The checks every file to import passes
(its size, its ZIP, its Word package) are worded in ``en_national.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {
    # The whole file cannot be used
    "iso_word.not_word": "expected a Word file (.docx or .doc), but received: {received}.",
    "iso_word.kind.pdf": "a PDF file",
    "iso_word.kind.rtf": "an RTF file",
    "iso_word.kind.html": "a web page (HTML) named like a Word file",
    "iso_word.kind.empty": "an empty file",
    "iso_word.kind.other": "a file that is not Word",
    "iso_word.save_as_docx.hint": 'Open the file in Word (or LibreOffice), save it as "Word Document (*.docx)" and import it again.',
    "iso_word.no_soffice": "expected LibreOffice to read an old Word file (.doc), but received: LibreOffice is not installed (no soffice or libreoffice command).",
    "iso_word.no_soffice.hint": "Install Debian's libreoffice-writer-nogui package (apt-get install libreoffice-writer-nogui), or open the file in Word and save it as .docx.",
    "iso_word.convert_timeout": "expected LibreOffice to convert the .doc file to .docx within {seconds} seconds, but received: not done after {seconds} seconds; LibreOffice was stopped.",
    "iso_word.convert_failed": "expected LibreOffice to convert the .doc file to .docx, but received: {reason}.",
    "iso_word.no_step_table": "expected the step table Trình tự/Trách nhiệm/Thời gian (columns TT | Trình tự các bước công việc | Trách nhiệm | Thời gian), but received: {received}.",
    "iso_word.tables_none": "a document without any table",
    "iso_word.tables_without_steps": (
        "{n} table, without a header row with those three columns",
        "{n} tables, none with a header row with those three columns",
    ),
    "iso_word.no_step_table.hint": 'Check the header row of the step table: "Trình tự các bước công việc", "Trách nhiệm" and "Thời gian" each in a cell of its own.',
    "iso_word.no_steps": "expected at least one step in the step table, but received: only its header row.",
    # A part cannot be used: it is not imported
    "iso_word.title_missing": 'expected the title "QUY TRÌNH" and the process name at the top of the document, but received: none; the name is left empty, fill it in the procedure file.',
    "iso_word.header_missing": 'expected a line "{label}: …" at the top of the document or in the page header, but received: none; the value is left empty, fill it in the procedure file.',
    "iso_word.issue_unreadable": 'expected the issue number (Lần ban hành) to be a number, e.g. "01", but received: {received}; it is left empty, fill it in the procedure file.',
    "iso_word.date_unreadable": 'expected the date of issue like "07/7/2025" or "ngày 07 tháng 7 năm 2025", but received: {received}; the date is left empty, fill it in the procedure file.',
    "iso_word.column_not_read": "expected the columns TT, Trình tự, Trách nhiệm, Thời gian and Biểu mẫu/Kết quả, but received: another column {received}; that column is not imported.",
    "iso_word.row_not_step": "expected each row to be a step (number, task, responsibility, time), but received: a row with only {received}; the row is not imported; if it is a step, split it into the columns.",
    "iso_word.cell_beyond_header": "expected a step's cells under the columns of the header row, but received: {received} outside them; the cell is not imported.",
    "iso_word.extra_step_table": (
        "expected one step table per process, but received: another step table ({rows} row); it is not imported: merge it into the first or make it a process of its own.",
        "expected one step table per process, but received: another step table ({rows} rows); it is not imported: merge it into the first or make it a process of its own.",
    ),
    "iso_word.times_do_not_add_up": "expected the steps' times to add up to the total the table states ({total}), but received: the steps add up to {hours} working hours; correct the steps' times or the total.",
    "iso_word.national_codes": "expected one national procedure code, but received: several ({codes}); the first, {code}, was taken: check it.",
}
