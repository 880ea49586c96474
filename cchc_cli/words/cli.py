"""The command line's words: what a command says when it refuses (ids and values typed,
options, files on disk), every command's help in Vietnamese, the values of options as
people type them, and Click's own words."""

from __future__ import annotations

# Merged into `problems.PROBLEMS`, where `problem()` fills them in.
CLI_PROBLEMS: dict[str, dict[str, str]] = {
    "vi": {
        # ids typed on the command line
        "id-is-objective": "{id} là mục tiêu, không phải nhiệm vụ; hãy dùng một nhiệm vụ của "
        "nó: {tasks}",
        "id-is-indicator": "{id} là chỉ tiêu; hãy dùng một chỉ số của nó: {targets}",
        "id-is-bare-indicator": "{id} là chỉ tiêu không có chỉ số đo được",
        "unknown-id-typed": "không có mã {id!r}{like} (cchc status liệt kê các mã)",
        # the command line
        "quarter-required": "cần --quarter: 1 (quý I), 2 (quý II và 6 tháng đầu năm), 3 (quý "
        "III) hoặc 4 (năm)",
        "quarter-bad": "--quarter: {value!r} không phải kỳ báo cáo; hãy ghi 1 (quý I), 2 (quý "
        "II và 6 tháng đầu năm), 3 (quý III) hoặc 4 (năm)",
        "state-bad": "--state: {value!r} không phải tình trạng; hãy ghi hoàn thành (done), đang "
        "thực hiện (in-progress), chưa thực hiện (not-started) hoặc không thực hiện (dropped)",
        "date-bad": "{option}: {value!r} không phải ngày; ghi DD/MM/YYYY hoặc YYYY-MM-DD, ví dụ "
        "14/06/2023",
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
        "progress-outside": "{path}: nằm ngoài kho của kế hoạch ({root}); tệp tiến độ phải ở "
        "trong kho",
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
        "lang-setting": "CCHC_LANG={value!r}: chỉ có thể là vi hoặc en",
        "docx-not-zip": "tệp không phải một gói .docx; hãy mở bằng Word và lưu thành .docx",
        "docx-part-missing": "thiếu một phần mà văn bản Word nào cũng có",
        "docx-part-broken": "một phần của tệp hỏng",
        "docx-unopened": "không mở được",
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
        # ids typed on the command line
        "id-is-objective": "{id} is an objective, not a task; record one of its tasks: {tasks}",
        "id-is-indicator": "{id} is an indicator; record one of its targets: {targets}",
        "id-is-bare-indicator": "{id} is an indicator with no measurable target to record",
        "unknown-id-typed": "unknown id {id!r}{like} (cchc status lists the ids)",
        # the command line
        "quarter-required": "--quarter is required: 1 (quý I), 2 (quý II và 6 tháng đầu năm), "
        "3 (quý III) or 4 (năm)",
        "quarter-bad": "--quarter: {value!r} is not a report; give 1 (quý I), 2 (quý II và 6 "
        "tháng đầu năm), 3 (quý III) or 4 (năm)",
        "state-bad": "--state: {value!r} is not a state; give done (hoàn thành), in-progress "
        "(đang thực hiện), not-started (chưa thực hiện) or dropped (không thực hiện)",
        "date-bad": "{option}: {value!r} is not a date; write DD/MM/YYYY or YYYY-MM-DD, e.g. "
        "14/06/2023",
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
        "progress-outside": "{path}: outside the plan's repository ({root}); a progress file "
        "stays in the repository",
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
        "lang-setting": "CCHC_LANG={value!r}: it can only be vi or en",
        "docx-not-zip": "the file is not a .docx package; open it in Word and save it as .docx",
        "docx-part-missing": "a part every Word document has is missing",
        "docx-part-broken": "a part of the file is broken",
        "docx-unopened": "it cannot be opened",
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
        "score": "Tự chấm điểm Chỉ số CCHC, kèm tài liệu kiểm chứng.",
        "criteria": "Nhập bộ tiêu chí chấm điểm từ phụ lục quyết định.",
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
        "score": "The PAR index self-assessment, with its evidence.",
        "criteria": "Import a scoring set from a decision's appendix.",
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


# The opening of a progress file that `cchc record` makes: the file is the body's, in its
# language, whatever language the command speaks.
PROGRESS_HEADER = (
    "# Tiến độ thực hiện Kế hoạch CCHC năm {year} ({plan}).\n"
    "# Ghi bằng `cchc record MÃ ...` (giữ nguyên chú thích và bố cục của tệp này) hoặc ghi\n"
    "# tay theo cùng mẫu; kiểm tra bằng `cchc validate`.\n"
)
