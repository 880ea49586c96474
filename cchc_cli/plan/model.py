"""The schema of a CCHC plan and of its progress records (Pydantic v2).

No I/O here. YAML keys are Vietnamese words without diacritics, chosen for
the officer who edits the plan; every field carries a description that
editors show on hover. Models are frozen and forbid unknown keys.
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


def _says(reason: str, **context: object) -> PydanticCustomError:
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
        raise _says("unsafe-char", char=f"U+{ord(found.group()):04X}")
    return value


def _day(value: object) -> object:
    """A date is written as a date (2023-06-14), never as a number of seconds or a flag."""
    if isinstance(value, bool | int | float):
        raise _says("date-as-number", value=repr(value))
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
    """Ngày ban hành: the day may be blank in the issued document."""

    ngay: StrictInt | None = Field(None, ge=1, le=31, description="Ngày (day); blank in the source")
    thang: StrictInt | None = Field(None, ge=1, le=12, description="Tháng (month)")
    nam: StrictInt = Field(..., ge=1900, le=2100, description="Năm (year)")

    @model_validator(mode="after")
    def _real_day(self) -> IssueDate:
        if self.ngay is not None and self.thang is not None:
            date(self.nam, self.thang, self.ngay)  # raises ValueError on 31/02
        return self


class Signer(Model):
    """Người ký: the signing authority."""

    quyen_han: Text | None = Field(
        None, description='Thẩm quyền ký thay, e.g. "KT. GIÁM ĐỐC"; empty when the head signs'
    )
    chuc_vu: NonEmptyText = Field(..., description='Chức vụ, e.g. "GIÁM ĐỐC" or "PHÓ GIÁM ĐỐC"')
    ho_ten: Text | None = Field(
        None, description="Họ và tên người ký; blank in a new year's plan until it is signed"
    )


class Footnote(Model):
    so: StrictInt = Field(
        ..., ge=1, description="Số chú thích (the superscript number in the text)"
    )
    noi_dung: NonEmptyText = Field(..., description="Nội dung chú thích")


class Document(Model):
    """Thông tin văn bản: the header, signature and recipients of the issued plan."""

    co_quan_chu_quan: NonEmptyText = Field(
        ..., description='Cơ quan chủ quản, e.g. "UBND TỈNH HÀ TĨNH"'
    )
    co_quan_ban_hanh: NonEmptyText = Field(
        ..., description='Cơ quan ban hành, e.g. "SỞ CÔNG THƯƠNG"'
    )
    ky_hieu_co_quan: NonEmptyText = Field(..., description='Chữ viết tắt của cơ quan, e.g. "SCT"')
    ten_loai: NonEmptyText = Field("KẾ HOẠCH", description="Tên loại văn bản")
    ky_hieu_loai: NonEmptyText = Field("KH", description="Viết tắt tên loại văn bản (KH, BC, ...)")
    so: Text | None = Field(None, description="Số văn bản; blank until the document is numbered")
    dia_danh: NonEmptyText = Field(..., description="Địa danh (place)")
    ngay_ban_hanh: IssueDate = Field(..., description="Ngày ban hành")
    trich_yeu: NonEmptyText = Field(..., description="Trích yếu (title after the document type)")
    can_cu: Text = Field("", description="Đoạn căn cứ mở đầu (legal bases), verbatim")
    chu_thich: list[Footnote] = Field(default_factory=list, description="Chú thích (footnotes)")
    nguoi_ky: Signer = Field(..., description="Người ký")
    noi_nhan: list[NonEmptyText] = Field(default_factory=list, description="Nơi nhận (recipients)")


# --- units and areas ---------------------------------------------------------


class Unit(Model):
    """Đơn vị: a unit that leads (chủ trì) or supports (phối hợp) tasks."""

    ma: Id = Field(..., description="Mã đơn vị: short id used in chu_tri / phoi_hop, e.g. VP")
    ten: NonEmptyText = Field(..., description="Tên chính thức (official name)")
    ten_khac: list[NonEmptyText] = Field(
        default_factory=list, description="Các tên ngắn văn bản dùng (short names in the document)"
    )
    tap_the: bool = Field(
        False, description="Nhóm đơn vị: true for a collective such as 'Các phòng chuyên môn'"
    )
    thuoc: list[Id] = Field(
        default_factory=list,
        description="Nhóm đơn vị (tap_the) mà đơn vị này thuộc, e.g. [PCM, DVTS]: the unit "
        "also owes what its groups lead or support",
    )


class Area(Model):
    """Lĩnh vực CCHC: one of the reform areas that structure every section."""

    ma: StrictInt = Field(..., ge=1, le=20, description="Số thứ tự lĩnh vực (1-7)")
    ten: NonEmptyText = Field(..., description="Tên ngắn của lĩnh vực, used in outputs")


# --- figures (numeric targets) ----------------------------------------------


class Figure(FigureMethods, Model):
    so_sanh: Comparison = Field(
        ...,
        description='Phép so sánh: ">=" tối thiểu/từ ... trở lên, "<=" tối đa, ">" hơn/trên, '
        '"<" dưới, "=" đúng bằng, "khoang" a range such as 01-02',
    )
    gia_tri: StrictFloat = Field(..., description="Giá trị (2,5% is written 2.5)")
    gia_tri_den: StrictFloat | None = Field(
        None, description="Giá trị trên của khoảng (so_sanh: khoang)"
    )
    don_vi: FigureUnit = Field(
        ..., description="Đơn vị: phan_tram (%), phut (phút), so_luong (count)"
    )
    trich: Text | None = Field(
        None, description="The words of the sentence this figure comes from, verbatim"
    )

    @model_validator(mode="after")
    def _coherent(self) -> Figure:
        if self.so_sanh == "khoang":
            if self.gia_tri_den is None:
                raise _says("range-needs-upper")
            if self.gia_tri_den < self.gia_tri:
                raise _says("range-backwards")
        elif self.gia_tri_den is not None:
            raise _says("upper-without-range")
        if self.don_vi == "phan_tram":
            for v in (self.gia_tri, self.gia_tri_den):
                if v is not None and not 0 <= v <= 100:
                    raise _says("percent-range", value=v)
        elif self.gia_tri < 0:
            raise _says("negative-value")
        return self


class Milestone(Model):
    """Mốc trung gian: a value a target must reach by a day of the year, set by the office
    (the issued plan states targets for the year only)."""

    han: Day = Field(..., description="Ngày của mốc (YYYY-MM-DD)")
    gia_tri: StrictFloat = Field(
        ..., description="Giá trị phải đạt đến ngày đó, cùng đơn vị với chỉ số (30% ghi 30)"
    )


# The standard figures of a period that a target can be computed from (`Target.tinh_tu`).
Computed = Literal["ty_le_kiem_tra", "ty_le_ho_so_truc_tuyen"]


class Target(Figure):
    """Chỉ số mục tiêu: one measurable target of a section II indicator."""

    ma: Id = Field(..., description="Mã chỉ số, e.g. CT3.2.b; progress records name it")
    ung_voi: Id | None = Field(
        None,
        description="Mã chỉ số ở mục II mà chỉ số này nhắc lại (cùng một số đo, nêu ở lĩnh vực "
        "khác, e.g. CT7.3.c nhắc lại CT3.2.c): số liệu ghi một lần, mọi báo cáo dùng một giá "
        "trị và một đánh giá",
    )
    tinh_tu: Computed | None = Field(
        None,
        description="Chỉ số tính từ số liệu của kỳ báo cáo: ty_le_kiem_tra = "
        "don_vi_duoc_kiem_tra / tong_so_don_vi; ty_le_ho_so_truc_tuyen = tiep_nhan_truc_tuyen / "
        "(tiep_nhan_truc_tuyen + tiep_nhan_truc_tiep) (kỳ tính từ đầu năm: quý I, 6 tháng, năm)",
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
    """A numeric target that an appendix objective states (often restating section II)."""

    ung_voi: Id | None = Field(
        None, description="Mã chỉ số ở mục II mà mục tiêu này nhắc lại (the target it restates)"
    )


class Indicator(Model):
    """Chỉ tiêu (mục II): one sentence of the main indicators, verbatim."""

    ma: Id = Field(..., description="Mã chỉ tiêu, e.g. CT3.2 (area 3, second sentence)")
    noi_dung: NonEmptyText = Field(..., description="Nội dung chỉ tiêu, verbatim")
    gach_dau_dong: bool = Field(True, description="Printed as a '- ' bullet in the document")
    chi_so: list[Target] = Field(default_factory=list, description="Các chỉ số đo được (targets)")


class IndicatorArea(Model):
    linh_vuc: StrictInt = Field(..., description="Số lĩnh vực (Area.ma)")
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề mục, verbatim")
    chi_tieu: list[Indicator] = Field(default_factory=list, description="Các chỉ tiêu")


# --- section III ---------------------------------------------------------------


class SolutionGroup(Model):
    so: NonEmptyText = Field(..., description='Số mục con, e.g. "7.1"')
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề mục con, verbatim")
    mo_dau: Text | None = Field(None, description="Đoạn mở đầu (paragraph before the bullets)")
    noi_dung: list[NonEmptyText] = Field(default_factory=list, description="Các gạch đầu dòng")


class SolutionArea(Model):
    linh_vuc: StrictInt = Field(..., description="Số lĩnh vực (Area.ma)")
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề mục, verbatim")
    mo_dau: Text | None = Field(None, description="Đoạn mở đầu")
    noi_dung: list[NonEmptyText] = Field(default_factory=list, description="Các giải pháp")
    muc_con: list[SolutionGroup] = Field(default_factory=list, description="Mục con (7.1, 7.2)")


class Section(Model):
    """A numbered section of plain paragraphs (I, IV, V, VI)."""

    tieu_de: NonEmptyText = Field(..., description="Tiêu đề, verbatim")
    doan: list[NonEmptyText] = Field(default_factory=list, description="Các đoạn văn, verbatim")


# --- appendix ----------------------------------------------------------------


class Row(Model):
    """The columns of an appendix row after Nhiệm vụ trọng tâm."""

    hoat_dong: list[NonEmptyText] = Field(
        default_factory=list, description="Hoạt động: one item per '- ' line of the cell"
    )
    ket_qua: Text = Field("", description="Kết quả/sản phẩm, verbatim")
    chu_tri: list[NonEmptyText] = Field(
        default_factory=list, description="Chủ trì: unit ids (don_vi.ma)"
    )
    chu_tri_goc: Text | None = Field(
        None, description="Chủ trì as the cell reads, when it is not just the units' names"
    )
    phoi_hop: list[NonEmptyText] = Field(default_factory=list, description="Phối hợp: unit ids")
    phoi_hop_goc: Text | None = Field(None, description="Phối hợp as the cell reads")
    thoi_han: NonEmptyText = Field(..., description="Thời gian hoàn thành, verbatim")
    han: Day | None = Field(
        None, description="Hạn cụ thể (YYYY-MM-DD): overrides the date read from thoi_han"
    )
    kinh_phi: Text | None = Field(None, description="Kinh phí, verbatim; empty when blank")


class Task(Row):
    """Nhiệm vụ: one task of the appendix (Phụ lục)."""

    ma: Id = Field(..., description="Mã nhiệm vụ, e.g. III.6 or I.1.a; users type it")
    nhiem_vu: NonEmptyText = Field(..., description="Nhiệm vụ trọng tâm, verbatim")
    ten_ngan: Text | None = Field(
        None,
        description="Tên ngắn của nhiệm vụ, dùng trong câu văn của báo cáo khi tên đầy đủ quá dài "
        "(do người lập báo cáo viết; để trống thì báo cáo dùng nguyên văn nhiệm vụ)",
    )
    dong_tiep: list[Row] = Field(
        default_factory=list,
        description="Dòng tiếp: further lines of the same task where the issued table splits it",
    )


class Objective(Model):
    """Mục tiêu: a numbered row of the appendix, holding one or more tasks."""

    ma: Id = Field(..., description="Mã mục tiêu, e.g. I.1 or 7.1.3")
    so: NonEmptyText = Field(..., description="Số thứ tự as printed in the TT column")
    noi_dung: NonEmptyText = Field(..., description="Mục tiêu, verbatim")
    ten_ngan: Text | None = Field(
        None,
        description="Tên ngắn của mục tiêu, dùng trong báo cáo để phân biệt hai nhiệm vụ cùng tên "
        "thuộc hai mục tiêu (do người lập báo cáo viết; để trống thì dùng nguyên văn mục tiêu)",
    )
    chi_so: list[ObjectiveFigure] = Field(
        default_factory=list, description="Chỉ số the objective states, with the target it restates"
    )
    nhiem_vu: list[Task] = Field(..., min_length=1, description="Nhiệm vụ trọng tâm")


class AppendixGroup(Model):
    so: NonEmptyText = Field(..., description='Số nhóm, e.g. "7.1"')
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề nhóm, verbatim")
    muc_tieu: list[Objective] = Field(default_factory=list, description="Các mục tiêu")


class AppendixPart(AppendixPartMethods, Model):
    so: NonEmptyText = Field(..., description='Số La Mã của phần, e.g. "III"')
    linh_vuc: StrictInt = Field(..., description="Số lĩnh vực (Area.ma)")
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề phần, verbatim (upper case)")
    muc_tieu: list[Objective] = Field(default_factory=list, description="Các mục tiêu")
    nhom: list[AppendixGroup] = Field(default_factory=list, description="Nhóm (7.1, 7.2)")


class Appendix(Model):
    tieu_de: NonEmptyText = Field(..., description="Tiêu đề phụ lục, verbatim")
    ghi_chu: Text = Field("", description="Dòng (Kèm theo ...), verbatim")
    phan: list[AppendixPart] = Field(..., min_length=1, description="Các phần theo lĩnh vực")


# --- amendments and settings ------------------------------------------------


class Amendment(Model):
    """Điều chỉnh kế hoạch: a decision that changed targets or deadlines."""

    so: NonEmptyText = Field(..., description="Số, ký hiệu văn bản điều chỉnh")
    ngay: Day = Field(..., description="Ngày ban hành (YYYY-MM-DD)")
    ly_do: NonEmptyText = Field(..., description="Lý do điều chỉnh")
    ma: list[Id] = Field(..., min_length=1, description="Mã nhiệm vụ, chỉ số bị điều chỉnh")


class Settings(Model):
    """Cài đặt: settings for status and reports."""

    kinh_gui: list[NonEmptyText] = Field(
        default_factory=lambda: ["Sở Nội vụ tỉnh Hà Tĩnh"],
        description="Kính gửi (report addressees)",
    )
    ngay_lam_viec_nop: StrictInt = Field(
        2, ge=0, le=30, description="Số ngày làm việc sau ngày chốt số liệu để nộp báo cáo"
    )
    canh_bao_truoc: StrictInt = Field(14, ge=0, le=365, description="Số ngày báo trước khi đến hạn")
    ngay_nghi_them: list[Day] = Field(default_factory=list, description="Ngày nghỉ thêm")
    ngay_lam_bu: list[Day] = Field(default_factory=list, description="Thứ Bảy/Chủ nhật làm bù")
    don_vi_luu: Text = Field("VP", description='Đơn vị soạn thảo in "Lưu: VT, ..."')
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


# --- the plan ------------------------------------------------------------------


class Plan(PlanMethods, Model):
    """Kế hoạch CCHC năm: the whole issued plan and its appendix."""

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
    """Tiến độ nhiệm vụ: what was done on a task, and when."""

    ma: Id = Field(..., description="Mã nhiệm vụ (as cchc status shows it)")
    ngay: Day = Field(..., description="Ngày ghi nhận (YYYY-MM-DD)")
    trang_thai: TaskState = Field(
        ...,
        description="hoan_thanh (done), dang_thuc_hien (in progress), "
        "chua_thuc_hien (not started), khong_thuc_hien (dropped: give ly_do)",
    )
    minh_chung: Text | None = Field(None, description='Minh chứng, e.g. "Kế hoạch số 15/KH-SCT"')
    ghi_chu: Text | None = Field(None, description="Ghi chú")
    ly_do: Text | None = Field(None, description="Lý do không thực hiện")
    ghi_muon: Text | None = Field(
        None,
        description="Lý do ghi nhận với ngày ngoài năm kế hoạch (bản ghi làm sau khi hết năm)",
    )

    @model_validator(mode="after")
    def _reason(self) -> TaskRecord:
        if self.trang_thai == "khong_thuc_hien" and not (self.ly_do or "").strip():
            raise _says("dropped-needs-reason")
        return self


def _positive(v: float | None) -> float | None:
    if v is not None and v < 0:
        raise _says("must-not-be-negative")
    return v


class TargetRecord(TargetRecordMethods, Model):
    """Số liệu chỉ số: a measured value of a target on a date."""

    ma: Id = Field(..., description="Mã chỉ số, e.g. CT3.1.a")
    ngay: Day = Field(..., description="Ngày số liệu (YYYY-MM-DD)")
    gia_tri: Annotated[StrictFloat | None, AfterValidator(_positive)] = Field(
        None, description="Giá trị đo được (percent as 72.5)"
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
            raise _says("value-missing")
        if self.gia_tri is not None and has_ratio:
            raise _says("value-twice")
        if has_ratio and (self.tu_so is None or self.mau_so is None):
            raise _says("ratio-half")
        return self


class Request(Model):
    """Văn bản yêu cầu báo cáo: the document a report answers (a Sở Nội vụ request)."""

    so: NonEmptyText = Field(..., description="Số, ký hiệu, e.g. 1234/SNV-CCHC")
    ngay: Day = Field(..., description="Ngày ban hành (YYYY-MM-DD)")
    co_quan: Text = Field("Sở Nội vụ", description="Cơ quan ban hành")
    trich_yeu: Text | None = Field(None, description="Trích yếu, e.g. về việc báo cáo CCHC quý I")


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
            raise _says("tthc-sum", received=received, resolved=resolved, pending=pending,
                        returned=returned, total=out)  # fmt: skip
    return returned


class TthcStats(TthcStatsMethods, Model):
    """Thống kê giải quyết TTHC trong kỳ: the case figures every CCHC report gives.

    Received (online, in person or by post, carried over) equals resolved (before, on
    and after the deadline) plus being resolved (within and past it) plus returned or
    withdrawn; checked whenever every figure of that sum is given."""

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

    @field_validator("tra_lai_rut")
    @classmethod
    def _adds_up(cls, returned: int | None, info: ValidationInfo) -> int | None:
        return _cases_add_up(returned, info.data)

    @field_validator("thu_xin_loi")
    @classmethod
    def _apologies(cls, letters: int | None, info: ValidationInfo) -> int | None:
        late = info.data.get("giai_quyet_qua_han")
        pending_late = info.data.get("dang_giai_quyet_qua_han") or 0
        if late is not None and letters is not None and letters > late + pending_late:
            raise _says("tthc-apologies", letters=letters, late=late)
        return letters

    @field_validator("thanh_toan_truc_tuyen")
    @classmethod
    def _payments(cls, paid: int | None, info: ValidationInfo) -> int | None:
        online = info.data.get("tiep_nhan_truc_tuyen")
        if online is not None and paid is not None and paid > online:
            raise _says("tthc-payments", paid=paid, online=online)
        return paid


class TthcArea(TthcStatsMethods, Model):
    """Kết quả giải quyết TTHC của một lĩnh vực trong kỳ (the case figures, per lĩnh vực):
    each row adds up as the period's totals do, and the rows add up to those totals."""

    linh_vuc: NonEmptyText = Field(..., description="Tên lĩnh vực TTHC, e.g. Điện, Hóa chất")
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

    @field_validator("tra_lai_rut")
    @classmethod
    def _adds_up(cls, returned: int | None, info: ValidationInfo) -> int | None:
        return _cases_add_up(returned, info.data)


# The five groups of Quyết định số 766/QĐ-TTg ngày 23/6/2022 (Bộ chỉ số chỉ đạo, điều hành và
# đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện TTHC, dịch vụ công theo
# thời gian thực trên môi trường điện tử) and their maximum points, 100 in all.
def _points(key: str) -> Any:
    name, most = SERVICE_INDEX[key]
    return Field(None, ge=0, le=most, description=f"{name} (tối đa {most} điểm)")


class ServiceIndex(ServiceIndexMethods, Model):
    """Điểm của cơ quan theo Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định số
    766/QĐ-TTg): five groups, at most 100 points; the total is their sum."""

    cong_khai_minh_bach: StrictFloat | None = _points("cong_khai_minh_bach")
    tien_do_ket_qua: StrictFloat | None = _points("tien_do_ket_qua")
    so_hoa_ho_so: StrictFloat | None = _points("so_hoa_ho_so")
    dich_vu_truc_tuyen: StrictFloat | None = _points("dich_vu_truc_tuyen")
    muc_do_hai_long: StrictFloat | None = _points("muc_do_hai_long")
    nguon: Text | None = Field(
        None, description="Nguồn, ngày lấy điểm, e.g. Cổng Dịch vụ công quốc gia ngày 10/12/2023"
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
    """Số liệu của các lĩnh vực trong kỳ: the standard figures a CCHC report gives in
    section I and in the areas of section II (thể chế, TTHC, tổ chức bộ máy, công vụ,
    chính quyền số). A part is checked against its whole whenever both are given."""

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
            raise _says(
                "figure-over", part=info.field_name, value=value, whole=whole, total=total,
                what=AREA_FIGURES[info.field_name or ""][1], of=AREA_FIGURES[whole][1],
            )  # fmt: skip
        return value


class Narrative(Model):
    """Phần viết của báo cáo kỳ: the words a report needs for one reporting period, and
    the report's own settings (number, date, signer, addressees), which override the
    plan's `cai_dat`."""

    ky: StrictInt = Field(
        ..., ge=1, le=4, description="Kỳ báo cáo: 1 Quý I, 2 6 tháng, 3 Quý III, 4 Năm"
    )
    chi_dao_dieu_hanh: Text | None = Field(None, description="Công tác chỉ đạo, điều hành")
    ket_qua_noi_bat: Text | None = Field(None, description="Kết quả nổi bật")
    ton_tai_han_che: Text | None = Field(None, description="Tồn tại, hạn chế")
    nguyen_nhan: Text | None = Field(None, description="Nguyên nhân")
    phuong_huong: Text | None = Field(None, description="Phương hướng kỳ tới")
    kien_nghi: Text | None = Field(None, description="Đề xuất, kiến nghị")
    so: Text | None = Field(None, description="Số báo cáo, e.g. 05 (or 05/BC-SCT)")
    ngay_ky: Day | None = Field(None, description="Ngày ký báo cáo (YYYY-MM-DD)")
    nguoi_ky: Signer | None = Field(
        None, description="Người ký báo cáo (quyền hạn KT./TL./Q., chức vụ, họ tên)"
    )
    kinh_gui: list[NonEmptyText] | None = Field(None, description="Kính gửi")
    noi_nhan: list[NonEmptyText] | None = Field(None, description="Nơi nhận")
    tra_loi: Request | None = Field(None, description="Văn bản yêu cầu báo cáo mà báo cáo trả lời")
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
    """Số, ngày ban hành của Kế hoạch: what the issued plan carries once it is numbered."""

    so: NonEmptyText = Field(..., description="Số, ký hiệu, e.g. 15/KH-SCT")
    ngay: Day = Field(..., description="Ngày ban hành (YYYY-MM-DD)")


class Progress(ProgressMethods, Model):
    """Tiến độ thực hiện kế hoạch: records kept beside the plan."""

    nam: StrictInt | None = Field(None, ge=1900, le=2100, description="Năm kế hoạch")
    ke_hoach: PlanIssue | None = Field(
        None,
        description="Số, ngày ban hành của Kế hoạch khi tệp kế hoạch chưa ghi (văn bản để trống "
        "số, ngày): phần mở đầu của báo cáo dẫn Kế hoạch theo số, ngày này",
    )
    nhiem_vu: list[TaskRecord] = Field(default_factory=list, description="Tiến độ nhiệm vụ")
    chi_so: list[TargetRecord] = Field(default_factory=list, description="Số liệu chỉ số")
    bao_cao: list[Narrative] = Field(default_factory=list, description="Phần viết báo cáo kỳ")
