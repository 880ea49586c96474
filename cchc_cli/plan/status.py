"""Plan + progress + as-of date → status of every task, target, area and unit.

Pure: no I/O, no printing, `as_of` always a parameter. The rules are
documented in README.md ("How status is computed") and tested on their
boundary days.

One model of periods and counts serves every view: `compute_status` takes the
as-of date and, for a report, the report's period. The period's data window
(`Period.start`–`Period.cutoff`) is where results and continuous tasks' reports
are counted, `status --quarter N` and `report --quarter N` included, and the
`Summary` counts are the only definition of "due", "done" and the two rates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from cchc_cli.plan.deadlines import Deadline, Period, parse_deadline, period_for
from cchc_cli.plan.measures import Measure, latest, link_roots, measures
from cchc_cli.plan.reports import ReportCounts, ReportRow, count_reports, report_rows

if TYPE_CHECKING:
    from cchc_cli.plan.model import (
        Figure,
        Indicator,
        Milestone,
        Plan,
        Progress,
        Target,
        TargetRecord,
        Task,
        TaskRecord,
    )

TaskStatus = Literal[
    "done_on_time",
    "done_late",
    "in_progress",
    "not_started",
    "due_soon",
    "overdue",
    "reported",
    "missing_report",
    "dropped",
    "not_done",
]
TargetStatus = Literal["met", "on_track", "at_risk", "missed", "not_due", "no_data"]

TASK_STATUSES: tuple[TaskStatus, ...] = (
    "overdue",
    "not_done",
    "due_soon",
    "missing_report",
    "in_progress",
    "not_started",
    "done_late",
    "done_on_time",
    "reported",
    "dropped",
)
TARGET_STATUSES: tuple[TargetStatus, ...] = (
    "missed", "at_risk", "no_data", "not_due", "on_track", "met"
)  # fmt: skip


@dataclass(frozen=True)
class TaskRow:
    id: str
    area: int
    objective: str
    title: str
    lead: tuple[str, ...]
    support: tuple[str, ...]
    deadline_text: str
    start: date | None
    due: date | None
    continuous: bool
    status: TaskStatus
    done_on: date | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None
    reason: str | None = None
    due_assumed: bool = False  # an external deadline counted as the year's end
    recorded: bool = False  # any record on or before the as-of date
    done_in_window: bool = False  # completed inside the period's data window

    @property
    def done(self) -> bool:
        return self.status in ("done_on_time", "done_late")


@dataclass(frozen=True)
class TargetRow:
    id: str
    indicator: str
    area: int
    text: str
    figure: Figure
    actual: float | None
    measured_on: date | None
    source: str | None
    status: TargetStatus
    same_as: str | None = None  # the target this one restates: one measure, shown where named
    milestone: Milestone | None = None  # the interim target it is judged against, if any
    computed: bool = False  # the value is the share a report's figures give (`tinh_tu`)
    recorded_as: str | None = None  # the id the value was recorded under


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    area: int
    text: str
    targets: tuple[TargetRow, ...]


@dataclass
class Summary:
    """Counts over a set of tasks: the one definition of every figure the views show.

    Dated tasks are those with a due date (continuous tasks have none); dropped tasks
    count apart and in nothing else. `due` counts dated tasks due on or before the as-of
    date (every dated task when the whole year is evaluated); `done` counts dated tasks
    completed on or before the as-of date, whatever their due date, so early completions
    count; `done_due` those of them that are due.
    """

    tasks: int = 0
    dated: int = 0
    due: int = 0
    done: int = 0
    done_due: int = 0
    done_early: int = 0
    done_on_time: int = 0
    done_late: int = 0  # completed after the due date (always among the due)
    overdue: int = 0
    due_soon: int = 0
    not_done: int = 0
    continuous: int = 0
    reported: int = 0
    missing_report: int = 0
    dropped: int = 0
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float | None:
        """On schedule: tasks done among those due (None when nothing is due yet)."""
        return self.done_due / self.due if self.due else None

    @property
    def plan_rate(self) -> float | None:
        """The plan's progress: tasks done among all dated tasks of the year."""
        return self.done / self.dated if self.dated else None


@dataclass(frozen=True)
class StatusReport:
    as_of: date
    period: Period
    report_window: tuple[date, date]  # the period's data window: results and continuous tasks
    whole_year: bool
    tasks: tuple[TaskRow, ...]
    indicators: tuple[IndicatorRow, ...]
    summary: Summary
    by_area: dict[int, Summary]
    by_unit: dict[str, Summary]
    targets_summary: dict[str, int]
    # The register of the year's reports (`plan.reports`) and its counts.
    reports: tuple[ReportRow, ...] = ()
    report_counts: ReportCounts = field(default_factory=ReportCounts)

    @property
    def targets(self) -> list[TargetRow]:
        return [t for ind in self.indicators for t in ind.targets]

    @cached_property
    def task_by_id(self) -> dict[str, TaskRow]:
        """Each task's row by its id (built once: views that show many ids look up each)."""
        return {r.id: r for r in self.tasks}

    @cached_property
    def target_by_id(self) -> dict[str, TargetRow]:
        """Each target's row by its id."""
        return {t.id: t for t in self.targets}


# --- tasks ------------------------------------------------------------------------


def report_window(period: Period) -> tuple[date, date]:
    """Where a report counts results, continuous tasks' reports included: its data window
    (Quý I 15/12–14/03, 6 tháng 15/12–14/06, Quý III 15/06–14/09, Năm 15/12–14/12)."""
    return period.start, period.cutoff


def evaluates_whole_year(as_of: date, period: Period) -> bool:
    """The year report, and any day from the year's last cut-off on, count the whole year."""
    return period.quarter == 4 and as_of >= period.cutoff


def _done_on(records: list[TaskRecord]) -> date | None:
    """The day a task was completed: the first 'done' record of the final run of 'done' records."""
    done: date | None = None
    for rec in records:
        done = (done or rec.ngay) if rec.trang_thai == "hoan_thanh" else None
    return done


def task_due(task: Task, year: int) -> tuple[Deadline, date | None, bool]:
    """A task's deadline phrase read for `year`, its due date (the plan's `han` where it gives
    one, else the phrase's) and whether that date is assumed: a deadline another document
    sets counts as the year's end. A task with no due date is continuous."""
    deadline = parse_deadline(task.thoi_han, year)
    due = task.han or deadline.due
    if due is None and deadline.kind == "external":
        return deadline, date(year, 12, 31), True
    return deadline, due, False


def is_due_soon(due: date, start: date | None, as_of: date, days: int) -> bool:
    """Whether a task not done is due soon at `as_of`: its due date at most `days` days
    away and, for a task with a window, no earlier than `days` days before it opens."""
    return (due - as_of).days <= days and (start is None or as_of >= start - timedelta(days=days))


def _verdict(
    records: list[TaskRecord],
    done_on: date | None,
    due: date | None,
    start: date | None,
    as_of: date,
    window: tuple[date, date],
    due_soon_days: int,
    whole_year: bool,
) -> TaskStatus:
    """A task's status from its records up to `as_of` (oldest first), the first rule that
    holds (README, "How status is computed"): dropped; a continuous task reported in the
    period's data window or not; done on time or late; overdue; not done once the whole
    year is evaluated; due soon; in progress; not started."""
    last = records[-1] if records else None
    if last is not None and last.trang_thai == "khong_thuc_hien":
        return "dropped"
    if due is None:
        reported = any(window[0] <= r.ngay <= window[1] for r in records)
        return "reported" if reported else "missing_report"
    if done_on is not None:
        return "done_on_time" if done_on <= due else "done_late"
    if as_of > due:
        return "overdue"
    if whole_year:
        return "not_done"
    if is_due_soon(due, start, as_of, due_soon_days):
        return "due_soon"
    if last is not None and last.trang_thai in ("dang_thuc_hien", "hoan_thanh"):
        return "in_progress"
    return "not_started"


def task_status(
    task: Task,
    records: list[TaskRecord],
    as_of: date,
    year: int,
    window: tuple[date, date],
    due_soon_days: int = 14,
    *,
    area: int = 0,
    objective: str = "",
    whole_year: bool = False,
) -> TaskRow:
    """Status of one task at `as_of`, from its records dated on or before `as_of`.

    With `whole_year` (the year report, or after the year's last cut-off) a dated task
    not completed is `not_done` unless already overdue, and nothing is due soon."""
    if records:
        records = sorted((r for r in records if r.ngay <= as_of), key=lambda r: r.ngay)
    deadline, due, assumed = task_due(task, year)
    last = records[-1] if records else None
    done_on = _done_on(records)
    status = _verdict(
        records, done_on, due, deadline.start, as_of, window, due_soon_days, whole_year
    )
    dropped = status == "dropped"
    return TaskRow(
        id=task.ma,
        area=area,
        objective=objective,
        title=task.nhiem_vu,
        lead=tuple(task.chu_tri),
        support=tuple(task.phoi_hop),
        deadline_text=task.thoi_han,
        start=deadline.start,
        due=due,
        continuous=due is None,
        status=status,
        done_on=done_on,
        evidence=tuple(r.minh_chung for r in records if r.minh_chung) if records else (),
        note=last.ghi_chu if last else None,
        reason=last.ly_do if last and dropped else None,
        due_assumed=assumed,
        recorded=bool(records),
        done_in_window=done_on is not None and window[0] <= done_on <= window[1],
    )


# --- targets ------------------------------------------------------------------------


def satisfies(figure: Figure, actual: float) -> bool:
    """Whether a measured value meets a target. '=' and ranges are counts to reach: met at or above the lower value."""
    v = figure.gia_tri
    match figure.so_sanh:
        case ">=" | "=" | "khoang":
            return actual >= v
        case ">":
            return actual > v
        case "<=":
            return actual <= v
        case "<":
            return actual < v
    return False  # pragma: no cover


def target_status(
    figure: Figure,
    record: TargetRecord | Measure | None,
    as_of: date,
    year: int,
    whole_year: bool = False,
    milestone: Milestone | None = None,
) -> TargetStatus:
    """met / on_track / at_risk / missed / not_due / no_data; see README for the rule.

    A target not met is missed at the year's end (and in the year report). Before it, an
    upper limit exceeded is at risk; any other target is judged against `milestone`, the
    latest interim target (`moc`) already due, when it has one (on track or at risk), and
    otherwise is not yet due for assessment: the year's target is the year's."""
    if record is None:
        return "no_data"
    actual = record.value(figure.don_vi)
    if satisfies(figure, actual):
        return "met"
    year_end = date(year, 12, 31)
    if as_of >= year_end or whole_year:
        return "missed"
    if figure.so_sanh in ("<=", "<"):
        return "at_risk"  # above a ceiling before the year's end
    if milestone is not None:
        return "on_track" if actual >= milestone.gia_tri else "at_risk"
    return "not_due"


def milestone_due(target: Figure, as_of: date) -> Milestone | None:
    """The latest interim target (`moc`) whose day is on or before `as_of`."""
    due = [m for m in getattr(target, "moc", ()) or () if m.han <= as_of]
    return max(due, key=lambda m: m.han) if due else None


# --- the whole plan ---------------------------------------------------------------


def summarise(rows: list[TaskRow], as_of: date, whole_year: bool = False) -> Summary:
    s = Summary(tasks=len(rows))
    counts = Counter(r.status for r in rows)
    s.by_status = {k: counts[k] for k in TASK_STATUSES if counts[k]}
    for r in rows:
        if r.status == "dropped":
            s.dropped += 1
            continue
        if r.continuous:
            s.continuous += 1
            s.reported += r.status == "reported"
            s.missing_report += r.status == "missing_report"
            continue
        s.dated += 1
        due = whole_year or (r.due is not None and r.due <= as_of)
        s.due += due
        if r.done:
            s.done += 1
            s.done_due += due
            s.done_early += not due
        s.done_on_time += r.status == "done_on_time"
        s.done_late += r.status == "done_late"
        s.overdue += r.status == "overdue"
        s.due_soon += r.status == "due_soon"
        s.not_done += r.status == "not_done"
    return s


def compute_status(
    plan: Plan,
    progress: Progress,
    as_of: date,
    *,
    quarter: int | None = None,
    due_soon_days: int | None = None,
) -> StatusReport:
    """Everything's status at `as_of`, counted in the data window of report `quarter`
    (default: the report whose window `as_of` falls in, or the next one)."""
    settings = plan.cai_dat
    soon = settings.canh_bao_truoc if due_soon_days is None else due_soon_days
    period = (
        plan_period(plan, quarter)
        if quarter is not None
        else period_for(
            as_of,
            plan.nam,
            submit_working_days=settings.ngay_lam_viec_nop,
            extra_holidays=settings.ngay_nghi_them,
            makeup_workdays=settings.ngay_lam_bu,
        )
    )
    window = report_window(period)
    whole_year = evaluates_whole_year(as_of, period) or (quarter == 4)
    rows = _task_rows(plan, progress, as_of, window, soon, whole_year)
    indicators = _indicator_rows(plan, progress, as_of, whole_year)
    by_area, by_unit = _by_area_and_unit(plan, rows, as_of, whole_year)
    # A restated target is the measure it restates: counted once.
    tcounts = Counter(t.status for ind in indicators for t in ind.targets if t.same_as is None)
    periods = [period if period.quarter == q else plan_period(plan, q) for q in (1, 2, 3, 4)]
    reports = report_rows(periods, progress, as_of, soon)
    return StatusReport(
        as_of=as_of,
        period=period,
        report_window=window,
        whole_year=whole_year,
        tasks=tuple(rows),
        indicators=tuple(indicators),
        summary=summarise(rows, as_of, whole_year),
        by_area=by_area,
        by_unit=by_unit,
        targets_summary={k: tcounts[k] for k in TARGET_STATUSES},
        reports=reports,
        report_counts=count_reports(reports, as_of),
    )


def _task_rows(
    plan: Plan,
    progress: Progress,
    as_of: date,
    window: tuple[date, date],
    due_soon_days: int,
    whole_year: bool,
) -> list[TaskRow]:
    """Every task's row, in the plan's order, each judged on its own records."""
    by_task: dict[str, list[TaskRecord]] = {}
    for rec in progress.nhiem_vu:
        by_task.setdefault(rec.ma, []).append(rec)
    return [
        task_status(
            task,
            by_task.get(task.ma, []),
            as_of,
            plan.nam,
            window,
            due_soon_days,
            area=part.linh_vuc,
            objective=objective.ma,
            whole_year=whole_year,
        )
        for part, objective, task in plan.tasks()
    ]


# A target's judgement: its latest measure, its verdict and the interim target it was judged by.
Judged = tuple["Measure | None", TargetStatus, "Milestone | None"]


def _judge(
    target: Figure, measured: list[Measure] | None, as_of: date, year: int, whole_year: bool
) -> Judged:
    """A target's latest measure up to `as_of` and its verdict; the interim target (`moc`)
    is kept only where the verdict was reached against it (on track, at risk)."""
    m = latest(measured, as_of)
    step = milestone_due(target, as_of)
    verdict = target_status(target, m, as_of, year, whole_year, step)
    return m, verdict, step if verdict in ("on_track", "at_risk") else None


def _indicator_rows(
    plan: Plan, progress: Progress, as_of: date, whole_year: bool
) -> list[IndicatorRow]:
    """Every indicator of section II with its targets judged; a restated target (`ung_voi`)
    takes the value and verdict of the target it restates, judged once."""
    roots = link_roots(plan)
    known = measures(plan, progress) if progress.chi_so or _computes(plan) else {}
    by_id = {t.ma: t for _a, _i, t in plan.targets()}
    judged: dict[str, Judged] = {}
    indicators = []
    for area in plan.chi_tieu:
        for ind in area.chi_tieu:
            trows = []
            for t in ind.chi_so:
                root = roots.get(t.ma, t.ma)
                if root not in judged:
                    judged[root] = _judge(by_id[root], known.get(root), as_of, plan.nam, whole_year)
                trows.append(_target_row(t, ind, area.linh_vuc, root, judged[root]))
            indicators.append(IndicatorRow(ind.ma, area.linh_vuc, ind.noi_dung, tuple(trows)))
    return indicators


def _target_row(t: Target, ind: Indicator, area: int, root: str, judged: Judged) -> TargetRow:
    """The row of target `t` of indicator `ind`, judged as `root` (itself, or the target it
    restates)."""
    measured, verdict, step = judged
    return TargetRow(
        id=t.ma,
        indicator=ind.ma,
        area=area,
        text=t.trich or ind.noi_dung,
        figure=t,
        actual=measured.gia_tri if measured else None,
        measured_on=measured.ngay if measured else None,
        source=measured.nguon if measured else None,
        status=verdict,
        same_as=root if root != t.ma else None,
        milestone=step,
        computed=measured is not None and measured.quarter is not None,
        recorded_as=measured.ma if measured else None,
    )


def _by_area_and_unit(
    plan: Plan, rows: list[TaskRow], as_of: date, whole_year: bool
) -> tuple[dict[int, Summary], dict[str, Summary]]:
    """The counts of each area (every area of the plan) and of each unit that leads a task."""
    in_area: dict[int, list[TaskRow]] = {a.ma: [] for a in plan.linh_vuc}
    led_by: dict[str, list[TaskRow]] = {u.ma: [] for u in plan.don_vi}
    for r in rows:
        if r.area in in_area:
            in_area[r.area].append(r)
        for ma in dict.fromkeys(r.lead):
            if ma in led_by:
                led_by[ma].append(r)
    by_area = {ma: summarise(led, as_of, whole_year) for ma, led in in_area.items()}
    by_unit = {ma: summarise(led, as_of, whole_year) for ma, led in led_by.items() if led}
    return by_area, by_unit


def _computes(plan: Plan) -> bool:
    return any(getattr(t, "tinh_tu", None) for _a, _i, t in plan.targets())


def default_as_of(plan: Plan, today: date) -> tuple[date, bool]:
    """Today, except that a plan whose year has ended is evaluated at its year's end
    (the flag says so)."""
    year_end = date(plan.nam, 12, 31)
    if today > year_end:
        return year_end, True
    return today, False


def plan_period(plan: Plan, quarter: int) -> Period:
    """Report `quarter` (1..4) of the plan's year, with the plan's working-day settings."""
    from cchc_cli.plan.deadlines import reporting_period

    s = plan.cai_dat
    return reporting_period(
        plan.nam,
        quarter,
        submit_working_days=s.ngay_lam_viec_nop,
        extra_holidays=s.ngay_nghi_them,
        makeup_workdays=s.ngay_lam_bu,
    )


def next_report(plan: Plan, as_of: date) -> Period | None:
    """The first report of the plan's year still to be sent on `as_of`: the one whose
    submission date is `as_of` or later (on 15/06 the 6-month report, due 16/06, not
    quarter III); None once the year's last report is due."""
    for quarter in (1, 2, 3, 4):
        period = plan_period(plan, quarter)
        if period.submit_by >= as_of:
            return period
    return None


def signing_window(plan: Plan, quarter: int) -> tuple[date, date]:
    """The days report `quarter` may be signed on: from its cut-off to the end of the
    plan year (the year report until the end of January of the next)."""
    period = plan_period(plan, quarter)
    last = date(plan.nam + 1, 1, 31) if quarter == 4 else date(plan.nam, 12, 31)
    return period.cutoff, last


def as_of_for_quarter(plan: Plan, quarter: int) -> date:
    return plan_period(plan, quarter).cutoff


def filter_tasks(
    report: StatusReport,
    *,
    units: Collection[str] | None = None,
    areas: Collection[int] | None = None,
    only: Collection[str] | None = None,
) -> list[TaskRow]:
    """The tasks that any of `units` leads or supports, in any of `areas`, in any of the
    statuses `only` names (each filter left out when None or empty)."""
    rows = list(report.tasks)
    if units:
        rows = [r for r in rows if any(u in r.lead or u in r.support for u in units)]
    if areas:
        rows = [r for r in rows if r.area in areas]
    if only:
        names = {
            "overdue": {"overdue"},
            "due-soon": {"due_soon"},
            "missing-report": {"missing_report"},
        }
        wanted = set().union(*(names.get(o, set()) for o in only))
        rows = [r for r in rows if r.status in wanted]
    return rows
