"""The context a command runs in (`words.context`): its language and its public holidays
hold for the command's block only, and nothing of it outlives the block."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import MINIMAL_PLAN, write
from helpers import cchc

from cchc_cli import words
from cchc_cli.plan import deadlines


def test_a_command_s_language_ends_with_the_command() -> None:
    assert words.language() == "en"  # the tests' own context (conftest)
    said = cchc("status", "--bogus", "--lang", "vi")
    assert said.code == 2 and "không có tuỳ chọn --bogus" in said.err
    assert words.language() == "en"
    assert words.status("overdue") == "Overdue"


def test_a_plan_s_language_holds_until_its_command_ends(tmp_path: Path) -> None:
    plan = write(tmp_path, MINIMAL_PLAN + "cai_dat:\n  ngon_ngu: vi\n")
    said = cchc("status", str(plan), "--as-of", "2023-06-14", env={"CCHC_LANG": ""})
    assert said.code == 0 and "Tình hình thực hiện Kế hoạch CCHC năm 2023" in said.out
    assert words.language() == "en"


def test_a_plan_s_language_counts_only_where_none_was_chosen() -> None:
    with words.using(words.Context.asked(None)):
        assert words.adopt_plan_language("en") == "en"
        assert words.say("sum_title") == "SUMMARY"
    with words.using(words.Context.asked("vi")):
        assert words.adopt_plan_language("en") == "vi"
    with words.using(words.Context.asked("fr")):  # not a language cchc speaks
        assert words.current() == words.Context("vi", False, None)
    assert words.language() == "en"


def test_the_calendar_reaches_the_domain_inside_its_block_only() -> None:
    asked: list[int] = []

    def holidays(year: int) -> frozenset[date]:
        asked.append(year)
        return frozenset({date(2023, 6, 15)})

    wednesday = date(2023, 6, 14)
    with words.using(words.Context(holidays=holidays)), words.calendar():
        assert deadlines.add_working_days(wednesday, 1) == date(2023, 6, 16)
    assert asked == [2023]
    assert deadlines.add_working_days(wednesday, 1) == date(2023, 6, 15)  # the package's


def test_a_command_counts_with_the_cached_holidays(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cchc_cli.files import cache

    asked: list[int] = []
    real = cache.public_holidays

    def spy(year: int) -> frozenset[date]:
        asked.append(year)
        return real(year)

    monkeypatch.setattr(cache, "public_holidays", spy)
    deadlines._holidays_of.cache_clear()  # what earlier tests counted in this process
    plan = write(tmp_path, MINIMAL_PLAN)
    assert cchc("status", str(plan), "--as-of", "2023-06-14").code == 0
    assert 2023 in asked
