"""Workbooks in and out: the one module that knows openpyxl.

Out: `views.sheets` tables as an .xlsx (Times New Roman, A4 landscape, header row
repeated, column widths that fit, the cells to fill unlocked and validated, the
rest protected without a password) or as UTF-8 CSV with a byte order mark.

In: a workbook is untrusted. It is read as a regular file of bounded size, its zip
is checked before openpyxl sees it (member count, sizes, compression ratio: no zip
bomb), openpyxl parses its XML through defusedxml (no entity expansion), and
formulas are never evaluated: `read_workbook` returns each cell's value and whether
it holds a formula, and the importer refuses those.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from cchc_cli.errors import UsageError
from cchc_cli.plan.text import reads_as_formula


class ColumnLike(Protocol):
    header: str
    width: int
    fill: str | None  # what may be typed in it: state, date, number, text; None: locked
    wrap: bool
    choices: tuple[str, ...]  # the drop-down of a state column


class SheetLike(Protocol):
    """A table to write (`views.sheets.Sheet`)."""

    name: str
    columns: Any  # list of ColumnLike
    rows: list[list[Any]]
    hidden: bool
    protect: bool
    autofilter: bool


MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 200
MAX_PART_BYTES = 50 * 1024 * 1024  # any one part, unpacked
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed, for parts over 1 MB
MAX_ROWS, MAX_COLUMNS = 20_000, 40
FONT = "Times New Roman"


def column_letter(index: int) -> str:
    """The letters of a 0-based column index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def to_xlsx(sheets: list[SheetLike]) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_font = Font(name=FONT, size=12, bold=True)
    body_font = Font(name=FONT, size=12)
    to_fill = PatternFill("solid", fgColor="FFF7D6")
    for sheet in sheets:
        ws = book.create_sheet(sheet.name[:31])
        for col, column in enumerate(sheet.columns):
            cell = ws.cell(row=1, column=col + 1, value=column.header)
            cell.font, cell.border = header_font, border
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            ws.column_dimensions[column_letter(col)].width = column.width
        for r, values in enumerate(sheet.rows, start=2):
            ws.row_dimensions[r].height = ROW_HEIGHT * _lines(sheet.columns, values)
            for col, (column, value) in enumerate(zip(sheet.columns, values, strict=False)):
                cell = ws.cell(row=r, column=col + 1, value=value)
                if isinstance(value, str) and cell.data_type == "f":
                    cell.data_type = "s"  # plan text is data: "=…" stays text, never a formula
                cell.font, cell.border = body_font, border
                cell.alignment = Alignment(wrap_text=column.wrap, vertical="top")
                if isinstance(value, date) or column.fill == "date":
                    cell.number_format = "DD/MM/YYYY"
                elif getattr(column, "number_format", None) and value is not None:
                    cell.number_format = column.number_format
                if column.fill:
                    cell.protection = Protection(locked=False)
                    cell.fill = to_fill
        last = len(sheet.rows) + 1
        for col, column in enumerate(sheet.columns):
            if column.fill and last > 1:
                letter = column_letter(col)
                ws.add_data_validation(
                    _validation(DataValidation, column.fill, column.choices, letter, last)
                )
        ws.freeze_panes = "B2" if sheet.autofilter else "A2"
        if sheet.autofilter and sheet.rows:
            ws.auto_filter.ref = f"A1:{column_letter(len(sheet.columns) - 1)}{last}"
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if sheet.protect:
            ws.protection.sheet = True  # no password: a guard against slips, not a lock
            ws.protection.formatColumns = False  # widths may still be changed
        if sheet.hidden:
            ws.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ROW_HEIGHT = 15.5  # points, one line of 12-point Times New Roman


def _lines(columns: Any, values: list[Any]) -> int:
    """The lines the row's wrapped text takes, so that its height shows it all (a
    spreadsheet does not grow a row that openpyxl wrote)."""
    import math

    most = 1
    for column, value in zip(columns, values, strict=False):
        if column.wrap and isinstance(value, str) and value:
            most = max(most, math.ceil(len(value) * 1.1 / max(column.width, 1)))
    return min(most, 15)


def _validation(cls: Any, kind: str, choices: tuple[str, ...], letter: str, last: int) -> Any:
    """The check a cell to fill carries: a list of states, a date, a number, text."""
    area = f"{letter}2:{letter}{last}"
    if kind == "state":
        dv = cls(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
        dv.error, dv.errorTitle = "Chọn một tình trạng trong danh sách", "Tình trạng"
    elif kind == "date":
        dv = cls(type="date", operator="between", formula1="1", formula2="73050", allow_blank=True)
        dv.error, dv.errorTitle = "Ghi một ngày, ví dụ 14/06/2023", "Ngày"
    elif kind == "number":
        dv = cls(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        dv.error, dv.errorTitle = "Ghi một số không âm, ví dụ 72,5", "Số"
    else:
        dv = cls(type="textLength", operator="lessThanOrEqual", formula1="2000", allow_blank=True)
        dv.error, dv.errorTitle = "Tối đa 2000 ký tự", "Văn bản"
    dv.showErrorMessage = True
    dv.add(area)
    return dv


def to_csv(sheet: SheetLike) -> bytes:
    """One table as UTF-8 CSV with a byte order mark, so that Excel reads Vietnamese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in sheet.columns])
    for row in sheet.rows:
        writer.writerow(["" if v is None else _csv_value(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and reads_as_formula(value):
        return "'" + value  # CSV injection: a spreadsheet would run "=…", "= …", "+ …"
    return value


# --- reading ------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    value: Any  # str, int, float, date, or None; a formula's text when `formula`
    formula: bool = False


@dataclass
class ReadSheet:
    name: str
    rows: list[list[Cell]]  # row 1 first
    hidden: bool = False


def check_package(data: bytes, label: str) -> None:
    """Refuse a workbook whose zip could exhaust memory before a cell is read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            _check_parts(package, label)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UsageError("not-a-workbook", path=label) from None


def _check_parts(package: zipfile.ZipFile, label: str) -> None:
    members = package.infolist()
    if len(members) > MAX_MEMBERS:
        raise UsageError("workbook-too-large", path=label, what=f"{len(members)} parts")
    total = 0
    for m in members:
        total += m.file_size
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > MAX_PART_BYTES or (m.file_size > 1 << 20 and ratio > MAX_RATIO):
            raise UsageError("workbook-too-large", path=label, what=m.filename[:80])
    if total > MAX_UNPACKED_BYTES:
        raise UsageError("workbook-too-large", path=label, what=f"{total:,} bytes unpacked")
    for m in members:
        if m.filename.endswith((".xml", ".rels", ".vml")):
            with package.open(m) as part:  # only the head: a DTD stands before the root
                head = part.read(4096).upper()
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                # No part of a workbook needs a DTD; entities could expand without end.
                raise UsageError("workbook-entities", path=label, part=m.filename[:80])


def read_workbook(path: Path) -> list[ReadSheet]:
    """Every sheet of the workbook at `path`, as values; formulas flagged, never run."""
    from cchc_cli.files.reader import read_regular

    label = str(path)
    data = read_regular(path, MAX_WORKBOOK_BYTES, "workbook")
    if data is None:
        raise UsageError(
            "workbook-too-large", path=label, what=f"over {MAX_WORKBOOK_BYTES:,} bytes"
        )
    check_package(data, label)
    import openpyxl.xml

    if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise UsageError("no-defusedxml")
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=False, data_only=False)
    except Exception as exc:  # noqa: BLE001 - a broken workbook is the user's input
        why = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        raise UsageError("workbook-unreadable", path=label, why=why[:200]) from None
    sheets = []
    for ws in book.worksheets:
        rows: list[list[Cell]] = []
        for r, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS)):
            if r >= MAX_ROWS:
                raise UsageError("workbook-too-large", path=label, what=f"{ws.title}: rows")
            rows.append([_read_cell(c) for c in row])
        sheets.append(ReadSheet(ws.title, rows, hidden=ws.sheet_state != "visible"))
    return sheets


def _read_cell(cell: Any) -> Cell:
    value = cell.value
    if cell.data_type == "f":
        return Cell(str(value), formula=True)
    if isinstance(value, datetime):
        return Cell(value.date())
    if isinstance(value, str):
        return Cell(value.strip() or None)
    if isinstance(value, bool | int | float | date) or value is None:
        return Cell(value)
    return Cell(str(value))
