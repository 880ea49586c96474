"""Tests for cchc_cli.plan.deadlines: deadline phrases, reporting periods, working days."""

from __future__ import annotations

import importlib.util
import pickle
import subprocess
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_cli.plan.deadlines import (
    FORMS_UNDERSTOOD,
    Deadline,
    DeadlineError,
    Period,
    add_working_days,
    parse_deadline,
    period_for,
    reporting_period,
)

D = date

# ---------------------------------------------------------------------------
# Deadline phrases
# ---------------------------------------------------------------------------

BY_DATE = [
    ("Trước ngày 15/01/2023", D(2023, 1, 14)),
    ("Trước 30/6/2023", D(2023, 6, 29)),
    ("Trước ngày 30/6", D(2023, 6, 29)),
    ("Trước ngày 01/01/2023", D(2022, 12, 31)),
    ("Trước ngày 01/03/2024", D(2024, 2, 29)),
    ("Trước ngày 01/03/2023", D(2023, 2, 28)),
    ("Trước tháng 6/2023", D(2023, 5, 31)),
    ("Trước Quý III/2023", D(2023, 6, 30)),
    ("Trước ngày 15 tháng 3 năm 2023", D(2023, 3, 14)),
    ("15/3/2023", D(2023, 3, 15)),
    ("Ngày 15/3/2023", D(2023, 3, 15)),
    ("ngày 05/09/2023", D(2023, 9, 5)),
    ("Ngày 15/3", D(2023, 3, 15)),
    ("15.3.2023", D(2023, 3, 15)),
    ("15-3-2023", D(2023, 3, 15)),
    ("Ngày 15 tháng 3 năm 2023", D(2023, 3, 15)),
    ("29/02/2024", D(2024, 2, 29)),
    ("Chậm nhất ngày 20/12/2023", D(2023, 12, 20)),
    ("Chậm nhất là ngày 20/12/2023", D(2023, 12, 20)),
    ("Đến hết ngày 20/12/2023", D(2023, 12, 20)),
]


@pytest.mark.parametrize(("text", "due"), BY_DATE)
def test_by_date(text: str, due: date) -> None:
    assert parse_deadline(text, 2023) == Deadline(text, "by_date", None, due)


WINDOWS = [
    ("Tháng 01/2023", D(2023, 1, 1), D(2023, 1, 31)),
    ("Tháng 1/2023", D(2023, 1, 1), D(2023, 1, 31)),
    ("Tháng 02/2023", D(2023, 2, 1), D(2023, 2, 28)),
    ("Tháng 02/2024", D(2024, 2, 1), D(2024, 2, 29)),
    ("Tháng 12/2023", D(2023, 12, 1), D(2023, 12, 31)),
    ("Tháng 3 năm 2023", D(2023, 3, 1), D(2023, 3, 31)),
    ("Tháng 01-02/2023", D(2023, 1, 1), D(2023, 2, 28)),
    ("Tháng 01-02/2024", D(2024, 1, 1), D(2024, 2, 29)),
    ("Tháng 3-4/2023", D(2023, 3, 1), D(2023, 4, 30)),
    ("Tháng 3 - 4/2023", D(2023, 3, 1), D(2023, 4, 30)),
    ("Tháng 11–12/2023", D(2023, 11, 1), D(2023, 12, 31)),
    ("Tháng 5", D(2023, 5, 1), D(2023, 5, 31)),
    ("Quý I/2023", D(2023, 1, 1), D(2023, 3, 31)),
    ("Quý 1/2023", D(2023, 1, 1), D(2023, 3, 31)),
    ("Quý 2/2023", D(2023, 4, 1), D(2023, 6, 30)),
    ("Quý 02/2023", D(2023, 4, 1), D(2023, 6, 30)),
    ("Quý II/2023", D(2023, 4, 1), D(2023, 6, 30)),
    ("Quý III/2023", D(2023, 7, 1), D(2023, 9, 30)),
    ("Quý IV/2023", D(2023, 10, 1), D(2023, 12, 31)),
    ("Quý I năm 2024", D(2024, 1, 1), D(2024, 3, 31)),
    ("Quý IV", D(2023, 10, 1), D(2023, 12, 31)),
    ("Quý II, III/2023", D(2023, 4, 1), D(2023, 9, 30)),
    ("Quý II,III/2023", D(2023, 4, 1), D(2023, 9, 30)),
    ("Quý II-III/2023", D(2023, 4, 1), D(2023, 9, 30)),
    ("Quý II và III/2023", D(2023, 4, 1), D(2023, 9, 30)),
    ("Quý I, II, III/2023", D(2023, 1, 1), D(2023, 9, 30)),
    ("Quý 3-4/2023", D(2023, 7, 1), D(2023, 12, 31)),
    ("6 tháng đầu năm 2023", D(2023, 1, 1), D(2023, 6, 30)),
    ("6 tháng cuối năm 2023", D(2023, 7, 1), D(2023, 12, 31)),
    ("06 tháng đầu năm 2023", D(2023, 1, 1), D(2023, 6, 30)),
    ("9 tháng đầu năm 2023", D(2023, 1, 1), D(2023, 9, 30)),
    ("6 tháng đầu năm", D(2023, 1, 1), D(2023, 6, 30)),
    ("Năm 2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("Năm 2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("Trong năm 2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("Cả năm 2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("Trong năm", D(2023, 1, 1), D(2023, 12, 31)),
]


@pytest.mark.parametrize(("text", "start", "due"), WINDOWS)
def test_window(text: str, start: date, due: date) -> None:
    assert parse_deadline(text, 2023) == Deadline(text, "window", start, due)


@pytest.mark.parametrize(
    "text", ["Thường xuyên", "Thường xuyên, liên tục", "Thường xuyên và liên tục", "Liên tục"]
)
def test_continuous(text: str) -> None:
    assert parse_deadline(text, 2023) == Deadline(text, "continuous", None, None)


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("Hằng quý", "quarterly"),
        ("Hàng quý", "quarterly"),
        ("Hằng tháng", "monthly"),
        ("Hàng tháng", "monthly"),
        ("Định kỳ hằng quý", "quarterly"),
    ],
)
def test_recurring(text: str, recurrence: str) -> None:
    deadline = parse_deadline(text, 2023)
    assert deadline == Deadline(text, "recurring", None, None, recurrence=recurrence)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Theo Kế hoạch ISO năm 2023",
        "Theo kế hoạch của UBND tỉnh",
        "theo Quyết định số 123/QĐ-UBND",
        "THEO lộ trình của Bộ",
    ],
)
def test_external(text: str) -> None:
    assert parse_deadline(text, 2023) == Deadline(text, "external", None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # case-insensitive
        ("QUÝ IV/2023", (D(2023, 10, 1), D(2023, 12, 31))),
        ("quý ii, iii/2023", (D(2023, 4, 1), D(2023, 9, 30))),
        ("THÁNG 01-02/2023", (D(2023, 1, 1), D(2023, 2, 28))),
        # whitespace collapsed, spaces around separators tolerated
        ("  Quý   II ,  III / 2023  ", (D(2023, 4, 1), D(2023, 9, 30))),
        ("Tháng\t01/2023\n", (D(2023, 1, 1), D(2023, 1, 31))),
        # trailing punctuation from table cells
        ("Năm 2023.", (D(2023, 1, 1), D(2023, 12, 31))),
        # typed without diacritics
        ("Quy I/2023", (D(2023, 1, 1), D(2023, 3, 31))),
        ("6 thang dau nam 2023", (D(2023, 1, 1), D(2023, 6, 30))),
    ],
)
def test_normalisation(text: str, expected: tuple[date, date]) -> None:
    deadline = parse_deadline(text, 2023)
    assert deadline.kind == "window"
    assert (deadline.start, deadline.due) == expected
    assert deadline.text == text  # kept exactly as given


def test_decomposed_unicode_is_normalised() -> None:
    text = unicodedata.normalize("NFD", "Trước ngày 15/01/2023")
    assert text != "Trước ngày 15/01/2023"
    assert parse_deadline(text, 2023).due == D(2023, 1, 14)
    nfd_continuous = unicodedata.normalize("NFD", "Thường xuyên")
    assert parse_deadline(nfd_continuous, 2023).kind == "continuous"


def test_year_argument_fills_missing_year() -> None:
    assert parse_deadline("Trước ngày 30/6", 2024).due == D(2024, 6, 29)
    assert parse_deadline("Quý I", 2024).due == D(2024, 3, 31)
    # an explicit year in the phrase wins over the argument
    assert parse_deadline("Quý I/2022", 2024).due == D(2022, 3, 31)


ERRORS = [
    ("31/02/2023", 0),
    ("29/02/2023", 0),
    ("Ngày 32/01/2023", 5),
    ("Trước ngày 31/04/2023", 11),
    ("Quý V/2023", 4),
    ("Quý 0", 4),
    ("Quý 5/2023", 4),
    ("Quý 2023", 4),
    ("Quý II, V/2023", 8),
    ("Quý III, II/2023", 9),
    ("Tháng 13/2023", 6),
    ("Tháng 0/2023", 6),
    ("Tháng 03-02/2023", 9),
    ("Tháng 01/1899", 9),
    ("Năm 2101", 4),
    ("13 tháng đầu năm 2023", 0),
    ("3/2023", 0),
    ("", 0),
    ("   ", 0),
    ("abc", 0),
    ("Quý", 3),
    ("Trước ngày", 10),
    ("Trước ngày abc", 11),
    ("Hằng năm", 5),
    ("Theo", 0),
    ("2023", 0),
    ("15/3/23", 5),
]


def said(error: DeadlineError) -> str:
    """The sentence a user reads for a deadline error (the domain gives only its reason)."""
    from cchc_cli.words import problem

    return problem("deadline-unreadable", error.args_)


@pytest.mark.parametrize(("text", "col"), ERRORS)
def test_errors(text: str, col: int) -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline(text, 2023)
    error = caught.value
    message = said(error)
    assert f'"{" ".join(text.split())}"' in message
    for form in FORMS_UNDERSTOOD:
        assert form in message
    assert error.col == col
    assert isinstance(error, ValueError)


@pytest.mark.parametrize("year", [1899, 2101, 0, -5])
def test_plan_year_out_of_range(year: int) -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline("Năm 2023", year)
    assert "outside 1900–2100" in said(caught.value)


def test_year_bounds_are_inclusive() -> None:
    assert parse_deadline("Năm 1900", 1900).start == D(1900, 1, 1)
    assert parse_deadline("Năm 2100", 2100).due == D(2100, 12, 31)
    assert parse_deadline("Trước ngày 01/01/1900", 2023).due == D(1899, 12, 31)


def test_non_text_input_is_a_deadline_error() -> None:
    with pytest.raises(DeadlineError):
        parse_deadline(2023, 2023)  # type: ignore[arg-type]


def test_long_phrase_is_shortened_in_message() -> None:
    text = "x" * 500
    with pytest.raises(DeadlineError) as caught:
        parse_deadline(text, 2023)
    assert "x" * 79 + "…" in said(caught.value)
    assert caught.value.phrase == text


def test_huge_numbers_do_not_crash() -> None:
    with pytest.raises(DeadlineError):
        parse_deadline("Tháng " + "9" * 5000 + "/2023", 2023)
    with pytest.raises(DeadlineError):
        parse_deadline("Năm " + "1" * 5000, 2023)


def test_deadline_error_pickles() -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline("Quý V/2023", 2023)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert said(copy) == said(caught.value)
    assert copy.col == 4
    assert copy.reason == caught.value.reason


def test_every_form_understood_parses() -> None:
    for form in FORMS_UNDERSTOOD:
        assert isinstance(parse_deadline(form, 2023), Deadline)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_crashes_on_any_text(text: str) -> None:
    try:
        result = parse_deadline(text, 2023)
    except DeadlineError:
        return
    assert isinstance(result, Deadline)
    assert result.text == text


_FRAGMENTS = [
    "Trước",
    "ngày",
    "Tháng",
    "Quý",
    "năm",
    "Năm",
    "6 tháng đầu năm",
    "cuối",
    "Thường xuyên",
    "Hằng",
    "Theo",
    "I",
    "II",
    "IV",
    "V",
    "và",
    "đến",
    " ",
    "/",
    "-",
    ",",
    ".",
    "0",
    "1",
    "2",
    "3",
    "12",
    "13",
    "29",
    "31",
    "2023",
    "2024",
    "1899",
    "99999999",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=8).map("".join))
def test_never_crashes_on_phrase_like_text(text: str) -> None:
    try:
        result = parse_deadline(text, 2023)
    except DeadlineError as error:
        assert 0 <= error.col <= len(error.phrase)
        return
    if result.kind == "window":
        assert result.start is not None
        assert result.due is not None
        assert result.start <= result.due
    elif result.kind == "by_date":
        assert result.start is None
        assert result.due is not None
    else:
        assert result.due is None


# ---------------------------------------------------------------------------
# Reporting periods
# ---------------------------------------------------------------------------

PERIODS_2023 = [
    (1, "Quý I", "Q1", D(2022, 12, 15), D(2023, 3, 14), D(2023, 3, 16)),
    (2, "6 tháng đầu năm", "first half", D(2022, 12, 15), D(2023, 6, 14), D(2023, 6, 16)),
    (3, "Quý III", "Q3", D(2023, 6, 15), D(2023, 9, 14), D(2023, 9, 18)),
    (4, "Năm", "year", D(2022, 12, 15), D(2023, 12, 14), D(2023, 12, 18)),
]


@pytest.mark.parametrize(
    ("quarter", "name_vi", "name_en", "start", "cutoff", "submit_by"), PERIODS_2023
)
def test_reporting_periods_2023(
    quarter: int, name_vi: str, name_en: str, start: date, cutoff: date, submit_by: date
) -> None:
    assert reporting_period(2023, quarter) == Period(
        2023, quarter, name_vi, name_en, start, cutoff, submit_by
    )


def test_q2_cutoff_wednesday_submits_friday() -> None:
    period = reporting_period(2023, 2)
    assert period.cutoff.weekday() == 2  # Wednesday 14/06/2023
    assert period.submit_by == D(2023, 6, 16)
    assert period.submit_by.weekday() == 4  # Friday


def test_q3_cutoff_thursday_skips_weekend() -> None:
    period = reporting_period(2023, 3)
    assert period.cutoff.weekday() == 3  # Thursday 14/09/2023
    assert period.submit_by == D(2023, 9, 18)  # Friday 15/09 then Monday 18/09


@pytest.mark.parametrize(
    ("kwargs", "submit_by"),
    [
        ({"submit_working_days": 0}, D(2023, 9, 14)),
        ({"submit_working_days": 1}, D(2023, 9, 15)),
        ({"submit_working_days": 5}, D(2023, 9, 21)),
        ({"makeup_workdays": (D(2023, 9, 16),)}, D(2023, 9, 16)),
        ({"extra_holidays": (D(2023, 9, 15),)}, D(2023, 9, 19)),
        ({"extra_holidays": [D(2023, 9, 18)]}, D(2023, 9, 19)),
    ],
)
def test_submit_by_options(kwargs: dict[str, object], submit_by: date) -> None:
    assert reporting_period(2023, 3, **kwargs).submit_by == submit_by  # type: ignore[arg-type]


def test_extra_holiday_moves_q2_submission() -> None:
    period = reporting_period(2023, 2, extra_holidays=(D(2023, 6, 15),))
    assert period.submit_by == D(2023, 6, 19)


@pytest.mark.parametrize("quarter", [0, 5, -1, 100])
def test_reporting_period_bad_quarter(quarter: int) -> None:
    with pytest.raises(ValueError, match="quarter must be 1"):
        reporting_period(2023, quarter)


@pytest.mark.parametrize("year", [1899, 2101])
def test_reporting_period_bad_year(year: int) -> None:
    with pytest.raises(ValueError, match="year must be"):
        reporting_period(year, 1)


def test_reporting_period_negative_working_days() -> None:
    with pytest.raises(ValueError, match="submit_working_days"):
        reporting_period(2023, 1, submit_working_days=-1)


def test_reporting_period_over_new_year() -> None:
    # 2022 "Năm" report: cutoff Wednesday 14/12/2022
    assert reporting_period(2022, 4).submit_by == D(2022, 12, 16)
    # twelve working days from 14/12/2023 cross into 2024 (01/01/2024 is a holiday)
    assert reporting_period(2023, 4, submit_working_days=12).submit_by == D(2024, 1, 2)


SLOTS = [
    (D(2022, 6, 1), 1),
    (D(2022, 12, 15), 1),
    (D(2023, 1, 1), 1),
    (D(2023, 3, 14), 1),
    (D(2023, 3, 15), 2),
    (D(2023, 6, 14), 2),
    (D(2023, 6, 15), 3),
    (D(2023, 9, 14), 3),
    (D(2023, 9, 15), 4),
    (D(2023, 12, 14), 4),
    (D(2023, 12, 15), 4),
    (D(2023, 12, 31), 4),
    (D(2025, 5, 1), 4),
]


@pytest.mark.parametrize(("as_of", "quarter"), SLOTS)
def test_period_for(as_of: date, quarter: int) -> None:
    period = period_for(as_of, 2023)
    assert period == reporting_period(2023, quarter)


def test_period_for_passes_options() -> None:
    period = period_for(
        D(2023, 8, 1), 2023, submit_working_days=1, extra_holidays=(D(2023, 9, 15),)
    )
    assert period.quarter == 3
    assert period.submit_by == D(2023, 9, 18)


def test_continuous_tasks_report_in_the_window_of_the_current_period() -> None:
    for as_of, window in (
        (D(2023, 7, 1), (D(2023, 6, 15), D(2023, 9, 14))),
        (D(2023, 2, 1), (D(2022, 12, 15), D(2023, 3, 14))),
    ):
        period = period_for(as_of, 2023)
        assert (period.start, period.cutoff) == window


# ---------------------------------------------------------------------------
# Working days
# ---------------------------------------------------------------------------


def is_working_day(day: date, **kwargs: Any) -> bool:
    """A day is a working day when it is the first working day after the day before."""
    return add_working_days(day - timedelta(days=1), 1, **kwargs) == day


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2023, 9, 1), False),  # Friday, Quốc khánh (adjacent day)
        (D(2023, 9, 2), False),  # Saturday, Quốc khánh
        (D(2023, 9, 4), False),  # Monday, Quốc khánh moved from Saturday
        (D(2023, 9, 5), True),
        (D(2023, 1, 2), False),  # Tết Dương lịch moved from Sunday
        (D(2023, 1, 20), False),  # Tết Nguyên đán (29 Tết)
        (D(2023, 1, 26), False),  # Tết Nguyên đán (mùng 5)
        (D(2023, 1, 27), True),
        (D(2023, 5, 2), False),  # Giỗ Tổ Hùng Vương moved from Saturday 29/4
        (D(2023, 5, 3), False),  # 30/4 moved from Sunday
        (D(2023, 5, 4), True),
        (D(2023, 6, 17), False),  # ordinary Saturday
        (D(2023, 6, 16), True),  # ordinary Friday
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_makeup_and_extra_days() -> None:
    saturday = D(2024, 5, 4)  # make-up working Saturday for the 29/04/2024 day off
    assert not is_working_day(saturday)
    assert is_working_day(saturday, makeup_workdays=(saturday,))
    assert not is_working_day(D(2023, 6, 16), extra_holidays=(D(2023, 6, 16),))
    # an explicit day off wins over an explicit make-up day
    assert not is_working_day(saturday, makeup_workdays=[saturday], extra_holidays=[saturday])
    # a make-up day may also correct the holiday data
    assert is_working_day(D(2023, 9, 4), makeup_workdays=(D(2023, 9, 4),))


@pytest.mark.parametrize(
    ("start", "n", "kwargs", "expected"),
    [
        (D(2023, 8, 31), 1, {}, D(2023, 9, 5)),  # over Quốc khánh 1/9–4/9
        (D(2023, 8, 31), 2, {}, D(2023, 9, 6)),
        (D(2023, 1, 19), 1, {}, D(2023, 1, 27)),  # over Tết 20/1–26/1
        (D(2022, 12, 30), 1, {}, D(2023, 1, 3)),  # over the year end and 02/01/2023
        (D(2024, 5, 3), 1, {}, D(2024, 5, 6)),
        (D(2024, 5, 3), 1, {"makeup_workdays": (D(2024, 5, 4),)}, D(2024, 5, 4)),
        (D(2023, 6, 14), 2, {"extra_holidays": (D(2023, 6, 16),)}, D(2023, 6, 19)),
        (D(2023, 6, 17), 0, {}, D(2023, 6, 17)),  # n == 0 keeps the day, even a Saturday
        (D(2023, 9, 5), -1, {}, D(2023, 8, 31)),  # backwards over the holiday
        (D(2023, 6, 19), -1, {}, D(2023, 6, 16)),
    ],
)
def test_add_working_days(start: date, n: int, kwargs: dict[str, object], expected: date) -> None:
    assert add_working_days(start, n, **kwargs) == expected  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Module hygiene
# ---------------------------------------------------------------------------


def test_import_does_not_load_holidays() -> None:
    path = Path(__file__).resolve().parent.parent / "cchc_cli" / "plan" / "deadlines.py"
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('deadlines_alone', {str(path)!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "sys.modules['deadlines_alone'] = module\n"
        "spec.loader.exec_module(module)\n"
        "assert 'holidays' not in sys.modules, 'holidays imported eagerly'\n"
        "module.parse_deadline('Quý I/2023', 2023)\n"
        "assert 'holidays' not in sys.modules, 'holidays imported by parsing'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_module_imports_nothing_else_from_the_package() -> None:
    path = Path(__file__).resolve().parent.parent / "cchc_cli" / "plan" / "deadlines.py"
    source = path.read_text(encoding="utf-8")
    assert "from cchc_cli" not in source
    assert "from ." not in source
    assert importlib.util.find_spec("cchc_cli.plan.deadlines") is not None
