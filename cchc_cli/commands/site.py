"""`cchc site`: a static website of one plan, or a portfolio of many."""

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from cchc_cli.commands.common import (
    WRITTEN,
    AsOfOpt,
    OutsideOpt,
    handled,
    out,
    parse_date,
    print_problems,
    report_failure,
)
from cchc_cli.commands.score import site_score


@handled
def site(
    plans: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PLANS",
            help="Plan files, or folders holding plans/ (several: a portfolio).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="DIR", help="The folder to write the site in."),
    ] = Path("site"),
    as_of: AsOfOpt = None,
    outside: OutsideOpt = False,
) -> None:
    """Build a static website of the plan, or a portfolio of plans, in a folder."""
    from cchc_cli import words
    from cchc_cli.commands.common import workspace
    from cchc_cli.errors import CchcError, UsageError
    from cchc_cli.files.output import open_output_folder
    from cchc_cli.files.workspace import default_plan
    from cchc_cli.plan.status import compute_status, default_as_of
    from cchc_cli.views.site import assets, plan_pages, portfolio_page, slug

    today = date.today()
    given_plans = plans or [default_plan(today)]
    # before any work: refused at once
    into = open_output_folder(output, outside=outside, near=given_plans[0])
    paths = []
    for given in given_plans:
        if given.is_dir():
            folder = given / "plans" if (given / "plans").is_dir() else given
            found = sorted(folder.glob("[0-9][0-9][0-9][0-9].yaml"))
            if not found:
                raise UsageError("site-no-plan", path=str(given))
            paths += found
        else:
            paths.append(given)
    when = parse_date(as_of, "--as-of")
    pages, rows, used = [], [], set()
    broken: list[dict[str, str]] = []
    unread: list[Any] = []
    failed = False  # a criteria set with errors: the site is built without its scores
    for path in paths:
        if len(paths) == 1:
            ws = workspace(path)
        else:  # a portfolio shows every body it can read, and names the others
            try:
                ws = workspace(path)
            except CchcError as exc:
                broken.append(_broken_row(path, exc))
                unread.append(exc)
                continue
        at = when or default_as_of(ws.plan, today)[0]
        report = compute_status(ws.plan, ws.progress, at)
        prefix = ""
        if len(paths) > 1:
            base = slug(f"{ws.plan.van_ban.ky_hieu_co_quan}-{ws.plan.nam}").lower()
            name, n = base, 1
            while name in used:  # two bodies of one name: sct-2023, sct-2023-2, sct-2023-3 …
                n += 1
                name = f"{base}-{n}"
            used.add(name)
            prefix = f"{name}/"
        scored, set_failed = _self_assessment(path, ws, report)
        failed = failed or set_failed
        made, row = plan_pages(ws.plan, ws.progress, report, prefix, score=scored)
        pages += made
        rows.append(row)
    if len(paths) > 1:
        pages.append(portfolio_page(rows, today, when, broken))
    files = dict(assets())
    files.update((page.path, page.html.encode("utf-8")) for page in pages)
    WRITTEN.extend(into.write(files))
    out(words.say("site_done", pages=len(pages), path=output))
    for failure in unread:  # the site is built; CI still fails on a body it could not read
        report_failure(failure)
    if unread or failed:
        raise typer.Exit(1)


def _self_assessment(path: Path, ws: Any, report: Any) -> tuple[Any, bool]:
    """A body's self-assessment as the site shows it (None where its plan names no usable
    criteria set), with the set's problems said; and whether any was an error (the site is
    built without the scores, and fails)."""
    scored, problems = site_score(path, ws, report)
    print_problems(problems)
    return scored, any(p.severity == "error" for p in problems)


def _broken_row(path: Path, exc: Any) -> dict[str, str]:
    """A body the portfolio could not read: its file and the first error, in words."""
    from cchc_cli import words
    from cchc_cli.errors import ProblemsFound
    from cchc_cli.views.problems import format_text

    if isinstance(exc, ProblemsFound) and exc.problems:
        first = format_text(exc.problems[0]).splitlines()[0]
        more = len(exc.problems) - 1
    else:
        first, more = words.problem(exc.say, exc.args_), 0
    return {
        "name": str(path),
        "error": first,
        "more": words.label(words.language(), "site_more").format(count=more) if more else "",
    }
