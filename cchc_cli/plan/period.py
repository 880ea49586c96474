"""A report period's numbers, computed once from `plan.status`'s results: what was done
in the period and how (on time, late), what is left, the targets as the period judges
them, the period's figures and the shares they give, what falls due next, and what the
report lacks (its pre-flight: the officer's list of data to enter).

Pure: no I/O, no words. The report (`views.report`) lays these out; `cchc report --check`
lists the gaps; the status, sheets, site and score read the same numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from cchc_cli.plan.deadlines import Period
from cchc_cli.plan.measures import cumulative, figure_of, latest, measures, share
from cchc_cli.plan.shapes import AREA_FIGURES, TTHC_FIELDS, nfc_key
from cchc_cli.plan.status import (
    StatusReport,
    Summary,
    TargetRow,
    TaskRow,
    compute_status,
    plan_period,
)

# The narrative a person writes for each report, in report order.
NARRATIVE_KEYS = (
    "chi_dao_dieu_hanh",
    "khac_phuc_chi_so",
    "ket_qua_noi_bat",
    "ton_tai_han_che",
    "nguyen_nhan",
    "phuong_huong",
    "kien_nghi",
)
# Narrative a report needs only when its figures say there is something to tell:
# key -> the figure that must be above 0.
NARRATIVE_WHEN = {"ket_qua_kiem_tra": "cuoc_kiem_tra"}

# A figure needed only when another is above 0 (no units inspected to count without an
# inspection, no complaints handled without complaints received).
FIGURE_WHEN = {
    "tong_so_don_vi": "cuoc_kiem_tra",
    "don_vi_duoc_kiem_tra": "cuoc_kiem_tra",
    "ton_tai_qua_kiem_tra": "cuoc_kiem_tra",
    "ton_tai_da_khac_phuc": "ton_tai_qua_kiem_tra",
    "vb_qppl_kien_nghi": "vb_qppl_ra_soat",
    "van_ban_di_dien_tu": "van_ban_di",
    "van_ban_ky_so": "van_ban_di",
    "pakn_da_xu_ly": "pakn_tiep_nhan",
    "cong_chuc_co_mat": "bien_che_giao",
    "vien_chuc_co_mat": "nguoi_lam_viec_giao",
}

# The kinds of area a CCHC plan has, found by the words of the area's name, in the
# order tried: steering first ("Chỉ đạo điều hành"), then the six reform areas.
AREA_KINDS = (
    ("chi_dao", ("chỉ đạo",)),
    ("tthc", ("thủ tục hành chính",)),
    ("the_che", ("thể chế",)),
    ("bo_may", ("bộ máy",)),
    ("cong_vu", ("công vụ",)),
    ("tai_chinh", ("tài chính",)),
    ("so", ("chính quyền điện tử", "chính quyền số", "chuyển đổi số", "chính phủ điện tử")),
)


def area_kind(name: str) -> str:
    """ "chi_dao", "tthc", "the_che", "bo_may", "cong_vu", "tai_chinh", "so", or "" for an
    area whose name says none of them."""
    key = nfc_key(name)
    return next((k for k, marks in AREA_KINDS if any(m in key for m in marks)), "")


@dataclass(frozen=True)
class Gap:
    """A piece of data the report of a period needs and does not have, or holds in a form
    the signed text should not carry.

    `kind`: "narrative" (a paragraph to write under `bao_cao`), "figure" (a standard figure
    under `so_lieu`; "figures": none of them), "tthc" (a TTHC case figure under
    `thong_ke_tthc`; "tthc_all": none of them), "tthc_areas" (the
    cases by lĩnh vực), "service_index" (the QĐ 766 points), "target" (a measure with no
    value by the cut-off: `key` is its id; "target_old": one whose value is older than the
    period's last quarter, `ids` its day and that quarter's first), "plan_number" (the plan's number and date),
    "signer" (the signer's name), "codes" (a narrative that names internal ids: `ids`)."""

    kind: str
    key: str
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class AreaNumbers:
    """An area's part of a period's numbers: its tally and its tasks by what the report
    says of them."""

    area: int
    kind: str  # `area_kind` of its name
    summary: Summary
    tasks: tuple[TaskRow, ...]

    @property
    def done(self) -> list[TaskRow]:
        """Tasks completed on a day inside the window."""
        return [r for r in self.tasks if r.done and r.done_in_window]

    @property
    def continuing(self) -> list[TaskRow]:
        """Continuous tasks not dropped."""
        return [r for r in self.tasks if r.continuous and r.status != "dropped"]

    @property
    def reported(self) -> list[TaskRow]:
        """Continuous tasks with a record inside the window."""
        return [r for r in self.continuing if r.status == "reported"]

    @property
    def silent(self) -> list[TaskRow]:
        """Continuous tasks with no record inside the window."""
        return [r for r in self.continuing if r.status != "reported"]

    @property
    def unfinished(self) -> list[TaskRow]:
        """Dated tasks due and not completed (overdue, or not done in the year report)."""
        return [r for r in self.tasks if r.status in UNFINISHED]


# A dated task due and not completed: past its deadline, or not done by the year's end.
UNFINISHED = ("overdue", "not_done")


def on_time_among_due(s: Summary) -> int:
    """Of the tasks due and completed, those completed by their deadline (a task completed
    late is always among the due). `Summary.done_on_time` counts the early ones too (a task
    done before a deadline still to come): this is `done_on_time - done_early`."""
    return s.done_due - s.done_late


def is_due(row: TaskRow, status: StatusReport) -> bool:
    """Whether a dated task counts as due, as `Summary.due` counts it: every dated task when
    the whole year is evaluated, else one whose deadline is on or before the as-of date."""
    return status.whole_year or (row.due is not None and row.due <= status.as_of)


def done_early(row: TaskRow, status: StatusReport) -> bool:
    """A task completed before a deadline still to come: counted in `Summary.done_early`,
    neither due nor on time nor late ("hoàn thành trước hạn")."""
    return row.done and not row.continuous and not is_due(row, status)


def not_yet_due(s: Summary) -> int:
    """Dated tasks whose deadline is after the as-of date."""
    return s.dated - s.due


def not_yet_due_undone(s: Summary) -> int:
    """Dated tasks whose deadline is after the as-of date and that are not done yet (the
    annex tally's "Chưa đến hạn": those done early have a column of their own)."""
    return not_yet_due(s) - s.done_early


@dataclass(frozen=True)
class PeriodNumbers:
    """Everything a report of `quarter` counts, at `status.as_of`."""

    plan: Any
    progress: Any
    quarter: int
    period: Period
    status: StatusReport
    story: Any  # the period's `bao_cao` entry, or None
    cumulative: bool  # the window counts from the year's start (quý I, 6 tháng, năm)
    figures: dict[str, int]  # the period's standard figures as recorded (`so_lieu`)
    tthc: Any  # the period's TTHC case figures (`thong_ke_tthc`), or None
    tthc_areas: tuple[Any, ...]  # the cases by lĩnh vực
    service_index: Any  # the QĐ 766 points, or None
    inspected_share: float | None  # units inspected / units, for a window from the year's start
    plan_issue: tuple[str, date | None] | None  # the plan's number and date, when known
    window_records: dict[str, list[Any]]  # each task's records inside the window, by date
    next_end: date | None  # the last day of the period after this one (None after the year)
    fresh_from: date  # a value measured before this day is older than the period's last quarter
    computed_parts: dict[str, tuple[int, int]] = field(default_factory=dict)  # id → part, whole
    gaps: tuple[Gap, ...] = ()
    kinds: dict[int, str] = field(default_factory=dict)  # area -> its kind

    # figures and who signs ------------------------------------------------------------

    def count(self, key: str) -> int:
        """A standard figure as recorded, 0 when it is not."""
        return self.figures.get(key) or 0

    def figure_needed(self, key: str) -> bool:
        """Whether the report needs figure `key`: always, or when the figure it depends on
        (`FIGURE_WHEN`) is above 0."""
        cond = FIGURE_WHEN.get(key)
        return cond is None or self.count(cond) > 0

    @property
    def area_kinds(self) -> set[str]:
        """The kinds of area the plan has; steering ("chi_dao") always."""
        return set(self.kinds.values()) | {"chi_dao"}

    @property
    def scored_service_index(self) -> Any:
        """The QĐ 766 points when their total is recorded, else None."""
        index = self.service_index
        return index if index is not None and index.total is not None else None

    @property
    def signer(self) -> Any:
        """Who signs the report: the period's `nguoi_ky`, else the plan's signer of
        reports (`cai_dat.nguoi_ky_bao_cao`), else the plan's own."""
        settings, issued = self.plan.cai_dat, self.plan.van_ban
        return (self.story and self.story.nguoi_ky) or settings.nguoi_ky_bao_cao or issued.nguoi_ky

    @property
    def inspection_rate(self) -> float | None:
        """Units inspected among the units, for a window from the year's start that had an
        inspection; else None."""
        return self.inspected_share if self.count("cuoc_kiem_tra") else None

    @property
    def complaints_pending(self) -> int | None:
        """Complaints and petitions received and not handled (`pakn_tiep_nhan` −
        `pakn_da_xu_ly`), when both are recorded."""
        got, done = self.figures.get("pakn_tiep_nhan"), self.figures.get("pakn_da_xu_ly")
        return got - done if got is not None and done is not None else None

    @property
    def procedures(self) -> int | None:
        """The body's administrative procedures in all (`thong_ke_tthc.thu_tuc_tong`)."""
        return self.tthc.thu_tuc_tong if self.tthc is not None else None

    def tthc_so_far(self) -> list[tuple[Period, Any]]:
        """The TTHC case figures of each report of the year up to this one that has them,
        with its period (each over its own data window: they do not add up)."""
        found = []
        for quarter in range(1, self.quarter + 1):
            story = self.progress.narrative(quarter)
            if story is not None and story.thong_ke_tthc is not None:
                found.append((plan_period(self.plan, quarter), story.thong_ke_tthc))
        return found

    # the plan ------------------------------------------------------------------------

    @property
    def steering(self) -> Any:
        """The plan's steering area (the first of kind "chi_dao"), or None."""
        return next((a for a in self.plan.linh_vuc if self.kinds.get(a.ma) == "chi_dao"), None)

    @property
    def amendments(self) -> list[Any]:
        """The plan's amendments decided inside the window (to the as-of date), by date."""
        start, end = self.period.start, self.status.as_of
        return [a for a in sorted(self.plan.dieu_chinh, key=lambda a: a.ngay)
                if start <= a.ngay <= end]  # fmt: skip

    # tasks --------------------------------------------------------------------------

    def tasks_in(self, area: int) -> list[TaskRow]:
        return [r for r in self.status.tasks if r.area == area]

    def area(self, area: int) -> AreaNumbers:
        """The numbers of one area of the plan."""
        summary = self.status.by_area.get(area, Summary())
        return AreaNumbers(area, self.kinds.get(area, ""), summary, tuple(self.tasks_in(area)))

    @property
    def unfinished(self) -> list[TaskRow]:
        """Dated tasks due and not completed: past their deadline (overdue) or, in the year
        report, due later in the year (not done)."""
        return [r for r in self.status.tasks if r.status in UNFINISHED]

    @property
    def overdue(self) -> list[TaskRow]:
        return [r for r in self.unfinished if r.status == "overdue"]

    @property
    def not_done(self) -> list[TaskRow]:
        return [r for r in self.unfinished if r.status == "not_done"]

    @property
    def done_late(self) -> list[TaskRow]:
        """Tasks completed after their deadline, on a day inside the window."""
        return [r for r in self.status.tasks if r.status == "done_late" and r.done_in_window]

    @property
    def silent(self) -> list[TaskRow]:
        """Continuous tasks with no record inside the window."""
        return [r for r in self.status.tasks if r.status == "missing_report"]

    @property
    def upcoming(self) -> list[TaskRow]:
        """Dated tasks not done that fall due after the as-of date, by the next period's end."""
        end, as_of = self.next_end, self.status.as_of
        return [
            r for r in self.status.tasks
            if not r.continuous and not r.done and r.status != "dropped"
            and r.due is not None and end is not None and as_of < r.due <= end
        ]  # fmt: skip

    @property
    def continuing(self) -> int:
        """Continuous tasks not dropped: they carry on into the next period."""
        return sum(1 for r in self.status.tasks if r.continuous and r.status != "dropped")

    # targets ------------------------------------------------------------------------

    @property
    def measured(self) -> list[TargetRow]:
        """The measures with a value by the cut-off, each once (a restated target is the
        measure it restates)."""
        return [t for t in self.status.targets if t.same_as is None and t.actual is not None]

    @property
    def weak(self) -> list[TargetRow]:
        """Measures at risk or missed."""
        return [t for t in self.measured if t.status in ("at_risk", "missed")]

    @property
    def missed(self) -> list[TargetRow]:
        return [t for t in self.measured if t.status == "missed"]

    @property
    def at_risk(self) -> list[TargetRow]:
        return [t for t in self.measured if t.status == "at_risk"]

    def measured_in(self, area: int) -> list[TargetRow]:
        """The measures of an area with a value, each once."""
        return [t for t in self.measured if t.area == area]

    def valued_in(self, area: int) -> list[TargetRow]:
        """The targets of an area with a value, restated ones included (one without is
        missing data: listed by the pre-flight)."""
        return [t for t in self.status.targets if t.area == area and t.actual is not None]

    def old(self, row: TargetRow) -> bool:
        """Whether a target's value was measured before the period's last quarter began (quý
        I: its window; the 6-month report: 15/3; quý III: 15/6; the year report: 15/9): a
        value the report must date, and the pre-flight asks to bring up to date."""
        return row.measured_on is not None and row.measured_on < self.fresh_from

    @property
    def dated_old(self) -> list[TargetRow]:
        """The measures whose value is older than the period's last quarter."""
        return [t for t in self.measured if self.old(t)]

    def early(self, row: TaskRow) -> bool:
        """A task completed before a deadline still to come (`done_early`)."""
        return done_early(row, self.status)

    @property
    def latest_value_day(self) -> date | None:
        """The day of the newest value among the measures (the day the verdicts are as of)."""
        days = [t.measured_on for t in self.measured if t.measured_on is not None]
        return max(days) if days else None

    @property
    def unmeasured(self) -> list[TargetRow]:
        """The measures with no value by the cut-off (a restated target is the measure it
        restates): missing data, which the pre-flight lists."""
        return [t for t in self.status.targets if t.same_as is None and t.actual is None]

    def verdicts(self) -> dict[str, int]:
        """How many measures with a value have each verdict."""
        counts: dict[str, int] = {}
        for t in self.measured:
            counts[t.status] = counts.get(t.status, 0) + 1
        return counts


def exceeds(figure: Any, actual: float) -> bool:
    """Whether a value met goes beyond its target ("vượt"): above a floor or a count to reach
    (above a range's upper end); a ceiling kept is met, not exceeded."""
    match figure.so_sanh:
        case ">=" | ">" | "=":
            return actual > figure.gia_tri
        case "khoang":
            return actual > (
                figure.gia_tri_den if figure.gia_tri_den is not None else figure.gia_tri
            )
    return False


def next_period_start(quarter: int, year: int) -> date | None:
    """The first day of what comes after report `quarter`, in calendar terms (quý II, the
    second half, quý IV); None after the year report."""
    return {1: date(year, 4, 1), 2: date(year, 7, 1), 3: date(year, 10, 1)}.get(quarter)


def next_period_end(quarter: int, year: int) -> date | None:
    """The last day of what comes after report `quarter`, in calendar terms (deadlines are
    calendar phrases): quý II after quý I, the second half after the 6-month report, quý IV
    after quý III; None after the year report."""
    return {1: date(year, 6, 30), 2: date(year, 12, 31), 3: date(year, 12, 31)}.get(quarter)


# Anything shaped like an id: letters or digits in two or more dotted parts (I.1.a, 7.1.5,
# CT2.3.a), standing alone. Which of them are ids is looked up, not compiled into a pattern
# of every id (a plan of 10,000 tasks would take a second to compile).
_ID_SHAPED = re.compile(r"(?<![\w.])([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+)(?![\w]|\.\w)")


@dataclass(frozen=True)
class IdFinder:
    """Finds the ids cchc gives tasks, objectives, indicators and targets in text."""

    ids: frozenset[str]

    def findall(self, text: str) -> list[str]:
        return [m for m in _ID_SHAPED.findall(text) if m in self.ids]


def internal_ids(plan: Any, task_ids: Iterable[str] | None = None) -> IdFinder:
    """The ids cchc gives tasks, objectives, indicators and targets (I.1.a, 7.1.5,
    CT2.3.a), to be found standing alone in text."""
    ids = set(task_ids) if task_ids is not None else {t.ma for _p, _o, t in plan.tasks()}
    ids |= {o.ma for p in plan.phu_luc.phan for o in p.objectives}
    ids |= {i.ma for a in plan.chi_tieu for i in a.chi_tieu}
    ids |= {t.ma for _a, _i, t in plan.targets()}
    return IdFinder(frozenset(i for i in ids if "." in i))


def _record_window(progress: Any, start: date, end: date) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for rec in sorted(progress.nhiem_vu, key=lambda r: r.ngay):
        if start <= rec.ngay <= end:
            found.setdefault(rec.ma, []).append(rec)
    return found


def _plan_issue(plan: Any, progress: Any) -> tuple[str, date | None] | None:
    """The plan's number and date: the plan file's own once numbered, else the progress
    file's `ke_hoach`."""
    doc = plan.van_ban
    if doc.so and doc.so.strip():
        num = " ".join(doc.so.split())
        if "/" not in num:
            num = f"{num}/{doc.ky_hieu_loai}-{doc.ky_hieu_co_quan}"
        d = doc.ngay_ban_hanh
        day = date(d.nam, d.thang, d.ngay) if d.ngay and d.thang else None
        return num, day
    issued = getattr(progress, "ke_hoach", None)
    if issued is not None:
        return " ".join(issued.so.split()), issued.ngay
    return None


def _said(story: Any, key: str) -> str:
    """A narrative paragraph of the period's `bao_cao` entry, "" when not written."""
    return getattr(story, key, None) or ""


def _plan_number_gaps(n: PeriodNumbers) -> list[Gap]:
    if n.plan_issue is None or n.plan_issue[1] is None:
        return [Gap("plan_number", "ke_hoach")]
    return []


def _narrative_gaps(n: PeriodNumbers) -> list[Gap]:
    """The narrative always needed, then the narrative its figures call for."""
    called_for = [key for key, cond in NARRATIVE_WHEN.items() if n.count(cond) > 0]
    return [
        Gap("narrative", key)
        for key in (*NARRATIVE_KEYS, *called_for)
        if not _said(n.story, key).strip()
    ]


def _figure_gaps(n: PeriodNumbers) -> list[Gap]:
    """The standard figures of the plan's kinds of area (none recorded: one item, not thirty)."""
    if n.story is None or n.story.so_lieu is None:
        return [Gap("figures", "so_lieu")]
    kinds = n.area_kinds
    return [
        Gap("figure", key)
        for key, (kind, _what) in AREA_FIGURES.items()
        if kind in kinds and key not in n.figures and n.figure_needed(key)
    ]


def _tthc_gaps(n: PeriodNumbers) -> list[Gap]:
    """The TTHC case figures and the cases by lĩnh vực, for a plan with a TTHC area."""
    if "tthc" not in n.area_kinds:
        return []
    if n.tthc is None:
        gaps = [Gap("tthc_all", "thong_ke_tthc")]
    else:
        gaps = [Gap("tthc", key) for key in TTHC_FIELDS if getattr(n.tthc, key) is None]
    if not n.tthc_areas:
        gaps.append(Gap("tthc_areas", "tthc_linh_vuc"))
    return gaps


def _service_index_gaps(n: PeriodNumbers) -> list[Gap]:
    if "so" in n.area_kinds and n.scored_service_index is None:
        return [Gap("service_index", "chi_so_766")]
    return []


def _target_gaps(n: PeriodNumbers) -> list[Gap]:
    """The measures with no value, then those whose value is older than the period's last
    quarter (`ids`: the day of that value)."""
    return [
        *(Gap("target", t.id) for t in n.unmeasured),
        *(Gap("target_old", t.id, (t.measured_on.isoformat(), n.fresh_from.isoformat()))
          for t in n.dated_old if t.measured_on is not None),
    ]  # fmt: skip


def _signer_gaps(n: PeriodNumbers) -> list[Gap]:
    return [] if (n.signer.ho_ten or "").strip() else [Gap("signer", "ho_ten")]


def _code_gaps(n: PeriodNumbers, ids: IdFinder) -> list[Gap]:
    """The narrative that names cchc's ids, each with the ids it names."""
    found = {
        key: tuple(dict.fromkeys(ids.findall(_said(n.story, key))))
        for key in (*NARRATIVE_KEYS, *NARRATIVE_WHEN)
    }
    return [Gap("codes", key, named) for key, named in found.items() if named]


def find_gaps(n: PeriodNumbers, ids: IdFinder) -> list[Gap]:
    """What the report of `n` lacks, in the order the pre-flight lists it."""
    return [
        *_plan_number_gaps(n),
        *_narrative_gaps(n),
        *_figure_gaps(n),
        *_tthc_gaps(n),
        *_service_index_gaps(n),
        *_target_gaps(n),
        *_signer_gaps(n),
        *_code_gaps(n, ids),
    ]


def period_numbers(
    plan: Any, progress: Any, quarter: int, as_of: date | None = None
) -> PeriodNumbers:
    """The numbers of report `quarter` (1..4) of the plan's year, as of `as_of` (default:
    the period's cut-off), from `compute_status` for that period: the same that `cchc status
    --quarter N` shows."""
    period = plan_period(plan, quarter)
    as_of = period.cutoff if as_of is None else as_of
    status = compute_status(plan, progress, as_of, quarter=quarter)
    story = progress.narrative(quarter)
    have = story.so_lieu if story is not None else None
    # A figure not recorded but given by its parts (`SUMS`: the units, from the departments
    # and the public service units) is that sum: one number wherever the report gives it.
    figures = {
        k: v for k in AREA_FIGURES if have is not None and (v := figure_of(have, k)) is not None
    }
    whole = cumulative(plan.nam, quarter)
    got = share("ty_le_kiem_tra", have) if whole else None
    numbers = PeriodNumbers(
        plan=plan,
        progress=progress,
        quarter=quarter,
        period=period,
        status=status,
        story=story,
        cumulative=whole,
        figures=figures,
        tthc=story.thong_ke_tthc if story is not None else None,
        tthc_areas=tuple(story.tthc_linh_vuc) if story is not None else (),
        service_index=story.chi_so_766 if story is not None else None,
        inspected_share=got[0] / 100 if got else None,
        plan_issue=_plan_issue(plan, progress),
        window_records=_record_window(progress, period.start, as_of),
        next_end=next_period_end(quarter, plan.nam),
        fresh_from=fresh_from(plan, quarter),
        computed_parts=_computed_parts(plan, progress, status),
        kinds={a.ma: area_kind(a.ten) for a in plan.linh_vuc},
    )
    ids = internal_ids(plan, (r.id for r in status.tasks))
    return replace(numbers, gaps=tuple(find_gaps(numbers, ids)))


def fresh_from(plan: Any, quarter: int) -> date:
    """The first day of report `quarter`'s last quarter: its window's start for quý I, the
    day after the previous report's cut-off for the others."""
    if quarter == 1:
        return plan_period(plan, 1).start
    return plan_period(plan, quarter - 1).cutoff + timedelta(days=1)


def _computed_parts(plan: Any, progress: Any, status: StatusReport) -> dict[str, tuple[int, int]]:
    """For each target whose value is the share a report's figures give: that share's
    numerator and denominator (the same value `compute_status` took: the latest measure),
    and for a target the figures compute whose latest value is a record of a fraction (quý
    III's units inspected, recorded on its cut-off), that record's."""
    rows = [t for t in status.targets if t.computed or getattr(t.figure, "tinh_tu", None)]
    if not rows:
        return {}
    known = measures(plan, progress)
    found = {}
    for t in rows:
        m = latest(known.get(t.same_as or t.id), status.as_of)
        if m is not None and m.tu_so is not None and m.mau_so is not None:
            found[t.id] = (m.tu_so, m.mau_so)
    return found


def untracked_objectives(plan: Any) -> list[str]:
    """The appendix's objectives that state a figure no target of section II tracks (no
    `ung_voi`): the report gives their results through their tasks and judges none."""
    return [o.ma for p in plan.phu_luc.phan for o in p.objectives
            if any(f.ung_voi is None for f in o.chi_so)]  # fmt: skip


def same_names(tasks: Iterable[Any]) -> set[str]:
    """The task names (compared as `nfc_key`) that more than one task of the plan has: a
    report names such a task with its objective."""
    seen: dict[str, int] = {}
    for t in tasks:
        key = nfc_key(t.nhiem_vu)
        seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n > 1}
