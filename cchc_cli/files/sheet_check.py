"""A returned sheet's rows against the plan and the progress file: what the sheet was made
to write (its sets), tasks the plan no longer has or that changed, rows of another unit's
tasks, a row given twice, a record the progress file has already (skipped) or that says
otherwise of the same day (refused, never written over); the TTHC figures and the
report's prose recorded since the sheet was made."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from cchc_cli import words
from cchc_cli.errors import CchcError, Problem
from cchc_cli.files.record import build_record
from cchc_cli.files.sheet_cells import cell_problem
from cchc_cli.files.sheet_hidden import Meta, changed_tasks
from cchc_cli.files.sheet_rows import Prose, Row, read_prose, read_rows, read_stats
from cchc_cli.files.workbook import ReadSheet
from cchc_cli.plan.lookup import Ids, closest_id, ids_of
from cchc_cli.plan.model import Plan, Progress
from cchc_cli.plan.shapes import as_plain
from cchc_cli.plan.sheet_meta import answers_for, owned_tasks, prose_text
from cchc_cli.plan.text import visible

T = TypeVar("T")
NewRecord = tuple[Row, str, dict[str, Any]]  # a row, the kind of its record, the record


@dataclass
class Filled:
    """What a returned sheet says, checked at its cells: its rows, its TTHC figures (key →
    the count and its cell) and its prose, each kept only when the sheet was made to write
    it; and the problems, in the sheet's order."""

    rows: list[Row]
    stats: dict[str, tuple[int, str]]
    prose: list[Prose]
    problems: list[Problem]


def read_filled(label: str, sheets: dict[str, ReadSheet], meta: Meta, plan: Plan,
                today: date) -> Filled:  # fmt: skip
    """The rows, figures and prose of a returned sheet, with the problems of their cells:
    figures or prose in a sheet not made to carry them are refused, and so are rows of
    tasks the plan no longer has (a task changed since the sheet was made is a warning)."""
    sets = meta.get("sets").split()
    rows, problems = read_rows(label, sheets, plan, today)
    stats, more = read_stats(label, sheets)
    problems += more
    if stats and "tthc" not in sets:
        first = min((where for _v, where in stats.values()), key=_row_number)
        problems.append(cell_problem(label, first, "sheet-no-tthc"))
        stats = {}
    prose, more = read_prose(label, sheets, meta)
    problems += more
    written = [p for p in prose if p.new]
    if written and "prose" not in sets:
        drafter = plan.cai_dat.don_vi_luu
        problems.append(cell_problem(label, written[0].where, "sheet-no-prose", unit=drafter))
        prose = []
    problems += rows_against_plan(label, meta, plan, rows)
    return Filled(rows, stats, prose, problems)


def rows_against_plan(label: str, meta: Meta, plan: Plan, rows: list[Row]) -> list[Problem]:
    """Rows of tasks the plan no longer has (errors) or that changed since the sheet was
    made (warnings), at their id cells."""
    found: list[Problem] = []
    now = [t.ma for _p, _o, t in plan.tasks()]
    known = set(now)
    changed = changed_tasks(meta, plan)
    for row in rows:
        ma = row.entry.ma
        if row.kind == "task" and ma in changed:
            found.append(cell_problem(label, row.first, "sheet-task-changed", "warning", id=ma))
        elif row.kind == "task" and ma not in known:
            like = closest_id(ma, now)
            found.append(cell_problem(label, row.first, "cell-unknown-id", id=ma, like=like))
    return found


@dataclass
class Sorted(Generic[T]):
    """What a sheet says, sorted against the progress file: what is new, to be written;
    how much the file says already; and the problems (what it says otherwise)."""

    new: T
    already: int = 0
    problems: list[Problem] = field(default_factory=list)


def sort_rows(label: str, plan: Plan, unit: str, rows: list[Row], progress: Progress,
              refused: set[str], today: date) -> Sorted[list[NewRecord]]:  # fmt: skip
    """The sheet's rows as records, sorted: new ones (row, kind, record); those the progress
    file has already, counted; the problems of a row whose id cell is not `refused` already:
    a record that cannot be built, a task or target that is not the unit's, a row for it
    already that says otherwise, a record of the same day that says otherwise."""
    found: Sorted[list[NewRecord]] = Sorted([])
    mine = {"task": owned_tasks(plan, unit), "target": answers_for(plan, unit)}
    units = {t.ma: t.don_vi for _a, _i, t in plan.targets()}
    recorded: dict[tuple[str, str, date], Any] = {}
    for kind, records in (("task", progress.nhiem_vu), ("target", progress.chi_so)):
        for old in records:
            recorded.setdefault((kind, old.ma, old.ngay), old)
    seen: dict[tuple[str, str], tuple[Row, dict[str, Any]]] = {}
    ids = ids_of(plan)
    for row in rows:
        if f"{label}:{row.first}" in refused:  # its id cell has an error already
            continue
        made = _built(label, plan, row, today, found.problems, ids)
        if made is None:
            continue
        kind, record = made
        ma = record["ma"]
        if ma not in mine[kind]:
            found.problems.append(cell_problem(label, row.first, f"sheet-not-own-{kind}", id=ma,
                                               unit=unit))  # fmt: skip
            continue
        if (kind, ma) in seen:  # a row for it already: the same, or a contradiction
            found.problems += _twice(label, row, record, seen[(kind, ma)])
            continue
        seen[(kind, ma)] = (row, record)
        known: Any = recorded.get((kind, ma, record["ngay"]))
        unit_of = units.get(ma, "phan_tram")
        if known is None:
            found.new.append((row, kind, record))
        elif _same(kind, known, record, unit_of):
            other = _other_text(known, record)
            if other is None:
                found.already += 1
            else:  # the same state or value, told with other evidence, note or source
                found.problems.append(cell_problem(
                    label, row.cells.get(other, row.first), "cell-text-differs", id=ma,
                    date=words.day(record["ngay"]), said=getattr(known, other)))  # fmt: skip
        else:
            found.problems.append(_contradicts(label, row, kind, known, record, unit_of))
    return found


def _built(label: str, plan: Plan, row: Row, today: date, problems: list[Problem], ids: Ids
           ) -> tuple[str, dict[str, Any]] | None:  # fmt: skip
    """A row's record (its kind and fields), or None with the problem said at its cell."""
    try:
        return build_record(plan, row.entry, today, ids)
    except CchcError as exc:  # the cells are checked above: not met in practice
        cell = row.cells.get("trang_thai" if row.kind == "task" else "gia_tri", row.first)
        problems.append(cell_problem(label, cell, "cell-not-recorded",
                                     problem={"say": exc.say, "args": exc.args_}))  # fmt: skip
        return None


def _twice(label: str, row: Row, record: dict[str, Any],
           earlier: tuple[Row, dict[str, Any]]) -> list[Problem]:  # fmt: skip
    """A second row for a task or target: nothing when it says the same as the first, else
    the contradiction, at its id cell."""
    first, before = earlier
    if before == record:
        return []
    return [cell_problem(label, row.first, "sheet-row-twice", id=record["ma"],
                         row=_row_number(first.first))]  # fmt: skip


def _contradicts(label: str, row: Row, kind: str, known: Any, record: dict[str, Any],
                 unit: str) -> Problem:  # fmt: skip
    """A row that says otherwise of a day the progress file has recorded, at its cell of
    the state or value, with what the file says."""
    said = words.state(known.trang_thai) if kind == "task" else words.number(known.value(unit))
    cell = row.cells["trang_thai" if kind == "task" else "gia_tri"]
    return cell_problem(label, cell, "cell-contradicts", id=record["ma"],
                        date=words.day(record["ngay"]), said=said)  # fmt: skip


def _same(kind: str, old: Any, record: dict[str, Any], unit: str) -> bool:
    """Whether a record of the same id and day already there says the same."""
    if kind == "task":
        return bool(old.trang_thai == record["trang_thai"])
    mine = as_plain(Progress.model_validate({"chi_so": [record]}).chi_so[0])
    return bool(abs(old.value(unit) - mine.value(unit)) < 1e-9)


def _other_text(known: Any, record: dict[str, Any]) -> str | None:
    """The key of the first text a row gives (evidence, note, reason, source) that the
    record of that day has otherwise, or None: an empty cell says nothing otherwise."""
    from cchc_cli.plan.shapes import nfc_key

    for key in ("minh_chung", "ly_do", "ghi_chu", "nguon"):
        given, had = record.get(key), getattr(known, key, None)
        if given and nfc_key(given) != nfc_key(had or ""):
            return key
    return None


def _row_number(where: str) -> int:
    """The row of a cell: "Nhiệm vụ!A12" → 12."""
    return int("".join(c for c in where.rpartition("!")[2] if c.isdigit()) or 0)


def sort_figures(label: str, stats: dict[str, tuple[int, str]], story: Any, path: Path,
                 text: str, progress: Progress, quarter: int
                 ) -> Sorted[dict[str, int]]:  # fmt: skip
    """The sheet's TTHC figures against the period's record (`story`): new ones to set,
    those it has already, and those it says otherwise (never written over)."""
    have = story.thong_ke_tthc if story else None
    found: Sorted[dict[str, int]] = Sorted({})
    for key, (value, where) in stats.items():
        old_value = getattr(have, key) if have is not None else None
        if old_value == value:
            found.already += 1
        elif old_value is not None:
            found.problems.append(_disagrees(label, where, key, value, old_value, path, text,
                                             progress, quarter))  # fmt: skip
        else:
            found.new[key] = value
    return found


def _disagrees(label: str, where: str, key: str, new: int, old: int, path: Path, text: str,
               progress: Progress, quarter: int) -> Problem:  # fmt: skip
    """A figure this sheet says otherwise than the progress file: named with the sheet (and
    cell) that recorded it when its line says so, else with its place in the file."""
    from cchc_cli.files.reader import locate, parse_text

    loaded = parse_text(str(path), text)
    index = next((i for i, p in enumerate(progress.bao_cao) if p.ky == quarter), 0)
    line, _col = locate(loaded.node, ("bao_cao", index, "thong_ke_tthc", key))
    shown = loaded.lines[line - 1] if 0 < line <= len(loaded.lines) else ""
    # a figure a sheet wrote says where from, in a note on its line (`progress_edit.SOURCE_NOTE`),
    # so that a sheet that disagrees later names the one that wrote it; any other comment
    # is the office's own, not a source
    from cchc_cli.files.progress_edit import SOURCE_NOTE

    source = SOURCE_NOTE.search(shown.split(":", 1)[1] if ":" in shown else "")
    from cchc_cli.plan.model import TTHC_FIELDS

    what = TTHC_FIELDS.get(key, key)
    if source:
        return cell_problem(label, where, "figure-disagrees-sheet", what=what, new=new, old=old,
                            other=source.group(1)[:160])  # fmt: skip
    return cell_problem(
        label, where, "figure-disagrees-file", what=what, new=new, old=old, other=f"{path}:{line}"
    )


def sort_prose(label: str, prose: list[Prose], story: Any) -> Sorted[dict[str, str]]:
    """The prose written in the sheet against the period's record: a text replaces the one
    recorded only when none is, or when the sheet shows the one recorded; a text recorded
    since the sheet was made is never written over."""
    found: Sorted[dict[str, str]] = Sorted({})
    for part in prose:
        now = prose_text(getattr(story, part.key, None))
        if not part.new:
            continue
        if part.new == now:
            found.already += 1
        elif not now or part.recorded == now:  # nothing yet, or the text the sheet shows
            found.new[part.key] = part.new
        else:  # recorded since the sheet was made: not written over
            found.problems.append(cell_problem(label, part.where, "prose-changed",
                                               section=words.SHEET_PROSE_ROWS[part.key],
                                               now=_excerpt(now)))  # fmt: skip
    return found


def _excerpt(text: str, most: int = 80) -> str:
    """A recorded text as a message quotes it: one line, its first `most` characters."""
    line = visible(" ".join(text.split()))
    return line if len(line) <= most else line[: most - 1] + "…"
