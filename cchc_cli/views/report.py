"""Status → the view model of the CCHC report: plain data that a Word template lays out.

Pure: no I/O, no clock, no docx. `build_report` takes the validated plan and
progress, the quarter, the as-of date and the signing date, and returns a
`ReportView`; `ReportView.context()` is the mapping of plain dicts, lists and
strings that `templates/report.docx` reads. The code computes every value; the
template writes the sentences, numbers included, from these named fields (so an
office can reword them there).

Template fields (`templates/report.docx` uses them; see README, "Changing the
report template"):

- header: `co_quan_chu_quan`, `co_quan_ban_hanh`, `so_ky_hieu` ("05/BC-SCT",
  or "      /BC-SCT" when no number is given), `dia_danh_ngay` ("Hà Tĩnh, ngày
  16 tháng 6 năm 2023"), `ngay_ky`, `trich_yeu`, `kinh_gui` (list),
  `mo_dau`, `ky_bao_cao`, `ky_bao_cao_ngan`, `ten_co_quan`, `ngay_so_lieu`;
- narrative, lists of {text, thieu} (`thieu` true: a placeholder to
  highlight): `chi_dao`, `uu_diem`, `ton_tai`, `nguyen_nhan`,
  `phuong_huong`, `kien_nghi`;
- section I's figures `chi_dao_so_lieu` {van_ban_chi_dao, cuoc_kiem_tra,
  tong_so_don_vi, don_vi_duoc_kiem_tra, tin_bai_tuyen_truyen, sang_kien,
  ty_le_kiem_tra}, each a formatted count or "[Cần bổ sung]";
- a tally {chu_the, ngay, nhiem_vu, thuong_xuyen, den_han, hoan_thanh_den_han,
  ty_le, co_thoi_han, hoan_thanh, ty_le_nam, truoc_han, qua_han,
  chua_hoan_thanh, co_ket_qua, khong_thuc_hien}: `tong_hop` and each area's `dem`;
- areas: `chi_dao_linh_vuc` (the steering area, shown in section I, or none)
  and `linh_vuc` (section II), each {so, ten, loai, dem, so_lieu, tthc,
  chi_tieu, hoan_thanh, thuong_xuyen, chua_bao_cao, thuong_xuyen_con, qua_han};
  `loai` is the area's kind ("the_che", "tthc", "cong_vu", "so", …) and
  `so_lieu` its standard figures; `tthc` the rows {tt, noi_dung, so_luong, dam}
  of the TTHC table; a target is {ma, noi_dung, muc_tieu, thuc_hien,
  ngay_so_lieu, danh_gia, co_so_lieu}, a task {ma, nhiem_vu, chu_tri, thoi_han,
  tinh_trang, ngay_hoan_thanh, ket_qua, ghi_chu};
- sections II–IV: `tong_hop_chi_tieu`, `dieu_chinh`, `ton_tai_so_lieu`,
  `ky_toi`, `ky_toi_nhan`, `nhiem_vu_ky_toi`, `tiep_tuc`, `ky_toi_ghi_chu`;
- signature: `nguoi_ky` {quyen_han, chuc_vu, ho_ten}, `noi_nhan` (list);
- annex: `phu_luc_tieu_de`, `phu_luc_kem_theo`, `phu_luc_nhiem_vu` (parts
  {so, tieu_de, nhiem_vu: rows {tt, nhiem_vu, chu_tri, thoi_han, ket_qua,
  tien_do, ghi_chu}}), `phu_luc_chi_tieu`, `phu_luc_tong_hop` (rows {linh_vuc,
  so_nhiem_vu, thuong_xuyen, den_han, hoan_thanh, ty_le, qua_han,
  khong_thuc_hien}), `phu_luc_tong_hop_ghi_chu`, `tong_cong`, `phu_luc_tthc`
  (one row per report period so far: {ky, tiep_nhan, truc_tuyen, truc_tiep,
  ky_truoc, da_giai_quyet, truoc_han, dung_han, qua_han, dang_giai_quyet,
  trong_han, dang_qua_han, tra_lai}).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from cchc_cli import words
from cchc_cli.errors import UsageError
from cchc_cli.plan.deadlines import Period
from cchc_cli.plan.shapes import AREA_FIGURES, PLAIN, TTHC_FIELDS, nfc_key
from cchc_cli.plan.status import (
    StatusReport,
    Summary,
    TargetRow,
    TaskRow,
    compute_status,
    plan_period,
)

if TYPE_CHECKING:
    from cchc_cli.plan.model import Narrative, Plan, Progress, Task, TaskRecord

QUARTERS = (1, 2, 3, 4)

# How each report names its period: in the title, in running text, in file names.
_TITLE = {1: "quý I năm {y}", 2: "quý II và 6 tháng đầu năm {y}", 3: "quý III năm {y}",
          4: "năm {y}"}  # fmt: skip
_SHORT = {1: "quý I/{y}", 2: "6 tháng đầu năm {y}", 3: "quý III/{y}", 4: "năm {y}"}
_SLUG = {1: "quy-1", 2: "6-thang", 3: "quy-3", 4: "nam"}
# What comes after each report, for its section IV: the period's name and its last day.
# Deadlines are calendar phrases ("Quý III/2023" is 30/09), so the next period is counted in
# calendar quarters: after the 6-month report, the second half of the year.
_NEXT = {1: ("quý II năm {y}", (6, 30)), 2: ("6 tháng cuối năm {y}", (12, 31)),
         3: ("quý IV năm {y}", (12, 31)), 4: ("năm {y1}", None)}  # fmt: skip

# The narrative pieces a person writes, in report order: key → placeholder words.
NARRATIVE_FIELDS: dict[str, str] = {
    "chi_dao_dieu_hanh": "công tác chỉ đạo, điều hành CCHC trong kỳ (ban hành kế hoạch, "
    "chỉ đạo, kiểm tra, tuyên truyền, sáng kiến)",
    "ket_qua_noi_bat": "kết quả nổi bật của kỳ báo cáo",
    "ton_tai_han_che": "tồn tại, hạn chế trong kỳ",
    "nguyen_nhan": "nguyên nhân của tồn tại, hạn chế",
    "phuong_huong": "phương hướng, nhiệm vụ trọng tâm kỳ tới",
    "kien_nghi": "đề xuất, kiến nghị (ghi “Không” nếu không có)",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NUMBER = re.compile(r"^\d{1,6}[A-Za-z]?$")


# --- the view model ------------------------------------------------------------------


@dataclass(frozen=True)
class Para:
    """One paragraph of narrative; `thieu` marks a placeholder for text someone must write."""

    text: str
    thieu: bool = False


@dataclass(frozen=True)
class TargetLine:
    ma: str
    noi_dung: str  # the target named by its subject, in the plan's words
    muc_tieu: str
    thuc_hien: str  # "87,5%", or "chưa có số liệu"
    ngay_so_lieu: str  # the day of that figure, or ""
    danh_gia: str
    co_so_lieu: bool  # a figure is recorded


@dataclass(frozen=True)
class Tally:
    """The counts behind a tally sentence ("Lĩnh vực có 7 nhiệm vụ …"), which the template
    writes: each field is one of `Summary`'s numbers, or a rate already formatted."""

    chu_the: str  # "Lĩnh vực", "Kế hoạch CCHC năm 2023"
    ngay: str  # the as-of day
    nhiem_vu: int
    thuong_xuyen: int
    den_han: int
    hoan_thanh_den_han: int
    ty_le: str
    co_thoi_han: int
    hoan_thanh: int
    ty_le_nam: str
    truoc_han: int
    qua_han: int
    chua_hoan_thanh: int
    co_ket_qua: int
    khong_thuc_hien: int


@dataclass(frozen=True)
class TaskLine:
    ma: str
    nhiem_vu: str
    chu_tri: str
    thoi_han: str
    tinh_trang: str
    ngay_hoan_thanh: str = ""
    ket_qua: str = ""
    ghi_chu: str = ""


@dataclass(frozen=True)
class AreaBlock:
    so: str
    ten: str
    loai: str  # the area's kind (`area_kind`), which says which standard figures it gives
    dem: Tally
    chi_tieu: list[TargetLine] = field(default_factory=list)
    hoan_thanh: list[TaskLine] = field(default_factory=list)
    thuong_xuyen: list[TaskLine] = field(default_factory=list)
    qua_han: list[TaskLine] = field(default_factory=list)
    tthc: list[TthcRow] = field(default_factory=list)  # the TTHC area's case figures
    # the continuous tasks with no result in the period (ids), said in one sentence,
    # of `thuong_xuyen_con` continuous tasks not dropped
    chua_bao_cao: list[str] = field(default_factory=list)
    thuong_xuyen_con: int = 0
    so_lieu: dict[str, str] = field(default_factory=dict)  # the area's standard figures


@dataclass(frozen=True)
class Fact:
    """A fact of section III someone should explain: `loai` "cham" (tasks late: `qua_han`
    when all are overdue), "chi_so" (targets at risk or missed) or "thuong_xuyen"
    (continuous tasks with no result, named in their areas), `so` of them, ids `ma`."""

    loai: str
    so: int
    ma: list[str]
    qua_han: bool = False


@dataclass(frozen=True)
class VerdictCount:
    """How many targets have one verdict: "2 đạt"."""

    so: int
    ten: str


@dataclass(frozen=True)
class TthcPeriodRow:
    """A row of the annex's TTHC table: one report period's case figures."""

    ky: str
    tiep_nhan: str
    truc_tuyen: str
    truc_tiep: str
    ky_truoc: str
    da_giai_quyet: str
    truoc_han: str
    dung_han: str
    qua_han: str
    dang_giai_quyet: str
    trong_han: str
    dang_qua_han: str
    tra_lai: str


@dataclass(frozen=True)
class TthcRow:
    """A row of section II.3's table: its number, what it counts, the count (or a
    placeholder when the progress file does not have it)."""

    tt: str
    noi_dung: str
    so_luong: str
    dam: bool = False  # a total, in bold


@dataclass(frozen=True)
class AnnexRow:
    tt: str
    nhiem_vu: str
    chu_tri: str
    thoi_han: str
    ket_qua: str
    tien_do: str
    ghi_chu: str


@dataclass(frozen=True)
class AnnexPart:
    so: str
    tieu_de: str
    nhiem_vu: list[AnnexRow]


@dataclass(frozen=True)
class SummaryRow:
    linh_vuc: str
    so_nhiem_vu: int
    thuong_xuyen: int
    den_han: int
    hoan_thanh: int
    hoan_thanh_den_han: int
    ty_le: str
    ty_le_nam: str
    qua_han: int
    khong_thuc_hien: int


@dataclass(frozen=True)
class SignerView:
    quyen_han: str
    chuc_vu: str
    ho_ten: str


@dataclass(frozen=True)
class MissingPiece:
    """A narrative piece the progress file does not have yet (not part of the template data)."""

    key: str
    what: str


@dataclass(frozen=True)
class ReportView:
    # header
    co_quan_chu_quan: str
    co_quan_ban_hanh: str
    ten_co_quan: str
    so_ky_hieu: str
    dia_danh_ngay: str
    ngay_ky: str
    trich_yeu: str
    kinh_gui: list[str]
    can_cu: str  # what the report answers: the plan, and the request it answers
    tu_ngay: str  # the data window
    den_ngay: str
    ky_bao_cao: str
    ky_bao_cao_ngan: str
    ngay_so_lieu: str
    # I
    chi_dao: list[Para]
    chi_dao_so_lieu: dict[str, str]
    dieu_chinh: list[str]
    chi_dao_linh_vuc: AreaBlock | None
    # II
    tong_hop: Tally
    chi_tieu_tong: int
    chi_tieu_dem: list[VerdictCount]
    linh_vuc: list[AreaBlock]
    # III
    uu_diem: list[Para]
    ton_tai: list[Para]
    ton_tai_so_lieu: list[Fact]
    nguyen_nhan: list[Para]
    # IV
    phuong_huong: list[Para]
    ky_toi: str
    ky_toi_nhan: str
    nhiem_vu_ky_toi: list[TaskLine]
    tiep_tuc: list[TaskLine]
    ky_toi_ghi_chu: str
    # V and signature
    kien_nghi: list[Para]
    nguoi_ky: SignerView
    noi_nhan: list[str]
    # annex
    phu_luc_tieu_de: str
    phu_luc_kem_theo: str
    phu_luc_nhiem_vu: list[AnnexPart]
    phu_luc_chi_tieu: list[TargetLine]
    phu_luc_tong_hop: list[SummaryRow]
    phu_luc_tong_hop_ghi_chu: str
    tong_cong: SummaryRow
    phu_luc_tthc: list[TthcPeriodRow]
    # for the command line, not for the template
    missing: list[MissingPiece] = field(default_factory=list)
    status: StatusReport | None = None  # the numbers behind the document
    figures: dict[str, Any] = field(default_factory=dict)  # the period's figures, as recorded

    def context(self) -> dict[str, Any]:
        """The template's data: plain dicts, lists, strings and numbers only."""
        data = asdict(replace(self, missing=[], status=None, figures={}))
        for key in ("missing", "status", "figures"):
            data.pop(key)
        return data

    def to_json(self) -> str:
        """`cchc report --format json`: the numbers and lists behind the document, as a
        stable interface. Its `summary` is `cchc status --quarter N --format json`'s."""
        import json

        from cchc_cli.views.status_view import JSON_VERSION, period_json, summary_json

        assert self.status is not None
        data = {
            "version": JSON_VERSION,
            "as_of": self.status.as_of.isoformat(),
            "period": period_json(self.status, words.language()),
            "summary": summary_json(self.status),
            "missing": [{"key": m.key, "what": m.what} for m in self.missing],
            "figures": self.figures,
            "document": self.context(),
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


# --- formatting helpers -----------------------------------------------------------------


def clean(text: str | None) -> str:
    """Text fit for a document: no control characters (XML cannot hold them), tabs kept."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def trim(text: str | None) -> str:
    """Text to be followed by more words: no trailing full stop, semicolon or colon."""
    return clean(text).rstrip(" .;:,")


def one_line(text: str | None) -> str:
    return " ".join(clean(text).split())


def inline(text: str | None) -> str:
    """A cell's lines as one phrase for running text: "- a.\n- b." → "a; b"."""
    items = []
    for line in clean(text).split("\n"):
        item = trim(one_line(line).removeprefix("- ").removeprefix("+ "))
        if item:
            items.append(item)
    return "; ".join(items)


vn_date = words.decree_date
vn_long_date = words.decree_long_date


def vn_number(value: float, digits: int = 1) -> str:
    """87.5 → "87,5"; 80.0 → "80" (Vietnamese decimal comma)."""
    return words.number(value, "vi", digits)


def show_target(figure: Any) -> str:
    return words.figure(figure, "vi")


def show_actual(row: TargetRow) -> str:
    if row.actual is None:
        return "chưa có số liệu"
    return words.with_unit(row.actual, row.figure.don_vi, "vi", 1)


_CONNECTIVES = {"trong đó", "đồng thời", "và", "trong đó có", "cụ thể"}


def target_subjects(indicators: Any) -> dict[str, str]:
    """Each target named by its subject as the plan words it: a target excerpt that starts
    inside its indicator's sentence ("đạt tỷ lệ tối thiểu là 70% số hồ sơ tiếp nhận") is
    given the words before it back to the previous excerpt ("Tiếp tục triển khai thực
    hiện số hóa kết quả giải quyết TTHC …, đạt tỷ lệ …"), unless those words are only a
    connective ("trong đó"). Verbatim slices of the plan's text, never reworded."""
    named: dict[str, str] = {}
    for ind in indicators:
        text = one_line(ind.text)
        folded = text.lower()
        done = 0
        for t in ind.targets:
            excerpt = one_line(t.text)
            at = folded.find(excerpt.lower(), done) if excerpt else -1
            if at < 0:
                continue
            gap = text[done:at]
            core = gap.strip(" ,;:.-–")
            if at > done and len(core.split()) >= 3 and core.lower() not in _CONNECTIVES:
                start = done + gap.index(core)
                named[t.id] = text[start : at + len(excerpt)]
            done = at + len(excerpt)
    return named


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _org_name(upper: str) -> str:
    """Name in running text: "SỞ CÔNG THƯƠNG" → "Sở Công Thương" (the name in running text)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in upper.split())


# --- choosing what to report --------------------------------------------------------------


def document_number(number: str | None, plan: Plan) -> str:
    """Số, ký hiệu: "05/BC-SCT" from --number 5 (or 05, or 05/BC-SCT); blank "      /BC-SCT" without one."""
    suffix = f"/BC-{plan.van_ban.ky_hieu_co_quan}"
    if number is None:
        return f"{' ' * 6}{suffix}"
    text = number.strip()
    if "/" in text:
        head, _, tail = text.partition("/")
        if _NUMBER.match(head) and tail and not _CONTROL.search(tail) and len(tail) <= 30:
            return f"{_pad(head)}/{tail}"
    elif _NUMBER.match(text):
        return f"{_pad(text)}{suffix}"
    raise UsageError("bad-number", number=number[:40], suffix=suffix)


def _pad(num: str) -> str:
    digits = num.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return num.zfill(len(num) - len(digits) + 2) if len(digits) < 2 else num


def check_as_of(period: Period, as_of: date) -> None:
    if not period.start <= as_of <= period.cutoff:
        raise UsageError(
            "as-of-outside-report",
            as_of=as_of.isoformat(),
            name_vi=period.name_vi,
            name_en=period.name_en,
            year=period.year,
            first=vn_date(period.start),
            last=vn_date(period.cutoff),
        )


def default_output_name(year: int, quarter: int) -> str:
    """bao-cao-cchc-2023-6-thang.docx"""
    return f"bao-cao-cchc-{year}-{_SLUG[quarter]}.docx"


def narrative_for(progress: Progress, quarter: int) -> Narrative | None:
    return progress.narrative(quarter)


# --- building ----------------------------------------------------------------------------


class _Builder:
    def __init__(self, plan: Plan, progress: Progress, status: StatusReport, period: Period):
        self.plan = plan
        self.progress = progress
        self.status = status
        self.period = period
        self.as_of = status.as_of
        self.window = (period.start, status.as_of)
        self.missing: list[MissingPiece] = []
        self.subjects = target_subjects(status.indicators)

    # narrative -------------------------------------------------------------------------

    def narrative(self, story: Narrative | None, key: str) -> list[Para]:
        text = clean(getattr(story, key, None) if story is not None else None)
        paras = [Para(p.strip()) for p in text.split("\n") if p.strip()]
        if paras:
            return paras
        what = NARRATIVE_FIELDS[key]
        self.missing.append(MissingPiece(key, what))
        return [Para(f"[Cần bổ sung: {what}]", thieu=True)]

    # units and tasks ---------------------------------------------------------------

    def units(self, ids: tuple[str, ...] | list[str], verbatim: str | None = None) -> str:
        names = []
        for ma in ids:
            unit = self.plan.unit(ma)
            names.append(unit.ten if unit is not None else ma)
        if not names and verbatim:
            return one_line(verbatim)
        return ", ".join(one_line(n) for n in names)

    def records_in_window(self, task_id: str) -> list[TaskRecord]:
        start, end = self.window
        return sorted(
            (r for r in self.progress.nhiem_vu if r.ma == task_id and start <= r.ngay <= end),
            key=lambda r: r.ngay,
        )

    @staticmethod
    def active(row: TaskRow) -> bool:
        """A continuous task with a progress record inside the report's data window."""
        return row.status == "reported"

    def continuous_line(self, row: TaskRow) -> TaskLine:
        records = self.records_in_window(row.id)
        line = self.task_line(row, tuple(r.minh_chung for r in records if r.minh_chung))
        state = "Đã triển khai trong kỳ" if records else "Chưa có kết quả trong kỳ"
        return replace(line, tinh_trang=state)

    def task_line(self, row: TaskRow, evidence: tuple[str, ...] | None = None) -> TaskLine:
        ev = row.evidence if evidence is None else evidence
        return TaskLine(
            ma=row.id,
            nhiem_vu=inline(row.title),
            chu_tri=self.units(row.lead),
            thoi_han=one_line(row.deadline_text),
            tinh_trang=words.task_status(row, "vi"),
            ngay_hoan_thanh=vn_date(row.done_on) if row.done_on else "",
            ket_qua="; ".join(inline(e) for e in ev if inline(e)),
            ghi_chu=trim(one_line(row.reason or row.note)),
        )

    @staticmethod
    def done_in_window(row: TaskRow) -> bool:
        return row.done and row.done_in_window

    # targets ------------------------------------------------------------------------

    def target_line(self, row: TargetRow) -> TargetLine:
        return TargetLine(
            ma=row.id,
            noi_dung=_upper_first(trim(one_line(self.subjects.get(row.id) or row.text))),
            muc_tieu=show_target(row.figure),
            thuc_hien=show_actual(row),
            ngay_so_lieu=vn_date(row.measured_on) if row.measured_on else "",
            danh_gia=words.status(row.status, "vi"),
            co_so_lieu=row.actual is not None,
        )

    # areas --------------------------------------------------------------------------

    def tally(self, s: Summary, subject: str) -> Tally:
        return Tally(
            chu_the=subject,
            ngay=vn_date(self.as_of),
            nhiem_vu=s.tasks,
            thuong_xuyen=s.continuous,
            den_han=s.due,
            hoan_thanh_den_han=s.done_due,
            ty_le=words.rate(s.rate),
            co_thoi_han=s.dated,
            hoan_thanh=s.done,
            ty_le_nam=words.rate(s.plan_rate),
            truoc_han=s.done_early,
            qua_han=s.overdue,
            chua_hoan_thanh=s.not_done,
            co_ket_qua=s.reported,
            khong_thuc_hien=s.dropped,
        )

    def figures(self, kind: str) -> dict[str, str]:
        """The standard figures of an area kind for the period, as the report shows them: a
        figure not recorded is a placeholder, listed with the missing narrative."""
        keys = [k for k, (of, _) in AREA_FIGURES.items() if of == kind]
        if not keys:
            return {}
        story = narrative_for(self.progress, self.period.quarter)
        have = story.so_lieu if story else None
        shown: dict[str, str] = {}
        gaps = []
        for key in keys:
            value = getattr(have, key) if have is not None else None
            if value is None:
                gaps.append(key)
            shown[key] = PLACEHOLDER if value is None else count(value)
        if gaps:
            self.missing.append(
                MissingPiece(f"so_lieu.{kind}", f"số liệu {_KIND_NAMES[kind]} ({', '.join(gaps)})")
            )
        if kind == "chi_dao":
            part = have.don_vi_duoc_kiem_tra if have is not None else None
            whole = have.tong_so_don_vi if have is not None else None
            shown["ty_le_kiem_tra"] = words.rate(part / whole) if part is not None and whole else ""
        return shown

    def area_block(self, ma: int, so: str) -> AreaBlock:
        rows = [r for r in self.status.tasks if r.area == ma]
        summary = self.status.by_area.get(ma, Summary())
        kind = area_kind(self.plan.area_name(ma))
        continuous = [r for r in rows if r.continuous and r.status != "dropped"]
        return AreaBlock(
            so=so,
            ten=one_line(self.plan.area_name(ma)),
            loai=kind,
            dem=self.tally(summary, "Lĩnh vực"),
            chi_tieu=[self.target_line(t) for t in self.status.targets if t.area == ma],
            hoan_thanh=[self.task_line(r) for r in rows if self.done_in_window(r)],
            thuong_xuyen=[
                self.continuous_line(r)
                for r in rows
                if r.continuous and r.status != "dropped" and self.records_in_window(r.id)
            ],
            chua_bao_cao=[r.id for r in continuous if not self.records_in_window(r.id)],
            thuong_xuyen_con=len(continuous),
            qua_han=[self.task_line(r) for r in rows if r.status == "overdue"],
            tthc=self.tthc_rows() if kind == "tthc" else [],
            so_lieu=self.figures(kind) if kind != "chi_dao" else {},
        )

    def tthc_rows(self) -> list[TthcRow]:
        """The TTHC table of the period, from its `bao_cao: [{ky, thong_ke_tthc}]`; a
        figure not recorded is a placeholder, listed with the missing narrative."""
        story = narrative_for(self.progress, self.period.quarter)
        stats: Any = (story.thong_ke_tthc if story else None) or PLAIN["TthcStats"](
            dict.fromkeys(TTHC_FIELDS)
        )
        gaps: list[str] = []

        def n(key: str) -> str:
            value = getattr(stats, key)
            if value is None:
                gaps.append(key)
                return PLACEHOLDER
            return count(value)

        def total(value: int | None) -> str:
            return PLACEHOLDER if value is None else count(value)

        F = TTHC_FIELDS
        rows = [
            TthcRow("1", "Tổng số hồ sơ tiếp nhận", total(stats.received), True),
            TthcRow("a", F["tiep_nhan_truc_tuyen"], n("tiep_nhan_truc_tuyen")),
            TthcRow("b", F["tiep_nhan_truc_tiep"], n("tiep_nhan_truc_tiep")),
            TthcRow("c", F["tiep_nhan_ky_truoc"], n("tiep_nhan_ky_truoc")),
            TthcRow("2", "Số hồ sơ đã giải quyết", total(stats.resolved), True),
            TthcRow("a", F["giai_quyet_truoc_han"], n("giai_quyet_truoc_han")),
            TthcRow("b", F["giai_quyet_dung_han"], n("giai_quyet_dung_han")),
            TthcRow("c", F["giai_quyet_qua_han"], n("giai_quyet_qua_han")),
            TthcRow("3", "Số hồ sơ đang giải quyết", total(stats.pending), True),
            TthcRow("a", F["dang_giai_quyet_trong_han"], n("dang_giai_quyet_trong_han")),
            TthcRow("b", F["dang_giai_quyet_qua_han"], n("dang_giai_quyet_qua_han")),
            TthcRow("4", F["tra_lai_rut"], n("tra_lai_rut"), True),
            TthcRow("5", F["thu_xin_loi"], n("thu_xin_loi"), True),
            TthcRow("6", F["thu_tuc_tong"], n("thu_tuc_tong"), True),
            TthcRow("a", F["thu_tuc_cong_bo"], n("thu_tuc_cong_bo")),
            TthcRow("b", F["thu_tuc_sua_doi"], n("thu_tuc_sua_doi")),
            TthcRow("c", F["thu_tuc_bai_bo"], n("thu_tuc_bai_bo")),
            TthcRow("7", "Dịch vụ công trực tuyến", "", True),
            TthcRow("a", F["dvc_toan_trinh"], n("dvc_toan_trinh")),
            TthcRow("b", F["dvc_mot_phan"], n("dvc_mot_phan")),
            TthcRow("c", F["thanh_toan_truc_tuyen"], n("thanh_toan_truc_tuyen")),
        ]
        if gaps:
            shown = ", ".join(gaps) if len(gaps) < len(F) else "mọi số liệu"
            self.missing.append(
                MissingPiece("thong_ke_tthc", f"thống kê giải quyết TTHC trong kỳ ({shown})")
            )
        return rows

    def tthc_by_period(self) -> list[TthcPeriodRow]:
        """The annex's TTHC table: the case figures of each report of the year up to this
        one that has them, each over its own data window (the 6-month and year reports
        count from 15/12, so the rows are not added up)."""
        rows = []
        for q in QUARTERS:
            if q > self.period.quarter:
                break
            story = narrative_for(self.progress, q)
            st = story.thong_ke_tthc if story else None
            if st is None:
                continue
            p = plan_period(self.plan, q)

            def c(value: int | None) -> str:
                return "" if value is None else count(value)

            rows.append(
                TthcPeriodRow(
                    ky=f"{_upper_first(_SHORT[q].format(y=self.plan.nam))} "
                    f"({vn_date(p.start)}–{vn_date(p.cutoff)})",
                    tiep_nhan=c(st.received),
                    truc_tuyen=c(st.tiep_nhan_truc_tuyen),
                    truc_tiep=c(st.tiep_nhan_truc_tiep),
                    ky_truoc=c(st.tiep_nhan_ky_truoc),
                    da_giai_quyet=c(st.resolved),
                    truoc_han=c(st.giai_quyet_truoc_han),
                    dung_han=c(st.giai_quyet_dung_han),
                    qua_han=c(st.giai_quyet_qua_han),
                    dang_giai_quyet=c(st.pending),
                    trong_han=c(st.dang_giai_quyet_trong_han),
                    dang_qua_han=c(st.dang_giai_quyet_qua_han),
                    tra_lai=c(st.tra_lai_rut),
                )  # fmt: skip
            )
        return rows

    def target_counts(self) -> list[VerdictCount]:
        counts = self.status.targets_summary
        order = ("met", "on_track", "at_risk", "missed", "no_data")
        return [
            VerdictCount(counts[k], _lower_first(words.status(k, "vi")))
            for k in order
            if counts.get(k)
        ]

    # next period --------------------------------------------------------------------

    def next_period(self) -> tuple[date | None, str]:
        """The last day and the name of the period after this report (section IV)."""
        q, y = self.period.quarter, self.period.year
        name, end = _NEXT[q]
        return (date(y, *end) if end else None), name.format(y=y, y1=y + 1)

    # annex --------------------------------------------------------------------------

    def annex_row(self, task: Task, row: TaskRow) -> AnnexRow:
        deadline = clean(task.thoi_han)
        for extra in task.dong_tiep:
            if nfc_key(extra.thoi_han) != nfc_key(task.thoi_han):
                deadline += "\n" + clean(extra.thoi_han)
        progress = words.task_status(row, "vi")
        if row.continuous and row.status != "dropped":
            progress = self.continuous_line(row).tinh_trang
        if row.done_on is not None and row.done:
            progress += f" ({vn_date(row.done_on)})"
        notes = []
        if row.reason:
            notes.append(f"Lý do: {clean(row.reason)}")
        elif row.note:
            notes.append(clean(row.note))
        if row.due_assumed and row.due is not None:
            notes.append(f"Thời hạn theo kế hoạch khác; tạm tính {vn_date(row.due)}")
        return AnnexRow(
            tt=row.id,
            nhiem_vu=clean(task.nhiem_vu),
            chu_tri=self.units(task.chu_tri, task.chu_tri_goc),
            thoi_han=deadline,
            ket_qua="\n".join(clean(e) for e in row.evidence),
            tien_do=progress,
            ghi_chu="\n".join(n for n in notes if n),
        )

    def summary_row(self, name: str, s: Summary) -> SummaryRow:
        return SummaryRow(
            linh_vuc=name,
            so_nhiem_vu=s.tasks,
            thuong_xuyen=s.continuous,
            den_han=s.due,
            hoan_thanh=s.done,
            hoan_thanh_den_han=s.done_due,
            ty_le=words.rate(s.rate),
            ty_le_nam=words.rate(s.plan_rate),
            qua_han=s.overdue,
            khong_thuc_hien=s.dropped,
        )


PLACEHOLDER = "[Cần bổ sung]"

# The kinds of area a CCHC plan has, found by the words of the area's name, in the
# order tried: steering first ("Chỉ đạo điều hành"), then the six reform areas.
_KINDS = (
    ("chi_dao", ("chỉ đạo",)),
    ("tthc", ("thủ tục hành chính",)),
    ("the_che", ("thể chế",)),
    ("bo_may", ("bộ máy",)),
    ("cong_vu", ("công vụ",)),
    ("tai_chinh", ("tài chính",)),
    ("so", ("chính quyền điện tử", "chính quyền số", "chuyển đổi số", "chính phủ điện tử")),
)
_KIND_NAMES = {
    "chi_dao": "công tác chỉ đạo, điều hành (kế hoạch, kiểm tra, tuyên truyền, sáng kiến)",
    "the_che": "cải cách thể chế (văn bản QPPL)",
    "cong_vu": "cải cách chế độ công vụ (đào tạo, bồi dưỡng)",
    "so": "chính quyền số (văn bản điện tử, ký số)",
}


def area_kind(name: str) -> str:
    """ "chi_dao", "tthc", "the_che", "bo_may", "cong_vu", "tai_chinh", "so", or "" for an
    area whose name says none of them."""
    key = nfc_key(name)
    return next((k for k, marks in _KINDS if any(m in key for m in marks)), "")


def count(value: int) -> str:
    """1380 → "1.380" (Vietnamese thousands)."""
    return f"{value:,}".replace(",", ".")


def amendments_in(plan: Plan, start: date, end: date) -> list[str]:
    """The plan's amendments decided inside the report's window, one sentence each."""
    lines = []
    for a in sorted(plan.dieu_chinh, key=lambda a: a.ngay):
        if start <= a.ngay <= end:
            lines.append(
                f"{one_line(a.so)} ngày {vn_date(a.ngay)}: {trim(a.ly_do)} "
                f"(điều chỉnh {', '.join(a.ma)})."
            )
    return lines


def _title(text: str, period: str) -> str:
    """The summary title, broken before the period's name when one line cannot hold it."""
    if len(text) <= 64:
        return text
    return text[: -len(period)].rstrip() + "\n" + period


def _addressees(names: list[str]) -> list[str]:
    items = [trim(one_line(n)) for n in names if trim(one_line(n))]
    if not items:
        return ["Sở Nội vụ."]
    return [f"{n};" for n in items[:-1]] + [f"{items[-1]}."]


def _request(story: Narrative | None) -> str:
    """ "; thực hiện Công văn số 1234/SNV-CCHC ngày 01/6/2023 của Sở Nội vụ về …"."""
    asked = story.tra_loi if story else None
    if asked is None:
        return ""
    text = f"; thực hiện Văn bản số {one_line(asked.so)} ngày {vn_date(asked.ngay)}"
    if asked.co_quan:
        text += f" của {one_line(asked.co_quan)}"
    if asked.trich_yeu:
        text += f" {_lower_first(trim(one_line(asked.trich_yeu)))}"
    return text


def _plan_reference(plan: Plan) -> str:
    doc = plan.van_ban
    about = _lower_first(trim(one_line(doc.trich_yeu)))
    ref = "Kế hoạch"
    if doc.so and doc.so.strip():
        num = one_line(doc.so)
        ref += f" số {num}" if "/" in num else f" số {num}/{doc.ky_hieu_loai}-{doc.ky_hieu_co_quan}"
    d = doc.ngay_ban_hanh
    if d.ngay and d.thang:
        ref += f" ngày {vn_date(date(d.nam, d.thang, d.ngay))}"
    return f"{ref} của {_org_name(doc.co_quan_ban_hanh)} về {about}"


def build_report(
    plan: Plan,
    progress: Progress,
    quarter: int,
    *,
    signed_on: date,
    as_of: date | None = None,
    number: str | None = None,
) -> ReportView:
    """The report of `quarter` (1..4) of the plan's year, as of `as_of` (default: the cut-off).

    The numbers come from `compute_status` for the report's period, the same that
    `cchc status --quarter N` shows; each section is built by a function of its own."""
    if quarter not in QUARTERS:
        raise ValueError(f"quarter must be one of {QUARTERS}, got {quarter!r}")
    period = plan_period(plan, quarter)
    as_of = period.cutoff if as_of is None else as_of
    check_as_of(period, as_of)
    status = compute_status(plan, progress, as_of, quarter=quarter)
    b = _Builder(plan, progress, status, period)
    story = narrative_for(progress, quarter)
    so = document_number(number if number is not None else (story.so if story else None), plan)
    return ReportView(
        **_heading(plan, quarter, period, as_of, signed_on, so, story),
        **_section_one(b, story),
        **_section_two(b, story),
        **_section_three(b, story),
        **_section_four(b, story),
        **_closing(plan, b, story),
        **_annex(plan, b, quarter, signed_on, so),
        missing=b.missing,
        status=status,
        figures={
            "thong_ke_tthc": story.thong_ke_tthc.model_dump()
            if story and story.thong_ke_tthc
            else {},
            "so_lieu": story.so_lieu.model_dump() if story and story.so_lieu else {},
        },
    )


def _ky(plan: Plan, quarter: int) -> str:
    return _TITLE[quarter].format(y=plan.nam)


def _heading(
    plan: Plan,
    quarter: int,
    period: Period,
    as_of: date,
    signed_on: date,
    so: str,
    story: Narrative | None = None,
) -> dict[str, Any]:
    """The header block, the title and the opening sentence, which cites the plan and
    the document the report answers (`bao_cao: [{ky: N, tra_loi: …}]`)."""
    doc = plan.van_ban
    org = _org_name(doc.co_quan_ban_hanh)
    ky = _ky(plan, quarter)
    return {
        "co_quan_chu_quan": one_line(doc.co_quan_chu_quan),
        "co_quan_ban_hanh": one_line(doc.co_quan_ban_hanh),
        "ten_co_quan": org,
        "so_ky_hieu": so,
        "dia_danh_ngay": vn_long_date(one_line(doc.dia_danh), signed_on),
        "ngay_ky": vn_date(signed_on),
        "trich_yeu": _title(f"Kết quả thực hiện công tác cải cách hành chính {ky}", ky),
        "kinh_gui": _addressees((story and story.kinh_gui) or plan.cai_dat.kinh_gui),
        "can_cu": f"{_plan_reference(plan)}{_request(story)}",
        "tu_ngay": vn_date(period.start),
        "den_ngay": vn_date(as_of),
        "ky_bao_cao": ky,
        "ky_bao_cao_ngan": f"kết quả thực hiện công tác CCHC {_SHORT[quarter].format(y=plan.nam)}",
        "ngay_so_lieu": vn_date(as_of),
    }


def _steering(plan: Plan) -> Any:
    return next((a for a in plan.linh_vuc if area_kind(a.ten) == "chi_dao"), None)


def _section_one(b: _Builder, story: Narrative | None) -> dict[str, Any]:
    """I. Chỉ đạo, điều hành: the narrative, amendments, the steering area's block."""
    steering = _steering(b.plan)
    return {
        "chi_dao": b.narrative(story, "chi_dao_dieu_hanh"),
        "chi_dao_so_lieu": b.figures("chi_dao"),
        "dieu_chinh": amendments_in(b.plan, b.period.start, b.as_of),
        "chi_dao_linh_vuc": b.area_block(steering.ma, "") if steering else None,
    }


def _section_two(b: _Builder, story: Narrative | None) -> dict[str, Any]:
    """II. Results: the whole plan's tally and targets, then one block per area."""
    steering = _steering(b.plan)
    other = [a for a in b.plan.linh_vuc if a is not steering]
    return {
        "tong_hop": b.tally(b.status.summary, f"Kế hoạch CCHC năm {b.plan.nam}"),
        "chi_tieu_tong": sum(b.status.targets_summary.values()),
        "chi_tieu_dem": b.target_counts(),
        "linh_vuc": [b.area_block(a.ma, str(i)) for i, a in enumerate(other, 1)],
    }


def _section_three(b: _Builder, story: Narrative | None) -> dict[str, Any]:
    """III. Đánh giá chung: the narrative and the facts a person should explain."""
    rows = b.status.tasks
    facts = []
    late = [r for r in rows if r.status in ("overdue", "not_done")]
    if late:
        overdue = all(r.status == "overdue" for r in late)
        facts.append(Fact("cham", len(late), [r.id for r in late], overdue))
    weak = [t for t in b.status.targets if t.status in ("at_risk", "missed")]
    if weak:
        facts.append(Fact("chi_so", len(weak), [t.id for t in weak]))
    silent = [r for r in rows if r.status == "missing_report"]
    if silent:  # their ids are in their areas' sentences (section II): not said again
        facts.append(Fact("thuong_xuyen", len(silent), [r.id for r in silent]))
    return {
        "uu_diem": b.narrative(story, "ket_qua_noi_bat"),
        "ton_tai": b.narrative(story, "ton_tai_han_che"),
        "ton_tai_so_lieu": facts,
        "nguyen_nhan": b.narrative(story, "nguyen_nhan"),
    }


def _section_four(b: _Builder, story: Narrative | None) -> dict[str, Any]:
    """IV. Phương hướng: what falls due in the next period, and what carries over."""
    y = b.plan.nam
    next_end, next_name = b.next_period()
    pending = [r for r in b.status.tasks if not r.done and r.status != "dropped"]
    upcoming = [
        b.task_line(r)
        for r in pending
        if not r.continuous and r.due is not None and next_end is not None
        and b.as_of < r.due <= next_end
    ]  # fmt: skip
    carried = [b.task_line(r) for r in pending if r.status in ("overdue", "not_done")]
    continuous = sum(1 for r in b.status.tasks if r.continuous and r.status != "dropped")
    if next_end is None:
        later = f"Các nhiệm vụ năm {y + 1} thực hiện theo Kế hoạch CCHC năm {y + 1}."
    elif not upcoming:
        later = f"Theo Kế hoạch, không có nhiệm vụ nào đến hạn trong {next_name}."
    else:
        later = ""
    if continuous:
        later = (later + " " if later else "") + (
            f"Tiếp tục thực hiện {continuous} nhiệm vụ thường xuyên theo Kế hoạch."
        )
    start = vn_date(b.as_of + timedelta(days=1))
    return {
        "phuong_huong": b.narrative(story, "phuong_huong"),
        "ky_toi": next_name,
        "ky_toi_nhan": (f"Các nhiệm vụ theo Kế hoạch đến hạn từ ngày {start} đến hết {next_name}:"),
        "nhiem_vu_ky_toi": upcoming,
        "tiep_tuc": carried,
        "ky_toi_ghi_chu": later,
    }


def _closing(plan: Plan, b: _Builder, story: Narrative | None) -> dict[str, Any]:
    """V. Kiến nghị, the signer and Nơi nhận."""
    signer = (story and story.nguoi_ky) or plan.cai_dat.nguoi_ky_bao_cao or plan.van_ban.nguoi_ky
    keep = f"Lưu: VT, {one_line(plan.cai_dat.don_vi_luu) or 'VP'}."
    sent = (story and story.noi_nhan) or plan.cai_dat.noi_nhan_bao_cao or ["Như trên;", keep]
    return {
        "kien_nghi": b.narrative(story, "kien_nghi"),
        "nguoi_ky": SignerView(
            quyen_han=one_line(signer.quyen_han),
            chuc_vu=one_line(signer.chuc_vu),
            ho_ten=one_line(signer.ho_ten or ""),
        ),
        "noi_nhan": [one_line(line) for line in sent],
    }


def _annex(plan: Plan, b: _Builder, quarter: int, signed_on: date, so: str) -> dict[str, Any]:
    """The landscape annex: every task, every target, the tally per area."""
    status = b.status
    by_id = {r.id: r for r in status.tasks}
    org = _org_name(plan.van_ban.co_quan_ban_hanh)
    return {
        "phu_luc_tieu_de": (
            f"KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH {_ky(plan, quarter).upper()}"
        ),
        "phu_luc_kem_theo": f"(Kèm theo Báo cáo số {so} ngày {vn_date(signed_on)} của {org})",
        "phu_luc_nhiem_vu": [
            AnnexPart(
                so=one_line(part.so),
                tieu_de=one_line(part.tieu_de),
                nhiem_vu=[b.annex_row(t, by_id[t.ma]) for o in part.objectives for t in o.nhiem_vu],
            )
            for part in plan.phu_luc.phan
        ],
        "phu_luc_chi_tieu": [b.target_line(t) for t in status.targets],
        "phu_luc_tong_hop": [
            b.summary_row(one_line(a.ten), status.by_area.get(a.ma, Summary()))
            for a in plan.linh_vuc
        ],
        "phu_luc_tong_hop_ghi_chu": (
            f"Số liệu tính đến ngày {vn_date(b.as_of)}; nhiệm vụ đến hạn là nhiệm vụ có thời hạn "
            "đến ngày này; tỷ lệ hoàn thành = số nhiệm vụ đến hạn đã hoàn thành / số nhiệm vụ "
            "đến hạn; tỷ lệ cả năm = số nhiệm vụ đã hoàn thành / số nhiệm vụ có thời hạn trong năm."
        ),
        "tong_cong": b.summary_row("Tổng cộng", status.summary),
        "phu_luc_tthc": b.tthc_by_period(),
    }
