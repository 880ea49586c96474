"""Reading an issued document's Word file (.docx): its paragraphs and tables, in order.

A plan's .docx arrives by e-mail, so it is untrusted. It is read as a regular file of
bounded size (no link, no FIFO); its zip is checked before any part is unpacked (how
many parts, how large each part and all of them unpacked, how much a part expands);
only the parts that carry text are read (the body, the footnotes, the numbering and the
styles), each within a size limit; and their XML is parsed by defusedxml with DTDs
forbidden, so no entity can expand and nothing outside the file is fetched.

The zip and the XML are read here rather than through python-docx, whose parser is
configured for the whole process (it leaves entities unexpanded but still reads a
document's DTD) and which loads every part of a package, images included, before a
table can be looked at.

Text is given as Word shows it: numbered and bulleted paragraphs get their label
("I.", "1.", "-" for any bullet), a footnote reference becomes its number in superscript
("¹"), line breaks stay line breaks, deleted text and field codes are left out. Text is
NFC-normalised; the only changes are to whitespace (runs of spaces and tabs become one
space, lines are trimmed, empty lines dropped) and to characters that are artefacts
rather than text: zero-width characters and soft hyphens, non-breaking and other Unicode
spaces (made plain spaces), control characters and direction overrides (removed and
counted, since the plan's model refuses them). Text in text boxes and drawings is not
read.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_cli.errors import UsageError
from cchc_cli.plan.text import UNSAFE_TEXT

MAX_DOCX_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_XML_BYTES = 30 * 1024 * 1024  # any part read (the body, footnotes, numbering, styles)
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all parts, images included, as they claim
MAX_RATIO = 100  # unpacked / packed, for a part read that is over 1 MB
MAX_GRID = 64  # columns of a table (Word allows 63)
MAX_ROWS = 20_000  # rows of all tables
MAX_BLOCKS = 200_000  # paragraphs and tables

BODY = "word/document.xml"
PARTS = {
    "footnotes": "word/footnotes.xml",
    "numbering": "word/numbering.xml",
    "styles": "word/styles.xml",
}

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Characters that are layout, not text.
_DROPPED = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u3000\u205f"), " ") | {
    c: " " for c in range(0x2000, 0x200B)
}
_BLANKS = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Paragraph:
    text: str  # lines joined by "\n"; "" for an empty paragraph


@dataclass(frozen=True)
class Cell:
    col: int  # the first grid column it covers (0-based)
    span: int  # how many grid columns it covers
    text: str  # its paragraphs, one a line
    merged: bool = False  # a vertical merge goes on: this is the cell above, continued


@dataclass(frozen=True)
class Table:
    number: int  # 1-based, in the order of the document
    rows: list[list[Cell]]


@dataclass
class WordDocument:
    label: str  # the path as given, for messages
    blocks: list[Paragraph | Table] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)  # number shown → text
    removed: int = 0  # control and direction characters taken out of the text


def read_docx(path: Path) -> WordDocument:
    """The paragraphs and tables of the .docx at `path`, or a usage error naming it."""
    from cchc_cli.files.reader import read_regular

    label = str(path)
    data = read_regular(path, MAX_DOCX_BYTES, "document")
    if data is None:
        raise UsageError("docx-too-large", path=label, limit=MAX_DOCX_BYTES)
    return parse_docx(data, label)


def parse_docx(data: bytes, label: str) -> WordDocument:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: a .doc, or an encrypted file
        raise UsageError("docx-old-format", path=label)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UsageError("not-a-docx", path=label) from None
    with package:
        xml = _read_parts(package, label)
    return _Reader(label, xml).document()


def _read_parts(package: zipfile.ZipFile, label: str) -> dict[str, bytes]:
    """The bytes of the parts that carry text, after checking the package's size."""
    members = package.infolist()
    if len(members) > MAX_MEMBERS:
        raise UsageError("docx-too-many-parts", path=label, count=len(members), limit=MAX_MEMBERS)
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise UsageError("docx-unpacked-too-large", path=label, limit=MAX_UNPACKED_BYTES)
    wanted = {BODY: "body", **{v: k for k, v in PARTS.items()}}
    found: dict[str, bytes] = {}
    for m in members:
        key = wanted.get(m.filename)
        if key is None or key in found:
            continue
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > MAX_XML_BYTES or (m.file_size > 1 << 20 and ratio > MAX_RATIO):
            raise UsageError(
                "docx-part-too-large", path=label, part=m.filename[:80], limit=MAX_XML_BYTES
            )
        try:
            with package.open(m) as part:
                raw = part.read(MAX_XML_BYTES + 1)  # never more than the part claims
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError):  # fmt: skip
            raise UsageError("not-a-docx", path=label) from None  # broken, or encrypted
        if len(raw) > MAX_XML_BYTES:
            raise UsageError(
                "docx-part-too-large", path=label, part=m.filename[:80], limit=MAX_XML_BYTES
            )
        found[key] = raw
    if "body" not in found:
        raise UsageError("not-a-docx", path=label)
    return found


def _parse_xml(data: bytes, label: str, part: str) -> Any:
    import xml.etree.ElementTree as ET

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise UsageError("docx-entities", path=label, part=part) from None
    except (ET.ParseError, ValueError, RecursionError) as exc:
        # the parser's own sentence is English: say where, in the user's words
        at = getattr(exc, "position", None)
        why: dict[str, Any] = (
            {"say": "xml-at", "args": {"line": at[0], "col": at[1] + 1}}
            if isinstance(exc, ET.ParseError) and at
            else {"say": "xml-malformed"}
        )
        raise UsageError("docx-unreadable", path=label, part=part, why=why) from None


def _int(value: str | None, default: int = 0, high: int = 1_000_000) -> int:
    """An attribute's number, whatever the file holds there."""
    if value is None:
        return default
    try:
        number = int(value.strip())
    except ValueError:
        return default
    return max(0, min(number, high))


def clean(text: str) -> tuple[str, int]:
    """Text as printed, without layout artefacts: NFC, Unicode spaces made plain, zero-width
    characters dropped, runs of blanks one space, lines trimmed, empty lines dropped; with
    the number of control and direction characters removed."""
    text = unicodedata.normalize("NFC", text.translate(_DROPPED).translate(_SPACES))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    text, removed = UNSAFE_TEXT.subn("", text)
    lines = (_BLANKS.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line), removed


# --- numbering: the labels Word draws before a paragraph -------------------------------

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def _format_number(n: int, fmt: str) -> str:
    n = min(n, 100_000)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


class _Numbering:
    """numbering.xml and the paragraph styles that number: the label of each numbered
    paragraph, counted as Word counts (per list, deeper levels restarting)."""

    def __init__(self, numbering: Any, styles: Any, w: str) -> None:
        self.w = w
        abstract: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, dict[int, _Level]] = {}
        if numbering is not None:
            for node in numbering.iter(w + "abstractNum"):
                abstract[node.get(w + "abstractNumId", "")] = self._levels(node)
            for node in numbering.iter(w + "num"):
                ref = node.find(w + "abstractNumId")
                levels = dict(abstract.get(ref.get(w + "val", "") if ref is not None else "", {}))
                for override in node.iter(w + "lvlOverride"):
                    ilvl = _int(override.get(w + "ilvl"), 0, 8)
                    start = override.find(w + "startOverride")
                    lvl = override.find(w + "lvl")
                    if lvl is not None:
                        levels[ilvl] = self._level(lvl)
                    if start is not None:
                        base = levels.get(ilvl, _Level())
                        levels[ilvl] = _Level(base.fmt, base.text, _int(start.get(w + "val"), 1))
                self.lists[node.get(w + "numId", "")] = levels
        self.styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        if styles is not None:
            for style in styles.iter(w + "style"):
                num = style.find(f"{w}pPr/{w}numPr")
                based = style.find(w + "basedOn")
                self.styles[style.get(w + "styleId", "")] = (
                    *self._num_pr(num),
                    based.get(w + "val") if based is not None else None,
                )
        self.counters: dict[str, list[int]] = {}

    def _num_pr(self, num: Any) -> tuple[str | None, int | None]:
        """A numPr's list (numId) and level (ilvl), each None where it does not say."""
        if num is None:
            return None, None
        w = self.w
        found, level = num.find(w + "numId"), num.find(w + "ilvl")
        return (
            found.get(w + "val") if found is not None else None,
            _int(level.get(w + "val"), 0, 8) if level is not None else None,
        )

    def _levels(self, node: Any) -> dict[int, _Level]:
        return {_int(lvl.get(self.w + "ilvl"), 0, 8): self._level(lvl)
                for lvl in node.findall(self.w + "lvl")}  # fmt: skip

    def _level(self, lvl: Any) -> _Level:
        w = self.w
        fmt = lvl.find(w + "numFmt")
        text = lvl.find(w + "lvlText")
        start = lvl.find(w + "start")
        return _Level(
            fmt.get(w + "val", "decimal") if fmt is not None else "decimal",
            text.get(w + "val", "") if text is not None else "",
            _int(start.get(w + "val"), 1) if start is not None else 1,
        )

    def _style_numbering(self, style: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style and style not in seen:
            seen.add(style)
            num_id, ilvl, based = self.styles.get(style, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style = based
        return None, None

    def label(self, ppr: Any) -> str:
        """The label of a paragraph with these properties ("" when it has none)."""
        w = self.w
        num_id: str | None = None
        ilvl: int | None = None
        style = None
        if ppr is not None:
            ps = ppr.find(w + "pStyle")
            style = ps.get(w + "val") if ps is not None else None
            num_id, ilvl = self._num_pr(ppr.find(w + "numPr"))
        if num_id is None:
            num_id, style_ilvl = self._style_numbering(style)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0" or num_id not in self.lists:
            return ""
        ilvl = ilvl or 0
        levels = self.lists[num_id]
        level = levels.get(ilvl, _Level())
        if level.fmt == "bullet":
            return "-"
        counts = self.counters.setdefault(num_id, [0] * 9)
        starts = [levels.get(i, _Level()).start for i in range(9)]
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else starts[ilvl]
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0

        def fill(match: re.Match[str]) -> str:
            i = int(match.group(1)) - 1
            if not 0 <= i < 9:
                return ""
            lvl = levels.get(i, _Level())
            return _format_number(counts[i] or starts[i], lvl.fmt)

        return re.sub(r"%([1-9])", fill, level.text)[:40].strip()


# --- the body ----------------------------------------------------------------------------


class _Reader:
    def __init__(self, label: str, xml: dict[str, bytes]) -> None:
        self.label = label
        body = _parse_xml(xml["body"], label, BODY)
        tag = body.tag if isinstance(body.tag, str) else ""
        self.w = tag[: tag.index("}") + 1] if tag.startswith("{") else ""
        parsed = {k: _parse_xml(v, label, PARTS[k]) for k, v in xml.items() if k != "body"}
        self.numbering = _Numbering(parsed.get("numbering"), parsed.get("styles"), self.w)
        self.doc = WordDocument(label)
        self.note_numbers: dict[str, int] = {}  # footnote id → the number it is shown with
        self.root = body
        self.notes_root = parsed.get("footnotes")
        self.tables = 0
        self.rows = 0

    def document(self) -> WordDocument:
        w = self.w
        body = self.root.find(w + "body")
        if body is None:
            raise UsageError("not-a-docx", path=self.label)
        self.doc.blocks = self._blocks(body)
        if self.notes_root is not None and self.note_numbers:
            texts: dict[str, str] = {}
            for note in self.notes_root.iter(w + "footnote"):
                texts[note.get(w + "id", "")] = self._note_text(note)
            for ident, number in self.note_numbers.items():
                if texts.get(ident):
                    self.doc.footnotes[number] = texts[ident]
        return self.doc

    def _blocks(self, container: Any) -> list[Paragraph | Table]:
        """Paragraphs and tables, content controls and custom XML looked through."""
        w = self.w
        out: list[Paragraph | Table] = []
        stack = [iter(list(container))]
        while stack:
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
                continue
            if len(out) > MAX_BLOCKS:
                raise UsageError("docx-too-many-blocks", path=self.label, limit=MAX_BLOCKS)
            tag = node.tag
            if tag == w + "p":
                out.append(Paragraph(self._paragraph(node)))
            elif tag == w + "tbl":
                out.append(self._table(node))
            elif tag in (w + "sdt", w + "customXml"):
                content = node.find(w + "sdtContent") if tag == w + "sdt" else node
                if content is not None and len(stack) < 50:
                    stack.append(iter(list(content)))
        return out

    def _paragraph(self, p: Any) -> str:
        w = self.w
        label = self.numbering.label(p.find(w + "pPr"))
        parts: list[str] = []
        stack = [iter(list(p))]
        while stack:
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
                continue
            tag = node.tag
            if tag == w + "r":
                self._run(node, parts)
            elif tag in (w + "hyperlink", w + "ins", w + "smartTag", w + "customXml",
                         w + "fldSimple", w + "moveTo", w + "dir", w + "bdo"):  # fmt: skip
                if len(stack) < 50:
                    stack.append(iter(list(node)))
            elif tag == w + "sdt":
                content = node.find(w + "sdtContent")
                if content is not None and len(stack) < 50:
                    stack.append(iter(list(content)))
        text, removed = clean("".join(parts))
        self.doc.removed += removed
        if label:
            text = f"{label} {text}" if text else label
        return text

    def _run(self, r: Any, parts: list[str]) -> None:
        w = self.w
        for child in r:
            tag = child.tag
            if tag == w + "t":
                parts.append(child.text or "")
            elif tag == w + "tab" or tag == w + "ptab":
                parts.append("\t")
            elif tag in (w + "br", w + "cr"):
                parts.append("\n")
            elif tag == w + "noBreakHyphen":
                parts.append("-")
            elif tag == w + "footnoteReference":
                ident = child.get(w + "id", "")
                number = self.note_numbers.setdefault(ident, len(self.note_numbers) + 1)
                parts.append(str(number).translate(SUPERSCRIPT))

    def _note_text(self, note: Any) -> str:
        w = self.w
        lines = []
        for p in note.iter(w + "p"):
            parts: list[str] = []
            for r in p.iter(w + "r"):
                if r.find(w + "footnoteRef") is None:
                    self._run(r, parts)
            lines.append("".join(parts))
        text, removed = clean(" ".join(lines))
        self.doc.removed += removed
        return text

    def _table(self, tbl: Any) -> Table:
        w = self.w
        self.tables += 1
        rows: list[list[Cell]] = []
        for tr in tbl.findall(w + "tr"):
            self.rows += 1
            if self.rows > MAX_ROWS:
                raise UsageError("docx-too-many-rows", path=self.label, limit=MAX_ROWS)
            col = 0
            trpr = tr.find(w + "trPr")
            if trpr is not None:
                before = trpr.find(w + "gridBefore")
                col = _int(before.get(w + "val"), 0, MAX_GRID) if before is not None else 0
            row: list[Cell] = []
            for tc in self._cells(tr):
                if col >= MAX_GRID:
                    break
                tcpr = tc.find(w + "tcPr")
                span, merged = 1, False
                if tcpr is not None:
                    grid = tcpr.find(w + "gridSpan")
                    span = _int(grid.get(w + "val"), 1, MAX_GRID) or 1 if grid is not None else 1
                    vmerge = tcpr.find(w + "vMerge")
                    merged = vmerge is not None and vmerge.get(w + "val", "continue") == "continue"
                span = min(span, MAX_GRID - col)
                lines = []
                for block in self._blocks(tc):
                    if isinstance(block, Paragraph):
                        lines.append(block.text)
                    else:  # a table inside the cell: its text, row by row
                        lines += [c.text for r in block.rows for c in r]
                row.append(Cell(col, span, "\n".join(x for x in lines if x), merged))
                col += span
            rows.append(row)
        return Table(self.tables, rows)

    def _cells(self, tr: Any) -> list[Any]:
        """A row's cells, through content controls and custom XML around them."""
        w = self.w
        out = []
        for node in tr:
            if node.tag == w + "tc":
                out.append(node)
            elif node.tag == w + "sdt":
                content = node.find(w + "sdtContent")
                out += [c for c in (content if content is not None else []) if c.tag == w + "tc"]
            elif node.tag == w + "customXml":
                out += [c for c in node if c.tag == w + "tc"]
        return out
