"""A plan's changes in words: text for the terminal, Markdown for a pull request, JSON."""

from __future__ import annotations

import json
from typing import Any

from cchc_cli import words
from cchc_cli.plan.diff import GROUPS, JSON_VERSION, Change, PlanDiff, brief


def _colon(text: str | None) -> str:
    return f": {text}" if text else ""


def sentence(c: Change) -> str:
    """One change in words: "CT2.1.a target ≥ 90% → ≥ 80%"."""
    note = f" {c.note}" if c.note else ""
    if c.kind == "target":
        return f"{c.id} {c.what} {c.old} → {c.new}{note}"
    if c.kind == "deadline":
        return f"{c.id} {c.old} → {c.new}{note}"
    if c.kind == "added":
        return f"{c.what} {c.id} added{_colon(_short(c.new))}{note}"
    if c.kind == "removed":
        return f"{c.what} {c.id} removed{_colon(_short(c.old))}{note}"
    if c.kind in ("lead", "support"):
        return f"{c.id} {c.kind} {c.old or '—'} → {c.new or '—'}"
    if c.kind == "amendment":
        return f"amendment {c.id} added{_colon(_short(c.new, 16))}{note}"
    if c.what == "section":
        return f"{c.id} edited: {c.summary}"
    field = words.DIFF_FIELDS.get(c.field or "", c.field or "text")
    return f"{c.id} {field} edited: {c.summary}"


def _short(text: str | None, n: int = 12) -> str | None:
    """The first words of a text for reading; JSON carries the whole text."""
    return brief(text, n) if text else text


def change_dict(c: Change, amended_by: list[str]) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "id": c.id,
        "what": c.what,
        "field": c.field,
        "old": c.old,
        "new": c.new,
        "note": c.note or None,
        "summary": c.summary,
        "text": sentence(c),
        "needs_amendment": c.needs_amendment,
        "amended_by": amended_by,
    }


def missing_message(change: Change) -> str:
    """The one line `--require-amendment` prints for a change no amendment names."""
    what = {"target": f"{change.what} changed", "deadline": "deadline moved"}[change.kind]
    return (
        f"{change.id}: {what} ({change.old} → {change.new}) but no new amendment names it; "
        f"add a dieu_chinh entry (so, ngay, ly_do, ma: [{change.covers[0]}])"
    )


def _grouped(diff: PlanDiff) -> list[tuple[str, list[Change]]]:
    return [
        (title, [c for c in diff.changes if c.kind == kind])
        for kind, title in ((k, words.DIFF_GROUPS[k]) for k in GROUPS)
        if any(c.kind == kind for c in diff.changes)
    ]


def _count(n: int) -> str:
    return f"{n} change" + ("" if n == 1 else "s")


def to_text(diff: PlanDiff) -> str:
    head = f"{diff.old_label} → {diff.new_label}"
    if diff.new_file:
        return f"{head}: a new plan (not at {diff.old_label.split(':')[0]})\n"
    if not diff.changes:
        return f"{head}: no changes\n"
    lines = [f"{head}: {_count(len(diff.changes))}"]
    for title, changes in _grouped(diff):
        lines.append(f"  {title}")
        for c in changes:
            flag = diff.flag(c)
            lines.append(f"    {sentence(c)}" + (f"  [{flag}]" if flag else ""))
    return "\n".join(lines) + "\n"


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md_escape(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def to_markdown(diff: PlanDiff) -> str:
    lines = [f"### Plan changes: `{diff.old_label}` → `{diff.new_label}`", ""]
    if diff.new_file:
        lines.append("A new plan file.")
        return "\n".join(lines) + "\n"
    if not diff.changes:
        lines.append("No changes to the plan.")
        return "\n".join(lines) + "\n"
    lines.append(f"{_count(len(diff.changes))}.")
    for title, changes in _grouped(diff):
        lines += ["", f"**{title}**", ""]
        for c in changes:
            text = md_escape(sentence(c))
            if c.id:
                text = text.replace(md_escape(c.id), f"`{c.id}`", 1)
            flag = diff.flag(c)
            if flag:
                flag = f" ⚠️ *{flag}*" if not diff.amended(c) else f" ({md_escape(flag)})"
            lines.append(f"- {text}{flag}")
    return "\n".join(lines) + "\n"


def to_json(diff: PlanDiff) -> str:
    data = {
        "version": JSON_VERSION,
        "old": diff.old_label,
        "new": diff.new_label,
        "new_file": diff.new_file,
        "changes": [change_dict(c, diff.amended_by(c)) for c in diff.changes],
        "amendments_added": [a.model_dump(mode="json") for a in diff.amendments_added],
        "missing_amendment": [c.id for c in diff.missing_amendment],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
