"""Meaning-level rules on a validated plan and its progress.

Each rule is a small function returning findings located by their path in the
document; `PLAN_CHECKS` and `PROGRESS_CHECKS` list them (beancount's habit).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import cast

from cchc_cli.errors import Finding, Loc
from cchc_cli.plan.deadlines import (
    MAX_YEAR,
    MIN_YEAR,
    DeadlineError,
    parse_deadline,
    slot_window,
)
from cchc_cli.plan.lookup import closest, closest_id, resolve_unit
from cchc_cli.plan.measures import (
    COUNTS,
    FORMULAS,
    QUARTERS,
    SUMS,
    cumulative,
    link_roots,
    share,
)
from cchc_cli.plan.model import (
    Figure,
    Objective,
    Plan,
    Progress,
    Row,
    Target,
    TargetRecord,
    Task,
    TaskRecord,
)
from cchc_cli.plan.shapes import AREA_FIGURES, TTHC_FIELDS, nfc_key

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
        found.append(_unknown_id((*loc, "nhiem_vu_ban_hanh_ke_hoach"), "task", task, tasks, other))
    target = scoring.chi_so_so_hoa
    if target is not None and target not in targets:
        other = dict.fromkeys(tasks, "task")
        found.append(_unknown_id((*loc, "chi_so_so_hoa"), "target", target, targets, other))
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


# --- progress checks -----------------------------------------------------------------


def _unknown_id(
    loc: Loc, kind: str, ma: str, known: Iterable[str], other: dict[str, str]
) -> Finding:
    """An unknown task or target id, or one of the other kind (`other`: those ids)."""
    if ma in other:
        say = {"task": "task-is-target", "target": "target-is-task-record"}[kind]
        return Finding(loc, "error", "unknown-id", say, {"id": ma})
    return Finding(
        loc, "error", "unknown-id", f"unknown-{kind}", {"id": ma, "like": closest_id(ma, known)}
    )


def progress_ids(plan: Plan, progress: Progress) -> list[Finding]:
    tasks = {t.ma for _p, _o, t in plan.tasks()}
    targets = {t.ma: t for _a, _i, t in plan.targets()}
    as_target = dict.fromkeys(targets, "target")
    as_task = dict.fromkeys(tasks, "task")
    found = []
    for i, rec in enumerate(progress.nhiem_vu):
        if rec.ma not in tasks:
            found.append(_unknown_id(("nhiem_vu", i, "ma"), "task", rec.ma, tasks, as_target))
    for i, trec in enumerate(progress.chi_so):
        target = targets.get(trec.ma)
        if target is None:
            found.append(_unknown_id(("chi_so", i, "ma"), "target", trec.ma, targets, as_task))
        elif target.don_vi == "phan_tram" and not 0 <= trec.value("phan_tram") <= 100:
            key = "gia_tri" if trec.gia_tri is not None else "tu_so"
            found.append(
                Finding(
                    ("chi_so", i, key),
                    "error",
                    "out-of-range",
                    "percent-out-of-range",
                    {"id": trec.ma, "value": trec.value("phan_tram")},
                )
            )
        elif target.don_vi == "so_luong" and any(
            v is not None and not float(v).is_integer() for v in (trec.gia_tri, trec.tu_so)
        ):
            key = "gia_tri" if trec.gia_tri is not None else "tu_so"
            value = trec.gia_tri if trec.gia_tri is not None else trec.tu_so
            found.append(
                Finding(
                    ("chi_so", i, key),
                    "error",
                    "not-a-count",
                    "not-a-count",
                    {"id": trec.ma, "value": value},
                )
            )
    return found


def record_window(year: int) -> tuple[date, date]:
    """The days a record of plan `year` may carry: from the first report's window (15/12 of
    the year before) to the year's last day."""
    return date(year - 1, 12, 15), date(year, 12, 31)


def progress_dates(plan: Plan, progress: Progress) -> list[Finding]:
    """A record's date is a day of the plan year (from 15/12 of the year before), written in
    full; a record made after the year says why (`ghi_muon`)."""
    found = []
    first, last = record_window(plan.nam)
    dated: list[tuple[str, Sequence[TaskRecord | TargetRecord]]] = [
        ("nhiem_vu", progress.nhiem_vu),
        ("chi_so", progress.chi_so),
    ]
    for key, records in dated:
        for i, rec in enumerate(records):
            if not MIN_YEAR <= rec.ngay.year <= MAX_YEAR:
                found.append(
                    Finding(
                        (key, i, "ngay"),
                        "error",
                        "date-year",
                        "date-year",
                        {
                            "id": rec.ma,
                            "date": rec.ngay.isoformat(),
                            "year": rec.ngay.year,
                            "plan_year": plan.nam,
                        },  # fmt: skip
                    )
                )
            elif not first <= rec.ngay <= last and not (rec.ghi_muon or "").strip():
                found.append(
                    Finding(
                        (key, i, "ngay"),
                        "error",
                        "date-outside-year",
                        "date-outside-year",
                        {
                            "id": rec.ma,
                            "date": rec.ngay.isoformat(),
                            "year": plan.nam,
                            "first": first.isoformat(),
                            "last": last.isoformat(),
                        },  # fmt: skip
                    )
                )
    if progress.nam is not None and progress.nam != plan.nam:
        found.append(
            Finding(
                ("nam",),
                "error",
                "wrong-year",
                "wrong-year",
                {"year": progress.nam, "plan_year": plan.nam},
            )
        )
    return found


def progress_periods_unique(plan: Plan, progress: Progress) -> list[Finding]:
    seen: set[int] = set()
    found = []
    for i, n in enumerate(progress.bao_cao):
        if n.ky in seen:
            found.append(
                Finding(
                    ("bao_cao", i, "ky"),
                    "error",
                    "duplicate-id",
                    "duplicate-narrative",
                    {"period": n.ky},
                )
            )
        seen.add(n.ky)
    return found


def reports_sent_after_signing(plan: Plan, progress: Progress) -> list[Finding]:
    """A report is sent on or after the day it is signed (`ngay_gui` ≥ `ngay_ky`)."""
    found = []
    for i, n in enumerate(progress.bao_cao):
        sent, signed = getattr(n, "ngay_gui", None), n.ngay_ky
        if sent is not None and signed is not None and sent < signed:
            found.append(
                Finding(
                    ("bao_cao", i, "ngay_gui"),
                    "error",
                    "sent-before-signed",
                    "sent-before-signed",
                    {"period": n.ky, "sent": sent.isoformat(), "signed": signed.isoformat()},
                )
            )
    return found


def linked_records(plan: Plan, progress: Progress) -> list[Finding]:
    """A measure recorded under two of its ids (a target and the one it restates) is
    accepted: the latest value by date is used (on the same day, the later line). A warning
    names both lines and that value."""
    roots = link_roots(plan)
    units = {t.ma: t.don_vi for _a, _i, t in plan.targets()}
    groups: dict[str, list[tuple[int, TargetRecord]]] = {}
    for i, rec in enumerate(progress.chi_so):
        if rec.ma in roots:
            groups.setdefault(roots[rec.ma], []).append((i, rec))
    found = []
    for root, recs in groups.items():
        ids = {r.ma for _i, r in recs}
        if len(ids) < 2:
            continue
        used_i, used = max(recs, key=lambda x: (x[1].ngay, x[0]))
        for other in sorted(ids - {used.ma}):
            oi, orec = max(
                ((i, r) for i, r in recs if r.ma == other), key=lambda x: (x[1].ngay, x[0])
            )
            found.append(Finding(
                ("chi_so", oi, "ma"), "warning", "linked-twice", "linked-recorded-twice",
                {"id": orec.ma, "other": used.ma, "root": root, "this_line": ("chi_so", oi),
                 "other_line": ("chi_so", used_i), "value": used.value(units[root]),
                 "date": used.ngay.isoformat()},
            ))  # fmt: skip
    return found


def computed_agree(plan: Plan, progress: Progress) -> list[Finding]:
    """A record of a target that a period's figures compute (`tinh_tu`) agrees, to one
    decimal, with the share the figures of the first report counting from the year's start
    whose window holds its date give; the report uses the figures'."""
    roots = link_roots(plan)
    formulas = {t.ma: t.tinh_tu for _a, _i, t in plan.targets() if t.tinh_tu is not None}
    periods = [q for q in QUARTERS if cumulative(plan.nam, q)]
    windows = {q: slot_window(plan.nam, q) for q in periods}
    found = []
    for i, rec in enumerate(progress.chi_so):
        formula = formulas.get(roots.get(rec.ma, ""))
        if formula is None:
            continue
        q = next((q for q in sorted(periods, key=lambda q: windows[q][1])
                  if windows[q][0] <= rec.ngay <= windows[q][1]), None)  # fmt: skip
        story = progress.narrative(q) if q is not None else None
        got = share(formula, getattr(story, FORMULAS[formula][0], None)) if story else None
        value = rec.value("so_luong" if formula in COUNTS else "phan_tram")
        if got is None or round(value, 1) == round(got[0], 1):
            continue
        key = "gia_tri" if rec.gia_tri is not None else "tu_so"
        found.append(Finding(
            ("chi_so", i, key), "warning", "computed-differs", f"computed-differs-{formula}",
            {"id": rec.ma, "value": value, "date": rec.ngay.isoformat(), "quarter": q,
             "share": round(got[0], 2), "top": got[1], "bottom": got[2]},
        ))  # fmt: skip
    return found


def carried_over(plan: Plan, progress: Progress) -> list[Finding]:
    """The cases carried over into a period are those still being resolved at the end of
    the period before it (quý III: the 6-month report's); reports whose windows start on
    the same day (quý I, 6 tháng, năm) carry over the same cases."""
    stats = {n.ky: (i, n.thong_ke_tthc) for i, n in enumerate(progress.bao_cao)
             if n.thong_ke_tthc is not None}  # fmt: skip
    windows = {q: slot_window(plan.nam, q) for q in QUARTERS}
    found = []
    for q, (i, st) in sorted(stats.items()):
        carried = st.tiep_nhan_ky_truoc
        if carried is None:
            continue
        start = windows[q][0]
        loc = ("bao_cao", i, "thong_ke_tthc", "tiep_nhan_ky_truoc")
        before = next((p for p in QUARTERS if windows[p][1] == start - timedelta(days=1)), None)
        if before is not None:
            prev = stats.get(before)
            pending = prev[1].pending if prev else None
            if prev is not None and pending is not None and pending != carried:
                found.append(Finding(loc, "warning", "carried-over", "carried-over",
                                     {"quarter": q, "carried": carried, "previous": before,
                                      "cutoff": windows[before][1].isoformat(),
                                      "pending": pending,
                                      "other_line": ("bao_cao", prev[0], "thong_ke_tthc")}))  # fmt: skip
            continue
        same = next((p for p in QUARTERS if p < q and windows[p][0] == start and p in stats
                     and stats[p][1].tiep_nhan_ky_truoc is not None), None)  # fmt: skip
        if same is not None and stats[same][1].tiep_nhan_ky_truoc != carried:
            found.append(Finding(loc, "warning", "carried-over", "carried-over-same-start",
                                 {"quarter": q, "carried": carried, "other": same,
                                  "other_carried": stats[same][1].tiep_nhan_ky_truoc,
                                  "start": start.isoformat(),
                                  "other_line": ("bao_cao", stats[same][0], "thong_ke_tthc",
                                                 "tiep_nhan_ky_truoc")}))  # fmt: skip
    return found


def carried_over_by_area(plan: Plan, progress: Progress) -> list[Finding]:
    """Lĩnh vực by lĩnh vực, the cases carried over into a period are those of the same
    lĩnh vực still being resolved at the end of the period before it (the totals are
    `carried_over`'s)."""
    stories = {n.ky: (i, n) for i, n in enumerate(progress.bao_cao) if n.tthc_linh_vuc}
    windows = {q: slot_window(plan.nam, q) for q in QUARTERS}
    found = []
    for q, (i, story) in sorted(stories.items()):
        start = windows[q][0]
        before = next((p for p in QUARTERS if windows[p][1] == start - timedelta(days=1)), None)
        if before is None or before not in stories:
            continue
        pi, prev = stories[before]
        pending = {nfc_key(a.linh_vuc): (ai, a.pending) for ai, a in enumerate(prev.tthc_linh_vuc)}
        for ai, area in enumerate(story.tthc_linh_vuc):
            carried = area.tiep_nhan_ky_truoc
            other = pending.get(nfc_key(area.linh_vuc))
            if carried is None or other is None or other[1] is None or other[1] == carried:
                continue
            found.append(Finding(
                ("bao_cao", i, "tthc_linh_vuc", ai, "tiep_nhan_ky_truoc"), "warning",
                "carried-over", "carried-over-area",
                {"quarter": q, "area": area.linh_vuc, "carried": carried, "previous": before,
                 "cutoff": windows[before][1].isoformat(), "pending": other[1],
                 "other_line": ("bao_cao", pi, "tthc_linh_vuc", other[0])},
            ))  # fmt: skip
    return found


def units_agree(plan: Plan, progress: Progress) -> list[Finding]:
    """A figure that is the sum of others (`SUMS`: the units are the departments and the
    public service units), when it and they are all recorded, equals their sum."""
    found = []
    for i, n in enumerate(progress.bao_cao):
        have = n.so_lieu
        if have is None:
            continue
        for key, keys in SUMS.items():
            whole = getattr(have, key, None)
            parts = [getattr(have, k, None) for k in keys]
            if whole is None or None in parts or sum(p or 0 for p in parts) == whole:
                continue
            found.append(Finding(
                ("bao_cao", i, "so_lieu", key), "warning", "figure-sum", f"figure-sum-{key}",
                {"quarter": n.ky, "value": whole, "sum": sum(p or 0 for p in parts),
                 **{k: v for k, v in zip(keys, parts, strict=True)},
                 "other_line": ("bao_cao", i, "so_lieu", keys[0])},
            ))  # fmt: skip
    return found


def denominators_agree(plan: Plan, progress: Progress) -> list[Finding]:
    """A record of a target whose denominator is a period's figure (`mau_so_tu`: the cases
    received) gives the denominator that the figures of the first report counting from the
    year's start whose window holds its date record."""
    roots = link_roots(plan)
    whats = {t.ma: t.mau_so_tu for _a, _i, t in plan.targets() if t.mau_so_tu is not None}
    periods = sorted((q for q in QUARTERS if cumulative(plan.nam, q)),
                     key=lambda q: slot_window(plan.nam, q)[1])  # fmt: skip
    lines = {n.ky: i for i, n in enumerate(progress.bao_cao)}
    found = []
    for i, rec in enumerate(progress.chi_so):
        what = whats.get(roots.get(rec.ma, ""))
        if what is None or rec.mau_so is None:
            continue
        q = next((q for q in periods
                  if slot_window(plan.nam, q)[0] <= rec.ngay <= slot_window(plan.nam, q)[1]),
                 None)  # fmt: skip
        story = progress.narrative(q) if q is not None else None
        st = story.thong_ke_tthc if story is not None else None
        whole = st.received if st is not None else None
        if q is None or whole is None or whole == rec.mau_so:
            continue
        found.append(Finding(
            ("chi_so", i, "mau_so"), "warning", "denominator-differs", f"denominator-{what}",
            {"id": rec.ma, "value": rec.mau_so, "date": rec.ngay.isoformat(), "quarter": q,
             "total": whole, "other_line": ("bao_cao", lines[q], "thong_ke_tthc")},
        ))  # fmt: skip
    return found


CASE_FIELDS = tuple(TTHC_FIELDS)[:9]  # received, resolved, being resolved, returned


def figures_agree(plan: Plan, progress: Progress) -> list[Finding]:
    """A period's TTHC figures by lĩnh vực add up to its totals, field by field (where the
    total and every area's figure are given); no more procedures published than the body
    has."""
    found = []
    for i, n in enumerate(progress.bao_cao):
        st = n.thong_ke_tthc
        if st is not None and n.tthc_linh_vuc:
            for key in CASE_FIELDS:
                whole = getattr(st, key)
                parts = [getattr(a, key) for a in n.tthc_linh_vuc]
                if whole is not None and None not in parts and sum(parts) != whole:
                    found.append(Finding(("bao_cao", i, "tthc_linh_vuc"), "error", "tthc-sum",
                                         "tthc-areas-sum", {"field": key, "sum": sum(parts),
                                                            "total": whole}))  # fmt: skip
        public = n.so_lieu.thu_tuc_cong_khai if n.so_lieu is not None else None
        whole = st.thu_tuc_tong if st is not None else None
        if public is not None and whole is not None and public > whole:
            found.append(Finding(
                ("bao_cao", i, "so_lieu", "thu_tuc_cong_khai"), "error", "figure-over",
                "figure-over", {"part": "thu_tuc_cong_khai", "value": public,
                                "whole": "thu_tuc_tong", "total": whole,
                                "what": AREA_FIGURES["thu_tuc_cong_khai"][1],
                                "of": TTHC_FIELDS["thu_tuc_tong"]},
            ))  # fmt: skip
    return found


PROGRESS_CHECKS: list[Callable[[Plan, Progress], list[Finding]]] = [
    progress_ids,
    progress_dates,
    progress_periods_unique,
    reports_sent_after_signing,
    linked_records,
    computed_agree,
    carried_over,
    figures_agree,
    carried_over_by_area,
    units_agree,
    denominators_agree,
]


def check_progress(plan: Plan, progress: Progress) -> list[Finding]:
    return [f for check in PROGRESS_CHECKS for f in check(plan, progress)]
