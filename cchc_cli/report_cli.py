"""The `cchc report` command: the official CCHC report of a quarter as a Word document.

Only typer is imported at load time; the report, docxtpl and python-docx are
imported when the command runs, so other commands start fast.
"""

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import PlanArg, ProgressOpt

if TYPE_CHECKING:
    from .report import MissingPiece

TEMPLATE_NAME = Path("templates") / "report.docx"


def default_template() -> Path:
    """templates/report.docx in the current folder (an office's own), else the bundled one."""
    local = TEMPLATE_NAME
    if local.is_file():
        return local
    return Path(__file__).resolve().parent.parent / TEMPLATE_NAME


def register(app: typer.Typer) -> None:
    from .cli import handled, parse_date

    @app.command()
    @handled
    def report(
        plan: PlanArg = None,
        quarter: Annotated[
            str | None,
            typer.Option(
                "--quarter",
                "-q",
                metavar="N",
                help="1 quý I, 2 quý II và 6 tháng đầu năm, 3 quý III, 4 năm.",
                show_default=False,
            ),
        ] = None,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                metavar="FILE",
                help="Where to write the .docx (default: bao-cao-cchc-<year>-<period>.docx here).",
                show_default=False,
            ),
        ] = None,
        as_of: Annotated[
            str | None,
            typer.Option(
                "--as-of",
                metavar="DATE",
                help="Data as of DATE (default: the period's cut-off, e.g. 14/6 for quarter 2).",
                show_default=False,
            ),
        ] = None,
        signed: Annotated[
            str | None,
            typer.Option(
                "--date",
                metavar="DATE",
                help="Date of the report (default: today).",
                show_default=False,
            ),
        ] = None,
        number: Annotated[
            str | None,
            typer.Option(
                "--number",
                metavar="NUMBER",
                help='Document number, e.g. 05 for "Số: 05/BC-SCT" (default: blank).',
                show_default=False,
            ),
        ] = None,
        template: Annotated[
            Path | None,
            typer.Option(
                "--template",
                metavar="FILE",
                help="Word template (default: templates/report.docx).",
                show_default=False,
            ),
        ] = None,
        progress: ProgressOpt = None,
    ) -> None:
        """Write the official CCHC report of a quarter as a Word (.docx) document."""
        from .documents import render_docx
        from .loader import progress_path
        from .report import build_report, default_output_name, parse_quarter
        from .workspace import default_plan, open_workspace

        q = parse_quarter(quarter)
        as_of_day = parse_date(as_of, "--as-of")
        signed_on = parse_date(signed, "--date") or date.today()
        ws = open_workspace(plan or default_plan(date.today()), progress)
        view = build_report(
            ws.plan, ws.progress, q, signed_on=signed_on, as_of=as_of_day, number=number
        )
        target = output or Path(default_output_name(ws.plan.nam, q))
        render_docx(template or default_template(), view.context(), target)
        typer.echo(str(target))
        where = ws.progress_file or progress_path(ws.plan_path)
        _tell_missing(view.missing, where, q, len(ws.warnings))


def _tell_missing(missing: "list[MissingPiece]", where: Path, quarter: int, warnings: int) -> None:
    """After writing: what a person still has to write, on stderr."""
    err = sys.stderr
    if warnings:
        err.write(
            f"cchc: note: the plan has {warnings} warning(s); run `cchc validate` to see them\n"
        )
    if not missing:
        return
    err.write(
        f"cchc: note: {len(missing)} narrative piece(s) missing; the document shows a highlighted "
        f"placeholder for each. Write them under bao_cao (ky: {quarter}) in {where}:\n"
    )
    for piece in missing:
        err.write(f"  - {piece.key}: {piece.what}\n")
