"""Messages of the iso stage in Vietnamese: code → template (merged into the vi catalogue).

Đọc quy trình ISO của cơ quan từ tệp Word (``importers/iso_*.py``, ``importers/doc_convert.py``).
Lỗi cả tệp (``SourceError``, kèm cách sửa ở mã ``….hint``) và lỗi một phần (``SourceIssue``: phần đó
không được nhập, phần còn lại vẫn đọc) đều ở đây. Các kiểm tra chung mọi tệp nhập đều qua (kích thước,
tệp nén ZIP, gói Word) ở ``vi_national.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {
    # Cả tệp không dùng được
    "iso_word.not_word": "cần một tệp Word (.docx hoặc .doc), nhưng nhận được: {received}.",
    "iso_word.kind.pdf": "một tệp PDF",
    "iso_word.kind.rtf": "một tệp RTF",
    "iso_word.kind.html": "một trang web (HTML) đặt tên như tệp Word",
    "iso_word.kind.empty": "một tệp rỗng",
    "iso_word.kind.other": "một tệp không phải Word",
    "iso_word.save_as_docx.hint": 'Mở tệp bằng Word (hoặc LibreOffice) và lưu lại dạng "Word Document (*.docx)", rồi nhập lại.',
    "iso_word.no_soffice": "cần LibreOffice để đọc tệp Word cũ (.doc), nhưng nhận được: máy này chưa cài LibreOffice (không có lệnh soffice hay libreoffice).",
    "iso_word.no_soffice.hint": "Cài gói Debian libreoffice-writer-nogui (apt-get install libreoffice-writer-nogui), hoặc mở tệp bằng Word và lưu lại dạng .docx.",
    "iso_word.convert_timeout": "cần LibreOffice chuyển tệp .doc sang .docx trong {seconds} giây, nhưng nhận được: chưa xong sau {seconds} giây, LibreOffice đã bị dừng.",
    "iso_word.convert_failed": "cần LibreOffice chuyển được tệp .doc sang .docx, nhưng nhận được: {reason}.",
    "iso_word.no_step_table": "cần bảng các bước Trình tự/Trách nhiệm/Thời gian (các cột TT | Trình tự các bước công việc | Trách nhiệm | Thời gian), nhưng nhận được: {received}.",
    "iso_word.tables_none": "văn bản không có bảng nào",
    "iso_word.tables_without_steps": "{n} bảng, không bảng nào có dòng tiêu đề đủ ba cột đó",
    "iso_word.no_step_table.hint": 'Kiểm tra dòng tiêu đề của bảng quy trình các bước: mỗi cột "Trình tự các bước công việc", "Trách nhiệm", "Thời gian" nằm trong một ô riêng.',
    "iso_word.no_steps": "cần ít nhất một bước trong bảng các bước, nhưng nhận được: bảng chỉ có dòng tiêu đề.",
    # Một phần không dùng được: phần đó không được nhập
    "iso_word.title_missing": 'cần tiêu đề "QUY TRÌNH" và tên quy trình ở phần đầu văn bản, nhưng nhận được: không có; tên quy trình để trống, hãy điền trong tệp thủ tục.',
    "iso_word.header_missing": 'cần dòng "{label}: …" ở phần đầu văn bản hoặc đầu trang, nhưng nhận được: không có; giá trị này để trống, hãy điền trong tệp thủ tục.',
    "iso_word.issue_unreadable": 'cần lần ban hành là một số, ví dụ "01", nhưng nhận được: {received}; lần ban hành để trống, hãy điền trong tệp thủ tục.',
    "iso_word.date_unreadable": 'cần ngày ban hành dạng "07/7/2025" hoặc "ngày 07 tháng 7 năm 2025", nhưng nhận được: {received}; ngày để trống, hãy điền trong tệp thủ tục.',
    "iso_word.column_not_read": "cần các cột TT, Trình tự, Trách nhiệm, Thời gian và Biểu mẫu/Kết quả, nhưng nhận được: thêm cột {received}; cột này không được nhập.",
    "iso_word.row_not_step": "cần mỗi dòng là một bước (số thứ tự, công việc, trách nhiệm, thời gian), nhưng nhận được: một dòng chỉ có {received}; dòng này không được nhập, nếu đó là một bước hãy tách thành các cột.",
    "iso_word.cell_beyond_header": "cần các ô của mỗi bước nằm dưới các cột của dòng tiêu đề, nhưng nhận được: {received} ở ngoài các cột đó; ô này không được nhập.",
    "iso_word.extra_step_table": "cần một bảng các bước cho mỗi quy trình, nhưng nhận được: thêm một bảng các bước ({rows} dòng); bảng này không được nhập, hãy gộp vào bảng đầu hoặc tách thành quy trình riêng.",
    "iso_word.times_do_not_add_up": "cần thời gian các bước cộng lại bằng tổng thời gian ghi trong bảng ({total}), nhưng nhận được: các bước cộng lại được {hours} giờ làm việc; hãy sửa thời gian các bước hoặc tổng thời gian.",
    "iso_word.national_codes": "cần một mã thủ tục quốc gia, nhưng nhận được: nhiều mã ({codes}); đã lấy mã đầu tiên {code}, hãy kiểm tra lại.",
}
