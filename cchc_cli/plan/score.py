"""The self-assessment of the PAR index: a scoring set, the plan, its progress and its
status → the points of every criterion, with the numbers and the records each computed
point came from.

Pure: no I/O, no words. Automatic points come from the rules the set names (`tu_dong`,
`plan.criteria.RULES`, computed in `plan.score_rules`), fed by the records the plan maps
to them (`cai_dat.cham_diem`) and by the counts `compute_status` already made (`Summary`,
the register of reports): nothing is counted here a second time. Every other point is the officer's, recorded in
the progress file under `tu_cham` with its evidence and the appraisal rounds.

A record is named by where it stands (`Ref`: the file, plan or progress, and its path in
the file); the files layer turns that into `path:line`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from cchc_cli.errors import Finding, Loc
from cchc_cli.plan.criteria import RULES, CriteriaSet, Criterion, Rule, all_criteria
from cchc_cli.plan.lookup import closest_id
from cchc_cli.plan.score_rules import Computed, Document, Inputs, Ref, compute_rule

if TYPE_CHECKING:
    from cchc_cli.plan.model import Plan, Progress
    from cchc_cli.plan.status import StatusReport

# How a criterion's self-score came to be.
Source = Literal["auto", "override", "manual", "survey", "unscored"]


@dataclass(frozen=True)
class Round:
    vong: int
    ngay: date | None
    diem: float
    nhan_xet: str | None
    giai_trinh: str | None
    ref: Ref


@dataclass(frozen=True)
class CriterionScore:
    code: str
    area: str
    title: str
    max: float
    kind: str
    depth: int  # 0 a criterion of an area, 1 its component, ...
    leaf: bool
    rule: str | None = None
    computed: Computed | None = None
    computed_points: float | None = None
    points: float | None = None  # the self-score (None: not scored yet)
    source: Source = "unscored"
    note: str | None = None
    evidence: tuple[Document, ...] = ()
    evidence_needed: str | None = None
    rounds: tuple[Round, ...] = ()
    entry: Ref | None = None  # its `tu_cham` entry, when there is one

    @property
    def appraised(self) -> float | None:
        """The latest round's score."""
        return self.rounds[-1].diem if self.rounds else None

    @property
    def survey(self) -> bool:
        return self.kind == "dieu_tra"

    @property
    def unscored(self) -> bool:
        return self.leaf and not self.survey and self.points is None

    @property
    def lacks_evidence(self) -> bool:
        """Points claimed with no document to prove them."""
        return self.leaf and not self.survey and bool(self.points) and not self.evidence


@dataclass(frozen=True)
class AreaScore:
    code: str
    title: str
    max: float
    self_max: float  # without the survey's points
    points: float
    appraised: float | None
    criteria: tuple[CriterionScore, ...]  # in the set's order, components after their criterion


@dataclass(frozen=True)
class ScoreReport:
    cset: CriteriaSet
    as_of: date
    areas: tuple[AreaScore, ...]
    total_max: float
    self_max: float  # what the body scores itself (the survey's points are the province's)
    survey_max: float
    points: float
    appraised: float | None  # the sum of the latest appraised scores, where there are some
    appraised_count: int
    problems: tuple[Finding, ...] = ()  # `tu_cham` entries that do not fit the set

    @property
    def criteria(self) -> list[CriterionScore]:
        return [c for a in self.areas for c in a.criteria]

    @property
    def scored(self) -> list[CriterionScore]:
        return [c for c in self.criteria if c.leaf]

    @property
    def unscored(self) -> list[CriterionScore]:
        return [c for c in self.criteria if c.unscored]

    @property
    def lacking_evidence(self) -> list[CriterionScore]:
        return [c for c in self.criteria if c.lacks_evidence]

    @property
    def records(self) -> list[Ref]:
        """Every record the report cites, once: those the computed points came from, then
        those the evidence was found or recorded at."""
        refs = [r for c in self.criteria if c.computed is not None for r in c.computed.refs]
        refs += [d.ref for c in self.criteria for d in c.evidence if d.ref is not None]
        return list(dict.fromkeys(refs))

    @property
    def documents(self) -> list[tuple[Document, list[str]]]:
        """Every document cited, once, with the criteria citing it (in the set's order)."""
        index: dict[tuple[Any, ...], tuple[Document, list[str]]] = {}
        for c in self.criteria:
            for doc in c.evidence:
                entry = index.setdefault(doc.key, (doc, []))
                if c.code not in entry[1]:
                    entry[1].append(c.code)
        return list(index.values())


# --- points ---------------------------------------------------------------------------


def points_for(criterion: Criterion, rule: Rule, found: Computed) -> float | None:
    """The points a computed rule gives a criterion, by the way the set scores it."""
    scoring = criterion.cach_cham
    if scoring is None or found.missing is not None:
        return None
    top = criterion.diem_toi_da
    kind = scoring.kieu
    if kind == "co_khong":
        if rule.yes is not None and scoring.nguong is None:
            return top if found.case == rule.yes else 0.0
        threshold = 100.0 if scoring.nguong is None else scoring.nguong
        return top if found.value is not None and found.value >= threshold - 1e-9 else 0.0
    if kind == "truong_hop":
        return scoring.truong_hop.get(found.case or "")
    if found.value is None:
        return None
    if kind == "ty_le":
        return round(top * min(max(found.value, 0.0), 100.0) / 100, 2)
    if kind == "muc":
        for band in scoring.muc:
            if band.tren is not None and not found.value > band.tren:
                continue
            if band.tu is not None and not found.value >= band.tu - 1e-9:
                continue
            return band.diem
        return 0.0
    return None


def _documents(entries: Iterable[Any], at: Ref) -> list[Document]:
    return [
        Document(
            e.so,
            e.ngay,
            e.trich_yeu,
            e.tep,
            e.lien_ket,
            e.trang,
            Ref("progress", (*at.loc, "minh_chung", i), at.label),
        )  # fmt: skip
        for i, e in enumerate(entries)
    ]


def check_self_scores(cset: CriteriaSet, progress: Progress) -> list[Finding]:
    """The `tu_cham` entries name criteria of the set, once each, score a criterion that is
    scored (not one made of components) within its maximum."""
    by_code = {c.ma: c for _l, _a, c in all_criteria(cset)}
    seen: set[str] = set()
    found = []
    for i, entry in enumerate(getattr(progress, "tu_cham", ())):
        at: Loc = ("tu_cham", i)
        crit = by_code.get(entry.ma)
        if crit is None:
            found.append(Finding((*at, "ma"), "error", "unknown-criterion", "unknown-criterion",
                                 {"id": entry.ma, "like": closest_id(entry.ma, by_code),
                                  "set": cset.ten}))  # fmt: skip
            continue
        if entry.ma in seen:
            found.append(Finding((*at, "ma"), "error", "duplicate-id", "duplicate-self-score",
                                 {"id": entry.ma}))  # fmt: skip
        seen.add(entry.ma)
        if crit.thanh_phan and entry.diem is not None:
            found.append(Finding((*at, "diem"), "error", "criteria", "score-parent",
                                 {"id": entry.ma, "parts": ", ".join(p.ma for p in crit.thanh_phan)}))  # fmt: skip
        for key, value in [("diem", entry.diem)] + [
            (("tham_dinh", j, "diem"), r.diem) for j, r in enumerate(entry.tham_dinh)
        ]:
            if value is not None and value > crit.diem_toi_da + 1e-9:
                where = (*at, *(key if isinstance(key, tuple) else (key,)))
                found.append(Finding(where, "error", "points-over", "points-over",
                                     {"id": entry.ma, "points": value, "max": crit.diem_toi_da}))  # fmt: skip
        if (
            crit.cach_cham is not None
            and crit.cach_cham.kieu == "dieu_tra"
            and entry.diem is not None
        ):
            found.append(Finding((*at, "diem"), "warning", "criteria", "survey-self-scored",
                                 {"id": entry.ma}))  # fmt: skip
    return found


def _self_scores(progress: Progress) -> dict[str, tuple[int, Any]]:
    """Each criterion's `tu_cham` entry (the first, if given twice), with its index."""
    entries: dict[str, tuple[int, Any]] = {}
    for i, e in enumerate(getattr(progress, "tu_cham", ())):
        entries.setdefault(e.ma, (i, e))
    return entries


def _by_area(cset: CriteriaSet) -> dict[str, list[tuple[int, Criterion]]]:
    """Each area's criteria in the set's order, components after their criterion, with
    their depth (0 a criterion of the area, 1 its component, ...)."""
    found: dict[str, list[tuple[int, Criterion]]] = {}
    for loc, code, crit in all_criteria(cset):
        depth = sum(1 for part in loc if part == "thanh_phan")
        found.setdefault(code, []).append((depth, crit))
    return found


def _appraised(scored: list[CriterionScore]) -> list[float]:
    """The latest appraised scores of the criteria that have one."""
    return [c.appraised for c in scored if c.appraised is not None]


def _sum(values: Iterable[float | None]) -> float:
    return round(sum(v or 0.0 for v in values), 2)


def _area_score(area: Any, rows: list[CriterionScore]) -> AreaScore:
    leaves = [r for r in rows if r.leaf]
    appraised = _appraised(leaves)
    return AreaScore(
        code=area.ma,
        title=area.ten,
        max=area.diem_toi_da,
        self_max=sum(r.max for r in leaves if not r.survey),
        points=_sum(r.points for r in leaves),
        appraised=_sum(appraised) if appraised else None,
        criteria=tuple(rows),
    )


def compute_score(
    cset: CriteriaSet, plan: Plan, progress: Progress, status: StatusReport
) -> ScoreReport:
    """Every criterion's self-score at the status's as-of date."""
    as_of = status.as_of
    inp = Inputs.of(plan, progress, status, as_of)
    entries = _self_scores(progress)
    computed_rules: dict[str, Computed] = {}
    by_area = _by_area(cset)
    areas = [
        _area_score(area, [_criterion(crit, area.ma, depth, entries, inp, computed_rules)
                           for depth, crit in by_area.get(area.ma, [])])
        for area in cset.linh_vuc
    ]  # fmt: skip
    scored = [c for a in areas for c in a.criteria if c.leaf]
    appraised = _appraised(scored)
    return ScoreReport(
        cset=cset,
        as_of=as_of,
        areas=tuple(areas),
        total_max=cset.tong_diem,
        self_max=_sum(c.max for c in scored if not c.survey),
        survey_max=_sum(c.max for c in scored if c.survey),
        points=_sum(c.points for c in scored),
        appraised=_sum(appraised) if appraised else None,
        appraised_count=len(appraised),
        problems=tuple(check_self_scores(cset, progress)),
    )


def _criterion(
    crit: Criterion,
    area: str,
    depth: int,
    entries: dict[str, tuple[int, Any]],
    inp: Inputs,
    computed_rules: dict[str, Computed],
) -> CriterionScore:
    kind = crit.cach_cham.kieu if crit.cach_cham is not None else ""
    found = entries.get(crit.ma)
    entry = found[1] if found else None
    at = Ref("progress", ("tu_cham", found[0]), crit.ma) if found else None
    rounds = tuple(
        Round(r.vong, r.ngay, r.diem, r.nhan_xet, r.giai_trinh,
              Ref("progress", (*at.loc, "tham_dinh", j), crit.ma))
        for j, r in enumerate(entry.tham_dinh if entry is not None else ())
        if at is not None
    )  # fmt: skip
    base = CriterionScore(
        code=crit.ma,
        area=area,
        title=crit.ten,
        max=crit.diem_toi_da,
        kind=kind,
        depth=depth,
        leaf=not crit.thanh_phan,
        evidence_needed=crit.minh_chung,
        rounds=rounds,
        entry=at,
        note=entry.ghi_chu if entry is not None else None,
    )
    if crit.thanh_phan:
        return base
    recorded = tuple(_documents(entry.minh_chung, at)) if entry is not None and at else ()
    own = entry.diem if entry is not None else None
    if kind == "dieu_tra":
        return replace(base, source="survey", evidence=recorded)
    rule = RULES.get(crit.tu_dong or "")
    if rule is None:
        return replace(base, points=own, source="manual" if own is not None else "unscored",
                       evidence=recorded)  # fmt: skip
    if rule.key not in computed_rules:
        computed_rules[rule.key] = compute_rule(rule.key, inp)
    computed = computed_rules[rule.key]
    points = points_for(crit, rule, computed)
    scored = replace(base, rule=rule.key, computed=computed, computed_points=points,
                     evidence=recorded + computed.documents)  # fmt: skip
    if own is not None:
        return replace(scored, points=own, source="override")
    return replace(scored, points=points, source="auto" if points is not None else "unscored")
