"""The hidden sheet `_cchc` of a returned sheet: what it says it was made for, read, and
verified against the plan it is imported into (`plan.sheet_meta` holds the rules)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cchc_cli import words
from cchc_cli.errors import Problem
from cchc_cli.files.sheet_cells import SheetRefused, cell_problem
from cchc_cli.files.workbook import ReadSheet
from cchc_cli.plan.lookup import task_hash
from cchc_cli.plan.model import Plan
from cchc_cli.plan.numbers import NotANumber, parse_number
from cchc_cli.plan.sheet_meta import (
    SETS,
    body_of,
    meta_check,
    meta_text,
    same_body,
    target_hash,
)


@dataclass
class Meta:
    """The hidden sheet `_cchc`: each key's text and its cell, in the sheet's order."""

    values: dict[str, str]
    cells: dict[str, str]  # key → "_cchc!B5"
    pairs: list[tuple[str, str]]  # (key, text) in order, the check's own row left out

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    def at(self, key: str) -> str:
        return self.cells.get(key, f"{words.SHEET_META}!A1")


def read_meta(label: str, sheets: dict[str, ReadSheet]) -> Meta:
    """The hidden sheet's keys and their texts; `SheetRefused` when the workbook has none
    (not a sheet cchc made), says a format cchc does not read, or names a key twice."""
    sheet = sheets.get(words.SHEET_META)
    if sheet is None:
        raise SheetRefused([cell_problem(label, "", "sheet-not-cchc")])
    meta = Meta({}, {}, [])
    twice: list[Problem] = []
    for r, row in enumerate(sheet.rows[1:], start=2):
        if not row or not isinstance(row[0].value, str):
            continue
        key = row[0].value
        text = meta_text(row[1].value) if len(row) > 1 else ""
        where = f"{words.SHEET_META}!B{r}"
        if key in meta.values:
            twice.append(cell_problem(label, where, "sheet-key-twice", key=key[:40]))
            continue
        meta.values[key], meta.cells[key] = text, where
        if key != "check":
            meta.pairs.append((key, text))
    if meta.get("format") not in words.SHEET_FORMATS_READ:
        at = meta.at("format") if "format" in meta.values else ""
        raise SheetRefused([cell_problem(label, at, "sheet-format", found=meta.get("format")[:40])])
    if twice:
        raise SheetRefused(twice)
    return meta


def verify_meta(label: str, meta: Meta, plan: Plan, plan_name: str, plan_hash: str
                ) -> list[Problem]:  # fmt: skip
    """The hidden sheet against the plan it is imported into, each problem at its cell:
    a sheet edited by hand, made for another body, year or plan file, an unknown unit, a
    quarter other than 1-4 or figure sets cchc does not make are errors; a plan changed
    since the sheet was made is a warning that names what changed."""
    found: list[Problem] = []

    def error(key: str, say: str, **args: Any) -> None:
        found.append(cell_problem(label, meta.at(key), say, **args))

    if meta.get("check") != meta_check(meta.pairs):
        error("check", "sheet-edited")
    if not same_body(meta.get("body"), body_of(plan)):
        error("body", "sheet-other-body", said=meta.get("body")[:120], body=body_of(plan))
    if meta.get("year") != str(plan.nam):
        error("year", "sheet-other-year", found=meta.get("year")[:40], year=plan.nam)
    if meta.get("plan") != plan_name:
        error("plan", "sheet-other-plan", found=meta.get("plan")[:120], plan=plan_name)
    if plan.unit(meta.get("unit")) is None:
        error("unit", "sheet-unknown-unit", unit=meta.get("unit")[:40])
    if quarter_of(meta) is None:
        error("quarter", "sheet-quarter", said=meta.get("quarter")[:40])
    sets = meta.get("sets").split()
    if not sets or any(s not in SETS for s in sets):
        error("sets", "sheet-sets", said=meta.get("sets")[:60], sets=" ".join(SETS))
    if meta.get("plan_hash") != plan_hash and not any(p.severity == "error" for p in found):
        found.append(cell_problem(label, meta.at("plan_hash"), "sheet-plan-changed", "warning",
                                  changes=_changes(meta, plan)))  # fmt: skip
    return found


def quarter_of(meta: Meta) -> int | None:
    """The sheet's report (quarter), 1 to 4, or None when it says anything else."""
    try:
        quarter = parse_number(meta.get("quarter"), whole=True)
    except NotANumber:
        return None
    return int(quarter) if 1 <= quarter <= 4 else None


def changed_tasks(meta: Meta, plan: Plan) -> set[str]:
    then = {k.removeprefix("task:"): v for k, v in meta.values.items() if k.startswith("task:")}
    return {t.ma for _p, _o, t in plan.tasks() if then.get(t.ma) not in (None, task_hash(t))}


def _changes(meta: Meta, plan: Plan, most: int = 12) -> list[dict[str, Any]]:
    """What changed in the plan since the sheet was made, by its fingerprints: tasks and
    targets changed, added or removed (the first `most`, then how many more)."""
    said: list[dict[str, Any]] = []
    for kind, now in (
        ("task", {t.ma: task_hash(t) for _p, _o, t in plan.tasks()}),
        ("target", {t.ma: target_hash(t) for _a, _i, t in plan.targets()}),
    ):
        then = {k.split(":", 1)[1]: v for k, v in meta.values.items() if k.startswith(f"{kind}:")}
        for ma, mark in now.items():
            how = "added" if ma not in then else ("changed" if then[ma] != mark else "")
            if how:
                said.append({"say": f"change-{kind}-{how}", "args": {"id": ma}})
        said += [{"say": f"change-{kind}-removed", "args": {"id": ma[:40]}}
                 for ma in then if ma not in now]  # fmt: skip
    if not said:
        return [{"say": "change-other", "args": {}}]
    if len(said) > most:
        said = [*said[:most], {"say": "change-more", "args": {"count": len(said) - most}}]
    return said
