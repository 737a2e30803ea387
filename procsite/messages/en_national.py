"""Messages of the national stage in English: code → template (merged into the en catalogue).

Reading the national procedure database's records (JSON) and the national portal's Word export. Both
a whole file that cannot be read (``SourceError``) and a field that cannot be used (``SourceIssue``: the
field is left empty) are worded here, and so are the checks every file to import passes
(``importers/source_file.py``: its size, its ZIP, its Word package), for the ISO reader too.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {
    # A whole file that cannot be read
    "national.too_big": "expected a file to import of at most {limit} MB, but received: {size} MB.",
    "national.too_big.hint": "A procedure record or Word export is a few dozen KB and an ISO process a few hundred; check that this is the right file, or remove large pictures or annexes pasted into it and save it again.",
    "national.json_not_utf8": "expected a JSON file in UTF-8, but received: byte 0x{byte} at offset {offset}.",
    "national.json_invalid": "expected a well-formed JSON file, but received: an error at line {line}, column {column}. Download the record again from the national database.",
    "national.json_not_number": "expected ordinary JSON numbers, but received: {received}. Download the record again.",
    "national.json_number_too_long": "expected numbers of an ordinary length, but received: a number of more than 4,300 digits. Download the record again.",
    "national.json_too_deep": "expected a JSON record of few nested levels, but received: brackets nested too deep. This file is not a procedure record.",
    "national.json_envelope_error": 'expected a record answered with code "OK", but received: code {code}, message {message}. Download the procedure again from the national database.',
    "national.json_not_record": "expected a procedure record of the national database (an object with code and name, or MATTHC and TENTTHC), but received: {received}.",
    "national.word_old_format": "expected a Word .docx file, but received: an old Word file (.doc).",
    "national.word_old_format.hint": "Convert it to .docx with Word (Save as .docx) or LibreOffice: soffice --headless --convert-to docx FILE.doc",
    "national.word_not_zip": "expected a Word file (.docx), but received: a file that is not Word (not a valid ZIP archive: {reason}).",
    "national.zip_too_many": "expected a Word file of at most {limit} parts, but received: {count} parts.",
    "national.zip_member_too_big": "expected every part of the Word file to be at most {limit} MB unpacked, but received: {size} MB.",
    "national.zip_too_big": "expected a Word file of at most {limit} MB unpacked, but received: {size} MB.",
    "national.zip.hint": "The file does not look like an ordinary Word document, so it was not opened; save it from Word as a new .docx file.",
    "national.word_unreadable": "expected a Word file (.docx), but received: an archive Word cannot open ({reason}).",
    "national.word_unreadable.hint": "Open the file in Word or LibreOffice, save it again as .docx, and import it again.",
    "national.word_not_export": 'expected the national portal\'s Word export (with "Mã thủ tục:" and "Tên thủ tục:" lines), but received: another Word document.',
    "national.word_not_export.hint": "Download the Word file from the procedure's page on the national public service portal; ISO processes are imported another way.",
    # A field that cannot be used: it is left empty
    "national.expected_object": "expected a group of keys (a JSON object), but received: {received}; this part is left empty.",
    "national.expected_list": "expected a list, but received: {received}; this part is left empty.",
    "national.expected_text": "expected a text, but received: {received}; this part is left empty.",
    "national.expected_count": "expected a number of copies from 0 to 1,000, but received: {received}; it is left empty, fill it in in the procedure file.",
    "national.expected_flag": "expected true or false, but received: {received}; the value is ignored.",
    "national.date_invalid": "expected a valid date, but received: {received}; the date is left empty, fill it in in the procedure file.",
    "national.channel_unknown": "expected a submission method DIRECT, ONLINE or POSTAL (KENH 1, 2 or 3), but received: {received}; this channel is skipped.",
    "national.time_unit_unknown": "expected a time unit WORKING_DAY, DAY, HOUR, MONTH or OTHER, but received: {received}; the time is left empty, fill it in in the procedure file.",
    "national.time_not_number": "expected a processing time that is a number, but received: {received}; the words are kept, the number is left for you to fill in.",
    "national.time_negative": "expected a processing time that is not negative, but received: {received}; the time is left empty, fill it in in the procedure file.",
    "national.fee_type_unknown": "expected a fee type FEE, SERVICE_FEE or PRICE_LEVEL, but received: {received}; say in the procedure file which kind of fee it is.",
    "national.fee_not_amount": "expected a fee that is a whole number of đồng, not negative, but received: {received}; the amount is left empty, fill it in in the procedure file.",
    "national.fee_currency": "expected a fee in Vietnamese đồng, but received: the currency {received}; the amount is left empty, convert it and fill it in in the procedure file.",
    "national.level_unknown": "expected a level Cấp Xã, Cấp Huyện, Cấp Tỉnh, Cấp Bộ or Cơ quan khác, but received: {received}; this level is skipped.",
    "national.word_table_unexpected": "expected a table with the columns {columns}, but received: {received}; the table is skipped.",
    "national.word_table_ignored": "expected tables only under Cách thức thực hiện, Thành phần hồ sơ or Căn cứ pháp lý, but received: a table under {section}; the table is skipped.",
    "national.word_channel_unknown": 'expected a submission method "Trực tiếp", "Trực tuyến" or "Dịch vụ bưu chính", but received: {received}; this row is skipped.',
    "national.word_quantity": 'expected a quantity such as "Bản chính: 1" and "Bản sao: 0", but received: {received}; the numbers of copies are left empty, fill them in in the procedure file.',
    "national.word_date_invalid": 'expected a date of issue written day-month-year, e.g. "29-11-2006", but received: {received}; the date is left empty, fill it in in the procedure file.',
}
