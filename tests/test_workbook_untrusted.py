"""A returned workbook is untrusted: what it can carry, and what cchc says of each.

The package is checked before openpyxl builds anything (encryption, compression, damage,
DTDs in any part and any encoding, sheets, rows, cells, merged ranges, size); the hidden
sheet `_cchc` is verified against the plan it is imported into; a unit's sheet records
only what that unit answers for; the library's own warnings are said in cchc's words."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT
from helpers import cchc

PLAN = ROOT / "plans" / "2023.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN, tmp_path / "plans" / "2023.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def progress(repo: Path) -> bytes | None:
    path = repo / "plans" / "2023.progress.yaml"
    return path.read_bytes() if path.exists() else None


def make_sheet(unit: str = "VP", quarter: str = "2", plan: Path | None = None) -> Path:
    args = ["sheet", "--unit", unit, "--quarter", quarter]
    path = Path(f"2023-q{quarter}-{unit}.xlsx")
    if plan is not None:
        args += [str(plan), "-o", f"{plan.parent.parent.name}-{path}"]
        path = Path(f"{plan.parent.parent.name}-{path}")
    r = cchc(*args)
    assert r.code == 0, r.all
    return path


def edit(path: Path, out: str, cells: dict[tuple[str, str], object]) -> Path:
    """Type values into cells (sheet, coordinate) and save as `out`."""
    book = openpyxl.load_workbook(path)
    for (sheet, where), value in cells.items():
        book[sheet][where] = value
    book.save(out)
    return Path(out)


def row_of(path: Path, sheet: str, ma: str) -> int:
    ws = openpyxl.load_workbook(path)[sheet]
    return next(row[0].row for row in ws.iter_rows(min_row=2) if row[0].value == ma)


def meta_row(path: Path, key: str) -> int:
    return row_of(path, "_cchc", key)


def set_meta(path: Path, out: str, key: str, value: object) -> Path:
    return edit(path, out, {("_cchc", f"B{meta_row(path, key)}"): value})


def task_cells(path: Path, ma: str, state: str, day: object) -> dict[tuple[str, str], object]:
    r = row_of(path, "Nhiệm vụ", ma)
    return {("Nhiệm vụ", f"G{r}"): state, ("Nhiệm vụ", f"H{r}"): day}


def stats_cells(path: Path, figures: dict[str, object]) -> dict[tuple[str, str], object]:
    ws = openpyxl.load_workbook(path)["Thống kê TTHC"]
    return {
        ("Thống kê TTHC", f"D{row[0].row}"): figures[row[0].value]
        for row in ws.iter_rows(min_row=2)
        if row[0].value in figures
    }


def rezip(
    src: Path,
    dst: str,
    change: Callable[[str, bytes], bytes] = lambda _n, d: d,
    rename: dict[str, str] | None = None,
) -> Path:
    """A copy of the package with parts changed (`change(name, data)`) or renamed."""
    rename = rename or {}
    out = io.BytesIO()
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
        for item in z.infolist():
            o.writestr(rename.get(item.filename, item.filename), change(item.filename,
                                                                       z.read(item.filename)))  # fmt: skip
    Path(dst).write_bytes(out.getvalue())
    return Path(dst)


def patch_member(data: bytes, name: str, *, flag: int | None = None, method: int | None = None,
                 corrupt: bool = False) -> bytes:  # fmt: skip
    """The zip's bytes with one member's flag bits or compression method set in both of its
    headers, or its compressed data damaged."""
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(name)
    local = info.header_offset
    name_len, extra_len = struct.unpack("<HH", raw[local + 26 : local + 30])
    start = local + 30 + name_len + extra_len
    if corrupt:
        for i in range(start + 10, start + min(info.compress_size - 4, 60)):
            raw[i] ^= 0x5A
    central = raw.find(b"PK\x01\x02")
    while central != -1:
        n = struct.unpack("<H", raw[central + 28 : central + 30])[0]
        if raw[central + 46 : central + 46 + n] == name.encode():
            break
        central = raw.find(b"PK\x01\x02", central + 4)
    assert central != -1
    for header, (flag_at, method_at) in ((local, (6, 8)), (central, (8, 10))):
        if flag is not None:
            raw[header + flag_at : header + flag_at + 2] = struct.pack("<H", flag)
        if method is not None:
            raw[header + method_at : header + method_at + 2] = struct.pack("<H", method)
    return bytes(raw)


def limited(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """cchc in a process of its own whose memory is capped at 1.5 GiB: a workbook that
    would exhaust memory fails there, not on the machine running the tests."""
    import resource

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))

    code = "import sys\nfrom cchc_cli.commands.app import main\nsys.argv = ['cchc', *sys.argv[1:]]\nmain()"
    env = {**os.environ, "CCHC_LANG": "en"}
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, text=True,
                          capture_output=True, preexec_fn=cap, timeout=900)  # fmt: skip


# --- the package (case 7: DTDs; case 9: encryption, compression, damage) ----------------------

DOCTYPE = b"<!DOCTYPE x [<!ELEMENT x ANY>]>"


def _with_doctype(data: bytes, pad: int = 0) -> bytes:
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    head = b'<?xml version="1.0" encoding="UTF-8"?>'
    return head + b"<!--" + b"x" * pad + b"-->" + DOCTYPE + body


def test_a_dtd_after_the_first_4_kb_is_found(repo: Path) -> None:
    sheet = make_sheet()
    bad = rezip(
        sheet, "late.xlsx", lambda n, d: _with_doctype(d, 6000) if n == "xl/workbook.xml" else d
    )
    r = cchc("import", str(bad))
    assert r.code == 2 and "late.xlsx: the part xl/workbook.xml declares a DTD" in r.err, r.all


def test_a_dtd_in_a_utf16_part_is_found(repo: Path) -> None:
    sheet = make_sheet()

    def utf16(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        text = _with_doctype(data).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return text.encode("utf-16")

    r = cchc("import", str(rezip(sheet, "utf16.xlsx", utf16)))
    assert r.code == 2 and "the part xl/worksheets/sheet1.xml declares a DTD" in r.err, r.all


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le"])
def test_an_xml_part_the_check_cannot_read_is_refused_not_skipped(
    repo: Path, encoding: str
) -> None:
    # expat reads UTF-8 and UTF-16 only: a part in UTF-32 would hide its DTD from the check
    # and reach openpyxl's parser; it is refused as damaged, nothing read further.
    sheet = make_sheet()

    def utf32(name: str, data: bytes) -> bytes:
        if name != "docProps/core.xml":
            return data
        text = _with_doctype(data).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-32"')
        return text.encode(encoding)

    r = cchc("import", str(rezip(sheet, "utf32.xlsx", utf32)), "--dry-run")
    assert r.code == 2 and "docProps/core.xml" in r.err and "Traceback" not in r.all, r.all


def test_two_sheets_of_one_name_and_rows_past_the_limit_unnumbered_are_refused(
    repo: Path,
) -> None:
    # A hidden empty sheet named as the filled one: a reader takes one of the two, so the
    # rows of the other could be passed over unsaid. Rows without `r` follow the one before:
    # counted against the limit as numbered ones are, not dropped past it.
    from cchc_cli.files.workbook import MAX_ROWS

    blank = make_sheet()
    row = row_of(blank, "Nhiệm vụ", "I.1.a")
    sheet = edit(blank, "f.xlsx", {("Nhiệm vụ", f"G{row}"): "hoàn thành",
                                   ("Nhiệm vụ", f"H{row}"): dt.date(2023, 1, 10)})  # fmt: skip

    def twice(name: str, data: bytes) -> bytes:
        if name != "xl/workbook.xml":
            return data
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return data.replace(b"</sheets>", f'<sheet xmlns:r="{rel}" name="NHIỆM VỤ" sheetId="99" '
                            'state="hidden" r:id="rId1"/></sheets>'.encode())  # fmt: skip

    r = cchc("import", str(rezip(sheet, "twice.xlsx", twice)), "--dry-run")
    assert r.code == 2 and "two sheets named 'NHIỆM VỤ'" in r.err, r.all

    def unnumbered(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        return data.replace(b"</sheetData>", b"<row/>" * (MAX_ROWS + 1) + b"</sheetData>")

    r = cchc("import", str(rezip(sheet, "rows.xlsx", unnumbered)), "--dry-run")
    assert r.code == 2 and "xl/worksheets/sheet1.xml" in r.err and "Traceback" not in r.all, r.all


def test_a_long_text_typed_in_a_cell_is_quoted_cut(repo: Path) -> None:
    # A cell holds up to 32,767 characters: an id of 25,000 was said whole, 25 such rows half
    # a megabyte of errors. What a message quotes from a cell is cut, and says so.
    from cchc_cli.files.sheet_cells import SHOWN

    blank = make_sheet()
    row = row_of(blank, "Nhiệm vụ", "I.1.a")
    long = "I." + "9" * 25_000
    bad = edit(blank, "long.xlsx", {("Nhiệm vụ", f"A{row}"): long,
                                    ("Nhiệm vụ", f"G{row}"): "hoàn thành",
                                    ("Nhiệm vụ", f"H{row}"): dt.date(2023, 1, 10)})  # fmt: skip
    r = cchc("import", str(bad), "--dry-run")
    assert r.code == 1, r.all
    said = [line for line in r.err.splitlines() if line.startswith(f"long.xlsx:Nhiệm vụ!A{row}")]
    assert said and all(len(line) < 3 * SHOWN for line in said), r.err[:500]
    assert "…" in said[0]


def test_a_dtd_in_a_part_named_in_capitals_is_found(repo: Path) -> None:
    sheet = make_sheet()

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return _with_doctype(data)
        return data.replace(b"sheet1.xml", b"sheet1.XML")

    bad = rezip(
        sheet, "upper.xlsx", change, {"xl/worksheets/sheet1.xml": "xl/worksheets/sheet1.XML"}
    )
    r = cchc("import", str(bad))
    assert r.code == 2 and "the part xl/worksheets/sheet1.XML declares a DTD" in r.err, r.all


@pytest.mark.parametrize(
    ("how", "said"),
    [
        ({"flag": 0x1}, "the part xl/worksheets/sheet1.xml is encrypted"),
        ({"method": 9}, "the part xl/worksheets/sheet1.xml is compressed with Deflate64"),
        ({"method": 99}, "the part xl/worksheets/sheet1.xml is compressed with method 99"),
        ({"corrupt": True}, "the part xl/worksheets/sheet1.xml is damaged"),
    ],
)
def test_encrypted_unsupported_or_damaged_parts_are_named(
    repo: Path, how: dict[str, object], said: str
) -> None:
    sheet = make_sheet()
    bad = repo / "bad.xlsx"
    bad.write_bytes(patch_member(sheet.read_bytes(), "xl/worksheets/sheet1.xml", **how))  # type: ignore[arg-type]
    r = cchc("import", str(bad))
    assert r.code == 2 and f"bad.xlsx: {said}" in r.err, r.all
    assert "internal error" not in r.all and "Traceback" not in r.all
    assert progress(repo) is None


def test_a_workbook_with_two_parts_of_one_name_is_refused(repo: Path) -> None:
    """Which of two parts named alike would be read depends on the reader: Excel, Calc and
    openpyxl may each take another. Such a package is not one Excel or Calc wrote."""
    import warnings

    sheet = make_sheet()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(sheet) as z,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o,
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name
        for item in z.infolist():
            o.writestr(item.filename, z.read(item.filename))
        o.writestr("xl/worksheets/sheet1.xml", z.read("xl/worksheets/sheet1.xml"))
    (repo / "twice.xlsx").write_bytes(out.getvalue())
    r = cchc("import", "twice.xlsx")
    assert r.code == 2 and "twice.xlsx: two parts are named xl/worksheets/sheet1.xml" in r.err
    assert progress(repo) is None


def test_a_workbook_with_a_password_is_named(repo: Path) -> None:
    # What Excel writes for a workbook with a password: an OLE compound file, not a zip.
    (repo / "secret.xlsx").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 4096)
    r = cchc("import", "secret.xlsx")
    assert r.code == 2 and "secret.xlsx: the workbook is protected by a password" in r.err, r.all


# --- denial of service (case 8) -----------------------------------------------------------------


def test_merged_ranges_are_counted_before_openpyxl_builds_them(repo: Path) -> None:
    sheet = make_sheet()
    merges = (
        b'<mergeCells count="3000">' + b'<mergeCell ref="A1:XFD1048576"/>' * 3000 + b"</mergeCells>"
    )
    bad = rezip(sheet, "merged.xlsx", lambda n, d: d.replace(b"</sheetData>", b"</sheetData>" + merges)
                if n == "xl/worksheets/sheet1.xml" else d)  # fmt: skip
    assert bad.stat().st_size < 40_000
    with zipfile.ZipFile(sheet) as z:  # the title block's own merged lines
        title = z.read("xl/worksheets/sheet1.xml").count(b"<mergeCell ")
    assert 0 < title < 20
    r = limited("import", "merged.xlsx", cwd=repo)
    assert r.returncode == 2, r.stderr
    assert (
        f"merged.xlsx: the workbook is too large (xl/worksheets/sheet1.xml: {3000 + title} "
        "merged ranges" in r.stderr
    )


def test_thousands_of_sheets_are_refused_before_they_are_read(repo: Path) -> None:
    sheet = make_sheet()
    many = b"".join(
        b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        b'name="S%d" sheetId="%d" state="visible" r:id="rId1"/>' % (i, i + 10)
        for i in range(5000)
    )
    bad = rezip(sheet, "sheets.xlsx", lambda n, d: d.replace(b"</sheets>", many + b"</sheets>")
                if n == "xl/workbook.xml" else d)  # fmt: skip
    assert bad.stat().st_size < 100_000
    r = limited("import", "sheets.xlsx", cwd=repo)
    assert r.returncode == 2, r.stderr
    had = len(openpyxl.load_workbook(sheet).sheetnames)
    assert f"sheets.xlsx: the workbook is too large ({5000 + had} sheets; at most 32)" in r.stderr


def test_a_row_far_down_is_refused_before_the_rows_are_built(repo: Path) -> None:
    sheet = make_sheet()
    far = b'<row r="900000"><c r="A900000" t="inlineStr"><is><t>I.1.a</t></is></c></row>'
    rezip(sheet, "rows.xlsx", lambda n, d: d.replace(b"</sheetData>", far + b"</sheetData>")
                if n == "xl/worksheets/sheet1.xml" else d)  # fmt: skip
    r = limited("import", "rows.xlsx", cwd=repo)
    assert r.returncode == 2, r.stderr
    assert "rows.xlsx: the workbook is too large (xl/worksheets/sheet1.xml: row 900000" in r.stderr


# --- openpyxl's warnings (case 6) ---------------------------------------------------------------


def test_the_libraries_warnings_are_said_in_cchcs_words(repo: Path) -> None:
    sheet = make_sheet()
    forged = (b'<definedName name="_xlnm.Print_Area" localSheetId="0">&#10;::error title=Officer'
              b"::Approved&#10;</definedName></definedNames>")  # fmt: skip
    rezip(sheet, "warn.xlsx", lambda n, d: d.replace(b"</definedNames>", forged)
          if n == "xl/workbook.xml" else d)  # fmt: skip
    r = limited("import", "warn.xlsx", "--dry-run", cwd=repo)
    assert r.returncode == 0, r.stderr
    lines = r.stderr.splitlines()
    assert not [ln for ln in lines if ln.startswith("::")], r.stderr
    assert (
        "UserWarning" not in r.stderr
        and "openpyxl" not in r.stderr
        and "site-packages" not in r.stderr
    )
    assert any(ln.startswith("warn.xlsx: warning: the workbook holds something cchc does not read")
               for ln in lines), r.stderr  # fmt: skip


# --- the hidden sheet _cchc (cases 10, 14, 18) ------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "2.5", 2.5, 0, 5, "", None])
def test_a_quarter_that_is_not_1_to_4_is_refused_at_its_cell(repo: Path, value: object) -> None:
    sheet = make_sheet("BPMC")
    filled = edit(sheet, "filled.xlsx", stats_cells(sheet, {"tiep_nhan_truc_tuyen": 640}))
    bad = set_meta(filled, "bad.xlsx", "quarter", value)
    r = cchc("import", str(bad))
    cell = f"bad.xlsx:_cchc!B{meta_row(sheet, 'quarter')}"
    assert r.code == 1, r.all
    assert re.search(
        rf"^{re.escape(cell)}: error: the quarter must be 1, 2, 3 or 4", r.err, re.M
    ), r.err
    assert "internal error" not in r.all and progress(repo) is None


def test_a_quarter_edited_by_hand_is_refused(repo: Path) -> None:
    sheet = make_sheet("BPMC")
    filled = edit(sheet, "filled.xlsx", stats_cells(sheet, {"tiep_nhan_truc_tuyen": 640}))
    moved = set_meta(filled, "moved.xlsx", "quarter", 4)
    r = cchc("import", str(moved))
    assert r.code == 1, r.all
    assert re.search(r"^moved\.xlsx:_cchc!B\d+: error: the hidden sheet _cchc was changed after cchc "
                     r"made it", r.err, re.M), r.err  # fmt: skip
    assert progress(repo) is None


def test_a_sheet_of_another_plan_file_or_body_is_refused_at_the_cell(repo: Path) -> None:
    sheet = edit(make_sheet(), "filled.xlsx", task_cells(Path("2023-q2-VP.xlsx"), "I.1.a",
                                                        "hoàn thành", dt.date(2023, 1, 10)))  # fmt: skip
    # the same plan file under another name (and nothing else changed) is another plan file
    other = repo / "other" / "plans"
    other.mkdir(parents=True)
    (other / "2023-copy.yaml").write_bytes(PLAN.read_bytes())
    r = cchc("sheet", "--unit", "VP", "-q", "2", str(other / "2023-copy.yaml"), "-o", "copy.xlsx")
    assert r.code == 0, r.all
    copy = edit(Path("copy.xlsx"), "copy-filled.xlsx", task_cells(Path("copy.xlsx"), "I.1.a",
                                                                 "hoàn thành", dt.date(2023, 1, 10)))  # fmt: skip
    r = cchc("import", str(copy))
    cell = f"copy-filled.xlsx:_cchc!B{meta_row(Path('copy.xlsx'), 'plan')}"
    assert (
        r.code == 1
        and f"{cell}: error: the sheet was made from the plan file 2023-copy.yaml, not 2023.yaml"
        in r.err
    ), r.all
    # another body's plan of the same year, file name and units
    body = repo / "so-xay-dung" / "plans"
    body.mkdir(parents=True)
    text = PLAN.read_text(encoding="utf-8").replace("co_quan_ban_hanh: SỞ CÔNG THƯƠNG",
                                                     "co_quan_ban_hanh: SỞ XÂY DỰNG", 1)  # fmt: skip
    (body / "2023.yaml").write_text(text, encoding="utf-8")
    made = make_sheet("VP", plan=body / "2023.yaml")
    theirs = edit(
        made, "theirs.xlsx", task_cells(made, "I.1.a", "hoàn thành", dt.date(2023, 1, 10))
    )
    r = cchc("import", str(theirs))
    cell = f"theirs.xlsx:_cchc!B{meta_row(made, 'body')}"
    assert r.code == 1, r.all
    assert (
        f"{cell}: error: the sheet was made for SỞ XÂY DỰNG (UBND TỈNH HÀ TĨNH), not SỞ CÔNG THƯƠNG"
        in r.err
    )
    assert progress(repo) is None
    assert cchc("import", str(sheet)).code == 0  # the body's own sheet goes in


def test_a_plan_changed_since_the_sheet_was_made_is_a_warning_naming_the_change(repo: Path) -> None:
    sheet = edit(make_sheet(), "filled.xlsx", task_cells(Path("2023-q2-VP.xlsx"), "I.1.a",
                                                        "hoàn thành", dt.date(2023, 1, 10)))  # fmt: skip
    plan = repo / "plans" / "2023.yaml"
    text = plan.read_text(encoding="utf-8")
    changed = text.replace("thoi_han: Trước ngày 15/01/2023", "thoi_han: Trước ngày 20/01/2023", 1)
    assert changed != text
    plan.write_text(changed, encoding="utf-8")
    r = cchc("import", str(sheet), "--dry-run")
    assert r.code == 0, r.all
    assert "warning: the plan has changed since the sheet was made: task I.1.a" in r.err, r.err


# --- what a unit's sheet may write (cases 16, 17, 19; "two sheets disagree") ------------------


def _append_row(path: Path, out: str, sheet: str, values: list[object]) -> Path:
    book = openpyxl.load_workbook(path)
    book[sheet].append(values)
    book.save(out)
    return Path(out)


def test_a_unit_writes_only_the_tasks_it_leads_or_supports(repo: Path) -> None:
    sheet = make_sheet("VP")
    bad = _append_row(sheet, "bad.xlsx", "Nhiệm vụ",
                      ["II.1", None, None, None, None, None, "hoàn thành", dt.date(2023, 3, 1)])  # fmt: skip
    last = openpyxl.load_workbook(bad)["Nhiệm vụ"].max_row
    r = cchc("import", str(bad))
    assert r.code == 1, r.all
    assert (f"bad.xlsx:Nhiệm vụ!A{last}: error: task II.1 is not one VP leads or supports; "
            "a unit's sheet records only its own tasks") in r.err  # fmt: skip
    assert progress(repo) is None


def test_a_unit_writes_only_the_targets_it_answers_for(repo: Path) -> None:
    sheet = make_sheet("VP")
    bad = _append_row(sheet, "bad.xlsx", "Chỉ tiêu",
                      ["CT2.1.a", None, None, None, 95, None, None, dt.date(2023, 6, 1)])  # fmt: skip
    last = openpyxl.load_workbook(bad)["Chỉ tiêu"].max_row
    r = cchc("import", str(bad))
    assert r.code == 1, r.all
    assert f"bad.xlsx:Chỉ tiêu!A{last}: error: target CT2.1.a is not one VP answers for" in r.err
    assert progress(repo) is None


def test_tthc_figures_only_from_a_sheet_made_to_carry_them(repo: Path) -> None:
    carrier = make_sheet("BPMC")
    plain = make_sheet("TTKC")  # it leads no task of the TTHC area: no figures sheet
    book = openpyxl.load_workbook(plain)
    source = openpyxl.load_workbook(carrier)["Thống kê TTHC"]
    copied = book.create_sheet("Thống kê TTHC", 2)
    for row in source.iter_rows(values_only=True):
        copied.append(list(row))
    for row in copied.iter_rows(min_row=2):
        if row[0].value == "tiep_nhan_truc_tuyen":
            row[3].value = 640
            cell = f"D{row[0].row}"
    book.save("added.xlsx")
    r = cchc("import", "added.xlsx")
    assert r.code == 1, r.all
    assert (f"added.xlsx:Thống kê TTHC!{cell}: error: this sheet was not made to carry the TTHC "
            "figures") in r.err  # fmt: skip
    assert progress(repo) is None


def test_one_task_twice_in_a_sheet_with_different_values_is_refused(repo: Path) -> None:
    sheet = make_sheet("VP")
    filled = edit(
        sheet, "filled.xlsx", task_cells(sheet, "I.1.b", "hoàn thành", dt.date(2023, 3, 1))
    )
    twice = _append_row(filled, "twice.xlsx", "Nhiệm vụ",
                        ["I.1.b", None, None, None, None, None, "đang thực hiện", dt.date(2023, 3, 1)])  # fmt: skip
    first, last = (
        row_of(sheet, "Nhiệm vụ", "I.1.b"),
        openpyxl.load_workbook(twice)["Nhiệm vụ"].max_row,
    )
    r = cchc("import", str(twice))
    assert r.code == 1, r.all
    assert (f"twice.xlsx:Nhiệm vụ!A{last}: error: I.1.b is also in row {first} of this sheet, "
            "with other values") in r.err, r.err  # fmt: skip
    assert progress(repo) is None
    same = _append_row(filled, "same.xlsx", "Nhiệm vụ",
                       ["I.1.b", None, None, None, None, None, "hoàn thành", dt.date(2023, 3, 1)])  # fmt: skip
    r = cchc("import", str(same))
    assert r.code == 0 and "recorded 1 task(s)" in r.out, r.all  # the same row twice: once


def test_two_sheets_that_disagree_on_a_figure_are_refused_with_both_named(repo: Path) -> None:
    first = make_sheet("BPMC")
    ours = edit(first, "bpmc-filled.xlsx", stats_cells(first, {"tiep_nhan_truc_tuyen": 640}))
    assert cchc("import", str(ours)).code == 0
    second = make_sheet("TTRA")
    theirs = edit(second, "ttra-filled.xlsx", stats_cells(second, {"tiep_nhan_truc_tuyen": 600}))
    before = progress(repo)
    r = cchc("import", str(theirs))
    row = row_of(second, "Thống kê TTHC", "tiep_nhan_truc_tuyen")
    assert r.code == 1, r.all
    assert (f"ttra-filled.xlsx:Thống kê TTHC!D{row}: error: “Số hồ sơ tiếp nhận trực tuyến”: this "
            f"sheet says 600, but bpmc-filled.xlsx:Thống kê TTHC!D{row} recorded 640") in r.err, r.err  # fmt: skip
    assert "tiep_nhan_truc_tuyen" not in r.err  # no key of the YAML file
    assert progress(repo) == before


def test_a_dry_run_shows_the_figures_it_would_write(repo: Path) -> None:
    # The officer checks what a sheet would write before writing it: each figure by its
    # name in the report's table, with the number as read (1.250 in a count cell: 1250).
    sheet = make_sheet("BPMC")
    filled = edit(sheet, "f.xlsx", stats_cells(sheet, {"tiep_nhan_truc_tuyen": "1.250"}))
    r = cchc("import", str(filled), "--dry-run", "--lang", "vi")
    assert r.code == 0, r.all
    assert "  + Số hồ sơ tiếp nhận trực tuyến: 1250" in r.out.splitlines(), r.out
    assert progress(repo) is None


def test_a_figure_set_by_hand_after_a_sheet_no_longer_names_the_sheet(repo: Path) -> None:
    # The import notes the cell a figure came from; `cchc figures` setting it otherwise
    # takes that note off (the office's own comments stay), so a sheet that disagrees later
    # is told where the figure stands in the file, not that the sheet itself recorded it.
    first = make_sheet("BPMC")
    ours = edit(first, "bpmc-filled.xlsx", stats_cells(first, {"tiep_nhan_truc_tuyen": 640}))
    assert cchc("import", str(ours)).code == 0
    text = (repo / "plans" / "2023.progress.yaml").read_text(encoding="utf-8")
    row = row_of(first, "Thống kê TTHC", "tiep_nhan_truc_tuyen")
    assert f"tiep_nhan_truc_tuyen: 640  # bpmc-filled.xlsx:Thống kê TTHC!D{row}" in text
    path = repo / "plans" / "2023.progress.yaml"
    path.write_text(text.replace("bao_cao:", "# ghi chú của văn phòng\nbao_cao:"), "utf-8")
    assert cchc("figures", "-q", "2", "--set", "tiep_nhan_truc_tuyen=600").code == 0
    text = path.read_text(encoding="utf-8")
    assert "bpmc-filled.xlsx" not in text and "# ghi chú của văn phòng" in text
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "tiep_nhan_truc_tuyen" in t)
    assert text.splitlines()[line - 1].strip() == "tiep_nhan_truc_tuyen: 600"
    r = cchc("import", str(ours))
    assert r.code == 1, r.all
    assert (f"bpmc-filled.xlsx:Thống kê TTHC!D{row}: error: “Số hồ sơ tiếp nhận trực tuyến”: "
            f"this sheet says 640, but {Path('plans') / '2023.progress.yaml'}:{line} ") in r.err, r.err  # fmt: skip


def test_figures_never_change_another_value_of_the_file(repo: Path) -> None:
    # A note kept with its trailing blank lines (`|+`): ruamel would write it back with more
    # of them. Setting a figure is compared, as `record` is, with the file as read: refused,
    # said at the value's line, nothing written.
    path = repo / "plans" / "2023.progress.yaml"
    text = "nam: 2023\nchi_so:\n  - ma: CT1.4.a\n    ngay: 2023-03-01\n    gia_tri: 50\n" \
           "    ghi_chu: |+\n      a\n\n"  # fmt: skip
    path.write_text(text, encoding="utf-8")
    assert cchc("validate").code == 0
    r = cchc("figures", "-q", "2", "--set", "tiep_nhan_truc_tuyen=5")
    assert r.code == 1 and f"{Path('plans') / '2023.progress.yaml'}:6:14: error: " in r.err, r.all
    assert path.read_text(encoding="utf-8") == text


# --- numbers typed in cells (cases 11, 15) -----------------------------------------------------


@pytest.mark.parametrize(("typed", "why"), [("7²", "only the digits 0–9"), ("①", "only the digits 0–9"),
                                            ("1.5", "not a whole number")])  # fmt: skip
def test_counts_are_read_by_vietnamese_rules_or_refused(repo: Path, typed: str, why: str) -> None:
    sheet = make_sheet("BPMC")
    bad = edit(sheet, "bad.xlsx", stats_cells(sheet, {"thu_xin_loi": typed}))
    r = cchc("import", str(bad))
    row = row_of(sheet, "Thống kê TTHC", "thu_xin_loi")
    assert r.code == 1, r.all
    assert f"bad.xlsx:Thống kê TTHC!D{row}: error: {typed!r} is not a count: {why}" in r.err, r.err
    assert progress(repo) is None


def test_a_count_with_thousands_dots_is_read_as_thousands(repo: Path) -> None:
    sheet = make_sheet("BPMC")
    good = edit(sheet, "good.xlsx", stats_cells(sheet, {"thu_tuc_tong": "1.234"}))
    r = cchc("import", str(good))
    assert r.code == 0, r.all
    assert "thu_tuc_tong: 1234" in (progress(repo) or b"").decode("utf-8")


@pytest.mark.parametrize("typed", ["1.5", "7²", "①"])
def test_figures_set_reads_counts_by_the_same_rules(repo: Path, typed: str) -> None:
    r = cchc("figures", "--quarter", "2", "--set", f"thu_xin_loi={typed}")
    assert r.code == 2 and f"--set thu_xin_loi: {typed!r} is not a count" in r.err, r.all
    assert progress(repo) is None
