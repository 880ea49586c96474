"""Scoring sets on disk: finding the set a plan names, reading and checking it (the plan's
own safe YAML reader, every problem at path:line:col), checking the progress file's
self-assessment against it, and turning the records a computed point came from into
`path:line`. Never prints.

A set is untrusted like a plan: read as a regular file of bounded size, never through a
link, and the set a plan names must lie inside the repository that holds the plan.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_cli.errors import CchcError, Problem, Source
from cchc_cli.files.raw import MAX_BYTES, capped, read_regular, sort_problems

if TYPE_CHECKING:
    from cchc_cli.plan.criteria import CriteriaSet
    from cchc_cli.plan.score import Ref

CRITERIA_DIR = "tieu-chi"
_TOP_KEY = re.compile(rb"^quyet_dinh\s*:", re.M)
_PLAN_KEYS = re.compile(rb"^(?:phu_luc|nhiem_vu|chi_so|bao_cao|tu_cham)\s*:", re.M)


def is_criteria_file(path: Path) -> bool:
    """A scoring set: a YAML file under a `tieu-chi/` folder, or one whose top level has
    `quyet_dinh` (the decision that issued it), which plans and progress files do not."""
    if CRITERIA_DIR in path.parts:
        return True
    return bool(_TOP_KEY.search(_head(path)))


def is_plan_or_progress(path: Path) -> bool:
    """A file whose top level has the keys of a plan or a progress file: never written over
    by what cchc makes of a decision's appendix."""
    return bool(_PLAN_KEYS.search(_head(path)))


def _head(path: Path) -> bytes:
    """The first 64 KB of a regular file (nothing for anything else)."""
    import stat

    try:  # a peek at a regular file only, never through a link or into a FIFO
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return b""
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
        try:
            return os.read(fd, 64 * 1024)
        finally:
            os.close(fd)
    except OSError:
        return b""


# Where a plan names its scoring set.
SETTING = ("cai_dat", "cham_diem", "bo_tieu_chi")


def set_path(plan_path: Path, plan: Any) -> tuple[Path | None, Problem | None]:
    """The scoring set the plan names (`cai_dat.cham_diem.bo_tieu_chi`, from the plan's
    folder), or the problem with it, at the setting's line: none named, a path that leaves
    the repository, or no such file."""
    scoring = plan.cai_dat.cham_diem
    if scoring is None:
        return None, None
    named = scoring.bo_tieu_chi
    candidate = Path(os.path.normpath(plan_path.parent / named))
    from cchc_cli.files.raw import repository_of

    root = Path(os.path.realpath(repository_of(plan_path) or plan_path.parent))
    where = SETTING
    resolved = Path(os.path.realpath(candidate))
    if Path(named).is_absolute() or not (resolved == root or root in resolved.parents):
        return None, _at(plan_path, where, "criteria-outside", path=named, root=str(root))
    if not os.path.lexists(candidate):
        return None, _at(plan_path, where, "criteria-missing", path=named, found=str(candidate))
    return candidate, None


def _at(file: Path, loc: tuple[Any, ...], say: str, **args: Any) -> Problem:
    """A problem at the place `loc` names in a YAML file."""
    from cchc_cli.files.reader import Loaded, locate, parse_bytes

    try:
        loaded = parse_bytes(str(file), read_regular(file, MAX_BYTES, "plan"))
    except Exception:  # noqa: BLE001 - the file itself was already read; a position is a nicety
        loaded = Loaded(str(file))
    line, col = locate(loaded.node, loc)
    loaded.problems.clear()
    loaded.problem(line, col, "criteria", say, **args)
    return loaded.problems[0]


def load_criteria(path: Path) -> tuple[CriteriaSet | None, list[Problem]]:
    """A scoring set read, validated and checked; None with its errors when it has any."""
    from cchc_cli.files.reader import parse_bytes, validate
    from cchc_cli.plan.criteria import CriteriaSet, check_criteria

    loaded = parse_bytes(str(path), read_regular(path, MAX_BYTES, "criteria"))
    cset = validate(loaded, CriteriaSet)
    if cset is not None:
        for finding in check_criteria(cset):
            loaded.add(finding)
    problems = capped(loaded.problems, str(path))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return cset, problems


def unreadable_set(plan_path: Path, plan: Any, exc: CchcError) -> Problem:
    """A set the plan names that cannot be read at all (a folder, a FIFO, a link), said at
    the plan's setting with why."""
    return _at(plan_path, SETTING, "criteria-unreadable", path=plan.cai_dat.cham_diem.bo_tieu_chi,
               why={"say": exc.say, "args": exc.args_})  # fmt: skip


def load_named_set(
    plan_path: Path, plan: Any, found: Path
) -> tuple[CriteriaSet | None, list[Problem]]:
    """`load_criteria` of the set a plan names (`set_path`), a set that cannot be read at
    all said at the plan's setting (`unreadable_set`), as `cchc validate` says it."""
    try:
        return load_criteria(found)
    except CchcError as exc:
        return None, [unreadable_set(plan_path, plan, exc)]


def check_self_scores(path: Path, cset: CriteriaSet, progress: Any) -> list[Problem]:
    """The progress file's `tu_cham` entries against the set, each problem at its line."""
    from cchc_cli.files.reader import parse_bytes
    from cchc_cli.plan.score import check_self_scores as findings_of

    findings = findings_of(cset, progress)
    if not findings:
        return []
    loaded = parse_bytes(str(path), read_regular(path, MAX_BYTES, "plan"))
    for finding in findings:
        loaded.add(finding)
    return sort_problems(loaded.problems)


def check_named_sets(
    checked: list[Path],
    criteria_files: list[Path],
    progress_file: Path | None = None,
    read: dict[Path, Any] | None = None,
) -> tuple[list[Problem], list[Path]]:
    """What `cchc validate` adds for scoring: every set named on the command line, the set
    each checked plan names when it is there (a path leaving the repository is an error at
    the setting's line), and the plan's progress file's self-assessment against that set.
    `read`: the plans `check_files` read (plan, progress file, progress), not read again."""
    from cchc_cli.files.workspace import is_progress_file, load_workspace

    problems: list[Problem] = []
    sets: dict[Path, CriteriaSet | None] = {}

    def check_set(path: Path) -> CriteriaSet | None:
        if path not in sets:
            sets[path], found = load_criteria(path)
            problems.extend(found)
        return sets[path]

    for path in criteria_files:
        check_set(path)
    for plan_path in checked:
        if is_progress_file(plan_path):
            continue
        if read is not None:
            if plan_path not in read:
                continue  # a plan with errors: they are said already
            plan, prog_file, progress = read[plan_path]
        else:
            ws, _ = load_workspace(plan_path, progress_file)
            if ws is None:
                continue
            plan, prog_file, progress = ws.plan, ws.progress_file, ws.progress
        if plan.cai_dat.cham_diem is None:
            continue
        found, problem = set_path(plan_path, plan)
        if problem is not None:
            if problem.say != "criteria-missing":  # a set not there yet is `cchc score`'s to say
                problems.append(problem)
            continue
        assert found is not None
        try:
            cset = check_set(found)
        except CchcError as exc:
            problems.append(unreadable_set(plan_path, plan, exc))
            continue
        if cset is not None and prog_file is not None and progress is not None:
            problems += check_self_scores(prog_file, cset, progress)
    return sort_problems(problems), list(sets)


def sources(refs: list[Ref], plan_path: Path, progress_file: Path | None) -> dict[Ref, Source]:
    """Where each record stands, as a file and line (column of its value)."""
    from cchc_cli.files.reader import locate, parse_bytes

    files = {"plan": plan_path, "progress": progress_file}
    nodes: dict[str, Any] = {}
    found: dict[Ref, Source] = {}
    for ref in refs:
        path = files.get(ref.file)
        if path is None:
            continue
        if ref.file not in nodes:
            nodes[ref.file] = parse_bytes(str(path), read_regular(path, MAX_BYTES, "plan")).node
        line, col = locate(nodes[ref.file], ref.loc)
        found[ref] = Source(str(path), line, col)
    return found
