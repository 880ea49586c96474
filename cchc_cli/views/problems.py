"""Problems as the user reads them: text with an excerpt, GitHub annotations, JSON."""

from __future__ import annotations

from dataclasses import asdict

from cchc_cli import words
from cchc_cli.errors import Problem
from cchc_cli.views import json_text, safe_text


def format_text(problem: Problem) -> str:
    """`path:line:col: severity: message`, then the offending line with a caret under it,
    in the language in use."""
    severity = words.say(f"severity_{problem.severity}")
    head = f"{safe_text.one_line(str(problem.source))}: {severity}: "
    head += safe_text.one_line(words.problem_text(problem))
    if problem.excerpt is None or not problem.source.line:
        return head
    text = safe_text.one_line(problem.excerpt.rstrip("\n"))
    if len(text) > 160:
        text = text[:157] + "..."
    gutter = f"{problem.source.line} | "
    caret = " " * (len(gutter) + max(problem.source.col - 1, 0)) + "^"
    if problem.source.col - 1 > len(text):
        caret = " " * len(gutter) + "^"
    return f"{head}\n{gutter}{text}\n{caret}"


def format_line(problem: Problem) -> str:
    """`path:line: message` on one line (a to-do list's item)."""
    src = problem.source
    where = f"{src.path}:{src.line}" if src.line else str(src.path)
    return f"{safe_text.one_line(where)}: {safe_text.one_line(words.problem_text(problem))}"


def format_github(problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the pull request."""
    esc = safe_text.annotation
    kind = "error" if problem.severity == "error" else "warning"
    src = problem.source
    props = f"file={esc(src.path, prop=True)}"
    if src.line:
        props += f",line={src.line},col={max(src.col, 1)}"
    props += f",title={esc(problem.code, prop=True)}"
    return f"::{kind} {props}::{esc(words.problem_text(problem))}"


def to_json(problems: list[Problem]) -> str:
    rows = []
    for p in problems:
        d = asdict(p)
        d.pop("excerpt", None)
        d.pop("say", None)
        d.pop("args", None)
        d["message"] = words.problem_text(p)
        src = d.pop("source")
        rows.append({"path": src["path"], "line": src["line"], "column": src["col"], **d})
    return json_text.dumps(rows)


def summary_line(problems: list[Problem], files: int) -> str:
    """`N files checked: E error(s), W warning(s)`."""
    errors = sum(p.severity == "error" for p in problems)
    key = "checked_one" if files == 1 else "checked"
    return words.say(key, files=files, errors=errors, warnings=len(problems) - errors)
