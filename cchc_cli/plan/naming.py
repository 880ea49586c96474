"""How a sentence names what the plan holds, in the plan's own words: verbatim slices of
its text, never reworded. Shared by the report, the site and the sheets."""

from __future__ import annotations

from typing import Any


def _one_line(text: str) -> str:
    return " ".join(text.split())


_CONNECTIVES = {"trong đó", "đồng thời", "và", "trong đó có", "cụ thể"}


def target_subjects(indicators: Any) -> dict[str, str]:
    """Each target named by its subject as the plan words it: a target excerpt that starts
    inside its indicator's sentence ("đạt tỷ lệ tối thiểu là 70% số hồ sơ tiếp nhận") is
    given the words before it back to the previous excerpt ("Tiếp tục triển khai thực
    hiện số hóa kết quả giải quyết TTHC …, đạt tỷ lệ …"), unless those words are only a
    connective ("trong đó"). Verbatim slices of the plan's text, never reworded."""
    named: dict[str, str] = {}
    for ind in indicators:
        text = _one_line(ind.text)
        folded = text.lower()
        done = 0
        for t in ind.targets:
            excerpt = _one_line(t.text)
            at = folded.find(excerpt.lower(), done) if excerpt else -1
            if at < 0:
                continue
            gap = text[done:at]
            core = gap.strip(" ,;:.-–")
            if at > done and len(core.split()) >= 3 and core.lower() not in _CONNECTIVES:
                start = done + gap.index(core)
                named[t.id] = text[start : at + len(excerpt)]
            done = at + len(excerpt)
    return named
