"""Every word cchc shows a person, Vietnamese and English side by side, and the
formats of numbers and dates.

The domain (`plan/`) never speaks: it hands over codes (`overdue`, `met`) and
values, and the files layer, the views and the commands say them with what is
here. Of the package it imports only the domain's model.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_cli.plan.model import UNIT_SUFFIX

LANGS = ("vi", "en")

# --- statuses ---------------------------------------------------------------------

STATUS: dict[str, dict[str, str]] = {
    "vi": {
        "done_on_time": "Hoàn thành đúng hạn",
        "done_late": "Hoàn thành quá hạn",
        "in_progress": "Đang triển khai",
        "not_started": "Chưa đến hạn",
        "due_soon": "Sắp đến hạn",
        "overdue": "Quá hạn",
        "reported": "Đã báo cáo kỳ này",
        "missing_report": "Chưa báo cáo kỳ này",
        "dropped": "Không thực hiện",
        "not_done": "Chưa hoàn thành",
        "overdue_no_record": "Quá hạn, chưa có báo cáo",
        "met": "Đạt",
        "on_track": "Đúng tiến độ",
        "at_risk": "Có nguy cơ không đạt",
        "missed": "Không đạt",
        "no_data": "Chưa có số liệu",
    },
    "en": {
        "done_on_time": "Done on time",
        "done_late": "Done late",
        "in_progress": "In progress",
        "not_started": "Not yet due",
        "due_soon": "Due soon",
        "overdue": "Overdue",
        "reported": "Reported this period",
        "missing_report": "No report this period",
        "dropped": "Dropped",
        "not_done": "Not done",
        "overdue_no_record": "Overdue, nothing reported",
        "met": "Met",
        "on_track": "On track",
        "at_risk": "At risk",
        "missed": "Missed",
        "no_data": "No data",
    },
}

# A task's state as the progress file writes it (`trang_thai`) and as people say it.
STATE: dict[str, dict[str, str]] = {
    "vi": {
        "hoan_thanh": "hoàn thành",
        "dang_thuc_hien": "đang thực hiện",
        "chua_thuc_hien": "chưa thực hiện",
        "khong_thuc_hien": "không thực hiện",
    },
    "en": {
        "hoan_thanh": "done",
        "dang_thuc_hien": "in progress",
        "chua_thuc_hien": "not started",
        "khong_thuc_hien": "dropped",
    },
}

# --- labels -----------------------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        # the status views
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
        "narrowed_to_unit": "Đơn vị (chủ trì hoặc phối hợp)",
        "headline": "{done_due}/{due} nhiệm vụ đến hạn đã hoàn thành ({rate}); "
        "cả năm: {done}/{dated} nhiệm vụ ({plan_rate}); {overdue} quá hạn; {soon} sắp đến hạn; "
        "{missing}/{cont} nhiệm vụ thường xuyên chưa báo cáo kỳ này",
        "year_ended": "Năm kế hoạch {year} đã kết thúc: tình hình tính đến ngày {day}.",
        # `cchc record`'s answer
        "rec_created": "Đã ghi (tạo mới {path}):",
        "rec_added": "Đã ghi (thêm vào {path}):",
        "rec_removed": "Đã xoá bản ghi (khỏi {path}):",
        "rec_late": "ghi muộn",
        "rec_as_of": "{ma} tính đến ngày {date}: {status} — {detail}",
        "rec_due": "hạn {due} ({text})",
        "rec_no_due": "thời hạn: {text}",
        "rec_against": "{actual} so với mục tiêu {target}",
        "rec_no_value": "chưa có số liệu",
        "rec_value": "giá trị {value}",
        "rec_evidence": "minh chứng",
        "rec_reason": "lý do",
        "rec_note": "ghi chú",
        "rec_source": "nguồn",
        "rec_reformatted": "lưu ý: {path} chưa theo bố cục của cchc fmt; "
        "tệp đã được viết lại theo bố cục đó",
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
        "narrowed_to_unit": "Unit (lead or support)",
        "headline": "{done_due}/{due} tasks due are done ({rate}); the year: {done}/{dated} tasks "
        "({plan_rate}); {overdue} overdue; {soon} due soon; "
        "{missing}/{cont} continuous tasks have no report this period",
        "year_ended": "The {year} plan's year has ended: evaluated at {day}.",
        "rec_created": "Recorded (created {path}):",
        "rec_added": "Recorded (added to {path}):",
        "rec_removed": "Took back the record (from {path}):",
        "rec_late": "late entry",
        "rec_as_of": "{ma} as of {date}: {status} — {detail}",
        "rec_due": "due {due} ({text})",
        "rec_no_due": "deadline: {text}",
        "rec_against": "{actual} against {target}",
        "rec_no_value": "no value",
        "rec_value": "value {value}",
        "rec_evidence": "evidence",
        "rec_reason": "reason",
        "rec_note": "note",
        "rec_source": "source",
        "rec_reformatted": "note: {path} was not in cchc fmt's layout; it has been rewritten in it",
    },
}

# Short headers so that nine columns fit in 80: tasks, due, done (early ones included), the
# on-schedule rate (done and due / due), the year's rate (done / dated tasks), overdue, due
# soon, continuous tasks with no report.
SUMMARY_HEADERS: dict[str, tuple[str, ...]] = {
    "vi": ("Số NV", "Đến hạn", "Xong", "Tỷ lệ", "Cả năm", "Quá hạn", "Sắp hạn", "Chưa BC"),
    "en": ("Tasks", "Due", "Done", "Rate", "Year", "Overdue", "Soon", "No rep."),
}

# --- what `cchc diff` says --------------------------------------------------------

DIFF_GROUPS: dict[str, str] = {
    "target": "Targets",
    "deadline": "Deadlines",
    "added": "Added",
    "removed": "Removed",
    "lead": "Lead units",
    "support": "Supporting units",
    "text": "Text edits",
    "amendment": "Amendments",
}

DIFF_FIELDS: dict[str, str] = {
    "nhiem_vu": "task text",
    "hoat_dong": "activities",
    "ket_qua": "result",
    "kinh_phi": "funding",
    "chu_tri_goc": "lead as printed",
    "phoi_hop_goc": "support as printed",
    "noi_dung": "text",
    "trich": "quoted words",
    "ten": "name",
}


# --- problems -----------------------------------------------------------------------
# What the domain finds (checks, the schema's rules, deadline phrases, ids it cannot
# resolve), by the name it gives each finding. `{like}` is said as "; did you mean …?".

PROBLEMS: dict[str, dict[str, str]] = {
    "en": {
        # plan checks
        "duplicate-unit": "duplicate unit id {id!r}",
        "duplicate-area": "duplicate area id {id!r}",
        "duplicate-indicator": "duplicate indicator id {id!r}",
        "duplicate-objective": "duplicate objective id {id!r}",
        "duplicate-task": "duplicate task id {id!r}",
        "duplicate-target": "duplicate target id {id!r}",
        "target-is-task": "target id {id!r} is also a task id",
        "unknown-unit": "unknown unit {id!r}{like}",
        "unknown-area": "unknown area {area}",
        "unknown-target": "unknown target {id!r}{like}",
        "target-differs": "objective {objective} states {figure} but section II target "
        "{target} states {target_figure}",
        "deadline-external": "task {task}: {phrase!r} is set by another plan; add "
        "'han: YYYY-MM-DD' (until then it counts as due {year}-12-31)",
        "deadline-year": "task {task}: han {due} is outside {year}",
        "unknown-id": "unknown id {id!r}{like}",
        # progress checks
        "unknown-task": "unknown task {id!r}{like}",
        "task-is-target": "unknown task {id!r} (it is a target: record it under chi_so)",
        "target-is-task-record": "unknown target {id!r} (it is a task: record it under nhiem_vu)",
        "percent-out-of-range": "target {id} is a percentage: {value:g} is outside 0–100",
        "not-a-count": "target {id} counts things: {value:g} is not a whole number",
        "date-year": "{id}: {date} has the year {year}; write the year in full, e.g. {plan_year}",
        "date-outside-year": "{id}: {date} is outside the plan year {year} ({first} to "
        "{last}); if the record was made after the year, say why under ghi_muon",
        "wrong-year": "progress is for {year}, the plan for {plan_year}",
        "duplicate-narrative": "a second narrative for period {period}",
        # the schema's rules
        "range-needs-upper": 'so_sanh "khoang" needs gia_tri_den (the upper bound)',
        "range-backwards": "gia_tri_den is smaller than gia_tri",
        "upper-without-range": 'gia_tri_den only goes with so_sanh "khoang"',
        "percent-range": "a percentage must lie between 0 and 100, not {value:g}",
        "negative-value": "a value cannot be negative",
        "must-not-be-negative": "must not be negative",
        "dropped-needs-reason": "a dropped task (khong_thuc_hien) needs ly_do (the reason)",
        "value-missing": "give gia_tri, or tu_so and mau_so",
        "value-twice": "give gia_tri or tu_so/mau_so, not both",
        "ratio-half": "tu_so and mau_so go together",
        "unsafe-char": "character {char} may not stand in a plan (it steers terminals or "
        "moves lines); remove it",
        "date-as-number": "{value} is not a date; write YYYY-MM-DD, e.g. 2023-06-14",
        # deadline phrases: the sentence, then each reason
        "deadline-unreadable": 'Cannot read the deadline "{phrase}": {why}; forms understood: '
        "{forms}.",
        "dl-year-range": "year {year} is outside {first}–{last}",
        "dl-empty": "the phrase is empty",
        "dl-form": "this form is not understood",
        "dl-looks-like-month": '"{text}" looks like a month; write it as "Tháng {text}"',
        "dl-no-month": "month {month} does not exist",
        "dl-no-day": "{month} has no day {day}",
        "dl-months": "a year has no {months} months",
        "dl-backwards-month": "the months run backwards (month {item} is listed after {previous})",
        "dl-backwards-quarter": "the quarters run backwards (quarter {item} is listed after "
        "{previous})",
        "dl-no-quarter": 'quarter "{quarter}" is not I, II, III or IV (1–4)',
        "dl-not-text": "expected text, got {kind}",
        "dl-plan-year": "the plan year {year} is not a whole number",
        "dl-plan-year-range": "the plan year {year} is outside {first}–{last}",
        # ids typed on the command line
        "id-is-objective": "{id} is an objective, not a task; record one of its tasks: {tasks}",
        "id-is-indicator": "{id} is an indicator; record one of its targets: {targets}",
        "id-is-bare-indicator": "{id} is an indicator with no measurable target to record",
        "unknown-id-typed": "unknown id {id!r}{like} (cchc status lists the ids)",
    },
}


DIFF_SECTIONS: dict[str, str] = {
    "nam": "plan year",
    "van_ban": "document header (van_ban)",
    "linh_vuc": "areas (linh_vuc)",
    "muc_dich_yeu_cau": "section I (muc_dich_yeu_cau)",
    "chi_tieu": "section II headings (chi_tieu)",
    "giai_phap": "section III (giai_phap)",
    "nhiem_vu_trong_tam": "section IV (nhiem_vu_trong_tam)",
    "kinh_phi": "section V (kinh_phi)",
    "to_chuc_thuc_hien": "section VI (to_chuc_thuc_hien)",
    "phu_luc": "appendix headings (phu_luc)",
    "cai_dat": "settings (cai_dat)",
}

# Why a deadline has no due date, when it moves to or from one.
DIFF_NO_DUE: dict[str, str] = {
    "continuous": "thường xuyên",
    "recurring": "định kỳ",
    "external": "theo văn bản khác",
    "unreadable": "unreadable",
}


def did_you_mean(word: str, choices: Any) -> str:
    """ "; did you mean 'X'?" for the known word most like `word`, else nothing."""
    from cchc_cli.plan.lookup import closest

    like = closest(word, choices)
    return f"; did you mean {like!r}?" if like else ""


def problem(say: str, args: dict[str, Any], lang: str = "en") -> str:
    """The sentence the domain's finding `say` names, filled with `args`."""
    table = PROBLEMS.get(lang) or PROBLEMS["en"]
    template = table.get(say) or PROBLEMS["en"].get(say)
    if template is None:
        return say
    fill = dict(args)
    like = fill.get("like")
    fill["like"] = f"; did you mean {like!r}?" if like else ""
    if "forms" in fill and not isinstance(fill["forms"], str):
        fill["forms"] = ", ".join(f'"{form}"' for form in fill["forms"])
    if "reason" in fill:
        fill["why"] = problem(
            str(fill["reason"]), {k: v for k, v in fill.items() if k != "reason"}, lang
        )
    try:
        return template.format(**fill)
    except (KeyError, ValueError, IndexError):
        return f"{say}: {args}"


def _pick(table: dict[str, Any], lang: str) -> Any:
    return table.get(lang, table["vi"])


def status(code: str, lang: str = "vi") -> str:
    """A status code in words: `overdue` → "Quá hạn"."""
    return _pick(STATUS, lang).get(code, code)


def task_status(row: Any, lang: str = "vi") -> str:
    """A task's status in words; an overdue task with no record at all says so."""
    if row.status == "overdue" and not row.recorded:
        return status("overdue_no_record", lang)
    return status(row.status, lang)


def state(code: str, lang: str = "vi") -> str:
    """A task's recorded state in words: `hoan_thanh` → "hoàn thành"."""
    return _pick(STATE, lang).get(code, code)


def label(lang: str, key: str) -> str:
    return _pick(LABELS, lang)[key]


def summary_headers(lang: str) -> tuple[str, ...]:
    return _pick(SUMMARY_HEADERS, lang)


# --- numbers, figures and dates ---------------------------------------------------


def number(value: float, lang: str = "vi", decimals: int = 2) -> str:
    """A number as people write it: at most `decimals` decimals, no trailing zeros, the
    decimal comma in Vietnamese (87,5) and the point in English (87.5)."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",") if lang == "vi" else text


def with_unit(value: float | None, unit: str, lang: str = "vi", decimals: int = 2) -> str:
    """A measured value with its unit: "73,57%", "20 phút", "3"; "—" for none."""
    if value is None:
        return "—"
    return f"{number(value, lang, decimals)}{UNIT_SUFFIX[unit]}"


def figure(fig: Any, lang: str = "vi") -> str:
    """A target as people write it: "≥ 90%", "≤ 25 phút", "1–2" (`plan.model.Figure`), with
    the decimal comma in Vietnamese ("≥ 2,5%")."""
    text = fig.notation()
    return text.replace(".", ",") if lang == "vi" else text


def rate(value: float | None, lang: str = "vi", decimals: int = 1) -> str:
    """A share (0..1) as a percentage: "33,3%" ("33.3%" in English); "—" when there is
    nothing to divide. Every view shows rates through here, with one decimal."""
    return "—" if value is None else f"{number(value * 100, lang, decimals)}%"


def day(d: date | None) -> str:
    """dd/mm/yyyy, "—" for none."""
    return d.strftime("%d/%m/%Y") if d else "—"


def decree_date(d: date) -> str:
    """dd/mm/yyyy with Nghị định 30/2020's leading zeros: days under 10 and months 1-2 only."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def decree_long_date(place: str, d: date) -> str:
    """Place and date: "Hà Tĩnh, ngày 05 tháng 01 năm 2023" (0 before days < 10, months 1-2)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"
