"""Every word cchc shows a person, Vietnamese and English side by side, and the
formats of numbers and dates.

The domain (`plan/`) never speaks: it hands over codes (`overdue`, `met`) and
values, and the files layer, the views and the commands say them with what is
here. Of the package it imports only the domain's model.
"""

from __future__ import annotations

from datetime import date
from typing import Any

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
        "not_due": "Chưa đến kỳ đánh giá",
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
        "not_due": "Not yet assessed",
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
        "role": "Vai trò",
        "with_groups": "thuộc",
        "objective": "Mục tiêu",
        "activities": "Hoạt động",
        "product": "Kết quả/sản phẩm",
        "support": "Phối hợp",
        "funding": "Kinh phí",
        "show_target": "Chỉ số",
        "show_due": "hạn {due}",
        "show_status": "Tình trạng ngày {day}",
        "show_cutoffs": "Tại các kỳ báo cáo",
        "show_records": "Các bản ghi",
        "show_no_records": "chưa có",
        "role_lead": "chủ trì",
        "role_support": "phối hợp",
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
        # the one-screen summary
        "sum_title": "TÓM TẮT",
        "sum_next": "Báo cáo tiếp theo: {name}, hạn nộp {day} ({left})",
        "sum_left": "còn {days} ngày",
        "sum_today": "hạn là hôm nay",
        "sum_no_next": "Báo cáo tiếp theo: đã hết các kỳ báo cáo của năm {year}",
        "sum_targets": "Chỉ số ({total}): {met} đạt, {on_track} đúng tiến độ, {at_risk} có "
        "nguy cơ, {missed} không đạt, {not_due} chưa đến kỳ đánh giá, {no_data} chưa có số liệu",
        "sum_tasks": "Nhiệm vụ ({tasks}): {done} hoàn thành, {overdue} quá hạn, {soon} sắp đến hạn",
        "sum_continuous": "Thường xuyên chưa báo cáo kỳ này: {missing}/{cont}",
        "sum_rates": "Tỷ lệ đúng hạn: {rate} ({done_due}/{due} đến hạn); cả năm: {plan_rate} "
        "({done}/{dated})",
        "sum_urgent": "Cần làm gấp:",
        "sum_nothing_urgent": "Không có việc quá hạn, sắp đến hạn hay chỉ số có nguy cơ.",
        "sum_late_by": "quá hạn {days} ngày",
        "sum_due_in": "còn {days} ngày",
        # how cchc frames what it says on stderr, and the commands' own lines
        "error_line": "cchc: lỗi: {text}",
        "note_line": "cchc: lưu ý: {text}",
        "interrupted": "cchc: đã dừng theo yêu cầu",
        "bug": "cchc: lỗi nội bộ: {what}. Đây là lỗi của cchc; xin báo trên trang theo dõi "
        "lỗi của dự án, kèm lệnh đã chạy.",
        "left_out": "{count} bản ghi có lỗi không được tính vào tình hình dưới đây; cchc "
        "report từ chối lập báo cáo đến khi sửa xong",
        "unsafe_cache": "bộ nhớ đệm không được dùng: {folders} không phải thư mục riêng của bạn "
        "(người khác có thể cài dữ liệu vào); hãy đặt quyền riêng (chmod 700) hoặc đặt "
        "CCHC_NO_CACHE=1",
        "severity_error": "lỗi",
        "severity_warning": "cảnh báo",
        "checked": "đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo",
        "checked_one": "đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo",
        "would_reformat": "sẽ định dạng lại {path}",
        "reformatted": "đã định dạng lại {path}",
        "fmt_summary_check": "{changed} tệp sẽ được định dạng lại, {kept} tệp đã đúng định dạng",
        "fmt_summary": "{changed} tệp đã được định dạng lại, {kept} tệp đã đúng định dạng",
        "fmt_broken": ", {broken} tệp giữ nguyên vì có lỗi nêu trên",
        "version": "cchc {version}",
        "site_chart": "Tỷ lệ hoàn thành tại các kỳ báo cáo",
        "site_footer": "Lập bằng cchc từ kế hoạch và tệp tiến độ trong kho; số liệu như cchc "
        "status --format json.",
        "site_portfolio": "Tổng hợp các kế hoạch CCHC",
        "site_year_rate": "Cả năm",
        "site_met": "Chỉ số đạt",
        "site_at_risk": "Chỉ số có nguy cơ hoặc không đạt",
        "site_overdue_list": "Nhiệm vụ quá hạn",
        "site_built": "Lập ngày",
        "site_broken": "Kế hoạch chưa đọc được",
        "site_error": "Lỗi cần sửa",
        "site_more": "và {count} lỗi khác",
        "site_body": "Cơ quan",
        "site_last_report": "Báo cáo gần nhất",
        "site_written": "{name} (hạn {day}): đã có phần viết",
        "site_not_written": "{name} (hạn {day}): chưa có phần viết",
        "site_done": "Đã lập {pages} trang trong {path}",
        "figures_set": "Đã ghi số liệu của kỳ {quarter} vào {path}:",
        "was": "trước là",
        "site_owed": "Việc cần báo cáo kỳ {period}",
        "site_all_tasks": "Mọi nhiệm vụ đơn vị chủ trì hoặc phối hợp",
        "sheet_written": "{path}: {tasks} nhiệm vụ, {targets} chỉ số",
        "import_done": "{unit}: đã ghi {tasks} nhiệm vụ, {targets} chỉ số, {figures} số liệu "
        "TTHC, {prose} phần viết vào {path}; {already} dòng đã có từ trước",
        "import_dry": "{unit}: sẽ ghi {tasks} nhiệm vụ, {targets} chỉ số, {figures} số liệu "
        "TTHC, {prose} phần viết vào {path} (--dry-run: chưa ghi gì); {already} dòng đã có từ "
        "trước",
        "import_nothing": "{unit}: không có dòng mới để ghi; {already} dòng đã có từ trước",
        "new_written": "Đã tạo {path} từ {source}: {moved} thời hạn đã dời sang năm mới; số, "
        "ngày ban hành và người ký để trống; các văn bản điều chỉnh đã bỏ; chưa có tiến độ",
        "new_review": "{count} dòng còn ghi năm {year}, cần xem lại (lời văn của kế hoạch cũ):",
        "report_warnings": "kế hoạch có {count} cảnh báo; chạy `cchc validate` để xem",
        "report_missing": "báo cáo {name} còn thiếu {count} mục; văn bản bỏ qua các mục này "
        "(không để chỗ trống; một số liệu cũ thì ghi rõ ngày) cho đến khi được ghi vào {path}:",
        "report_complete": "báo cáo {name}: đủ số liệu, không thiếu mục nào ({path})",
        "report_plan_warnings": "kế hoạch có {count} cảnh báo mà báo cáo dựa vào; xem lại trước "
        "khi ký (`cchc validate` chỉ rõ từng chỗ):",
        "report_untracked": "{count} mục tiêu của Phụ lục có con số nhưng không ứng với chỉ số "
        "nào ở mục II ({ids}): báo cáo nêu kết quả của chúng qua nhiệm vụ (tình trạng, kết "
        "quả/sản phẩm), không đánh giá đạt, không đạt; mục tiêu nào là một chỉ số ở mục II thì "
        "ghi `ung_voi` để đánh giá một lần",
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
        "role": "Role",
        "with_groups": "one of",
        "objective": "Objective",
        "activities": "Activities",
        "product": "Result",
        "support": "Support",
        "funding": "Funding",
        "show_target": "Target",
        "show_due": "due {due}",
        "show_status": "Status on {day}",
        "show_cutoffs": "At each report's cut-off",
        "show_records": "Records",
        "show_no_records": "none yet",
        "role_lead": "lead",
        "role_support": "support",
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
        "sum_title": "SUMMARY",
        "sum_next": "Next report: {name}, submit by {day} ({left})",
        "sum_left": "{days} day(s) left",
        "sum_today": "due today",
        "sum_no_next": "Next report: none left in {year}",
        "sum_targets": "Targets ({total}): {met} met, {on_track} on track, {at_risk} at risk, "
        "{missed} missed, {not_due} not yet assessed, {no_data} no data",
        "sum_tasks": "Tasks ({tasks}): {done} done, {overdue} overdue, {soon} due soon",
        "sum_continuous": "Continuous tasks with no report this period: {missing}/{cont}",
        "sum_rates": "On schedule: {rate} ({done_due}/{due} due); the year: {plan_rate} "
        "({done}/{dated})",
        "sum_urgent": "Most urgent:",
        "sum_nothing_urgent": "Nothing overdue, due soon or at risk.",
        "sum_late_by": "{days} day(s) late",
        "sum_due_in": "due in {days} day(s)",
        "error_line": "cchc: error: {text}",
        "note_line": "cchc: note: {text}",
        "interrupted": "cchc: interrupted",
        "bug": "cchc: internal error: {what}. This is a bug in cchc; please report it on the "
        "project's issue tracker with the command you ran.",
        "left_out": "{count} record(s) with errors are left out of the status below; cchc "
        "report refuses until they are mended",
        "unsafe_cache": "the cache was not used: {folders} is not a private folder of yours "
        "(others could plant entries); make it so (chmod 700) or set CCHC_NO_CACHE=1",
        "severity_error": "error",
        "severity_warning": "warning",
        "checked": "{files} files checked: {errors} error(s), {warnings} warning(s)",
        "checked_one": "{files} file checked: {errors} error(s), {warnings} warning(s)",
        "would_reformat": "would reformat {path}",
        "reformatted": "reformatted {path}",
        "fmt_summary_check": "{changed} file(s) would be reformatted, {kept} already formatted",
        "fmt_summary": "{changed} file(s) reformatted, {kept} already formatted",
        "fmt_broken": ", {broken} left unchanged because of the errors above",
        "version": "cchc {version}",
        "site_chart": "Completion rate at each report",
        "site_footer": "Built by cchc from the plan and progress files in the repository; the "
        "numbers of cchc status --format json.",
        "site_portfolio": "CCHC plans at a glance",
        "site_year_rate": "The year",
        "site_met": "Targets met",
        "site_at_risk": "Targets at risk or missed",
        "site_overdue_list": "Overdue tasks",
        "site_built": "Built on",
        "site_broken": "Plans that could not be read",
        "site_error": "Error to mend",
        "site_more": "and {count} more",
        "site_body": "Body",
        "site_last_report": "Last report",
        "site_written": "{name} (due {day}): narrative written",
        "site_not_written": "{name} (due {day}): no narrative yet",
        "site_done": "Wrote {pages} pages in {path}",
        "figures_set": "Recorded the figures of period {quarter} in {path}:",
        "was": "was",
        "site_owed": "What to report for {period}",
        "site_all_tasks": "Every task the unit leads or supports",
        "sheet_written": "{path}: {tasks} task(s), {targets} target(s)",
        "import_done": "{unit}: recorded {tasks} task(s), {targets} target(s), {figures} TTHC "
        "figure(s), {prose} part(s) of the report's prose in {path}; {already} row(s) were "
        "there already",
        "import_dry": "{unit}: would record {tasks} task(s), {targets} target(s), {figures} "
        "TTHC figure(s), {prose} part(s) of the report's prose in {path} (--dry-run: nothing "
        "written); {already} row(s) were there already",
        "import_nothing": "{unit}: no new row to record; {already} row(s) were there already",
        "new_written": "Created {path} from {source}: {moved} deadlines moved to the new year; "
        "number, date of issue and signer left blank; amendments dropped; no progress yet",
        "new_review": "{count} line(s) still name {year} and need review (the old plan's words):",
        "report_warnings": "the plan has {count} warning(s); run `cchc validate` to see them",
        "report_missing": "the {name} report lacks {count} item(s); the document leaves them "
        "out (no placeholder; an old value says its day) until they are entered in {path}:",
        "report_complete": "the {name} report has every item it needs ({path})",
        "report_plan_warnings": "the plan has {count} warning(s) the report rests on; review "
        "them before signing (`cchc validate` shows each one in place):",
        "report_untracked": "{count} objective(s) of the appendix state a figure that no target "
        "of section II tracks ({ids}): the report gives their results through their tasks "
        "(state, results), with no verdict; an objective that is a target of section II takes "
        "`ung_voi` to be judged once",
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

DIFF_GROUPS: dict[str, dict[str, str]] = {
    "vi": {
        "target": "Chỉ số", "deadline": "Thời hạn", "added": "Thêm mới", "removed": "Bỏ đi",
        "lead": "Đơn vị chủ trì", "support": "Đơn vị phối hợp", "text": "Sửa lời văn",
        "amendment": "Văn bản điều chỉnh",
    },
    "en": {
        "target": "Targets", "deadline": "Deadlines", "added": "Added", "removed": "Removed",
        "lead": "Lead units", "support": "Supporting units", "text": "Text edits",
        "amendment": "Amendments",
    },
}  # fmt: skip

DIFF_FIELDS: dict[str, dict[str, str]] = {
    "vi": {
        "nhiem_vu": "nội dung nhiệm vụ", "hoat_dong": "hoạt động", "ket_qua": "kết quả",
        "kinh_phi": "kinh phí", "chu_tri_goc": "đơn vị chủ trì như bản in",
        "phoi_hop_goc": "đơn vị phối hợp như bản in", "noi_dung": "nội dung",
        "trich": "lời trích", "ten": "tên", "text": "lời văn",
    },
    "en": {
        "nhiem_vu": "task text", "hoat_dong": "activities", "ket_qua": "result",
        "kinh_phi": "funding", "chu_tri_goc": "lead as printed",
        "phoi_hop_goc": "support as printed", "noi_dung": "text", "trich": "quoted words",
        "ten": "name", "text": "text",
    },
}  # fmt: skip

# What a change is about (`Change.what`).
DIFF_WHAT: dict[str, dict[str, str]] = {
    "vi": {
        "task": "nhiệm vụ", "target": "chỉ số", "indicator": "chỉ tiêu", "objective": "mục tiêu",
        "objective figure": "số liệu mục tiêu", "unit": "đơn vị", "amendment": "văn bản điều "
        "chỉnh", "section": "phần", "task line": "dòng nhiệm vụ",
    },
    "en": {
        "task": "task", "target": "target", "indicator": "indicator", "objective": "objective",
        "objective figure": "objective figure", "unit": "unit", "amendment": "amendment",
        "section": "section", "task line": "task line",
    },
}  # fmt: skip

DIFF_SECTIONS: dict[str, dict[str, str]] = {
    "vi": {
        "nam": "năm kế hoạch",
        "van_ban": "phần đầu văn bản (van_ban)",
        "linh_vuc": "lĩnh vực (linh_vuc)",
        "muc_dich_yeu_cau": "mục I (muc_dich_yeu_cau)",
        "chi_tieu": "tiêu đề mục II (chi_tieu)",
        "giai_phap": "mục III (giai_phap)",
        "nhiem_vu_trong_tam": "mục IV (nhiem_vu_trong_tam)",
        "kinh_phi": "mục V (kinh_phi)",
        "to_chuc_thuc_hien": "mục VI (to_chuc_thuc_hien)",
        "phu_luc": "tiêu đề phụ lục (phu_luc)",
        "cai_dat": "cài đặt (cai_dat)",
    },
    "en": {
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
    },
}

# Why a deadline has no due date, when it moves to or from one.
DIFF_NO_DUE: dict[str, dict[str, str]] = {
    "vi": {"continuous": "thường xuyên", "recurring": "định kỳ", "external": "theo văn bản "
           "khác", "unreadable": "không đọc được"},
    "en": {"continuous": "thường xuyên", "recurring": "định kỳ", "external": "theo văn bản "
           "khác", "unreadable": "unreadable"},
}  # fmt: skip

DIFF: dict[str, dict[str, str]] = {
    "vi": {
        "spacing": "chỉ khác dấu cách hoặc xuống dòng",
        "more": " (và {n} chỗ khác)",
        "restating": "(nhắc lại {id})",
        "amended_by": "văn bản điều chỉnh {ids}",
        "not_amended": "chưa có văn bản điều chỉnh nào nêu",
        "target": "{id} {what} {old} → {new}{note}",
        "deadline": "{id} {old} → {new}{note}",
        "added": "thêm {what} {id}{text}{note}",
        "removed": "bỏ {what} {id}{text}{note}",
        "lead": "{id} chủ trì {old} → {new}",
        "support": "{id} phối hợp {old} → {new}",
        "amendment": "thêm văn bản điều chỉnh {id}{text}{note}",
        "section": "sửa {where}: {summary}",
        "field": "{id} sửa {field}: {summary}",
        "forbidden": "văn bản điều chỉnh {id} của kế hoạch gốc bị {done}; văn bản đã ban hành "
        "giữ nguyên: hãy thêm một văn bản mới",
        "done_edited": "sửa",
        "done_removed": "bỏ",
        "missing": "{id}: {what}{values} nhưng chưa có văn bản điều chỉnh mới nào nêu; hãy thêm "
        "một mục dieu_chinh (so, ngay, ly_do, ma: [{covers}])",
        "m_target": "{what} thay đổi",
        "m_deadline": "thời hạn thay đổi",
        "m_added": "thêm nhiệm vụ",
        "m_removed": "bỏ nhiệm vụ",
        "new_plan": "{head}: kế hoạch mới (chưa có ở {rev})",
        "removed_plan": "{head}: kế hoạch đã bị xoá (có ở {rev})",
        "removed_needs_review": "{path}: kế hoạch đã bị xoá khỏi kho; không văn bản điều chỉnh "
        "nào trong kế hoạch thay cho việc này, cần người có thẩm quyền duyệt",
        "no_changes": "{head}: không thay đổi",
        "count": "{n} thay đổi",
        "md_title": "### Thay đổi của kế hoạch: {old} → {new}",
        "md_new": "Một tệp kế hoạch mới.",
        "md_removed": "Tệp kế hoạch đã bị xoá.",
        "md_none": "Kế hoạch không thay đổi.",
    },
    "en": {
        "spacing": "spacing or line breaks only",
        "more": " (and {n} more)",
        "restating": "(restating {id})",
        "amended_by": "amendment {ids}",
        "not_amended": "no amendment names it",
        "target": "{id} {what} {old} → {new}{note}",
        "deadline": "{id} {old} → {new}{note}",
        "added": "{what} {id} added{text}{note}",
        "removed": "{what} {id} removed{text}{note}",
        "lead": "{id} lead {old} → {new}",
        "support": "{id} support {old} → {new}",
        "amendment": "amendment {id} added{text}{note}",
        "section": "{where} edited: {summary}",
        "field": "{id} {field} edited: {summary}",
        "forbidden": "amendment {id} of the base plan is {done}; an amendment already made "
        "stays as it is: add a new one instead",
        "done_edited": "edited",
        "done_removed": "removed",
        "missing": "{id}: {what}{values} but no new amendment names it; add a dieu_chinh entry "
        "(so, ngay, ly_do, ma: [{covers}])",
        "m_target": "{what} changed",
        "m_deadline": "deadline moved",
        "m_added": "task added",
        "m_removed": "task removed",
        "new_plan": "{head}: a new plan (not at {rev})",
        "removed_plan": "{head}: the plan was removed (it is at {rev})",
        "removed_needs_review": "{path}: the plan was removed from the repository; no amendment "
        "inside a plan can stand for that, someone with authority must approve it",
        "no_changes": "{head}: no changes",
        "count": "{n} change{s}",
        "md_title": "### Plan changes: {old} → {new}",
        "md_new": "A new plan file.",
        "md_removed": "The plan file was removed.",
        "md_none": "No changes to the plan.",
    },
}


def diff_word(table: dict[str, dict[str, str]], key: str) -> str:
    """A word of one of the DIFF_* tables in the language in use (the key if unknown)."""
    return _pick(table, None).get(key, key)


def diff_says(key: str, **args: Any) -> str:
    return _pick(DIFF, None)[key].format(**args)


# --- problems and errors -----------------------------------------------------------
# Every sentence cchc says about a file or a command, by a stable name: what the domain
# finds (checks, the schema's rules, deadline phrases, ids it cannot resolve), what the
# reader finds in YAML, and what commands refuse. Values are filled in by `problem()`:
# `{like}` is said as "; did you mean …?", `{name}` as a key or a list item, `{found}` as
# what stood there, `{why}` as the reason named by `reason`.

PROBLEMS: dict[str, dict[str, str]] = {
    "vi": {
        # plan checks
        "duplicate-unit": "mã đơn vị {id!r} bị trùng",
        "duplicate-area": "mã lĩnh vực {id!r} bị trùng",
        "duplicate-indicator": "mã chỉ tiêu {id!r} bị trùng",
        "duplicate-objective": "mã mục tiêu {id!r} bị trùng",
        "duplicate-task": "mã nhiệm vụ {id!r} bị trùng",
        "duplicate-target": "mã chỉ số {id!r} bị trùng",
        "target-is-task": "mã chỉ số {id!r} trùng với một mã nhiệm vụ",
        "unknown-unit": "không có đơn vị {id!r}{like}",
        "unknown-area": "không có lĩnh vực {area}",
        "unknown-group": "không có nhóm đơn vị {id!r} (một đơn vị có tap_the: true){like}",
        "unknown-target": "không có chỉ số {id!r}{like}",
        "target-differs": "mục tiêu {objective} ghi {figure} nhưng chỉ số {target} ở mục II "
        "ghi {target_figure}",
        "deadline-external": "nhiệm vụ {task}: {phrase!r} do văn bản khác quy định; thêm "
        "'han: YYYY-MM-DD' (đến khi đó hạn được tính là {year}-12-31)",
        "deadline-year": "nhiệm vụ {task}: han {due} nằm ngoài năm {year}",
        "unknown-id": "không có mã {id!r}{like}",
        "other-year": "{where}: {text!r} ghi năm {found}, không phải năm kế hoạch {year}; xem lại",
        "target-link-self": "chỉ số {id} không thể nhắc lại chính nó (ung_voi)",
        "target-link-chain": "chỉ số {id} nhắc lại {to}, nhưng {to} lại nhắc lại {further}: ghi "
        "ung_voi: {further}",
        "linked-target-differs": "chỉ số {id} nhắc lại {to} nhưng ghi {figure}, còn {to} ghi "
        "{to_figure}; báo cáo đánh giá theo {to}",
        "computed-on-restated": "chỉ số {id} nhắc lại {to}: ghi tinh_tu ở {to}",
        "computed-not-percent": "chỉ số {id}: tinh_tu chỉ dùng cho chỉ số tính theo % "
        "(don_vi: phan_tram)",
        "milestone-year": "chỉ số {id}: mốc {due} nằm ngoài năm kế hoạch {year}",
        # progress checks
        "unknown-task": "không có nhiệm vụ {id!r}{like}",
        "task-is-target": "không có nhiệm vụ {id!r} ({id} là chỉ số: ghi dưới chi_so)",
        "target-is-task-record": "không có chỉ số {id!r} ({id} là nhiệm vụ: ghi dưới nhiem_vu)",
        "percent-out-of-range": "chỉ số {id} tính theo %: {value:g} nằm ngoài 0–100",
        "not-a-count": "chỉ số {id} đếm số lượng: {value:g} không phải số nguyên",
        "date-year": "{id}: ngày {date} có năm {year}; ghi năm đủ bốn chữ số, ví dụ {plan_year}",
        "date-outside-year": "{id}: ngày {date} nằm ngoài năm kế hoạch {year} (từ {first} đến "
        "{last}); nếu bản ghi được lập sau năm kế hoạch, ghi lý do dưới ghi_muon",
        "wrong-year": "tệp tiến độ của năm {year}, kế hoạch của năm {plan_year}",
        "duplicate-narrative": "kỳ {period} có hai phần thuyết minh",
        "linked-recorded-twice": "{id} (dòng {this_line}) và {other} (dòng {other_line}) là một "
        "chỉ số ({root}): mọi báo cáo dùng giá trị ghi mới nhất, {value:g} ngày {date} (dòng "
        "{other_line}); chỉ ghi một lần, dưới {root}",
        "computed-differs-ty_le_kiem_tra": "{id} ghi {value:g}% ngày {date}, nhưng số liệu kỳ "
        "báo cáo {quarter} cho {top}/{bottom} phòng, đơn vị được kiểm tra = {share:g}%; báo cáo "
        "kỳ đó dùng {share:g}%",
        "computed-differs-ty_le_ho_so_truc_tuyen": "{id} ghi {value:g}% ngày {date}, nhưng số "
        "liệu kỳ báo cáo {quarter} cho {top}/{bottom} hồ sơ tiếp nhận trực tuyến = {share:g}%; "
        "báo cáo kỳ đó dùng {share:g}%",
        "carried-over": "kỳ báo cáo {quarter}: {carried} hồ sơ từ kỳ trước chuyển qua, nhưng "
        "hết kỳ {previous} ({cutoff}) còn {pending} hồ sơ đang giải quyết (dòng {other_line})",
        "carried-over-same-start": "kỳ báo cáo {quarter}: {carried} hồ sơ từ kỳ trước chuyển "
        "qua, nhưng kỳ {other}, cùng bắt đầu ngày {start}, ghi {other_carried} (dòng "
        "{other_line})",
        "tthc-areas-sum": "các lĩnh vực cộng lại {field} = {sum}, nhưng thong_ke_tthc ghi {total}",
        # the schema's rules
        "range-needs-upper": 'so_sanh "khoang" cần gia_tri_den (cận trên)',
        "range-backwards": "gia_tri_den nhỏ hơn gia_tri",
        "upper-without-range": 'gia_tri_den chỉ đi với so_sanh "khoang"',
        "percent-range": "tỷ lệ phần trăm phải từ 0 đến 100, không phải {value:g}",
        "negative-value": "giá trị không được âm",
        "must-not-be-negative": "không được âm",
        "tthc-sum": "số hồ sơ không khớp: tiếp nhận {received}, nhưng đã giải quyết {resolved} + "
        "đang giải quyết {pending} + trả lại, rút {returned} = {total}",
        "tthc-apologies": "{letters} thư xin lỗi, nhiều hơn số hồ sơ quá hạn ({late})",
        "tthc-payments": "{paid} hồ sơ thanh toán trực tuyến, nhiều hơn số hồ sơ tiếp nhận "
        "trực tuyến ({online})",
        "figure-over": "{part} = {value}, lớn hơn {whole} = {total} ({what} không thể nhiều "
        "hơn {of})",
        "dropped-needs-reason": "nhiệm vụ không thực hiện (khong_thuc_hien) cần ly_do (lý do)",
        "value-missing": "ghi gia_tri, hoặc tu_so và mau_so",
        "value-twice": "ghi gia_tri hoặc tu_so/mau_so, không ghi cả hai",
        "ratio-half": "tu_so và mau_so phải đi cùng nhau",
        "unsafe-char": "ký tự {char} không được có trong kế hoạch (nó điều khiển màn hình "
        "hoặc dời dòng); hãy xoá nó",
        "date-as-number": "{value} không phải ngày; ghi YYYY-MM-DD, ví dụ 2023-06-14",
        # deadline phrases: the sentence, then each reason
        "deadline-unreadable": 'Không đọc được thời hạn "{phrase}": {why}; các cách ghi được '
        "hiểu: {forms}.",
        "dl-year-range": "năm {year} nằm ngoài {first}–{last}",
        "dl-empty": "cụm từ trống",
        "dl-form": "không hiểu cách ghi này",
        "dl-looks-like-month": '"{text}" giống một tháng; hãy ghi "Tháng {text}"',
        "dl-no-month": "không có tháng {month}",
        "dl-no-day": "tháng {month} không có ngày {day}",
        "dl-months": "một năm không có {months} tháng",
        "dl-backwards-month": "các tháng bị ngược (tháng {item} ghi sau tháng {previous})",
        "dl-backwards-quarter": "các quý bị ngược (quý {item} ghi sau quý {previous})",
        "dl-no-quarter": 'quý "{quarter}" không phải I, II, III hay IV (1–4)',
        "dl-not-text": "cần một đoạn chữ, nhưng gặp {kind}",
        "dl-plan-year": "năm kế hoạch {year} không phải số nguyên",
        "dl-plan-year-range": "năm kế hoạch {year} nằm ngoài {first}–{last}",
        # ids typed on the command line
        "id-is-objective": "{id} là mục tiêu, không phải nhiệm vụ; hãy dùng một nhiệm vụ của "
        "nó: {tasks}",
        "id-is-indicator": "{id} là chỉ tiêu; hãy dùng một chỉ số của nó: {targets}",
        "id-is-bare-indicator": "{id} là chỉ tiêu không có chỉ số đo được",
        "unknown-id-typed": "không có mã {id!r}{like} (cchc status liệt kê các mã)",
        # reading a file
        "too-large": "tệp lớn hơn {limit:,} byte, giới hạn của một kế hoạch",
        "binary": "tệp có byte NUL: đây không phải tệp văn bản YAML",
        "encoding": "không phải văn bản UTF-8 (byte {byte}); hãy lưu tệp dưới dạng UTF-8",
        "yaml-version": "tệp khai báo YAML {version}, trong đó 010, no hay 1:30 mang giá trị "
        "khác với cách cchc đọc; hãy xoá dòng %YAML (kế hoạch viết theo YAML 1.2)",
        "empty": "tệp trống: cần một bảng các khoá",
        "too-deep": "lồng nhau quá {depth} cấp, không thể là một kế hoạch",
        "yaml-tab": "không được thụt lề YAML bằng phím tab: hãy dùng dấu cách",
        "yaml-colon": "dấu ':' và dấu cách ở giữa một câu làm YAML hiểu sai: hãy đặt cả câu "
        'trong dấu nháy kép, ví dụ {key}: "{text}"',
        "yaml-syntax": "YAML không hợp lệ: {what}",
        "yaml-unreadable": "không đọc được YAML này: {what}",
        "number-too-long": "số quá dài",
        "bad-tagged-value": "{text!r} không phải giá trị {kind} hợp lệ",
        "tag-expects": "thẻ {tag} cần {expected}, nhưng gặp {found}",
        "tag-refused": "thẻ YAML {tag} không được dùng trong kế hoạch",
        "key-not-text": "khoá phải là chữ thường (không phải bảng hay danh sách)",
        "undefined-alias": "bí danh {alias!r} chưa được định nghĩa",
        "alias-refused": "không được dùng bí danh (*tên) của bảng hay danh sách trong kế hoạch",
        "duplicate-key": "khoá {key!r} bị lặp (mỗi khoá chỉ có một lần trong một bảng)",
        "not-rewritable": "không viết lại được: {what}",
        "comment-lost": "cchc không viết lại được tệp này mà giữ nguyên ghi chú này (ruamel.yaml "
        "bỏ ghi chú nằm trong [..] và {{..}}); hãy chuyển ghi chú lên trên dấu ngoặc",
        "value-changed": "cchc không viết lại được tệp này mà giữ nguyên giá trị này như đang "
        "đọc; chưa ghi gì (viết theo YAML 1.2: 10, không phải 010; đặt chữ trong dấu nháy)",
        # the schema, as Pydantic finds it
        "unknown-key": "khoá {name} không có trong lược đồ{like}",
        "expected-mapping-top": "đầu tệp phải là một bảng các khoá, nhưng gặp {found}",
        "expected-mapping": "dưới {name} phải là một bảng các khoá, nhưng gặp {found}",
        "expected-list": "{name} phải là một danh sách (các dòng bắt đầu bằng '- '), nhưng "
        "gặp {found}",
        "bad-date": "{name}: {found} không phải ngày hợp lệ; ghi YYYY-MM-DD, ví dụ 2023-06-14",
        "not-allowed": "{name}: {found} không được chấp nhận; cần một trong: {allowed}{like}",
        "expected-text": "{name} phải là chữ, nhưng gặp {found}",
        "too-long": "{name} quá dài ({length:,} ký tự)",
        "empty-text": "{name} không được để trống",
        "bad-id": "{name}: {found} không phải mã hợp lệ (chữ, số, '.', '-', '_')",
        "empty-list": "{name} phải có ít nhất một mục",
        "rule": "{name}: {problem}",
        "number-int_type": "{name}: cần một số nguyên, nhưng gặp {found}",
        "number-int_parsing": "{name}: cần một số nguyên, nhưng gặp {found}",
        "number-int_from_float": "{name}: cần một số nguyên, nhưng gặp {found}",
        "number-float_type": "{name}: cần một số, nhưng gặp {found}",
        "number-float_parsing": "{name}: cần một số, nhưng gặp {found}",
        "number-finite_number": "{name}: cần một số hữu hạn, nhưng gặp {found}",
        "number-bool_type": "{name}: cần true hoặc false, nhưng gặp {found}",
        "number-bool_parsing": "{name}: cần true hoặc false, nhưng gặp {found}",
        "number-greater_than": "{name}: phải lớn hơn {gt}, nhưng gặp {found}",
        "number-greater_than_equal": "{name}: phải từ {ge} trở lên, nhưng gặp {found}",
        "number-less_than": "{name}: phải nhỏ hơn {lt}, nhưng gặp {found}",
        "number-less_than_equal": "{name}: phải không quá {le}, nhưng gặp {found}",
        "impossible-date": "{name}: ngày không có thật ({found})",
        "schema-other": "{name}: {what}",
        "missing-key": "thiếu khoá {keys}",
        "missing-key-in": "thiếu khoá {keys} trong {name}",
        "missing-keys": "thiếu các khoá {keys}",
        "missing-keys-in": "thiếu các khoá {keys} trong {name}",
        "more-schema": "và {count:,} lỗi lược đồ khác",
        "more-problems": "và {count:,} vấn đề khác trong tệp này",
        "plan-invalid": "không kiểm tra được tiến độ: kế hoạch {plan} của nó có lỗi",
        "problems-found": "{count} lỗi",
        # files on disk
        "no-such-file": "{path}: không có tệp này",
        "no-such-folder": "{path}: không có thư mục này",
        "cannot-read": "{path}: không đọc được: {why}",
        "not-regular-read": "{path}: {kind}, không phải tệp {what}; tệp không được đọc",
        "cannot-write": "{path}: không ghi được: {why}",
        "not-regular-write": "{path}: {kind}, không phải tệp thường; chưa ghi gì",
        "no-temp-file": "{path}: không tạo được tệp tạm bên cạnh",
        "write-denied": "{path}: không ghi được: không có quyền (tệp đang mở ở nơi khác?)",
        "record-same-day": "{id} đã có bản ghi ngày {day} ({where}); chưa ghi thêm. Để thay bản "
        "ghi đó, chạy lại lệnh với --force",
        "file-in-use": "{path} đang mở trong một chương trình khác (Word, Excel...): hãy đóng "
        "tệp rồi chạy lại",
        "no-lock-file": "{path}: không tạo được tệp khoá: {why}",
        "locked": "{path} đang được một cchc khác ghi (khoá {lock}); hãy thử lại, hoặc xoá tệp "
        "khoá nếu không có cchc nào đang chạy",
        "no-plan": "không tìm thấy kế hoạch trong {folder}/ (một tệp như {folder}/2023.yaml); "
        "hãy chỉ ra tệp kế hoạch",
        "is-progress": "{path} là tệp tiến độ; kế hoạch của nó là {plan} (hãy chỉ ra kế hoạch, "
        "hoặc --progress {path} cùng kế hoạch)",
        "plan-missing": "{path}: không có kế hoạch {plan} của nó",
        "output-failed": "không ghi được kết quả ra: {why}{written}",
        "output-written": "; đã ghi {path}",
        # git and diff
        "not-a-valid-plan": "{label} không phải kế hoạch hợp lệ: {where}: {problem}{more}",
        "and-more": " (và {count} lỗi khác; chạy cchc validate)",
        "diff-progress": "{path} là tệp tiến độ; cchc diff so sánh các kế hoạch",
        "no-git": "--rev cần git, nhưng máy chưa cài git",
        "git-slow": "git {what} chạy quá lâu",
        "rev-bad": "--rev: {rev!r} không phải một phiên bản",
        "rev-no-repo": "--rev: {path} không nằm trong kho git",
        "rev-outside": "--rev: {path} nằm ngoài kho {root}",
        "rev-unknown": "--rev: không có phiên bản {rev!r} (một nhánh, thẻ hay commit; trong CI "
        "hãy lấy đủ lịch sử với fetch-depth: 0)",
        "rev-not-file": "{label} ở phiên bản đó là {kind}, không phải kế hoạch",
        "git-show": "git show {label}: {what}",
        "rev-not-utf8": "{label} không phải văn bản UTF-8",
        "diff-two": "hãy chỉ ra hai tệp kế hoạch (CŨ MỚI), hoặc --rev REV [KẾ_HOẠCH]",
        "diff-rev-one": "với --rev hãy chỉ ra một tệp kế hoạch (hoặc không, để dùng kế hoạch "
        "mới nhất)",
        # the command line
        "quarter-required": "cần --quarter: 1 (quý I), 2 (quý II và 6 tháng đầu năm), 3 (quý "
        "III) hoặc 4 (năm)",
        "quarter-bad": "--quarter: {value!r} không phải kỳ báo cáo; hãy ghi 1 (quý I), 2 (quý "
        "II và 6 tháng đầu năm), 3 (quý III) hoặc 4 (năm)",
        "state-bad": "--state: {value!r} không phải tình trạng; hãy ghi hoàn thành (done), đang "
        "thực hiện (in-progress), chưa thực hiện (not-started) hoặc không thực hiện (dropped)",
        "date-bad": "{option}: {value!r} không phải ngày; ghi YYYY-MM-DD, ví dụ 2023-06-14",
        "date-short-year": "{option}: {value!r}: hãy ghi năm đủ bốn chữ số (ví dụ {example})",
        "date-year-range": "{option}: {value!r}: năm phải từ {first} đến {last}",
        "as-of-or-quarter": "chỉ ghi --as-of hoặc --quarter, không ghi cả hai",
        "no-area": "--area: không có lĩnh vực {area!r} (hoặc có nhiều hơn một); các lĩnh vực "
        "của kế hoạch: {areas}",
        "no-unit": "--unit: không có đơn vị {unit!r}{like}; các đơn vị của kế hoạch: {units}",
        "ambiguous-unit": "--unit: {unit!r} ứng với nhiều đơn vị: {units}; hãy ghi rõ hơn",
        "no-unit-groups": "--unit: không có đơn vị {unit!r}{like}; các đơn vị của kế hoạch: "
        "{units}. Một phòng mà kế hoạch chỉ nêu qua nhóm ({groups}) được thêm vào don_vi, "
        "ví dụ {{ma: QLTM, ten: Phòng Quản lý thương mại, thuoc: [PCM]}}",
        "validate-no-files": "không có tệp để kiểm tra: hãy chỉ ra tệp kế hoạch, hoặc chạy ở "
        "nơi có thư mục plans/",
        "fmt-no-files": "không có tệp để định dạng: hãy chỉ ra một tệp, hoặc chạy ở nơi có "
        "thư mục plans/",
        "progress-one-plan": "--progress chỉ đi với một tệp kế hoạch",
        "value-not-number": "--value: {value!r} không phải số ({why}); ghi ví dụ 72,5 hoặc 45/60 "
        "cho một tỷ lệ",
        "value-denominator": "--value: {value!r}: mẫu số phải lớn hơn 0",
        "date-needed": "cần --date: hôm nay ({today}) không thuộc năm kế hoạch {year}; hãy ghi "
        "ngày thực hiện, ví dụ --date {year}-06-14",
        "option-for-target": "{option} dành cho chỉ số; {id} là nhiệm vụ: hãy ghi --state "
        "(hoàn thành, đang thực hiện, chưa thực hiện, không thực hiện)",
        "task-needs-state": "{id} là nhiệm vụ: hãy ghi --state (hoàn thành, đang thực hiện, "
        "chưa thực hiện, không thực hiện)",
        "option-for-task": "{option} dành cho nhiệm vụ; {id} là chỉ số: hãy ghi --value SỐ",
        "target-needs-value": "{id} là chỉ số: hãy ghi --value SỐ (hoặc --value TỬ/MẪU)",
        "progress-is-folder": "{path}: là thư mục, không phải tệp tiến độ",
        "undo-no-file": "{path}: không có tệp này; không có bản ghi nào để xoá",
        "undo-no-record": "{id} không có bản ghi nào trong {path}; không có gì để xoá",
        "undo-by-hand": "{path}: không xoá được bản ghi của {id} mà không đổi các dòng khác; "
        "hãy xoá bằng tay",
        "undo-flow-list": "danh sách {key} viết trên một dòng; hãy xoá bản ghi bằng tay",
        "undo-extra": "--undo xoá bản ghi mới nhất của {id}; bỏ {option}",
        "option-sets": "{option} ghi {key}",
        "nothing-recorded": "chưa ghi gì; {path} không thay đổi",
        "bad-number": "--number: {number!r} không phải số văn bản; hãy ghi số, ví dụ 05 (hoặc "
        "05{suffix})",
        "as-of-outside-report": "--as-of {as_of} nằm ngoài khoảng số liệu của báo cáo "
        "{name_vi} năm {year} ({first}–{last}); bỏ --as-of để dùng ngày chốt số liệu",
        "report-exists": "{path} đã có; thêm --force để ghi đè",
        "report-date-needed": "cần --date: hôm nay ({today}) không phải ngày có thể ký báo cáo "
        "{report}; ghi ngày ký, ví dụ --date {example} (hạn nộp)",
        "report-signed-early": "--date {date}: báo cáo {report} chỉ ký được từ ngày "
        "chốt số liệu {cutoff}",
        "report-signed-late": "--date {date}: báo cáo {report} phải ký chậm nhất ngày {last}",
        "output-not-docx": "tệp kết quả phải là tệp .docx, không phải {path}",
        "output-no-folder": "không có thư mục {folder} (cho {path})",
        "output-is-template": "tệp kết quả {path} sẽ ghi đè lên mẫu",
        "no-template": "không có mẫu {path}",
        "template-too-large": "{path}: mẫu lớn nhất là {limit:,} byte",
        "template-slow": "mẫu {label} chạy quá {seconds} giây",
        "document-too-large": "mẫu {label} tạo ra văn bản lớn hơn {limit:,} byte",
        "template-not-docx": "mẫu {label} không phải văn bản Word .docx ({why})",
        "template-syntax": "mẫu {label}: lỗi cú pháp Jinja: {what}{near}",
        "template-near": ", ở đoạn “{near}”",
        "template-unclosed": "mẫu {label}: khối “{tag}” mở ở đoạn “{near}” chưa được đóng "
        "(thiếu một đoạn “{{%p end{tag} %}}” sau nó)",
        "template-field": "mẫu {label} dùng một trường mà báo cáo không có: {what}{near}",
        "template-fields": "mẫu {label} dùng những trường mà báo cáo không có: {names}",
        "template-unsafe": "mẫu {label} làm việc mà mẫu không được làm: {what}",
        "template-failed": "mẫu {label} không điền được: {why}",
        "template-xml": "mẫu {label} cho ra văn bản Word hỏng (XML sai cấu trúc: {why}); "
        "xem lại các thẻ Jinja cắt ngang thẻ của văn bản hoặc bộ lọc |safe",
        "show-unknown": "không có nhiệm vụ hay chỉ số {id!r}{like}",
        "new-exists": "{path} đã có; cchc new không ghi đè",
        "new-same-year": "kế hoạch {year} đã là năm {year}; hãy chọn một năm khác",
        "new-year-range": "năm {year} nằm ngoài {first}–{last}",
        # a plan's Word document (cchc import-plan)
        "not-a-docx": "{path}: không phải tệp Word .docx",
        "docx-old-format": "{path}: là tệp Word cũ (.doc) hoặc có mật khẩu; mở bằng Word, bỏ mật "
        "khẩu nếu có, rồi lưu thành .docx",
        "docx-too-large": "{path}: tệp Word quá lớn ({what}); không đọc",
        "docx-entities": "{path}: phần {part} khai báo DTD hoặc thực thể XML; không đọc",
        "docx-unreadable": "{path}: phần {part} hỏng, không đọc được ({why})",
        "docx-no-table": "{path}: không tìm thấy bảng phụ lục (bảng có các cột Mục tiêu, Nhiệm vụ, "
        "Chủ trì, Thời gian hoàn thành…)",
        "docx-no-year": "{path}: không đọc được năm của kế hoạch; hãy ghi --year NĂM",
        "import-plan-exists": "{path} đã có; cchc import-plan không ghi đè (thêm --force để thay)",
        "import-plan-output": "tệp kết quả phải là tệp kế hoạch .yaml, không phải {path}",
        # workbooks
        "not-a-workbook": "{path}: không phải tệp Excel .xlsx",
        "workbook-unreadable": "{path}: không đọc được bảng tính (tệp hỏng hoặc không đúng "
        "dạng); hãy mở bằng Excel hoặc LibreOffice Calc rồi lưu lại dạng .xlsx",
        "workbook-entities": "{path}: phần {part} khai báo DTD hoặc thực thể XML, điều Excel "
        "và LibreOffice không ghi; không đọc: hãy điền vào bảng đã gửi rồi gửi lại",
        "no-defusedxml": "thiếu gói defusedxml; cài lại cchc",
        "sheet-not-cchc": "không phải bảng tính cchc đã gửi (thiếu trang ẩn _cchc): hãy điền "
        "vào đúng tệp đã nhận, không chép sang tệp mới",
        "sheet-format": "bảng theo định dạng {found!r}, phiên bản cchc này không đọc được; hãy "
        "làm bảng mới cho đơn vị",
        "sheet-other-year": "bảng làm cho kế hoạch năm {found}, nhưng kế hoạch là năm {year}; "
        "hãy nhập vào kế hoạch năm {found}",
        "sheet-unknown-unit": "bảng làm cho đơn vị {unit!r}, kế hoạch không có đơn vị này; "
        "hãy làm bảng mới cho đơn vị",
        "sheet-other-plan": "bảng làm từ tệp kế hoạch {found}, không phải {plan}; hãy nhập vào "
        "kế hoạch {found}, hoặc làm bảng mới từ {plan}",
        "sheet-task-changed": "nhiệm vụ {id} đã thay đổi từ khi bảng được làm; xem lại dòng này",
        "sheet-missing": "thiếu trang {sheet!r}: đừng xoá hay đổi tên các trang của bảng",
        "sheet-header": "cột {column} phải là {expected!r}, nhưng là {found!r}: đừng sửa, thêm "
        "hay xoá cột",
        "site-no-plan": "{path}: không phải tệp kế hoạch hay thư mục có plans/",
        "figure-key": "--set {given!r}: không phải số liệu đã biết (KHOÁ=SỐ){like}",
        "figure-value": "--set {key}: {value!r} không phải số đếm: {why}",
        "figure-none": "hãy ghi ít nhất một --set KHOÁ=SỐ, ví dụ --set tiep_nhan_truc_tuyen=640",
        "sheet-exists": "{path} đã có (có thể đã được điền); thêm --force để ghi đè",
        "sheet-unit-or-all": "hãy ghi --unit ĐƠN_VỊ hoặc --all-units (một trong hai)",
        "sheet-refused": "chưa ghi gì từ {path}: {count} vấn đề nêu trên; sửa bảng rồi nhập lại",
        "output-not-xlsx": "tệp kết quả phải là tệp .xlsx, không phải {path}",
        "cell-formula": "ô chứa công thức ({formula}); hãy gõ thẳng giá trị, không dùng công thức",
        "cell-no-id": "ô Mã của dòng này trống: đừng xoá mã; hãy điền lại mã cũ, hoặc điền vào "
        "bảng đã gửi",
        "cell-state": "{value!r} không phải tình trạng; chọn hoàn thành, đang thực hiện, chưa "
        "thực hiện hoặc không thực hiện",
        "cell-state-missing": "cần chọn Tình trạng trong danh sách: hoàn thành, đang thực "
        "hiện, chưa thực hiện hoặc không thực hiện",
        "cell-date": "{value!r} không phải ngày; hãy ghi ngày/tháng/năm, ví dụ 14/06/{year}",
        "cell-date-missing": "cần ghi ngày, ví dụ 14/06/{year}",
        "cell-value-missing": "cần ghi Giá trị, hoặc Tử số và Mẫu số",
        "cell-contradicts": "{id} đã được ghi ngày {date} là {said}; bảng ghi khác nên không "
        "ghi đè: hãy kiểm tra lại, hoặc ghi ngày khác nếu tình hình đã thay đổi",
        "cell-unknown-id": "không có nhiệm vụ {id!r} trong kế hoạch{like}: đừng sửa ô Mã",
        "cell-count": "{value!r} không phải số đếm: {why}",
        # the command line, as Click finds it
        "click-no-option": "không có tuỳ chọn {option}{like}",
        "click-missing-argument": "thiếu đối số {param}",
        "click-missing-option": "thiếu tuỳ chọn {param}",
        "click-needs-value": "tuỳ chọn {option} cần một giá trị",
        "click-no-value": "tuỳ chọn {option} không nhận giá trị",
        "click-choice": "{param}: {value!r} không phải một trong: {choices}",
        "click-int": "{param}: {value!r} không phải số nguyên",
        "click-range": "{param}: {value} nằm ngoài khoảng {range}",
        "click-bad": "{param}: giá trị không hợp lệ: {what}",
        "click-no-command": "không có lệnh {command!r}{like}; các lệnh: {commands}",
        "click-extra": "thừa đối số: {args}",
        "click-missing-command": "thiếu lệnh; các lệnh: {commands}",
        "click-other": "{what}",
    },
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
        "unknown-group": "unknown group of units {id!r} (a unit with tap_the: true){like}",
        "unknown-target": "unknown target {id!r}{like}",
        "target-differs": "objective {objective} states {figure} but section II target "
        "{target} states {target_figure}",
        "deadline-external": "task {task}: {phrase!r} is set by another plan; add "
        "'han: YYYY-MM-DD' (until then it counts as due {year}-12-31)",
        "deadline-year": "task {task}: han {due} is outside {year}",
        "unknown-id": "unknown id {id!r}{like}",
        "other-year": "{where}: {text!r} names the year {found}, not the plan year {year}; "
        "review it",
        "target-link-self": "target {id} cannot restate itself (ung_voi)",
        "target-link-chain": "target {id} restates {to}, which restates {further}: write "
        "ung_voi: {further}",
        "linked-target-differs": "target {id} restates {to} but states {figure} where {to} "
        "states {to_figure}; reports judge it by {to}",
        "computed-on-restated": "target {id} restates {to}: give tinh_tu on {to}",
        "computed-not-percent": "target {id}: tinh_tu is for percentages (don_vi: phan_tram)",
        "milestone-year": "target {id}: interim target of {due} is outside the plan year {year}",
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
        "linked-recorded-twice": "{id} (line {this_line}) and {other} (line {other_line}) are one "
        "measure ({root}): every report uses the latest value, {value:g} of {date} (line "
        "{other_line}); record it once, under {root}",
        "computed-differs-ty_le_kiem_tra": "{id} records {value:g}% on {date}, but the figures "
        "of report {quarter} give {top}/{bottom} units inspected = {share:g}%; that report uses "
        "{share:g}%",
        "computed-differs-ty_le_ho_so_truc_tuyen": "{id} records {value:g}% on {date}, but the "
        "figures of report {quarter} give {top}/{bottom} cases received online = {share:g}%; "
        "that report uses {share:g}%",
        "carried-over": "report {quarter}: {carried} cases carried over, but at the end of "
        "report {previous} ({cutoff}) {pending} cases were being resolved (line {other_line})",
        "carried-over-same-start": "report {quarter}: {carried} cases carried over, but report "
        "{other}, which starts on the same day ({start}), records {other_carried} (line "
        "{other_line})",
        "tthc-areas-sum": "the areas add up to {field} = {sum}, but thong_ke_tthc records {total}",
        # the schema's rules
        "range-needs-upper": 'so_sanh "khoang" needs gia_tri_den (the upper bound)',
        "range-backwards": "gia_tri_den is smaller than gia_tri",
        "upper-without-range": 'gia_tri_den only goes with so_sanh "khoang"',
        "percent-range": "a percentage must lie between 0 and 100, not {value:g}",
        "negative-value": "a value cannot be negative",
        "must-not-be-negative": "must not be negative",
        "tthc-sum": "the cases do not add up: {received} received, but {resolved} resolved + "
        "{pending} being resolved + {returned} returned or withdrawn = {total}",
        "tthc-apologies": "{letters} apology letters, more than the late cases ({late})",
        "tthc-payments": "{paid} cases paid online, more than the cases received online ({online})",
        "figure-over": "{part} = {value} is more than {whole} = {total} (a part cannot exceed "
        "its whole)",
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
        # reading a file
        "too-large": "file is over {limit:,} bytes; a plan is at most that",
        "binary": "file contains a NUL byte: this is not a YAML text file",
        "encoding": "not UTF-8 text (byte {byte}); save the file as UTF-8",
        "yaml-version": "this file declares YAML {version}, where 010, no or 1:30 mean other "
        "values than cchc reads; remove the %YAML line (plans are YAML 1.2)",
        "empty": "file is empty: expected a mapping of keys",
        "too-deep": "nesting deeper than {depth} levels cannot be a plan",
        "yaml-tab": "a tab cannot indent YAML: use spaces",
        "yaml-colon": "a ':' and a space inside a sentence mislead YAML: put the whole sentence "
        'in double quotes, e.g. {key}: "{text}"',
        "yaml-syntax": "invalid YAML: {what}",
        "yaml-unreadable": "cannot read this YAML: {what}",
        "number-too-long": "number too long",
        "bad-tagged-value": "{text!r} is not a valid {kind}",
        "tag-expects": "tag {tag} expects {expected}, found {found}",
        "tag-refused": "YAML tag {tag} is not allowed in a plan",
        "key-not-text": "keys must be plain text (not a mapping or a list)",
        "undefined-alias": "found undefined alias {alias!r}",
        "alias-refused": "aliases (*name) of mappings or lists are not allowed in a plan",
        "duplicate-key": "duplicate key {key!r} (each key may appear once in a mapping)",
        "not-rewritable": "cannot be rewritten: {what}",
        "comment-lost": "cchc cannot rewrite this file without losing this comment (ruamel.yaml "
        "drops comments inside [..] and {{..}}); move it above the brackets",
        "value-changed": "cchc cannot rewrite this file and keep this value as it reads now; "
        "nothing was written (write it as plain YAML 1.2: 10, not 010; quote text)",
        # the schema, as Pydantic finds it
        "unknown-key": "unknown key {name}{like}",
        "expected-mapping-top": "expected a mapping of keys at the top of the file, found {found}",
        "expected-mapping": "expected a mapping of keys under {name}, found {found}",
        "expected-list": "{name} must be a list (lines starting with '- '), found {found}",
        "bad-date": "{name}: {found} is not a valid date; write YYYY-MM-DD, e.g. 2023-06-14",
        "not-allowed": "{name}: {found} is not allowed; expected one of {allowed}{like}",
        "expected-text": "{name} must be text, found {found}",
        "too-long": "{name} is too long ({length:,} characters)",
        "empty-text": "{name} must not be empty",
        "bad-id": "{name}: {found} is not a valid id (letters, digits, '.', '-', '_')",
        "empty-list": "{name} must have at least one entry",
        "rule": "{name}: {problem}",
        "number-int_type": "{name}: expected a whole number, found {found}",
        "number-int_parsing": "{name}: expected a whole number, found {found}",
        "number-int_from_float": "{name}: expected a whole number, found {found}",
        "number-float_type": "{name}: expected a number, found {found}",
        "number-float_parsing": "{name}: expected a number, found {found}",
        "number-finite_number": "{name}: expected a finite number, found {found}",
        "number-bool_type": "{name}: expected true or false, found {found}",
        "number-bool_parsing": "{name}: expected true or false, found {found}",
        "number-greater_than": "{name}: must be greater than {gt}, found {found}",
        "number-greater_than_equal": "{name}: must be at least {ge}, found {found}",
        "number-less_than": "{name}: must be less than {lt}, found {found}",
        "number-less_than_equal": "{name}: must be at most {le}, found {found}",
        "impossible-date": "{name}: impossible date ({found})",
        "schema-other": "{name}: {what}",
        "missing-key": "missing key {keys}",
        "missing-key-in": "missing key {keys} in {name}",
        "missing-keys": "missing keys {keys}",
        "missing-keys-in": "missing keys {keys} in {name}",
        "more-schema": "and {count:,} more schema problem(s)",
        "more-problems": "and {count:,} more problem(s) in this file",
        "plan-invalid": "cannot check progress: its plan {plan} has errors",
        "problems-found": "{count} error(s)",
        # files on disk
        "no-such-file": "{path}: no such file",
        "no-such-folder": "{path}: no such folder",
        "cannot-read": "{path}: cannot read: {why}",
        "not-regular-read": "{path}: {kind}, not a {what} file; it is not read",
        "cannot-write": "{path}: cannot write: {why}",
        "not-regular-write": "{path}: {kind}, not a regular file; nothing written",
        "no-temp-file": "{path}: cannot create a temporary file beside it",
        "write-denied": "{path}: cannot write: permission denied (is it open elsewhere?)",
        "record-same-day": "{id} already has a record dated {day} ({where}); nothing recorded. To "
        "replace that record, run the command again with --force",
        "file-in-use": "{path} is open in another program (Word, Excel, ...): close it and "
        "run again",
        "no-lock-file": "{path}: cannot create the lock file: {why}",
        "locked": "{path} is being written by another cchc (lock {lock}); try again, or remove "
        "the lock file if no cchc is running",
        "no-plan": "no plan found in {folder}/ (a file such as {folder}/2023.yaml); name a "
        "plan file",
        "is-progress": "{path} is a progress file; its plan is {plan} (give the plan, or "
        "--progress {path} with the plan)",
        "plan-missing": "{path}: its plan {plan} does not exist",
        "output-failed": "cannot write the output: {why}{written}",
        "output-written": "; {path} was written",
        # git and diff
        "not-a-valid-plan": "{label} is not a valid plan: {where}: {problem}{more}",
        "and-more": " (and {count} more; run cchc validate)",
        "diff-progress": "{path} is a progress file; cchc diff compares plans",
        "no-git": "--rev needs git, and git is not installed",
        "git-slow": "git {what} took too long",
        "rev-bad": "--rev: {rev!r} is not a revision",
        "rev-no-repo": "--rev: {path} is not inside a git repository",
        "rev-outside": "--rev: {path} is outside the repository {root}",
        "rev-unknown": "--rev: unknown revision {rev!r} (a branch, tag or commit; in CI fetch "
        "with fetch-depth: 0)",
        "rev-not-file": "{label} is {kind} at that revision, not a plan",
        "git-show": "git show {label}: {what}",
        "rev-not-utf8": "{label} is not UTF-8 text",
        "diff-two": "give two plan files (OLD NEW), or --rev REV [PLAN]",
        "diff-rev-one": "with --rev give one plan file (or none for the newest plan)",
        # the command line
        "quarter-required": "--quarter is required: 1 (quý I), 2 (quý II và 6 tháng đầu năm), "
        "3 (quý III) or 4 (năm)",
        "quarter-bad": "--quarter: {value!r} is not a report; give 1 (quý I), 2 (quý II và 6 "
        "tháng đầu năm), 3 (quý III) or 4 (năm)",
        "state-bad": "--state: {value!r} is not a state; give done (hoàn thành), in-progress "
        "(đang thực hiện), not-started (chưa thực hiện) or dropped (không thực hiện)",
        "date-bad": "{option}: {value!r} is not a date; write YYYY-MM-DD, e.g. 2023-06-14",
        "date-short-year": "{option}: {value!r}: write the year in full (e.g. {example})",
        "date-year-range": "{option}: {value!r}: the year must lie between {first} and {last}",
        "as-of-or-quarter": "give --as-of or --quarter, not both",
        "no-area": "--area: no area {area!r} (or more than one); the plan's areas: {areas}",
        "no-unit": "--unit: no unit {unit!r}{like}; the plan's units: {units}",
        "ambiguous-unit": "--unit: {unit!r} matches several units: {units}; say which",
        "no-unit-groups": "--unit: no unit {unit!r}{like}; the plan's units: {units}. A phòng "
        "the plan names only through its groups ({groups}) is added to don_vi, e.g. "
        "{{ma: QLTM, ten: Phòng Quản lý thương mại, thuoc: [PCM]}}",
        "validate-no-files": "no files to check: name a plan file, or run where plans/ exists",
        "fmt-no-files": "no files to format: name a file, or run where plans/ exists",
        "progress-one-plan": "--progress goes with one plan file",
        "value-not-number": "--value: {value!r} is not a number ({why}); write e.g. 72.5, or "
        "45/60 for a ratio",
        "value-denominator": "--value: {value!r}: the denominator must be more than 0",
        "date-needed": "--date is needed: today ({today}) is not a day of the plan year {year}; "
        "give the day the work was done, e.g. --date {year}-06-14",
        "option-for-target": "{option} is for a target; {id} is a task: give --state "
        "done|in-progress|not-started|dropped",
        "task-needs-state": "{id} is a task: give --state done|in-progress|not-started|dropped",
        "option-for-task": "{option} is for a task; {id} is a target: give --value NUMBER",
        "target-needs-value": "{id} is a target: give --value NUMBER (or --value N/D)",
        "progress-is-folder": "{path}: is a directory, not a progress file",
        "undo-no-file": "{path}: no such file; there is no record to take back",
        "undo-no-record": "{id} has no record in {path}; nothing to take back",
        "undo-by-hand": "{path}: the record of {id} cannot be taken out without changing other "
        "lines; remove it by hand",
        "undo-flow-list": "the list {key} is written on one line; remove the record by hand",
        "undo-extra": "--undo takes back the latest record of {id}; leave out {option}",
        "option-sets": "{option} sets {key}",
        "nothing-recorded": "nothing recorded; {path} is unchanged",
        "bad-number": "--number: {number!r} is not a document number; give the number, e.g. 05 "
        "(or 05{suffix})",
        "as-of-outside-report": "--as-of {as_of} is outside the data window of the {name_en} "
        "{year} report ({first}–{last}); leave it out to use the cut-off date",
        "report-exists": "{path} exists; add --force to overwrite it",
        "report-date-needed": "--date is needed: today ({today}) is not a day the {report} "
        "report can be signed on; give the signing date, e.g. --date {example} (the "
        "submission date)",
        "report-signed-early": "--date {date}: the {report} report can be signed only from "
        "its cut-off, {cutoff}",
        "report-signed-late": "--date {date}: the {report} report must be signed by {last}",
        "output-not-docx": "the output must be a .docx file, not {path}",
        "output-no-folder": "folder not found: {folder} (for {path})",
        "output-is-template": "the output {path} would overwrite the template",
        "no-template": "template not found: {path}",
        "template-too-large": "{path}: a template is at most {limit:,} bytes",
        "template-slow": "template {label} took more than {seconds} s to render",
        "document-too-large": "template {label} makes a document over {limit:,} bytes",
        "template-not-docx": "template {label} is not a Word .docx document ({why})",
        "template-syntax": "template {label}: Jinja syntax error: {what}{near}",
        "template-near": ", in the paragraph “{near}”",
        "template-unclosed": "template {label}: the “{tag}” block opened in the paragraph "
        "“{near}” is not closed (a paragraph “{{%p end{tag} %}}” is missing after it)",
        "template-field": "template {label} uses a field the report does not have: {what}{near}",
        "template-fields": "template {label} uses fields the report does not have: {names}",
        "template-unsafe": "template {label} does something templates may not do: {what}",
        "template-failed": "template {label} failed to render: {why}",
        "template-xml": "template {label} makes a broken Word document (malformed XML: {why}); "
        "look for Jinja tags that cut through the document's own tags, or a |safe filter",
        "show-unknown": "no task or target {id!r}{like}",
        "new-exists": "{path} exists; cchc new does not overwrite it",
        "new-same-year": "the plan {year} is already for {year}; choose another year",
        "new-year-range": "the year {year} is outside {first}–{last}",
        # a plan's Word document (cchc import-plan)
        "not-a-docx": "{path}: not a Word .docx document",
        "docx-old-format": "{path}: an old Word file (.doc) or a password-protected one; open it "
        "in Word, remove any password, and save it as .docx",
        "docx-too-large": "{path}: the Word file is too large ({what}); not read",
        "docx-entities": "{path}: the part {part} declares a DTD or XML entities; not read",
        "docx-unreadable": "{path}: the part {part} is broken and cannot be read ({why})",
        "docx-no-table": "{path}: no appendix table found (a table with the columns Mục tiêu, "
        "Nhiệm vụ, Chủ trì, Thời gian hoàn thành…)",
        "docx-no-year": "{path}: the plan's year cannot be read; give --year YEAR",
        "import-plan-exists": "{path} exists; cchc import-plan does not overwrite it (add --force "
        "to replace it)",
        "import-plan-output": "the output must be a .yaml plan file, not {path}",
        "not-a-workbook": "{path}: not an Excel .xlsx workbook",
        "workbook-unreadable": "{path}: cannot read the workbook ({why}); open it in Excel or "
        "LibreOffice Calc and save it again as .xlsx",
        "workbook-entities": "{path}: the part {part} declares a DTD or XML entities, which "
        "Excel and LibreOffice never write; not read: fill in the sheet that was sent",
        "no-defusedxml": "the defusedxml package is missing; reinstall cchc",
        "sheet-not-cchc": "not a sheet cchc sent (its hidden sheet _cchc is missing): fill in "
        "the file that was sent, not a copy in a new file",
        "sheet-format": "the sheet's format {found!r} is not one this cchc reads; make a new "
        "sheet for the unit",
        "sheet-other-year": "the sheet was made for the {found} plan, but the plan is for "
        "{year}; import it into the {found} plan",
        "sheet-unknown-unit": "the sheet was made for unit {unit!r}, which the plan does not "
        "have; make a new sheet for the unit",
        "sheet-other-plan": "the sheet was made from the plan file {found}, not {plan}; import "
        "it into {found}, or make a new sheet from {plan}",
        "sheet-task-changed": "task {id} has changed since the sheet was made; check this row",
        "sheet-missing": "the sheet {sheet!r} is missing: do not delete or rename the "
        "workbook's sheets",
        "sheet-header": "column {column} must be {expected!r}, not {found!r}: do not change, "
        "add or delete columns",
        "site-no-plan": "{path}: neither a plan file nor a folder holding plans/",
        "figure-key": "--set {given!r}: not a known figure (KEY=N){like}",
        "figure-value": "--set {key}: {value!r} is not a count: {why}",
        "figure-none": "give at least one --set KEY=N, e.g. --set tiep_nhan_truc_tuyen=640",
        "sheet-exists": "{path} exists (it may have been filled in); add --force to overwrite it",
        "sheet-unit-or-all": "give --unit UNIT or --all-units (one of them)",
        "sheet-refused": "nothing recorded from {path}: {count} problem(s) above; mend the "
        "sheet and import it again",
        "output-not-xlsx": "the output must be an .xlsx file, not {path}",
        "cell-formula": "the cell holds a formula ({formula}); type the value itself, not a "
        "formula",
        "cell-no-id": "the row's id cell (Mã) is empty: do not delete ids; type the id back, "
        "or fill in the sheet that was sent",
        "cell-state": "{value!r} is not a state; choose hoàn thành, đang thực hiện, chưa thực "
        "hiện or không thực hiện",
        "cell-state-missing": "the state is missing; choose hoàn thành, đang thực hiện, chưa "
        "thực hiện or không thực hiện",
        "cell-date": "{value!r} is not a date; write day/month/year, e.g. 14/06/{year}",
        "cell-date-missing": "the date is missing; write e.g. 14/06/{year}",
        "cell-value-missing": "give Giá trị, or Tử số and Mẫu số",
        "cell-contradicts": "{id} already has a record of {date} ({said}); the sheet says "
        "otherwise, so it is not written over: check it, or give another date if things have "
        "changed",
        "cell-unknown-id": "no task {id!r} in the plan{like}: do not change the id cell",
        "cell-count": "{value!r} is not a count: {why}",
        # the command line, as Click finds it
        "click-no-option": "no such option: {option}{like}",
        "click-missing-argument": "missing argument {param}",
        "click-missing-option": "missing option {param}",
        "click-needs-value": "option {option} requires a value",
        "click-no-value": "option {option} does not take a value",
        "click-choice": "{param}: {value!r} is not one of {choices}",
        "click-int": "{param}: {value!r} is not a whole number",
        "click-range": "{param}: {value} is not in the range {range}",
        "click-bad": "{param}: invalid value: {what}",
        "click-no-command": "no such command {command!r}{like}; the commands: {commands}",
        "click-extra": "unexpected extra argument(s): {args}",
        "click-missing-command": "missing command; the commands: {commands}",
        "click-other": "{what}",
    },
}

# What stood where something else belongs, what a path is, and the words of `{name}`.
FOUND: dict[str, dict[str, str]] = {
    "vi": {
        "nothing": "không có gì", "mapping": "một bảng khoá", "list": "một danh sách",
        "text": "chữ", "link": "là liên kết tượng trưng", "folder": "là thư mục",
        "fifo": "là FIFO (ống có tên)", "device": "là thiết bị", "socket": "là socket",
        "other": "không phải tệp thường", "submodule": "là submodule", "plan": "kế hoạch",
        "template": "mẫu", "document": "tài liệu", "workbook": "bảng tính",
        "file": "là một tệp",
    },
    "en": {
        "nothing": "nothing", "mapping": "a mapping", "list": "a list", "text": "text",
        "link": "is a symbolic link", "folder": "is a folder", "fifo": "is a FIFO (named pipe)",
        "device": "is a device", "socket": "is a socket", "other": "is not a regular file",
        "submodule": "is a submodule", "plan": "plan", "template": "template",
        "document": "document", "workbook": "workbook", "file": "is a file",
    },
}  # fmt: skip
_FOUND_ARGS = ("found", "kind", "expected", "what")

# The system's reasons (`strerror`, in English whatever the locale), in Vietnamese.
OS_REASONS = {
    "Permission denied": "không có quyền",
    "No such file or directory": "không có tệp hay thư mục này",
    "No space left on device": "ổ đĩa đã đầy",
    "Read-only file system": "ổ đĩa chỉ đọc",
    "Is a directory": "là thư mục",
    "Not a directory": "không phải thư mục",
    "Too many levels of symbolic links": "là liên kết tượng trưng",
    "File exists": "tệp đã có",
    "Disk quota exceeded": "vượt hạn mức ổ đĩa",
    "Input/output error": "lỗi đọc ghi",
    "Broken pipe": "kết nối đầu ra đã đóng",
    "File name too long": "tên tệp quá dài",
}

# libyaml's own sentences (and those of PyYAML's scanner), in Vietnamese: each pattern
# matched against the whole sentence, `{found}` the character or token it names. A
# sentence none of them matches is said by YAML_UNKNOWN: no English reaches an official.
YAML_REASONS: tuple[tuple[str, str], ...] = (
    (r"mapping values are not allowed (here|in this context)",
     "không được có giá trị của khoá ở đây (thiếu dấu cách sau ':', hay thụt lề sai?)"),
    (r"mapping keys are not allowed (here|in this context)",
     "không được có khoá ở đây (thụt lề sai?)"),
    (r"block sequence entries are not allowed (here|in this context)",
     "không được có mục danh sách '-' ở đây (thụt lề sai?)"),
    (r"could not find expected ':'", "không tìm thấy dấu ':' cần có sau khoá"),
    (r"did not find expected key", "không tìm thấy khoá cần có (thụt lề sai?)"),
    (r"did not find expected '-' indicator", "không tìm thấy dấu '-' cần có (thụt lề sai?)"),
    (r"did not find expected node content|expected the node content.*",
     "thiếu giá trị ở đây"),
    (r"did not find expected ',' or '\]'|expected ',' or '\]', but got .*",
     "thiếu dấu ',' hay dấu ']' đóng danh sách"),
    (r"did not find expected ',' or '\}'|expected ',' or '\}', but got .*",
     "thiếu dấu ',' hay dấu '}' đóng bảng khoá"),
    (r"found character (?P<found>.+ )?that cannot start any token",
     "gặp ký tự {found}không thể đứng đầu một giá trị (hãy đặt cả câu trong dấu nháy kép)"),
    (r"found unexpected end of stream", "tệp kết thúc giữa chừng (thiếu dấu nháy đóng?)"),
    (r"found a tab character .*", "không được thụt lề YAML bằng phím tab: hãy dùng dấu cách"),
    (r"found unknown escape character.*",
     "gặp ký tự thoát không hợp lệ sau dấu \\ (trong dấu nháy kép, hãy viết \\\\)"),
    (r"did not find expected hexdecimal number|expected escape sequence of .*",
     "mã ký tự sau dấu \\ không hợp lệ"),
    (r"found invalid Unicode character escape code", "mã ký tự Unicode không hợp lệ"),
    (r"found undefined tag handle.*|found non-specific tag.*|did not find expected tag URI"
     r"|did not find expected '!'|expected '!', but found .*|expected URI.*"
     r"|did not find URI escaped octet|duplicate tag handle.*|found duplicate %TAG directive",
     "thẻ YAML (bắt đầu bằng '!') không hợp lệ"),
    (r"found duplicate anchor.*", "neo bị lặp"),
    (r"found unexpected ':'", "gặp dấu ':' không đúng chỗ"),
    (r"expected <block end>, but found '-'", "gặp '-' không đúng chỗ (thụt lề sai?)"),
    (r"expected <block end>, but found '<block sequence start>'",
     "gặp danh sách không đúng chỗ (thụt lề sai?)"),
    (r"expected <block end>, but found '<block mapping start>'",
     "gặp bảng khoá không đúng chỗ (thụt lề sai?)"),
    (r"expected <block end>, but found .*", "gặp giá trị không đúng chỗ (thụt lề sai?)"),
    (r"did not find expected <document start>|expected '<document start>', but found .*",
     "nội dung thừa sau phần chính của tệp (thụt lề sai?)"),
    (r"found unexpected document (indicator|separator)",
     "gặp '---' hay '...' giữa tệp (chỉ được đứng ở đầu dòng mở hay kết thúc tài liệu)"),
    (r"found duplicate (%)?YAML directive|found incompatible YAML document.*"
     r"|found unknown directive name"
     r"|did not find expected (whitespace|directive name|digit or '\.' character|comment or"
     r" line break|whitespace or line break)|found unexpected non-alphabetical character"
     r"|found extremely long version number|expected a comment or a line break.*"
     r"|expected (a digit|alphabetic or numeric character|' ').*",
     "dòng bắt đầu bằng '%' (chỉ thị YAML) không hợp lệ; nếu là nội dung, hãy đặt trong dấu "
     "nháy kép"),
    (r"expected chomping or indentation indicators.*|found an indentation indicator equal"
     r" to 0|expected indentation indicator.*",
     "sau '|' hay '>' chỉ được có số thụt lề (1–9) và '+' hay '-'"),
    (r"(control characters are not allowed|unacceptable character.*|invalid Unicode character"
     r"|invalid (leading|trailing) UTF-8 octet|incomplete UTF-8 octet sequence"
     r"|invalid length of a UTF-8 sequence)",
     "gặp ký tự không được phép trong tệp YAML"),
    (r"a plan is one YAML document, but another starts here",
     "kế hoạch là một tài liệu YAML, nhưng ở đây bắt đầu một tài liệu khác"),
    (r"invalid YAML", "YAML không hợp lệ"),
)  # fmt: skip
YAML_UNKNOWN = "cú pháp YAML sai ở đây (kiểm tra dấu ':', dấu nháy và thụt lề)"


def yaml_reason(what: str) -> str:
    """libyaml's sentence `what` in Vietnamese (YAML_REASONS), else YAML_UNKNOWN."""
    import re

    for pattern, said in YAML_REASONS:
        match = re.fullmatch(pattern, what)
        if match:
            found = (match.groupdict().get("found") or "").strip()
            return said.replace("{found}", f"{found} " if found else "")
    return YAML_UNKNOWN


# --- the language ----------------------------------------------------------------

_language = "vi"
_chosen = False  # by --lang or CCHC_LANG, which a plan's setting does not override


def use_language(lang: str | None, *, chosen: bool = True) -> str:
    """Speak `lang` ("vi" or "en") from now on; anything else (None) is Vietnamese.

    The command line chooses first (`--lang`, then `CCHC_LANG`; `chosen` says whether
    it named one); a plan's `cai_dat.ngon_ngu` (`chosen=False`) counts only where
    neither did."""
    global _language, _chosen
    if chosen:
        _language = lang if lang in LANGS else "vi"
        _chosen = lang in LANGS
    elif not _chosen:
        _language = lang if lang in LANGS else "vi"
    return _language


def choose_language(argv: list[str], environ: Any) -> str | None:
    """The language the command line asks for: `--lang X` (or `--lang=X`), else
    `CCHC_LANG`; None when neither names one."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return environ.get("CCHC_LANG") or None


def language() -> str:
    return _language


LIKE = {"vi": "; có phải là {like!r}?", "en": "; did you mean {like!r}?"}
ITEM = {"vi": "mục {n} của {key!r}", "en": "item {n} of {key!r}"}
ITEM_TOP = {"vi": "mục {n}", "en": "item {n}"}
OR = {"vi": " hoặc ", "en": " or "}


def did_you_mean(word: str, choices: Any, lang: str | None = None) -> str:
    """ "; did you mean 'X'?" for the known word most like `word`, else nothing."""
    from cchc_cli.plan.lookup import closest

    like = closest(word, choices)
    return LIKE[lang or _language].format(like=like) if like else ""


def _name(value: Any, lang: str) -> str:
    """`{name}`: a key ('nhiem_vu'), or a list item ([3, "nhiem_vu"] → mục 3 của 'nhiem_vu')."""
    if isinstance(value, list | tuple) and len(value) == 2:
        n, key = value
        return (ITEM if key else ITEM_TOP)[lang].format(n=n, key=key)
    if value == "document":
        return FOUND[lang]["document"]
    return repr(str(value))


class _Comma(float):
    """A number that formats with the decimal comma (Vietnamese): f"{_Comma(2.5):g}" is "2,5"."""

    def __format__(self, spec: str) -> str:
        return format(float(self), spec).replace(".", ",")


def problem(say: str, args: dict[str, Any], lang: str | None = None) -> str:
    """The sentence `say` names, filled with `args`, in `lang` (default: the language in use)."""
    lang = lang if lang in LANGS else _language
    table = PROBLEMS[lang]
    template = table.get(say) or PROBLEMS["en"].get(say)
    if template is None:
        return say
    fill = dict(args)
    like = fill.get("like")
    fill["like"] = LIKE[lang].format(like=like) if like else ""
    if "name" in fill:
        fill["name"] = _name(fill["name"], lang)
    for key in _FOUND_ARGS:
        if isinstance(fill.get(key), str) and fill[key] in FOUND[lang]:
            fill[key] = FOUND[lang][fill[key]]
    if lang == "vi" and isinstance(fill.get("why"), str):
        fill["why"] = OS_REASONS.get(fill["why"], fill["why"])
    if lang == "vi" and say == "yaml-syntax":
        fill["what"] = yaml_reason(str(fill["what"]))
    for key in ("keys", "allowed"):
        if isinstance(fill.get(key), list | tuple):
            fill[key] = ", ".join(repr(str(k)) for k in fill[key])
    if "forms" in fill and not isinstance(fill["forms"], str):
        fill["forms"] = ", ".join(f'"{form}"' for form in fill["forms"])
    if "reason" in fill:
        fill["why"] = problem(
            str(fill["reason"]), {k: v for k, v in fill.items() if k != "reason"}, lang
        )
    if lang == "vi":  # 69.35 is written 69,35 in Vietnamese
        fill = {k: _Comma(v) if isinstance(v, float) else v for k, v in fill.items()}
    for key, value in fill.items():  # a sentence quoted in this one: {"say": …, "args": …}
        if (
            isinstance(value, list)
            and value
            and all(isinstance(v, dict) and "say" in v for v in value)
        ):  # several, in a row: "task I.1.a, target CT1.1.a (new)"
            fill[key] = ", ".join(problem(v["say"], v.get("args") or {}, lang) for v in value)
        elif isinstance(value, dict) and ("say" in value or "message" in value):
            said = value.get("say")
            fill[key] = (
                problem(said, value.get("args") or {}, lang)
                if said
                else str(value.get("message", ""))
            )
    try:
        return template.format(**fill)
    except (KeyError, ValueError, IndexError, TypeError):
        return f"{say}: {args}"


def problem_text(p: Any, lang: str | None = None, *, where: bool = True) -> str:
    """A `Problem`'s sentence in `lang` (default: the language in use); `where=False`
    leaves out the list item it names first ("item 3 of 'nhiem_vu': ")."""
    if not p.say:
        return str(p.message)
    args = dict(p.args)
    text = problem(p.say, args, lang)
    if not where and isinstance(args.get("name"), list | tuple):
        text = text.removeprefix(_name(args["name"], lang or _language) + ": ")
    return text


def new_problem(
    source: Any, severity: str, code: str, say: str, excerpt: str | None = None, **args: Any
) -> Any:
    """A `Problem` that can be said in either language (its `message` is the English)."""
    from cchc_cli.errors import Problem

    return Problem(
        source,
        severity,  # type: ignore[arg-type]
        code,
        problem(say, args, "en"),
        excerpt,
        say=say,
        args=tuple(args.items()),
    )


def _pick(table: dict[str, Any], lang: str | None) -> Any:
    return table.get(lang or _language, table["vi"])


def status(code: str, lang: str | None = None) -> str:
    """A status code in words: `overdue` → "Quá hạn"."""
    return _pick(STATUS, lang).get(code, code)


def task_status(row: Any, lang: str | None = None) -> str:
    """A task's status in words; an overdue task with no record at all says so."""
    if row.status == "overdue" and not row.recorded:
        return status("overdue_no_record", lang)
    return status(row.status, lang)


def state(code: str, lang: str | None = None) -> str:
    """A task's recorded state in words: `hoan_thanh` → "hoàn thành"."""
    return _pick(STATE, lang).get(code, code)


def label(lang: str | None, key: str) -> str:
    return _pick(LABELS, lang or _language)[key]


def say(key: str, **args: Any) -> str:
    """A line of LABELS in the language in use, filled with `args`."""
    return label(None, key).format(**args)


def error(text: str) -> str:
    """`cchc: lỗi: …` — the one line of a failed command."""
    return say("error_line", text=text)


def note(text: str) -> str:
    return say("note_line", text=text)


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
    from cchc_cli.plan.shapes import UNIT_SUFFIX

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


# --- `cchc import-plan`: a draft plan from its Word document ---------------------------
# The draft's comments (what to fill in, what to check) and the command's own lines.

IMPORT_PLAN: dict[str, dict[str, str]] = {
    "vi": {
        "mark-fill": "CẦN ĐIỀN",
        "mark-check": "KIỂM TRA",
        "at": "dòng {row} của bảng phụ lục",
        "header": "BẢN NHÁP kế hoạch CCHC năm {year}, do `cchc import-plan` đọc từ tệp Word {name}.\n"
        "Hãy đối chiếu với văn bản đã ban hành. Chỗ cchc không đọc được có ghi chú “CẦN ĐIỀN”\n"
        "ngay trên dòng đó (cchc validate báo lỗi ở dòng ấy); chỗ cchc phải đoán có “KIỂM TRA”.\n"
        "Nên xem lại cả: don_vi (mã do cchc đặt từ tên ở cột Chủ trì, Phối hợp; gộp các tên của\n"
        "một đơn vị vào ten_khac; tap_the: true cho nhóm đơn vị), tên ngắn của linh_vuc, các chi_so\n"
        "đọc từ câu chữ (so_sanh, gia_tri, ung_voi) và cai_dat (kinh_gui, don_vi_luu).\n"
        "Xong thì xoá các ghi chú này và chạy `cchc validate` đến khi không còn lỗi.",
        "fill-co_quan_chu_quan": "cơ quan chủ quản (dòng đầu bên trái, ví dụ UBND TỈNH HÀ TĨNH)",
        "fill-co_quan_ban_hanh": "cơ quan ban hành (ví dụ SỞ CÔNG THƯƠNG)",
        "fill-ky_hieu_co_quan": "chữ viết tắt của cơ quan trong số, ký hiệu (Số: …/KH-SCT → SCT)",
        "fill-dia_danh": "địa danh trước ngày ban hành (ví dụ Hà Tĩnh)",
        "fill-trich_yeu": "trích yếu dưới chữ KẾ HOẠCH (ví dụ Cải cách hành chính năm 2023)",
        "check-date": "không đọc được dòng “…, ngày … tháng … năm …”: ghi ngày, tháng ban hành",
        "fill-signer": "chức vụ người ký (ví dụ GIÁM ĐỐC; ký thay thì quyen_han: KT. GIÁM ĐỐC)",
        "check-signer-name": "không đọc được họ tên người ký (để trống nếu văn bản chưa ký)",
        "check-recipients": "không đọc được phần Nơi nhận: chép từng dòng vào noi_nhan",
        "check-bases": "không đọc được đoạn căn cứ trước mục I: chép vào can_cu nếu có",
        "fill-appendix-title": "tiêu đề của phụ lục (dòng in hoa dưới chữ Phụ lục)",
        "fill-units": "các đơn vị: cột Chủ trì và Phối hợp không có tên đơn vị nào",
        "fill-areas": "các lĩnh vực (ma, ten)",
        "fill-part": "số La Mã và tiêu đề của phần: các dòng đầu bảng chưa thuộc phần nào ({at})",
        "fill-part-title": "tiêu đề của phần ({at})",
        "fill-group-title": "tiêu đề của nhóm ({at})",
        "check-number": "ô TT để trống: số thứ tự này do cchc đặt ({at})",
        "fill-objective": "mục tiêu: ô Mục tiêu trống ({at})",
        "fill-task": "nhiệm vụ: ô Nhiệm vụ trống ({at})",
        "check-lead": "ô Chủ trì trống ({at}): ghi mã đơn vị chủ trì nếu có",
        "fill-deadline": "thời gian hoàn thành: ô trống ({at}); ví dụ “Quý II/{year}”, "
        "“Trước ngày 15/01/{year}”, “Thường xuyên”",
        "check-deadline": "cchc không hiểu thời hạn “{phrase}” ({at}): viết lại theo dạng như "
        "“Quý II/{year}”, “Trước ngày 30/6/{year}”, “Thường xuyên”, hoặc thêm han: {year}-MM-DD",
        "row-joined": "dòng sau ({at}) chỉ có chữ ở cột {what}, đã được nối vào dòng này",
        "objective-joined": "dòng sau ({at}) chỉ có chữ ở cột Mục tiêu, đã được nối vào mục tiêu này",
        "check-addressee": "nơi nhận báo cáo CCHC, do cchc suy ra từ cơ quan chủ quản",
        "fill-section": "mục {section} không tìm thấy trong văn bản: chép tiêu đề và các đoạn",
        "check-indicators": "không tìm thấy mục II (các chỉ tiêu): chép các chỉ tiêu vào chi_tieu",
        "check-solutions": "không tìm thấy mục III (nhiệm vụ và giải pháp): chép vào giai_phap",
        "indicators-loose": "{count} đoạn của mục II trước tiêu đề lĩnh vực đầu tiên không được đọc",
        "solutions-loose": "{count} đoạn của mục III trước tiêu đề lĩnh vực đầu tiên không được đọc",
        "section-unread": "mục “{title}” không phải mục nào cchc biết: nội dung không được đọc",
        "column-unread": "cột “{column}” của bảng phụ lục không được đọc",
        "column-missing": "bảng phụ lục không có cột {what}: những gì cột ấy ghi cần điền tay",
        "chars-removed": "đã bỏ {count} ký tự điều khiển hoặc đảo chiều chữ khỏi văn bản",
        "written": "Đã viết bản nháp {path} từ {source}: {parts} phần, {objectives} mục tiêu, "
        "{tasks} nhiệm vụ, {units} đơn vị, {indicators} chỉ tiêu ({targets} chỉ số)",
        "notes": "{count} chỗ cần điền hoặc kiểm tra (ghi chú trong tệp):",
        "invalid": "bản nháp còn {count} lỗi nêu trên: sửa ở các dòng có ghi chú rồi chạy "
        "`cchc validate`",
    },
    "en": {
        "mark-fill": "TO FILL IN",
        "mark-check": "TO CHECK",
        "at": "row {row} of the appendix table",
        "header": "DRAFT of the {year} CCHC plan, read by `cchc import-plan` from the Word file {name}.\n"
        "Compare it with the issued document. What cchc could not read has a “TO FILL IN”\n"
        "comment right above its line (cchc validate names that line); what cchc had to guess\n"
        "has a “TO CHECK”. Review also: don_vi (ids made by cchc from the names in the Chủ trì\n"
        "and Phối hợp columns; put the names of one unit together under ten_khac; tap_the: true\n"
        "for a group of units), the short names of linh_vuc, the chi_so read from the wording\n"
        "(so_sanh, gia_tri, ung_voi) and cai_dat (kinh_gui, don_vi_luu).\n"
        "Then remove these comments and run `cchc validate` until it finds no error.",
        "fill-co_quan_chu_quan": "the parent body (top left, e.g. UBND TỈNH HÀ TĨNH)",
        "fill-co_quan_ban_hanh": "the issuing body (e.g. SỞ CÔNG THƯƠNG)",
        "fill-ky_hieu_co_quan": "the body's abbreviation in the number (Số: …/KH-SCT → SCT)",
        "fill-dia_danh": "the place before the date of issue (e.g. Hà Tĩnh)",
        "fill-trich_yeu": "the title under KẾ HOẠCH (e.g. Cải cách hành chính năm 2023)",
        "check-date": "the line “…, ngày … tháng … năm …” was not found: give the day and month",
        "fill-signer": "the signer's title (e.g. GIÁM ĐỐC; signing for: quyen_han: KT. GIÁM ĐỐC)",
        "check-signer-name": "the signer's name was not found (blank while unsigned)",
        "check-recipients": "the recipients (Nơi nhận) were not found: copy each line to noi_nhan",
        "check-bases": "no legal bases before section I were found: copy them to can_cu if any",
        "fill-appendix-title": "the appendix's title (the capitals under Phụ lục)",
        "fill-units": "the units: the Chủ trì and Phối hợp columns name none",
        "fill-areas": "the areas (ma, ten)",
        "fill-part": "the part's Roman numeral and title: the first rows belong to no part ({at})",
        "fill-part-title": "the part's title ({at})",
        "fill-group-title": "the group's title ({at})",
        "check-number": "the TT cell is blank: this number was given by cchc ({at})",
        "fill-objective": "the objective: the Mục tiêu cell is blank ({at})",
        "fill-task": "the task: the Nhiệm vụ cell is blank ({at})",
        "check-lead": "the Chủ trì cell is blank ({at}): give the lead unit's id if there is one",
        "fill-deadline": "the deadline: the cell is blank ({at}); e.g. “Quý II/{year}”, "
        "“Trước ngày 15/01/{year}”, “Thường xuyên”",
        "check-deadline": "cchc cannot read the deadline “{phrase}” ({at}): write it like "
        "“Quý II/{year}”, “Trước ngày 30/6/{year}”, “Thường xuyên”, or add han: {year}-MM-DD",
        "row-joined": "the next row ({at}) holds words in {what} only; they were joined to this row",
        "objective-joined": "the next row ({at}) holds words in Mục tiêu only; they were joined "
        "to this objective",
        "check-addressee": "the addressee of CCHC reports, inferred by cchc from the parent body",
        "fill-section": "section {section} was not found in the document: copy its title and text",
        "check-indicators": "section II (the indicators) was not found: copy them to chi_tieu",
        "check-solutions": "section III (tasks and solutions) was not found: copy it to giai_phap",
        "indicators-loose": "{count} paragraph(s) of section II before its first area were not read",
        "solutions-loose": "{count} paragraph(s) of section III before its first area were not read",
        "section-unread": "the section “{title}” is none cchc knows: its text was not read",
        "column-unread": "the appendix's column “{column}” was not read",
        "column-missing": "the appendix has no column {what}: what it holds is to be filled in "
        "by hand",
        "chars-removed": "{count} control or text-direction character(s) were removed",
        "written": "Wrote the draft {path} from {source}: {parts} part(s), {objectives} "
        "objective(s), {tasks} task(s), {units} unit(s), {indicators} indicator(s) "
        "({targets} target(s))",
        "notes": "{count} place(s) to fill in or check (comments in the file):",
        "invalid": "the draft has {count} error(s), listed above: mend them at the commented "
        "lines, then run `cchc validate`",
    },
}
# The appendix's columns, as `row-joined` names them (the document's words).
IMPORT_PLAN_COLUMNS = {
    "tt": "TT", "muc_tieu": "Mục tiêu", "nhiem_vu": "Nhiệm vụ", "hoat_dong": "Hoạt động",
    "ket_qua": "Kết quả/sản phẩm", "chu_tri": "Chủ trì", "phoi_hop": "Phối hợp",
    "thoi_han": "Thời gian hoàn thành", "kinh_phi": "Kinh phí",
}  # fmt: skip
# The plan's sections, as `fill-section` names them.
IMPORT_PLAN_SECTIONS = {
    "muc_dich_yeu_cau": "I (mục đích, yêu cầu)", "nhiem_vu_trong_tam": "IV (nhiệm vụ trọng tâm)",
    "kinh_phi": "V (kinh phí)", "to_chuc_thuc_hien": "VI (tổ chức thực hiện)",
}  # fmt: skip


def import_plan_word(key: str, **args: Any) -> str:
    """A line of `IMPORT_PLAN` in the language in use, filled with `args`."""
    return _pick(IMPORT_PLAN, None)[key].format(**args)


def import_plan_note(kind: str, key: str, args: dict[str, Any]) -> str:
    """A draft's comment: "CẦN ĐIỀN: …" (kind "fill") or "KIỂM TRA: …" (kind "check")."""
    fill = dict(args)
    if "section" in fill:
        fill["section"] = IMPORT_PLAN_SECTIONS.get(fill["section"], fill["section"])
    if "columns" in fill:
        fill["what"] = ", ".join(IMPORT_PLAN_COLUMNS.get(c, c) for c in fill.pop("columns"))
    return f"{import_plan_word('mark-' + kind)}: {import_plan_word(key, **fill)}"


def import_plan_marks() -> tuple[str, str]:
    return import_plan_word("mark-fill") + ":", import_plan_word("mark-check") + ":"


# --- the report's pre-flight (`cchc report --check`) ------------------------------
# What a report lacks, and where the officer enters it (`plan.period.Gap`).

NARRATIVE_WHAT: dict[str, dict[str, str]] = {
    "vi": {
        "chi_dao_dieu_hanh": "công tác chỉ đạo, điều hành CCHC trong kỳ",
        "khac_phuc_chi_so": "kết quả khắc phục tồn tại, hạn chế qua Chỉ số CCHC, Chỉ số hài "
        "lòng (SIPAS) năm trước",
        "ket_qua_noi_bat": "kết quả nổi bật (ưu điểm) của kỳ báo cáo",
        "ton_tai_han_che": "tồn tại, hạn chế trong kỳ",
        "nguyen_nhan": "nguyên nhân của tồn tại, hạn chế",
        "phuong_huong": "phương hướng, nhiệm vụ trọng tâm kỳ tới",
        "kien_nghi": "đề xuất, kiến nghị (ghi “Không.” nếu không có)",
        "ket_qua_kiem_tra": "tồn tại, hạn chế phát hiện qua kiểm tra và việc xử lý, khắc phục",
    },
    "en": {
        "chi_dao_dieu_hanh": "the period's steering of the reform",
        "khac_phuc_chi_so": "how the shortcomings shown by last year's PAR and SIPAS indices "
        "were addressed",
        "ket_qua_noi_bat": "the period's main results (strengths)",
        "ton_tai_han_che": "the period's shortcomings",
        "nguyen_nhan": "their causes",
        "phuong_huong": "the next period's direction and main tasks",
        "kien_nghi": "proposals (write “Không.” when there are none)",
        "ket_qua_kiem_tra": "what inspections found and how it was handled",
    },
}

GAPS: dict[str, dict[str, str]] = {
    "vi": {
        "narrative": "phần viết “{what}”: bao_cao (ky: {quarter}) → {key}",
        "figure": "số liệu “{what}”: bao_cao (ky: {quarter}) → so_lieu.{key}, hoặc `cchc "
        "figures -q {quarter} --set {key}=N`",
        "tthc": "số liệu “{what}”: bao_cao (ky: {quarter}) → thong_ke_tthc.{key}, hoặc `cchc "
        "figures -q {quarter} --set {key}=N`",
        "figures": "mọi số liệu của các lĩnh vực (kiểm tra, tuyên truyền, văn bản, biên chế, …): "
        "bao_cao (ky: {quarter}) → so_lieu, hoặc `cchc figures -q {quarter} --set KEY=N`",
        "tthc_all": "mọi số liệu giải quyết TTHC trong kỳ: bao_cao (ky: {quarter}) → "
        "thong_ke_tthc, hoặc `cchc figures -q {quarter} --set KEY=N`",
        "tthc_areas": "kết quả giải quyết TTHC theo từng lĩnh vực: bao_cao (ky: {quarter}) → "
        "tthc_linh_vuc (mỗi lĩnh vực một mục: linh_vuc và các số hồ sơ như thong_ke_tthc)",
        "service_index": "điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định số "
        "766/QĐ-TTg, 5 nhóm): bao_cao (ky: {quarter}) → chi_so_766",
        "target": "số liệu chỉ tiêu “{what}” ({key}): chi_so, hoặc `cchc record {key} --value N "
        "--date YYYY-MM-DD`",
        "target_old": "số liệu mới của chỉ tiêu “{what}” ({key}): số liệu gần nhất là ngày "
        "{day}, trước ngày {since} (văn bản ghi rõ ngày đó): chi_so, hoặc `cchc "
        "record {key} --value N --date YYYY-MM-DD`",
        "plan_number": "số, ngày ban hành Kế hoạch: ke_hoach: {{so: …, ngay: YYYY-MM-DD}} trong "
        "tệp tiến độ (hoặc van_ban.so và ngay_ban_hanh trong tệp kế hoạch)",
        "signer": "họ tên người ký: cai_dat.nguoi_ky_bao_cao.ho_ten trong tệp kế hoạch, hoặc "
        "bao_cao (ky: {quarter}) → nguoi_ky",
        "codes": "phần viết {key} (ky: {quarter}) nêu mã {ids}: văn bản in nguyên văn; hãy gọi "
        "nhiệm vụ, chỉ tiêu bằng tên",
    },
    "en": {
        "narrative": "the text on {what}: bao_cao (ky: {quarter}) → {key}",
        "figure": "the figure “{what}”: bao_cao (ky: {quarter}) → so_lieu.{key}, or `cchc "
        "figures -q {quarter} --set {key}=N`",
        "tthc": "the figure “{what}”: bao_cao (ky: {quarter}) → thong_ke_tthc.{key}, or `cchc "
        "figures -q {quarter} --set {key}=N`",
        "figures": "every figure of the areas (inspections, communication, documents, "
        "staffing, …): bao_cao (ky: {quarter}) → so_lieu, or `cchc figures -q {quarter} --set "
        "KEY=N`",
        "tthc_all": "every TTHC case figure of the period: bao_cao (ky: {quarter}) → "
        "thong_ke_tthc, or `cchc figures -q {quarter} --set KEY=N`",
        "tthc_areas": "the TTHC cases by lĩnh vực: bao_cao (ky: {quarter}) → tthc_linh_vuc (one "
        "item per lĩnh vực: linh_vuc and the case figures of thong_ke_tthc)",
        "service_index": "the points of the service index (Quyết định số 766/QĐ-TTg, 5 "
        "groups): bao_cao (ky: {quarter}) → chi_so_766",
        "target": "a value of the target “{what}” ({key}): chi_so, or `cchc record {key} "
        "--value N --date YYYY-MM-DD`",
        "target_old": "a newer value of the target “{what}” ({key}): the latest is of {day}, "
        "before {since} (the document says that day): chi_so, or `cchc "
        "record {key} --value N --date YYYY-MM-DD`",
        "plan_number": "the plan's number and date of issue: ke_hoach: {{so: …, ngay: "
        "YYYY-MM-DD}} in the progress file (or van_ban.so and ngay_ban_hanh in the plan)",
        "signer": "the signer's name: cai_dat.nguoi_ky_bao_cao.ho_ten in the plan, or bao_cao "
        "(ky: {quarter}) → nguoi_ky",
        "codes": "the text {key} (ky: {quarter}) names ids {ids}: the document prints it as "
        "written; name tasks and targets in words",
    },
}


def gap_text(gap: Any, quarter: int, name: str, lang: str | None = None) -> str:
    """One line of the pre-flight: what a report lacks and where to enter it. `name` is a
    target's name in the plan's words (for a target)."""
    from cchc_cli.plan.shapes import AREA_FIGURES, TTHC_FIELDS

    what = name
    if gap.kind == "narrative":
        what = _pick(NARRATIVE_WHAT, lang).get(gap.key, gap.key)
    elif gap.kind == "figure":
        what = AREA_FIGURES[gap.key][1]
    elif gap.kind == "tthc":
        what = TTHC_FIELDS[gap.key]
    day = since = ""
    if gap.kind == "target_old" and len(gap.ids) == 2:
        day, since = (decree_date(date.fromisoformat(d)) for d in gap.ids)
    return _pick(GAPS, lang)[gap.kind].format(
        what=what, key=gap.key, quarter=quarter, ids=", ".join(gap.ids), day=day, since=since
    )


# --- the sheets units fill in (`cchc sheet`, `cchc import`) --------------------------
# Their words are part of the format: a returned sheet is read by these headers.

# 2: the issuing body, the figure sets and a check (#27); 3: a title block above each
# header, the report's prose in the officer's workbook and a fingerprint of each text (#28)
SHEET_FORMAT = "cchc-sheet/3"
SHEET_TASKS, SHEET_TARGETS, SHEET_META = "Nhiệm vụ", "Chỉ tiêu", "_cchc"
SHEET_TASK_HEADERS = (
    "Mã", "Nhiệm vụ", "Vai trò", "Thời hạn", "Hạn", "Tình trạng hiện tại",
    "Tình trạng", "Ngày", "Minh chứng", "Ghi chú",
)  # fmt: skip
SHEET_TARGET_HEADERS = (
    "Mã", "Chỉ tiêu", "Mục tiêu", "Giá trị gần nhất", "Giá trị", "Tử số", "Mẫu số", "Ngày",
    "Nguồn",
)  # fmt: skip
SHEET_STATS = "Thống kê TTHC"
SHEET_STATS_HEADERS = ("Mã", "Nội dung", "Số liệu đã có", "Số lượng")
# The states a sheet's drop-down offers (the progress file's, in words).
SHEET_STATES = ("hoàn thành", "đang thực hiện", "chưa thực hiện", "không thực hiện")


# --- untrusted input: links, output folders, workbooks, numbers (#27) -------------------
# Kept in one block and added to PROBLEMS below.

_UNTRUSTED: dict[str, dict[str, str]] = {
    "vi": {
        # links inside the repository
        "link-inside": "{path}: {link} là liên kết tượng trưng; cchc không đi theo liên kết "
        "nào trong kho ({root})",
        "path-not-folder": "{path}: {folder} {kind}, không phải thư mục",
        # output folders
        "output-link": "{folder} là liên kết tượng trưng; cchc không ghi qua liên kết",
        "output-not-folder": "{folder} {kind}, không phải thư mục; chưa ghi gì",
        "output-is-repository": "{folder} là thư mục gốc của kho; hãy chọn một thư mục riêng "
        "cho cchc, ví dụ {example}",
        "output-in-plans": "{folder} là thư mục plans hoặc nằm trong đó; hãy chọn một thư mục "
        "riêng cho cchc, ví dụ {example}",
        "output-holds-plans": "{folder} chứa kế hoạch hoặc kho ({name}); hãy chọn một thư mục "
        "riêng cho cchc, ví dụ {example}",
        "output-outside": "{folder} nằm ngoài kho ({root}); thêm --outside để ghi ở đó",
        "output-outside-here": "{folder} nằm ngoài thư mục đang chạy ({root}); thêm --outside "
        "để ghi ở đó",
        "output-foreign": "{folder} có tệp không do cchc ghi: {files}; hãy chọn một thư mục "
        "trống, hoặc chuyển các tệp đó đi",
        "output-too-many": "{folder} có hơn {count} mục; hãy chọn một thư mục trống",
        "output-names-clash": "hai tệp cần ghi vào {folder} chỉ khác nhau chữ hoa, chữ thường: "
        "{first}, {second}",
        "and-more-files": "{files} và {count} tệp khác",
        # workbooks
        "workbook-limit": "{path}: bảng tính quá lớn ({where}{limit}); không đọc",
        "limit-sheets": "{count} trang tính; tối đa {most}",
        "limit-rows": "dòng {count}; tối đa {most} dòng",
        "limit-cells": "{count} ô; tối đa {most}",
        "limit-merged": "{count} vùng gộp ô; tối đa {most}",
        "limit-elements": "hơn {most} phần tử XML của ô",
        "limit-structure": "hơn {most} phần tử XML ngoài ô (kiểu, định dạng, tên…)",
        "limit-rich": "hơn {most} phần tử XML của chữ có định dạng trong ô",
        "limit-parts": "{count} phần; tối đa {most}",
        "limit-part-bytes": "{count} byte khi giải nén; tối đa {most}",
        "limit-bytes": "{count} byte khi giải nén; tối đa {most}",
        "limit-ratio": "nén {count} lần; tối đa {most} lần",
        "limit-file-bytes": "hơn {most} byte",
        "workbook-encrypted": "{path}: bảng tính có mật khẩu, hoặc là tệp Excel 97-2003 (.xls); "
        "hãy mở và lưu lại dạng .xlsx (Excel Workbook) không mật khẩu",
        "workbook-part-encrypted": "{path}: phần {part} được mã hoá; hãy lưu lại bảng tính "
        "không mật khẩu",
        "workbook-compression": "{path}: phần {part} được nén bằng {method}, cchc không đọc "
        "được; hãy mở và lưu lại bảng tính bằng Excel hoặc LibreOffice",
        "zip-method": "phương thức số {n}",
        "workbook-corrupt": "{path}: phần {part} bị hỏng; hãy mở và lưu lại bảng tính",
        "workbook-chart-sheet": "{path}: bảng tính có trang biểu đồ, cchc không đọc; hãy xoá "
        "trang đó rồi lưu lại",
        "workbook-warning": "bảng tính có nội dung cchc không đọc ({what}; {count} chỗ); phần đó "
        "bị bỏ qua",
        "wbw-print-area": "vùng in",
        "wbw-extension": "phần mở rộng của định dạng tệp",
        "wbw-formatting": "định dạng có điều kiện",
        "wbw-date-serial": "ô ngày có giá trị ngoài lịch",
        "wbw-header": "đầu trang hoặc chân trang",
        "wbw-defined-name": "tên được định nghĩa",
        "wbw-relationships": "liên kết giữa các phần",
        "wbw-styles": "kiểu định dạng",
        "wbw-sheet-name": "tên trang dài hơn 31 ký tự",
        "wbw-drawing": "hình vẽ, biểu đồ hoặc ảnh",
        "wbw-other": "một phần thư viện đọc bảng tính không đọc được",
        # the hidden sheet _cchc and what a unit's sheet may write
        "sheet-key-twice": "khoá {key!r} có hai lần trong trang ẩn _cchc; hãy làm bảng mới "
        "cho đơn vị",
        "sheet-edited": "trang ẩn _cchc đã bị sửa sau khi cchc làm ra bảng (mã kiểm tra không "
        "khớp); hãy làm bảng mới cho đơn vị và đề nghị đơn vị điền vào bảng đó",
        "sheet-other-body": "bảng làm cho {said}, không phải {body}; hãy nhập vào kế hoạch "
        "của cơ quan đó",
        "sheet-quarter": "kỳ báo cáo phải là 1, 2, 3 hoặc 4, không phải {said!r}; hãy làm bảng "
        "mới cho đơn vị",
        "sheet-sets": "trang ẩn _cchc ghi nhóm số liệu {said!r}, không phải nhóm cchc làm ra; "
        "hãy làm bảng mới cho đơn vị",
        "sheet-plan-changed": "kế hoạch đã thay đổi từ khi bảng được làm: {changes}; xem lại "
        "các dòng liên quan",
        "change-task-changed": "nhiệm vụ {id}",
        "change-task-added": "nhiệm vụ {id} (mới)",
        "change-task-removed": "nhiệm vụ {id} (đã bỏ)",
        "change-target-changed": "chỉ số {id}",
        "change-target-added": "chỉ số {id} (mới)",
        "change-target-removed": "chỉ số {id} (đã bỏ)",
        "change-other": "phần khác ngoài nhiệm vụ và chỉ số",
        "change-more": "và {count} thay đổi khác",
        "sheet-not-own-task": "nhiệm vụ {id} không do {unit} chủ trì hay phối hợp; bảng của một "
        "đơn vị chỉ ghi nhiệm vụ của đơn vị đó",
        "sheet-not-own-target": "chỉ số {id} không thuộc {unit}; bảng của một đơn vị chỉ ghi "
        "chỉ số của đơn vị đó",
        "sheet-no-tthc": "bảng này không được làm để ghi số liệu TTHC (đơn vị không chủ trì "
        "nhiệm vụ nào của lĩnh vực TTHC); số liệu đó ghi vào bảng của đơn vị chủ trì",
        "sheet-row-twice": "{id} cũng có ở dòng {row} của bảng này, với giá trị khác; mỗi việc "
        "ghi một dòng",
        "figure-disagrees-sheet": "“{what}”: bảng này ghi {new}, nhưng {other} đã ghi {old}; "
        "không ghi đè: hãy thống nhất số liệu với đơn vị kia",
        "figure-disagrees-file": "“{what}”: bảng này ghi {new}, nhưng {other} đã có {old}; "
        "không ghi đè: hãy thống nhất số liệu với người giữ hồ sơ",
        # numbers as people type them (plan.numbers)
        "number-empty": "không có gì",
        "number-digits": "chỉ dùng chữ số 0–9, không dùng chỉ số trên, số trong vòng tròn hay "
        "chữ số của chữ viết khác",
        "number-form": "ghi số như 1.234 hoặc 72,5",
        "number-grouping": "dấu chấm (hay khoảng trắng) chỉ tách từng nhóm ba chữ số, ví dụ "
        "1.234.567",
        "number-ambiguous": "không rõ là một nghìn hai trăm ba mươi tư hay một phẩy hai ba bốn; "
        "ghi 1234 hoặc 1,234",
        "number-whole": "không phải số nguyên",
        "number-negative": "không được âm",
        "number-large": "quá nhiều chữ số",
        # cchc new
        "new-date-range": "han {date} không dời được {years} năm (ra ngoài lịch); hãy sửa "
        "ngày này trong kế hoạch",
        # ids that name files
        "case-twin": "mã {kind} {id!r} chỉ khác {other!r} ở chữ hoa, chữ thường; hai mã đặt "
        "tên cho cùng một tệp",
        "kind-task": "nhiệm vụ",
        "kind-unit": "đơn vị",
        "kind-target": "chỉ số",
        "kind-objective": "mục tiêu",
        "kind-indicator": "chỉ tiêu",
    },
    "en": {
        "link-inside": "{path}: {link} is a symbolic link; cchc follows no link inside the "
        "repository ({root})",
        "path-not-folder": "{path}: {folder} {kind}, not a folder",
        "output-link": "{folder} is a symbolic link; cchc writes no output through a link",
        "output-not-folder": "{folder} {kind}, not a folder; nothing written",
        "output-is-repository": "{folder} is the repository's root; choose a folder of cchc's "
        "own, e.g. {example}",
        "output-in-plans": "{folder} is the plans folder, or inside it; choose a folder of "
        "cchc's own, e.g. {example}",
        "output-holds-plans": "{folder} holds plans or a repository ({name}); choose a folder "
        "of cchc's own, e.g. {example}",
        "output-outside": "{folder} is outside the repository ({root}); add --outside to write "
        "there",
        "output-outside-here": "{folder} is outside the folder cchc runs in ({root}); add "
        "--outside to write there",
        "output-foreign": "{folder} holds files cchc did not write there: {files}; choose an "
        "empty folder, or move them away",
        "output-too-many": "{folder} holds more than {count} entries; choose an empty folder",
        "output-names-clash": "two files to write in {folder} differ only in case: {first}, "
        "{second}",
        "and-more-files": "{files} and {count} more",
        "workbook-limit": "{path}: the workbook is too large ({where}{limit}); not read",
        "limit-sheets": "{count} sheets; at most {most}",
        "limit-rows": "row {count}; at most {most} rows",
        "limit-cells": "{count} cells; at most {most}",
        "limit-merged": "{count} merged ranges; at most {most}",
        "limit-elements": "more than {most} XML elements of cells",
        "limit-structure": "more than {most} XML elements besides cells (styles, formats, names…)",
        "limit-rich": "more than {most} XML elements of formatted text in cells",
        "limit-parts": "{count} parts; at most {most}",
        "limit-part-bytes": "{count} bytes unpacked; at most {most}",
        "limit-bytes": "{count} bytes unpacked; at most {most}",
        "limit-ratio": "packed {count} times over; at most {most}",
        "limit-file-bytes": "over {most} bytes",
        "workbook-encrypted": "{path}: the workbook is protected by a password, or is an Excel "
        "97-2003 (.xls) file; open it and save it as .xlsx (Excel Workbook) without a password",
        "workbook-part-encrypted": "{path}: the part {part} is encrypted; save the workbook "
        "again without a password",
        "workbook-compression": "{path}: the part {part} is compressed with {method}, which "
        "cchc does not read; open the workbook and save it again in Excel or LibreOffice",
        "zip-method": "method {n}",
        "workbook-corrupt": "{path}: the part {part} is damaged; open the workbook and save it "
        "again",
        "workbook-chart-sheet": "{path}: the workbook has a chart sheet, which cchc does not "
        "read; delete it and save again",
        "workbook-warning": "the workbook holds something cchc does not read ({what}; {count} "
        "place(s)); it was left out",
        "wbw-print-area": "a print area",
        "wbw-extension": "an extension of the file format",
        "wbw-formatting": "conditional formatting",
        "wbw-date-serial": "a date cell whose value is off the calendar",
        "wbw-header": "a page header or footer",
        "wbw-defined-name": "a defined name",
        "wbw-relationships": "links between its parts",
        "wbw-styles": "styles",
        "wbw-sheet-name": "a sheet name longer than 31 characters",
        "wbw-drawing": "drawings, charts or images",
        "wbw-other": "a part the workbook reader could not read",
        "sheet-key-twice": "the key {key!r} is twice in the hidden sheet _cchc; make a new "
        "sheet for the unit",
        "sheet-edited": "the hidden sheet _cchc was changed after cchc made it (its check does "
        "not match); make a new sheet for the unit and ask the unit to fill that one in",
        "sheet-other-body": "the sheet was made for {said}, not {body}; import it into that "
        "body's plan",
        "sheet-quarter": "the quarter must be 1, 2, 3 or 4, not {said!r}; make a new sheet for "
        "the unit",
        "sheet-sets": "the hidden sheet _cchc names the figure sets {said!r}, not ones cchc "
        "makes; make a new sheet for the unit",
        "sheet-plan-changed": "the plan has changed since the sheet was made: {changes}; check "
        "the rows they concern",
        "change-task-changed": "task {id}",
        "change-task-added": "task {id} (new)",
        "change-task-removed": "task {id} (removed)",
        "change-target-changed": "target {id}",
        "change-target-added": "target {id} (new)",
        "change-target-removed": "target {id} (removed)",
        "change-other": "parts other than its tasks and targets",
        "change-more": "and {count} more",
        "sheet-not-own-task": "task {id} is not one {unit} leads or supports; a unit's sheet "
        "records only its own tasks",
        "sheet-not-own-target": "target {id} is not one {unit} answers for; a unit's sheet "
        "records only its own targets",
        "sheet-no-tthc": "this sheet was not made to carry the TTHC figures (its unit leads no "
        "task of the TTHC area); they go in the sheet of a unit that does",
        "sheet-row-twice": "{id} is also in row {row} of this sheet, with other values; keep one "
        "row for it",
        "figure-disagrees-sheet": "“{what}”: this sheet says {new}, but {other} recorded {old}; "
        "nothing is written over: settle the figure with the other unit",
        "figure-disagrees-file": "“{what}”: this sheet says {new}, but {other} has {old}; "
        "nothing is written over: settle the figure with whoever keeps the file",
        "number-empty": "nothing is written",
        "number-digits": "only the digits 0–9 count, not superscripts, circled digits or the "
        "digits of other scripts",
        "number-form": "write numbers as 1.234 or 72,5",
        "number-grouping": "a dot (or a blank) separates thousands only in groups of three, as "
        "in 1.234.567",
        "number-ambiguous": "it could be one thousand two hundred and thirty-four or one point "
        "two three four; write 1234 or 1,234",
        "number-whole": "not a whole number",
        "number-negative": "a count is not negative",
        "number-large": "too many digits",
        "new-date-range": "han {date} cannot be moved by {years} year(s) (it would leave the "
        "calendar); mend this date in the plan",
        "case-twin": "{kind} id {id!r} differs from {other!r} only in case; both would name "
        "one file",
        "kind-task": "task",
        "kind-unit": "unit",
        "kind-target": "target",
        "kind-objective": "objective",
        "kind-indicator": "indicator",
    },
}
for _lang in LANGS:
    PROBLEMS[_lang].update(_UNTRUSTED[_lang])


# --- the workbook a person fills in alone: title block, prose, cells checked (#28) ------
# The sheet's own words are Vietnamese only (they are part of its format); what `cchc
# import` says of a cell is in both languages, in the words of the person who filled it in:
# no command-line option, no key of the YAML files.

SHEET_FORMATS_READ = ("cchc-sheet/2", SHEET_FORMAT)  # 2 is read as it was: no title block
SHEET_PROSE = "Phần viết"
SHEET_PROSE_HEADERS = ("Phần của báo cáo", "Viết về", "Đã ghi", "Nội dung mới")
SHEET_TITLES = {
    SHEET_TASKS: "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
    SHEET_TARGETS: "SỐ LIỆU CÁC CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
    SHEET_STATS: "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
    SHEET_PROSE: "PHẦN VIẾT CỦA BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
}
SHEET_PERIODS = {1: "quý I năm {y}", 2: "6 tháng đầu năm {y}", 3: "quý III năm {y}",
                 4: "năm {y}"}  # fmt: skip
# The lines of the title block: {body}, {unit}, {period}, {start}, {cutoff}, {made}, {due}.
SHEET_HEAD = {
    "body": "Cơ quan: {body}",
    "unit": "Đơn vị: {unit}",
    "period": "Kỳ báo cáo: {period} (số liệu từ ngày {start} đến hết ngày {cutoff})",
    "dates": "Ngày lập bảng: {made}.   Hạn gửi lại: trước hết ngày {due}.",
}
# Two or three lines saying what to fill in, where, how, and whom to send it back to:
# {first} (the first day a date may say), {due}, {to} (the unit that drafts the reports).
SHEET_HOW = {
    SHEET_TASKS: (
        "Cách điền: với mỗi nhiệm vụ có kết quả mới trong kỳ, điền các ô nền vàng trên cùng "
        "dòng: Tình trạng (chọn trong danh sách), Ngày có kết quả, Minh chứng (số, ký hiệu "
        "văn bản, ví dụ Kế hoạch số 15/KH-SCT) và Ghi chú. Chọn “không thực hiện” thì ghi lý "
        "do vào ô Ghi chú. Dòng không có gì mới thì để trống.",
        "Ngày gõ theo ngày/tháng/năm, ví dụ 14/06/{year}; không ghi ngày trước {first}, cũng "
        "không ghi ngày chưa đến. Không sửa các ô khác; không thêm, xoá dòng, cột hay trang.",
    ),
    SHEET_TARGETS: (
        "Cách điền: với mỗi chỉ số có số liệu mới, điền các ô nền vàng trên cùng dòng: Giá "
        "trị (ví dụ 72,5 hoặc 72,5%), hoặc Tử số và Mẫu số (ví dụ 45 và 60, tỷ lệ được tính "
        "tự động); Ngày của số liệu; Nguồn (số liệu lấy từ đâu). Dòng không có gì mới thì để "
        "trống.",
        "Số thập phân dùng dấu phẩy (72,5); không ghi số âm. Ngày gõ theo ngày/tháng/năm, ví "
        "dụ 14/06/{year}; không ghi ngày trước {first}, cũng không ghi ngày chưa đến. Không "
        "sửa các ô khác.",
    ),
    SHEET_STATS: (
        "Cách điền: ghi vào cột Số lượng (ô nền vàng) số liệu của kỳ báo cáo, là số nguyên "
        "không âm, ví dụ 1.250; cột Số liệu đã có là số đã ghi trước đó, để đối chiếu. Ô "
        "không có số liệu thì để trống.",
        "Số hồ sơ tiếp nhận (trực tuyến, trực tiếp, kỳ trước chuyển qua) phải bằng số đã "
        "giải quyết cộng số đang giải quyết cộng số trả lại, rút.",
    ),
    SHEET_PROSE: (
        "Cách điền: mỗi dòng là một phần lời văn của báo cáo. Cột Đã ghi là nội dung đang "
        "có, chỉ để xem; viết nội dung mới (hoặc chép nội dung đã ghi rồi sửa) vào ô nền "
        "vàng của cột Nội dung mới. Để trống thì giữ nguyên nội dung đã ghi.",
        "Mỗi đoạn một dòng trong ô: xuống dòng bằng Alt+Enter (Excel) hoặc Ctrl+Enter "
        "(LibreOffice Calc). Được dùng mọi dấu câu: dấu hai chấm, dấu nháy, gạch đầu dòng.",
    ),
}
SHEET_SEND = {
    "other": "Điền xong, lưu tệp (giữ dạng .xlsx, không đổi tên trang) và gửi lại {to} qua "
    "hệ thống quản lý văn bản hoặc thư điện tử trước hết ngày {due}.",
    "own": "Điền xong, lưu tệp (giữ dạng .xlsx, không đổi tên trang) để tổng hợp vào báo cáo "
    "trước hết ngày {due}.",
}
# The report's prose, one row each, labelled as the report's sections name it (the
# headings of the report template, views/templates/report.docx), with what to write.
SHEET_PROSE_ROWS = {
    "chi_dao_dieu_hanh": "I. Công tác chỉ đạo, điều hành cải cách hành chính (đoạn mở đầu)",
    "ket_qua_kiem_tra": "I. Công tác kiểm tra cải cách hành chính",
    "khac_phuc_chi_so": "I. Khắc phục tồn tại, hạn chế qua kết quả Chỉ số CCHC, Chỉ số hài "
    "lòng (SIPAS)",
    "ket_qua_noi_bat": "III.1. Ưu điểm",
    "ton_tai_han_che": "III.2.a) Tồn tại, hạn chế",
    "nguyen_nhan": "III.2.b) Nguyên nhân",
    "phuong_huong": "IV. Phương hướng, nhiệm vụ kỳ tới",
    "kien_nghi": "V. Đề xuất, kiến nghị",
}

# What a spreadsheet says when a cell to fill refuses what was typed: (message, title).
SHEET_CHECKS = {
    "state": ("Chọn một tình trạng trong danh sách", "Tình trạng"),
    "date": ("Ghi một ngày từ {first} đến nay, ví dụ 14/06/2023", "Ngày"),
    "number": ("Ghi một số không âm, ví dụ 72,5", "Số"),
    "percent": ("Ghi một tỷ lệ từ 0 đến 100, ví dụ 72,5 hoặc 72,5%", "Tỷ lệ"),
    "count": ("Ghi một số nguyên không âm, ví dụ 12", "Số lượng"),
    "text": ("Tối đa 2000 ký tự", "Văn bản"),
    "prose": ("Tối đa 20000 ký tự", "Văn bản"),
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


def status_code(code: str, lang: str | None = None) -> str:
    """A status as a code: the Vietnamese slug (`qua_han`), or the English code with
    `--lang en` (`overdue`)."""
    return STATUS_CODES_VI.get(code, code) if (lang or _language) == "vi" else code


def sheet_period(quarter: int, year: int) -> str:
    """A report period as the title block says it: "6 tháng đầu năm 2023"."""
    return SHEET_PERIODS[quarter].format(y=year)


_SHEETS_28: dict[str, dict[str, str]] = {
    "vi": {
        "sheet-no-header": "không thấy hàng tiêu đề ({headers}): đừng xoá hay sửa hàng tiêu "
        "đề; nếu đã lỡ, hãy điền lại vào bảng đã gửi",
        "cell-date-early": "ngày {date} sớm hơn ngày {first}, ngày bắt đầu kỳ báo cáo đầu tiên "
        "của năm {year}; hãy ghi ngày từ {first} trở đi",
        "cell-date-future": "ngày {date} chưa đến (hôm nay là {today}); hãy ghi ngày đã có "
        "kết quả, không ghi ngày dự kiến",
        "cell-date-late": "ngày {date} sau ngày {last}, đã hết năm kế hoạch {year}; hãy ghi "
        "một ngày trong năm {year}",
        "cell-reason-missing": "đã chọn “không thực hiện” thì cần ghi lý do vào ô Ghi chú này",
        "cell-text-long": "ô có {count} ký tự, dài quá; hãy viết gọn lại, tối đa {most} ký tự",
        "cell-text-unsafe": "ô có ký tự điều khiển không in ra được ({char}), thường do chép "
        "từ nơi khác; hãy gõ lại nội dung ô này",
        "cell-value-twice": "hãy ghi Giá trị, hoặc Tử số và Mẫu số, không ghi cả hai",
        "cell-value-number": "{value!r} không phải số ({why}); hãy ghi ví dụ 72,5",
        "cell-value-negative": "số không được âm, không phải {value}",
        "cell-percent-range": "chỉ số này tính theo phần trăm: hãy ghi từ 0 đến 100 (ví dụ "
        "72,5 hoặc 72,5%), không phải {value}",
        "cell-ratio-over": "Tử số {top} lớn hơn Mẫu số {bottom}, tỷ lệ quá 100%; hãy kiểm tra "
        "lại hai ô này",
        "cell-denominator-zero": "Mẫu số phải lớn hơn 0",
        "cell-count-whole": "chỉ số này đếm số lượng: hãy ghi số nguyên, không phải {value}",
        "cell-not-percent": "chỉ số này đo bằng {unit}, không phải phần trăm: hãy ghi số, "
        "không kèm dấu %",
        "cell-ratio-percent": "Tử số và Mẫu số là hai số đếm, không phải phần trăm: hãy ghi "
        "số, không kèm dấu %",
        "unit-phut": "phút",
        "unit-so_luong": "số lượng",
        "cell-id-is-task": "{id} là mã nhiệm vụ, không phải chỉ số: đừng sửa ô Mã; nhiệm vụ "
        "ghi ở trang Nhiệm vụ",
        "cell-id-is-target": "{id} là mã chỉ số, không phải nhiệm vụ: đừng sửa ô Mã; chỉ số "
        "ghi ở trang Chỉ tiêu",
        "cell-unknown-target": "không có chỉ số {id!r} trong kế hoạch{like}: đừng sửa ô Mã",
        "cell-tthc-sum": "số hồ sơ không khớp: tiếp nhận {received} (trực tuyến, trực tiếp, "
        "kỳ trước chuyển qua), nhưng đã giải quyết {resolved} + đang giải quyết {pending} + "
        "trả lại, rút {returned} = {total}; hãy sửa các ô Số lượng cho khớp",
        "cell-tthc-areas-sum": "“{what}”: các lĩnh vực đã ghi cộng lại là {sum}, nhưng bảng "
        "ghi {total}; hãy sửa cho khớp",
        "cell-figure-over": "“{what}” ({value}) không thể nhiều hơn “{of}” ({total}); hãy "
        "kiểm tra lại hai số này",
        "cell-not-recorded": "giá trị của ô này không ghi được vào hồ sơ: {problem}",
        "prose-unknown-row": "dòng này không phải một phần của báo cáo (cột Phần của báo cáo "
        "ghi {said!r}): đừng sửa cột này; nếu đã lỡ, hãy điền lại vào bảng đã gửi",
        "prose-row-twice": "phần “{section}” cũng có ở dòng {row}; mỗi phần chỉ một dòng",
        "prose-recorded-edited": "ô Đã ghi đã bị sửa: cột này chỉ để xem nội dung đang có; "
        "hãy viết nội dung mới vào cột Nội dung mới",
        "prose-changed": "phần “{section}” đã được ghi lại sau khi làm bảng này (nay là "
        "“{now}”), khác với cột Đã ghi; không ghi đè: hãy làm bảng mới để thấy nội dung đang "
        "có rồi viết lại",
        "sheet-no-prose": "bảng này không được làm để ghi phần viết của báo cáo (chỉ bảng của "
        "{unit}, đơn vị tổng hợp báo cáo, có trang này); không ghi",
        "prose-not-written": "{path}: không ghi được phần viết mà giữ nguyên từng chữ; chưa "
        "ghi gì (đây là lỗi của cchc, xin báo lại kèm bảng tính)",
    },
    "en": {
        "sheet-no-header": "the header row ({headers}) is missing: do not delete or change "
        "the header row; if it happened, fill in the sheet that was sent again",
        "cell-date-early": "{date} is before {first}, when the first reporting window of "
        "{year} opens; write a date from {first} on",
        "cell-date-future": "{date} has not come yet (today is {today}); write the day "
        "something was done, not a day planned",
        "cell-date-late": "{date} is after {last}, the end of the plan year {year}; write a "
        "day of {year}",
        "cell-reason-missing": "“không thực hiện” was chosen: write the reason in this cell "
        "(Ghi chú)",
        "cell-text-long": "the cell holds {count} characters, too many; shorten it to at "
        "most {most}",
        "cell-text-unsafe": "the cell holds a control character that does not print ({char}), "
        "usually pasted from elsewhere; type the cell's text again",
        "cell-value-twice": "give Giá trị, or Tử số and Mẫu số, not both",
        "cell-value-number": "{value!r} is not a number ({why}); write e.g. 72,5",
        "cell-value-negative": "the number must not be negative, not {value}",
        "cell-percent-range": "this target is a percentage: write 0 to 100 (e.g. 72,5 or "
        "72,5%), not {value}",
        "cell-ratio-over": "Tử số {top} is more than Mẫu số {bottom}, a share over 100%; check "
        "both cells",
        "cell-denominator-zero": "Mẫu số must be more than 0",
        "cell-count-whole": "this target counts things: write a whole number, not {value}",
        "cell-not-percent": "this target is measured in {unit}, not as a percentage: write "
        "the number without %",
        "cell-ratio-percent": "Tử số and Mẫu số are two counts, not percentages: write the "
        "numbers without %",
        "unit-phut": "minutes",
        "unit-so_luong": "a count",
        "cell-id-is-task": "{id} is a task, not a target: do not change the id cell; tasks go "
        "in the sheet Nhiệm vụ",
        "cell-id-is-target": "{id} is a target, not a task: do not change the id cell; targets "
        "go in the sheet Chỉ tiêu",
        "cell-unknown-target": "no target {id!r} in the plan{like}: do not change the id cell",
        "cell-tthc-sum": "the cases do not add up: {received} received (online, in person, "
        "carried over), but {resolved} resolved + {pending} being resolved + {returned} "
        "returned or withdrawn = {total}; mend the cells of Số lượng",
        "cell-tthc-areas-sum": "“{what}”: the areas recorded add up to {sum}, but the sheet "
        "says {total}; make them agree",
        "cell-figure-over": "“{what}” ({value}) cannot be more than “{of}” ({total}); check "
        "both figures",
        "cell-not-recorded": "this cell's value cannot be recorded: {problem}",
        "prose-unknown-row": "this row is not a part of the report (its first cell says "
        "{said!r}): do not change that column; if it happened, fill in the sheet that was "
        "sent again",
        "prose-row-twice": "the part “{section}” is also in row {row}; one row per part",
        "prose-recorded-edited": "the cell Đã ghi was changed: that column only shows what is "
        "recorded; write the new text in the column Nội dung mới",
        "prose-changed": "the part “{section}” was recorded again after this sheet was made "
        "(it now reads “{now}”), not as the column Đã ghi shows it; nothing is written over: "
        "make a new sheet to see what is recorded, and write it again",
        "sheet-no-prose": "this sheet was not made to carry the report's prose (only the "
        "sheet of {unit}, the unit that drafts the report, has it); not recorded",
        "prose-not-written": "{path}: the prose cannot be written so that it reads back word "
        "for word; nothing written (a bug in cchc: please report it with the workbook)",
    },
}
for _lang in LANGS:
    PROBLEMS[_lang].update(_SHEETS_28[_lang])


def number_why(why: str, lang: str | None = None) -> str:
    """Why what was typed is not a number (`plan.numbers.NotANumber.why`), in words."""
    return problem(f"number-{why}", {}, lang)


# --- help -----------------------------------------------------------------------------
# The Vietnamese of every command's help (`cchc status -h`), by command and option; the
# English is where each command declares it. `*.x` serves every command's option `x`.

HELP: dict[str, str] = {
    "cchc": "Lập, theo dõi và báo cáo Kế hoạch cải cách hành chính (CCHC) hằng năm của một "
    "cơ quan.",
    "cchc.version": "In phiên bản của cchc rồi dừng.",
    "*.install_completion": "Cài gợi ý lệnh (phím Tab) cho shell đang dùng (bash, zsh, fish).",
    "*.show_completion": "In đoạn mã gợi ý lệnh cho shell đang dùng, để chép hoặc tự cài.",
    "*.plan": "Tệp kế hoạch (mặc định: kế hoạch mới nhất trong plans/, tìm từ bất kỳ thư mục "
    "nào của kho).",
    "*.progress": "Tệp tiến độ (mặc định: <kế hoạch>.progress.yaml cạnh kế hoạch).",
    "*.quarter": "Kỳ báo cáo N: 1 quý I, 2 quý II và 6 tháng đầu năm, 3 quý III, 4 năm "
    "(hoặc I-IV).",
    "*.outside": "Cho phép thư mục ghi kết quả nằm ngoài kho (hoặc ngoài thư mục đang chạy).",
    "validate": "Kiểm tra tệp kế hoạch và tiến độ: mọi vấn đề, dạng tệp:dòng:cột.",
    "validate.files": "Tệp kế hoạch hoặc tiến độ (mặc định: mọi tệp .yaml trong plans/).",
    "validate.fmt": "van-ban (văn bản; hoặc text), json hoặc github (chú thích cho GitHub).",
    "validate.strict": "Coi cảnh báo là lỗi (mã thoát 1).",
    "status": "Tình hình mọi chỉ tiêu và nhiệm vụ: đạt hay có nguy cơ, quá hạn, sắp đến hạn, "
    "theo lĩnh vực và đơn vị.",
    "status.as_of": "Tính tình hình đến ngày này (YYYY-MM-DD).",
    "status.unit": "Chỉ những việc đơn vị này (mã hoặc tên) chủ trì hay phối hợp; ghi được "
    "nhiều lần.",
    "status.area": "Chỉ lĩnh vực này: số (1-7) hoặc tên, ví dụ 'cai cach the che'; ghi được "
    "nhiều lần.",
    "status.only": "qua-han (quá hạn), sap-han (sắp đến hạn), nguy-co (có nguy cơ không đạt) "
    "hoặc chua-bao-cao (chưa báo cáo), có dấu hay không dấu (hoặc overdue, due-soon, at-risk, "
    "missing-report); ghi được nhiều lần.",
    "status.fmt": "bang (bảng; hoặc table), json hoặc markdown.",
    "status.fail_on": "Thoát với mã 1 khi có nhiệm vụ quá hạn.",
    "status.width": "Độ rộng của bảng: 40 đến 400 cột.",
    "status.summary": "Chỉ in phần tóm tắt một màn hình.",
    "schema": "In JSON Schema của kế hoạch (hoặc của tệp tiến độ, bộ tiêu chí), cho trình soạn "
    "thảo và CI.",
    "schema.kind": "ke-hoach (kế hoạch; hoặc plan), tien-do (tệp tiến độ; hoặc progress) hoặc "
    "bo-tieu-chi (bộ tiêu chí; hoặc criteria).",
    "report": "Lập báo cáo CCHC chính thức của một kỳ thành văn bản Word (.docx).",
    "report.output": "Nơi ghi tệp .docx (mặc định: bao-cao-cchc-<năm>-<kỳ>.docx tại đây).",
    "report.as_of": "Số liệu tính đến ngày DATE (mặc định: ngày chốt số liệu của kỳ, ví dụ "
    "14/6 cho kỳ 2).",
    "report.signed": "Ngày ký báo cáo (mặc định: ngay_ky của kỳ trong tệp tiến độ, hoặc hôm "
    "nay nếu là ngày có thể ký).",
    "report.number": 'Số văn bản, ví dụ 05 cho "Số: 05/BC-SCT" (mặc định: để trống).',
    "report.force": "Ghi đè tệp kết quả đã có.",
    "report.template": "Mẫu Word (mặc định: mẫu đi kèm cchc).",
    "report.fmt": "docx ghi văn bản; json in các số liệu và danh sách làm nên văn bản.",
    "report.check": "Không ghi gì: liệt kê những mục báo cáo còn thiếu và nơi ghi từng mục "
    "(mã thoát 1 khi còn thiếu).",
    "record": "Ghi một bản ghi tiến độ cho một nhiệm vụ hay chỉ số, rồi cho biết tình trạng mới.",
    "record.ma": "Mã nhiệm vụ hoặc chỉ số, như cchc status hiển thị.",
    "record.state": "Nhiệm vụ: hoàn thành, đang thực hiện, chưa thực hiện hoặc không thực hiện "
    "(có dấu hay không dấu; hoặc done, in-progress, not-started, dropped).",
    "record.when": "Ngày của bản ghi (YYYY-MM-DD; mặc định hôm nay).",
    "record.evidence": 'Nhiệm vụ: minh chứng, ví dụ "Kế hoạch số 15/KH-SCT".',
    "record.note": "Ghi chú.",
    "record.reason": "Nhiệm vụ: lý do không thực hiện.",
    "record.value": "Chỉ số: giá trị (72,5) hoặc một tỷ lệ (45/60).",
    "record.source": "Chỉ số: nguồn số liệu.",
    "record.late_entry": "Lý do bản ghi mang ngày ngoài năm kế hoạch (lưu thành ghi_muon).",
    "record.undo": "Xoá bản ghi mới nhất của mã ID thay vì thêm một bản ghi.",
    "record.force": "Thay bản ghi đã có của mã ID cùng ngày (không có: từ chối ghi thêm).",
    "fmt": "Viết tệp kế hoạch và tiến độ theo một bố cục, giữ nguyên ghi chú (chạy lại không "
    "đổi gì).",
    "fmt.files": "Tệp kế hoạch hoặc tiến độ (mặc định: mọi tệp .yaml trong plans/).",
    "fmt.check": "Không đổi gì; liệt kê các tệp sẽ đổi.",
    "fmt.show_diff": "In thêm, dạng diff, những gì thay đổi (hoặc sẽ thay đổi).",
    "diff": "Những gì đã thay đổi trong kế hoạch, bằng lời và theo mã: chỉ tiêu, thời hạn, "
    "nhiệm vụ, đơn vị.",
    "diff.files": "CŨ MỚI: hai tệp kế hoạch; với --rev, một KẾ HOẠCH (mặc định: kế hoạch mới "
    "nhất).",
    "diff.rev": "So kế hoạch với phiên bản của nó ở revision git này.",
    "diff.style": "van-ban (văn bản; hoặc text), markdown hoặc json.",
    "diff.require_amendment": "Thoát với mã 1 khi một chỉ tiêu hay thời hạn thay đổi mà không "
    "có văn bản điều chỉnh (dieu_chinh) mới nào nêu nó.",
    "show": "Mọi thông tin của một nhiệm vụ hay chỉ số: nội dung, đơn vị, thời hạn, tình "
    "trạng ở từng kỳ báo cáo và lịch sử các bản ghi.",
    "show.ma": "Mã nhiệm vụ hoặc chỉ số, như cchc status hiển thị.",
    "show.as_of": "Tính tình trạng đến ngày này (YYYY-MM-DD).",
    "show.fmt": "van-ban (văn bản; hoặc text) hoặc json.",
    "sheet": "Lập bảng tính (.xlsx) cho một đơn vị điền tiến độ của một kỳ: nhiệm vụ, chỉ số "
    "và các ô cần điền.",
    "sheet.unit": "Đơn vị (mã hoặc tên) nhận bảng.",
    "sheet.all_units": "Mỗi đơn vị một bảng, ghi vào thư mục -o.",
    "sheet.output": "Tệp .xlsx cần ghi (với --all-units: một thư mục; mặc định: "
    "<năm>-q<N>-don-vi).",
    "sheet.force": "Ghi đè tệp đã có.",
    "import": "Ghi các dòng của một bảng đã điền vào tệp tiến độ: tất cả, hoặc không dòng nào.",
    "import.file": "Bảng .xlsx đã điền.",
    "import.dry_run": "Cho biết sẽ ghi gì; không ghi gì.",
    "export": "Xuất kế hoạch và tình hình thành bảng tính (hoặc CSV): nhiệm vụ, chỉ số, tổng hợp.",
    "export.fmt": "xlsx (bảng tính) hoặc csv (một thư mục).",
    "export.output": "Nơi ghi (mặc định: ke-hoach-<năm>.xlsx, hoặc một thư mục cho csv).",
    "export.as_of": "Tình hình đến ngày này (YYYY-MM-DD).",
    "site": "Lập trang web tĩnh của kế hoạch (hoặc trang tổng hợp nhiều kế hoạch): tóm tắt, "
    "biểu đồ, chỉ số, nhiệm vụ theo lĩnh vực, trang cho từng đơn vị và nhiệm vụ.",
    "site.plans": "Tệp kế hoạch, hoặc thư mục chứa plans/ (nhiều mục: một trang tổng hợp).",
    "site.output": "Thư mục ghi trang web.",
    "site.as_of": "Tình hình đến ngày này (YYYY-MM-DD).",
    "figures": "Ghi số liệu của một kỳ (hồ sơ TTHC, kiểm tra, văn bản, ...) vào tệp tiến độ.",
    "figures.given": "Một số liệu, ví dụ tiep_nhan_truc_tuyen=640 hoặc cuoc_kiem_tra=2; ghi được nhiều lần.",
    "new": "Bắt đầu kế hoạch năm mới từ kế hoạch hiện có: cùng đơn vị, lĩnh vực, cấu trúc; "
    "thời hạn dời sang năm mới; phần văn bản ban hành để trống.",
    "new.year": "Năm của kế hoạch mới, ví dụ 2024.",
    "new.output": "Nơi ghi kế hoạch mới (mặc định: plans/<năm>.yaml).",
    "import-plan": "Lập bản nháp kế hoạch từ văn bản Word đã ban hành, đánh dấu những chỗ cần điền "
    "hoặc kiểm tra.",
    "import-plan.document": "Kế hoạch đã ban hành, dạng văn bản Word, có phụ lục là bảng nhiệm vụ.",
    "import-plan.output": "Nơi ghi bản nháp (mặc định: plans/<năm>.yaml).",
    "import-plan.year": "Năm của kế hoạch, khi tiêu đề và ngày của văn bản không cho biết.",
    "import-plan.force": "Thay tệp kết quả nếu đã có.",
}

# Each command in one line of `cchc --help`, whole (Click would cut the first sentence).
SHORT_HELP: dict[str, dict[str, str]] = {
    "vi": {
        "validate": "Kiểm tra tệp kế hoạch và tiến độ.",
        "status": "Tình hình chỉ tiêu và nhiệm vụ, theo lĩnh vực và đơn vị.",
        "show": "Mọi thông tin của một nhiệm vụ hay chỉ số.",
        "schema": "In JSON Schema của kế hoạch hoặc tệp tiến độ.",
        "report": "Lập báo cáo CCHC của một kỳ (Word .docx).",
        "record": "Ghi tiến độ của một nhiệm vụ hay chỉ số.",
        "fmt": "Viết tệp theo một bố cục, giữ ghi chú.",
        "diff": "Những gì đã thay đổi trong kế hoạch.",
        "new": "Bắt đầu kế hoạch năm mới từ kế hoạch này.",
        "import-plan": "Bản nháp kế hoạch từ văn bản Word đã ban hành.",
        "sheet": "Bảng tính cho một đơn vị điền tiến độ.",
        "figures": "Ghi số liệu của một kỳ.",
        "site": "Trang web tĩnh cho lãnh đạo và cho tỉnh.",
        "import": "Ghi một bảng đã điền vào tệp tiến độ.",
        "export": "Xuất kế hoạch và tình hình ra bảng tính.",
    },
    "en": {
        "validate": "Check plan and progress files.",
        "status": "Status of targets and tasks, per area and unit.",
        "show": "One task or target in full.",
        "schema": "Print the JSON Schema of a plan or progress file.",
        "report": "Write a period's CCHC report (Word .docx).",
        "record": "Record progress on a task or a target.",
        "fmt": "Write files in one layout, keeping comments.",
        "diff": "What changed in a plan.",
        "new": "Start next year's plan from this one.",
        "import-plan": "Draft a plan from its issued Word document.",
        "sheet": "A unit's workbook to fill in for a period.",
        "figures": "Set a period's figures.",
        "site": "A static website for the director and the province.",
        "import": "Record a filled workbook in the progress file.",
        "export": "The plan and its status as a workbook.",
    },
}

# Click's fixed words in help and usage errors.
# The values of options in Vietnamese, as people type them (with or without marks, any
# case, spaces or underscores for dashes): each stands for the value the command knows.
OPTION_VALUES = {
    "qua-han": "overdue",
    "sap-han": "due-soon",
    "sap-den-han": "due-soon",
    "nguy-co": "at-risk",
    "co-nguy-co": "at-risk",
    "co-nguy-co-khong-dat": "at-risk",
    "chua-bao-cao": "missing-report",
    "bang": "table",
    "van-ban": "text",
    "ke-hoach": "plan",
    "tien-do": "progress",
    "bo-tieu-chi": "criteria",
    "tieu-chi": "criteria",
}


def option_value(token: str) -> str:
    """The value a command knows for `token` typed in Vietnamese ("quá hạn", "Qua_han"),
    else `token` as it was typed."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", token.strip().casefold().replace("đ", "d"))
    key = "-".join(
        "".join(c for c in plain if not unicodedata.combining(c)).replace("_", " ").split()
    )
    return OPTION_VALUES.get(key, token)


HELP_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "Usage: ": "Cách dùng: ",
        "[OPTIONS]": "[TUỲ CHỌN]",
        "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
        "Options": "Tuỳ chọn",
        "Arguments": "Đối số",
        "Commands": "Lệnh",
        "Show this message and exit.": "Xem hướng dẫn này rồi dừng.",
        "default": "mặc định",
        "required": "bắt buộc",
        "try": "Xem '{command} -h' để biết cách dùng.",
    },
    "en": {
        "Usage: ": "Usage: ",
        "try": "Try '{command} -h' for help.",
    },
}


# --- the register of reports and `cchc score` ---------------------------------------------
# Kept together and merged into the tables above, so that the words of scoring read in one
# place.

STATUS["vi"].update(
    {
        "sent_on_time": "Đã gửi đúng hạn",
        "sent_late": "Gửi quá hạn",
        "not_yet_due": "Chưa đến hạn",
        "report_overdue": "Quá hạn, chưa gửi",
    }
)
STATUS["en"].update(
    {
        "sent_on_time": "Sent on time",
        "sent_late": "Sent late",
        "not_yet_due": "Not yet due",
        "report_overdue": "Overdue, not sent",
    }
)

# How a report was sent (`kenh_gui`).
CHANNELS: dict[str, dict[str, str]] = {
    "vi": {
        "truc_lien_thong": "trục liên thông văn bản",
        "phan_mem_bnv": "phần mềm báo cáo của Bộ Nội vụ",
        "email": "e-mail",
    },
    "en": {
        "truc_lien_thong": "document exchange",
        "phan_mem_bnv": "Bộ Nội vụ's report software",
        "email": "e-mail",
    },
}

FOUND["vi"]["criteria"] = "bộ tiêu chí"
FOUND["en"]["criteria"] = "criteria set"

LABELS["vi"].update(
    {
        # the register of reports in `cchc status`
        "reports": "Báo cáo định kỳ",
        "report": "Báo cáo",
        "report_due": "Hạn nộp",
        "report_sent": "Ngày gửi",
        "report_channel": "Kênh gửi",
        "report_number": "Số",
        "sum_reports": "Báo cáo đến hạn: {on_time}/{due} gửi đúng hạn, {late} gửi muộn, "
        "{overdue} chưa gửi",
        # `cchc score`
        "site_sent": "{name} (hạn {day}): đã gửi ngày {sent}",
        "site_sent_late": "{name} (hạn {day}): gửi muộn, ngày {sent}",
        "sc_title": "Tự chấm điểm Chỉ số CCHC năm {year} · {body}",
        "sc_set": "Bộ tiêu chí: {name} ({decision})",
        "sc_decision": "Quyết định số {number} {when} của {issuer}",
        "sc_decision_date": "ngày {day}",
        "sc_decision_year": "năm {year}",
        "sc_own_words": "Lời văn của bộ tiêu chí này là lời tự soạn, không phải lời văn chính "
        "thức: hãy nhập bộ tiêu chí từ phụ lục của quyết định (cchc criteria) trước khi tự chấm "
        "thật.",
        "sc_total": "Tự chấm: {points}/{self_max} điểm (chưa gồm {survey} điểm điều tra xã hội "
        "học; tổng tối đa {total})",
        "sc_total_no_survey": "Tự chấm: {points}/{self_max} điểm",
        "sc_appraised": "Thẩm định: {points} điểm ({count}/{leaves} tiêu chí đã có điểm thẩm định)",
        "sc_unscored": "Chưa chấm ({count}): {codes}",
        "sc_no_unscored": "Mọi tiêu chí đã có điểm.",
        "sc_unevidenced": "Có điểm nhưng thiếu tài liệu kiểm chứng ({count}): {codes}",
        "sc_no_unevidenced": "Mọi điểm đã có tài liệu kiểm chứng.",
        "sc_problems": "{count} mục tự chấm không khớp bộ tiêu chí (xem các lỗi ở trên)",
        "sc_area": "{code}. {title}: {points}/{max} điểm",
        "sc_auto": "tự động ({rule}): {explanation}",
        "sc_override": "cán bộ ghi {points} thay cho {computed} cchc tính ({rule}: {explanation})",
        "sc_manual": "cán bộ tự chấm",
        "sc_survey": "điều tra xã hội học: do cơ quan thẩm định chấm",
        "sc_not_scored": "chưa chấm",
        "sc_cannot": "chưa tính được ({rule}): {why}",
        "sc_records": "bản ghi",
        "sc_more_records": "và {count} bản ghi khác",
        "sc_more_documents": "và {count} tài liệu khác (xem --format json hoặc -o)",
        "sc_note": "giải trình",
        "sc_evidence": "tài liệu kiểm chứng",
        "sc_needs_evidence": "cần: {what}",
        "sc_round": "thẩm định vòng {round}{day}: {points}",
        "sc_round_said": "nhận xét: {text}",
        "sc_round_reply": "giải trình lại: {text}",
        "sc_written": "Đã ghi {path}: {criteria} tiêu chí, {documents} tài liệu kiểm chứng",
        "sc_max": "Tối đa",
        "sc_self": "Tự chấm",
        "sc_appraisal": "Thẩm định",
        "crit_written": "Đã ghi {path}: {areas} lĩnh vực, {criteria} tiêu chí và tiêu chí thành "
        "phần, {total} điểm",
        "imp_cell": "bảng {table}, dòng {row}, cột {col}",
        "crit_default_name": "Bộ tiêu chí xác định Chỉ số CCHC {level} (Quyết định số {number} "
        "của {issuer})",
        "imp_header": "# Nhập bằng cchc criteria từ {source}: lời văn là của văn bản (loi_van: "
        "chinh_thuc).",
        "imp_header_next": "# Mọi tiêu chí đang là tu_cham: ghi cach_cham và tu_dong cho những "
        "tiêu chí cchc tính được (xem README).",
    }
)
LABELS["en"].update(
    {
        "reports": "Periodic reports",
        "report": "Report",
        "report_due": "Due",
        "report_sent": "Sent",
        "report_channel": "Channel",
        "report_number": "No.",
        "sum_reports": "Reports due: {on_time}/{due} sent on time, {late} late, {overdue} not sent",
        "site_sent": "{name} (due {day}): sent on {sent}",
        "site_sent_late": "{name} (due {day}): sent late, on {sent}",
        "sc_title": "PAR index self-assessment {year} · {body}",
        "sc_set": "Criteria set: {name} ({decision})",
        "sc_decision": "decision {number} {when}, {issuer}",
        "sc_decision_date": "of {day}",
        "sc_decision_year": "of {year}",
        "sc_own_words": "This set is worded in cchc's own words, not the official wording: import "
        "the set from the decision's appendix (cchc criteria) before scoring for real.",
        "sc_total": "Self-score: {points}/{self_max} points (without the survey's {survey}; "
        "{total} in all)",
        "sc_total_no_survey": "Self-score: {points}/{self_max} points",
        "sc_appraised": "Appraised: {points} points ({count}/{leaves} criteria appraised)",
        "sc_unscored": "Not scored yet ({count}): {codes}",
        "sc_no_unscored": "Every criterion is scored.",
        "sc_unevidenced": "Scored without evidence ({count}): {codes}",
        "sc_no_unevidenced": "Every point has its evidence.",
        "sc_problems": "{count} self-assessment entries do not fit the set (see the errors above)",
        "sc_area": "{code}. {title}: {points}/{max} points",
        "sc_auto": "computed ({rule}): {explanation}",
        "sc_override": "the officer's {points} instead of cchc's {computed} ({rule}: "
        "{explanation})",
        "sc_manual": "scored by the officer",
        "sc_survey": "sociological survey: scored by the appraisers",
        "sc_not_scored": "not scored",
        "sc_cannot": "cannot be computed yet ({rule}): {why}",
        "sc_records": "records",
        "sc_more_records": "and {count} more records",
        "sc_more_documents": "and {count} more documents (see --format json or -o)",
        "sc_note": "explanation",
        "sc_evidence": "evidence",
        "sc_needs_evidence": "needs: {what}",
        "sc_round": "appraisal round {round}{day}: {points}",
        "sc_round_said": "remark: {text}",
        "sc_round_reply": "explanation sent back: {text}",
        "sc_written": "Wrote {path}: {criteria} criteria, {documents} documents of evidence",
        "sc_max": "Max",
        "sc_self": "Self",
        "sc_appraisal": "Appraised",
        "crit_written": "Wrote {path}: {areas} areas, {criteria} criteria and components, "
        "{total} points",
        "imp_cell": "table {table}, row {row}, column {col}",
        "crit_default_name": "PAR index criteria, {level} (decision {number}, {issuer})",
        "imp_header": "# Imported by cchc criteria from {source}: the wording is the document's "
        "(loi_van: chinh_thuc).",
        "imp_header_next": "# Every criterion is tu_cham: give cach_cham and tu_dong to those "
        "cchc can compute (see README).",
    }
)

# What a rule computed, in words: its cases, its explanation from its numbers, and why it
# could not be computed.
SCORE_CASES: dict[str, dict[str, str]] = {
    "vi": {
        "dung_han": "ban hành đúng hạn",
        "tre_han": "ban hành muộn",
        "chua_ban_hanh": "chưa ban hành",
        "du_dung_han": "gửi đủ, đúng hạn",
        "gui_tre": "có báo cáo gửi muộn",
        "thieu": "có báo cáo chưa gửi",
    },
    "en": {
        "dung_han": "issued on time",
        "tre_han": "issued late",
        "chua_ban_hanh": "not issued",
        "du_dung_han": "all sent, on time",
        "gui_tre": "some sent late",
        "thieu": "some not sent",
    },
}
SCORE_EXPLAIN: dict[str, dict[str, str]] = {
    "vi": {
        "ke_hoach_ban_hanh_dung_han": "nhiệm vụ {task} hoàn thành {done_on}, hạn {due}: {case}",
        "ke_hoach_chua": "nhiệm vụ {task} chưa hoàn thành (hạn {due}): {case}",
        "ty_le_hoan_thanh_ke_hoach": "{done}/{dated} nhiệm vụ có thời hạn đã hoàn thành = {rate}",
        "ty_le_hoan_thanh_dung_han": "{done_on_time}/{dated} nhiệm vụ có thời hạn hoàn thành "
        "đúng hạn = {rate}",
        "bao_cao_dung_han": "{sent_on_time}/{due} báo cáo đến hạn đã gửi đúng hạn = {rate} ({late} "
        "gửi muộn, {overdue} chưa gửi): {case}",
        "ty_le_don_vi_kiem_tra": "{don_vi_duoc_kiem_tra}/{tong_so_don_vi} phòng, đơn vị được "
        "kiểm tra = {rate} (số liệu của báo cáo năm)",
        "tthc_dung_han": "({giai_quyet_truoc_han} trước hạn + {giai_quyet_dung_han} đúng hạn)/"
        "{resolved} hồ sơ đã giải quyết = {rate} (số liệu của báo cáo năm)",
        "tthc_truc_tuyen": "{tiep_nhan_truc_tuyen}/({tiep_nhan_truc_tuyen} trực tuyến + "
        "{tiep_nhan_truc_tiep} trực tiếp, bưu chính) hồ sơ tiếp nhận trực tuyến = {rate} (số liệu "
        "của báo cáo năm)",
        "so_hoa_ho_so": "chỉ số {target} đo ngày {measured_on}: {rate}",
        "so_hoa_ty_so": "chỉ số {target} đo ngày {measured_on}: {tu_so}/{mau_so} = {rate}",
    },
    "en": {
        "ke_hoach_ban_hanh_dung_han": "task {task} done {done_on}, due {due}: {case}",
        "ke_hoach_chua": "task {task} not done (due {due}): {case}",
        "ty_le_hoan_thanh_ke_hoach": "{done}/{dated} dated tasks done = {rate}",
        "ty_le_hoan_thanh_dung_han": "{done_on_time}/{dated} dated tasks done on time = {rate}",
        "bao_cao_dung_han": "{sent_on_time}/{due} reports due sent on time = {rate} ({late} "
        "late, {overdue} not sent): {case}",
        "ty_le_don_vi_kiem_tra": "{don_vi_duoc_kiem_tra}/{tong_so_don_vi} units inspected = "
        "{rate} (the year report's figures)",
        "tthc_dung_han": "({giai_quyet_truoc_han} early + {giai_quyet_dung_han} on time)/"
        "{resolved} cases resolved = {rate} (the year report's figures)",
        "tthc_truc_tuyen": "{tiep_nhan_truc_tuyen}/({tiep_nhan_truc_tuyen} online + "
        "{tiep_nhan_truc_tiep} in person or by post) cases received online = {rate} (the year "
        "report's figures)",
        "so_hoa_ho_so": "target {target} measured {measured_on}: {rate}",
        "so_hoa_ty_so": "target {target} measured {measured_on}: {tu_so}/{mau_so} = {rate}",
    },
}
SCORE_MISSING: dict[str, dict[str, str]] = {
    "vi": {
        "not-mapped": "kế hoạch chưa chỉ ra bản ghi cho quy tắc này ({needs})",
        "no-tasks": "kế hoạch không có nhiệm vụ có thời hạn",
        "no-report-due": "chưa có báo cáo nào đến hạn",
        "no-figures": "chưa có số liệu ({needs})",
        "no-value": "chưa có giá trị ({needs})",
    },
    "en": {
        "not-mapped": "the plan names no record for this rule ({needs})",
        "no-tasks": "the plan has no dated task",
        "no-report-due": "no report is due yet",
        "no-figures": "no figures yet ({needs})",
        "no-value": "no value yet ({needs})",
    },
}

# The self-assessment workbook (`cchc score -o tu-cham.xlsx`): the columns Sở Nội vụ
# collects, in Vietnamese whatever the language (it goes to Sở Nội vụ).
SCORE_SHEET = "Tự chấm điểm"
SCORE_SHEET_HEADERS = (
    "STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá",
    "Giải trình, cách tính", "Tài liệu kiểm chứng", "Điểm thẩm định", "Nhận xét thẩm định",
    "Giải trình lại",
)  # fmt: skip
SCORE_TOTAL = "Tổng số điểm"
SCORE_SURVEY = "điều tra xã hội học"
EVIDENCE_SHEET = "Tài liệu kiểm chứng"
EVIDENCE_HEADERS = (
    "STT", "Số, ký hiệu", "Ngày", "Tên, trích yếu tài liệu", "Tệp", "Liên kết", "Trang",
    "Tiêu chí",
)  # fmt: skip

PROBLEMS["vi"].update(
    {
        "sent-before-signed": "kỳ {period}: ngày gửi {sent} trước ngày ký {signed}",
        "evidence-empty": "tài liệu kiểm chứng cần ít nhất số, trich_yeu, tep hoặc lien_ket",
        "band-two-bounds": "một mức chỉ ghi tren hoặc tu, không ghi cả hai",
        "scoring-needs": "cách chấm {kind} cần {part}",
        "decision-undated": "quyết định cần ngay (ngày ban hành) hoặc nam",
        "duplicate-criterion": "mã tiêu chí {id!r} bị trùng",
        "points-sum": "{id}: điểm tối đa ghi {stated:g} nhưng cộng các phần được {parts:g}",
        "total-sum": "tong_diem ghi {stated:g} nhưng các lĩnh vực cộng được {parts:g}",
        "survey-sum": "diem_dieu_tra ghi {stated:g} nhưng các tiêu chí điều tra xã hội học cộng "
        "được {parts:g}",
        "scored-parent": "{id} có tiêu chí thành phần nên không ghi {key} (chấm từng thành phần)",
        "leaf-unscored": "{id} cần cach_cham (tiêu chí không có thành phần được chấm trực tiếp)",
        "points-over": "{id}: {points:g} điểm, nhiều hơn điểm tối đa {max:g}",
        "unknown-rule": "không có quy tắc chấm tự động {rule!r}{like}; các quy tắc: {rules}",
        "rule-not-here": "quy tắc {rule} không dùng được với cách chấm {kind}",
        "rule-no-value": "quy tắc {rule} không tính tỷ lệ nên không chấm theo {kind} được; nó "
        "cho các trường hợp: {cases}",
        "rule-cases": "quy tắc {rule} cho các trường hợp {cases}, nhưng truong_hop ghi {given}",
        "unknown-criterion": "không có tiêu chí {id!r} trong bộ tiêu chí {set}{like}",
        "duplicate-self-score": "tiêu chí {id} được tự chấm hai lần",
        "score-parent": "{id} có tiêu chí thành phần ({parts}): chấm từng thành phần",
        "survey-self-scored": "{id} chấm qua điều tra xã hội học: điểm tự chấm không được tính",
        "criteria-outside": "bộ tiêu chí {path!r} phải là một tệp trong kho {root}",
        "criteria-missing": "không có bộ tiêu chí {path!r} ({found})",
        "no-criteria": "{plan} chưa chỉ ra bộ tiêu chí chấm điểm: thêm cai_dat.cham_diem."
        "bo_tieu_chi, hoặc ghi --criteria TỆP",
        "criteria-invalid": "bộ tiêu chí {path} có lỗi (ở trên); sửa rồi chạy lại",
        "output-not-yaml": "tệp ra phải là .yaml, không phải {path}",
        "output-is-plan": "{path} là tệp kế hoạch hoặc tiến độ; cchc không ghi đè nó",
        "output-exists": "{path} đã có; thêm --force để ghi đè",
        "import-not-table": "{path}: không phải tệp .docx hay .xlsx",
        "import-no-table": "{path}: không tìm thấy bảng tiêu chí (một bảng có cột “Điểm tối đa”)",
        "import-points": "điểm tối đa {value!r} không phải một số",
        "import-orphan": "{ma} không có tiêu chí cấp trên trong bảng",
        "import-no-points": "{ma} thiếu điểm tối đa",
        "import-refused": "chưa ghi gì từ {path}: {count} lỗi ở trên",
        "import-check": "{problem}",
        "import-date-or-year": "ghi --date (ngày ban hành) hoặc --year (năm ban hành)",
    }
)
PROBLEMS["en"].update(
    {
        "sent-before-signed": "period {period}: sent on {sent}, before it was signed on {signed}",
        "evidence-empty": "evidence needs at least so, trich_yeu, tep or lien_ket",
        "band-two-bounds": "a band gives tren or tu, not both",
        "scoring-needs": "scoring by {kind} needs {part}",
        "decision-undated": "the decision needs ngay (its date) or nam",
        "duplicate-criterion": "duplicate criterion code {id!r}",
        "points-sum": "{id}: the maximum says {stated:g} but its parts add up to {parts:g}",
        "total-sum": "tong_diem says {stated:g} but the areas add up to {parts:g}",
        "survey-sum": "diem_dieu_tra says {stated:g} but the survey criteria add up to {parts:g}",
        "scored-parent": "{id} has components, so it has no {key} (its components are scored)",
        "leaf-unscored": "{id} needs cach_cham (a criterion without components is scored itself)",
        "points-over": "{id}: {points:g} points, more than its maximum {max:g}",
        "unknown-rule": "no automatic rule {rule!r}{like}; the rules: {rules}",
        "rule-not-here": "rule {rule} cannot score a criterion scored by {kind}",
        "rule-no-value": "rule {rule} gives no percentage, so it cannot score by {kind}; its "
        "cases: {cases}",
        "rule-cases": "rule {rule} gives the cases {cases}, but truong_hop names {given}",
        "unknown-criterion": "no criterion {id!r} in the set {set}{like}",
        "duplicate-self-score": "criterion {id} is scored twice",
        "score-parent": "{id} has components ({parts}): score each of them",
        "survey-self-scored": "{id} is scored by the survey: a self-score does not count",
        "criteria-outside": "the criteria set {path!r} must be a file inside the repository {root}",
        "criteria-missing": "no criteria set {path!r} ({found})",
        "no-criteria": "{plan} names no criteria set: add cai_dat.cham_diem.bo_tieu_chi, or give "
        "--criteria FILE",
        "criteria-invalid": "the criteria set {path} has errors (above); mend it and run again",
        "output-not-yaml": "the output must be a .yaml file, not {path}",
        "output-is-plan": "{path} is a plan or progress file; cchc does not overwrite it",
        "output-exists": "{path} exists; add --force to overwrite it",
        "import-not-table": "{path}: neither a .docx nor an .xlsx file",
        "import-no-table": "{path}: no table of criteria found (a table with a column “Điểm tối "
        "đa”)",
        "import-points": "the maximum {value!r} is not a number",
        "import-orphan": "{ma} has no parent criterion in the table",
        "import-no-points": "{ma} has no maximum",
        "import-refused": "nothing written from {path}: {count} error(s) above",
        "import-check": "{problem}",
        "import-date-or-year": "give --date (the day it was issued) or --year",
    }
)


REPORT_TITLES: dict[str, dict[int, str]] = {
    "vi": {
        1: "Báo cáo CCHC quý I năm {year}",
        2: "Báo cáo CCHC 6 tháng đầu năm {year}",
        3: "Báo cáo CCHC quý III năm {year}",
        4: "Báo cáo CCHC năm {year}",
    },
    "en": {
        1: "CCHC report, Q1 {year}",
        2: "CCHC report, first half of {year}",
        3: "CCHC report, Q3 {year}",
        4: "CCHC report, year {year}",
    },
}


LEVELS: dict[str, dict[str, str]] = {
    "vi": {"so": "cấp sở", "huyen": "cấp huyện", "xa": "cấp xã", "khac": "khác"},
    "en": {"so": "department level", "huyen": "district level", "xa": "commune level",
           "khac": "other"},
}  # fmt: skip


def level(code: str, lang: str | None = None) -> str:
    return _pick(LEVELS, lang).get(code, code)


def report_title(quarter: int, year: int, lang: str | None = None) -> str:
    """The title of one of the year's four reports: "Báo cáo CCHC quý I năm 2023"."""
    return _pick(REPORT_TITLES, lang)[quarter].format(year=year)


def channel(code: str, lang: str | None = None) -> str:
    """A channel a report was sent by, in words."""
    return _pick(CHANNELS, lang).get(code, code)


def report_status(row: Any, lang: str | None = None) -> str:
    """A report's status in words: an overdue report is one not sent."""
    return status("report_overdue" if row.status == "overdue" else row.status, lang)


def points(value: float | None, lang: str | None = None) -> str:
    """Points as people write them: up to two decimals, the decimal comma in Vietnamese."""
    return "—" if value is None else number(value, lang or _language, 2)


def score_case(code: str | None, lang: str | None = None) -> str:
    return _pick(SCORE_CASES, lang).get(code or "", code or "")


def score_explanation(found: Any, lang: str | None = None) -> str:
    """What a rule computed, from its numbers: "12/13 nhiệm vụ … = 92,3%"."""
    lang = lang or _language
    table = _pick(SCORE_EXPLAIN, lang)
    if found.missing is not None:
        why = _pick(SCORE_MISSING, lang)[found.missing].format(needs=found.needs or "")
        return why
    values = dict(found.numbers)
    fill: dict[str, Any] = {
        k: (day(v) if isinstance(v, date) else number(v, lang) if isinstance(v, float) else v)
        for k, v in values.items()
    }
    fill["rate"] = rate(found.value / 100, lang) if found.value is not None else "—"
    fill["case"] = score_case(found.case, lang)
    key = found.rule
    if key == "ke_hoach_ban_hanh_dung_han" and values.get("done_on") is None:
        key = "ke_hoach_chua"
    if key == "tthc_dung_han":
        fill["resolved"] = sum(
            values[k] for k in ("giai_quyet_truoc_han", "giai_quyet_dung_han", "giai_quyet_qua_han")
        )
    if key == "so_hoa_ho_so" and "tu_so" in values:
        key = "so_hoa_ty_so"
    try:
        return table[key].format(**fill)
    except (KeyError, IndexError, ValueError):  # pragma: no cover - every rule is worded
        return f"{found.rule}: {values}"


HELP.update(
    {
        "score": "Tự chấm điểm Chỉ số CCHC từ chính các bản ghi của kế hoạch, kèm tài liệu kiểm "
        "chứng; ghi bảng tự chấm (.xlsx) để gửi Sở Nội vụ.",
        "score.criteria": "Bộ tiêu chí (YAML) thay cho bộ kế hoạch chỉ ra ở cai_dat.cham_diem.",
        "score.as_of": "Chấm theo số liệu đến ngày này (YYYY-MM-DD; mặc định hôm nay, hoặc ngày "
        "cuối năm kế hoạch khi năm đã qua).",
        "score.fmt": "text (bảng) hoặc json.",
        "score.output": "Ghi bảng tự chấm và danh mục tài liệu kiểm chứng vào tệp .xlsx này.",
        "score.force": "Ghi đè tệp .xlsx đã có.",
        "score.width": "Độ rộng của bảng: 40 đến 400 cột.",
        "criteria": "Nhập bộ tiêu chí chấm điểm từ bảng phụ lục của quyết định (.docx hoặc "
        ".xlsx) thành tệp YAML, giữ nguyên lời văn.",
        "criteria.file": "Tệp phụ lục của quyết định (.docx hoặc .xlsx) có bảng tiêu chí.",
        "criteria.output": "Tệp YAML cần ghi, ví dụ tieu-chi/ha-tinh/so-2024.yaml.",
        "criteria.number": "Số, ký hiệu của quyết định, ví dụ 52/2019/QĐ-UBND.",
        "criteria.issued": "Ngày ban hành quyết định (YYYY-MM-DD).",
        "criteria.year": "Năm ban hành, khi không biết ngày.",
        "criteria.issuer": "Cơ quan ban hành, ví dụ 'UBND tỉnh Hà Tĩnh'.",
        "criteria.name": "Tên bộ tiêu chí (mặc định: theo cấp và quyết định).",
        "criteria.level": "Cấp áp dụng: so, huyen, xa hoặc khac.",
        "criteria.plan_year": "Năm đánh giá áp dụng bộ tiêu chí.",
        "criteria.force": "Ghi đè tệp YAML đã có.",
    }
)
SHORT_HELP["vi"].update(
    {
        "score": "Tự chấm điểm Chỉ số CCHC, kèm tài liệu kiểm chứng.",
        "criteria": "Nhập bộ tiêu chí chấm điểm từ phụ lục quyết định.",
    }
)
SHORT_HELP["en"].update(
    {
        "score": "The PAR index self-assessment, with its evidence.",
        "criteria": "Import a scoring set from a decision's appendix.",
    }
)


# --- #26, the signer's second reading: figures and the indicators they measure -----------
# (new strings of this change in one block; the entries above are left where they are)
PROBLEMS["vi"].update(
    {
        "computed-not-count": "chỉ số {id} tính bằng {formula}, là số lượng: ghi don_vi: so_luong",
        "computed-differs-so_sang_kien": "{id} ghi {value:g} ngày {date}, nhưng số liệu kỳ báo "
        "cáo {quarter} ghi {share:g} sáng kiến, giải pháp được công nhận (sang_kien); báo cáo "
        "kỳ đó dùng {share:g}",
        "carried-over-area": "kỳ báo cáo {quarter}, lĩnh vực {area}: {carried} hồ sơ từ kỳ "
        "trước chuyển qua, nhưng hết kỳ {previous} ({cutoff}) lĩnh vực này còn {pending} hồ sơ "
        "đang giải quyết (dòng {other_line})",
        "figure-sum-tong_so_don_vi": "kỳ báo cáo {quarter}: tong_so_don_vi ghi {value}, nhưng "
        "so_phong + so_don_vi_su_nghiep = {so_phong} + {so_don_vi_su_nghiep} = {sum} (dòng "
        "{other_line}); tỷ lệ phòng, đơn vị được kiểm tra tính trên tong_so_don_vi: ghi một "
        "số, hoặc bỏ tong_so_don_vi để cchc cộng hai số kia",
        "denominator-ho_so_tiep_nhan": "{id} ghi mẫu số {value:g} hồ sơ ngày {date}, nhưng số "
        "liệu kỳ báo cáo {quarter} ghi {total} hồ sơ tiếp nhận (dòng {other_line}); hai số "
        "là một, sửa một trong hai",
    }
)
PROBLEMS["en"].update(
    {
        "computed-not-count": "target {id} is computed by {formula}, a count: write don_vi: "
        "so_luong",
        "computed-differs-so_sang_kien": "{id} records {value:g} on {date}, but the figures of "
        "report {quarter} record {share:g} initiatives recognised (sang_kien); that report "
        "uses {share:g}",
        "carried-over-area": "report {quarter}, lĩnh vực {area}: {carried} cases carried over, "
        "but at the end of report {previous} ({cutoff}) {pending} cases of it were being "
        "resolved (line {other_line})",
        "figure-sum-tong_so_don_vi": "report {quarter}: tong_so_don_vi records {value}, but "
        "so_phong + so_don_vi_su_nghiep = {so_phong} + {so_don_vi_su_nghiep} = {sum} (line "
        "{other_line}); the share of units inspected is over tong_so_don_vi: record one "
        "number, or leave tong_so_don_vi out and cchc adds the other two",
        "denominator-ho_so_tiep_nhan": "{id} records a denominator of {value:g} cases on {date}, "
        "but the figures of report {quarter} record {total} cases received (line "
        "{other_line}); the two are one number, correct one of them",
    }
)
