"""The `cchc` command line: a thin Typer layer over plain functions.

Each command parses its options, calls one function, prints and exits. Heavy
modules are imported inside the commands that need them, so `cchc status`
and `cchc --help` start fast.
"""

import functools
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from .options import PlanArg, ProgressOpt

app = typer.Typer(
    name="cchc",
    help="Keep, track and report a department's annual CCHC (administrative reform) plan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., Any])


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _print_problems(problems: list[Any]) -> None:
    from .errors import format_text

    for p in problems:
        _err(format_text(p))


def handled(fn: F) -> F:
    """Turn expected failures into one line and an exit status; anything else is a bug."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _err("cchc: interrupted")
            raise typer.Exit(130) from None
        except Exception as exc:  # noqa: BLE001 - sorted below; the last line of defence
            raise typer.Exit(_report_failure(exc)) from None

    return wrapper  # type: ignore[return-value]


def _report_failure(exc: Exception) -> int:
    """One line (or the list of problems) for a failed command, and its exit status.

    The error types are imported here, not at start-up: `cchc --help` never needs them.
    """
    from .errors import CchcError, ProblemsFound, summary_line

    if isinstance(exc, ProblemsFound):
        _print_problems(exc.problems)
        files = len({p.source.path for p in exc.problems}) or 1
        _err(summary_line(exc.problems, files))
        return 1
    if isinstance(exc, CchcError):
        _err(f"cchc: error: {exc.message}")
        return exc.exit_code
    _err(
        f"cchc: internal error: {type(exc).__name__}: {exc}. This is a bug in cchc; "
        "please report it on the project's issue tracker with the command you ran."
    )
    return 3


def parse_date(value: str | None, option: str) -> date | None:
    """A date given on the command line: YYYY-MM-DD or DD/MM/YYYY."""
    if value is None:
        return None
    from .errors import UsageError

    text = value.strip()
    try:
        if "/" in text:
            d, m, y = (int(x) for x in text.split("/"))
            return date(y, m, d)
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"{option}: {value!r} is not a date; write YYYY-MM-DD, e.g. 2023-06-14"
        ) from None


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
@handled
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan or progress files (default: every .yaml under plans/).", show_default=False
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="text, json or github annotations.")
    ] = OutputFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Warnings count as problems (exit 1).")
    ] = False,
) -> None:
    """Check plan and progress files: every problem, as path:line:col."""
    from .errors import format_github, format_text, summary_line, to_json
    from .workspace import plan_files, validate_file

    paths = files or plan_files()
    if not paths:
        from .errors import UsageError

        raise UsageError("no files to check: name a plan file, or run where plans/ exists")
    problems = [p for path in paths for p in validate_file(path)]
    if fmt is OutputFormat.json:
        typer.echo(to_json(problems))
    elif fmt is OutputFormat.github:
        for p in problems:
            typer.echo(format_github(p))
        typer.echo(summary_line(problems, len(paths)))
    else:
        for p in problems:
            typer.echo(format_text(p))
        typer.echo(summary_line(problems, len(paths)))
    failing = [p for p in problems if p.severity == "error" or strict]
    raise typer.Exit(1 if failing else 0)


class StatusFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class Only(StrEnum):
    overdue = "overdue"
    due_soon = "due-soon"
    at_risk = "at-risk"
    missing_report = "missing-report"


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class FailOn(StrEnum):
    overdue = "overdue"


@app.command()
@handled
def status(
    plan: PlanArg = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Evaluate on this date (YYYY-MM-DD).")
    ] = None,
    quarter: Annotated[
        int | None,
        typer.Option(
            "--quarter", "-q", help="Evaluate at the cut-off of report 1-4.", min=1, max=4
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", help="Only what this unit (id or name) leads or supports."),
    ] = None,
    area: Annotated[int | None, typer.Option("--area", "-a", help="Only this area (1-7).")] = None,
    only: Annotated[
        Only | None, typer.Option("--only", help="overdue, due-soon, at-risk or missing-report.")
    ] = None,
    lang: Annotated[
        Lang, typer.Option("--lang", help="Language of status words: vi or en.")
    ] = Lang.vi,
    fmt: Annotated[
        StatusFormat, typer.Option("--format", "-f", help="table, json or markdown.")
    ] = StatusFormat.table,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Exit 1 when any task is overdue.")
    ] = None,
    progress: ProgressOpt = None,
    width: Annotated[
        int | None, typer.Option("--width", help="Terminal width for the table.", min=40)
    ] = None,
) -> None:
    """Status of every target and task: met or at risk, overdue, due soon, per area and unit."""
    from .errors import UsageError
    from .output import make_view, to_json, to_markdown
    from .status import as_of_for_quarter, compute_status, default_as_of
    from .workspace import default_plan, open_workspace

    today = date.today()
    ws = open_workspace(plan or default_plan(today), progress)
    if as_of is not None and quarter is not None:
        raise UsageError("give --as-of or --quarter, not both")
    note = None
    if quarter is not None:
        when = as_of_for_quarter(ws.plan, quarter)
    elif as_of is not None:
        when = parse_date(as_of, "--as-of")  # type: ignore[assignment]
    else:
        when, note = default_as_of(ws.plan, today, lang.value)
    unit_id = _unit_id(ws.plan, unit)
    if area is not None and area not in {a.ma for a in ws.plan.linh_vuc}:
        raise UsageError(
            f"--area: no area {area}; the plan has {', '.join(str(a.ma) for a in ws.plan.linh_vuc)}"
        )
    report = compute_status(ws.plan, ws.progress, when)
    view = make_view(
        ws.plan,
        report,
        unit=unit_id,
        area=area,
        only=only and only.value,
        lang=lang.value,
        note=note,
    )
    if fmt is StatusFormat.json:
        typer.echo(to_json(view))
    elif fmt is StatusFormat.markdown:
        typer.echo(to_markdown(view), nl=False)
    else:
        from .tables import make_console, render

        render(view, make_console(width))
    if fail_on is FailOn.overdue and any(t.status == "overdue" for t in view.tasks):
        raise typer.Exit(1)


def _unit_id(plan: Any, unit: str | None) -> str | None:
    if unit is None:
        return None
    from .checks import resolve_unit
    from .errors import UsageError
    from .loader import did_you_mean

    found = resolve_unit(plan, unit)
    if found is None:
        names = [u.ma for u in plan.don_vi] + [u.ten for u in plan.don_vi]
        raise UsageError(f"--unit: no unit {unit!r}{did_you_mean(unit, names)}")
    return found


class SchemaKind(StrEnum):
    plan = "plan"
    progress = "progress"


@app.command()
@handled
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="plan or progress.")] = SchemaKind.plan,
) -> None:
    """Print the JSON Schema of a plan (or of a progress file), for editors and CI."""
    from .schema import json_schema

    typer.echo(json_schema(kind.value))


def _register_extra_commands() -> None:
    """Commands kept in their own modules (they import only typer at load time)."""
    from . import git_cli, report_cli

    report_cli.register(app)
    git_cli.register(app)


_register_extra_commands()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("cchc: interrupted")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
