"""What `cchc validate` says of a plan or a progress file: the checks of the domain, the
schema's rules, deadline phrases, and what the reader finds in the YAML itself (libyaml's
own sentences put in Vietnamese)."""

from __future__ import annotations

# Merged into `problems.PROBLEMS`, where `problem()` fills them in.
CHECK_PROBLEMS: dict[str, dict[str, str]] = {
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
        "'han: YYYY-MM-DD' (đến khi đó hạn được tính là ngày 31/12/{year})",
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
        "recorded-twice-a-day": "{id} có hai bản ghi ngày {date}: bản ghi này và bản ghi ở dòng "
        "{other_line}; trong hai bản ghi này, mọi báo cáo dùng bản ghi ở dòng {other_line}. Hãy xoá "
        "một bản ghi",
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
        "alias-too-much": "các bí danh (*tên) trong tệp lặp lại hơn {limit:,} ký tự; hãy viết "
        "thẳng nội dung thay cho bí danh",
        "too-many-values": "tệp có hơn {limit:,} giá trị; một kế hoạch hay tệp tiến độ không "
        "lớn như vậy",
        "too-many-items": "danh sách hoặc bảng này có hơn {limit:,} mục",
        # figures and the indicators they measure (#26)
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
        "recorded-twice-a-day": "{id} has two records dated {date}: this one and the one on "
        "line {other_line}; of the two, every report uses the one on line {other_line}. Remove one "
        "of them",
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
        "alias-too-much": "the aliases (*name) in this file repeat more than {limit:,} "
        "characters; write the text out instead",
        "too-many-values": "the file holds more than {limit:,} values; no plan or progress "
        "file is that large",
        "too-many-items": "this list or mapping holds more than {limit:,} items",
        # figures and the indicators they measure (#26)
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
    },
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
