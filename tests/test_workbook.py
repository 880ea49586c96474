"""Workbooks out and back: `cchc sheet`, `cchc import`, `cchc export`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT
from helpers import cchc, office_profile, require_tool

PLAN = ROOT / "plans" / "2023.yaml"
LIBREOFFICE = "apt-get install libreoffice-calc-nogui"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN, tmp_path / "plans" / "2023.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def make_sheet(unit: str = "VP", quarter: str = "2") -> Path:
    r = cchc("sheet", "--unit", unit, "--quarter", quarter, "--lang", "vi")
    assert r.code == 0, r.all
    path = Path(f"2023-q{quarter}-{unit}.xlsx")
    assert r.out.startswith(f"{path}: ")
    return path


def fill(path: Path, out: str, tasks: dict[str, list], targets: dict[str, list] | None = None
         ) -> Path:  # fmt: skip
    """Type into the cells to fill, by id: tasks [state, date, evidence, note], targets
    [value, numerator, denominator, date, source]."""
    book = openpyxl.load_workbook(path)
    for name, given, first in (("Nhiệm vụ", tasks, 7), ("Chỉ tiêu", targets or {}, 5)):
        ws = book[name]
        for row in ws.iter_rows(min_row=2):
            values = given.get(row[0].value)
            for i, value in enumerate(values or []):
                ws.cell(row=row[0].row, column=first + i, value=value)
    book.save(out)
    return Path(out)


def row_of(path: Path, sheet: str, ma: str) -> int:
    """The row of id `ma` in a sheet."""
    ws = openpyxl.load_workbook(path)[sheet]
    return next(row[0].row for row in ws.iter_rows(min_row=2) if row[0].value == ma)


def header_of(ws: object) -> int:
    """The row of a sheet's header: the first whose first cell is the first header."""
    first = ("Mã", "Phần của báo cáo")
    return next(row[0].row for row in ws.iter_rows() if row[0].value in first)  # type: ignore[attr-defined]


def test_a_sheet_is_what_the_unit_owes_with_the_cells_to_fill_unlocked(repo: Path) -> None:
    path = make_sheet("TTRA")
    book = openpyxl.load_workbook(path)
    # TTRA leads a task of the TTHC area (III.8): its sheet asks for the TTHC figures too
    assert book.sheetnames == ["Nhiệm vụ", "Chỉ tiêu", "Thống kê TTHC", "_cchc"]
    assert book["_cchc"].sheet_state == "hidden"
    ws = book["Nhiệm vụ"]
    head = header_of(ws)
    assert head == 10  # below the title block and a blank row
    assert [c.value for c in ws[head]] == ["Mã", "Nhiệm vụ", "Vai trò", "Thời hạn", "Hạn",
                                           "Tình trạng hiện tại", "Tình trạng", "Ngày",
                                           "Minh chứng", "Ghi chú"]  # fmt: skip
    ids = {row[0].value: row[2].value for row in ws.iter_rows(min_row=head + 1)}
    assert ids == {"III.8": "chủ trì"}  # the only task of TTRA owed in the 6-month report
    assert ws.protection.sheet and ws.protection.password is None
    first = head + 1
    assert not ws[f"G{first}"].protection.locked and ws[f"A{first}"].protection.locked
    assert ws["A1"].protection.locked and ws["A3"].protection.locked  # the title block too
    assert ws.freeze_panes == f"A{first}"  # the header stays in sight, under the title block
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert {"list", "date", "textLength"} <= kinds
    states = next(dv for dv in ws.data_validations.dataValidation if dv.type == "list")
    assert "hoàn thành" in states.formula1
    dates = next(dv for dv in ws.data_validations.dataValidation if dv.type == "date")
    assert str(dates.sqref) == f"H{first}"
    # from 15/12/2022 (the first reporting window of 2023) to the plan year's last day
    assert (dates.formula1, dates.formula2) == ("44910", "45291")
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows in (f"{head}:{head}", f"${head}:${head}")
    assert ws[f"B{first}"].font.name == "Times New Roman"
    meta = {r[0].value: r[1].value for r in book["_cchc"].iter_rows(min_row=2)}
    assert meta["unit"] == "TTRA" and meta["year"] == 2023 and meta["quarter"] == 2
    assert len(meta["plan_hash"]) == 64 and "task:III.8" in meta


@pytest.mark.parametrize("unit", ["VP", "BPMC", "TTRA", "PCM"])
def test_status_of_a_unit_shows_the_targets_its_sheet_asks_for(repo: Path, unit: str) -> None:
    # One rule of what a unit answers for (plan.sheet_meta.answers_for), in both views.
    sheet = make_sheet(unit)
    book = openpyxl.load_workbook(sheet)
    asked: set[str] = set()
    if "Chỉ tiêu" in book.sheetnames:
        ws = book["Chỉ tiêu"]
        asked = {r[0].value for r in ws.iter_rows(min_row=header_of(ws) + 1) if r[0].value}
    r = cchc("status", "--unit", unit, "--quarter", "2", "--format", "json")
    assert r.code == 0, r.all
    shown = {t["id"] for i in json.loads(r.out)["indicators"] for t in i["targets"]}
    assert shown == asked
    assert (unit == "TTRA") == (not shown)  # TTRA answers for no target of this plan


def test_a_state_reads_the_same_in_a_cell_as_on_the_command_line(repo: Path) -> None:
    # One table of the words a state is typed with (plan.lookup.typed_state): the sheet's
    # list, and what `--state` takes ("xong", "done", without diacritics), in both.
    from cchc_cli import words
    from cchc_cli.plan.lookup import typed_state

    codes = ["done", "in-progress", "not-started", "dropped"]
    assert [typed_state(w) for w in words.SHEET_STATES] == codes
    filled = fill(make_sheet("VP"), "typed.xlsx",
                  {"I.1.a": ["xong", dt.date(2023, 1, 10), None, None],
                   "I.1.b": ["In Progress", dt.date(2023, 3, 1), None, None]})  # fmt: skip
    r = cchc("import", str(filled))
    assert r.code == 0, r.all
    text = (repo / "plans" / "2023.progress.yaml").read_text(encoding="utf-8")
    assert "trang_thai: hoan_thanh" in text and "trang_thai: dang_thuc_hien" in text


def test_all_units_writes_one_workbook_each(repo: Path) -> None:
    (repo / "out").mkdir()
    r = cchc("sheet", "--all-units", "--quarter", "2", "-o", "out")
    assert r.code == 0
    made = sorted(p.name for p in (repo / "out").iterdir())
    assert made == sorted(
        [".cchc-manifest",
         *(f"2023-q2-{u}.xlsx" for u in ("VP", "BPMC", "TTRA", "TTKC", "BCDISO", "HDPBGDPL"))]
    )  # fmt: skip
    again = cchc("sheet", "--all-units", "--quarter", "2", "-o", "out")
    assert again.code == 2 and "--force" in again.err  # a filled sheet is not overwritten


def test_a_filled_sheet_records_what_record_would(repo: Path) -> None:
    sheet = make_sheet("VP")
    filled = fill(sheet, "filled.xlsx",
                  {"I.1.a": ["hoàn thành", dt.date(2023, 1, 10), "Kế hoạch số 15/KH-SCT", None],
                   "I.1.b": ["dang thuc hien", "14/06/2023", None, "đang trình ký"]},
                  {"CT1.4.a": [None, 3, 5, dt.date(2023, 6, 10), "Báo cáo kiểm tra"]})  # fmt: skip
    dry = cchc("import", str(filled), "--dry-run")
    assert dry.code == 0 and "would record 2 task(s), 1 target(s)" in dry.out
    assert not (repo / "plans" / "2023.progress.yaml").exists()
    r = cchc("import", str(filled))
    assert r.code == 0, r.all
    imported = (repo / "plans" / "2023.progress.yaml").read_text(encoding="utf-8")
    # the same records by `cchc record`, in a second repository
    other = repo / "other"
    (other / "plans").mkdir(parents=True)
    shutil.copy(PLAN, other / "plans" / "2023.yaml")
    plan = str(other / "plans" / "2023.yaml")
    for args in (
        ["I.1.a", plan, "-s", "done", "-d", "2023-01-10", "-e", "Kế hoạch số 15/KH-SCT"],
        ["I.1.b", plan, "-s", "in-progress", "-d", "2023-06-14", "-n", "đang trình ký"],
        ["CT1.4.a", plan, "-v", "3/5", "-d", "2023-06-10", "--source", "Báo cáo kiểm tra"],
    ):
        assert cchc("record", *args).code == 0
    recorded = (other / "plans" / "2023.progress.yaml").read_text(encoding="utf-8")
    assert imported == recorded
    again = cchc("import", str(filled))
    assert again.code == 0 and "no new row to record; 3 row(s) were there already" in again.out
    assert (repo / "plans" / "2023.progress.yaml").read_text(encoding="utf-8") == imported


def test_every_problem_at_its_cell_and_nothing_written(repo: Path) -> None:
    sheet = make_sheet("VP")
    bad = fill(sheet, "bad.xlsx",
               {"I.1.a": ["xong rồi", "hôm qua", None, None],
                "I.1.b": ["hoàn thành", "=TODAY()", None, None],
                "I.1.d": ["hoàn thành", None, None, None],
                "I.2": ["không thực hiện", dt.date(2023, 3, 1), None, None]},
               {"CT1.4.a": [None, 3, None, dt.date(2023, 6, 1), None]})  # fmt: skip
    r = cchc("import", str(bad))
    assert r.code == 1
    lines = r.err.splitlines()
    t = lambda ma: row_of(sheet, "Nhiệm vụ", ma)  # noqa: E731
    for cell, text in (
        (f"Nhiệm vụ!G{t('I.1.a')}", "'xong rồi' is not a state"),
        (f"Nhiệm vụ!H{t('I.1.a')}", "'hôm qua' is not a date"),
        (f"Nhiệm vụ!H{t('I.1.b')}", "the cell holds a formula (=TODAY())"),
        (f"Nhiệm vụ!H{t('I.1.d')}", "the date is missing"),
        (f"Chỉ tiêu!G{row_of(sheet, 'Chỉ tiêu', 'CT1.4.a')}", "give Giá trị, or Tử số and Mẫu số"),
    ):
        assert any(line.startswith(f"bad.xlsx:{cell}: error: ") and text in line
                   for line in lines), (cell, r.err)  # fmt: skip
    assert any(line.startswith(f"bad.xlsx:Nhiệm vụ!J{t('I.2')}: error: “không thực hiện” was "
                               "chosen: write the reason in this cell (Ghi chú)")
               for line in lines), r.err  # fmt: skip
    assert lines[-1].startswith("cchc: error: nothing recorded from bad.xlsx")
    assert not (repo / "plans" / "2023.progress.yaml").exists()


def test_a_row_that_contradicts_a_record_is_refused(repo: Path) -> None:
    assert cchc("record", "I.1.b", "-s", "in-progress", "-d", "2023-03-01").code == 0
    before = (repo / "plans" / "2023.progress.yaml").read_text(encoding="utf-8")
    sheet = make_sheet("VP")
    other = fill(sheet, "other.xlsx",
                 {"I.1.b": ["hoàn thành", dt.date(2023, 3, 1), None, None]})  # fmt: skip
    r = cchc("import", str(other))
    cell = f"Nhiệm vụ!G{row_of(sheet, 'Nhiệm vụ', 'I.1.b')}"
    assert r.code == 1 and f"other.xlsx:{cell}: error: I.1.b already has a record" in r.err
    assert (repo / "plans" / "2023.progress.yaml").read_text(encoding="utf-8") == before


def test_a_problem_of_the_file_to_be_written_is_said_at_the_cell_of_the_row_that_made_it(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rows' records are appended in one pass; a problem that only the check of the whole
    # progress file finds is said at the cell, of the row whose record holds its line.
    from cchc_cli.errors import Finding
    from cchc_cli.plan import progress_checks

    def flag(plan: object, progress: object) -> list[Finding]:
        tasks = [r.ma for r in progress.nhiem_vu]  # type: ignore[attr-defined]
        targets = [r.ma for r in progress.chi_so]  # type: ignore[attr-defined]
        return [Finding((key, ids.index(ma), "ngay"), "error", "test", "not-a-count",
                        {"id": ma, "value": 0})
                for key, ids, ma in (("nhiem_vu", tasks, "I.1.b"), ("chi_so", targets, "CT1.4.a"))
                if ma in ids]  # fmt: skip

    monkeypatch.setattr(progress_checks, "PROGRESS_CHECKS", [flag])
    sheet = make_sheet("VP")
    filled = fill(sheet, "filled.xlsx",
                  {"I.1.a": ["hoàn thành", dt.date(2023, 1, 10), None, None],
                   "I.1.b": ["dang thuc hien", dt.date(2023, 6, 14), None, None],
                   "I.1.c": ["dang thuc hien", dt.date(2023, 6, 14), None, None]},
                  {"CT1.4.a": [None, 3, 5, dt.date(2023, 6, 10), "Báo cáo kiểm tra"]})  # fmt: skip
    r = cchc("import", str(filled))
    assert r.code == 1, r.all
    said = [line for line in r.err.splitlines() if line.startswith("filled.xlsx:")]
    task, target = row_of(sheet, "Nhiệm vụ", "I.1.b"), row_of(sheet, "Chỉ tiêu", "CT1.4.a")
    assert [line.split(": error: ")[0] for line in said] == [
        f"filled.xlsx:Nhiệm vụ!H{task}",
        f"filled.xlsx:Chỉ tiêu!H{target}",
    ]
    assert all("cannot be recorded" in line for line in said)
    assert not (repo / "plans" / "2023.progress.yaml").exists()
    # a list written on one line has no line of a row's own: said at the file's line, not
    # at another row's cell
    progress = repo / "plans" / "2023.progress.yaml"
    progress.write_text("nam: 2023\nnhiem_vu: [{ma: I.1.d, ngay: 2023-03-02, "
                        "trang_thai: hoan_thanh}]\n", encoding="utf-8")  # fmt: skip
    r = cchc("import", str(filled))
    assert r.code == 1, r.all
    assert not [line for line in r.err.splitlines() if line.startswith("filled.xlsx:Nhiệm vụ")]
    assert f"{Path('plans') / '2023.progress.yaml'}:" in r.err


def test_a_row_that_tells_a_recorded_day_with_other_evidence_is_refused(repo: Path) -> None:
    # The same state on the same day, but other evidence (or a target's other source): it
    # says otherwise, so it is refused at that cell, as a contradicting state is; an empty
    # cell, or the same words, add nothing and are counted as there already.
    assert (
        cchc("record", "I.1.b", "-s", "in-progress", "-d", "2023-03-01", "--evidence", "KH 1").code
        == 0
    )
    before = (repo / "plans" / "2023.progress.yaml").read_text(encoding="utf-8")
    sheet = make_sheet("VP")
    row = row_of(sheet, "Nhiệm vụ", "I.1.b")
    other = fill(
        sheet, "other.xlsx", {"I.1.b": ["đang thực hiện", dt.date(2023, 3, 1), "KH 99", None]}
    )
    r = cchc("import", str(other))
    assert r.code == 1, r.all
    assert (f"other.xlsx:Nhiệm vụ!I{row}: error: the record of 01/03/2023 of I.1.b says 'KH 1' "
            "here; the sheet says otherwise") in r.err, r.err  # fmt: skip
    assert (repo / "plans" / "2023.progress.yaml").read_text(encoding="utf-8") == before
    for evidence in (None, "kh  1"):
        same = fill(
            sheet, "same.xlsx", {"I.1.b": ["đang thực hiện", dt.date(2023, 3, 1), evidence, None]}
        )
        r = cchc("import", str(same))
        assert r.code == 0 and "1 row(s) were there already" in r.out, r.all


def test_an_import_says_when_it_lays_the_file_out_anew(repo: Path) -> None:
    # As `record` does: a progress file written by hand in another layout (CR line ends,
    # a flow list) is rewritten in cchc fmt's, and the import says so.
    path = repo / "plans" / "2023.progress.yaml"
    path.write_bytes(
        b"nam: 2023\rnhiem_vu: [{ma: I.1.d, ngay: 2023-03-02, trang_thai: hoan_thanh}]\r"
    )
    filled = fill(make_sheet("VP"), "f.xlsx",
                  {"I.1.a": ["hoàn thành", dt.date(2023, 1, 10), None, None]})  # fmt: skip
    r = cchc("import", str(filled))
    assert r.code == 0, r.all
    assert r.out.splitlines()[-1].startswith(
        f"note: {Path('plans') / '2023.progress.yaml'} was not"
    )
    assert cchc("fmt", "--check").code == 0
    r = cchc("import", str(filled))  # nothing new, nothing laid out again
    assert r.code == 0 and "note:" not in r.out, r.all


def _edit_meta(path: Path, out: str, key: str, value: object) -> Path:
    book = openpyxl.load_workbook(path)
    for row in book["_cchc"].iter_rows(min_row=2):
        if row[0].value == key:
            row[1].value = value
    book.save(out)
    return Path(out)


def test_a_sheet_for_another_year_unit_or_version_is_named(repo: Path) -> None:
    sheet = fill(make_sheet("VP"), "filled.xlsx",
                 {"I.1.a": ["hoàn thành", dt.date(2023, 1, 10), None, None]})  # fmt: skip
    year = cchc("import", str(_edit_meta(sheet, "year.xlsx", "year", 2022)))
    assert year.code == 1 and "made for the 2022 plan, but the plan is for 2023" in year.err
    unit = cchc("import", str(_edit_meta(sheet, "unit.xlsx", "unit", "XYZ")))
    assert unit.code == 1 and "unit 'XYZ', which the plan does not have" in unit.err
    edited = cchc("import", str(_edit_meta(sheet, "old.xlsx", "task:I.1.a", "0" * 16)))
    assert (
        edited.code == 1 and "the hidden sheet _cchc was changed after cchc made it" in edited.err
    )
    plan = repo / "plans" / "2023.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("Trước ngày 15/01/2023", "Trước ngày 20/01/2023", 1),
                    encoding="utf-8")  # fmt: skip
    r = cchc("import", str(sheet), "--dry-run")
    assert r.code == 0
    assert "the plan has changed since the sheet was made: task I.1.a;" in r.err
    first = row_of(sheet, "Nhiệm vụ", "I.1.a")
    assert f"filled.xlsx:Nhiệm vụ!A{first}: warning: task I.1.a has changed" in r.err
    plan.write_text(text, encoding="utf-8")
    book = openpyxl.load_workbook(sheet)
    del book["_cchc"]
    book.save("plain.xlsx")
    plain = cchc("import", "plain.xlsx")
    assert (
        plain.code == 1 and "not a sheet cchc sent (its hidden sheet _cchc is missing)" in plain.err
    )


def test_a_hostile_workbook_is_refused_before_it_is_parsed(repo: Path) -> None:
    sheet = make_sheet("VP")
    # a zip bomb: one part that unpacks to far more than it packs
    bomb = repo / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (60 * 1024 * 1024) + b">")
    r = cchc("import", str(bomb))
    assert r.code == 2 and "too large" in r.err
    # XML entities (billion laughs) in a part: defusedxml refuses them
    data = io.BytesIO()
    with zipfile.ZipFile(sheet) as src, zipfile.ZipFile(data, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                dtd = b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                if b"?>" in content[:200]:
                    content = content.replace(b"?>", b"?>" + dtd, 1)
                else:
                    content = dtd + content
            dst.writestr(item, content)
    (repo / "entities.xlsx").write_bytes(data.getvalue())
    r = cchc("import", "entities.xlsx")
    assert r.code == 2 and "declares a DTD or XML entities" in r.err and "Traceback" not in r.all
    (repo / "link.xlsx").symlink_to(sheet.resolve())
    assert cchc("import", "link.xlsx").code == 2
    (repo / "text.xlsx").write_text("not a workbook")
    r = cchc("import", "text.xlsx")
    assert r.code == 2 and "not an Excel .xlsx workbook" in r.err


def test_plan_text_that_looks_like_a_formula_stays_text(repo: Path) -> None:
    plan = repo / "plans" / "2023.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "nhiem_vu: Ban hành Kế hoạch CCHC năm 2023.", "nhiem_vu: '=HYPERLINK(\"x\")'", 1
        ),
        encoding="utf-8",
    )
    book = openpyxl.load_workbook(make_sheet("VP"))
    cell = book["Nhiệm vụ"][f"B{header_of(book['Nhiệm vụ']) + 1}"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("x")'  # text, not a formula


def test_export_has_the_numbers_of_status_json(repo: Path) -> None:
    from cchc_cli.words import STATUS_CODES_VI

    r = cchc("export", "--quarter", "2", "--lang", "vi")
    assert r.code == 0 and r.out.strip() == "ke-hoach-2023.xlsx"
    book = openpyxl.load_workbook("ke-hoach-2023.xlsx")
    assert book.sheetnames == ["Nhiệm vụ", "Chỉ tiêu", "Tổng hợp", "Theo đơn vị chủ trì"]
    status = json.loads(cchc("status", "--quarter", "2", "--format", "json").out)
    ws = book["Nhiệm vụ"]
    assert [c.value for c in ws[1]][6:] == ["Hạn", "Tình trạng", "Mã tình trạng"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    # the status as a Vietnamese slug, one for each code of the JSON
    assert {t["id"]: STATUS_CODES_VI[t["status"]] for t in status["tasks"]} == {
        k: v[8].value for k, v in rows.items()
    }
    assert len(set(STATUS_CODES_VI.values())) == len(STATUS_CODES_VI)
    assert "qua_han" in {v[8].value for v in rows.values()}
    # a due date is a real date, shown day first
    due = rows["I.1.a"][6]
    assert due.value == dt.datetime(2023, 1, 14) and due.number_format == "DD/MM/YYYY"
    targets = {r[0].value: r for r in book["Chỉ tiêu"].iter_rows(min_row=2)}
    assert book["Chỉ tiêu"]["G1"].value == "Mã tình trạng"
    measures = [t for i in status["indicators"] for t in i["targets"]]
    assert {t["id"]: STATUS_CODES_VI[t["status"]] for t in measures} == {
        k: v[6].value for k, v in targets.items()
    }
    total = [c.value for c in list(book["Tổng hợp"].iter_rows(min_row=2))[-1]]
    s = status["summary"]
    assert total[1:] == [s["tasks"], s["due"], s["done"], s["completion_rate"], s["plan_rate"],
                         s["overdue"], s["due_soon"], s["missing_report"]]  # fmt: skip
    assert ws.auto_filter.ref and ws.freeze_panes == "B2"
    # English on request: the JSON's own codes
    assert cchc("export", "--quarter", "2", "--lang", "en", "-o", "en.xlsx").code == 0
    english = openpyxl.load_workbook("en.xlsx")["Tasks"]
    assert english["I1"].value == "status"
    assert {t["id"]: t["status"] for t in status["tasks"]} == {
        r[0].value: r[8].value for r in english.iter_rows(min_row=2)
    }
    r = cchc("export", "--format", "csv", "--quarter", "2", "-o", "csv", "--lang", "vi")
    assert r.code == 0
    raw = (repo / "csv" / "nhiem-vu.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens it as UTF-8
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0][0] == "Mã" and table[0][8] == "Mã tình trạng"
    assert {r[0]: r[8] for r in table[1:]} == {k: v[8].value for k, v in rows.items()}
    assert {r[0]: r[6] for r in table[1:]}["I.1.a"] == "14/01/2023"  # dd/mm/yyyy
    assert "status" not in raw.decode("utf-8-sig")


def _calc() -> str:
    soffice = require_tool("soffice", "libreoffice", install=LIBREOFFICE)
    program = Path(soffice).resolve().parent
    # Calc's library: libsclo.so (Linux), sclo.dll (Windows), libsclo.dylib (macOS)
    if not any(program.glob("*sclo.*")) and not any(
        Path("/usr/lib/libreoffice/program").glob("libsclo.so*")
    ):
        import os

        reason = f"LibreOffice Calc is not installed; install it with: {LIBREOFFICE}"
        if os.environ.get("CI") or os.environ.get("CCHC_REQUIRE_TOOLS"):
            pytest.fail(f"{reason} (CI and CCHC_REQUIRE_TOOLS require it)")
        pytest.skip(reason)
    return soffice


def test_a_sheet_saved_by_libreoffice_calc_still_imports(repo: Path, tmp_path: Path) -> None:
    soffice = _calc()
    filled = fill(make_sheet("VP"), "filled.xlsx",
                  {"I.1.a": ["hoàn thành", dt.date(2023, 1, 10), "KH 15", None]},
                  {"CT1.4.a": [0.6, None, None, dt.date(2023, 6, 10), None]})  # fmt: skip
    outdir = repo / "calc"
    done = subprocess.run(
        [soffice, "--headless", office_profile(tmp_path / "lo"), "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(filled)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    saved = outdir / "filled.xlsx"
    assert saved.exists(), done.stdout + done.stderr
    r = cchc("import", str(saved))
    assert r.code == 0, r.all
    text = (repo / "plans" / "2023.progress.yaml").read_text(encoding="utf-8")
    assert (
        "ma: I.1.a\n    ngay: 2023-01-10\n    trang_thai: hoan_thanh\n    minh_chung: KH 15" in text
    )
    assert "ma: CT1.4.a\n    ngay: 2023-06-10\n    gia_tri: 0.6" in text


def test_the_export_opens_in_libreoffice_calc(repo: Path, tmp_path: Path) -> None:
    soffice = _calc()
    assert cchc("export", "--quarter", "2").code == 0
    done = subprocess.run(
        [soffice, "--headless", office_profile(tmp_path / "lo"), "--convert-to",
         "csv", "--outdir", str(repo / "out"), "ke-hoach-2023.xlsx"],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    out = repo / "out" / "ke-hoach-2023.csv"
    assert out.exists(), done.stdout + done.stderr
    assert "I.1.a" in out.read_text(encoding="utf-8", errors="replace")


def test_a_sheet_of_another_plan_file_and_a_broken_header_are_refused(repo: Path) -> None:
    sheet = fill(make_sheet("VP"), "filled.xlsx",
                 {"I.1.a": ["hoàn thành", dt.date(2023, 1, 10), None, None]})  # fmt: skip
    other = cchc("import", str(_edit_meta(sheet, "other.xlsx", "plan", "2023-copy.yaml")),
                 "--dry-run")  # fmt: skip
    assert other.code == 1
    assert (
        "other.xlsx:_cchc!B3: error: the sheet was made from the plan file 2023-copy.yaml, not "
        "2023.yaml" in other.err
    )
    book = openpyxl.load_workbook(sheet)
    head = header_of(book["Nhiệm vụ"])
    book["Nhiệm vụ"][f"G{head}"] = "Trạng thái"
    book.save("header.xlsx")
    r = cchc("import", "header.xlsx")
    assert r.code == 1
    assert (
        f"header.xlsx:Nhiệm vụ!G{head}: error: column G must be 'Tình trạng', not 'Trạng thái'"
        in r.err
    )


def _uno_python(soffice: str) -> str:
    """A Python with LibreOffice's `uno` module: the system one with python3-uno (Linux),
    or the one LibreOffice bundles beside soffice (Windows: program/python.exe; macOS:
    Contents/Resources/python)."""
    import os

    program = Path(soffice).resolve().parent
    bundled = [program / "python.exe", program / "python", program.parent / "Resources" / "python"]
    for candidate in ("/usr/bin/python3", shutil.which("python3") or "", *map(str, bundled)):
        if (
            candidate
            and Path(candidate).is_file()
            and subprocess.run([candidate, "-c", "import uno"], capture_output=True).returncode == 0
        ):
            return candidate
    reason = (
        "LibreOffice's Python bridge is not installed; install it with: apt-get install python3-uno"
    )
    if os.environ.get("CI") or os.environ.get("CCHC_REQUIRE_TOOLS"):
        pytest.fail(f"{reason} (CI and CCHC_REQUIRE_TOOLS require it)")
    pytest.skip(reason)


def test_a_sheet_typed_in_libreoffice_calc_records_exactly_what_was_typed(
    repo: Path, tmp_path: Path
) -> None:
    soffice = _calc()
    python = _uno_python(soffice)
    sheet = make_sheet("VP")
    task, target = row_of(sheet, "Nhiệm vụ", "I.1.b"), row_of(sheet, "Chỉ tiêu", "CT1.4.a")
    typed = repo / "typed.xlsx"
    done = subprocess.run(
        [python, str(Path(__file__).parent / "tools" / "calc_fill.py"), str(sheet), str(typed),
         str(tmp_path / "lo"),
         f"Nhiệm vụ!G{task}=đang thực hiện", f"Nhiệm vụ!H{task}=date:2023-06-13",
         f"Nhiệm vụ!J{task}=chờ ý kiến các phòng",
         f"Chỉ tiêu!F{target}=number:3", f"Chỉ tiêu!G{target}=number:5",
         f"Chỉ tiêu!H{target}=date:2023-06-10", f"Chỉ tiêu!I{target}=Báo cáo kiểm tra"],
        capture_output=True, text=True, timeout=240, env={**os.environ, "CCHC_SOFFICE": soffice},
    )  # fmt: skip
    assert typed.exists(), done.stdout + done.stderr
    r = cchc("import", str(typed))
    assert r.code == 0, r.all
    text = (repo / "plans" / "2023.progress.yaml").read_text(encoding="utf-8")
    assert ("  - ma: I.1.b\n    ngay: 2023-06-13\n    trang_thai: dang_thuc_hien\n"
            "    ghi_chu: chờ ý kiến các phòng\n") in text  # fmt: skip
    assert ("  - ma: CT1.4.a\n    ngay: 2023-06-10\n    tu_so: 3\n    mau_so: 5\n"
            "    nguon: Báo cáo kiểm tra\n") in text  # fmt: skip


def test_the_tthc_figures_go_out_in_a_sheet_and_back_into_the_period(repo: Path) -> None:
    sheet = make_sheet("BPMC")  # it leads tasks of the TTHC area
    book = openpyxl.load_workbook(sheet)
    assert "Thống kê TTHC" in book.sheetnames
    assert "Thống kê TTHC" not in openpyxl.load_workbook(make_sheet("TTKC")).sheetnames
    figures = {"tiep_nhan_truc_tuyen": 640, "tiep_nhan_truc_tiep": 320, "tiep_nhan_ky_truoc": 20,
               "giai_quyet_truoc_han": 580, "giai_quyet_dung_han": 300, "giai_quyet_qua_han": 25,
               "dang_giai_quyet_trong_han": 57, "dang_giai_quyet_qua_han": 3, "tra_lai_rut": 14}  # fmt: skip
    ws = book["Thống kê TTHC"]
    first = header_of(ws) + 1
    assert not ws[f"D{first}"].protection.locked and ws[f"C{first}"].protection.locked
    for row in ws.iter_rows(min_row=2):
        if row[0].value in figures:
            row[3].value = figures[row[0].value]
    book.save("bad.xlsx")
    r = cchc("import", "bad.xlsx")
    assert r.code == 1 and "bad.xlsx:Thống kê TTHC!D" in r.err and "do not add up" in r.err
    assert not (repo / "plans" / "2023.progress.yaml").exists()
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "tra_lai_rut":
            row[3].value = 15
    book.save("good.xlsx")
    r = cchc("import", "good.xlsx")
    assert r.code == 0 and "9 TTHC figure(s)" in r.out, r.all
    data = json.loads(cchc("report", "-q", "2", "--date", "2023-06-16", "--format", "json").out)
    area = next(a for a in data["document"]["linh_vuc"] if a["tthc"])
    assert area["tthc"][0]["so_luong"] == "980"
    again = cchc("import", "good.xlsx")
    assert again.code == 0 and "9 row(s) were there already" in again.out
    for row in ws.iter_rows(min_row=2):  # a code changed: its number is not dropped unsaid
        if row[0].value == "tra_lai_rut":
            row[0].value, row[3].value, at = "tra_lai", 16, row[0].row
    book.save("recoded.xlsx")
    r = cchc("import", "recoded.xlsx")
    assert r.code == 1, r.all
    assert (f"recoded.xlsx:Thống kê TTHC!A{at}: error: the code 'tra_lai' is no TTHC figure, so the "
            f"number in Thống kê TTHC!D{at} is not read") in r.err  # fmt: skip
    ws[f"A{at}"].value = "tiep_nhan_truc_tuyen"  # the code of another row: one figure twice
    book.save("twice.xlsx")
    r = cchc("import", "twice.xlsx")
    assert (
        r.code == 1
        and f"twice.xlsx:Thống kê TTHC!A{at}: error: the figure 'tiep_nhan_truc_tuyen' is "
        "given in Thống kê TTHC!D"
        in r.err
    ), r.all
