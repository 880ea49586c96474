"""The four reports' periods, in every form a text names them: one home for the words
(the days of each period are `plan.deadlines`')."""

from __future__ import annotations

# {y}: the plan's year; {y1}: the year after.
PERIOD_FORMS: dict[str, dict[int, str]] = {
    # the period on its own: a workbook's title block, a report's period in a heading
    "named": {1: "quý I năm {y}", 2: "6 tháng đầu năm {y}", 3: "quý III năm {y}", 4: "năm {y}"},
    # the period in a report's title (the 6-month report is also quý II's)
    "title": {
        1: "quý I năm {y}",
        2: "quý II và 6 tháng đầu năm {y}",
        3: "quý III năm {y}",
        4: "năm {y}",
    },  # fmt: skip
    # the report in running text
    "short": {1: "quý I/{y}", 2: "6 tháng đầu năm {y}", 3: "quý III/{y}", 4: "năm {y}"},
    # what comes after the report, for its section IV
    "next": {1: "quý II năm {y}", 2: "6 tháng cuối năm {y}", 3: "quý IV năm {y}", 4: "năm {y1}"},
    # in file names
    "slug": {1: "quy-1", 2: "6-thang", 3: "quy-3", 4: "nam"},
}
# The reports themselves, as the register of reports sent names them.
REPORT_TITLES: dict[str, dict[int, str]] = {
    "vi": {
        q: f"Báo cáo CCHC {PERIOD_FORMS['named'][q].replace('{y}', '{year}')}" for q in (1, 2, 3, 4)
    },  # fmt: skip
    "en": {
        1: "CCHC report, Q1 {year}",
        2: "CCHC report, first half of {year}",
        3: "CCHC report, Q3 {year}",
        4: "CCHC report, year {year}",
    },
}


def period_words(form: str, quarter: int, year: int) -> str:
    """Period `quarter` of `year` in `form` (a key of PERIOD_FORMS): "6 tháng đầu năm 2023"."""
    return PERIOD_FORMS[form][quarter].format(y=year, y1=year + 1)
