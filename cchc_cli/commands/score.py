"""`cchc score`: the PAR-index self-assessment from the plan's own records, with its
evidence; `cchc criteria`: a scoring set imported from the decision's appendix table."""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from cchc_cli.commands.common import (
    WRITTEN,
    AsOfOpt,
    PlanArg,
    ProgressOpt,
    handled,
    out,
    parse_date,
    print_problems,
)
from cchc_cli.errors import Problem


class ScoreFormat(StrEnum):
    text = "text"
    json = "json"


class Level(StrEnum):
    so = "so"
    huyen = "huyen"
    xa = "xa"
    khac = "khac"


@handled
def score(
    plan: PlanArg = None,
    criteria: Annotated[
        Path | None,
        typer.Option(
            "--criteria",
            metavar="FILE",
            help="The criteria set (YAML), instead of the one the plan names in cai_dat.cham_diem.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[
        ScoreFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="text or json."),
    ] = ScoreFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE.xlsx",
            help="Write the self-assessment and the index of evidence to this workbook.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing workbook.")] = False,
    progress: ProgressOpt = None,
    width: Annotated[
        int | None,
        typer.Option("--width", metavar="N", help="Width of the view: 40 to 400.", min=40, max=400),
    ] = None,
) -> None:
    """The PAR-index self-assessment from the plan's own records, with evidence, as a workbook for Sở Nội vụ."""
    from cchc_cli import words
    from cchc_cli.commands.common import workspace
    from cchc_cli.errors import ProblemsFound
    from cchc_cli.files.criteria import check_self_scores, load_criteria, sources
    from cchc_cli.files.workspace import default_plan
    from cchc_cli.plan.score import compute_score
    from cchc_cli.plan.status import compute_status, default_as_of

    today = date.today()
    plan_path = plan or default_plan(today)
    ws = workspace(plan_path, progress)
    target = _xlsx(output, force) if output is not None else None
    set_file = criteria if criteria is not None else _named_set(plan_path, ws.plan)
    cset, problems = load_criteria(set_file)
    if cset is None:
        raise ProblemsFound([p for p in problems if p.severity == "error"])
    when = parse_date(as_of, "--as-of") or default_as_of(ws.plan, today)[0]
    status = compute_status(ws.plan, ws.progress, when)
    report = compute_score(cset, ws.plan, ws.progress, status)
    broken = check_self_scores(ws.progress_file, cset, ws.progress) if ws.progress_file else []
    print_problems([*problems, *broken])
    where = sources(report.records, plan_path, ws.progress_file)
    if target is not None:
        _write_workbook(target, report, where, ws.plan.nam, ws.plan.van_ban.co_quan_ban_hanh)
    elif fmt is ScoreFormat.json:
        from cchc_cli.views.score import to_json

        out(to_json(report, where, ws.plan, str(set_file), words.language()))
    else:
        from cchc_cli.views.score import render

        body = ws.plan.van_ban.co_quan_ban_hanh
        render(report, where, ws.plan.nam, body, words.language(), width)
    if any(p.severity == "error" for p in broken):
        raise typer.Exit(1)


def _named_set(plan_path: Path, plan: Any) -> Path:
    """The criteria set the plan names (`cai_dat.cham_diem.bo_tieu_chi`): its problem at
    the plan's setting, or a usage error when it names none."""
    from cchc_cli.errors import ProblemsFound, UsageError
    from cchc_cli.files.criteria import set_path

    found, problem = set_path(plan_path, plan)
    if problem is not None:
        raise ProblemsFound([problem])
    if found is None:
        raise UsageError("no-criteria", plan=str(plan_path))
    return found


def _write_workbook(target: Path, report: Any, where: Any, year: int, body: str) -> None:
    """The self-assessment and its index of evidence, as the workbook for Sở Nội vụ."""
    from cchc_cli import words
    from cchc_cli.files.safe_write import make_folders, write_bytes
    from cchc_cli.files.workbook import to_xlsx
    from cchc_cli.views.score import score_sheets

    make_folders(target.parent, for_file=target)
    write_bytes(target, to_xlsx(score_sheets(report, where, year, body)))  # type: ignore[arg-type]
    WRITTEN.append(target)
    out(words.say("sc_written", path=target, criteria=len(report.scored),
                  documents=len(report.documents)))  # fmt: skip


def _xlsx(target: Path, force: bool) -> Path:
    """An output workbook's path, checked before any work: an .xlsx in a folder that exists,
    not written over without --force."""
    import os

    from cchc_cli.errors import UsageError

    if target.suffix.lower() != ".xlsx":
        raise UsageError("output-not-xlsx", path=str(target))
    if os.path.lexists(target) and not force:
        raise UsageError("output-exists", path=str(target))
    return target


@handled
def criteria(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="The decision's appendix (.docx or .xlsx) with the table of criteria.",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE.yaml",
            help="The YAML file to write, e.g. tieu-chi/ha-tinh/so-2024.yaml.",
        ),
    ],
    number: Annotated[
        str,
        typer.Option("--number", metavar="SỐ", help="The decision's number, e.g. 52/2019/QĐ-UBND."),
    ],
    issuer: Annotated[
        str,
        typer.Option("--issuer", metavar="TEXT", help="Who issued it, e.g. 'UBND tỉnh Hà Tĩnh'."),
    ],
    issued: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help="The day it was issued (YYYY-MM-DD).", show_default=False
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar="YEAR",
            help="The year it was issued, when the day is not known.",
            min=1900,
            max=2100,
            show_default=False,
        ),  # fmt: skip
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="TEXT",
            help="The set's name (default: from its level and decision).",
            show_default=False,
        ),  # fmt: skip
    ] = None,
    level: Annotated[
        Level, typer.Option("--level", metavar="LEVEL", help="so, huyen, xa or khac.")
    ] = Level.so,
    plan_year: Annotated[
        int | None,
        typer.Option(
            "--plan-year",
            metavar="YEAR",
            help="The year of assessment the set applies to.",
            min=1900,
            max=2100,
            show_default=False,
        ),  # fmt: skip
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing YAML file.")
    ] = False,
) -> None:
    """Import a scoring set from a decision's appendix table (.docx or .xlsx) as YAML, keeping its wording."""
    import os

    from cchc_cli import words
    from cchc_cli.errors import UsageError
    from cchc_cli.files.criteria import is_plan_or_progress
    from cchc_cli.files.criteria_import import Meta, import_table
    from cchc_cli.files.safe_write import make_folders, write_text
    from cchc_cli.files.workspace import is_progress_file

    if output.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError("output-not-yaml", path=str(output))
    if is_progress_file(output) or output.parent.name == "plans" or is_plan_or_progress(output):
        raise UsageError("output-is-plan", path=str(output))
    if os.path.lexists(output) and not force:
        raise UsageError("output-exists", path=str(output))
    day = parse_date(issued, "--date")
    if day is None and year is None:
        raise UsageError("import-date-or-year")
    title = name or words.say("crit_default_name", level=words.level(level.value),
                              number=number.strip(), issuer=issuer.strip())  # fmt: skip
    meta = Meta(number.strip(), issuer.strip(), day, year, title, level.value, plan_year)
    text, areas, count, total, warnings = import_table(file, meta)
    print_problems(warnings)
    make_folders(output.parent, for_file=output)
    write_text(output, text)
    WRITTEN.append(output)
    out(words.say("crit_written", path=output, areas=areas, criteria=count,
                  total=words.points(total)))  # fmt: skip


def site_score(plan_path: Path, ws: Any, report: Any) -> tuple[Any, list[Problem]]:
    """What `cchc site` shows of a body's self-assessment (`views.score.site_figures`), or
    None when its plan names no criteria set or the set cannot be used; and the set's
    problems, for the caller to say. A set with errors is left out of the site, so that
    one body's set does not stop the portfolio (the site still fails, as `validate` does);
    a set not there yet is a warning, as `validate` leaves it to `cchc score`."""
    import dataclasses

    from cchc_cli import words
    from cchc_cli.files.criteria import load_named_set, set_path
    from cchc_cli.plan.score import compute_score
    from cchc_cli.views.score import site_figures

    if ws.plan.cai_dat.cham_diem is None:
        return None, []
    found, problem = set_path(plan_path, ws.plan)
    if problem is not None and problem.say == "criteria-missing":
        return None, [dataclasses.replace(problem, severity="warning")]
    if problem is not None or found is None:
        return None, [problem] if problem is not None else []
    cset, problems = load_named_set(plan_path, ws.plan, found)
    if cset is None:
        return None, problems
    figures = site_figures(compute_score(cset, ws.plan, ws.progress, report), words.language())
    return figures, problems
