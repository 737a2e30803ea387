"""Everyday names and abbreviations of procedures, and what they stand for in the names the law uses.

Citizens ask for "sổ đỏ", not for a "giấy chứng nhận quyền sử dụng đất"; they type GPXD for a
building permit. Search reads a query containing one of these as the query with it replaced
(``procsite/search/browser/search-query.js``), on the site and at the kiosk. These are the common ones;
an agency adds its own in ``everyday.yml`` of its procedures folder.
"""

from __future__ import annotations

from procsite.folding import tokens
from procsite.model.procedure import Text

EVERYDAY: dict[str, list[tuple[str, str]]] = {
    "vi": [
        ("sổ đỏ", "giấy chứng nhận quyền sử dụng đất"),
        ("sổ hồng", "giấy chứng nhận quyền sử dụng đất quyền sở hữu nhà ở"),
        ("bìa đỏ", "giấy chứng nhận quyền sử dụng đất"),
        ("hộ khẩu", "đăng ký thường trú"),
        ("nhập khẩu", "đăng ký thường trú"),
        ("cắt khẩu", "xóa đăng ký thường trú"),
        ("giấy phép kinh doanh", "đăng ký hộ kinh doanh"),
        ("mở quán", "đăng ký hộ kinh doanh"),
        ("làm giấy khai sinh", "đăng ký khai sinh"),
        ("giấy khai sinh", "đăng ký khai sinh"),
        ("giấy chứng tử", "đăng ký khai tử"),
        ("đăng ký kết hôn", "đăng ký kết hôn"),
        ("giấy độc thân", "xác nhận tình trạng hôn nhân"),
        ("công chứng", "chứng thực"),
        ("sao y", "chứng thực bản sao từ bản chính"),
        ("xây nhà", "giấy phép xây dựng"),
        # Abbreviations, as they are written on forms and in offices
        ("gpxd", "giấy phép xây dựng"),
        ("gcn", "giấy chứng nhận"),
        ("qsdđ", "quyền sử dụng đất"),
        ("qsd đất", "quyền sử dụng đất"),
        ("cccd", "căn cước công dân"),
        ("cmnd", "chứng minh nhân dân"),
        ("hkd", "hộ kinh doanh"),
        ("ubnd", "ủy ban nhân dân"),
        ("đkkd", "đăng ký kinh doanh"),
        ("tthc", "thủ tục hành chính"),
    ],
    "en": [
        ("red book", "land use right certificate"),
        ("pink book", "land use right certificate"),
        ("household registration", "permanent residence registration"),
        ("family register", "permanent residence registration"),
        ("business license", "household business registration"),
        ("birth certificate", "birth registration"),
        ("death certificate", "death registration"),
        ("marriage certificate", "marriage registration"),
        ("single status", "marital status"),
        ("notarization", "certification"),
        ("notarize", "certify"),
    ],
}
"""Per language: (what people say or type, what it stands for). The English site reads both lists:
citizens also type the Vietnamese names there."""


def everyday_index(lang: str, agency: list[tuple[Text, Text]] = []) -> list[list[str]]:  # noqa: B006 (read only)
    """The pairs for the search index of ``lang``, folded the way the browser folds a query: the
    agency's own (``everyday.yml``) first, then these. The English site reads the Vietnamese ones too."""
    own = [(said.get(lang), means.get(lang)) for said, means in agency]
    if lang != "vi":
        own += [(said.vi, means.vi) for said, means in agency]
    pairs = own + EVERYDAY[lang] + (EVERYDAY["vi"] if lang != "vi" else [])
    return [[tokens(said), tokens(meant)] for said, meant in pairs]
