"""Workbooks a person can use alone (#28): a title block on every sheet, the header found
below it, dates and numbers checked at their cells in the words of the person who typed
them, the report's prose written in a cell of the officer's workbook and stored safely,
output folders made. Built and read through the real file formats: openpyxl as Excel
writes a workbook, and LibreOffice Calc typing into it as a person does."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT
from helpers import cchc

PLAN = ROOT / "plans" / "2023.yaml"
EXAMPLE = ROOT / "examples" / "2023.progress.yaml"  # a year of records, with the prose


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN, tmp_path / "plans" / "2023.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def year(repo: Path) -> Path:
    """The repository with the example's progress file: its periods have prose."""
    shutil.copy(EXAMPLE, repo / "plans" / "2023.progress.yaml")
    return repo


def progress(repo: Path) -> str | None:
    path = repo / "plans" / "2023.progress.yaml"
    return path.read_text(encoding="utf-8") if path.exists() else None


def make(unit: str = "VP", quarter: str = "2") -> Path:
    r = cchc("sheet", "--unit", unit, "--quarter", quarter)
    assert r.code == 0, r.all
    return Path(f"2023-q{quarter}-{unit}.xlsx")


def header_of(ws: object) -> int:
    first = ("Mã", "Phần của báo cáo")
    return next(row[0].row for row in ws.iter_rows() if row[0].value in first)  # type: ignore[attr-defined]


def row_of(path: Path, sheet: str, first: str) -> int:
    ws = openpyxl.load_workbook(path)[sheet]
    return next(row[0].row for row in ws.iter_rows() if row[0].value == first)


def edit(path: Path, out: str, cells: dict[tuple[str, str], object],
         formats: dict[tuple[str, str], str] | None = None) -> Path:  # fmt: skip
    """Type values into cells (sheet, coordinate), with number formats as Excel gives them
    to what a person types (a date, a percent), and save as `out`."""
    book = openpyxl.load_workbook(path)
    for (sheet, where), value in cells.items():
        book[sheet][where] = value
    for (sheet, where), code in (formats or {}).items():
        book[sheet][where].number_format = code
    book.save(out)
    return Path(out)


def task(path: Path, ma: str, state: str, day: object, note: object = None
         ) -> dict[tuple[str, str], object]:  # fmt: skip
    r = row_of(path, "Nhiệm vụ", ma)
    return {("Nhiệm vụ", f"G{r}"): state, ("Nhiệm vụ", f"H{r}"): day, ("Nhiệm vụ", f"J{r}"): note}


# --- the title block ----------------------------------------------------------------------


def test_every_sheet_opens_on_a_title_block_saying_what_it_is_and_how_to_fill_it(
    repo: Path,
) -> None:
    made = dt.date.today()
    book = openpyxl.load_workbook(make("VP"))
    assert book.sheetnames == ["Nhiệm vụ", "Chỉ tiêu", "Thống kê TTHC", "Phần viết", "_cchc"]
    titles = {
        "Nhiệm vụ": "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "Chỉ tiêu": "SỐ LIỆU CÁC CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
        "Thống kê TTHC": "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "Phần viết": "PHẦN VIẾT CỦA BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
    }
    for name, title in titles.items():
        ws = book[name]
        lines = [ws.cell(row=r, column=1).value for r in range(1, 10)]
        assert lines[0] == f"{title} – 6 THÁNG ĐẦU NĂM 2023"
        assert ws["A1"].font.b and ws["A1"].font.name == "Times New Roman"
        assert lines[1] == "Cơ quan: SỞ CÔNG THƯƠNG (UBND TỈNH HÀ TĨNH)"
        assert lines[2] == "Đơn vị: Văn phòng Sở (VP)"
        assert lines[3] == ("Kỳ báo cáo: 6 tháng đầu năm 2023 (số liệu từ ngày 15/12/2022 đến hết "
                            "ngày 14/06/2023)")  # fmt: skip
        # made today, for a period long past: due back as soon as it is made
        shown = made.strftime("%d/%m/%Y")
        assert lines[4] == f"Ngày lập bảng: {shown}.   Hạn gửi lại: trước hết ngày {shown}."
        assert lines[5].startswith("Cách điền: ")
        assert lines[7].startswith("Điền xong, lưu tệp (giữ dạng .xlsx")
        assert lines[8] is None  # a blank row, then the header
        width = ws.max_column
        merged = {str(m) for m in ws.merged_cells.ranges}
        letter = openpyxl.utils.get_column_letter(width)
        assert {f"A{r}:{letter}{r}" for r in range(1, 9)} <= merged  # a line across the table
        assert header_of(ws) == 10 and ws.freeze_panes == "A11"
        assert ws.protection.sheet and ws["A2"].protection.locked
    how = book["Nhiệm vụ"]
    assert how["A6"].value.startswith(
        "Cách điền: với mỗi nhiệm vụ có kết quả mới trong kỳ, điền các ô nền vàng trên cùng "
        "dòng: Tình trạng (chọn trong danh sách), Ngày có kết quả, Minh chứng"
    )
    assert how["A7"].value.startswith(
        "Ngày gõ theo ngày/tháng/năm, ví dụ 14/06/2023; không ghi ngày trước 15/12/2022, cũng "
        "không ghi ngày chưa đến."
    )
    # the officer's own workbook is kept, not sent; another unit's goes back to the office
    assert book["Nhiệm vụ"]["A8"].value.endswith(f"để tổng hợp vào báo cáo trước hết ngày {shown}.")
    other = openpyxl.load_workbook(make("TTRA"))["Nhiệm vụ"]
    assert other["A3"].value == "Đơn vị: Thanh tra Sở (TTRA)"
    assert other["A8"].value == (
        "Điền xong, lưu tệp (giữ dạng .xlsx, không đổi tên trang) và gửi lại Văn phòng Sở qua "
        f"hệ thống quản lý văn bản hoặc thư điện tử trước hết ngày {shown}."
    )


@pytest.mark.parametrize(("made", "due"), [
    (dt.date(2023, 6, 1), "14/06/2023"),  # before the cut-off: the cut-off
    (dt.date(2023, 6, 14), "14/06/2023"),
    (dt.date(2023, 6, 15), "16/06/2023"),  # after it: the body's own day to send its report
    (dt.date(2023, 7, 3), "03/07/2023"),  # after that: the day it is made
])  # fmt: skip
def test_a_sheet_is_due_back_by_the_period_s_cut_off(repo: Path, made: dt.date, due: str) -> None:
    from cchc_cli.files.workspace import open_workspace
    from cchc_cli.plan.status import compute_status
    from cchc_cli.views.sheets import unit_sheet

    ws = open_workspace(repo / "plans" / "2023.yaml")
    now = compute_status(ws.plan, ws.progress, made, quarter=2)
    sheets = unit_sheet(ws.plan, ws.progress, "0" * 64, "2023.yaml", "TTRA", 2, now, made)
    lines = [text for _role, text in sheets[0].title]
    said = f"Ngày lập bảng: {made.strftime('%d/%m/%Y')}.   Hạn gửi lại: trước hết ngày {due}."
    assert said in lines
    send = sheets[0].title[-1][1]
    assert send.endswith(f"gửi lại Văn phòng Sở qua hệ thống quản lý văn bản hoặc thư điện tử "
                         f"trước hết ngày {due}.")  # fmt: skip


# --- the header row, wherever it is -------------------------------------------------------


def _unmerged(book: openpyxl.Workbook) -> None:
    for ws in book.worksheets:
        for merged in list(ws.merged_cells.ranges):
            ws.unmerge_cells(str(merged))


def test_the_header_row_is_found_below_a_title_block_of_any_length(repo: Path) -> None:
    sheet = make("VP")
    book = openpyxl.load_workbook(sheet)
    _unmerged(book)
    ws = book["Nhiệm vụ"]
    ws.insert_rows(3, 2)  # two more lines in the title block
    ws["A3"] = "Ghi chú thêm của Văn phòng"
    head = header_of(ws)
    assert head == 12
    r = next(row[0].row for row in ws.iter_rows(min_row=head) if row[0].value == "I.1.a")
    ws[f"G{r}"], ws[f"H{r}"] = "hoàn thành", dt.date(2023, 1, 10)
    b = next(row[0].row for row in ws.iter_rows(min_row=head) if row[0].value == "I.1.b")
    ws[f"G{b}"], ws[f"H{b}"] = "gần xong", dt.date(2023, 1, 10)
    book.save("moved.xlsx")
    r2 = cchc("import", "moved.xlsx")
    assert r2.code == 1 and f"moved.xlsx:Nhiệm vụ!G{b}: error: 'gần xong' is not a state" in r2.err
    ws[f"G{b}"] = None
    ws[f"H{b}"] = None
    book.save("moved.xlsx")
    r2 = cchc("import", "moved.xlsx")
    assert r2.code == 0, r2.all
    assert "ma: I.1.a\n    ngay: 2023-01-10\n    trang_thai: hoan_thanh" in (progress(repo) or "")


def test_a_sheet_without_its_header_row_is_refused_at_a1(repo: Path) -> None:
    sheet = make("VP")
    head = header_of(openpyxl.load_workbook(sheet)["Chỉ tiêu"])
    bad = edit(sheet, "bad.xlsx", {("Chỉ tiêu", f"A{head}"): "Mã số"})
    r = cchc("import", str(bad), "--lang", "vi")
    assert r.code == 1
    assert ("bad.xlsx:Chỉ tiêu!A1: lỗi: không thấy hàng tiêu đề (Mã | Chỉ tiêu | Mục tiêu | "
            "Giá trị gần nhất | Giá trị | Tử số | Mẫu số | Ngày | Nguồn): đừng xoá hay sửa hàng "
            "tiêu đề") in r.err  # fmt: skip


def test_a_sheet_of_format_2_without_a_title_block_still_imports(repo: Path) -> None:
    """Sheets sent before the title block came in are read as they were."""
    from cchc_cli.plan.sheet_meta import meta_check, meta_text

    book = openpyxl.load_workbook(make("TTRA"))
    _unmerged(book)
    for ws in book.worksheets:
        if ws.title != "_cchc":
            ws.delete_rows(1, header_of(ws) - 1)
    meta = book["_cchc"]
    pairs = []
    for row in meta.iter_rows(min_row=2):
        if row[0].value == "format":
            row[1].value = "cchc-sheet/2"
        if row[0].value == "check":
            check = row[1]
            continue
        pairs.append((row[0].value, meta_text(row[1].value)))
    check.value = meta_check(pairs)
    ws = book["Nhiệm vụ"]
    assert ws["A1"].value == "Mã" and ws["A2"].value == "III.8"
    ws["G2"], ws["H2"] = "đang thực hiện", dt.date(2023, 6, 1)
    book.save("old.xlsx")
    r = cchc("import", "old.xlsx")
    assert r.code == 0, r.all
    assert "ma: III.8\n    ngay: 2023-06-01\n    trang_thai: dang_thuc_hien" in (
        progress(repo) or ""
    )


# --- dates ---------------------------------------------------------------------------------


def test_a_date_before_the_first_window_or_after_the_day_of_import_is_refused_at_its_cell(
    repo: Path,
) -> None:
    sheet = make("VP")
    t = lambda ma: row_of(sheet, "Nhiệm vụ", ma)  # noqa: E731
    g = row_of(sheet, "Chỉ tiêu", "CT1.4.a")
    bad = edit(sheet, "bad.xlsx", {
        **task(sheet, "I.1.a", "hoàn thành", dt.date(2022, 12, 14)),
        **task(sheet, "I.1.b", "hoàn thành", "01/01/2099"),
        ("Chỉ tiêu", f"E{g}"): 65, ("Chỉ tiêu", f"H{g}"): dt.date(2024, 1, 5),
    })  # fmt: skip
    r = cchc("import", str(bad))
    assert r.code == 1
    for cell, text in (
        (
            f"Nhiệm vụ!H{t('I.1.a')}",
            "14/12/2022 is before 15/12/2022, when the first reporting "
            "window of 2023 opens; write a date from 15/12/2022 on",
        ),
        (f"Nhiệm vụ!H{t('I.1.b')}", "01/01/2099 has not come yet (today is "),
        (
            f"Chỉ tiêu!H{g}",
            "05/01/2024 is after 31/12/2023, the end of the plan year 2023; write a day of 2023",
        ),
    ):
        assert f"bad.xlsx:{cell}: error: {text}" in r.err, (cell, r.err)
    vi = cchc("import", str(bad), "--lang", "vi")
    assert (f"bad.xlsx:Nhiệm vụ!H{t('I.1.a')}: lỗi: ngày 14/12/2022 sớm hơn ngày 15/12/2022, "
            "ngày bắt đầu kỳ báo cáo đầu tiên của năm 2023; hãy ghi ngày từ 15/12/2022 trở đi"
            ) in vi.err  # fmt: skip
    assert f"bad.xlsx:Nhiệm vụ!H{t('I.1.b')}: lỗi: ngày 01/01/2099 chưa đến (hôm nay là " in vi.err
    assert progress(repo) is None
    first = edit(sheet, "first.xlsx", task(sheet, "I.1.a", "hoàn thành", dt.date(2022, 12, 15)))
    assert cchc("import", str(first)).code == 0  # the window's first day is a day of the year


def test_the_day_of_import_is_the_last_day_a_date_may_say(repo: Path) -> None:
    from cchc_cli.files.sheet_import import SheetRefused, import_sheet

    sheet = make("VP")
    plan = repo / "plans" / "2023.yaml"
    later = edit(sheet, "later.xlsx", task(sheet, "I.1.b", "đang thực hiện", "16/06/2023"))
    with pytest.raises(SheetRefused) as refused:
        import_sheet(plan, later, None, dry_run=True, today=dt.date(2023, 6, 15))
    (problem,) = refused.value.problems
    assert problem.source.path == f"later.xlsx:Nhiệm vụ!H{row_of(sheet, 'Nhiệm vụ', 'I.1.b')}"
    assert problem.message == "16/06/2023 has not come yet (today is 15/06/2023); write the day " \
                              "something was done, not a day planned"  # fmt: skip
    today = edit(sheet, "today.xlsx", task(sheet, "I.1.b", "đang thực hiện", "15/06/2023"))
    done = import_sheet(plan, today, None, dry_run=True, today=dt.date(2023, 6, 15))
    assert [r["ngay"] for _k, r in done.records] == [dt.date(2023, 6, 15)]


# --- numbers, as Excel writes them ---------------------------------------------------------


def test_a_workbook_written_as_excel_writes_it_reads_a_percent_as_a_percent(repo: Path) -> None:
    """Excel keeps "72,5%" typed in a cell as 0.725 shown with the format 0.0%, and a date as
    a serial number with its format (14: m/d/yyyy); cchc reads what the person typed."""
    sheet = make("VP")
    g, h = row_of(sheet, "Chỉ tiêu", "CT1.4.a"), row_of(sheet, "Chỉ tiêu", "CT3.1.a")
    r = row_of(sheet, "Nhiệm vụ", "I.1.a")
    filled = edit(sheet, "excel.xlsx", {
        ("Chỉ tiêu", f"E{g}"): 0.725, ("Chỉ tiêu", f"H{g}"): dt.datetime(2023, 6, 10),
        ("Chỉ tiêu", f"E{h}"): "75,5%", ("Chỉ tiêu", f"H{h}"): dt.datetime(2023, 6, 12),
        ("Nhiệm vụ", f"G{r}"): "hoàn thành", ("Nhiệm vụ", f"H{r}"): dt.datetime(2023, 1, 10),
    }, {("Chỉ tiêu", f"E{g}"): "0.0%", ("Chỉ tiêu", f"H{g}"): "mm-dd-yy",
        ("Chỉ tiêu", f"H{h}"): "d/m/yyyy", ("Nhiệm vụ", f"H{r}"): "mm-dd-yy"})  # fmt: skip
    done = cchc("import", str(filled))
    assert done.code == 0, done.all
    text = progress(repo) or ""
    assert "  - ma: CT1.4.a\n    ngay: 2023-06-10\n    gia_tri: 72.5\n" in text
    assert "  - ma: CT3.1.a\n    ngay: 2023-06-12\n    gia_tri: 75.5\n" in text
    assert "  - ma: I.1.a\n    ngay: 2023-01-10\n    trang_thai: hoan_thanh\n" in text


def test_numbers_a_target_cannot_take_are_refused_at_their_cells(repo: Path) -> None:
    sheet = make("VP")
    rows = {ma: row_of(sheet, "Chỉ tiêu", ma) for ma in
            ("CT1.4.a", "CT3.1.a", "CT3.2.a", "CT3.2.b", "CT3.2.c", "CT3.2.d", "CT3.3.a")}  # fmt: skip
    day = dt.date(2023, 6, 1)
    cells: dict[tuple[str, str], object] = {}
    for ma, (value, top, bottom) in {
        "CT1.4.a": (150, None, None),  # a percentage over 100
        "CT3.1.a": (-3, None, None),
        "CT3.2.a": (None, 3, 0),
        "CT3.2.b": (70, 3, 5),  # both
        "CT3.2.c": (None, 7, 5),  # a share over 100%
        "CT3.2.d": ("bảy mươi", None, None),
        "CT3.3.a": (True, None, None),  # a TRUE typed in Excel: said as the sheet shows it
    }.items():
        r = rows[ma]
        cells.update({("Chỉ tiêu", f"E{r}"): value, ("Chỉ tiêu", f"F{r}"): top,
                      ("Chỉ tiêu", f"G{r}"): bottom, ("Chỉ tiêu", f"H{r}"): day})  # fmt: skip
    bad = edit(sheet, "bad.xlsx", cells)
    r = cchc("import", str(bad), "--lang", "vi")
    assert r.code == 1
    for cell, text in (
        (
            f"E{rows['CT1.4.a']}",
            "chỉ số này tính theo phần trăm: hãy ghi từ 0 đến 100 (ví dụ "
            "72,5 hoặc 72,5%), không phải 150",
        ),
        (f"E{rows['CT3.1.a']}", "số không được âm, không phải -3"),
        (f"G{rows['CT3.2.a']}", "Mẫu số phải lớn hơn 0"),
        (f"F{rows['CT3.2.b']}", "hãy ghi Giá trị, hoặc Tử số và Mẫu số, không ghi cả hai"),
        (f"F{rows['CT3.2.c']}", "Tử số 7 lớn hơn Mẫu số 5, tỷ lệ quá 100%"),
        (f"E{rows['CT3.2.d']}", "'bảy mươi' không phải số (ghi số như 1234 hoặc 72,5)"),
        (f"E{rows['CT3.3.a']}", "'TRUE' không phải số"),
    ):
        assert f"bad.xlsx:Chỉ tiêu!{cell}: lỗi: {text}" in r.err, (cell, r.err)
    assert progress(repo) is None
    # a count takes a whole number, and no percent
    pcm = make("PCM")
    a, b = row_of(pcm, "Chỉ tiêu", "CT1.3.a"), row_of(pcm, "Chỉ tiêu", "CT1.3.b")
    counts = edit(pcm, "counts.xlsx", {
        ("Chỉ tiêu", f"E{a}"): 1.5, ("Chỉ tiêu", f"H{a}"): day,
        ("Chỉ tiêu", f"E{b}"): 0.5, ("Chỉ tiêu", f"H{b}"): day,
    }, {("Chỉ tiêu", f"E{b}"): "0%"})  # fmt: skip
    r = cchc("import", str(counts), "--lang", "vi")
    assert f"counts.xlsx:Chỉ tiêu!E{a}: lỗi: chỉ số này đếm số lượng: hãy ghi số nguyên, " \
           "không phải 1,5" in r.err  # fmt: skip
    assert f"counts.xlsx:Chỉ tiêu!E{b}: lỗi: chỉ số này đo bằng số lượng, không phải phần trăm: " \
           "hãy ghi số, không kèm dấu %" in r.err  # fmt: skip


def test_text_a_plan_cannot_hold_is_refused_at_its_cell(repo: Path) -> None:
    sheet = make("VP")
    r = row_of(sheet, "Nhiệm vụ", "I.1.a")
    bad = edit(sheet, "bad.xlsx", {
        **task(sheet, "I.1.a", "hoàn thành", dt.date(2023, 1, 10), "x" * 20_001),
        ("Nhiệm vụ", f"I{r}"): "Kế hoạch \u202e15",
    })  # fmt: skip
    out = cchc("import", str(bad), "--lang", "vi")
    assert out.code == 1
    assert (f"bad.xlsx:Nhiệm vụ!J{r}: lỗi: ô có 20001 ký tự, dài quá; hãy viết gọn lại, tối đa "
            "20000 ký tự") in out.err  # fmt: skip
    assert (f"bad.xlsx:Nhiệm vụ!I{r}: lỗi: ô có ký tự điều khiển không in ra được (U+202E), "
            "thường do chép từ nơi khác; hãy gõ lại nội dung ô này") in out.err  # fmt: skip
    assert "\u202e" not in out.all


# --- the report's prose ----------------------------------------------------------------------


PROSE_ROWS = [
    "I. Công tác chỉ đạo, điều hành cải cách hành chính (đoạn mở đầu)",
    "I. Công tác kiểm tra cải cách hành chính",
    "I. Khắc phục tồn tại, hạn chế qua kết quả Chỉ số CCHC, Chỉ số hài lòng (SIPAS)",
    "III.1. Ưu điểm",
    "III.2.a) Tồn tại, hạn chế",
    "III.2.b) Nguyên nhân",
    "IV. Phương hướng, nhiệm vụ kỳ tới",
    "V. Đề xuất, kiến nghị",
]


def test_every_prose_field_of_a_period_has_its_row() -> None:
    """A report's prose is every text of a period's entry but its number (`so`): a field
    added to the model without a row in the sheet fails here."""
    from cchc_cli.plan.model import Narrative
    from cchc_cli.plan.period import NARRATIVE_KEYS, NARRATIVE_WHEN
    from cchc_cli.plan.shapes import PROSE_KEYS
    from cchc_cli.words import SHEET_PROSE_ROWS

    texts = {n for n in Narrative.model_fields if _is_text(Narrative, n)} - {"so"}
    assert set(PROSE_KEYS) == texts == set(NARRATIVE_KEYS) | set(NARRATIVE_WHEN)
    assert list(SHEET_PROSE_ROWS) == list(PROSE_KEYS)


def _is_text(model: type, name: str) -> bool:
    from pydantic import TypeAdapter, ValidationError

    adapter = TypeAdapter(model.model_fields[name].annotation)  # type: ignore[attr-defined]
    try:
        return adapter.validate_python("chữ") == "chữ"
    except ValidationError:
        return False


def test_the_prose_sheet_is_in_the_officer_s_workbook_only(year: Path) -> None:
    book = openpyxl.load_workbook(make("VP", "1"))
    ws = book["Phần viết"]
    head = header_of(ws)
    assert [c.value for c in ws[head]] == ["Phần của báo cáo", "Viết về", "Đã ghi", "Nội dung mới"]
    rows = list(ws.iter_rows(min_row=head + 1, values_only=True))
    assert [r[0] for r in rows] == PROSE_ROWS
    shown = {r[0]: r[2] for r in rows}
    assert shown["III.1. Ưu điểm"] == ("Triển khai số hóa hồ sơ, kết quả giải quyết TTHC ngay từ "
                                      "đầu năm; công khai đầy đủ TTHC trên Cổng dịch vụ công "
                                      "tỉnh.")  # fmt: skip
    assert shown["V. Đề xuất, kiến nghị"] == "Không."
    assert shown["I. Công tác kiểm tra cải cách hành chính"] is None  # nothing recorded yet
    first = head + 1
    assert not ws[f"D{first}"].protection.locked and ws[f"C{first}"].protection.locked
    assert ws[f"C{first}"].alignment.wrap_text
    meta = {r[0].value: r[1].value for r in book["_cchc"].iter_rows(min_row=2)}
    assert meta["sets"] == "tasks targets tthc prose"
    assert meta["prose:kien_nghi"] == hashlib.sha256("Không.".encode()).hexdigest()[:16]
    for unit in ("TTRA", "BPMC", "TTKC"):
        assert "Phần viết" not in openpyxl.load_workbook(make(unit, "1")).sheetnames


TRICKY = {
    "ket_qua_noi_bat": 'Kết quả: "tốt"; đạt 100%\n- Số hóa: 310/420 hồ sơ\n# không phải chú thích',
    "ton_tai_han_che": "- Văn bản ban hành chậm: 2 văn bản",
    "nguyen_nhan": "#1: khối lượng công việc lớn; 'một số' phòng: chưa chủ động",
    "kien_nghi": "yes",
    "phuong_huong": "null",
    "ket_qua_kiem_tra": "  Đã kiểm tra 3 phòng: {VP, TTRA}, [BPMC] & *tất cả* — không tồn tại: ",
    "chi_dao_dieu_hanh": "2023-06-14",
}


def test_the_prose_written_in_its_cells_is_stored_exactly(year: Path) -> None:
    from cchc_cli.files.workspace import open_workspace

    sheet = make("VP", "2")
    keys = ["chi_dao_dieu_hanh", "ket_qua_kiem_tra", "khac_phuc_chi_so", "ket_qua_noi_bat",
            "ton_tai_han_che", "nguyen_nhan", "phuong_huong", "kien_nghi"]  # fmt: skip
    cells: dict[tuple[str, str], object] = {
        ("Phần viết", f"D{row_of(sheet, 'Phần viết', label)}"): TRICKY.get(key)
        for label, key in zip(PROSE_ROWS, keys, strict=True)
    }
    filled = edit(sheet, "prose.xlsx", cells)
    before = progress(year)
    r = cchc("import", str(filled), "--lang", "vi")
    assert r.code == 0, r.all
    assert "0 số liệu TTHC, 7 phần viết vào plans/2023.progress.yaml" in r.out
    assert cchc("validate").code == 0
    story = open_workspace(year / "plans" / "2023.yaml").progress.narrative(2)
    assert story is not None
    for key, text in TRICKY.items():
        assert getattr(story, key) == text.strip(), key
    old = open_workspace(year / "plans" / "2023.yaml").progress.narrative(1)
    assert old is not None and old.kien_nghi == "Không."  # another period untouched
    text = progress(year) or ""
    assert text != before and text.count("\n  - ky: 2\n") == 1
    again = cchc("import", str(filled))
    assert again.code == 0 and "no new row to record; 7 row(s) were there already" in again.out
    assert progress(year) == text


def test_a_text_recorded_since_the_sheet_was_made_is_not_written_over(year: Path) -> None:
    sheet = make("VP", "2")
    noi_bat = row_of(sheet, "Phần viết", "III.1. Ưu điểm")
    kien_nghi = row_of(sheet, "Phần viết", "V. Đề xuất, kiến nghị")
    filled = edit(sheet, "filled.xlsx", {("Phần viết", f"D{noi_bat}"): "Ưu điểm mới.",
                                         ("Phần viết", f"D{kien_nghi}"): "Kiến nghị mới."})  # fmt: skip
    path = year / "plans" / "2023.progress.yaml"
    text = path.read_text(encoding="utf-8")
    old = (
        "    kien_nghi: Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ CCHC cho công chức đầu mối.\n"
    )
    assert text.count(old) == 1
    path.write_text(text.replace(old, "    kien_nghi: Đã sửa trong tệp sau khi làm bảng.\n"),
                    encoding="utf-8")  # fmt: skip
    changed = path.read_text(encoding="utf-8")
    r = cchc("import", str(filled), "--lang", "vi")
    assert r.code == 1
    assert (f"filled.xlsx:Phần viết!D{kien_nghi}: lỗi: phần “V. Đề xuất, kiến nghị” đã được ghi "
            "lại sau khi làm bảng này (nay là “Đã sửa trong tệp sau khi làm bảng.”), khác với "
            "cột Đã ghi; không ghi đè: hãy làm bảng mới để thấy nội dung đang có rồi viết lại"
            ) in r.err  # fmt: skip
    assert path.read_text(encoding="utf-8") == changed  # all or nothing: "Ưu điểm" neither
    # a new sheet shows the text recorded now: written over knowingly
    fresh = Path("2023-q2-VP.xlsx")
    assert cchc("sheet", "--unit", "VP", "--quarter", "2", "--force").code == 0
    again = edit(fresh, "again.xlsx", {("Phần viết", f"D{kien_nghi}"): "Kiến nghị mới."})
    assert openpyxl.load_workbook(fresh)["Phần viết"][f"C{kien_nghi}"].value == (
        "Đã sửa trong tệp sau khi làm bảng."
    )
    assert cchc("import", str(again)).code == 0
    assert "    kien_nghi: Kiến nghị mới.\n" in path.read_text(encoding="utf-8")


def test_the_column_of_recorded_text_is_checked_and_the_sheet_only_in_its_workbook(
    year: Path,
) -> None:
    sheet = make("VP", "2")
    r = row_of(sheet, "Phần viết", "III.1. Ưu điểm")
    edited = edit(sheet, "edited.xlsx", {("Phần viết", f"C{r}"): "Sửa cột Đã ghi.",
                                         ("Phần viết", f"D{r}"): "Ưu điểm mới."})  # fmt: skip
    out = cchc("import", str(edited), "--lang", "vi")
    assert out.code == 1
    assert (f"edited.xlsx:Phần viết!C{r}: lỗi: ô Đã ghi đã bị sửa: cột này chỉ để xem nội dung "
            "đang có; hãy viết nội dung mới vào cột Nội dung mới") in out.err  # fmt: skip
    renamed = edit(sheet, "renamed.xlsx", {("Phần viết", f"A{r}"): "III.1. Ưu điểm nổi bật",
                                           ("Phần viết", f"D{r}"): "Ưu điểm mới."})  # fmt: skip
    out = cchc("import", str(renamed), "--lang", "vi")
    assert f"renamed.xlsx:Phần viết!A{r}: lỗi: dòng này không phải một phần của báo cáo" in out.err
    # the prose sheet copied into another unit's workbook writes nothing
    source = openpyxl.load_workbook(sheet)["Phần viết"]
    other = openpyxl.load_workbook(make("TTRA", "2"))
    copied = other.create_sheet("Phần viết", 2)
    for row in source.iter_rows(values_only=True):
        copied.append(list(row))
    copied[f"D{r}"] = "Ưu điểm của Thanh tra."
    other.save("copied.xlsx")
    before = progress(year)
    out = cchc("import", "copied.xlsx", "--lang", "vi")
    assert out.code == 1
    assert (
        f"copied.xlsx:Phần viết!D{r}: lỗi: bảng này không được làm để ghi phần viết của báo "
        "cáo (chỉ bảng của VP, đơn vị tổng hợp báo cáo, có trang này); không ghi"
    ) in out.err
    assert progress(year) == before


# --- what the importer says ----------------------------------------------------------------

SOURCES = [
    ROOT / "cchc_cli" / "files" / n
    for n in ("sheet_cells.py", "sheet_hidden.py", "sheet_rows.py", "sheet_check.py",
              "sheet_import.py", "workbook.py")
]  # fmt: skip
# What a unit head may read besides Vietnamese: the sheets' and columns' own names.
ALLOWED = {"_cchc", "Excel", "LibreOffice", "Calc", "Alt+Enter", "Ctrl+Enter", "DTD", "XML",
           "xlsx", ".xlsx", "Excel 97-2003", "(.xls)", "Excel Workbook"}  # fmt: skip
ENGLISH = re.compile(r"\b(the|is|not|must|give|write|cell|row|sheet|value|missing|error|"
                     r"cannot|should|expected|found)\b")  # fmt: skip


def _importer_says() -> set[str]:
    """Every sentence the importer can say: the keys its modules name (a problem, a quoted
    reason), and those of the sentences they quote."""
    from cchc_cli.words import PROBLEMS

    keys = set()
    for source in SOURCES:
        for key in re.findall(r'"([a-z][a-z0-9-]+)"', source.read_text(encoding="utf-8")):
            if key in PROBLEMS["vi"]:
                keys.add(key)
    for prefix in ("number-", "unit-", "limit-", "wbw-", "change-"):
        keys |= {k for k in PROBLEMS["vi"] if k.startswith(prefix)}
    from cchc_cli.files.sheet_import import RULE_AT_CELL

    return keys - {rule for rule, said in RULE_AT_CELL.items() if rule != said}  # said otherwise


def test_every_sentence_the_importer_says_is_plain_vietnamese() -> None:
    """No command-line option, no key of the YAML files, no English."""
    from cchc_cli.words import PROBLEMS

    says = _importer_says()
    assert {"cell-date-early", "cell-reason-missing", "prose-changed", "sheet-no-header",
            "figure-disagrees-sheet", "cell-formula", "workbook-entities"} <= says  # fmt: skip
    for key in sorted(says):
        text = re.sub(r"\{[^}]*\}", "", PROBLEMS["vi"][key])  # what the sentence says itself
        assert "--" not in text, key
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text.replace("_cchc", "")), key
        assert not ENGLISH.search(text), key
        assert key in PROBLEMS["en"], key


def test_a_sheet_full_of_mistakes_is_answered_cell_by_cell_in_vietnamese(repo: Path) -> None:
    sheet = make("VP")
    t = lambda ma: row_of(sheet, "Nhiệm vụ", ma)  # noqa: E731
    g = row_of(sheet, "Chỉ tiêu", "CT1.4.a")
    bad = edit(sheet, "bad.xlsx", {
        **task(sheet, "I.1.a", "xong rồi", "hôm qua"),
        **task(sheet, "I.1.b", "không thực hiện", dt.date(2023, 3, 1)),
        **task(sheet, "I.1.d", "hoàn thành", "=TODAY()"),
        ("Chỉ tiêu", f"F{g}"): 3, ("Chỉ tiêu", f"H{g}"): dt.date(2023, 6, 1),
    })  # fmt: skip
    r = cchc("import", str(bad), "--lang", "vi")
    assert r.code == 1
    *lines, last = r.err.splitlines()
    assert last.startswith("cchc: lỗi: chưa ghi gì từ bad.xlsx: 5 vấn đề nêu trên")
    assert sorted(ln.split(": lỗi: ")[0] for ln in lines) == sorted([
        f"bad.xlsx:Nhiệm vụ!G{t('I.1.a')}", f"bad.xlsx:Nhiệm vụ!H{t('I.1.a')}",
        f"bad.xlsx:Nhiệm vụ!J{t('I.1.b')}", f"bad.xlsx:Nhiệm vụ!H{t('I.1.d')}",
        f"bad.xlsx:Chỉ tiêu!G{g}",
    ])  # fmt: skip
    for line in lines:
        said = line.split(": lỗi: ", 1)[1]
        assert "--" not in said and not re.search(r"\b[a-z]+_[a-z_]+\b", said), line
        assert not ENGLISH.search(said), line


# --- output folders -------------------------------------------------------------------------


def test_an_output_file_s_folder_is_made_never_through_a_link(repo: Path, tmp_path: Path) -> None:
    r = cchc("sheet", "--unit", "VP", "--quarter", "2", "-o", "gui-don-vi/quy-2/vp.xlsx")
    assert r.code == 0, r.all
    assert (repo / "gui-don-vi" / "quy-2" / "vp.xlsx").is_file()
    assert cchc("export", "--quarter", "2", "-o", "xuat/ke-hoach.xlsx").code == 0
    assert (repo / "xuat" / "ke-hoach.xlsx").is_file()
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (repo / "link").symlink_to(outside)
    r = cchc("sheet", "--unit", "VP", "--quarter", "2", "-o", "link/new/vp.xlsx")
    assert r.code == 2 and "symbolic link" in r.err, r.all
    assert list(outside.iterdir()) == []  # nothing made through it
    (repo / "file").write_text("x")
    r = cchc("sheet", "--unit", "VP", "--quarter", "2", "-o", "file/new/vp.xlsx")
    assert r.code == 2 and "not a folder" in r.err, r.all
    assert not (repo / "file").is_dir()


# --- LibreOffice Calc: typed as a person types -------------------------------------------------


def test_a_sheet_typed_in_calc_under_its_title_block_records_exactly_what_was_typed(
    year: Path, tmp_path: Path
) -> None:
    from test_workbook import _calc, _uno_python

    soffice = _calc()
    python = _uno_python(soffice)
    sheet = make("VP", "2")
    t, g = row_of(sheet, "Nhiệm vụ", "III.3"), row_of(sheet, "Chỉ tiêu", "CT3.5.a")
    p = row_of(sheet, "Phần viết", "III.2.b) Nguyên nhân")
    typed = year / "typed.xlsx"
    done = subprocess.run(
        [python, str(Path(__file__).parent / "tools" / "calc_fill.py"), str(sheet), str(typed),
         str(tmp_path / "lo"),
         f"Nhiệm vụ!G{t}=typed:đang thực hiện", f"Nhiệm vụ!H{t}=typed:13/06/2023",
         f"Nhiệm vụ!J{t}=typed:chờ ý kiến: các phòng",
         f"Chỉ tiêu!E{g}=typed:72,5%", f"Chỉ tiêu!H{g}=typed:10/06/2023",
         f"Chỉ tiêu!I{g}=typed:Hệ thống TTHC tỉnh",
         f"Phần viết!D{p}=typed:Khối lượng công việc lớn: 3 phòng thiếu người\\nMột số phòng "
         "chưa chủ động"],
        capture_output=True, text=True, timeout=240, env={**os.environ, "CCHC_SOFFICE": soffice},
    )  # fmt: skip
    assert typed.exists(), done.stdout + done.stderr
    saved = openpyxl.load_workbook(typed)
    # what Calc made of what was typed: a percent, a date, text on two lines
    assert saved["Chỉ tiêu"][f"E{g}"].value == pytest.approx(0.725)
    assert "%" in saved["Chỉ tiêu"][f"E{g}"].number_format
    assert saved["Nhiệm vụ"][f"H{t}"].value == dt.datetime(2023, 6, 13)
    prose = saved["Phần viết"][f"D{p}"].value
    assert header_of(saved["Nhiệm vụ"]) == 10 and saved["Nhiệm vụ"]["A2"].value.startswith(
        "Cơ quan"
    )
    r = cchc("import", str(typed))
    assert r.code == 0, r.all
    text = progress(year) or ""
    assert ("  - ma: III.3\n    ngay: 2023-06-13\n    trang_thai: dang_thuc_hien\n"
            "    ghi_chu: 'chờ ý kiến: các phòng'\n") in text  # fmt: skip
    assert ("  - ma: CT3.5.a\n    ngay: 2023-06-10\n    gia_tri: 72.5\n"
            "    nguon: Hệ thống TTHC tỉnh\n") in text  # fmt: skip
    from cchc_cli.files.workspace import open_workspace

    story = open_workspace(year / "plans" / "2023.yaml").progress.narrative(2)
    assert story is not None and story.nguyen_nhan == prose.replace("\r\n", "\n").strip()
    assert story.nguyen_nhan.split("\n") == [
        "Khối lượng công việc lớn: 3 phòng thiếu người",
        "Một số phòng chưa chủ động",
    ]
