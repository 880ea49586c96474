"""Plan against plan: what changed, in words and by id.

A reviewer of a pull request reads "CT2.1.a target ≥ 80% → ≥ 90%" and
"I.2 Quý I/2023 → Quý II/2023 (31/03 → 30/06)" instead of a YAML diff.
`compare(old, new)` is pure; `files.git` reads the plans to compare and
`views.diff_text` renders a `PlanDiff` as text, Markdown or JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from itertools import zip_longest
from typing import Any, Literal

from cchc_cli.plan.model import (
    Amendment,
    Figure,
    Objective,
    ObjectiveFigure,
    Plan,
    Row,
    Task,
    nfc_key,
)

JSON_VERSION = 1

ChangeKind = Literal[
    "target", "deadline", "added", "removed", "lead", "support", "text", "amendment"
]

# The order of the groups in the text and Markdown views.
GROUPS: tuple[ChangeKind, ...] = (
    "target",
    "deadline",
    "added",
    "removed",
    "lead",
    "support",
    "text",
    "amendment",
)

# The plan's other parts, where a section change is (words.DIFF_SECTIONS names them).
SECTIONS: tuple[str, ...] = (
    "nam",
    "van_ban",
    "linh_vuc",
    "muc_dich_yeu_cau",
    "chi_tieu",
    "giai_phap",
    "nhiem_vu_trong_tam",
    "kinh_phi",
    "to_chuc_thuc_hien",
    "phu_luc",
    "cai_dat",
)


@dataclass(frozen=True)
class Change:
    """One change between two plans, by id."""

    kind: ChangeKind
    id: str
    what: str  # task, target, indicator, objective, objective figure, unit, amendment, section
    old: str | None = None  # whole texts, figures in the plan's notation
    new: str | None = None
    field: str | None = None
    covers: tuple[str, ...] = ()  # ids an amendment may name to cover this change
    dues: tuple[str, str] | None = None  # deadlines: the due days ("31/01") or why there is none
    restates: str | None = None  # objective figures: the section II target restated
    section: str | None = None  # section edits: the part of the plan (one of SECTIONS)
    more: int = 0  # section edits: how many other places of that part changed
    textual: bool = True  # section edits: old and new are texts (else JSON values)

    @property
    def needs_amendment(self) -> bool:
        """Targets, deadlines and the list of tasks change only by a decision recorded in
        `dieu_chinh`; an amendment already made cannot be changed or taken out at all."""
        return (
            self.kind in ("target", "deadline")
            or (self.kind in ("added", "removed") and self.what == "task")
            or self.forbidden
        )

    @property
    def forbidden(self) -> bool:
        """An amendment of the base plan edited or removed: no new amendment covers that."""
        return self.what == "amendment" and self.kind in ("removed", "text")


@dataclass(frozen=True)
class PlanDiff:
    old_label: str
    new_label: str
    changes: list[Change]
    amendments_added: list[Amendment] = field(default_factory=list)
    new_file: bool = False
    removed_file: bool = False  # the plan was at the old revision and is gone now

    def amended_by(self, change: Change) -> list[str]:
        """The new amendments (by number) that name what `change` changed."""
        if change.forbidden:
            return []
        return [a.so for a in self.amendments_added if set(a.ma) & set(change.covers)]

    def amended(self, change: Change) -> bool:
        return bool(self.amended_by(change))

    @property
    def missing_amendment(self) -> list[Change]:
        """Target and deadline changes that no new amendment names."""
        return [c for c in self.changes if c.needs_amendment and not self.amended(c)]


# --- words ------------------------------------------------------------------------------


def _same_text(a: str | None, b: str | None) -> bool:
    return nfc_key(a or "") == nfc_key(b or "") and (a or "").split() == (b or "").split()


def _figure_key(fig: Figure) -> tuple[Any, ...]:
    return (fig.so_sanh, fig.gia_tri, fig.gia_tri_den, fig.don_vi)


def _units(ids: list[str]) -> str:
    return ", ".join(ids)


def _row_text(row: Row, key: str) -> str:
    value = getattr(row, key)
    if isinstance(value, list):
        return "; ".join(value)
    return value or ""


# --- deadlines ------------------------------------------------------------------------------


def _due(row: Row, year: int) -> tuple[date | None, str]:
    """The due date of a row and, when it has none, why: the deadline's kind
    (continuous, recurring, external) or "unreadable"."""
    from cchc_cli.plan.deadlines import DeadlineError, parse_deadline

    if row.han is not None:
        return row.han, ""
    try:
        deadline = parse_deadline(row.thoi_han, year)
    except DeadlineError:
        return None, "unreadable"
    if deadline.due is not None:
        return deadline.due, ""
    return None, deadline.kind


def _show_due(due: date | None, why: str, year: int) -> str:
    if due is None:
        return why
    return f"{due:%d/%m}" if due.year == year else f"{due:%d/%m/%Y}"


def _deadline_text(row: Row) -> str:
    return row.thoi_han + (f" [han {row.han.isoformat()}]" if row.han else "")


# --- comparing ---------------------------------------------------------------------------------


def compare(old: Plan, new: Plan, old_label: str = "old", new_label: str = "new") -> PlanDiff:
    """Every change from `old` to `new`, in the order a reviewer reads a plan."""
    changes: list[Change] = []
    changes += _targets(old, new)
    changes += _indicators(old, new)
    changes += _objectives(old, new)
    changes += _tasks(old, new)
    changes += _units_changed(old, new)
    changes += _sections(old, new)
    before = {a.so: a for a in old.dieu_chinh}
    added = [a for a in new.dieu_chinh if a.so not in before]
    for a in new.dieu_chinh:
        if a.so in before and a != before[a.so]:
            changes.append(
                Change(
                    "text",
                    a.so,
                    "amendment",
                    _amendment_text(before[a.so]),
                    _amendment_text(a),
                    field="dieu_chinh",
                )
            )
    for a in added:
        changes.append(
            Change(
                "amendment",
                a.so,
                "amendment",
                None,
                _amendment_text(a),
            )
        )
    after = {a.so for a in new.dieu_chinh}
    for a in old.dieu_chinh:
        if a.so not in after:
            changes.append(Change("removed", a.so, "amendment", _amendment_text(a)))
    return PlanDiff(old_label, new_label, changes, added)


def _amendment_text(a: Amendment) -> str:
    return f"{a.ngay:%d/%m/%Y}, {a.ly_do} ({', '.join(a.ma)})"


def _added_removed(what: str, old: dict[str, str], new: dict[str, str]) -> list[Change]:
    found = [
        Change("removed", ma, what, old=text, covers=(ma,))
        for ma, text in old.items()
        if ma not in new
    ]
    found += [
        Change("added", ma, what, new=text, covers=(ma,))
        for ma, text in new.items()
        if ma not in old
    ]
    return found


def _targets(old: Plan, new: Plan) -> list[Change]:
    a = {t.ma: t for _a, _i, t in old.targets()}
    b = {t.ma: t for _a, _i, t in new.targets()}
    found = _added_removed(
        "target",
        {ma: t.notation() for ma, t in a.items()},
        {ma: t.notation() for ma, t in b.items()},
    )
    for ma, t in b.items():
        if ma not in a:
            continue
        if _figure_key(a[ma]) != _figure_key(t):
            found.append(
                Change("target", ma, "target", a[ma].notation(), t.notation(), covers=(ma,))
            )
        if not _same_text(a[ma].trich, t.trich):
            found.append(
                Change(
                    "text",
                    ma,
                    "target",
                    field="trich",
                    old=a[ma].trich or "",
                    new=t.trich or "",
                )
            )
    return found


def _indicators(old: Plan, new: Plan) -> list[Change]:
    a = {i.ma: i for area in old.chi_tieu for i in area.chi_tieu}
    b = {i.ma: i for area in new.chi_tieu for i in area.chi_tieu}
    found = _added_removed(
        "indicator",
        {ma: i.noi_dung for ma, i in a.items()},
        {ma: i.noi_dung for ma, i in b.items()},
    )
    for ma, ind in b.items():
        if ma in a and not _same_text(a[ma].noi_dung, ind.noi_dung):
            found.append(
                Change(
                    "text",
                    ma,
                    "indicator",
                    field="noi_dung",
                    old=a[ma].noi_dung,
                    new=ind.noi_dung,
                )
            )
    return found


def _objectives(old: Plan, new: Plan) -> list[Change]:
    a = {o.ma: o for p in old.phu_luc.phan for o in p.objectives}
    b = {o.ma: o for p in new.phu_luc.phan for o in p.objectives}
    found = _added_removed(
        "objective",
        {ma: o.noi_dung for ma, o in a.items()},
        {ma: o.noi_dung for ma, o in b.items()},
    )
    for ma, obj in b.items():
        if ma not in a:
            continue
        before: Objective = a[ma]
        if not _same_text(before.noi_dung, obj.noi_dung):
            found.append(
                Change(
                    "text",
                    ma,
                    "objective",
                    field="noi_dung",
                    old=before.noi_dung,
                    new=obj.noi_dung,
                )
            )
        found += _objective_figures(ma, before, obj)
    return found


def _objective_figures(ma: str, old: Objective, new: Objective) -> list[Change]:
    """The figures of objective `ma` compared in their order: one added, one removed, or
    one whose target changed."""
    tasks = tuple(t.ma for t in new.nhiem_vu)
    changes = (
        _figure_change(ma, f_old, f_new, tasks)
        for f_old, f_new in zip_longest(old.chi_so, new.chi_so)
    )
    return [c for c in changes if c is not None]


def _figure_change(
    ma: str, old: ObjectiveFigure | None, new: ObjectiveFigure | None, tasks: tuple[str, ...]
) -> Change | None:
    """What became of one figure of objective `ma`, if anything. A changed target is
    covered by an amendment that names the objective, one of its `tasks` or the section
    II target the figure restates."""
    if new is None:
        if old is None:
            return None
        return Change("removed", ma, "objective figure", old=old.notation(), restates=old.ung_voi)
    if old is None:
        return Change("added", ma, "objective figure", new=new.notation(), restates=new.ung_voi)
    if _figure_key(old) == _figure_key(new):
        return None
    restates = new.ung_voi
    return Change(
        "target",
        ma,
        "objective figure",
        old.notation(),
        new.notation(),
        restates=restates,
        covers=(ma, *tasks, *((restates,) if restates else ())),
    )


def _tasks(old: Plan, new: Plan) -> list[Change]:
    a = {t.ma: t for _p, _o, t in old.tasks()}
    b = {t.ma: t for _p, _o, t in new.tasks()}
    found = _added_removed(
        "task",
        {ma: t.nhiem_vu for ma, t in a.items()},
        {ma: t.nhiem_vu for ma, t in b.items()},
    )
    for ma, task in b.items():
        if ma in a:
            found += _task_changes(a[ma], task, old.nam, new.nam)
    return found


def _task_changes(old: Task, new: Task, old_year: int, new_year: int) -> list[Change]:
    found: list[Change] = []
    if not _same_text(old.nhiem_vu, new.nhiem_vu):
        found.append(
            Change("text", new.ma, "task", field="nhiem_vu", old=old.nhiem_vu, new=new.nhiem_vu)
        )
    rows_old: list[Row] = [old, *old.dong_tiep]
    rows_new: list[Row] = [new, *new.dong_tiep]
    for i in range(max(len(rows_old), len(rows_new))):
        label = new.ma if i == 0 else f"{new.ma} (line {i + 1})"
        r_old = rows_old[i] if i < len(rows_old) else None
        r_new = rows_new[i] if i < len(rows_new) else None
        if r_old is None and r_new is not None:
            found.append(Change("added", label, "task line", new=_deadline_text(r_new)))
            continue
        if r_new is None and r_old is not None:
            found.append(Change("removed", label, "task line", old=_deadline_text(r_old)))
            continue
        assert r_old is not None and r_new is not None
        found += _row_changes(label, new.ma, r_old, r_new, old_year, new_year)
    return found


def _row_changes(
    label: str, ma: str, old: Row, new: Row, old_year: int, new_year: int
) -> list[Change]:
    found: list[Change] = []
    if (old.thoi_han, old.han) != (new.thoi_han, new.han) or old_year != new_year:
        d_old, why_old = _due(old, old_year)
        d_new, why_new = _due(new, new_year)
        if _deadline_text(old) != _deadline_text(new) or d_old != d_new:
            year = new_year
            dues: tuple[str, str] | None = (
                _show_due(d_old, why_old, year),
                _show_due(d_new, why_new, year),
            )
            if d_old == d_new and why_old == why_new:
                dues = None  # the words changed, the date did not
            found.append(
                Change(
                    "deadline",
                    label,
                    "task",
                    _deadline_text(old),
                    _deadline_text(new),
                    dues=dues,
                    covers=(ma,),
                )
            )
    if old.chu_tri != new.chu_tri:
        found.append(Change("lead", label, "task", _units(old.chu_tri), _units(new.chu_tri)))
    if old.phoi_hop != new.phoi_hop:
        found.append(Change("support", label, "task", _units(old.phoi_hop), _units(new.phoi_hop)))
    for key in ("hoat_dong", "ket_qua", "kinh_phi", "chu_tri_goc", "phoi_hop_goc"):
        before, after = _row_text(old, key), _row_text(new, key)
        if not _same_text(before, after):
            found.append(Change("text", label, "task", field=key, old=before, new=after))
    return found


def _units_changed(old: Plan, new: Plan) -> list[Change]:
    a = {u.ma: u for u in old.don_vi}
    b = {u.ma: u for u in new.don_vi}
    found = _added_removed(
        "unit", {ma: u.ten for ma, u in a.items()}, {ma: u.ten for ma, u in b.items()}
    )
    for ma, unit in b.items():
        if ma in a and not _same_text(a[ma].ten, unit.ten):
            found.append(Change("text", ma, "unit", field="ten", old=a[ma].ten, new=unit.ten))
    return found


def _headings(plan: Plan) -> dict[str, Any]:
    """What of a plan the id-based comparisons above do not cover."""
    return {
        "nam": plan.nam,
        "van_ban": plan.van_ban.model_dump(mode="json"),
        "linh_vuc": [a.model_dump(mode="json") for a in plan.linh_vuc],
        "muc_dich_yeu_cau": plan.muc_dich_yeu_cau.model_dump(mode="json"),
        "chi_tieu": [[a.linh_vuc, a.tieu_de] for a in plan.chi_tieu],
        "giai_phap": [a.model_dump(mode="json") for a in plan.giai_phap],
        "nhiem_vu_trong_tam": plan.nhiem_vu_trong_tam.model_dump(mode="json"),
        "kinh_phi": plan.kinh_phi.model_dump(mode="json"),
        "to_chuc_thuc_hien": plan.to_chuc_thuc_hien.model_dump(mode="json"),
        "phu_luc": {
            "tieu_de": plan.phu_luc.tieu_de,
            "ghi_chu": plan.phu_luc.ghi_chu,
            "phan": [
                [p.so, p.linh_vuc, p.tieu_de, [[g.so, g.tieu_de] for g in p.nhom]]
                for p in plan.phu_luc.phan
            ],
        },
        "cai_dat": plan.cai_dat.model_dump(mode="json"),
    }


def _leaves(value: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, f"{path}.{k}")]
    if isinstance(value, list):
        out = [leaf for i, v in enumerate(value) for leaf in _leaves(v, f"{path}[{i + 1}]")]
        return out or [(path, [])]
    return [(path, value)]


def _sections(old: Plan, new: Plan) -> list[Change]:
    a, b = _headings(old), _headings(new)
    found = []
    for key in SECTIONS:
        if a[key] == b[key]:
            continue
        la, lb = dict(_leaves(a[key])), dict(_leaves(b[key]))
        paths = [p for p in dict.fromkeys([*la, *lb]) if la.get(p) != lb.get(p)]
        first = paths[0]
        va, vb = la.get(first), lb.get(first)
        textual = isinstance(va, str) and isinstance(vb, str)
        if textual and _same_text(va, vb) and len(paths) == 1:
            continue
        found.append(
            Change(
                "text",
                first,
                "section",
                old=_plain(va),
                new=_plain(vb),
                section=key,
                more=len(paths) - 1,
                textual=textual,
            )
        )
    return found


def _plain(value: Any) -> str | None:
    """A value as text: a string as it is, anything else as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
