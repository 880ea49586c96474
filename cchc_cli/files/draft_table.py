"""The appendix table of an issued plan's Word document, read into parts, groups,
objectives, tasks and units (for `files.draft_plan`).

- The columns: the first table whose heading names the appendix's columns (TT, Mục tiêu,
  Nhiệm vụ, Hoạt động, Kết quả/sản phẩm, Chủ trì, Phối hợp, Thời gian hoàn thành, Kinh
  phí), told by the words of the heading in any order and wording ("Đơn vị chủ trì",
  "Thời hạn", "Sản phẩm"), on one row or two ("Đơn vị thực hiện" over "Chủ trì" and
  "Phối hợp"); a row of column numbers under it is passed over, and so are columns it
  does not know (they are named for the officer). Tables right after it with the same
  columns go on with it.
- The rows: a Roman numeral in TT (or leading the one text of a row) starts a part, a
  number such as 7.1 a group; a number in TT, or new text in Mục tiêu, starts an
  objective; new text in Nhiệm vụ a task; a row with nothing new in those but its own
  Thời gian is a further line of the task (`dong_tiep`); any other row's text goes on
  the row above it (a cell continued on a new row), and the officer is told. A cell
  merged down from the row above (Word's vertical merge) counts as that cell.
- The units: the names in Chủ trì and Phối hợp, split at commas, semicolons and lines,
  a bare "Các phòng" before a lower-case part heading one name ("Các phòng, bộ phận liên
  quan"). Names are one unit when their words are the same without case, diacritics, a
  leading "Các" or a trailing "Sở" ("Văn phòng", "Văn phòng Sở"). Ids are made the way
  the 2023 plan makes them: the initials of the shortest name ("Văn phòng" → VP,
  "Bộ phận một cửa" → BPMC), or its head word's initial and its abbreviations ("Các phòng
  chủ trì tham mưu văn bản QPPL" → PQPPL, "BCĐ ISO" → BCDISO); ids that clash take their
  last word in full ("Thanh tra" → TTRA), then a number.

Rows and units are plain dicts shaped like the plan's; `_at` holds each one's row in the
appendix (counted as Word shows the table, on across the tables that go on with it),
`_joined` the rows joined to it. Never prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cchc_cli.files.word import Cell, Table
from cchc_cli.plan.lookup import fold
from cchc_cli.plan.shapes import nfc_key

KEYS = ("tt", "muc_tieu", "nhiem_vu", "hoat_dong", "ket_qua", "chu_tri", "phoi_hop",
        "thoi_han", "kinh_phi")  # fmt: skip
BULLET = re.compile(r"^[-–—•+*]\s*")
ROMAN = re.compile(r"^(?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})\.?$")
GROUP = re.compile(r"^\d+(?:\.\d+)+\.?$")
NUMBER = re.compile(r"^(\d+[a-zđ]?)[.)]?$")
HEADING_IN_CELL = re.compile(
    r"^(?:(?P<roman>[IVX]{1,4})|(?P<group>\d+(?:\.\d+)+))[.)]?\s+(?P<title>\S.*)$", re.S
)
COLUMN_NUMBER = re.compile(r"\(?\d{1,2}\)?")
_TT = {"tt", "stt", "so tt", "so thu tu", "thu tu"}
_COLUMN_WORDS = (
    ("chu_tri", ("chu tri",)),
    ("phoi_hop", ("phoi hop",)),
    ("muc_tieu", ("muc tieu",)),
    ("hoat_dong", ("hoat dong",)),
    ("ket_qua", ("ket qua", "san pham")),
    ("thoi_han", ("thoi gian", "thoi han", "hoan thanh", "tien do")),
    ("kinh_phi", ("kinh phi",)),
    ("nhiem_vu", ("nhiem vu", "noi dung")),
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def one_line(text: str) -> str:
    return " ".join(text.split())


def column_key(header: str) -> str | None:
    """The appendix column a heading names, by its words (any case, with or without
    diacritics): "Đơn vị chủ trì" → chu_tri, "Thời hạn" → thoi_han."""
    words = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(header)).split())
    if words in _TT:
        return "tt"
    for key, names in _COLUMN_WORDS:
        if any(n in words for n in names):
            return key
    return None


@dataclass
class Columns:
    keys: dict[str, int]  # key → grid column
    header_rows: int
    extra: list[str] = field(default_factory=list)  # headings of the columns not read


def find_columns(table: Table) -> Columns | None:
    """The appendix's columns when `table` is headed like the appendix (Nhiệm vụ and two
    more of its columns), from a heading of one row or, where that names more, two."""
    best: Columns | None = None
    for rows in (1, 2):
        if len(table.rows) < rows:
            break
        texts: dict[int, list[str]] = {}
        for row in table.rows[:rows]:
            for cell in row:
                if cell.text and not cell.merged:
                    for col in range(cell.col, cell.col + cell.span):
                        texts.setdefault(col, []).append(one_line(cell.text))
        keys: dict[str, int] = {}
        extra: list[str] = []
        for col, parts in sorted(texts.items()):
            text = " ".join(parts)
            key = column_key(text)
            if key is None:
                extra.append(text)
            else:
                keys.setdefault(key, col)
        if "nhiem_vu" in keys and len(keys) >= 3 and (best is None or len(keys) > len(best.keys)):
            best = Columns(keys, rows, list(dict.fromkeys(extra)))
    return best


def roman_value(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < nxt else value
    return total


def activities(text: str) -> list[str]:
    """A Hoạt động cell as the plan lists it: one item a line; where lines start with a
    dash, a line without one goes on the item above."""
    lines = [ln for ln in text.split("\n") if ln]
    if not any(BULLET.match(ln) for ln in lines):
        return lines
    items: list[str] = []
    for ln in lines:
        if BULLET.match(ln) or not items:
            items.append(ln)
        else:
            items[-1] += " " + ln
    return items


# --- units ---------------------------------------------------------------------------------


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _collective(name: str) -> bool:
    return fold(name).split()[:1] in (["cac"], ["nhung"])


class Units:
    """The unit registry made from the names in the Chủ trì and Phối hợp cells."""

    SMALL = {"và", "có", "của", "với", "cho", "tại"}  # words left out of an id

    def __init__(self) -> None:
        self.names: dict[str, list[str]] = {}  # key → the names printed, first seen first

    @staticmethod
    def key(name: str) -> str:
        words = fold(name).replace(",", " ").split()
        if words[:1] in (["cac"], ["nhung"]):
            words = words[1:]
        if len(words) > 1 and name.split()[-1].lower() == "sở":
            words = words[:-1]
        return " ".join(words)

    @staticmethod
    def split(text: str) -> list[str]:
        """The unit names of a cell."""
        parts = [p.strip(" .;:") for p in re.split(r"[,;\n]", text)]
        parts = [p for p in parts if p]
        for i, part in enumerate(parts):
            bare = len(part.split()) <= 2 and _collective(part)
            if bare and i + 1 < len(parts) and parts[i + 1][:1].islower():
                return [*parts[:i], ", ".join(parts[i:])]
        return parts

    def add(self, text: str) -> list[str]:
        """The keys of the units a cell names (recorded)."""
        keys: list[str] = []
        for name in self.split(text):
            key = self.key(name)
            if not key:
                continue
            seen = self.names.setdefault(key, [])
            if name not in seen:
                seen.append(name)
            if key not in keys:
                keys.append(key)
        return keys

    def official(self, key: str) -> str:
        """The name a unit gets (`ten`): its longest name, capitalised ones first."""
        names = self.names[key]
        return max([n for n in names if n[:1].isupper()] or names, key=len)

    @classmethod
    def initials(cls, name: str) -> str:
        words = [w for w in re.split(r"[\s,;.()/:&-]+", name) if w]
        if words and _collective(words[0]):
            words = words[1:]
        upper = [w for w in words if len(w) >= 2 and w.isupper()]
        if upper:
            head = "" if words[0] in upper else fold(words[0])[:1]
            letters = head + "".join(fold(w) for w in upper)
        else:
            letters = "".join(fold(w)[:1] for w in words if w.lower() not in cls.SMALL)
        return re.sub(r"[^a-z0-9]", "", letters).upper()[:20]

    def ids(self) -> dict[str, str]:
        """The id of each unit's key."""
        shortest = {
            k: min(v, key=lambda n: (len(n.split()), len(n))) for k, v in self.names.items()
        }
        ids = {k: self.initials(n) or "DV" for k, n in shortest.items()}
        clashes: dict[str, list[str]] = {}
        for k, ma in ids.items():
            clashes.setdefault(ma, []).append(k)
        for ma, keys in clashes.items():
            if len(keys) > 1:
                for k in keys:
                    last = re.sub(r"[^a-z0-9]", "", (fold(shortest[k]).split() or [""])[-1])
                    ids[k] = (ma[:-1] + last.upper())[:20] or ma
        taken: set[str] = set()
        for k, ma in ids.items():
            n = 2
            while ids[k] in taken:
                ids[k] = f"{ma}{n}"
                n += 1
            taken.add(ids[k])
        return ids

    def registry(self, ids: dict[str, str]) -> list[dict[str, Any]]:
        """`don_vi`, in the order the units first appear."""
        units = []
        for k, names in self.names.items():
            ten = self.official(k)
            others: list[str] = []
            for n in names:
                if nfc_key(n) != nfc_key(ten) and nfc_key(n) not in map(nfc_key, others):
                    others.append(n)
            unit: dict[str, Any] = {"ma": ids[k], "ten": ten}
            if others:
                unit["ten_khac"] = others
            if any(_collective(n) for n in names):
                unit["tap_the"] = True
            units.append(unit)
        return units


# --- rows ----------------------------------------------------------------------------------


@dataclass
class _Slot:
    """What a row holds under one column: the cell's text, whether the cell above goes on
    here, and the cell's place in the row (a cell across columns is one)."""

    text: str
    merged: bool
    cell: int
    covers: int  # how many of the columns read it covers


def _slots(row: list[Cell], columns: Columns) -> dict[str, _Slot]:
    out: dict[str, _Slot] = {}
    for key, col in columns.keys.items():
        for i, cell in enumerate(row):
            if cell.col <= col < cell.col + cell.span:
                covers = sum(cell.col <= c < cell.col + cell.span for c in columns.keys.values())
                out[key] = _Slot(cell.text, cell.merged, i, covers)
                break
        else:
            out[key] = _Slot("", False, -1 - len(out), 1)
    return out


CONTENT = ("nhiem_vu", "hoat_dong", "ket_qua", "chu_tri", "phoi_hop", "thoi_han", "kinh_phi")


def _column_numbers(tt: str, texts: list[str]) -> bool:
    """A row of column numbers under the heading: (1), (2), …"""
    numbers = len(texts) >= 3 and all(COLUMN_NUMBER.fullmatch(t) for t in texts)
    return numbers and (not tt or bool(COLUMN_NUMBER.fullmatch(tt)))


Heading = tuple[str, str, bool]  # number, title, whether it heads a part (else a group)


def _numbered_heading(tt: str, texts: list[str]) -> Heading | None:
    """A Roman numeral (a part) or a number such as 7.1 (a group) in TT, with at most one
    other cell: its title."""
    if not tt or len(texts) > 1 or not (ROMAN.match(tt) or GROUP.match(tt)):
        return None
    return tt.rstrip("."), texts[0] if texts else "", bool(ROMAN.match(tt))


def _heading_in_cell(tt: str, others: list[_Slot]) -> Heading | None:
    """A heading in the one cell of a row without TT ("II. CẢI CÁCH THỂ CHẾ"): told by a
    cell across columns or by a title in capitals."""
    if tt or len(others) != 1:
        return None
    slot = others[0]
    found = HEADING_IN_CELL.match(one_line(slot.text))
    if not found or not (slot.covers > 1 or is_upper(found.group("title"))):
        return None
    return (
        found.group("roman") or found.group("group"),
        found.group("title"),
        bool(found.group("roman")),
    )


class Appendix:
    """The appendix's rows → parts with groups, objectives, tasks (units by key)."""

    def __init__(self, units: Units) -> None:
        self.units = units
        self.parts: list[dict[str, Any]] = []
        self.part: dict[str, Any] | None = None
        self.group: dict[str, Any] | None = None
        self.objective: dict[str, Any] | None = None
        self.task: dict[str, Any] | None = None
        self.row: dict[str, Any] | None = None  # where more lines go: the task or its last line
        self.above: dict[str, str] = {}  # each column's last own text: what a merged cell holds

    def read(self, tables: list[tuple[Table, int]], columns: Columns) -> None:
        """Every row of `tables` (each with the heading rows to pass over)."""
        counted = 0
        for table, skip in tables:
            for r, row in enumerate(table.rows[skip:], counted + skip + 1):
                self.read_row(row, columns, r)
            counted += len(table.rows)

    def objectives(self) -> list[dict[str, Any]]:
        """Where the next objective goes (a part without number for rows before any part)."""
        if self.part is None:
            self.part = {"so": "", "linh_vuc": 0, "tieu_de": "", "muc_tieu": [], "nhom": [],
                         "_at": 0}  # fmt: skip
            self.parts.append(self.part)
        return (self.group if self.group is not None else self.part)["muc_tieu"]

    def read_row(self, row: list[Cell], columns: Columns, at: int) -> None:
        """A row: passed over (empty, or the columns' numbers), a heading of a part or a
        group, or a row of the body."""
        slots = _slots(row, columns)
        own = {k: s.text for k, s in slots.items() if not s.merged}
        texts_here = {k: own.get(k, self.above.get(k, "")) for k in slots}
        self.above = texts_here
        has_tt = "tt" in columns.keys
        tt = one_line(own.get("tt", "")) if has_tt else ""
        # The cells with text of their own besides TT (a cell across columns once).
        others = {s.cell: s for k, s in slots.items() if k != "tt" and s.text and not s.merged}
        if not tt and not others:
            return  # empty, or merged all the way from above
        texts = [one_line(s.text) for s in others.values()]
        if _column_numbers(tt, texts):
            return
        heading = _numbered_heading(tt, texts) or _heading_in_cell(tt, list(others.values()))
        if heading is not None:
            self.heading(*heading, at)
        else:
            self.body_row(texts_here, own, tt, at, has_tt=has_tt)

    def heading(self, number: str, title: str, is_part: bool, at: int) -> None:
        if is_part:
            self.part = {"so": number, "linh_vuc": roman_value(number), "tieu_de": title,
                         "muc_tieu": [], "nhom": [], "_at": at}  # fmt: skip
            self.parts.append(self.part)
            self.group = None
        else:
            self.objectives()  # a part to hold the group
            assert self.part is not None
            self.group = {"so": number, "tieu_de": title, "muc_tieu": [], "_at": at}
            self.part["nhom"].append(self.group)
        self.objective = self.task = self.row = None
        self.above = {}

    def body_row(
        self, texts: dict[str, str], own: dict[str, str], tt: str, at: int,
        *, has_tt: bool,
    ) -> None:  # fmt: skip
        content = any(own.get(k) for k in CONTENT)
        if tt or self.objective is None or (own.get("muc_tieu") and content):
            objectives = self.objectives()
            number = NUMBER.match(tt)
            so = number.group(1) if number else tt.rstrip(".)")
            self.objective = {"so": so, "noi_dung": own.get("muc_tieu", ""), "nhiem_vu": [],
                              "_at": at}  # fmt: skip
            if not so:
                self.objective["so"] = str(len(objectives) + 1)
                self.objective["_guessed"] = has_tt
            objectives.append(self.objective)
            self.task = self.row = None
        elif own.get("muc_tieu"):  # only the objective's words go on
            self.objective["noi_dung"] = "\n".join(
                x for x in (self.objective["noi_dung"], own["muc_tieu"]) if x
            )
            self.objective.setdefault("_joined", []).append(("muc_tieu", at))
            if not content:
                return
        if own.get("nhiem_vu") or self.task is None:
            self.task = {"nhiem_vu": own.get("nhiem_vu", ""), **self.values(texts), "dong_tiep": [],
                         "_at": at}  # fmt: skip
            self.objective["nhiem_vu"].append(self.task)
            self.row = self.task
        elif own.get("thoi_han"):
            self.row = {**self.values(texts), "_at": at}
            self.task["dong_tiep"].append(self.row)
        else:
            self.join(own, at)

    def values(self, texts: dict[str, str]) -> dict[str, Any]:
        """A row's columns after Nhiệm vụ, a merged cell holding the text of the cell above."""

        def text(key: str) -> str:
            return texts.get(key, "")

        return {
            "hoat_dong": activities(text("hoat_dong")),
            "ket_qua": text("ket_qua"),
            "chu_tri": self.units.add(text("chu_tri")),
            "chu_tri_goc": one_line(text("chu_tri")),
            "phoi_hop": self.units.add(text("phoi_hop")),
            "phoi_hop_goc": one_line(text("phoi_hop")),
            "thoi_han": one_line(text("thoi_han")),
            "kinh_phi": one_line(text("kinh_phi")) or None,
        }

    def join(self, own: dict[str, str], at: int) -> None:
        """A row with nothing new in TT, Mục tiêu, Nhiệm vụ and Thời gian: its text goes on
        the row above."""
        row = self.row
        assert row is not None
        joined = []
        for key in ("hoat_dong", "ket_qua", "chu_tri", "phoi_hop", "kinh_phi"):
            text = own.get(key, "")
            if not text:
                continue
            joined.append(key)
            if key == "hoat_dong":
                row["hoat_dong"] += activities(text)
            elif key == "ket_qua":
                row["ket_qua"] = "\n".join(x for x in (row["ket_qua"], text) if x)
            elif key in ("chu_tri", "phoi_hop"):
                row[key] += [k for k in self.units.add(text) if k not in row[key]]
                row[f"{key}_goc"] = ", ".join(x for x in (row[f"{key}_goc"], one_line(text)) if x)
            else:
                row["kinh_phi"] = " ".join(x for x in (row["kinh_phi"], one_line(text)) if x)
        if joined:
            row.setdefault("_joined", []).append((joined, at))


def appendix_tables(blocks: list[Any]) -> tuple[int, list[tuple[Table, int]], Columns] | None:
    """Where the appendix table stands among `blocks`, it and the tables that go on with it
    (each with its heading rows to pass over), and its columns; None when there is none."""
    for i, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        columns = find_columns(block)
        if columns is None:
            continue
        tables = [(block, columns.header_rows)]
        width = _width(block)
        for later in blocks[i + 1 :]:
            if not isinstance(later, Table):
                if getattr(later, "text", "x"):
                    break
                continue  # an empty paragraph between two parts of the table
            again = find_columns(later)
            if again is not None and again.keys == columns.keys:
                tables.append((later, again.header_rows))
            elif again is None and _width(later) == width:
                tables.append((later, 0))
            else:
                break
        return i, tables, columns
    return None


def _width(table: Table) -> int:
    return max((c.col + c.span for row in table.rows for c in row), default=0)
