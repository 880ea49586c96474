"""Finding, loading and checking a plan and its progress file together.

The one place that strings loader and checks together, so every command sees
a plan the same way. Never prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from cchc_cli.errors import Finding, Problem, ProblemsFound, UsageError
from cchc_cli.files.reader import (
    Loaded,
    load_plan,
    load_progress,
    pause_gc,
    progress_path,
    read_text,
    sort_problems,
)
from cchc_cli.plan.model import Plan, Progress

PLANS_DIR = Path("plans")
M = TypeVar("M", Plan, Progress)


@dataclass
class Workspace:
    plan_path: Path
    plan: Plan
    progress: Progress
    progress_file: Path | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def is_progress_file(path: Path) -> bool:
    return path.name.endswith(".progress.yaml") or path.name.endswith(".progress.yml")


def plan_for_progress(path: Path) -> Path:
    return path.with_name(path.name.replace(".progress.", ".", 1))


def default_plan(today: date, plans_dir: Path = PLANS_DIR) -> Path:
    """plans/<this year>.yaml, else the newest plan under plans/."""
    this_year = plans_dir / f"{today.year}.yaml"
    if this_year.is_file():
        return this_year
    candidates = sorted(
        (p for p in plans_dir.glob("*.yaml") if not is_progress_file(p)),
        key=lambda p: (p.stem.isdigit(), p.stem),
    )
    if not candidates:
        raise UsageError(f"no plan found: expected {this_year} (or name a plan file)")
    return candidates[-1]


def plan_files(plans_dir: Path = PLANS_DIR) -> list[Path]:
    return sorted(p for p in plans_dir.glob("*.yaml"))


def _file_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def _checked(
    path: Path,
    model: type[M],
    parts: tuple[bytes | None, ...],
    load: Callable[[Path], tuple[M | None, Loaded]],
    check: Callable[[M], list[Finding]],
) -> tuple[M | None, list[Problem]]:
    """Load a file, run its checks, and keep the outcome in the cache under `parts`
    (the bytes the outcome depends on): the next run with the same bytes reads it back."""
    from cchc_cli.files import cache

    known = [p for p in parts if p is not None]
    k = cache.key(model.__name__, *known) if len(known) == len(parts) else None
    with pause_gc():
        hit = cache.get(k) if k else None
    if (
        isinstance(hit, tuple)
        and len(hit) == 2
        and (hit[0] is None or isinstance(hit[0], model))
        and isinstance(hit[1], list)
    ):
        value, problems = hit
        # An entry serves any path with the same bytes: the problems take this path.
        return value, [replace(p, source=replace(p.source, path=str(path))) for p in problems]
    value, loaded = load(path)
    if value is not None:
        for finding in check(value):
            loaded.add(finding)
    if k is not None:
        cache.put(k, (value, loaded.problems))
    return value, loaded.problems


def _check_plan_file(path: Path, data: bytes | None) -> tuple[Plan | None, list[Problem]]:
    """Check a plan whose bytes (`data`) the caller has read, once, for both keys."""
    from cchc_cli.plan.checks import check_plan

    return _checked(path, Plan, (data,), load_plan, check_plan)


def _check_progress_file(
    path: Path, plan: Plan, plan_data: bytes | None
) -> tuple[Progress | None, list[Problem]]:
    """A progress file is checked against its plan, so both contents make the key."""
    from cchc_cli.plan.checks import check_progress

    parts = (plan_data, _file_bytes(path))
    return _checked(path, Progress, parts, load_progress, lambda p: check_progress(plan, p))


def validate_file(path: Path) -> list[Problem]:
    """Every problem of one plan or progress file (a progress file is checked against its plan)."""
    if not is_progress_file(path):
        return sort_problems(_check_plan_file(path, _file_bytes(path))[1])
    plan_path = plan_for_progress(path)
    if not plan_path.is_file():
        read_text(path)  # usage errors of the progress file itself first
        raise UsageError(f"{path}: its plan {plan_path} does not exist")
    plan_data = _file_bytes(plan_path)
    plan, plan_problems = _check_plan_file(plan_path, plan_data)
    if plan is None or any(p.severity == "error" for p in plan_problems):
        loaded = Loaded(str(path))
        loaded.problem(
            0, 0, "plan-invalid", f"cannot check progress: its plan {plan_path} has errors"
        )
        return loaded.problems
    return sort_problems(_check_progress_file(path, plan, plan_data)[1])


def open_workspace(plan_path: Path, progress_file: Path | None = None) -> Workspace:
    """Load a plan and its progress file; raise ProblemsFound when either has errors.

    The progress file defaults to the one beside the plan (`2023.progress.yaml`).
    """
    plan_data = _file_bytes(plan_path)
    plan, problems = _check_plan_file(plan_path, plan_data)
    if plan is None or any(p.severity == "error" for p in problems):
        raise ProblemsFound(sort_problems([p for p in problems if p.severity == "error"]))
    prog_path = progress_file or progress_path(plan_path)
    progress = Progress.model_construct()  # the empty record: its defaults need no validation
    prog_file: Path | None = None
    if progress_file is not None or prog_path.is_file():
        loaded_progress, prog_problems = _check_progress_file(prog_path, plan, plan_data)
        problems += prog_problems
        if loaded_progress is None or any(p.severity == "error" for p in prog_problems):
            raise ProblemsFound(sort_problems([p for p in problems if p.severity == "error"]))
        progress, prog_file = loaded_progress, prog_path
    return Workspace(plan_path, plan, progress, prog_file, sort_problems(problems))
