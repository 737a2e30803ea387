"""Messages of the national stage in Vietnamese: code → template (merged into the vi catalogue).

Đọc bản ghi của Cơ sở dữ liệu quốc gia về thủ tục hành chính (JSON) và bản xuất Word của Cổng dịch vụ
công. Lỗi cả tệp (``SourceError``) và lỗi một trường (``SourceIssue``: trường đó để trống) đều ở đây;
các kiểm tra mọi tệp nhập đều qua (``importers/source_file.py``: kích thước, tệp nén ZIP, gói Word)
cũng ở đây, dùng chung cho cả quy trình ISO.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {
    # Cả tệp không đọc được
    "national.too_big": "cần tệp nhập không quá {limit} MB, nhưng nhận được: {size} MB.",
    "national.too_big.hint": "Bản ghi thủ tục và bản xuất Word chỉ vài chục KB, một quy trình ISO vài trăm KB; hãy kiểm tra lại đã chọn đúng tệp chưa, hoặc xóa hình ảnh lớn hay phụ lục dán vào tệp rồi lưu lại.",
    "national.json_not_utf8": "cần tệp JSON viết bằng UTF-8, nhưng nhận được: byte 0x{byte} ở vị trí {offset}.",
    "national.json_invalid": "cần một tệp JSON đúng cú pháp, nhưng nhận được: lỗi ở dòng {line}, cột {column}. Hãy tải lại bản ghi từ Cơ sở dữ liệu quốc gia.",
    "national.json_not_number": "cần các số JSON thông thường, nhưng nhận được: {received}. Hãy tải lại bản ghi.",
    "national.json_number_too_long": "cần các số có độ dài bình thường, nhưng nhận được: một số dài hơn 4.300 chữ số. Hãy tải lại bản ghi.",
    "national.json_too_deep": "cần một bản ghi JSON ít tầng lồng nhau, nhưng nhận được: các ngoặc lồng nhau quá sâu. Tệp này không phải bản ghi thủ tục.",
    "national.json_envelope_error": 'cần bản ghi trả về với mã "OK", nhưng nhận được: mã {code}, thông báo {message}. Hãy tải lại thủ tục từ Cơ sở dữ liệu quốc gia.',
    "national.json_not_record": "cần một bản ghi thủ tục của Cơ sở dữ liệu quốc gia (một đối tượng có code và name, hoặc MATTHC và TENTTHC), nhưng nhận được: {received}.",
    "national.word_old_format": "cần một tệp Word .docx, nhưng nhận được: một tệp Word cũ (.doc).",
    "national.word_old_format.hint": "Chuyển sang .docx bằng Word (Lưu thành .docx) hoặc LibreOffice: soffice --headless --convert-to docx TÊN_TỆP.doc",
    "national.word_not_zip": "cần một tệp Word (.docx), nhưng nhận được: một tệp không phải Word (không phải tệp nén ZIP hợp lệ: {reason}).",
    "national.zip_too_many": "cần tệp Word có không quá {limit} thành phần, nhưng nhận được: {count} thành phần.",
    "national.zip_member_too_big": "cần mỗi thành phần của tệp Word không quá {limit} MB khi giải nén, nhưng nhận được: {size} MB.",
    "national.zip_too_big": "cần tệp Word không quá {limit} MB khi giải nén, nhưng nhận được: {size} MB.",
    "national.zip.hint": "Tệp này không giống văn bản Word thông thường nên không được mở; hãy lưu lại từ Word thành tệp .docx mới.",
    "national.word_unreadable": "cần một tệp Word (.docx), nhưng nhận được: một tệp nén mà Word không mở được ({reason}).",
    "national.word_unreadable.hint": "Mở tệp bằng Word hoặc LibreOffice và lưu lại dạng .docx, rồi nhập lại.",
    "national.word_not_export": 'cần bản xuất Word của Cổng dịch vụ công (có dòng "Mã thủ tục:" và "Tên thủ tục:"), nhưng nhận được: một văn bản Word khác.',
    "national.word_not_export.hint": "Tải bản Word từ trang chi tiết thủ tục trên Cổng dịch vụ công quốc gia; quy trình ISO được nhập theo cách khác.",
    # Một trường không dùng được: trường đó để trống
    "national.expected_object": "cần một nhóm khóa (đối tượng JSON), nhưng nhận được: {received}; phần này để trống.",
    "national.expected_list": "cần một danh sách, nhưng nhận được: {received}; phần này để trống.",
    "national.expected_text": "cần một đoạn văn bản, nhưng nhận được: {received}; phần này để trống.",
    "national.expected_count": "cần số bản là số nguyên từ 0 đến 1.000, nhưng nhận được: {received}; số bản để trống, hãy điền trong tệp thủ tục.",
    "national.expected_flag": "cần true hoặc false, nhưng nhận được: {received}; giá trị này bị bỏ qua.",
    "national.date_invalid": "cần một ngày hợp lệ, nhưng nhận được: {received}; ngày để trống, hãy điền trong tệp thủ tục.",
    "national.channel_unknown": "cần cách nộp hồ sơ DIRECT, ONLINE hoặc POSTAL (KENH 1, 2 hoặc 3), nhưng nhận được: {received}; cách thức này bị bỏ qua.",
    "national.time_unit_unknown": "cần đơn vị thời hạn WORKING_DAY, DAY, HOUR, MONTH hoặc OTHER, nhưng nhận được: {received}; thời hạn để trống, hãy điền trong tệp thủ tục.",
    "national.time_not_number": "cần thời hạn giải quyết là một số, nhưng nhận được: {received}; lời mô tả được giữ lại, số để trống cho bạn điền.",
    "national.time_negative": "cần thời hạn giải quyết không âm, nhưng nhận được: {received}; thời hạn để trống, hãy điền trong tệp thủ tục.",
    "national.fee_type_unknown": "cần loại phí FEE, SERVICE_FEE hoặc PRICE_LEVEL, nhưng nhận được: {received}; hãy ghi rõ là phí hay lệ phí trong tệp thủ tục.",
    "national.fee_not_amount": "cần mức phí là số nguyên không âm (đồng), nhưng nhận được: {received}; mức phí để trống, hãy điền trong tệp thủ tục.",
    "national.fee_currency": "cần mức phí tính bằng đồng Việt Nam, nhưng nhận được: đơn vị {received}; mức phí để trống, hãy quy đổi và điền trong tệp thủ tục.",
    "national.level_unknown": "cần cấp thực hiện Cấp Xã, Cấp Huyện, Cấp Tỉnh, Cấp Bộ hoặc Cơ quan khác, nhưng nhận được: {received}; cấp này bị bỏ qua.",
    "national.word_table_unexpected": "cần bảng có các cột {columns}, nhưng nhận được: {received}; bảng này bị bỏ qua.",
    "national.word_table_ignored": "cần bảng chỉ ở mục Cách thức thực hiện, Thành phần hồ sơ hoặc Căn cứ pháp lý, nhưng nhận được: một bảng ở mục {section}; bảng này bị bỏ qua.",
    "national.word_channel_unknown": 'cần hình thức nộp "Trực tiếp", "Trực tuyến" hoặc "Dịch vụ bưu chính", nhưng nhận được: {received}; hàng này bị bỏ qua.',
    "national.word_quantity": 'cần số lượng dạng "Bản chính: 1" và "Bản sao: 0", nhưng nhận được: {received}; số bản để trống, hãy điền trong tệp thủ tục.',
    "national.word_date_invalid": 'cần ngày ban hành dạng ngày-tháng-năm, ví dụ "29-11-2006", nhưng nhận được: {received}; ngày để trống, hãy điền trong tệp thủ tục.',
}
