"""The words synthetic procedures are made of (``synth.py``): verbs and objects per field, as a
province's procedure names combine them, qualifiers, and the units of a provincial department.
Each entry is (Vietnamese, English)."""

VERBS = [
    ("Cấp", "Issuing"),
    ("Cấp lại", "Re-issuing"),
    ("Cấp đổi", "Renewing"),
    ("Điều chỉnh", "Amending"),
    ("Gia hạn", "Extending"),
    ("Thu hồi", "Revoking"),
    ("Công nhận", "Recognising"),
    ("Thẩm định", "Appraising"),
    ("Phê duyệt", "Approving"),
    ("Đăng ký", "Registering"),
    ("Xác nhận", "Certifying"),
    ("Chấp thuận", "Accepting"),
]
FIELDS = {
    "giao-duc": (
        "Giáo dục và Đào tạo",
        "Education and training",
        [
            ("giấy phép thành lập trường mầm non tư thục", "a licence to found a private kindergarten"),
            ("hoạt động giáo dục của trung tâm ngoại ngữ", "educational activity of a language centre"),
            ("giấy chứng nhận trường đạt chuẩn quốc gia", "a national-standard school certificate"),
            ("văn bằng tốt nghiệp trung học phổ thông", "an upper-secondary diploma"),
            ("hoạt động dạy thêm, học thêm", "private tutoring"),
            ("cho phép thành lập trung tâm giáo dục nghề nghiệp", "founding a vocational training centre"),
        ],
    ),
    "y-te": (
        "Y tế",
        "Health",
        [
            ("giấy phép hành nghề khám bệnh, chữa bệnh", "a medical practising licence"),
            ("giấy phép hoạt động phòng khám đa khoa", "a general clinic operating licence"),
            ("chứng chỉ hành nghề dược", "a pharmacy practising certificate"),
            ("giấy chứng nhận đủ điều kiện kinh doanh thuốc", "a certificate of eligibility to sell medicines"),
            ("giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "a food-safety eligibility certificate"),
            ("công bố cơ sở đủ điều kiện tiêm chủng", "a vaccination facility declaration"),
        ],
    ),
    "giao-thong": (
        "Giao thông vận tải",
        "Transport",
        [
            ("giấy phép kinh doanh vận tải bằng xe ô tô", "a road transport business licence"),
            ("phù hiệu xe taxi", "a taxi badge"),
            ("giấy phép lái xe", "a driving licence"),
            ("giấy phép thi công công trình trên đường bộ", "a permit for works on a road"),
            ("đăng ký phương tiện thủy nội địa", "an inland waterway vessel registration"),
            ("giấy phép lưu hành xe quá tải trọng", "a permit for overweight vehicles"),
        ],
    ),
    "tai-nguyen": (
        "Tài nguyên và Môi trường",
        "Natural resources and environment",
        [
            ("giấy phép môi trường", "an environmental permit"),
            ("giấy phép khai thác nước dưới đất", "a groundwater extraction permit"),
            ("giấy phép khai thác khoáng sản", "a mineral extraction licence"),
            ("giấy chứng nhận quyền sử dụng đất", "a land-use right certificate"),
            ("đăng ký biến động đất đai", "a change of land registration"),
            ("giấy phép xả nước thải vào nguồn nước", "a wastewater discharge permit"),
        ],
    ),
    "xay-dung-tinh": (
        "Xây dựng",
        "Construction",
        [
            ("giấy phép xây dựng công trình", "a building permit for works"),
            ("giấy phép xây dựng có thời hạn", "a temporary building permit"),
            ("chứng chỉ hành nghề hoạt động xây dựng", "a construction practising certificate"),
            ("chứng chỉ năng lực hoạt động xây dựng", "a construction capability certificate"),
            ("giấy phép di dời công trình", "a permit to relocate works"),
            ("thiết kế cơ sở dự án đầu tư xây dựng", "the base design of a construction project"),
        ],
    ),
    "cong-thuong": (
        "Công Thương",
        "Industry and trade",
        [
            ("giấy phép kinh doanh bán lẻ rượu", "a liquor retail licence"),
            ("giấy phép bán lẻ sản phẩm thuốc lá", "a tobacco retail licence"),
            ("giấy chứng nhận đủ điều kiện cửa hàng xăng dầu", "a petrol station eligibility certificate"),
            ("giấy phép hoạt động điện lực", "an electricity operating licence"),
            ("đăng ký tổ chức hội chợ, triển lãm thương mại", "a trade fair registration"),
            ("giấy chứng nhận huấn luyện kỹ thuật an toàn hóa chất", "a chemical safety training certificate"),
        ],
    ),
    "van-hoa": (
        "Văn hóa, Thể thao và Du lịch",
        "Culture, sports and tourism",
        [
            ("giấy phép kinh doanh dịch vụ karaoke", "a karaoke business licence"),
            ("giấy phép kinh doanh lữ hành nội địa", "a domestic tour operator licence"),
            ("thẻ hướng dẫn viên du lịch", "a tour guide card"),
            ("giấy phép tổ chức biểu diễn nghệ thuật", "a performing arts licence"),
            ("công nhận hạng cơ sở lưu trú du lịch", "a tourist accommodation rating"),
            ("giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", "a sports business eligibility certificate"),
        ],
    ),
    "lao-dong": (
        "Lao động, Thương binh và Xã hội",
        "Labour, invalids and social affairs",
        [
            ("giấy phép lao động cho người nước ngoài", "a work permit for a foreigner"),
            ("trợ cấp xã hội hằng tháng", "a monthly social allowance"),
            ("hỗ trợ chi phí mai táng", "funeral cost support"),
            ("chế độ ưu đãi người có công với cách mạng", "benefits for people with meritorious services"),
            ("giấy phép hoạt động dịch vụ việc làm", "an employment service licence"),
            ("xác nhận khuyết tật", "a disability certification"),
        ],
    ),
    "nong-nghiep": (
        "Nông nghiệp và Phát triển nông thôn",
        "Agriculture and rural development",
        [
            ("giấy chứng nhận cơ sở an toàn dịch bệnh động vật", "an animal-disease-free facility certificate"),
            ("giấy phép khai thác thủy sản", "a fishing licence"),
            ("giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", "a pesticide trading certificate"),
            ("đăng ký tàu cá", "a fishing vessel registration"),
            ("kiểm dịch động vật vận chuyển ra khỏi địa bàn", "animal quarantine for transport"),
            ("công nhận làng nghề", "craft village recognition"),
        ],
    ),
    "tu-phap-tinh": (
        "Tư pháp",
        "Justice",
        [
            ("phiếu lý lịch tư pháp", "a criminal record certificate"),
            ("giấy đăng ký hoạt động văn phòng công chứng", "a notary office registration"),
            ("chứng chỉ hành nghề đấu giá", "an auction practising certificate"),
            ("thẻ luật sư", "a lawyer's card"),
            ("đăng ký hoạt động trung tâm trọng tài", "an arbitration centre registration"),
            ("xác nhận quốc tịch Việt Nam", "certification of Vietnamese nationality"),
        ],
    ),
    "noi-vu": (
        "Nội vụ",
        "Home affairs",
        [
            ("thành lập hội cấp tỉnh", "founding a provincial association"),
            ("điều lệ quỹ xã hội, quỹ từ thiện", "the charter of a social or charity fund"),
            ("hoạt động tín ngưỡng", "religious belief activities"),
            ("danh hiệu thi đua", "an emulation title"),
            ("đăng ký sinh hoạt tôn giáo tập trung", "a collective religious activity registration"),
            ("công nhận ban vận động thành lập hội", "an association founding committee"),
        ],
    ),
    "tai-chinh": (
        "Tài chính",
        "Finance",
        [
            ("mã số đơn vị có quan hệ với ngân sách", "a budget-relation unit code"),
            ("quyết toán dự án hoàn thành", "settlement of a completed project"),
            ("giá đất cụ thể", "a specific land price"),
            ("đăng ký giá", "a price registration"),
            ("thanh lý tài sản công", "liquidation of public assets"),
            ("giao quyền quản lý tài sản kết cấu hạ tầng", "assignment of infrastructure asset management"),
        ],
    ),
}
QUALIFIERS = [
    ("", ""),
    (" đối với tổ chức", " for organisations"),
    (" đối với cá nhân", " for individuals"),
    (" trong trường hợp bị mất, hư hỏng", " when lost or damaged"),
    (" cho doanh nghiệp có vốn nước ngoài", " for foreign-invested enterprises"),
]
UNITS = {
    "tiep-nhan": ("Trung tâm Phục vụ hành chính công tỉnh", "Provincial Public Administrative Service Centre"),
    "chuyen-vien": ("Chuyên viên phòng chuyên môn", "Specialist of the competent division"),
    "truong-phong": ("Trưởng phòng chuyên môn", "Head of the competent division"),
    "lanh-dao-so": ("Lãnh đạo Sở", "Department director"),
    "van-thu": ("Văn thư Sở", "Department records office"),
    "ubnd-tinh": ("Ủy ban nhân dân tỉnh", "Provincial People's Committee"),
    "thu-ky-iso-so": ("Thư ký ISO của Sở", "Department ISO secretary"),
}
