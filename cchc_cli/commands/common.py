"""What every command shares: the plan argument, common options, dates, and the
one place where a failure becomes a line and an exit status."""

import contextlib
import errno
import functools
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])
# Files this run has written: said when the output fails afterwards, so nobody retries.
WRITTEN: list[Path] = []
# Errors of writing the output itself (a full disk, a closed terminal). Files cchc writes
# report their own errors, naming the file.
OUTPUT_ERRORS = {getattr(errno, n) for n in ("ENOSPC", "EIO", "EDQUOT") if hasattr(errno, n)}

PlanArg = Annotated[
    Path | None,
    typer.Argument(
        metavar="PLAN",
        help="Plan file (default: the newest plan under plans/, from any folder of the repository).",
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

AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DATE", help="Status on this date (YYYY-MM-DD)."),
]

OutsideOpt = Annotated[
    bool,
    typer.Option(
        "--outside",
        help="Allow an output folder outside the repository (or the current folder).",
    ),
]

QuarterOpt = Annotated[
    str | None,
    typer.Option(
        "--quarter",
        "-q",
        metavar="N",
        help="Report N: 1 quý I, 2 quý II và 6 tháng đầu năm, 3 quý III, 4 năm (I-IV too).",
        show_default=False,
    ),
]


def err(text: str, *, one: bool = False) -> None:
    """Lines on stderr (`one`: exactly one, whatever its text holds), with anything that
    could steer a terminal or a CI runner escaped (`views.safe_text.log`)."""
    from cchc_cli.views.safe_text import log

    sys.stderr.write(log(text, one=one) + "\n")


def out(text: str, *, nl: bool = True, annotations: bool = False) -> None:
    """Output on stdout, with anything that could steer a terminal or a CI runner escaped;
    `annotations`: cchc's own workflow commands (`validate --format github`)."""
    from cchc_cli.views.safe_text import log

    typer.echo(log(text, annotations=annotations), nl=nl)


def print_problems(problems: list[Any]) -> None:
    from cchc_cli.views.problems import format_text

    for p in problems:
        err(format_text(p))


_PLAIN = str.maketrans(
    {"đ": "d", "Đ": "D", "·": "-", "–": "-", "—": "-", "─": "-", "…": "...", "→": "->",
     "≥": ">=", "≤": "<=", "“": '"', "”": '"', "‘": "'", "’": "'", "×": "x"}
)  # fmt: skip


def _transliterate(encoding: str, exc: UnicodeError) -> tuple[str, int]:
    """What a terminal or pipe in `encoding` gets for letters it cannot take.

    First the letter with its marks taken apart as far as the encoding needs: Windows'
    Vietnamese code page (cp1258) holds "ô" and the combining dot below but not "ộ", so
    "ộ" goes out as "ô" + U+0323 and reads the same. Else the letter without its marks
    ("o"), and "?" for what has no plain form."""
    import unicodedata
    from itertools import combinations

    assert isinstance(exc, UnicodeEncodeError)
    shown = []
    for char in exc.object[exc.start : exc.end]:
        base, *marks = list(unicodedata.normalize("NFD", char))
        splits = (  # the base with as many of its marks precomposed as can be
            (
                unicodedata.normalize("NFC", base + "".join(kept)),
                [m for m in marks if m not in kept],
            )
            for n in range(len(marks) - 1, -1, -1)
            for kept in combinations(marks, n)
        )
        for head, rest in splits:
            candidate = head + "".join(rest)
            try:
                candidate.encode(encoding)
            except (UnicodeEncodeError, LookupError):
                continue
            shown.append(candidate)
            break
        else:
            plain = unicodedata.normalize("NFKD", char.translate(_PLAIN))
            bare = "".join(c for c in plain if not unicodedata.combining(c))
            shown.append("".join(c if c.isascii() else "?" for c in bare))
    return "".join(shown), exc.end


def plain_errors(encoding: str) -> str:
    """The name of the error handler that writes Vietnamese as near as `encoding` allows
    (`_transliterate`), registered on first use."""
    import codecs
    import functools

    name = f"cchc-plain-{codecs.lookup(encoding).name}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        codecs.register_error(name, functools.partial(_transliterate, encoding))
    return name


def plain_streams() -> None:
    """On a terminal or pipe whose encoding cannot hold Vietnamese (LC_ALL=C,
    PYTHONIOENCODING=ascii, output redirected on Windows in a legacy code page), write
    each letter as near as the encoding allows (`_transliterate`) instead of failing.
    (A Windows console itself takes every letter: Python writes to it in UTF-16.)"""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "ếđ".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                with contextlib.suppress(LookupError):
                    reconfigure(errors=plain_errors(encoding))


def quiet_stdout() -> None:
    """Point stdout at nothing, so that closing it at exit cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def handled(fn: F) -> F:
    """Turn expected failures into one line and an exit status; anything else is a bug."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from cchc_cli import words

        WRITTEN.clear()
        try:
            with words.calendar():  # the context's public holidays, for the domain
                return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            err(words.say("interrupted"))
            raise typer.Exit(130) from None
        except BrokenPipeError:
            quiet_stdout()  # the reader of the output went away; what was done is done
            raise typer.Exit(0) from None
        except OSError as exc:
            if exc.errno not in OUTPUT_ERRORS:
                raise typer.Exit(report_failure(exc)) from None
            quiet_stdout()
            done = "".join(words.problem("output-written", {"path": str(p)}) for p in WRITTEN)
            why = exc.strerror or str(exc)
            err(
                words.error(words.problem("output-failed", {"why": why, "written": done})), one=True
            )
            raise typer.Exit(1) from None
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
        from cchc_cli import words

        err(words.error(words.problem(exc.say, exc.args_)), one=True)
        return exc.exit_code
    from cchc_cli import words

    err(words.say("bug", what=f"{type(exc).__name__}: {exc}"), one=True)
    return 3


def workspace(plan: Path, progress: Path | None = None, *, lenient: bool = False) -> Any:
    """The plan and its progress file, or the command ends with their errors (exit 1).
    `lenient`: a progress file with errors gives its valid records (files.workspace)."""
    from cchc_cli.errors import ProblemsFound
    from cchc_cli.files.workspace import load_workspace, not_a_progress_file

    ws, problems = load_workspace(not_a_progress_file(plan), progress, lenient=lenient)
    if ws is not None:
        from cchc_cli import words

        words.adopt_plan_language(ws.plan.cai_dat.ngon_ngu)
    if ws is None:
        raise ProblemsFound([p for p in problems if p.severity == "error"])
    return ws


def lenient_workspace(plan: Path, progress: Path | None) -> tuple[Any, list[Any]]:
    """The workspace for a view that still shows the picture when the progress file has
    errors: they are printed first, with how many records were left out, and returned
    (the command then exits 1)."""
    from cchc_cli import words

    ws = workspace(plan, progress, lenient=True)
    broken = [p for p in ws.problems if p.severity == "error"]
    if broken:
        print_problems(broken)
        err(words.note(words.say("left_out", count=ws.left_out)))
    return ws, broken


QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "I": 1, "II": 2, "III": 3, "IV": 4}


def parse_quarter(value: str | None) -> int:
    """The --quarter value: 1 (Quý I), 2 (6 tháng), 3 (Quý III) or 4 (năm), or I–IV."""
    from cchc_cli.errors import UsageError

    if value is None:
        raise UsageError("quarter-required")
    q = QUARTERS.get(value.strip().upper())
    if q is None:
        raise UsageError("quarter-bad", value=value[:40])
    return q


def parse_state(value: str) -> str:
    """--state in English or Vietnamese, with or without diacritics."""
    from cchc_cli.errors import UsageError
    from cchc_cli.plan.lookup import typed_state

    found = typed_state(value)
    if found is None:
        raise UsageError("state-bad", value=value[:40])
    return found


MIN_YEAR, MAX_YEAR = 1900, 2100


def parse_date(value: str | None, option: str) -> date | None:
    """A date given on the command line: YYYY-MM-DD or DD/MM/YYYY, the year in full and
    from 1900 to 2100 (`1/7/23` is refused rather than read as the year 23)."""
    if value is None:
        return None
    from cchc_cli.errors import UsageError

    text = value.strip()
    shown = text if len(text) <= 40 else text[:40] + "…"
    wrong = UsageError("date-bad", option=option, value=shown)
    if len(text) > 10 or not text.isascii():
        raise wrong
    try:
        if "/" in text:
            d, m, y = text.split("/")
            if len(y) != 4:
                raise UsageError(
                    "date-short-year", option=option, value=shown, example=f"{d}/{m}/20{y[-2:]:0>2}"
                )
            day = date(int(y), int(m), int(d))
        else:
            if len(text.split("-")[0]) != 4:
                raise wrong
            day = date.fromisoformat(text)
    except ValueError:
        raise wrong from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise UsageError(
            "date-year-range", option=option, value=shown, first=MIN_YEAR, last=MAX_YEAR
        )
    return day
