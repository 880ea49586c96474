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
    """The TTHC figures typed in the sheet "Thống kê TTHC": key → (count, its cell)."""
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
        value = cell.value
        if isinstance(value, str):
            value = value.replace(".", "").replace(" ", "")
            value = int(value) if value.isdigit() else value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(_problem(label, where, "cell-count", value=str(cell.value)[:40]))
            continue
        found[str(key)] = (value, where)
    return found, problems


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


def _meta(label: str, sheets: dict[str, ReadSheet]) -> dict[str, str]:
    meta = sheets.get(words.SHEET_META)
    if meta is None:
        raise SheetRefused([_problem(label, "", "sheet-not-cchc")])
    found = {}
    for row in meta.rows:
        if len(row) >= 2 and isinstance(row[0].value, str):
            found[row[0].value] = "" if row[1].value is None else str(row[1].value)
    if found.get("format") != words.SHEET_FORMAT:
        raise SheetRefused([_problem(label, "", "sheet-format", found=found.get("format", ""))])
    return found


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
    """A number cell as `--value` takes it (`72.5`); text as typed (`72,5`)."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, bool):
        return "x"  # not a number; said below
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
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


def _check_plan(label: str, meta: dict[str, str], plan: Plan, plan_name: str, rows: list[Row]
                ) -> list[Problem]:  # fmt: skip
    """The sheet against the plan: its year, unit and version."""
    found: list[Problem] = []
    if meta.get("year") != str(plan.nam):
        return [_problem(label, "", "sheet-other-year", found=meta.get("year", ""), year=plan.nam)]
    if plan.unit(meta.get("unit", "")) is None:
        return [_problem(label, "", "sheet-unknown-unit", unit=meta.get("unit", ""))]
    if meta.get("plan") and meta["plan"] != plan_name:
        found.append(_problem(label, "", "sheet-other-plan", "warning", found=meta["plan"],
                              plan=plan_name))  # fmt: skip
    then = {k.removeprefix("task:"): v for k, v in meta.items() if k.startswith("task:")}
    now = {t.ma: task_hash(t) for _p, _o, t in plan.tasks()}
    changed = sorted(ma for ma, h in then.items() if now.get(ma) not in (None, h))
    removed = {ma for ma in then if ma not in now}
    if changed or removed or set(now) - set(then):
        found.append(_problem(label, "", "sheet-older-plan", "warning",
                              ids=", ".join(changed + sorted(removed)) or "—"))  # fmt: skip
    for row in rows:
        ma = row.entry.ma
        if row.kind == "task" and ma in changed:
            found.append(_problem(label, row.first, "sheet-task-changed", "warning", id=ma))
        elif row.kind == "task" and ma not in now:
            like = closest_id(ma, list(now))
            found.append(_problem(label, row.first, "cell-unknown-id", id=ma, like=like))
    return found


def _same(kind: str, old: Any, record: dict[str, Any], plan: Plan) -> bool | None:
    """Whether a record already there says the same (True), otherwise (False); None when
    it is of another day."""
    if old.ma != record["ma"] or old.ngay != record["ngay"]:
        return None
    if kind == "task":
        return bool(old.trang_thai == record["trang_thai"])
    unit = next((t.don_vi for _a, _i, t in plan.targets() if t.ma == old.ma), "phan_tram")
    mine = Progress.model_validate({"chi_so": [record]}).chi_so[0]
    return abs(old.value(unit) - mine.value(unit)) < 1e-9


def import_sheet(
    plan_path: Path, sheet_path: Path, progress_file: Path | None, *, dry_run: bool, today: date
) -> Imported:
    """Read a returned sheet and record its rows, or raise `SheetRefused` with every
    problem at its cell and leave the progress file as it was."""
    from cchc_cli.files import roundtrip as yamlio
    from cchc_cli.files.safe_write import locked, write_text
    from cchc_cli.files.workspace import open_workspace

    label = str(sheet_path)
    sheets = {s.name: s for s in read_workbook(sheet_path)}
    meta = _meta(label, sheets)
    path = progress_target(plan_path, progress_file)
    with locked(path) if not dry_run else contextlib.nullcontext():
        exists = os.path.lexists(path)
        ws = open_workspace(plan_path, path if exists else None)
        plan = ws.plan
        checked = _check_plan(label, meta, plan, plan_path.name, [])
        if any(p.severity == "error" for p in checked):
            raise SheetRefused(checked)
        rows, problems = read_rows(label, sheets, plan)
        stats, more = read_stats(label, sheets)
        problems += more
        problems += _check_plan(label, meta, plan, plan_path.name, rows)
        done = Imported(path, meta.get("unit", ""))
        built: list[tuple[Row, str, dict[str, Any]]] = []
        for row in rows:
            if any(p.source.path == f"{label}:{row.first}" and p.severity == "error"
                   for p in problems):  # fmt: skip
                continue
            try:
                kind, record = build_record(plan, row.entry, today)
            except CchcError as exc:
                cell = row.cells.get("trang_thai" if row.kind == "task" else "gia_tri", row.first)
                problems.append(_problem(label, cell, "cell-problem",
                                         problem={"say": exc.say, "args": exc.args_}))  # fmt: skip
                continue
            existing: list[Any] = list(
                ws.progress.nhiem_vu if kind == "task" else ws.progress.chi_so
            )
            same = [
                s for s in (_same(kind, old, record, plan) for old in existing) if s is not None
            ]
            if same and all(same):
                done.already += 1
                continue
            if same:
                old = next(o for o in existing if o.ma == record["ma"] and o.ngay == record["ngay"])
                said = (
                    words.state(old.trang_thai)
                    if kind == "task"
                    else words.number(
                        old.value(next(t.don_vi for _a, _i, t in plan.targets() if t.ma == old.ma))
                    )
                )
                cell = row.cells["trang_thai" if kind == "task" else "gia_tri"]
                problems.append(_problem(label, cell, "cell-contradicts", id=record["ma"],
                                         date=words.day(record["ngay"]), said=said))  # fmt: skip
                continue
            built.append((row, kind, record))
        quarter = int(meta.get("quarter") or 0)
        story = ws.progress.narrative(quarter)
        have = story.thong_ke_tthc if story else None
        figures: dict[str, int] = {}
        for key, (value, where) in stats.items():
            old = getattr(have, key) if have is not None else None
            if old == value:
                done.already += 1
            elif old is not None:
                problems.append(_problem(label, where, "cell-figure-contradicts", key=key,
                                         old=old, new=value))  # fmt: skip
            else:
                figures[key] = value
        form, old_text = current_text(path, exists, plan, plan_path)
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
            text = yamlio.set_period_figures(text, quarter, "thong_ke_tthc", figures, plan.nam,
                                             path)  # fmt: skip
            done.figures = figures
        if built or done.figures:  # what reads well, checked together as validate would
            _, found = check_text(path, text, plan)
            bad = [p for p in found if p.severity == "error"]
            stats_cell = next(iter(stats.values()))[1] if stats else ""
            problems += _at_cells(label, bad, spans, text, stats_cell)
        errors = [p for p in problems if p.severity == "error"]
        if errors:  # all or nothing: every problem at once, and nothing written
            raise SheetRefused(errors)
        done.warnings = problems
        if (built or done.figures) and not dry_run:
            write_text(path, form.apply(text))
            done.written = True
    return done


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
