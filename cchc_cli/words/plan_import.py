"""`cchc import-plan`: a draft plan's comments (what to fill in, what to check), the
command's own lines, and what it refuses in a Word document."""

from __future__ import annotations

from typing import Any

from cchc_cli.words.context import pick

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
    return pick(IMPORT_PLAN, None)[key].format(**args)


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


# Merged into `problems.PROBLEMS`, where `problem()` fills them in.
IMPORT_PLAN_PROBLEMS: dict[str, dict[str, str]] = {
    "vi": {
        # a plan's Word document (cchc import-plan)
        "not-a-docx": "{path}: không phải tệp Word .docx",
        "docx-old-format": "{path}: là tệp Word cũ (.doc) hoặc có mật khẩu; mở bằng Word, bỏ mật "
        "khẩu nếu có, rồi lưu thành .docx",
        "docx-too-large": "{path}: tệp Word lớn hơn {limit:,} byte; không đọc",
        "docx-too-many-parts": "{path}: tệp Word có {count:,} phần, nhiều hơn {limit:,}; không đọc",
        "docx-unpacked-too-large": "{path}: các phần của tệp Word, giải nén ra, lớn hơn {limit:,} "
        "byte; không đọc",
        "docx-part-too-large": "{path}: phần {part}, giải nén ra, lớn hơn {limit:,} byte hoặc nén "
        "quá chặt so với cỡ của nó; không đọc",
        "docx-too-many-blocks": "{path}: tệp Word có hơn {limit:,} đoạn văn và bảng; không đọc",
        "docx-too-many-rows": "{path}: các bảng của tệp Word có hơn {limit:,} hàng; không đọc",
        "docx-entities": "{path}: phần {part} khai báo DTD hoặc thực thể XML; không đọc",
        "docx-unreadable": "{path}: phần {part} hỏng, không đọc được ({why})",
        "xml-at": "XML sai ở dòng {line}, cột {col}",
        "xml-malformed": "XML sai cấu trúc",
        "docx-no-table": "{path}: không tìm thấy bảng phụ lục (bảng có các cột Mục tiêu, Nhiệm vụ, "
        "Chủ trì, Thời gian hoàn thành…)",
        "docx-no-year": "{path}: không đọc được năm của kế hoạch; hãy ghi --year NĂM",
        "import-plan-exists": "{path} đã có; cchc import-plan không ghi đè (thêm --force để thay)",
        "import-plan-output": "tệp kết quả phải là tệp kế hoạch .yaml, không phải {path}",
    },
    "en": {
        # a plan's Word document (cchc import-plan)
        "not-a-docx": "{path}: not a Word .docx document",
        "docx-old-format": "{path}: an old Word file (.doc) or a password-protected one; open it "
        "in Word, remove any password, and save it as .docx",
        "docx-too-large": "{path}: the Word file is over {limit:,} bytes; not read",
        "docx-too-many-parts": "{path}: the Word file has {count:,} parts, more than {limit:,}; "
        "not read",
        "docx-unpacked-too-large": "{path}: the Word file's parts, unpacked, are over {limit:,} "
        "bytes; not read",
        "docx-part-too-large": "{path}: the part {part}, unpacked, is over {limit:,} bytes or "
        "packed far tighter than its size allows; not read",
        "docx-too-many-blocks": "{path}: the Word file has more than {limit:,} paragraphs and "
        "tables; not read",
        "docx-too-many-rows": "{path}: the Word file's tables have more than {limit:,} rows; not read",
        "docx-entities": "{path}: the part {part} declares a DTD or XML entities; not read",
        "docx-unreadable": "{path}: the part {part} is broken and cannot be read ({why})",
        "xml-at": "malformed XML at line {line}, column {col}",
        "xml-malformed": "malformed XML",
        "docx-no-table": "{path}: no appendix table found (a table with the columns Mục tiêu, "
        "Nhiệm vụ, Chủ trì, Thời gian hoàn thành…)",
        "docx-no-year": "{path}: the plan's year cannot be read; give --year YEAR",
        "import-plan-exists": "{path} exists; cchc import-plan does not overwrite it (add --force "
        "to replace it)",
        "import-plan-output": "the output must be a .yaml plan file, not {path}",
    },
}
