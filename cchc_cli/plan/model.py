"""The schema of a CCHC plan and of its progress records (Pydantic v2).

No I/O here. YAML keys are Vietnamese words without diacritics, chosen for
the officer who edits the plan; every field carries a description that
editors show on hover. Those descriptions, and the docstrings of the models
that make up the files, are the JSON Schema's text for that officer, so they
are written in Vietnamese (tests/test_vietnamese.py checks it). Models are
frozen and forbid unknown keys.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from cchc_cli.plan.shapes import (  # noqa: F401 - the model's constants, imported from here too
    AREA_FIGURES,
    COMPARISON_CODES,
    SERVICE_INDEX,
    TTHC_FIELDS,
    UNIT_CODES,
    UNIT_SUFFIX,
    AppendixPartMethods,
    FigureMethods,
    PlanMethods,
    ProgressMethods,
    ServiceIndexMethods,
    TargetRecordMethods,
    TthcStatsMethods,
    nfc_key,
    total,
)
from cchc_cli.plan.text import UNSAFE_TEXT

MAX_TEXT = 20_000


def rule_broken(reason: str, **context: object) -> PydanticCustomError:
    """A rule of the schema broken: the reason's name (a sentence of `words.PROBLEMS`) and
    what fills it; the reader says it."""
    return PydanticCustomError(reason, reason, context)  # type: ignore[arg-type]


def _nfc(value: object) -> object:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def _plain_text(value: str) -> str:
    """Text holds no character that steers a terminal or moves lines (written as an
    escape such as "\\x1b" in a quoted string, it is not caught before parsing)."""
    found = UNSAFE_TEXT.search(value)
    if found is not None:
        raise rule_broken("unsafe-char", char=f"U+{ord(found.group()):04X}")
    return value


def _day(value: object) -> object:
    """A date is written as a date (2023-06-14), never as a number of seconds or a flag."""
    if isinstance(value, bool | int | float):
        raise rule_broken("date-as-number", value=repr(value))
    return value


Text = Annotated[
    str,
    BeforeValidator(_nfc),
    StringConstraints(max_length=MAX_TEXT),
    AfterValidator(_plain_text),
]
NonEmptyText = Annotated[
    str,
    BeforeValidator(_nfc),
    StringConstraints(min_length=1, max_length=MAX_TEXT),
    AfterValidator(_plain_text),
]
Day = Annotated[date, BeforeValidator(_day)]
Id = Annotated[
    str,
    BeforeValidator(_nfc),
    StringConstraints(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$"),
]

Comparison = Literal[">=", "<=", ">", "<", "=", "khoang"]
Channel = Literal["truc_lien_thong", "phan_mem_bnv", "email"]
FigureUnit = Literal["phan_tram", "phut", "so_luong"]


class Model(BaseModel):
    # Numbers are numbers as YAML writes them: not true/false, not quoted text, finite.
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        defer_build=True,
        allow_inf_nan=False,
    )


# --- document metadata -------------------------------------------------------


class IssueDate(Model):
    """Ngày ban hành: ngày có thể để trống trong văn bản đã ban hành."""

    ngay: StrictInt | None = Field(
        None, ge=1, le=31, description="Ngày; để trống nếu văn bản để trống"
    )
    thang: StrictInt | None = Field(None, ge=1, le=12, description="Tháng")
    nam: StrictInt = Field(..., ge=1900, le=2100, description="Năm")

    @model_validator(mode="after")
    def _real_day(self) -> IssueDate:
        if self.ngay is not None and self.thang is not None:
            date(self.nam, self.thang, self.ngay)  # raises ValueError on 31/02
        return self


class Signer(Model):
    """Người ký: thẩm quyền, chức vụ và họ tên người ký."""

    quyen_han: Text | None = Field(
        None, description='Thẩm quyền ký thay, ví dụ "KT. GIÁM ĐỐC"; để trống khi thủ trưởng ký'
    )
    chuc_vu: NonEmptyText = Field(..., description='Chức vụ, ví dụ "GIÁM ĐỐC" hoặc "PHÓ GIÁM ĐỐC"')
    ho_ten: Text | None = Field(
        None, description="Họ và tên người ký; để trống trong kế hoạch năm mới cho đến khi ký"
    )


class Footnote(Model):
    so: StrictInt = Field(..., ge=1, description="Số chú thích (số nhỏ viết trên trong văn bản)")
    noi_dung: NonEmptyText = Field(..., description="Nội dung chú thích")


class Document(Model):
    """Thông tin văn bản: phần đầu, chữ ký và nơi nhận của kế hoạch đã ban hành."""

    co_quan_chu_quan: NonEmptyText = Field(
        ..., description='Cơ quan chủ quản, ví dụ "UBND TỈNH HÀ TĨNH"'
    )
    co_quan_ban_hanh: NonEmptyText = Field(
        ..., description='Cơ quan ban hành, ví dụ "SỞ CÔNG THƯƠNG"'
    )
    ky_hieu_co_quan: NonEmptyText = Field(..., description='Chữ viết tắt của cơ quan, ví dụ "SCT"')
    ten_loai: NonEmptyText = Field("KẾ HOẠCH", description="Tên loại văn bản")
    ky_hieu_loai: NonEmptyText = Field("KH", description="Viết tắt tên loại văn bản (KH, BC, ...)")
    so: Text | None = Field(
        None, description="Số văn bản; để trống cho đến khi văn bản được cấp số"
    )
    dia_danh: NonEmptyText = Field(..., description="Địa danh")
    ngay_ban_hanh: IssueDate = Field(..., description="Ngày ban hành")
    trich_yeu: NonEmptyText = Field(..., description="Trích yếu (dòng tên sau tên loại văn bản)")
    can_cu: Text = Field("", description="Đoạn căn cứ mở đầu, đúng nguyên văn")
    chu_thich: list[Footnote] = Field(default_factory=list, description="Các chú thích cuối trang")
    nguoi_ky: Signer = Field(..., description="Người ký")
    noi_nhan: list[NonEmptyText] = Field(default_factory=list, description="Nơi nhận")


# --- units and areas ---------------------------------------------------------


class Unit(Model):
    """Đơn vị: phòng, đơn vị chủ trì hoặc phối hợp thực hiện nhiệm vụ."""

    ma: Id = Field(..., description="Mã đơn vị: mã ngắn dùng trong chu_tri / phoi_hop, ví dụ VP")
    ten: NonEmptyText = Field(..., description="Tên chính thức")
    ten_khac: list[NonEmptyText] = Field(
        default_factory=list, description="Các tên ngắn mà văn bản dùng"
    )
    tap_the: bool = Field(
        False, description="Nhóm đơn vị: true cho một tập thể như 'Các phòng chuyên môn'"
    )
    thuoc: list[Id] = Field(
        default_factory=list,
        description="Nhóm đơn vị (tap_the) mà đơn vị này thuộc, ví dụ [PCM, DVTS]: đơn vị "
        "cũng phải làm những việc nhóm của mình chủ trì hay phối hợp",
    )


class Area(Model):
    """Lĩnh vực CCHC: một trong các lĩnh vực cải cách, theo đó chia mọi phần của kế hoạch."""

    ma: StrictInt = Field(..., ge=1, le=20, description="Số thứ tự lĩnh vực (1-7)")
    ten: NonEmptyText = Field(..., description="Tên ngắn của lĩnh vực, dùng trong bảng và báo cáo")


# --- figures (numeric targets) ----------------------------------------------


class Figure(FigureMethods, Model):
    so_sanh: Comparison = Field(
        ...,
        description='Phép so sánh: ">=" tối thiểu/từ ... trở lên, "<=" tối đa, ">" hơn/trên, '
        '"<" dưới, "=" đúng bằng, "khoang" một khoảng như 01-02',
    )
    gia_tri: StrictFloat = Field(..., description="Giá trị (2,5% viết là 2.5)")
    gia_tri_den: StrictFloat | None = Field(
        None, description="Giá trị trên của khoảng (so_sanh: khoang)"
    )
    don_vi: FigureUnit = Field(
        ..., description="Đơn vị đo: phan_tram (%), phut (phút), so_luong (số lượng)"
    )
    trich: Text | None = Field(None, description="Những chữ của câu có con số này, đúng nguyên văn")

    @model_validator(mode="after")
    def _coherent(self) -> Figure:
        if self.so_sanh == "khoang":
            if self.gia_tri_den is None:
                raise rule_broken("range-needs-upper")
            if self.gia_tri_den < self.gia_tri:
                raise rule_broken("range-backwards")
        elif self.gia_tri_den is not None:
            raise rule_broken("upper-without-range")
        if self.don_vi == "phan_tram":
            for v in (self.gia_tri, self.gia_tri_den):
                if v is not None and not 0 <= v <= 100:
                    raise rule_broken("percent-range", value=v)
        elif self.gia_tri < 0:
            raise rule_broken("negative-value")
        return self


class Milestone(Model):
    """Mốc trung gian: giá trị một chỉ số phải đạt đến một ngày trong năm, do cơ quan đặt
    (văn bản ban hành chỉ nêu chỉ tiêu cả năm)."""

    han: Day = Field(..., description="Ngày của mốc (YYYY-MM-DD)")
    gia_tri: StrictFloat = Field(
        ..., description="Giá trị phải đạt đến ngày đó, cùng đơn vị với chỉ số (30% ghi 30)"
    )


# The standard figures of a period that a target can be computed from (`Target.tinh_tu`).
Computed = Literal["ty_le_kiem_tra", "ty_le_ho_so_truc_tuyen", "so_sang_kien"]


class Target(Figure):
    """Chỉ số mục tiêu: một chỉ số đo được của một chỉ tiêu ở mục II."""

    ma: Id = Field(..., description="Mã chỉ số, ví dụ CT3.2.b; các bản ghi tiến độ dùng mã này")
    ung_voi: Id | None = Field(
        None,
        description="Mã chỉ số ở mục II mà chỉ số này nhắc lại (cùng một số đo, nêu ở lĩnh vực "
        "khác, ví dụ CT7.3.c nhắc lại CT3.2.c): số liệu ghi một lần, mọi báo cáo dùng một giá "
        "trị và một đánh giá",
    )
    tinh_tu: Computed | None = Field(
        None,
        description="Chỉ số tính từ số liệu của kỳ báo cáo: ty_le_kiem_tra = "
        "don_vi_duoc_kiem_tra / tong_so_don_vi (không ghi tong_so_don_vi thì là so_phong + "
        "so_don_vi_su_nghiep); ty_le_ho_so_truc_tuyen = tiep_nhan_truc_tuyen / "
        "(tiep_nhan_truc_tuyen + tiep_nhan_truc_tiep) (kỳ tính từ đầu năm: quý I, 6 tháng, năm); "
        "so_sang_kien = sang_kien (số sáng kiến được công nhận, cộng dồn từ đầu năm)",
    )
    mau_so_tu: Literal["ho_so_tiep_nhan"] | None = Field(
        None,
        description="Mẫu số của chỉ số là số liệu của kỳ báo cáo: ho_so_tiep_nhan = tổng số hồ "
        "sơ tiếp nhận (trực tuyến, trực tiếp hoặc qua dịch vụ bưu chính, từ kỳ trước chuyển "
        "qua); cchc validate cảnh báo bản ghi có mau_so khác số liệu đó",
    )
    ten_ngan: Text | None = Field(
        None,
        description="Tên ngắn của chỉ số, dùng trong câu văn của báo cáo khi lời của kế hoạch quá "
        "dài (do người lập báo cáo viết; để trống thì báo cáo dùng lời của kế hoạch)",
    )
    moc: list[Milestone] = Field(
        default_factory=list,
        description="Mốc trung gian do cơ quan đặt (không có trong văn bản ban hành): trước hạn, "
        "chỉ số chưa đạt được đánh giá theo mốc gần nhất đã đến; không có mốc thì ghi “chưa "
        "đến kỳ đánh giá”",
    )


class ObjectiveFigure(Figure):
    """Chỉ số mà một mục tiêu của phụ lục nêu (thường nhắc lại một chỉ số ở mục II)."""

    ung_voi: Id | None = Field(None, description="Mã chỉ số ở mục II mà mục tiêu này nhắc lại")


class Indicator(Model):
    """Chỉ tiêu (mục II): một câu của các chỉ tiêu chủ yếu, đúng nguyên văn."""

    ma: Id = Field(..., description="Mã chỉ tiêu, ví dụ CT3.2 (lĩnh vực 3, câu thứ hai)")
    noi_dung: NonEmptyText = Field(..., description="Nội dung chỉ tiêu, đúng nguyên văn")
    gach_dau_dong: bool = Field(True, description="In thành một gạch đầu dòng '- ' trong văn bản")
    chi_so: list[Target] = Field(default_factory=list, description="Các chỉ số đo được")


class IndicatorArea(Model):
    linh_vuc: StrictInt = Field(..., description="Số lĩnh vực (Area.ma)")
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề mục, đúng nguyên văn")
    chi_tieu: list[Indicator] = Field(default_factory=list, description="Các chỉ tiêu")


# --- section III ---------------------------------------------------------------


class SolutionGroup(Model):
    so: NonEmptyText = Field(..., description='Số mục con, ví dụ "7.1"')
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề mục con, đúng nguyên văn")
    mo_dau: Text | None = Field(None, description="Đoạn mở đầu (trước các gạch đầu dòng)")
    noi_dung: list[NonEmptyText] = Field(default_factory=list, description="Các gạch đầu dòng")


class SolutionArea(Model):
    linh_vuc: StrictInt = Field(..., description="Số lĩnh vực (Area.ma)")
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề mục, đúng nguyên văn")
    mo_dau: Text | None = Field(None, description="Đoạn mở đầu")
    noi_dung: list[NonEmptyText] = Field(default_factory=list, description="Các giải pháp")
    muc_con: list[SolutionGroup] = Field(default_factory=list, description="Mục con (7.1, 7.2)")


class Section(Model):
    """Một mục đánh số gồm các đoạn văn (I, IV, V, VI)."""

    tieu_de: NonEmptyText = Field(..., description="Tiêu đề, đúng nguyên văn")
    doan: list[NonEmptyText] = Field(
        default_factory=list, description="Các đoạn văn, đúng nguyên văn"
    )


# --- appendix ----------------------------------------------------------------


class Row(Model):
    """Các cột của một dòng phụ lục sau cột Nhiệm vụ trọng tâm."""

    hoat_dong: list[NonEmptyText] = Field(
        default_factory=list, description="Hoạt động: mỗi dòng '- ' của ô là một mục"
    )
    ket_qua: Text = Field("", description="Kết quả/sản phẩm, đúng nguyên văn")
    chu_tri: list[NonEmptyText] = Field(
        default_factory=list, description="Chủ trì: mã đơn vị (don_vi.ma)"
    )
    chu_tri_goc: Text | None = Field(
        None, description="Chủ trì đúng như ô ghi, khi ô không chỉ gồm tên các đơn vị"
    )
    phoi_hop: list[NonEmptyText] = Field(default_factory=list, description="Phối hợp: mã đơn vị")
    phoi_hop_goc: Text | None = Field(None, description="Phối hợp đúng như ô ghi")
    thoi_han: NonEmptyText = Field(..., description="Thời gian hoàn thành, đúng nguyên văn")
    han: Day | None = Field(
        None, description="Hạn cụ thể (YYYY-MM-DD): thay cho ngày đọc được từ thoi_han"
    )
    kinh_phi: Text | None = Field(
        None, description="Kinh phí, đúng nguyên văn; để trống nếu ô trống"
    )


class Task(Row):
    """Nhiệm vụ: một nhiệm vụ của Phụ lục."""

    ma: Id = Field(..., description="Mã nhiệm vụ, ví dụ III.6 hoặc I.1.a; người dùng gõ mã này")
    nhiem_vu: NonEmptyText = Field(..., description="Nhiệm vụ trọng tâm, đúng nguyên văn")
    ten_ngan: Text | None = Field(
        None,
        description="Tên ngắn của nhiệm vụ, dùng trong câu văn của báo cáo khi tên đầy đủ quá dài "
        "(do người lập báo cáo viết; để trống thì báo cáo dùng nguyên văn nhiệm vụ)",
    )
    dong_tiep: list[Row] = Field(
        default_factory=list,
        description="Dòng tiếp: các dòng tiếp theo của cùng nhiệm vụ, nơi bảng đã ban hành tách nhiệm vụ thành nhiều dòng",
    )


class Objective(Model):
    """Mục tiêu: một dòng đánh số của phụ lục, gồm một hay nhiều nhiệm vụ."""

    ma: Id = Field(..., description="Mã mục tiêu, ví dụ I.1 hoặc 7.1.3")
    so: NonEmptyText = Field(..., description="Số thứ tự như in ở cột TT")
    noi_dung: NonEmptyText = Field(..., description="Mục tiêu, đúng nguyên văn")
    ten_ngan: Text | None = Field(
        None,
        description="Tên ngắn của mục tiêu, dùng trong báo cáo để phân biệt hai nhiệm vụ cùng tên "
        "thuộc hai mục tiêu (do người lập báo cáo viết; để trống thì dùng nguyên văn mục tiêu)",
    )
    chi_so: list[ObjectiveFigure] = Field(
        default_factory=list,
        description="Các chỉ số mục tiêu nêu, kèm chỉ số ở mục II mà nó nhắc lại",
    )
    nhiem_vu: list[Task] = Field(..., min_length=1, description="Nhiệm vụ trọng tâm")


class AppendixGroup(Model):
    so: NonEmptyText = Field(..., description='Số nhóm, ví dụ "7.1"')
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề nhóm, đúng nguyên văn")
    muc_tieu: list[Objective] = Field(default_factory=list, description="Các mục tiêu")


class AppendixPart(AppendixPartMethods, Model):
    so: NonEmptyText = Field(..., description='Số La Mã của phần, ví dụ "III"')
    linh_vuc: StrictInt = Field(..., description="Số lĩnh vực (Area.ma)")
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề phần, đúng nguyên văn (chữ in hoa)")
    muc_tieu: list[Objective] = Field(default_factory=list, description="Các mục tiêu")
    nhom: list[AppendixGroup] = Field(default_factory=list, description="Nhóm (7.1, 7.2)")


class Appendix(Model):
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề phụ lục, đúng nguyên văn")
    ghi_chu: Text = Field("", description="Dòng (Kèm theo ...), đúng nguyên văn")
    phan: list[AppendixPart] = Field(..., min_length=1, description="Các phần theo lĩnh vực")


# --- amendments and settings ------------------------------------------------


class Amendment(Model):
    """Điều chỉnh kế hoạch: văn bản đã thay đổi chỉ tiêu hay thời hạn."""

    so: NonEmptyText = Field(..., description="Số, ký hiệu văn bản điều chỉnh")
    ngay: Day = Field(..., description="Ngày ban hành (YYYY-MM-DD)")
    ly_do: NonEmptyText = Field(..., description="Lý do điều chỉnh")
    ma: list[Id] = Field(..., min_length=1, description="Mã nhiệm vụ, chỉ số bị điều chỉnh")


class ScoreSettings(Model):
    """Chấm điểm Chỉ số CCHC: bộ tiêu chí dùng để chấm kế hoạch này, và những bản ghi nào của
    kế hoạch làm đầu vào cho từng quy tắc chấm tự động (bộ tiêu chí dùng chung cả tỉnh; các
    mã là của kế hoạch này)."""

    bo_tieu_chi: NonEmptyText = Field(
        ...,
        description="Tệp bộ tiêu chí chấm điểm (YAML), đường dẫn tính từ thư mục của kế hoạch, "
        "ví dụ ../tieu-chi/ha-tinh/so-2023.yaml; phải nằm trong kho",
    )
    nhiem_vu_ban_hanh_ke_hoach: Id | None = Field(
        None,
        description="Mã nhiệm vụ ban hành Kế hoạch CCHC năm (ví dụ I.1.a): quy tắc "
        "ke_hoach_ban_hanh_dung_han so ngày hoàn thành của nó với thời hạn của nó",
    )
    chi_so_so_hoa: Id | None = Field(
        None,
        description="Mã chỉ số đo tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC (ví dụ CT3.1.a): "
        "quy tắc so_hoa_ho_so lấy giá trị đo gần nhất của nó",
    )


class Settings(Model):
    """Cài đặt: các thiết lập cho tình hình và báo cáo."""

    kinh_gui: list[NonEmptyText] = Field(
        default_factory=lambda: ["Sở Nội vụ tỉnh Hà Tĩnh"],
        description="Kính gửi (nơi báo cáo gửi đến)",
    )
    ngay_lam_viec_nop: StrictInt = Field(
        2, ge=0, le=30, description="Số ngày làm việc sau ngày chốt số liệu để nộp báo cáo"
    )
    canh_bao_truoc: StrictInt = Field(14, ge=0, le=365, description="Số ngày báo trước khi đến hạn")
    ngay_nghi_them: list[Day] = Field(default_factory=list, description="Ngày nghỉ thêm")
    ngay_lam_bu: list[Day] = Field(default_factory=list, description="Thứ Bảy/Chủ nhật làm bù")
    don_vi_luu: Text = Field("VP", description='Đơn vị soạn thảo, ghi ở "Lưu: VT, ..."')
    nguoi_ky_bao_cao: Signer | None = Field(
        None, description="Người ký các báo cáo (mặc định: người ký kế hoạch)"
    )
    noi_nhan_bao_cao: list[NonEmptyText] | None = Field(
        None,
        description='Nơi nhận các báo cáo (mặc định: "Như trên; UBND tỉnh (b/c); Giám đốc, các '
        'PGĐ Sở; Lưu: VT, <don_vi_luu>.")',
    )
    ngon_ngu: Literal["vi", "en"] = Field(
        "vi", description="Ngôn ngữ của cchc khi không chọn --lang hay CCHC_LANG (vi, en)"
    )
    cham_diem: ScoreSettings | None = Field(
        None,
        description="Chấm điểm Chỉ số CCHC (cchc score): bộ tiêu chí và các bản ghi của kế "
        "hoạch dùng cho từng quy tắc chấm tự động",
    )


# --- the plan ------------------------------------------------------------------


class Plan(PlanMethods, Model):
    """Kế hoạch CCHC năm: toàn bộ kế hoạch đã ban hành và phụ lục."""

    nam: StrictInt = Field(..., ge=1900, le=2100, description="Năm kế hoạch")
    van_ban: Document = Field(..., description="Thông tin văn bản")
    linh_vuc: list[Area] = Field(..., min_length=1, description="Các lĩnh vực CCHC")
    don_vi: list[Unit] = Field(..., min_length=1, description="Danh mục đơn vị")
    muc_dich_yeu_cau: Section = Field(..., description="I. Mục đích, yêu cầu")
    chi_tieu: list[IndicatorArea] = Field(..., description="II. Các chỉ tiêu chủ yếu")
    giai_phap: list[SolutionArea] = Field(..., description="III. Nhiệm vụ và giải pháp")
    nhiem_vu_trong_tam: Section = Field(..., description="IV. Nhiệm vụ trọng tâm")
    kinh_phi: Section = Field(..., description="V. Kinh phí thực hiện")
    to_chuc_thuc_hien: Section = Field(..., description="VI. Tổ chức thực hiện")
    phu_luc: Appendix = Field(..., description="Phụ lục: nhiệm vụ trọng tâm")
    dieu_chinh: list[Amendment] = Field(default_factory=list, description="Các lần điều chỉnh")
    cai_dat: Settings = Field(default_factory=Settings, description="Cài đặt")


# --- progress --------------------------------------------------------------------

TaskState = Literal["hoan_thanh", "dang_thuc_hien", "chua_thuc_hien", "khong_thuc_hien"]


class TaskRecord(Model):
    """Tiến độ nhiệm vụ: việc đã làm của một nhiệm vụ, và ngày làm."""

    ma: Id = Field(..., description="Mã nhiệm vụ (như cchc status hiển thị)")
    ngay: Day = Field(..., description="Ngày ghi nhận (YYYY-MM-DD)")
    trang_thai: TaskState = Field(
        ...,
        description="hoan_thanh (hoàn thành), dang_thuc_hien (đang thực hiện), "
        "chua_thuc_hien (chưa thực hiện), khong_thuc_hien (không thực hiện: ghi ly_do)",
    )
    minh_chung: Text | None = Field(None, description='Minh chứng, ví dụ "Kế hoạch số 15/KH-SCT"')
    ghi_chu: Text | None = Field(None, description="Ghi chú")
    ly_do: Text | None = Field(None, description="Lý do không thực hiện")
    ghi_muon: Text | None = Field(
        None,
        description="Lý do ghi nhận với ngày ngoài năm kế hoạch (bản ghi làm sau khi hết năm)",
    )

    @model_validator(mode="after")
    def _reason(self) -> TaskRecord:
        if self.trang_thai == "khong_thuc_hien" and not (self.ly_do or "").strip():
            raise rule_broken("dropped-needs-reason")
        return self


def _positive(v: float | None) -> float | None:
    if v is not None and v < 0:
        raise rule_broken("must-not-be-negative")
    return v


class TargetRecord(TargetRecordMethods, Model):
    """Số liệu chỉ số: giá trị đo được của một chỉ số vào một ngày."""

    ma: Id = Field(..., description="Mã chỉ số, ví dụ CT3.1.a")
    ngay: Day = Field(..., description="Ngày số liệu (YYYY-MM-DD)")
    gia_tri: Annotated[StrictFloat | None, AfterValidator(_positive)] = Field(
        None, description="Giá trị đo được (phần trăm viết như 72.5)"
    )
    tu_so: Annotated[StrictFloat | None, AfterValidator(_positive)] = Field(
        None, description="Tử số"
    )
    mau_so: StrictFloat | None = Field(None, gt=0, description="Mẫu số (> 0)")
    nguon: Text | None = Field(None, description="Nguồn số liệu")
    ghi_chu: Text | None = Field(None, description="Ghi chú")
    ghi_muon: Text | None = Field(
        None,
        description="Lý do ghi nhận với ngày ngoài năm kế hoạch (bản ghi làm sau khi hết năm)",
    )

    @model_validator(mode="after")
    def _one_value(self) -> TargetRecord:
        has_ratio = self.tu_so is not None or self.mau_so is not None
        if self.gia_tri is None and not has_ratio:
            raise rule_broken("value-missing")
        if self.gia_tri is not None and has_ratio:
            raise rule_broken("value-twice")
        if has_ratio and (self.tu_so is None or self.mau_so is None):
            raise rule_broken("ratio-half")
        return self


class Request(Model):
    """Văn bản yêu cầu báo cáo: văn bản mà báo cáo trả lời (thường của Sở Nội vụ)."""

    so: NonEmptyText = Field(..., description="Số, ký hiệu, ví dụ 1234/SNV-CCHC")
    ngay: Day = Field(..., description="Ngày ban hành (YYYY-MM-DD)")
    co_quan: Text = Field("Sở Nội vụ", description="Cơ quan ban hành")
    trich_yeu: Text | None = Field(None, description="Trích yếu, ví dụ về việc báo cáo CCHC quý I")


Count = Annotated[StrictInt, Field(ge=0)]


def _cases_add_up(returned: int | None, d: dict[str, Any]) -> int | None:
    """Cases received = resolved + being resolved + returned or withdrawn, whenever every
    figure of that sum is given (the check sits on the last of them, `tra_lai_rut`)."""
    received = total(
        d.get("tiep_nhan_truc_tuyen"), d.get("tiep_nhan_truc_tiep"), d.get("tiep_nhan_ky_truoc")
    )
    resolved = total(
        d.get("giai_quyet_truoc_han"), d.get("giai_quyet_dung_han"), d.get("giai_quyet_qua_han")
    )
    pending = total(d.get("dang_giai_quyet_trong_han"), d.get("dang_giai_quyet_qua_han"))
    if None not in (received, resolved, pending, returned):
        out = resolved + pending + returned  # type: ignore[operator]
        if out != received:
            raise rule_broken("tthc-sum", received=received, resolved=resolved, pending=pending,
                        returned=returned, total=out)  # fmt: skip
    return returned


class TthcCases(TthcStatsMethods, Model):
    """Số hồ sơ TTHC: tiếp nhận, đã giải quyết, đang giải quyết, trả lại hoặc rút; số
    tiếp nhận bằng tổng các số còn lại khi có đủ mọi số của tổng đó."""

    tiep_nhan_truc_tuyen: Count | None = Field(
        None, description=TTHC_FIELDS["tiep_nhan_truc_tuyen"]
    )
    tiep_nhan_truc_tiep: Count | None = Field(None, description=TTHC_FIELDS["tiep_nhan_truc_tiep"])
    tiep_nhan_ky_truoc: Count | None = Field(None, description=TTHC_FIELDS["tiep_nhan_ky_truoc"])
    giai_quyet_truoc_han: Count | None = Field(
        None, description=TTHC_FIELDS["giai_quyet_truoc_han"]
    )
    giai_quyet_dung_han: Count | None = Field(None, description=TTHC_FIELDS["giai_quyet_dung_han"])
    giai_quyet_qua_han: Count | None = Field(None, description=TTHC_FIELDS["giai_quyet_qua_han"])
    dang_giai_quyet_trong_han: Count | None = Field(
        None, description=TTHC_FIELDS["dang_giai_quyet_trong_han"]
    )
    dang_giai_quyet_qua_han: Count | None = Field(
        None, description=TTHC_FIELDS["dang_giai_quyet_qua_han"]
    )
    tra_lai_rut: Count | None = Field(None, description=TTHC_FIELDS["tra_lai_rut"])

    # The sum's check sits on its last figure, so that an error points at that line.
    @field_validator("tra_lai_rut")
    @classmethod
    def _adds_up(cls, returned: int | None, info: ValidationInfo) -> int | None:
        return _cases_add_up(returned, info.data)


class TthcAreaName(Model):
    """Lĩnh vực TTHC của một dòng số liệu."""

    linh_vuc: NonEmptyText = Field(..., description="Tên lĩnh vực TTHC, ví dụ Điện, Hóa chất")


class TthcStats(TthcCases):
    """Thống kê giải quyết TTHC trong kỳ: số hồ sơ mà mọi báo cáo CCHC nêu.

    Số tiếp nhận (trực tuyến, trực tiếp hoặc qua bưu chính, kỳ trước chuyển qua) bằng số
    đã giải quyết (trước hạn, đúng hạn, quá hạn) cộng số đang giải quyết (trong hạn, quá
    hạn) cộng số trả lại hoặc rút; được kiểm tra khi có đủ mọi số của tổng đó."""

    thu_xin_loi: Count | None = Field(None, description=TTHC_FIELDS["thu_xin_loi"])
    thu_tuc_tong: Count | None = Field(None, description=TTHC_FIELDS["thu_tuc_tong"])
    thu_tuc_cong_bo: Count | None = Field(None, description=TTHC_FIELDS["thu_tuc_cong_bo"])
    thu_tuc_sua_doi: Count | None = Field(None, description=TTHC_FIELDS["thu_tuc_sua_doi"])
    thu_tuc_bai_bo: Count | None = Field(None, description=TTHC_FIELDS["thu_tuc_bai_bo"])
    dvc_toan_trinh: Count | None = Field(None, description=TTHC_FIELDS["dvc_toan_trinh"])
    dvc_mot_phan: Count | None = Field(None, description=TTHC_FIELDS["dvc_mot_phan"])
    thanh_toan_truc_tuyen: Count | None = Field(
        None, description=TTHC_FIELDS["thanh_toan_truc_tuyen"]
    )

    # Each check sits on the last figure it needs, so that an error points at that line.

    @field_validator("thu_xin_loi")
    @classmethod
    def _apologies(cls, letters: int | None, info: ValidationInfo) -> int | None:
        late = info.data.get("giai_quyet_qua_han")
        pending_late = info.data.get("dang_giai_quyet_qua_han") or 0
        if late is not None and letters is not None and letters > late + pending_late:
            raise rule_broken("tthc-apologies", letters=letters, late=late)
        return letters

    @field_validator("thanh_toan_truc_tuyen")
    @classmethod
    def _payments(cls, paid: int | None, info: ValidationInfo) -> int | None:
        online = info.data.get("tiep_nhan_truc_tuyen")
        if online is not None and paid is not None and paid > online:
            raise rule_broken("tthc-payments", paid=paid, online=online)
        return paid


class TthcArea(TthcCases, TthcAreaName):
    """Kết quả giải quyết TTHC của một lĩnh vực trong kỳ (số hồ sơ theo lĩnh vực): mỗi dòng cộng
    lại như tổng của kỳ, và các dòng cộng lại bằng các tổng đó."""


# The five groups of Quyết định số 766/QĐ-TTg ngày 23/6/2022 (Bộ chỉ số chỉ đạo, điều hành và
# đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện TTHC, dịch vụ công theo
# thời gian thực trên môi trường điện tử) and their maximum points, 100 in all.
def _points(key: str) -> Any:
    name, most = SERVICE_INDEX[key]
    return Field(None, ge=0, le=most, description=f"{name} (tối đa {most} điểm)")


class ServiceIndex(ServiceIndexMethods, Model):
    """Điểm của cơ quan theo Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định số
    766/QĐ-TTg): năm nhóm, tối đa 100 điểm; tổng điểm là tổng của năm nhóm."""

    cong_khai_minh_bach: StrictFloat | None = _points("cong_khai_minh_bach")
    tien_do_ket_qua: StrictFloat | None = _points("tien_do_ket_qua")
    so_hoa_ho_so: StrictFloat | None = _points("so_hoa_ho_so")
    dich_vu_truc_tuyen: StrictFloat | None = _points("dich_vu_truc_tuyen")
    muc_do_hai_long: StrictFloat | None = _points("muc_do_hai_long")
    nguon: Text | None = Field(
        None, description="Nguồn, ngày lấy điểm, ví dụ Cổng Dịch vụ công quốc gia ngày 10/12/2023"
    )


# A part that cannot exceed its whole (which comes before it): part -> whole.
_WHOLE = {
    "don_vi_duoc_kiem_tra": "tong_so_don_vi",
    "ton_tai_da_khac_phuc": "ton_tai_qua_kiem_tra",
    "pakn_da_xu_ly": "pakn_tiep_nhan",
    "cong_chuc_co_mat": "bien_che_giao",
    "vien_chuc_co_mat": "nguoi_lam_viec_giao",
    "vb_qppl_kien_nghi": "vb_qppl_ra_soat",
    "van_ban_di_dien_tu": "van_ban_di",
    "van_ban_ky_so": "van_ban_di",
}


def _figure(key: str) -> Any:
    return Field(None, description=AREA_FIGURES[key][1])


class AreaFigures(Model):
    """Số liệu của các lĩnh vực trong kỳ: các số liệu báo cáo CCHC nêu ở mục I và ở các lĩnh
    vực của mục II (thể chế, TTHC, tổ chức bộ máy, công vụ, chính quyền số). Phần được đối
    chiếu với tổng khi có cả hai."""

    van_ban_chi_dao: Count | None = _figure("van_ban_chi_dao")
    cuoc_kiem_tra: Count | None = _figure("cuoc_kiem_tra")
    tong_so_don_vi: Count | None = _figure("tong_so_don_vi")
    don_vi_duoc_kiem_tra: Count | None = _figure("don_vi_duoc_kiem_tra")
    ton_tai_qua_kiem_tra: Count | None = _figure("ton_tai_qua_kiem_tra")
    ton_tai_da_khac_phuc: Count | None = _figure("ton_tai_da_khac_phuc")
    tin_bai_tuyen_truyen: Count | None = _figure("tin_bai_tuyen_truyen")
    sang_kien: Count | None = _figure("sang_kien")
    vb_qppl_tham_muu: Count | None = _figure("vb_qppl_tham_muu")
    vb_qppl_ra_soat: Count | None = _figure("vb_qppl_ra_soat")
    vb_qppl_kien_nghi: Count | None = _figure("vb_qppl_kien_nghi")
    luot_dao_tao: Count | None = _figure("luot_dao_tao")
    van_ban_di: Count | None = _figure("van_ban_di")
    van_ban_di_dien_tu: Count | None = _figure("van_ban_di_dien_tu")
    van_ban_ky_so: Count | None = _figure("van_ban_ky_so")
    van_ban_den_dien_tu: Count | None = _figure("van_ban_den_dien_tu")
    thu_tuc_cong_khai: Count | None = _figure("thu_tuc_cong_khai")
    pakn_tiep_nhan: Count | None = _figure("pakn_tiep_nhan")
    pakn_da_xu_ly: Count | None = _figure("pakn_da_xu_ly")
    so_phong: Count | None = _figure("so_phong")
    so_don_vi_su_nghiep: Count | None = _figure("so_don_vi_su_nghiep")
    bien_che_giao: Count | None = _figure("bien_che_giao")
    cong_chuc_co_mat: Count | None = _figure("cong_chuc_co_mat")
    nguoi_lam_viec_giao: Count | None = _figure("nguoi_lam_viec_giao")
    vien_chuc_co_mat: Count | None = _figure("vien_chuc_co_mat")

    @field_validator("don_vi_duoc_kiem_tra", "vb_qppl_kien_nghi", "van_ban_di_dien_tu",
                     "van_ban_ky_so", "ton_tai_da_khac_phuc", "pakn_da_xu_ly",
                     "cong_chuc_co_mat", "vien_chuc_co_mat")  # fmt: skip
    @classmethod
    def _part_within(cls, value: int | None, info: ValidationInfo) -> int | None:
        whole = _WHOLE[info.field_name or ""]
        total = info.data.get(whole)
        if value is not None and total is not None and value > total:
            raise rule_broken(
                "figure-over", part=info.field_name, value=value, whole=whole, total=total,
                what=AREA_FIGURES[info.field_name or ""][1], of=AREA_FIGURES[whole][1],
            )  # fmt: skip
        return value


class Narrative(Model):
    """Phần viết của báo cáo kỳ: những đoạn văn báo cáo của một kỳ cần, và thiết lập riêng
    của báo cáo (số, ngày ký, người ký, nơi nhận), thay cho `cai_dat` của kế hoạch."""

    ky: StrictInt = Field(
        ..., ge=1, le=4, description="Kỳ báo cáo: 1 Quý I, 2 6 tháng, 3 Quý III, 4 Năm"
    )
    chi_dao_dieu_hanh: Text | None = Field(None, description="Công tác chỉ đạo, điều hành")
    ket_qua_noi_bat: Text | None = Field(None, description="Kết quả nổi bật")
    ton_tai_han_che: Text | None = Field(None, description="Tồn tại, hạn chế")
    nguyen_nhan: Text | None = Field(None, description="Nguyên nhân")
    phuong_huong: Text | None = Field(None, description="Phương hướng kỳ tới")
    kien_nghi: Text | None = Field(None, description="Đề xuất, kiến nghị")
    so: Text | None = Field(None, description="Số báo cáo, ví dụ 05 (hoặc 05/BC-SCT)")
    ngay_ky: Day | None = Field(None, description="Ngày ký báo cáo (YYYY-MM-DD)")
    nguoi_ky: Signer | None = Field(
        None, description="Người ký báo cáo (quyền hạn KT./TL./Q., chức vụ, họ tên)"
    )
    kinh_gui: list[NonEmptyText] | None = Field(None, description="Kính gửi")
    noi_nhan: list[NonEmptyText] | None = Field(None, description="Nơi nhận")
    tra_loi: Request | None = Field(None, description="Văn bản yêu cầu báo cáo mà báo cáo trả lời")
    ngay_gui: Day | None = Field(
        None,
        description="Ngày gửi báo cáo (YYYY-MM-DD), so với hạn nộp của kỳ để biết gửi đúng hạn "
        "hay quá hạn",
    )
    kenh_gui: list[Channel] = Field(
        default_factory=list,
        description="Kênh gửi: truc_lien_thong (trục liên thông văn bản), phan_mem_bnv (phần mềm "
        "báo cáo của Bộ Nội vụ), email",
    )
    thong_ke_tthc: TthcStats | None = Field(
        None, description="Thống kê giải quyết TTHC trong kỳ (số hồ sơ, số TTHC, dịch vụ công)"
    )
    so_lieu: AreaFigures | None = Field(
        None,
        description="Số liệu của các lĩnh vực trong kỳ (văn bản, kiểm tra, tuyên truyền, "
        "sáng kiến, công khai TTHC, phản ánh kiến nghị, tổ chức bộ máy và biên chế, đào tạo, "
        "văn bản điện tử và ký số)",
    )
    ket_qua_kiem_tra: Text | None = Field(
        None,
        description="Tồn tại, hạn chế phát hiện qua kiểm tra CCHC trong kỳ và việc xử lý, khắc "
        "phục (mục I.2 của báo cáo)",
    )
    khac_phuc_chi_so: Text | None = Field(
        None,
        description="Kết quả khắc phục tồn tại, hạn chế theo kết quả Chỉ số CCHC (PAR INDEX) và "
        "Chỉ số hài lòng (SIPAS) năm trước (mục I của báo cáo)",
    )
    tthc_linh_vuc: list[TthcArea] = Field(
        default_factory=list,
        description="Kết quả giải quyết TTHC theo từng lĩnh vực trong kỳ; cộng các lĩnh vực phải "
        "bằng số liệu của thong_ke_tthc",
    )
    chi_so_766: ServiceIndex | None = Field(
        None,
        description="Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp theo thời gian thực "
        "(Quyết định số 766/QĐ-TTg ngày 23/6/2022): 5 nhóm, tối đa 100 điểm",
    )


class PlanIssue(Model):
    """Số, ngày ban hành của Kế hoạch: những gì kế hoạch đã ban hành ghi khi được cấp số."""

    so: NonEmptyText = Field(..., description="Số, ký hiệu, ví dụ 15/KH-SCT")
    ngay: Day = Field(..., description="Ngày ban hành (YYYY-MM-DD)")


class Evidence(Model):
    """Tài liệu kiểm chứng: văn bản chứng minh một điểm (số và ngày, hoặc tệp hay đường dẫn tới
    văn bản)."""

    so: Text | None = Field(None, description="Số, ký hiệu văn bản, ví dụ 15/KH-SCT")
    ngay: Day | None = Field(None, description="Ngày ban hành (YYYY-MM-DD)")
    trich_yeu: Text | None = Field(None, description="Tên hoặc trích yếu tài liệu")
    tep: Text | None = Field(None, description="Tệp tài liệu (đường dẫn trong kho hoặc tên tệp)")
    lien_ket: Text | None = Field(None, description="Liên kết tới tài liệu (địa chỉ web)")
    trang: Text | None = Field(None, description="Trang hoặc mục trong tài liệu, ví dụ tr. 3")

    @model_validator(mode="after")
    def _names_something(self) -> Evidence:
        if not any((self.so, self.trich_yeu, self.tep, self.lien_ket)):
            raise rule_broken("evidence-empty")
        return self


def _not_negative(v: float | None) -> float | None:
    if v is not None and v < 0:
        raise rule_broken("must-not-be-negative")
    return v


Points = Annotated[StrictFloat, AfterValidator(_not_negative)]


class Appraisal(Model):
    """Một vòng thẩm định: điểm Sở Nội vụ (hoặc hội đồng thẩm định) cho một tiêu chí, ý kiến
    thẩm định, và giải trình đã gửi lại."""

    vong: StrictInt = Field(1, ge=1, le=9, description="Vòng thẩm định (1, 2, ...)")
    ngay: Day | None = Field(None, description="Ngày nhận kết quả thẩm định (YYYY-MM-DD)")
    diem: Points = Field(..., description="Điểm thẩm định")
    nhan_xet: Text | None = Field(None, description="Nhận xét, lý do của cơ quan thẩm định")
    giai_trinh: Text | None = Field(None, description="Giải trình đã gửi lại")


class SelfScore(Model):
    """Tự chấm một tiêu chí: điểm tự chấm, giải trình và tài liệu kiểm chứng của một tiêu chí
    trong bộ tiêu chí, và các vòng thẩm định."""

    ma: Id = Field(..., description="Mã tiêu chí (hoặc tiêu chí thành phần) trong bộ tiêu chí")
    diem: Points | None = Field(
        None,
        description="Điểm tự chấm; với tiêu chí chấm tự động chỉ ghi khi muốn thay điểm cchc "
        "tính (kèm ghi_chu giải thích)",
    )
    ghi_chu: Text | None = Field(None, description="Giải trình, thuyết minh điểm tự chấm")
    minh_chung: list[Evidence] = Field(
        default_factory=list, description="Tài liệu kiểm chứng của tiêu chí"
    )
    tham_dinh: list[Appraisal] = Field(
        default_factory=list, description="Các vòng thẩm định và giải trình"
    )


class Progress(ProgressMethods, Model):
    """Tiến độ thực hiện kế hoạch: các bản ghi lưu cạnh kế hoạch."""

    nam: StrictInt | None = Field(None, ge=1900, le=2100, description="Năm kế hoạch")
    ke_hoach: PlanIssue | None = Field(
        None,
        description="Số, ngày ban hành của Kế hoạch khi tệp kế hoạch chưa ghi (văn bản để trống "
        "số, ngày): phần mở đầu của báo cáo dẫn Kế hoạch theo số, ngày này",
    )
    nhiem_vu: list[TaskRecord] = Field(default_factory=list, description="Tiến độ nhiệm vụ")
    chi_so: list[TargetRecord] = Field(default_factory=list, description="Số liệu chỉ số")
    bao_cao: list[Narrative] = Field(default_factory=list, description="Phần viết báo cáo kỳ")
    tu_cham: list[SelfScore] = Field(
        default_factory=list,
        description="Tự chấm điểm Chỉ số CCHC: điểm, giải trình, tài liệu kiểm chứng và thẩm "
        "định của từng tiêu chí (cchc score)",
    )
