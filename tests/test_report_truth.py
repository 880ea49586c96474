"""One truth in every line of a report (#26): a measure the plan names twice has one value
and one verdict; figures and the indicators they compute agree; tallies say how many were
on time and how many late; verdicts mid-year name the target they are judged against;
what is missing is listed, never printed; the layout keeps headings and table rows whole.

Rules are checked over the rendered text (python-docx) and the document's XML, not
against a stored copy. Progress records written in this file are made up for tests.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import MINIMAL_PLAN, ROOT, write
from docx import Document
from docx.oxml.ns import qn
from helpers import cchc
from test_report import paragraphs, table_with, text_of

from cchc_cli.files.workspace import open_workspace
from cchc_cli.plan.period import internal_ids, period_numbers
from cchc_cli.views.report import vn_date

PLAN = ROOT / "plans" / "2023.yaml"
EXAMPLE = ROOT / "examples" / "2023.progress.yaml"
NBSP = "\u00a0"
SIGNED = {1: "2023-03-16", 2: "2023-06-16", 3: "2023-09-18", 4: "2023-12-18"}


def render(tmp_path: Path, quarter: int, plan: Path = PLAN, progress: Path = EXAMPLE,
           name: str = "r.docx") -> tuple[str, str]:  # fmt: skip
    """The report's text (body and tables) and what cchc said on stderr."""
    out = tmp_path / name
    run = cchc("report", str(plan), "-q", str(quarter), "--progress", str(progress),
               "--date", SIGNED[quarter], "-o", str(out), "--force", "--lang", "vi")  # fmt: skip
    assert run.code == 0, run.all
    # A figure's sign is held to its number by a no-break space: read as a space here.
    return text_of(Document(str(out))).replace("≥" + NBSP, "≥ ").replace("≤" + NBSP, "≤ "), run.err


def body(text: str) -> str:
    return text.split("\nPhụ lục\n")[0]


# A plan with a target restated in another area (CT3.1.c restates CT1.1.a), one computed
# from the period's figures (CT1.1.a: units inspected), and interim targets on another.
LINKED_PLAN = (
    MINIMAL_PLAN.replace(
        '          - {ma: CT1.1.a, so_sanh: ">=", gia_tri: 60, don_vi: phan_tram}',
        '          - {ma: CT1.1.a, so_sanh: ">=", gia_tri: 60, don_vi: phan_tram,'
        " tinh_tu: ty_le_kiem_tra}",
    )
    .replace(
        '          - {ma: CT3.1.b, so_sanh: "<=", gia_tri: 25, don_vi: phut}',
        '          - {ma: CT3.1.b, so_sanh: "<=", gia_tri: 25, don_vi: phut}\n'
        '          - {ma: CT3.1.c, so_sanh: ">=", gia_tri: 60, don_vi: phan_tram,'
        " ung_voi: CT1.1.a, trich: Các phòng được kiểm tra}",
    )
    .replace(
        '          - {ma: CT3.1.a, so_sanh: ">=", gia_tri: 85, don_vi: phan_tram}',
        '          - ma: CT3.1.a\n            so_sanh: ">="\n            gia_tri: 85\n'
        "            don_vi: phan_tram\n            moc: [{han: 2023-06-30, gia_tri: 50}]",
    )
)


# --- one measure, one value, one verdict ------------------------------------------------


def test_a_restated_target_takes_the_value_and_verdict_of_the_one_it_restates(
    tmp_path: Path,
) -> None:
    plan = write(tmp_path, LINKED_PLAN)
    # Recorded under the restating id only: both rows show it.
    write(tmp_path, "chi_so:\n  - {ma: CT3.1.c, ngay: 2023-12-01, gia_tri: 55}\n",
          "2023.progress.yaml")  # fmt: skip
    ws = open_workspace(plan)
    n = period_numbers(ws.plan, ws.progress, 4)
    rows = {t.id: t for t in n.status.targets}
    assert (rows["CT1.1.a"].actual, rows["CT3.1.c"].actual) == (55, 55)
    assert rows["CT1.1.a"].status == rows["CT3.1.c"].status == "missed"
    assert rows["CT3.1.c"].same_as == "CT1.1.a" and rows["CT1.1.a"].same_as is None
    assert sum(n.status.targets_summary.values()) == 3  # four rows, three measures
    status = json.loads(cchc("status", str(plan), "-q", "4", "--format", "json").out)
    report = json.loads(cchc("report", str(plan), "-q", "4", "--format", "json").out)
    shown = {t["id"]: (t["actual"], t["status"]) for i in status["indicators"]
             for t in i["targets"]}  # fmt: skip
    assert shown["CT1.1.a"] == shown["CT3.1.c"] == (55, "missed")
    assert {t["id"]: (t["actual"], t["status"]) for t in report["targets"]} == shown
    assert report["summary"] == status["summary"]


def test_two_records_of_one_measure_are_accepted_with_a_warning_naming_both_lines(
    tmp_path: Path,
) -> None:
    plan = write(tmp_path, LINKED_PLAN)
    progress = write(tmp_path, """\
chi_so:
  - {ma: CT1.1.a, ngay: 2023-12-01, gia_tri: 55}
  - {ma: CT3.1.c, ngay: 2023-12-01, gia_tri: 65}
  - {ma: CT1.1.a, ngay: 2023-06-01, gia_tri: 20}
""", "2023.progress.yaml")  # fmt: skip
    r = cchc("validate", str(plan))
    assert r.code == 0, r.out  # a warning, not an error
    # The latest by date; on the same day, the later line.
    assert (
        f"{progress}:2:" in r.out
        and "CT1.1.a (line 2) and CT3.1.c (line 3) are one measure (CT1.1.a): every report "
        "uses the latest value, 65 of 2023-12-01 (line 3)"
        in r.out
    ), r.out
    ws = open_workspace(plan)
    assert {t.id: t.actual for t in period_numbers(ws.plan, ws.progress, 4).status.targets
            if t.id in ("CT1.1.a", "CT3.1.c")} == {"CT1.1.a": 65, "CT3.1.c": 65}  # fmt: skip


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("ung_voi: CT9.9.z", "unknown target 'CT9.9.z'"),
        ("ung_voi: CT3.1.c", "target CT3.1.c cannot restate itself"),
        ("ung_voi: CT3.1.b", "target CT3.1.c restates CT3.1.b but states ≥ 60% where CT3.1.b "
         "states ≤ 25 phút"),
    ],
)  # fmt: skip
def test_a_link_names_a_target_that_exists_and_states_the_same(
    tmp_path: Path, link: str, message: str
) -> None:
    plan = write(tmp_path, LINKED_PLAN.replace("ung_voi: CT1.1.a", link))
    r = cchc("validate", str(plan))
    assert message in r.out, r.out


def test_a_computed_target_is_the_figures_share_and_a_record_that_differs_is_reported(
    tmp_path: Path,
) -> None:
    plan = write(tmp_path, LINKED_PLAN)
    progress = write(tmp_path, """\
chi_so:
  - {ma: CT1.1.a, ngay: 2023-06-01, gia_tri: 40}
bao_cao:
  - ky: 2
    so_lieu: {cuoc_kiem_tra: 2, tong_so_don_vi: 10, don_vi_duoc_kiem_tra: 3}
""", "2023.progress.yaml")  # fmt: skip
    r = cchc("validate", str(plan))
    assert f"{progress}:2:" in r.out and (
        "CT1.1.a records 40% on 2023-06-01, but the figures of report 2 give 3/10 units "
        "inspected = 30%; that report uses 30%" in r.out
    ), r.out
    ws = open_workspace(plan)
    q2 = period_numbers(ws.plan, ws.progress, 2)
    row = next(t for t in q2.status.targets if t.id == "CT1.1.a")
    assert (row.actual, row.computed, str(row.measured_on)) == (30, True, "2023-06-14")
    assert row.status == "not_due"  # 30% of 60% by mid-year: the plan sets no interim target
    # The restated target shows the same computed value.
    assert next(t for t in q2.status.targets if t.id == "CT3.1.c").actual == 30
    # Quý III counts from 15/6: its figures give no share for the year (a unit may be
    # inspected twice); the report gives the value of 14/6 "theo số liệu đến ngày" that day,
    # never "đến nay" (#26 review, finding 2), with what the share counts.
    text, err = render(tmp_path, 3, plan, progress)
    assert (
        "- Tối thiểu 60% các phòng, đơn vị được kiểm tra CCHC trong năm 2023: mục tiêu cả năm "
        "≥ 60%; theo số liệu đến ngày 14/6/2023, thực hiện 30% (3/10 phòng, đơn vị được kiểm "
        "tra), chưa đến kỳ đánh giá." in text
    )
    assert "đến nay" not in text
    # and the pre-flight asks for a newer value, saying the day of the one used
    assert re.search(
        r"\(CT1\.1\.a\): số liệu gần nhất là ngày 14/6/2023, trước ngày "
        r"15/6/2023 .*`cchc record CT1\.1\.a",
        err,
    ), err


def test_an_interim_target_is_stated_where_a_target_is_judged_against_it(tmp_path: Path) -> None:
    plan = write(tmp_path, LINKED_PLAN)
    progress = write(tmp_path, "chi_so:\n  - {ma: CT3.1.a, ngay: 2023-06-10, gia_tri: 45}\n",
                     "2023.progress.yaml")  # fmt: skip
    text, _ = render(tmp_path, 3, plan, progress)  # 14/9: the interim target of 30/6 applies
    assert (
        "mục tiêu cả năm ≥ 85%, mốc đến ngày 30/6/2023 là 50%; theo số liệu đến ngày "
        "10/6/2023, thực hiện 45%, có nguy cơ không đạt." in text
    )
    text, _ = render(tmp_path, 2, plan, progress)  # 14/6: no interim target due yet
    assert "mục tiêu cả năm ≥ 85%; đến ngày 10/6/2023 thực hiện 45%, chưa đến kỳ đánh giá." in text


def test_cases_carried_over_are_those_pending_at_the_end_of_the_period_before(
    tmp_path: Path,
) -> None:
    write(tmp_path, MINIMAL_PLAN)
    progress = write(tmp_path, """\
bao_cao:
  - ky: 1
    thong_ke_tthc: {tiep_nhan_ky_truoc: 10, dang_giai_quyet_trong_han: 30, dang_giai_quyet_qua_han: 2}
  - ky: 2
    thong_ke_tthc: {tiep_nhan_ky_truoc: 12, dang_giai_quyet_trong_han: 57, dang_giai_quyet_qua_han: 3}
  - ky: 3
    thong_ke_tthc: {tiep_nhan_ky_truoc: 55}
""", "2023.progress.yaml")  # fmt: skip
    r = cchc("validate", str(progress))
    assert r.code == 0, r.out
    assert f"{progress}:5:" in r.out and (
        "report 2: 12 cases carried over, but report 1, which starts on the same day "
        "(2022-12-15), records 10 (line 3)" in r.out
    ), r.out
    assert f"{progress}:7:" in r.out and (
        "report 3: 55 cases carried over, but at the end of report 2 (2023-06-14) 60 cases "
        "were being resolved (line 5)" in r.out
    ), r.out


def test_cases_by_lĩnh_vực_add_up_to_the_period_s_totals(tmp_path: Path) -> None:
    write(tmp_path, MINIMAL_PLAN)
    progress = write(tmp_path, """\
bao_cao:
  - ky: 2
    thong_ke_tthc: {tiep_nhan_truc_tuyen: 10, tiep_nhan_truc_tiep: 5}
    tthc_linh_vuc:
      - {linh_vuc: Điện, tiep_nhan_truc_tuyen: 6, tiep_nhan_truc_tiep: 5}
      - {linh_vuc: Hóa chất, tiep_nhan_truc_tuyen: 3, tiep_nhan_truc_tiep: 0}
""", "2023.progress.yaml")  # fmt: skip
    r = cchc("validate", str(progress))
    assert r.code == 1
    assert "the areas add up to tiep_nhan_truc_tuyen = 9, but thong_ke_tthc records 10" in r.out


def test_the_service_index_is_bounded_by_each_group_s_points(tmp_path: Path) -> None:
    write(tmp_path, MINIMAL_PLAN)
    progress = write(tmp_path, "bao_cao:\n  - ky: 4\n    chi_so_766: {cong_khai_minh_bach: 19}\n",
                     "2023.progress.yaml")  # fmt: skip
    r = cchc("validate", str(progress))
    assert r.code == 1 and "cong_khai_minh_bach" in r.out and "18" in r.out, r.out


# --- the example's year, read as a reader reads it --------------------------------------


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[str, str]]:
    folder = tmp_path_factory.mktemp("example")
    return {q: render(folder, q, name=f"q{q}.docx") for q in (2, 3, 4)}


def test_tallies_say_how_many_were_done_on_time_and_how_many_late(example: dict) -> None:
    year, half = body(example[4][0]), body(example[2][0])
    # The year report counts every task with a deadline in the year, two of them due on
    # 31/12 (#26 review, finding 15: not "13 nhiệm vụ đến hạn" on 14/12).
    assert (
        "Kế hoạch CCHC năm 2023 có 38 nhiệm vụ (trong đó 24 nhiệm vụ thực hiện thường xuyên); "
        "tính đến ngày 14/12/2023, có 13 nhiệm vụ có thời hạn trong năm 2023, đã hoàn thành 11 "
        "nhiệm vụ (đạt 84,6%), trong đó 9 nhiệm vụ hoàn thành đúng hạn, 2 nhiệm vụ hoàn thành "
        "quá hạn; 2 nhiệm vụ chưa hoàn thành;" in year
    )
    # A task done before a deadline still to come is neither due nor on time (finding 1).
    assert (
        "có 5 nhiệm vụ đến hạn, đã hoàn thành 5 nhiệm vụ (đạt 100%), trong đó 3 nhiệm vụ hoàn "
        "thành đúng hạn, 2 nhiệm vụ hoàn thành quá hạn; ngoài ra, 1 nhiệm vụ chưa đến hạn đã "
        "hoàn thành sớm; tính trên cả năm, đã hoàn thành 6/13 nhiệm vụ có thời hạn (đạt 46,2%)"
        in half
    )
    # All on time: "đã hoàn thành đúng hạn 1/1 nhiệm vụ" (finding 15).
    assert "có 1 nhiệm vụ đến hạn, đã hoàn thành đúng hạn 1/1 nhiệm vụ (đạt 100%)" in half
    for text in (year, half):
        # "Quá hạn" never stands alone: done after the deadline ("hoàn thành quá hạn", or a
        # task's line "hoàn thành ngày 06/3/2023 (quá hạn; thời hạn: …)"), or deadline passed
        # and not done (the TTHC cases' own words, "giải quyết quá hạn", aside).
        for found in re.finditer(r"quá hạn", text, re.IGNORECASE):
            around = text[max(0, found.start() - 30) : found.end() + 20].lower()
            assert ("hoàn thành quá hạn" in around or "quá hạn, chưa hoàn thành" in around
                    or "giải quyết quá hạn" in around
                    or re.search(r"hoàn thành ngày [\d/]+ \(quá hạn; thời hạn:", around)), around  # fmt: skip


def test_the_annex_says_each_task_s_state_in_the_tally_s_words(tmp_path: Path) -> None:
    out = tmp_path / "q4.docx"
    cchc("report", str(PLAN), "-q", "4", "--progress", str(EXAMPLE), "-o", str(out))
    doc = Document(str(out))
    states = {r.cells[5].text.split(" (")[0] for r in table_with(doc, "TT").rows[2:]
              if r.cells[1].text != r.cells[-1].text}  # fmt: skip
    assert states == {"Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Chưa hoàn thành",
                      "Không thực hiện", "Đã triển khai trong kỳ", "Chưa có kết quả trong kỳ"}  # fmt: skip
    ws = open_workspace(PLAN, EXAMPLE)
    summary = period_numbers(ws.plan, ws.progress, 4).status.summary
    totals = [c.text for c in table_with(doc, "Lĩnh vực").rows[-1].cells]
    assert totals[4:7] == [str(summary.done_due), str(summary.done_due - summary.done_late),
                           str(summary.done_late)]  # fmt: skip


def test_no_two_lines_of_a_report_disagree(example: dict) -> None:
    """Every measure has one value and one verdict wherever the report names it, and the
    counts the body gives are those of the annex."""
    ws = open_workspace(PLAN, EXAMPLE)
    for q, (text, _) in example.items():
        n = period_numbers(ws.plan, ws.progress, q)
        roots = {t.id: t.same_as or t.id for t in n.status.targets}
        doc = json.loads(cchc("report", str(PLAN), "-q", str(q), "--progress", str(EXAMPLE),
                              "--format", "json").out)["document"]  # fmt: skip
        areas = [doc["chi_dao_linh_vuc"], *doc["linh_vuc"]]
        said: dict[str, set[tuple[str, str]]] = {}
        for area in areas:
            for line in area["chi_tieu"]:
                said.setdefault(roots[line["ma"]], set()).add((line["thuc_hien"], line["danh_gia"]))
                # and the document prints that line
                assert f"- {line['ten']}: mục tiêu" in text and (
                    f"thực hiện {line['thuc_hien']}" in text
                ), line
        assert said and all(len(v) == 1 for v in said.values()), (q, said)
        assert set(said) == {t.id for t in n.measured}
        # section I's inspection share is the inspection target's value; quý III's figures
        # give none (its window starts on 15/6: its inspections are the quarter's, never a
        # share of the year's units), and its target line gives the value recorded on 14/9
        # (#26 review, finding 2; second reading, finding 14)
        share = re.search(r"phòng, đơn vị \((\d+(?:,\d)?)%\)", text)
        target = re.search(r"kiểm tra CCHC trong năm 2023: .*?thực hiện (\d+(?:,\d)?)%", text)
        assert target, q
        if q == 3:
            assert share is None and "tại 4/10 phòng" not in text
            assert "Trong quý III, đã tổ chức 2 cuộc kiểm tra công tác CCHC tại 4 phòng, đơn vị" \
                in text and re.search(r"kiểm tra CCHC trong năm 2023: mục tiêu cả năm ≥ 60%; "
                                      r"đến ngày 14/9/2023 thực hiện 70%", text), q  # fmt: skip
        else:
            assert share and share.group(1) == target.group(1), q
        # the verdict counts of section II are the annex's rows, as of the values' days: one
        # day, or the span from the oldest to the newest (second reading, finding 6)
        counted = re.search(r"Về các chỉ tiêu chủ yếu, theo số liệu (?:đến ngày ([\d/]+)|gần "
                            r"nhất của từng chỉ tiêu \(từ ngày ([\d/]+) đến ngày ([\d/]+)\)): "
                            r"(.*)\.", text)  # fmt: skip
        assert counted is not None
        total = sum(int(x) for x in re.findall(r"(\d+) chỉ tiêu", counted.group(4)))
        annex = sum(len(g["chi_tieu"]) for g in doc["phu_luc_chi_tieu"])
        assert total == annex == len(n.measured), q
        days = sorted({t.measured_on for t in n.measured if t.measured_on})
        if len(days) == 1:
            assert counted.group(1) == vn_date(days[0]), q
        else:
            assert counted.group(2, 3) == (vn_date(days[0]), vn_date(days[-1])), q
        # the tally of section II is the annex's total row
        due = doc["tong_cong"]["den_han"]
        assert (f"có {due} nhiệm vụ có thời hạn trong năm 2023" if q == 4
                else f"có {due} nhiệm vụ đến hạn") in text  # fmt: skip


def test_tasks_of_one_name_are_told_apart_by_their_objective(example: dict) -> None:
    year = body(example[4][0])
    # The objective and the deadline read in lower case inside the parentheses; a task not
    # completed under "Nhiệm vụ chưa hoàn thành:" does not say so again (#26 review, 15).
    assert (
        "- Xây dựng phương án tự chủ tài chính của đơn vị sự nghiệp (mục tiêu: giảm tối thiểu "
        "2,5% chi hỗ trợ trực tiếp từ ngân sách nhà nước của đơn vị sự nghiệp công lập trực "
        "thuộc): hoàn thành đúng hạn ngày 12/6/2023" in year
    )
    assert (
        "- Xây dựng phương án tự chủ tài chính của đơn vị sự nghiệp (mục tiêu: giao quyền tự "
        "chủ tài chính đối với đơn vị sự nghiệp công lập trực thuộc theo Nghị định số "
        "60/2021/NĐ-CP của Chính phủ; chủ trì: Văn phòng Sở; thời hạn: năm 2023): đang lấy ý "
        "kiến Sở Tài chính." in year
    )
    # The short name the officer wrote (ten_ngan) stands for a long task.
    assert "- Lồng ghép nội dung CCHC trong các cuộc họp giao ban hàng tháng" in year


def test_the_opening_cites_the_plan_and_the_request_and_the_outline_is_there(
    example: dict,
) -> None:
    year = example[4][0]
    assert (
        "Thực hiện Kế hoạch số 15/KH-SCT ngày 10/01/2023 của Sở Công Thương về cải cách hành "
        "chính năm 2023; theo đề nghị của Sở Nội vụ tại Văn bản số 2315/SNV-CCHC ngày "
        "28/11/2023 về việc báo cáo kết quả công tác cải cách hành chính năm 2023, Sở Công "
        "Thương báo cáo" in year  # "theo đề nghị của …" (#26 review, finding 15)
    )
    for said in (
        "Đã tổ chức 5 cuộc kiểm tra công tác CCHC tại 7/10 phòng, đơn vị (70%), phát hiện 9 tồn "
        "tại, hạn chế, đã khắc phục 8/9.",
        "Khắc phục tồn tại, hạn chế qua kết quả Chỉ số CCHC, Chỉ số hài lòng (SIPAS)",
        "Trong kỳ, tiếp nhận 6 phản ánh, kiến nghị về quy định hành chính, thủ tục hành chính; "
        "đã xử lý 5/6 phản ánh, kiến nghị, còn 1 đang xử lý.",
        "Có 147/147 thủ tục hành chính thuộc thẩm quyền giải quyết được công khai",
        "Cơ cấu tổ chức của Sở Công Thương gồm 9 phòng chuyên môn, nghiệp vụ và tương đương, 1 "
        "đơn vị sự nghiệp công lập trực thuộc. Biên chế công chức được giao 46, có mặt 45 công "
        "chức",
        "được phê duyệt tại Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ, "
        "điểm của Sở Công Thương (Cổng Dịch vụ công quốc gia, ngày 12/12/2023) đạt 86,5/100 "
        "điểm, gồm: công khai, minh bạch 17/18 điểm;",
        "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO LĨNH VỰC",
    ):
        assert said in year.replace(NBSP, " "), said


def test_one_figure_changed_changes_every_place_it_appears(tmp_path: Path) -> None:
    """CT3.2.c is one measure the plan names in two areas; its value is in the body twice,
    in the verdict count, in section III, in the annex, and in the status, report, export
    and site views. Change the one record: every place changes together."""
    texts, views = {}, {}
    for value in ("78", "83"):
        folder = tmp_path / value
        (folder / "plans").mkdir(parents=True)
        shutil.copy(PLAN, folder / "plans" / "2023.yaml")
        source = EXAMPLE.read_text(encoding="utf-8")
        old = "  - ma: CT3.2.c\n    ngay: 2023-12-08\n    gia_tri: 78\n"
        assert old in source
        progress = folder / "plans" / "2023.progress.yaml"
        progress.write_text(source.replace(old, old.replace("78", value)), encoding="utf-8")
        texts[value] = render(folder, 4, folder / "plans" / "2023.yaml", progress)[0]
        plan = str(folder / "plans" / "2023.yaml")
        status = json.loads(cchc("status", plan, "-q", "4", "--format", "json").out)
        report = json.loads(cchc("report", plan, "-q", "4", "--format", "json").out)
        assert cchc("export", plan, "-q", "4", "-f", "csv", "-o", str(folder / "csv")).code == 0
        exported = (folder / "csv" / "chi-tieu.csv").read_text(encoding="utf-8")
        site = cchc("site", plan, "--as-of", "2023-12-14", "-o", str(folder / "site"))
        assert site.code == 0, site.all
        page = (folder / "site" / "index.html").read_text(encoding="utf-8")
        views[value] = (status, report, exported, page)
    before, after = texts["78"], texts["83"]
    line = "- 80% DVC trực tuyến toàn trình có phát sinh hồ sơ trực tuyến: mục tiêu ≥ 80%; "
    assert before.count(line + "thực hiện 78%, không đạt") == 2  # areas 3 and 7
    assert after.count(line + "thực hiện 83%, đạt") == 2
    assert "19 chỉ tiêu đạt, 2 chỉ tiêu không đạt" in before
    assert "20 chỉ tiêu đạt, 1 chỉ tiêu không đạt" in after
    assert "80% DVC trực tuyến toàn trình có phát sinh hồ sơ trực tuyến." in before  # III
    assert "Có 1 chỉ tiêu không đạt:" in after
    annex = "80% DVC trực tuyến toàn trình có phát sinh hồ sơ trực tuyến\n≥ 80%\n"
    assert annex + "78%\nKhông đạt" in before and annex + "83%\nĐạt" in after
    for value, verdict in (("78", "missed"), ("83", "met")):
        status, report, exported, page = views[value]
        shown = {t["id"]: (t["actual"], t["status"]) for i in status["indicators"]
                 for t in i["targets"]}  # fmt: skip
        assert shown["CT3.2.c"] == shown["CT7.3.c"] == (float(value), verdict)
        assert {t["id"]: (t["actual"], t["status"]) for t in report["targets"]} == shown
        assert report["summary"] == status["summary"]
        rows = {ln.split(",")[0]: ln.split(",")[-3:] for ln in exported.splitlines()}
        assert rows["CT3.2.c"] == rows["CT7.3.c"] == [f"{value}.0", rows["CT3.2.c"][1], verdict]
        # id, the target in the plan's words, the target, the value
        cells = dict(re.findall(r"<tr[^>]*><td>(CT[37]\.[23]\.c)</td><td>[^<]+</td><td>[^<]*</td>"
                                r"<td>([^<]*)</td>", page))  # fmt: skip
        assert cells == {"CT3.2.c": f"{value}%", "CT7.3.c": f"{value}%"}


# --- the pre-flight -------------------------------------------------------------------------


def missing_items(said: str) -> list[str]:
    """The pre-flight's items of missing data: those before the plan's warnings, which
    follow them in the same numbered list (#26 review, finding 11)."""
    return re.findall(r"^  \d+\. (.*)$", re.split(r"^cchc: .*(?:warning|cảnh báo).*:$", said,
                                                   flags=re.M)[0], re.M)  # fmt: skip


def test_the_pre_flight_lists_exactly_what_is_missing(tmp_path: Path) -> None:
    r = cchc("report", str(PLAN), "-q", "2", "--progress", str(EXAMPLE), "--check",
             "--lang", "vi")  # fmt: skip
    assert r.code == 1
    items = missing_items(r.out)
    assert [re.search(r"\((CT[\d.a-z]+)\)", i).group(1) for i in items] == [  # type: ignore[union-attr]
        "CT1.3.b", "CT2.3.a", "CT3.3.a", "CT3.5.b", "CT5.2.a", "CT7.4.a",
    ]  # fmt: skip
    assert all("chi_so, hoặc `cchc record CT" in i for i in items)
    # Nothing is written, nothing is missing from the year report.
    r = cchc("report", str(PLAN), "-q", "4", "--progress", str(EXAMPLE), "--check")
    assert r.code == 0 and "has every item it needs" in r.out, r.all
    assert list(tmp_path.iterdir()) == []
    # Take one paragraph and one figure away: exactly those two are listed, with where to
    # enter them, and the document says nothing in their place.
    source = EXAMPLE.read_text(encoding="utf-8")
    year = source[source.index("  - ky: 4\n") :]
    cut = re.sub(r"    khac_phuc_chi_so: .*\n", "", year, count=1)
    cut = cut.replace("      tin_bai_tuyen_truyen: 52\n", "")
    progress = tmp_path / "2023.progress.yaml"
    progress.write_text(source.replace(year, cut), encoding="utf-8")
    r = cchc("report", str(PLAN), "-q", "4", "--progress", str(progress), "--check")
    assert r.code == 1
    assert missing_items(r.out) == [
        "the text on how the shortcomings shown by last year's PAR and SIPAS indices were "
        "addressed: bao_cao (ky: 4) → khac_phuc_chi_so",
        "the figure “Số tin, bài, hoạt động tuyên truyền CCHC”: bao_cao (ky: 4) → "
        "so_lieu.tin_bai_tuyen_truyen, or `cchc figures -q 4 --set tin_bai_tuyen_truyen=N`",
    ]
    text, err = render(tmp_path, 4, PLAN, progress)
    assert "Khắc phục tồn tại, hạn chế qua kết quả" not in text
    assert "tuyên truyền" not in body(text).split("II. KẾT QUẢ")[0].lower().replace(
        "kế hoạch tuyên truyền", ""
    )
    assert "→ khac_phuc_chi_so" in err


def test_a_narrative_that_names_ids_is_flagged_not_rewritten(tmp_path: Path) -> None:
    source = EXAMPLE.read_text(encoding="utf-8")
    progress = tmp_path / "2023.progress.yaml"
    progress.write_text(source.replace(
        "    ton_tai_han_che: Việc lưu trữ hồ sơ điện tử tại một số phòng chưa đầy đủ; thông tin "
        "trên Cổng thông tin điện tử của Sở chưa được cập nhật thường xuyên.",
        "    ton_tai_han_che: Nhiệm vụ III.8 và chỉ số CT2.3.a chưa có kết quả.",
    ), encoding="utf-8")  # fmt: skip
    r = cchc("report", str(PLAN), "-q", "3", "--progress", str(progress), "--check")
    assert "the text ton_tai_han_che (ky: 3) names ids III.8, CT2.3.a" in r.out, r.out
    text, _ = render(tmp_path, 3, PLAN, progress)
    assert "Nhiệm vụ III.8 và chỉ số CT2.3.a chưa có kết quả." in text  # as written


# --- layout: what keeps headings and rows whole ------------------------------------------


def _on(element: object, tag: str) -> bool:
    found = element.find(qn(tag))  # type: ignore[attr-defined]
    return found is not None and found.get(qn("w:val")) not in ("0", "false")


def test_headings_and_tables_carry_the_properties_that_keep_them_whole(tmp_path: Path) -> None:
    out = tmp_path / "q4.docx"
    assert cchc("report", str(PLAN), "-q", "4", "--progress", str(EXAMPLE), "-o",
                str(out)).code == 0  # fmt: skip
    doc = Document(str(out))
    for name in ("Heading 1", "Heading 2"):
        ppr = doc.styles[name].element.pPr
        assert _on(ppr, "w:keepNext") and _on(ppr, "w:keepLines"), name
    assert _on(doc.styles["Body Text"].element.pPr, "w:widowControl")
    headings = [p for p in paragraphs(doc) if p.style.name in ("Heading 1", "Heading 2")]
    assert len(headings) > 15
    for p in headings:  # never broken before the last word, nor inside a fixed phrase
        words = p.text.split(" ")
        assert len(words) < 3 or NBSP in words[-1], p.text
        for phrase in ("CẢI CÁCH HÀNH CHÍNH", "Chỉ số hài lòng (SIPAS)"):  # #26 review, 14
            assert phrase not in p.text, p.text  # its spaces are no-break ones
    said = {p.text.replace(NBSP, " ") for p in headings}
    assert "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH" in said
    data = [t for t in doc.tables if t._tbl.find(f".//{qn('w:tblHeader')}") is not None]
    assert len(data) >= 6  # TTHC table, tasks, targets, totals, TTHC by period and by lĩnh vực
    for table in data:
        rows = table._tbl.findall(qn("w:tr"))
        heads = [r for r in rows if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
        rest = [r for r in rows if r not in heads]
        assert heads and rows[: len(heads)] == heads  # repeated on each page
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)

        def kept(row: object) -> bool:
            paras = list(row.iter(qn("w:p")))  # type: ignore[attr-defined]
            return all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paras)

        # header and first row held with the next; the last three rows held together
        assert all(kept(r) for r in [*heads, *rest[:1], *rest[-3:-1]])
        # and a space after the table
        after = table._tbl.getnext()
        assert after is not None and after.tag == qn("w:p")
    # A table's space after: the next paragraph is an empty one with space after it.
    body_tables = [t for t in data if t.rows[0].cells[0].text == "STT"]
    spacer = body_tables[0]._tbl.getnext()
    assert "".join(spacer.itertext()) == ""
    assert int(spacer.find(f"{qn('w:pPr')}/{qn('w:spacing')}").get(qn("w:after"))) >= 120


def test_the_example_s_body_names_no_id_and_says_no_zero(example: dict) -> None:
    ws = open_workspace(PLAN, EXAMPLE)
    ids = internal_ids(ws.plan)
    for q, (text, _) in example.items():
        assert ids.findall(text) == [], q
        assert not re.search(r"(?<![\d.,/])0 \w", body(text)), q
        assert "Thời hạn theo kế hoạch khác" not in text and "tạm tính" not in text, q


# The standard figures an indicator is computed from (#26, second reading, findings 2-4): the
# figure changed, with what keeps the period's tables adding up, and the text each value of
# it gives in the body and the annex, and the targets whose value is computed from it.
STANDARD_FIGURES = {
    "sang_kien": (4, "CT1.3.a", [("      sang_kien: 1\n", "      sang_kien: {v}\n")],
                  {"1": 1.0, "2": 2.0},
                  ["Có {v} sáng kiến, giải pháp về CCHC được công nhận trong kỳ.",
                   "về CCHC được công nhận và áp dụng tại Sở: mục tiêu 1–2; thực hiện {v}, đạt."]),
    "so_phong": (2, "CT1.4.a", [("      pakn_da_xu_ly: 3\n      so_phong: 9\n",
                                 "      pakn_da_xu_ly: 3\n      so_phong: {v}\n")],
                 {"9": 30.0, "11": 25.0},
                 ["tại 3/{u} phòng, đơn vị ({p}%)", "gồm {v} phòng chuyên môn",
                  "thực hiện {p}% (3/{u} phòng, đơn vị được kiểm tra)",
                  "\n{p}%\n(3/{u} phòng, đơn vị được kiểm tra)\n"]),
    "tiep_nhan_truc_tuyen": (
        2, "CT3.2.d",
        [("      tiep_nhan_truc_tuyen: 640\n", "      tiep_nhan_truc_tuyen: {v}\n"),
         ("      tra_lai_rut: 15\n", "      tra_lai_rut: {r}\n"),
         ("        tiep_nhan_truc_tuyen: 257\n", "        tiep_nhan_truc_tuyen: {a}\n"),
         ("        dang_giai_quyet_qua_han: 3\n        tra_lai_rut: 8\n      - linh_vuc: Hóa",
          "        dang_giai_quyet_qua_han: 3\n        tra_lai_rut: {ar}\n      - linh_vuc: Hóa")],
        {"640": 100 * 640 / 960, "650": 100 * 650 / 970},
        ["mới của các TTHC: {v}/{n})", "\nTổng cộng\n{t}\n{v}\n320\n10\n"]),
}  # fmt: skip


@pytest.mark.parametrize("key", list(STANDARD_FIGURES))
def test_one_standard_figure_changed_changes_every_place_it_appears(
    tmp_path: Path, key: str
) -> None:
    quarter, target, changes, values, places = STANDARD_FIGURES[key]
    seen: dict[str, str] = {}
    for value, share in values.items():
        extra = int(value) - int(next(iter(values)))
        fill = {"v": value, "u": str(int(value) + 1), "p": f"{share:g}",
                "r": str(15 + extra), "a": str(257 + extra), "ar": str(8 + extra),
                "n": str(960 + extra), "t": str(970 + extra)}  # fmt: skip
        folder = tmp_path / value
        (folder / "plans").mkdir(parents=True)
        shutil.copy(PLAN, folder / "plans" / "2023.yaml")
        source = EXAMPLE.read_text(encoding="utf-8")
        for old, new in changes:
            assert source.count(old) == 1, old
            source = source.replace(old, new.format(**fill))
        progress = folder / "plans" / "2023.progress.yaml"
        progress.write_text(source, encoding="utf-8")
        plan = folder / "plans" / "2023.yaml"
        text, _ = render(folder, quarter, plan, progress)
        seen[value] = text
        for place in places:
            assert place.format(**fill) in text, (value, place.format(**fill))
        status = json.loads(cchc("status", str(plan), "-q", str(quarter), "--format", "json").out)
        report = json.loads(cchc("report", str(plan), "-q", str(quarter), "--format", "json").out)
        shown = {t["id"]: t["actual"] for i in status["indicators"] for t in i["targets"]}
        assert shown[target] == pytest.approx(share, abs=0.01), (value, shown[target])
        assert {t["id"]: t["actual"] for t in report["targets"]} == shown
        same = [t["id"] for t in report["targets"] if t["same_as"] == target]
        assert all(shown[s] == shown[target] for s in same)
    first, second = seen.values()
    assert first != second
