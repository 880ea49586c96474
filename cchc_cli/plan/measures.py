"""Targets that are one measure: a target that restates another (`Target.ung_voi`: one
value, one verdict, wherever the plan names it) and a target computed from a period's
standard figures (`Target.tinh_tu`).

Pure: no I/O, no words. `measures` gathers, for each measure, every value known of it: the
progress records of each of its ids and the values its formula gives from the figures of
each report, in date order; the status takes the latest on or before its as-of date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from cchc_cli.plan.deadlines import slot_window

QUARTERS = (1, 2, 3, 4)

# tinh_tu -> (where the figures are, numerator keys, denominator keys): the share, in percent;
# a formula with no denominator is a count (`COUNTS`). A formula of flows (cases received,
# initiatives recognised in a window) adds up over windows that follow each other; one with
# a stock or a count of distinct things (units, of which some may be inspected twice) does
# not.
ADDITIVE = frozenset({"ty_le_ho_so_truc_tuyen", "so_sang_kien"})
COUNTS = frozenset({"so_sang_kien"})
FORMULAS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "ty_le_kiem_tra": ("so_lieu", ("don_vi_duoc_kiem_tra",), ("tong_so_don_vi",)),
    "ty_le_ho_so_truc_tuyen": (
        "thong_ke_tthc",
        ("tiep_nhan_truc_tuyen",),
        ("tiep_nhan_truc_tuyen", "tiep_nhan_truc_tiep"),
    ),
    "so_sang_kien": ("so_lieu", ("sang_kien",), ()),
}
# A figure that, not recorded, is the sum of others: the units of the body are its
# departments and its public service units.
SUMS: dict[str, tuple[str, ...]] = {"tong_so_don_vi": ("so_phong", "so_don_vi_su_nghiep")}


def figure_of(figures: Any, key: str) -> int | None:
    """A period's figure `key` as recorded, or the sum of its parts (`SUMS`) when it is not
    and they all are; None when neither."""
    value = getattr(figures, key, None) if figures is not None else None
    if value is not None or key not in SUMS:
        return value
    parts = [getattr(figures, k, None) if figures is not None else None for k in SUMS[key]]
    return None if None in parts else sum(p or 0 for p in parts)


@dataclass(frozen=True)
class Measure:
    """One value of a measure: a progress record (`record` is its index in `chi_so`, `ma`
    the id it was recorded under) or the share a report's figures give (`quarter`)."""

    ma: str
    ngay: date
    gia_tri: float
    nguon: str | None = None
    record: int | None = None
    quarter: int | None = None
    tu_so: int | None = None
    mau_so: int | None = None

    def value(self, unit: str) -> float:
        return self.gia_tri


def link_roots(plan: Any) -> dict[str, str]:
    """Each target's id → the id of the measure it is: the target it restates (`ung_voi`),
    or itself. A link to an unknown target, to itself or through a chain is the checks'
    business (`plan.checks`); here such a target stands for itself."""
    targets = {t.ma: t for _a, _i, t in plan.targets()}
    roots: dict[str, str] = {}
    for ma, t in targets.items():
        to = getattr(t, "ung_voi", None)
        ok = to is not None and to != ma and to in targets and targets[to].ung_voi is None
        roots[ma] = str(to) if ok else ma
    return roots


def cumulative(year: int, quarter: int) -> bool:
    """Whether report `quarter` counts from the year's start (quý I, 6 tháng, năm): only
    its figures give a share for the year so far."""
    return slot_window(year, quarter)[0] == slot_window(year, 1)[0]


def share(formula: str, figures: Any) -> tuple[float, int, int] | None:
    """The share (percent) a formula gives from a period's figures, with its numerator and
    denominator; None when one of them is not recorded or the denominator is 0. A count
    (`COUNTS`) is its numerator, with a denominator of 0."""
    _, top, bottom = FORMULAS[formula]
    if figures is None:
        return None
    up: list[int | None] = [figure_of(figures, k) for k in top]
    down: list[int | None] = [figure_of(figures, k) for k in bottom]
    if None in up or None in down:
        return None
    part, whole = sum(v or 0 for v in up), sum(v or 0 for v in down)
    if formula in COUNTS:
        return (float(part), part, 0)
    return (100 * part / whole, part, whole) if whole else None


def computed(plan: Any, progress: Any, target: Any) -> list[Measure]:
    """The values of a target with `tinh_tu`, dated each report's cut-off: the share that
    the figures of each report counting from the year's start give; for a report that does
    not (quý III), the share of the year so far when the formula's figures add up
    (`ADDITIVE`): those of the last report from the year's start and of the reports after
    it, whose windows follow on."""
    formula = getattr(target, "tinh_tu", None)
    if formula is None:
        return []
    where = FORMULAS[formula][0]
    found = []
    for q in QUARTERS:
        story = progress.narrative(q)
        if story is None:
            continue
        if cumulative(plan.nam, q):
            got = share(formula, getattr(story, where, None))
        elif formula in ADDITIVE:
            got = _share_so_far(plan, progress, formula, q)
        else:
            continue
        if got is not None:
            cutoff = slot_window(plan.nam, q)[1]
            parts = (None, None) if formula in COUNTS else (got[1], got[2])
            found.append(Measure(target.ma, cutoff, got[0], None, None, q, *parts))
    return found


def _share_so_far(
    plan: Any, progress: Any, formula: str, quarter: int
) -> tuple[float, int, int] | None:
    """The share of the year up to report `quarter`'s cut-off from figures that add up: the
    last report from the year's start before it, and every report after that one up to
    `quarter`; None when one of them lacks a figure."""
    start = max((q for q in QUARTERS if q < quarter and cumulative(plan.nam, q)), default=None)
    if start is None:
        return None
    where, top, bottom = FORMULAS[formula]
    totals: dict[str, int] = {}
    for q in range(start, quarter + 1):
        story = progress.narrative(q)
        figures = getattr(story, where, None) if story is not None else None
        for key in dict.fromkeys((*top, *bottom)):
            value = figure_of(figures, key)
            if value is None:
                return None
            totals[key] = totals.get(key, 0) + value
    part, whole = sum(totals[k] for k in top), sum(totals[k] for k in bottom)
    if formula in COUNTS:
        return (float(part), part, 0)
    return (100 * part / whole, part, whole) if whole else None


def measures(plan: Any, progress: Any) -> dict[str, list[Measure]]:
    """Every value of each measure (by the id of its root target), oldest first: the
    records of all its ids in file order, then on the same day the value its figures give."""
    roots = link_roots(plan)
    targets = {t.ma: t for _a, _i, t in plan.targets()}
    found: dict[str, list[Measure]] = {}
    for i, rec in enumerate(progress.chi_so):
        root = roots.get(rec.ma)
        if root is None:
            continue
        value = rec.value(targets[root].don_vi)
        top, bottom = _whole(rec.tu_so), _whole(rec.mau_so)  # a fraction recorded: its parts
        found.setdefault(root, []).append(
            Measure(rec.ma, rec.ngay, value, rec.nguon, i, None, top, bottom)
        )
    for ma, root in roots.items():
        if ma == root and getattr(targets[ma], "tinh_tu", None):
            found.setdefault(ma, []).extend(computed(plan, progress, targets[ma]))
    for values in found.values():
        values.sort(key=lambda m: (m.ngay, m.quarter is not None))  # stable: file order kept
    return found


def _whole(number: float | None) -> int | None:
    """A record's numerator or denominator as a count, when it is a whole number."""
    return int(number) if number is not None and float(number).is_integer() else None


def latest(values: list[Measure] | None, as_of: date) -> Measure | None:
    """The value in force on `as_of`: the last one dated on or before it."""
    last = None
    for m in values or ():
        if m.ngay <= as_of:
            last = m
    return last
