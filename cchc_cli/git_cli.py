"""`cchc record`, `cchc fmt` and `cchc diff`: the commands for plans kept in git.

Each command parses its options and calls one function of `record`,
`yamlio` or `plandiff`; those modules are imported inside the commands, so
`cchc --help` stays fast. Annotations are evaluated where the commands are
defined (no postponed annotations here), because Typer reads them.
"""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .options import PlanArg, ProgressOpt


class State(StrEnum):
    done = "done"
    in_progress = "in-progress"
    not_started = "not-started"
    dropped = "dropped"


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def register(app: typer.Typer) -> None:
    from .cli import Lang, handled, parse_date

    @app.command()
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
        from .errors import format_text
        from .record import Entry, RecordRefused, add_record, describe
        from .workspace import default_plan

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

    @app.command()
    @handled
    def fmt(
        files: Annotated[
            list[Path] | None,
            typer.Argument(
                help="Plan or progress files (default: every .yaml under plans/).",
                show_default=False,
            ),
        ] = None,
        check: Annotated[
            bool, typer.Option("--check", help="Change nothing; list the files it would change.")
        ] = False,
        show_diff: Annotated[
            bool,
            typer.Option("--diff", help="Also show, as a diff, what changes (or would change)."),
        ] = False,
    ) -> None:
        """Write plan and progress files in one layout, keeping comments (idempotent)."""
        from .errors import ProblemsFound, UsageError, format_text
        from .workspace import plan_files
        from .yamlio import format_file

        paths = files or plan_files()
        if not paths:
            raise UsageError("no files to format: name a file, or run where plans/ exists")
        changed, broken = [], []
        for path in paths:
            try:
                result = format_file(path, write=not check)
            except ProblemsFound as exc:
                broken.append(path)
                for p in exc.problems:
                    typer.echo(format_text(p), err=True)
                continue
            if result is not None:
                changed.append(path)
                typer.echo(f"{'would reformat' if check else 'reformatted'} {path}")
                if show_diff:
                    typer.echo(result, nl=False)
        kept = len(paths) - len(changed) - len(broken)
        verb = "would be reformatted" if check else "reformatted"
        summary = f"{len(changed)} file(s) {verb}, {kept} already formatted"
        if broken:
            summary += f", {len(broken)} left unchanged because of the errors above"
        typer.echo(summary)
        raise typer.Exit(1 if broken or (check and changed) else 0)

    @app.command()
    @handled
    def diff(
        files: Annotated[
            list[Path] | None,
            typer.Argument(
                metavar="FILES",
                help="OLD NEW: two plan files; with --rev, one PLAN (default: this year's).",
                show_default=False,
            ),
        ] = None,
        rev: Annotated[
            str | None,
            typer.Option("--rev", help="Compare the plan with its version at this git revision."),
        ] = None,
        out: Annotated[
            DiffFormat, typer.Option("--format", "-f", help="text, markdown or json.")
        ] = DiffFormat.text,
        require_amendment: Annotated[
            bool,
            typer.Option(
                "--require-amendment",
                help="Exit 1 when a target or deadline changed and no new dieu_chinh names it.",
            ),
        ] = False,
    ) -> None:
        """What changed in a plan, in words and by id: targets, deadlines, tasks, units."""
        from .plandiff import (
            diff_files,
            diff_revision,
            missing_message,
            to_json,
            to_markdown,
            to_text,
        )

        result = diff_revision(rev, files or []) if rev is not None else diff_files(files or [])
        render = {
            DiffFormat.text: to_text,
            DiffFormat.markdown: to_markdown,
            DiffFormat.json: to_json,
        }[out]
        typer.echo(render(result), nl=False)
        if require_amendment and result.missing_amendment:
            for c in result.missing_amendment:
                typer.echo(f"cchc: error: {missing_message(c)}", err=True)
            raise typer.Exit(1)
