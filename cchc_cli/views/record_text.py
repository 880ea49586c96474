"""What `cchc record` answers, in Vietnamese or English."""

from __future__ import annotations

from typing import Any

from cchc_cli import words


def describe(done: Any, lang: str = "vi") -> list[str]:
    """The lines `cchc record` prints for what `files.record.add_record` (or `undo_record`)
    returned: what was written or taken back, then where the task or target stands on the
    record's date and, when later, today (or at the year's end)."""
    w = lambda key: words.label(lang, key)  # noqa: E731
    r = done.record
    if getattr(done, "replaced", None):  # --force: what the day's record said, and says now
        lines = [w("rec_replaced").format(path=done.path)]
        lines += [f"  {w('rec_was')} {record_line(done.kind, old, lang)}" for old in done.replaced]
        lines.append(f"  {w('rec_now')} {record_line(done.kind, r, lang)}")
    else:
        head = "rec_removed" if done.removed else "rec_created" if done.created else "rec_added"
        lines = [w(head).format(path=done.path), "  " + record_line(done.kind, r, lang)]
    for s in done.standings:
        lines.append(_standing(done, s, lang))
    if done.reformatted:
        lines.append(w("rec_reformatted").format(path=done.path))
    return lines


def record_line(kind: str, r: dict[str, Any], lang: str = "vi") -> str:
    """One record in a line: "I.1.a · 2023-01-10 · hoàn thành · minh chứng: …"."""
    w = lambda key: words.label(lang, key)  # noqa: E731
    parts = [r["ma"], r["ngay"].isoformat()]
    if kind == "task":
        parts.append(words.state(r["trang_thai"], lang))
        for key, name in (
            ("minh_chung", "rec_evidence"),
            ("ly_do", "rec_reason"),
            ("ghi_chu", "rec_note"),
            ("ghi_muon", "rec_late"),
        ):
            if key in r:
                parts.append(f"{w(name)}: {r[key]}")
    else:
        if "gia_tri" in r:
            parts.append(w("rec_value").format(value=words.number(r["gia_tri"], lang, 4)))
        else:
            parts.append(
                f"{words.number(r['tu_so'], lang, 4)}/{words.number(r['mau_so'], lang, 4)}"
            )
        for key, name in (
            ("nguon", "rec_source"),
            ("ghi_chu", "rec_note"),
            ("ghi_muon", "rec_late"),
        ):
            if key in r:
                parts.append(f"{w(name)}: {r[key]}")
    return " · ".join(parts)


def _standing(done: Any, s: Any, lang: str) -> str:
    w = lambda key: words.label(lang, key)  # noqa: E731
    if done.kind == "task":
        detail = (
            w("rec_due").format(due=f"{s.due:%d/%m/%Y}", text=s.deadline_text)
            if s.due
            else w("rec_no_due").format(text=s.deadline_text)
        )
        status = words.task_status(s, lang)
    else:
        actual = (
            words.with_unit(s.actual, s.unit, lang) if s.actual is not None else w("rec_no_value")
        )
        detail = w("rec_against").format(actual=actual, target=words.figure(s.figure, lang))
        status = words.status(s.status, lang)
    date_text = f"{s.as_of:%d/%m/%Y}" if lang == "vi" else s.as_of.isoformat()
    return w("rec_as_of").format(ma=done.ma, date=date_text, status=status, detail=detail)


def imported_extras(figures: dict[str, int], prose: list[str], lang: str = "vi") -> list[str]:
    """The TTHC figures and the parts of the report's prose an import set, one a line, by
    their names (the figures' as the report's table gives them)."""
    from cchc_cli.plan.shapes import TTHC_FIELDS

    named = words.pick(words.NARRATIVE_WHAT, lang)
    lines = [f"{TTHC_FIELDS.get(k, k)}: {words.number(v)}" for k, v in figures.items()]
    return lines + [f"{words.label(lang, 'rec_prose')}: {named.get(k, k)}" for k in prose]
