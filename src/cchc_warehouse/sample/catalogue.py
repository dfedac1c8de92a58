"""Procedures by field, and which kind of unit handles which fields (demo province).

Procedure names follow the national procedure database; the codes are illustrative.
(processing days 0 = resolved at once, no due date.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    field: str
    days: int
    level: str          # toan_trinh | mot_phan | cung_cap_thong_tin
    fee: bool


_RAW = {
    "Hộ tịch": [
        ("Đăng ký khai sinh", 1, "toan_trinh", False), ("Đăng ký kết hôn", 3, "mot_phan", False),
        ("Đăng ký khai tử", 1, "toan_trinh", False), ("Cấp bản sao trích lục hộ tịch", 1, "toan_trinh", True),
        ("Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", 3, "mot_phan", True),
        ("Cấp Giấy xác nhận tình trạng hôn nhân", 3, "toan_trinh", False),
        ("Đăng ký nhận cha, mẹ, con", 3, "mot_phan", False), ("Đăng ký giám hộ", 3, "mot_phan", False),
    ],
    "Chứng thực": [
        ("Chứng thực bản sao từ bản chính", 0, "mot_phan", True), ("Chứng thực chữ ký", 0, "mot_phan", True),
        ("Chứng thực hợp đồng, giao dịch liên quan đến bất động sản", 2, "mot_phan", True),
        ("Chứng thực di chúc", 2, "cung_cap_thong_tin", True),
        ("Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", 2, "mot_phan", True),
    ],
    "Đất đai": [
        ("Đăng ký biến động quyền sử dụng đất, tài sản gắn liền với đất", 10, "mot_phan", True),
        ("Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu", 20, "mot_phan", True),
        ("Chuyển mục đích sử dụng đất", 15, "mot_phan", True), ("Tách thửa hoặc hợp thửa đất", 15, "mot_phan", True),
        ("Đính chính Giấy chứng nhận đã cấp", 10, "mot_phan", False),
        ("Cấp đổi Giấy chứng nhận quyền sử dụng đất", 7, "mot_phan", True),
        ("Xóa đăng ký cho thuê, cho thuê lại quyền sử dụng đất", 3, "toan_trinh", False),
    ],
    "Xây dựng": [
        ("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", 15, "mot_phan", True),
        ("Cấp giấy phép xây dựng sửa chữa, cải tạo", 15, "mot_phan", True),
        ("Điều chỉnh giấy phép xây dựng", 15, "mot_phan", True),
        ("Gia hạn giấy phép xây dựng", 5, "toan_trinh", True),
        ("Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng", 20, "mot_phan", True),
    ],
    "Lý lịch tư pháp": [
        ("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", 10, "toan_trinh", True),
        ("Cấp Phiếu lý lịch tư pháp số 2", 10, "mot_phan", True),
        ("Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng", 10, "mot_phan", False),
    ],
    "Đăng ký kinh doanh": [
        ("Đăng ký thành lập hộ kinh doanh", 3, "toan_trinh", True),
        ("Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", 3, "toan_trinh", True),
        ("Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn", 3, "toan_trinh", False),
        ("Đăng ký thành lập công ty TNHH một thành viên", 3, "toan_trinh", True),
        ("Đăng ký thay đổi nội dung đăng ký doanh nghiệp", 3, "toan_trinh", True),
        ("Giải thể doanh nghiệp", 5, "mot_phan", False),
    ],
    "Giao thông vận tải": [
        ("Cấp đổi giấy phép lái xe", 5, "toan_trinh", True),
        ("Cấp phù hiệu xe ô tô kinh doanh vận tải", 2, "toan_trinh", False),
        ("Cấp giấy phép lưu hành xe quá tải trọng", 2, "mot_phan", False),
    ],
    "Y tế": [
        ("Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", 20, "mot_phan", True),
        ("Cấp giấy phép hoạt động phòng khám", 20, "mot_phan", True),
        ("Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", 15, "mot_phan", True),
        ("Cấp chứng chỉ hành nghề dược", 15, "toan_trinh", True),
    ],
    "Giáo dục và Đào tạo": [
        ("Chuyển trường đối với học sinh trung học", 3, "toan_trinh", False),
        ("Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", 2, "toan_trinh", True),
        ("Công nhận trường đạt chuẩn quốc gia", 20, "mot_phan", False),
        ("Chỉnh sửa nội dung văn bằng, chứng chỉ", 5, "mot_phan", False),
    ],
    "Lao động, tiền lương": [
        ("Cấp giấy phép lao động cho người lao động nước ngoài", 5, "toan_trinh", True),
        ("Đăng ký nội quy lao động", 7, "mot_phan", False),
        ("Gia hạn giấy phép lao động", 5, "toan_trinh", True),
    ],
    "Người có công": [
        ("Giải quyết chế độ trợ cấp ưu đãi đối với thân nhân liệt sĩ", 20, "mot_phan", False),
        ("Cấp giấy chứng nhận thân nhân liệt sĩ", 15, "mot_phan", False),
        ("Hỗ trợ cải thiện nhà ở cho người có công", 20, "cung_cap_thong_tin", False),
    ],
    "Bảo trợ xã hội": [
        ("Trợ giúp xã hội thường xuyên tại cộng đồng", 10, "mot_phan", False),
        ("Hỗ trợ chi phí mai táng", 3, "mot_phan", False),
        ("Xác định, xác định lại mức độ khuyết tật", 20, "mot_phan", False),
        ("Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở", 10, "cung_cap_thong_tin", False),
    ],
    "Môi trường": [
        ("Cấp giấy phép môi trường", 20, "mot_phan", True),
        ("Đăng ký môi trường", 5, "toan_trinh", False),
    ],
    "Tài nguyên nước": [
        ("Cấp giấy phép khai thác nước dưới đất", 20, "mot_phan", True),
        ("Gia hạn giấy phép khai thác, sử dụng nước mặt", 15, "mot_phan", True),
    ],
}


def _build() -> list[Procedure]:
    out = []
    for f_i, (field, items) in enumerate(_RAW.items(), start=1):
        for p_i, (name, days, level, fee) in enumerate(items, start=1):
            out.append(Procedure(f"{f_i}.{p_i:06d}", name, field, days, level, fee))
    return out


PROCEDURES = _build()

# Fields handled by each department (by unit code suffix) and by districts and communes.
DEPARTMENT_FIELDS = {
    "12.STP": ["Lý lịch tư pháp"],
    "12.SNNMT": ["Đất đai", "Môi trường", "Tài nguyên nước"],
    "12.SXD": ["Xây dựng", "Giao thông vận tải"],
    "12.STC": ["Đăng ký kinh doanh"],
    "12.SYT": ["Y tế"],
    "12.SGDDT": ["Giáo dục và Đào tạo"],
    "12.SNV": ["Lao động, tiền lương", "Người có công"],
}
DISTRICT_FIELDS = ["Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng", "Đăng ký kinh doanh", "Bảo trợ xã hội"]
COMMUNE_FIELDS = ["Hộ tịch", "Chứng thực", "Bảo trợ xã hội"]

# Share of a month's dossiers by unit level and weight of each district (population-like).
LEVEL_WEIGHT = {"department": 1.0, "district": 2.2, "commune": 1.3}

HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vàng", "Lò", "Tòng", "Giàng", "Sùng", "Lý", "Đèo", "Tao", "Chảo"]
DEM = ["Văn", "Thị", "A", "Seo", "Mí", "Thị Thu", "Đức", "Minh", "Ngọc"]
TEN = ["Chinh", "Dung", "Hùng", "Lan", "Páo", "Xá", "Chứ", "Hương", "Thắng", "Mai", "Sính", "Hoa", "Phủ", "Lả"]
BAN = ["Bản Pa Pe", "Bản Nà Đon", "Bản Hô Ta", "Bản Thẳm Bon", "Tổ 5", "Tổ 12", "Bản Sin Câu", "Bản Lùng Than"]
