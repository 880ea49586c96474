"""What cchc says of untrusted input (#27): links inside the repository, output folders,
workbooks and their hidden sheet, numbers as people type them, ids that name files."""

from __future__ import annotations

# Merged into `problems.PROBLEMS`, where `problem()` fills them in.
UNTRUSTED_PROBLEMS: dict[str, dict[str, str]] = {
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
        "workbook-part-twice": "{path}: có hai phần cùng tên {part}; bảng tính bị sửa ngoài "
        "Excel hoặc Calc: hãy mở và lưu lại, hoặc lập bảng tính mới",
        "workbook-part-encrypted": "{path}: phần {part} được mã hoá; hãy lưu lại bảng tính "
        "không mật khẩu",
        "workbook-compression": "{path}: phần {part} được nén bằng {method}, cchc không đọc "
        "được; hãy mở và lưu lại bảng tính bằng Excel hoặc LibreOffice",
        "zip-method": "phương thức số {n}",
        "workbook-corrupt": "{path}: phần {part} bị hỏng; hãy mở và lưu lại bảng tính",
        "workbook-sheet-twice": "{path}: bảng tính có hai trang cùng tên {sheet!r}; hãy giữ "
        "một trang",
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
        "number-form": "ghi số như 1234 hoặc 72,5",
        "number-grouping": "dấu chấm (hay khoảng trắng) chỉ tách từng nhóm ba chữ số, ví dụ "
        "1.234.567",
        "number-ambiguous": "không rõ là {thousands} hay {decimal}: dấu chấm tách hàng nghìn hay "
        "là dấu thập phân; ghi {thousands}, hoặc {decimal} nếu là số thập phân",
        "number-whole": "không phải số nguyên",
        "number-negative": "không được âm",
        "number-too-large": "quá lớn cho một số đếm",
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
        "workbook-part-twice": "{path}: two parts are named {part}; the workbook was changed "
        "outside Excel or Calc: open and save it again, or make a new one",
        "workbook-part-encrypted": "{path}: the part {part} is encrypted; save the workbook "
        "again without a password",
        "workbook-compression": "{path}: the part {part} is compressed with {method}, which "
        "cchc does not read; open the workbook and save it again in Excel or LibreOffice",
        "zip-method": "method {n}",
        "workbook-corrupt": "{path}: the part {part} is damaged; open the workbook and save it "
        "again",
        "workbook-sheet-twice": "{path}: the workbook has two sheets named {sheet!r}; keep one",
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
        "number-form": "write numbers as 1234 or 72,5",
        "number-grouping": "a dot (or a blank) separates thousands only in groups of three, as "
        "in 1.234.567",
        "number-ambiguous": "it could be {thousands} or {decimal}: a dot between thousands, or "
        "a decimal point; write {thousands}, or {decimal} for the decimal",
        "number-whole": "not a whole number",
        "number-negative": "a count is not negative",
        "number-too-large": "too large for a count",
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
