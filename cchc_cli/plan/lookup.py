"""Finding what a person named: an id, a unit, the closest known word."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from typing import Literal

from cchc_cli.errors import CchcError
from cchc_cli.plan.model import Plan, nfc_key

Kind = Literal["task", "target"]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The known word most like `word` (ignoring case when nothing matches exactly), or None."""
    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        lowered = {c.casefold(): c for c in choices}
        close = [
            lowered[m] for m in difflib.get_close_matches(word.casefold(), lowered, n=1, cutoff=0.6)
        ]
    return close[0] if close else None


def resolve_unit(plan: Plan, text: str) -> str | None:
    """A unit id from an id or any of its names, compared case- and NFC-insensitively."""
    wanted = nfc_key(text)
    for u in plan.don_vi:
        if wanted in {nfc_key(u.ma), nfc_key(u.ten), *(nfc_key(n) for n in u.ten_khac)}:
            return u.ma
    return None


def nfc_text(text: str | None) -> str | None:
    if text is None:
        return None
    return unicodedata.normalize("NFC", text.strip())


def resolve_id(plan: Plan, text: str) -> tuple[Kind, str]:
    """The kind and exact id of what `text` names: a task or a target.

    Exact ids first, then ids that differ only in case. Objectives and
    indicators are refused with the ids to use instead.
    """
    wanted = nfc_text(text) or ""
    tasks = [t.ma for _p, _o, t in plan.tasks()]
    targets = [t.ma for _a, _i, t in plan.targets()]
    if wanted in tasks:
        return "task", wanted
    if wanted in targets:
        return "target", wanted
    folded: dict[str, list[tuple[Kind, str]]] = {}
    for kind, ids in (("task", tasks), ("target", targets)):
        for ma in ids:
            folded.setdefault(ma.casefold(), []).append((kind, ma))  # type: ignore[arg-type]
    same = folded.get(wanted.casefold(), [])
    if len(same) == 1:
        return same[0]
    for _part, objective, _task in plan.tasks():
        if objective.ma == wanted:
            names = ", ".join(t.ma for t in objective.nhiem_vu)
            raise CchcError(say="id-is-objective", args={"id": wanted, "tasks": names})
    for _area, indicator in ((a, i) for a in plan.chi_tieu for i in a.chi_tieu):
        if indicator.ma == wanted:
            if indicator.chi_so:
                names = ", ".join(t.ma for t in indicator.chi_so)
                raise CchcError(say="id-is-indicator", args={"id": wanted, "targets": names})
            raise CchcError(say="id-is-bare-indicator", args={"id": wanted})
    raise CchcError(
        say="unknown-id-typed", args={"id": wanted, "like": closest(wanted, tasks + targets)}
    )
