"""The self-assessment of the PAR index: a scoring set, the plan, its progress and its
status → the points of every criterion, with the numbers and the records each computed
point came from.

Pure: no I/O, no words. Automatic points come from the rules the set names (`tu_dong`,
`plan.criteria.RULES`), fed by the records the plan maps to them (`cai_dat.cham_diem`)
and by the counts `compute_status` already made (`Summary`, the register of reports):
nothing is counted here a second time. Every other point is the officer's, recorded in
the progress file under `tu_cham` with its evidence and the appraisal rounds.

A record is named by where it stands (`Ref`: the file, plan or progress, and its path in
the file); the files layer turns that into `path:line`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from cchc_cli.errors import Finding, Loc
from cchc_cli.plan.criteria import RULES, CriteriaSet, Criterion, Rule, all_criteria
from cchc_cli.plan.lookup import closest_id

if TYPE_CHECKING:
    from cchc_cli.plan.model import Plan, Progress
    from cchc_cli.plan.status import StatusReport

# How a criterion's self-score came to be.
Source = Literal["auto", "override", "manual", "survey", "unscored"]
# Why a rule could not be computed.
Missing = Literal["not-mapped", "no-tasks", "no-report-due", "no-figures", "no-value"]
YEAR_REPORT = 4  # the year report's figures are the year's


@dataclass(frozen=True)
class Ref:
    """A record a number came from: `file` is "plan" or "progress", `loc` its path in it."""

    file: Literal["plan", "progress"]
    loc: Loc
    label: str  # what it is, as an id: "I.1.a", "bao_cao 3", "CT3.1.a"


@dataclass(frozen=True)
class Document:
    """A document cited as evidence: recorded by the officer (`tu_cham`) or found in the
    records a computed point came from (a task's `minh_chung`, a report's number)."""

    so: str | None = None
    ngay: date | None = None
    trich_yeu: str | None = None
    tep: str | None = None
    lien_ket: str | None = None
    trang: str | None = None
    ref: Ref | None = None  # where it was found or recorded
    report: int | None = None  # a periodic report of the plan's year (its quarter)

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.so, self.ngay, self.trich_yeu, self.tep, self.lien_ket, self.report)


@dataclass(frozen=True)
class Computed:
    """What a rule found: a case, a percentage, the numbers it came from and the records."""

    rule: str
    case: str | None = None
    value: float | None = None  # a percentage, 0..100
    numbers: tuple[tuple[str, Any], ...] = ()
    refs: tuple[Ref, ...] = ()
    documents: tuple[Document, ...] = ()
    missing: Missing | None = None
    needs: str | None = None  # the input that is missing (a setting or a figure)


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


# --- the rules ------------------------------------------------------------------------


@dataclass
class Inputs:
    """What the rules read, indexed once: the plan, the progress file, the status."""

    plan: Any
    progress: Any
    status: Any
    as_of: date
    task_records: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)
    tasks: dict[str, Any] = field(default_factory=dict)
    task_locs: dict[str, Loc] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: Plan, progress: Progress, status: StatusReport, as_of: date) -> Inputs:
        found = cls(plan, progress, status, as_of)
        for i, rec in enumerate(progress.nhiem_vu):
            found.task_records.setdefault(rec.ma, []).append((i, rec))
        found.tasks = {row.id: row for row in status.tasks}
        for pi, part in enumerate(plan.phu_luc.phan):
            places: list[tuple[Loc, list[Any]]] = [(("muc_tieu",), part.muc_tieu)]
            places += [(("nhom", gi, "muc_tieu"), g.muc_tieu) for gi, g in enumerate(part.nhom)]
            for path, objectives in places:
                for oi, obj in enumerate(objectives):
                    for ti, task in enumerate(obj.nhiem_vu):
                        found.task_locs[task.ma] = (
                            "phu_luc", "phan", pi, *path, oi, "nhiem_vu", ti, "thoi_han"
                        )  # fmt: skip
        return found

    def completion(self, task_id: str) -> tuple[Ref | None, Document | None]:
        """The record that completed a task (the first of its last run of 'done' records, on
        or before the as-of date), and the document it cites."""
        row = self.tasks.get(task_id)
        if row is None or row.done_on is None:
            return None, None
        for i, rec in self.task_records.get(task_id, []):
            if rec.ngay == row.done_on and rec.trang_thai == "hoan_thanh":
                ref = Ref("progress", ("nhiem_vu", i, "ngay"), task_id)
                doc = Document(trich_yeu=rec.minh_chung, ref=ref) if rec.minh_chung else None
                return ref, doc
        return None, None


def _pct(part: float, whole: float) -> float:
    return part / whole * 100


def _plan_issued(inp: Inputs) -> Computed:
    rule = "ke_hoach_ban_hanh_dung_han"
    scoring = inp.plan.cai_dat.cham_diem
    task_id = scoring.nhiem_vu_ban_hanh_ke_hoach if scoring is not None else None
    if task_id is None or task_id not in inp.tasks:
        return Computed(
            rule, missing="not-mapped", needs="cai_dat.cham_diem.nhiem_vu_ban_hanh_ke_hoach"
        )
    row = inp.tasks[task_id]
    ref, doc = inp.completion(task_id)
    plan_ref = Ref("plan", inp.task_locs[task_id], task_id)
    if row.done_on is None:
        case = "chua_ban_hanh"
    else:
        case = "dung_han" if row.status == "done_on_time" else "tre_han"
    numbers = (("task", task_id), ("done_on", row.done_on), ("due", row.due))
    refs = (plan_ref,) + ((ref,) if ref else ())
    return Computed(rule, case=case, numbers=numbers, refs=refs, documents=(doc,) if doc else ())


def _tasks_done(inp: Inputs, on_time: bool) -> Computed:
    rule = "ty_le_hoan_thanh_dung_han" if on_time else "ty_le_hoan_thanh_ke_hoach"
    s = inp.status.summary  # the counts of `cchc status`, defined once
    if not s.dated:
        return Computed(rule, missing="no-tasks")
    done = s.done_on_time if on_time else s.done
    wanted = ("done_on_time",) if on_time else ("done_on_time", "done_late")
    refs, docs = [], []
    for row in inp.status.tasks:
        if row.status in wanted and not row.continuous:
            ref, doc = inp.completion(row.id)
            if ref is not None:
                refs.append(ref)
            if doc is not None:
                docs.append(doc)
    key = "done_on_time" if on_time else "done"
    return Computed(rule, value=_pct(done, s.dated), numbers=((key, done), ("dated", s.dated)),
                    refs=tuple(refs), documents=tuple(docs))  # fmt: skip


def _reports(inp: Inputs) -> Computed:
    rule = "bao_cao_dung_han"
    counts = inp.status.report_counts  # the register's counts, defined once
    if not counts.due:
        return Computed(rule, missing="no-report-due")
    due = [r for r in inp.status.reports if r.due <= inp.as_of]
    if all(r.status == "sent_on_time" for r in due):
        case = "du_dung_han"
    elif all(r.sent for r in due):
        case = "gui_tre"
    else:
        case = "thieu"
    refs, docs = [], []
    for r in due:
        label = f"bao_cao {r.quarter}"
        if r.entry is not None:
            key = "ngay_gui" if r.sent_on else "ky"
            ref = Ref("progress", ("bao_cao", r.entry, key), label)
            refs.append(ref)
            if r.number or r.signed_on:
                docs.append(Document(so=r.number, ngay=r.signed_on, ref=ref, report=r.quarter))
    numbers = (("sent_on_time", counts.sent_on_time_due), ("due", counts.due),
               ("late", counts.sent_late), ("overdue", counts.overdue))  # fmt: skip
    return Computed(rule, case=case, value=_pct(counts.sent_on_time_due, counts.due),
                    numbers=numbers, refs=tuple(refs), documents=tuple(docs))  # fmt: skip


def _year_report(progress: Progress) -> tuple[int, Any] | None:
    """The year report's entry in `bao_cao` (the last, if given twice), with its index."""
    reports = list(enumerate(progress.bao_cao))
    return next(((i, n) for i, n in reversed(reports) if n.ky == YEAR_REPORT), None)


def _report_documents(story: Any, index: int) -> tuple[Document, ...]:
    """The year report itself, as evidence, when its number or date is recorded."""
    if not (story.so or story.ngay_ky):
        return ()
    ref = Ref("progress", ("bao_cao", index, "so"), f"bao_cao {YEAR_REPORT}")
    return (Document(so=story.so, ngay=story.ngay_ky, report=YEAR_REPORT, ref=ref),)


def _year_figures(inp: Inputs, rule: str, group: str, part: tuple[str, ...],
                  whole: tuple[str, ...]) -> Computed:  # fmt: skip
    """A rate from the year report's figures: the sum of `part` over the sum of `whole`."""
    keys = list(dict.fromkeys(part + whole))
    found = _year_report(inp.progress)
    figures = getattr(found[1], group, None) if found is not None else None
    values = {k: getattr(figures, k, None) for k in keys} if figures is not None else {}
    absent = [k for k in keys if values.get(k) is None]
    if found is None or absent:
        return Computed(rule, missing="no-figures", needs=f"bao_cao[ky={YEAR_REPORT}].{group}."
                        + ", ".join(absent))  # fmt: skip
    index, story = found
    top, bottom = sum(values[k] or 0 for k in part), sum(values[k] or 0 for k in whole)
    if not bottom:
        return Computed(rule, missing="no-value", needs=" + ".join(whole))
    refs = tuple(Ref("progress", ("bao_cao", index, group, k), k) for k in keys)
    return Computed(rule, value=_pct(top, bottom), numbers=tuple(values.items()), refs=refs,
                    documents=_report_documents(story, index))  # fmt: skip


def _digitised(inp: Inputs) -> Computed:
    rule = "so_hoa_ho_so"
    scoring = inp.plan.cai_dat.cham_diem
    target_id = scoring.chi_so_so_hoa if scoring is not None else None
    if target_id is None:
        return Computed(rule, missing="not-mapped", needs="cai_dat.cham_diem.chi_so_so_hoa")
    row = next((t for t in inp.status.targets if t.id == target_id), None)
    if row is None:
        return Computed(rule, missing="not-mapped", needs="cai_dat.cham_diem.chi_so_so_hoa")
    if row.actual is None:
        return Computed(rule, missing="no-value", needs=target_id)
    index = max(
        (
            i
            for i, r in enumerate(inp.progress.chi_so)
            if r.ma == target_id and r.ngay == row.measured_on
        ),
        default=None,
    )
    refs = (Ref("progress", ("chi_so", index, "ngay"), target_id),) if index is not None else ()
    docs: tuple[Document, ...] = ()
    if row.source and refs:
        docs = (Document(trich_yeu=row.source, ngay=row.measured_on, ref=refs[0]),)
    numbers: tuple[tuple[str, Any], ...] = (("target", target_id), ("measured_on", row.measured_on))
    rec = inp.progress.chi_so[index] if index is not None else None
    if rec is not None and rec.tu_so is not None:
        numbers += (("tu_so", rec.tu_so), ("mau_so", rec.mau_so))
    return Computed(rule, value=min(row.actual, 100.0), numbers=numbers, refs=refs, documents=docs)


# The rules that are a rate of the year report's figures: the group of figures, the
# figures summed above the line, those summed below it.
YEAR_RATES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "ty_le_don_vi_kiem_tra": ("so_lieu", ("don_vi_duoc_kiem_tra",), ("tong_so_don_vi",)),
    "tthc_dung_han": (
        "thong_ke_tthc",
        ("giai_quyet_truoc_han", "giai_quyet_dung_han"),
        ("giai_quyet_truoc_han", "giai_quyet_dung_han", "giai_quyet_qua_han"),
    ),
    "tthc_truc_tuyen": (
        "thong_ke_tthc",
        ("tiep_nhan_truc_tuyen",),
        ("tiep_nhan_truc_tuyen", "tiep_nhan_truc_tiep"),
    ),
}


def compute_rule(key: str, inp: Inputs) -> Computed:
    if key in YEAR_RATES:
        return _year_figures(inp, key, *YEAR_RATES[key])
    if key in ("ty_le_hoan_thanh_ke_hoach", "ty_le_hoan_thanh_dung_han"):
        return _tasks_done(inp, on_time=key.endswith("dung_han"))
    if key == "ke_hoach_ban_hanh_dung_han":
        return _plan_issued(inp)
    if key == "bao_cao_dung_han":
        return _reports(inp)
    if key == "so_hoa_ho_so":
        return _digitised(inp)
    raise KeyError(key)  # pragma: no cover - the set's checks know the rules


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
