"""Finding what a person named: an id, a unit, the closest known word."""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from cchc_cli.errors import CchcError
from cchc_cli.plan.shapes import nfc_key

if TYPE_CHECKING:
    from cchc_cli.plan.model import Plan, Task

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


def closest_id(word: str, ids: Iterable[str]) -> str | None:
    """The known id most like `word`, preferring ids of the same area (the part before the
    first dot, Roman or Arabic alike) and then of the same shape (as many parts): an
    orphan `I.2` is more likely `I.1` or `I.4` than `VI.2`."""

    def plain(text: str) -> str:  # the area as an Arabic numeral: VII.1.2 → 7.1.2
        head, dot, rest = text.partition(".")
        return (str(_ROMAN[head.upper()]) if head.upper() in _ROMAN else head) + dot + rest

    by_plain = {plain(i).casefold(): i for i in ids}
    wanted = plain(word).casefold()
    area = wanted.split(".", 1)[0]
    same_area = [p for p in by_plain if p.split(".", 1)[0] == area]
    same_shape = [p for p in same_area if p.count(".") == wanted.count(".")]
    for pool in (same_shape, same_area, list(by_plain)):
        found = closest(wanted, pool) if pool else None
        if found:
            return by_plain[found]
    return None


def fold(text: str) -> str:
    """Text as people may type it: no case, no diacritics (đ as d), spaces folded."""
    plain = unicodedata.normalize("NFKD", nfc_key(text).replace("đ", "d"))
    return "".join(c for c in plain if not unicodedata.combining(c))


# A task's state as people type it, on the command line (`--state`) or in a sheet's cell,
# without case or diacritics → the command line's word (`files.record.STATES` maps it to
# the progress file's code).
TYPED_STATES = {
    "done": "done", "hoan thanh": "done", "hoan_thanh": "done", "xong": "done",
    "in-progress": "in-progress", "in progress": "in-progress",
    "dang thuc hien": "in-progress", "dang_thuc_hien": "in-progress",
    "dang trien khai": "in-progress",
    "not-started": "not-started", "not started": "not-started",
    "chua thuc hien": "not-started", "chua_thuc_hien": "not-started",
    "dropped": "dropped", "khong thuc hien": "dropped", "khong_thuc_hien": "dropped",
}  # fmt: skip


def typed_state(text: str) -> str | None:
    """The state `text` names (`TYPED_STATES`), or None."""
    return TYPED_STATES.get(" ".join(fold(text).split()))


def resolve_unit(plan: Plan, text: str) -> str | None:
    """A unit id from its id or any of its names: exactly (case and NFC aside), else
    without diacritics ("van phong" is "Văn phòng Sở"), else by a unique beginning."""
    wanted = nfc_key(text)
    names = {u.ma: [u.ma, u.ten, *u.ten_khac] for u in plan.don_vi}
    for ma, own in names.items():
        if wanted in {nfc_key(n) for n in own}:
            return ma
    folded = fold(text)
    if not folded:
        return None
    for ma, own in names.items():
        if folded in {fold(n) for n in own}:
            return ma
    starting = {ma for ma, own in names.items() if any(fold(n).startswith(folded) for n in own)}
    if len(starting) == 1:
        return starting.pop()
    if starting:
        return None  # ambiguous: the caller lists them
    within = {ma for ma, own in names.items() if any(_words_in(folded, fold(n)) for n in own)}
    return within.pop() if len(within) == 1 else None


def _words_in(wanted: str, name: str) -> bool:
    """Whether the words of `wanted` stand together in `name` ("quan ly thuong mai" in
    "phong quan ly thuong mai"), so that "Phòng" or "Sở" can be left out."""
    plain = str.maketrans(",.;:()", "      ")
    words_ = f" {' '.join(wanted.translate(plain).split())} "
    return words_ in f" {' '.join(name.translate(plain).split())} "


def units_matching(plan: Plan, text: str) -> list[str]:
    """Every unit `text` could name (for an unmatched or ambiguous --unit): those whose
    id or a name begins with it, without case or diacritics."""
    folded = fold(text)
    return [
        u.ma
        for u in plan.don_vi
        if folded
        and any(
            fold(n).startswith(folded) or _words_in(folded, fold(n))
            for n in (u.ma, u.ten, *u.ten_khac)
        )
    ]


def reach(plan: Plan, units: Iterable[str]) -> set[str]:
    """The units and the groups they belong to (`thuoc`): what a unit owes includes what
    "Các phòng chuyên môn" leads when it is one of them."""
    found = set(units)
    for ma in list(found):
        unit = plan.unit(ma)
        if unit is not None:
            found.update(unit.thuoc)
    return found


def task_hash(task: Task) -> str:
    """A task's fingerprint, its words, deadline and units: a sheet made for an older
    version of the plan says by it which tasks have changed since."""
    import hashlib
    import json

    fields = [task.nhiem_vu, task.thoi_han, str(task.han), task.chu_tri, task.phoi_hop]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()[:16]


def nfc_text(text: str | None) -> str | None:
    if text is None:
        return None
    return unicodedata.normalize("NFC", text.strip())


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}


def _other_numeral(text: str) -> str | None:
    """The id with its area numeral written the other way: VII.1.1 ↔ 7.1.1."""
    head, dot, rest = text.partition(".")
    if head.upper() in _ROMAN:
        return f"{_ROMAN[head.upper()]}{dot}{rest}"
    if head.isascii() and head.isdigit():
        back = {v: k for k, v in _ROMAN.items()}.get(int(head))
        return f"{back}{dot}{rest}" if back else None
    return None


@dataclass(frozen=True)
class Ids:
    """A plan's task and target ids, as written and case-folded: built once (in time
    proportional to the plan) for a caller that resolves many (a returned sheet's rows)."""

    tasks: list[str]
    targets: list[str]
    exact: dict[str, Kind]
    folded: dict[str, list[tuple[Kind, str]]]


def ids_of(plan: Plan) -> Ids:
    tasks = [t.ma for _p, _o, t in plan.tasks()]
    targets = [t.ma for _a, _i, t in plan.targets()]
    exact: dict[str, Kind] = dict.fromkeys(targets, "target")
    exact.update(dict.fromkeys(tasks, "task"))  # a task's id first, as it always was
    folded: dict[str, list[tuple[Kind, str]]] = {}
    for kind, ids in (("task", tasks), ("target", targets)):
        for ma in ids:
            folded.setdefault(ma.casefold(), []).append((kind, ma))  # type: ignore[arg-type]
    return Ids(tasks, targets, exact, folded)


def resolve_id(plan: Plan, text: str, ids: Ids | None = None) -> tuple[Kind, str]:
    """The kind and exact id of what `text` names: a task or a target (`ids`: the plan's,
    when the caller has them already).

    Exact ids first, then ids that differ only in case. Objectives and
    indicators are refused with the ids to use instead.
    """
    wanted = nfc_text(text) or ""
    ids = ids or ids_of(plan)
    if wanted in ids.exact:
        return ids.exact[wanted], wanted
    same = ids.folded.get(wanted.casefold(), [])
    if len(same) == 1:
        return same[0]
    other = _other_numeral(wanted)
    same = ids.folded.get(other.casefold(), []) if other else []
    if len(same) == 1:
        return same[0]  # "VII.1.1" where the plan writes 7.1.1, or the reverse
    for _part, objective, _task in plan.tasks():
        if objective.ma == wanted:
            names = ", ".join(t.ma for t in objective.nhiem_vu)
            raise CchcError("id-is-objective", id=wanted, tasks=names)
    for _area, indicator in ((a, i) for a in plan.chi_tieu for i in a.chi_tieu):
        if indicator.ma == wanted:
            if indicator.chi_so:
                names = ", ".join(t.ma for t in indicator.chi_so)
                raise CchcError("id-is-indicator", id=wanted, targets=names)
            raise CchcError("id-is-bare-indicator", id=wanted)
    raise CchcError("unknown-id-typed", id=wanted, like=closest_id(wanted, ids.tasks + ids.targets))


def require_unit(plan: Any, unit: str) -> str:
    """The id of the unit `unit` names (an id or a name, typed as people type it), or a
    usage error listing the units (and the groups that name a phòng only through them)."""
    from cchc_cli.errors import UsageError

    found = resolve_unit(plan, unit)
    if found is None:
        candidates = units_matching(plan, unit)
        if len(candidates) > 1:
            shown = "; ".join(f"{ma} ({plan.unit(ma).ten})" for ma in candidates)
            raise UsageError("ambiguous-unit", unit=unit[:60], units=shown)
        names = [u.ma for u in plan.don_vi] + [u.ten for u in plan.don_vi]
        units = "; ".join(f"{u.ma} ({u.ten})" for u in plan.don_vi)
        groups = ", ".join(u.ma for u in plan.don_vi if u.tap_the)
        if groups:  # a phòng the plan names only through its groups
            raise UsageError(
                "no-unit-groups", unit=unit[:60], like=closest(unit, names), units=units,
                groups=groups,
            )  # fmt: skip
        raise UsageError("no-unit", unit=unit[:60], like=closest(unit, names), units=units)
    return found


@dataclass(frozen=True)
class Index:
    """A plan's tasks and targets with what holds them, and the records of each, by id:
    built once (in time proportional to the plan and its records) so that a view showing
    many ids (the site's page per task) looks each up instead of walking the lists."""

    tasks: dict[str, tuple[Any, Any, Any]]  # id -> (appendix part, objective, task)
    targets: dict[str, tuple[Any, Any, Any]]  # id -> (area, indicator, target)
    task_records: dict[str, list[Any]]  # id -> its records, oldest first
    measures: dict[str, list[Any]]  # id -> its measures, oldest first


def index(plan: Any, progress: Any) -> Index:
    """The plan's and the progress file's `Index`."""
    task_records: dict[str, list[Any]] = defaultdict(list)
    for rec in sorted(progress.nhiem_vu, key=lambda r: r.ngay):
        task_records[rec.ma].append(rec)
    measures: dict[str, list[Any]] = defaultdict(list)
    for measure in sorted(progress.chi_so, key=lambda r: r.ngay):
        measures[measure.ma].append(measure)
    return Index(
        tasks={t[2].ma: t for t in plan.tasks()},
        targets={t[2].ma: t for t in plan.targets()},
        task_records=dict(task_records),
        measures=dict(measures),
    )
