"""A returned sheet's cells read as values: its header row found below the title block,
dates, numbers, counts and text as people type them, each problem said at its cell
(`FILE.xlsx:Nhiệm vụ!G5: …`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cchc_cli import words
from cchc_cli.errors import Problem, ProblemsFound, Source
from cchc_cli.files.workbook import Cell, ReadSheet, column_letter
from cchc_cli.plan.model import MAX_TEXT
from cchc_cli.plan.numbers import NotANumber, parse_number
from cchc_cli.plan.text import UNSAFE_TEXT

# How far down a sheet its header row is looked for: below a title block of any length
# cchc writes, well above the rows of tasks.
HEADER_SEARCH = 60


class SheetRefused(ProblemsFound):
    """The sheet's problems, every one at its cell; nothing was written."""


def cell_problem(label: str, where: str, say: str, severity: str = "error", **args: Any
                 ) -> Problem:  # fmt: skip
    """A problem of the sheet `label`, said at its cell `where` ("Nhiệm vụ!G5"); a text
    quoted from a cell is cut to SHOWN characters (a cell can hold 32,767)."""
    shown = {k: _cut(v) if isinstance(v, str) else v for k, v in args.items()}
    return words.new_problem(Source(f"{label}:{where}" if where else label), severity, say, say,
                             **shown)  # fmt: skip


SHOWN = 200


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


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
                problems.append(cell_problem(label, where, "sheet-header", expected=wanted,
                                             found=str(got or ""),
                                             column=column_letter(col)))  # fmt: skip
        return i, problems
    return None, [cell_problem(label, f"{sheet.name}!A1", "sheet-no-header",
                               headers=" | ".join(headers))]  # fmt: skip


def cell_count(value: Any) -> tuple[int | None, str]:
    """A cell's count (a whole number, not negative), or None and the reason it is not."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None, "form"
    if isinstance(value, str):
        try:
            value = parse_number(value, whole=True)
        except NotANumber as exc:
            return None, exc.why
    if isinstance(value, float):
        if value == value and abs(value) >= 1e15:  # a whole number, but past any count
            return None, "too-large"
        if not (value == value and value.is_integer()):
            return None, "whole"
        value = int(value)
    if value < 0:
        return None, "negative"
    return int(value), ""


def cell_date(cell: Cell, year: int) -> date | None | str:
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


def cell_text(cell: Cell) -> str | None:
    value = cell.value
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def cell_number(cell: Cell) -> str | None:
    """A cell as `--value` takes it: a number cell written with the decimal comma, so that
    the one reader of numbers reads it as it is (1.234 stays 1,234, never 1234), a number
    in a percent cell (a percent typed in Excel or Calc: 0.725 shown as 72,5%) as that
    percent with its sign (`72,5%`); text as typed (`72,5`, `1.234.567`, `72,5%`)."""
    from decimal import Decimal

    value = cell.value
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as the sheet shows it: not a number, said so
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


def day_cell(label: str, window: Window, cell: Cell, where: str, problems: list[Problem]
              ) -> date | None:  # fmt: skip
    """The date a row's Ngày cell holds, or None with the problem said at the cell: none,
    not a date, before the plan year's first reporting window, after the day of import, or
    after the plan year."""
    year = window.year
    day = cell_date(cell, year)
    if day is None:
        problems.append(cell_problem(label, where, "cell-date-missing", year=year))
    elif day == "":
        problems.append(cell_problem(label, where, "cell-date", value=str(cell.value)[:40],
                                     year=year))  # fmt: skip
    elif isinstance(day, date) and day < window.first:
        problems.append(cell_problem(label, where, "cell-date-early", date=words.day(day),
                                     first=words.day(window.first), year=year))  # fmt: skip
    elif isinstance(day, date) and day > window.today:
        problems.append(cell_problem(label, where, "cell-date-future", date=words.day(day),
                                     today=words.day(window.today)))  # fmt: skip
    elif isinstance(day, date) and day > window.last:
        problems.append(cell_problem(label, where, "cell-date-late", date=words.day(day),
                                     last=words.day(window.last), year=year))  # fmt: skip
    else:
        return day if isinstance(day, date) else None
    return None


def free_text(label: str, cell: Cell, where: str, problems: list[Problem]) -> bool:
    """Whether a cell of text is one a plan can hold: not too long, and with no character
    that steers a terminal (said at the cell when it is not)."""
    text = "" if cell.value is None else str(cell.value)
    if len(text) > MAX_TEXT:
        problems.append(
            cell_problem(label, where, "cell-text-long", count=len(text), most=MAX_TEXT)
        )
        return False
    unsafe = UNSAFE_TEXT.search(text)
    if unsafe is not None:
        problems.append(cell_problem(label, where, "cell-text-unsafe",
                                     char=f"U+{ord(unsafe.group()):04X}"))  # fmt: skip
        return False
    return True
