"""The lines and blocks of the CCHC report: a period's numbers (`plan.period`) said as
names, states, verdicts and figures (`ReportLines`), for `views.report` and its annex.

Pure: no I/O. Every number is the period's; this module only chooses how each is said.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from cchc_cli import words
from cchc_cli.plan.deadlines import slot_window
from cchc_cli.plan.naming import target_subjects
from cchc_cli.plan.period import (
    PeriodNumbers,
    exceeds,
    not_yet_due,
    on_time_among_due,
    same_names,
)
from cchc_cli.plan.shapes import AREA_FIGURES, SERVICE_INDEX, TTHC_FIELDS, nfc_key
from cchc_cli.plan.status import Summary, TargetRow, TaskRow
from cchc_cli.views.report_model import AreaBlock, Para, Tally, TargetLine, TaskLine, TthcRow
from cchc_cli.views.report_text import (
    COMPUTED_AS,
    STATES,
    VERDICTS,
    VERDICTS_SO_FAR,
    clean,
    count,
    figure,
    inline,
    keep_last_words,
    keep_sign,
    lower_first,
    mid_sentence,
    one_line,
    trim,
    upper_first,
    vn_date,
    vn_number,
)

_PAKN = ("tiep_nhan", "da_xu_ly", "dang_xu_ly", "cong_khai", "thu_tuc_tong")


def _dated(evidence: str, day: Any) -> str:
    """A record's result followed by its day, unless it says that day already."""
    said = vn_date(day)
    text = clean(evidence)
    return text if said in text else f"{text} (ngày {said})"


class ReportLines:
    """Says a period's numbers: names, states, verdicts, figures, as the report's lines
    and blocks."""

    def __init__(self, n: PeriodNumbers):
        self.n = n
        self.plan = n.plan
        self.status = n.status
        self.as_of = n.status.as_of
        self.subjects = target_subjects(n.status.indicators)
        tasks = self.plan.tasks()
        self.tasks = {t.ma: t for _p, _o, t in tasks}
        self.objectives = {t.ma: o for _p, o, t in tasks}
        self.shared = same_names(t for _p, _o, t in tasks)
        self.targets = {t.ma: t for _a, _i, t in self.plan.targets()}
        self.first_shown: dict[str, str] = {}  # measure id → the section that gives it
        self.rows = {t.id: t for t in n.status.targets}
        self._titles: dict[str, str] = {}
        self._goals: dict[str, str] = {}

    # narrative -------------------------------------------------------------------------

    def narrative(self, key: str) -> list[Para]:
        text = clean(getattr(self.n.story, key, None) if self.n.story is not None else None)
        return [Para(p.strip()) for p in text.split("\n") if p.strip()]

    # names ---------------------------------------------------------------------------

    def units(self, ids: tuple[str, ...] | list[str], verbatim: str | None = None) -> str:
        names = []
        for ma in ids:
            unit = self.plan.unit(ma)
            names.append(unit.ten if unit is not None else ma)
        if not names and verbatim:
            return one_line(verbatim)
        return ", ".join(one_line(n) for n in names)

    def task_title(self, task_id: str) -> str:
        """A task in the plan's words, or by the short name the officer gave it."""
        said = self._titles.get(task_id)
        if said is None:
            task = self.tasks[task_id]
            said = trim(one_line(task.ten_ngan)) if task.ten_ngan else inline(task.nhiem_vu)
            self._titles[task_id] = said
        return said

    def task_goal(self, task_id: str) -> str:
        """The objective of a task whose name another task of the plan shares, else "" (as it
        reads inside a sentence: "(mục tiêu: giảm tối thiểu …)")."""
        said = self._goals.get(task_id)
        if said is None:
            said = ""
            if nfc_key(self.tasks[task_id].nhiem_vu) in self.shared:
                obj = self.objectives[task_id]
                said = mid_sentence(trim(one_line(obj.ten_ngan or obj.noi_dung)))
            self._goals[task_id] = said
        return said

    def task_name(self, task_id: str) -> str:
        """A task named for a sentence: with its objective when its name is not its own."""
        goal = self.task_goal(task_id)
        return self.task_title(task_id) + (f" (mục tiêu: {goal})" if goal else "")

    def target_name(self, ma: str) -> str:
        t = self.targets[ma]
        if t.ten_ngan:
            return upper_first(trim(one_line(t.ten_ngan)))
        return upper_first(trim(one_line(self.subjects.get(ma) or self.rows[ma].text)))

    # tasks --------------------------------------------------------------------------

    def state_code(self, row: TaskRow) -> str:
        """The task's status, with a completion before a deadline still to come told apart
        from one on time ("done_early")."""
        return "done_early" if self.n.early(row) else row.status

    def state(self, row: TaskRow) -> str:
        code = self.state_code(row)
        return STATES.get(code, lower_first(words.status(row.status, "vi")))

    def task_line(self, row: TaskRow, evidence: tuple[str, ...] | None = None) -> TaskLine:
        ev = row.evidence if evidence is None else evidence
        return TaskLine(
            ma=row.id,
            ten=self.task_title(row.id),
            muc_tieu=self.task_goal(row.id),
            chu_tri=self.units(row.lead),
            thoi_han=mid_sentence(one_line(row.deadline_text)),
            tinh_trang=self.state(row),
            ngay_hoan_thanh=vn_date(row.done_on) if row.done_on and row.done else "",
            ket_qua="; ".join(inline(e) for e in ev if inline(e)),
            ghi_chu=mid_sentence(trim(one_line(row.reason or row.note))),
            loai=self.state_code(row),
        )

    def unfinished_line(self, row: TaskRow) -> TaskLine:
        """A task listed under "…chưa hoàn thành:": its state is the heading's unless it
        says more (overdue: "quá hạn, chưa hoàn thành"), so that the line does not repeat it."""
        line = self.task_line(row)
        return replace(line, tinh_trang="") if line.loai == "not_done" else line

    def window_evidence(self, row: TaskRow, dated: bool = False) -> tuple[str, ...]:
        """What a task's records inside the window cite: what a continuous task did in it.
        With `dated`, each is followed by its record's day when there are several ("… (ngày
        09/6/2023)"; not when it says that day already), so that results of one measure
        taken at different times are not read as one."""
        records = [r for r in self.n.window_records.get(row.id, []) if r.minh_chung]
        if not dated or len(records) < 2:
            return tuple(r.minh_chung for r in records)
        return tuple(_dated(r.minh_chung, r.ngay) for r in records)

    def continuous_line(self, row: TaskRow) -> TaskLine:
        return self.task_line(row, self.window_evidence(row, dated=True))

    # targets ------------------------------------------------------------------------

    def target_line(self, row: TargetRow, where: str) -> TargetLine:
        """A target's line. Before the year's end the target is the year's ("mục tiêu cả
        năm"), the value says its day and a target met is met so far ("vượt mục tiêu");
        in the year report the verdict is final and a value says its day only when it is
        older than the last quarter."""
        fig = row.figure
        value = row.actual
        shown = words.with_unit(value, fig.don_vi, "vi", 1) if value else ""
        step = row.milestone
        root = row.same_as or row.id
        first = self.first_shown.setdefault(root, where)
        so_far = not self.status.whole_year
        old = self.n.old(row)
        verdict = VERDICTS.get(row.status, "")
        if so_far and row.status == "met" and value is not None:
            verdict = "vượt mục tiêu" if exceeds(fig, value) else "đạt mục tiêu"
        parts = self.n.computed_parts.get(row.id)
        how = ""
        formula = getattr(fig, "tinh_tu", None)
        if parts is not None and formula in COMPUTED_AS:
            # A report whose window starts after the year's (quý III) gives a share of the
            # year so far: its span is said, else it reads as the quarter's.
            span = ""
            if not self.n.cumulative and row.measured_on is not None:
                start = slot_window(self.plan.nam, 1)[0]
                span = f" từ ngày {vn_date(start)} đến ngày {vn_date(row.measured_on)}"
            how = COMPUTED_AS[formula].format(
                part=count(parts[0]), whole=count(parts[1]), span=span
            )
        return TargetLine(
            ma=row.id,
            ten=self.target_name(row.id),
            muc_tieu=keep_sign(words.figure(fig, "vi")),
            thuc_hien=shown,
            ngay_so_lieu=vn_date(row.measured_on) if row.measured_on and (so_far or old) else "",
            danh_gia=verdict,
            loai=row.status,
            moc=words.with_unit(step.gia_tri, fig.don_vi, "vi", 1) if step else "",
            moc_ngay=vn_date(step.han) if step else "",
            nhu_muc=first if first != where else "",
            ca_nam=so_far,
            cu=old,
            cach_tinh=how if value else "",
            tinh=bool(row.computed),
        )

    def verdict_word(self, status: str) -> str:
        """A verdict as counted and as the annex says it: a target met before the year's end
        is met so far ("đã đạt mục tiêu cả năm")."""
        if not self.status.whole_year and status in VERDICTS_SO_FAR:
            return VERDICTS_SO_FAR[status]
        return VERDICTS.get(status, "")

    def targets_of(self, area: int, where: str) -> list[TargetLine]:
        """The targets of an area that have a value (one without is missing data: left
        out of the text, listed by the pre-flight)."""
        return [self.target_line(t, where) for t in self.n.valued_in(area)]

    # areas --------------------------------------------------------------------------

    def tally(self, s: Summary, subject: str) -> Tally:
        return Tally(
            chu_the=subject,
            ngay=vn_date(self.as_of),
            nhiem_vu=s.tasks,
            thuong_xuyen=s.continuous,
            co_thoi_han=s.dated,
            den_han=s.due,
            hoan_thanh_den_han=s.done_due,
            dung_han=on_time_among_due(s),
            hoan_thanh_qua_han=s.done_late,
            ty_le=words.rate(s.rate),
            hoan_thanh=s.done,
            ty_le_nam=words.rate(s.plan_rate),
            ca_nam=not_yet_due(s) > 0,
            truoc_han=s.done_early,
            qua_han=s.overdue,
            chua_hoan_thanh=s.not_done,
            co_ket_qua=s.reported,
            khong_thuc_hien=s.dropped,
            ca_nam_bao_cao=self.status.whole_year,
            nam=self.plan.nam,
        )

    def figures(self, kind: str) -> dict[str, str | None]:
        return {k: figure(self.n.figures.get(k)) for k, (of, _) in AREA_FIGURES.items()
                if of == kind}  # fmt: skip

    def area_block(self, ma: int, so: str, where: str) -> AreaBlock:
        area = self.n.area(ma)
        kind = area.kind
        shown = self.figures(kind)
        return AreaBlock(
            so=so,
            ten=keep_last_words(one_line(self.plan.area_name(ma))),
            loai=kind,
            dem=self.tally(area.summary, "Lĩnh vực"),
            so_lieu=shown,
            co_so_lieu=any(v is not None for v in shown.values())
            or (kind == "so" and bool(self.service_index())),
            chi_tieu=self.targets_of(ma, where),
            hoan_thanh=[self.task_line(r) for r in area.done],
            thuong_xuyen=[self.continuous_line(r) for r in area.reported],
            chua_bao_cao=[self.task_name(r.id) for r in area.silent],
            thuong_xuyen_con=len(area.continuing),
            chua_xong=[self.unfinished_line(r) for r in area.unfinished],
            khong_thuc_hien=[self.task_line(r) for r in area.tasks if r.status == "dropped"],
            tthc=self.tthc_rows() if kind == "tthc" else [],
            theo_linh_vuc=len(self.n.tthc_areas) if kind == "tthc" else 0,
            pakn=self.complaints() if kind == "tthc" else dict.fromkeys(_PAKN),
            chi_so_766=self.service_index() if kind == "so" else {},
        )

    def complaints(self) -> dict[str, str | None]:
        public = self.n.figures.get("thu_tuc_cong_khai")
        return {
            "tiep_nhan": figure(self.n.figures.get("pakn_tiep_nhan")),
            "da_xu_ly": figure(self.n.figures.get("pakn_da_xu_ly")),
            "dang_xu_ly": figure(self.n.complaints_pending),
            "cong_khai": figure(public),
            "thu_tuc_tong": figure(self.n.procedures) if public is not None else None,
        }

    def service_index(self) -> dict[str, Any]:
        index = self.n.scored_service_index
        if index is None:
            return {}
        groups = [
            {"ten": name, "diem": vn_number(getattr(index, key), 2), "toi_da": most}
            for key, (name, most) in SERVICE_INDEX.items()
        ]
        return {"tong": vn_number(index.total, 2), "nhom": groups,
                "nguon": trim(one_line(index.nguon))}  # fmt: skip

    def tthc_rows(self) -> list[TthcRow]:
        """The TTHC table of the period (`bao_cao: [{ky, thong_ke_tthc}]`): the rows with a
        figure; a figure not recorded leaves its row out (the pre-flight lists it)."""
        stats = self.n.tthc
        if stats is None:
            return []

        def n(key: str) -> str | None:
            value = getattr(stats, key)
            return None if value is None else count(value)

        def total(value: int | None) -> str | None:
            return None if value is None else count(value)

        F = TTHC_FIELDS
        rows = [
            ("1", "Tổng số hồ sơ tiếp nhận", total(stats.received), True),
            ("a", F["tiep_nhan_truc_tuyen"], n("tiep_nhan_truc_tuyen"), False),
            ("b", F["tiep_nhan_truc_tiep"], n("tiep_nhan_truc_tiep"), False),
            ("c", F["tiep_nhan_ky_truoc"], n("tiep_nhan_ky_truoc"), False),
            ("2", "Số hồ sơ đã giải quyết", total(stats.resolved), True),
            ("a", F["giai_quyet_truoc_han"], n("giai_quyet_truoc_han"), False),
            ("b", F["giai_quyet_dung_han"], n("giai_quyet_dung_han"), False),
            ("c", F["giai_quyet_qua_han"], n("giai_quyet_qua_han"), False),
            ("3", "Số hồ sơ đang giải quyết", total(stats.pending), True),
            ("a", F["dang_giai_quyet_trong_han"], n("dang_giai_quyet_trong_han"), False),
            ("b", F["dang_giai_quyet_qua_han"], n("dang_giai_quyet_qua_han"), False),
            ("4", F["tra_lai_rut"], n("tra_lai_rut"), True),
            ("5", F["thu_xin_loi"], n("thu_xin_loi"), True),
            ("6", F["thu_tuc_tong"], n("thu_tuc_tong"), True),
            ("a", F["thu_tuc_cong_bo"], n("thu_tuc_cong_bo"), False),
            ("b", F["thu_tuc_sua_doi"], n("thu_tuc_sua_doi"), False),
            ("c", F["thu_tuc_bai_bo"], n("thu_tuc_bai_bo"), False),
            ("7", "Dịch vụ công trực tuyến", "", True),
            ("a", F["dvc_toan_trinh"], n("dvc_toan_trinh"), False),
            ("b", F["dvc_mot_phan"], n("dvc_mot_phan"), False),
            ("c", F["thanh_toan_truc_tuyen"], n("thanh_toan_truc_tuyen"), False),
        ]
        kept = [
            TthcRow(tt, text, value, bold) for tt, text, value, bold in rows if value is not None
        ]
        if [r.tt for r in kept[-1:]] == ["7"]:  # the group's title with nothing under it
            kept.pop()
        return kept
