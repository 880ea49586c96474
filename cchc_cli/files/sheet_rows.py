"""The filled rows of a returned sheet, checked at their cells: a task's state, date,
evidence and note; a target's value (or numerator and denominator) as the target can
take it; the TTHC figures of the sheet "Thống kê TTHC"; the report's prose of "Phần viết"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from cchc_cli import words
from cchc_cli.errors import Problem
from cchc_cli.files.record import Entry
from cchc_cli.files.sheet_cells import (
    Window,
    cell_count,
    cell_number,
    cell_problem,
    cell_text,
    day_cell,
    free_text,
    header_row,
)
from cchc_cli.files.sheet_hidden import Meta
from cchc_cli.files.workbook import Cell, ReadSheet, column_letter
from cchc_cli.plan.lookup import closest_id, typed_state
from cchc_cli.plan.model import Plan
from cchc_cli.plan.numbers import NotANumber, parse_number
from cchc_cli.plan.sheet_meta import date_window, meta_text, prose_hash, prose_text

# A state as it may be typed in the sheet, without case or diacritics.


@dataclass
class Row:
    """One filled row of the sheet: what to record, and the cell of each key."""

    kind: str  # task or target
    entry: Entry
    cells: dict[str, str]  # record key (trang_thai, ngay, gia_tri, ...) → "Sheet!H12"
    first: str  # the row's id cell


def read_rows(label: str, sheets: dict[str, ReadSheet], plan: Plan, today: date) -> tuple[
    list[Row], list[Problem]
]:  # fmt: skip
    """The filled rows of both sheets, and the problems of their cells."""
    problems: list[Problem] = []
    rows: list[Row] = []
    first, _ = date_window(plan.nam, today)
    window = Window(first, today, date(plan.nam, 12, 31), plan.nam)
    ids = _Ids({t.ma for _p, _o, t in plan.tasks()},
               {t.ma: t.don_vi for _a, _i, t in plan.targets()})  # fmt: skip
    for name, headers, kind in (
        (words.SHEET_TASKS, words.SHEET_TASK_HEADERS, "task"),
        (words.SHEET_TARGETS, words.SHEET_TARGET_HEADERS, "target"),
    ):
        sheet = sheets.get(name)
        if sheet is None:
            problems.append(cell_problem(label, "", "sheet-missing", sheet=name))
            continue
        head, found = header_row(label, sheet, headers)
        problems += found
        if head is None or found:
            continue
        for i, cells in enumerate(sheet.rows[head + 1 :], start=head + 1):
            place = _Place(label, name, i + 1, kind, len(headers))
            row = _filled_row(place, window, ids, cells, problems)
            if row is not None:
                rows.append(row)
    return rows, problems


@dataclass(frozen=True)
class _Ids:
    """The plan's ids a row may name: its tasks, and its targets with their units."""

    tasks: set[str]
    targets: dict[str, str]


@dataclass(frozen=True)
class _Place:
    """Where a row is: the sheet (`label`), its page and row, what its rows are (task or
    target) and how many columns they have."""

    label: str
    name: str
    row: int
    kind: str
    width: int

    def at(self, col: int) -> str:
        """The row's cell in a 0-based column: "Nhiệm vụ!G5"."""
        return f"{self.name}!{column_letter(col)}{self.row}"


def _filled_row(place: _Place, window: Window, ids: _Ids, cells: list[Cell],
                problems: list[Problem]) -> Row | None:  # fmt: skip
    """A row someone filled in (None for a row left blank, or with its problems said): its
    cells typed, not computed, and its id one of the plan's of the sheet's kind."""
    label, at = place.label, place.at
    cells = cells + [Cell(None)] * (place.width - len(cells))
    first_fill = 6 if place.kind == "task" else 4
    if all(c.value is None for c in cells[first_fill : place.width]):
        return None
    formulas = [
        cell_problem(label, at(col), "cell-formula", formula=str(cells[col].value)[:60])
        for col in range(first_fill, place.width)
        if cells[col].formula
    ]
    problems += formulas
    ma = cell_text(cells[0])
    if not ma:
        problems.append(cell_problem(label, at(0), "cell-no-id"))
        return None
    if formulas:
        return None
    wrong = _wrong_id(place, ma, ids)
    if wrong is not None:
        problems.append(wrong)
        return None
    if place.kind == "task":
        return _task_row(label, window, ma, cells, at, problems)
    return _target_row(label, window, ma, ids.targets[ma], cells, at, problems)


def _wrong_id(place: _Place, ma: str, ids: _Ids) -> Problem | None:
    """The problem of an id that is not one of the sheet's kind: a target's among the
    tasks, a task's or an unknown one among the targets (with the closest target's)."""
    if place.kind == "task" and ma in ids.targets:
        return cell_problem(place.label, place.at(0), "cell-id-is-target", id=ma)
    if place.kind == "target" and ma not in ids.targets:
        say = "cell-id-is-task" if ma in ids.tasks else "cell-unknown-target"
        return cell_problem(place.label, place.at(0), say, id=ma,
                            like=closest_id(ma, list(ids.targets)))  # fmt: skip
    return None


def _task_row(label: str, window: Window, ma: str, cells: list[Cell], at: Any,
              problems: list[Problem]) -> Row | None:  # fmt: skip
    state_text = cell_text(cells[6])
    state = typed_state(state_text) if state_text else None  # as `--state` reads it
    ok = True
    if state_text is None:
        problems.append(cell_problem(label, at(6), "cell-state-missing"))
        ok = False
    elif state is None:
        problems.append(cell_problem(label, at(6), "cell-state", value=state_text[:40]))
        ok = False
    day = day_cell(label, window, cells[7], at(7), problems)
    ok = free_text(label, cells[8], at(8), problems) and ok
    ok = free_text(label, cells[9], at(9), problems) and ok
    note = cell_text(cells[9])
    if state == "dropped" and note is None:
        problems.append(cell_problem(label, at(9), "cell-reason-missing"))
        ok = False
    if not ok or day is None:
        return None
    entry = Entry(
        ma=ma,
        ngay=day,
        state=state,
        evidence=cell_text(cells[8]),
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
    value, num, den = (cell_number(c) for c in cells[4:7])
    ok = _target_value(label, unit, cells, (value, num, den), at, problems)
    day = day_cell(label, window, cells[7], at(7), problems)
    ok = free_text(label, cells[8], at(8), problems) and ok
    if not ok or day is None:
        return None
    given = value if value is not None else f"{num}/{den}"
    entry = Entry(ma=ma, ngay=day, value=given, source=cell_text(cells[8]))
    value_cell = at(4) if value is not None else at(5)
    keys = {"gia_tri": value_cell, "tu_so": at(5), "mau_so": at(6), "ngay": at(7),
            "nguon": at(8), "ma": at(0)}  # fmt: skip
    return Row("target", entry, keys, at(0))


def _target_value(label: str, unit: str, cells: list[Cell],
                  typed: tuple[str | None, str | None, str | None], at: Any,
                  problems: list[Problem]) -> bool:  # fmt: skip
    """Whether a target's row gives its value one way, Giá trị or both Tử số and Mẫu số,
    and one the target can take (said at the cell when not)."""
    value, num, den = typed
    if value is not None and (num is not None or den is not None):
        problems.append(cell_problem(label, at(5 if num is not None else 6), "cell-value-twice"))
        return False
    if value is None and (num is None or den is None):
        col = 4 if num is None and den is None else (5 if num is None else 6)
        problems.append(cell_problem(label, at(col), "cell-value-missing"))
        return False
    if value is not None:
        return _measure(label, unit, cells[4], value, at(4), problems)
    return _ratio(label, unit, cells, num or "", den or "", at, problems)


def _ratio(label: str, unit: str, cells: list[Cell], num: str, den: str, at: Any,
           problems: list[Problem]) -> bool:  # fmt: skip
    """Whether Tử số and Mẫu số are numbers, the denominator above 0, and for a
    percentage the numerator not above it."""
    top = _reading(label, cells[5], num, at(5), problems)
    bottom = _reading(label, cells[6], den, at(6), problems)
    if bottom is not None and bottom <= 0:
        problems.append(cell_problem(label, at(6), "cell-denominator-zero"))
        bottom = None
    if top is not None and bottom is not None and unit == "phan_tram" and top > bottom:
        problems.append(cell_problem(label, at(5), "cell-ratio-over", top=words.number(top),
                                     bottom=words.number(bottom)))  # fmt: skip
        top = None
    return top is not None and bottom is not None


def _reading(label: str, cell: Cell, typed: str, where: str, problems: list[Problem]
             ) -> float | None:  # fmt: skip
    """A number typed in a cell of Tử số or Mẫu số (or the number of a Giá trị), or None
    with the problem said."""
    if cell.percent:
        problems.append(cell_problem(label, where, "cell-ratio-percent"))
        return None
    try:
        number = float(parse_number(typed))
    except NotANumber as exc:
        problems.append(cell_problem(label, where, "cell-value-number", value=typed[:40],
                                     why=exc.said))  # fmt: skip
        return None
    if number < 0:
        problems.append(cell_problem(label, where, "cell-value-negative", value=typed[:40]))
        return None
    return number


def _measure(label: str, unit: str, cell: Cell, typed: str, where: str,
             problems: list[Problem]) -> bool:  # fmt: skip
    """Whether the Giá trị typed is one the target can take: a percent (typed with % or
    in a percent cell) only for a percentage, which goes from 0 to 100; a whole number for
    a count; never negative."""
    percent = cell.percent or typed.rstrip().endswith("%")
    if percent and unit != "phan_tram":
        problems.append(
            cell_problem(label, where, "cell-not-percent", unit={"say": f"unit-{unit}"})
        )
        return False
    shown = typed.rstrip().removesuffix("%").strip()
    number = _reading(label, Cell(shown), shown, where, problems)
    if number is None:
        return False
    if unit == "phan_tram" and number > 100:
        problems.append(cell_problem(label, where, "cell-percent-range", value=typed[:40]))
        return False
    if unit == "so_luong" and not number.is_integer():
        problems.append(cell_problem(label, where, "cell-count-whole", value=typed[:40]))
        return False
    return True


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
        if cell.value is None:
            continue
        if key not in TTHC_FIELDS:  # a figure whose code was changed: not dropped unsaid
            problems.append(cell_problem(label, f"{words.SHEET_STATS}!A{r}", "cell-stats-code",
                                         given=str(key or "")[:60], cell=where))  # fmt: skip
            continue
        if cell.formula:
            problems.append(
                cell_problem(label, where, "cell-formula", formula=str(cell.value)[:60])
            )
            continue
        if str(key) in found:  # a row copied: neither number is taken over the other unsaid
            problems.append(cell_problem(label, f"{words.SHEET_STATS}!A{r}", "cell-stats-twice",
                                         given=str(key), other=found[str(key)][1]))  # fmt: skip
            continue
        count, why = cell_count(cell.value)
        if count is None:
            problems.append(cell_problem(label, where, "cell-count", value=str(cell.value)[:40],
                                         why={"say": f"number-{why}"}))  # fmt: skip
            continue
        found[str(key)] = (count, where)
    return found, problems


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
            problems.append(cell_problem(label, at(0), "prose-unknown-row",
                                         said=str(name.value or "")[:60]))  # fmt: skip
            continue
        if key in seen:
            problems.append(cell_problem(label, at(0), "prose-row-twice", row=seen[key],
                                         section=words.SHEET_PROSE_ROWS[key]))  # fmt: skip
            continue
        seen[key] = r
        part = _prose_part(label, key, shown, typed, at, meta if carries else None, problems)
        if part is not None:
            found.append(part)
    return found, problems


def _prose_part(label: str, key: str, shown: Cell, typed: Cell, at: Any, meta: Meta | None,
                problems: list[Problem]) -> Prose | None:  # fmt: skip
    """A row of the prose: the text typed (not a formula, a text a plan can hold) and, in a
    sheet made to carry the prose (`meta`), the text "Đã ghi" shows as the hidden sheet
    keeps it (not edited); None with the problem said at its cell."""
    if typed.formula:
        problems.append(cell_problem(label, at(3), "cell-formula", formula=str(typed.value)[:60]))
        return None
    recorded = prose_text(meta_text(shown.value) if not shown.formula else "=")
    if meta is not None and (shown.formula or prose_hash(recorded) != meta.get(f"prose:{key}")):
        problems.append(cell_problem(label, at(2), "prose-recorded-edited"))
        return None
    new = prose_text(meta_text(typed.value))
    if new and not free_text(label, Cell(new), at(3), problems):
        return None
    return Prose(key, recorded, new, at(3))
