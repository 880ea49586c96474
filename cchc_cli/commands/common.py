"""What every command shares: the plan argument, common options, dates, and the
one place where a failure becomes a line and an exit status."""

import functools
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])

PlanArg = Annotated[
    Path | None,
    typer.Argument(
        metavar="PLAN",
        help="Plan file (default: plans/<this year>.yaml, else the newest plan under plans/).",
        show_default=False,
    ),
]
ProgressOpt = Annotated[
    Path | None,
    typer.Option(
        "--progress",
        metavar="FILE",
        help="Progress file (default: <plan>.progress.yaml beside the plan).",
        show_default=False,
    ),
]


class Lang(StrEnum):
    vi = "vi"
    en = "en"


def err(text: str) -> None:
    sys.stderr.write(text + "\n")


def print_problems(problems: list[Any]) -> None:
    from cchc_cli.views.problems import format_text

    for p in problems:
        err(format_text(p))


def handled(fn: F) -> F:
    """Turn expected failures into one line and an exit status; anything else is a bug."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            err("cchc: interrupted")
            raise typer.Exit(130) from None
        except Exception as exc:  # noqa: BLE001 - sorted below; the last line of defence
            raise typer.Exit(report_failure(exc)) from None

    return wrapper  # type: ignore[return-value]


def report_failure(exc: Exception) -> int:
    """One line (or the list of problems) for a failed command, and its exit status.

    The error types are imported here, not at start-up: `cchc --help` never needs them.
    """
    from cchc_cli.errors import CchcError, ProblemsFound
    from cchc_cli.views.problems import summary_line

    if isinstance(exc, ProblemsFound):
        print_problems(exc.problems)
        files = len({p.source.path for p in exc.problems}) or 1
        err(summary_line(exc.problems, files))
        return 1
    if isinstance(exc, CchcError):
        err(f"cchc: error: {exc.message}")
        return exc.exit_code
    err(
        f"cchc: internal error: {type(exc).__name__}: {exc}. This is a bug in cchc; "
        "please report it on the project's issue tracker with the command you ran."
    )
    return 3


def parse_date(value: str | None, option: str) -> date | None:
    """A date given on the command line: YYYY-MM-DD or DD/MM/YYYY."""
    if value is None:
        return None
    from cchc_cli.errors import UsageError

    text = value.strip()
    try:
        if "/" in text:
            d, m, y = (int(x) for x in text.split("/"))
            return date(y, m, d)
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"{option}: {value!r} is not a date; write YYYY-MM-DD, e.g. 2023-06-14"
        ) from None
