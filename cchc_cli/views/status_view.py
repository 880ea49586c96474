"""Status as JSON (a stable interface) and as Markdown (for pull-request comments)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from cchc_cli import words
from cchc_cli.plan.deadlines import Period
from cchc_cli.plan.reports import ReportCounts, ReportRow
from cchc_cli.plan.shapes import COMPARISON_CODES, UNIT_CODES
from cchc_cli.plan.status import IndicatorRow, StatusReport, Summary, TaskRow
from cchc_cli.views import json_text, safe_text

if TYPE_CHECKING:
    from cchc_cli.plan.model import Plan

JSON_VERSION = 1


@dataclass(frozen=True)
class View:
    """What one `cchc status` call shows: the report narrowed by the user's filters."""

    plan: Plan
    report: StatusReport
    tasks: list[TaskRow]
    indicators: list[IndicatorRow]
    summary: Summary
    lang: str = "vi"
    note: str | None = None
    units: tuple[str, ...] = ()
    areas: tuple[int, ...] = ()
    next_report: Period | None = None
    reports: tuple[ReportRow, ...] = ()  # the register, when the view is of the whole body

    @property
    def narrowed(self) -> bool:
        """Whether the view shows part of the plan (units or areas), not all of it."""
        return bool(self.units or self.areas)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _rate(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def summary_dict(s: Summary) -> dict[str, Any]:
    return {
        "tasks": s.tasks,
        "dated": s.dated,
        "due": s.due,
        "done": s.done,
        "done_due": s.done_due,
        "done_early": s.done_early,
        "done_on_time": s.done_on_time,
        "done_late": s.done_late,
        "completion_rate": _rate(s.rate),
        "plan_rate": _rate(s.plan_rate),
        "overdue": s.overdue,
        "not_done": s.not_done,
        "due_soon": s.due_soon,
        "continuous": s.continuous,
        "reported": s.reported,
        "missing_report": s.missing_report,
        "dropped": s.dropped,
        "by_status": s.by_status,
    }


def period_json(r: StatusReport, lang: str) -> dict[str, Any]:
    return {
        "quarter": r.period.quarter,
        "name": r.period.name_vi if lang == "vi" else r.period.name_en,
        "start": r.period.start.isoformat(),
        "cutoff": r.period.cutoff.isoformat(),
        "submit_by": r.period.submit_by.isoformat(),
        "window": [d.isoformat() for d in r.report_window],
        "continuous_report_window": [d.isoformat() for d in r.report_window],
        "whole_year": r.whole_year,
    }


def summary_json(r: StatusReport, summary: Summary | None = None) -> dict[str, Any]:
    """The counts of a status report: the same in `status --format json` and in
    `report --format json` for the same files and period."""
    return {
        **summary_dict(r.summary if summary is None else summary),
        "targets": r.targets_summary,
        "reports": report_counts_dict(r.report_counts),
        "by_area": {str(k): summary_dict(v) for k, v in r.by_area.items()},
        "by_unit": {k: summary_dict(v) for k, v in r.by_unit.items()},
    }


def report_counts_dict(c: ReportCounts) -> dict[str, Any]:
    """The register's counts (`plan.reports.ReportCounts`)."""
    return {
        "reports": c.reports,
        "due": c.due,
        "sent": c.sent,
        "sent_on_time": c.sent_on_time,
        "sent_on_time_due": c.sent_on_time_due,
        "sent_late": c.sent_late,
        "overdue": c.overdue,
        "due_soon": c.due_soon,
        "on_time_rate": _rate(c.on_time_rate),
    }


def report_json(row: ReportRow, lang: str) -> dict[str, Any]:
    """One report of the register."""
    return {
        "quarter": row.quarter,
        "name": row.period.name_vi if lang == "vi" else row.period.name_en,
        "due": row.due.isoformat(),
        "status": row.status,
        "status_text": words.report_status(row, lang),
        "sent_on": _iso(row.sent_on),
        "signed_on": _iso(row.signed_on),
        "number": row.number,
        "channels": list(row.channels),
    }


def _next_json(view: View) -> dict[str, Any] | None:
    nxt = view.next_report
    if nxt is None:
        return None
    return {
        "quarter": nxt.quarter,
        "name": nxt.name_vi if view.lang == "vi" else nxt.name_en,
        "submit_by": nxt.submit_by.isoformat(),
        "days_left": (nxt.submit_by - view.report.as_of).days,
    }


def to_json(view: View) -> str:
    r = view.report
    data = {
        "version": JSON_VERSION,
        "plan_year": view.plan.nam,
        "as_of": r.as_of.isoformat(),
        "note": view.note,
        "period": period_json(r, view.lang),
        "next_report": _next_json(view),
        "urgent": [head.split(" · ")[0] for head, _ in urgent(view)],
        "tasks": [
            {
                "id": t.id,
                "area": t.area,
                "objective": t.objective,
                "title": t.title,
                "lead": list(t.lead),
                "support": list(t.support),
                "deadline_text": t.deadline_text,
                "due": _iso(t.due),
                "status": t.status,
                "status_text": words.task_status(t, view.lang),
                "done_on": _iso(t.done_on),
                "evidence": list(t.evidence),
            }
            for t in view.tasks
        ],
        "indicators": [
            {
                "id": ind.id,
                "area": ind.area,
                "text": ind.text,
                "targets": [
                    {
                        "id": t.id,
                        "comparison": COMPARISON_CODES[t.figure.so_sanh],
                        "value": t.figure.gia_tri,
                        "value_to": t.figure.gia_tri_den,
                        "unit": UNIT_CODES[t.figure.don_vi],
                        "actual": t.actual,
                        "measured_on": _iso(t.measured_on),
                        "same_as": t.same_as,
                        "computed": t.computed,
                        "milestone": (
                            {"due": t.milestone.han.isoformat(), "value": t.milestone.gia_tri}
                            if t.milestone
                            else None
                        ),
                        "status": t.status,
                        "status_text": words.status(t.status, view.lang),
                    }
                    for t in ind.targets
                ],
            }
            for ind in view.indicators
        ],
        "reports": [report_json(row, view.lang) for row in view.reports],
        "summary": summary_json(r, view.summary),
    }

    return json_text.dumps(data)


def _md(text: str) -> str:
    return safe_text.markdown(text)


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def label(lang: str, key: str) -> str:
    return words.label(lang, key)


def headline(view: View) -> str:
    s = view.summary
    return label(view.lang, "headline").format(
        done_due=s.done_due,
        due=s.due,
        rate=words.rate(s.rate, view.lang),
        done=s.done,
        dated=s.dated,
        plan_rate=words.rate(s.plan_rate, view.lang),
        overdue=s.overdue,
        soon=s.due_soon,
        missing=s.missing_report,
        cont=s.continuous,
    )


def period_line(view: View) -> str:
    r, lang = view.report, view.lang
    name = r.period.name_vi if lang == "vi" else r.period.name_en
    return (
        f"{label(lang, 'as_of')} {words.day(r.as_of)} · {label(lang, 'period')}: {name} "
        f"({words.day(r.period.start)}–{words.day(r.period.cutoff)}, "
        f"{label(lang, 'submit')} {words.day(r.period.submit_by)})"
    )


def unit_line(view: View) -> str | None:
    """Which unit the view is narrowed to, when it is."""
    if not view.units:
        return None
    shown = []
    for ma in view.units:
        unit = view.plan.unit(ma)
        text = f"{ma} {unit.ten}" if unit else ma
        if unit is not None and unit.thuoc:
            text += f" ({label(view.lang, 'with_groups')} {', '.join(unit.thuoc)})"
        shown.append(text)
    return f"{words.label(view.lang, 'narrowed_to_unit')}: {'; '.join(shown)}"


SUMMARY_WIDTH = 60  # the one-screen summary fits 60 columns and 24 lines
URGENT = 3


def urgent(view: View) -> list[tuple[str, str]]:
    """The three most urgent items, one line each: overdue tasks (longest late first), then
    tasks due soon (soonest first), then targets missed or at risk."""
    lang, as_of = view.lang, view.report.as_of
    items: list[tuple[tuple[int, int], tuple[str, str]]] = []
    for row in view.tasks:
        if row.status == "overdue" and row.due:
            days = (as_of - row.due).days
            when = label(lang, "sum_late_by").format(days=days)
            items.append(((0, -days), _item(row.id, when, row.lead, row.title)))
        elif row.status == "due_soon" and row.due:
            days = (row.due - as_of).days
            when = label(lang, "sum_due_in").format(days=days)
            items.append(((1, days), _item(row.id, when, row.lead, row.title)))
    for rep in view.reports:
        name = rep.period.name_vi if lang == "vi" else rep.period.name_en
        title = words.report_title(rep.quarter, rep.period.year, lang)
        if rep.status == "overdue":
            days = (as_of - rep.due).days
            when = label(lang, "sum_late_by").format(days=days)
            items.append(((0, -days), _item(name, when, (), title)))
        elif rep.status == "due_soon":
            days = (rep.due - as_of).days
            when = label(lang, "sum_due_in").format(days=days)
            items.append(((1, days), _item(name, when, (), title)))
    for ind in view.indicators:
        for t in ind.targets:
            if t.status in ("missed", "at_risk") and t.same_as is None:  # a measure once
                rank = 2 if t.status == "missed" else 3
                items.append(((rank, 0), _item(t.id, words.status(t.status, lang), (), t.text)))
    return [text for _, text in sorted(items, key=lambda i: i[0])[:URGENT]]


def _item(ma: str, when: str, lead: tuple[str, ...], title: str) -> tuple[str, str]:
    """An urgent item: its id, how late or how soon, its lead; then the start of its title
    on a line of its own (`cchc show ID` has the whole of it)."""
    head = f"{ma} · {when}" + (f" · {', '.join(lead)}" if lead else "")
    room = SUMMARY_WIDTH - 5
    words_ = " ".join(title.split())
    if len(words_) > room:
        words_ = words_[: room - 1].rsplit(" ", 1)[0] + "…"
    return head, words_


def summary_lines(view: View, *, with_urgent: bool = True) -> list[str]:
    """The one-screen summary: period and next report, targets by verdict, tasks done,
    overdue and due soon, continuous tasks not reported, the two rates, the three most
    urgent items. Each entry is one line of at most SUMMARY_WIDTH columns once wrapped."""
    lang, s, r = view.lang, view.summary, view.report
    L = lambda k: label(lang, k)  # noqa: E731
    lines = [L("sum_title")]
    lines.append(period_line(view))
    nxt = view.next_report
    if nxt is None:
        lines.append(L("sum_no_next").format(year=view.plan.nam))
    else:
        days = (nxt.submit_by - r.as_of).days
        left = L("sum_today") if days == 0 else L("sum_left").format(days=days)
        name = nxt.name_vi if lang == "vi" else nxt.name_en
        lines.append(L("sum_next").format(name=name, day=words.day(nxt.submit_by), left=left))
    counts = {k: 0 for k in ("met", "on_track", "at_risk", "missed", "not_due", "no_data")}
    for ind in view.indicators:
        for t in ind.targets:
            if t.same_as is None:  # a restated target is the measure it restates
                counts[t.status] = counts.get(t.status, 0) + 1
    if view.indicators or not view.units:  # a unit's: those it answers for (its sheet's)
        lines.append(L("sum_targets").format(total=sum(counts.values()), **counts))
    lines.append(
        L("sum_tasks").format(tasks=s.tasks, done=s.done, overdue=s.overdue, soon=s.due_soon)
    )
    lines.append(L("sum_continuous").format(missing=s.missing_report, cont=s.continuous))
    if not view.narrowed:  # reports are the whole body's, as targets are
        c = r.report_counts
        lines.append(
            L("sum_reports").format(
                on_time=c.sent_on_time_due, due=c.due, late=c.sent_late, overdue=c.overdue
            )
        )
    lines.append(
        L("sum_rates").format(
            rate=words.rate(s.rate, lang),
            done_due=s.done_due,
            due=s.due,
            plan_rate=words.rate(s.plan_rate, lang),
            done=s.done,
            dated=s.dated,
        )
    )
    items = urgent(view)
    if not with_urgent:
        return lines
    if items:
        lines.append(L("sum_urgent"))
        for i, (head, title) in enumerate(items, 1):
            lines += [f"  {i}. {head}", f"     {title}"]
    else:
        lines.append(L("sum_nothing_urgent"))
    return lines


def to_markdown(view: View) -> str:
    lang = view.lang
    L = lambda k: label(lang, k)  # noqa: E731
    out = [f"### {L('title').format(year=view.plan.nam)}", "", period_line(view), ""]
    if unit_line(view):
        out += [_md(unit_line(view) or ""), ""]
    if view.note:
        out += [f"> {_md(view.note)}", ""]
    out += [f"**{headline(view)}**", ""]
    if view.indicators:
        out += [
            f"| {L('id')} | {L('indicator')} | {L('target')} | {L('actual')} | {L('assessment')} |",
            "|---|---|---|---|---|",
        ]
        for ind in view.indicators:
            for t in ind.targets:
                out.append(
                    f"| {_md(t.id)} | {_md(_short(t.text))} | {words.figure(t.figure, lang)} | "
                    f"{words.with_unit(t.actual, t.figure.don_vi, lang)} | {words.status(t.status, lang)} |"
                )
        out.append("")
    if view.tasks:
        out += [
            f"| {L('id')} | {L('task')} | {L('lead')} | {L('deadline')} | {L('due')} | {L('status')} |",
            "|---|---|---|---|---|---|",
        ]
        for row in view.tasks:
            out.append(
                f"| {_md(row.id)} | {_md(_short(row.title))} | {_md(', '.join(row.lead))} | "
                f"{_md(row.deadline_text)} | {words.day(row.due)} | {words.task_status(row, lang)} |"
            )
    else:
        out.append(L("none"))
    if view.reports:
        out += [
            "",
            f"| {L('report')} | {L('report_due')} | {L('report_sent')} | {L('report_channel')} "
            f"| {L('status')} |",
            "|---|---|---|---|---|",
        ]
        for rep in view.reports:
            name = rep.period.name_vi if lang == "vi" else rep.period.name_en
            channels = ", ".join(words.channel(c, lang) for c in rep.channels) or "—"
            out.append(
                f"| {_md(name)} | {words.day(rep.due)} | {words.day(rep.sent_on)} | "
                f"{_md(channels)} | {words.report_status(rep, lang)} |"
            )
    return "\n".join(out) + "\n"


def make_view(
    plan: Plan,
    report: StatusReport,
    *,
    units: Collection[str] = (),
    areas: Collection[int] = (),
    only: Collection[str] = (),
    lang: str | None = None,
    note: str | None = None,
) -> View:
    """Narrow a status report to what the user asked for (units, areas, --only); each
    filter may be given more than once and keeps what any of its values keeps."""
    from cchc_cli.plan.lookup import reach
    from cchc_cli.plan.status import filter_tasks, next_report, summarise

    owed = reach(plan, units)  # a unit owes what its groups lead or support too
    task_filters = [o for o in only if o != "at-risk"]
    tasks = filter_tasks(report, units=owed, areas=areas, only=task_filters)
    if "at-risk" in only and not task_filters:
        tasks = []  # only targets asked for
    summary = summarise(
        filter_tasks(report, units=owed, areas=areas), report.as_of, report.whole_year
    )
    return View(
        plan,
        report,
        tasks,
        _shown_indicators(plan, report, units, areas, only),
        summary,
        lang or words.language(),
        note,
        tuple(units),
        tuple(areas),
        next_report(plan, report.as_of),
        _shown_reports(report, units, areas, only),
    )


def _shown_indicators(
    plan: Plan,
    report: StatusReport,
    units: Collection[str],
    areas: Collection[int],
    only: Collection[str],
) -> list[IndicatorRow]:
    """The indicators of `areas` that keep a target: of `units`, only the targets they
    answer for (`plan.sheet_meta.answers_for`, what their sheets ask them); with --only
    at-risk, only the targets at risk or missed; none where tasks are filtered by status."""
    indicators = [i for i in report.indicators if not areas or i.area in areas]
    if units:
        from cchc_cli.plan.sheet_meta import answers_for

        answered = set().union(*(answers_for(plan, u) for u in units))
        indicators = [
            IndicatorRow(i.id, i.area, i.text, tuple(t for t in i.targets if t.id in answered))
            for i in indicators
        ]
    if "at-risk" in only:
        indicators = [
            IndicatorRow(
                i.id,
                i.area,
                i.text,
                tuple(t for t in i.targets if t.status in ("at_risk", "missed")),
            )
            for i in indicators
        ]
    elif only:
        indicators = []
    return [i for i in indicators if i.targets]


def _shown_reports(
    report: StatusReport, units: Collection[str], areas: Collection[int], only: Collection[str]
) -> tuple[ReportRow, ...]:
    """The register, where the view is of the whole body (no units, no areas): with
    --only overdue or due-soon, only the reports that are."""
    if units or areas:
        return ()
    wanted = {"overdue": {"overdue"}, "due-soon": {"due_soon"}}
    kept = set().union(*(wanted.get(o, set()) for o in only)) if only else None
    return tuple(r for r in report.reports if kept is None or r.status in kept)
