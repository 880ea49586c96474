"""The example year's reports read a second time as the Chánh Văn phòng reads them (#26): the
annex tally adds up mid-year, an indicator that the standard figures measure too is
computed from them or checked against them, cases carried over agree lĩnh vực by lĩnh
vực, the file's properties are the report's own, the wording of the figures' sentences.

Every test states a rule over the rendered documents (python-docx), their XML, the view
model or cchc's output, not a stored copy. Changes made here to a copy of the example's
progress file are made-up data.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from docx import Document
from helpers import cchc
from test_report import paragraphs, table_with

PLAN = ROOT / "plans" / "2023.yaml"
EXAMPLE = ROOT / "examples" / "2023.progress.yaml"
SIGNED = {1: "2023-03-16", 2: "2023-06-16", 3: "2023-09-18", 4: "2023-12-18"}


def copy_example(folder: Path, *changes: tuple[str, str]) -> Path:
    """The example's plan and progress file in `folder/plans`, each change made once."""
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    shutil.copy(PLAN, folder / "plans" / "2023.yaml")
    source = EXAMPLE.read_text(encoding="utf-8")
    for old, new in changes:
        assert source.count(old) == 1, old
        source = source.replace(old, new)
    (folder / "plans" / "2023.progress.yaml").write_text(source, encoding="utf-8")
    return folder / "plans" / "2023.yaml"


def render_docx(
    folder: Path, quarter: int, plan: Path = PLAN, progress: Path | None = None
) -> Path:
    out = folder / f"q{quarter}.docx"
    args = ["report", str(plan), "-q", str(quarter), "--date", SIGNED[quarter], "-o", str(out),
            "--force", "--lang", "vi"]  # fmt: skip
    if progress is not None:
        args += ["--progress", str(progress)]
    run = cchc(*args)
    assert run.code == 0, run.all
    return out


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("signer")
    return {q: render_docx(folder, q, progress=EXAMPLE) for q in (1, 2, 3, 4)}


# --- finding 9: the annex tally adds up, mid-year too ---------------------------------------


def tally_rows(path: Path) -> list[list[str]]:
    table = table_with(Document(str(path)), "Lĩnh vực")
    return [[c.text.strip() for c in row.cells] for row in table.rows]


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_the_annex_tally_adds_up_in_every_row(example: dict[int, Path], quarter: int) -> None:
    rows = tally_rows(example[quarter])
    header = rows[0]
    tenth = "Chưa hoàn thành" if quarter == 4 else "Chưa đến hạn"
    assert header[9] == tenth, header
    data = [r for r in rows if r[1].isdigit()]
    assert data[-1][0] == "Tổng cộng" and len(data) >= 3
    for r in data:
        n = [int(x) if x.isdigit() else 0 for x in r]
        if quarter == 4:  # every dated task is due in the year; (10) is among the due
            assert n[1] == n[2] + n[3] + n[10] + n[11], r
            assert n[3] == n[4] + n[8] + n[9], r
        else:  # (10): not yet due, not done, outside the due
            assert n[1] == n[2] + n[3] + n[9] + n[10] + n[11], r
            assert n[3] == n[4] + n[8], r
    if quarter == 2:  # seven tasks of the example are due later in the year and not done
        assert data[-1][9] == "7", data[-1]


# --- findings 2, 3, 4: an indicator the standard figures measure is computed from them, or
# checked against them; finding 12: cases carried over agree lĩnh vực by lĩnh vực -----------


def text_of_docx(path: Path) -> str:
    from test_report import text_of

    return text_of(Document(str(path))).replace("\u00a0", " ")


def line_of(path: Path, needle: str, after: str = "") -> int:
    """The 1-based line of the first `needle` after the first `after` in `path`."""
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    return text[: text.index(needle, start)].count("\n") + 1


def test_the_initiatives_target_is_the_count_of_initiatives_recognised(tmp_path: Path) -> None:
    """CT1.3.a ("01-02 sáng kiến … được công nhận") is `so_lieu.sang_kien`, not a second
    number: changed in the year's figures, section I and the target's line change together."""
    plan = copy_example(tmp_path, ("      sang_kien: 1\n", "      sang_kien: 2\n"))
    text = text_of_docx(render_docx(tmp_path, 4, plan))
    assert "Có 2 sáng kiến, giải pháp về CCHC được công nhận trong kỳ." in text
    assert ("- Phấn đấu có ít nhất 01-02 sáng kiến (hoặc giải pháp mới) về CCHC được công nhận "
            "và áp dụng tại Sở: mục tiêu 1–2; thực hiện 2, đạt.") in text  # fmt: skip
    # Quý III counts from 15/6: the year so far is the 6-month report's and quý III's.
    import json

    status = json.loads(cchc("status", str(plan), "-q", "4", "--format", "json").out)
    row = next(t for i in status["indicators"] for t in i["targets"] if t["id"] == "CT1.3.a")
    assert (row["actual"], row["computed"]) == (2, True)
    # A record of the count that the figures contradict is reported where it stands.
    progress = tmp_path / "plans" / "2023.progress.yaml"
    source = progress.read_text(encoding="utf-8")
    progress.write_text(source.replace(
        "chi_so:\n", "chi_so:\n  - ma: CT1.3.a\n    ngay: 2023-12-08\n    gia_tri: 1\n", 1),
        encoding="utf-8")  # fmt: skip
    r = cchc("validate", str(plan), "--lang", "en")
    line = line_of(progress, "gia_tri: 1", "- ma: CT1.3.a")
    assert (
        f"{progress}:{line}:" in r.out
        and (
            "CT1.3.a records 1 on 2023-12-08, but the figures of report 4 record 2 initiatives "
            "recognised (sang_kien); that report uses 2"
        )
        in r.out
    ), r.out


def test_the_units_are_the_departments_and_public_service_units(tmp_path: Path) -> None:
    """The units an inspection share counts are `so_phong + so_don_vi_su_nghiep` (the example
    records no `tong_so_don_vi`): changing the departments changes section I's share, the
    inspection target and section II's organisation together; a `tong_so_don_vi` that
    disagrees with them is reported with its line."""
    plan = copy_example(tmp_path, ("      pakn_da_xu_ly: 3\n      so_phong: 9\n",
                                   "      pakn_da_xu_ly: 3\n      so_phong: 11\n"))  # fmt: skip
    text = text_of_docx(render_docx(tmp_path, 2, plan))
    assert "tại 3/12 phòng, đơn vị (25%)" in text
    assert "gồm 11 phòng chuyên môn, nghiệp vụ và tương đương, 1 đơn vị sự nghiệp" in text
    assert "thực hiện 25% (3/12 phòng, đơn vị được kiểm tra)" in text
    assert "/10 phòng" not in text
    progress = tmp_path / "plans" / "2023.progress.yaml"
    source = progress.read_text(encoding="utf-8")
    marker = "      cuoc_kiem_tra: 2\n      don_vi_duoc_kiem_tra: 3\n"
    progress.write_text(source.replace(marker, marker + "      tong_so_don_vi: 10\n"),
                        encoding="utf-8")  # fmt: skip
    r = cchc("validate", str(plan), "--lang", "en")
    line = line_of(progress, "tong_so_don_vi: 10")
    assert (
        f"{progress}:{line}:" in r.out
        and (
            "report 2: tong_so_don_vi records 10, but so_phong + so_don_vi_su_nghiep = 11 + 1 = 12"
        )
        in r.out
    ), r.out


def test_the_digitisation_denominator_is_the_period_s_cases_received(tmp_path: Path) -> None:
    """CT3.1.a's denominator is the cases received (`mau_so_tu: ho_so_tiep_nhan`): a record
    whose denominator the period's figures contradict is reported with both lines."""
    r = cchc("validate", str(PLAN), "--progress", str(EXAMPLE), "--lang", "en")
    assert "denominator" not in r.out, r.out  # the example agrees: 970 and 2,000
    # Ten more cases received online by 14/6, in the total and in lĩnh vực Điện, returned
    # (so that every table still adds up): the table, the online share and the check move.
    plan = copy_example(
        tmp_path,
        ("      tiep_nhan_truc_tuyen: 640\n", "      tiep_nhan_truc_tuyen: 650\n"),
        ("      tra_lai_rut: 15\n", "      tra_lai_rut: 25\n"),
        ("        tiep_nhan_truc_tuyen: 257\n", "        tiep_nhan_truc_tuyen: 267\n"),
        ("        dang_giai_quyet_qua_han: 3\n        tra_lai_rut: 8\n      - linh_vuc: Hóa chất\n"
         "        tiep_nhan_truc_tuyen: 76\n",
         "        dang_giai_quyet_qua_han: 3\n        tra_lai_rut: 18\n      - linh_vuc: Hóa chất\n"
         "        tiep_nhan_truc_tuyen: 76\n"),
    )  # fmt: skip
    text = text_of_docx(render_docx(tmp_path, 2, plan))
    assert (
        "(tỷ lệ hồ sơ tiếp nhận trực tuyến trên tổng số hồ sơ tiếp nhận mới của các TTHC: "
        "650/970)" in text
    )
    assert "\n980\n" in text and "\n970\n" not in text.split("\nPhụ lục\n")[0]
    r = cchc("validate", str(plan), "--lang", "en")
    assert " 0 error(s)" in r.out, r.out
    progress = tmp_path / "plans" / "2023.progress.yaml"
    line = line_of(progress, "mau_so: 970")
    stats = line_of(progress, "tiep_nhan_truc_tuyen: 650")  # the first line of thong_ke_tthc
    assert (
        f"{progress}:{line}:" in r.out
        and (
            f"CT3.1.a records a denominator of 970 cases on 2023-06-09, but the figures of report "
            f"2 record 980 cases received (line {stats})"
        )
        in r.out
    ), r.out


def test_cases_carried_over_agree_lĩnh_vực_by_lĩnh_vực(tmp_path: Path) -> None:
    r = cchc("validate", str(PLAN), "--progress", str(EXAMPLE), "--lang", "en")
    assert "carried over" not in r.out, r.out  # the example's quý III carries over quý II's
    plan = copy_example(tmp_path, ("        tiep_nhan_truc_tiep: 59\n        tiep_nhan_ky_truoc: 27\n",
                                   "        tiep_nhan_truc_tiep: 61\n        tiep_nhan_ky_truoc: 25\n"))  # fmt: skip
    r = cchc("validate", str(plan), "--lang", "en")
    progress = tmp_path / "plans" / "2023.progress.yaml"
    line = line_of(progress, "tiep_nhan_ky_truoc: 25")
    area = line_of(progress, "- linh_vuc: Điện", "  - ky: 2\n")
    assert (
        f"{progress}:{line}:" in r.out
        and (
            "report 3, lĩnh vực Điện: 25 cases carried over, but at the end of report 2 "
            f"(2023-06-14) 27 cases of it were being resolved (line {area})"
        )
        in r.out
    ), r.out
    assert r.out.count("cases of it were being resolved") == 1  # the other lĩnh vực agree


# --- finding 13: the file's statistics and preview are not the template's -----------------


def test_the_document_carries_no_borrowed_statistics_or_preview(example: dict[int, Path]) -> None:
    import zipfile

    template = ROOT / "cchc_cli" / "views" / "templates" / "report.docx"
    for path in (template, example[2], example[4]):
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            rels = z.read("_rels/.rels").decode()
            types = z.read("[Content_Types].xml").decode()
        assert "docProps/app.xml" not in names and "docProps/thumbnail.jpeg" not in names, path
        assert "app.xml" not in rels and "thumbnail" not in rels and "app.xml" not in types
        assert "docProps/core.xml" in names


# --- finding 15: the figures' sentences read as prose ---------------------------------------


def test_no_sentence_starts_with_a_numeral_and_a_count_names_what_it_counts(
    example: dict[int, Path],
) -> None:
    for quarter, path in example.items():
        text = text_of_docx(path).split("\nPhụ lục\n")[0]
        starts = [m for line in text.split("\n") for m in re.findall(r"\. \d\S*", line)]
        assert starts == [], (quarter, starts)  # no sentence starts with a numeral
        assert not re.search(r"đã xử lý \d+\.", text), quarter  # "3" without its noun
    half = text_of_docx(example[2])
    assert ("đã xử lý 3/3 phản ánh, kiến nghị. Có 144/144 thủ tục hành chính thuộc thẩm "
            "quyền giải quyết được công khai") in half  # fmt: skip


def test_a_paragraph_or_heading_left_without_a_part_reads_whole(tmp_path: Path) -> None:
    """Without the complaints received, the TTHC paragraph starts with its next sentence, not
    a space; without the causes, the heading is "Tồn tại, hạn chế" with no lone "a)"."""
    plan = copy_example(
        tmp_path,
        ("      pakn_tiep_nhan: 3\n      pakn_da_xu_ly: 3\n", ""),
        ("    nguyen_nhan: Người dân, doanh nghiệp chưa quen nộp hồ sơ trực tuyến; chờ hướng "
         "dẫn của Bộ Tài chính.\n", ""),
    )  # fmt: skip
    doc = Document(str(render_docx(tmp_path, 2, plan)))
    said = [p.text.replace("\u00a0", " ") for p in paragraphs(doc)]
    public = [p for p in said if "thủ tục hành chính thuộc thẩm quyền giải quyết được công" in p]
    assert public and all(p.startswith("Có 144/144 ") for p in public), public
    assert "2. Tồn tại, hạn chế" in said
    assert not any(p.startswith(("a) Tồn tại", "b) Nguyên nhân")) for p in said)
    assert not any("và nguyên nhân" in p for p in said)


# --- findings 6, 7, 8, 14: what a figure's sentence says it counts ----------------------------


def test_the_verdict_count_names_one_day_only_when_every_value_is_of_that_day(
    example: dict[int, Path],
) -> None:
    """Quý III's values are of 09/6, 14/6 and 14/9: the count says "theo số liệu gần nhất của
    từng chỉ tiêu" with the span, not the newest day alone (finding 6)."""
    q3 = text_of_docx(example[3])
    assert ("Về các chỉ tiêu chủ yếu, theo số liệu gần nhất của từng chỉ tiêu (từ ngày 09/6/2023 "
            "đến ngày 14/9/2023): ") in q3  # fmt: skip
    assert "Về các chỉ tiêu chủ yếu, theo số liệu đến ngày 14/9/2023" not in q3
    q1 = text_of_docx(example[1])  # every value of quý I is of its cut-off
    assert "Về các chỉ tiêu chủ yếu, theo số liệu đến ngày 14/3/2023: " in q1


def test_a_share_of_the_year_so_far_says_its_span_and_a_restated_one_its_method(
    example: dict[int, Path],
) -> None:
    """Quý III's online share adds the 6-month report's cases to its own: it says from when
    to when (finding 7); the digital-government area's line restating it says it is the same
    target and the same method, the others the same target (finding 8)."""
    q3 = text_of_docx(example[3])
    assert ("(tỷ lệ hồ sơ tiếp nhận trực tuyến trên tổng số hồ sơ tiếp nhận mới của các TTHC từ "
            "ngày 15/12/2022 đến ngày 14/9/2023: 1.050/1.510)") in q3  # fmt: skip
    q2 = text_of_docx(example[2])  # the 6-month report's window is the year so far
    assert "mới của các TTHC: 640/960)" in q2
    for text in (q2, q3, text_of_docx(example[4])):
        restated = [ln for ln in text.split("\n") if "(cùng chỉ tiêu" in ln]
        online = [ln for ln in restated if ln.startswith("- 60% hồ sơ TTHC thuộc danh mục")]
        assert len(online) == 1 and "(cùng chỉ tiêu và cách tính đã nêu tại mục “Cải cách thủ " \
            "tục hành chính”)" in online[0]  # fmt: skip
        others = [ln for ln in restated if ln not in online]
        assert len(others) == 3 and all("(cùng chỉ tiêu đã nêu tại mục" in ln for ln in others)


def test_quý_iii_s_inspections_are_the_quarter_s_not_a_share_of_the_year(
    example: dict[int, Path],
) -> None:
    q3 = text_of_docx(example[3])
    assert ("Trong quý III, đã tổ chức 2 cuộc kiểm tra công tác CCHC tại 4 phòng, đơn vị, phát "
            "hiện 4 tồn tại, hạn chế, đã khắc phục xong 4/4.") in q3  # fmt: skip
    # the example records the year's inspection share on 14/9: the target says that day's
    assert ("- Tối thiểu 60% các phòng, đơn vị được kiểm tra CCHC trong năm 2023: mục tiêu cả "
            "năm ≥ 60%; đến ngày 14/9/2023 thực hiện 70% (7/10 phòng, đơn vị được kiểm tra), vượt "
            "mục tiêu.") in q3  # fmt: skip


# --- findings 1, 5, 11: the example's own words --------------------------------------------


NARRATIVE = ("chi_dao_dieu_hanh", "ket_qua_noi_bat", "ton_tai_han_che", "nguyen_nhan",
             "phuong_huong", "kien_nghi", "khac_phuc_chi_so", "ket_qua_kiem_tra")  # fmt: skip


def test_the_example_s_prose_restates_no_figure_and_no_generated_list() -> None:
    """The officer's words carry no percentage or fraction the figures give (the report says
    those, each once), and no sentence that the report's own lists say (finding 5, 11)."""
    import yaml

    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    texts = [str(b[k]) for b in data["bao_cao"] for k in NARRATIVE if b.get(k)]
    texts += [str(r["minh_chung"]) for r in data["nhiem_vu"] if r.get("minh_chung")]
    assert len(texts) > 60
    for text in texts:
        assert not re.search(r"\d%", text), text  # "đạt 92,5%"
        assert not re.search(r"\d/[\d.]+ (?:hồ sơ|phòng|đơn vị|văn bản|thủ tục|TTHC)", text), text
        assert "chưa có kết quả trong kỳ" not in text.lower(), text


def test_continuous_tasks_whose_area_gives_figures_have_their_results(
    example: dict[int, Path],
) -> None:
    """The QPPL review and online payments are counted in the 6-month figures: their tasks
    are not listed without a result in the same report (finding 1)."""
    for quarter in (1, 2):
        lines = text_of_docx(example[quarter]).split("\n\nPhụ lục\n")[0].split("\n")
        listed = []  # the tasks each "Chưa có kết quả trong kỳ …" names, on its line or below
        for i, line in enumerate(lines):
            if line.startswith("Chưa có kết quả trong kỳ"):
                listed.append(line.partition(": ")[2])
                for below in lines[i + 1 :] if line.endswith(":") else ():
                    if not below.startswith("- "):
                        break
                    listed.append(below)
        assert listed, quarter
        for name in listed:
            assert not name.startswith("Tham mưu xây dựng văn bản QPPL"), (quarter, name)
            assert "nền tảng thanh toán không dùng tiền mặt" not in name, (quarter, name)


def test_the_year_s_prose_says_a_missed_target_as_the_verdict_does(
    example: dict[int, Path],
) -> None:
    """The year's verdicts are final: the officer's words say "không đạt", never "chưa đạt
    mục tiêu" beside a "không đạt" (finding 11)."""
    year = text_of_docx(example[4])
    assert "chưa đạt mục tiêu" not in year
    assert "không đạt mục tiêu của năm" in year


# --- finding 10: a small table is kept whole, with its heading and note ----------------------


def test_a_small_table_moves_whole_with_its_heading_and_note(example: dict[int, Path]) -> None:
    """The annex tally (one row an area) and the TTHC tables are short: every row but the
    last keeps with the next, as do the heading and the note above the tally, so that no
    page holds three of its rows and the next page five."""
    from docx.oxml.ns import qn

    def kept(element: object) -> bool:
        paras = list(element.iter(qn("w:p")))  # type: ignore[attr-defined]
        return all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paras)

    for quarter in (1, 4):
        doc = Document(str(example[quarter]))
        tally = table_with(doc, "Lĩnh vực")._tbl
        rows = tally.findall(qn("w:tr"))
        assert len(rows) >= 10 and all(kept(r) for r in rows[:-1]), quarter
        note = tally.getprevious()  # "Số liệu tính đến ngày …" under the heading
        heading = note.getprevious()
        assert "(2) = (3) + (4)" in "".join(note.itertext()) and kept(note)
        style = doc.styles["Heading 1"].paragraph_format
        assert "TỔNG HỢP KẾT QUẢ" in "".join(heading.itertext()) and style.keep_with_next
    # a long table still keeps only its ends together: the annex of tasks breaks between rows
    doc = Document(str(example[4]))
    tasks = next(t._tbl for t in doc.tables if len(t.rows) > 30)
    assert not all(kept(r) for r in tasks.findall(qn("w:tr"))[:-1])
