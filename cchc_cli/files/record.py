"""Adding one progress record: build it, check the file it makes, write it safely.

`add_record` is what `cchc record` calls. Under a lock on the progress file it
loads the plan and the current progress (refusing if either has errors),
appends the record through ruamel's round trip (comments, quoting, blank lines
and key order kept; the result is in `cchc fmt`'s layout), validates the
resulting text with the same loader and checks as `cchc validate`, and only
then replaces the file atomically. Nothing here prints.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cchc_cli.errors import Problem, ProblemsFound, UsageError
from cchc_cli.plan.lookup import Kind, nfc_text, resolve_id
from cchc_cli.plan.model import Plan, Progress

# Command-line words for a task's state → the progress file's words.
STATES: dict[str, str] = {
    "done": "hoan_thanh",
    "in-progress": "dang_thuc_hien",
    "not-started": "chua_thuc_hien",
    "dropped": "khong_thuc_hien",
}
LIST_KEY: dict[Kind, str] = {"task": "nhiem_vu", "target": "chi_so"}


@dataclass(frozen=True)
class Entry:
    """What to record, as given on the command line."""

    ma: str
    ngay: date
    state: str | None = None  # a key of STATES
    evidence: str | None = None
    note: str | None = None
    reason: str | None = None
    value: str | None = None  # "72.5", "72,5", "45/60"
    source: str | None = None


@dataclass(frozen=True)
class Recorded:
    """What `add_record` wrote, and the status it leads to."""

    path: Path
    kind: Kind
    ma: str
    record: dict[str, Any]
    created: bool
    reformatted: bool
    as_of: date
    status: str
    due: date | None = None  # tasks
    deadline_text: str = ""  # tasks
    actual: float | None = None  # targets: the value now counted
    unit: str = ""  # targets: its unit (phan_tram, phut, so_luong)
    figure: Any = None  # targets: the target (`plan.model.Figure`)
    warnings: list[Problem] = field(default_factory=list)


# The option that sets each key of a record, for hints when a record is refused.
OPTION_OF: dict[str, str] = {
    "ngay": "--date",
    "trang_thai": "--state",
    "minh_chung": "--evidence",
    "ghi_chu": "--note",
    "ly_do": "--reason",
    "gia_tri": "--value",
    "tu_so": "--value",
    "mau_so": "--value",
    "nguon": "--source",
}


class RecordRefused(ProblemsFound):
    """The record would make the progress file invalid; nothing was written."""

    def __init__(self, problems: list[Problem], path: Path) -> None:
        super().__init__(problems)
        self.path = path

    @property
    def hints(self) -> list[str]:
        """Which options set the keys the problems name (`--reason sets ly_do`)."""
        found: dict[str, None] = {}
        for p in self.problems:
            words = set(re.findall(r"[a-z_]+", p.message))
            if p.excerpt:
                words.add(p.excerpt.strip().split(":")[0])
            for key, option in OPTION_OF.items():
                if key in words:
                    found[f"{option} sets {key}"] = None
        return list(found)


# --- the record ----------------------------------------------------------------------


def _number(text: str, whole: str) -> int | float:
    s = text.strip()
    if "," in s and "." not in s:
        s = s.replace(",", ".")  # 72,5 as written in Vietnamese
    try:
        value = float(s)
    except ValueError:
        raise UsageError(
            f"--value: {whole!r} is not a number; write e.g. 72.5, or 45/60 for a ratio"
        ) from None
    if not math.isfinite(value):
        raise UsageError(f"--value: {whole!r} is not a finite number")
    if value.is_integer() and not any(c in s for c in ".eE"):
        return int(value)
    return value


def parse_value(text: str) -> dict[str, int | float]:
    """`--value`: a number (`72.5`, `72,5`, `72.5%`) or a ratio `numerator/denominator`."""
    s = text.strip().replace(" ", "").removesuffix("%")
    if "/" in s:
        num, _, den = s.partition("/")
        tu_so, mau_so = _number(num, text), _number(den, text)
        if mau_so <= 0:
            raise UsageError(f"--value: {text!r}: the denominator must be more than 0")
        return {"tu_so": tu_so, "mau_so": mau_so}
    return {"gia_tri": _number(s, text)}


def build_record(plan: Plan, entry: Entry) -> tuple[Kind, dict[str, Any]]:
    """The record to append, keys in the schema's order; usage errors when options misfit."""
    kind, ma = resolve_id(plan, entry.ma)
    if kind == "task":
        misfit = [o for o, v in (("--value", entry.value), ("--source", entry.source)) if v]
        if misfit:
            raise UsageError(
                f"{misfit[0]} is for a target; {ma} is a task: give --state "
                "done|in-progress|not-started|dropped"
            )
        if entry.state is None:
            raise UsageError(f"{ma} is a task: give --state done|in-progress|not-started|dropped")
        record: dict[str, Any] = {
            "ma": ma,
            "ngay": entry.ngay,
            "trang_thai": STATES[entry.state],
            "minh_chung": nfc_text(entry.evidence),
            "ghi_chu": nfc_text(entry.note),
            "ly_do": nfc_text(entry.reason),
        }
    else:
        misfit = [
            o
            for o, v in (
                ("--state", entry.state),
                ("--evidence", entry.evidence),
                ("--reason", entry.reason),
            )
            if v
        ]
        if misfit:
            raise UsageError(f"{misfit[0]} is for a task; {ma} is a target: give --value NUMBER")
        if entry.value is None:
            raise UsageError(f"{ma} is a target: give --value NUMBER (or --value N/D)")
        record = {
            "ma": ma,
            "ngay": entry.ngay,
            **parse_value(entry.value),
            "nguon": nfc_text(entry.source),
            "ghi_chu": nfc_text(entry.note),
        }
    return kind, {k: v for k, v in record.items() if v is not None}


# --- the file -----------------------------------------------------------------------------


def _schema_ref(folder: Path) -> str:
    """Where the progress schema is, relative to the progress file's folder."""
    here = folder.resolve()
    for parent in (here, *here.parents):
        candidate = parent / "schema" / "progress.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, here)).as_posix()
    return "../schema/progress.schema.json"


def new_progress_text(plan: Plan, plan_path: Path, path: Path) -> str:
    """The opening of a new progress file: the schema line, a header, the year."""
    return (
        f"# yaml-language-server: $schema={_schema_ref(path.parent)}\n"
        "#\n"
        f"# Tiến độ thực hiện Kế hoạch CCHC năm {plan.nam}: progress records of "
        f"{plan_path.name}.\n"
        "# Add records with `cchc record ID ...` (it keeps this file's comments and\n"
        "# layout) or by hand in the same form; check with `cchc validate`.\n"
        "\n"
        f"nam: {plan.nam}\n"
    )


def check_text(path: Path, text: str, plan: Plan) -> tuple[Progress | None, list[Problem]]:
    """Problems of a progress text as `cchc validate` would report them for `path`."""
    from cchc_cli.files.reader import sort_problems
    from cchc_cli.files.workspace import load_text

    progress, problems = load_text(str(path), text, Progress, plan=plan)
    return progress, sort_problems(problems)


def _read(path: Path) -> str:
    from cchc_cli.files.workspace import file_bytes

    data = file_bytes(path) or b""
    text = data.decode("utf-8")  # the loader has accepted this file already
    return text.removeprefix("\ufeff")


def add_record(
    plan_path: Path, entry: Entry, progress_file: Path | None = None, *, today: date
) -> Recorded:
    """Append one record to the plan's progress file, or raise and leave every file unchanged."""
    from cchc_cli.files import roundtrip as yamlio
    from cchc_cli.files.reader import progress_path
    from cchc_cli.files.safe_write import locked, write_text
    from cchc_cli.files.workspace import open_workspace

    path = progress_file or progress_path(plan_path)
    if path.is_dir():
        raise UsageError(f"{path}: is a directory, not a progress file")
    with locked(path):
        exists = path.is_file()
        ws = open_workspace(plan_path, path if exists else None)
        kind, record = build_record(ws.plan, entry)
        old = _read(path) if exists else new_progress_text(ws.plan, plan_path, path)
        reformatted = exists and bool(old.strip()) and yamlio.canonical(old, Progress, path) != old
        new = yamlio.append_record(old, LIST_KEY[kind], record, ws.plan.nam, path)
        progress, problems = check_text(path, new, ws.plan)
        if progress is None or any(p.severity == "error" for p in problems):
            raise RecordRefused([p for p in problems if p.severity == "error"], path)
        write_text(path, new)
    before = {(p.code, p.message) for p in ws.problems if p.source.path == str(path)}
    warnings = [p for p in problems if (p.code, p.message) not in before]
    return _recorded(
        ws.plan, progress, path, kind, record, not exists, reformatted, warnings, today
    )


# --- what it leads to --------------------------------------------------------------------


def _recorded(
    plan: Plan,
    progress: Progress,
    path: Path,
    kind: Kind,
    record: dict[str, Any],
    created: bool,
    reformatted: bool,
    warnings: list[Problem],
    today: date,
) -> Recorded:
    from cchc_cli.plan.status import compute_status, default_as_of

    as_of, _ended = default_as_of(plan, today)
    as_of = max(as_of, record["ngay"])
    report = compute_status(plan, progress, as_of)
    ma = record["ma"]
    extra: dict[str, Any] = {}
    if kind == "task":
        row = next(t for t in report.tasks if t.id == ma)
        status: str = row.status
        extra = {"due": row.due, "deadline_text": row.deadline_text}
    else:
        trow = next(t for t in report.targets if t.id == ma)
        status = trow.status
        extra = {"actual": trow.actual, "unit": trow.figure.don_vi, "figure": trow.figure}
    return Recorded(
        path=path,
        kind=kind,
        ma=ma,
        record=record,
        created=created,
        reformatted=reformatted,
        as_of=as_of,
        status=status,
        warnings=warnings,
        **extra,
    )
