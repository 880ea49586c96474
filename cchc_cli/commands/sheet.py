"""Workbooks for people who do not use git: `cchc sheet` (a unit's sheet to fill in),
`cchc import` (the filled sheet back into the progress file) and `cchc export` (the
plan and its status as a workbook or CSV)."""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from cchc_cli.commands.common import (
    WRITTEN,
    AsOfOpt,
    OutsideOpt,
    PlanArg,
    ProgressOpt,
    QuarterOpt,
    handled,
    out,
    parse_date,
    parse_quarter,
)


@handled
def sheet(
    plan: PlanArg = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", metavar="UNIT", help="The unit (id or name) the sheet is for."
        ),
    ] = None,
    all_units: Annotated[
        bool, typer.Option("--all-units", help="One sheet per unit, in the folder -o names.")
    ] = False,
    quarter: QuarterOpt = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The .xlsx to write (with --all-units: a folder; default: <year>-q<N>-don-vi).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite a file that exists.")] = False,
    progress: ProgressOpt = None,
    outside: OutsideOpt = False,
) -> None:
    """Write a unit's sheet for a period: its tasks and targets, and the cells to fill."""
    from cchc_cli.commands.common import workspace
    from cchc_cli.errors import UsageError
    from cchc_cli.files.output import open_output_folder, refuse_filled
    from cchc_cli.files.safe_write import make_folders, write_bytes
    from cchc_cli.files.workbook import to_xlsx
    from cchc_cli.files.workspace import default_plan, plan_fingerprint
    from cchc_cli.plan.sheet_meta import sheet_file, sheet_units
    from cchc_cli.plan.status import compute_status, default_as_of
    from cchc_cli.views.sheets import unit_sheet

    q = parse_quarter(quarter)
    if (unit is None) == (not all_units):
        raise UsageError("sheet-unit-or-all")
    ws = workspace(plan or default_plan(date.today()), progress)
    into = None
    if all_units:  # refused before any work when it is not a folder of cchc's own
        usual = f"{ws.plan.nam}-q{q}-don-vi"
        into = open_output_folder(output or Path(usual), outside=outside, near=ws.plan_path,
                                  usual=usual)  # fmt: skip
    today = date.today()
    now = compute_status(ws.plan, ws.progress, default_as_of(ws.plan, today)[0], quarter=q)
    plan_hash = plan_fingerprint(ws.plan_path)
    units = sheet_units(ws.plan, None if all_units else unit)

    def made(ma: str) -> tuple[bytes, int, int]:
        """A unit's workbook, with its tasks and targets counted."""
        sheets = unit_sheet(ws.plan, ws.progress, plan_hash, ws.plan_path.name, ma, q, now, today)
        return to_xlsx(sheets), len(sheets[0].rows), len(sheets[1].rows)  # type: ignore[arg-type]

    if into is not None:
        names = {ma: sheet_file(ws.plan.nam, q, ma) for ma in units}
        refuse_filled([into.path / name for name in names.values()], force=force)
        books = {names[ma]: made(ma) for ma in units}
        WRITTEN.extend(into.write({name: book[0] for name, book in books.items()}, keep=True))
        for name, (_data, tasks, targets) in books.items():
            _written(into.path / name, tasks, targets)
        return
    path = _xlsx(output or Path(sheet_file(ws.plan.nam, q, units[0])))
    refuse_filled([path], force=force)
    data, tasks, targets = made(units[0])
    make_folders(path.parent)
    write_bytes(path, data)
    WRITTEN.append(path)
    _written(path, tasks, targets)


def _written(path: Path, tasks: int, targets: int) -> None:
    """Say that a unit's sheet was written, with its rows."""
    from cchc_cli import words

    out(words.say("sheet_written", path=path, tasks=tasks, targets=targets))


def _imported_lines(done: Any, dry_run: bool) -> list[str]:
    """A line for each record, TTHC figure and part of the prose an import wrote (or, with
    --dry-run, would write: the officer checks them before writing)."""
    from cchc_cli import words
    from cchc_cli.views.record_text import imported_extras, record_line

    lang, mark = words.language(), "  + " if dry_run else "  "
    lines = [mark + record_line(kind, record, lang) for kind, record in done.records]
    return lines + [mark + line for line in imported_extras(done.figures, done.prose, lang)]


@handled
def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The filled .xlsx sheet.")],
    plan: PlanArg = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be recorded; write nothing.")
    ] = False,
    progress: ProgressOpt = None,
) -> None:
    """Record a filled sheet's rows in the progress file: all of them, or none."""
    from cchc_cli import words
    from cchc_cli.commands.common import err, print_problems
    from cchc_cli.files.sheet_import import SheetRefused, import_sheet
    from cchc_cli.files.workspace import default_plan, not_a_progress_file

    plan_path = not_a_progress_file(plan) if plan else default_plan(date.today())
    try:
        done = import_sheet(plan_path, file, progress, dry_run=dry_run, today=date.today())
    except SheetRefused as exc:
        print_problems(exc.problems)
        said = words.problem("sheet-refused", {"path": str(file), "count": len(exc.problems)})
        err(words.error(said), one=True)
        raise typer.Exit(1) from None
    print_problems(done.warnings)
    for line in _imported_lines(done, dry_run):
        out(line)
    tasks = sum(k == "task" for k, _ in done.records)
    key = (
        "import_dry"
        if dry_run
        else ("import_done" if done.records or done.figures or done.prose else "import_nothing")
    )
    if done.written:
        WRITTEN.append(done.path)
    out(words.say(key, unit=done.unit, tasks=tasks, targets=len(done.records) - tasks,
                  figures=len(done.figures), prose=len(done.prose), path=done.path,
                  already=done.already))  # fmt: skip
    if done.written and done.reformatted:  # as `record` says it: the layout changed too
        out(words.label(words.language(), "rec_reformatted").format(path=done.path))


def _xlsx(target: Path) -> Path:
    """An output workbook's path, checked: an .xlsx, not through a link inside the
    repository (its folder is made when the workbook is written: `make_folders`)."""
    from cchc_cli.errors import UsageError
    from cchc_cli.files.raw import no_link_inside

    if target.suffix.lower() != ".xlsx":
        raise UsageError("output-not-xlsx", path=str(target))
    no_link_inside(target)
    return target


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


@handled
def export(
    plan: PlanArg = None,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="xlsx (a workbook) or csv (a folder)."
        ),
    ] = ExportFormat.xlsx,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Where to write (default: ke-hoach-<year>.xlsx, or a folder for csv).",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOpt = None,
    quarter: QuarterOpt = None,
    progress: ProgressOpt = None,
    outside: OutsideOpt = False,
) -> None:
    """Write the plan with its status as a workbook (or CSV): tasks, targets, summaries."""
    from cchc_cli import words
    from cchc_cli.commands.common import workspace
    from cchc_cli.errors import UsageError
    from cchc_cli.files.output import open_output_folder
    from cchc_cli.files.safe_write import make_folders, write_bytes
    from cchc_cli.files.workbook import to_csv, to_xlsx
    from cchc_cli.files.workspace import default_plan
    from cchc_cli.plan.status import as_of_for_quarter, compute_status, default_as_of
    from cchc_cli.views.sheets import export_sheets

    if as_of is not None and quarter is not None:
        raise UsageError("as-of-or-quarter")
    ws = workspace(plan or default_plan(date.today()), progress)
    into = None
    if fmt is ExportFormat.csv:  # refused before any work when it is not a folder of cchc's
        usual = f"ke-hoach-{ws.plan.nam}-csv"
        into = open_output_folder(output or Path(usual), outside=outside, near=ws.plan_path,
                                  usual=usual)  # fmt: skip
    q = parse_quarter(quarter) if quarter is not None else None
    when = (
        as_of_for_quarter(ws.plan, q)
        if q is not None
        else parse_date(as_of, "--as-of") or default_as_of(ws.plan, date.today())[0]
    )
    report = compute_status(ws.plan, ws.progress, when, quarter=q)
    sheets = export_sheets(ws.plan, report, words.language())
    if fmt is ExportFormat.xlsx:
        target = _xlsx(output or Path(f"ke-hoach-{ws.plan.nam}.xlsx"))
        data = to_xlsx(sheets)  # type: ignore[arg-type]
        make_folders(target.parent)
        write_bytes(target, data)
        WRITTEN.append(target)
        out(str(target))
        return
    assert into is not None
    names = ("nhiem-vu", "chi-tieu", "tong-hop-linh-vuc", "tong-hop-don-vi")
    tables = {f"{name}.csv": to_csv(t) for name, t in zip(names, sheets, strict=True)}  # type: ignore[arg-type]
    for path in into.write(tables):
        WRITTEN.append(path)
        out(str(path))
