"""`cchc validate`: every problem of plan and progress files, as path:line:col."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from cchc_cli.commands.common import ProgressOpt, handled, out


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@handled
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILES",
            help="Plan or progress files (default: every .yaml under plans/).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat,
        typer.Option("--format", metavar="FORMAT", help="text, json or github annotations."),
    ] = OutputFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Warnings count as problems (exit 1).")
    ] = False,
    progress: ProgressOpt = None,
) -> None:
    """Check plan and progress files: every problem, as path:line:col."""
    from cchc_cli.errors import UsageError
    from cchc_cli.files.criteria import check_named_sets, is_criteria_file
    from cchc_cli.files.workspace import check_files, plan_files
    from cchc_cli.views.problems import format_github, format_text, summary_line, to_json

    paths = files or plan_files()
    if not paths:
        raise UsageError("validate-no-files")
    sets = [p for p in paths if is_criteria_file(p)]  # scoring sets (cchc score)
    paths = [p for p in paths if p not in sets]
    if progress is not None and len(paths) != 1:
        raise UsageError("progress-one-plan")
    read: dict[Path, Any] = {}  # each plan read once, for its set too
    problems, checked = check_files(paths, progress, read=read) if paths else ([], [])
    more, set_files = check_named_sets(checked, sets, progress, read)
    problems, checked = problems + more, checked + set_files
    if fmt is OutputFormat.json:
        out(to_json(problems))
    elif fmt is OutputFormat.github:
        for p in problems:
            out(format_github(p), annotations=True)
        out(summary_line(problems, len(checked)))
    else:
        for p in problems:
            out(format_text(p))
        out(summary_line(problems, len(checked)))
    failing = [p for p in problems if p.severity == "error" or strict]
    raise typer.Exit(1 if failing else 0)
