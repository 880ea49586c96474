"""`cchc import FILE.xlsx`: a returned sheet's rows as progress records.

All or nothing: every problem is said at its cell (`FILE.xlsx:Nhiệm vụ!G5: …`), in the
words of the person who filled it in, and nothing is written while any remains. Each
sheet's header row is found below its title block, wherever that ends. A row is checked
at its cells (a state from the list; a date from the plan year's first reporting window
to the day of import; a number a target can take, a percent typed in Excel or Calc read
as a percent; text of a length and of characters a plan can hold) and then, with every
other row, as `cchc validate` checks the progress file it would make. A row the progress
file already has is skipped, so importing a sheet twice adds nothing; a row that says
otherwise of a day already recorded is refused, never written over.

The officer's workbook carries the report's prose for the period ("Phần viết"): a text
written in its cell replaces the one recorded only when the cell "Đã ghi" beside it still
shows the text the progress file holds (it was read before it was replaced); a text
recorded since the sheet was made is never written over.
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
    added_lines,
    build_record,
    check_text,
    current_text,
    progress_target,
)
from cchc_cli.files.workbook import Cell, ReadSheet, column_letter, read_workbook
from cchc_cli.plan.lookup import closest_id, fold, task_hash
from cchc_cli.plan.model import MAX_TEXT, Plan, Progress
from cchc_cli.plan.numbers import NotANumber, parse_number
from cchc_cli.plan.sheet_meta import (
    SETS,
    answers_for,
    body_of,
    date_window,
    meta_check,
    meta_text,
    owned_tasks,
    prose_hash,
    prose_text,
    same_body,
    target_hash,
)
from cchc_cli.plan.text import UNSAFE_TEXT, visible

# How far down a sheet its header row is looked for: below a title block of any length
# cchc writes, well above the rows of tasks.
HEADER_SEARCH = 60

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
    head, problems = header_row(label, sheet, words.SHEET_STATS_HEADERS)
    if head is None or problems:
        return found, problems
    for i, cells in enumerate(sheet.rows[head + 1 :], start=head + 1):
        r = i + 1
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


def header_row(label: str, sheet: ReadSheet, headers: tuple[str, ...]) -> tuple[
    int | None, list[Problem]
]:  # fmt: skip
    """The 0-based index of a sheet's header row, found below its title block: the first of
    its first HEADER_SEARCH rows whose first cell is the first header; and the problems of
    that row's cells (a header changed). None and a problem at the sheet's A1 when no row
    starts as the header does."""
    import unicodedata

    def same(value: Any, wanted: str) -> bool:
        return isinstance(value, str) and unicodedata.normalize("NFC", value) == wanted

    for i, row in enumerate(sheet.rows[:HEADER_SEARCH]):
        if not row or not same(row[0].value, headers[0]):
            continue
        problems = []
        for col, wanted in enumerate(headers):
            got = row[col].value if col < len(row) else None
            if not same(got, wanted):
                where = f"{sheet.name}!{column_letter(col)}{i + 1}"
                problems.append(_problem(label, where, "sheet-header", expected=wanted,
                                         found=str(got or ""), column=column_letter(col)))  # fmt: skip
        return i, problems
    return None, [_problem(label, f"{sheet.name}!A1", "sheet-no-header",
                           headers=" | ".join(headers))]  # fmt: skip


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
    prose: list[str] = field(default_factory=list)  # the parts of the report's prose written
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
    if meta.get("format") not in words.SHEET_FORMATS_READ:
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
    the one reader of numbers reads it as it is (1.234 stays 1,234, never 1234), a number
    in a percent cell (a percent typed in Excel or Calc: 0.725 shown as 72,5%) as that
    percent with its sign (`72,5%`); text as typed (`72,5`, `1.234.567`, `72,5%`)."""
    from decimal import Decimal

    value = cell.value
    if value is None:
        return None
    if isinstance(value, bool):
        return "x"  # not a number; said below
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return repr(value)
    if isinstance(value, int | float):
        exact = Decimal(repr(value)) * (100 if cell.percent else 1)  # 0.725 in a % cell: 72.5
        text = format(exact.normalize(), "f") if exact else "0"
        return text.replace(".", ",") + ("%" if cell.percent else "")
    return str(value).strip()


@dataclass(frozen=True)
class Window:
    """The days a sheet's date may say (`plan.sheet_meta.date_window`), and why not."""

    first: date
    today: date
    last: date  # the plan year's last day
    year: int


def read_rows(label: str, sheets: dict[str, ReadSheet], plan: Plan, today: date) -> tuple[
    list[Row], list[Problem]
]:  # fmt: skip
    """The filled rows of both sheets, and the problems of their cells."""
    problems: list[Problem] = []
    rows: list[Row] = []
    first, _ = date_window(plan.nam, today)
    window = Window(first, today, date(plan.nam, 12, 31), plan.nam)
    tasks = {t.ma for _p, _o, t in plan.tasks()}
    targets = {t.ma: t.don_vi for _a, _i, t in plan.targets()}
    for name, headers, kind in (
        (words.SHEET_TASKS, words.SHEET_TASK_HEADERS, "task"),
        (words.SHEET_TARGETS, words.SHEET_TARGET_HEADERS, "target"),
    ):
        sheet = sheets.get(name)
        if sheet is None:
            problems.append(_problem(label, "", "sheet-missing", sheet=name))
            continue
        head, found = header_row(label, sheet, headers)
        problems += found
        if head is None or found:
            continue
        first_fill = 6 if kind == "task" else 4
        for i, cells in enumerate(sheet.rows[head + 1 :], start=head + 1):
            r = i + 1
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
            if kind == "task" and ma in targets:
                problems.append(_problem(label, at(0), "cell-id-is-target", id=ma))
                continue
            if kind == "target" and ma not in targets:
                say = "cell-id-is-task" if ma in tasks else "cell-unknown-target"
                problems.append(_problem(label, at(0), say, id=ma,
                                         like=closest_id(ma, list(targets))))  # fmt: skip
                continue
            if kind == "task":
                row = _task_row(label, window, ma, cells, at, problems)
            else:
                row = _target_row(label, window, ma, targets[ma], cells, at, problems)
            if row is not None:
                rows.append(row)
    return rows, problems


def _day_cell(label: str, window: Window, cell: Cell, where: str, problems: list[Problem]
              ) -> date | None:  # fmt: skip
    """The date a row's Ngày cell holds, or None with the problem said at the cell: none,
    not a date, before the plan year's first reporting window, after the day of import, or
    after the plan year."""
    year = window.year
    day = _date(cell, year)
    if day is None:
        problems.append(_problem(label, where, "cell-date-missing", year=year))
    elif day == "":
        problems.append(_problem(label, where, "cell-date", value=str(cell.value)[:40],
                                 year=year))  # fmt: skip
    elif isinstance(day, date) and day < window.first:
        problems.append(_problem(label, where, "cell-date-early", date=words.day(day),
                                 first=words.day(window.first), year=year))  # fmt: skip
    elif isinstance(day, date) and day > window.today:
        problems.append(_problem(label, where, "cell-date-future", date=words.day(day),
                                 today=words.day(window.today)))  # fmt: skip
    elif isinstance(day, date) and day > window.last:
        problems.append(_problem(label, where, "cell-date-late", date=words.day(day),
                                 last=words.day(window.last), year=year))  # fmt: skip
    else:
        return day if isinstance(day, date) else None
    return None


def _free_text(label: str, cell: Cell, where: str, problems: list[Problem]) -> bool:
    """Whether a cell of text is one a plan can hold: not too long, and with no character
    that steers a terminal (said at the cell when it is not)."""
    text = "" if cell.value is None else str(cell.value)
    if len(text) > MAX_TEXT:
        problems.append(_problem(label, where, "cell-text-long", count=len(text), most=MAX_TEXT))
        return False
    unsafe = UNSAFE_TEXT.search(text)
    if unsafe is not None:
        problems.append(_problem(label, where, "cell-text-unsafe",
                                 char=f"U+{ord(unsafe.group()):04X}"))  # fmt: skip
        return False
    return True


def _task_row(label: str, window: Window, ma: str, cells: list[Cell], at: Any,
              problems: list[Problem]) -> Row | None:  # fmt: skip
    state_text = _text(cells[6])
    state = STATE_OF.get(" ".join(fold(state_text).split())) if state_text else None
    ok = True
    if state_text is None:
        problems.append(_problem(label, at(6), "cell-state-missing"))
        ok = False
    elif state is None:
        problems.append(_problem(label, at(6), "cell-state", value=state_text[:40]))
        ok = False
    day = _day_cell(label, window, cells[7], at(7), problems)
    ok = _free_text(label, cells[8], at(8), problems) and ok
    ok = _free_text(label, cells[9], at(9), problems) and ok
    note = _text(cells[9])
    if state == "dropped" and note is None:
        problems.append(_problem(label, at(9), "cell-reason-missing"))
        ok = False
    if not ok or day is None:
        return None
    entry = Entry(
        ma=ma,
        ngay=day,
        state=state,
        evidence=_text(cells[8]),
        note=None if state == "dropped" else note,
        reason=note if state == "dropped" else None,  # the note says why it is dropped
    )
    keys = {"trang_thai": at(6), "ngay": at(7), "minh_chung": at(8), "ghi_chu": at(9),
            "ly_do": at(9), "ma": at(0)}  # fmt: skip
    return Row("task", entry, keys, at(0))


def _target_row(label: str, window: Window, ma: str, unit: str, cells: list[Cell], at: Any,
                problems: list[Problem]) -> Row | None:  # fmt: skip
    """A target's row: Giá trị, or Tử số and Mẫu số, each checked as the target can take it
    (a percentage from 0 to 100, a count whole, nothing negative, a denominator above 0)."""
    value, num, den = (_number(c) for c in cells[4:7])
    ok = True
    if value is not None and (num is not None or den is not None):
        problems.append(_problem(label, at(5 if num is not None else 6), "cell-value-twice"))
        ok = False
    elif value is None and (num is None or den is None):
        col = 4 if num is None and den is None else (5 if num is None else 6)
        problems.append(_problem(label, at(col), "cell-value-missing"))
        ok = False
    elif value is not None:
        ok = _measure(label, unit, cells[4], value, at(4), problems)
    else:
        top = _reading(label, cells[5], num or "", at(5), problems)
        bottom = _reading(label, cells[6], den or "", at(6), problems)
        if bottom is not None and bottom <= 0:
            problems.append(_problem(label, at(6), "cell-denominator-zero"))
            bottom = None
        if top is not None and bottom is not None and unit == "phan_tram" and top > bottom:
            problems.append(_problem(label, at(5), "cell-ratio-over", top=words.number(top),
                                     bottom=words.number(bottom)))  # fmt: skip
            top = None
        ok = top is not None and bottom is not None
    day = _day_cell(label, window, cells[7], at(7), problems)
    ok = _free_text(label, cells[8], at(8), problems) and ok
    if not ok or day is None:
        return None
    given = value if value is not None else f"{num}/{den}"
    entry = Entry(ma=ma, ngay=day, value=given, source=_text(cells[8]))
    value_cell = at(4) if value is not None else at(5)
    keys = {"gia_tri": value_cell, "tu_so": at(5), "mau_so": at(6), "ngay": at(7),
            "nguon": at(8), "ma": at(0)}  # fmt: skip
    return Row("target", entry, keys, at(0))


def _reading(label: str, cell: Cell, typed: str, where: str, problems: list[Problem]
             ) -> float | None:  # fmt: skip
    """A number typed in a cell of Tử số or Mẫu số (or the number of a Giá trị), or None
    with the problem said."""
    if cell.percent:
        problems.append(_problem(label, where, "cell-ratio-percent"))
        return None
    try:
        number = float(parse_number(typed))
    except NotANumber as exc:
        problems.append(_problem(label, where, "cell-value-number", value=typed[:40],
                                 why={"say": f"number-{exc.why}"}))  # fmt: skip
        return None
    if number < 0:
        problems.append(_problem(label, where, "cell-value-negative", value=typed[:40]))
        return None
    return number


def _measure(label: str, unit: str, cell: Cell, typed: str, where: str,
             problems: list[Problem]) -> bool:  # fmt: skip
    """Whether the Giá trị typed is one the target can take: a percent (typed with % or
    in a percent cell) only for a percentage, which goes from 0 to 100; a whole number for
    a count; never negative."""
    percent = cell.percent or typed.rstrip().endswith("%")
    if percent and unit != "phan_tram":
        problems.append(_problem(label, where, "cell-not-percent", unit={"say": f"unit-{unit}"}))
        return False
    shown = typed.rstrip().removesuffix("%").strip()
    number = _reading(label, Cell(shown), shown, where, problems)
    if number is None:
        return False
    if unit == "phan_tram" and number > 100:
        problems.append(_problem(label, where, "cell-percent-range", value=typed[:40]))
        return False
    if unit == "so_luong" and not number.is_integer():
        problems.append(_problem(label, where, "cell-count-whole", value=typed[:40]))
        return False
    return True


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
        rows, problems = read_rows(label, sheets, plan, today)
        problems = [*book.warnings, *checked, *problems]
        stats, more = read_stats(label, sheets)
        problems += more
        if stats and "tthc" not in sets:
            first = min((where for _v, where in stats.values()), key=_row_number)
            problems.append(_problem(label, first, "sheet-no-tthc"))
            stats = {}
        prose, more = read_prose(label, sheets, meta)
        problems += more
        written = [p for p in prose if p.new]
        if written and "prose" not in sets:
            drafter = plan.cai_dat.don_vi_luu
            problems.append(_problem(label, written[0].where, "sheet-no-prose", unit=drafter))
            prose = []
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
            except CchcError as exc:  # the cells are checked above: not met in practice
                cell = row.cells.get("trang_thai" if row.kind == "task" else "gia_tri", row.first)
                problems.append(_problem(label, cell, "cell-not-recorded",
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
        texts: dict[str, str] = {}
        for part in prose:
            now = prose_text(getattr(story, part.key, None))
            if not part.new:
                continue
            if part.new == now:
                done.already += 1
            elif not now or part.recorded == now:  # nothing yet, or the text the sheet shows
                texts[part.key] = part.new
            else:  # recorded since the sheet was made: not written over
                problems.append(_problem(label, part.where, "prose-changed",
                                         section=words.SHEET_PROSE_ROWS[part.key],
                                         now=_excerpt(now)))  # fmt: skip
        text = old_text
        spans: list[tuple[Row, set[int]]] = []
        for row, made, record in built:
            key = LIST_KEY["task" if made == "task" else "target"]
            new = yamlio.append_record(text, key, record, plan.nam, path)
            if text.strip():
                yamlio.same_data(text, new, path, appended_to=key)
            spans.append((row, added_lines(text, new)))
            text = new
            done.records.append((made, record))
        if figures and 1 <= quarter <= 4:
            notes = {k: visible(f"{sheet_path.name}:{stats[k][1]}") for k in figures}
            text = yamlio.set_period_figures(text, quarter, "thong_ke_tthc", figures, plan.nam,
                                             path, notes=notes)  # fmt: skip
            done.figures = figures
        if texts and 1 <= quarter <= 4:
            text = yamlio.set_period_prose(text, quarter, texts, plan.nam, path)
            done.prose = list(texts)
        if built or done.figures or done.prose:  # checked together as validate would
            _, found = check_text(path, text, plan)
            bad = [p for p in found if p.severity == "error"]
            stats_cell = next(iter(stats.values()))[1] if stats else ""
            prose_cells = {p.key: p.where for p in prose}
            problems += _at_cells(label, bad, spans, text, stats_cell, prose_cells)
        errors = [p for p in problems if p.severity == "error"]
        if errors:  # all or nothing: every problem at once (the first 200), nothing written
            raise SheetRefused(_first(label, errors))
        done.warnings = problems
        if (built or done.figures or done.prose) and not dry_run:
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
    from cchc_cli.plan.model import TTHC_FIELDS

    what = TTHC_FIELDS.get(key, key)
    if source:
        return _problem(label, where, "figure-disagrees-sheet", what=what, new=new, old=old,
                        other=source.group(1)[:160])  # fmt: skip
    return _problem(
        label, where, "figure-disagrees-file", what=what, new=new, old=old, other=f"{path}:{line}"
    )


def _at_cells(label: str, errors: list[Problem], spans: list[tuple[Row, set[int]]], text: str,
              stats_cell: str = "", prose_cells: dict[str, str] | None = None
              ) -> list[Problem]:  # fmt: skip
    """The progress file's problems, said at the cell of the row (and key) that made them,
    in the sheet's words."""
    lines = text.splitlines()
    out = []
    for p in errors:
        row = next((r for r, added in spans if p.source.line in added), None)
        rule, say, args = _cell_says(p)
        line = lines[p.source.line - 1] if 0 < p.source.line <= len(lines) else ""
        key = line.strip().removeprefix("- ").split(":")[0].strip()
        if row is None and stats_cell and (rule.startswith("tthc-") or rule == "figure-over"):
            out.append(_problem(label, stats_cell, say, **args))
        elif row is None and prose_cells and key in prose_cells:
            out.append(_problem(label, prose_cells[key], say, **args))
        elif row is None:
            out.append(p)
        else:
            out.append(_problem(label, row.cells.get(key, row.first), say, **args))
    return out


# A problem of the progress file that a sheet's cells made, as the sheet says it: rule ->
# the sentence said at the cell (the figures named by their words, not by their keys).
RULE_AT_CELL = {
    "tthc-sum": "cell-tthc-sum",
    "tthc-areas-sum": "cell-tthc-areas-sum",
    "figure-over": "cell-figure-over",
    "tthc-apologies": "tthc-apologies",
    "tthc-payments": "tthc-payments",
}


def _cell_says(p: Problem) -> tuple[str, str, dict[str, Any]]:
    """What a problem of the progress file a sheet would make says at the cell: (its rule,
    the sentence, its arguments). The TTHC figures that do not add up are said in the
    sheet's words (`RULE_AT_CELL`); anything else is quoted."""
    from cchc_cli.plan.model import TTHC_FIELDS
    from cchc_cli.plan.shapes import AREA_FIGURES

    args = dict(p.args)
    quoted = args.get("problem")
    rule, said = (str(quoted.get("say", "")), dict(quoted.get("args") or {})) if isinstance(
        quoted, dict) else (p.say, args)  # fmt: skip
    names = {**TTHC_FIELDS, **{k: v[1] for k, v in AREA_FIGURES.items()}}
    if rule == "tthc-areas-sum":
        said["what"] = names.get(str(said.get("field")), "")
    if rule == "figure-over":
        said["what"], said["of"] = (names.get(str(said.get(k)), "") for k in ("part", "whole"))
    if rule in RULE_AT_CELL:
        return rule, RULE_AT_CELL[rule], said
    return rule, "cell-not-recorded", {"problem": {"say": rule, "args": said} if rule else
                                       {"message": p.message}}  # fmt: skip


def _excerpt(text: str, most: int = 80) -> str:
    """A recorded text as a message quotes it: one line, its first `most` characters."""
    line = visible(" ".join(text.split()))
    return line if len(line) <= most else line[: most - 1] + "…"


@dataclass(frozen=True)
class Prose:
    """A row of the sheet "Phần viết": the part of the report, the text its cell "Đã ghi"
    shows, the new text written, and the cell of the new text."""

    key: str
    recorded: str
    new: str
    where: str


def read_prose(label: str, sheets: dict[str, ReadSheet], meta: Meta) -> tuple[
    list[Prose], list[Problem]
]:  # fmt: skip
    """The report's prose written in the sheet "Phần viết", each row found by the part of
    the report it names; the cell "Đã ghi" checked against the fingerprint the hidden sheet
    keeps of the text recorded when the sheet was made."""
    import unicodedata

    sheet = sheets.get(words.SHEET_PROSE)
    if sheet is None:
        return [], []
    head, problems = header_row(label, sheet, words.SHEET_PROSE_HEADERS)
    if head is None or problems:
        return [], problems
    by_label = {unicodedata.normalize("NFC", v): k for k, v in words.SHEET_PROSE_ROWS.items()}
    carries = "prose" in meta.get("sets").split()  # else said once, by the caller
    found: list[Prose] = []
    seen: dict[str, int] = {}
    for i, cells in enumerate(sheet.rows[head + 1 :], start=head + 1):
        r = i + 1
        cells = cells + [Cell(None)] * (4 - len(cells))
        name, shown, typed = cells[0], cells[2], cells[3]
        at = lambda col: f"{words.SHEET_PROSE}!{column_letter(col)}{r}"  # noqa: B023, E731
        if all(c.value is None for c in (name, shown, typed)):
            continue
        key = by_label.get(unicodedata.normalize("NFC", str(name.value or "")))
        if key is None or name.formula:
            problems.append(_problem(label, at(0), "prose-unknown-row",
                                     said=str(name.value or "")[:60]))  # fmt: skip
            continue
        if key in seen:
            problems.append(_problem(label, at(0), "prose-row-twice", row=seen[key],
                                     section=words.SHEET_PROSE_ROWS[key]))  # fmt: skip
            continue
        seen[key] = r
        if typed.formula:
            problems.append(_problem(label, at(3), "cell-formula", formula=str(typed.value)[:60]))
            continue
        recorded = prose_text(meta_text(shown.value) if not shown.formula else "=")
        if carries and (shown.formula or prose_hash(recorded) != meta.get(f"prose:{key}")):
            problems.append(_problem(label, at(2), "prose-recorded-edited"))
            continue
        new = prose_text(meta_text(typed.value))
        if new and not _free_text(label, Cell(new), at(3), problems):
            continue
        found.append(Prose(key, recorded, new, at(3)))
    return found, problems
