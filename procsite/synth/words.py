"""The words synthetic procedure names are made of (``procedures.py``), after the national database.

A real name is an act on an object, then, often, for whom, where or under which rule, and a case in
parentheses: "Cấp lại | Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn
liền với đất | cho hộ gia đình, cá nhân | (trường hợp bị mất)". The acts an object takes depend on
what it is (a document is issued, re-issued, renewed; a body is founded, dissolved), so that names
come in near-duplicate families as in a real catalogue. Each entry is (Vietnamese, English).
"""

from __future__ import annotations

from typing import NamedTuple

Phrase = tuple[str, str]


class Act(NamedTuple):
    """A verb of procedure names, with the cases in parentheses that go with it."""

    vi: str
    en: str
    cases: tuple[Phrase, ...] = ()


_LOST: Phrase = ("(trường hợp bị mất, hư hỏng)", "(when lost or damaged)")
_FIRST: Phrase = ("(cấp lần đầu)", "(first issue)")

ACTS: dict[str, list[Act]] = {
    "document": [
        Act("Cấp", "Issuing", (_FIRST, ("(cấp mới)", "(new issue)"))),
        Act("Cấp lại", "Re-issuing", (_LOST, ("(do sai sót thông tin)", "(because of an error)"))),
        Act("Cấp đổi", "Exchanging", (("(trường hợp hết hạn)", "(when expired)"),)),
        Act("Điều chỉnh", "Amending", (("(thay đổi nội dung)", "(change of contents)"),)),
        Act("Gia hạn", "Extending", (("(trước khi hết hạn 30 ngày)", "(30 days before expiry)"),)),
        Act("Thu hồi", "Revoking"),
        Act("Cấp điều chỉnh", "Issuing an amendment to"),
        Act("Sửa đổi, bổ sung", "Amending and supplementing"),
    ],
    "body": [
        Act("Thành lập", "Founding"),
        Act("Cho phép thành lập", "Permitting the founding of"),
        Act("Cho phép hoạt động", "Permitting the operation of", (("(hoạt động trở lại)", "(resuming)"),)),
        Act("Sáp nhập, chia, tách", "Merging or splitting"),
        Act("Giải thể", "Dissolving", (("(theo đề nghị của tổ chức)", "(at its own request)"),)),
        Act("Đình chỉ hoạt động", "Suspending"),
        Act("Công nhận", "Recognising"),
        Act("Đăng ký thay đổi nội dung hoạt động của", "Registering changes to"),
    ],
    "registration": [
        Act("Đăng ký", "Registering", (_FIRST,)),
        Act("Đăng ký lại", "Re-registering", (_LOST,)),
        Act("Đăng ký thay đổi", "Registering a change to"),
        Act("Xóa đăng ký", "Deregistering"),
        Act("Xác nhận", "Certifying"),
        Act("Cung cấp thông tin về", "Providing information on"),
    ],
    "approval": [
        Act("Thẩm định", "Appraising"),
        Act("Phê duyệt", "Approving"),
        Act("Thẩm định, phê duyệt", "Appraising and approving"),
        Act("Điều chỉnh", "Amending", (("(điều chỉnh cục bộ)", "(partial amendment)"),)),
        Act("Chấp thuận", "Accepting"),
        Act("Cho ý kiến về", "Giving opinions on"),
    ],
    "benefit": [
        Act("Giải quyết", "Granting"),
        Act("Xét hưởng", "Assessing eligibility for"),
        Act("Điều chỉnh mức hưởng", "Adjusting"),
        Act("Thôi hưởng", "Ending"),
        Act("Chi trả", "Paying"),
        Act("Tạm dừng", "Suspending", (("(trong thời gian chấp hành án)", "(while serving a sentence)"),)),
    ],
}
"""The acts per kind of object."""

SUBJECTS: dict[str, list[Phrase]] = {
    "document": [
        ("cho hộ gia đình, cá nhân", "for households and individuals"),
        ("đối với tổ chức", "for organisations"),
        ("đối với cá nhân", "for individuals"),
        ("đối với người nước ngoài", "for foreigners"),
        ("có yếu tố nước ngoài", "with a foreign element"),
        ("cho doanh nghiệp có vốn đầu tư nước ngoài", "for foreign-invested enterprises"),
        ("cho nhà thầu nước ngoài", "for foreign contractors"),
        ("đối với người Việt Nam định cư ở nước ngoài", "for overseas Vietnamese"),
        ("cho tổ chức, cá nhân trong nước", "for domestic organisations and individuals"),
    ],
    "body": [
        ("tư thục", "(private)"),
        ("công lập", "(public)"),
        ("có vốn đầu tư nước ngoài", "with foreign investment"),
        ("do tổ chức tôn giáo thành lập", "founded by a religious organisation"),
        ("trực thuộc Ủy ban nhân dân cấp tỉnh", "under the Provincial People's Committee"),
    ],
    "registration": [
        ("cho hộ gia đình, cá nhân", "for households and individuals"),
        ("có yếu tố nước ngoài", "with a foreign element"),
        ("đối với người nước ngoài", "for foreigners"),
        ("cho người Việt Nam định cư ở nước ngoài", "for overseas Vietnamese"),
        ("đối với tổ chức kinh tế", "for economic organisations"),
    ],
    "approval": [
        ("đối với dự án nhóm B, nhóm C", "for group B and C projects"),
        ("đối với dự án sử dụng vốn đầu tư công", "for public-investment projects"),
        ("đối với dự án sử dụng vốn nhà nước ngoài đầu tư công", "for state-funded non-public-investment projects"),
        ("của doanh nghiệp nhà nước", "of state enterprises"),
        ("có sử dụng đất trồng lúa", "using rice land"),
    ],
    "benefit": [
        ("đối với người có công với cách mạng", "for people with meritorious services"),
        ("cho hộ nghèo, hộ cận nghèo", "for poor and near-poor households"),
        ("đối với người cao tuổi", "for the elderly"),
        ("đối với trẻ em có hoàn cảnh đặc biệt", "for children in special circumstances"),
        ("cho thân nhân liệt sĩ", "for relatives of fallen soldiers"),
        ("đối với người khuyết tật nặng", "for people with severe disabilities"),
    ],
}
"""For whom, per kind of object."""

SCOPES: list[tuple[str, str, str]] = [
    ("trên địa bàn tỉnh", "in the province", "document body registration approval benefit"),
    (
        "trong khu công nghiệp, khu chế xuất, khu kinh tế",
        "in industrial, export-processing and economic zones",
        "document body registration approval",
    ),
    ("ngoài khu công nghiệp", "outside industrial zones", "document approval"),
    ("theo quy định tại Nghị định số 15/2018/NĐ-CP", "under Decree 15/2018/NĐ-CP", "document registration"),
    ("theo Luật Đất đai năm 2024", "under the 2024 Land Law", "registration approval"),
    ("đã được cấp trước ngày 01 tháng 7 năm 2004", "issued before 1 July 2004", "document"),
    ("có thời hạn dưới 12 tháng", "for less than 12 months", "document"),
    ("tại khu vực biên giới", "in a border area", "document registration benefit"),
    ("liên quan đến hai tỉnh trở lên", "concerning two or more provinces", "approval body"),
    ("trong trường hợp chuyển đổi mô hình hoạt động", "when changing its operating model", "body"),
    ("theo hình thức trực tuyến toàn trình", "fully online", "document registration benefit"),
]
"""Where, when, or under which rule; and the kinds of object it goes with."""

AUTHORITIES: list[tuple[str, str, str]] = [
    ("thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh", "under the Provincial People's Committee", "province"),
    ("thuộc thẩm quyền giải quyết của Sở", "within the Department's authority", "province"),
    ("tại cấp xã", "at commune level", "commune"),
    ("thực hiện tại cấp xã", "handled at commune level", "commune"),
    ("thuộc thẩm quyền của Bộ", "under a ministry", "ministry"),
    ("tại cơ quan đại diện Việt Nam ở nước ngoài", "at a Vietnamese mission abroad", "ministry"),
    ("(cấp tỉnh)", "(provincial level)", "province"),
    ("(cấp xã)", "(commune level)", "commune"),
]
"""Who decides, and so the level (``level:``) a name implies."""

FIELDS: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "giao-duc": (
        "Giáo dục và Đào tạo",
        "Education and training",
        [
            ("body", "trường mầm non", "a kindergarten"),
            ("body", "trường trung học phổ thông", "an upper-secondary school"),
            ("body", "trung tâm ngoại ngữ, tin học", "a language and computing centre"),
            ("body", "trường trung học phổ thông chuyên", "a specialised upper-secondary school"),
            ("document", "giấy chứng nhận trường đạt chuẩn quốc gia", "a national-standard school certificate"),
            ("document", "bản sao văn bằng, chứng chỉ từ sổ gốc", "a copy of a diploma from the master register"),
            ("document", "giấy phép hoạt động dạy thêm, học thêm", "a private tutoring licence"),
            ("registration", "hoạt động giáo dục nghề nghiệp", "vocational education activities"),
            ("approval", "đề án liên kết đào tạo với nước ngoài", "a joint training scheme with a foreign partner"),
            ("benefit", "chính sách miễn, giảm học phí", "tuition fee exemption or reduction"),
            ("document", "văn bằng tốt nghiệp trung học phổ thông", "an upper-secondary diploma"),
            ("approval", "sách giáo khoa sử dụng trong cơ sở giáo dục", "textbooks used in schools"),
        ],
    ),
    "y-te": (
        "Y tế",
        "Health",
        [
            ("document", "giấy phép hành nghề khám bệnh, chữa bệnh", "a medical practising licence"),
            ("document", "giấy phép hoạt động phòng khám đa khoa", "a general clinic operating licence"),
            ("document", "Chứng chỉ hành nghề dược", "a pharmacy practising certificate"),
            (
                "document",
                "Giấy chứng nhận đủ điều kiện kinh doanh dược",
                "a certificate of eligibility to trade in medicines",
            ),
            (
                "document",
                "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
                "a food-safety eligibility certificate",
            ),
            ("registration", "cơ sở đủ điều kiện tiêm chủng", "a vaccination facility"),
            ("document", "giấy phép hoạt động bệnh viện", "a hospital operating licence"),
            ("document", "giấy xác nhận nội dung quảng cáo thực phẩm", "a food advertising approval"),
            ("registration", "bản công bố sản phẩm dinh dưỡng y học", "a medical nutrition product declaration"),
            ("body", "trạm y tế xã", "a commune health station"),
            ("benefit", "chế độ bảo hiểm y tế", "health insurance benefits"),
            ("approval", "danh mục kỹ thuật của cơ sở khám bệnh, chữa bệnh", "a clinic's list of techniques"),
        ],
    ),
    "giao-thong": (
        "Giao thông vận tải",
        "Transport",
        [
            ("document", "giấy phép kinh doanh vận tải bằng xe ô tô", "a road transport business licence"),
            ("document", "phù hiệu xe taxi, xe hợp đồng", "a taxi or contract-vehicle badge"),
            ("document", "Giấy phép lái xe", "a driving licence"),
            ("document", "giấy phép thi công công trình trên đường bộ đang khai thác", "a permit for works on a road"),
            ("registration", "phương tiện thủy nội địa", "an inland waterway vessel"),
            ("document", "giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn", "a permit for oversized vehicles"),
            ("document", "giấy phép vận tải qua biên giới", "a cross-border transport permit"),
            ("approval", "phương án tổ chức giao thông", "a traffic organisation plan"),
            ("body", "cơ sở đào tạo lái xe ô tô", "a driving school"),
            ("document", "giấy chứng nhận đăng kiểm phương tiện", "a vehicle inspection certificate"),
            ("registration", "khai thác tuyến vận tải hành khách cố định", "a fixed passenger route"),
        ],
    ),
    "dat-dai-tinh": (
        "Đất đai",
        "Land",
        [
            (
                "document",
                "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
                "a certificate of land-use rights and ownership of houses and other land-attached assets",
            ),
            (
                "document",
                "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
                "a certificate of land-use rights and ownership of land-attached assets",
            ),
            ("registration", "biến động đất đai", "a change in land use"),
            ("registration", "quyền sử dụng đất lần đầu", "land-use rights for the first time"),
            ("approval", "phương án sử dụng đất", "a land use plan"),
            ("approval", "giá đất cụ thể", "a specific land price"),
            ("approval", "việc chuyển mục đích sử dụng đất", "a change of land use purpose"),
            ("registration", "diện tích đất ở của hộ gia đình, cá nhân", "the residential land area of a household"),
            ("approval", "kế hoạch sử dụng đất hằng năm cấp huyện", "the yearly land use plan"),
            ("document", "quyết định giao đất, cho thuê đất", "a land allocation or lease decision"),
            ("registration", "thế chấp quyền sử dụng đất", "a mortgage of land-use rights"),
        ],
    ),
    "moi-truong": (
        "Môi trường",
        "Environment",
        [
            ("document", "giấy phép môi trường", "an environmental permit"),
            ("document", "giấy phép khai thác nước dưới đất", "a groundwater extraction permit"),
            ("document", "giấy phép khai thác khoáng sản", "a mineral extraction licence"),
            ("document", "giấy phép xả nước thải vào nguồn nước", "a wastewater discharge permit"),
            ("approval", "báo cáo đánh giá tác động môi trường", "an environmental impact assessment report"),
            ("approval", "phương án cải tạo, phục hồi môi trường", "an environmental rehabilitation plan"),
            ("registration", "chủ nguồn thải chất thải nguy hại", "a hazardous waste generator"),
            ("document", "giấy phép thăm dò khoáng sản", "a mineral exploration licence"),
            ("approval", "kế hoạch ứng phó sự cố tràn dầu", "an oil spill response plan"),
            ("document", "giấy phép khai thác, sử dụng nước mặt", "a surface water use permit"),
        ],
    ),
    "xay-dung-tinh": (
        "Xây dựng",
        "Construction",
        [
            (
                "document",
                "giấy phép xây dựng công trình cấp đặc biệt, cấp I, cấp II",
                "a building permit for large works",
            ),
            ("document", "giấy phép xây dựng nhà ở riêng lẻ", "a building permit for a detached house"),
            ("document", "giấy phép xây dựng có thời hạn", "a temporary building permit"),
            (
                "document",
                "chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III",
                "a construction practising certificate",
            ),
            ("document", "chứng chỉ năng lực hoạt động xây dựng", "a construction capability certificate"),
            ("document", "giấy phép di dời công trình", "a permit to relocate works"),
            ("approval", "thiết kế cơ sở dự án đầu tư xây dựng", "the base design of a construction project"),
            (
                "approval",
                "Báo cáo nghiên cứu khả thi đầu tư xây dựng/ Báo cáo nghiên cứu khả thi đầu tư xây dựng điều chỉnh",
                "a construction feasibility study report or its amended version",
            ),
            ("document", "giấy phép hoạt động xây dựng", "a construction operating licence"),
            (
                "approval",
                "thiết kế xây dựng triển khai sau thiết kế cơ sở",
                "the detailed design after the base design",
            ),
            ("approval", "quy hoạch chi tiết xây dựng tỷ lệ 1/500", "a 1/500 detailed construction plan"),
            ("registration", "nhà ở hình thành trong tương lai đủ điều kiện bán", "off-plan housing eligible for sale"),
        ],
    ),
    "cong-thuong": (
        "Công Thương",
        "Industry and trade",
        [
            ("document", "giấy phép kinh doanh bán buôn sản phẩm rượu", "a liquor wholesale licence"),
            ("document", "giấy phép bán lẻ sản phẩm thuốc lá", "a tobacco retail licence"),
            ("document", "giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu", "a petrol station certificate"),
            ("document", "giấy phép hoạt động điện lực", "an electricity operating licence"),
            ("registration", "tổ chức hội chợ, triển lãm thương mại", "a trade fair"),
            (
                "document",
                "giấy chứng nhận huấn luyện kỹ thuật an toàn hóa chất",
                "a chemical safety training certificate",
            ),
            ("registration", "hoạt động bán hàng đa cấp tại địa phương", "multi-level selling in the province"),
            ("document", "giấy phép thành lập Sở Giao dịch hàng hóa", "a commodity exchange licence"),
            ("registration", "thực hiện khuyến mại", "a sales promotion"),
            ("document", "giấy chứng nhận đủ điều kiện kinh doanh khí", "a gas trading certificate"),
            ("approval", "kế hoạch phòng ngừa, ứng phó sự cố hóa chất", "a chemical incident response plan"),
            ("body", "cụm công nghiệp", "an industrial cluster"),
        ],
    ),
    "van-hoa": (
        "Văn hóa, Thể thao và Du lịch",
        "Culture, sports and tourism",
        [
            ("document", "giấy phép kinh doanh dịch vụ karaoke", "a karaoke business licence"),
            ("document", "giấy phép kinh doanh dịch vụ lữ hành nội địa", "a domestic tour operator licence"),
            ("document", "thẻ hướng dẫn viên du lịch tại điểm", "a local tour guide card"),
            ("document", "giấy phép tổ chức lễ hội", "a festival permit"),
            ("registration", "hạng cơ sở lưu trú du lịch", "a tourist accommodation rating"),
            (
                "document",
                "Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
                "a sports business eligibility certificate",
            ),
            ("body", "thư viện cấp xã", "a commune library"),
            ("document", "giấy phép xuất bản bản tin", "a newsletter publishing licence"),
            ("approval", "dự án tu bổ, phục hồi di tích", "a monument restoration project"),
            ("registration", "danh hiệu Gia đình văn hóa", "the Cultured Family title"),
            ("body", "câu lạc bộ thể dục thể thao", "a sports club"),
        ],
    ),
    "lao-dong": (
        "Lao động, Việc làm",
        "Labour and employment",
        [
            ("document", "Giấy phép lao động", "a work permit"),
            ("document", "giấy phép hoạt động dịch vụ việc làm", "an employment service licence"),
            ("document", "giấy phép hoạt động cho thuê lại lao động", "a labour leasing licence"),
            ("registration", "nội quy lao động của doanh nghiệp", "a company's work rules"),
            ("benefit", "trợ cấp thất nghiệp", "unemployment benefit"),
            ("benefit", "hỗ trợ học nghề", "vocational training support"),
            ("registration", "hợp đồng nhận lao động thực tập", "a traineeship contract"),
            ("approval", "kế hoạch đưa người lao động đi làm việc ở nước ngoài", "a plan to send workers abroad"),
            ("body", "trung tâm dịch vụ việc làm", "a job centre"),
        ],
    ),
    "xa-hoi": (
        "Bảo trợ xã hội",
        "Social protection",
        [
            ("benefit", "trợ cấp xã hội hằng tháng", "a monthly social allowance"),
            ("benefit", "hỗ trợ chi phí mai táng", "funeral cost support"),
            ("benefit", "chế độ ưu đãi", "preferential benefits"),
            ("registration", "mức độ khuyết tật", "a disability level"),
            ("benefit", "trợ cấp một lần", "a lump-sum allowance"),
            ("body", "cơ sở trợ giúp xã hội", "a social assistance centre"),
            ("benefit", "hỗ trợ khẩn cấp khi bị thiệt hại do thiên tai", "emergency support after a natural disaster"),
            ("registration", "hộ nghèo, hộ cận nghèo phát sinh trong năm", "a newly poor or near-poor household"),
            ("benefit", "trợ cấp nuôi dưỡng", "a care allowance"),
            ("document", "Giấy chứng nhận người có công", "a certificate of meritorious service"),
        ],
    ),
    "nong-nghiep": (
        "Nông nghiệp",
        "Agriculture",
        [
            (
                "document",
                "giấy chứng nhận cơ sở an toàn dịch bệnh động vật",
                "an animal-disease-free facility certificate",
            ),
            ("document", "giấy phép khai thác thủy sản", "a fishing licence"),
            (
                "document",
                "giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật",
                "a pesticide trading certificate",
            ),
            ("registration", "tàu cá", "a fishing vessel"),
            (
                "document",
                "giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi địa bàn tỉnh",
                "an animal quarantine certificate",
            ),
            ("registration", "làng nghề, làng nghề truyền thống", "a craft village"),
            (
                "document",
                "giấy chứng nhận đủ điều kiện sản xuất thức ăn chăn nuôi",
                "an animal feed production certificate",
            ),
            ("approval", "phương án khai thác thực vật rừng", "a forest plant harvesting plan"),
            ("registration", "mã số vùng trồng", "a growing-area code"),
            ("benefit", "hỗ trợ khôi phục sản xuất nông nghiệp", "support to restore farming"),
            ("body", "hợp tác xã nông nghiệp", "an agricultural cooperative"),
            ("document", "chứng chỉ hành nghề thú y", "a veterinary practising certificate"),
        ],
    ),
    "tu-phap-tinh": (
        "Tư pháp",
        "Justice",
        [
            ("document", "Phiếu lý lịch tư pháp", "a criminal record certificate"),
            ("registration", "hoạt động văn phòng công chứng", "a notary office"),
            ("document", "chứng chỉ hành nghề đấu giá", "an auction practising certificate"),
            ("document", "thẻ công chứng viên", "a notary's card"),
            ("registration", "hoạt động trung tâm trọng tài", "an arbitration centre"),
            ("registration", "quốc tịch Việt Nam", "Vietnamese nationality"),
            ("registration", "khai sinh", "a birth"),
            ("registration", "kết hôn", "a marriage"),
            ("registration", "nhận cha, mẹ, con", "parentage"),
            ("registration", "giám hộ", "a guardianship"),
            ("registration", "việc thay đổi, cải chính, bổ sung thông tin hộ tịch", "a civil-status correction"),
            ("document", "bản sao trích lục hộ tịch", "a certified extract of a civil-status record"),
            ("document", "Giấy xác nhận tình trạng hôn nhân", "a certificate of marital status"),
            ("body", "văn phòng công chứng", "a notary office"),
        ],
    ),
    "noi-vu": (
        "Nội vụ",
        "Home affairs",
        [
            ("body", "hội có phạm vi hoạt động trong tỉnh", "a provincial association"),
            ("approval", "điều lệ quỹ xã hội, quỹ từ thiện", "the charter of a social or charity fund"),
            ("registration", "hoạt động tín ngưỡng", "religious belief activities"),
            ("registration", "danh hiệu thi đua", "an emulation title"),
            ("registration", "sinh hoạt tôn giáo tập trung", "a collective religious activity"),
            ("body", "quỹ xã hội, quỹ từ thiện", "a social or charity fund"),
            ("approval", "việc tổ chức cuộc lễ ngoài cơ sở tôn giáo", "a religious ceremony outside its premises"),
            ("approval", "đề án vị trí việc làm", "a job position scheme"),
            ("benefit", "chế độ nghỉ hưu trước tuổi", "early retirement benefits"),
            (
                "registration",
                "người đại diện theo pháp luật của tổ chức tôn giáo",
                "the legal representative of a religious organisation",
            ),
        ],
    ),
    "tai-chinh": (
        "Tài chính",
        "Finance",
        [
            ("registration", "mã số đơn vị có quan hệ với ngân sách", "a budget-relation unit code"),
            ("approval", "quyết toán dự án hoàn thành", "settlement of a completed project"),
            ("registration", "giá", "a price"),
            ("approval", "phương án thanh lý tài sản công", "a plan to liquidate public assets"),
            ("approval", "phương án giao quyền quản lý tài sản kết cấu hạ tầng", "an infrastructure asset plan"),
            ("approval", "dự toán mua sắm tài sản công", "a public procurement estimate"),
            ("benefit", "hỗ trợ lãi suất vốn vay", "interest rate support"),
            ("approval", "phương án sắp xếp lại, xử lý nhà, đất", "a plan to rearrange public buildings and land"),
        ],
    ),
    "dau-tu": (
        "Đầu tư",
        "Investment",
        [
            ("document", "Giấy chứng nhận đăng ký đầu tư", "an investment registration certificate"),
            ("approval", "chủ trương đầu tư dự án", "the investment policy of a project"),
            ("registration", "doanh nghiệp", "an enterprise"),
            ("registration", "thành lập hộ kinh doanh", "a household business"),
            (
                "registration",
                "góp vốn, mua cổ phần của nhà đầu tư nước ngoài",
                "a foreign investor's capital contribution",
            ),
            ("document", "Giấy chứng nhận đăng ký doanh nghiệp", "an enterprise registration certificate"),
            ("approval", "nhà đầu tư thực hiện dự án", "the investor of a project"),
            ("body", "chi nhánh, văn phòng đại diện của doanh nghiệp", "a branch or representative office"),
            ("registration", "hợp đồng hợp tác kinh doanh", "a business cooperation contract"),
            ("approval", "việc chuyển nhượng dự án đầu tư", "the transfer of an investment project"),
        ],
    ),
    "cong-an": (
        "Công an",
        "Public security",
        [
            ("registration", "thường trú", "permanent residence"),
            ("registration", "tạm trú", "temporary residence"),
            ("document", "thẻ Căn cước", "an identity card"),
            ("document", "hộ chiếu phổ thông", "an ordinary passport"),
            ("document", "giấy chứng nhận đủ điều kiện về an ninh, trật tự", "a security eligibility certificate"),
            ("approval", "thiết kế về phòng cháy và chữa cháy", "a fire safety design"),
            ("registration", "xe mô tô, xe gắn máy", "a motorbike"),
            ("document", "giấy phép sử dụng vật liệu nổ công nghiệp", "an industrial explosives permit"),
            ("document", "thẻ thường trú cho người nước ngoài", "a permanent residence card for a foreigner"),
            ("registration", "con dấu", "a seal"),
            ("benefit", "chế độ, chính sách cho lực lượng dân phòng", "benefits for the civil defence force"),
        ],
    ),
    "thong-tin": (
        "Thông tin và Truyền thông",
        "Information and communications",
        [
            ("document", "giấy phép thiết lập trang thông tin điện tử tổng hợp", "a general news website licence"),
            ("document", "giấy phép hoạt động in", "a printing licence"),
            ("registration", "hoạt động cơ sở in", "a printing facility"),
            ("document", "giấy phép cung cấp dịch vụ trò chơi điện tử", "an online game service licence"),
            ("registration", "nhập khẩu xuất bản phẩm không kinh doanh", "a non-commercial publication import"),
            ("document", "giấy phép sử dụng tần số vô tuyến điện", "a radio frequency licence"),
            ("approval", "kế hoạch thuê dịch vụ công nghệ thông tin", "an IT service hire plan"),
            ("document", "giấy phép bưu chính", "a postal licence"),
        ],
    ),
    "khoa-hoc": (
        "Khoa học và Công nghệ",
        "Science and technology",
        [
            (
                "document",
                "giấy chứng nhận doanh nghiệp khoa học và công nghệ",
                "a science and technology enterprise certificate",
            ),
            ("registration", "kết quả thực hiện nhiệm vụ khoa học và công nghệ", "the results of a research task"),
            ("document", "giấy phép tiến hành công việc bức xạ", "a radiation work licence"),
            ("document", "chứng chỉ nhân viên bức xạ", "a radiation worker certificate"),
            ("registration", "hợp đồng chuyển giao công nghệ", "a technology transfer contract"),
            ("approval", "nhiệm vụ khoa học và công nghệ cấp tỉnh", "a provincial research task"),
            ("body", "tổ chức khoa học và công nghệ", "a science and technology organisation"),
            ("registration", "công bố hợp chuẩn, hợp quy", "a conformity declaration"),
        ],
    ),
}
"""Per field: its name, and the objects of its procedures with their kind (the acts they take)."""

UNITS = {
    "tiep-nhan": ("Trung tâm Phục vụ hành chính công tỉnh", "Provincial Public Administrative Service Centre"),
    "chuyen-vien": ("Chuyên viên phòng chuyên môn", "Specialist of the competent division"),
    "truong-phong": ("Trưởng phòng chuyên môn", "Head of the competent division"),
    "lanh-dao-so": ("Lãnh đạo Sở", "Department director"),
    "van-thu": ("Văn thư Sở", "Department records office"),
    "ubnd-tinh": ("Ủy ban nhân dân tỉnh", "Provincial People's Committee"),
    "thu-ky-iso-so": ("Thư ký ISO của Sở", "Department ISO secretary"),
}

RESULTS: dict[str, Phrase] = {
    "body": ("Quyết định cho phép", "A decision"),
    "registration": ("Giấy xác nhận đăng ký", "A registration certificate"),
    "approval": ("Văn bản thẩm định, phê duyệt", "An appraisal or approval letter"),
    "benefit": ("Quyết định hưởng chế độ", "A benefit decision"),
}
"""What a procedure returns, for objects that are not themselves the document issued."""
