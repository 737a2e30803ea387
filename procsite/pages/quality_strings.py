"""The interface strings of the quality pages (objectives, document register, system), in Vietnamese and
English (key: (vi, en)), and the figures of an objective as each language writes them."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

STRINGS: dict[str, tuple[str, str]] = {
    # The objectives page
    "objectives.title": ("Mục tiêu chất lượng", "Quality objectives"),
    "objectives.summary": ("Kết quả năm {year}", "Results for {year}"),
    "objectives.summary_count": ("Đạt {met} trên {total} mục tiêu.", "{met} of {total} objectives met."),
    "objectives.summary_none": ("Chưa có kết quả của năm nào.", "No year has results yet."),
    "objectives.heading": ("Mục tiêu {n}.", "Objective {n}."),
    "objectives.no": ("TT", "No."),
    "objectives.objective": ("Mục tiêu", "Objective"),
    "objectives.year": ("Năm", "Year"),
    "objectives.target": ("Chỉ tiêu", "Target"),
    "objectives.achieved": ("Kết quả", "Result"),
    "objectives.assessment": ("Đánh giá", "Assessment"),
    "objectives.note": ("Ghi chú", "Notes"),
    "objectives.measure": ("Cách tính", "How it is calculated"),
    "objectives.source": ("Nguồn số liệu", "Source of the figures"),
    "objectives.figures": ("Số liệu qua các năm: {name}", "Figures by year: {name}"),
    "objectives.computed": (
        "Đánh giá đạt hay chưa đạt được tính từ chỉ tiêu và kết quả của từng năm.",
        "Whether each objective was met is worked out from the year's target and result.",
    ),
    "result.met": ("Đạt", "Met"),
    "result.not_met": ("Chưa đạt", "Not met"),
    "result.pending": ("Chưa có kết quả", "No result yet"),
    "target.at_least": ("Từ {value} trở lên", "At least {value}"),
    "target.at_most": ("Không quá {value}", "At most {value}"),
    "target.exactly": ("Đúng {value}", "Exactly {value}"),
    # The chart (an SVG beside the table of the same figures)
    "chart.label": ("Biểu đồ: {name}", "Chart: {name}"),
    "chart.year": (
        "{year}: kết quả {achieved}, chỉ tiêu {target}, {result}.",
        "{year}: result {achieved}, target {target}, {result}.",
    ),
    "chart.year_pending": ("{year}: chỉ tiêu {target}, chưa có kết quả.", "{year}: target {target}, no result yet."),
    "chart.target": ("chỉ tiêu", "target"),
    # The document register
    "register.title": ("Danh mục tài liệu", "Document register"),
    "register.intro": (
        "Các tài liệu của hệ thống quản lý chất lượng đang được kiểm soát: {count}. Bấm vào tên cột để sắp xếp lại.",
        "The controlled documents of the quality management system: {count}. Select a column's name to sort by it.",
    ),
    "register.document": ("{n} tài liệu", "{n} document"),
    "register.documents": ("{n} tài liệu", "{n} documents"),
    "register.number": ("Số hiệu", "Number"),
    "register.name": ("Tên tài liệu", "Document"),
    "register.kind": ("Loại", "Kind"),
    "register.issue": ("Lần ban hành", "Issue"),
    "register.effective": ("Ngày hiệu lực", "Effective"),
    "register.status": ("Tình trạng", "Status"),
    "register.change": ("Sửa đổi gần nhất", "Latest change"),
    "register.issued": ("Ban hành lần {issue}", "Issue {issue}"),
    "register.none": ("—", "—"),
    "register.csv": ("Tải danh mục tài liệu (CSV, mở được bằng Excel)", "Download the register (CSV, opens in Excel)"),
    "register.columns": ("Các cột của tệp CSV", "Columns of the CSV file"),
    "register.link": ("Quy trình này trong danh mục tài liệu", "This process in the document register"),
    "register.announcement": (
        "Quyết định công bố hệ thống quản lý chất lượng",
        "Decision announcing the quality management system",
    ),
    "kind.process": ("Quy trình ISO", "ISO process"),
    "kind.policy": ("Chính sách chất lượng", "Quality policy"),
    "kind.objectives": ("Mục tiêu chất lượng", "Quality objectives"),
    "kind.manual": ("Sổ tay chất lượng", "Quality manual"),
    "kind.announcement": ("Quyết định công bố", "Announcement"),
    "kind.plan": ("Kế hoạch", "Plan"),
    "kind.form": ("Biểu mẫu", "Form"),
    "kind.record": ("Hồ sơ", "Record"),
    "kind.other": ("Tài liệu khác", "Other document"),
    "status.in_force": ("Đang áp dụng", "In force"),
    "status.draft": ("Đang xây dựng", "Being prepared"),
    "status.superseded": ("Đã được thay thế", "Superseded"),
    "status.repealed": ("Đã bãi bỏ", "Withdrawn"),
    # The system page
    "system.title": ("Hệ thống quản lý chất lượng", "Quality management system"),
    "system.standard": ("Tiêu chuẩn và văn bản áp dụng", "Standard and documents followed"),
    "system.standard_label": ("Tiêu chuẩn", "Standard"),
    "system.model": ("Văn bản áp dụng", "Documents followed"),
    "system.announcement": ("Quyết định công bố", "Announcement"),
    "system.number": ("Số quyết định", "Number"),
    "system.date": ("Ngày ký", "Signed on"),
    "system.signer": ("Người ký", "Signed by"),
    "system.decision_title": ("Trích yếu", "Title"),
    "system.not_announced": (
        "Hệ thống đang được xây dựng, chưa được công bố.",
        "The system is being prepared and has not been announced yet.",
    ),
    "system.scope": ("Phạm vi áp dụng", "Scope"),
    "system.units": ("Đơn vị áp dụng", "Units covered"),
    "system.procedures": ("Thủ tục hành chính", "Administrative procedures"),
    "system.all_procedures": (
        "Tất cả {count} trên trang này; quy trình của từng thủ tục có trong",
        "All {count} on this site; each one's process is in the",
    ),
    "system.register_words": ("danh mục tài liệu", "document register"),
    "system.documents": ("Tài liệu của hệ thống", "Documents of the system"),
    "system.secretary": ("Thư ký ISO và góp ý", "ISO secretary and feedback"),
    "system.secretary_label": ("Thư ký ISO", "ISO secretary"),
    "system.email": ("Thư điện tử", "E-mail"),
    "system.phone": ("Điện thoại", "Phone"),
    "system.footer": ("Hệ thống quản lý chất lượng", "Quality management system"),
}

MEASURES: dict[str, tuple[str, str]] = {
    "percent": ("{n}%", "{n}%"),
    "count": ("{n}", "{n}"),
    "days": ("{n} ngày", "{n} days"),
    "working_days": ("{n} ngày làm việc", "{n} working days"),
    "hours": ("{n} giờ", "{n} hours"),
}
"""A figure with its unit; a count is followed by what it counts (``counted``), when given."""
ONE = {"days": "{n} day", "working_days": "{n} working day", "hours": "{n} hour"}
"""The English singular of a length of time."""


def qt(key: str, lang: str, **values: object) -> str:
    """A string of the quality pages in ``lang``, its ``{name}`` placeholders filled from ``values``."""
    text = STRINGS[key][0 if lang == "vi" else 1]
    return text.format(**values) if values else text


def format_number(value: Decimal, lang: str) -> str:
    """A figure as written, in the language's way: 99,6 or 99.6, 12.750 or 12,750; its decimals are kept
    (68,0 stays 68,0)."""
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_decimal(value, format="#,##0" + ("." + "0" * places if places else ""), locale=lang)


def format_figure(value: Decimal, unit: str, lang: str, counted: str = "") -> str:
    """A figure with its unit: "99,6%", "3 ngày", "0 hồ sơ" (``counted`` is what a count counts)."""
    number = format_number(value, lang)
    template = MEASURES[unit][0 if lang == "vi" else 1]
    if lang == "en" and unit in ONE and value == 1:
        template = ONE[unit]
    text = template.format(n=number)
    return f"{text} {counted}" if counted and unit == "count" else text


def format_target(comparison: str, value: Decimal, unit: str, lang: str, counted: str = "") -> str:
    """A target in words: "Từ 90% trở lên", "At most 0 dossiers"; a share of at least 100% is "100%"."""
    figure = format_figure(value, unit, lang, counted)
    if comparison == "at_least" and unit == "percent" and value == 100:
        return figure  # a share can be no more than all: "at least 100%" says less than "100%"
    return qt(f"target.{comparison}", lang, value=figure)
