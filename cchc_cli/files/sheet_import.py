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
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_cli import words
from cchc_cli.errors import Problem, Source
from cchc_cli.files.record import LIST_KEY, check_text, current_text, progress_target
from cchc_cli.files.sheet_cells import SheetRefused, cell_problem
from cchc_cli.files.sheet_check import (
    Filled,
    NewRecord,
    read_filled,
    sort_figures,
    sort_prose,
    sort_rows,
)
from cchc_cli.files.sheet_hidden import Meta, quarter_of, read_meta, verify_meta
from cchc_cli.files.sheet_rows import Row
from cchc_cli.files.workbook import read_workbook
from cchc_cli.plan.lookup import Kind
from cchc_cli.plan.model import Plan
from cchc_cli.plan.text import visible

if TYPE_CHECKING:
    from cchc_cli.files.reader import Loaded

__all__ = ["RULE_AT_CELL", "Imported", "SheetRefused", "import_sheet"]


@dataclass
class Imported:
    """What an import recorded (or, with `--dry-run`, would record) in the progress file."""

    path: Path
    unit: str
    records: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (kind, record)
    figures: dict[str, int] = field(default_factory=dict)  # TTHC figures set for the period
    prose: list[str] = field(default_factory=list)  # the parts of the report's prose written
    already: int = 0  # rows the progress file had
    reformatted: bool = False  # the file was not in `cchc fmt`'s layout, and is now
    warnings: list[Problem] = field(default_factory=list)
    written: bool = False


def import_sheet(
    plan_path: Path, sheet_path: Path, progress_file: Path | None, *, dry_run: bool, today: date
) -> Imported:
    """Read a returned sheet and record its rows, or raise `SheetRefused` with every
    problem at its cell and leave the progress file as it was."""
    from cchc_cli.files.safe_write import locked, write_text
    from cchc_cli.files.workspace import open_workspace

    label = str(sheet_path)
    book = read_workbook(sheet_path)
    sheets = {s.name: s for s in book.sheets}
    meta = read_meta(label, sheets)
    path = progress_target(plan_path, progress_file)
    with locked(path) if not dry_run else contextlib.nullcontext():
        ws = open_workspace(plan_path, path, editing=True)
        plan = ws.plan
        checked = _verified(label, meta, plan, plan_path)
        unit = meta.get("unit")
        quarter = quarter_of(meta) or 0
        filled = read_filled(label, sheets, meta, plan, today)
        problems = [*book.warnings, *checked, *filled.problems]
        refused = {p.source.path for p in problems if p.severity == "error"}
        rows = sort_rows(label, plan, unit, filled.rows, ws.progress, refused, today)
        form, old_text = current_text(ws, path)
        story = ws.progress.narrative(quarter)
        figures = sort_figures(label, filled.stats, story, path, old_text, ws.progress, quarter)
        texts = sort_prose(label, filled.prose, story)
        problems += [*rows.problems, *figures.problems, *texts.problems]
        done = Imported(path, unit, already=rows.already + figures.already + texts.already)
        text, read = _append_records(old_text, rows.new, plan, path, done, ws.progress_read)
        cells = {k: f"{sheet_path.name}:{where}" for k, (_n, where) in filled.stats.items()}
        text = _set_period(text, quarter, figures.new, texts.new, plan, path, done, cells)
        changed = bool(rows.new or done.figures or done.prose)
        if changed:  # checked together as validate would
            if done.figures or done.prose:
                read = None  # the text changed again since it was read
            problems += _file_problems(label, path, text, plan, rows.new, filled, read)
        errors = [p for p in problems if p.severity == "error"]
        if errors:  # all or nothing: every problem at once (the first 200), nothing written
            raise SheetRefused(_first(label, errors))
        done.warnings = problems
        if changed and not dry_run:
            write_text(path, form.apply(text))
            done.written = True
    return done


def _verified(label: str, meta: Meta, plan: Plan, plan_path: Path) -> list[Problem]:
    """The hidden sheet verified against the plan: its warnings, or `SheetRefused` with its
    errors (a sheet made for another plan, body, year or unit is read no further)."""
    from cchc_cli.files.workspace import plan_fingerprint

    checked = verify_meta(label, meta, plan, plan_path.name, plan_fingerprint(plan_path))
    if any(p.severity == "error" for p in checked):
        raise SheetRefused([p for p in checked if p.severity == "error"])
    return checked


def _append_records(text: str, new: list[NewRecord], plan: Plan, path: Path, done: Imported,
                    before: Loaded | None) -> tuple[str, Loaded | None]:  # fmt: skip
    """The progress file's text with the new records appended, in one round trip however
    many there are, checked to add only them (`before`: the text as the workspace read
    it); and the new text as read, for its checks (None when nothing was compared)."""
    from collections import Counter

    from cchc_cli.files import progress_edit
    from cchc_cli.files import roundtrip as yamlio

    if not new:
        return text, None
    records = [(LIST_KEY[_kind(made)], record) for _row, made, record in new]
    laid_out, appended = progress_edit.laid_out_and_appended(text, records, plan.nam, path)
    done.reformatted = bool(text.strip()) and laid_out != text
    read = None
    if text.strip():
        counts = dict(Counter(key for key, _record in records))
        read = yamlio.same_data(text, appended, path, appended=counts, old=before)
    done.records.extend((made, record) for _row, made, record in new)
    return appended, read


def _kind(made: str) -> Kind:
    return "task" if made == "task" else "target"


def _rows_at(read: Loaded, new: list[NewRecord]) -> dict[int, Row]:
    """The row whose record holds each line (1-based) of the new text that the records
    added: they are the last items of their lists, in the order of the rows; one ends
    where the next item, or the next key of the file, begins."""
    root = read.node.children if read.node is not None else None
    if not isinstance(root, dict):
        return {}
    starts = sorted(at.line for at in root.values())
    rows: dict[str, list[Row]] = {}
    for row, made, _record in new:
        rows.setdefault(LIST_KEY[_kind(made)], []).append(row)
    rows_at: dict[int, Row] = {}
    for key, mine in rows.items():
        items = root[key].value.children if key in root else None
        if not isinstance(items, list) or len(items) < len(mine):
            continue
        if len({item.line for item in items}) < len(items):
            continue  # a list written on one line ([{…}, {…}]): no line is one row's alone
        at = [item.line for item in items[len(items) - len(mine) :]]
        ends = [*at[1:], next((s for s in starts if s > at[-1]), len(read.lines))]
        for row, start, end in zip(mine, at, ends, strict=True):
            rows_at.update(dict.fromkeys(range(start + 1, end + 1), row))
    return rows_at


def _set_period(text: str, quarter: int, figures: dict[str, int], texts: dict[str, str],
                plan: Plan, path: Path, done: Imported, cells: dict[str, str]) -> str:  # fmt: skip
    """The progress file's text with the period's new TTHC figures (each noted with the
    sheet's cell it came from, `cells`) and its new prose set."""
    from cchc_cli.files import progress_edit

    if figures and 1 <= quarter <= 4:
        notes = {k: visible(cells[k]) for k in figures}
        text = progress_edit.set_period_figures(text, quarter, "thong_ke_tthc", figures, plan.nam,
                                         path, notes=notes)  # fmt: skip
        done.figures = figures
    if texts and 1 <= quarter <= 4:
        text = progress_edit.set_period_prose(text, quarter, texts, plan.nam, path)
        done.prose = list(texts)
    return text


def _file_problems(label: str, path: Path, text: str, plan: Plan, new: list[NewRecord],
                   filled: Filled, read: Loaded | None) -> list[Problem]:  # fmt: skip
    """The errors `cchc validate` would find in the progress file about to be written,
    said at the cells that made them (`read`: the text as already read, or None)."""
    from cchc_cli.files.reader import parse_bytes

    read = read or parse_bytes(str(path), text.encode("utf-8"))
    rows_at = _rows_at(read, new)
    _, found = check_text(path, text, plan, read)
    bad = [p for p in found if p.severity == "error"]
    stats_cell = next(iter(filled.stats.values()))[1] if filled.stats else ""
    prose_cells = {p.key: p.where for p in filled.prose}
    return _at_cells(label, bad, rows_at, text, stats_cell, prose_cells)


def _first(label: str, problems: list[Problem]) -> list[Problem]:
    """The first MAX_PROBLEMS problems in the sheet's order, then one that counts the rest."""
    from cchc_cli.files.raw import MAX_PROBLEMS

    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = words.new_problem(Source(label), "error", "too-many", "more-problems",
                             count=len(problems) - MAX_PROBLEMS)  # fmt: skip
    return [*problems[:MAX_PROBLEMS], more]


def _at_cells(label: str, errors: list[Problem], rows_at: dict[int, Row], text: str,
              stats_cell: str = "", prose_cells: dict[str, str] | None = None
              ) -> list[Problem]:  # fmt: skip
    """The progress file's problems, said at the cell of the row (and key) that made them,
    in the sheet's words."""
    lines = text.splitlines()
    out = []
    for p in errors:
        row = rows_at.get(p.source.line)
        rule, say, args = _cell_says(p)
        line = lines[p.source.line - 1] if 0 < p.source.line <= len(lines) else ""
        key = line.strip().removeprefix("- ").split(":")[0].strip()
        if row is None and stats_cell and (rule.startswith("tthc-") or rule == "figure-over"):
            out.append(cell_problem(label, stats_cell, say, **args))
        elif row is None and prose_cells and key in prose_cells:
            out.append(cell_problem(label, prose_cells[key], say, **args))
        elif row is None:
            out.append(p)
        else:
            out.append(cell_problem(label, row.cells.get(key, row.first), say, **args))
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
