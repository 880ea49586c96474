"""The CCHC report's landscape annex: every task with its state, every measure with a
value, the tally per area and in all, the TTHC cases per report and per lĩnh vực.

Pure: no I/O. The numbers are the period's (`plan.period`), said by `ReportLines`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_cli import words
from cchc_cli.plan.period import not_yet_due_undone, on_time_among_due
from cchc_cli.plan.shapes import nfc_key
from cchc_cli.plan.status import Summary, TaskRow
from cchc_cli.views.report_lines import ReportLines
from cchc_cli.views.report_model import (
    AnnexPart,
    AnnexRow,
    AnnexTarget,
    AnnexTargetGroup,
    SummaryRow,
    TthcPeriodRow,
)
from cchc_cli.views.report_text import (
    clean,
    count,
    keep_last_words,
    one_line,
    org_name,
    report_name,
    report_title,
    upper_first,
    vn_date,
)

ROMAN = ("I", "II", "III", "IV", "V", "VI")


def annex(b: ReportLines, signed_on: date, so: str) -> dict[str, Any]:
    """The annex's fields of the view model (`phu_luc_*`, `tong_cong`)."""
    plan, status = b.plan, b.status
    org = org_name(plan.van_ban.co_quan_ban_hanh)
    groups = annex_targets(b)
    by_period, by_area = tthc_by_period(b), tthc_by_area(b)
    shown = {"nhiem_vu": True, "chi_tieu": bool(groups), "tong_hop": True,
             "tthc": bool(by_period), "linh_vuc": bool(by_area)}  # fmt: skip
    roman = iter(ROMAN)
    title = report_title(plan.nam, b.n.quarter).upper()
    return {
        "phu_luc_muc": {k: next(roman) if here else "" for k, here in shown.items()},
        "phu_luc_tieu_de": keep_last_words(
            f"KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH {title}"
        ),
        "phu_luc_kem_theo": f"(Kèm theo Báo cáo số {so} ngày {vn_date(signed_on)} của {org})",
        "phu_luc_nhiem_vu": annex_tasks(b),
        "phu_luc_chi_tieu": groups,
        "phu_luc_tong_hop": [
            summary_row(one_line(a.ten), status.by_area.get(a.ma, Summary())) for a in plan.linh_vuc
        ],
        "phu_luc_tong_hop_ghi_chu": summary_note(b),
        "tong_cong": summary_row("Tổng cộng", status.summary),
        "phu_luc_tthc": by_period,
        "phu_luc_tthc_linh_vuc": by_area,
        "phu_luc_tthc_linh_vuc_tong": tthc_total(b) if by_area else None,
    }


# --- tasks and measures ------------------------------------------------------------------


def annex_tasks(b: ReportLines) -> list[AnnexPart]:
    """Every task of the appendix, part by part, its objective's number on its first row;
    a part's groups (the plan's 7.1, 7.2, whose objectives are numbered from 1 again) each
    under a title row of its own, as the plan prints them."""
    by_id = {r.id: r for r in b.status.tasks}
    parts = []
    for part in b.plan.phu_luc.phan:
        rows = _objective_rows(b, part.muc_tieu, by_id)
        for group in part.nhom:
            rows.append(AnnexRow(one_line(group.so), one_line(group.tieu_de), nhom=True))
            rows += _objective_rows(b, group.muc_tieu, by_id)
        parts.append(AnnexPart(one_line(part.so), one_line(part.tieu_de), rows))
    return parts


def _objective_rows(
    b: ReportLines, objectives: list[Any], by_id: dict[str, TaskRow]
) -> list[AnnexRow]:
    return [
        annex_row(b, t, by_id[t.ma], one_line(o.so) if i == 0 else "")
        for o in objectives
        for i, t in enumerate(o.nhiem_vu)
    ]


def annex_row(b: ReportLines, task: Any, row: TaskRow, tt: str) -> AnnexRow:
    """A task as the annex lists it: every deadline line, its state (with the day it was
    completed), what it produced (in the window, for a continuous task), the reason."""
    deadline = clean(task.thoi_han)
    for extra in task.dong_tiep:
        if nfc_key(extra.thoi_han) != nfc_key(task.thoi_han):
            deadline += "\n" + clean(extra.thoi_han)
    progress = upper_first(b.state(row))
    if row.done_on is not None and row.done:
        progress += f" ({vn_date(row.done_on)})"
    note = f"Lý do: {clean(row.reason)}" if row.reason else clean(row.note)
    evidence = b.window_evidence(row, dated=True) if row.continuous else row.evidence
    goal = b.task_goal(row.id)
    return AnnexRow(
        tt=tt,
        nhiem_vu=clean(task.nhiem_vu),
        chu_tri=b.units(task.chu_tri, task.chu_tri_goc),
        thoi_han=deadline,
        ket_qua="\n".join(clean(e) for e in evidence),
        tien_do=progress,
        ghi_chu=note,
        muc_tieu=f"(Mục tiêu: {goal})" if goal else "",
    )


def annex_targets(b: ReportLines) -> list[AnnexTargetGroup]:
    """Every measure with a value, by area of indicators (an area without one left out)."""
    groups = []
    for area in b.plan.chi_tieu:
        rows = b.n.measured_in(area.linh_vuc)
        lines = [(t, b.target_line(t, "")) for t in rows]
        if lines:
            groups.append(AnnexTargetGroup(
                one_line(area.tieu_de),
                [AnnexTarget(str(i), x.ten, x.muc_tieu, _annex_value(x),
                             upper_first(b.verdict_word(t.status)))
                 for i, (t, x) in enumerate(lines, 1)],
            ))  # fmt: skip
    return groups


def _annex_value(x: Any) -> str:
    """A measure's value as the annex gives it: what a computed share counts, and the day
    of a value older than the period's last quarter."""
    said = x.thuc_hien or "Chưa có kết quả"
    if x.cach_tinh:
        said += f"\n({x.cach_tinh})"
    if x.cu:
        said += f"\n(số liệu đến ngày {x.ngay_so_lieu})"
    return said


# --- the tally -----------------------------------------------------------------------------


def summary_row(name: str, s: Summary) -> SummaryRow:
    return SummaryRow(
        linh_vuc=name,
        so_nhiem_vu=s.tasks,
        thuong_xuyen=s.continuous,
        den_han=s.due,
        hoan_thanh=s.done_due,
        dung_han=on_time_among_due(s),
        hoan_thanh_qua_han=s.done_late,
        ty_le=words.rate(s.rate),
        qua_han=s.overdue,
        chua_hoan_thanh=s.not_done,
        khong_thuc_hien=s.dropped,
        truoc_han=s.done_early,
        chua_den_han=not_yet_due_undone(s),
    )


def summary_note(b: ReportLines) -> str:
    """What the tally counts, under it, with how its columns add up: the year report's
    column (10) counts tasks due in the year and not done, among the due; a report before
    the year's end has none such (a task due and not done is overdue), and its column (10)
    counts the tasks whose deadline is still to come, not done, outside the due."""
    if b.status.whole_year:
        due = "mọi nhiệm vụ có thời hạn trong năm"
        adds = "(2) = (3) + (4) + (11) + (12); (4) = (5) + (9) + (10)"
    else:
        due = "nhiệm vụ có thời hạn đến ngày này"
        adds = "(2) = (3) + (4) + (10) + (11) + (12); (4) = (5) + (9)"
    return (
        f"Số liệu tính đến ngày {vn_date(b.as_of)}; nhiệm vụ đến hạn là {due}; đã hoàn "
        "thành (5) = (6) + (7), tính trong số nhiệm vụ đến hạn; tỷ lệ hoàn thành = số nhiệm "
        "vụ đến hạn đã hoàn thành / số nhiệm vụ đến hạn; nhiệm vụ chưa đến hạn đã hoàn thành "
        "tính ở cột (11); nhiệm vụ thực hiện thường xuyên không có thời hạn, không tính quá "
        f"hạn; {adds}."
    )


# --- TTHC cases ----------------------------------------------------------------------------


def tthc_by_period(b: ReportLines) -> list[TthcPeriodRow]:
    """The annex's TTHC table: the case figures of each report of the year up to this
    one that has them, each over its own data window (the 6-month and year reports
    count from 15/12, so the rows are not added up)."""
    rows = []
    for p, st in b.n.tthc_so_far():
        name = upper_first(report_name(b.plan.nam, p.quarter))
        rows.append(tthc_row(f"{name} ({vn_date(p.start)}–{vn_date(p.cutoff)})", st))
    return rows


def tthc_by_area(b: ReportLines) -> list[TthcPeriodRow]:
    return [tthc_row(one_line(a.linh_vuc), a) for a in b.n.tthc_areas]


def tthc_total(b: ReportLines) -> TthcPeriodRow:
    """The lĩnh vực added up, column by column ("" where a lĩnh vực lacks the figure)."""
    cells: dict[str, str] = {}
    for col, key in TTHC_COLUMNS.items():
        values = [getattr(a, key) for a in b.n.tthc_areas]
        cells[col] = "" if any(v is None for v in values) else count(sum(values))
    return TthcPeriodRow(ky="Tổng cộng", **cells)


# The columns of an annex TTHC row: the field of the case figures each one shows.
TTHC_COLUMNS = {
    "tiep_nhan": "received",
    "truc_tuyen": "tiep_nhan_truc_tuyen",
    "truc_tiep": "tiep_nhan_truc_tiep",
    "ky_truoc": "tiep_nhan_ky_truoc",
    "da_giai_quyet": "resolved",
    "truoc_han": "giai_quyet_truoc_han",
    "dung_han": "giai_quyet_dung_han",
    "qua_han": "giai_quyet_qua_han",
    "dang_giai_quyet": "pending",
    "trong_han": "dang_giai_quyet_trong_han",
    "dang_qua_han": "dang_giai_quyet_qua_han",
    "tra_lai": "tra_lai_rut",
}


def tthc_row(name: str, st: Any) -> TthcPeriodRow:
    """A row of case figures: each a count, "" when not recorded."""
    cells = {col: getattr(st, key) for col, key in TTHC_COLUMNS.items()}
    return TthcPeriodRow(
        ky=name, **{col: "" if v is None else count(v) for col, v in cells.items()}
    )
