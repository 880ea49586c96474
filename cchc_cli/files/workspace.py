"""Finding, loading and checking a plan and its progress file together.

`load` is the one place that strings the reader, the checks and the cache
together, so every command sees a plan the same way. Never prints.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from cchc_cli.errors import Problem, ProblemsFound, UsageError
from cchc_cli.files.raw import (
    MAX_BYTES,
    capped,
    pause_gc,
    progress_path,
    read_regular,
    sort_problems,
)

if TYPE_CHECKING:
    from cchc_cli.files.reader import Loaded
    from cchc_cli.plan.model import Plan, Progress

# A plan is read as plain objects with the models' fields and methods (`plan.shapes`),
# whether it was checked now or found in the cache: the Pydantic models only check. On a
# cache hit neither the YAML reader nor Pydantic's model classes are imported.

PLANS_DIR = Path("plans")
M = TypeVar("M", "Plan", "Progress")


@dataclass
class Workspace:
    plan_path: Path
    plan: Plan
    progress: Progress
    progress_file: Path | None
    problems: list[Problem] = field(default_factory=list)
    left_out: int = 0  # records not counted because of their errors (lenient loading)
    # For a command that edits the progress file (`open_workspace(..., editing=True)`):
    # the bytes checked, and the reader's reading of them when it read them (not when the
    # cache answered), so that the edit starts from those very bytes, read once.
    progress_data: bytes | None = None
    progress_read: Loaded | None = None

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def is_progress_file(path: Path) -> bool:
    return path.name.endswith(".progress.yaml") or path.name.endswith(".progress.yml")


def plan_for_progress(path: Path) -> Path:
    return path.with_name(path.name.replace(".progress.", ".", 1))


def find_plans_dir(start: Path | None = None) -> Path:
    """The `plans/` folder of the repository one stands in: here, or in a folder above
    (from `plans/` itself or `docs/`, say); `plans` when there is none."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / PLANS_DIR
        if candidate.is_dir():
            try:
                return Path(os.path.relpath(candidate))
            except ValueError:  # another drive (Windows)
                return candidate
        if (folder / ".git").exists():
            break
    return PLANS_DIR


def default_plan(today: date | None = None, plans_dir: Path | None = None) -> Path:
    """The newest year's plan under `plans/` (found from any folder of the repository)."""
    folder = plans_dir or find_plans_dir()
    candidates = sorted(
        (p for p in folder.glob("*.yaml") if not is_progress_file(p)),
        key=lambda p: (p.stem.isdigit(), p.stem),
    )
    if not candidates:
        raise UsageError("no-plan", folder=str(folder))
    return candidates[-1]


def plan_files(plans_dir: Path | None = None) -> list[Path]:
    return sorted(p for p in (plans_dir or find_plans_dir()).glob("*.yaml"))


def not_a_progress_file(path: Path) -> Path:
    """`path` when it names a plan; a usage error saying which plan goes with a progress file."""
    if is_progress_file(path):
        raise UsageError("is-progress", path=str(path), plan=str(plan_for_progress(path)))
    return path


def file_bytes(path: Path, progress: bool | None = None) -> bytes | None:
    """The bytes of a plan or progress file (None when over the size limit); `progress`
    says which it is where its name may not (`--progress other.yaml`)."""
    if progress is None:
        progress = is_progress_file(path)
    return read_regular(path, MAX_BYTES, "progress" if progress else "plan")


def plan_fingerprint(path: Path) -> str:
    """The SHA-256 of a plan file's bytes, which a sheet made of it keeps (`plan_hash`)."""
    import hashlib

    return hashlib.sha256(file_bytes(path) or b"").hexdigest()


def load(
    label: str,
    data: bytes | None,
    model: type[M] | str,
    *,
    plan: Plan | None = None,
    plan_data: bytes | None = None,
) -> tuple[M | None, list[Problem]]:
    """The one loader: the bytes of a plan or progress file → the checked model and every
    problem, as values.

    Every command reads plans through here: `validate`, `status`, `report`, `record`
    (the file it is about to write), `diff` (a plan at a git revision) and `fmt`. A
    progress file is checked against `plan`. `model` is the model class or its name
    ("Plan", "Progress"). The outcome is kept in the cache under the very bytes that
    were parsed (and the plan's, for a progress file), so an entry can never describe
    other bytes than the ones it is found by; where the plan's bytes are not known (a
    plan given as a model) nothing is cached. What the cache gives back is the plain
    twin of the model (`plan.shapes`); a file checked now is the model itself.
    """
    value, problems, _reading = load_read(label, data, model, plan=plan, plan_data=plan_data)
    return value, problems


def load_read(
    label: str,
    data: bytes | None,
    model: type[M] | str,
    *,
    plan: Plan | None = None,
    plan_data: bytes | None = None,
) -> tuple[M | None, list[Problem], Loaded | None]:
    """`load`, and the file as the reader read it (`reader.Loaded`: its data and where each
    value stands), for a command that edits the file: None when the cache answered, as then
    nothing was read."""
    from cchc_cli.files import cache

    name = model if isinstance(model, str) else model.__name__
    parts: tuple[bytes | None, ...] = (plan_data, data) if name == "Progress" else (data,)
    # CCHC_NO_CACHE: no key computed, nothing dumped (a 10,000-task plan's entry takes a second)
    cacheable = cache.cache_root() is not None and all(x is not None for x in parts)
    k = cache.key(name, *(x for x in parts if x is not None)) if cacheable else None
    if k is not None:
        hit = _cached(k, name, label)
        if hit is not None:
            return hit[0], hit[1], None
    from cchc_cli.files.reader import parse_bytes

    reading = parse_bytes(label, data)
    value, problems = check_parsed(label, reading, name, plan)
    if k is not None:
        from cchc_cli.files import checked

        cache.put(k, checked.dump(value, problems))
    return value, problems, reading


def _cached(k: str, name: str, label: str) -> tuple[Any, list[Problem]] | None:
    """The outcome kept in the cache under key `k` (the plain twin of the model and its
    problems, at `label`), or None."""
    from cchc_cli.files import cache

    entry = cache.get(k)
    if entry is None:
        return None
    from cchc_cli.files import checked

    with pause_gc():
        return checked.load(entry, name, label)


def check_parsed(
    label: str, loaded: Loaded, name: str, plan: Plan | None
) -> tuple[Any, list[Problem]]:
    """A file as read (`reader.parse_bytes`), validated against model `name` and checked
    (a plan on its own, a progress file against `plan`): the model's plain twin (what
    every reader of a plan gets, `plan.shapes.as_plain`), or None, and every problem,
    capped. A progress file with no records yet is an empty one."""
    from cchc_cli.files.reader import validate
    from cchc_cli.plan import model as models
    from cchc_cli.plan.shapes import as_plain, empty_progress

    is_progress = name == "Progress"
    if is_progress and [p.code for p in loaded.problems] == ["empty"]:
        loaded.problems.clear()  # a progress file with no records yet is fine
    if is_progress and loaded.root is None and not loaded.problems:
        value: Any = empty_progress()
    else:
        value = validate(loaded, getattr(models, name))
    if value is not None:
        from cchc_cli.plan.checks import check_plan
        from cchc_cli.plan.progress_checks import check_progress

        # no collector pass over a large plan while it is copied and walked
        with pause_gc():
            # The model checks the data; what is read from here on is its plain twin, as
            # from the cache: one form of a plan, however it was read.
            value = as_plain(value, consume=True)
            if not is_progress:
                findings = check_plan(value)
            else:
                findings = check_progress(plan, value) if plan is not None else []
        for finding in findings:
            loaded.add(finding)
    return value, capped(loaded.problems, label)


def load_text(
    label: str, text: str, model: type[M] | str, *, plan: Plan | None = None
) -> tuple[M | None, list[Problem]]:
    """`load` for text held in memory: a plan at a git revision, a record about to be written."""
    return load(label, text.encode("utf-8"), model, plan=plan)


def _check_plan_file(path: Path, data: bytes | None) -> tuple[Plan | None, list[Problem]]:
    return load(str(path), data, "Plan")


def _read_progress_file(
    path: Path, plan: Plan, plan_data: bytes | None
) -> tuple[Progress | None, list[Problem], bytes | None, Loaded | None]:
    """A progress file checked against its plan: the model, its problems, the bytes read
    and the reader's reading of them (None when the cache answered)."""
    data = file_bytes(path, progress=True)
    found = load_read(str(path), data, "Progress", plan=plan, plan_data=plan_data)
    return cast("Progress | None", found[0]), found[1], data, found[2]


def validate_file(path: Path) -> list[Problem]:
    """Every problem of one plan or progress file (a progress file is checked against its plan)."""
    return check_files([path])[0]


def check_files(
    paths: list[Path], progress: Path | None = None, *, read: dict[Path, Any] | None = None
) -> tuple[list[Problem], list[Path]]:
    """Every problem of the named files, and the files checked.

    A plan is checked with its progress file (beside it, or `progress`), and a progress
    file with its plan, so that a change to one cannot hide a problem it makes in the
    other (a task renamed while it has progress, say). `read`, when given, gets each plan
    read without errors as (plan, progress file, progress), so that what checks them
    further does not read them again."""
    problems: list[Problem] = []
    checked: list[Path] = []
    plans: dict[Path, tuple[Plan | None, list[Problem], bytes | None]] = {}
    for plan_path, prog_path in _pairs(paths, progress):
        if plan_path not in plans:
            plans[plan_path] = _check_plan_of(plan_path, prog_path)
            problems += sort_problems(plans[plan_path][1])
            checked.append(plan_path)
        plan, plan_problems, plan_data = plans[plan_path]
        if prog_path is None or prog_path in checked:
            continue
        checked.append(prog_path)
        if plan is None or any(p.severity == "error" for p in plan_problems):
            from cchc_cli.files.reader import Loaded

            loaded = Loaded(str(prog_path))
            loaded.problem(0, 0, "plan-invalid", "plan-invalid", plan=str(plan_path))
            problems += loaded.problems
            continue
        found, prog_problems, _data, _read = _read_progress_file(prog_path, plan, plan_data)
        problems += sort_problems(prog_problems)
        if read is not None and not any(p.severity == "error" for p in prog_problems):
            read[plan_path] = (plan, prog_path, found)
    for plan_path, (plan, plan_problems, _data) in plans.items():
        if read is not None and plan is not None and not _has_error(plan_problems):
            read.setdefault(plan_path, (plan, None, None))
    return problems, checked


def _has_error(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def _pairs(paths: list[Path], progress: Path | None) -> list[tuple[Path, Path | None]]:
    """Each file named with its other half: a plan with its progress file (beside it, or
    `progress`, when there is one), a progress file with its plan."""
    pairs: list[tuple[Path, Path | None]] = []
    for path in paths:
        if is_progress_file(path):
            pairs.append((plan_for_progress(path), path))
        else:
            beside = progress or progress_path(path)
            pairs.append((path, beside if progress or os.path.lexists(beside) else None))
    return pairs


def _check_plan_of(
    plan_path: Path, prog_path: Path | None
) -> tuple[Plan | None, list[Problem], bytes | None]:
    """A plan checked (its model, its problems, its bytes); a progress file whose plan is
    not there is a usage error, after the progress file's own."""
    if not os.path.lexists(plan_path) and prog_path is not None:
        from cchc_cli.files.reader import read_text

        read_text(prog_path)  # usage errors of the progress file itself first
        raise UsageError("plan-missing", path=str(prog_path), plan=str(plan_path))
    plan_data = file_bytes(plan_path)
    return (*_check_plan_file(plan_path, plan_data), plan_data)


def load_workspace(
    plan_path: Path,
    progress_file: Path | None = None,
    *,
    lenient: bool = False,
    editing: bool = False,
    missing_ok: bool = False,
) -> tuple[Workspace | None, list[Problem]]:
    """A plan and its progress file, loaded and checked, and every problem of both, as
    values (beancount's `load_file`): the workspace is None when either has errors.

    With `lenient`, errors of the progress file do not hide the picture: the workspace
    holds the records that are valid on their own (`left_out` counts the others).
    The progress file defaults to the one beside the plan (`2023.progress.yaml`). With
    `editing`, the workspace keeps the progress file as read (`progress_data`,
    `progress_read`) for the command about to edit it. With `missing_ok`, a progress
    file that is not there yet has no records (a command about to write it), whether it
    is the one beside the plan or another named.
    """
    plan_data = file_bytes(plan_path)
    plan, problems = _check_plan_file(plan_path, plan_data)
    if plan is None or any(p.severity == "error" for p in problems):
        return None, sort_problems(problems)
    prog_path = progress_file or progress_path(plan_path)
    from cchc_cli.plan.shapes import empty_progress

    progress = empty_progress()  # no records yet
    prog_file: Path | None = None
    there = os.path.lexists(prog_path)
    if there or (progress_file is not None and not missing_ok):
        loaded_progress, prog_problems, data, read = _read_progress_file(prog_path, plan, plan_data)
        problems += prog_problems
        left_out = 0
        if loaded_progress is None or any(p.severity == "error" for p in prog_problems):
            if not lenient:
                return None, sort_problems(problems)
            loaded_progress, left_out = _valid_records(prog_path, plan)
            if loaded_progress is None:
                return None, sort_problems(problems)
        progress, prog_file = loaded_progress, prog_path
        problems = sort_problems(problems)
        ws = Workspace(plan_path, plan, progress, prog_file, problems, left_out)
        if editing:
            ws.progress_data, ws.progress_read = data, read
        return ws, problems
    problems = sort_problems(problems)
    return Workspace(plan_path, plan, progress, prog_file, problems), problems


def _valid_records(path: Path, plan: Plan) -> tuple[Progress | None, int]:
    """The records of a progress file that are valid and check cleanly one by one, and how
    many were left out; None when the file cannot be read as data at all."""
    from pydantic import ValidationError

    from cchc_cli.files.reader import parse_bytes
    from cchc_cli.plan.model import Narrative, TargetRecord, TaskRecord
    from cchc_cli.plan.progress_checks import check_progress
    from cchc_cli.plan.shapes import as_plain

    loaded = parse_bytes(str(path), file_bytes(path, progress=True))
    root = loaded.root
    if not isinstance(root, dict) or any(p.code != "empty" for p in loaded.problems):
        return None, 0
    kept: dict[str, Any] = {"nhiem_vu": [], "chi_so": [], "bao_cao": []}
    left_out = 0
    models: dict[str, Any] = {"nhiem_vu": TaskRecord, "chi_so": TargetRecord, "bao_cao": Narrative}
    for key, model in models.items():
        items = root.get(key) or []
        for item in items if isinstance(items, list) else []:
            try:
                record = as_plain(model.model_validate(item))
            except ValidationError:
                left_out += 1
                continue
            alone = _progress(plan.nam, {key: [record]})
            if any(f.severity == "error" for f in check_progress(plan, alone)):
                left_out += 1
                continue
            kept[key].append(record)
    return _progress(plan.nam, kept), left_out


def _progress(year: int, records: dict[str, list[Any]]) -> Progress:
    """A progress file of `year` that holds `records` (by key: nhiem_vu, chi_so, bao_cao)."""
    from cchc_cli.plan.shapes import empty_progress

    progress = empty_progress()
    progress.nam = year
    progress.__dict__.update(records)
    return cast("Progress", progress)


def open_workspace(
    plan_path: Path, progress_file: Path | None = None, *, editing: bool = False
) -> Workspace:
    """`load_workspace` for callers that want an exception: ProblemsFound (with the
    errors) when the plan or its progress file has errors. A command that edits
    (`editing`) may name a progress file that is not there yet: it has no records."""
    ws, problems = load_workspace(plan_path, progress_file, editing=editing, missing_ok=editing)
    if ws is None:
        raise ProblemsFound([p for p in problems if p.severity == "error"])
    return ws
