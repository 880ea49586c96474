"""A plan's changes in words: text for the terminal, Markdown for a pull request, JSON."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from cchc_cli import words
from cchc_cli.plan.diff import GROUPS, JSON_VERSION, Change, PlanDiff
from cchc_cli.views import json_text, safe_text


def brief(text: str, words: int = 12) -> str:
    """The first words of a text, on one line."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def brief_edit(old: str, new: str, context: int = 3, span: int = 8) -> str:
    """The first differing words of two texts, with a little context: “…a b X c” → “…a b Y c”."""
    a, b = old.split(), new.split()
    if a == b:
        return words.diff_says("spacing")
    ops = [op for op in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op[0] != "equal"]
    _tag, i1, i2, j1, j2 = ops[0]

    def clip(words: list[str]) -> str:
        return " ".join(words[:span]) + ("…" if len(words) > span else "")

    start = max(0, i1 - context)
    pre = ("…" if start else "") + " ".join(a[start:i1])
    post_a = " ".join(a[i2 : i2 + 2]) + ("…" if i2 + 2 < len(a) else "")
    post_b = " ".join(b[j2 : j2 + 2]) + ("…" if j2 + 2 < len(b) else "")

    def side(mid: str, post: str) -> str:
        return "“" + " ".join(p for p in (pre, mid, post) if p) + "”"

    more = words.diff_says("more", n=len(ops) - 1) if len(ops) > 1 else ""
    return f"{side(clip(a[i1:i2]), post_a)} → {side(clip(b[j1:j2]), post_b)}{more}"


def _colon(text: str | None) -> str:
    return f": {text}" if text else ""


def note(c: Change) -> str:
    """What a change adds in parentheses: the due days of a deadline, the target restated."""
    if c.dues is not None:
        shown = [words.diff_word(words.DIFF_NO_DUE, d) for d in c.dues]
        return f"({shown[0]} → {shown[1]})"
    if c.restates:
        return words.diff_says("restating", id=c.restates)
    return ""


def shown_id(c: Change) -> str:
    """Where a change is: its id, or for a section edit the part and the place in it."""
    if c.section is None:
        return c.id
    return f"{words.diff_word(words.DIFF_SECTIONS, c.section)}{c.id}"


def summary(c: Change) -> str | None:
    """A text edit for reading: the first differing words (the JSON has both whole texts)."""
    if c.kind != "text":
        return None
    if c.section is not None and not c.textual:
        text = f"{_quoted(c.old)} → {_quoted(c.new)}"
    else:
        text = brief_edit(c.old or "", c.new or "")
    return text + (words.diff_says("more", n=c.more) if c.more else "")


def _quoted(value: str | None) -> str:
    return "—" if value is None else value


def flag(diff: PlanDiff, c: Change) -> str:
    """What a reviewer needs to know about a target or deadline change."""
    if not c.needs_amendment:
        return ""
    by = diff.amended_by(c)
    if by:
        return words.diff_says("amended_by", ids=", ".join(by))
    return words.diff_says("not_amended")


def sentence(c: Change) -> str:
    """One change in words: "CT2.1.a target ≥ 90% → ≥ 80%"."""
    extra = note(c)
    note_ = f" {extra}" if extra else ""
    what = words.diff_word(words.DIFF_WHAT, c.what)
    if c.kind in ("target", "deadline"):
        return words.diff_says(c.kind, id=c.id, what=what, old=c.old, new=c.new, note=note_)
    if c.kind in ("added", "removed"):
        text = _colon(_short(c.new if c.kind == "added" else c.old))
        return words.diff_says(c.kind, what=what, id=c.id, text=text, note=note_)
    if c.kind in ("lead", "support"):
        return words.diff_says(c.kind, id=c.id, old=c.old or "—", new=c.new or "—")
    if c.kind == "amendment":
        return words.diff_says("amendment", id=c.id, text=_colon(_short(c.new, 16)), note=note_)
    if c.what == "section":
        return words.diff_says("section", where=shown_id(c), summary=summary(c))
    field = words.diff_word(words.DIFF_FIELDS, c.field or "text")
    return words.diff_says("field", id=c.id, field=field, summary=summary(c))


def _short(text: str | None, n: int = 12) -> str | None:
    """The first words of a text for reading; JSON carries the whole text."""
    return brief(text, n) if text else text


def change_dict(c: Change, amended_by: list[str]) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "id": shown_id(c),
        "what": c.what,
        "field": c.field,
        "old": c.old,
        "new": c.new,
        "note": note(c) or None,
        "summary": summary(c),
        "text": sentence(c),
        "needs_amendment": c.needs_amendment,
        "amended_by": amended_by,
    }


def missing_message(change: Change) -> str:
    """The one line `--require-amendment` prints for a change no amendment names."""
    if change.forbidden:
        done = words.diff_says("done_edited" if change.kind == "text" else "done_removed")
        return words.diff_says("forbidden", id=change.id, done=done)
    what = words.diff_says("m_" + change.kind, what=words.diff_word(words.DIFF_WHAT, change.what))
    values = f" ({change.old} → {change.new})" if change.kind in ("target", "deadline") else ""
    return words.diff_says(
        "missing", id=change.id, what=what, values=values, covers=change.covers[0]
    )


def _grouped(diff: PlanDiff) -> list[tuple[str, list[Change]]]:
    return [
        (title, [c for c in diff.changes if c.kind == kind])
        for kind, title in ((k, words.diff_word(words.DIFF_GROUPS, k)) for k in GROUPS)
        if any(c.kind == kind for c in diff.changes)
    ]


def _count(n: int) -> str:
    return words.diff_says("count", n=n, s="" if n == 1 else "s")


def to_text(diff: PlanDiff) -> str:
    head = safe_text.one_line(f"{diff.old_label} → {diff.new_label}")
    if diff.new_file:
        return words.diff_says("new_plan", head=head, rev=diff.old_label.split(":")[0]) + "\n"
    if diff.removed_file:
        return words.diff_says("removed_plan", head=head, rev=diff.old_label.split(":")[0]) + "\n"
    if not diff.changes:
        return words.diff_says("no_changes", head=head) + "\n"
    lines = [f"{head}: {_count(len(diff.changes))}"]
    for title, changes in _grouped(diff):
        lines.append(f"  {title}")
        for c in changes:  # each change one line, whatever the plan's text holds
            warn = flag(diff, c)
            line = sentence(c) + (f"  [{warn}]" if warn else "")
            lines.append(f"    {safe_text.one_line(line)}")
    return safe_text.terminal("\n".join(lines)) + "\n"


def md_escape(text: str) -> str:
    return safe_text.markdown(text)


def to_markdown(diff: PlanDiff) -> str:
    old, new = safe_text.code(diff.old_label), safe_text.code(diff.new_label)
    lines = [words.diff_says("md_title", old=old, new=new), ""]
    if diff.new_file or diff.removed_file:
        lines.append(words.diff_says("md_new" if diff.new_file else "md_removed"))
        return "\n".join(lines) + "\n"
    if not diff.changes:
        lines.append(words.diff_says("md_none"))
        return "\n".join(lines) + "\n"
    lines.append(f"{_count(len(diff.changes))}.")
    for title, changes in _grouped(diff):
        lines += ["", f"**{title}**", ""]
        for c in changes:
            text = md_escape(sentence(c))
            if c.id:
                text = text.replace(md_escape(c.id), safe_text.code(c.id), 1)
            warn = flag(diff, c)
            if warn:
                shown = md_escape(warn)
                warn = f" ⚠️ *{shown}*" if not diff.amended(c) else f" ({shown})"
            lines.append(f"- {text}{warn}")
    return "\n".join(lines) + "\n"


def to_json(diff: PlanDiff) -> str:
    data = {
        "version": JSON_VERSION,
        "old": diff.old_label,
        "new": diff.new_label,
        "new_file": diff.new_file,
        "removed_file": diff.removed_file,
        "changes": [change_dict(c, diff.amended_by(c)) for c in diff.changes],
        "amendments_added": [a.model_dump(mode="json") for a in diff.amendments_added],
        "missing_amendment": [c.id for c in diff.missing_amendment],
    }
    return json_text.dumps(data) + "\n"
