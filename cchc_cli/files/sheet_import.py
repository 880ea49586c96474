"""`cchc import FILE.xlsx`: a returned sheet's rows as progress records.

All or nothing: every problem is said at its cell (`FILE.xlsx:Nhiệm vụ!G5: …`), and
nothing is written while any remains. A row is checked as `cchc record` checks its
options and then, with every other row, as `cchc validate` checks the progress file
it would make. A row the progress file already has is skipped, so importing a sheet
twice adds nothing; a row that says otherwise of a day already recorded is refused,
never written over.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from cchc_cli import words
from cchc_cli.errors import CchcError, Problem, ProblemsFound, Source
from cchc_cli.files.record import (
    LIST_KEY,
    Entry,
    _added_lines,
    build_record,
    check_text,
    current_text,
    progress_target,
)
from cchc_cli.files.workbook import Cell, ReadSheet, column_letter, read_workbook
from cchc_cli.plan.lookup import closest_id, fold, task_hash
from cchc_cli.plan.model import Plan, Progress
from cchc_cli.plan.numbers import NotANumber, parse_number
from cchc_cli.plan.sheet_meta import (
    SETS,
    answers_for,
    body_of,
    meta_check,
    meta_text,
    owned_tasks,
    same_body,
    target_hash,
)
from cchc_cli.plan.text import visible

# A state as it may be typed in the sheet, without case or diacritics.
STATE_OF = {fold(w): code for w, code in zip(
    words.SHEET_STATES, ("done", "in-progress", "not-started", "dropped"), strict=True
)}  # fmt: skip


@dataclass
class Row:
    """One filled row of the sheet: what to record, and the cell of each key."""

    kind: str  # task or target
    entry: Entry
    cells: dict[str, str]  # record key (trang_thai, ngay, gia_tri, ...) → "Sheet!H12"
    first: str  # the row's id cell


def read_stats(label: str, sheets: dict[str, ReadSheet]) -> tuple[dict[str, tuple[int, str]],
                                                                   list[Problem]]:  # fmt: skip
    """The TTHC figures typed in the sheet "Thống kê TTHC": key → (count, its cell). A count
    typed as text is read by the one reader of numbers (`plan.numbers`)."""
    from cchc_cli.plan.model import TTHC_FIELDS

    sheet = sheets.get(words.SHEET_STATS)
    found: dict[str, tuple[int, str]] = {}
    problems: list[Problem] = []
    if sheet is None:
        return found, problems
    for r, cells in enumerate(sheet.rows[1:], start=2):
        cells = cells + [Cell(None)] * (4 - len(cells))
        key, cell = cells[0].value, cells[3]
        where = f"{words.SHEET_STATS}!D{r}"
        if cell.value is None or key not in TTHC_FIELDS:
            continue
        if cell.formula:
            problems.append(_problem(label, where, "cell-formula", formula=str(cell.value)[:60]))
            continue
        count, why = _count(cell.value)
        if count is None:
            problems.append(_problem(label, where, "cell-count", value=str(cell.value)[:40],
                                     why={"say": f"number-{why}"}))  # fmt: skip
            continue
        found[str(key)] = (count, where)
    return found, problems


def _count(value: Any) -> tuple[int | None, str]:
    """A cell's count (a whole number, not negative), or None and the reason it is not."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None, "form"
    if isinstance(value, str):
        try:
            value = parse_number(value, whole=True)
        except NotANumber as exc:
            return None, exc.why
    if isinstance(value, float):
        if not (value == value and abs(value) < 1e15 and value.is_integer()):
            return None, "whole"
        value = int(value)
    if value < 0:
        return None, "negative"
    return int(value), ""


@dataclass
class Imported:
    path: Path
    unit: str
    records: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (kind, record)
    figures: dict[str, int] = field(default_factory=dict)  # TTHC figures set for the period
    already: int = 0  # rows the progress file had
    warnings: list[Problem] = field(default_factory=list)
    written: bool = False


class SheetRefused(ProblemsFound):
    """The sheet's problems, every one at its cell; nothing was written."""


def _problem(label: str, where: str, say: str, severity: str = "error", **args: Any) -> Problem:
    return words.new_problem(Source(f"{label}:{where}" if where else label), severity, say, say,
                             **args)  # fmt: skip


@dataclass
class Meta:
    """The hidden sheet `_cchc`: each key's text and its cell, in the sheet's order."""

    values: dict[str, str]
    cells: dict[str, str]  # key → "_cchc!B5"
    pairs: list[tuple[str, str]]  # (key, text) in order, the check's own row left out

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    def at(self, key: str) -> str:
        return self.cells.get(key, f"{words.SHEET_META}!A1")


def _meta(label: str, sheets: dict[str, ReadSheet]) -> Meta:
    sheet = sheets.get(words.SHEET_META)
    if sheet is None:
        raise SheetRefused([_problem(label, "", "sheet-not-cchc")])
    meta = Meta({}, {}, [])
    twice: list[Problem] = []
    for r, row in enumerate(sheet.rows[1:], start=2):
        if not row or not isinstance(row[0].value, str):
            continue
        key = row[0].value
        text = meta_text(row[1].value) if len(row) > 1 else ""
        where = f"{words.SHEET_META}!B{r}"
        if key in meta.values:
            twice.append(_problem(label, where, "sheet-key-twice", key=key[:40]))
            continue
        meta.values[key], meta.cells[key] = text, where
        if key != "check":
            meta.pairs.append((key, text))
    if meta.get("format") != words.SHEET_FORMAT:
        at = meta.at("format") if "format" in meta.values else ""
        raise SheetRefused([_problem(label, at, "sheet-format", found=meta.get("format")[:40])])
    if twice:
        raise SheetRefused(twice)
    return meta


def verify_meta(label: str, meta: Meta, plan: Plan, plan_name: str, plan_hash: str
                ) -> list[Problem]:  # fmt: skip
    """The hidden sheet against the plan it is imported into, each problem at its cell:
    a sheet edited by hand, made for another body, year or plan file, an unknown unit, a
    quarter other than 1-4 or figure sets cchc does not make are errors; a plan changed
    since the sheet was made is a warning that names what changed."""
    found: list[Problem] = []

    def error(key: str, say: str, **args: Any) -> None:
        found.append(_problem(label, meta.at(key), say, **args))

    if meta.get("check") != meta_check(meta.pairs):
        error("check", "sheet-edited")
    if not same_body(meta.get("body"), body_of(plan)):
        error("body", "sheet-other-body", said=meta.get("body")[:120], body=body_of(plan))
    if meta.get("year") != str(plan.nam):
        error("year", "sheet-other-year", found=meta.get("year")[:40], year=plan.nam)
    if meta.get("plan") != plan_name:
        error("plan", "sheet-other-plan", found=meta.get("plan")[:120], plan=plan_name)
    if plan.unit(meta.get("unit")) is None:
        error("unit", "sheet-unknown-unit", unit=meta.get("unit")[:40])
    if quarter_of(meta) is None:
        error("quarter", "sheet-quarter", said=meta.get("quarter")[:40])
    sets = meta.get("sets").split()
    if not sets or any(s not in SETS for s in sets):
        error("sets", "sheet-sets", said=meta.get("sets")[:60], sets=" ".join(SETS))
    if meta.get("plan_hash") != plan_hash and not any(p.severity == "error" for p in found):
        found.append(_problem(label, meta.at("plan_hash"), "sheet-plan-changed", "warning",
                              changes=_changes(meta, plan)))  # fmt: skip
    return found


def quarter_of(meta: Meta) -> int | None:
    """The sheet's report (quarter), 1 to 4, or None when it says anything else."""
    try:
        quarter = parse_number(meta.get("quarter"), whole=True)
    except NotANumber:
        return None
    return int(quarter) if 1 <= quarter <= 4 else None


def changed_tasks(meta: Meta, plan: Plan) -> set[str]:
    then = {k.removeprefix("task:"): v for k, v in meta.values.items() if k.startswith("task:")}
    return {t.ma for _p, _o, t in plan.tasks() if then.get(t.ma) not in (None, task_hash(t))}


def _changes(meta: Meta, plan: Plan, most: int = 12) -> list[dict[str, Any]]:
    """What changed in the plan since the sheet was made, by its fingerprints: tasks and
    targets changed, added or removed (the first `most`, then how many more)."""
    said: list[dict[str, Any]] = []
    for kind, now in (
        ("task", {t.ma: task_hash(t) for _p, _o, t in plan.tasks()}),
        ("target", {t.ma: target_hash(t) for _a, _i, t in plan.targets()}),
    ):
        then = {k.split(":", 1)[1]: v for k, v in meta.values.items() if k.startswith(f"{kind}:")}
        for ma, mark in now.items():
            how = "added" if ma not in then else ("changed" if then[ma] != mark else "")
            if how:
                said.append({"say": f"change-{kind}-{how}", "args": {"id": ma}})
        said += [{"say": f"change-{kind}-removed", "args": {"id": ma[:40]}}
                 for ma in then if ma not in now]  # fmt: skip
    if not said:
        return [{"say": "change-other", "args": {}}]
    if len(said) > most:
        said = [*said[:most], {"say": "change-more", "args": {"count": len(said) - most}}]
    return said


def _date(cell: Cell, year: int) -> date | None | str:
    """A cell's date: a date cell, or text as DD/MM/YYYY or YYYY-MM-DD; "" if not one."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        # a date typed in a cell whose format the spreadsheet dropped: its serial number
        if 367 <= value <= 73050 and float(value).is_integer():
            return date(1899, 12, 30) + timedelta(days=int(value))
        return ""
    text = str(value).strip()
    if not text.isascii() or "_" in text:  # int() reads ٣ and 1_0; people do not mean them
        return ""
    try:
        if "/" in text:
            d, m, y = text.split("/")
            if len(y) == 4:
                return date(int(y), int(m), int(d))
        elif len(text.split("-")[0]) == 4:
            return date.fromisoformat(text)
    except ValueError:
        pass
    return ""


def _text(cell: Cell) -> str | None:
    value = cell.value
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def _number(cell: Cell) -> str | None:
    """A cell as `--value` takes it: a number cell written with the decimal comma, so that
    the one reader of numbers reads it as it is (1.234 stays 1,234, never 1234); text as
    typed (`72,5`, `1.234.567`)."""
    from decimal import Decimal

    value = cell.value
    if value is None:
        return None
    if isinstance(value, bool):
        return "x"  # not a number; said below
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return repr(value)
        return format(Decimal(repr(value)), "f").replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return str(value).strip()


def read_rows(label: str, sheets: dict[str, ReadSheet], plan: Plan) -> tuple[
    list[Row], list[Problem]
]:  # fmt: skip
    """The filled rows of both sheets, and the problems of their cells."""
    problems: list[Problem] = []
    rows: list[Row] = []
    for name, headers, kind in (
        (words.SHEET_TASKS, words.SHEET_TASK_HEADERS, "task"),
        (words.SHEET_TARGETS, words.SHEET_TARGET_HEADERS, "target"),
    ):
        sheet = sheets.get(name)
        if sheet is None:
            problems.append(_problem(label, "", "sheet-missing", sheet=name))
            continue
        head = [c.value for c in sheet.rows[0]] if sheet.rows else []
        for i, wanted in enumerate(headers):
            got = head[i] if i < len(head) else None
            if got != wanted:
                where = f"{name}!{column_letter(i)}1"
                problems.append(_problem(label, where, "sheet-header", expected=wanted,
                                         found=str(got or ""), column=column_letter(i)))  # fmt: skip
        if any(p.source.path.startswith(f"{label}:{name}!") for p in problems):
            continue
        first_fill = 6 if kind == "task" else 4
        for r, cells in enumerate(sheet.rows[1:], start=2):
            cells = cells + [Cell(None)] * (len(headers) - len(cells))
            fill = cells[first_fill : len(headers)]
            if all(c.value is None for c in fill):
                continue
            at = lambda col: f"{name}!{column_letter(col)}{r}"  # noqa: B023, E731
            bad = False
            for col in range(first_fill, len(headers)):
                if cells[col].formula:
                    problems.append(_problem(label, at(col), "cell-formula",
                                             formula=str(cells[col].value)[:60]))  # fmt: skip
                    bad = True
            ma = _text(cells[0])
            if not ma:
                problems.append(_problem(label, at(0), "cell-no-id"))
                continue
            if bad:
                continue
            row = (_task_row if kind == "task" else _target_row)(
                label, plan, ma, cells, at, problems
            )
            if row is not None:
                rows.append(row)
    return rows, problems


def _day_cell(label: str, plan: Plan, cell: Cell, where: str, problems: list[Problem]
              ) -> date | None:  # fmt: skip
    """The date a row's Ngày cell holds, or None with the problem said at the cell."""
    day = _date(cell, plan.nam)
    if day is None:
        problems.append(_problem(label, where, "cell-date-missing", year=plan.nam))
    elif day == "":
        problems.append(_problem(label, where, "cell-date", value=str(cell.value)[:40],
                                 year=plan.nam))  # fmt: skip
    return day if isinstance(day, date) else None


def _task_row(label: str, plan: Plan, ma: str, cells: list[Cell], at: Any, problems: list[Problem]
              ) -> Row | None:  # fmt: skip
    state_text = _text(cells[6])
    state = STATE_OF.get(" ".join(fold(state_text).split())) if state_text else None
    ok = True
    if state_text is None:
        problems.append(_problem(label, at(6), "cell-state-missing"))
        ok = False
    elif state is None:
        problems.append(_problem(label, at(6), "cell-state", value=state_text[:40]))
        ok = False
    day = _day_cell(label, plan, cells[7], at(7), problems)
    if not ok or day is None:
        return None
    note = _text(cells[9])
    entry = Entry(
        ma=ma,
        ngay=day,  # type: ignore[arg-type]
        state=state,
        evidence=_text(cells[8]),
        note=None if state == "dropped" else note,
        reason=note if state == "dropped" else None,  # the note says why it is dropped
    )
    keys = {"trang_thai": at(6), "ngay": at(7), "minh_chung": at(8), "ghi_chu": at(9),
            "ly_do": at(9), "ma": at(0)}  # fmt: skip
    return Row("task", entry, keys, at(0))


def _target_row(label: str, plan: Plan, ma: str, cells: list[Cell], at: Any,
                problems: list[Problem]) -> Row | None:  # fmt: skip
    value, num, den = _number(cells[4]), _number(cells[5]), _number(cells[6])
    ok = True
    if value is None and (num is None or den is None):
        col = 4 if num is None and den is None else (5 if num is None else 6)
        problems.append(_problem(label, at(col), "cell-value-missing"))
        ok = False
    day = _day_cell(label, plan, cells[7], at(7), problems)
    if not ok or day is None:
        return None
    given = value if value is not None else f"{num}/{den}"
    entry = Entry(ma=ma, ngay=day, value=given, source=_text(cells[8]))  # type: ignore[arg-type]
    value_cell = at(4) if value is not None else at(5)
    keys = {"gia_tri": value_cell, "tu_so": at(5), "mau_so": at(6), "ngay": at(7),
            "nguon": at(8), "ma": at(0)}  # fmt: skip
    return Row("target", entry, keys, at(0))


def _rows_against_plan(label: str, meta: Meta, plan: Plan, rows: list[Row]) -> list[Problem]:
    """Rows of tasks the plan no longer has (errors) or that changed since the sheet was
    made (warnings), at their id cells."""
    found: list[Problem] = []
    now = [t.ma for _p, _o, t in plan.tasks()]
    known = set(now)
    changed = changed_tasks(meta, plan)
    for row in rows:
        ma = row.entry.ma
        if row.kind == "task" and ma in changed:
            found.append(_problem(label, row.first, "sheet-task-changed", "warning", id=ma))
        elif row.kind == "task" and ma not in known:
            like = closest_id(ma, now)
            found.append(_problem(label, row.first, "cell-unknown-id", id=ma, like=like))
    return found


def _same(kind: str, old: Any, record: dict[str, Any], unit: str) -> bool:
    """Whether a record of the same id and day already there says the same."""
    if kind == "task":
        return bool(old.trang_thai == record["trang_thai"])
    mine = Progress.model_validate({"chi_so": [record]}).chi_so[0]
    return bool(abs(old.value(unit) - mine.value(unit)) < 1e-9)


def _row_number(where: str) -> int:
    """The row of a cell: "Nhiệm vụ!A12" → 12."""
    return int("".join(c for c in where.rpartition("!")[2] if c.isdigit()) or 0)


def import_sheet(
    plan_path: Path, sheet_path: Path, progress_file: Path | None, *, dry_run: bool, today: date
) -> Imported:
    """Read a returned sheet and record its rows, or raise `SheetRefused` with every
    problem at its cell and leave the progress file as it was."""
    import hashlib

    from cchc_cli.files import roundtrip as yamlio
    from cchc_cli.files.safe_write import locked, write_text
    from cchc_cli.files.workspace import file_bytes, open_workspace

    label = str(sheet_path)
    book = read_workbook(sheet_path)
    sheets = {s.name: s for s in book.sheets}
    meta = _meta(label, sheets)
    path = progress_target(plan_path, progress_file)
    with locked(path) if not dry_run else contextlib.nullcontext():
        exists = os.path.lexists(path)
        ws = open_workspace(plan_path, path if exists else None)
        plan = ws.plan
        plan_hash = hashlib.sha256(file_bytes(plan_path) or b"").hexdigest()
        checked = verify_meta(label, meta, plan, plan_path.name, plan_hash)
        if any(p.severity == "error" for p in checked):
            raise SheetRefused([p for p in checked if p.severity == "error"])
        unit, sets = meta.get("unit"), meta.get("sets").split()
        quarter = quarter_of(meta) or 0
        rows, problems = read_rows(label, sheets, plan)
        problems = [*book.warnings, *checked, *problems]
        stats, more = read_stats(label, sheets)
        problems += more
        if stats and "tthc" not in sets:
            first = min((where for _v, where in stats.values()), key=_row_number)
            problems.append(_problem(label, first, "sheet-no-tthc"))
            stats = {}
        problems += _rows_against_plan(label, meta, plan, rows)
        done = Imported(path, unit)
        mine = {"task": owned_tasks(plan, unit), "target": answers_for(plan, unit)}
        units = {t.ma: t.don_vi for _a, _i, t in plan.targets()}
        recorded: dict[tuple[str, str, date], Any] = {}
        for kind, records in (("task", ws.progress.nhiem_vu), ("target", ws.progress.chi_so)):
            for old in records:
                recorded.setdefault((kind, old.ma, old.ngay), old)
        seen: dict[tuple[str, str], tuple[Row, dict[str, Any]]] = {}
        built: list[tuple[Row, str, dict[str, Any]]] = []
        refused = {p.source.path for p in problems if p.severity == "error"}
        for row in rows:
            if f"{label}:{row.first}" in refused:  # its id cell has an error already
                continue
            try:
                kind, record = build_record(plan, row.entry, today)
            except CchcError as exc:
                cell = row.cells.get("trang_thai" if row.kind == "task" else "gia_tri", row.first)
                problems.append(_problem(label, cell, "cell-problem",
                                         problem={"say": exc.say, "args": exc.args_}))  # fmt: skip
                continue
            ma = record["ma"]
            if ma not in mine[kind]:
                problems.append(_problem(label, row.first, f"sheet-not-own-{kind}", id=ma,
                                         unit=unit))  # fmt: skip
                continue
            if (kind, ma) in seen:  # a row for it already: the same, or a contradiction
                earlier, before = seen[(kind, ma)]
                if before != record:
                    problems.append(_problem(label, row.first, "sheet-row-twice", id=ma,
                                             row=_row_number(earlier.first)))  # fmt: skip
                continue
            seen[(kind, ma)] = (row, record)
            known: Any = recorded.get((kind, ma, record["ngay"]))
            if known is not None and _same(kind, known, record, units.get(ma, "phan_tram")):
                done.already += 1
                continue
            if known is not None:
                said = (
                    words.state(known.trang_thai)
                    if kind == "task"
                    else words.number(known.value(units.get(ma, "phan_tram")))
                )
                cell = row.cells["trang_thai" if kind == "task" else "gia_tri"]
                problems.append(_problem(label, cell, "cell-contradicts", id=ma,
                                         date=words.day(record["ngay"]), said=said))  # fmt: skip
                continue
            built.append((row, kind, record))
        form, old_text = current_text(path, exists, plan, plan_path)
        story = ws.progress.narrative(quarter)
        have = story.thong_ke_tthc if story else None
        figures: dict[str, int] = {}
        for key, (value, where) in stats.items():
            old_value = getattr(have, key) if have is not None else None
            if old_value == value:
                done.already += 1
            elif old_value is not None:
                problems.append(_disagrees(label, where, key, value, old_value, path, old_text,
                                           ws.progress, quarter))  # fmt: skip
            else:
                figures[key] = value
        text = old_text
        spans: list[tuple[Row, set[int]]] = []
        for row, made, record in built:
            key = LIST_KEY["task" if made == "task" else "target"]
            new = yamlio.append_record(text, key, record, plan.nam, path)
            if text.strip():
                yamlio.same_data(text, new, path, appended_to=key)
            spans.append((row, _added_lines(text, new)))
            text = new
            done.records.append((made, record))
        if figures and 1 <= quarter <= 4:
            notes = {k: visible(f"{sheet_path.name}:{stats[k][1]}") for k in figures}
            text = yamlio.set_period_figures(text, quarter, "thong_ke_tthc", figures, plan.nam,
                                             path, notes=notes)  # fmt: skip
            done.figures = figures
        if built or done.figures:  # what reads well, checked together as validate would
            _, found = check_text(path, text, plan)
            bad = [p for p in found if p.severity == "error"]
            stats_cell = next(iter(stats.values()))[1] if stats else ""
            problems += _at_cells(label, bad, spans, text, stats_cell)
        errors = [p for p in problems if p.severity == "error"]
        if errors:  # all or nothing: every problem at once (the first 200), nothing written
            raise SheetRefused(_first(label, errors))
        done.warnings = problems
        if (built or done.figures) and not dry_run:
            write_text(path, form.apply(text))
            done.written = True
    return done


def _first(label: str, problems: list[Problem]) -> list[Problem]:
    """The first MAX_PROBLEMS problems in the sheet's order, then one that counts the rest."""
    from cchc_cli.files.raw import MAX_PROBLEMS

    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = words.new_problem(Source(label), "error", "too-many", "more-problems",
                             count=len(problems) - MAX_PROBLEMS)  # fmt: skip
    return [*problems[:MAX_PROBLEMS], more]


# A figure a sheet wrote says where from, in a comment on its line of the progress file, so
# that a sheet that disagrees later names the one that wrote it.
_FROM = re.compile(r"#\s*(\S.*?)\s*$")


def _disagrees(label: str, where: str, key: str, new: int, old: int, path: Path, text: str,
               progress: Progress, quarter: int) -> Problem:  # fmt: skip
    """A figure this sheet says otherwise than the progress file: named with the sheet (and
    cell) that recorded it when its line says so, else with its place in the file."""
    from cchc_cli.files.reader import locate, parse_text

    loaded = parse_text(str(path), text)
    index = next((i for i, p in enumerate(progress.bao_cao) if p.ky == quarter), 0)
    line, _col = locate(loaded.node, ("bao_cao", index, "thong_ke_tthc", key))
    shown = loaded.lines[line - 1] if 0 < line <= len(loaded.lines) else ""
    source = _FROM.search(shown.split(":", 1)[1] if ":" in shown else "")
    if source:
        return _problem(label, where, "figure-disagrees-sheet", key=key, new=new, old=old,
                        other=source.group(1)[:160])  # fmt: skip
    return _problem(
        label, where, "figure-disagrees-file", key=key, new=new, old=old, other=f"{path}:{line}"
    )


def _at_cells(label: str, errors: list[Problem], spans: list[tuple[Row, set[int]]], text: str,
              stats_cell: str = "") -> list[Problem]:  # fmt: skip
    """The progress file's problems, said at the cell of the row (and key) that made them."""
    lines = text.splitlines()
    out = []
    for p in errors:
        row = next((r for r, added in spans if p.source.line in added), None)
        quoted = dict(p.args).get("problem")
        rule = str(quoted.get("say", "") if isinstance(quoted, dict) else p.say)
        if row is None and stats_cell and rule.startswith("tthc-"):
            out.append(_problem(label, stats_cell, "cell-problem",
                                problem={"say": p.say, "args": dict(p.args)}))  # fmt: skip
            continue
        if row is None:
            out.append(p)
            continue
        line = lines[p.source.line - 1] if 0 < p.source.line <= len(lines) else ""
        key = line.strip().removeprefix("- ").split(":")[0].strip()
        cell = row.cells.get(key, row.first)
        out.append(
            _problem(
                label,
                cell,
                "cell-problem",
                problem={"say": p.say, "args": dict(p.args), "message": p.message},
            )
        )
    return out
