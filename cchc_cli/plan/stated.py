"""The targets a plan's sentence states, read from its words: for a plan drafted from its
issued document (`cchc import-plan`).

Read: percentages ("tối thiểu 70%", "từ 90% trở lên", "2,5%"), minutes ("tối đa 25
phút"), and counts written with a leading zero, as official texts write them ("01-02
sáng kiến", "ít nhất 04 phòng", "01 cuộc"); dates ("ngày 05 tháng 01") and document
numbers ("số 08/…") are not counts. A sentence is cut at semicolons, at ". " before a
capital and at "trong đó"; each figure comes with the words it stands in (`trich`).
The comparison comes from the words before or after the number: "hơn", "trên" >, "dưới"
<, "tối đa", "không quá", "trở xuống" <=, "tối thiểu", "ít nhất", "trở lên" >=; a bare
percentage is a floor (>=), bare minutes a ceiling (<=), a bare count exact (=).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from cchc_cli.plan.lookup import fold

_NUM = r"\d+(?:[,.]\d+)?"
_FIGURE = re.compile(
    rf"(?<![\d/,.])(?:(?P<plo>{_NUM})\s*[-–]\s*)?(?P<p>{_NUM})\s*%"
    rf"|(?<![\d/,.])(?P<m>{_NUM})\s*phút"
    r"|(?<![\d/,.])(?P<clo>0[1-9])(?:\s*[-–]\s*(?P<c>0?[1-9]\d?))?(?![\d/%,.:])",
    re.I,
)
_DEFAULT = {"phan_tram": ">=", "phut": "<=", "so_luong": "="}


def _number(text: str) -> float | int:
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def _comparison(before: str, after: str, unit: str) -> str:
    """The comparison the words around a number make (folded text: no case, no marks)."""
    window = before[-25:]
    after = after.lstrip()
    if re.search(r"\b(hon|tren)\s*$", window):
        return ">"
    if re.search(r"\bduoi\s*$", window):
        return "<"
    if "toi da" in window or "khong qua" in window or after.startswith("tro xuong"):
        return "<="
    if "toi thieu" in window or "it nhat" in window or after.startswith("tro len"):
        return ">="
    return _DEFAULT[unit]


def read_figures(sentence: str) -> list[dict[str, Any]]:
    """The targets `sentence` states, as the plan writes a figure: so_sanh, gia_tri
    (gia_tri_den for a range), don_vi, trich."""
    out: list[dict[str, Any]] = []
    pieces: list[str] = []
    for clause in re.split(r";|\.\s+(?=[A-ZĐÀ-Ỹ])", sentence.strip().rstrip(".")):
        pieces += re.split(r",?\s+trong đó,?\s+", clause)
    for raw in pieces:
        piece = re.sub(r"^\s*trong đó,?\s*", "", raw).strip().rstrip(".")
        for m in _FIGURE.finditer(piece):
            before = fold(piece[: m.start()])
            after = fold(piece[m.end() : m.end() + 20])
            if m.group("clo") and (
                re.search(r"\b(ngay|thang|nam|so)\s*$", before)
                or re.match(r"\s*(thang|nam|gio)\b", after)
            ):
                continue  # a date or a document's number
            if m.group("p"):
                unit, low, high = "phan_tram", m.group("plo"), m.group("p")
            elif m.group("m"):
                unit, low, high = "phut", None, m.group("m")
            else:
                unit = "so_luong"
                low, high = (
                    (m.group("clo"), m.group("c")) if m.group("c") else (None, m.group("clo"))
                )
            figure: dict[str, Any]
            if low is not None:
                figure = {
                    "so_sanh": "khoang",
                    "gia_tri": _number(low),
                    "gia_tri_den": _number(high),
                }
                if figure["gia_tri_den"] < figure["gia_tri"]:
                    continue
            else:
                figure = {"so_sanh": _comparison(before, after, unit), "gia_tri": _number(high)}
            if unit == "phan_tram" and not 0 <= figure.get("gia_tri_den", figure["gia_tri"]) <= 100:
                continue
            figure["don_vi"] = unit
            # the words: the clause, or from its last ", đạt …" or ", tỷ lệ …" on
            start = 0
            for cut in re.finditer(r",\s+(?=(?:đạt|tỷ lệ)\s)", piece[: m.start()]):
                start = cut.end()
            figure["trich"] = piece[start:].strip()
            out.append(figure)
    return out


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio()


def _clearly_best(scored: list[tuple[float, bool, Any]], least: float = 0.8) -> Any:
    """The best of (score, of the objective's area, item) when it scores `least` or more
    and is clearly above the others, or is the one of the objective's area among the best."""
    scored = sorted(scored, key=lambda x: -x[0])
    if not scored or scored[0][0] < least:
        return None
    near = [x for x in scored if x[0] >= scored[0][0] - 0.05]
    same_area = [x for x in near if x[1]]
    if len(near) == 1:
        return near[0][2]
    return same_area[0][2] if len(same_area) == 1 else None


def link_figures(
    objective: dict[str, Any], indicators: list[tuple[int, dict[str, Any]]], area: int
) -> None:
    """Set `ung_voi` on an appendix objective's figures: the section II targets they restate.

    The objective is matched to the indicator (of `indicators`, each with its area) whose
    words are clearly the closest, and its figures to that indicator's targets, in order,
    when both state as many; otherwise each figure to the target whose words are clearly
    the closest. Values are not compared: where they differ, `cchc validate` says so."""
    figures = objective["chi_so"]
    with_targets = [(n, i) for n, i in indicators if i.get("chi_so")]
    indicator = _clearly_best(
        [(_likeness(objective["noi_dung"], i["noi_dung"]), n == area, i) for n, i in with_targets]
    )
    if indicator is not None and len(indicator["chi_so"]) == len(figures):
        for fig, target in zip(figures, indicator["chi_so"], strict=True):
            if fig["don_vi"] == target["don_vi"]:
                fig["ung_voi"] = target["ma"]
        return
    targets = (
        indicator["chi_so"]
        if indicator is not None
        else [t for _n, i in with_targets for t in i["chi_so"]]
    )
    for fig in figures:
        target = _clearly_best([
            (_likeness(fig["trich"], t["trich"]), t["ma"].startswith(f"CT{area}."), t)
            for t in targets if t["don_vi"] == fig["don_vi"]
        ])  # fmt: skip
        if target is not None:
            fig["ung_voi"] = target["ma"]
