"""The terminal view of `cchc status`.

Status is shown in words and in colour, so it reads without colour too. The view
is laid out as tables of styled lines (`table_layout`) and written with the
terminal's SGR codes (no colour under NO_COLOR, no styling at all where output is
not a terminal or TERM is dumb; FORCE_COLOR forces it; the width is `--width`,
else COLUMNS, else the terminal's, else 80).

Layout: the task and indicator columns have the same widths in every area; the
title column takes what the others leave; plan text is data, never rich markup.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from cchc_cli import words
from cchc_cli.plan.lookup import reach
from cchc_cli.plan.status import Summary, TaskRow
from cchc_cli.views import safe_text
from cchc_cli.views.status_view import (
    SUMMARY_WIDTH,
    View,
    headline,
    label,
    summary_lines,
    unit_line,
)
from cchc_cli.views.table_layout import Column, Lines, Table, fitted, wrap

STYLES = {
    "overdue": "bold red",
    "not_done": "bold red",
    "missed": "bold red",
    "due_soon": "yellow",
    "missing_report": "yellow",
    "at_risk": "yellow",
    "in_progress": "cyan",
    "on_track": "cyan",
    "not_due": "cyan",
    "done_on_time": "green",
    "done_late": "green",
    "reported": "green",
    "met": "green",
    "not_started": "dim",
    "no_data": "dim",
    "dropped": "dim",
    "sent_on_time": "green",
    "sent_late": "green",
    "not_yet_due": "dim",
}


class Screen:
    """Where the view is written: its width and how it is styled, decided once."""

    def __init__(self, width: int | None = None, stream: Any = None) -> None:
        self.stream = stream if stream is not None else sys.stdout
        env = os.environ
        forced = env.get("FORCE_COLOR", "") != ""
        tty = forced or bool(getattr(self.stream, "isatty", lambda: False)())
        dumb = env.get("TERM", "").lower() in ("dumb", "unknown")
        self.mode: str | None = None
        if tty and not dumb and (forced or not _WINDOWS or _windows_ansi(self.stream)):
            self.mode = "mono" if env.get("NO_COLOR", "") != "" else "color"
        self.width = width or _columns(env, dumb and tty)

    def print(self, lines: Lines) -> None:
        """The lines written; a line that text from the plan would make a CI runner's
        command (`::error…` where a cell wraps, `##vso[…]`) is escaped (`safe_text`)."""
        self.stream.write(safe_text.no_runner_commands(lines.written(self.mode)))


_WINDOWS = os.name == "nt"
_VT_PROCESSING = 0x0004  # ENABLE_VIRTUAL_TERMINAL_PROCESSING


def _windows_ansi(stream: Any, kernel32: Any = None, handle_of: Any = None) -> bool:
    """Whether a Windows console takes SGR codes: Windows Terminal does; the older
    console host does once its virtual terminal processing is switched on, which is
    done here. Where it cannot be (before Windows 10, output not a console), the table
    goes out without styles rather than with codes shown as text.

    `kernel32` and `handle_of` (msvcrt.get_osfhandle) are this system's unless given."""
    import ctypes

    try:
        if kernel32 is None or handle_of is None:
            import msvcrt

            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
            handle_of = msvcrt.get_osfhandle  # type: ignore[attr-defined]
        handle = handle_of(stream.fileno())
    except (AttributeError, ImportError, OSError, ValueError):
        return False
    mode = ctypes.c_uint32()
    if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
        return False
    if mode.value & _VT_PROCESSING:
        return True
    return bool(kernel32.SetConsoleMode(handle, mode.value | _VT_PROCESSING))


def _columns(env: Any, dumb: bool) -> int:
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if dumb:
        return 80
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


# ---------------------------------------------------------------------- the view


def _status(code: str, lang: str, text: str | None = None) -> tuple[str, str]:
    return text or words.status(code, lang), STYLES.get(code, "")


def _indicator_table(view: View, area: int) -> Table:
    """The targets of an area's indicators: each target's figure, value and verdict."""
    lang = view.lang
    L = lambda k: label(lang, k)  # noqa: E731
    table = Table(
        [
            Column(L("id"), min_width=7),
            Column(L("indicator"), flex=True, min_width=12),
            Column(L("target"), min_width=6),
            Column(L("actual"), min_width=6),
            Column(L("assessment"), wraps=True, min_width=12, max_width=20, shrink_to=15),
        ]
    )
    for ind in (i for i in view.indicators if i.area == area):
        for t in ind.targets:
            table.add(
                t.id,
                t.text if t.same_as is None else f"{t.text} (= {t.same_as})",
                words.figure(t.figure, lang),
                words.with_unit(t.actual, t.figure.don_vi, lang),
                _status(t.status, lang),
            )
    return table


def _task_table(view: View, rows: Iterable[TaskRow], reached: set[str]) -> Table:
    """The tasks of an area; narrowed to units (`reached`: them and their groups), the
    third column says whether they lead or support each task."""
    lang = view.lang
    L = lambda k: label(lang, k)  # noqa: E731
    role = bool(view.units)
    table = Table(
        [
            Column(L("id"), min_width=7),
            Column(L("task"), flex=True, min_width=12),
            Column(L("role") if role else L("lead"), wraps=True, max_width=9, shrink_to=9),
            Column(L("deadline"), wraps=True, min_width=10, max_width=16, shrink_to=12),
            Column(L("due"), min_width=5),
            Column(L("status"), wraps=True, min_width=12, max_width=19, shrink_to=19),
        ]
    )
    lead, support = L("role_lead"), L("role_support")
    year = view.plan.nam
    for row in rows:
        if role:
            who = lead if any(u in row.lead for u in reached) else support
        else:
            who = ", ".join(row.lead)
        table.add(
            row.id,
            row.title,
            who,
            row.deadline_text,
            _due(row.due, year),
            _status(row.status, lang, words.task_status(row, lang)),
        )
    return table


@dataclass
class _Section:
    """An area as shown: its heading, and its tables of targets and of tasks (None when
    it has none)."""

    heading: str
    indicators: Table | None
    tasks: Table | None


def _sections(view: View) -> list[_Section]:
    """The areas that have targets or tasks to show, in the plan's order."""
    rows_of: dict[int, list[TaskRow]] = {}
    for row in view.tasks:
        rows_of.setdefault(row.area, []).append(row)
    reached = reach(view.plan, view.units) if view.units else set()
    sections = []
    for area in view.plan.linh_vuc:
        indicators = _indicator_table(view, area.ma)
        tasks = _task_table(view, rows_of.get(area.ma, ()), reached)
        if indicators.rows or tasks.rows:
            sections.append(
                _Section(
                    f"{area.ma}. {area.ten}",
                    indicators if indicators.rows else None,
                    tasks if tasks.rows else None,
                )
            )
    return sections


def render_summary(view: View, out: Lines, width: int) -> None:
    """The one-screen summary, wrapped to 60 columns (or the terminal's, if narrower)."""
    room = min(width, SUMMARY_WIDTH)
    first, *rest = summary_lines(view)
    out.wrapped(first, room, "bold")
    for line in rest:
        indent = len(line) - len(line.lstrip(" "))
        for part in wrap(safe_text.one_line(line.lstrip(" ")), room - indent):
            out.text(" " * indent + part)


def render(view: View, console: Screen, *, summary_only: bool = False) -> None:
    """The status on the terminal: its title, what it is narrowed to, the summary; then,
    unless `summary_only`, each area's targets and tasks, the register of reports, the
    counts and the headline."""
    width = console.width
    out = Lines()
    out.wrapped(label(view.lang, "title").format(year=view.plan.nam), width, "bold")
    narrowed_to = unit_line(view)
    if narrowed_to:
        out.wrapped(narrowed_to, width, "bold")
    if view.note:
        out.wrapped(view.note, width, "italic")
    render_summary(view, out, width)
    if not summary_only:
        _render_areas(view, out, width)
        _render_register(view, out, width)
        _render_counts(view, out, width)
    console.print(out)


def _render_areas(view: View, out: Lines, width: int) -> None:
    """Each area under its heading: its targets, then its tasks, each kind of table with
    the same column widths in every area."""
    sections = _sections(view)
    ind_widths = fitted([s.indicators for s in sections if s.indicators], width)
    task_widths = fitted([s.tasks for s in sections if s.tasks], width)
    for section in sections:
        out.text()
        out.wrapped(section.heading, width, "bold underline")
        if section.indicators is not None:
            out.laid_out(section.indicators, ind_widths, width)
        if section.tasks is not None:
            out.laid_out(section.tasks, task_widths, width)
    if not view.tasks and not view.indicators:
        out.text()
        out.text(label(view.lang, "none"))


def _render_register(view: View, out: Lines, width: int) -> None:
    """The register of reports, where the view has one."""
    if not view.reports:
        return
    out.text()
    out.wrapped(label(view.lang, "reports"), width, "bold underline")
    table = _report_table(view)
    out.laid_out(table, fitted([table], width), width)


def _render_counts(view: View, out: Lines, width: int) -> None:
    """The counts by area (and by unit, for the whole plan), then the headline. Too
    narrow for their columns, each row's counts are listed under its name."""
    out.text()
    counts = [_summary_table(view)]
    if not view.narrowed and view.report.by_unit:
        counts.append(_unit_table(view))
    widths = fitted(counts, width, least=14)
    for table in counts:
        if widths is None:
            out.counts(table, width)
        else:
            out.table(table, widths)
    out.wrapped(headline(view), width, "bold")


def _report_table(view: View) -> Table:
    """The register: each report, its due date, the day it was sent and how, its status."""
    lang = view.lang
    L = lambda k: label(lang, k)  # noqa: E731
    table = Table(
        [
            Column(L("report"), min_width=7, max_width=16, wraps=True),
            Column(L("report_due"), min_width=5),
            Column(L("report_sent"), min_width=5),
            Column(L("report_channel"), flex=True, min_width=12),
            Column(L("status"), wraps=True, min_width=12, max_width=19, shrink_to=19),
        ]
    )
    for rep in view.reports:
        name = rep.period.name_vi if lang == "vi" else rep.period.name_en
        channels = ", ".join(words.channel(c, lang) for c in rep.channels)
        code = "overdue" if rep.status == "overdue" else rep.status
        table.add(
            name,
            _due(rep.due, view.plan.nam),
            _due(rep.sent_on, view.plan.nam),
            channels,
            _status(code, lang, words.report_status(rep, lang)),
        )
    return table


def _due(due: date | None, year: int) -> str:
    """The due date as dd/mm, with its year when it is not the plan's (dd/mm/yyyy)."""
    if due is None:
        return "—"
    return due.strftime("%d/%m") if due.year == year else due.strftime("%d/%m/%Y")


def _summary_row(name: str, s: Summary, lang: str) -> list[str | tuple[str, str]]:
    return [
        name,
        str(s.tasks),
        str(s.due),
        str(s.done),
        words.rate(s.rate, lang),
        words.rate(s.plan_rate, lang),
        (str(s.overdue), "bold red" if s.overdue else ""),
        (str(s.due_soon), "yellow" if s.due_soon else ""),
        (str(s.missing_report), "yellow" if s.missing_report else ""),
    ]


def _counts_table(first: str, lang: str, title: str) -> Table:
    headers = words.summary_headers(lang)
    return Table(
        [Column(first, flex=True, min_width=14), *(Column(h, right=True) for h in headers)],
        title=title,
        gap="  ",  # nine columns in 80
    )


def _summary_table(view: View) -> Table:
    table = _counts_table(label(view.lang, "area"), view.lang, label(view.lang, "summary"))
    if not view.narrowed:
        for area in view.plan.linh_vuc:
            s = view.report.by_area.get(area.ma)
            if s and s.tasks:
                table.add(*_summary_row(f"{area.ma}. {area.ten}", s, view.lang))
    total = label(view.lang, "total")
    if len(view.areas) == 1:
        total = f"{view.areas[0]}. {view.plan.area_name(view.areas[0])}"
    table.add(*_summary_row(total, view.summary, view.lang), style="bold")
    return table


def _unit_table(view: View) -> Table:
    table = _counts_table(label(view.lang, "unit"), view.lang, label(view.lang, "by_unit"))
    for ma, s in view.report.by_unit.items():
        unit = view.plan.unit(ma)
        table.add(*_summary_row(f"{ma} {unit.ten if unit else ''}", s, view.lang))
    return table


def make_console(width: int | None = None) -> Screen:
    return Screen(width)
