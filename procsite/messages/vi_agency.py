"""Messages of the agency stage in Vietnamese: code → template (merged into the vi catalogue).

The agency's identity in ``agency.yml`` (site name, description, address, logo, colours), its own
pages in ``pages/`` and ``procsite new``. Each code is also in ``en_agency.py``, with the same values.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {
    # Ý nghĩa các khóa mới của agency.yml
    "doc.agency.site_name": 'tên của trang, hiện trên thẻ trình duyệt và đầu trang (mặc định: "Thủ tục hành chính — " và tên cơ quan)',
    "doc.agency.site_description": "mô tả ngắn của trang cho công cụ tìm kiếm (mặc định: làm từ tên cơ quan)",
    "doc.agency.logo": "tệp ảnh logo PNG, JPEG hoặc WebP đặt cạnh agency.yml, hiện ở đầu trang",
    "doc.agency.primary_color": 'màu chính của trang (đầu trang, liên kết), dạng "#rrggbb"',
    "doc.agency.accent_color": 'màu nhấn (liên kết khi trỏ chuột vào, khung khi chọn), dạng "#rrggbb"',
    "what.color": 'một mã màu dạng "#rrggbb", viết trong ngoặc kép',
    "what.logo": "tên một tệp ảnh PNG, JPEG hoặc WebP đặt cạnh agency.yml",
    "what.site_url": 'một địa chỉ trang bắt đầu bằng https:// và kết thúc bằng "/"',
    # Màu
    "agency.color_contrast": "cần một màu đủ đậm để chữ trắng trên nền màu này và chữ màu này trên nền trắng đều dễ đọc (độ tương phản với màu trắng ít nhất {limit}:1), nhưng nhận được: {received}, độ tương phản {ratio}:1.",
    "agency.color_contrast.hint": 'Chọn màu đậm hơn, ví dụ "{example}" (cùng sắc màu, đậm vừa đủ).',
    "agency.color_quotes.hint": 'Dấu # không có ngoặc kép bắt đầu một ghi chú: viết {key}: "#8e1b1b", hoặc xóa dòng này để dùng màu mặc định.',
    # Logo
    "agency.logo_svg": 'cần ảnh PNG, JPEG hoặc WebP, nhưng nhận được: tệp SVG "{name}".',
    "agency.logo_svg.hint": "Tệp SVG có thể chứa mã chạy trong trình duyệt nên không được đăng; hãy xuất logo sang PNG (cao khoảng 96 điểm ảnh) rồi ghi logo: {png}.",
    "agency.logo_missing": 'cần tệp ảnh "{name}" trong thư mục {folder}/, cạnh agency.yml, nhưng nhận được: không có tệp này.',
    "agency.logo_missing.hint": "Đặt tệp logo cạnh agency.yml, hoặc sửa lại tên tệp ở đây.",
    "agency.logo_empty": 'cần một tệp ảnh có nội dung, nhưng nhận được: "{name}", một tệp rỗng.',
    "agency.logo_empty.hint": "Lưu lại ảnh logo rồi chép vào thư mục.",
    "agency.logo_too_big": "cần ảnh logo không quá {limit} KB, nhưng nhận được: {size} KB.",
    "agency.logo_too_big.hint": "Thu nhỏ ảnh rồi lưu lại: logo hiện cao 24 điểm ảnh ở đầu trang, ảnh cao 96 điểm ảnh là đủ nét.",
    "agency.logo_content": 'cần nội dung của ảnh {kind} như tên tệp cho biết, nhưng nhận được: "{name}" là tệp {content}.',
    "agency.logo_content.hint": "Mở ảnh bằng một chương trình xem ảnh rồi lưu lại dạng {kind}, hoặc sửa đuôi tên tệp cho đúng loại ảnh.",
    "agency.logo_damaged": 'cần một ảnh {kind} đọc được, nhưng nhận được: "{name}", không đọc được kích thước ảnh (tệp hỏng).',
    "agency.logo_pixels": "cần ảnh logo không quá {limit} × {limit} điểm ảnh, nhưng nhận được: {width} × {height} điểm ảnh.",
    "agency.picture_unused.hint": "Nếu đây là logo của cơ quan, ghi logo: {name} trong agency.yml (chỉ nhận PNG, JPEG, WebP); nếu không, xóa tệp khỏi thư mục.",
    "agency.picture_svg.hint": "Tệp SVG không được đăng vì có thể chứa mã chạy trong trình duyệt; nếu đây là logo của cơ quan, hãy xuất sang PNG rồi ghi logo: {name} trong agency.yml; nếu không, xóa tệp khỏi thư mục.",
    # Các trang của cơ quan (thư mục pages/)
    "pages.not_markdown.hint": 'Thư mục pages/ chỉ chứa các trang ".md"; ảnh không được đăng từ đây.',
    "pages.language_folder": "cần trang nằm trong {folder}/vi/ (tiếng Việt) hoặc {folder}/en/ (tiếng Anh), nhưng nhận được: một tệp ở chỗ khác.",
    "pages.language_folder.hint": "Chuyển tệp vào pages/vi/ (hoặc pages/en/ nếu là bản tiếng Anh), cùng đường dẫn trong cả hai thư mục.",
    "pages.bad_name": 'cần tên thư mục và tên tệp gồm chữ thường a-z, chữ số và dấu "-" đơn, nhưng nhận được: "{name}"{nfd}.',
    "pages.bad_name.hint": 'Đổi tên thành "{slug}.md": đường dẫn của tệp là địa chỉ của trang (/{slug}/).',
    "pages.reserved": 'cần một địa chỉ trang chưa dùng, nhưng nhận được: "{folder}", địa chỉ mà chương trình dùng cho các trang của nó.',
    "pages.reserved.hint": 'Đặt trang vào thư mục khác, ví dụ "gioi-thieu/"; các tên sau đã được dùng: thu-tuc, don-vi, linh-vuc, kiosk, bieu-mau, schema, search, assets, huong-dan, en.',
    "pages.orphan_english": 'cần trang tiếng Việt "{vi}" cho bản tiếng Anh này, nhưng nhận được: không có trang đó.',
    "pages.orphan_english.hint": "Mỗi trang viết tiếng Việt trước, trong pages/vi/; bản tiếng Anh có cùng đường dẫn trong pages/en/.",
    "pages.empty": "cần nội dung của trang, nhưng nhận được: một tệp rỗng.",
    "pages.front_matter": 'cần văn bản Markdown, nhưng nhận được: một dòng "---" ở đầu trang.',
    "pages.front_matter.hint": 'Trang của cơ quan không có phần khai báo: xóa các dòng "---" và phần giữa chúng; tên trang là dòng "# …" đầu tiên.',
    "pages.no_title": 'cần dòng đầu tiên là tên trang, bắt đầu bằng "# ", nhưng nhận được: {received}.',
    "pages.no_title.hint": 'Bắt đầu trang bằng một dòng như "# Chính sách chất lượng"; các mục của trang bắt đầu bằng "## ".',
    "pages.second_title": 'cần một tên trang "# …" duy nhất, ở dòng đầu tiên, nhưng nhận được: một tiêu đề cấp 1 ở dòng này.',
    "pages.second_title.hint": 'Dùng "## " cho các mục của trang, "### " cho các mục nhỏ hơn.',
    "pages.link.hint": 'Liên kết tới trang khác bằng địa chỉ tính từ trang này, ví dụ "thu-tuc/dang-ky-khai-sinh/" từ trang chủ hoặc "../muc-tieu/" từ một trang chất lượng, tới một mục bằng "#" và tên mục, hoặc viết địa chỉ đầy đủ.',
    # procsite new
    "new.written": 'Đã tạo thư mục cơ quan mới {folder} ({count}). Việc tiếp theo: thay các chữ trong ngoặc đơn "(…)" của agency.yml (tên, địa chỉ, site_url) và của các trang trong pages/, rồi chạy: procsite check --procedures {folder}',
    "new.not_empty": "{folder}: cần một thư mục mới hoặc trống, nhưng nhận được: một thư mục đã có {count}.",
    "new.not_empty.hint": "procsite new không ghi đè lên tệp nào; chọn một thư mục khác, ví dụ {example}.",
    "new.not_folder": "{folder}: cần một thư mục, nhưng nhận được: một tệp.",
    "new.not_folder.hint": "Chọn một tên chưa dùng, ví dụ {example}.",
    "new.failed": "{folder}: cần tạo được thư mục và các tệp, nhưng nhận được: {reason}.",
    "new.failed.hint": "Kiểm tra quyền ghi vào thư mục cha, hoặc chọn một thư mục khác.",
    "new.no_folder": "cần tên thư mục cho cơ quan mới, nhưng nhận được: không có.",
    "new.no_folder.hint": "Ví dụ: procsite new ../xa-moi",
    "new.invalid": "thư mục mới còn {count}, không nên xảy ra; hãy báo cho người bảo trì chương trình:",
    "help.command_new": "new: viết một thư mục cơ quan mới (agency.yml, danh mục, trang, một thủ tục mẫu) để bắt đầu",
    "help.first": "synth: số thủ tục cần viết; new: thư mục cơ quan mới",
}
