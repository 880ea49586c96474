"""The register of reports and `cchc score`: how a report was sent, what a scoring rule
computed, the self-assessment workbook's columns, and what a criteria set may get wrong."""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_cli.words.context import language, pick
from cchc_cli.words.formats import day, number, rate
from cchc_cli.words.statuses import status

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

# Merged into `labels.LABELS`: the register of reports in `cchc status`, then `cchc score`
# and `cchc criteria`.
SCORE_LABELS: dict[str, dict[str, str]] = {
    "vi": {
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
        # the decision is said beside the name wherever the set is named (sc_set)
        "crit_default_name": "Bộ tiêu chí xác định Chỉ số CCHC {level}",
        "imp_header": "# Nhập bằng cchc criteria từ {source}: lời văn là của văn bản (loi_van: "
        "chinh_thuc).",
        "imp_header_next": "# Mọi tiêu chí đang là tu_cham: ghi cach_cham và tu_dong cho những "
        "tiêu chí cchc tính được (xem README).",
    },
    "en": {
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
        "crit_default_name": "PAR index criteria, {level}",
        "imp_header": "# Imported by cchc criteria from {source}: the wording is the document's "
        "(loi_van: chinh_thuc).",
        "imp_header_next": "# Every criterion is tu_cham: give cach_cham and tu_dong to those "
        "cchc can compute (see README).",
    },
}

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
# The lines above the table: who scores itself, for which year, by which set, as of when.
SCORE_TITLE = "TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"
SCORE_BODY = "Cơ quan: {body}"
SCORE_SET = "Bộ tiêu chí: {name} (Quyết định số {number} {when} của {issuer})"
SCORE_AS_OF = "Số liệu tính đến ngày {day}"
SCORE_SURVEY = "điều tra xã hội học"
EVIDENCE_SHEET = "Tài liệu kiểm chứng"
EVIDENCE_HEADERS = (
    "STT", "Số, ký hiệu", "Ngày", "Tên, trích yếu tài liệu", "Tệp", "Liên kết", "Trang",
    "Tiêu chí",
)  # fmt: skip

# Merged into `problems.PROBLEMS`, where `problem()` fills them in.
SCORE_PROBLEMS: dict[str, dict[str, str]] = {
    "vi": {
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
        "criteria-unreadable": "không đọc được bộ tiêu chí {path!r}: {why}",
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
    },
    "en": {
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
        "criteria-unreadable": "the criteria set {path!r} cannot be read: {why}",
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
    },
}

LEVELS: dict[str, dict[str, str]] = {
    "vi": {"so": "cấp sở", "huyen": "cấp huyện", "xa": "cấp xã", "khac": "khác"},
    "en": {"so": "department level", "huyen": "district level", "xa": "commune level",
           "khac": "other"},
}  # fmt: skip


def level(code: str, lang: str | None = None) -> str:
    return pick(LEVELS, lang).get(code, code)


def channel(code: str, lang: str | None = None) -> str:
    """A channel a report was sent by, in words."""
    return pick(CHANNELS, lang).get(code, code)


def report_status(row: Any, lang: str | None = None) -> str:
    """A report's status in words: an overdue report is one not sent."""
    return status("report_overdue" if row.status == "overdue" else row.status, lang)


def score_case(code: str | None, lang: str | None = None) -> str:
    return pick(SCORE_CASES, lang).get(code or "", code or "")


def score_explanation(found: Any, lang: str | None = None) -> str:
    """What a rule computed, from its numbers: "12/13 nhiệm vụ … = 92,3%"."""
    lang = lang or language()
    table = pick(SCORE_EXPLAIN, lang)
    if found.missing is not None:
        why = pick(SCORE_MISSING, lang)[found.missing].format(needs=found.needs or "")
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
