"""Plans as git holds them: a plan at a revision, and the two plans `cchc diff` compares."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from cchc_cli.errors import CchcError, Problem, UsageError
from cchc_cli.plan.diff import PlanDiff, compare
from cchc_cli.plan.model import Plan


def _not_a_plan(label: str, problems: list[Problem]) -> CchcError:
    errors = [p for p in problems if p.severity == "error"] or problems
    first = errors[0]
    return CchcError(
        "not-a-valid-plan",
        label=label,
        where=str(first.source),
        problem={"say": first.say, "args": dict(first.args), "message": first.message},
        more={"say": "and-more", "args": {"count": len(errors) - 1}} if len(errors) > 1 else "",
    )


def plan_from_file(path: Path) -> Plan:
    from cchc_cli.files.workspace import file_bytes, is_progress_file, load

    if is_progress_file(path):
        raise UsageError("diff-progress", path=str(path))
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
        raise UsageError("no-git") from None
    except subprocess.TimeoutExpired:
        raise CchcError("git-slow", what=args[0]) from None


def plan_at_revision(rev: str, path: Path) -> tuple[str, str | None]:
    """(label, text) of `path` at git revision `rev`; text is None if the file was not there.

    The path is taken relative to the root of the repository that holds it,
    so `cchc diff --rev origin/main plans/2023.yaml` works from any folder.
    """
    if not rev.strip() or rev.startswith("-"):
        raise UsageError("rev-bad", rev=rev[:80])
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UsageError("no-such-folder", path=str(path))
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode:
        raise UsageError("rev-no-repo", path=str(path))
    root = Path(top.stdout.decode("utf-8", "replace").strip()).resolve()
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise UsageError("rev-outside", path=str(path), root=str(root)) from None
    verify = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if verify.returncode:
        raise UsageError("rev-unknown", rev=rev[:80])
    label = f"{rev}:{rel}"
    if _git(root, "cat-file", "-e", f"{rev}:{rel}").returncode:
        return label, None
    listed = _git(root, "ls-tree", "-z", rev, "--", rel).stdout.decode("utf-8", "replace")
    mode = listed.split(" ", 1)[0] if listed else ""
    if mode not in ("100644", "100755"):
        kind = {"120000": "link", "160000": "submodule", "040000": "folder"}
        raise CchcError("rev-not-file", label=label, kind=kind.get(mode, "other"))
    shown = _git(root, "show", f"{rev}:{rel}")
    if shown.returncode:
        message = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CchcError("git-show", label=label, what=message[0][:200] if message else "")
    try:
        text = shown.stdout.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise CchcError("rev-not-utf8", label=label) from None
    return label, text


def diff_files(files: list[Path]) -> PlanDiff:
    """`cchc diff OLD NEW`."""
    if len(files) != 2:
        raise UsageError("diff-two")
    old, new = (plan_from_file(p) for p in files)
    return compare(old, new, str(files[0]), str(files[1]))


def diff_revision(rev: str, files: list[Path], today: date | None = None) -> PlanDiff:
    """`cchc diff --rev REV [PLAN]`: the plan at REV against the plan as it is now."""
    from cchc_cli.files.workspace import default_plan

    if len(files) > 1:
        raise UsageError("diff-rev-one")
    path = files[0] if files else default_plan(today or date.today())
    if not os.path.lexists(path):  # removed since REV? (else: no such file)
        label, text = plan_at_revision(rev, path)
        if text is not None:
            plan_from_text(label, text)
            return PlanDiff(label, str(path), [], removed_file=True)
    new = plan_from_file(path)
    label, text = plan_at_revision(rev, path)
    if text is None:
        return PlanDiff(label, str(path), [], new_file=True)
    return compare(plan_from_text(label, text), new, label, str(path))
