"""`cchc record`: add a progress record for a task or a target, then show its new status."""

from datetime import date
from typing import Annotated

import typer

from cchc_cli.commands.common import (
    WRITTEN,
    PlanArg,
    ProgressOpt,
    err,
    handled,
    out,
    parse_date,
    parse_state,
)


@handled
def record(
    ma: Annotated[
        str,
        typer.Argument(metavar="ID", help="Task or target id, as cchc status shows it."),
    ],
    plan: PlanArg = None,
    state: Annotated[
        str | None,
        typer.Option(
            "--state",
            "-s",
            metavar="STATE",
            help="Task: done, in-progress, not-started or dropped (or in Vietnamese: hoàn "
            "thành, đang thực hiện, chưa thực hiện, không thực hiện).",
            show_default=False,
        ),
    ] = None,
    when: Annotated[
        str | None,
        typer.Option(
            "--date", "-d", metavar="DATE", help="Date of the record (YYYY-MM-DD; default today)."
        ),
    ] = None,
    evidence: Annotated[
        str | None,
        typer.Option(
            "--evidence", "-e", metavar="TEXT", help='Task: evidence, e.g. "Kế hoạch số 15/KH-SCT".'
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", "-n", metavar="TEXT", help="A note (ghi chú).")
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option("--reason", "-r", metavar="TEXT", help="Task: why it is dropped (lý do)."),
    ] = None,
    value: Annotated[
        str | None,
        typer.Option(
            "--value", "-v", metavar="VALUE", help="Target: the value (72.5) or a ratio (45/60)."
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="TEXT", help="Target: where the figure comes from."),
    ] = None,
    late_entry: Annotated[
        str | None,
        typer.Option(
            "--late-entry",
            metavar="REASON",
            help="Why the record is dated outside the plan year (kept as ghi_muon).",
        ),
    ] = None,
    undo: Annotated[
        bool,
        typer.Option("--undo", help="Take back the latest record of ID instead of adding one."),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace the record ID already has on that day (without it: refused).",
        ),
    ] = False,
    progress: ProgressOpt = None,
) -> None:
    """Add a progress record for a task or a target, then show its new status."""
    from cchc_cli import words
    from cchc_cli.files.record import Entry, RecordRefused, add_record, undo_record
    from cchc_cli.files.workspace import default_plan, not_a_progress_file
    from cchc_cli.views.problems import format_text
    from cchc_cli.views.record_text import describe

    today = date.today()
    plan_path = not_a_progress_file(plan) if plan else default_plan(today)
    if undo:
        given = [o for o, v in (("--state", state), ("--date", when), ("--value", value)) if v]
        if given:
            from cchc_cli.errors import UsageError

            raise UsageError("undo-extra", id=ma, option=given[0])
        done = undo_record(plan_path, ma, progress, today=today)
    else:
        entry = Entry(
            ma=ma,
            ngay=parse_date(when, "--date"),
            state=parse_state(state) if state else None,
            evidence=evidence,
            note=note,
            reason=reason,
            value=value,
            source=source,
            late_entry=late_entry,
            replace=force,
        )
        try:
            done = add_record(plan_path, entry, progress, today=today)
        except RecordRefused as exc:
            from cchc_cli import words

            for line in exc.options:
                err(words.error(line), one=True)
            for p in exc.problems:
                err(format_text(p))
            err(words.error(words.problem("nothing-recorded", {"path": str(exc.path)})), one=True)
            raise typer.Exit(1) from None
    WRITTEN.append(done.path)
    for line in describe(done, words.language()):
        out(line)
    for p in done.warnings:
        err(format_text(p))
