"""Problems as values, each with where it came from.

Nothing here imports the rest of the package; every other module reports
problems through these types, and the CLI formats them in one place.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Source:
    """A position in a file: 1-based line and column (0 means unknown)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{max(self.col, 1)}"
        return self.path


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or worth a look (warning) in a plan or progress file."""

    source: Source
    severity: Severity
    code: str
    message: str
    excerpt: str | None = field(default=None, compare=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.source.path, self.source.line, self.source.col, self.code)


class CchcError(Exception):
    """An expected failure that the CLI reports in one line (never a traceback)."""

    def __init__(self, message: str, *, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class UsageError(CchcError):
    """Bad command-line usage: missing file, unknown option value (exit status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=2)


class ProblemsFound(CchcError):
    """A file could not be used because of errors; carries all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{sum(p.severity == 'error' for p in problems)} error(s)")
        self.problems = problems


def format_text(problem: Problem) -> str:
    """`path:line:col: severity: message`, then the offending line with a caret under it."""
    head = f"{problem.source}: {problem.severity}: {problem.message}"
    if problem.excerpt is None or not problem.source.line:
        return head
    text = problem.excerpt.rstrip("\n")
    if len(text) > 160:
        text = text[:157] + "..."
    gutter = f"{problem.source.line} | "
    caret = " " * (len(gutter) + max(problem.source.col - 1, 0)) + "^"
    if problem.source.col - 1 > len(text):
        caret = " " * len(gutter) + "^"
    return f"{head}\n{gutter}{text}\n{caret}"


def format_github(problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the pull request."""

    def esc(s: str, prop: bool = False) -> str:
        s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        if prop:
            s = s.replace(":", "%3A").replace(",", "%2C")
        return s

    kind = "error" if problem.severity == "error" else "warning"
    src = problem.source
    props = f"file={esc(src.path, True)}"
    if src.line:
        props += f",line={src.line},col={max(src.col, 1)}"
    props += f",title={esc(problem.code, True)}"
    return f"::{kind} {props}::{esc(problem.message)}"


def to_json(problems: list[Problem]) -> str:
    rows = []
    for p in problems:
        d = asdict(p)
        d.pop("excerpt", None)
        src = d.pop("source")
        rows.append({"path": src["path"], "line": src["line"], "column": src["col"], **d})
    import json

    return json.dumps(rows, ensure_ascii=False, indent=2)


def summary_line(problems: list[Problem], files: int) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    noun = "file" if files == 1 else "files"
    return f"{files} {noun} checked: {errors} error(s), {warnings} warning(s)"


Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A problem found on a validated model, located by its path in the document.

    The loader turns the path (`("phu_luc", "phan", 0, ...)`) into a line and
    column, so checks stay free of YAML and positions.
    """

    loc: Loc
    severity: Severity
    code: str
    message: str
    on_key: bool = False
