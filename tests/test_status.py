"""Status rules on their boundary days, and `cchc status` as a user runs it."""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, write
from helpers import cchc

from cchc_cli.files.workspace import open_workspace
from cchc_cli.plan.model import Figure, Milestone, Target, TargetRecord, Task, TaskRecord
from cchc_cli.plan.status import (
    compute_status,
    milestone_due,
    report_window,
    summarise,
    target_status,
    task_status,
)

PLAN = ROOT / "plans" / "2023.yaml"
GOLDEN = Path(__file__).parent / "golden"
Q2 = (date(2022, 12, 15), date(2023, 6, 14))  # the 6-month report's data window

# Made-up progress for tests: not real records of the department.
MADE_UP_PROGRESS = """\
# MADE-UP progress for tests only: these are not real records.
nhiem_vu:
  - {ma: I.1.a, ngay: 2023-01-12, trang_thai: hoan_thanh, minh_chung: "Kế hoạch số 15/KH-SCT ngày 12/01/2023"}
  - {ma: I.1.b, ngay: 2023-03-02, trang_thai: hoan_thanh, minh_chung: Công văn số 301/SCT-VP}
  - {ma: I.1.c, ngay: 2023-05-20, trang_thai: dang_thuc_hien, ghi_chu: Giao ban tháng 5}
  - {ma: I.4, ngay: 2023-05-02, trang_thai: dang_thuc_hien}
  - {ma: III.7, ngay: 2023-04-10, trang_thai: dang_thuc_hien}
  - {ma: VI.3, ngay: 2023-01-30, trang_thai: hoan_thanh, minh_chung: Quyết định số 45/QĐ-SCT}
  - {ma: VI.4, ngay: 2023-06-01, trang_thai: khong_thuc_hien, ly_do: Chờ hướng dẫn của Bộ Tài chính}
  - {ma: 7.1.1, ngay: 2023-07-01, trang_thai: hoan_thanh}
chi_so:
  - {ma: CT3.6.a, ngay: 2023-06-10, gia_tri: 92.5, nguon: Cổng DVC tỉnh}
  - {ma: CT3.1.a, ngay: 2023-06-10, tu_so: 150, mau_so: 560}
  - {ma: CT1.4.a, ngay: 2023-06-01, gia_tri: 0}
  - {ma: CT6.1.a, ngay: 2023-06-01, gia_tri: 2.0}
"""


def task(thoi_han: str, **kw: object) -> Task:
    return Task(ma="X.1", nhiem_vu="Nhiệm vụ", thoi_han=thoi_han, chu_tri=["VP"], **kw)  # type: ignore[arg-type]


def rec(day: str, state: str = "hoan_thanh", **kw: object) -> TaskRecord:
    return TaskRecord(ma="X.1", ngay=date.fromisoformat(day), trang_thai=state, **kw)  # type: ignore[arg-type]


def st(t: Task, records: list[TaskRecord], as_of: str, window: tuple[date, date] = Q2) -> str:
    return task_status(t, records, date.fromisoformat(as_of), 2023, window).status


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2022-12-20", "not_started"),
        ("2023-01-01", "due_soon"),  # 13 days before 14/01
        ("2023-01-14", "due_soon"),  # the due day itself is not overdue
        ("2023-01-15", "overdue"),  # the day after is
    ],
)
def test_overdue_starts_the_day_after_the_due_date(as_of: str, expected: str) -> None:
    assert st(task("Trước ngày 15/01/2023"), [], as_of) == expected


def test_due_soon_boundary_is_fourteen_days() -> None:
    t = task("Quý II/2023")  # due 30/06
    assert st(t, [], "2023-06-15") == "not_started"
    assert st(t, [], "2023-06-16") == "due_soon"
    assert st(t, [rec("2023-04-02", "dang_thuc_hien")], "2023-06-15") == "in_progress"


def test_done_on_the_due_day_is_on_time_and_after_is_late() -> None:
    t = task("Tháng 01-02/2023")  # due 28/02
    assert st(t, [rec("2023-02-28")], "2023-03-10") == "done_on_time"
    assert st(t, [rec("2023-03-01")], "2023-03-10") == "done_late"


def test_records_after_the_as_of_date_are_ignored() -> None:
    t = task("Tháng 01/2023")
    assert st(t, [rec("2023-02-10")], "2023-02-05") == "overdue"
    assert st(t, [rec("2023-02-10")], "2023-02-10") == "done_late"


def test_dropped_and_reopened() -> None:
    t = task("Năm 2023")
    drop = rec("2023-05-01", "khong_thuc_hien", ly_do="Không còn phù hợp")
    assert st(t, [drop], "2023-06-01") == "dropped"
    assert st(t, [drop, rec("2023-06-01", "dang_thuc_hien")], "2023-06-02") == "in_progress"


def test_explicit_due_date_wins() -> None:
    t = task("Theo Kế hoạch ISO năm 2023", han=date(2023, 5, 31))
    assert st(t, [], "2023-06-01") == "overdue"
    row = task_status(task("Theo Kế hoạch ISO năm 2023"), [], date(2023, 6, 1), 2023, Q2)
    assert row.due == date(2023, 12, 31) and row.due_assumed


def test_continuous_tasks_need_a_record_in_the_current_window() -> None:
    t = task("Thường xuyên")
    assert st(t, [], "2023-06-01") == "missing_report"
    # The 6-month report counts from 15/12 of the year before: a report in March counts.
    assert st(t, [rec("2022-12-14", "dang_thuc_hien")], "2023-06-01") == "missing_report"
    assert st(t, [rec("2023-03-14", "dang_thuc_hien")], "2023-06-01") == "reported"


def test_report_windows_are_the_reports_data_windows() -> None:
    from cchc_cli.plan.deadlines import reporting_period

    wins = [report_window(reporting_period(2023, q)) for q in (1, 2, 3, 4)]
    assert wins == [
        (date(2022, 12, 15), date(2023, 3, 14)),
        (date(2022, 12, 15), date(2023, 6, 14)),
        (date(2023, 6, 15), date(2023, 9, 14)),
        (date(2022, 12, 15), date(2023, 12, 14)),
    ]


def fig(op: str, v: float, unit: str = "phan_tram") -> Figure:
    return Figure(so_sanh=op, gia_tri=v, don_vi=unit)  # type: ignore[arg-type]


def measured(v: float) -> TargetRecord:
    return TargetRecord(ma="CT", ngay=date(2023, 6, 1), gia_tri=v)


def step(day: str, value: float) -> Milestone:
    return Milestone(han=date.fromisoformat(day), gia_tri=value)


@pytest.mark.parametrize(
    ("figure", "value", "as_of", "milestone", "expected"),
    [
        (fig(">=", 90), 90, "2023-07-02", None, "met"),
        # Before the year's end a target not met is judged against no guessed share of the
        # year: without an interim target it is not yet due for assessment.
        (fig(">=", 90), 46, "2023-07-02", None, "not_due"),
        (fig(">=", 90), 1, "2023-12-30", None, "not_due"),
        # With one (`moc`), against it.
        (fig(">=", 90), 46, "2023-07-02", step("2023-06-30", 45), "on_track"),
        (fig(">=", 90), 44, "2023-07-02", step("2023-06-30", 45), "at_risk"),
        (fig(">=", 90), 89, "2023-12-31", step("2023-06-30", 45), "missed"),
        (fig(">=", 90), 89, "2023-12-31", None, "missed"),
        (fig("<=", 25, "phut"), 20, "2023-07-02", None, "met"),
        (fig("<=", 25, "phut"), 30, "2023-07-02", None, "at_risk"),  # over a ceiling now
        (fig(">", 85), 85, "2023-12-31", None, "missed"),
        (fig("<", 25, "phut"), 24.9, "2023-12-31", None, "met"),
        (fig(">=", 60), 0, "2023-01-01", None, "not_due"),  # a measured 0 is data
        (fig(">=", 60), 0, "2023-01-01", step("2023-01-01", 0), "on_track"),
    ],
)
def test_target_status(
    figure: Figure, value: float, as_of: str, milestone: Milestone | None, expected: str
) -> None:
    day = date.fromisoformat(as_of)
    assert target_status(figure, measured(value), day, 2023, milestone=milestone) == expected


def test_the_interim_target_is_the_latest_one_due() -> None:
    target = Target(ma="CT", so_sanh=">=", gia_tri=60, don_vi="phan_tram",
                    moc=[step("2023-09-30", 45), step("2023-06-30", 30)])  # fmt: skip
    assert milestone_due(target, date(2023, 6, 29)) is None
    assert milestone_due(target, date(2023, 6, 30)) == step("2023-06-30", 30)
    assert milestone_due(target, date(2023, 10, 1)) == step("2023-09-30", 45)


def test_a_continuous_task_is_never_late() -> None:
    """A continuous task has no deadline: whatever its records say, it is reported or not
    in a period, never done late, and no tally counts it as late or due."""
    t = task("Thường xuyên")
    late = [rec("2023-03-01", "dang_thuc_hien"), rec("2023-12-30", "hoan_thanh")]
    rows = [task_status(t, late, date(2023, 12, 31), 2023, (date(2022, 12, 15),
                        date(2023, 12, 31)), whole_year=True)]  # fmt: skip
    assert rows[0].status == "reported" and rows[0].continuous
    s = summarise(rows, date(2023, 12, 31), whole_year=True)
    assert (s.done_late, s.overdue, s.due, s.dated, s.continuous) == (0, 0, 0, 0, 1)


def test_no_value_is_no_data() -> None:
    assert target_status(fig(">=", 90), None, date(2023, 6, 1), 2023) == "no_data"


# --- the real plan ------------------------------------------------------------


@pytest.fixture
def progress_file(tmp_path: Path) -> Path:
    return write(tmp_path, MADE_UP_PROGRESS, "made-up.progress.yaml")


def test_real_plan_status_on_14_june(progress_file: Path) -> None:
    ws = open_workspace(PLAN, progress_file)
    r = compute_status(ws.plan, ws.progress, date(2023, 6, 14))
    by_id = {t.id: t.status for t in r.tasks}
    assert len(r.tasks) == 38
    assert by_id["I.1.a"] == "done_on_time"
    assert by_id["I.1.b"] == "done_late"  # due 28/02, done 02/03
    assert by_id["I.2"] == "overdue"  # Quý I/2023, nothing recorded
    assert by_id["VI.3"] == "done_on_time"  # Tháng 01/2023, done 30/01
    assert by_id["VI.4"] == "dropped"
    assert by_id["7.1.1"] == "not_started"  # its record is dated after the as-of date
    assert by_id["I.1.c"] == "reported"
    assert by_id["II.1"] == "missing_report"
    targets = {t.id: t.status for t in r.targets}
    assert targets["CT3.6.a"] == "met"
    assert targets["CT3.1.a"] == "not_due"  # 26.8 % of 70 %: the plan sets no interim target
    assert targets["CT1.4.a"] == "not_due"  # 0 is data
    assert targets["CT6.1.a"] == "not_due"
    assert targets["CT2.1.a"] == "no_data"
    s = r.summary
    assert (s.due, s.done, s.overdue) == (5, 3, 2)  # I.1.a, I.1.b, VI.3 done; I.1.d, I.2 overdue
    assert s.rate == pytest.approx(0.6)


def run_status(progress_file: Path, *args: str) -> tuple[int, str, str]:
    r = cchc(
        "status", str(PLAN), "--progress", str(progress_file), *args,
        env={"NO_COLOR": "1", "CCHC_LANG": "vi"},
    )  # fmt: skip
    return r.code, r.out, r.err


@pytest.mark.parametrize("width", [100, 80, 60])
def test_golden_terminal_output(progress_file: Path, width: int) -> None:
    code, out, _ = run_status(progress_file, "--as-of", "2023-06-14", "--width", str(width))
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= width
    golden = GOLDEN / f"status-2023-06-14-w{width}.txt"
    if os.environ.get("CCHC_UPDATE_GOLDEN"):  # regenerate, review, commit
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_terminal_tables_line_up_across_areas_and_fit(progress_file: Path) -> None:
    for width in (60, 80, 100, 140):
        _, out, _ = run_status(progress_file, "--as-of", "2023-06-14", "--width", str(width))
        lines = out.splitlines()
        assert all(not ln.endswith(" ") for ln in lines)
        assert max(len(ln) for ln in lines) <= width
        task_headers = {ln for ln in lines if ln.startswith("Mã ") and "Nhiệm vụ" in ln}
        if width < 100:  # too narrow for columns: one block per task, nothing cut
            assert not task_headers and "I.1.a     Hoàn thành đúng hạn" in lines
            continue
        assert len(task_headers) == 1  # the same columns in every area
        rules = {ln for ln in lines if ln.startswith("─")}
        assert rules == {"─" * width}


def test_status_words_are_coloured_on_a_terminal(progress_file: Path) -> None:
    args = (
        "status",
        str(PLAN),
        "--progress",
        str(progress_file),
        "--as-of",
        "2023-06-14",
        "--width",
        "100",
    )
    coloured = cchc(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "", "CCHC_LANG": "vi"}).out
    assert "\x1b[1;31mQuá hạn" in coloured
    assert "\x1b[32mHoàn thành đúng hạn\x1b[0m" in coloured
    plain = cchc(*args, env={"NO_COLOR": "1", "CCHC_LANG": "vi"}).out
    assert "\x1b" not in plain
    assert "Quá hạn" in plain


def test_cells_wrap_between_words_and_cut_by_terminal_cells() -> None:
    from cchc_cli.views.table_layout import truncate, width_of, wrap

    assert width_of("Sở Công Thương Hà Tĩnh") == 22
    assert width_of("漢字") == 4 and width_of("e\u0301") == 1
    assert wrap("Chưa báo cáo kỳ này", 12) == ["Chưa báo cáo", "kỳ này"]
    assert wrap("VP,BCDISO", 7) == ["VP,", "BCDISO"]
    assert wrap("VP,BPMC", 7) == ["VP,BPMC"]
    assert wrap("abcdefghijkl", 5) == ["abcde", "fghij", "kl"]
    assert wrap("漢字漢字漢", 4) == ["漢字", "漢字", "漢"]
    assert truncate("Ban hành Kế hoạch", 10) == "Ban hành…"
    assert truncate("Ban hành", 10) == "Ban hành"
    assert truncate("漢字漢字", 5) == "漢字…" and width_of(truncate("漢字漢字", 5)) <= 5


def test_the_quick_wrap_of_plain_text_breaks_as_word_by_word_does() -> None:
    """One line of narrow words is cut at the last space that fits; it must break where
    the word-by-word wrap does, commas and words longer than a line included."""
    import random

    from cchc_cli.views.table_layout import _PLAIN, _wrap_words, wrap

    pieces = ["Sở", "Công", "Thương", "Hà Tĩnh", "VP,BCDISO,PCM", "x" * 23, "—", "·", "a,b,",
              "hồ sơ", "TTHC", "12/2023", "漢字", "e\u0301"]  # fmt: skip
    rng = random.Random(2023)
    plain = 0
    for _ in range(5000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        width = rng.randint(1, 40)
        plain += bool(_PLAIN(text))
        assert wrap(text, width) == _wrap_words(text, width), (text, width)
    assert plain > 500  # the quick path was taken, and the other one too


def test_terminal_output_shows_every_area_and_task(progress_file: Path) -> None:
    _, out, _ = run_status(progress_file, "--as-of", "2023-06-14", "--width", "120")
    ws = open_workspace(PLAN)
    for area in ws.plan.linh_vuc:
        assert f"{area.ma}. {area.ten}" in out
    for _p, _o, t in ws.plan.tasks():
        assert f"\n{t.ma} " in out
    assert "Quá hạn" in out and "Hoàn thành đúng hạn" in out and "Chưa có số liệu" in out


def test_json_interface(progress_file: Path) -> None:
    code, out, _ = run_status(progress_file, "--as-of", "2023-06-14", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["as_of"] == "2023-06-14"
    assert data["period"]["quarter"] == 2 and data["period"]["submit_by"] == "2023-06-16"
    task = next(t for t in data["tasks"] if t["id"] == "I.2")
    assert task == {
        **task,
        "area": 1,
        "lead": ["VP"],
        "support": ["PCM"],
        "deadline_text": "Quý I/2023",
        "due": "2023-03-31",
        "status": "overdue",
    }
    cont = next(t for t in data["tasks"] if t["id"] == "II.1")
    assert cont["due"] is None and cont["status"] == "missing_report"
    ind = next(i for i in data["indicators"] if i["id"] == "CT3.2")
    assert [(t["id"], t["comparison"], t["value"], t["unit"]) for t in ind["targets"]] == [
        ("CT3.2.a", "at_least", 100, "percent"),
        ("CT3.2.b", "at_least", 80, "percent"),
        ("CT3.2.c", "at_least", 80, "percent"),
        ("CT3.2.d", "at_least", 60, "percent"),
    ]
    assert data["summary"]["due"] == 5 and data["summary"]["completion_rate"] == 0.6
    assert data["summary"]["by_area"]["1"]["overdue"] == 2


def test_unit_filter_takes_names_in_any_case_and_form(progress_file: Path) -> None:
    name = unicodedata.normalize("NFD", "THANH TRA")
    code, out, _ = run_status(
        progress_file, "--as-of", "2023-06-14", "--unit", name, "--format", "json"
    )
    data = json.loads(out)
    assert code == 0
    ids = {t["id"] for t in data["tasks"]}
    assert ids == {"I.4", "III.8"}  # I.4 supported, III.8 led (with VP)
    assert data["indicators"] == []


def test_only_overdue_and_fail_on(progress_file: Path) -> None:
    code, out, _ = run_status(
        progress_file, "--as-of", "2023-06-14", "--only", "overdue", "--format", "json"
    )
    assert [t["id"] for t in json.loads(out)["tasks"]] == ["I.1.d", "I.2"]
    assert run_status(progress_file, "--as-of", "2023-06-14", "--fail-on", "overdue")[0] == 1
    assert run_status(progress_file, "--as-of", "2023-01-02", "--fail-on", "overdue")[0] == 0


def test_only_at_risk_lists_targets(progress_file: Path) -> None:
    # On 14/6 no target is at risk: the plan sets its targets for the year and no interim
    # one, so those not met are not yet due for assessment.
    _, out, _ = run_status(
        progress_file, "--as-of", "2023-06-14", "--only", "at-risk", "--format", "json"
    )
    assert [t for i in json.loads(out)["indicators"] for t in i["targets"]] == []
    # At the year's end, those not met are missed, and listed.
    _, out, _ = run_status(
        progress_file, "--as-of", "2023-12-31", "--only", "at-risk", "--format", "json"
    )
    data = json.loads(out)
    assert data["tasks"] == []
    assert sorted(t["id"] for i in data["indicators"] for t in i["targets"]) == [
        "CT1.4.a",
        "CT3.1.a",
        "CT6.1.a",
    ]


def test_quarter_and_english_markdown(progress_file: Path) -> None:
    code, out, _ = run_status(
        progress_file, "--quarter", "1", "--format", "markdown", "--lang", "en"
    )
    assert code == 0
    assert "As of 14/03/2023" in out
    assert "| I.2 | " in out and "| Not yet due |" in out  # Quý I: due 31/03, 17 days on
    assert "| I.1.d | " in out and "Overdue" in out


def test_year_ended_plan_is_evaluated_at_its_end(progress_file: Path) -> None:
    code, out, _ = run_status(progress_file, "--format", "json")
    data = json.loads(out)
    assert data["as_of"] == "2023-12-31"
    assert data["note"] == "Năm kế hoạch 2023 đã kết thúc: tình hình tính đến ngày 31/12/2023."
    _, out, _ = run_status(progress_file, "--format", "json", "--lang", "en")
    assert "year has ended" in json.loads(out)["note"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "Phòng Không Có"], "--unit: no unit 'Phòng Không Có'"),
        (["--unit", "TTRA2"], "did you mean 'TTRA'?"),
        (["--as-of", "2023-02-30"], "--as-of: '2023-02-30' is not a date"),
        (["--as-of", "-"], "is not a date"),
        (["--area", "9"], "--area: no area '9'"),
        (["--as-of", "2023-06-14", "--quarter", "2"], "not both"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(
    progress_file: Path, args: list[str], message: str
) -> None:
    code, out, err = run_status(progress_file, *args, "--lang", "en")
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in out + err


def test_one_bad_record_does_not_hide_the_picture(tmp_path: Path) -> None:
    bad = write(
        tmp_path,
        "nhiem_vu:\n  - {ma: I.9, ngay: 2023-01-12, trang_thai: hoan_thanh}\n"
        "  - {ma: I.1.a, ngay: 2023-01-10, trang_thai: hoan_thanh}\n"
        "  - {ma: I.2, ngay: 2023-13-01, trang_thai: hoan_thanh}\n",
        "p.yaml",
    )
    code, out, err = run_status(bad, "--as-of", "2023-06-14", "--format", "json", "--lang", "en")
    assert code == 1  # problems were found ...
    # the schema's error comes first (the checks need a valid file); both bad records are out
    assert err.splitlines()[0].startswith(f"{bad}:4:21: error: 'ngay': '2023-13-01'")
    assert "2 record(s) with errors are left out" in err
    tasks = {t["id"]: t["status"] for t in json.loads(out)["tasks"]}
    assert tasks["I.1.a"] == "done_on_time"  # ... and the valid record still counts
    r = cchc("report", str(PLAN), "--progress", str(bad), "-q", "2", "-o", str(tmp_path / "r.docx"))
    assert r.code == 1 and not (tmp_path / "r.docx").exists()  # a signed report must be right


def test_missing_plan_is_usage_error(tmp_path: Path) -> None:
    r = cchc("status", str(tmp_path / "none.yaml"))
    assert r.code == 2 and "no such file" in r.err


def test_plan_text_is_never_read_as_terminal_markup(tmp_path: Path) -> None:
    from conftest import MINIMAL_PLAN

    title = "Ban hành [bold]Kế hoạch[/bold] [x] năm 2023."
    plan = write(
        tmp_path,
        MINIMAL_PLAN.replace("nhiem_vu: Ban hành Kế hoạch CCHC năm 2023.", f'nhiem_vu: "{title}"'),
    )
    r = cchc("status", str(plan), "--as-of", "2023-06-14", "--width", "160", env={"NO_COLOR": "1"})
    assert r.code == 0
    assert title in r.out


def test_area_filter_narrows_the_summary_too(progress_file: Path) -> None:
    _, out, _ = run_status(progress_file, "--as-of", "2023-06-14", "--area", "6", "--width", "100")
    assert "6. Cải cách tài chính công" in out
    assert "1. Chỉ đạo điều hành" not in out  # neither as a section nor as a summary row
    assert "Theo đơn vị chủ trì" not in out
    rows = [ln.split()[-8:] for ln in out.splitlines() if ln.startswith("6. Cải cách tài chính")]
    # the summary row of area 6 alone: VI.3 done, VI.4 dropped, VI.5 continuous; 1 of 3
    # dated tasks done in the year
    assert rows[-1] == ["5", "1", "1", "100%", "33,3%", "0", "0", "1"]


def test_after_the_year_nothing_is_due_soon_and_open_tasks_are_not_done(
    progress_file: Path,
) -> None:
    ws = open_workspace(PLAN, progress_file)
    for as_of in (date(2023, 12, 14), date(2023, 12, 31)):  # the year's last cut-off, its end
        r = compute_status(ws.plan, ws.progress, as_of)
        assert r.whole_year
        by_id = {t.id: t.status for t in r.tasks}
        assert "due_soon" not in by_id.values() and "not_started" not in by_id.values()
        assert by_id["VI.2"] == "not_done"  # Năm 2023, no record
        assert r.summary.due == r.summary.dated
    words = cchc(
        "status", str(PLAN), "--progress", str(progress_file), "-q", "4", env={"CCHC_LANG": "vi"}
    ).out
    tasks = words.split("\nBáo cáo định kỳ\n")[0]  # the year report itself is due on 18/12
    assert "Chưa hoàn thành" in tasks and "Sắp đến hạn" not in tasks
    early = compute_status(ws.plan, ws.progress, date(2023, 12, 13))
    assert not early.whole_year


def test_early_completion_counts_as_done(progress_file: Path) -> None:
    ws = open_workspace(PLAN, progress_file)
    r = compute_status(ws.plan, ws.progress, date(2023, 7, 2))
    row = next(t for t in r.tasks if t.id == "7.1.1")  # Năm 2023, done 01/07
    assert row.status == "done_on_time" and row.done
    area = r.by_area[7]
    assert area.done == 1 and area.done_early == 1 and area.done_due == 0
    assert area.plan_rate is not None and area.plan_rate > 0


@pytest.mark.parametrize(
    ("typed", "unit"),
    [("van phong", "VP"), ("VĂN PHÒNG", "VP"), ("thanh tra so", "TTRA"), ("trung tam k", "TTKC")],
)
def test_units_are_found_as_people_type_them(typed: str, unit: str) -> None:
    from cchc_cli.plan.lookup import resolve_unit

    assert resolve_unit(open_workspace(PLAN).plan, typed) == unit


def test_an_unknown_unit_lists_the_plans_units() -> None:
    r = cchc("status", str(PLAN), "--unit", "Phòng Quản lý thương mại")
    assert r.code == 2
    assert "no unit 'Phòng Quản lý thương mại'" in r.err and "VP (Văn phòng Sở)" in r.err


@pytest.mark.parametrize("sub", ["plans", "docs"])
def test_the_plan_is_found_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sub: str
) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "plans" / "2023.yaml").write_bytes(PLAN.read_bytes())
    monkeypatch.chdir(tmp_path / sub)
    r = cchc("status", "--format", "json")
    assert r.code == 0, r.all
    assert json.loads(r.out)["plan_year"] == 2023  # the newest plan, not the calendar year's


def test_a_progress_file_given_as_the_plan_says_which_plan(tmp_path: Path) -> None:
    prog = write(tmp_path, "nam: 2023\n", "2023.progress.yaml")
    for args in (
        ["status", str(prog)],
        ["report", str(prog), "-q", "2"],
        ["record", "I.2", str(prog), "-s", "done", "-d", "2023-06-01"],
    ):
        r = cchc(*args)
        assert r.code == 2, r.all
        assert f"{prog} is a progress file; its plan is {tmp_path / '2023.yaml'}" in r.err


def test_version_and_short_help() -> None:
    from cchc_cli import __version__

    assert cchc("--version").out == f"cchc {__version__}\n"
    assert cchc("-h").out == cchc("--help").out
    assert "Usage: cchc status" in cchc("status", "-h").out


@pytest.mark.parametrize(
    ("typed", "area"), [("2", 2), ("II", 2), ("Cải cách thể chế", 2), ("cai cach the che", 2),
                        ("chinh quyen", 7)],
)  # fmt: skip
def test_area_by_number_or_name(typed: str, area: int) -> None:
    r = cchc("status", str(PLAN), "--area", typed, "--format", "json", "--as-of", "2023-06-14")
    assert r.code == 0, r.all
    assert {t["area"] for t in json.loads(r.out)["tasks"]} == {area}


def test_an_area_that_is_not_one_lists_the_areas() -> None:
    r = cchc("status", str(PLAN), "--area", "cai cach")  # five areas begin so
    assert r.code == 2 and "the plan's areas: 1 (" in r.err


def test_filters_may_be_given_more_than_once(progress_file: Path) -> None:
    def ids(*args: str) -> set[str]:
        r = cchc("status", str(PLAN), "--progress", str(progress_file), "--as-of",
                 "2023-06-14", "--format", "json", *args)  # fmt: skip
        assert r.code == 0, r.all
        return {t["id"] for t in json.loads(r.out)["tasks"]}

    ttra, vp = ids("--unit", "TTRA"), ids("--unit", "VP")
    assert ids("--unit", "TTRA", "--unit", "VP") == ttra | vp
    assert ids("--area", "1", "--area", "6") == ids("--area", "1") | ids("--area", "6")
    both = ids("--only", "overdue", "--only", "missing-report")
    assert both == ids("--only", "overdue") | ids("--only", "missing-report") and both


# --- the one-screen summary and tables that fit ------------------------------------------


def _block(out: str) -> list[str]:
    lines = out.splitlines()
    return lines[: lines.index("")] if "" in lines else lines


@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_summary_comes_first_and_fits_one_screen(progress_file: Path, width: int) -> None:
    code, out, _ = run_status(progress_file, "--as-of", "2023-06-14", "--width", str(width))
    assert code == 0
    block = _block(out)
    assert block[1] == "TÓM TẮT"
    assert len(block) <= 24 and max(len(line) for line in block) <= 60
    text = " ".join(block)
    assert "Cần làm gấp:" in text and "I.1.d · quá hạn 106 ngày · VP" in text
    assert "Tỷ lệ đúng hạn: 60% (3/5 đến hạn); cả năm: 23,1% (3/13)" in text
    code, only, _ = run_status(progress_file, "--as-of", "2023-06-14", "--summary")
    assert code == 0 and only.splitlines() == block


def test_the_next_report_is_the_one_still_to_send(progress_file: Path) -> None:
    _, out, _ = run_status(progress_file, "--as-of", "2023-06-15", "--summary")
    assert "Kỳ báo cáo: Quý III" in out  # the data window has moved on …
    assert "Báo cáo tiếp theo: 6 tháng đầu năm, hạn nộp 16/06/2023 (còn 1 ngày)" in " ".join(
        out.split()
    )  # … but the 6-month report is still to be sent
    _, js, _ = run_status(progress_file, "--as-of", "2023-06-15", "--format", "json")
    data = json.loads(js)
    assert data["next_report"] == {
        "quarter": 2,
        "name": "6 tháng đầu năm",
        "submit_by": "2023-06-16",
        "days_left": 1,
    }
    _, out, _ = run_status(progress_file, "--as-of", "2023-12-31", "--summary")
    assert "đã hết các kỳ báo cáo của năm 2023" in " ".join(out.split())


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_tables_fit_whole_titles_and_unit_ids(progress_file: Path, width: int) -> None:
    code, out, _ = run_status(progress_file, "--as-of", "2023-06-14", "--width", str(width))
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    body = "\n".join(lines[len(_block(out)) :])
    assert "…" not in body  # titles wrap over lines, never cut
    flat = " ".join(body.split())
    plan = open_workspace(PLAN, progress_file).plan
    for area in plan.linh_vuc:
        assert f"{area.ma}. {area.ten}" in flat  # areas named in full
    _, js, _ = run_status(progress_file, "--as-of", "2023-06-14", "--format", "json")
    shown = set(flat.split())
    for task in json.loads(js)["tasks"]:
        title = " ".join(task["title"].split())
        if width < 100:  # one block per task: the title whole, on lines of its own
            assert title in flat, task["id"]
        else:  # in its column, wrapped over lines: every word of it
            assert set(title.split()) <= shown, task["id"]
    ids = {u.ma for u in plan.don_vi}
    body_lines = body.splitlines()
    for line, below in zip(body_lines, body_lines[1:], strict=False):
        for ma in ids:  # a unit id is never split over two lines
            for cut in range(1, len(ma)):
                assert not (line.rstrip().endswith(ma[:cut]) and below.split()
                            and ma[cut:] in below.split()[0]), (ma, line, below)  # fmt: skip


def test_the_unit_view_says_lead_or_support(progress_file: Path) -> None:
    _, out, _ = run_status(progress_file, "--as-of", "2023-06-14", "-u", "TTRA", "--width", "100")
    rows = {line.split()[0]: line for line in out.splitlines() if line[:1].isalnum()}
    assert "Vai trò" in out
    assert "phối hợp" in rows["I.4"] and "chủ trì" in rows["III.8"]
    assert "Chỉ số (" not in out  # units lead tasks; targets are the body's


def test_a_unit_owes_what_its_groups_lead_and_is_found_without_diacritics(
    tmp_path: Path,
) -> None:
    from conftest import MINIMAL_PLAN

    text = MINIMAL_PLAN.replace(
        "  - {ma: PCM, ten: Các phòng chuyên môn, tap_the: true}",
        "  - {ma: PCM, ten: Các phòng chuyên môn, tap_the: true}\n"
        "  - {ma: QLTM, ten: Phòng Quản lý thương mại, thuoc: [PCM]}",
    )
    plan = write(tmp_path, text, "2023.yaml")
    assert cchc("validate", str(plan)).code == 0
    r = cchc("status", str(plan), "--as-of", "2023-06-14", "--unit", "quan ly thuong mai",
             "--width", "100", "--lang", "vi")  # fmt: skip
    assert r.code == 0, r.all
    assert "Đơn vị (chủ trì hoặc phối hợp): QLTM Phòng Quản lý thương mại (thuộc PCM)" in r.out
    pcm = [t for t in open_workspace(plan).plan.tasks() if "PCM" in t[2].chu_tri + t[2].phoi_hop]
    assert pcm and all(t[2].ma in r.out for t in pcm)
    (tmp_path / "bad").mkdir()
    bad = write(tmp_path / "bad", text.replace("thuoc: [PCM]", "thuoc: [PCX]"), "2023.yaml")
    r = cchc("validate", str(bad))
    assert (
        r.code == 1 and "unknown group of units 'PCX'" in r.out and "did you mean 'PCM'?" in r.out
    )
    r = cchc("status", str(PLAN), "--unit", "cac phong", "--lang", "vi")
    assert r.code == 2 and "ứng với nhiều đơn vị" in r.err
    assert "PCM (Các phòng chuyên môn)" in r.err and "VP (" not in r.err  # only candidates


def test_the_screen_decides_styling_and_width_as_a_terminal_expects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from cchc_cli.views.status_table import Lines, Screen

    lines = Lines()
    lines.text("Quá hạn", "bold red")
    lines.text("plain")

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    for name in ("FORCE_COLOR", "NO_COLOR", "TERM", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    assert Screen(None, io.StringIO()).mode is None  # not a terminal: no codes at all
    assert lines.written(Screen(None, Tty()).mode) == "\x1b[1;31mQuá hạn\x1b[0m\nplain\n"
    monkeypatch.setenv("NO_COLOR", "1")
    assert lines.written(Screen(None, Tty()).mode) == "\x1b[1mQuá hạn\x1b[0m\nplain\n"
    monkeypatch.setenv("TERM", "dumb")
    assert Screen(None, Tty()).mode is None
    monkeypatch.delenv("TERM")
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert Screen(None, io.StringIO()).mode == "color"
    monkeypatch.setenv("COLUMNS", "73")
    assert Screen(None, io.StringIO()).width == 73
    assert Screen(120, io.StringIO()).width == 120  # --width wins


def test_the_program_flushes_all_its_output_and_keeps_its_exit_status(tmp_path: Path) -> None:
    """`cchc` leaves without the interpreter's tear-down (commands.program): what it wrote
    must all arrive, through a pipe, with the command's exit status."""
    import subprocess
    import sys

    def program(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "CCHC_LANG": "en", "NO_COLOR": "1"}
        return subprocess.run([sys.executable, "-m", "cchc_cli.commands.program", *args],
                              capture_output=True, text=True, env=env)  # fmt: skip

    args = ("status", str(PLAN), "--as-of", "2023-06-14", "--width", "100")
    whole = program(*args)
    assert whole.returncode == 0 and whole.stdout == cchc(*args, env={"NO_COLOR": "1"}).out
    assert len(whole.stdout) > 10_000
    late = program("status", str(PLAN), "--as-of", "2023-12-31", "--fail-on", "overdue")
    assert late.returncode == 1 and "overdue" in late.stdout.lower()
    bad = program("nosuch")
    assert bad.returncode == 2 and "no such command" in bad.stderr.lower()
