"""The one form in which cchc reads a checked plan or progress file: plain objects.

The models (`plan.model`) are Pydantic classes: they check a file, and say what a file
must be (`cchc schema`). What the rest of cchc reads is a plain twin of each model: the
same fields in the same order and the same methods (`Plan.tasks()`,
`Progress.narrative()`, …), without Pydantic (`PLAIN`). A file checked now is turned into
its twin (`as_plain`), and the cache gives the twin back, so that a plan read either way
is alike in every way and a warm `cchc status` never imports Pydantic's model
machinery. The methods live here, in mixin classes that the models inherit too; the
constants that views need live here for the same reason.

Pure: no I/O, no Pydantic.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any


def nfc_key(text: str) -> str:
    """The form in which two Vietnamese strings are compared: NFC, case-folded, spaces folded."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


COMPARISON_CODES: dict[str, str] = {
    ">=": "at_least",
    "<=": "at_most",
    ">": "more_than",
    "<": "less_than",
    "=": "exactly",
    "khoang": "range",
}
# How a value of each unit is written after the number, in the plan's own notation.
UNIT_SUFFIX: dict[str, str] = {"phan_tram": "%", "phut": " phút", "so_luong": ""}
UNIT_CODES: dict[str, str] = {"phan_tram": "percent", "phut": "minutes", "so_luong": "count"}

# The TTHC case figures of a period, in the order a report's table gives them.
TTHC_FIELDS: dict[str, str] = {
    "tiep_nhan_truc_tuyen": "Số hồ sơ tiếp nhận trực tuyến",
    "tiep_nhan_truc_tiep": "Số hồ sơ tiếp nhận trực tiếp hoặc qua dịch vụ bưu chính",
    "tiep_nhan_ky_truoc": "Số hồ sơ từ kỳ trước chuyển qua",
    "giai_quyet_truoc_han": "Số hồ sơ đã giải quyết trước hạn",
    "giai_quyet_dung_han": "Số hồ sơ đã giải quyết đúng hạn",
    "giai_quyet_qua_han": "Số hồ sơ đã giải quyết quá hạn",
    "dang_giai_quyet_trong_han": "Số hồ sơ đang giải quyết trong hạn",
    "dang_giai_quyet_qua_han": "Số hồ sơ đang giải quyết quá hạn",
    "tra_lai_rut": "Số hồ sơ trả lại hoặc rút",
    "thu_xin_loi": "Số thư xin lỗi vì giải quyết quá hạn",
    "thu_tuc_tong": "Số TTHC thuộc thẩm quyền giải quyết của cơ quan",
    "thu_tuc_cong_bo": "Số TTHC được công bố mới trong kỳ",
    "thu_tuc_sua_doi": "Số TTHC được sửa đổi, bổ sung trong kỳ",
    "thu_tuc_bai_bo": "Số TTHC bị bãi bỏ trong kỳ",
    "dvc_toan_trinh": "Số dịch vụ công trực tuyến toàn trình",
    "dvc_mot_phan": "Số dịch vụ công trực tuyến một phần",
    "thanh_toan_truc_tuyen": "Số hồ sơ thanh toán trực tuyến",
}

# The standard figures of a period beside the TTHC cases, by the area of the report
# whose section gives them: key -> (area kind, what it counts). The area kinds are
# those of `plan.period.area_kind`: chi_dao (section I), the_che, tthc, bo_may, cong_vu, so.
AREA_FIGURES: dict[str, tuple[str, str]] = {
    "van_ban_chi_dao": ("chi_dao", "Số kế hoạch, văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ"),
    "cuoc_kiem_tra": ("chi_dao", "Số cuộc kiểm tra công tác CCHC"),
    "tong_so_don_vi": ("chi_dao", "Tổng số phòng, đơn vị thuộc cơ quan"),
    "don_vi_duoc_kiem_tra": ("chi_dao", "Số phòng, đơn vị được kiểm tra CCHC"),
    "ton_tai_qua_kiem_tra": ("chi_dao", "Số tồn tại, hạn chế phát hiện qua kiểm tra CCHC"),
    "ton_tai_da_khac_phuc": (
        "chi_dao", "Số tồn tại, hạn chế phát hiện qua kiểm tra đã được khắc phục"
    ),
    "tin_bai_tuyen_truyen": ("chi_dao", "Số tin, bài, hoạt động tuyên truyền CCHC"),
    "sang_kien": ("chi_dao", "Số sáng kiến, giải pháp CCHC được công nhận"),
    "vb_qppl_tham_muu": ("the_che", "Số văn bản QPPL tham mưu xây dựng, ban hành"),
    "vb_qppl_ra_soat": ("the_che", "Số văn bản QPPL được rà soát"),
    "vb_qppl_kien_nghi": (
        "the_che", "Số văn bản QPPL kiến nghị sửa đổi, bổ sung, thay thế hoặc bãi bỏ"
    ),
    "luot_dao_tao": ("cong_vu", "Số lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng"),
    "van_ban_di": ("so", "Tổng số văn bản đi"),
    "van_ban_di_dien_tu": ("so", "Số văn bản đi gửi dưới dạng điện tử"),
    "van_ban_ky_so": ("so", "Số văn bản đi được ký số"),
    "van_ban_den_dien_tu": ("so", "Số văn bản đến nhận dưới dạng điện tử"),
    "thu_tuc_cong_khai": (
        "tthc", "Số TTHC được công khai đầy đủ, đúng quy định trên Cổng Dịch vụ công và tại "
        "Bộ phận Một cửa"
    ),
    "pakn_tiep_nhan": (
        "tthc", "Số phản ánh, kiến nghị về quy định hành chính, TTHC tiếp nhận trong kỳ"
    ),
    "pakn_da_xu_ly": ("tthc", "Số phản ánh, kiến nghị về quy định hành chính, TTHC đã xử lý"),
    "so_phong": ("bo_may", "Số phòng chuyên môn, nghiệp vụ và tương đương thuộc cơ quan"),
    "so_don_vi_su_nghiep": ("bo_may", "Số đơn vị sự nghiệp công lập trực thuộc"),
    "bien_che_giao": ("bo_may", "Số biên chế công chức được giao"),
    "cong_chuc_co_mat": ("bo_may", "Số công chức có mặt"),
    "nguoi_lam_viec_giao": (
        "bo_may", "Số lượng người làm việc được giao trong đơn vị sự nghiệp công lập"
    ),
    "vien_chuc_co_mat": ("bo_may", "Số viên chức, người làm việc có mặt trong đơn vị sự nghiệp"),
}  # fmt: skip

# Quyết định số 766/QĐ-TTg ngày 23/6/2022: the five groups of the service index and the
# most points of each (100 in all). key -> (group, most points).
SERVICE_INDEX: dict[str, tuple[str, int]] = {
    "cong_khai_minh_bach": ("Công khai, minh bạch", 18),
    "tien_do_ket_qua": ("Tiến độ, kết quả giải quyết", 20),
    "so_hoa_ho_so": ("Số hóa hồ sơ", 22),
    "dich_vu_truc_tuyen": ("Cung cấp dịch vụ trực tuyến", 22),
    "muc_do_hai_long": ("Mức độ hài lòng", 18),
}


def total(*parts: int | None) -> int | None:
    """The sum of figures, or None when one of them is not given."""
    return None if None in parts else sum(parts)  # type: ignore[arg-type]


# --- the methods, shared by each model and its plain twin ----------------------------
# No annotations at class level here: Pydantic would take them for fields.


class FigureMethods:
    def notation(self: Any) -> str:
        """The figure in the plan's notation: "≥ 90%", "≤ 25 phút", "1–2" (decimal point)."""
        unit = UNIT_SUFFIX[self.don_vi]
        if self.so_sanh == "khoang":
            return f"{self.gia_tri:g}–{self.gia_tri_den:g}{unit}"
        sign = {">=": "≥ ", "<=": "≤ ", ">": "> ", "<": "< ", "=": "", "khoang": ""}[self.so_sanh]
        if self.so_sanh == ">=" and self.don_vi == "phan_tram" and self.gia_tri == 100:
            sign = ""  # "≥ 100%" reads oddly: 100% is the whole
        return f"{sign}{self.gia_tri:g}{unit}"


class AppendixPartMethods:
    @property
    def objectives(self: Any) -> list[Any]:
        return [*self.muc_tieu, *(o for g in self.nhom for o in g.muc_tieu)]


class PlanMethods:
    # Convenience views (derived, never stored).

    def tasks(self: Any) -> list[tuple[Any, Any, Any]]:
        return [(p, o, t) for p in self.phu_luc.phan for o in p.objectives for t in o.nhiem_vu]

    def targets(self: Any) -> list[tuple[Any, Any, Any]]:
        return [(a, i, t) for a in self.chi_tieu for i in a.chi_tieu for t in i.chi_so]

    def area_name(self: Any, ma: int) -> str:
        return next((a.ten for a in self.linh_vuc if a.ma == ma), str(ma))

    def unit(self: Any, ma: str) -> Any:
        return next((u for u in self.don_vi if u.ma == ma), None)


class TargetRecordMethods:
    def value(self: Any, unit: str) -> float:
        if self.gia_tri is not None:
            return float(self.gia_tri)
        assert self.tu_so is not None and self.mau_so is not None
        ratio = self.tu_so / self.mau_so
        return ratio * 100 if unit == "phan_tram" else ratio


class TthcStatsMethods:
    @property
    def received(self: Any) -> int | None:
        return total(self.tiep_nhan_truc_tuyen, self.tiep_nhan_truc_tiep, self.tiep_nhan_ky_truoc)

    @property
    def resolved(self: Any) -> int | None:
        return total(self.giai_quyet_truoc_han, self.giai_quyet_dung_han, self.giai_quyet_qua_han)

    @property
    def pending(self: Any) -> int | None:
        return total(self.dang_giai_quyet_trong_han, self.dang_giai_quyet_qua_han)


class ServiceIndexMethods:
    @property
    def total(self: Any) -> float | None:
        """The index's points, when every group is given."""
        parts = [getattr(self, k) for k in SERVICE_INDEX]
        return None if None in parts else float(sum(parts))


# The prose of a period's report that the office writes (`bao_cao`; its figures and
# settings are not prose), in the order the report gives it: section I (its opening,
# inspections, the indices' follow-up), III (strengths, shortcomings, their causes), IV, V.
PROSE_KEYS = (
    "chi_dao_dieu_hanh", "ket_qua_kiem_tra", "khac_phuc_chi_so", "ket_qua_noi_bat",
    "ton_tai_han_che", "nguyen_nhan", "phuong_huong", "kien_nghi",
)  # fmt: skip


class ProgressMethods:
    def narrative(self: Any, ky: int) -> Any:
        """The words and settings of report `ky` (the last entry, should there be two)."""
        return next((n for n in reversed(self.bao_cao) if n.ky == ky), None)

    def has_prose(self: Any, ky: int) -> bool:
        """Whether the office has written any of report `ky`'s prose (PROSE_KEYS)."""
        story = self.narrative(ky)
        return story is not None and any(
            (getattr(story, key, None) or "").strip() for key in PROSE_KEYS
        )


# --- plain twins ---------------------------------------------------------------------


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def _dumped(value: Any, json: bool, exclude_none: bool) -> Any:
    if isinstance(value, Plain):
        return value.model_dump(mode="json" if json else "python", exclude_none=exclude_none)
    if isinstance(value, list):
        return [_dumped(v, json, exclude_none) for v in value]
    if isinstance(value, dict):
        return {k: _dumped(v, json, exclude_none) for k, v in value.items()}
    if json and isinstance(value, date):
        return value.isoformat()
    return value


class Plain:
    """A checked model's fields as plain attributes, in the model's order: what the cache
    gives back. Equal to another of its kind with equal fields, like a frozen model, and
    dumped the way Pydantic dumps the model."""

    def __init__(self, fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)

    def __eq__(self, other: object) -> bool:
        if not hasattr(other, "__dict__") or type(other).__name__ != type(self).__name__:
            return NotImplemented
        return {k: getattr(other, k, None) for k in self.__dict__} == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self).__name__, _freeze(self.__dict__)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({shown})"

    def model_dump(self, mode: str = "python", exclude_none: bool = False) -> dict[str, Any]:
        json = mode == "json"
        return {
            k: _dumped(v, json, exclude_none)
            for k, v in self.__dict__.items()
            if not (exclude_none and v is None)
        }


# Every model of `plan.model`, with the methods it has beyond its fields (a test checks
# that this list and the models agree).
_MODELS: dict[str, tuple[type, ...]] = {
    "IssueDate": (), "Signer": (), "Footnote": (), "Document": (), "Unit": (), "Area": (),
    "Figure": (FigureMethods,), "Target": (FigureMethods,),
    "ObjectiveFigure": (FigureMethods,), "Indicator": (), "IndicatorArea": (),
    "SolutionGroup": (), "SolutionArea": (), "Section": (), "Row": (), "Task": (),
    "Objective": (), "AppendixGroup": (), "AppendixPart": (AppendixPartMethods,),
    "Appendix": (), "Amendment": (), "ScoreSettings": (), "Settings": (), "Plan": (PlanMethods,),
    "TaskRecord": (), "TargetRecord": (TargetRecordMethods,), "Request": (),
    "TthcStats": (TthcStatsMethods,), "AreaFigures": (), "Narrative": (),
    "Evidence": (), "Appraisal": (), "SelfScore": (), "Progress": (ProgressMethods,),
    "Milestone": (), "TthcCases": (TthcStatsMethods,), "TthcAreaName": (),
    "TthcArea": (TthcStatsMethods,), "ServiceIndex": (ServiceIndexMethods,),
    "PlanIssue": (),
}  # fmt: skip

PLAIN: dict[str, type[Plain]] = {
    name: type(name, (*methods, Plain), {"__module__": __name__})
    for name, methods in _MODELS.items()
}


def as_plain(value: Any, *, consume: bool = False) -> Any:
    """A checked model as its plain twin, the one form that the rest of cchc reads: the
    same fields and methods, lists as lists (as the cache gives them back), no Pydantic.
    A plan read from the file and one read from the cache are then alike in every way.
    With `consume`, the model is emptied as it is copied (it is thrown away after), so
    that a large plan is not held twice at once."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        items = [as_plain(v, consume=consume) for v in value]
        if consume and kind is list:
            value.clear()
        return items
    if kind is dict:
        return {k: as_plain(v, consume=consume) for k, v in value.items()}
    made = _TWINS.get(kind)
    if made is None:
        fields = getattr(kind, "model_fields", None)
        if fields is None:
            return value
        made = _TWINS[kind] = (PLAIN[kind.__name__], tuple(fields))
    twin, names = made
    fields = value.__dict__
    out = twin({name: as_plain(fields[name], consume=consume) for name in names})
    if consume:
        fields.clear()
    return out


_SCALARS = frozenset({str, int, float, bool, type(None), date})
_TWINS: dict[type, tuple[type[Plain], tuple[str, ...]]] = {}


def empty_progress() -> Any:
    """A progress file with no records yet."""
    return PLAIN["Progress"](
        {"nam": None, "ke_hoach": None, "nhiem_vu": [], "chi_so": [], "bao_cao": [], "tu_cham": []}
    )
