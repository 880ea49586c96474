"""`cchc site`: static pages for the director and a portfolio for the province.

Plain HTML and CSS with a few lines of JavaScript (sorting a table), no external
request: the pages work from a folder, offline, and on GitHub Pages. They are
rendered with a sandboxed, autoescaping Jinja environment (the plan's text is
untrusted) from the numbers of `cchc status --format json`, so both say the same.
Charts are inline SVG drawn here, each with its numbers in a table beside it.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from cchc_cli import words
from cchc_cli.plan.lookup import index, reach
from cchc_cli.plan.model import Plan, Progress
from cchc_cli.plan.status import StatusReport
from cchc_cli.views.sheets import owes
from cchc_cli.views.status_view import make_view, summary_lines, to_json, urgent

COLOURS = {
    "overdue": "bad", "not_done": "bad", "missed": "bad", "overdue_no_record": "bad",
    "due_soon": "warn", "missing_report": "warn", "at_risk": "warn",
    "in_progress": "info", "on_track": "info",
    "done_on_time": "good", "done_late": "good", "reported": "good", "met": "good",
    "not_started": "dim", "no_data": "dim", "not_due": "info", "dropped": "dim",
    "sent_on_time": "good", "sent_late": "warn", "not_yet_due": "dim",
}  # fmt: skip


@dataclass
class Page:
    path: str  # relative to the site's folder, with "/" separators
    html: str


@functools.lru_cache(maxsize=1)
def _environment() -> Any:
    """The sandboxed, autoescaping Jinja environment of the pages: made once a run, so that
    a portfolio compiles each template once, not once a body."""
    from jinja2 import DictLoader
    from jinja2.sandbox import SandboxedEnvironment

    folder = resources.files("cchc_cli.views") / "templates" / "site"
    sources = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}
    env = SandboxedEnvironment(loader=DictLoader(sources), autoescape=True)
    env.filters["colour"] = lambda code: COLOURS.get(code, "dim")
    env.filters["day"] = lambda iso: words.day(date.fromisoformat(iso)) if iso else "—"
    env.filters["rate"] = lambda v: words.rate(v, words.language())
    env.filters["channel"] = lambda code: words.channel(code)
    return env


def slug(text: str) -> str:
    """A file name from an id: letters, digits, dots, dashes (ids are already so)."""
    return re.sub(r"[^A-Za-z0-9._-]", "-", text) or "-"


def line_chart(points: list[tuple[str, float | None, float | None]], title: str) -> Markup:
    """The two rates at each report's cut-off, as an SVG line chart (0–100 %)."""
    width, height, left, bottom = 520, 220, 44, 28
    inner_w, inner_h = width - left - 16, height - bottom - 16
    n = max(len(points), 1)
    x = lambda i: left + (inner_w * (i + 0.5) / n)  # noqa: E731
    y = lambda v: 16 + inner_h * (1 - v)  # noqa: E731
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}">'
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1):
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - 16}" y1="{y(tick):.1f}" '
            f'y2="{y(tick):.1f}"/><text class="tick" x="{left - 6}" y="{y(tick) + 4:.1f}" '
            f'text-anchor="end">{int(tick * 100)}%</text>'
        )
    for series, css in ((1, "rate"), (2, "plan")):
        dots = [(x(i), y(p[series])) for i, p in enumerate(points) if p[series] is not None]
        if len(dots) > 1:
            path = " ".join(f"{a:.1f},{b:.1f}" for a, b in dots)
            parts.append(f'<polyline class="{css}" points="{path}"/>')
        parts += [f'<circle class="{css}" cx="{a:.1f}" cy="{b:.1f}" r="4"/>' for a, b in dots]
    for i, p in enumerate(points):
        parts.append(
            f'<text class="tick" x="{x(i):.1f}" y="{height - 8}" text-anchor="middle">'
            f"{escape(p[0])}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def bar(actual: float | None, target: float, unit: str) -> Markup:
    """A target's bar: the value measured against the target line."""
    top = 100.0 if unit == "phan_tram" else max(target, actual or 0, 1) * 1.25
    width = 160
    fill = 0 if actual is None else min(actual / top, 1) * width
    line = min(target / top, 1) * width
    return Markup(
        f'<svg class="bar" viewBox="0 0 {width} 14" aria-hidden="true">'
        f'<rect class="track" width="{width}" height="14" rx="3"/>'
        f'<rect class="value" width="{fill:.1f}" height="14" rx="3"/>'
        f'<line class="target" x1="{line:.1f}" x2="{line:.1f}" y1="0" y2="14"/></svg>'
    )


@dataclass
class _PlanSite:
    """What every page of one plan is drawn from: the plan, its status as `cchc status
    --format json` gives it, and what the templates share."""

    plan: Plan
    progress: Progress
    report: StatusReport
    prefix: str
    lang: str
    env: Any
    view: Any
    data: dict[str, Any]
    cutoffs: list[tuple[int, Any, Any]]

    def label(self, key: str) -> str:
        return words.label(self.lang, key)

    def period_name(self, period: Any) -> str:
        return str(period.name_vi if self.lang == "vi" else period.name_en)

    def common(self) -> dict[str, Any]:
        return {
            "plan": self.plan,
            "data": self.data,
            "L": self.label,
            "lang": self.lang,
            "root": "../" if self.prefix else "",
            "base": self.prefix,
        }

    def page(self, name: str, template: str, **fields: Any) -> Page:
        text = self.env.get_template(template).render(**self.common(), **fields)
        return Page(f"{self.prefix}{name}", text)


def plan_pages(
    plan: Plan,
    progress: Progress,
    report: StatusReport,
    prefix: str = "",
    *,
    score: dict[str, Any] | None = None,
) -> tuple[list[Page], dict[str, Any]]:
    """The pages of one plan (under `prefix`), and the row the portfolio shows of it;
    `score`: its self-assessment's figures (`views.score.site_figures`), when it has one."""
    from cchc_cli.views.show_text import at_cutoffs

    lang = words.language()
    view = make_view(plan, report, lang=lang)
    site = _PlanSite(
        plan, progress, report, prefix, lang, _environment(), view,
        json.loads(to_json(view)),  # the numbers of `cchc status --format json`
        at_cutoffs(plan, progress, report.as_of),
    )  # fmt: skip
    units = [u for u in plan.don_vi if not u.tap_the]
    pages = [_index_page(site, units, score), *_unit_pages(site, units), *_task_pages(site)]
    return pages, _portfolio_row(site, score)


def _index_page(site: _PlanSite, units: list[Any], score: dict[str, Any] | None) -> Page:
    """The plan's own page: the summary, the chart of the rates at each cut-off, the tasks
    by area, the overdue ones, the targets with their bars, the units."""
    data = site.data
    points = [
        (site.period_name(period), then.summary.rate, then.summary.plan_rate)
        for _quarter, period, then in site.cutoffs
    ]
    in_area: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for t in data["tasks"]:
        in_area[t["area"]].append(t)
    return site.page(
        "index.html",
        "plan.html",
        here="",
        summary=summary_lines(site.view, with_urgent=False)[1:],
        urgent=[(head.split(" · ")[0], head, title) for head, title in urgent(site.view)],
        chart=line_chart(points, site.label("site_chart")),
        points=points,
        tasks_by_area=[(area, in_area.get(area.ma, [])) for area in site.plan.linh_vuc],
        overdue=[t for t in data["tasks"] if t["status"] == "overdue"],
        targets=_target_lines(site),
        units=units,
        slug=slug,
        task_ids={t["id"] for t in data["tasks"]},
        report_names={r["name"] for r in data["reports"]},
        score=score,
    )


def _target_lines(site: _PlanSite) -> list[tuple[Any, ...]]:
    """Each target as the plan page shows it: its row, its words (as the report names
    it), its bar, its figure and its value."""
    from cchc_cli.plan.naming import target_subjects

    figures = {t.ma: t for _a, _i, t in site.plan.targets()}
    named = target_subjects(site.report.indicators)
    texts = {t.id: named.get(t.id) or t.text for ind in site.report.indicators for t in ind.targets}
    lines = []
    for ind in site.data["indicators"]:
        for t in ind["targets"]:
            figure = figures[t["id"]]
            lines.append(
                (t, " ".join(texts[t["id"]].split()),
                 bar(t["actual"], figure.gia_tri, figure.don_vi),
                 words.figure(figure, site.lang),
                 words.with_unit(t["actual"], figure.don_vi, site.lang))
            )  # fmt: skip
    return lines


def _unit_pages(site: _PlanSite, units: list[Any]) -> list[Page]:
    """A page per unit: the tasks it leads or supports, what it owes this period (due in
    it, overdue, or continuous, as its sheet has them), and the targets it answers for."""
    from cchc_cli.plan.sheet_meta import answers_for, target_owners

    tasks, period = site.data["tasks"], site.report.period
    targets, owners = _target_lines(site), target_owners(site.plan)
    of_unit: dict[str, list[int]] = defaultdict(list)  # unit id -> its tasks' places
    for place, t in enumerate(tasks):
        for ma in {*t["lead"], *t["support"]}:
            of_unit[ma].append(place)
    pages = []
    for unit in units:
        owed = reach(site.plan, [unit.ma])
        places = sorted({place for ma in owed for place in of_unit.get(ma, ())})
        lead, support = site.label("role_lead"), site.label("role_support")
        mine = [
            (t, lead if owed & set(t["lead"]) else support) for t in map(tasks.__getitem__, places)
        ]
        rows = site.report.task_by_id
        due_now = [(t, r) for t, r in mine if owes(rows[t["id"]], period.start, period.cutoff)]
        answered = answers_for(site.plan, unit.ma, owners)  # as its sheet asks them
        pages.append(
            site.page(
                f"don-vi/{slug(unit.ma)}.html",
                "unit.html",
                here="../",
                unit=unit,
                tasks=mine,
                due_now=due_now,
                targets=[line for line in targets if line[0]["id"] in answered],
                slug=slug,
                period_name=site.period_name(period),
            )
        )
    return pages


def _task_pages(site: _PlanSite) -> list[Page]:
    """A page per task, as `cchc show` gives it; each looks up what it shows by id."""
    from cchc_cli.views.show_text import show

    ids = index(site.plan, site.progress)
    pages = []
    for _p, _o, task in site.plan.tasks():
        shown = show(site.plan, site.progress, "task", task.ma, site.report, site.lang,
                     site.cutoffs, ids)  # fmt: skip
        pages.append(site.page(f"nhiem-vu/{slug(task.ma)}.html", "task.html", here="../",
                               shown=shown))  # fmt: skip
    return pages


def _portfolio_row(site: _PlanSite, score: dict[str, Any] | None) -> dict[str, Any]:
    """The row the portfolio shows of this plan."""
    s = site.data["summary"]
    return {
        "name": f"{site.plan.van_ban.co_quan_ban_hanh} ({site.plan.nam})",
        "href": f"{site.prefix}index.html",
        "rate": s["completion_rate"],
        "plan_rate": s["plan_rate"],
        "met": s["targets"].get("met", 0),
        "at_risk": s["targets"].get("at_risk", 0) + s["targets"].get("missed", 0),
        "overdue": s["overdue"],
        "last_report": _last_report(site.plan, site.progress, site.report),
        "score": score,
    }


def _last_report(plan: Plan, progress: Progress, report: StatusReport) -> str:
    """The last report due by the as-of date: when it was sent (the register), else whether
    its narrative is in the progress file."""
    lang = words.language()
    due = [r for r in report.reports if r.due <= report.as_of]
    if not due:
        return "—"
    last = due[-1]
    name = last.period.name_vi if lang == "vi" else last.period.name_en
    if last.sent_on is not None:
        key = "site_sent" if last.status == "sent_on_time" else "site_sent_late"
        return words.label(lang, key).format(
            name=name, day=words.day(last.due), sent=words.day(last.sent_on)
        )
    key = "site_written" if progress.has_prose(last.quarter) else "site_not_written"
    return words.label(lang, key).format(name=name, day=words.day(last.due))


def portfolio_page(
    rows: list[dict[str, Any]],
    built: date,
    as_of: date | None = None,
    broken: list[dict[str, Any]] | None = None,
) -> Page:
    """The province's page: a row per body, the day it was built and, when given, the day
    the figures are as of; and the bodies whose files could not be read, with their error."""
    env = _environment()
    lang = words.language()
    return Page(
        "index.html",
        env.get_template("portfolio.html").render(
            rows=rows,
            broken=broken or [],
            L=lambda k: words.label(lang, k),
            lang=lang,
            root="",
            here="",
            built=words.day(built),
            as_of=words.day(as_of) if as_of else None,
        ),
    )


def assets() -> dict[str, bytes]:
    """The stylesheet and the script every page links (relative paths)."""
    folder = resources.files("cchc_cli.views") / "templates" / "site"
    return {name: (folder / name).read_bytes() for name in ("site.css", "site.js")}
