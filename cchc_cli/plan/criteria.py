"""A scoring set of the PAR index (Bộ tiêu chí xác định Chỉ số CCHC) as data, and the
rules of automatic scoring it may name.

A province issues its set by a decision and changes it from year to year, so a set is a
YAML file (`tieu-chi/<tỉnh>/<cấp>-<năm>.yaml`), validated by the models below and by
`CRITERIA_CHECKS`: the points add up (each criterion to its components, each area to its
criteria, the areas to the stated total), codes are unique, a scoring rule's points stay
within the criterion's maximum, and an automatic rule (`tu_dong`) is one cchc knows and
fits the way the criterion is scored. Which criterion a rule scores is said by the set,
never guessed from its wording.

No I/O, no words: problems are `Finding`s located by their path in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StrictFloat, StrictInt, model_validator

from cchc_cli.errors import Finding, Loc
from cchc_cli.plan.lookup import closest
from cchc_cli.plan.model import Day, Id, Model, NonEmptyText, Text, rule_broken

Level = Literal["so", "huyen", "xa", "khac"]
Kind = Literal["co_khong", "truong_hop", "muc", "ty_le", "dieu_tra", "tu_cham"]
EPSILON = 1e-6


def _not_negative(v: float | None) -> float | None:
    if v is not None and v < 0:
        raise rule_broken("must-not-be-negative")
    return v


Points = Annotated[StrictFloat, AfterValidator(_not_negative)]
Percent = Annotated[StrictFloat, Field(ge=0, le=100)]


# --- the rules of automatic scoring ----------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A rule cchc computes from the plan's own records. `value`: it gives a percentage
    (for `muc`, `ty_le`, and `co_khong` with a threshold); `cases`: the outcomes it names
    (for `truong_hop`); `yes`: the outcome that counts as "yes" for `co_khong` (None: the
    percentage reaches the threshold)."""

    key: str
    value: bool
    cases: tuple[str, ...] = ()
    yes: str | None = None


RULES: dict[str, Rule] = {
    r.key: r
    for r in (
        # the plan issued by its deadline: the task that issues it (cai_dat.cham_diem)
        Rule("ke_hoach_ban_hanh_dung_han", False, ("dung_han", "tre_han", "chua_ban_hanh"),
             "dung_han"),
        # the plan's dated tasks done (Summary.done / dated), and done on time
        Rule("ty_le_hoan_thanh_ke_hoach", True),
        Rule("ty_le_hoan_thanh_dung_han", True),
        # the periodic reports due, sent by their due dates (the register under bao_cao)
        Rule("bao_cao_dung_han", True, ("du_dung_han", "gui_tre", "thieu"), "du_dung_han"),
        # the year report's figures (bao_cao ky 4)
        Rule("ty_le_don_vi_kiem_tra", True),
        Rule("tthc_dung_han", True),
        Rule("tthc_truc_tuyen", True),
        # a plan target's latest value (cai_dat.cham_diem.chi_so_so_hoa)
        Rule("so_hoa_ho_so", True),
    )
}  # fmt: skip


# --- the set -------------------------------------------------------------------------


class Band(Model):
    """Một mức: số điểm khi tỷ lệ của quy tắc trên (`tren`) hoặc từ (`tu`) một giá trị trở
    lên; mức không có cả hai là các trường hợp còn lại."""

    tren: Percent | None = Field(None, description="Trên giá trị này (lớn hơn hẳn), tính bằng %")
    tu: Percent | None = Field(None, description="Từ giá trị này trở lên, tính bằng %")
    diem: Points = Field(..., description="Điểm của mức")

    @model_validator(mode="after")
    def _one_bound(self) -> Band:
        if self.tren is not None and self.tu is not None:
            raise rule_broken("band-two-bounds")
        return self


class Scoring(Model):
    """Cách chấm: co_khong (đạt: tối đa, không đạt: 0), truong_hop (điểm theo từng trường
    hợp), muc (theo mức tỷ lệ), ty_le (tỷ lệ × điểm tối đa), dieu_tra (điểm điều tra xã
    hội học, do cơ quan thẩm định chấm), tu_cham (cán bộ tự chấm từ 0 đến tối đa)."""

    kieu: Kind = Field(
        ...,
        description="co_khong, truong_hop, muc, ty_le, dieu_tra (điều tra xã hội học) hoặc "
        "tu_cham (tự chấm)",
    )
    nguong: Percent | None = Field(
        None, description="co_khong với quy tắc tính tỷ lệ: đạt khi tỷ lệ từ ngưỡng này (%) trở lên"
    )
    truong_hop: dict[str, Points] = Field(
        default_factory=dict, description="truong_hop: mỗi trường hợp và điểm của nó"
    )
    muc: list[Band] = Field(
        default_factory=list, description="muc: các mức, xét lần lượt từ trên xuống"
    )

    @model_validator(mode="after")
    def _parts(self) -> Scoring:
        if self.kieu == "truong_hop" and not self.truong_hop:
            raise rule_broken("scoring-needs", kind="truong_hop", part="truong_hop")
        if self.kieu == "muc" and not self.muc:
            raise rule_broken("scoring-needs", kind="muc", part="muc")
        return self


class Criterion(Model):
    """Tiêu chí hoặc tiêu chí thành phần: tiêu chí không có thành phần được chấm theo
    `cach_cham`; tiêu chí có thành phần (`thanh_phan`) bằng tổng điểm các thành phần."""

    ma: Id = Field(..., description='Mã tiêu chí như văn bản đánh số, ví dụ "1.1" hoặc "1.1.2"')
    ten: NonEmptyText = Field(..., description="Tên (nội dung) tiêu chí")
    diem_toi_da: Points = Field(..., description="Điểm tối đa")
    cach_cham: Scoring | None = Field(None, description="Cách chấm (tiêu chí không có thành phần)")
    cach_cham_goc: list[NonEmptyText] = Field(
        default_factory=list,
        description="Cách chấm như văn bản ghi, từng dòng (khi nhập từ phụ lục của quyết định)",
    )
    tu_dong: Id | None = Field(
        None,
        description="Quy tắc chấm tự động cchc tính từ các bản ghi của kế hoạch, ví dụ "
        "ke_hoach_ban_hanh_dung_han (xem README)",
    )
    minh_chung: Text | None = Field(None, description="Tài liệu kiểm chứng cần có")
    thanh_phan: list[Criterion] = Field(default_factory=list, description="Các tiêu chí thành phần")


class CriteriaArea(Model):
    """Lĩnh vực đánh giá."""

    ma: Id = Field(..., description='Mã lĩnh vực như văn bản đánh số, ví dụ "1"')
    ten: NonEmptyText = Field(..., description="Tên lĩnh vực")
    diem_toi_da: Points = Field(..., description="Điểm tối đa của lĩnh vực")
    tieu_chi: list[Criterion] = Field(..., min_length=1, description="Các tiêu chí")


class Decision(Model):
    """Văn bản ban hành bộ tiêu chí."""

    so: NonEmptyText = Field(..., description="Số, ký hiệu, ví dụ 52/2019/QĐ-UBND")
    ngay: Day | None = Field(None, description="Ngày ban hành (YYYY-MM-DD)")
    nam: StrictInt | None = Field(
        None, ge=1900, le=2100, description="Năm ban hành, khi chưa biết ngày"
    )
    co_quan: NonEmptyText = Field(..., description="Cơ quan ban hành, ví dụ UBND tỉnh Hà Tĩnh")
    trich_yeu: Text | None = Field(None, description="Trích yếu")
    dia_chi: Text | None = Field(None, description="Nơi đã đọc văn bản (địa chỉ web hoặc tên tệp)")

    @model_validator(mode="after")
    def _dated(self) -> Decision:
        if self.ngay is None and self.nam is None:
            raise rule_broken("decision-undated")
        return self


class CriteriaSet(Model):
    """Bộ tiêu chí chấm điểm Chỉ số CCHC của một cấp (sở, huyện, xã) trong một tỉnh."""

    ten: NonEmptyText = Field(..., description="Tên bộ tiêu chí")
    cap: Level = Field(..., description="Cấp áp dụng: so, huyen, xa hoặc khac")
    nam: StrictInt | None = Field(
        None, ge=1900, le=2100, description="Năm đánh giá áp dụng (bỏ trống: mọi năm)"
    )
    quyet_dinh: Decision = Field(..., description="Văn bản ban hành bộ tiêu chí")
    loi_van: Literal["tu_soan", "chinh_thuc"] = Field(
        ...,
        description="chinh_thuc: lời văn nhập từ phụ lục của văn bản; tu_soan: lời văn tự soạn "
        "từ các sự kiện của văn bản, phải nhập lời văn chính thức trước khi dùng",
    )
    ghi_chu: Text | None = Field(None, description="Ghi chú về nguồn và phạm vi của bộ tiêu chí")
    tong_diem: Points = Field(..., description="Tổng điểm tối đa (gồm cả điểm điều tra xã hội học)")
    diem_dieu_tra: Points | None = Field(
        None, description="Trong tổng điểm, phần chấm qua điều tra xã hội học"
    )
    linh_vuc: list[CriteriaArea] = Field(..., min_length=1, description="Các lĩnh vực")


# --- walking a set ---------------------------------------------------------------------


def criteria_with_loc(
    crit: list[Criterion], loc: Loc, area: str
) -> Iterator[tuple[Loc, str, Criterion]]:
    for i, c in enumerate(crit):
        here = (*loc, i)
        yield here, area, c
        yield from criteria_with_loc(c.thanh_phan, (*here, "thanh_phan"), area)


def all_criteria(cset: CriteriaSet) -> Iterator[tuple[Loc, str, Criterion]]:
    """Every criterion and component, depth first, with its path and its area's code."""
    for ai, area in enumerate(cset.linh_vuc):
        yield from criteria_with_loc(area.tieu_chi, ("linh_vuc", ai, "tieu_chi"), area.ma)


def leaves(cset: CriteriaSet) -> Iterator[tuple[Loc, str, Criterion]]:
    """The criteria that are scored (those without components)."""
    return ((loc, a, c) for loc, a, c in all_criteria(cset) if not c.thanh_phan)


def _differs(a: float, b: float) -> bool:
    return abs(a - b) > EPSILON


# --- checks -------------------------------------------------------------------------------


def unique_codes(cset: CriteriaSet) -> list[Finding]:
    seen: set[str] = set()
    found = []
    for ai, area in enumerate(cset.linh_vuc):
        if area.ma in seen:
            found.append(Finding(("linh_vuc", ai, "ma"), "error", "duplicate-id",
                                 "duplicate-criterion", {"id": area.ma}))  # fmt: skip
        seen.add(area.ma)
    for loc, _area, c in all_criteria(cset):
        if c.ma in seen:
            found.append(
                Finding((*loc, "ma"), "error", "duplicate-id", "duplicate-criterion", {"id": c.ma})
            )
        seen.add(c.ma)
    return found


def points_add_up(cset: CriteriaSet) -> list[Finding]:
    """Components to their criterion, criteria to their area, areas to the stated total."""
    found = []

    def add(loc: Loc, code: str, stated: float, parts: float, what: str) -> None:
        if _differs(stated, parts):
            at, say = (
                ((*loc, "diem_toi_da"), "points-sum") if loc else (("tong_diem",), "total-sum")
            )
            found.append(Finding(at, "error", "points-sum", say,
                                 {"id": code, "stated": stated, "parts": round(parts, 6),
                                  "level": what}))  # fmt: skip

    for loc, _area, c in all_criteria(cset):
        if c.thanh_phan:
            add(loc, c.ma, c.diem_toi_da, sum(p.diem_toi_da for p in c.thanh_phan), "components")
    for ai, area in enumerate(cset.linh_vuc):
        add(("linh_vuc", ai), area.ma, area.diem_toi_da,
            sum(c.diem_toi_da for c in area.tieu_chi), "criteria")  # fmt: skip
    add((), "", cset.tong_diem, sum(a.diem_toi_da for a in cset.linh_vuc), "areas")
    if cset.diem_dieu_tra is not None:
        survey = sum(
            c.diem_toi_da
            for _l, _a, c in leaves(cset)
            if c.cach_cham and c.cach_cham.kieu == "dieu_tra"
        )
        if _differs(cset.diem_dieu_tra, survey):
            found.append(Finding(("diem_dieu_tra",), "error", "points-sum", "survey-sum",
                                 {"stated": cset.diem_dieu_tra, "parts": round(survey, 6)}))  # fmt: skip
    return found


def scored_once(cset: CriteriaSet) -> list[Finding]:
    """A leaf says how it is scored; a criterion with components does not (its components
    are scored); no scoring rule gives more than the criterion's maximum."""
    found = []
    for loc, _area, c in all_criteria(cset):
        if c.thanh_phan:
            for key in ("cach_cham", "tu_dong"):
                if getattr(c, key) is not None:
                    found.append(Finding((*loc, key), "error", "criteria", "scored-parent",
                                         {"id": c.ma, "key": key}, on_key=True))  # fmt: skip
            continue
        if c.cach_cham is None:
            found.append(Finding(loc, "error", "criteria", "leaf-unscored", {"id": c.ma}))
            continue
        s = c.cach_cham
        over = [((*loc, "cach_cham", "truong_hop", k), v) for k, v in s.truong_hop.items()]
        over += [((*loc, "cach_cham", "muc", i, "diem"), b.diem) for i, b in enumerate(s.muc)]
        for where, points in over:
            if points > c.diem_toi_da + EPSILON:
                found.append(Finding(where, "error", "points-over", "points-over",
                                     {"id": c.ma, "points": points, "max": c.diem_toi_da}))  # fmt: skip
    return found


def rules_fit(cset: CriteriaSet) -> list[Finding]:
    """An automatic rule is one cchc knows and can score the criterion the way it is scored."""
    found = []
    for loc, _area, c in leaves(cset):
        if c.tu_dong is None or c.cach_cham is None:
            continue
        rule = RULES.get(c.tu_dong)
        at = (*loc, "tu_dong")
        kind = c.cach_cham.kieu
        if rule is None:
            found.append(Finding(at, "error", "unknown-rule", "unknown-rule",
                                 {"rule": c.tu_dong, "like": closest(c.tu_dong, RULES),
                                  "rules": ", ".join(RULES)}))  # fmt: skip
        elif kind in ("dieu_tra", "tu_cham"):
            found.append(Finding(at, "error", "rule-misfit", "rule-not-here",
                                 {"rule": c.tu_dong, "kind": kind}))  # fmt: skip
        elif kind in ("muc", "ty_le") and not rule.value:
            found.append(Finding(at, "error", "rule-misfit", "rule-no-value",
                                 {"rule": c.tu_dong, "kind": kind, "cases": ", ".join(rule.cases)}))  # fmt: skip
        elif kind == "truong_hop" and set(c.cach_cham.truong_hop) != set(rule.cases):
            found.append(Finding((*loc, "cach_cham", "truong_hop"), "error", "rule-misfit",
                                 "rule-cases", {"rule": c.tu_dong, "cases": ", ".join(rule.cases),
                                                "given": ", ".join(c.cach_cham.truong_hop)}))  # fmt: skip
        elif kind == "co_khong" and rule.yes is None and c.cach_cham.nguong is None:
            pass  # a percentage rule as yes/no: yes at 100 % unless a threshold is given
    return found


CRITERIA_CHECKS = [unique_codes, points_add_up, scored_once, rules_fit]


def check_criteria(cset: CriteriaSet) -> list[Finding]:
    return [f for check in CRITERIA_CHECKS for f in check(cset)]


def criteria_json_schema() -> dict[str, object]:
    return CriteriaSet.model_json_schema()
