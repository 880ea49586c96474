"""Numbers, figures, rates, points and dates as people write them: the decimal comma in
Vietnamese (87,5), the point in English (87.5), and the dates of Nghị định 30/2020."""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_cli.words.context import language


def number(value: float, lang: str = "vi", decimals: int = 2) -> str:
    """A number as people write it: at most `decimals` decimals, no trailing zeros, the
    decimal comma in Vietnamese (87,5) and the point in English (87.5)."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",") if lang == "vi" else text


def with_unit(value: float | None, unit: str, lang: str = "vi", decimals: int = 2) -> str:
    """A measured value with its unit: "73,57%", "20 phút", "3"; "—" for none."""
    if value is None:
        return "—"
    from cchc_cli.plan.shapes import UNIT_SUFFIX

    return f"{number(value, lang, decimals)}{UNIT_SUFFIX[unit]}"


def figure(fig: Any, lang: str = "vi") -> str:
    """A target as people write it: "≥ 90%", "≤ 25 phút", "1–2" (`plan.model.Figure`), with
    the decimal comma in Vietnamese ("≥ 2,5%")."""
    text = fig.notation()
    return text.replace(".", ",") if lang == "vi" else text


def rate(value: float | None, lang: str = "vi", decimals: int = 1) -> str:
    """A share (0..1) as a percentage: "33,3%" ("33.3%" in English); "—" when there is
    nothing to divide. Every view shows rates through here, with one decimal."""
    return "—" if value is None else f"{number(value * 100, lang, decimals)}%"


def points(value: float | None, lang: str | None = None) -> str:
    """Points as people write them: up to two decimals, the decimal comma in Vietnamese."""
    return "—" if value is None else number(value, lang or language(), 2)


def day(d: date | None) -> str:
    """dd/mm/yyyy, "—" for none."""
    return d.strftime("%d/%m/%Y") if d else "—"


def decree_date(d: date) -> str:
    """dd/mm/yyyy with Nghị định 30/2020's leading zeros: days under 10 and months 1-2 only."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def decree_long_date(place: str, d: date) -> str:
    """Place and date: "Hà Tĩnh, ngày 05 tháng 01 năm 2023" (0 before days < 10, months 1-2)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"
