"""What `cchc diff` says: the groups and fields of a plan's changes, each change in a line,
and what git and `--rev` refuse."""

from __future__ import annotations

from typing import Any

from cchc_cli.words.context import pick

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
    return pick(table, None).get(key, key)


def diff_says(key: str, **args: Any) -> str:
    return pick(DIFF, None)[key].format(**args)


# Merged into `problems.PROBLEMS`, where `problem()` fills them in.
DIFF_PROBLEMS: dict[str, dict[str, str]] = {
    "vi": {
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
    },
    "en": {
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
    },
}
