"""Edits of a progress file through ruamel's round trip (`files.roundtrip`): records
appended, a period's figures and prose set; comments, quoting and blank lines kept.

Each edit is checked before it is given back: no comment line lost
(`roundtrip.check_comments_kept`) and, read as `cchc validate` reads it, no other value
changed (`roundtrip.same_data`, `_prose_reads_back`: `_with_period` says what
may change). Never writes a file.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from cchc_cli.files.roundtrip import (
    DateText,
    append_item,
    block_text,
    check_comments_kept,
    dump,
    field_order,
    insert_key,
    is_map,
    load,
    new_list,
    new_map,
    order_keys,
    quoted_text,
    same_data,
    split_document,
)


def _progress_for_editing(text: str, year: int, path: Path | None) -> tuple[str, Any, str, bool]:
    """A progress text parsed for editing, its keys in the schema's order: (what comes
    before the document, the document, what comes after, whether it was read). An empty
    file, or comments only, is a new document holding `nam`, after those comments."""

    from cchc_cli.plan.model import Progress

    head, body, tail = split_document(text)
    data = load(body, path, head.count("\n")) if body.strip() else None
    read = data is not None
    if data is None:
        head = head + body if not body.strip() else head + body.rstrip("\n") + "\n\n"
        data = new_map()
        data["nam"] = year
    order_keys(data, Progress)
    return head, data, tail, read


def _insert_in_order(
    mapping: Any, model: type[BaseModel], key: str, value: Any, *, blank_line: bool
) -> None:
    """`value` under a new `key` of `mapping`, after the keys the schema puts before it."""
    order = field_order(model)
    pos = sum(1 for k in mapping if k in order and order.index(k) < order.index(key))
    insert_key(mapping, pos, key, value, blank_line=blank_line)


def _period_entry(data: Any, quarter: int) -> Any:
    """The entry of `bao_cao` for period `quarter`, made (and `bao_cao` with it) when the
    progress file has none."""

    from cchc_cli.plan.model import Progress

    periods = data.get("bao_cao")
    if not isinstance(periods, list):
        periods = new_list([])
        _insert_in_order(data, Progress, "bao_cao", periods, blank_line=True)
    entry = next((p for p in periods if isinstance(p, dict) and p.get("ky") == quarter), None)
    if entry is None:
        entry = new_map()
        entry["ky"] = quarter
        append_item(periods, entry)
    return entry


def set_period_figures(
    text: str,
    quarter: int,
    key: str,
    values: dict[str, Any],
    year: int,
    path: Path | None = None,
    notes: dict[str, str] | None = None,
) -> str:
    """The progress text with `values` set under `bao_cao` → the period `quarter` → `key`
    (its `thong_ke_tthc`), the period's entry made when it has none; comments kept.
    `notes` puts a comment on a figure's line (where it came from: a sheet's cell), one
    line of text that the caller has made safe to stand in a comment."""

    head, data, tail, _read = _progress_for_editing(text, year, path)
    entry = _period_entry(data, quarter)
    figures = entry.get(key)
    if not isinstance(figures, dict):
        figures = new_map()
        entry[key] = figures
    taken_off: list[str] = []
    for name, value in values.items():
        before = figures.get(name)
        figures[name] = value
        note = (notes or {}).get(name)
        if note and is_map(figures):
            figures.yaml_add_eol_comment("# " + " ".join(note.split()), name)
        elif before != value and is_map(figures):
            taken_off += _take_off_source_note(figures, name)
    result = head + dump(data) + tail
    check_comments_kept(text, result, path, taken_off)
    _only_the_period_changed(text, result, path, quarter, key, values, year)
    return result


def _only_the_period_changed(before: str, after: str, path: Path | None, quarter: int,
                             key: str | None, values: dict[str, Any], year: int) -> None:  # fmt: skip
    """Refuse (`roundtrip.same_data`, at the value's line) a rewrite that changes any value
    but those set in the period (ruamel can re-emit a kept block scalar otherwise)."""
    if before.strip():
        same_data(before, after, path or Path("<text>"),
                  changes=lambda root: _with_period(root, quarter, key, values, year))  # fmt: skip


def _with_period(
    root: Any, quarter: int, key: str | None, values: dict[str, Any], year: int
) -> Any:
    """Data read from a progress file with `values` set in the period's entry, under `key`
    (as `set_period_figures` sets them), or in the entry itself (`set_period_prose`): what
    the file must read as after the edit, and nothing else changed."""
    root = root if isinstance(root, dict) else {"nam": year}  # an empty file: a new document
    periods = root.get("bao_cao")
    if not isinstance(periods, list):
        periods = root["bao_cao"] = []
    entry = next((p for p in periods if isinstance(p, dict) and p.get("ky") == quarter), None)
    if entry is None:
        entry = {"ky": quarter}
        periods.append(entry)
    if key is None:
        entry.update(values)
        return root
    if not isinstance(entry.get(key), dict):
        entry[key] = {}
    entry[key].update(values)
    return root


# The note a sheet's import leaves on a figure's line: the workbook's cell it came from
# (`2023-q2-VP.xlsx:Thống kê TTHC!D11`), which a later sheet that disagrees is told.
SOURCE_NOTE = re.compile(r"#\s*(\S.*\.xlsx:.+![A-Z]{1,3}[0-9]+)\s*$")


def _take_off_source_note(mapping: Any, key: str) -> list[str]:
    """Take off the note on `key`'s line that names the workbook cell its value came from,
    once the value is set otherwise (it would name the wrong source); the comment lines
    after it stay. The note taken off, as a comment line, or nothing."""
    entry = mapping.ca.items.get(key)
    token = entry[2] if entry and len(entry) > 2 else None
    if token is None:
        return []
    first, newline, rest = token.value.partition("\n")
    if not SOURCE_NOTE.fullmatch(first.strip()):
        return []
    token.value = newline + rest if newline else "\n"
    return [first.strip()]


def laid_out_and_appended(
    text: str, records: list[tuple[str, dict[str, Any]]], year: int, path: Path | None = None
) -> tuple[str, str]:
    """`canonical(text, Progress)`, and the text with each record appended to its list
    (list key, record), in order, in the canonical layout: from one parse of `text`,
    however many records (ruamel's parse is the slowest step of `record` and `import`).
    The first tells whether the file was in the layout already."""
    from cchc_cli.plan.model import Progress

    head, data, tail, read = _progress_for_editing(text, year, path)
    before = text
    if read:
        before = head + dump(data) + tail
        check_comments_kept(text, before, path)
    for list_key, record in records:
        item = new_map()
        for key, value in record.items():
            item[key] = DateText(value.isoformat()) if isinstance(value, date) else value
        current = data.get(list_key)
        if isinstance(current, list):
            append_item(current, item)
        elif list_key in data:
            data[list_key] = new_list([item])
        else:
            _insert_in_order(data, Progress, list_key, new_list([item]), blank_line=True)
    result = head + dump(data) + tail
    check_comments_kept(text, result, path)
    return before, result


def set_period_prose(
    text: str, quarter: int, values: dict[str, str], year: int, path: Path | None = None
) -> str:
    """The progress text with the report's prose `values` (key -> text) set in the entry of
    `bao_cao` for the period `quarter` (made when it has none), each key at its place in the
    schema's order; comments kept.

    Text is written so that it reads back as exactly that text, whatever it holds (a colon,
    a quote, a leading dash or '#', a word YAML would take for a boolean, several lines):
    the emitter quotes what needs it, a text of several lines goes as a literal block, and
    the result is read back as `cchc validate` reads it; a text that does not come back
    whole is written double-quoted instead, and if even that fails nothing is written."""

    from cchc_cli.plan.model import Narrative

    def build(styled: dict[str, Any]) -> str:
        head, data, tail, _read = _progress_for_editing(text, year, path)
        entry = _period_entry(data, quarter)
        for key, value in styled.items():
            if key in entry:
                entry[key] = value
            else:
                _insert_in_order(entry, Narrative, key, value, blank_line=False)
        result = head + dump(data) + tail
        check_comments_kept(text, result, path)
        return result

    plain = {k: block_text(v) if "\n" in v else v for k, v in values.items()}
    result = build(plain)
    if _prose_reads_back(text, result, quarter, values, year):
        return result
    result = build({k: quoted_text(v) for k, v in values.items()})
    if _prose_reads_back(text, result, quarter, values, year):
        return result
    # another value would change (a kept block scalar): said at its line
    _only_the_period_changed(text, result, path, quarter, None, values, year)
    from cchc_cli.errors import CchcError

    raise CchcError("prose-not-written", path=str(path or "<text>"))


def _prose_reads_back(
    before: str, after: str, quarter: int, values: dict[str, str], year: int
) -> bool:
    """Whether `after` reads, as `cchc validate` reads it, as `before` with the period's
    prose set to `values` and nothing else changed (`_with_period`)."""
    import copy

    from cchc_cli.files.reader import parse_text

    old, new = parse_text("before", before), parse_text("after", after)
    if new.problems or old.problems or not isinstance(new.root, dict):
        return False
    return bool(_with_period(copy.deepcopy(old.root), quarter, None, values, year) == new.root)
