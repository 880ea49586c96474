"""`cchc show ID`: one task or target in full."""

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from cchc_cli.commands.common import AsOfOpt, PlanArg, ProgressOpt, handled, out, parse_date


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@handled
def show(
    ma: Annotated[
        str,
        typer.Argument(metavar="ID", help="Task or target id, as cchc status shows it."),
    ],
    plan: PlanArg = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")
    ] = ShowFormat.text,
    progress: ProgressOpt = None,
) -> None:
    """One task or target in full: its fields, its status at each report, its records."""
    import shutil

    from cchc_cli import words
    from cchc_cli.commands.common import lenient_workspace
    from cchc_cli.files.workspace import default_plan
    from cchc_cli.plan.lookup import resolve_id
    from cchc_cli.plan.status import compute_status, default_as_of
    from cchc_cli.views.show_text import show as shown_of
    from cchc_cli.views.show_text import to_json, to_text

    today = date.today()
    ws, broken = lenient_workspace(plan or default_plan(today), progress)
    kind, found = resolve_id(ws.plan, ma)
    when = parse_date(as_of, "--as-of") or default_as_of(ws.plan, today)[0]
    now = compute_status(ws.plan, ws.progress, when)
    shown = shown_of(ws.plan, ws.progress, kind, found, now, words.language())
    if fmt is ShowFormat.json:
        out(to_json(shown, when))
    else:
        width = min(shutil.get_terminal_size((100, 24)).columns, 100)
        out(to_text(shown, when, words.language(), width), nl=False)
    if broken:
        raise typer.Exit(1)
