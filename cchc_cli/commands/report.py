"""The `cchc report` command: the official CCHC report of a quarter as a Word document.

Only typer is imported at load time; the report, docxtpl and python-docx are
imported when the command runs, so other commands start fast.
"""

import contextlib
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cchc_cli.commands.common import (
    WRITTEN,
    PlanArg,
    ProgressOpt,
    QuarterOpt,
    handled,
    out,
    parse_date,
    parse_quarter,
)

if TYPE_CHECKING:
    from cchc_cli.views.report import ReportView


class ReportFormat(StrEnum):
    docx = "docx"
    json = "json"


@handled
def report(
    plan: PlanArg = None,
    quarter: QuarterOpt = None,
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
            help="Signing date (default: the period's ngay_ky, or today when it can be).",
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
            help="Word template (default: the one that comes with cchc).",
            show_default=False,
        ),
    ] = None,
    progress: ProgressOpt = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an output file that exists.")
    ] = False,
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="docx writes the document; json prints the numbers and lists behind it.",
        ),
    ] = ReportFormat.docx,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Write nothing: list what the report lacks and where to enter each item "
            "(exit status 1 when something is missing).",
        ),
    ] = False,
) -> None:
    """Write the official CCHC report of a quarter as a Word (.docx) document."""
    from cchc_cli.commands.common import workspace
    from cchc_cli.files.raw import progress_path
    from cchc_cli.files.workspace import default_plan
    from cchc_cli.views.report import build_report, default_output_name

    q = parse_quarter(quarter)
    as_of_day = parse_date(as_of, "--as-of")
    ws = workspace(plan or default_plan(date.today()), progress)
    data_only = check or fmt is ReportFormat.json
    signed_on = _signing_date(ws, q, parse_date(signed, "--date"), data_only)
    view = build_report(
        ws.plan, ws.progress, q, signed_on=signed_on, as_of=as_of_day, number=number
    )
    where = ws.progress_file or progress_path(ws.plan_path)
    if check:
        _tell_missing(view, where, ws.warnings, out, check=True)
        if view.gaps:
            raise typer.Exit(1)
        return
    if fmt is ReportFormat.json:
        out(view.to_json())
        return
    target = output or Path(default_output_name(ws.plan.nam, q))
    if (target.exists() or target.is_symlink()) and not force:
        from cchc_cli.errors import UsageError

        raise UsageError("report-exists", path=str(target))
    write_report(target, view.context(), template, view.properties())
    WRITTEN.append(target)
    out(str(target))
    from cchc_cli.commands.common import err

    _tell_missing(view, where, ws.warnings, err)


def _signing_date(ws: Any, quarter: int, given: date | None, data_only: bool) -> date:
    """The report's date: --date, else the period's `ngay_ky`, else today when today is a
    day the report may be signed on (from its cut-off to the year's end; January for the
    year report). A date outside that window is refused. A JSON view that names no date
    takes the submission date, since nothing is signed."""
    from cchc_cli.errors import UsageError
    from cchc_cli.plan.status import plan_period, signing_window
    from cchc_cli.views.report import narrative_for

    first, last = signing_window(ws.plan, quarter)
    period = plan_period(ws.plan, quarter)
    story = narrative_for(ws.progress, quarter)
    chosen = given or (story.ngay_ky if story else None)
    from cchc_cli.views.report_text import report_name

    name = report_name(ws.plan.nam, quarter)  # "6 tháng đầu năm 2023", "quý I/2023"
    if chosen is None:
        today = date.today()
        if first <= today <= last:
            return today
        if data_only:
            return period.submit_by
        raise UsageError(
            "report-date-needed", today=today.strftime("%d/%m/%Y"), report=name,
            year=ws.plan.nam, example=period.submit_by.isoformat(),
        )  # fmt: skip
    if chosen < first:
        raise UsageError(
            "report-signed-early", date=chosen.strftime("%d/%m/%Y"), report=name,
            year=ws.plan.nam, cutoff=first.strftime("%d/%m/%Y"),
        )  # fmt: skip
    if chosen > last:
        raise UsageError(
            "report-signed-late", date=chosen.strftime("%d/%m/%Y"), report=name,
            year=ws.plan.nam, last=last.strftime("%d/%m/%Y"),
        )  # fmt: skip
    return chosen


MAX_TEMPLATE_BYTES = 20 * 1024 * 1024


def write_report(
    target: Path, context: dict, template: Path | None, properties: dict | None = None
) -> None:
    """Render the template (the bundled one unless named) and write the .docx atomically,
    with the document's own core properties."""
    from cchc_cli.errors import UsageError
    from cchc_cli.files.raw import read_regular
    from cchc_cli.files.safe_write import make_folders, write_bytes
    from cchc_cli.views.docx import bundled_template, render_docx

    if target.suffix.lower() != ".docx":
        raise UsageError("output-not-docx", path=str(target))
    if template is None:
        data, label = bundled_template(), "report.docx"
    else:
        if template.exists() and target.exists() and target.resolve() == template.resolve():
            raise UsageError("output-is-template", path=str(target))
        if not template.exists() and not template.is_symlink():
            raise UsageError("no-template", path=str(template))
        found = read_regular(template, MAX_TEMPLATE_BYTES, "template")
        if found is None:
            raise UsageError("template-too-large", path=str(template), limit=MAX_TEMPLATE_BYTES)
        data, label = found, str(template)
    with time_limit(RENDER_SECONDS, "template-slow", label=label, seconds=RENDER_SECONDS):
        document = render_docx(data, label, context, properties)
    if len(document) > MAX_DOCUMENT_BYTES:
        raise UsageError("document-too-large", label=label, limit=MAX_DOCUMENT_BYTES)
    # `-o bao-cao/quy-2.docx`: the folder is made, once rendered
    make_folders(target.parent, for_file=target)
    write_bytes(target, document)


RENDER_SECONDS = 120
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024


@contextlib.contextmanager
def time_limit(limit_seconds: int, say: str, **args: Any) -> Iterator[None]:
    """End a step that runs too long (a template can loop for ever) with one line (POSIX)."""
    import signal

    from cchc_cli.errors import CchcError

    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise CchcError(say, **args)

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(limit_seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _tell_missing(
    view: "ReportView", where: Path, warnings: list, say: Any, *, check: bool = False
) -> None:
    """What the report lacks, as the officer's to-do list: each item and where to enter it
    (after writing, on stderr; with --check, on stdout). With --check the list goes on with
    the plan's warnings the report rests on (a target stated twice, a deadline counted as
    the year's end), each at its line, and says which of the appendix's objectives the
    report does not judge; neither makes the exit status 1 (nothing is missing)."""
    from cchc_cli import words
    from cchc_cli.plan.period import untracked_objectives
    from cchc_cli.views.problems import format_line
    from cchc_cli.views.report import report_name

    numbers = view.numbers
    assert numbers is not None
    period = numbers.period
    name = (report_name(period.year, period.quarter) if words.language() == "vi"
            else f"{period.name_en} {period.year}")  # fmt: skip
    if warnings and not check:
        say(words.note(words.say("report_warnings", count=len(warnings))))
    lines = view.missing()
    if not lines:
        if check:
            say(words.note(words.say("report_complete", name=name, path=where)))
    else:
        say(words.note(words.say("report_missing", count=len(lines), name=name, path=where)))
        for i, line in enumerate(lines, 1):
            say(f"  {i}. {line}")
    if not check:
        return
    if warnings:
        say(words.note(words.say("report_plan_warnings", count=len(warnings))))
        for i, problem in enumerate(warnings, len(lines) + 1):
            say(f"  {i}. {format_line(problem)}")
    untracked = untracked_objectives(numbers.plan)
    if untracked:
        say(words.note(words.say("report_untracked", count=len(untracked),
                                 ids=", ".join(untracked))))  # fmt: skip
