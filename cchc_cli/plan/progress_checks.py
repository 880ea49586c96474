"""Meaning-level rules on a progress file, against its validated plan: ids, dates,
periods, the register of reports sent, records of one indicator, and the figures that
must agree with each other and with the indicators they measure.

Each rule is a small function returning findings located by their path in the
document; `PROGRESS_CHECKS` lists them (beancount's habit). The plan's own rules are
`plan.checks`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from cchc_cli.errors import Finding
from cchc_cli.plan.checks import unknown_id
from cchc_cli.plan.deadlines import (
    MAX_YEAR,
    MIN_YEAR,
    slot_window,
)
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
    Plan,
    Progress,
    TargetRecord,
    TaskRecord,
)
from cchc_cli.plan.shapes import AREA_FIGURES, TTHC_FIELDS, nfc_key

# --- progress checks -----------------------------------------------------------------


def progress_ids(plan: Plan, progress: Progress) -> list[Finding]:
    tasks = {t.ma for _p, _o, t in plan.tasks()}
    targets = {t.ma: t for _a, _i, t in plan.targets()}
    as_target = dict.fromkeys(targets, "target")
    as_task = dict.fromkeys(tasks, "task")
    found = []
    for i, rec in enumerate(progress.nhiem_vu):
        if rec.ma not in tasks:
            found.append(unknown_id(("nhiem_vu", i, "ma"), "task", rec.ma, tasks, as_target))
    for i, trec in enumerate(progress.chi_so):
        target = targets.get(trec.ma)
        if target is None:
            found.append(unknown_id(("chi_so", i, "ma"), "target", trec.ma, targets, as_task))
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


def one_record_a_day(plan: Plan, progress: Progress) -> list[Finding]:
    """Two records of one task or target on one day (two pull requests that each added
    one, merged): every view uses the later line, as `record` would have replaced the
    earlier one (`--force`); a warning names both lines. One pass over the records."""
    found = []
    for key in ("nhiem_vu", "chi_so"):
        last: dict[tuple[str, date], int] = {}
        records = getattr(progress, key)
        for i, rec in enumerate(records):
            earlier = last.get((rec.ma, rec.ngay))
            if earlier is not None:
                found.append(Finding(
                    (key, earlier, "ngay"), "warning", "same-day", "recorded-twice-a-day",
                    {"id": rec.ma, "date": rec.ngay.isoformat(), "other_line": (key, i)},
                ))  # fmt: skip
            last[(rec.ma, rec.ngay)] = i
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
    one_record_a_day,
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
