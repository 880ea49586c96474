"""Meaning-level rules on a validated plan, and walking its parts with their paths.

Each rule is a small function returning findings located by their path in the
document; `PLAN_CHECKS` lists them (beancount's habit). A progress file's rules are
`plan.progress_checks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import cast

from cchc_cli.errors import Finding, Loc
from cchc_cli.plan.deadlines import (
    DeadlineError,
    parse_deadline,
)
from cchc_cli.plan.lookup import closest, closest_id, resolve_unit
from cchc_cli.plan.measures import (
    COUNTS,
)
from cchc_cli.plan.model import (
    Figure,
    Objective,
    Plan,
    Row,
    Target,
    Task,
)

PlanCheck = Callable[[Plan], list[Finding]]


# --- walking the plan with paths -------------------------------------------------


def objectives_with_loc(plan: Plan) -> Iterator[tuple[Loc, int, Objective]]:
    """Every appendix objective with its path and area."""
    for pi, part in enumerate(plan.phu_luc.phan):
        for oi, obj in enumerate(part.muc_tieu):
            yield ("phu_luc", "phan", pi, "muc_tieu", oi), part.linh_vuc, obj
        for gi, group in enumerate(part.nhom):
            for oi, obj in enumerate(group.muc_tieu):
                yield ("phu_luc", "phan", pi, "nhom", gi, "muc_tieu", oi), part.linh_vuc, obj


def tasks_with_loc(plan: Plan) -> Iterator[tuple[Loc, Task]]:
    for loc, _area, obj in objectives_with_loc(plan):
        for ti, task in enumerate(obj.nhiem_vu):
            yield (*loc, "nhiem_vu", ti), task


def rows_with_loc(plan: Plan) -> Iterator[tuple[Loc, Task, Row]]:
    """Each task's own row and its continuation rows (dong_tiep)."""
    for loc, task in tasks_with_loc(plan):
        yield loc, task, task
        for ri, row in enumerate(task.dong_tiep):
            yield (*loc, "dong_tiep", ri), task, row


def targets_with_loc(plan: Plan) -> Iterator[tuple[Loc, Figure, str]]:
    for ai, area in enumerate(plan.chi_tieu):
        for ii, ind in enumerate(area.chi_tieu):
            for ti, target in enumerate(ind.chi_so):
                yield ("chi_tieu", ai, "chi_tieu", ii, "chi_so", ti), target, target.ma


def unknown_id(
    loc: Loc, kind: str, ma: str, known: Iterable[str], other: dict[str, str]
) -> Finding:
    """An unknown task or target id, or one of the other kind (`other`: those ids)."""
    if ma in other:
        say = {"task": "task-is-target", "target": "target-is-task-record"}[kind]
        return Finding(loc, "error", "unknown-id", say, {"id": ma})
    return Finding(
        loc, "error", "unknown-id", f"unknown-{kind}", {"id": ma, "like": closest_id(ma, known)}
    )


# --- plan checks -------------------------------------------------------------------


def unique_ids(plan: Plan) -> list[Finding]:
    """Ids are what users type: each must name one thing."""
    found: list[Finding] = []

    def scan(kind: str, items: list[tuple[Loc, str]]) -> dict[str, Loc]:
        seen: dict[str, Loc] = {}
        folded: dict[str, str] = {}  # ids that name files (pages, sheets) differ in more than case
        for loc, ma in items:
            if ma in seen:
                found.append(
                    Finding((*loc, "ma"), "error", "duplicate-id", f"duplicate-{kind}", {"id": ma})
                )
                continue
            seen[ma] = loc
            other = folded.setdefault(ma.casefold(), ma)
            if other != ma and kind in ("unit", "task"):
                said = {"kind": {"say": f"kind-{kind}"}, "id": ma, "other": other}
                found.append(Finding((*loc, "ma"), "error", "duplicate-id", "case-twin", said))
        return seen

    scan("unit", [(("don_vi", i), u.ma) for i, u in enumerate(plan.don_vi)])
    scan("area", [(("linh_vuc", i), str(a.ma)) for i, a in enumerate(plan.linh_vuc)])
    scan(
        "indicator",
        [
            (("chi_tieu", ai, "chi_tieu", ii), ind.ma)
            for ai, a in enumerate(plan.chi_tieu)
            for ii, ind in enumerate(a.chi_tieu)
        ],
    )
    scan("objective", [(loc, obj.ma) for loc, _a, obj in objectives_with_loc(plan)])
    tasks = scan("task", [(loc, t.ma) for loc, t in tasks_with_loc(plan)])
    targets = scan("target", [(loc, ma) for loc, _t, ma in targets_with_loc(plan)])
    for ma, loc in targets.items():
        if ma in tasks:
            found.append(
                Finding((*loc, "ma"), "error", "duplicate-id", "target-is-task", {"id": ma})
            )
    return found


def units_exist(plan: Plan) -> list[Finding]:
    ids = {u.ma for u in plan.don_vi}
    found = []
    for loc, _task, row in rows_with_loc(plan):
        for key in ("chu_tri", "phoi_hop"):
            for k, ma in enumerate(getattr(row, key)):
                if ma not in ids:
                    like = closest(ma, ids) or resolve_unit(plan, ma)
                    found.append(
                        Finding(
                            (*loc, key, k),
                            "error",
                            "unknown-unit",
                            "unknown-unit",
                            {"id": ma, "like": like},
                        )
                    )
    groups = {u.ma for u in plan.don_vi if u.tap_the}
    for i, unit in enumerate(plan.don_vi):
        for k, ma in enumerate(unit.thuoc):
            if ma not in groups:
                found.append(
                    Finding(
                        ("don_vi", i, "thuoc", k),
                        "error",
                        "unknown-unit",
                        "unknown-group",
                        {"id": ma, "like": closest(ma, groups)},
                    )
                )
    return found


def areas_exist(plan: Plan) -> list[Finding]:
    ids = {a.ma for a in plan.linh_vuc}
    found = []
    sections: list[tuple[str, list[int]]] = [
        ("chi_tieu", [a.linh_vuc for a in plan.chi_tieu]),
        ("giai_phap", [a.linh_vuc for a in plan.giai_phap]),
    ]
    for key, numbers in sections:
        for i, number in enumerate(numbers):
            if number not in ids:
                found.append(
                    Finding(
                        (key, i, "linh_vuc"),
                        "error",
                        "unknown-area",
                        "unknown-area",
                        {"area": number},
                    )
                )
    for i, part in enumerate(plan.phu_luc.phan):
        if part.linh_vuc not in ids:
            found.append(
                Finding(
                    ("phu_luc", "phan", i, "linh_vuc"),
                    "error",
                    "unknown-area",
                    "unknown-area",
                    {"area": part.linh_vuc},
                )
            )
    return found


def targets_agree(plan: Plan) -> list[Finding]:
    """An appendix objective that restates a section II target should state the same figure."""
    targets = {ma: fig for _loc, fig, ma in targets_with_loc(plan)}
    found = []
    for loc, _area, obj in objectives_with_loc(plan):
        for fi, fig in enumerate(obj.chi_so):
            if fig.ung_voi is None:
                continue
            target = targets.get(fig.ung_voi)
            floc = (*loc, "chi_so", fi)
            if target is None:
                found.append(
                    Finding(
                        (*floc, "ung_voi"),
                        "error",
                        "unknown-target",
                        "unknown-target",
                        {"id": fig.ung_voi, "like": closest(fig.ung_voi, targets)},
                    )
                )
                continue
            same = (fig.so_sanh, fig.gia_tri, fig.gia_tri_den, fig.don_vi) == (
                target.so_sanh,
                target.gia_tri,
                target.gia_tri_den,
                target.don_vi,
            )
            if not same:
                found.append(
                    Finding(
                        floc,
                        "warning",
                        "target-differs",
                        "target-differs",
                        {
                            "objective": obj.ma,
                            "figure": fig.notation(),
                            "target": fig.ung_voi,
                            "target_figure": target.notation(),
                        },
                    )
                )
    return found


def target_links(plan: Plan) -> list[Finding]:
    """A target that restates another (`ung_voi`) names one that exists and restates
    nothing itself, and states the same figure; a target computed from a period's figures
    (`tinh_tu`) is a percentage and the measure itself; interim targets (`moc`) fall in the
    plan's year and, for a percentage, within 0–100."""
    targets = {ma: (loc, cast(Target, t)) for loc, t, ma in targets_with_loc(plan)}
    found = []
    for ma, (loc, t) in targets.items():
        to = getattr(t, "ung_voi", None)
        if to is not None:
            if to not in targets:
                found.append(Finding((*loc, "ung_voi"), "error", "unknown-target",
                                     "unknown-target", {"id": to, "like": closest(to, targets)}))  # fmt: skip
            elif to == ma:
                found.append(Finding((*loc, "ung_voi"), "error", "target-link", "target-link-self",
                                     {"id": ma}))  # fmt: skip
            elif targets[to][1].ung_voi is not None:
                further = targets[to][1].ung_voi
                found.append(Finding((*loc, "ung_voi"), "error", "target-link",
                                     "target-link-chain", {"id": ma, "to": to, "further": further}))  # fmt: skip
            else:
                other = targets[to][1]
                if t.notation() != other.notation():
                    found.append(Finding(loc, "warning", "target-differs", "linked-target-differs",
                                         {"id": ma, "figure": t.notation(), "to": to,
                                          "to_figure": other.notation()}))  # fmt: skip
                if t.tinh_tu is not None:
                    found.append(Finding((*loc, "tinh_tu"), "error", "target-link",
                                         "computed-on-restated", {"id": ma, "to": to}))  # fmt: skip
        if t.tinh_tu in COUNTS and t.don_vi != "so_luong":
            found.append(Finding((*loc, "tinh_tu"), "error", "computed-not-count",
                                 "computed-not-count", {"id": ma, "formula": t.tinh_tu}))  # fmt: skip
        elif t.tinh_tu is not None and t.tinh_tu not in COUNTS and t.don_vi != "phan_tram":
            found.append(Finding((*loc, "tinh_tu"), "error", "computed-not-percent",
                                 "computed-not-percent", {"id": ma}))  # fmt: skip
        for mi, step in enumerate(t.moc):
            if step.han.year != plan.nam:
                found.append(Finding((*loc, "moc", mi, "han"), "error", "deadline-year",
                                     "milestone-year", {"id": ma, "due": step.han.isoformat(),
                                                        "year": plan.nam}))  # fmt: skip
            if t.don_vi == "phan_tram" and not 0 <= step.gia_tri <= 100:
                found.append(Finding((*loc, "moc", mi, "gia_tri"), "error", "out-of-range",
                                     "percent-range", {"value": step.gia_tri}))  # fmt: skip
    return found


YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def deadlines_readable(plan: Plan) -> list[Finding]:
    found = []
    for loc, task, row in rows_with_loc(plan):
        try:
            deadline = parse_deadline(row.thoi_han, plan.nam)
        except DeadlineError as exc:
            found.append(
                Finding((*loc, "thoi_han"), "error", "deadline", "deadline-unreadable", exc.args_)
            )
            continue
        if deadline.kind == "external" and row.han is None:
            found.append(
                Finding(
                    (*loc, "thoi_han"),
                    "warning",
                    "deadline-external",
                    "deadline-external",
                    {"task": task.ma, "phrase": row.thoi_han, "year": plan.nam},
                )
            )
        others = sorted({y for y in YEARS.findall(row.thoi_han) if int(y) != plan.nam})
        if others:  # "Quý I/2023" left in a plan copied to 2024
            found.append(
                Finding(
                    (*loc, "thoi_han"),
                    "warning",
                    "other-year",
                    "other-year",
                    {"where": task.ma, "text": row.thoi_han, "found": ", ".join(others),
                     "year": plan.nam},
                )
            )  # fmt: skip
        if row.han is not None and row.han.year != plan.nam:
            found.append(
                Finding(
                    (*loc, "han"),
                    "warning",
                    "deadline-year",
                    "deadline-year",
                    {"task": task.ma, "due": row.han.isoformat(), "year": plan.nam},
                )
            )
    return found


def amendments_name_ids(plan: Plan) -> list[Finding]:
    known = {t.ma for _l, t in tasks_with_loc(plan)} | {ma for _l, _f, ma in targets_with_loc(plan)}
    found = []
    for ai, amendment in enumerate(plan.dieu_chinh):
        for k, ma in enumerate(amendment.ma):
            if ma not in known:
                found.append(
                    Finding(
                        ("dieu_chinh", ai, "ma", k),
                        "error",
                        "unknown-id",
                        "unknown-id",
                        {"id": ma, "like": closest_id(ma, known)},
                    )
                )
    return found


def scoring_inputs_exist(plan: Plan) -> list[Finding]:
    """The records the plan names for automatic scoring (`cai_dat.cham_diem`) are its own:
    the task that issues the plan is a task, the digitisation target a target."""
    scoring = plan.cai_dat.cham_diem
    if scoring is None:
        return []
    tasks = {t.ma for _p, _o, t in plan.tasks()}
    targets = {t.ma for _a, _i, t in plan.targets()}
    found = []
    loc: Loc = ("cai_dat", "cham_diem")
    task = scoring.nhiem_vu_ban_hanh_ke_hoach
    if task is not None and task not in tasks:
        other = dict.fromkeys(targets, "target")
        found.append(unknown_id((*loc, "nhiem_vu_ban_hanh_ke_hoach"), "task", task, tasks, other))
    target = scoring.chi_so_so_hoa
    if target is not None and target not in targets:
        other = dict.fromkeys(tasks, "task")
        found.append(unknown_id((*loc, "chi_so_so_hoa"), "target", target, targets, other))
    return found


PLAN_CHECKS: list[PlanCheck] = [
    unique_ids,
    units_exist,
    areas_exist,
    targets_agree,
    target_links,
    deadlines_readable,
    amendments_name_ids,
    scoring_inputs_exist,
]


def check_plan(plan: Plan) -> list[Finding]:
    return [f for check in PLAN_CHECKS for f in check(plan)]
