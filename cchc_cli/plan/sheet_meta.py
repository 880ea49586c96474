"""What a unit's sheet is made for, and what it may write back (no I/O, no words).

`cchc sheet` writes a hidden sheet `_cchc` naming what the sheet was made for; `cchc
import` verifies it against the plan it is imported into and lets the sheet write only
what its unit answers for. Both sides read the rules here:

- the keys: `format`, `plan` (the plan file's name), `body` (the issuing body, as the plan
  names it), `year`, `unit`, `quarter`, `sets` (the figure sets the sheet carries: `tasks`,
  `targets`, `tthc` for the body's TTHC figures, and `prose` for the report's prose in the
  workbook of the unit that drafts the reports), `plan_hash` (the plan file's SHA-256),
  `made`, a fingerprint per task (`task:<id>`) and per target (`target:<id>`), in a sheet
  carrying the prose a fingerprint of each text recorded when it was made (`prose:<key>`),
  and `check`: a digest of all of them, so that a hand edit of the hidden sheet (a
  quarter changed from 2 to 4) is seen. It is a check, not a signature: anyone can make
  a sheet with `cchc sheet`, and the import verifies what a sheet says, not who made it;
- a unit's sheet writes only the tasks the unit leads or supports (directly or through a
  group it belongs to), only the targets it answers for, the TTHC figures only when
  it was made to carry them, and the report's prose only when it is the workbook of the
  unit that drafts the reports (`cai_dat.don_vi_luu`);
- the dates a sheet may carry (`date_window`) and the day it is due back (`return_by`).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any

from cchc_cli.plan.lookup import reach, require_unit
from cchc_cli.plan.shapes import nfc_key

if TYPE_CHECKING:
    from cchc_cli.plan.deadlines import Period
    from cchc_cli.plan.model import Plan, Target

SETS = ("tasks", "targets", "tthc", "prose")


def meta_text(value: Any) -> str:
    """A cell of the hidden sheet as the digest reads it: a number as digits (2023, not
    2023.0, whatever the spreadsheet made of it), text stripped, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def meta_check(pairs: list[tuple[str, str]]) -> str:
    """The digest of the hidden sheet's keys and values, in their order."""
    text = json.dumps(pairs, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def body_of(plan: Plan) -> str:
    """The issuing body as the plan names it, with the body it answers to."""
    header = plan.van_ban
    return " ".join(f"{header.co_quan_ban_hanh} ({header.co_quan_chu_quan})".split())


def same_body(a: str, b: str) -> bool:
    return nfc_key(a) == nfc_key(b)


def target_hash(figure: Target) -> str:
    """A target's fingerprint: what it measures and the figure it aims at."""
    fields = [figure.ma, figure.so_sanh, figure.gia_tri, figure.gia_tri_den, figure.don_vi]
    text = json.dumps(fields, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def target_owners(plan: Plan) -> dict[str, set[str]]:
    """The units answering for each target: those leading a task of an objective that
    restates it (`ung_voi`); otherwise the unit that drafts the reports (`don_vi_luu`)."""
    owners: dict[str, set[str]] = {}
    for _part, objective, task in plan.tasks():
        for fig in objective.chi_so:
            if fig.ung_voi:
                owners.setdefault(fig.ung_voi, set()).update(task.chu_tri)
    for _area, _indicator, target in plan.targets():
        if not owners.get(target.ma):
            owners[target.ma] = {plan.cai_dat.don_vi_luu}
    return owners


def tthc_areas(plan: Plan) -> set[int]:
    """The areas of administrative procedures (TTHC), whose figures the body reports."""
    return {a.ma for a in plan.linh_vuc if "thủ tục hành chính" in nfc_key(a.ten)}


def carries_tthc(plan: Plan, unit: str) -> bool:
    """Whether a unit's sheet carries the body's TTHC figures: it leads a task of the
    TTHC area."""
    owed = reach(plan, [unit])
    areas = tthc_areas(plan)
    return any(owed & set(t.chu_tri) for part, _o, t in plan.tasks() if part.linh_vuc in areas)


def carries_prose(plan: Plan, unit: str) -> bool:
    """Whether a unit's workbook carries the report's prose: it is the unit that drafts
    the reports (`cai_dat.don_vi_luu`), whose officer writes them."""
    return unit == plan.cai_dat.don_vi_luu


def sets_for(plan: Plan, unit: str) -> list[str]:
    """The figure sets a unit's sheet is made with."""
    return [
        "tasks",
        "targets",
        *(["tthc"] if carries_tthc(plan, unit) else []),
        *(["prose"] if carries_prose(plan, unit) else []),
    ]


def prose_text(value: Any) -> str:
    """A text of the report's prose as it is compared and stored: NFC, lines ended by "\n"
    alone (a spreadsheet may write "\r\n"), no blanks around the whole; "" for none."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def prose_hash(value: Any) -> str:
    """The fingerprint of a recorded text (`prose_text`), as the hidden sheet keeps it."""
    return hashlib.sha256(prose_text(value).encode("utf-8")).hexdigest()[:16]


def date_window(year: int, today: date) -> tuple[date, date]:
    """The days a sheet's date may say: from the plan year's first reporting window (15/12
    of the year before) to the day of import, and never after the year's last day (a record
    dated later needs a reason a sheet cannot give)."""
    from cchc_cli.plan.progress_checks import record_window

    first, last = record_window(year)
    return first, min(today, last)


def return_by(period: Period, made: date) -> date:
    """The day a unit's sheet is due back: the period's cut-off, the last day its figures
    count; a sheet made after the cut-off, the body's own submission day (`submit_by`); a
    sheet made after that, the day it was made."""
    if made <= period.cutoff:
        return period.cutoff
    return max(period.submit_by, made)


def sheet_units(plan: Plan, unit: str | None) -> list[str]:
    """The units sheets are made for: the one `unit` names (an id or a name, as people
    type it), or, for None, every unit of the plan that is not a group of others."""
    if unit is None:
        return [u.ma for u in plan.don_vi if not u.tap_the]
    return [require_unit(plan, unit)]


def sheet_file(year: int, quarter: int, unit: str) -> str:
    """The name of a unit's sheet for a period: `2023-q2-VP.xlsx`."""
    return f"{year}-q{quarter}-{unit}.xlsx"


def owned_tasks(plan: Plan, unit: str) -> set[str]:
    """The tasks a unit leads or supports, itself or through a group it belongs to."""
    owed = reach(plan, [unit])
    return {t.ma for _p, _o, t in plan.tasks() if owed & (set(t.chu_tri) | set(t.phoi_hop))}


def answers_for(plan: Plan, unit: str, owners: dict[str, set[str]] | None = None) -> set[str]:
    """The targets a unit answers for (`target_owners`, or `owners` when the caller has
    them for many units); a target that restates another (`ung_voi`) is recorded once,
    under the one it restates, so no sheet writes it."""
    owed = reach(plan, [unit])
    restated = {t.ma for _a, _i, t in plan.targets() if getattr(t, "ung_voi", None)}
    owners = owners if owners is not None else target_owners(plan)
    return {ma for ma, whose in owners.items() if owed & whose} - restated
