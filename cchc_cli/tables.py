"""The terminal view of `cchc status`: the only module that builds rich tables.

Status is shown in words and in colour, so it reads without colour too
(rich honours NO_COLOR). Column widths are chosen to fit 80 columns.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .checks import show_figure
from .output import View, fmt_actual, headline, label, period_line, rate_text, unit_line
from .status import Summary, word

STYLES = {
    "overdue": "bold red",
    "missed": "bold red",
    "due_soon": "yellow",
    "missing_report": "yellow",
    "at_risk": "yellow",
    "in_progress": "cyan",
    "on_track": "cyan",
    "done_on_time": "green",
    "done_late": "green",
    "reported": "green",
    "met": "green",
    "not_started": "dim",
    "no_data": "dim",
    "dropped": "dim",
}


# Short headers so that eight columns fit in 80: tasks, due, done, rate, overdue, due soon, no report.
SUMMARY_HEADERS = {
    "vi": ("Số NV", "Đến hạn", "Xong", "Tỷ lệ", "Quá hạn", "Sắp hạn", "Chưa BC"),
    "en": ("Tasks", "Due", "Done", "Rate", "Overdue", "Soon", "No rep."),
}


def _add(table: Table, *cells: str | Text, style: str | None = None) -> None:
    """A row whose text is shown as it is: plan text is data, never rich markup."""
    table.add_row(*(c if isinstance(c, Text) else Text(c) for c in cells), style=style)


def _status(code: str, lang: str) -> Text:
    return Text(word(code, lang), style=STYLES.get(code, ""))


def _table(*columns: tuple[str, dict[str, object]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True, padding=(0, 1))
    for name, opts in columns:
        table.add_column(name, **opts)  # type: ignore[arg-type]
    return table


def render(view: View, console: Console) -> None:
    lang = view.lang
    L = lambda k: label(lang, k)  # noqa: E731
    plan = view.plan
    console.print(Text(L("title").format(year=plan.nam), style="bold"))
    console.print(Text(period_line(view)))
    if unit_line(view):
        console.print(Text(unit_line(view) or "", style="bold"))
    if view.note:
        console.print(Text(view.note, style="italic"))
    for area in plan.linh_vuc:
        indicators = [i for i in view.indicators if i.area == area.ma]
        tasks = [t for t in view.tasks if t.area == area.ma]
        if not indicators and not tasks:
            continue
        console.print()
        console.print(Text(f"{area.ma}. {area.ten}", style="bold underline"))
        if indicators:
            table = _table(
                (L("id"), {"no_wrap": True, "min_width": 7}),
                (
                    L("indicator"),
                    {"ratio": 1, "no_wrap": True, "overflow": "ellipsis", "min_width": 12},
                ),
                (L("target"), {"no_wrap": True, "min_width": 6}),
                (L("actual"), {"no_wrap": True, "min_width": 6}),
                (L("assessment"), {"min_width": 12, "max_width": 20}),
            )
            for ind in indicators:
                for t in ind.targets:
                    _add(
                        table,
                        t.id,
                        " ".join(t.text.split()),
                        show_figure(t.figure),
                        fmt_actual(t.actual, t.figure.don_vi),
                        _status(t.status, lang),
                    )
            if table.row_count:
                console.print(table)
        if tasks:
            table = _table(
                (L("id"), {"no_wrap": True, "min_width": 7}),
                (L("task"), {"ratio": 1, "no_wrap": True, "overflow": "ellipsis", "min_width": 12}),
                (L("lead"), {"max_width": 9, "overflow": "fold"}),
                (L("deadline"), {"min_width": 10, "max_width": 16}),
                (L("due"), {"no_wrap": True, "width": 5}),
                (L("status"), {"min_width": 12, "max_width": 19}),
            )
            for row in tasks:
                _add(
                    table,
                    row.id,
                    " ".join(row.title.split()),
                    ",".join(row.lead),
                    row.deadline_text,
                    row.due.strftime("%d/%m") if row.due else "—",
                    _status(row.status, lang),
                )
            console.print(table)
    if not view.tasks and not view.indicators:
        console.print()
        console.print(Text(L("none")))
    console.print()
    console.print(_summary_table(view))
    if not view.narrowed and view.report.by_unit:
        console.print(_unit_table(view))
    console.print(Text(headline(view), style="bold"))


def _summary_row(name: str, s: Summary) -> list[str | Text]:
    return [
        name,
        str(s.tasks),
        str(s.due),
        str(s.done),
        rate_text(s),
        Text(str(s.overdue), style="bold red" if s.overdue else ""),
        Text(str(s.due_soon), style="yellow" if s.due_soon else ""),
        Text(str(s.missing_report), style="yellow" if s.missing_report else ""),
    ]


def _counts_table(first: str, lang: str) -> Table:
    num = {"justify": "right", "no_wrap": True}
    return _table(
        (first, {"ratio": 1, "no_wrap": True, "overflow": "ellipsis", "min_width": 14}),
        *((name, num) for name in SUMMARY_HEADERS.get(lang, SUMMARY_HEADERS["vi"])),
    )


def _summary_table(view: View) -> Table:
    table = _counts_table(label(view.lang, "area"), view.lang)
    table.title = label(view.lang, "summary")
    table.title_style = "bold"
    if not view.narrowed:
        for area in view.plan.linh_vuc:
            s = view.report.by_area.get(area.ma)
            if s and s.tasks:
                _add(table, *_summary_row(f"{area.ma}. {area.ten}", s))
    total = label(view.lang, "total")
    if view.area is not None:
        total = f"{view.area}. {view.plan.area_name(view.area)}"
    _add(table, *_summary_row(total, view.summary), style="bold")
    return table


def _unit_table(view: View) -> Table:
    table = _counts_table(label(view.lang, "unit"), view.lang)
    table.title = label(view.lang, "by_unit")
    table.title_style = "bold"
    for ma, s in view.report.by_unit.items():
        unit = view.plan.unit(ma)
        _add(table, *_summary_row(f"{ma} {unit.ten if unit else ''}", s))
    return table


def make_console(width: int | None = None, *, record: bool = False) -> Console:
    return Console(width=width, record=record, highlight=False, soft_wrap=False)
