"""How the CCHC report says things: its text made fit for a signed document, its dates and
counts in the Vietnamese way, the names of its periods, a task's state and a target's
verdict in its sentences, and a target named by its subject in the plan's words.

Pure: no I/O. `views.report` and its parts (`report_lines`, `report_annex`) say a
period's numbers with these.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cchc_cli import words
from cchc_cli.errors import UsageError

if TYPE_CHECKING:
    from cchc_cli.plan.model import Plan

QUARTERS = (1, 2, 3, 4)

# How each report names its period: in the title, in running text, in file names.
TITLES = {1: "quý I năm {y}", 2: "quý II và 6 tháng đầu năm {y}", 3: "quý III năm {y}",
          4: "năm {y}"}  # fmt: skip
SHORT_NAMES = {1: "quý I/{y}", 2: "6 tháng đầu năm {y}", 3: "quý III/{y}", 4: "năm {y}"}
SLUGS = {1: "quy-1", 2: "6-thang", 3: "quy-3", 4: "nam"}
# Each report's window at the head of a sentence that counts within it alone.
IN_WINDOW = {1: "Trong quý I", 2: "Trong 6 tháng đầu năm", 3: "Trong quý III", 4: "Trong năm"}
# What comes after each report, named for its section IV (the dates are `plan.period`'s).
NEXT_NAMES = {1: "quý II năm {y}", 2: "6 tháng cuối năm {y}", 3: "quý IV năm {y}", 4: "năm {y1}"}

# A task's state as the report's sentences say it (lower case, after a colon), the same
# words in the tally, section IV and the annex: "quá hạn" never stands alone.
STATES = {
    "done_on_time": "hoàn thành đúng hạn",
    "done_early": "hoàn thành trước hạn",  # completed, its deadline still to come
    "done_late": "hoàn thành quá hạn",
    "overdue": "quá hạn, chưa hoàn thành",
    "not_done": "chưa hoàn thành",
    "in_progress": "đang triển khai",
    "not_started": "chưa đến hạn",
    "due_soon": "sắp đến hạn",
    "dropped": "không thực hiện",
    "reported": "đã triển khai trong kỳ",
    "missing_report": "chưa có kết quả trong kỳ",
}
# A target's verdict in a sentence.
VERDICTS = {
    "met": "đạt",
    "missed": "không đạt",
    "at_risk": "có nguy cơ không đạt",
    "on_track": "đúng tiến độ",
    "not_due": "chưa đến kỳ đánh giá",
}
VERDICT_ORDER = ("met", "on_track", "not_due", "at_risk", "missed")
# A target met before the year's end is met so far: its year may still undo it.
VERDICTS_SO_FAR = {"met": "đã đạt mục tiêu cả năm"}
# How a computed target's share was counted, said beside its value: what the figures give
# ({span}: over which days, when the report's own window is shorter than the year so far),
# which need not be what the target's words name (the plan's "hồ sơ TTHC thuộc danh mục DVC
# trực tuyến toàn trình" is not counted apart; the share is over every case received).
COMPUTED_AS = {
    "ty_le_kiem_tra": "{part}/{whole} phòng, đơn vị được kiểm tra",
    "ty_le_ho_so_truc_tuyen": "tỷ lệ hồ sơ tiếp nhận trực tuyến trên tổng số hồ sơ tiếp nhận "
    "mới của các TTHC{span}: {part}/{whole}",
}
# Section III's second heading, by what it holds: (shortcomings, causes) written or not.
TON_TAI_TITLES = {
    (True, True): "Tồn tại, hạn chế và nguyên nhân",
    (True, False): "Tồn tại, hạn chế",
    (False, True): "Nguyên nhân của tồn tại, hạn chế",
    (False, False): "Tồn tại, hạn chế",
}
# Fixed phrases a heading never breaks inside (their spaces become no-break spaces).
BOUND_PHRASES = (
    "CẢI CÁCH HÀNH CHÍNH",
    "Cải cách hành chính",
    "cải cách hành chính",
    "THỦ TỤC HÀNH CHÍNH",
    "Chỉ số hài lòng (SIPAS)",
    "Chỉ số CCHC",
)
# Words that begin a proper name: a text that starts with one keeps its capital in the
# middle of a sentence ("Sở Tài chính", "UBND tỉnh").
_NAMES = ("Sở ", "Bộ ", "Ủy ban", "Thủ tướng", "Chính phủ", "Nhà nước", "Trung ương",
          "Quốc hội", "Hội đồng", "Văn phòng", "Ban Chỉ đạo", "Trung tâm", "Thanh tra",
          "Cổng ", "Kế hoạch số", "Quyết định số", "Nghị định", "Thông tư")  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NUMBER = re.compile(r"^\d{1,6}[A-Za-z]?$")
NBSP = "\u00a0"


# --- text for a document -----------------------------------------------------------------


def clean(text: str | None) -> str:
    """Text fit for a document: no control characters (XML cannot hold them), tabs kept."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def trim(text: str | None) -> str:
    """Text to be followed by more words: no trailing full stop, semicolon or colon."""
    return clean(text).rstrip(" .;:,")


def one_line(text: str | None) -> str:
    return " ".join(clean(text).split())


def inline(text: str | None) -> str:
    """A cell's lines as one phrase for running text: "- a.\n- b." → "a; b"."""
    items = []
    for line in clean(text).split("\n"):
        item = trim(one_line(line).removeprefix("- ").removeprefix("+ "))
        if item:
            items.append(item)
    return "; ".join(items)


def keep_last_words(text: str) -> str:
    """A heading whose last two words never part at a line's end, nor the words of a fixed
    phrase (`BOUND_PHRASES`: "CẢI CÁCH HÀNH CHÍNH", "Chỉ số hài lòng (SIPAS)"): the spaces
    between them are no-break spaces."""
    text = bind_phrases(text)
    head, sep, last = text.rpartition(" ")
    if NBSP in last or not sep or not head.strip():  # it ends with a bound phrase
        return text
    return f"{head}{NBSP}{last}"


def bind_phrases(text: str) -> str:
    """The spaces inside each fixed phrase of `BOUND_PHRASES` made no-break spaces."""
    for phrase in BOUND_PHRASES:
        if phrase in text:
            text = text.replace(phrase, phrase.replace(" ", NBSP))
    return text


def keep_sign(text: str) -> str:
    """ "≥ 90%" never broken after its sign."""
    return re.sub(r"^([≥≤<>]) ", "\\1" + NBSP, text)


vn_date = words.decree_date
vn_long_date = words.decree_long_date


def vn_number(value: float, digits: int = 1) -> str:
    """87.5 → "87,5"; 80.0 → "80" (Vietnamese decimal comma)."""
    return words.number(value, "vi", digits)


def count(value: int) -> str:
    """1380 → "1.380" (Vietnamese thousands)."""
    return f"{value:,}".replace(",", ".")


def figure(value: int | None) -> str | None:
    """A figure for the template: "1.380"; "" for zero (said in words); None: not recorded."""
    if value is None:
        return None
    return count(value) if value else ""


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def mid_sentence(text: str) -> str:
    """A phrase of the plan's (a deadline, an objective, a note) as it reads after a colon
    inside a sentence: "Năm 2023" → "năm 2023", "Giảm tối thiểu …" → "giảm tối thiểu …";
    a proper name ("Sở Tài chính …") or an abbreviation ("UBND", "DVC") keeps its capital."""
    first = text.split(" ", 1)[0]
    if len(first) < 2 or not first[1:].islower() or text.startswith(_NAMES):
        return text
    return lower_first(text)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def org_name(upper: str) -> str:
    """Name in running text: "SỞ CÔNG THƯƠNG" → "Sở Công Thương"."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in upper.split())


# --- the report's number and names -----------------------------------------------------


def document_number(number: str | None, plan: Plan) -> str:
    """Số, ký hiệu: "05/BC-SCT" from --number 5 (or 05, or 05/BC-SCT); blank "      /BC-SCT" without one."""
    suffix = f"/BC-{plan.van_ban.ky_hieu_co_quan}"
    if number is None:
        return f"{' ' * 6}{suffix}"
    text = number.strip()
    if "/" in text:
        head, _, tail = text.partition("/")
        if _NUMBER.match(head) and tail and not _CONTROL.search(tail) and len(tail) <= 30:
            return f"{_pad(head)}/{tail}"
    elif _NUMBER.match(text):
        return f"{_pad(text)}{suffix}"
    raise UsageError("bad-number", number=number[:40], suffix=suffix)


def _pad(num: str) -> str:
    digits = num.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return num.zfill(len(num) - len(digits) + 2) if len(digits) < 2 else num


def default_output_name(year: int, quarter: int) -> str:
    """bao-cao-cchc-2023-6-thang.docx"""
    return f"bao-cao-cchc-{year}-{SLUGS[quarter]}.docx"


def report_name(year: int, quarter: int) -> str:
    """ "6 tháng đầu năm 2023", "quý I/2023": the report in running text."""
    return SHORT_NAMES[quarter].format(y=year)


def report_title(year: int, quarter: int) -> str:
    """ "quý II và 6 tháng đầu năm 2023": the report's period in its title."""
    return TITLES[quarter].format(y=year)


def next_name(year: int, quarter: int) -> str:
    """ "6 tháng cuối năm 2023": what comes after the report, for its section IV."""
    return NEXT_NAMES[quarter].format(y=year, y1=year + 1)
