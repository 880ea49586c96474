"""A period's numbers → the view model of the CCHC report: plain data that a Word template
lays out.

Pure: no I/O, no clock, no docx. `build_report` takes the validated plan and progress,
the quarter, the as-of date and the signing date; the counting is `plan.period`'s
(`period_numbers`, from `plan.status`), and this module only chooses how each number is
said and where. `ReportView.context()` is the mapping of plain dicts, lists and strings
that `templates/report.docx` reads; the template writes the sentences, numbers included,
from these named fields (so an office can reword them there).

What the signed text never holds: an id of cchc's (tasks, targets and indicators are
named in the plan's words, or by the short name `ten_ngan` the officer gives them, and a
task whose name another task shares is named with its objective), a placeholder, or a
sentence about data that is missing: what is missing is listed by `gaps` (the pre-flight,
`cchc report --check`), and the sentence that would say it is left out. A zero is said
in words. Values of a measure are one value and one verdict wherever the plan names it.

Template fields (`templates/report.docx` uses them; see README, "Changing the report
template"). A figure is a formatted count ("1.380"), "" for zero, or None when not
recorded (`{% if x %}` for a count, `{% elif x is not none %}` for zero):

- header: `co_quan_chu_quan`, `co_quan_ban_hanh`, `so_ky_hieu`, `dia_danh_ngay`,
  `ngay_ky`, `trich_yeu`, `kinh_gui` (list), `can_cu` (the plan and the request
  answered), `ten_co_quan`, `tu_ngay`, `den_ngay`, `ky_bao_cao`, `ky_bao_cao_ngan`,
  `ngay_so_lieu`, `nam`;
- narrative, lists of {text}: `chi_dao`, `ket_qua_kiem_tra`, `khac_phuc_chi_so`,
  `uu_diem`, `ton_tai`, `nguyen_nhan`, `phuong_huong`, `kien_nghi`;
- section I: `ke_hoach` ("Kế hoạch số 15/KH-SCT ngày 10/01/2023"), `ke_hoach_ve`,
  `chi_dao_so_lieu` (the steering figures and `ty_le_kiem_tra`), `chi_dao_muc` (the number
  of each sub-section shown: ke_hoach, kiem_tra, tuyen_truyen, sang_kien, khac_phuc,
  nhiem_vu; "" when it has nothing to say), `dieu_chinh`, `chi_dao_linh_vuc`;
- a tally {chu_the, ngay, nhiem_vu, thuong_xuyen, co_thoi_han, den_han,
  hoan_thanh_den_han, dung_han, hoan_thanh_qua_han, ty_le, hoan_thanh, ty_le_nam,
  ca_nam, truoc_han, qua_han, chua_hoan_thanh, co_ket_qua, khong_thuc_hien}: `tong_hop`
  and each area's `dem`;
- areas: `linh_vuc` (section II), each {so, ten, loai, dem, so_lieu, co_so_lieu, tthc,
  pakn, chi_so_766, chi_tieu, hoan_thanh, thuong_xuyen, chua_bao_cao,
  thuong_xuyen_con, chua_xong, theo_linh_vuc}; a target line {ma, ten, muc_tieu,
  thuc_hien, ngay_so_lieu, danh_gia, loai, moc, moc_ngay, nhu_muc}; a task line {ma,
  ten, chu_tri, thoi_han, tinh_trang, ngay_hoan_thanh, ket_qua, ghi_chu};
- section II's verdicts: `chi_tieu_dem` [{so, ten}], `chi_tieu_tong`;
- section III: `iii_muc` (uu_diem, ton_tai), `ton_tai_so_lieu` [{loai, so, ten}];
- section IV: `ky_toi`, `ky_toi_nhan`, `nhiem_vu_ky_toi`, `tiep_tuc`, `ky_toi_ghi_chu`;
- signature: `nguoi_ky` {quyen_han, chuc_vu, ho_ten}, `noi_nhan` (list);
- annex: `phu_luc_tieu_de`, `phu_luc_kem_theo`, `phu_luc_nhiem_vu` (parts {so, tieu_de,
  nhiem_vu: rows {tt, nhiem_vu, chu_tri, thoi_han, ket_qua, tien_do, ghi_chu}}),
  `phu_luc_chi_tieu` (areas {ten, chi_tieu: rows {tt, ten, muc_tieu, thuc_hien,
  danh_gia}}), `phu_luc_tong_hop` (rows {linh_vuc, so_nhiem_vu, thuong_xuyen, den_han,
  hoan_thanh, dung_han, hoan_thanh_qua_han, ty_le, qua_han, chua_hoan_thanh,
  khong_thuc_hien}), `phu_luc_tong_hop_ghi_chu`, `tong_cong`, `phu_luc_tthc` (one row per
  report so far: {ky, tiep_nhan, truc_tuyen, truc_tiep, ky_truoc, da_giai_quyet,
  truoc_han, dung_han, qua_han, dang_giai_quyet, trong_han, dang_qua_han, tra_lai}),
  `phu_luc_tthc_linh_vuc` (the same columns, one row per lĩnh vực, `ky` its name).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from cchc_cli import words
from cchc_cli.errors import UsageError
from cchc_cli.plan.deadlines import Period
from cchc_cli.plan.period import (
    Gap,
    PeriodNumbers,
    not_yet_due,
    on_time_among_due,
    period_numbers,
    same_names,
)
from cchc_cli.plan.shapes import SERVICE_INDEX, TTHC_FIELDS, nfc_key
from cchc_cli.plan.status import Summary, TargetRow, TaskRow, plan_period

if TYPE_CHECKING:
    from cchc_cli.plan.model import Narrative, Plan, Progress

QUARTERS = (1, 2, 3, 4)

# How each report names its period: in the title, in running text, in file names.
_TITLE = {1: "quý I năm {y}", 2: "quý II và 6 tháng đầu năm {y}", 3: "quý III năm {y}",
          4: "năm {y}"}  # fmt: skip
_SHORT = {1: "quý I/{y}", 2: "6 tháng đầu năm {y}", 3: "quý III/{y}", 4: "năm {y}"}
_SLUG = {1: "quy-1", 2: "6-thang", 3: "quy-3", 4: "nam"}
# What comes after each report, named for its section IV (the dates are `plan.period`'s).
_NEXT = {1: "quý II năm {y}", 2: "6 tháng cuối năm {y}", 3: "quý IV năm {y}", 4: "năm {y1}"}

# A task's state as the report's sentences say it (lower case, after a colon), the same
# words in the tally, section IV and the annex: "quá hạn" never stands alone.
_STATE = {
    "done_on_time": "hoàn thành đúng hạn",
    "done_late": "hoàn thành quá hạn",
    "overdue": "quá hạn, chưa hoàn thành",
    "not_done": "chưa hoàn thành",
    "in_progress": "đang triển khai",
    "not_started": "chưa đến hạn",
    "due_soon": "sắp đến hạn",
    "dropped": "không thực hiện",
    "reported": "đã triển khai trong kỳ",
    "missing_report": "chưa có kết quả trong kỳ",
}
# A target's verdict in a sentence.
_VERDICT = {
    "met": "đạt",
    "missed": "không đạt",
    "at_risk": "có nguy cơ không đạt",
    "on_track": "đúng tiến độ",
    "not_due": "chưa đến kỳ đánh giá",
}
_VERDICT_ORDER = ("met", "on_track", "not_due", "at_risk", "missed")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NUMBER = re.compile(r"^\d{1,6}[A-Za-z]?$")
NBSP = "\u00a0"


# --- the view model ------------------------------------------------------------------


@dataclass(frozen=True)
class Para:
    """One paragraph of narrative."""

    text: str


@dataclass(frozen=True)
class TargetLine:
    ma: str
    ten: str  # the target named by its subject, in the plan's words (or its ten_ngan)
    muc_tieu: str  # "≥ 60%"
    thuc_hien: str  # "65%"; "" for a value of 0 (said in words)
    ngay_so_lieu: str  # the day of that value when it is older than the period, else ""
    danh_gia: str  # "đạt", "chưa đến kỳ đánh giá", …
    loai: str  # the verdict's code (met, not_due, …)
    moc: str = ""  # the interim target judged against ("30%"), if any
    moc_ngay: str = ""
    nhu_muc: str = ""  # a restated target: the area whose section first gives its measure


@dataclass(frozen=True)
class Tally:
    """The counts behind a tally sentence ("Lĩnh vực có 7 nhiệm vụ …"), which the template
    writes: each field is one of `Summary`'s numbers, or a rate already formatted."""

    chu_the: str  # "Lĩnh vực", "Kế hoạch CCHC năm 2023"
    ngay: str  # the as-of day
    nhiem_vu: int
    thuong_xuyen: int
    co_thoi_han: int
    den_han: int
    hoan_thanh_den_han: int
    dung_han: int  # of those, on or before their deadline
    hoan_thanh_qua_han: int  # of those, after it
    ty_le: str
    hoan_thanh: int
    ty_le_nam: str
    ca_nam: bool  # some dated tasks are not yet due: the year's rate says more
    truoc_han: int
    qua_han: int  # overdue: deadline passed, not done
    chua_hoan_thanh: int  # the year report: due within the year, not done
    co_ket_qua: int
    khong_thuc_hien: int


@dataclass(frozen=True)
class TaskLine:
    ma: str
    ten: str  # the task in the plan's words (or its ten_ngan)
    muc_tieu: str  # its objective, when another task of the plan has the same name
    chu_tri: str
    thoi_han: str
    tinh_trang: str
    ngay_hoan_thanh: str = ""
    ket_qua: str = ""
    ghi_chu: str = ""


@dataclass(frozen=True)
class TthcRow:
    """A row of section II's TTHC table: its number, what it counts, the count."""

    tt: str
    noi_dung: str
    so_luong: str
    dam: bool = False  # a total, in bold


@dataclass(frozen=True)
class AreaBlock:
    so: str
    ten: str
    loai: str  # the area's kind (`plan.period.area_kind`): which figures it gives
    dem: Tally
    so_lieu: dict[str, str | None] = field(default_factory=dict)
    co_so_lieu: bool = False  # any of the area's figures is recorded
    chi_tieu: list[TargetLine] = field(default_factory=list)
    hoan_thanh: list[TaskLine] = field(default_factory=list)
    thuong_xuyen: list[TaskLine] = field(default_factory=list)
    chua_bao_cao: list[str] = field(default_factory=list)  # continuous, no result: names
    thuong_xuyen_con: int = 0  # continuous tasks not dropped
    chua_xong: list[TaskLine] = field(default_factory=list)  # overdue or not done
    tthc: list[TthcRow] = field(default_factory=list)  # the TTHC area's case figures
    theo_linh_vuc: int = 0  # how many lĩnh vực the annex details
    pakn: dict[str, str | None] = field(default_factory=dict)
    chi_so_766: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Fact:
    """A fact of section III: `loai` "qua_han" (overdue, not done), "chua_hoan_thanh" (due
    in the year, not done), "hoan_thanh_muon" (done late in the period), "khong_dat"
    (targets missed), "nguy_co" (at risk), "thuong_xuyen" (continuous, no result); `so` of
    them, named `ten`."""

    loai: str
    so: int
    ten: list[str]


@dataclass(frozen=True)
class VerdictCount:
    so: int
    ten: str


@dataclass(frozen=True)
class TthcPeriodRow:
    """A row of an annex TTHC table: one report period's (or one lĩnh vực's) case figures."""

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
class AnnexTarget:
    tt: str
    ten: str
    muc_tieu: str
    thuc_hien: str
    danh_gia: str


@dataclass(frozen=True)
class AnnexTargetGroup:
    ten: str
    chi_tieu: list[AnnexTarget]


@dataclass(frozen=True)
class SummaryRow:
    linh_vuc: str
    so_nhiem_vu: int
    thuong_xuyen: int
    den_han: int
    hoan_thanh: int
    dung_han: int
    hoan_thanh_qua_han: int
    ty_le: str
    qua_han: int
    chua_hoan_thanh: int
    khong_thuc_hien: int


@dataclass(frozen=True)
class SignerView:
    quyen_han: str
    chuc_vu: str
    ho_ten: str


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
    nam: int
    # I
    chi_dao: list[Para]
    ke_hoach: str
    ke_hoach_ve: str
    chi_dao_so_lieu: dict[str, str | None]
    chi_dao_muc: dict[str, str]
    ket_qua_kiem_tra: list[Para]
    khac_phuc_chi_so: list[Para]
    dieu_chinh: list[str]
    chi_dao_linh_vuc: AreaBlock | None
    # II
    tong_hop: Tally
    chi_tieu_tong: int
    chi_tieu_dem: list[VerdictCount]
    linh_vuc: list[AreaBlock]
    # III
    iii_muc: dict[str, str]
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
    phu_luc_chi_tieu: list[AnnexTargetGroup]
    phu_luc_tong_hop: list[SummaryRow]
    phu_luc_tong_hop_ghi_chu: str
    tong_cong: SummaryRow
    phu_luc_tthc: list[TthcPeriodRow]
    phu_luc_tthc_linh_vuc: list[TthcPeriodRow]
    phu_luc_muc: dict[str, str]  # the annex's parts shown, numbered I, II, …
    # for the command line, not for the template
    gaps: list[Gap] = field(default_factory=list)
    gap_names: dict[str, str] = field(default_factory=dict)  # a target's id → its name
    numbers: PeriodNumbers | None = None  # the numbers behind the document

    def context(self) -> dict[str, Any]:
        """The template's data: plain dicts, lists, strings and numbers only."""
        data = asdict(replace(self, gaps=[], gap_names={}, numbers=None))
        for key in ("gaps", "gap_names", "numbers"):
            data.pop(key)
        return data

    def missing(self, lang: str | None = None) -> list[str]:
        """The pre-flight: one line per item the report lacks, saying where to enter it."""
        q = self.numbers.quarter if self.numbers is not None else 0
        return [words.gap_text(g, q, self.gap_names.get(g.key, ""), lang) for g in self.gaps]

    def to_json(self) -> str:
        """`cchc report --format json`: the numbers and lists behind the document, as a
        stable interface. Its `summary` is `cchc status --quarter N --format json`'s, its
        `targets` the same values and verdicts."""
        import json

        from cchc_cli.views.status_view import JSON_VERSION, period_json, summary_json

        assert self.numbers is not None
        n = self.numbers
        story = n.story
        data = {
            "version": JSON_VERSION,
            "as_of": n.status.as_of.isoformat(),
            "period": period_json(n.status, words.language()),
            "summary": summary_json(n.status),
            "targets": [
                {
                    "id": t.id,
                    "actual": t.actual,
                    "measured_on": _iso(t.measured_on),
                    "status": t.status,
                    "same_as": t.same_as,
                }
                for t in n.status.targets
            ],  # fmt: skip
            "missing": [
                {"kind": g.kind, "key": g.key, "ids": list(g.ids), "what": text}
                for g, text in zip(self.gaps, self.missing(), strict=True)
            ],  # fmt: skip
            "figures": {
                "thong_ke_tthc": story.thong_ke_tthc.model_dump()
                if story and story.thong_ke_tthc
                else {},
                "so_lieu": dict(n.figures),
            },
            "document": self.context(),
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


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


def keep_last_words(text: str) -> str:
    """A heading whose last two words never part at a line's end: the space between them
    is a no-break space ("…CẢI CÁCH HÀNH CHÍNH" never leaves "CHÍNH" alone)."""
    head, sep, last = text.rpartition(" ")
    return f"{head}{NBSP}{last}" if sep and head.strip() else text


def _keep_sign(text: str) -> str:
    """ "≥ 90%" never broken after its sign."""
    return re.sub(r"^([≥≤<>]) ", "\\1" + NBSP, text)


vn_date = words.decree_date
vn_long_date = words.decree_long_date


def vn_number(value: float, digits: int = 1) -> str:
    """87.5 → "87,5"; 80.0 → "80" (Vietnamese decimal comma)."""
    return words.number(value, "vi", digits)


def count(value: int) -> str:
    """1380 → "1.380" (Vietnamese thousands)."""
    return f"{value:,}".replace(",", ".")


def figure(value: int | None) -> str | None:
    """A figure for the template: "1.380"; "" for zero (said in words); None: not recorded."""
    if value is None:
        return None
    return count(value) if value else ""


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
    """Name in running text: "SỞ CÔNG THƯƠNG" → "Sở Công Thương"."""
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


def report_name(year: int, quarter: int) -> str:
    """ "6 tháng đầu năm 2023", "quý I/2023": the report in running text."""
    return _SHORT[quarter].format(y=year)


def narrative_for(progress: Progress, quarter: int) -> Narrative | None:
    return progress.narrative(quarter)


# --- building ----------------------------------------------------------------------------


_PAKN = ("tiep_nhan", "da_xu_ly", "dang_xu_ly", "cong_khai", "thu_tuc_tong")


class _Builder:
    """Says a period's numbers: names, states, verdicts, figures."""

    def __init__(self, n: PeriodNumbers):
        self.n = n
        self.plan = n.plan
        self.status = n.status
        self.as_of = n.status.as_of
        self.subjects = target_subjects(n.status.indicators)
        tasks = self.plan.tasks()
        self.tasks = {t.ma: t for _p, _o, t in tasks}
        self.objectives = {t.ma: o for _p, o, t in tasks}
        self.shared = same_names(t for _p, _o, t in tasks)
        self.targets = {t.ma: t for _a, _i, t in self.plan.targets()}
        self.first_shown: dict[str, str] = {}  # measure id → the section that gives it
        self.rows = {t.id: t for t in n.status.targets}
        self._titles: dict[str, str] = {}
        self._goals: dict[str, str] = {}

    # narrative -------------------------------------------------------------------------

    def narrative(self, key: str) -> list[Para]:
        text = clean(getattr(self.n.story, key, None) if self.n.story is not None else None)
        return [Para(p.strip()) for p in text.split("\n") if p.strip()]

    # names ---------------------------------------------------------------------------

    def units(self, ids: tuple[str, ...] | list[str], verbatim: str | None = None) -> str:
        names = []
        for ma in ids:
            unit = self.plan.unit(ma)
            names.append(unit.ten if unit is not None else ma)
        if not names and verbatim:
            return one_line(verbatim)
        return ", ".join(one_line(n) for n in names)

    def task_title(self, task_id: str) -> str:
        """A task in the plan's words, or by the short name the officer gave it."""
        said = self._titles.get(task_id)
        if said is None:
            task = self.tasks[task_id]
            said = trim(one_line(task.ten_ngan)) if task.ten_ngan else inline(task.nhiem_vu)
            self._titles[task_id] = said
        return said

    def task_goal(self, task_id: str) -> str:
        """The objective of a task whose name another task of the plan shares, else ""."""
        said = self._goals.get(task_id)
        if said is None:
            said = ""
            if nfc_key(self.tasks[task_id].nhiem_vu) in self.shared:
                obj = self.objectives[task_id]
                said = trim(one_line(obj.ten_ngan or obj.noi_dung))
            self._goals[task_id] = said
        return said

    def task_name(self, task_id: str) -> str:
        """A task named for a sentence: with its objective when its name is not its own."""
        goal = self.task_goal(task_id)
        return self.task_title(task_id) + (f" (mục tiêu: {goal})" if goal else "")

    def target_name(self, ma: str) -> str:
        t = self.targets[ma]
        if t.ten_ngan:
            return _upper_first(trim(one_line(t.ten_ngan)))
        return _upper_first(trim(one_line(self.subjects.get(ma) or self.rows[ma].text)))

    # tasks --------------------------------------------------------------------------

    def state(self, row: TaskRow) -> str:
        return _STATE.get(row.status, _lower_first(words.status(row.status, "vi")))

    def task_line(self, row: TaskRow, evidence: tuple[str, ...] | None = None) -> TaskLine:
        ev = row.evidence if evidence is None else evidence
        return TaskLine(
            ma=row.id,
            ten=self.task_title(row.id),
            muc_tieu=self.task_goal(row.id),
            chu_tri=self.units(row.lead),
            thoi_han=one_line(row.deadline_text),
            tinh_trang=self.state(row),
            ngay_hoan_thanh=vn_date(row.done_on) if row.done_on and row.done else "",
            ket_qua="; ".join(inline(e) for e in ev if inline(e)),
            ghi_chu=trim(one_line(row.reason or row.note)),
        )

    def continuous_line(self, row: TaskRow) -> TaskLine:
        records = self.n.window_records.get(row.id, [])
        return self.task_line(row, tuple(r.minh_chung for r in records if r.minh_chung))

    # targets ------------------------------------------------------------------------

    def target_line(self, row: TargetRow, where: str) -> TargetLine:
        fig = row.figure
        value = row.actual
        shown = words.with_unit(value, fig.don_vi, "vi", 1) if value else ""
        step = row.milestone
        root = row.same_as or row.id
        first = self.first_shown.setdefault(root, where)
        return TargetLine(
            ma=row.id,
            ten=self.target_name(row.id),
            muc_tieu=_keep_sign(words.figure(fig, "vi")),
            thuc_hien=shown,
            ngay_so_lieu=vn_date(row.measured_on) if row.measured_on and self.n.old(row) else "",
            danh_gia=_VERDICT.get(row.status, ""),
            loai=row.status,
            moc=words.with_unit(step.gia_tri, fig.don_vi, "vi", 1) if step else "",
            moc_ngay=vn_date(step.han) if step else "",
            nhu_muc=first if first != where else "",
        )

    def targets_of(self, area: int, where: str) -> list[TargetLine]:
        """The targets of an area that have a value (one without is missing data: left
        out of the text, listed by the pre-flight)."""
        return [self.target_line(t, where) for t in self.n.valued_in(area)]

    # areas --------------------------------------------------------------------------

    def tally(self, s: Summary, subject: str) -> Tally:
        return Tally(
            chu_the=subject,
            ngay=vn_date(self.as_of),
            nhiem_vu=s.tasks,
            thuong_xuyen=s.continuous,
            co_thoi_han=s.dated,
            den_han=s.due,
            hoan_thanh_den_han=s.done_due,
            dung_han=on_time_among_due(s),
            hoan_thanh_qua_han=s.done_late,
            ty_le=words.rate(s.rate),
            hoan_thanh=s.done,
            ty_le_nam=words.rate(s.plan_rate),
            ca_nam=not_yet_due(s) > 0,
            truoc_han=s.done_early,
            qua_han=s.overdue,
            chua_hoan_thanh=s.not_done,
            co_ket_qua=s.reported,
            khong_thuc_hien=s.dropped,
        )

    def figures(self, kind: str) -> dict[str, str | None]:
        from cchc_cli.plan.shapes import AREA_FIGURES

        return {k: figure(self.n.figures.get(k)) for k, (of, _) in AREA_FIGURES.items()
                if of == kind}  # fmt: skip

    def area_block(self, ma: int, so: str, where: str) -> AreaBlock:
        area = self.n.area(ma)
        kind = area.kind
        shown = self.figures(kind)
        return AreaBlock(
            so=so,
            ten=keep_last_words(one_line(self.plan.area_name(ma))),
            loai=kind,
            dem=self.tally(area.summary, "Lĩnh vực"),
            so_lieu=shown,
            co_so_lieu=any(v is not None for v in shown.values())
            or (kind == "so" and bool(self.service_index())),
            chi_tieu=self.targets_of(ma, where),
            hoan_thanh=[self.task_line(r) for r in area.done],
            thuong_xuyen=[self.continuous_line(r) for r in area.reported],
            chua_bao_cao=[self.task_name(r.id) for r in area.silent],
            thuong_xuyen_con=len(area.continuing),
            chua_xong=[self.task_line(r) for r in area.unfinished],
            tthc=self.tthc_rows() if kind == "tthc" else [],
            theo_linh_vuc=len(self.n.tthc_areas) if kind == "tthc" else 0,
            pakn=self.complaints() if kind == "tthc" else dict.fromkeys(_PAKN),
            chi_so_766=self.service_index() if kind == "so" else {},
        )

    def complaints(self) -> dict[str, str | None]:
        public = self.n.figures.get("thu_tuc_cong_khai")
        return {
            "tiep_nhan": figure(self.n.figures.get("pakn_tiep_nhan")),
            "da_xu_ly": figure(self.n.figures.get("pakn_da_xu_ly")),
            "dang_xu_ly": figure(self.n.complaints_pending),
            "cong_khai": figure(public),
            "thu_tuc_tong": figure(self.n.procedures) if public is not None else None,
        }

    def service_index(self) -> dict[str, Any]:
        index = self.n.scored_service_index
        if index is None:
            return {}
        groups = [
            {"ten": name, "diem": vn_number(getattr(index, key), 2), "toi_da": most}
            for key, (name, most) in SERVICE_INDEX.items()
        ]
        return {"tong": vn_number(index.total, 2), "nhom": groups,
                "nguon": trim(one_line(index.nguon))}  # fmt: skip

    def tthc_rows(self) -> list[TthcRow]:
        """The TTHC table of the period (`bao_cao: [{ky, thong_ke_tthc}]`): the rows with a
        figure; a figure not recorded leaves its row out (the pre-flight lists it)."""
        stats = self.n.tthc
        if stats is None:
            return []

        def n(key: str) -> str | None:
            value = getattr(stats, key)
            return None if value is None else count(value)

        def total(value: int | None) -> str | None:
            return None if value is None else count(value)

        F = TTHC_FIELDS
        rows = [
            ("1", "Tổng số hồ sơ tiếp nhận", total(stats.received), True),
            ("a", F["tiep_nhan_truc_tuyen"], n("tiep_nhan_truc_tuyen"), False),
            ("b", F["tiep_nhan_truc_tiep"], n("tiep_nhan_truc_tiep"), False),
            ("c", F["tiep_nhan_ky_truoc"], n("tiep_nhan_ky_truoc"), False),
            ("2", "Số hồ sơ đã giải quyết", total(stats.resolved), True),
            ("a", F["giai_quyet_truoc_han"], n("giai_quyet_truoc_han"), False),
            ("b", F["giai_quyet_dung_han"], n("giai_quyet_dung_han"), False),
            ("c", F["giai_quyet_qua_han"], n("giai_quyet_qua_han"), False),
            ("3", "Số hồ sơ đang giải quyết", total(stats.pending), True),
            ("a", F["dang_giai_quyet_trong_han"], n("dang_giai_quyet_trong_han"), False),
            ("b", F["dang_giai_quyet_qua_han"], n("dang_giai_quyet_qua_han"), False),
            ("4", F["tra_lai_rut"], n("tra_lai_rut"), True),
            ("5", F["thu_xin_loi"], n("thu_xin_loi"), True),
            ("6", F["thu_tuc_tong"], n("thu_tuc_tong"), True),
            ("a", F["thu_tuc_cong_bo"], n("thu_tuc_cong_bo"), False),
            ("b", F["thu_tuc_sua_doi"], n("thu_tuc_sua_doi"), False),
            ("c", F["thu_tuc_bai_bo"], n("thu_tuc_bai_bo"), False),
            ("7", "Dịch vụ công trực tuyến", "", True),
            ("a", F["dvc_toan_trinh"], n("dvc_toan_trinh"), False),
            ("b", F["dvc_mot_phan"], n("dvc_mot_phan"), False),
            ("c", F["thanh_toan_truc_tuyen"], n("thanh_toan_truc_tuyen"), False),
        ]
        kept = [
            TthcRow(tt, text, value, bold) for tt, text, value, bold in rows if value is not None
        ]
        if [r.tt for r in kept[-1:]] == ["7"]:  # the group's title with nothing under it
            kept.pop()
        return kept

    def tthc_by_period(self) -> list[TthcPeriodRow]:
        """The annex's TTHC table: the case figures of each report of the year up to this
        one that has them, each over its own data window (the 6-month and year reports
        count from 15/12, so the rows are not added up)."""
        rows = []
        for p, st in self.n.tthc_so_far():
            name = _upper_first(report_name(self.plan.nam, p.quarter))
            rows.append(_tthc_row(f"{name} ({vn_date(p.start)}–{vn_date(p.cutoff)})", st))
        return rows

    def tthc_by_area(self) -> list[TthcPeriodRow]:
        return [_tthc_row(one_line(a.linh_vuc), a) for a in self.n.tthc_areas]

    # annex --------------------------------------------------------------------------

    def annex_row(self, task: Any, row: TaskRow, tt: str) -> AnnexRow:
        deadline = clean(task.thoi_han)
        for extra in task.dong_tiep:
            if nfc_key(extra.thoi_han) != nfc_key(task.thoi_han):
                deadline += "\n" + clean(extra.thoi_han)
        progress = _upper_first(self.state(row))
        if row.done_on is not None and row.done:
            progress += f" ({vn_date(row.done_on)})"
        notes = []
        if row.reason:
            notes.append(f"Lý do: {clean(row.reason)}")
        elif row.note:
            notes.append(clean(row.note))
        evidence = row.evidence
        if row.continuous:  # what was done in this period
            records = self.n.window_records.get(row.id, [])
            evidence = tuple(r.minh_chung for r in records if r.minh_chung)
        return AnnexRow(
            tt=tt,
            nhiem_vu=clean(task.nhiem_vu),
            chu_tri=self.units(task.chu_tri, task.chu_tri_goc),
            thoi_han=deadline,
            ket_qua="\n".join(clean(e) for e in evidence),
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
            dung_han=s.done_on_time,
            hoan_thanh_qua_han=s.done_late,
            ty_le=words.rate(s.rate),
            qua_han=s.overdue,
            chua_hoan_thanh=s.not_done,
            khong_thuc_hien=s.dropped,
        )


def _tthc_row(name: str, st: Any) -> TthcPeriodRow:
    def c(value: int | None) -> str:
        return "" if value is None else count(value)

    return TthcPeriodRow(
        ky=name,
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
    )


def amendments_in(b: _Builder) -> list[str]:
    """The plan's amendments decided inside the report's window, one sentence each, naming
    what they changed in the plan's words."""
    lines = []
    for a in b.n.amendments:
        named = [b.task_name(m) if m in b.tasks else b.target_name(m) if m in b.targets else m
                 for m in a.ma]  # fmt: skip
        lines.append(
            f"{one_line(a.so)} ngày {vn_date(a.ngay)}: {trim(a.ly_do)} "
            f"(điều chỉnh: {'; '.join(named)})."
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
    """ "; thực hiện Văn bản số 1234/SNV-CCHC ngày 01/6/2023 của Sở Nội vụ về …"."""
    asked = story.tra_loi if story else None
    if asked is None:
        return ""
    text = f"; thực hiện Văn bản số {one_line(asked.so)} ngày {vn_date(asked.ngay)}"
    if asked.co_quan:
        text += f" của {one_line(asked.co_quan)}"
    if asked.trich_yeu:
        text += f" {_lower_first(trim(one_line(asked.trich_yeu)))}"
    return text


def _plan_reference(n: PeriodNumbers) -> tuple[str, str]:
    """("Kế hoạch số 15/KH-SCT ngày 10/01/2023", "cải cách hành chính năm 2023"): the plan
    by its number and date when known (the pre-flight asks for them otherwise)."""
    doc = n.plan.van_ban
    ref = "Kế hoạch"
    if n.plan_issue is not None:
        num, day = n.plan_issue
        ref += f" số {num}" + (f" ngày {vn_date(day)}" if day else "")
    return ref, _lower_first(trim(one_line(doc.trich_yeu)))


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

    The numbers are `plan.period.period_numbers`', from `compute_status` for the report's
    period: the same that `cchc status --quarter N` shows."""
    if quarter not in QUARTERS:
        raise ValueError(f"quarter must be one of {QUARTERS}, got {quarter!r}")
    period = plan_period(plan, quarter)
    as_of = period.cutoff if as_of is None else as_of
    check_as_of(period, as_of)
    numbers = period_numbers(plan, progress, quarter, as_of)
    b = _Builder(numbers)
    story = numbers.story
    so = document_number(number if number is not None else (story.so if story else None), plan)
    # Section II's areas are built before section I's steering area is numbered last in I,
    # so that a measure is "first given" where the reader meets it first: section I.
    one = _section_one(b)
    return ReportView(
        **_heading(b, period, as_of, signed_on, so),
        **one,
        **_section_two(b),
        **_section_three(b),
        **_section_four(b),
        **_closing(b),
        **_annex(b, signed_on, so),
        gaps=list(numbers.gaps),
        gap_names={g.key: b.target_name(g.key) for g in numbers.gaps if g.kind == "target"},
        numbers=numbers,
    )


def _ky(plan: Plan, quarter: int) -> str:
    return _TITLE[quarter].format(y=plan.nam)


def _heading(b: _Builder, period: Period, as_of: date, signed_on: date, so: str) -> dict[str, Any]:
    """The header block, the title and the opening sentence, which cites the plan by its
    number and date and the document the report answers (`bao_cao: [{ky: N, tra_loi: …}]`)."""
    plan, story = b.plan, b.n.story
    doc = plan.van_ban
    org = _org_name(doc.co_quan_ban_hanh)
    ky = _ky(plan, period.quarter)
    ref, about = _plan_reference(b.n)
    return {
        "co_quan_chu_quan": one_line(doc.co_quan_chu_quan),
        "co_quan_ban_hanh": one_line(doc.co_quan_ban_hanh),
        "ten_co_quan": org,
        "so_ky_hieu": so,
        "dia_danh_ngay": vn_long_date(one_line(doc.dia_danh), signed_on),
        "ngay_ky": vn_date(signed_on),
        "trich_yeu": _title(f"Kết quả thực hiện công tác cải cách hành chính {ky}", ky),
        "kinh_gui": _addressees((story and story.kinh_gui) or plan.cai_dat.kinh_gui),
        "can_cu": f"{ref} của {org} về {about}{_request(story)}",
        "tu_ngay": vn_date(period.start),
        "den_ngay": vn_date(as_of),
        "ky_bao_cao": ky,
        "ky_bao_cao_ngan": f"kết quả thực hiện công tác CCHC {report_name(plan.nam, period.quarter)}",
        "ngay_so_lieu": vn_date(as_of),
        "nam": plan.nam,
    }


def _numbered(shown: dict[str, bool]) -> dict[str, str]:
    """Sub-sections numbered 1, 2, … in order, skipping those with nothing to say."""
    out, i = {}, 0
    for key, here in shown.items():
        i += here
        out[key] = str(i) if here else ""
    return out


def _section_one(b: _Builder) -> dict[str, Any]:
    """I. Chỉ đạo, điều hành: the narrative, the plan and its amendments, inspections
    (what they found and how it was handled), communication, initiatives, the follow-up
    of the PAR and SIPAS indices, the steering area's block."""
    steering = b.n.steering
    f = b.figures("chi_dao")
    rate = b.n.inspection_rate
    f["ty_le_kiem_tra"] = words.rate(rate) if rate is not None else ""
    ref, about = _plan_reference(b.n)
    findings = b.narrative("ket_qua_kiem_tra")
    follow_up = b.narrative("khac_phuc_chi_so")
    muc = _numbered({
        "ke_hoach": True,
        "kiem_tra": f["cuoc_kiem_tra"] is not None,
        "tuyen_truyen": f["tin_bai_tuyen_truyen"] is not None,
        "sang_kien": f["sang_kien"] is not None,
        "khac_phuc": bool(follow_up),
        "nhiem_vu": steering is not None,
    })  # fmt: skip
    where = one_line(steering.ten) if steering is not None else ""
    return {
        "chi_dao": b.narrative("chi_dao_dieu_hanh"),
        "ke_hoach": ref,
        "ke_hoach_ve": about,
        "chi_dao_so_lieu": f,
        "chi_dao_muc": muc,
        "ket_qua_kiem_tra": findings,
        "khac_phuc_chi_so": follow_up,
        "dieu_chinh": amendments_in(b),
        "chi_dao_linh_vuc": b.area_block(steering.ma, "", where) if steering else None,
    }


def _section_two(b: _Builder) -> dict[str, Any]:
    """II. Results: the whole plan's tally and the verdicts of its measures, then one block
    per area."""
    steering = b.n.steering
    other = [a for a in b.plan.linh_vuc if a is not steering]
    verdicts = b.n.verdicts()
    return {
        "tong_hop": b.tally(b.status.summary, f"Kế hoạch CCHC năm {b.plan.nam}"),
        "chi_tieu_tong": sum(verdicts.values()),
        "chi_tieu_dem": [
            VerdictCount(verdicts[k], _VERDICT[k]) for k in _VERDICT_ORDER if verdicts.get(k)
        ],  # fmt: skip
        "linh_vuc": [b.area_block(a.ma, str(i), one_line(a.ten)) for i, a in enumerate(other, 1)],
    }


def _section_three(b: _Builder) -> dict[str, Any]:
    """III. Đánh giá chung: the narrative and the facts a person should explain, each
    named in the plan's words."""
    n = b.n
    tasks = {"qua_han": n.overdue, "chua_hoan_thanh": n.not_done, "hoan_thanh_muon": n.done_late}
    targets = {"khong_dat": n.missed, "nguy_co": n.at_risk}
    facts = [Fact(kind, len(rows), [b.task_name(r.id) for r in rows])
             for kind, rows in tasks.items() if rows]  # fmt: skip
    facts += [Fact(kind, len(rows), [b.target_name(t.id) for t in rows])
              for kind, rows in targets.items() if rows]  # fmt: skip
    if n.silent:  # named in their areas (section II): counted here
        facts.append(Fact("thuong_xuyen", len(n.silent), []))
    uu_diem, ton_tai, nguyen_nhan = (b.narrative(k) for k in
                                     ("ket_qua_noi_bat", "ton_tai_han_che", "nguyen_nhan"))  # fmt: skip
    return {
        "iii_muc": _numbered(
            {"uu_diem": bool(uu_diem), "ton_tai": bool(ton_tai or facts or nguyen_nhan)}
        ),  # fmt: skip
        "uu_diem": uu_diem,
        "ton_tai": ton_tai,
        "ton_tai_so_lieu": facts,
        "nguyen_nhan": nguyen_nhan,
    }


def _section_four(b: _Builder) -> dict[str, Any]:
    """IV. Phương hướng: what falls due in the next period, and what carries over, each
    with its state in the words of the tally and the annex."""
    n, y = b.n, b.plan.nam
    next_name = _NEXT[n.quarter].format(y=y, y1=y + 1)
    upcoming = [b.task_line(r) for r in n.upcoming]
    later = ""
    if n.next_end is None:
        later = f"Các nhiệm vụ năm {y + 1} thực hiện theo Kế hoạch CCHC năm {y + 1}."
    elif not upcoming:
        later = f"Theo Kế hoạch, không có nhiệm vụ nào đến hạn trong {next_name}."
    if n.continuing:
        later = (later + " " if later else "") + (
            f"Tiếp tục thực hiện {n.continuing} nhiệm vụ thường xuyên theo Kế hoạch."
        )
    start = vn_date(b.as_of + timedelta(days=1))
    return {
        "phuong_huong": b.narrative("phuong_huong"),
        "ky_toi": next_name,
        "ky_toi_nhan": f"Các nhiệm vụ theo Kế hoạch đến hạn từ ngày {start} đến hết {next_name}:",
        "nhiem_vu_ky_toi": upcoming,
        "tiep_tuc": [b.task_line(r) for r in n.unfinished],
        "ky_toi_ghi_chu": later,
    }


# What such reports carry when the plan and the period name no recipients.
DEFAULT_RECIPIENTS = ("Như trên;", "UBND tỉnh (b/c);", "Giám đốc, các PGĐ Sở;")


def _closing(b: _Builder) -> dict[str, Any]:
    """V. Kiến nghị, the signer and Nơi nhận."""
    plan, story = b.plan, b.n.story
    signer = b.n.signer
    keep = f"Lưu: VT, {one_line(plan.cai_dat.don_vi_luu) or 'VP'}."
    sent = (
        (story and story.noi_nhan) or plan.cai_dat.noi_nhan_bao_cao or [*DEFAULT_RECIPIENTS, keep]
    )
    return {
        "kien_nghi": b.narrative("kien_nghi"),
        "nguoi_ky": SignerView(
            quyen_han=one_line(signer.quyen_han),
            chuc_vu=one_line(signer.chuc_vu),
            ho_ten=one_line(signer.ho_ten or ""),
        ),
        "noi_nhan": [one_line(line) for line in sent],
    }


def _annex(b: _Builder, signed_on: date, so: str) -> dict[str, Any]:
    """The landscape annex: every task, every measure with a value, the tally per area, the
    TTHC cases per report and per lĩnh vực."""
    plan, status = b.plan, b.status
    by_id = {r.id: r for r in status.tasks}
    org = _org_name(plan.van_ban.co_quan_ban_hanh)
    parts = []
    for part in plan.phu_luc.phan:
        rows = []
        for o in part.objectives:
            for i, t in enumerate(o.nhiem_vu):
                rows.append(b.annex_row(t, by_id[t.ma], one_line(o.so) if i == 0 else ""))
        parts.append(AnnexPart(one_line(part.so), one_line(part.tieu_de), rows))
    groups = []
    for area in plan.chi_tieu:
        rows_t = b.n.measured_in(area.linh_vuc)
        if rows_t:
            lines = [b.target_line(t, "") for t in rows_t]
            groups.append(AnnexTargetGroup(
                one_line(area.tieu_de),
                [AnnexTarget(str(i), x.ten, x.muc_tieu, x.thuc_hien or "Chưa có kết quả",
                             _upper_first(x.danh_gia)) for i, x in enumerate(lines, 1)],
            ))  # fmt: skip
    by_period, by_area = b.tthc_by_period(), b.tthc_by_area()
    shown = {"nhiem_vu": True, "chi_tieu": bool(groups), "tong_hop": True,
             "tthc": bool(by_period), "linh_vuc": bool(by_area)}  # fmt: skip
    roman = iter(("I", "II", "III", "IV", "V", "VI"))
    due = (
        "mọi nhiệm vụ có thời hạn trong năm"
        if status.whole_year
        else "nhiệm vụ có thời hạn đến ngày này"
    )
    return {
        "phu_luc_muc": {k: next(roman) if here else "" for k, here in shown.items()},
        "phu_luc_tieu_de": keep_last_words(
            f"KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH {_ky(plan, b.n.quarter).upper()}"
        ),
        "phu_luc_kem_theo": f"(Kèm theo Báo cáo số {so} ngày {vn_date(signed_on)} của {org})",
        "phu_luc_nhiem_vu": parts,
        "phu_luc_chi_tieu": groups,
        "phu_luc_tong_hop": [
            b.summary_row(one_line(a.ten), status.by_area.get(a.ma, Summary()))
            for a in plan.linh_vuc
        ],
        "phu_luc_tong_hop_ghi_chu": (
            f"Số liệu tính đến ngày {vn_date(b.as_of)}; nhiệm vụ đến hạn là {due}; tỷ lệ hoàn "
            "thành = số nhiệm vụ đến hạn đã hoàn thành / số nhiệm vụ đến hạn; nhiệm vụ thực "
            "hiện thường xuyên không có thời hạn, không tính quá hạn."
        ),
        "tong_cong": b.summary_row("Tổng cộng", status.summary),
        "phu_luc_tthc": by_period,
        "phu_luc_tthc_linh_vuc": by_area,
    }
