"""Status as JSON (a stable interface) and as Markdown (for pull-request comments)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from cchc_cli.plan.checks import show_figure
from cchc_cli.plan.model import COMPARISON_CODES, UNIT_CODES, Plan
from cchc_cli.plan.status import IndicatorRow, StatusReport, Summary, TaskRow, word

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
    unit: str | None = None
    area: int | None = None

    @property
    def narrowed(self) -> bool:
        """Whether the view shows part of the plan (a unit or an area), not all of it."""
        return self.unit is not None or self.area is not None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def summary_dict(s: Summary) -> dict[str, Any]:
    return {
        "tasks": s.tasks,
        "due": s.due,
        "done": s.done,
        "done_on_time": s.done_on_time,
        "completion_rate": round(s.rate, 4) if s.rate is not None else None,
        "overdue": s.overdue,
        "due_soon": s.due_soon,
        "continuous": s.continuous,
        "reported": s.reported,
        "missing_report": s.missing_report,
        "dropped": s.dropped,
        "by_status": s.by_status,
    }


def to_json(view: View) -> str:
    r = view.report
    data = {
        "version": JSON_VERSION,
        "plan_year": view.plan.nam,
        "as_of": r.as_of.isoformat(),
        "note": view.note,
        "period": {
            "quarter": r.period.quarter,
            "name": r.period.name_vi if view.lang == "vi" else r.period.name_en,
            "start": r.period.start.isoformat(),
            "cutoff": r.period.cutoff.isoformat(),
            "submit_by": r.period.submit_by.isoformat(),
            "continuous_report_window": [d.isoformat() for d in r.report_window],
        },
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
                "status_text": word(t.status, view.lang),
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
                        "status": t.status,
                        "status_text": word(t.status, view.lang),
                    }
                    for t in ind.targets
                ],
            }
            for ind in view.indicators
        ],
        "summary": {
            **summary_dict(view.summary),
            "targets": r.targets_summary,
            "by_area": {str(k): summary_dict(v) for k, v in r.by_area.items()},
            "by_unit": {k: summary_dict(v) for k, v in r.by_unit.items()},
        },
    }
    import json  # only this view needs it

    return json.dumps(data, ensure_ascii=False, indent=2)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def fmt_date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else "—"


def fmt_actual(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    suffix = {"phan_tram": "%", "phut": " phút", "so_luong": ""}[unit]
    return f"{value:.4g}{suffix}".replace(".", ",")


def rate_text(s: Summary) -> str:
    return f"{s.rate * 100:.0f}%" if s.rate is not None else "—"


LABELS = {
    "vi": {
        "title": "Tình hình thực hiện Kế hoạch CCHC năm {year}",
        "as_of": "Tính đến ngày",
        "period": "Kỳ báo cáo",
        "submit": "hạn nộp",
        "id": "Mã",
        "task": "Nhiệm vụ",
        "lead": "Chủ trì",
        "deadline": "Thời hạn",
        "due": "Hạn",
        "status": "Tình trạng",
        "indicator": "Chỉ tiêu",
        "target": "Mục tiêu",
        "actual": "Thực hiện",
        "assessment": "Đánh giá",
        "area": "Lĩnh vực",
        "tasks": "Nhiệm vụ",
        "due_count": "Đến hạn",
        "done": "Hoàn thành",
        "rate": "Tỷ lệ",
        "overdue": "Quá hạn",
        "soon": "Sắp đến hạn",
        "missing": "Chưa báo cáo",
        "summary": "Tổng hợp",
        "by_unit": "Theo đơn vị chủ trì",
        "unit": "Đơn vị",
        "total": "Tổng",
        "none": "Không có nhiệm vụ nào phù hợp.",
        "headline": "{done}/{due} nhiệm vụ đến hạn đã hoàn thành ({rate}); {overdue} quá hạn; "
        "{soon} sắp đến hạn; {missing}/{cont} nhiệm vụ thường xuyên chưa báo cáo kỳ này",
    },
    "en": {
        "title": "CCHC plan {year}: status",
        "as_of": "As of",
        "period": "Reporting period",
        "submit": "submit by",
        "id": "Id",
        "task": "Task",
        "lead": "Lead",
        "deadline": "Deadline",
        "due": "Due",
        "status": "Status",
        "indicator": "Indicator",
        "target": "Target",
        "actual": "Actual",
        "assessment": "Assessment",
        "area": "Area",
        "tasks": "Tasks",
        "due_count": "Due",
        "done": "Done",
        "rate": "Rate",
        "overdue": "Overdue",
        "soon": "Due soon",
        "missing": "No report",
        "summary": "Summary",
        "by_unit": "By lead unit",
        "unit": "Unit",
        "total": "Total",
        "none": "No task matches.",
        "headline": "{done}/{due} tasks due are done ({rate}); {overdue} overdue; {soon} due soon; "
        "{missing}/{cont} continuous tasks have no report this period",
    },
}


def label(lang: str, key: str) -> str:
    return LABELS.get(lang, LABELS["vi"])[key]


def headline(view: View) -> str:
    s = view.summary
    return label(view.lang, "headline").format(
        done=s.done,
        due=s.due,
        rate=rate_text(s),
        overdue=s.overdue,
        soon=s.due_soon,
        missing=s.missing_report,
        cont=s.continuous,
    )


def period_line(view: View) -> str:
    r, lang = view.report, view.lang
    name = r.period.name_vi if lang == "vi" else r.period.name_en
    return (
        f"{label(lang, 'as_of')} {fmt_date(r.as_of)} · {label(lang, 'period')}: {name} "
        f"({fmt_date(r.period.start)}–{fmt_date(r.period.cutoff)}, "
        f"{label(lang, 'submit')} {fmt_date(r.period.submit_by)})"
    )


def unit_line(view: View) -> str | None:
    """Which unit the view is narrowed to, when it is."""
    if view.unit is None:
        return None
    unit = view.plan.unit(view.unit)
    name = f" {unit.ten}" if unit else ""
    what = {"vi": "Đơn vị (chủ trì hoặc phối hợp)", "en": "Unit (lead or support)"}
    return f"{what.get(view.lang, what['vi'])}: {view.unit}{name}"


def to_markdown(view: View) -> str:
    lang = view.lang
    L = lambda k: label(lang, k)  # noqa: E731
    out = [f"### {L('title').format(year=view.plan.nam)}", "", period_line(view), ""]
    if unit_line(view):
        out += [f"{unit_line(view)}", ""]
    if view.note:
        out += [f"> {view.note}", ""]
    out += [f"**{headline(view)}**", ""]
    if view.indicators:
        out += [
            f"| {L('id')} | {L('indicator')} | {L('target')} | {L('actual')} | {L('assessment')} |",
            "|---|---|---|---|---|",
        ]
        for ind in view.indicators:
            for t in ind.targets:
                out.append(
                    f"| {t.id} | {_md(_short(t.text))} | {show_figure(t.figure)} | "
                    f"{fmt_actual(t.actual, t.figure.don_vi)} | {word(t.status, lang)} |"
                )
        out.append("")
    if view.tasks:
        out += [
            f"| {L('id')} | {L('task')} | {L('lead')} | {L('deadline')} | {L('due')} | {L('status')} |",
            "|---|---|---|---|---|---|",
        ]
        for row in view.tasks:
            out.append(
                f"| {row.id} | {_md(_short(row.title))} | {', '.join(row.lead)} | "
                f"{_md(row.deadline_text)} | {fmt_date(row.due)} | {word(row.status, lang)} |"
            )
    else:
        out.append(L("none"))
    return "\n".join(out) + "\n"


def make_view(
    plan: Plan,
    report: StatusReport,
    *,
    unit: str | None = None,
    area: int | None = None,
    only: str | None = None,
    lang: str = "vi",
    note: str | None = None,
) -> View:
    """Narrow a status report to what the user asked for (unit, area, --only)."""
    from cchc_cli.plan.status import filter_tasks, summarise

    tasks = filter_tasks(report, unit=unit, area=area, only=None if only == "at-risk" else only)
    indicators = [i for i in report.indicators if area is None or i.area == area]
    if only == "at-risk":
        tasks = []
        indicators = [
            IndicatorRow(
                i.id,
                i.area,
                i.text,
                tuple(t for t in i.targets if t.status in ("at_risk", "missed")),
            )
            for i in indicators
        ]
    elif only is not None or unit is not None:
        indicators = []  # task filters; units do not own indicators
    indicators = [i for i in indicators if i.targets]
    summary = summarise(filter_tasks(report, unit=unit, area=area), report.as_of)
    return View(plan, report, tasks, indicators, summary, lang, note, unit, area)
