"""Workbooks as tables: a unit's sheet to fill in (`cchc sheet`) and the plan with its
status (`cchc export`). Only what the cells say and which may be filled; the files
layer (`files.workbook`) writes them as .xlsx or CSV."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cchc_cli import words
from cchc_cli.plan.lookup import reach, task_hash
from cchc_cli.plan.model import Plan, Progress
from cchc_cli.plan.shapes import PROSE_KEYS
from cchc_cli.plan.sheet_meta import (
    answers_for,
    body_of,
    date_window,
    meta_check,
    meta_text,
    prose_hash,
    return_by,
    sets_for,
    target_hash,
)
from cchc_cli.plan.status import StatusReport, TaskRow, plan_period
from cchc_cli.views.safe_text import one_line
from cchc_cli.views.status_view import summary_dict

FORMAT, TASKS, TARGETS, META = (
    words.SHEET_FORMAT, words.SHEET_TASKS, words.SHEET_TARGETS, words.SHEET_META
)  # fmt: skip


@dataclass(frozen=True)
class Column:
    header: str
    width: int  # in characters
    fill: str | None = None  # None: locked; else what may be typed: state, date, number, text
    wrap: bool = False
    choices: tuple[str, ...] = ()  # a state column's drop-down
    number_format: str | None = None  # e.g. "0.0%" for a rate held as a share


@dataclass
class Sheet:
    name: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    hidden: bool = False
    protect: bool = False  # everything locked but the cells to fill (no password)
    autofilter: bool = False
    # Lines above the header, each (role, text): role "title", "field" or "how" (an
    # instruction); the header row follows them after a blank row.
    title: list[tuple[str, str]] = field(default_factory=list)
    # What a cell to fill takes where its row says more than its column: (row index,
    # column index) -> "percent" (0 to 100), "count" (a whole number) or "number".
    fills: dict[tuple[int, int], str] = field(default_factory=dict)
    dates: tuple[date, date] | None = None  # the days a date cell may say

    def column(self, header: str) -> int:
        """The 0-based index of the column with this header."""
        return next(i for i, c in enumerate(self.columns) if c.header == header)


_T = words.SHEET_TASK_HEADERS
TASK_COLUMNS = [
    Column(_T[0], 9),
    Column(_T[1], 45, wrap=True),
    Column(_T[2], 10),
    Column(_T[3], 18, wrap=True),
    Column(_T[4], 11),
    Column(_T[5], 16, wrap=True),
    Column(_T[6], 17, fill="state", choices=words.SHEET_STATES),
    Column(_T[7], 12, fill="date"),
    Column(_T[8], 26, fill="text", wrap=True),
    Column(_T[9], 22, fill="text", wrap=True),
]
_G = words.SHEET_TARGET_HEADERS
TARGET_COLUMNS = [
    Column(_G[0], 10),
    Column(_G[1], 45, wrap=True),
    Column(_G[2], 10),
    Column(_G[3], 16),
    Column(_G[4], 10, fill="number"),
    Column(_G[5], 9, fill="number"),
    Column(_G[6], 9, fill="number"),
    Column(_G[7], 12, fill="date"),
    Column(_G[8], 30, fill="text", wrap=True),
]


def owes(row: TaskRow, start: date, cutoff: date) -> bool:
    """A task a unit owes word of in a period: continuous, due in it, or overdue."""
    if row.continuous:
        return row.status != "dropped"
    if row.due is None or row.done or row.status == "dropped":
        return False
    return row.due <= cutoff or start <= row.due <= cutoff


def unit_sheet(
    plan: Plan,
    progress: Progress,
    plan_hash: str,
    plan_name: str,
    unit: str,
    quarter: int,
    now: StatusReport,
    made: date,
) -> list[Sheet]:
    """The workbook one unit fills in for report `quarter`: its tasks and targets, the
    cells to fill, and a hidden sheet naming what it was made for (`plan.sheet_meta`).
    Each sheet opens with a title block: the body, the unit, the period and its data
    window, the day it was made and the day it is due back, and how to fill it in."""
    period = plan_period(plan, quarter)
    owed = reach(plan, [unit])
    dates = (date_window(plan.nam, made)[0], date(plan.nam, 12, 31))
    tasks = Sheet(TASKS, TASK_COLUMNS, protect=True, dates=dates)
    for row in now.tasks:
        leads = bool(owed & set(row.lead))
        if not (leads or owed & set(row.support)) or not owes(row, period.start, period.cutoff):
            continue
        tasks.rows.append(
            [
                row.id,
                one_line(" ".join(row.title.split())),
                words.label("vi", "role_lead" if leads else "role_support"),
                row.deadline_text,
                row.due,
                words.task_status(row, "vi"),
                None,
                None,
                None,
                None,
            ]
        )
    targets = Sheet(TARGETS, TARGET_COLUMNS, protect=True, dates=dates)
    answers = answers_for(plan, unit)  # a restated target is recorded under the one it restates
    for t in now.targets:
        if t.id not in answers:
            continue
        latest = words.with_unit(t.actual, t.figure.don_vi, "vi")
        kind = {"phan_tram": "percent", "so_luong": "count"}.get(t.figure.don_vi, "number")
        targets.fills[(len(targets.rows), 4)] = kind
        targets.rows.append(
            [t.id, one_line(" ".join(t.text.split())), words.figure(t.figure, "vi"), latest]
            + [None] * 5
        )
    sheets = [tasks, targets]
    sets = sets_for(plan, unit)
    if "tthc" in sets:
        sheets.append(stats_sheet(plan, progress, quarter))
    story = progress.narrative(quarter)
    if "prose" in sets:
        sheets.append(prose_sheet(story))
    for sheet in sheets:
        sheet.title = title_block(plan, unit, quarter, sheet.name, made)
    meta = Sheet(META, [Column("khoá", 16), Column("giá trị", 40)], hidden=True, protect=True)
    meta.rows = [
        ["format", FORMAT],
        ["plan", plan_name],
        ["body", body_of(plan)],
        ["year", plan.nam],
        ["unit", unit],
        ["quarter", quarter],
        ["sets", " ".join(sets)],
        ["plan_hash", plan_hash],
        ["made", made.isoformat()],
    ]
    meta.rows += [[f"task:{t.ma}", task_hash(t)] for _p, _o, t in plan.tasks()]
    meta.rows += [[f"target:{t.ma}", target_hash(t)] for _a, _i, t in plan.targets()]
    if "prose" in sets:  # what the column "Đã ghi" shows, so that an edit of it is seen
        meta.rows += [[f"prose:{k}", prose_hash(getattr(story, k, None))] for k in PROSE_KEYS]
    meta.rows.append(["check", meta_check([(k, meta_text(v)) for k, v in meta.rows])])
    return [*sheets, meta]


def title_block(plan: Plan, unit: str, quarter: int, name: str, made: date
                ) -> list[tuple[str, str]]:  # fmt: skip
    """The lines above a sheet's header: what it is, for whom, for which period, when it
    is due back and to whom, and how to fill it in."""
    period = plan_period(plan, quarter)
    header = plan.van_ban
    body = one_line(f"{header.co_quan_ban_hanh} ({header.co_quan_chu_quan})")
    own = plan.unit(unit)
    drafter = plan.cai_dat.don_vi_luu
    to = plan.unit(drafter)
    fill = {
        "body": body,
        "unit": one_line(f"{own.ten} ({unit})") if own is not None else unit,
        "period": words.sheet_period(quarter, plan.nam),
        "start": words.day(period.start),
        "cutoff": words.day(period.cutoff),
        "made": words.day(made),
        "due": words.day(return_by(period, made)),
        "first": words.day(date_window(plan.nam, made)[0]),
        "year": plan.nam,
        "to": one_line(to.ten) if to is not None else drafter,
    }
    title = f"{words.SHEET_TITLES[name]} – {words.sheet_period(quarter, plan.nam).upper()}"
    lines = [("title", title)]
    lines += [("field", words.SHEET_HEAD[k].format(**fill)) for k in ("body", "unit", "period",
                                                                       "dates")]  # fmt: skip
    lines += [("how", text.format(**fill)) for text in words.SHEET_HOW[name]]
    send = words.SHEET_SEND["own" if unit == drafter else "other"]
    lines.append(("how", send.format(**fill)))
    return lines


PROSE_COLUMNS = [
    Column(words.SHEET_PROSE_HEADERS[0], 30, wrap=True),
    Column(words.SHEET_PROSE_HEADERS[1], 28, wrap=True),
    Column(words.SHEET_PROSE_HEADERS[2], 60, wrap=True),
    Column(words.SHEET_PROSE_HEADERS[3], 60, fill="prose", wrap=True),
]


def prose_sheet(story: Any) -> Sheet:
    """The report's prose for the period, one row per part: the part as the report names
    it, what to write, the text recorded (to read) and a cell to write the new one in."""
    sheet = Sheet(words.SHEET_PROSE, PROSE_COLUMNS, protect=True)
    about = words.NARRATIVE_WHAT["vi"]
    for key in PROSE_KEYS:
        said = getattr(story, key, None) if story is not None else None
        text = about.get(key, "")
        sheet.rows.append([words.SHEET_PROSE_ROWS[key], text[:1].upper() + text[1:],
                           said or None, None])  # fmt: skip
    return sheet


def stats_sheet(plan: Plan, progress: Progress, quarter: int) -> Sheet:
    """The TTHC figures of the period to fill in, with those the progress file has."""
    from cchc_cli.plan.model import TTHC_FIELDS

    h = words.SHEET_STATS_HEADERS
    sheet = Sheet(
        words.SHEET_STATS,
        [Column(h[0], 26), Column(h[1], 60, wrap=True), Column(h[2], 14),
         Column(h[3], 14, fill="number")],
        protect=True,
    )  # fmt: skip
    story = progress.narrative(quarter)
    have = story.thong_ke_tthc if story else None
    for key, label in TTHC_FIELDS.items():
        value = getattr(have, key) if have is not None else None
        sheet.rows.append([key, label, value, None])
    return sheet


def export_sheets(plan: Plan, report: StatusReport, lang: str) -> list[Sheet]:
    """The plan with its status: tasks (the annex's columns), targets, and the counts per
    area and per lead unit — the same numbers as `cchc status --format json`. A status is
    also given as a code, a Vietnamese slug (`qua_han`) or with `--lang en` the English code
    of the JSON (`overdue`)."""
    L = lambda k: words.label(lang, k)  # noqa: E731
    tasks = Sheet(
        L("tasks"),
        [
            Column(L("id"), 9),
            Column(L("area"), 8),
            Column(L("task"), 60, wrap=True),
            Column(L("lead"), 14),
            Column(L("support"), 14),
            Column(L("deadline"), 18, wrap=True),
            Column(L("due"), 11),
            Column(L("status"), 22, wrap=True),
            Column(words.STATUS_CODE_HEADER[lang], 22),
        ],
        autofilter=True,
    )
    for row in report.tasks:
        tasks.rows.append(
            [row.id, row.area, one_line(" ".join(row.title.split())), ", ".join(row.lead),
             ", ".join(row.support), row.deadline_text, row.due, words.task_status(row, lang),
             words.status_code(row.status, lang)]
        )  # fmt: skip
    targets = Sheet(
        L("indicator"),
        [
            Column(L("id"), 10),
            Column(L("area"), 8),
            Column(L("indicator"), 55, wrap=True),
            Column(L("target"), 10),
            Column(L("actual"), 12),
            Column(L("assessment"), 20),
            Column(words.STATUS_CODE_HEADER[lang], 18),
        ],
        autofilter=True,
    )
    for t in report.targets:
        targets.rows.append(
            [t.id, t.area, one_line(" ".join(t.text.split())), words.figure(t.figure, lang), t.actual,
             words.status(t.status, lang), words.status_code(t.status, lang)]
        )  # fmt: skip
    heads = words.summary_headers(lang)

    def counts(name: str, first: str, items: list[tuple[str, Any]]) -> Sheet:
        sheet = Sheet(
            name,
            [
                Column(first, 40, wrap=True),
                *(
                    Column(h, 10, number_format="0.0%" if i in (3, 4) else None)
                    for i, h in enumerate(heads)
                ),
            ],
            autofilter=True,
        )
        for label, s in items:
            d = summary_dict(s)  # the numbers of `cchc status --format json`, as they are
            sheet.rows.append(
                [label, d["tasks"], d["due"], d["done"], d["completion_rate"], d["plan_rate"],
                 d["overdue"], d["due_soon"], d["missing_report"]]
            )  # fmt: skip
        return sheet

    areas = [
        (f"{a.ma}. {a.ten}", report.by_area[a.ma]) for a in plan.linh_vuc if a.ma in report.by_area
    ]
    areas.append((L("total"), report.summary))
    units = []
    for ma, s in report.by_unit.items():
        unit = plan.unit(ma)
        units.append((f"{ma} {unit.ten}" if unit else ma, s))
    return [
        tasks,
        targets,
        counts(L("summary"), L("area"), areas),
        counts(L("by_unit"), L("unit"), units),
    ]
