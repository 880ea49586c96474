"""`cchc diff`: what changed in a plan, in words and by id."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.commands.common import err, handled, out


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


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
        typer.Option(
            "--rev", metavar="REV", help="Compare the plan with its version at this git revision."
        ),
    ] = None,
    style: Annotated[
        DiffFormat, typer.Option("--format", "-f", metavar="FORMAT", help="text, markdown or json.")
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
    from cchc_cli import words
    from cchc_cli.files.git import diff_files, diff_revision
    from cchc_cli.views.diff_text import missing_message, to_json, to_markdown, to_text

    result = diff_revision(rev, files or []) if rev is not None else diff_files(files or [])
    render = {
        DiffFormat.text: to_text,
        DiffFormat.markdown: to_markdown,
        DiffFormat.json: to_json,
    }[style]
    out(render(result), nl=False)
    if require_amendment and result.removed_file:
        err(words.error(words.diff_says("removed_needs_review", path=result.new_label)))
        raise typer.Exit(1)
    if require_amendment and result.missing_amendment:
        for c in result.missing_amendment:
            err(words.error(missing_message(c)), one=True)
        raise typer.Exit(1)
