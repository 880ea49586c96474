"""Problems as values, each with where it came from.

Types only: nothing here imports the rest of the package or formats text.
Every other module reports problems through these types; `views.problems`
formats them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

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
    message: str  # in English; `say` and `args` let a view say it in another language
    excerpt: str | None = field(default=None, compare=False)
    say: str = field(default="", compare=False)
    args: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.source.path, self.source.line, self.source.col, self.code)


class CchcError(Exception):
    """An expected failure that the CLI reports in one line (never a traceback).

    It carries no words: `say` names the sentence in `words.PROBLEMS` and the
    keyword arguments fill it; the command layer says it in the user's language."""

    exit_code = 1

    def __init__(self, say: str, /, **args: Any) -> None:
        super().__init__(say)
        self.say = say
        self.args_ = args


class UsageError(CchcError):
    """Bad command-line usage: missing file, unknown option value (exit status 2)."""

    exit_code = 2


class ProblemsFound(CchcError):
    """A file could not be used because of errors; carries all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("problems-found", count=sum(p.severity == "error" for p in problems))
        self.problems = problems


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
    say: str  # the sentence in `words.PROBLEMS`
    args: dict[str, Any] = field(default_factory=dict)
    on_key: bool = False
