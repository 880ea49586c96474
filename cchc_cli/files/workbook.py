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
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from cchc_cli.errors import Problem, Source, UsageError
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


# What a returned workbook may hold, checked before openpyxl builds anything. A unit's sheet
# of a plan of 10,000 tasks (far beyond any department's) stays under every limit; reading
# one at the limits takes a few seconds and a few hundred MiB at most.
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 200
MAX_PART_BYTES = 25 * 1024 * 1024  # any one part, unpacked
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed, for parts over 1 MB
MAX_SHEETS = 32
MAX_ROWS, MAX_COLUMNS = 12_000, 40  # the last row any cell or row names; the columns read
MAX_CELLS = 150_000  # cells written in all sheets together
MAX_MERGED = 1_000  # merged ranges in one sheet
# XML elements in all parts together: those cells and their text are made of; those of
# formatted text within a cell (runs, each with its font); and the rest (styles,
# validations, formatting, names…). openpyxl builds an object or more for each of the last
# two kinds: a workbook at these limits is read in a few seconds.
MAX_BULK, MAX_RICH, MAX_STRUCTURE = 600_000, 50_000, 30_000
_BULK = frozenset(["row", "c", "v", "f", "is", "t", "si"])
_RICH = frozenset((
    "r", "rPr", "rPh", "phoneticPr", "b", "i", "u", "sz", "color", "rFont", "family", "scheme",
    "strike", "vertAlign", "charset", "outline", "shadow", "condense", "extend",
))  # fmt: skip
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
    """The workbook's bytes. A sheet with a title block (`Sheet.title`) has it above its
    header, each line merged across the table's width, then a blank row, then the header,
    which is frozen and repeated on every printed page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    style = _Style.made()
    for sheet in sheets:
        ws = book.create_sheet(sheet.name[:31])
        title = list(getattr(sheet, "title", None) or [])
        head = len(title) + 2 if title else 1  # the header's row
        _title_block(ws, title, sheet.columns, Alignment, Font)
        _header(ws, sheet, head, style)
        _body(ws, sheet, head, style)
        _validations(ws, sheet, head)
        _page(ws, sheet, head)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class _Style:
    """The look of a sheet's cells: borders, the header's and the body's fonts, the fill of
    the cells to fill in."""

    border: Any
    header_font: Any
    body_font: Any
    to_fill: Any

    @classmethod
    def made(cls) -> _Style:
        from openpyxl.styles import Border, Font, PatternFill, Side

        thin = Side(style="thin", color="999999")
        return cls(
            border=Border(left=thin, right=thin, top=thin, bottom=thin),
            header_font=Font(name=FONT, size=12, bold=True),
            body_font=Font(name=FONT, size=12),
            to_fill=PatternFill("solid", fgColor="FFF7D6"),
        )


def _header(ws: Any, sheet: SheetLike, head: int, style: _Style) -> None:
    """The header row, its columns' widths, as tall as its wrapped words."""
    from openpyxl.styles import Alignment

    for col, column in enumerate(sheet.columns):
        cell = ws.cell(row=head, column=col + 1, value=column.header)
        cell.font, cell.border = style.header_font, style.border
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[column_letter(col)].width = column.width
    ws.row_dimensions[head].height = ROW_HEIGHT * _header_lines(sheet.columns)


def _body(ws: Any, sheet: SheetLike, head: int, style: _Style) -> None:
    """The rows below the header, each as tall as its wrapped text; plan text stays text,
    dates and numbers in their formats, the cells to fill unlocked and shaded."""
    from openpyxl.styles import Alignment, Protection

    for r, values in enumerate(sheet.rows, start=head + 1):
        ws.row_dimensions[r].height = ROW_HEIGHT * _lines(sheet.columns, values)
        for col, (column, value) in enumerate(zip(sheet.columns, values, strict=False)):
            cell = ws.cell(row=r, column=col + 1, value=value)
            if isinstance(value, str) and cell.data_type == "f":
                cell.data_type = "s"  # plan text is data: "=…" stays text, never a formula
            cell.font, cell.border = style.body_font, style.border
            cell.alignment = Alignment(wrap_text=column.wrap, vertical="top")
            if isinstance(value, date) or column.fill == "date":
                cell.number_format = "DD/MM/YYYY"
            elif getattr(column, "number_format", None) and value is not None:
                cell.number_format = column.number_format
            if column.fill:
                cell.protection = Protection(locked=False)
                cell.fill = style.to_fill


def _validations(ws: Any, sheet: SheetLike, head: int) -> None:
    """The checks of the cells to fill, column by column: one per kind of cell, over the
    fewest ranges (a cell of its own kind, `Sheet.fills`, beside those of its column)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if not sheet.rows:
        return
    fills: dict[tuple[int, int], str] = dict(getattr(sheet, "fills", None) or {})
    dates = getattr(sheet, "dates", None)
    for col, column in enumerate(sheet.columns):
        if not column.fill:
            continue
        letter = column_letter(col)
        kinds: dict[str, list[str]] = {}
        for i in range(len(sheet.rows)):
            kind = fills.get((i, col), column.fill)
            kinds.setdefault(kind, []).append(f"{letter}{head + 1 + i}")
        for kind, cells in kinds.items():
            ws.add_data_validation(_validation(DataValidation, kind, column.choices,
                                               _ranges(cells), dates))  # fmt: skip


def _page(ws: Any, sheet: SheetLike, head: int) -> None:
    """What the sheet does beyond its cells: the header frozen (the ids too, with a
    filter) and repeated on every printed page, A4 landscape a page wide, protection
    without a password, hidden."""
    last = len(sheet.rows) + head
    ws.freeze_panes = f"B{head + 1}" if sheet.autofilter else f"A{head + 1}"
    if sheet.autofilter and sheet.rows:
        ws.auto_filter.ref = f"A{head}:{column_letter(len(sheet.columns) - 1)}{last}"
    ws.print_title_rows = f"{head}:{head}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if sheet.protect:
        ws.protection.sheet = True  # no password: a guard against slips, not a lock
        ws.protection.formatColumns = False  # widths may still be changed
    if sheet.hidden:
        ws.sheet_state = "hidden"


ROW_HEIGHT = 15.5  # points, one line of 12-point Times New Roman
TITLE_SIZES = {"title": 14, "field": 12, "how": 12}


def _title_block(ws: Any, title: list[tuple[str, str]], columns: Any, alignment: Any,
                 font: Any) -> None:  # fmt: skip
    """The lines above the header, each merged across the table's width and as tall as
    its wrapped text."""
    import math

    width = sum(c.width for c in columns) or 1
    last = len(columns)
    for r, (role, text) in enumerate(title, start=1):
        cell = ws.cell(row=r, column=1, value=text)
        if cell.data_type == "f":
            cell.data_type = "s"
        cell.font = font(name=FONT, size=TITLE_SIZES.get(role, 12), bold=role == "title",
                         italic=role == "how")  # fmt: skip
        cell.alignment = alignment(wrap_text=True, vertical="top",
                                   horizontal="center" if role == "title" else "left")  # fmt: skip
        if last > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last)
        lines = max(1, math.ceil(len(text) * 0.95 / width))  # Times is narrower than a unit
        ws.row_dimensions[r].height = (ROW_HEIGHT + (3 if role == "title" else 0)) * lines


def _ranges(cells: list[str]) -> str:
    """Cells of one column ("E10", "E11", "E13") as the fewest ranges ("E10:E11 E13")."""
    out: list[str] = []
    run: list[tuple[str, int]] = []
    for ref in cells:
        letter = ref.rstrip("0123456789")
        row = int(ref[len(letter) :])
        if run and run[-1][0] == letter and run[-1][1] == row - 1:
            run.append((letter, row))
            continue
        if run:
            out.append(_span(run))
        run = [(letter, row)]
    if run:
        out.append(_span(run))
    return " ".join(out)


def _span(run: list[tuple[str, int]]) -> str:
    (letter, first), (_l, last) = run[0], run[-1]
    return f"{letter}{first}" if first == last else f"{letter}{first}:{letter}{last}"


def _lines(columns: Any, values: list[Any]) -> int:
    """The lines the row's wrapped text takes, so that its height shows it all (a
    spreadsheet does not grow a row that openpyxl wrote)."""
    import math

    most = 1
    for column, value in zip(columns, values, strict=False):
        if column.wrap and isinstance(value, str) and value:
            lines = sum(
                max(1, math.ceil(len(part) * 1.1 / max(column.width, 1)))
                for part in value.split("\n")
            )
            most = max(most, lines)
    return min(most, 15)


def _header_lines(columns: Any) -> int:
    """The lines the header's wrapped words take (bold, so a little wider than the rest)."""
    import math

    return max((math.ceil(len(c.header) * 1.3 / max(c.width, 1)) for c in columns), default=1)


EXCEL_EPOCH = date(1899, 12, 30)


def _validation(cls: Any, kind: str, choices: tuple[str, ...], area: str,
                dates: tuple[date, date] | None = None) -> Any:  # fmt: skip
    """The check a cell to fill carries: a list of states, a date (within `dates`), a
    number, a percentage, a count, text."""
    from cchc_cli import words

    said = words.SHEET_CHECKS[kind]
    if kind == "state":
        dv = cls(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    elif kind == "date":
        first, last = dates or (date(1900, 1, 1), date(2099, 12, 31))
        dv = cls(type="date", operator="between", formula1=str((first - EXCEL_EPOCH).days),
                 formula2=str((last - EXCEL_EPOCH).days), allow_blank=True)  # fmt: skip
        said = (said[0].format(first=first.strftime("%d/%m/%Y")), said[1])
    elif kind == "percent":
        dv = cls(type="decimal", operator="between", formula1="0", formula2="100",
                 allow_blank=True)  # fmt: skip
    elif kind == "count":
        dv = cls(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    elif kind == "number":
        dv = cls(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    else:
        most = "20000" if kind == "prose" else "2000"
        dv = cls(type="textLength", operator="lessThanOrEqual", formula1=most, allow_blank=True)
    dv.error, dv.errorTitle = said
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
        return value.strftime("%d/%m/%Y")  # as people write a date, day first
    if isinstance(value, str) and reads_as_formula(value):
        return "'" + value  # CSV injection: a spreadsheet would run "=…", "= …", "+ …"
    return value


# --- reading ------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    value: Any  # str, int, float, date, or None; a formula's text when `formula`
    formula: bool = False
    percent: bool = False  # a number shown as a percent: 0.725 is what "72,5%" typed gives


@dataclass
class ReadSheet:
    name: str
    rows: list[list[Cell]]  # row 1 first
    hidden: bool = False


@dataclass
class ReadBook:
    """A workbook's sheets as values, and what the reading library warned of, in cchc's
    words (warnings at the workbook's name)."""

    sheets: list[ReadSheet]
    warnings: list[Problem] = field(default_factory=list)


# An encrypted workbook (Excel's "Encrypt with password") and an Excel 97-2003 .xls are OLE
# compound files, not zips: their first eight bytes.
OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
# The compression methods Excel and LibreOffice write; zipfile reads others (or says it
# cannot: Deflate64), and none has a place in a workbook.
ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
ZIP_METHOD_NAMES = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 98: "PPMd"}


class _Refused(Exception):
    """A DTD or an entity declaration met while scanning a part."""


@dataclass
class _Tally:
    """What the XML of a workbook holds, counted before openpyxl reads it: the numbers that
    decide its time and memory (sheets, rows, cells, merged ranges, elements)."""

    label: str
    part: str = ""
    bulk: int = 0
    rich: int = 0
    structure: int = 0
    sheets: int = 0
    cells: int = 0
    merged: int = 0
    chart_sheets: int = 0
    last_row: int = 0  # of the part being read: a row without `r` follows the one before
    names: set[str] = field(default_factory=set)  # the sheets' names, as Excel compares them

    def limit(self, what: str, count: int, most: int, part: str = "") -> UsageError:
        where = f"{part}: " if part else ""
        return UsageError("workbook-limit", path=self.label, where=where,
                          limit={"say": f"limit-{what}", "args": {"count": count, "most": most}})  # fmt: skip

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name[name.rfind("}") + 1 :]
        if local in _BULK:
            self.bulk += 1
            if self.bulk > MAX_BULK:
                raise self.limit("elements", self.bulk, MAX_BULK)
        elif local in _RICH:
            self.rich += 1
            if self.rich > MAX_RICH:
                raise self.limit("rich", self.rich, MAX_RICH)
        else:
            self.structure += 1
            if self.structure > MAX_STRUCTURE:
                raise self.limit("structure", self.structure, MAX_STRUCTURE)
        if local == "c":
            self.cells += 1
            self._row(_row_of(attrs.get("r", "")))
        elif local == "row":
            given = attrs.get("r", "")
            self._row(given if given else str(self.last_row + 1))
        elif local == "mergeCell":
            self.merged += 1
        elif local == "sheet":
            self.sheets += 1
            self._name(attrs.get("name", ""))
        elif local == "Relationship" and attrs.get("Type", "").endswith("/chartsheet"):
            self.chart_sheets += 1

    def _row(self, text: str) -> None:
        if text.isdigit() and text.isascii():
            self.last_row = int(text)
            if self.last_row > MAX_ROWS:
                raise self.limit("rows", self.last_row, MAX_ROWS, self.part)

    def _name(self, name: str) -> None:
        """Two sheets of one name: which one a reader takes is its own choice (openpyxl's
        read-only mode takes the last), so a filled one could be passed over unsaid."""
        key = name.casefold()
        if key in self.names:
            raise UsageError("workbook-sheet-twice", path=self.label, sheet=name[:60])
        self.names.add(key)

    def after_part(self, part: str, merged_before: int) -> None:
        if self.merged - merged_before > MAX_MERGED:
            raise self.limit("merged", self.merged - merged_before, MAX_MERGED, part)

    def at_end(self) -> None:
        if self.sheets > MAX_SHEETS:
            raise self.limit("sheets", self.sheets, MAX_SHEETS)
        if self.cells > MAX_CELLS:
            raise self.limit("cells", self.cells, MAX_CELLS)
        if self.chart_sheets:
            raise UsageError("workbook-chart-sheet", path=self.label)


def _row_of(reference: str) -> str:
    """The row of a cell reference: "A900000" → "900000"."""
    return reference.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$").lstrip("$")


def check_package(data: bytes, label: str) -> None:
    """Refuse a workbook that could exhaust time or memory, or hide what it holds, before
    openpyxl builds anything: a password-protected file, too many or too large parts,
    encrypted parts or compression a workbook does not use, damaged parts, a DTD or entity
    declaration in any part (whatever its name or encoding: every part is read as an XML
    parser reads it), and more sheets, rows, cells or merged ranges than a unit's sheet has."""
    if data.startswith(OLE_SIGNATURE):
        raise UsageError("workbook-encrypted", path=label)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise UsageError("not-a-workbook", path=label) from None
    with package:
        members = package.infolist()
        tally = _Tally(label)
        if len(members) > MAX_MEMBERS:
            raise tally.limit("parts", len(members), MAX_MEMBERS)
        total = 0
        names: set[str] = set()
        for m in members:
            part = _shown(m.filename)
            if m.filename.casefold() in names:  # which of two parts of one name is read?
                raise UsageError("workbook-part-twice", path=label, part=part)
            names.add(m.filename.casefold())
            if m.flag_bits & 0x1:
                raise UsageError("workbook-part-encrypted", path=label, part=part)
            if m.compress_type not in ZIP_METHODS:
                method = ZIP_METHOD_NAMES.get(m.compress_type) or {
                    "say": "zip-method", "args": {"n": m.compress_type}}  # fmt: skip
                raise UsageError("workbook-compression", path=label, part=part, method=method)
            total += m.file_size
            ratio = m.file_size / max(m.compress_size, 1)
            if m.file_size > MAX_PART_BYTES:
                raise tally.limit("part-bytes", m.file_size, MAX_PART_BYTES, part)
            if m.file_size > 1 << 20 and ratio > MAX_RATIO:  # a zip bomb
                raise tally.limit("ratio", int(ratio), MAX_RATIO, part)
        if total > MAX_UNPACKED_BYTES:
            raise tally.limit("bytes", total, MAX_UNPACKED_BYTES)
        for m in members:
            _scan(package, m, tally)
        tally.at_end()


def _shown(name: str) -> str:
    return name[:80]


def _scan(package: zipfile.ZipFile, member: zipfile.ZipInfo, tally: _Tally) -> None:
    """Read one part whole (a damaged part shows itself: zipfile checks each part's CRC
    once it is read to its end) and feed it to an XML parser as openpyxl's would see it,
    counting what it holds; a part that is not XML (an image) is only read."""
    import zlib
    from xml.parsers import expat

    part = _shown(member.filename)
    tally.part, tally.last_row = part, 0
    parser = expat.ParserCreate(namespace_separator="}")

    def refuse(*_args: Any) -> None:
        raise _Refused

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = tally.start
    xml = True
    merged = tally.merged
    try:
        with package.open(member) as stream:
            while True:
                chunk = stream.read(1 << 16)
                if xml:
                    try:
                        parser.Parse(chunk, not chunk)
                    except expat.ExpatError:
                        xml = False  # not XML, or broken: openpyxl's parser stops there too
                        if member.filename.lower().endswith((".xml", ".rels")):
                            # An XML part this parser cannot read (UTF-32, say) could hide
                            # a DTD from the check above: refused, not skipped.
                            raise UsageError(
                                "workbook-corrupt", path=tally.label, part=part
                            ) from None
                if not chunk:
                    break
    except _Refused:
        # No part of a workbook needs a DTD; entities could expand without end.
        raise UsageError("workbook-entities", path=tally.label, part=part) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError):
        raise UsageError("workbook-corrupt", path=tally.label, part=part) from None
    tally.after_part(part, merged)


def read_workbook(path: Path) -> ReadBook:
    """Every sheet of the workbook at `path`, as values; formulas flagged, never run.

    openpyxl reads it only after `check_package`, in read-only mode (no merged cells built,
    no hyperlinks bound, no drawings or images read), parsing XML through defusedxml, with
    external links left unread; what it warns of is said in cchc's words, never printed."""
    import warnings

    from cchc_cli.files.reader import read_regular

    label = str(path)
    data = read_regular(path, MAX_WORKBOOK_BYTES, "workbook")
    if data is None:
        raise UsageError("workbook-limit", path=label, where="", limit={
            "say": "limit-file-bytes", "args": {"most": MAX_WORKBOOK_BYTES}})  # fmt: skip
    check_package(data, label)
    import openpyxl.xml

    if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise UsageError("no-defusedxml")
    from openpyxl import load_workbook

    sheets = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = None
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=False,
                                 keep_links=False)  # fmt: skip
            for ws in book.worksheets:
                rows = [
                    _read_row(row)
                    for row in ws.iter_rows(min_row=1, max_row=MAX_ROWS, max_col=MAX_COLUMNS)
                ]
                sheets.append(ReadSheet(ws.title, rows, hidden=ws.sheet_state != "visible"))
        except UsageError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken workbook is the user's input
            why = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            raise UsageError("workbook-unreadable", path=label, why=why[:200]) from None
        finally:
            if book is not None:
                book.close()
    return ReadBook(sheets, library_warnings(label, [str(w.message) for w in caught]))


# What openpyxl warns of, by the words of its message, as what cchc says the workbook holds
# that it does not read. Its own text is never shown: it can carry the workbook's text (a
# forged CI command, bidirectional controls) and the library's local paths.
LIBRARY_WARNINGS = (
    ("Print area", "print-area"),
    ("Print title", "print-area"),
    ("extension is not supported", "extension"),
    ("conditional formatting", "formatting"),
    ("marked as a date", "date-serial"),
    ("header or footer", "header"),
    ("Defined name", "defined-name"),
    ("dependency definitions", "relationships"),
    ("style", "styles"),
    ("Title is more than", "sheet-name"),
    ("DrawingML", "drawing"),
    ("image", "drawing"),
    ("chart", "drawing"),
)


def library_warnings(label: str, messages: list[str]) -> list[Problem]:
    """The library's warnings as cchc's: one warning per kind, at the workbook."""
    from cchc_cli import words

    kinds: dict[str, int] = {}
    for message in messages:
        kind = next((k for text, k in LIBRARY_WARNINGS if text.lower() in message.lower()),
                    "other")  # fmt: skip
        kinds[kind] = kinds.get(kind, 0) + 1
    return [
        words.new_problem(
            Source(label),
            "warning",
            "workbook-warning",
            "workbook-warning",
            what={"say": f"wbw-{kind}", "args": {}},
            count=count,
        )  # fmt: skip
        for kind, count in kinds.items()
    ]


_EMPTY = Cell(None)


def _read_row(row: Any) -> list[Cell]:
    """A row's cells up to its last one that holds something (openpyxl pads every row
    to the columns asked for with one shared empty cell)."""
    from openpyxl.cell.read_only import EMPTY_CELL

    cells = [_EMPTY if c is EMPTY_CELL else _read_cell(c) for c in row]
    while cells and cells[-1] is _EMPTY:
        cells.pop()
    return cells


def _read_cell(cell: Any) -> Cell:
    value = cell.value
    if cell.data_type == "f":
        return Cell(str(value), formula=True)
    if isinstance(value, datetime):
        return Cell(value.date())
    if isinstance(value, str):
        return Cell(value.strip() or None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Cell(value, percent=is_percent_format(getattr(cell, "number_format", None)))
    if isinstance(value, bool | date) or value is None:
        return Cell(value)
    return Cell(str(value))


def is_percent_format(code: Any) -> bool:
    """Whether a number format shows its number as a percent ("0%", "0.0%", Calc's "000%"):
    a "%" outside the format's quoted text and escaped characters."""
    if not isinstance(code, str):
        return False
    plain, quoted, escaped = [], False, False
    for c in code:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == '"':
            quoted = not quoted
        elif not quoted:
            plain.append(c)
    return "%" in "".join(plain)
