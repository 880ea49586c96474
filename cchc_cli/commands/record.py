"""`cchc record`: add a progress record for a task or a target, then show its new status."""

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from cchc_cli.commands.common import Lang, PlanArg, ProgressOpt, handled, parse_date


class State(StrEnum):
    done = "done"
    in_progress = "in-progress"
    not_started = "not-started"
    dropped = "dropped"


@handled
def record(
    ma: Annotated[
        str,
        typer.Argument(metavar="ID", help="Task or target id, as cchc status shows it."),
    ],
    plan: PlanArg = None,
    state: Annotated[
        State | None,
        typer.Option("--state", "-s", help="Task: done, in-progress, not-started or dropped."),
    ] = None,
    when: Annotated[
        str | None,
        typer.Option("--date", "-d", help="Date of the record (YYYY-MM-DD; default today)."),
    ] = None,
    evidence: Annotated[
        str | None,
        typer.Option("--evidence", "-e", help='Task: evidence, e.g. "Kế hoạch số 15/KH-SCT".'),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="A note (ghi chú).")] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", "-r", help="Task: why it is dropped (lý do).")
    ] = None,
    value: Annotated[
        str | None,
        typer.Option("--value", "-v", help="Target: the value (72.5) or a ratio (45/60)."),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Target: where the figure comes from.")
    ] = None,
    progress: ProgressOpt = None,
    lang: Annotated[
        Lang, typer.Option("--lang", help="Language of the output: vi or en.")
    ] = Lang.vi,
) -> None:
    """Add a progress record for a task or a target, then show its new status."""
    from cchc_cli.files.record import Entry, RecordRefused, add_record
    from cchc_cli.files.workspace import default_plan
    from cchc_cli.views.problems import format_text
    from cchc_cli.views.record_text import describe

    today = date.today()
    entry = Entry(
        ma=ma,
        ngay=parse_date(when, "--date") or today,
        state=state.value if state else None,
        evidence=evidence,
        note=note,
        reason=reason,
        value=value,
        source=source,
    )
    try:
        done = add_record(plan or default_plan(today), entry, progress, today=today)
    except RecordRefused as exc:
        for p in exc.problems:
            typer.echo(format_text(p), err=True)
        hint = f" ({'; '.join(exc.hints)})" if exc.hints else ""
        typer.echo(f"cchc: error: nothing recorded; {exc.path} is unchanged{hint}", err=True)
        raise typer.Exit(1) from None
    for line in describe(done, lang.value):
        typer.echo(line)
    for p in done.warnings:
        typer.echo(format_text(p), err=True)
