"""The sheets units fill in (`cchc sheet`, `cchc import`, `cchc export`): their names,
headers, title block and instructions (Vietnamese only: they are part of the format, and a
returned sheet is read by them), and what `cchc import` says of a workbook and its cells,
in both languages."""

from __future__ import annotations

from cchc_cli.words.periods import PERIOD_FORMS

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
SHEET_PERIODS = PERIOD_FORMS["named"]
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


def sheet_period(quarter: int, year: int) -> str:
    """A report period as the title block says it: "6 tháng đầu năm 2023"."""
    return SHEET_PERIODS[quarter].format(y=year)


# Merged into `problems.PROBLEMS`, where `problem()` fills them in: the workbook, then its
# cells (#28), in the words of the person who filled it in.
SHEET_PROBLEMS: dict[str, dict[str, str]] = {
    "vi": {
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
        "figure-no-value": "--set {given!r}: thiếu số; ghi {key}=SỐ, ví dụ --set {key}=12",
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
        "cell-text-differs": "bản ghi ngày {date} của {id} đã ghi ở đây {said!r}; bảng ghi khác "
        "nên không ghi đè: hãy chép lại như đã ghi, hoặc đề nghị người giữ kế hoạch sửa bản ghi",
        "cell-unknown-id": "không có nhiệm vụ {id!r} trong kế hoạch{like}: đừng sửa ô Mã",
        "cell-count": "{value!r} không phải số đếm: {why}",
        "cell-stats-twice": "số liệu {given!r} đã có ở ô {other}; mỗi số liệu chỉ ghi một dòng",
        "cell-stats-code": "mã {given!r} không phải số liệu TTHC nào, nên số ở ô {cell} không "
        "được đọc; đừng sửa cột Mã (nếu cần, xin nơi gửi bảng một bảng mới)",
        # cells, prose and the sheet of the person who filled it in (#28)
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
        # workbooks
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
        "figure-no-value": "--set {given!r}: no number; write {key}=N, for example --set {key}=12",
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
        "cell-text-differs": "the record of {date} of {id} says {said!r} here; the sheet says "
        "otherwise, so it is not written over: copy what is recorded, or ask whoever keeps the "
        "plan to change the record",
        "cell-contradicts": "{id} already has a record of {date} ({said}); the sheet says "
        "otherwise, so it is not written over: check it, or give another date if things have "
        "changed",
        "cell-unknown-id": "no task {id!r} in the plan{like}: do not change the id cell",
        "cell-count": "{value!r} is not a count: {why}",
        "cell-stats-twice": "the figure {given!r} is given in {other} already; one row a figure",
        "cell-stats-code": "the code {given!r} is no TTHC figure, so the number in {cell} is not "
        "read; do not change the code column (if need be, ask whoever sent the sheet for a new one)",
        # cells, prose and the sheet of the person who filled it in (#28)
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
