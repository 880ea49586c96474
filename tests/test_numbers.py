"""Numbers typed by people: one reader, Vietnamese rules, never a silent misreading.

`plan.numbers.parse_number` reads every number a person types (`--value`, `--set KEY=N`,
a workbook's text cells, the sheet's own metadata): the decimal comma, the dot as a
thousands separator only in groups of three, the point of `72.5` as a decimal point when
it cannot be a thousands separator, ASCII digits only. What it cannot read unambiguously
is refused with its reason, never guessed."""

from __future__ import annotations

import pytest

from cchc_cli.plan.numbers import NotANumber, parse_number

# text, a count (whole number) or None when refused (and why), any number or None (and why)
TABLE: list[tuple[str, int | str, float | int | str]] = [
    ("640", 640, 640),
    (" 640 ", 640, 640),
    ("0", 0, 0),
    ("007", 7, 7),
    ("1.234", 1234, "ambiguous"),  # a count: thousands; a measure: 1,234 or 1234?
    ("1.234.567", 1234567, 1234567),
    ("12.345.678", 12345678, 12345678),
    ("1.234,5", "whole", 1234.5),
    ("1.234,0", 1234, 1234.0),
    ("72,5", "whole", 72.5),
    ("72.5", "whole", 72.5),
    ("1.5", "whole", 1.5),  # not 15: a dot before fewer than three digits is not thousands
    ("1,5", "whole", 1.5),
    ("0.125", "whole", 0.125),  # no thousands group starts with 0
    ("1.2345", "whole", 1.2345),
    ("7.0", 7, 7.0),
    ("1 234", 1234, 1234),
    ("1\u00a0234\u00a0567", 1234567, 1234567),
    ("-3", -3, -3),
    ("+5", 5, 5),
    ("\u22123", -3, -3),  # the minus sign
    ("1,234", "whole", 1.234),  # the decimal comma, whatever English would read
    ("12.34.5", "grouping", "grouping"),
    ("1.23,5", "grouping", "grouping"),
    ("1.2345.678", "grouping", "grouping"),
    ("12 34", "grouping", "grouping"),
    ("1,234.5", "form", "form"),
    ("1,234,567", "form", "form"),
    ("1.234 567", "form", "form"),
    ("7²", "digits", "digits"),
    ("①", "digits", "digits"),
    ("٣", "digits", "digits"),  # Arabic-Indic three
    ("１２", "digits", "digits"),  # full-width digits
    ("1e5", "form", "form"),
    ("1_000", "form", "form"),
    ("0x1F", "form", "form"),
    ("nan", "form", "form"),
    ("inf", "form", "form"),
    ("12%", "form", "form"),
    ("--3", "form", "form"),
    (",5", "form", "form"),
    ("5,", "form", "form"),
    (".", "form", "form"),
    ("", "empty", "empty"),
    ("   ", "empty", "empty"),
    ("9" * 40, "large", "large"),
]


@pytest.mark.parametrize(("text", "count", "measure"), TABLE, ids=[repr(t[0]) for t in TABLE])
def test_numbers_as_people_type_them(
    text: str, count: int | str, measure: float | int | str
) -> None:
    for whole, expected in ((True, count), (False, measure)):
        if isinstance(expected, str):
            with pytest.raises(NotANumber) as refused:
                parse_number(text, whole=whole)
            assert refused.value.why == expected, (text, whole)
        else:
            got = parse_number(text, whole=whole)
            assert got == expected and type(got) is type(expected), (text, whole, got)


def test_every_reason_is_worded_in_both_languages() -> None:
    from cchc_cli import words

    refused: dict[str, NotANumber] = {}
    for text, count, measure in TABLE:
        for whole, expected in ((True, count), (False, measure)):
            if isinstance(expected, str):
                with pytest.raises(NotANumber) as exc:
                    parse_number(text, whole=whole)
                refused.setdefault(expected, exc.value)
    for lang in ("vi", "en"):
        for why, exc in refused.items():
            said = words.number_why(why, lang, **exc.args_)
            assert said and said != why and not said.startswith("number-"), (lang, why)
    # what cannot be read for sure is said with the number typed, read both ways
    assert words.number_why("ambiguous", "vi", **refused["ambiguous"].args_).startswith(
        "không rõ là 1234 hay 1,234: dấu chấm tách hàng nghìn hay là dấu thập phân"
    )


@pytest.mark.parametrize(
    ("value", "count", "why"),
    [
        (12, 12, ""),
        (12.0, 12, ""),
        ("1.234", 1234, ""),
        (12.5, None, "whole"),
        (-3, None, "negative"),
        (1.234567890123457e29, None, "too-large"),  # whole, but no count: not "not whole"
        (float("nan"), None, "whole"),
        (True, None, "form"),
    ],
)
def test_a_cell_s_count_and_the_reason_it_is_not_one(
    value: object, count: object, why: str
) -> None:
    from cchc_cli import words
    from cchc_cli.files.sheet_cells import cell_count

    assert cell_count(value) == (count, why)
    if why:
        for lang in ("vi", "en"):
            said = words.number_why(why, lang)
            assert said and not said.startswith("number-"), (lang, why)
