"""Plans as git holds them: a plan at a revision, and the two plans `cchc diff` compares."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from cchc_cli.errors import CchcError, Problem, UsageError
from cchc_cli.plan.diff import PlanDiff, compare
from cchc_cli.plan.model import Plan


def _not_a_plan(label: str, problems: list[Problem]) -> CchcError:
    errors = [p for p in problems if p.severity == "error"] or problems
    first = errors[0]
    more = f" (and {len(errors) - 1} more; run cchc validate)" if len(errors) > 1 else ""
    return CchcError(f"{label} is not a valid plan: {first.source}: {first.message}{more}")


def plan_from_file(path: Path) -> Plan:
    from cchc_cli.files.workspace import file_bytes, is_progress_file, load

    if is_progress_file(path):
        raise UsageError(f"{path} is a progress file; cchc diff compares plans")
    plan, problems = load(str(path), file_bytes(path), Plan)
    if plan is None:
        raise _not_a_plan(str(path), problems)
    return plan


def plan_from_text(label: str, text: str) -> Plan:
    from cchc_cli.files.workspace import load_text

    plan, problems = load_text(label, text, Plan)
    if plan is None:
        raise _not_a_plan(label, problems)
    return plan


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, timeout=120, check=False
        )
    except FileNotFoundError:
        raise UsageError("--rev needs git, and git is not installed") from None
    except subprocess.TimeoutExpired:
        raise CchcError(f"git {args[0]} took too long") from None


def plan_at_revision(rev: str, path: Path) -> tuple[str, str | None]:
    """(label, text) of `path` at git revision `rev`; text is None if the file was not there.

    The path is taken relative to the root of the repository that holds it,
    so `cchc diff --rev origin/main plans/2023.yaml` works from any folder.
    """
    if not rev.strip() or rev.startswith("-"):
        raise UsageError(f"--rev: {rev!r} is not a revision")
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UsageError(f"{path}: no such folder")
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode:
        raise UsageError(f"--rev: {path} is not inside a git repository")
    root = Path(top.stdout.decode("utf-8", "replace").strip()).resolve()
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise UsageError(f"--rev: {path} is outside the repository {root}") from None
    verify = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if verify.returncode:
        raise UsageError(
            f"--rev: unknown revision {rev!r} (a branch, tag or commit; in CI fetch with "
            "fetch-depth: 0)"
        )
    label = f"{rev}:{rel}"
    if _git(root, "cat-file", "-e", f"{rev}:{rel}").returncode:
        return label, None
    listed = _git(root, "ls-tree", "-z", rev, "--", rel).stdout.decode("utf-8", "replace")
    mode = listed.split(" ", 1)[0] if listed else ""
    if mode not in ("100644", "100755"):
        kind = {"120000": "a symbolic link", "160000": "a submodule", "040000": "a folder"}
        raise CchcError(
            f"{label} is {kind.get(mode, 'not a regular file')} at that revision, not a plan"
        )
    shown = _git(root, "show", f"{rev}:{rel}")
    if shown.returncode:
        message = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CchcError(f"git show {label}: {message[0] if message else 'failed'}")
    try:
        text = shown.stdout.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise CchcError(f"{label} is not UTF-8 text") from None
    return label, text


def diff_files(files: list[Path]) -> PlanDiff:
    """`cchc diff OLD NEW`."""
    if len(files) != 2:
        raise UsageError("give two plan files (OLD NEW), or --rev REV [PLAN]")
    old, new = (plan_from_file(p) for p in files)
    return compare(old, new, str(files[0]), str(files[1]))


def diff_revision(rev: str, files: list[Path], today: date | None = None) -> PlanDiff:
    """`cchc diff --rev REV [PLAN]`: the plan at REV against the plan as it is now."""
    from cchc_cli.files.workspace import default_plan

    if len(files) > 1:
        raise UsageError("with --rev give one plan file (or none for this year's plan)")
    path = files[0] if files else default_plan(today or date.today())
    new = plan_from_file(path)
    label, text = plan_at_revision(rev, path)
    if text is None:
        return PlanDiff(label, str(path), [], new_file=True)
    return compare(plan_from_text(label, text), new, label, str(path))
