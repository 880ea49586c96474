"""`cchc status`: where every target and task stands, per area and per unit."""

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer

from cchc_cli.commands.common import (
    PlanArg,
    ProgressOpt,
    QuarterOpt,
    handled,
    out,
    parse_date,
    parse_quarter,
)


class StatusFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class Only(StrEnum):
    overdue = "overdue"
    due_soon = "due-soon"
    at_risk = "at-risk"
    missing_report = "missing-report"


class FailOn(StrEnum):
    overdue = "overdue"


@handled
def status(
    plan: PlanArg = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Evaluate on this date (YYYY-MM-DD)."),
    ] = None,
    quarter: QuarterOpt = None,
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            "-u",
            metavar="UNIT",
            help="Only what this unit (id or name) leads or supports; may be given again.",
            show_default=False,
        ),
    ] = None,
    area: Annotated[
        list[str] | None,
        typer.Option(
            "--area",
            "-a",
            metavar="AREA",
            help="Only this area: its number (1-7) or its name, e.g. 'cai cach the che'; "
            "may be given again.",
            show_default=False,
        ),
    ] = None,
    only: Annotated[
        list[Only] | None,
        typer.Option(
            "--only",
            metavar="WHAT",
            help="overdue, due-soon, at-risk or missing-report; may be given again.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        StatusFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="table, json or markdown."),
    ] = StatusFormat.table,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", metavar="overdue", help="Exit 1 when any task is overdue."),
    ] = None,
    progress: ProgressOpt = None,
    summary: Annotated[
        bool,
        typer.Option("--summary", help="Print only the one-screen summary."),
    ] = False,
    width: Annotated[
        int | None,
        typer.Option(
            "--width", metavar="N", help="Width of the table: 40 to 400.", min=40, max=400
        ),
    ] = None,
) -> None:
    """Status of every target and task: met or at risk, overdue, due soon, per area and unit."""
    from cchc_cli import words
    from cchc_cli.commands.common import lenient_workspace
    from cchc_cli.errors import UsageError
    from cchc_cli.files.workspace import default_plan
    from cchc_cli.plan.status import as_of_for_quarter, compute_status, default_as_of
    from cchc_cli.views.status_view import make_view, to_json, to_markdown

    today = date.today()
    ws, broken = lenient_workspace(plan or default_plan(today), progress)
    if as_of is not None and quarter is not None:
        raise UsageError("as-of-or-quarter")
    note = None
    q = parse_quarter(quarter) if quarter is not None else None
    if q is not None:
        when = as_of_for_quarter(ws.plan, q)
    elif as_of is not None:
        when = parse_date(as_of, "--as-of")  # type: ignore[assignment]
    else:
        when, ended = default_as_of(ws.plan, today)
        if ended:
            note = words.label(words.language(), "year_ended").format(
                year=ws.plan.nam, day=words.day(when)
            )
    from cchc_cli.plan.lookup import require_unit

    units = [require_unit(ws.plan, u) for u in unit or []]
    areas = [_area(ws.plan, a) for a in area or []]
    report = compute_status(ws.plan, ws.progress, when, quarter=q)
    view = make_view(
        ws.plan,
        report,
        units=list(dict.fromkeys(units)),
        areas=list(dict.fromkeys(areas)),
        only=[o.value for o in only or []],
        lang=words.language(),
        note=note,
    )
    if fmt is StatusFormat.json:
        out(to_json(view))
    elif fmt is StatusFormat.markdown:
        out(to_markdown(view), nl=False)
    else:
        from cchc_cli.views.status_table import make_console, render

        render(view, make_console(width), summary_only=summary)
    if broken or (fail_on is FailOn.overdue and any(t.status == "overdue" for t in view.tasks)):
        raise typer.Exit(1)


def _area(plan: Any, text: str) -> int:
    """--area by number (1-7, or a Roman numeral) or by its name, typed in any case and with
    or without diacritics; the beginning of a name is enough when only one area has it."""
    from cchc_cli.errors import UsageError
    from cchc_cli.plan.lookup import fold

    numbers = {a.ma for a in plan.linh_vuc}
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
    wanted = text.strip()
    if wanted.isascii() and (wanted.isdigit() or wanted.upper() in roman):
        number = int(wanted) if wanted.isdigit() else roman[wanted.upper()]
        if number in numbers:
            return number
    else:
        folded = fold(wanted)
        matches = [a.ma for a in plan.linh_vuc if fold(a.ten) == folded] or [
            a.ma for a in plan.linh_vuc if fold(a.ten).startswith(folded)
        ]
        if len(matches) == 1:
            return matches[0]
    areas = "; ".join(f"{a.ma} ({a.ten})" for a in plan.linh_vuc)
    raise UsageError("no-area", area=text[:60], areas=areas)
