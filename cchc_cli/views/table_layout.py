"""Tables laid out in terminal cells, as styled lines.

Column widths first and then one line at a time, as styled pieces of text, written
with the terminal's SGR codes as rich would write them. rich's own tables measure
and wrap every cell through several layers (half a millisecond a row; six seconds
for a plan of 10,000 tasks), and importing its console costs a warm `cchc status` a
fifth of its time; only its character widths (`rich.cells`) are used.

Layout: tables of the same columns shown together (every area's table of tasks,
say) share their widths; the wide column takes what the others leave; text in the
wrapping columns breaks between words; tables too wide for the screen are shown one
block per row. Text is data, never markup: a cell's text is made one line and safe
(`safe_text`) as it is added.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len, get_character_cell_size

from cchc_cli.views import safe_text

GAP = "   "  # between two columns
RULE = "─"
ELLIPSIS = "…"
# The title column is given at least this much when the wrapping columns can give way.
TITLE_WANTS = 24
# Below this width for the wide column a table is shown one block per row instead.
STACK_BELOW = 20
STACK_INDENT = 10


# --------------------------------------------------------------------- text in cells

# Characters one cell wide: Latin with Vietnamese letters (precomposed, as NFC leaves
# them), common punctuation and box drawing. Text made only of these is measured by
# its length; anything else (wide or combining characters) cell by cell, by rich.
_NARROW_RANGES = "\x20-\x7e\xa0-\u024f\u1e00-\u1eff\u2010-\u205e\u2190-\u25ff"
_NOT_NARROW = re.compile(f"[^{_NARROW_RANGES}]")


# Text that is already one line of such characters, words one space apart, none of them
# unsafe or a space of another kind: a cell's text as it is, its width its length.
_WORD = "\x21-\x7e\xa1-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u2190-\u25ff"
_PLAIN = re.compile(f"(?:[{_WORD}]+(?: [{_WORD}]+)*)?").fullmatch


def width_of(text: str) -> int:
    """Terminal cells taken by `text`."""
    return cell_len(text) if _NOT_NARROW.search(text) else len(text)


def _fold(word_: str, width: int) -> list[str]:
    """A word longer than `width` cells, cut into pieces that fit."""
    if not _NOT_NARROW.search(word_):
        return [word_[i : i + width] for i in range(0, len(word_), width)] or [""]
    pieces, current, used = [], "", 0
    for ch in word_:
        size = get_character_cell_size(ch)
        if used + size > width and current:
            pieces.append(current)
            current, used = "", 0
        current += ch
        used += size
    pieces.append(current)
    return pieces


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken between words, then after commas
    ("VP,BCDISO"); a word longer still is cut."""
    width = max(width, 1)
    if not _PLAIN(text):
        return _wrap_words(text, width)
    # One line of narrow words, one space apart (most of a plan): each line is cut at the
    # last space that fits, until a word is longer than a line.
    lines: list[str] = []
    start, end = 0, len(text)
    while end - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        after = text.find(" ", cut + 1)
        if cut < 0 or (end if after < 0 else after) - cut - 1 > width:
            return lines + _wrap_words(text[start:], width)  # from this line on, word by word
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    return lines


def _wrap_words(text: str, width: int) -> list[str]:
    size_of = width_of if _NOT_NARROW.search(text) else len  # measured once, not per word
    if size_of(text) <= width and "  " not in text and text == text.strip():
        return [text]
    lines: list[str] = []
    current, used = "", 0
    words: list[str] = []
    for w in text.split():
        if "," in w[:-1] and size_of(w) > width:
            words.extend(p + "," for p in w.rstrip(",").split(","))
            if not w.endswith(","):
                words[-1] = words[-1][:-1]
        else:
            words.append(w)
    for w in words:
        size = size_of(w)
        if size > width:
            if current:
                lines.append(current)
            *full, current = _fold(w, width)
            lines.extend(full)
            used = size_of(current)
        elif not current:
            current, used = w, size
        elif used + 1 + size <= width:
            current, used = f"{current} {w}", used + 1 + size
        else:
            lines.append(current)
            current, used = w, size
    lines.append(current)
    return lines


def truncate(text: str, width: int) -> str:
    """One line of at most `width` cells, ending in an ellipsis when cut."""
    if width_of(text) <= width:
        return text
    if width > 1 and not _NOT_NARROW.search(text):
        return text[: width - 1].rstrip() + ELLIPSIS
    return _fold(text, max(width - 1, 1))[0].rstrip() + ELLIPSIS if width > 1 else ELLIPSIS[:width]


# --------------------------------------------------------------------------- tables


@dataclass
class Column:
    header: str
    flex: bool = False  # takes the width the others leave; its text wraps between words
    wraps: bool = False  # breaks between words when narrow
    right: bool = False
    min_width: int = 0
    max_width: int | None = None
    shrink_to: int | None = None  # a wrapping column gives way down to this width first


@dataclass
class Table:
    """Rows of cells (text and an optional style each), laid out to a width."""

    columns: list[Column]
    # Each row: its cells (text, style, width in cells) and a style for the whole row.
    rows: list[tuple[list[tuple[str, str, int]], str]] = field(default_factory=list)
    title: str | None = None
    gap: str = GAP  # between two columns

    def add(self, *cells: str | tuple[str, str], style: str = "") -> None:
        """A row; runs of whitespace in the text (line breaks of the plan) become one space."""
        row = []
        for cell in cells:
            text, st = cell if isinstance(cell, tuple) else (cell, "")
            if _PLAIN(text):  # already one line of narrow words: as it is, its length wide
                row.append((text, st, len(text)))
            else:
                text = safe_text.one_line(" ".join(text.split()))
                row.append((text, st, width_of(text)))
        self.rows.append((row, style))

    def natural(self) -> list[int]:
        """Each column's widest cell (header included), in terminal cells."""
        widths = [width_of(c.header) for c in self.columns]
        for cells, _style in self.rows:
            for i, (_t, _s, size) in enumerate(cells):
                if size > widths[i]:
                    widths[i] = size
        return widths

    def shortest(self) -> list[int]:
        """Each wrapping column's longest word: the narrowest it can be without cutting."""
        widths = [0] * len(self.columns)
        for i, col in enumerate(self.columns):
            if col.wraps:
                texts = [col.header] + [cells[i][0] for cells, _s in self.rows]
                widths[i] = max((width_of(w) for t in texts for w in t.split()), default=0)
        return widths


def layout(tables: Sequence[Table], width: int) -> list[int]:
    """Column widths shared by tables of the same columns, filling `width` cells."""
    columns = tables[0].columns
    natural = [max(col) for col in zip(*(t.natural() for t in tables), strict=True)]
    widths = []
    for col, nat in zip(columns, natural, strict=True):
        w = max(nat, col.min_width)
        if col.max_width is not None:
            w = min(w, max(col.max_width, col.min_width))
        widths.append(w)
    flex = next((i for i, c in enumerate(columns) if c.flex), None)
    if flex is None:
        return widths
    spare = width - len(tables[0].gap) * (len(columns) - 1) - sum(widths) + widths[flex]
    # Wrapping columns give way, in order, down to the width they wrap well at, until the
    # title column has room; below its least width, down to their longest word.
    title_min = max(columns[flex].min_width, 1)
    shortest: list[int] | None = None  # measured only when the first pass is not enough
    for wants, soft in (
        (min(TITLE_WANTS, max(natural[flex], title_min)), True),
        (title_min, False),
    ):
        for i, col in enumerate(columns):
            if not col.wraps or spare >= wants:
                continue
            if soft:
                floor = max(col.shrink_to or 0, col.min_width)
            else:
                if shortest is None:
                    shortest = [max(c) for c in zip(*(t.shortest() for t in tables), strict=True)]
                floor = max(shortest[i], col.min_width, 1)
            give = min(widths[i] - floor, wants - spare)
            if give > 0:
                widths[i] -= give
                spare += give
    widths[flex] = max(spare, title_min)
    return widths


def too_wide(tables: Sequence[Table], widths: list[int], width: int, least: int) -> bool:
    """Whether tables laid out at `widths` overflow `width` or leave their wide column
    too narrow to read (under `least` cells)."""
    columns = tables[0].columns
    total = sum(widths) + len(tables[0].gap) * (len(widths) - 1)
    flex = next((i for i, c in enumerate(columns) if c.flex), None)
    return total > width or (flex is not None and widths[flex] < least)


def fitted(tables: Sequence[Table], width: int, least: int = STACK_BELOW) -> list[int] | None:
    """The column widths `tables` (of the same columns) share at `width`, or None when
    there are none or they are `too_wide`: then each is shown one block per row."""
    if not tables:
        return None
    widths = layout(tables, width)
    return None if too_wide(tables, widths, width, least) else widths


# A styled piece of a line: its text and its style ("bold red", or "").
Segment = tuple[str, str]


class Lines:
    """Styled lines, printed as they are: no markup, no further wrapping."""

    def __init__(self) -> None:
        self.lines: list[list[Segment]] = []

    def text(self, text: str = "", style: str = "") -> None:
        text = safe_text.one_line(text)
        self.lines.append([(text, style)] if text else [])

    def wrapped(self, text: str, width: int, style: str = "") -> None:
        for line in wrap(safe_text.one_line(text), width) if text else [""]:
            self.text(line, style)

    def table(self, table: Table, widths: list[int]) -> None:
        if table.title:
            total = sum(widths) + len(table.gap) * (len(widths) - 1)
            title = truncate(table.title, total)
            self.text(" " * max((total - width_of(title)) // 2, 0) + title, "bold")
        self._row(
            [(c.header, "", width_of(c.header)) for c in table.columns], table, widths, "bold"
        )
        self.text(RULE * (sum(widths) + len(table.gap) * (len(widths) - 1)))
        for cells, style in table.rows:
            self._row(cells, table, widths, style)

    def laid_out(self, table: Table, widths: list[int] | None, width: int) -> None:
        """`table` at the column widths it shares with others (`fitted`), or one block
        per row (`stacked`) where they do not fit `width` (None)."""
        if widths is None:
            self.stacked(table, width)
        else:
            self.table(table, widths)

    def _row(
        self, cells: list[tuple[str, str, int]], table: Table, widths: list[int], row_style: str
    ) -> None:
        columns = table.columns
        blocks = [
            [text] if size <= w else wrap(text, w) if col.wraps or col.flex else [truncate(text, w)]
            for (text, _s, size), col, w in zip(cells, columns, widths, strict=True)
        ]
        styles = [f"{row_style} {st}".strip() for _t, st, _w in cells]
        for n in range(max(len(b) for b in blocks)):
            last = len(cells) - 1
            while last > 0 and n >= len(blocks[last]):
                last -= 1  # nothing more on this line: no trailing spaces
            segments: list[Segment] = []
            for i in range(last + 1):
                block = blocks[i]
                piece = block[n] if n < len(block) else ""
                right = columns[i].right
                fill = " " * (widths[i] - width_of(piece)) if (i < last or right) else ""
                if i:
                    segments.append((table.gap, ""))
                if right and fill:
                    segments.append((fill, ""))
                if piece:
                    segments.append((piece, styles[i]))
                if not right and fill:
                    segments.append((fill, ""))
            self.lines.append(segments)

    def stacked(self, table: Table, width: int, indent: int = STACK_INDENT) -> None:
        """A table too wide for `width`, one block per row: the first cell and the last
        (a status) on one line, the wide column's text wrapped in full below, then the
        other cells as "Header: value", so that nothing is cut and no line is longer
        than `width`."""
        columns = table.columns
        flex = next((i for i, c in enumerate(columns) if c.flex), None)
        others = [(i, f"{col.header}: ") for i, col in enumerate(columns[1:-1], 1) if i != flex]
        pad = " " * indent
        room = max(width - indent, 10)
        lines = self.lines  # the cells' text is safe already (`Table.add`): appended as it is
        for cells, style in table.rows:
            (head, head_style, head_width), (last, last_style, last_width) = cells[0], cells[-1]
            last_style = f"{style} {last_style}".strip()
            gap = max(indent - head_width, 1)
            if head_width + gap + last_width <= width:
                lines.append(
                    [(head, f"{style} {head_style}".strip()), (" " * gap, ""), (last, last_style)]
                )
            else:
                self.wrapped(head, width, style)
                lines.extend([(pad + part, last_style)] for part in wrap(last, room))
            if flex is not None and cells[flex][0]:
                lines.extend([(pad + part, style)] for part in wrap(cells[flex][0], room))
            rest = [name + cells[i][0] for i, name in others if cells[i][0] not in ("", "—")]
            if rest:
                lines.extend([(pad + part, style)] for part in wrap(" · ".join(rest), room))

    def counts(self, table: Table, width: int) -> None:
        """A table of counts too wide for `width`: each row's name, then its counts as
        "Header value" pairs, wrapped under it."""
        if table.title:
            self.wrapped(table.title, width, "bold")
        for cells, style in table.rows:
            self.wrapped(cells[0][0], width, style or "bold")
            pairs = [
                (f"{col.header} {cells[i][0]}", cells[i][1])
                for i, col in enumerate(table.columns[1:], 1)
            ]
            line: list[Segment] = []
            used = 0
            for text, st in pairs:
                size = width_of(text) + (3 if line else 0)
                if line and used + size > width - STACK_INDENT:
                    self.lines.append([(" " * STACK_INDENT, ""), *line])
                    line, used = [], 0
                    size = width_of(text)
                if line:
                    line.append((" · ", ""))
                line.append((text, f"{style} {st}".strip()))
                used += size
            if line:
                self.lines.append([(" " * STACK_INDENT, ""), *line])

    def written(self, mode: str | None) -> str:
        """The lines as the terminal gets them: `mode` "color", "mono" (NO_COLOR: bold,
        italic and the like, no colour) or None (plain text)."""
        if mode is None:
            return "".join(["".join([t for t, _ in line]) + "\n" for line in self.lines])
        codes: dict[str, str] = {}
        out = []
        for line in self.lines:
            for text, style in line:
                if not style:
                    out.append(text)
                    continue
                sgr = codes.get(style)
                if sgr is None:
                    sgr = codes[style] = _sgr(style, mode == "color")
                out.append(f"\x1b[{sgr}m{text}\x1b[0m" if sgr else text)
            out.append("\n")
        return "".join(out)


# SGR codes, in the order rich writes them: attributes first, then the colour.
_ATTRIBUTES = {"bold": 1, "dim": 2, "italic": 3, "underline": 4}
_COLOURS = {"black": 30, "red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35,
            "cyan": 36, "white": 37}  # fmt: skip


def _sgr(style: str, colour: bool) -> str:
    names = style.split()
    attrs = sorted({_ATTRIBUTES[n] for n in names if n in _ATTRIBUTES})
    colours = [_COLOURS[n] for n in names if n in _COLOURS] if colour else []
    return ";".join(str(c) for c in (*attrs, *colours[-1:]))
