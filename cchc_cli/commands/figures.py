"""`cchc figures`: a period's figures (TTHC cases, the areas' standard figures), set from
the command line."""

from datetime import date
from typing import Annotated

import typer

from cchc_cli.commands.common import WRITTEN, PlanArg, ProgressOpt, QuarterOpt, handled, out


@handled
def figures(
    plan: PlanArg = None,
    quarter: QuarterOpt = None,
    given: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="KEY=N",
            help="A figure, e.g. tiep_nhan_truc_tuyen=640 or cuoc_kiem_tra=2; may be given again.",
            show_default=False,
        ),
    ] = None,
    progress: ProgressOpt = None,
) -> None:
    """Set a period's figures (TTHC cases, inspections, documents, ...) in the progress file."""
    from cchc_cli import words
    from cchc_cli.commands.common import err, parse_quarter
    from cchc_cli.files.record import RecordRefused, set_figures
    from cchc_cli.files.workspace import default_plan, not_a_progress_file
    from cchc_cli.views.problems import format_text

    q = parse_quarter(quarter)
    plan_path = not_a_progress_file(plan) if plan else default_plan(date.today())
    try:
        path, values, before = set_figures(plan_path, q, list(given or []), progress)
    except RecordRefused as exc:
        for p in exc.problems:
            err(format_text(p))
        err(words.error(words.problem("nothing-recorded", {"path": str(exc.path)})), one=True)
        raise typer.Exit(1) from None
    WRITTEN.append(path)
    out(words.say("figures_set", path=path, quarter=q))
    for key, value in values.items():
        was = before.get(key)
        shown = f"{key}: {value}" + ("" if was in (None, value) else f" ({words.say('was')} {was})")
        out(f"  {shown}")
