"""The example year's four reports read as the Chánh Văn phòng reads them before the Giám
đốc signs (#26, a review of the rendered reports): an early completion counted apart, a
value older than the period dated and asked for, mid-year verdicts that are verdicts so far,
tasks told apart and groups kept in the annex, lists laid out one item a line, the task not
carried out named, the document's own properties, the plan's warnings in the pre-flight, a
computed share that says what it counts, the report's wording.

Every test states a rule over the rendered documents (python-docx) and cchc's JSON, not a
stored copy. The progress file of `examples/` is made-up data; changes made here to a copy
of it are made up too.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from conftest import ROOT
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table
from helpers import cchc
from test_report import paragraphs, table_with

from cchc_cli.files.workspace import open_workspace
from cchc_cli.plan.period import period_numbers, untracked_objectives
from cchc_cli.views.report import count, vn_date
from cchc_cli.views.report_text import mid_sentence

PLAN = ROOT / "plans" / "2023.yaml"
EXAMPLE = ROOT / "examples" / "2023.progress.yaml"
NBSP = "\u00a0"
TITLES = {1: "quý I năm 2023", 2: "quý II và 6 tháng đầu năm 2023", 3: "quý III năm 2023",
          4: "năm 2023"}  # fmt: skip


def render(folder: Path, quarter: int, progress: Path = EXAMPLE) -> tuple[DocumentObject, str]:
    """A report of the example year as the office makes it, and what cchc said on stderr."""
    out = folder / f"q{quarter}.docx"
    run = cchc("report", str(PLAN), "-q", str(quarter), "--progress", str(progress), "-o",
               str(out), "--force", "--lang", "vi")  # fmt: skip
    assert run.code == 0, run.all
    return Document(str(out)), run.err


def said(doc: DocumentObject) -> str:
    """The body's text as read (a no-break space read as a space), the annex left out."""
    text = "\n".join(p.text for p in paragraphs(doc)).replace(NBSP, " ")
    return text.split("\nPhụ lục\n")[0]


def body_lines(doc: DocumentObject) -> list[str]:
    """The body's paragraphs outside tables, in order."""
    return [p.text.replace(NBSP, " ") for p in doc.paragraphs]


def as_json(quarter: int, command: str = "report") -> dict:
    run = cchc(command, str(PLAN), "-q", str(quarter), "--progress", str(EXAMPLE),
               "--format", "json")  # fmt: skip
    assert run.code == 0, run.all
    return json.loads(run.out)


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[DocumentObject, str]]:
    folder = tmp_path_factory.mktemp("review")
    return {q: render(folder, q) for q in (1, 2, 3, 4)}


@pytest.fixture(scope="module")
def numbers() -> dict:
    ws = open_workspace(PLAN, EXAMPLE)
    return {q: period_numbers(ws.plan, ws.progress, q) for q in (1, 2, 3, 4)}


def tally_table(doc: DocumentObject) -> Table:
    return table_with(doc, "Lĩnh vực")


def task_table(doc: DocumentObject) -> Table:
    return table_with(doc, "TT")


# --- 1. an early completion --------------------------------------------------------------------


PLAN_TALLY = re.compile(
    r"có (\d+) nhiệm vụ đến hạn, đã hoàn thành (\d+) nhiệm vụ \(đạt [\d,]+%\), trong đó (\d+) "
    r"nhiệm vụ hoàn thành đúng hạn, (\d+) nhiệm vụ hoàn thành quá hạn; ngoài ra, (\d+) nhiệm vụ "
    r"chưa đến hạn đã hoàn thành sớm"
)


@pytest.mark.parametrize("quarter", [2, 3])
def test_an_early_completion_is_neither_due_nor_on_time(
    year: dict, numbers: dict, quarter: int
) -> None:
    """A task done before a deadline still to come is counted apart: not among the tasks due
    nor those done of them, never "đúng hạn"; the tally of section II, the annex's total row
    and `cchc status` give the same numbers (finding 1)."""
    doc, _ = year[quarter]
    s = as_json(quarter, "status")["summary"]
    assert s == as_json(quarter)["summary"]
    plan_tally = next(ln for ln in body_lines(doc) if ln.startswith("Kế hoạch CCHC năm 2023 có"))
    found = PLAN_TALLY.search(plan_tally)
    assert found, plan_tally
    body = [int(x) for x in found.groups()]
    on_time = s["done_on_time"] - s["done_early"]  # status counts an early one on time
    assert s["done_early"] > 0
    assert body == [s["due"], s["done_due"], on_time, s["done_late"], s["done_early"]]
    head = [c.text for c in tally_table(doc).rows[0].cells]
    total = dict(zip(head, (c.text for c in tally_table(doc).rows[-1].cells), strict=True))
    assert [total["Đến hạn"], total["Đã hoàn thành"], total["Hoàn thành đúng hạn"],
            total["Hoàn thành quá hạn"], total["Hoàn thành trước hạn"]] == [str(x) for x in body]  # fmt: skip
    for row in tally_table(doc).rows[2:]:  # no area shows more done than due
        cells = dict(zip(head, (c.text for c in row.cells), strict=True))
        assert int(cells["Đã hoàn thành"]) <= int(cells["Đến hạn"]), cells
    # the annex says each early task's state in the same words, and says it of no other
    states = [r.cells[5].text for r in task_table(doc).rows[2:]]
    assert sum(st.startswith("Hoàn thành trước hạn (") for st in states) == s["done_early"]
    # the tasks completed in the period: an early one "hoàn thành ngày … (trước hạn; thời hạn:
    # …)", never "hoàn thành đúng hạn"
    n = numbers[quarter]
    early = [r for r in n.status.tasks if n.early(r) and r.done_in_window]
    text = said(doc)
    assert text.count("(trước hạn; thời hạn: ") == len(early) > 0
    for r in early:
        assert f"hoàn thành đúng hạn ngày {vn_date(r.done_on)}" not in text, r.id
        assert f"hoàn thành ngày {vn_date(r.done_on)} (trước hạn; thời hạn: " in text, r.id
    if quarter == 2:
        assert (
            "(mục tiêu: giảm tối thiểu 2,5% chi hỗ trợ trực tiếp từ ngân sách nhà nước của đơn "
            "vị sự nghiệp công lập trực thuộc): hoàn thành ngày 12/6/2023 (trước hạn; thời hạn: "
            "năm 2023); kết quả:" in text
        )


def test_the_year_report_has_no_early_completion(year: dict) -> None:
    doc, _ = year[4]
    assert not any(r.cells[5].text.startswith("Hoàn thành trước hạn")
                   for r in task_table(doc).rows[2:])  # fmt: skip
    assert "trước hạn" not in said(doc).replace("giải quyết trước hạn", "")


# --- 2. a value older than the period ---------------------------------------------------------


def target_lines(document: dict) -> list[dict]:
    return [t for a in [document["chi_dao_linh_vuc"], *document["linh_vuc"]] for t in a["chi_tieu"]]


def test_a_value_older_than_the_last_quarter_says_its_day_and_is_asked_for(
    year: dict, numbers: dict
) -> None:
    """Quý III's values measured before 15/6 say "theo số liệu đến ngày …" (never "đến nay"
    beside an old day), and the pre-flight asks for each (findings 2, 12a)."""
    for q in (1, 2, 3, 4):
        doc, err = year[q]
        text = said(doc)
        assert "đến nay" not in text, q
        lines = target_lines(as_json(q)["document"])
        old = [t for t in lines if t["cu"]]
        n = numbers[q]
        assert {t["ma"] for t in old} == {t.id for t in n.status.targets
                                          if t.actual is not None and n.old(t)}, q  # fmt: skip
        for t in old:
            assert f"- {t['ten']}: mục tiêu " in text
            assert f"theo số liệu đến ngày {t['ngay_so_lieu']}, " in text, t
        asked = re.findall(r"\((CT[\d.a-z]+)\): số liệu gần nhất là ngày", err)
        assert set(asked) == {t.id for t in n.dated_old}, q
        assert bool(asked) == (q == 3), q  # the example measured its targets in June and December
    # quý III's share of cases received online adds the 6-month report's cases to quý III's
    # (cases received in windows that follow on add up), dated quý III's cut-off
    ws = open_workspace(PLAN, EXAMPLE)
    half, third = (ws.progress.narrative(q).thong_ke_tthc for q in (2, 3))
    online = half.tiep_nhan_truc_tuyen + third.tiep_nhan_truc_tuyen
    new = online + half.tiep_nhan_truc_tiep + third.tiep_nhan_truc_tiep
    share = f"{100 * online / new:.1f}".replace(".", ",")
    assert (
        f"đến ngày 14/9/2023 thực hiện {share}% (tỷ lệ hồ sơ tiếp nhận trực tuyến trên tổng số hồ "
        f"sơ tiếp nhận mới của các TTHC từ ngày 15/12/2022 đến ngày 14/9/2023: "
        f"{count(online)}/{count(new)})" in said(year[3][0]).replace("\n", " ")
    ), share


# --- 4, 5. the annex's task table --------------------------------------------------------------


def test_tasks_of_one_name_are_told_apart_in_the_annex(year: dict) -> None:
    """Two rows with the same task name each say their objective (finding 4)."""
    for q, (doc, _) in year.items():
        rows = [r for r in task_table(doc).rows[2:] if r.cells[1].text != r.cells[-1].text]
        names: dict[str, list[str]] = {}
        for r in rows:
            names.setdefault(r.cells[1].paragraphs[0].text, []).append(r.cells[1].text)
        shared = {k: v for k, v in names.items() if len(v) > 1}
        assert len(shared) == 2, (q, list(shared))
        for cells in shared.values():
            assert len(set(cells)) == len(cells), cells
            assert all("\n(Mục tiêu: " in c for c in cells), cells


def test_the_annex_keeps_the_groups_of_a_part(year: dict) -> None:
    """A part's groups (the plan's 7.1, 7.2) are title rows of their own, and the objectives'
    numbers restart only after one (finding 5)."""
    plan = open_workspace(PLAN).plan
    groups = [(g.so, g.tieu_de) for p in plan.phu_luc.phan for g in p.nhom]
    assert len(groups) == 2
    parts = {p.so for p in plan.phu_luc.phan}
    for q, (doc, _) in year.items():
        rows = [[c.text for c in r.cells] for r in task_table(doc).rows[2:]]
        titles = [(r[0], r[1]) for r in rows if r[1] == r[-1]]  # merged: a title row
        assert all(g in titles for g in groups), (q, titles)
        last = 0
        for r in rows:
            if r[1] == r[-1]:
                last = 0  # a part or a group begins: numbering starts again
                assert r[0] in parts or any(r[0] == g[0] for g in groups), r
            elif r[0]:
                assert int(r[0]) == last + 1, (q, r[0], last)
                last = int(r[0])


# --- 6. results of one task taken at different times --------------------------------------------


def test_results_taken_at_different_times_say_their_days(year: dict, numbers: dict) -> None:
    """A continuous task with several results in the window dates each, in the body and the
    annex: two results of the digitisation task are not one (finding 6)."""
    seen = 0
    for q, (doc, _) in year.items():
        text = said(doc).replace("\n", " ")
        annex = "\n".join(p.text for p in paragraphs(doc))
        continuous = {r.id for r in numbers[q].status.tasks if r.continuous}
        for ma, records in numbers[q].window_records.items():
            done = [r for r in records if r.minh_chung]
            if len(done) < 2 or ma not in continuous:
                continue
            for r in done:
                day = vn_date(r.ngay)
                shown = r.minh_chung if day in r.minh_chung else f"{r.minh_chung} (ngày {day})"
                assert shown in text and shown in annex, (q, shown)
                seen += 1
    assert seen > 20
    assert ("Số hóa hồ sơ, kết quả giải quyết TTHC tại Bộ phận Một cửa từ đầu năm (ngày "
            "10/3/2023); Hướng dẫn các phòng số hóa kết quả giải quyết TTHC còn hiệu lực (ngày "
            "09/6/2023)") in said(year[4][0]).replace("\n", " ")  # fmt: skip


# --- 7, 8. lists -------------------------------------------------------------------------------------


COUNTED = re.compile(r"(?:^|\s)(\d+) (?:nhiệm vụ|chỉ tiêu)[^:]*:$")


def test_every_list_has_as_many_items_as_it_counts(year: dict) -> None:
    """A sentence that counts N tasks or targets and then names them names N, one a line
    ("- …;" or "+ …;"), so that a name that holds a semicolon or a full stop is never read as
    two (finding 7)."""
    checked = 0
    for q, (doc, _) in year.items():
        lines = body_lines(doc)
        for i, line in enumerate(lines):
            found = COUNTED.search(line)
            if not found:
                continue
            items = []
            for after in lines[i + 1 :]:
                if not after.startswith(("- ", "+ ")):
                    break
                if items and after[:2] != items[0][:2]:
                    break
                items.append(after)
            assert len(items) == int(found.group(1)), (q, line, items)
            assert all(x.endswith(";") for x in items[:-1]) and items[-1].endswith("."), items
            checked += 1
        # nothing names several tasks inline after a count
        assert not any(re.search(r"đối với \d+ nhiệm vụ[^:]*: \S", ln) for ln in lines), q
    assert checked >= 10


def test_a_task_not_carried_out_is_named_with_its_reason(year: dict, numbers: dict) -> None:
    """The dropped task is named under its area with its reason (finding 8)."""
    tasks = {t.ma: t for _p, _o, t in open_workspace(PLAN).plan.tasks()}
    for q, (doc, _) in year.items():
        dropped = [r for r in numbers[q].status.tasks if r.status == "dropped"]
        lines = body_lines(doc)
        assert ("Nhiệm vụ không thực hiện:" in lines) == bool(dropped), q
        for r in dropped:
            task = tasks[r.id]
            name = task.ten_ngan or task.nhiem_vu
            assert f"- {name}, lý do: {mid_sentence(r.reason.rstrip('.'))}." in lines, (q, r.id)
    assert any(r.status == "dropped" for r in numbers[2].status.tasks)


# --- 9. verdicts before the year's end -------------------------------------------------------------


def test_a_target_met_before_the_year_s_end_is_met_so_far(year: dict) -> None:
    """Before the year's end a target is the year's ("mục tiêu cả năm"), its value says its day,
    and one met is met so far ("vượt mục tiêu", "đã đạt mục tiêu cả năm"), never a final "đạt"
    (finding 9); the year report's verdicts are final."""
    for q, (doc, _) in year.items():
        document = as_json(q)["document"]
        lines = target_lines(document)
        text = said(doc).replace("\n", " ")
        verdicts = {t["danh_gia"] for t in lines}
        table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Chỉ tiêu")
        annex = {r.cells[-1].text for r in table.rows[2:] if r.cells[1].text != r.cells[-1].text}
        if q == 4:
            assert verdicts <= {"đạt", "không đạt"} and annex <= {"Đạt", "Không đạt"}
            assert "mục tiêu cả năm" not in text
            continue
        assert "đạt" not in verdicts and "Đạt" not in annex, q
        assert all(t["ca_nam"] and t["ngay_so_lieu"] for t in lines), q
        for t in lines:
            assert f"- {t['ten']}: mục tiêu cả năm " in text, t
        met = [t for t in lines if t["loai"] == "met"]
        assert met and all(t["danh_gia"] in ("vượt mục tiêu", "đạt mục tiêu") for t in met), q
        assert "Đã đạt mục tiêu cả năm" in annex, q
        assert re.search(r"\d+ chỉ tiêu đã đạt mục tiêu cả năm", text), q
    q2 = said(year[2][0]).replace("\n", " ")
    assert (
        "đạt tỷ lệ tối thiểu là 70% số hồ sơ tiếp nhận: mục tiêu cả năm ≥ 70%; đến ngày 09/6/2023 "
        "thực hiện 73,6%, vượt mục tiêu." in q2
    )


# --- 10. the document's properties ------------------------------------------------------------------


def test_the_document_s_properties_are_the_report_s_own(year: dict, tmp_path: Path) -> None:
    """Title, subject, author and dates are the report's; no note of the template's is left
    (finding 10), with the bundled template or one named by --template."""
    template = ROOT / "cchc_cli" / "views" / "templates" / "report.docx"
    assert "Mẫu" in Document(str(template)).core_properties.subject  # the template's own
    named = tmp_path / "q2.docx"
    assert cchc("report", str(PLAN), "-q", "2", "--progress", str(EXAMPLE), "--template",
                str(template), "-o", str(named)).code == 0  # fmt: skip
    for doc in (year[2][0], Document(str(named))):
        p = doc.core_properties
        assert p.title == ("Báo cáo kết quả thực hiện công tác cải cách hành chính quý II và 6 "
                           "tháng đầu năm 2023")  # fmt: skip
        assert p.subject == "Báo cáo số 21/BC-SCT ngày 16/6/2023 của Sở Công Thương"
        assert p.author == "Sở Công Thương" and p.comments == "" and p.revision == 1
        day = datetime(2023, 6, 16)
        assert p.created is not None and p.modified is not None
        assert p.created.replace(tzinfo=None) == day == p.modified.replace(tzinfo=None)
        for name in ("title", "subject", "author", "comments", "keywords", "category",
                     "last_modified_by"):  # fmt: skip
            value = getattr(p, name) or ""
            assert not any(note in value for note in ("Mẫu", "Jinja", "(cchc")), (name, value)


# --- 11, 12. the pre-flight ----------------------------------------------------------------------------


def test_the_pre_flight_lists_the_plan_s_warnings_and_the_objectives_it_does_not_judge() -> None:
    """`--check` lists, after what is missing, the plan's warnings the verdicts rest on, each
    at its line (finding 11), and says which of the appendix's objectives with a figure the
    report does not judge (finding 12b); neither is missing data (exit status 0)."""
    r = cchc("report", str(PLAN), "-q", "4", "--progress", str(EXAMPLE), "--check", "--lang",
             "vi")  # fmt: skip
    assert r.code == 0, r.all
    assert "đủ số liệu, không thiếu mục nào" in r.out
    items = re.findall(r"^  (\d+)\. (.*)$", r.out, re.M)
    warned = cchc("validate", str(PLAN), "--progress", str(EXAMPLE), "--lang", "vi").out
    where = re.findall(r"^(\S+2023\.yaml:\d+):\d+: cảnh báo: (.*)$", warned, re.M)
    assert len(where) == 3
    assert [(n, text) for n, text in items] == [
        (str(i), f"{path}: {message}") for i, (path, message) in enumerate(where, 1)
    ]
    assert any("CT2.3.a ở mục II ghi ≥ 90%" in text for _n, text in items)  # the verdict's
    assert any("7.2.1" in text and "31/12/2023" in text for _n, text in items)  # basis
    untracked = untracked_objectives(open_workspace(PLAN).plan)
    assert "I.4" in untracked and "III.6" in untracked
    note = next(ln for ln in r.out.splitlines() if "mục tiêu của Phụ lục có con số" in ln)
    assert f"{len(untracked)} mục tiêu" in note and ", ".join(untracked) in note


def test_a_figure_missing_from_a_computed_share_is_asked_for_not_replaced(tmp_path: Path) -> None:
    """Without the units' total (neither `tong_so_don_vi` nor the departments it adds up
    from), the 6-month report says the units inspected without a share, gives the inspection
    target's last value with its day, and asks for the total (finding 12c)."""
    source = EXAMPLE.read_text(encoding="utf-8")
    half = source[source.index("  - ky: 2\n") : source.index("  - ky: 3\n")]
    assert "tong_so_don_vi" not in half and half.count("      so_phong: 9\n") == 1
    progress = tmp_path / "2023.progress.yaml"
    progress.write_text(source.replace(half, half.replace("      so_phong: 9\n", "")),
                        encoding="utf-8")  # fmt: skip
    doc, err = render(tmp_path, 2, progress)
    text = said(doc).replace("\n", " ")
    assert "Đã tổ chức 2 cuộc kiểm tra công tác CCHC tại 3 phòng, đơn vị, phát hiện 5" in text
    assert "None" not in text and "3/ phòng" not in text
    assert (
        "Tối thiểu 60% các phòng, đơn vị được kiểm tra CCHC trong năm 2023: mục tiêu cả năm "
        "≥ 60%; theo số liệu đến ngày 14/3/2023, chưa có kết quả, chưa đến kỳ đánh giá." in text
    )
    assert "so_lieu.tong_so_don_vi" in err
    assert "(CT1.4.a): số liệu gần nhất là ngày 14/3/2023, trước ngày 15/3/2023" in err


# --- 13. a computed share -----------------------------------------------------------------------------


def test_a_computed_share_says_what_it_counts(year: dict) -> None:
    """The online share is computed over every case received, not over the procedures the
    plan's words name: the line says so, with the counts of the period's TTHC table
    (finding 13)."""
    doc, _ = year[2]
    rows = {r.cells[1].text: int(r.cells[2].text.replace(".", "") or 0)
            for r in table_with(doc, "STT").rows[1:]}  # fmt: skip
    online = rows["Số hồ sơ tiếp nhận trực tuyến"]
    new = online + rows["Số hồ sơ tiếp nhận trực tiếp hoặc qua dịch vụ bưu chính"]
    label = (f"tỷ lệ hồ sơ tiếp nhận trực tuyến trên tổng số hồ sơ tiếp nhận mới của các TTHC: "
             f"{online}/{new}")  # fmt: skip
    text = said(doc).replace("\n", " ")
    share = f"{100 * online / new:.1f}".replace(".", ",")
    assert (f"60% hồ sơ TTHC thuộc danh mục DVC trực tuyến toàn trình được tiếp nhận và thụ lý "
            f"trực tuyến: mục tiêu cả năm ≥ 60%; đến ngày 14/6/2023 thực hiện {share}% "
            f"({label}), vượt mục tiêu") in text  # fmt: skip
    annex = next(t for t in doc.tables if t.rows[0].cells[1].text == "Chỉ tiêu")
    assert any(f"({label})" in r.cells[3].text for r in annex.rows)
    assert "(3/10 phòng, đơn vị được kiểm tra)" in text


# --- 14. the annex's TTHC cases by lĩnh vực ----------------------------------------------------------


def test_the_cases_by_lĩnh_vực_have_a_total_row(year: dict) -> None:
    """Annex V adds its lĩnh vực up, and the total is the period's (finding 14)."""
    ws = open_workspace(PLAN, EXAMPLE)
    for q, (doc, _) in year.items():
        # the tally's table comes first, then the cases by lĩnh vực
        by_area = [t for t in doc.tables if t.rows[0].cells[0].text == "Lĩnh vực"][-1]
        rows = [[c.text for c in r.cells] for r in by_area.rows[3:]]
        assert rows[-1][0] == "Tổng cộng", q
        sums = [sum(int(r[i].replace(".", "")) for r in rows[:-1]) for i in range(1, 13)]
        assert [int(x.replace(".", "")) for x in rows[-1][1:]] == sums, q
        stats = ws.progress.narrative(q).thong_ke_tthc
        assert sums[0] == stats.received and sums[4] == stats.resolved, q
        assert all(r.bold for p in by_area.rows[-1].cells[0].paragraphs for r in p.runs)


def _keeps(row: object) -> bool:
    paras = list(row.iter(qn("w:p")))  # type: ignore[attr-defined]
    return all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paras)


def _bold(row: object) -> bool:
    runs = [r for r in row.iter(qn("w:r")) if "".join(r.itertext()).strip()]  # type: ignore[attr-defined]
    return bool(runs) and all(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None for r in runs)


def test_no_table_can_leave_one_or_two_rows_on_a_page(year: dict) -> None:
    """Each data table keeps its header and first three rows together and its last three
    together, a group's title or a total row going with them (finding 14)."""
    for q, (doc, _) in year.items():
        for table in doc.tables:
            rows = table._tbl.findall(qn("w:tr"))
            heads = [r for r in rows if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
            if not heads:
                continue
            data = [r for r in rows if r not in heads]
            content = [i for i, r in enumerate(data) if not _bold(r)]
            if len(content) < 4:
                continue
            first = data[: content[2]]  # up to the third row of content, kept with the next
            last = data[content[-3] : -1]
            assert all(_keeps(r) for r in [*heads, *first, *last]), (q, table.rows[0].cells[0].text)


# --- 15. wording ------------------------------------------------------------------------------------------


def test_the_report_s_wording(year: dict) -> None:
    """The review's wording points (finding 15), as rules over the four reports."""
    for q, (doc, _) in year.items():
        text = said(doc)
        flat = text.replace("\n", " ")
        lines = body_lines(doc)
        # the opening: "…; theo đề nghị của Sở Nội vụ tại Văn bản số …"
        assert (
            "; theo đề nghị của Sở Nội vụ tại Văn bản số " in flat
            and "; thực hiện Văn bản" not in flat
        )
        # a late completion: "hoàn thành ngày … (quá hạn; thời hạn: …)", never "quá hạn ngày"
        assert "quá hạn ngày" not in flat, q
        late = re.search(r"hoàn thành ngày [\d/]+ \(quá hạn; thời hạn: [a-zđ]", flat)
        assert bool(late) == (q != 3), q  # quý III completed no task late
        # "các nhiệm vụ thường xuyên chưa có kết quả" was said of one task
        assert "các nhiệm vụ thường xuyên chưa có kết quả" not in flat, q
        # the inspection findings are counted once, by the figures
        assert not re.search(r"\d+/\d+ tồn tại", flat), q
        # section IV: no "đến hết 6 tháng cuối năm"
        assert "đến hết" not in flat, q
        # the closing names the report as its title does
        assert f"Trên đây là báo cáo kết quả thực hiện công tác CCHC {TITLES[q]} của Sở Công " \
               f"Thương./." in flat, q  # fmt: skip
        # inside parentheses, a phrase of the plan's reads in lower case
        assert not re.search(r"\((?:mục tiêu|[^()]*thời hạn): (?!UBND|TTHC|DVC|QPPL)[A-ZĐÂ][a-zà-ỹ]",
                             flat), q  # fmt: skip
        # the QĐ 766 points: one parenthesis, not two in a row
        assert "Chính phủ) (" not in flat and "Theo Bộ chỉ số chỉ đạo, điều hành" in flat, q
        # a task listed under "…chưa hoàn thành:" does not say "chưa hoàn thành" again
        assert not any(ln.endswith("): chưa hoàn thành.") for ln in lines), q
        # the typos of the issued text stay in the annex, the body reads the short names
        for typo in ("Thông kê", "minh mạch", "Quản triệt", "Phần đầu", "DVCTT"):
            assert typo not in text, (q, typo)
        annex = "\n".join(p.text for p in paragraphs(doc))
        assert "Thông kê" in annex and "minh mạch" in annex and "DVCTT" in annex
        # continuous tasks carry on, except after the year report (next year's plan)
        assert ("Tiếp tục thực hiện 24 nhiệm vụ thường xuyên theo Kế hoạch." in flat) == (q != 4)
        # Nơi nhận: the director signs, his deputies receive it
        sent = [ln for ln in ("- Giám đốc, các PGĐ Sở;", "- Các Phó Giám đốc Sở;") if ln in
                "\n".join(p.text for p in paragraphs(doc))]  # fmt: skip
        assert sent == ["- Các Phó Giám đốc Sở;"], q
    # the year report counts the tasks with a deadline in the year, not "due" on 14/12
    year_text = said(year[4][0]).replace("\n", " ")
    assert "có 13 nhiệm vụ có thời hạn trong năm 2023, đã hoàn thành 11 nhiệm vụ" in year_text
    assert "nhiệm vụ đến hạn" not in year_text
    # one continuous task without a result: "nhiệm vụ thường xuyên chưa có kết quả trong kỳ"
    assert "; nhiệm vụ thường xuyên chưa có kết quả trong kỳ;" in said(year[3][0]).replace(
        "\n", " "
    )
    # all on time: "đã hoàn thành đúng hạn 1/1 nhiệm vụ (đạt 100%)"
    assert "đã hoàn thành đúng hạn 1/1 nhiệm vụ (đạt 100%)" in said(year[2][0]).replace("\n", " ")


def test_a_deputy_signing_sends_the_report_to_the_leaders(tmp_path: Path) -> None:
    """When a deputy signs on the director's behalf, the default Nơi nhận is "Lãnh đạo Sở;"."""
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(PLAN, folder / "2023.yaml")
    source = EXAMPLE.read_text(encoding="utf-8")
    signer = ("    nguoi_ky: {quyen_han: KT. GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Nguyễn "
              "Văn An}\n")  # fmt: skip
    (folder / "2023.progress.yaml").write_text(
        source.replace("  - ky: 2\n", "  - ky: 2\n" + signer, 1), encoding="utf-8"
    )
    run = cchc("report", str(folder / "2023.yaml"), "-q", "2", "--format", "json")
    assert run.code == 0, run.all
    assert json.loads(run.out)["document"]["noi_nhan"] == [
        "Như trên;", "UBND tỉnh (b/c);", "Lãnh đạo Sở;", "Lưu: VT, VP."
    ]  # fmt: skip
