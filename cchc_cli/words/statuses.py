"""Statuses and states in words: a task's or a target's status (`overdue` → "Quá hạn"), a
report's in the register, a task's recorded state, the codes `cchc export` writes, and the
short headers of the status summary."""

from __future__ import annotations

from typing import Any

from cchc_cli.words.context import language, pick

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
        "not_due": "Chưa đến kỳ đánh giá",
        "no_data": "Chưa có số liệu",
        # the register of reports
        "sent_on_time": "Đã gửi đúng hạn",
        "sent_late": "Gửi quá hạn",
        "not_yet_due": "Chưa đến hạn",
        "report_overdue": "Quá hạn, chưa gửi",
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
        "not_due": "Not yet assessed",
        "no_data": "No data",
        "sent_on_time": "Sent on time",
        "sent_late": "Sent late",
        "not_yet_due": "Not yet due",
        "report_overdue": "Overdue, not sent",
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

# Short headers so that nine columns fit in 80: tasks, due, done (early ones included), the
# on-schedule rate (done and due / due), the year's rate (done / dated tasks), overdue, due
# soon, continuous tasks with no report.
SUMMARY_HEADERS: dict[str, tuple[str, ...]] = {
    "vi": ("Số NV", "Đến hạn", "Xong", "Tỷ lệ", "Cả năm", "Quá hạn", "Sắp hạn", "Chưa BC"),
    "en": ("Tasks", "Due", "Done", "Rate", "Year", "Overdue", "Soon", "No rep."),
}

# A task's status as a code (`cchc export`): English codes, or Vietnamese slugs of the
# status words.
STATUS_CODES_VI = {
    "done_on_time": "hoan_thanh_dung_han",
    "done_late": "hoan_thanh_qua_han",
    "in_progress": "dang_trien_khai",
    "not_started": "chua_den_han",
    "due_soon": "sap_den_han",
    "overdue": "qua_han",
    "reported": "da_bao_cao",
    "missing_report": "chua_bao_cao",
    "dropped": "khong_thuc_hien",
    "not_done": "chua_hoan_thanh",
    "met": "dat",
    "on_track": "dung_tien_do",
    "at_risk": "co_nguy_co",
    "missed": "khong_dat",
    "not_due": "chua_den_ky",
    "no_data": "chua_co_so_lieu",
}
STATUS_CODE_HEADER = {"vi": "Mã tình trạng", "en": "status"}


def status(code: str, lang: str | None = None) -> str:
    """A status code in words: `overdue` → "Quá hạn"."""
    return pick(STATUS, lang).get(code, code)


def task_status(row: Any, lang: str | None = None) -> str:
    """A task's status in words; an overdue task with no record at all says so."""
    if row.status == "overdue" and not row.recorded:
        return status("overdue_no_record", lang)
    return status(row.status, lang)


def state(code: str, lang: str | None = None) -> str:
    """A task's recorded state in words: `hoan_thanh` → "hoàn thành"."""
    return pick(STATE, lang).get(code, code)


def summary_headers(lang: str) -> tuple[str, ...]:
    return pick(SUMMARY_HEADERS, lang)


def status_code(code: str, lang: str | None = None) -> str:
    """A status as a code: the Vietnamese slug (`qua_han`), or the English code with
    `--lang en` (`overdue`)."""
    return STATUS_CODES_VI.get(code, code) if (lang or language()) == "vi" else code
