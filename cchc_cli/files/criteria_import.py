"""`cchc criteria FILE`: a scoring set read from the decision's appendix table, as the
officer has it (.docx or .xlsx), into the YAML of `plan.criteria`, keeping the decision's
wording.

The table is found by its column "Điểm tối đa" (maximum points); the column of codes is
the first (STT, TT, Mã), the wording the one headed by "tiêu chí", "lĩnh vực" or "nội
dung". A row coded "1" (or "I") opens an area, "1.1" a criterion, "1.1.1" its component;
a row without a code under an item is a line of how that item is scored, kept verbatim
(`cach_cham_goc`). Every leaf is scored by the officer (`tu_cham`) until the officer says
otherwise: how a criterion is scored, and which rule of cchc scores it, is never guessed
from its wording.

Untrusted input: the workbook is read by `files.workbook` (bounded, zip checked, no
formulas run); a .docx is a zip checked the same way, whose document part is parsed
through defusedxml. All problems are said at their cell (`FILE.xlsx:Sheet!C12`,
`FILE.docx:bảng 2, dòng 7`), and nothing is written while any remains.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cchc_cli import words
from cchc_cli.errors import Problem, ProblemsFound, Source, UsageError
from cchc_cli.plan.lookup import fold

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_AREA = re.compile(r"^(?:[0-9]+|[IVXLC]+)\.?$")
_CODE = re.compile(r"^[0-9]+(?:\.[0-9]+)+\.?$")


@dataclass
class Cell:
    text: str
    where: str  # "Sheet!C12" or "bảng 1, dòng 12, cột 3"


@dataclass
class Item:
    code: str
    name: str
    points: float | None
    where: Cell
    depth: int  # 0 an area, 1 a criterion, 2 a component, ...
    lines: list[str] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)


@dataclass
class Meta:
    """The decision and the set's own fields, from the command line."""

    number: str
    issuer: str
    issued: date | None
    year: int | None
    name: str
    level: str
    plan_year: int | None


# --- reading tables ---------------------------------------------------------------------


def read_tables(path: Path) -> tuple[list[list[list[Cell]]], list[Problem]]:
    """Every table of the file (a workbook's sheets, a Word document's tables), and what the
    workbook library warned of, in cchc's words."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from cchc_cli.files.workbook import column_letter, read_workbook

        book = read_workbook(path)
        tables = []
        for sheet in book.sheets:
            rows = []
            for r, row in enumerate(sheet.rows, 1):
                cells = []
                for c, cell in enumerate(row):
                    value = cell.value
                    where = f"{sheet.name}!{column_letter(c)}{r}"
                    if cell.formula:
                        raise ProblemsFound([_problem(path, where, "cell-formula",
                                                      formula=str(value)[:40])])  # fmt: skip
                    cells.append(Cell(_text(value), where))
                rows.append(cells)
            width = max((len(r) for r in rows), default=0)
            for r, cells in enumerate(rows, 1):  # a blank cell at the end is still a cell
                cells += [Cell("", f"{sheet.name}!{column_letter(c)}{r}")
                          for c in range(len(cells), width)]  # fmt: skip
            tables.append(rows)
        return tables, book.warnings
    if suffix == ".docx":
        return _docx_tables(path), []
    raise UsageError("import-not-table", path=str(path))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split())


def _docx_tables(path: Path) -> list[list[list[Cell]]]:
    """The tables of a .docx, as the one Word reader reads them (`files.word`: the package
    checked before it is unpacked, its XML parsed without DTDs). A cell spanning several
    columns stands in each, so that columns line up by index; a cell that continues a
    vertical merge is empty, as Word shows it."""
    from cchc_cli.files.word import Table, read_docx

    tables = []
    for table in (b for b in read_docx(path).blocks if isinstance(b, Table)):
        rows = []
        for r, row in enumerate(table.rows, 1):
            cells: list[Cell] = []
            for cell in row:
                where = words.say("imp_cell", table=table.number, row=r, col=cell.col + 1)
                cells += [Cell("" if cell.merged else cell.text, where)] * min(cell.span, 50)
            rows.append(cells)
        tables.append(rows)
    return tables


def _problem(path: Path, where: str, say: str, **args: Any) -> Problem:
    return words.new_problem(Source(f"{path}:{where}"), "error", "criteria-import", say, **args)


# --- the table of criteria --------------------------------------------------------------


def _columns(header: list[Cell]) -> tuple[int, int, int] | None:
    """The columns of codes, wording and maximum points, from a header row."""
    folded = [fold(c.text) for c in header]
    points = next((i for i, t in enumerate(folded) if "diem toi da" in t), None)
    if points is None:
        return None
    code = next(
        (i for i, t in enumerate(folded) if t in ("stt", "tt", "ma", "so tt", "so thu tu")), 0
    )
    name = next(
        (i for i, t in enumerate(folded)
         if i not in (code, points) and ("tieu chi" in t or "linh vuc" in t or "noi dung" in t)),
        code + 1,
    )  # fmt: skip
    return code, name, points


def _points(text: str) -> float | None:
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?", cleaned) is None:
        raise ValueError(text)
    return float(cleaned.replace(",", "."))


def _cell_at(row: list[Cell], i: int) -> Cell:
    """A row's cell in column `i`; an empty one (said at the row's last cell) past its end."""
    return row[i] if i < len(row) else Cell("", row[-1].where if row else "")


@dataclass
class _Outline:
    """The items read so far: the areas, the items open for children or lines (innermost
    last), and the problems found."""

    path: Path
    areas: list[Item] = field(default_factory=list)
    open: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def line(self, name: str, points: str) -> None:
        """A row without a code: a line of how the open item is scored, kept verbatim."""
        if self.open:
            self.open[-1].lines.append(f"{name}: {points}" if points else name)

    def item(self, code_cell: Cell, code: str, name: str, points_cell: Cell) -> None:
        """A coded row: an area ("1", "I"), a criterion ("1.1") or a component ("1.1.1"),
        under the item it belongs to."""
        points = self.points(points_cell, code)
        depth = 0 if _AREA.match(code_cell.text.strip()) else code.count(".")
        item = Item(code, name, points, code_cell, depth)
        while self.open and self.open[-1].depth >= depth:
            self.open.pop()
        if depth == 0:
            self.areas.append(item)
        elif self.open and self.open[-1].depth == depth - 1 and _under(code, self.open[-1].code):
            self.open[-1].children.append(item)
        else:
            self.problems.append(_problem(self.path, code_cell.where, "import-orphan", ma=code))
            return
        self.open.append(item)

    def points(self, cell: Cell, code: str) -> float | None:
        """The maximum points of a row; a problem at its cell when it is not a number, or
        (the first problem only) when it is missing."""
        try:
            points = _points(cell.text)
        except ValueError:
            self.problems.append(_problem(self.path, cell.where, "import-points",
                                          value=cell.text[:40]))  # fmt: skip
            points = None
        if points is None and not self.problems:
            self.problems.append(_problem(self.path, cell.where, "import-no-points", ma=code))
        return points


def _under(code: str, parent: str) -> bool:
    """Whether "1.2.3" belongs under "1.2": by its number, where the parent is numbered so
    (an area numbered "I" holds criteria "1.1", …)."""
    if not re.fullmatch(r"\d+(\.\d+)*", parent):
        return True
    return code.startswith(parent + ".")


def parse_table(path: Path, rows: list[list[Cell]]) -> tuple[list[Item], list[Problem]] | None:
    """The areas of a table of criteria, or None when the table is not one."""
    headers = ((h, _columns(header)) for h, header in enumerate(rows))
    h, cols = next(((h, c) for h, c in headers if c is not None), (0, None))
    if cols is None:
        return None
    outline = _Outline(path)
    for row in rows[h + 1 :]:
        code_cell, name_cell, points_cell = (_cell_at(row, i) for i in cols)
        code = code_cell.text.strip().rstrip(".")
        name = " ".join(name_cell.text.split())
        if not code:
            if name:
                outline.line(name, points_cell.text.strip())
        elif _AREA.match(code_cell.text.strip()) or _CODE.match(code_cell.text.strip()):
            outline.item(code_cell, code, name, points_cell)
        # else: a note or a total row
    return outline.areas, outline.problems


# --- YAML out ------------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a double-quoted YAML scalar


def _emit(value: Any, indent: int = 0) -> list[str]:
    """Block YAML of plain data: mappings, lists (of mappings or scalars) and scalars."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict | list):
                lines.append(f"{pad}{k}:")
                lines += _emit(v, indent + 2)
            else:
                lines.append(f"{pad}{k}: {_scalar(v)}")
        return lines
    for v in value:
        if isinstance(v, dict):
            inner = _emit(v, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines += inner[1:]
        else:
            lines.append(f"{pad}- {_scalar(v)}")
    return lines


def _criterion(item: Item) -> dict[str, Any]:
    found: dict[str, Any] = {"ma": item.code, "ten": item.name, "diem_toi_da": item.points}
    if item.children:
        found["thanh_phan"] = [_criterion(c) for c in item.children]
    else:
        found["cach_cham"] = {"kieu": "tu_cham"}
    if item.lines:
        found["cach_cham_goc"] = item.lines
    return found


def to_yaml(areas: list[Item], meta: Meta, source: str) -> str:
    decision: dict[str, Any] = {"so": meta.number}
    if meta.issued is not None:
        decision["ngay"] = meta.issued.isoformat()
    else:
        decision["nam"] = meta.year
    decision.update({"co_quan": meta.issuer, "dia_chi": source})
    data: dict[str, Any] = {
        "ten": meta.name,
        "cap": meta.level,
    }
    if meta.plan_year is not None:
        data["nam"] = meta.plan_year
    data.update(
        {
            "quyet_dinh": decision,
            "loi_van": "chinh_thuc",
            "tong_diem": round(sum(a.points or 0 for a in areas), 6),
            "linh_vuc": [
                {
                    "ma": a.code,
                    "ten": a.name,
                    "diem_toi_da": a.points,
                    "tieu_chi": [_criterion(c) for c in a.children],
                }  # fmt: skip
                for a in areas
            ],
        }
    )
    head = [
        "# yaml-language-server: $schema=../../schema/criteria.schema.json",
        words.label("vi", "imp_header").format(source=source),
        words.label("vi", "imp_header_next"),
    ]
    return "\n".join(head + _emit(data)) + "\n"


def _where_of(areas: list[Item]) -> dict[tuple[Any, ...], Cell]:
    """The cell of each item, by its path in the YAML made of it."""
    found: dict[tuple[Any, ...], Cell] = {}

    def walk(items: list[Item], loc: tuple[Any, ...]) -> None:
        for i, item in enumerate(items):
            here = (*loc, i)
            found[here] = item.where
            walk(item.children, (*here, "thanh_phan"))

    for ai, area in enumerate(areas):
        found[("linh_vuc", ai)] = area.where
        walk(area.children, ("linh_vuc", ai, "tieu_chi"))
    return found


def import_table(path: Path, meta: Meta) -> tuple[str, int, int, float, list[Problem]]:
    """The YAML of the set the file's table holds, checked as `cchc validate` checks a set;
    the areas, criteria and total, and the workbook library's warnings. ProblemsFound, each
    at its cell, when it does not hold."""
    from cchc_cli.files.reader import parse_text, validate
    from cchc_cli.plan.criteria import CriteriaSet, check_criteria

    found = None
    tables, warnings = read_tables(path)
    for rows in tables:
        found = parse_table(path, rows)
        if found is not None and found[0]:
            break
    if found is None or not found[0]:
        raise UsageError("import-no-table", path=str(path))
    areas, problems = found
    if problems:
        raise ProblemsFound(problems)
    text = to_yaml(areas, meta, path.name)
    loaded = parse_text(str(path), text)
    cset = validate(loaded, CriteriaSet)
    if cset is None:  # pragma: no cover - what the table gives is the schema's shape
        raise ProblemsFound(loaded.problems)
    cells = _where_of(areas)
    for finding in check_criteria(cset):
        loc = tuple(finding.loc)
        while loc and loc not in cells:
            loc = loc[:-1]
        where = cells[loc].where if loc else "1"
        message = {"say": finding.say, "args": finding.args}
        problems.append(_problem(path, where, "import-check", problem=message))
    if problems:
        raise ProblemsFound(problems)
    count = sum(1 for _ in _count(areas))
    return text, len(areas), count, cset.tong_diem, warnings


def _count(items: list[Item]) -> Any:
    """Every criterion and component under the given items."""
    for item in items:
        yield from item.children
        yield from _count(item.children)
