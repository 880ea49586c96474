"""`cchc new YEAR`: start next year's plan from the current one."""

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.commands.common import PlanArg, handled, out


@handled
def new(
    year: Annotated[
        int,
        typer.Argument(metavar="YEAR", help="The new plan's year, e.g. 2024.", min=1900, max=2100),
    ],
    plan: PlanArg = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Where to write the new plan (default: plans/<year>.yaml).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Start next year's plan from this one, and list what still needs review."""
    from cchc_cli import words
    from cchc_cli.commands.common import WRITTEN, err, print_problems, workspace
    from cchc_cli.files.new_plan import start_plan
    from cchc_cli.files.safe_write import write_text
    from cchc_cli.files.workspace import default_plan, load_text
    from cchc_cli.plan.model import Plan

    source = plan or default_plan(date.today())
    ws = workspace(source)
    made = start_plan(ws.plan_path, ws.plan, year, output)
    _, problems = load_text(str(made.path), made.text, Plan)
    errors = [p for p in problems if p.severity == "error"]
    if errors:  # never write a plan that does not validate
        print_problems(errors)
        raise typer.Exit(1)
    write_text(made.path, made.text)
    WRITTEN.append(made.path)
    out(words.say("new_written", path=made.path, source=ws.plan_path, moved=made.moved))
    warnings = [p for p in problems if p.severity == "warning"]
    print_problems(warnings)
    if made.review:
        err(words.note(words.say("new_review", count=len(made.review), year=ws.plan.nam)))
        for line, text in made.review:
            err(f"{made.path}:{line}: {text}")
