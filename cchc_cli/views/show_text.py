"""`cchc show ID`: one task or target in full — every field of the plan, its status now
and at each report's cut-off, and the history of its records — as text or JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cchc_cli import words
from cchc_cli.plan.lookup import Index, index
from cchc_cli.plan.model import Plan, Progress
from cchc_cli.plan.status import StatusReport, plan_period
from cchc_cli.views import json_text


@dataclass
class Shown:
    """What `cchc show` says of one id, in fields a view lays out."""

    kind: str  # task or target
    ma: str
    title: str
    fields: list[tuple[str, str | list[str]]] = field(default_factory=list)
    status: str = ""
    status_text: str = ""
    at_cutoffs: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)


def _units(plan: Plan, ids: list[str]) -> str:
    shown = []
    for ma in ids:
        unit = plan.unit(ma)
        shown.append(f"{ma} ({unit.ten})" if unit else ma)
    return "; ".join(shown)


def at_cutoffs(plan: Plan, progress: Progress, as_of: date) -> list[tuple[int, Any, Any]]:
    """The status at each report's cut-off up to `as_of` (computed once for many ids)."""
    from cchc_cli.plan.status import compute_status

    found = []
    for quarter in (1, 2, 3, 4):
        period = plan_period(plan, quarter)
        if period.cutoff > as_of:
            break
        report = compute_status(plan, progress, period.cutoff, quarter=quarter)
        found.append((quarter, period, report))
    return found


def _at_cutoff(quarter: int, name: str, period: Any, status: str, text: str) -> dict[str, Any]:
    """A task's or target's status at one report's cut-off, as `show` gives it."""
    return {
        "quarter": quarter,
        "name": name,
        "cutoff": period.cutoff.isoformat(),
        "status": status,
        "status_text": text,
    }


def show(
    plan: Plan,
    progress: Progress,
    kind: str,
    ma: str,
    now: StatusReport,
    lang: str,
    cutoffs: list[tuple[int, Any, Any]] | None = None,
    ids: Index | None = None,
) -> Shown:
    """The task or target `ma` of `plan`: its fields, its status in `now` and at each
    report's cut-off up to `now` (`cutoffs`, when computed already), and its records
    (oldest first). `ids`: the plan's `Index`, when it shows many ids."""
    if cutoffs is None:
        cutoffs = at_cutoffs(plan, progress, now.as_of)
    if ids is None:
        ids = index(plan, progress)
    if kind == "task":
        return _show_task(plan, ids, ma, now, lang, cutoffs)
    return _show_target(plan, ids, ma, now, lang, cutoffs)


def _period_name(period: Any, lang: str) -> str:
    return str(period.name_vi if lang == "vi" else period.name_en)


def _show_task(
    plan: Plan,
    ids: Index,
    ma: str,
    now: StatusReport,
    lang: str,
    cutoffs: list[tuple[int, Any, Any]],
) -> Shown:
    """`show` for a task: the appendix's row, its status then and now, its records."""
    L = lambda k: words.label(lang, k)  # noqa: E731
    part, objective, task = ids.tasks[ma]
    row = now.task_by_id[ma]
    shown = Shown("task", ma, " ".join(task.nhiem_vu.split()))
    due = f" ({L('show_due').format(due=words.day(row.due))})"
    shown.fields += [
        (L("area"), f"{part.linh_vuc}. {plan.area_name(part.linh_vuc)}"),
        (L("objective"), f"{objective.ma} {' '.join(objective.noi_dung.split())}"),
        (L("activities"), [" ".join(a.split()) for a in task.hoat_dong]),
        (L("product"), " ".join(task.ket_qua.split())),
        (L("lead"), _units(plan, task.chu_tri) or (task.chu_tri_goc or "")),
        (L("support"), _units(plan, task.phoi_hop) or (task.phoi_hop_goc or "")),
        (L("deadline"), task.thoi_han + (due if row.due else "")),
        (L("funding"), task.kinh_phi or ""),
    ]
    shown.status, shown.status_text = row.status, words.task_status(row, lang)
    for quarter, period, report in cutoffs:
        then = report.task_by_id[ma]
        text = words.task_status(then, lang)
        shown.at_cutoffs.append(
            _at_cutoff(quarter, _period_name(period, lang), period, then.status, text)
        )
    shown.records = _task_records(ids, ma, lang)
    return shown


def _task_records(ids: Index, ma: str, lang: str) -> list[dict[str, Any]]:
    """The records of task `ma`, oldest first."""
    return [
        {
            "date": rec.ngay.isoformat(),
            "state": rec.trang_thai,
            "state_text": words.state(rec.trang_thai, lang),
            "evidence": rec.minh_chung,
            "note": rec.ghi_chu,
            "reason": rec.ly_do,
            "late_entry": rec.ghi_muon,
        }
        for rec in ids.task_records.get(ma, ())
    ]


def _show_target(
    plan: Plan,
    ids: Index,
    ma: str,
    now: StatusReport,
    lang: str,
    cutoffs: list[tuple[int, Any, Any]],
) -> Shown:
    """`show` for a target: its indicator and figure, its value and verdict then and
    now, its measures."""
    L = lambda k: words.label(lang, k)  # noqa: E731
    area, indicator, target = ids.targets[ma]
    row_t = now.target_by_id[ma]
    shown = Shown("target", ma, " ".join((target.trich or indicator.noi_dung).split()))
    shown.fields += [
        (L("area"), f"{area.linh_vuc}. {plan.area_name(area.linh_vuc)}"),
        (L("indicator"), f"{indicator.ma} {' '.join(indicator.noi_dung.split())}"),
        (L("target"), words.figure(target, lang)),
        (L("actual"), words.with_unit(row_t.actual, target.don_vi, lang)),
    ]
    shown.status, shown.status_text = row_t.status, words.status(row_t.status, lang)
    for quarter, period, report in cutoffs:
        then_t = report.target_by_id[ma]
        text = words.status(then_t.status, lang)
        shown.at_cutoffs.append(
            {
                **_at_cutoff(quarter, _period_name(period, lang), period, then_t.status, text),
                "actual": then_t.actual,
            }
        )
    shown.records = _target_records(ids, ma, target.don_vi, lang)
    return shown


def _target_records(ids: Index, ma: str, unit: str, lang: str) -> list[dict[str, Any]]:
    """The measures recorded for target `ma`, oldest first, each valued in the target's
    `unit` as status counts it."""
    records = []
    for measure in ids.measures.get(ma, ()):
        value = measure.value(unit)  # the one definition, as status counts it
        records.append(
            {
                "date": measure.ngay.isoformat(),
                "value": value,
                "value_text": words.with_unit(value, unit, lang),
                "numerator": measure.tu_so,
                "denominator": measure.mau_so,
                "source": measure.nguon,
                "note": measure.ghi_chu,
                "late_entry": measure.ghi_muon,
            }
        )
    return records


def to_text(shown: Shown, as_of: date, lang: str, width: int) -> str:
    """The task or target for reading: its lines wrapped to `width`, nothing cut."""
    from cchc_cli.views.table_layout import wrap

    L = lambda k: words.label(lang, k)  # noqa: E731
    out: list[str] = []

    def put(text: str, indent: int = 0, hang: int = 0) -> None:
        for i, part in enumerate(wrap(text, max(width - indent - (hang if out else 0), 20))):
            out.append(" " * (indent + (hang if i else 0)) + part)

    put(f"{shown.ma} · {L('task') if shown.kind == 'task' else L('show_target')}")
    put(shown.title)
    for label, value in shown.fields:
        if isinstance(value, list):
            if value:
                out.append(f"{label}:")
                for item in value:
                    put(f"- {item.removeprefix('- ')}", indent=2, hang=2)
        elif value:
            put(f"{label}: {value}", hang=2)
    put(f"{L('show_status').format(day=words.day(as_of))}: {shown.status_text}")
    if shown.at_cutoffs:
        out.append(f"{L('show_cutoffs')}:")
        for c in shown.at_cutoffs:
            cutoff = words.day(date.fromisoformat(c["cutoff"]))
            extra = ""
            if "actual" in c and c["actual"] is not None:
                extra = f" ({words.number(c['actual'], lang)})"
            put(f"{c['name']} ({cutoff}): {c['status_text']}{extra}", indent=2, hang=2)
    if not shown.records:
        out.append(f"{L('show_records')}: {L('show_no_records')}")
    else:
        out.append(f"{L('show_records')}:")
        for r in shown.records:
            parts = [words.day(date.fromisoformat(r["date"]))]
            parts.append(r["state_text"] if shown.kind == "task" else r["value_text"])
            for key, name in (
                ("evidence", "rec_evidence"),
                ("source", "rec_source"),
                ("reason", "rec_reason"),
                ("note", "rec_note"),
                ("late_entry", "rec_late"),
            ):
                if r.get(key):
                    parts.append(f"{L(name)}: {r[key]}")
            put(" · ".join(parts), indent=2, hang=2)
    return "\n".join(out) + "\n"


def to_json(shown: Shown, as_of: date) -> str:
    data = {
        "kind": shown.kind,
        "id": shown.ma,
        "title": shown.title,
        "as_of": as_of.isoformat(),
        "fields": {label: value for label, value in shown.fields},
        "status": shown.status,
        "status_text": shown.status_text,
        "at_cutoffs": shown.at_cutoffs,
        "records": shown.records,
    }
    return json_text.dumps(data)
