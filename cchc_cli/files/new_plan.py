"""`cchc new YEAR`: next year's plan started from this one.

The same units, areas, structure and settings; every deadline phrase and `han`
date moved by the years between the plans; the issued text's number, date and
signer emptied, the amendments and the year's extra holidays dropped. The
issued text itself (purposes, targets, solutions) is the old plan's until the
department words the new one, so every line that still names the old year is
listed for review. The file is written with the same comments and layout as
the plan it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cchc_cli.errors import ProblemsFound, Source, UsageError
from cchc_cli.plan.model import Plan

YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


@dataclass
class NewPlan:
    path: Path
    text: str
    moved: int = 0  # deadline phrases and dates moved to the new year
    review: list[tuple[int, str]] = field(default_factory=list)  # lines naming the old year


def _shift_years(text: str, delta: int) -> str:
    return YEAR.sub(lambda m: str(int(m.group()) + delta), text)


class _Unmovable(Exception):
    """A `han` date that `delta` years would take off the calendar (9999-12-31 + 1)."""

    def __init__(self, node: Any, key: str, value: Any) -> None:
        super().__init__(key)
        self.node, self.key, self.value = node, key, value


def _shift_date(value: Any, delta: int) -> Any:
    """A `han` date (text or date) `delta` years later; 29/02 becomes 28/02 where needed.
    ValueError when the year it would fall in is not one a date can have."""
    from cchc_cli.files.roundtrip import DateText

    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    year = day.year + delta
    if not 1 <= year <= 9999:
        raise ValueError(year)
    try:
        moved = day.replace(year=year)
    except ValueError:  # 29/02 in a year without it
        moved = day.replace(year=year, day=28)
    return DateText(moved.isoformat()) if not isinstance(value, date) else moved


def _move_rows(node: Any, delta: int) -> int:
    """Move every `thoi_han` phrase and `han` date under `node`; how many were moved."""
    moved = 0
    if isinstance(node, dict):
        for key in list(node):
            value = node[key]
            if key == "thoi_han" and isinstance(value, str):
                shifted = _shift_years(value, delta)
                if shifted != value:
                    node[key] = type(value)(shifted) if type(value) is not str else shifted
                    moved += 1
            elif key == "han" and value is not None:
                try:
                    node[key] = _shift_date(value, delta)
                except ValueError:
                    raise _Unmovable(node, key, value) from None
                moved += 1
            else:
                moved += _move_rows(value, delta)
    elif isinstance(node, list):
        for item in node:
            moved += _move_rows(item, delta)
    return moved


def _around(text: str, year: str, room: int = 90) -> str:
    """The part of a long line around the first place it names `year`."""
    if len(text) <= room:
        return text
    at = text.index(year)
    start = max(0, at - room // 2)
    end = min(len(text), start + room)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def start_plan(source: Path, plan: Plan, year: int, target: Path | None) -> NewPlan:
    """The text of next year's plan from `source` (read as `plan`), for `target`."""
    from cchc_cli.files.reader import read_regular
    from cchc_cli.files.roundtrip import Form, dump, load
    from cchc_cli.plan.deadlines import MAX_YEAR, MIN_YEAR

    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UsageError("new-year-range", year=year, first=MIN_YEAR, last=MAX_YEAR)
    if year == plan.nam:
        raise UsageError("new-same-year", year=year)
    path = target or source.with_name(f"{year}.yaml")
    if path.exists() or path.is_symlink():
        raise UsageError("new-exists", path=str(path))
    data = read_regular(source, 20 * 1024 * 1024) or b""
    form, text = Form.of(data.decode("utf-8"))  # its byte order mark and line endings, kept
    doc = load(text, source)
    delta = year - plan.nam
    doc["nam"] = year
    header = doc["van_ban"]
    header["so"] = None
    issued = header["ngay_ban_hanh"]
    issued["ngay"], issued["thang"], issued["nam"] = None, None, year
    if isinstance(header.get("trich_yeu"), str):
        header["trich_yeu"] = YEAR.sub(str(year), header["trich_yeu"])
    header["nguoi_ky"]["ho_ten"] = None
    if "dieu_chinh" in doc:
        doc["dieu_chinh"] = []
    settings = doc.get("cai_dat")
    if settings is not None:
        for key in ("ngay_nghi_them", "ngay_lam_bu"):
            if key in settings:
                settings[key] = []
    try:
        moved = _move_rows(doc["phu_luc"], delta)
    except _Unmovable as exc:
        raise _unmovable(source, exc, delta) from None
    new = dump(doc)
    old = str(plan.nam)
    named = re.compile(rf"(?<!\d){old}(?!\d)")
    review = []
    for n, line in enumerate(new.splitlines(), 1):
        found = named.search(line)
        if found and not line.lstrip().startswith("#"):
            review.append((n, _around(line.strip(), found.group())))
    return NewPlan(path, form.apply(new), moved, review)


def _unmovable(source: Path, exc: _Unmovable, delta: int) -> ProblemsFound:
    """The `han` date that cannot be moved, said at its place in the plan."""
    from cchc_cli.words import new_problem

    try:
        line, col = exc.node.lc.value(exc.key)
        line, col = line + 1, col + 1
    except (AttributeError, KeyError, TypeError):
        line, col = 0, 0
    value = exc.value.isoformat() if isinstance(exc.value, date) else str(exc.value)
    problem = new_problem(Source(str(source), line, col), "error", "new-date-range",
                          "new-date-range", date=value, years=delta)  # fmt: skip
    return ProblemsFound([problem])
