"""Adding one progress record: build it, check the file it makes, write it safely.

`add_record` is what `cchc record` calls. Under a lock on the progress file it
loads the plan and the current progress (refusing if either has errors),
appends the record through ruamel's round trip (comments, quoting, blank lines
and key order kept; the result is in `cchc fmt`'s layout), validates the
resulting text with the same loader and checks as `cchc validate`, and only
then replaces the file atomically. Nothing here prints.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_cli import words
from cchc_cli.errors import CchcError, Problem, ProblemsFound, UsageError
from cchc_cli.plan.lookup import Ids, Kind, nfc_text, resolve_id
from cchc_cli.plan.model import Plan, Progress

if TYPE_CHECKING:
    from cchc_cli.files.reader import Loaded
    from cchc_cli.files.workspace import Workspace

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
    ngay: date | None = None  # None: today, when today is a day of the plan year
    state: str | None = None  # a key of STATES
    evidence: str | None = None
    note: str | None = None
    reason: str | None = None
    value: str | None = None  # "72.5", "72,5", "45/60"
    source: str | None = None
    late_entry: str | None = None  # why a record is dated outside the plan year (ghi_muon)
    replace: bool = False  # replace a record of the same id and day (--force)

    def given(self, key: str) -> str | None:
        """What the user typed for the option that sets `key` (for messages)."""
        if key == "ngay":
            return self.ngay.isoformat() if self.ngay else None
        return {
            "trang_thai": self.state,
            "minh_chung": self.evidence,
            "ghi_chu": self.note,
            "ly_do": self.reason,
            "gia_tri": self.value,
            "tu_so": self.value,
            "mau_so": self.value,
            "nguon": self.source,
            "ghi_muon": self.late_entry,
        }.get(key)


@dataclass(frozen=True)
class Standing:
    """Where a task or target stands on a day."""

    as_of: date
    status: str
    recorded: bool = True  # tasks: any record on or before the day
    due: date | None = None  # tasks
    deadline_text: str = ""  # tasks
    actual: float | None = None  # targets: the value counted
    unit: str = ""  # targets: its unit (phan_tram, phut, so_luong)
    figure: Any = None  # targets: the target (`plan.model.Figure`)


@dataclass(frozen=True)
class Recorded:
    """What `add_record` wrote (or `undo_record` removed), and where it leaves the task:
    on the record's date first, then today (or at the year's end) when that differs."""

    path: Path
    kind: Kind
    ma: str
    record: dict[str, Any]
    created: bool
    reformatted: bool
    standings: list[Standing]
    warnings: list[Problem] = field(default_factory=list)
    removed: bool = False
    replaced: list[dict[str, Any]] = field(default_factory=list)  # --force: the same day's


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
    "ghi_muon": "--late-entry",
}


class RecordRefused(ProblemsFound):
    """The record would make the progress file invalid; nothing was written.

    `options` are the problems of the record itself, each said of the option that
    carries it (`--value 120: …`): the file's lines they would stand on were never
    written. `problems` are the others, positioned in the file."""

    def __init__(self, problems: list[Problem], path: Path, options: list[str] | None = None):
        super().__init__(problems)
        self.path = path
        self.options = options or []


# --- the record ----------------------------------------------------------------------


def _number(text: str, whole: str) -> int | float:
    """A number typed on the command line, by the one reader of numbers (`plan.numbers`)."""
    from cchc_cli.plan.numbers import NotANumber, parse_number

    try:
        return parse_number(text)
    except NotANumber as exc:
        raise UsageError("value-not-number", value=whole[:40], why=exc.said) from None


def parse_value(text: str) -> dict[str, int | float]:
    """`--value`: a number (`72.5`, `72,5`, `72.5%`) or a ratio `numerator/denominator`."""
    s = text.strip().removesuffix("%").strip()
    if "/" in s:
        num, _, den = s.partition("/")
        tu_so, mau_so = _number(num, text), _number(den, text)
        if mau_so <= 0:
            raise UsageError("value-denominator", value=text[:40])
        return {"tu_so": tu_so, "mau_so": mau_so}
    return {"gia_tri": _number(s, text)}


def record_date(plan: Plan, entry: Entry, today: date) -> date:
    """The record's date: `--date`, else today when today is a day of the plan year."""
    from cchc_cli.plan.progress_checks import record_window

    if entry.ngay is not None:
        return entry.ngay
    first, last = record_window(plan.nam)
    if first <= today <= last:
        return today
    raise UsageError("date-needed", today=today.strftime("%d/%m/%Y"), year=plan.nam)


def build_record(
    plan: Plan, entry: Entry, today: date, ids: Ids | None = None
) -> tuple[Kind, dict[str, Any]]:
    """The record to append, keys in the schema's order; usage errors when options misfit
    (`ids`: the plan's ids, for a caller that builds many)."""
    kind, ma = resolve_id(plan, entry.ma, ids)
    if kind == "task":
        misfit = [o for o, v in (("--value", entry.value), ("--source", entry.source)) if v]
        if misfit:
            raise UsageError("option-for-target", option=misfit[0], id=ma)
        if entry.state is None:
            raise UsageError("task-needs-state", id=ma)
        record: dict[str, Any] = {
            "ma": ma,
            "ngay": None,  # below, once the options fit
            "trang_thai": STATES[entry.state],
            "minh_chung": nfc_text(entry.evidence),
            "ghi_chu": nfc_text(entry.note),
            "ly_do": nfc_text(entry.reason),
            "ghi_muon": nfc_text(entry.late_entry),
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
            raise UsageError("option-for-task", option=misfit[0], id=ma)
        if entry.value is None:
            raise UsageError("target-needs-value", id=ma)
        record = {
            "ma": ma,
            "ngay": None,
            **parse_value(entry.value),
            "nguon": nfc_text(entry.source),
            "ghi_chu": nfc_text(entry.note),
            "ghi_muon": nfc_text(entry.late_entry),
        }
    record["ngay"] = record_date(plan, entry, today)
    return kind, {k: v for k, v in record.items() if v is not None}


# --- the file -----------------------------------------------------------------------------


def _schema_ref(folder: Path) -> str | None:
    """Where the progress schema is, relative to the progress file's folder (None when no
    folder above holds `schema/progress.schema.json`: a line naming a missing file would
    only make an editor complain)."""
    here = folder.resolve()
    for parent in (here, *here.parents):
        candidate = parent / "schema" / "progress.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, here)).as_posix()
    return None


def new_progress_text(plan: Plan, plan_path: Path, path: Path) -> str:
    """The opening of a new progress file: the schema line (where the schema is), a
    header in the plan's language, the year."""
    ref = _schema_ref(path.parent)
    schema = f"# yaml-language-server: $schema={ref}\n#\n" if ref is not None else ""
    header = words.PROGRESS_HEADER.format(year=plan.nam, plan=plan_path.name)
    return f"{schema}{header}\nnam: {plan.nam}\n"


def check_text(
    path: Path, text: str, plan: Plan, read: Loaded | None = None
) -> tuple[Progress | None, list[Problem]]:
    """Problems of a progress text as `cchc validate` would report them for `path`;
    `read`: the text as already read (`roundtrip.same_data`), not read again."""
    from cchc_cli.files.reader import sort_problems
    from cchc_cli.files.workspace import check_parsed, load_text

    if read is not None:
        progress, problems = check_parsed(str(path), read, "Progress", plan)
    else:
        progress, problems = load_text(str(path), text, Progress, plan=plan)
    return progress, sort_problems(problems)


def progress_target(plan_path: Path, progress_file: Path | None) -> Path:
    """The progress file a write goes to: `--progress`, else the one beside the plan."""
    from cchc_cli.files.raw import repository_of
    from cchc_cli.files.reader import progress_path

    path = progress_file or progress_path(plan_path)
    if path.is_dir():
        raise UsageError("progress-is-folder", path=str(path))
    # written only inside the plan's repository (its folder, where there is none)
    root = repository_of(plan_path) or Path(os.path.abspath(plan_path)).parent
    if root not in Path(os.path.abspath(path)).parents:
        raise UsageError("progress-outside", path=str(path), root=str(root))
    return path


def current_text(ws: Workspace, path: Path) -> tuple[Any, str]:
    """The progress file's layout (`roundtrip.Form`) and text to add to: the very bytes
    the workspace checked (`open_workspace(..., editing=True)`), not read again; a new
    file's opening when there is none yet."""
    from cchc_cli.files import roundtrip as yamlio

    if ws.progress_data is not None:
        return yamlio.Form.of(ws.progress_data.decode("utf-8"))  # the loader accepted it
    return yamlio.Form(), new_progress_text(ws.plan, ws.plan_path, path)


def add_record(
    plan_path: Path, entry: Entry, progress_file: Path | None = None, *, today: date
) -> Recorded:
    """Append one record to the plan's progress file, or raise and leave every file unchanged."""
    from cchc_cli.files import progress_edit
    from cchc_cli.files import roundtrip as yamlio
    from cchc_cli.files.safe_write import locked, write_text
    from cchc_cli.files.workspace import open_workspace

    path = progress_target(plan_path, progress_file)
    with locked(path):
        exists = os.path.lexists(path)
        ws = open_workspace(plan_path, path, editing=True)
        kind, record = build_record(ws.plan, entry, today)
        form, old = current_text(ws, path)
        listed = list(getattr(ws.progress, LIST_KEY[kind], None) or [])
        same = _same_day(listed, record)
        base = _without_same_day(path, old, ws, kind, record, same, entry.replace)
        laid_out, new = progress_edit.laid_out_and_appended(
            base, [(LIST_KEY[kind], record)], ws.plan.nam, path
        )
        if base is not old:  # a record replaced (--force): the layout is the old text's
            laid_out = yamlio.canonical(old, Progress, path)
        reformatted = exists and bool(old.strip()) and laid_out != old
        read = None
        if exists and base.strip():
            as_read = ws.progress_read if base is old else None  # the old text, read already
            read = yamlio.same_data(base, new, path, appended={LIST_KEY[kind]: 1}, old=as_read)
        progress, problems = check_text(path, new, ws.plan, read)
        errors = [p for p in problems if p.severity == "error"]
        if progress is None or errors:
            raise _refused(errors, path, old, new, entry)
        write_text(path, form.apply(new))
    before = {(p.code, p.message) for p in ws.problems if p.source.path == str(path)}
    warnings = [p for p in problems if (p.code, p.message) not in before]
    return Recorded(
        path=path,
        kind=kind,
        ma=record["ma"],
        record=record,
        created=not exists,
        reformatted=reformatted,
        standings=standings(ws.plan, progress, kind, record["ma"], record["ngay"], today),
        warnings=warnings,
        replaced=[listed[i].model_dump(exclude_none=True) for i in same],
    )


def _same_day(records: list[Any], record: dict[str, Any]) -> list[int]:
    """The places in `records` of those of `record`'s id on its day."""
    return [i for i, r in enumerate(records) if (r.ma, r.ngay) == (record["ma"], record["ngay"])]


def _without_same_day(
    path: Path,
    text: str,
    ws: Workspace,
    kind: Kind,
    record: dict[str, Any],
    same: list[int],
    replace: bool,
) -> str:
    """`text`, refusing a second record of one id on one day (`same`: the places of that
    day's records in their list; one line names the first), or, to replace them
    (`--force`), without them."""
    from cchc_cli.files.reader import parse_text

    if not same:
        return text
    key = LIST_KEY[kind]
    loaded = ws.progress_read or parse_text(str(path), text)
    if not replace:
        line = loaded.node.children[key].value.children[same[0]].line + 1
        raise CchcError(
            "record-same-day",
            id=record["ma"],
            day=words.day(record["ngay"]),
            where=f"{path}:{line}",
        )
    for index in reversed(same):
        text = remove_item(text, parse_text(str(path), text).node, key, index)
    expected = dict(loaded.root)
    expected[key] = [item for i, item in enumerate(loaded.root[key]) if i not in same]
    if parse_text(str(path), text).root != expected:
        raise UsageError("undo-by-hand", id=record["ma"], path=str(path))
    return text


def added_lines(old: str, new: str) -> set[int]:
    """The 1-based numbers of the lines of `new` that `old` does not have."""
    import difflib

    a, b = old.splitlines(), new.splitlines()
    added: set[int] = set()
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("insert", "replace"):
            added.update(range(j1 + 1, j2 + 1))
    return added


def _refused(errors: list[Problem], path: Path, old: str, new: str, entry: Entry) -> RecordRefused:
    """Problems on the record's own lines are said of the option that set the key."""
    added = added_lines(old, new)
    options, others = [], []
    for p in errors:
        key = (p.excerpt or "").strip().removeprefix("- ").split(":")[0].strip()
        option = OPTION_OF.get(key)
        if p.source.line not in added:
            others.append(p)
            continue
        message = words.problem_text(p) if option else words.problem_text(p, where=False)
        # a key the sentence names is set by an option: say which (ghi_muon: --late-entry)
        named = [
            words.problem("option-sets", {"option": o, "key": k})
            for k, o in OPTION_OF.items()
            if k != key and re.search(rf"\b{k}\b", message)
        ]
        message += f" ({'; '.join(named)})" if named else ""
        if option:
            given = entry.given(key)
            message = message.removeprefix(f"'{key}': ")  # the option names it already
            message = f"{option if given is None else f'{option} {given}'}: {message}"
        options.append(message)
    return RecordRefused(others, path, options)


def standings(
    plan: Plan, progress: Progress, kind: Kind, ma: str, day: date, today: date
) -> list[Standing]:
    """Where `ma` stands on the record's day, then on the default day (today, or the year's
    end once the year is over) when that is later."""
    from cchc_cli.plan.status import compute_status, default_as_of

    later, _ended = default_as_of(plan, today)
    days = [day] + ([later] if later > day else [])
    found = []
    for as_of in days:
        report = compute_status(plan, progress, as_of)
        if kind == "task":
            row = next(t for t in report.tasks if t.id == ma)
            found.append(
                Standing(
                    as_of,
                    row.status,
                    recorded=row.recorded,
                    due=row.due,
                    deadline_text=row.deadline_text,
                )
            )
        else:
            trow = next(t for t in report.targets if t.id == ma)
            found.append(
                Standing(
                    as_of,
                    trow.status,
                    actual=trow.actual,
                    unit=trow.figure.don_vi,
                    figure=trow.figure,
                )
            )
    return found


def undo_record(
    plan_path: Path, ma_text: str, progress_file: Path | None = None, *, today: date
) -> Recorded:
    """Remove the latest record of a task or target (the latest date; of two on one day, the
    one further down the file), with the same lock and atomic write as adding one. The
    other lines of the file, comments included, stay as they are."""
    from cchc_cli.files.reader import parse_text, progress_path
    from cchc_cli.files.safe_write import locked, write_text
    from cchc_cli.files.workspace import open_workspace

    path = progress_file or progress_path(plan_path)
    with locked(path):
        if not os.path.lexists(path):
            raise UsageError("undo-no-file", path=str(path))
        ws = open_workspace(plan_path, path, editing=True)
        kind, ma = resolve_id(ws.plan, ma_text)
        key = LIST_KEY[kind]
        records: list[Any] = list(ws.progress.nhiem_vu if kind == "task" else ws.progress.chi_so)
        mine = [i for i, r in enumerate(records) if r.ma == ma]
        if not mine:
            raise UsageError("undo-no-record", id=ma, path=str(path))
        index = max(mine, key=lambda i: (records[i].ngay, i))
        form, old = current_text(ws, path)
        loaded = ws.progress_read or parse_text(str(path), old)
        new = remove_item(old, loaded.node, key, index)
        expected = dict(loaded.root)
        expected[key] = [item for i, item in enumerate(loaded.root[key]) if i != index]
        after = parse_text(str(path), new)
        progress, problems = check_text(path, new, ws.plan, after)
        if after.root != expected or progress is None:
            raise UsageError("undo-by-hand", id=ma, path=str(path))
        write_text(path, form.apply(new))
    removed = records[index].model_dump(exclude_none=True)
    return Recorded(
        path=path,
        kind=kind,
        ma=ma,
        record=removed,
        created=False,
        reformatted=False,
        standings=standings(ws.plan, progress, kind, ma, removed["ngay"], today),
        warnings=[],
        removed=True,
    )


def remove_item(text: str, node: Any, key: str, index: int) -> str:
    """`text` without item `index` of the list under top-level `key`: the item's own lines go,
    comments and blank lines around it stay. An emptied list is written `[]`."""
    lines = text.splitlines(keepends=True)
    at = node.children[key]
    key_line, seq = at.line, at.value
    items = seq.children
    if seq.line == key_line:
        raise UsageError("undo-flow-list", key=key)
    start = items[index].line  # 0-based line of the item
    dash_col = max(items[index].col - 2, 0)
    if index + 1 < len(items):
        stop = items[index + 1].line
    else:
        stop = start + 1
        while stop < len(lines):
            body = lines[stop].rstrip("\r\n")
            content = body.strip()
            if (
                content
                and not content.startswith("#")
                and len(body) - len(body.lstrip()) <= dash_col
            ):
                break
            stop += 1
    while stop - 1 > start and (
        not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")
    ):
        stop -= 1  # blank and comment lines after the item belong to what follows
    del lines[start:stop]
    if len(items) == 1:
        head = lines[key_line]
        ending = head[len(head.rstrip("\r\n")) :]
        lines[key_line] = head.rstrip("\r\n").rstrip() + " []" + ending
    return "".join(lines)


def given_figures(given: list[str]) -> dict[str, int]:
    """The figures `KEY=N` each says (a TTHC figure or an area's standard figure, a whole
    number not negative), or a usage error at the first that is not one."""
    from cchc_cli.plan.lookup import closest
    from cchc_cli.plan.model import AREA_FIGURES, TTHC_FIELDS
    from cchc_cli.plan.numbers import NotANumber, parse_number

    known = [*TTHC_FIELDS, *AREA_FIGURES]
    values: dict[str, int] = {}
    for item in given:
        key, sep, text = item.partition("=")
        key = key.strip()
        if not sep and key in known:  # the figure named, its number left out
            raise UsageError("figure-no-value", given=item[:60], key=key)
        if not sep or key not in known:
            raise UsageError("figure-key", given=item[:60], like=closest(key, known))
        try:
            number = parse_number(text, whole=True)
        except NotANumber as exc:
            why = {"say": f"number-{exc.why}"}
            raise UsageError("figure-value", key=key, value=text[:40], why=why) from None
        if number < 0:
            raise UsageError("figure-value", key=key, value=text[:40],
                             why={"say": "number-negative"})  # fmt: skip
        values[key] = int(number)
    if not values:
        raise UsageError("figure-none")
    return values


def set_figures(
    plan_path: Path, quarter: int, given: list[str], progress_file: Path | None = None
) -> tuple[Path, dict[str, int], dict[str, int | None]]:
    """Set a period's figures (`KEY=N` each: TTHC cases under `thong_ke_tthc`, the areas'
    standard figures under `so_lieu`) in the progress file, checked as `validate` checks
    them, atomically and under its lock; the figures set and what they were before."""
    from cchc_cli.files import progress_edit
    from cchc_cli.files.safe_write import locked, write_text
    from cchc_cli.files.workspace import open_workspace
    from cchc_cli.plan.model import AREA_FIGURES, TTHC_FIELDS

    values = given_figures(given)
    groups = {
        "thong_ke_tthc": {k: v for k, v in values.items() if k in TTHC_FIELDS},
        "so_lieu": {k: v for k, v in values.items() if k in AREA_FIGURES},
    }
    path = progress_target(plan_path, progress_file)
    with locked(path):
        ws = open_workspace(plan_path, path, editing=True)
        before = _figures_before(ws.progress.narrative(quarter), groups)
        form, new = current_text(ws, path)
        for name, part in groups.items():
            if part:
                new = progress_edit.set_period_figures(new, quarter, name, part, ws.plan.nam, path)
        _, problems = check_text(path, new, ws.plan)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise RecordRefused(errors, path)
        write_text(path, form.apply(new))
    return path, values, before


def _figures_before(story: Any, groups: dict[str, dict[str, int]]) -> dict[str, int | None]:
    """What each figure about to be set was in the period's record (None: not there)."""
    before: dict[str, int | None] = {}
    for name, part in groups.items():
        have = getattr(story, name) if story else None
        before.update({k: (getattr(have, k) if have is not None else None) for k in part})
    return before
