"""The short words and the lines of every view and command: the status tables' headers,
the one-screen summary, what `cchc record`, `fmt`, `site`, `sheet`, `import`, `new` and
`report` answer, and how cchc frames what it says on stderr (`cchc: lỗi: …`). The
register of reports and `cchc score` keep theirs in `score.py`."""

from __future__ import annotations

from typing import Any

from cchc_cli.words.context import merged, pick
from cchc_cli.words.score import SCORE_LABELS

_LABELS: dict[str, dict[str, str]] = {
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
        "rec_replaced": "Đã thay bản ghi cùng ngày (trong {path}):",
        "rec_prose": "phần viết",
        "rec_was": "trước:",
        "rec_now": "nay:  ",
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
        "rec_replaced": "Replaced the record of the same day (in {path}):",
        "rec_prose": "prose",
        "rec_was": "was:",
        "rec_now": "now:",
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
LABELS: dict[str, dict[str, str]] = merged(_LABELS, SCORE_LABELS)


def label(lang: str | None, key: str) -> str:
    return pick(LABELS, lang)[key]


def say(key: str, **args: Any) -> str:
    """A line of LABELS in the language in use, filled with `args`."""
    return label(None, key).format(**args)


def error(text: str) -> str:
    """`cchc: lỗi: …` — the one line of a failed command."""
    return say("error_line", text=text)


def note(text: str) -> str:
    return say("note_line", text=text)
