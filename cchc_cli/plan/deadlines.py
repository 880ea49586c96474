"""Deadline phrases, CCHC reporting periods and Vietnamese working days.

This module is pure: it does no I/O, prints nothing and never reads the clock.
Callers pass the plan year and the reference date ("as of") explicitly.

Part one reads the "Thời gian hoàn thành" phrases of a plan's task table
("Trước ngày 15/01/2023", "Quý II, III/2023", "Thường xuyên", ...) into a
:class:`Deadline`. Part two computes the four yearly CCHC report slots
(Quý I, 6 tháng đầu năm, Quý III, Năm) with their data windows and submission
dates, counting working days with the Vietnamese public holidays of the
``holidays`` package plus caller-supplied overrides.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

__all__ = [
    "FORMS_UNDERSTOOD",
    "MAX_YEAR",
    "MIN_YEAR",
    "Deadline",
    "DeadlineError",
    "DeadlineKind",
    "HolidaySource",
    "Period",
    "Recurrence",
    "add_working_days",
    "holidays_from",
    "parse_deadline",
    "period_for",
    "public_holidays",
    "reporting_period",
]

DeadlineKind = Literal["by_date", "window", "continuous", "external", "recurring"]
Recurrence = Literal["monthly", "quarterly"]

MIN_YEAR = 1900
MAX_YEAR = 2100

# ---------------------------------------------------------------------------
# Part one: deadline phrases
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    """A parsed deadline phrase.

    ``start``/``due`` by kind:

    - ``by_date``: ``start`` is None, ``due`` is the last day on which completion is on time.
    - ``window``: ``start`` is the window's first day, ``due`` its last day.
    - ``continuous``, ``external``: both None.
    - ``recurring``: both None; ``recurrence`` says how often.
    """

    text: str
    kind: DeadlineKind
    start: date | None
    due: date | None
    recurrence: Recurrence | None = None


FORMS_UNDERSTOOD: tuple[str, ...] = (
    "Trước ngày 15/01/2023",
    "Trước 30/6/2023",
    "Trước ngày 30/6",
    "Trước tháng 6/2023",
    "15/3/2023",
    "Ngày 15/3/2023",
    "Ngày 15 tháng 3 năm 2023",
    "Chậm nhất ngày 20/12/2023",
    "Tháng 01/2023",
    "Tháng 01-02/2023",
    "Quý I/2023",
    "Quý 2/2023",
    "Quý II, III/2023",
    "6 tháng đầu năm 2023",
    "6 tháng cuối năm 2023",
    "Năm 2023",
    "Trong năm 2023",
    "Thường xuyên",
    "Thường xuyên, liên tục",
    "Hằng quý",
    "Hằng tháng",
    "Theo Kế hoạch ISO năm 2023",
)

_MAX_PHRASE_IN_MESSAGE = 80


class DeadlineError(ValueError):
    """A deadline phrase that cannot be read.

    It carries no words: `reason` names why (a sentence of `words.PROBLEMS`) and
    `args_` holds what fills it, the phrase (shortened) and the forms understood
    included; `str(error)` is the reason's name. ``col`` is the 0-based offset in the
    normalised phrase (NFC, whitespace collapsed) where reading failed, or 0 when
    unknown; ``phrase`` is that normalised phrase.
    """

    col: int

    def __init__(
        self, reason: str, args: dict[str, object] | None = None, col: int = 0, phrase: str = ""
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.args_ = args or {}
        self.col = col
        self.phrase = phrase

    def __reduce__(self) -> tuple[type[DeadlineError], tuple[object, ...]]:
        return (type(self), (self.reason, self.args_, self.col, self.phrase))


def _error(phrase: str, reason: str, col: int = 0, **details: object) -> DeadlineError:
    shown = phrase
    if len(shown) > _MAX_PHRASE_IN_MESSAGE:
        shown = shown[: _MAX_PHRASE_IN_MESSAGE - 1] + "…"
    args = {"phrase": shown, "reason": reason, "forms": FORMS_UNDERSTOOD, **details}
    return DeadlineError(reason, args, col=col, phrase=phrase)


def _normalise(text: str) -> str:
    """NFC, whitespace collapsed to single spaces, trailing ``.,;`` dropped."""
    collapsed = " ".join(unicodedata.normalize("NFC", text).split())
    return collapsed.rstrip(" .,;")


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Lower-case ``char`` and drop its diacritics, always returning exactly one character."""
    low = char.lower()
    if len(low) != 1:
        return char
    if low in "đð":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))
    return base if len(base) == 1 else low


def _fold(phrase: str) -> str:
    """Case- and diacritic-insensitive key of ``phrase``; same length, so offsets carry over."""
    return "".join(_fold_char(c) for c in phrase)


# Patterns run on the folded phrase: lower case, no diacritics, single spaces.
_SEP = r"(?: ?[,;&\-–—] ?| (?:va|den|toi) )"
_YEAR_TAIL = r"(?: ?/ ?(?P<y>[0-9]+)| nam (?P<y2>[0-9]+))?"
_MONTHS_RE = re.compile(rf"thang (?P<list>[0-9]+(?:{_SEP}[0-9]+)*){_YEAR_TAIL}")
_QUARTERS_RE = re.compile(rf"quy (?P<list>[0-9a-z]+(?:{_SEP}[0-9a-z]+)*){_YEAR_TAIL}")
_PART_RE = re.compile(r"(?P<n>[0-9]+) thang (?P<which>dau|cuoi) nam(?: (?P<y>[0-9]+))?")
_YEAR_RE = re.compile(r"(?:(?:trong|ca) )?nam(?: (?P<y>[0-9]+))?")
_DMY_RE = re.compile(
    r"(?:ngay )?(?P<d>[0-9]+) ?(?P<sep>[/.\-]) ?(?P<m>[0-9]+)(?: ?(?P=sep) ?(?P<y>[0-9]+))?"
)
_LONG_DATE_RE = re.compile(r"(?:ngay )?(?P<d>[0-9]+) thang (?P<m>[0-9]+)(?: nam (?P<y>[0-9]+))?")
_BEFORE_RE = re.compile(r"truoc ")
_ON_OR_BEFORE_RE = re.compile(
    r"(?:cham nhat(?: la)?|(?:den|toi)(?: het)?|trong) (?=(?:ngay )?[0-9])"
)
_CONTINUOUS_RE = re.compile(r"thuong xuyen(?:(?: ?[,;] ?| va | )lien tuc)?|lien tuc")
_RECURRING_RE = re.compile(r"(?:dinh ky )?hang (?P<unit>quy|thang)")
_EXTERNAL_RE = re.compile(r"theo \S")
_SEP_SPLIT_RE = re.compile(f"({_SEP})")
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_KEYWORDS = ("truoc ", "ngay ", "thang ", "quy ", "trong nam ", "nam ", "hang ", "thuong xuyen ")


def _num(digits: str) -> int:
    """An ASCII digit string as int; absurdly long numbers become a large out-of-range value."""
    stripped = digits.lstrip("0")
    if len(stripped) > 6:
        return 10**6
    return int(stripped or "0")


def _last_day(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


class _Reader:
    """Reads one normalised phrase; offsets in errors refer to ``phrase``."""

    def __init__(self, phrase: str, year: int) -> None:
        self.phrase = phrase
        self.key = _fold(phrase)
        self.year = year

    def fail(self, reason: str, col: int = 0, **details: object) -> DeadlineError:
        return _error(self.phrase, reason, col, **details)

    def token(self, start: int, end: int) -> str:
        return self.phrase[start:end]

    def year_of(self, m: re.Match[str], *names: str) -> int:
        for name in names:
            value = m.group(name)
            if value is not None:
                year = _num(value)
                if not MIN_YEAR <= year <= MAX_YEAR:
                    raise self.fail(
                        "dl-year-range",
                        m.start(name),
                        year=self.token(*m.span(name)),
                        first=MIN_YEAR,
                        last=MAX_YEAR,
                    )
                return year
        return self.year

    # -- whole phrase -------------------------------------------------------

    def read(self) -> Deadline:
        key = self.key
        text = self.phrase
        if _EXTERNAL_RE.match(key):
            return Deadline(text, "external", None, None)
        if _CONTINUOUS_RE.fullmatch(key):
            return Deadline(text, "continuous", None, None)
        m = _RECURRING_RE.fullmatch(key)
        if m:
            unit: Recurrence = "quarterly" if m.group("unit") == "quy" else "monthly"
            return Deadline(text, "recurring", None, None, recurrence=unit)
        m = _BEFORE_RE.match(key)
        if m:
            return self.read_before(m.end())
        m = _ON_OR_BEFORE_RE.match(key)
        pos = m.end() if m else 0
        day = self.date_at(pos)
        if day is not None:
            return Deadline(text, "by_date", None, day)
        if m:
            raise self.unrecognised(pos)
        window = self.window_at(0)
        if window is not None:
            return Deadline(text, "window", window[0], window[1])
        raise self.unrecognised(0)

    def read_before(self, pos: int) -> Deadline:
        day = self.date_at(pos)
        if day is None:
            window = self.window_at(pos)
            if window is None:
                raise self.unrecognised(pos)
            day = window[0]
        return Deadline(self.phrase, "by_date", None, day - timedelta(days=1))

    def unrecognised(self, pos: int) -> DeadlineError:
        rest = self.key[pos:]
        col = pos
        for keyword in _KEYWORDS:
            if rest.startswith(keyword) or rest == keyword.rstrip():
                col = min(pos + len(keyword), len(self.key))
                break
        return self.fail("dl-empty" if not self.key else "dl-form", col)

    # -- pieces ---------------------------------------------------------------

    def date_at(self, pos: int) -> date | None:
        """A day/month[/year] date filling the phrase from ``pos``, else None."""
        m = _DMY_RE.fullmatch(self.key, pos) or _LONG_DATE_RE.fullmatch(self.key, pos)
        if m is None:
            return None
        if m.group("y") is None and len(m.group("m").lstrip("0")) == 4:
            d_text = self.token(*m.span("d"))
            m_text = self.token(*m.span("m"))
            raise self.fail("dl-looks-like-month", m.start("d"), text=f"{d_text}/{m_text}")
        year = self.year_of(m, "y")
        month = _num(m.group("m"))
        if not 1 <= month <= 12:
            raise self.fail("dl-no-month", m.start("m"), month=self.token(*m.span("m")))
        day = _num(m.group("d"))
        if not 1 <= day <= _last_day(year, month).day:
            raise self.fail(
                "dl-no-day", m.start("d"), month=f"{month:02d}/{year}", day=self.token(*m.span("d"))
            )
        return date(year, month, day)

    def window_at(self, pos: int) -> tuple[date, date] | None:
        """A month, quarter, half-year or year window filling the phrase from ``pos``."""
        key = self.key
        m = _MONTHS_RE.fullmatch(key, pos)
        if m:
            year = self.year_of(m, "y", "y2")
            first, last = self.ordered_list(m, self.month_number, "month")
            return date(year, first, 1), _last_day(year, last)
        m = _QUARTERS_RE.fullmatch(key, pos)
        if m:
            year = self.year_of(m, "y", "y2")
            first, last = self.ordered_list(m, self.quarter_number, "quarter")
            return date(year, 3 * first - 2, 1), _last_day(year, 3 * last)
        m = _PART_RE.fullmatch(key, pos)
        if m:
            year = self.year_of(m, "y")
            months = _num(m.group("n"))
            if not 1 <= months <= 12:
                raise self.fail("dl-months", m.start("n"), months=self.token(*m.span("n")))
            if m.group("which") == "dau":
                return date(year, 1, 1), _last_day(year, months)
            return date(year, 13 - months, 1), date(year, 12, 31)
        m = _YEAR_RE.fullmatch(key, pos)
        if m:
            year = self.year_of(m, "y")
            return date(year, 1, 1), date(year, 12, 31)
        return None

    def ordered_list(
        self,
        m: re.Match[str],
        convert: Callable[[str, int, int], int],
        what: str,
    ) -> tuple[int, int]:
        """First and last number of a list such as "II, III" or "01-02"; must not go backwards."""
        offset = m.start("list")
        values: list[int] = []
        previous = ""
        for index, part in enumerate(_SEP_SPLIT_RE.split(m.group("list"))):
            if index % 2 == 0:  # even items are numbers, odd items the separators between them
                shown = self.token(offset, offset + len(part))
                value = convert(part, offset, offset + len(part))
                if values and value < values[-1]:
                    raise self.fail(f"dl-backwards-{what}", offset, item=shown, previous=previous)
                values.append(value)
                previous = shown
            offset += len(part)
        return values[0], values[-1]

    def month_number(self, part: str, start: int, end: int) -> int:
        month = _num(part)
        if not 1 <= month <= 12:
            raise self.fail("dl-no-month", start, month=self.token(start, end))
        return month

    def quarter_number(self, part: str, start: int, end: int) -> int:
        quarter = _ROMAN_QUARTERS.get(part)
        if quarter is None and part.isdigit():
            quarter = _num(part)
        if quarter is None or not 1 <= quarter <= 4:
            raise self.fail("dl-no-quarter", start, quarter=self.token(start, end))
        return quarter


def parse_deadline(text: str, year: int) -> Deadline:
    """Read a deadline phrase of a plan for ``year``.

    The phrase is NFC-normalised and whitespace-collapsed first; matching ignores case and
    diacritics ("Quy I/2023" reads like "Quý I/2023"). ``year`` fills in phrases that omit
    it ("Trước ngày 30/6", "Quý I"). "Trước X" means strictly before X, so ``due`` is the day
    before X. Anything starting with "Theo " is set by another document (kind ``external``).

    Raises :class:`DeadlineError` (never another exception) when the phrase cannot be read,
    names an impossible date, month or quarter, or a year outside 1900–2100.

    Pure, so remembered: the phrases of a plan repeat ("Thường xuyên", "Năm 2023"), and a
    province's plans more so.
    """
    if isinstance(text, str) and type(year) is int:
        return _parse_remembered(text, year)
    return _parse(text, year)


@functools.lru_cache(maxsize=8192)
def _parse_remembered(text: str, year: int) -> Deadline:
    return _parse(text, year)


def _parse(text: str, year: int) -> Deadline:
    if not isinstance(text, str):
        raise _error(str(text), "dl-not-text", kind=type(text).__name__)
    phrase = _normalise(text)
    if isinstance(year, bool) or not isinstance(year, int):
        raise _error(phrase, "dl-plan-year", year=repr(year))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _error(phrase, "dl-plan-year-range", year=year, first=MIN_YEAR, last=MAX_YEAR)
    deadline = _Reader(phrase, year).read()
    # Keep the caller's text exactly as given.
    return Deadline(text, deadline.kind, deadline.start, deadline.due, deadline.recurrence)


# ---------------------------------------------------------------------------
# Part two: reporting periods and working days
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """One of the four yearly CCHC report slots and its data window."""

    year: int
    quarter: int
    name_vi: str
    name_en: str
    start: date
    cutoff: date
    submit_by: date


# slot -> (name_vi, name_en, window start (month, day, year offset), cutoff (month, day))
_SLOTS: dict[int, tuple[str, str, tuple[int, int, int], tuple[int, int]]] = {
    1: ("Quý I", "Q1", (12, 15, -1), (3, 14)),
    2: ("6 tháng đầu năm", "first half", (12, 15, -1), (6, 14)),
    3: ("Quý III", "Q3", (6, 15, 0), (9, 14)),
    4: ("Năm", "year", (12, 15, -1), (12, 14)),
}


def _check_year(year: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year must be a whole number from {MIN_YEAR} to {MAX_YEAR}, got {year!r}")


def _slot_window(year: int, quarter: int) -> tuple[date, date]:
    _, _, (start_month, start_day, offset), (cut_month, cut_day) = _SLOTS[quarter]
    return date(year + offset, start_month, start_day), date(year, cut_month, cut_day)


def slot_window(year: int, quarter: int) -> tuple[date, date]:
    """The data window of report `quarter` (1..4) of `year`: its first day and its cut-off,
    without the working-day arithmetic of its submission date."""
    return _slot_window(year, quarter)


def _slot_for(as_of: date, year: int) -> int:
    for quarter in (1, 2, 3):
        if _slot_window(year, quarter)[1] >= as_of:
            return quarter
    return 4


def _as_date(d: date) -> date:
    return d.date() if isinstance(d, datetime) else d


def holidays_from_package(year: int) -> frozenset[date]:
    """Vietnam's public holidays of a year, from the `holidays` package (imported here:
    loading it is slow and most callers never need it)."""
    import holidays

    return frozenset(holidays.country_holidays("VN", years=year).keys())


HolidaySource = Callable[[int], frozenset[date]]

# Where a year's public holidays come from, for the block a command runs in (the files
# layer's cached copy, handed over by `words.calendar()`); None: the `holidays` package.
_holiday_source: ContextVar[HolidaySource | None] = ContextVar("cchc_holidays", default=None)


@contextmanager
def holidays_from(source: HolidaySource | None) -> Iterator[None]:
    """Count working days with `source`'s public holidays inside the block (None: the
    `holidays` package); the source before it is back on leaving."""
    token = _holiday_source.set(source)
    try:
        yield
    finally:
        _holiday_source.reset(token)


def public_holidays(year: int) -> frozenset[date]:
    """Vietnam's public holidays of `year`, from the source in use."""
    return _holidays_of(_holiday_source.get() or holidays_from_package, year)


@functools.lru_cache(maxsize=64)
def _holidays_of(source: HolidaySource, year: int) -> frozenset[date]:
    return source(year)


def _is_working(d: date, extra: frozenset[date], makeup: frozenset[date]) -> bool:
    if d in extra:
        return False
    if d in makeup:
        return True
    return d.weekday() < 5 and d not in public_holidays(d.year)


def add_working_days(
    d: date,
    n: int,
    *,
    extra_holidays: Iterable[date] = (),
    makeup_workdays: Iterable[date] = (),
) -> date:
    """The ``n``-th working day after ``d`` (before it when ``n`` is negative).

    ``d`` itself is never counted; ``n == 0`` returns ``d`` unchanged even on a day off.
    """
    extra = frozenset(_as_date(x) for x in extra_holidays)
    makeup = frozenset(_as_date(x) for x in makeup_workdays)
    step = timedelta(days=1 if n >= 0 else -1)
    current = _as_date(d)
    remaining = abs(n)
    while remaining:
        current += step
        if _is_working(current, extra, makeup):
            remaining -= 1
    return current


def reporting_period(
    year: int,
    quarter: int,
    *,
    submit_working_days: int = 2,
    extra_holidays: Iterable[date] = (),
    makeup_workdays: Iterable[date] = (),
) -> Period:
    """Report slot ``quarter`` (1..4) of ``year``.

    Windows: 1 "Quý I" 15/12 of the previous year – 14/03; 2 "6 tháng đầu năm" 15/12 – 14/06;
    3 "Quý III" 15/06 – 14/09; 4 "Năm" 15/12 – 14/12. ``submit_by`` is the cutoff plus
    ``submit_working_days`` working days (see :func:`add_working_days`).
    """
    if isinstance(quarter, bool) or not isinstance(quarter, int) or quarter not in _SLOTS:
        raise ValueError(
            "quarter must be 1 (Quý I), 2 (6 tháng đầu năm), 3 (Quý III) or 4 (Năm), "
            f"got {quarter!r}"
        )
    _check_year(year)
    if submit_working_days < 0:
        raise ValueError(f"submit_working_days must not be negative, got {submit_working_days}")
    name_vi, name_en, _, _ = _SLOTS[quarter]
    start, cutoff = _slot_window(year, quarter)
    submit_by = add_working_days(
        cutoff,
        submit_working_days,
        extra_holidays=extra_holidays,
        makeup_workdays=makeup_workdays,
    )
    return Period(year, quarter, name_vi, name_en, start, cutoff, submit_by)


def period_for(
    as_of: date,
    year: int,
    *,
    submit_working_days: int = 2,
    extra_holidays: Iterable[date] = (),
    makeup_workdays: Iterable[date] = (),
) -> Period:
    """The report slot of plan ``year`` that is current or next at ``as_of``.

    That is the first slot whose cutoff is on or after ``as_of``: slot 1 before the year's
    window opens, slot 4 after the year's last cutoff (14/12).
    """
    _check_year(year)
    return reporting_period(
        year,
        _slot_for(_as_date(as_of), year),
        submit_working_days=submit_working_days,
        extra_holidays=extra_holidays,
        makeup_workdays=makeup_workdays,
    )
