"""What `cchc record` answers, in Vietnamese or English."""

from __future__ import annotations

from typing import Any

from cchc_cli import words


def describe(done: Any, lang: str = "vi") -> list[str]:
    """The lines `cchc record` prints for what `files.record.add_record` returned."""
    w = lambda key: words.label(lang, key)  # noqa: E731
    r = done.record
    lines = [w("rec_created" if done.created else "rec_added").format(path=done.path)]
    parts = [r["ma"], r["ngay"].isoformat()]
    if done.kind == "task":
        parts.append(words.state(r["trang_thai"], lang))
        for key, name in (
            ("minh_chung", "rec_evidence"),
            ("ly_do", "rec_reason"),
            ("ghi_chu", "rec_note"),
        ):
            if key in r:
                parts.append(f"{w(name)}: {r[key]}")
        detail = (
            w("rec_due").format(due=f"{done.due:%d/%m/%Y}", text=done.deadline_text)
            if done.due
            else w("rec_no_due").format(text=done.deadline_text)
        )
    else:
        if "gia_tri" in r:
            parts.append(w("rec_value").format(value=words.number(r["gia_tri"], lang, 4)))
        else:
            parts.append(
                f"{words.number(r['tu_so'], lang, 4)}/{words.number(r['mau_so'], lang, 4)}"
            )
        for key, name in (("nguon", "rec_source"), ("ghi_chu", "rec_note")):
            if key in r:
                parts.append(f"{w(name)}: {r[key]}")
        actual = (
            words.with_unit(done.actual, done.unit, lang)
            if done.actual is not None
            else w("rec_no_value")
        )
        detail = w("rec_against").format(actual=actual, target=words.figure(done.figure, lang))
    lines.append("  " + " · ".join(parts))
    date_text = f"{done.as_of:%d/%m/%Y}" if lang == "vi" else done.as_of.isoformat()
    status = words.status(done.status, lang)
    lines.append(w("rec_as_of").format(ma=done.ma, date=date_text, status=status, detail=detail))
    if done.reformatted:
        lines.append(w("rec_reformatted").format(path=done.path))
    return lines
