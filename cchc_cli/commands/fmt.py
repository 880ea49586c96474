"""`cchc fmt`: plan and progress files in one layout, comments kept."""

from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.commands.common import err, handled, out


@handled
def fmt(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILES",
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
    from cchc_cli import words
    from cchc_cli.errors import ProblemsFound, UsageError
    from cchc_cli.files.roundtrip import format_file
    from cchc_cli.files.workspace import plan_files
    from cchc_cli.views.problems import format_text

    paths = files or plan_files()
    if not paths:
        raise UsageError("fmt-no-files")
    changed, broken = [], []
    for path in paths:
        try:
            result = format_file(path, write=not check)
        except ProblemsFound as exc:
            broken.append(path)
            for p in exc.problems:
                err(format_text(p))
            continue
        if result is not None:
            changed.append(path)
            out(words.say("would_reformat" if check else "reformatted", path=path))
            if show_diff:
                out(result, nl=False)
    kept = len(paths) - len(changed) - len(broken)
    summary = words.say(
        "fmt_summary_check" if check else "fmt_summary", changed=len(changed), kept=kept
    )
    if broken:
        summary += words.say("fmt_broken", broken=len(broken))
    out(summary)
    raise typer.Exit(1 if broken or (check and changed) else 0)
