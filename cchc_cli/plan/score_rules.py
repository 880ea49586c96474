"""The automatic rules of the PAR-index self-assessment (`plan.criteria.RULES`): each
reads the records the plan maps to it (`cai_dat.cham_diem`) and the counts `compute_status`
already made (`Inputs`), and says what it found (`Computed`): a case or a percentage, the
numbers it came from, the records they stand at (`Ref`) and the documents those cite
(`Document`). Nothing is counted here a second time.

Pure: no I/O, no words. `plan.score` turns what a rule found into points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from cchc_cli.errors import Loc
from cchc_cli.plan.measures import SUMS, figure_of

if TYPE_CHECKING:
    from cchc_cli.plan.model import Plan, Progress
    from cchc_cli.plan.status import StatusReport

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
    # A figure not recorded but the sum of others (`SUMS`: the units) is that sum.
    values = {k: figure_of(figures, k) for k in keys} if figures is not None else {}
    absent = [k for k in keys if values.get(k) is None]
    if found is None or absent:
        return Computed(rule, missing="no-figures", needs=f"bao_cao[ky={YEAR_REPORT}].{group}."
                        + ", ".join(absent))  # fmt: skip
    index, story = found
    top, bottom = sum(values[k] or 0 for k in part), sum(values[k] or 0 for k in whole)
    if not bottom:
        return Computed(rule, missing="no-value", needs=" + ".join(whole))
    recorded = [k for k in keys if getattr(getattr(story, group, None), k, None) is not None]
    shown = [*recorded, *(p for k in keys if k not in recorded for p in SUMS.get(k, ()))]
    refs = tuple(Ref("progress", ("bao_cao", index, group, k), k) for k in shown)
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
