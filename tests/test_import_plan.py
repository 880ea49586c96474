"""`cchc import-plan`: a draft plan from its issued Word document.

The documents are built here with python-docx (tests/word_docs.py) from the 2023 plan's
own text, so that the round trip plan → Word → import-plan → plan is compared task by
task; one is laid out otherwise, one leaves things out, and hostile ones try the reader.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
import word_docs
from conftest import ROOT
from helpers import cchc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_cli.files.reader import read_text
from cchc_cli.plan.lookup import resolve_unit
from cchc_cli.plan.model import Plan

PLAN = ROOT / "plans" / "2023.yaml"


def plan_data(path: Path) -> dict[str, Any]:
    """A plan file's data as cchc reads it (YAML 1.2, no model)."""
    loaded = read_text(path)
    assert loaded.root is not None, loaded.problems
    return loaded.root  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def plan_2023() -> dict[str, Any]:
    return plan_data(PLAN)


@pytest.fixture(scope="module")
def issued(plan_2023: dict[str, Any]) -> bytes:
    return word_docs.issued(plan_2023)


@pytest.fixture(scope="module")
def rearranged(plan_2023: dict[str, Any]) -> bytes:
    return word_docs.rearranged(plan_2023)


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder of a body's repository, with no plans/ yet."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def imported(folder: Path, data: bytes, name: str = "KẾ-HOẠCH.docx", *args: str,
             lang: str = "en") -> tuple[Any, Path]:  # fmt: skip
    source = folder / name
    source.write_bytes(data)
    return cchc("import-plan", str(source), *args, env={"CCHC_LANG": lang}), source


def validated(path: Path) -> tuple[Plan | None, list[Any]]:
    """The plan and every problem, as `cchc validate` finds them."""
    from cchc_cli.files.workspace import file_bytes, load

    return load(str(path), file_bytes(path), Plan)  # type: ignore[return-value]


# --- comparing two plans, task by task ------------------------------------------------------


def _printed(plan: Plan, row: Any, key: str) -> str:
    """What a Chủ trì or Phối hợp cell says: as printed, else the units' names."""
    kept = getattr(row, f"{key}_goc")
    return kept or ", ".join(plan.unit(m).ten for m in getattr(row, key))  # type: ignore[union-attr]


def _units_as(old: Plan, new: Plan, ids: list[str]) -> list[str | None]:
    """The new plan's units as the old plan's ids, found by any of their names."""
    out = []
    for ma in ids:
        unit = new.unit(ma)
        assert unit is not None
        out.append(
            next((r for n in (unit.ten, *unit.ten_khac) if (r := resolve_unit(old, n))), None)
        )
    return out


def row_differences(old: Plan, new: Plan, a: Any, b: Any) -> list[str]:
    found = [f for f in ("hoat_dong", "ket_qua", "thoi_han", "han", "kinh_phi")
             if getattr(a, f) != getattr(b, f)]  # fmt: skip
    for key in ("chu_tri", "phoi_hop"):
        if _printed(old, a, key) != _printed(new, b, key):
            found.append(f"{key} as printed")
        if _units_as(old, new, getattr(b, key)) != list(getattr(a, key)):
            found.append(f"{key} units")
    return found


def objectives(plan: Plan) -> dict[str, Any]:
    return {o.ma: o for part in plan.phu_luc.phan
            for o in (*part.muc_tieu, *(o for g in part.nhom for o in g.muc_tieu))}  # fmt: skip


def _figures(objective: Any) -> list[tuple[Any, ...]]:
    return [(f.so_sanh, f.gia_tri, f.gia_tri_den, f.don_vi, f.ung_voi) for f in objective.chi_so]


OFFICE_KEYS = {"ung_voi", "tinh_tu", "mau_so_tu", "ten_ngan", "moc"}


def _said(target: Any) -> dict[str, Any]:
    from cchc_cli.plan.model import Target

    return {k: getattr(target, k) for k in Target.model_fields if k not in OFFICE_KEYS}


def compare(old: Plan, new: Plan) -> dict[str, Any]:
    """How much of `old` comes back in `new`: identical tasks (id, words, activities,
    product, units, deadline, funding, further lines), objectives (id, number, words,
    tasks' ids), their figures, indicators and targets; and what differs."""
    differ: dict[str, list[str]] = {}
    new_tasks = {t.ma: t for _p, _o, t in new.tasks()}
    same_tasks = 0
    for _p, _o, task in old.tasks():
        other = new_tasks.get(task.ma)
        if other is None:
            differ[task.ma] = ["missing"]
            continue
        found = row_differences(old, new, task, other)
        if task.nhiem_vu != other.nhiem_vu:
            found.append("nhiem_vu")
        if len(task.dong_tiep) != len(other.dong_tiep):
            found.append("dong_tiep")
        else:
            for a, b in zip(task.dong_tiep, other.dong_tiep, strict=True):
                found += [f"dong_tiep {f}" for f in row_differences(old, new, a, b)]
        if found:
            differ[task.ma] = found
        else:
            same_tasks += 1
    old_obj, new_obj = objectives(old), objectives(new)
    same_obj = 0
    figures_differ, words_differ = [], []
    for ma, obj in old_obj.items():
        other = new_obj.get(ma)
        if other is not None and (obj.so, obj.noi_dung, [t.ma for t in obj.nhiem_vu]) == (
            other.so, other.noi_dung, [t.ma for t in other.nhiem_vu]
        ):  # fmt: skip
            same_obj += 1
        if other is None or _figures(obj) != _figures(other):
            figures_differ.append(ma)
        elif [f.trich for f in obj.chi_so] != [f.trich for f in other.chi_so]:
            words_differ.append(ma)
    old_ind = {i.ma: i for a in old.chi_tieu for i in a.chi_tieu}
    new_ind = {i.ma: i for a in new.chi_tieu for i in a.chi_tieu}
    new_targets = {t.ma: t for _a, _i, t in new.targets()}
    return {
        "tasks": (same_tasks, len(list(old.tasks())), len(new_tasks)),
        "objectives": (same_obj, len(old_obj), len(new_obj)),
        "objective figures": (len(old_obj) - len(figures_differ), figures_differ),
        "figure words": words_differ,
        "indicators": sum(
            1
            for ma, i in old_ind.items()
            if ma in new_ind
            and (i.noi_dung, i.gach_dau_dong) == (new_ind[ma].noi_dung, new_ind[ma].gach_dau_dong)
        ),  # fmt: skip
        # what the document says of a target; the links, formulas, short names and interim
        # targets an office adds to its plan (ung_voi, tinh_tu, ten_ngan, moc) are not in it
        # what the document says of a target; the links, formulas, short names and interim
        # targets an office adds to its plan (ung_voi, tinh_tu, ten_ngan, moc) are not in it
        "targets": sum(
            1
            for _a, _i, t in old.targets()
            if t.ma in new_targets and _said(new_targets[t.ma]) == _said(t)
        ),
        "differ": differ,
    }


# --- the round trip -------------------------------------------------------------------------


def test_the_2023_plan_comes_back_from_its_word_document(office: Path, issued: bytes) -> None:
    r, _ = imported(office, issued)
    assert r.code == 0, r.all
    draft = office / "plans" / "2023.yaml"
    assert r.out.strip() == (
        f"Wrote the draft {Path('plans') / '2023.yaml'} from {office / 'KẾ-HOẠCH.docx'}: 7 part(s), "
        "33 objective(s), 38 task(s), 12 unit(s), 26 indicator(s) (25 target(s))"
    )
    old = Plan.model_validate(plan_data(PLAN))
    new, problems = validated(draft)
    assert new is not None
    figures = compare(old, new)
    assert figures["differ"] == {}
    assert figures["tasks"] == (38, 38, 38)
    assert figures["objectives"] == (33, 33, 33)
    # Each objective's figures, with the section II target it restates, but one: 7.2.2's
    # words are too far from CT3.4's for cchc to link them. The words of two figures were
    # cut closer by hand in the 2023 plan ("ít nhất 04 phòng …", "đạt tỷ lệ …").
    assert figures["objective figures"] == (32, ["7.2.2"])
    assert figures["figure words"] == ["I.4", "III.1"]
    assert (figures["indicators"], figures["targets"]) == (26, 25)
    # The header, legal bases, footnotes, signer, recipients and sections come back whole.
    for key in ("van_ban", "muc_dich_yeu_cau", "giai_phap", "nhiem_vu_trong_tam", "kinh_phi",
                "to_chuc_thuc_hien"):  # fmt: skip
        assert getattr(new, key) == getattr(old, key), key
    assert [t.ma for _a, _i, t in new.targets()] == [t.ma for _a, _i, t in old.targets()]
    assert (new.phu_luc.tieu_de, new.phu_luc.ghi_chu) == (old.phu_luc.tieu_de, old.phu_luc.ghi_chu)
    assert [(p.so, p.linh_vuc, p.tieu_de, [(g.so, g.tieu_de) for g in p.nhom])
            for p in new.phu_luc.phan] == [
        (p.so, p.linh_vuc, p.tieu_de, [(g.so, g.tieu_de) for g in p.nhom]) for p in old.phu_luc.phan
    ]  # fmt: skip
    assert new.cai_dat.kinh_gui == old.cai_dat.kinh_gui and new.cai_dat.don_vi_luu == "VP"
    # Units: ids made as the 2023 plan makes them; three of its hand-made ids differ, and
    # "đơn vị trực thuộc" stays a unit of its own until the officer joins it to DVTS.
    ids = [u.ma for u in new.don_vi]
    assert ids == ["VP", "PCM", "TTRA", "PQPPL", "DVLQ", "PBPLQ", "HDPHPBGDPL", "BPMC", "TTAM",
                   "DVTT", "DVTS", "BCDISO"]  # fmt: skip
    assert len(set(ids) & {u.ma for u in old.don_vi}) == 8
    assert [u.ma for u in new.don_vi if u.tap_the] == ["PCM", "PQPPL", "DVLQ", "PBPLQ"]
    # It validates, with the 2023 plan's own warnings: two targets restated with another
    # value, one deadline set by another plan.
    _, warnings_2023 = validated(PLAN)
    assert [p.severity for p in problems] == ["warning"] * 3
    assert [(p.code, dict(p.args).get("objective"), dict(p.args).get("task")) for p in problems] == [
        (p.code, dict(p.args).get("objective"), dict(p.args).get("task")) for p in warnings_2023
        if p.source.path == str(PLAN)
    ]  # fmt: skip
    # In `cchc fmt`'s layout, with the comment at the top and one note (the addressee).
    assert cchc("fmt", "--check", str(draft)).code == 0
    text = draft.read_text(encoding="utf-8")
    assert text.startswith(
        "# DRAFT of the 2023 CCHC plan, read by `cchc import-plan` from the Word file KẾ-HOẠCH.docx."
    )
    assert r.err.splitlines()[:2] == [
        "cchc: note: 1 place(s) to fill in or check (comments in the file):",
        f"{Path('plans') / '2023.yaml'}:{_line(text, 'kinh_gui:') - 1}: TO CHECK: the addressee of "
        "CCHC reports, inferred by cchc from the parent body",
    ]


def _line(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.strip().startswith(start))


def _data_without_comments(path: Path) -> dict[str, Any]:
    return plan_data(path)


def test_a_plan_laid_out_otherwise_reads_the_same(
    office: Path, issued: bytes, rearranged: bytes
) -> None:
    """Word's numbering for headings and bullets, the header in a 2×2 table, other column
    words in another order under a two-row heading, a row of column numbers, an extra
    column, TT, Mục tiêu and Nhiệm vụ merged down: the same plan, and the extra column
    named."""
    r, _ = imported(office, rearranged, "other.docx")
    assert r.code == 0, r.all
    first = office / "plans" / "2023.yaml"
    assert imported(office, issued, "issued.docx", "-o", "issued.yaml")[0].code == 0
    assert plan_data(first) == plan_data(office / "issued.yaml")
    text = first.read_text(encoding="utf-8")
    assert "# TO CHECK: the appendix's column “Ghi chú” was not read" in text.split("\nnam:")[0]
    assert "TO CHECK: the appendix's column “Ghi chú” was not read" in r.err


@pytest.mark.parametrize("layout", ["issued", "rearranged"])
def test_an_appendix_in_two_tables_is_one_appendix(
    office: Path, plan_2023: dict[str, Any], layout: str
) -> None:
    """A table broken in two (after a blank line; the heading repeated, or not) goes on."""
    data = getattr(word_docs, layout)(plan_2023, split_at="IV")
    assert imported(office, data)[0].code == 0
    whole = Plan.model_validate(plan_data(office / "plans" / "2023.yaml"))
    assert compare(Plan.model_validate(plan_data(PLAN)), whole)["tasks"] == (38, 38, 38)


# --- what cannot be read --------------------------------------------------------------------

HEADINGS = ["TT", "Mục tiêu", "Nhiệm vụ", "Hoạt động", "Kết quả", "Chủ trì", "Phối hợp",
            "Thời gian hoàn thành", "Kinh phí"]  # fmt: skip


def bare_document(
    rows: list[list[str]], *, title: str = "Cải cách hành chính năm 2024",
    headings: list[str] = HEADINGS,
) -> bytes:  # fmt: skip
    """A title and an appendix table, nothing else: no header, sections, signer."""
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(title)
    table = document.add_table(rows=1 + len(rows), cols=len(headings))
    for r, values in enumerate([headings, *rows]):
        for c, text in enumerate(values):
            lines = text.split("\n")
            cell = table.rows[r].cells[c]
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


UNREADABLE = [
    ["I", "CHỈ ĐẠO ĐIỀU HÀNH", "", "", "", "", "", "", ""],
    ["1", "Mục tiêu một", "Nhiệm vụ không có hạn", "- Việc a", "Kế hoạch", "Văn phòng", "", "", ""],
    ["", "", "Nhiệm vụ có hạn lạ", "", "", "Văn phòng", "", "Sau khi có hướng dẫn", ""],
    ["", "", "", "- Việc tiếp theo", "", "", "", "", ""],
    ["", nfd("Mục  tiêu\u00a0không\u200b số\u202e"), "Nhiệm vụ không chủ trì", "", "", "",
     "Văn phòng", "Quý II/2024", ""],
    ["", "và phần còn lại của mục tiêu", "", "", "", "", "", "", ""],
]  # fmt: skip


def test_what_cannot_be_read_is_marked_where_it_stands(office: Path) -> None:
    r, _ = imported(office, bare_document(UNREADABLE), lang="vi")
    assert r.code == 1, r.all
    draft = office / "plans" / "2024.yaml"
    text = draft.read_text(encoding="utf-8")
    lines = text.split("\n")
    new, problems = validated(draft)
    errors = [p for p in problems if p.severity == "error"]
    # Every error stands right under a comment saying what to fill in or check.
    # (the deadline that cannot be read is checked by validate once the schema's errors are
    # mended; its comment is there already)
    assert len(errors) == 11
    for p in errors:
        assert lines[p.source.line - 2].lstrip().startswith(("# CẦN ĐIỀN:", "# KIỂM TRA:")), p
    assert {p.code for p in errors} == {"schema"}
    # The comments, as the command lists them, with their lines.
    listed = [ln for ln in r.err.splitlines() if ln.startswith(f"{Path('plans') / '2024.yaml'}:")]
    notes = [ln for ln in listed if re.match(r"^\S+:\d+: (CẦN ĐIỀN|KIỂM TRA):", ln)]
    for note in notes:
        path, line, said = note.split(":", 2)
        assert lines[int(line) - 1].strip() == f"# {said.strip()}"
    said = "\n".join(notes)
    for expected in (
        "CẦN ĐIỀN: cơ quan chủ quản",
        "CẦN ĐIỀN: cơ quan ban hành",
        "CẦN ĐIỀN: địa danh trước ngày ban hành",
        "KIỂM TRA: không đọc được dòng “…, ngày … tháng … năm …”",
        "CẦN ĐIỀN: chức vụ người ký",
        "CẦN ĐIỀN: mục I (mục đích, yêu cầu) không tìm thấy trong văn bản",
        "CẦN ĐIỀN: tiêu đề của phụ lục",
        "CẦN ĐIỀN: thời gian hoàn thành: ô trống (dòng 3 của bảng phụ lục); ví dụ “Quý II/2024”",
        "KIỂM TRA: cchc không hiểu thời hạn “Sau khi có hướng dẫn” (dòng 4 của bảng phụ lục)",
        "KIỂM TRA: dòng sau (dòng 5 của bảng phụ lục) chỉ có chữ ở cột Hoạt động, đã được "
        "nối vào dòng này",
        "KIỂM TRA: ô TT để trống: số thứ tự này do cchc đặt (dòng 6 của bảng phụ lục)",
        "KIỂM TRA: ô Chủ trì trống (dòng 6 của bảng phụ lục)",
        "KIỂM TRA: đã bỏ 1 ký tự điều khiển hoặc đảo chiều chữ khỏi văn bản",
        "KIỂM TRA: dòng sau (dòng 7 của bảng phụ lục) chỉ có chữ ở cột Mục tiêu, đã được nối vào "
        "mục tiêu này",
    ):
        assert expected in said, expected
    assert r.err.rstrip().endswith(
        "cchc: lỗi: bản nháp còn 11 lỗi nêu trên: sửa ở các dòng có ghi chú rồi chạy `cchc validate`"
    )
    data = plan_data(draft)
    objectives_ = data["phu_luc"]["phan"][0]["muc_tieu"]
    assert [o["ma"] for o in objectives_] == ["I.1", "I.2"]
    # Text as printed, NFC, blanks and zero-width and direction characters gone.
    assert objectives_[1]["noi_dung"] == "Mục tiêu không số\nvà phần còn lại của mục tiêu"
    tasks = objectives_[0]["nhiem_vu"]
    assert [t["ma"] for t in tasks] == ["I.1.a", "I.1.b"]
    assert tasks[1]["hoat_dong"] == ["- Việc tiếp theo"]
    assert tasks[1]["thoi_han"] == "Sau khi có hướng dẫn" and tasks[0]["thoi_han"] == ""
    assert objectives_[1]["nhiem_vu"][0]["chu_tri"] == []
    assert data["don_vi"] == [{"ma": "VP", "ten": "Văn phòng"}]


def test_the_draft_speaks_english_when_asked(office: Path) -> None:
    r, _ = imported(office, bare_document(UNREADABLE[:2]), lang="en")
    text = (office / "plans" / "2024.yaml").read_text(encoding="utf-8")
    assert text.startswith("# DRAFT of the 2024 CCHC plan")
    assert "# TO FILL IN: the deadline: the cell is blank (row 3 of the appendix table)" in text
    assert "CẦN ĐIỀN" not in text and r.code == 1
    # A column the table does not have is named once, at the top.
    without = [h for h in HEADINGS if h not in ("Thời gian hoàn thành", "Kinh phí")]
    r, _ = imported(office, bare_document([row[:7] for row in UNREADABLE[:2]], headings=without),
                    "b.docx", "-o", "b.yaml")  # fmt: skip
    top = (office / "b.yaml").read_text(encoding="utf-8").split("\nnam:")[0]
    assert ("# TO CHECK: the appendix has no column Thời gian hoàn thành, Kinh phí: what it holds "
            "is to be filled in by hand") in top  # fmt: skip


# --- hostile files ---------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def package(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in {"[Content_Types].xml": TYPES, **parts}.items():
            z.writestr(name, data)
    return out.getvalue()


def body(xml: str, head: str = "") -> bytes:
    return f'<?xml version="1.0"?>{head}<w:document xmlns:w="{W}"><w:body>{xml}</w:body></w:document>'.encode()


def encrypted(data: bytes, name: str) -> bytes:
    """The package with `name` marked as encrypted in the zip's directory."""
    entry = data.index(b"PK\x01\x02")  # the first entry of the central directory
    while data[entry + 46 : entry + 46 + len(name)] != name.encode():
        entry = data.index(b"PK\x01\x02", entry + 4)
    flags = int.from_bytes(data[entry + 8 : entry + 10], "little") | 1
    return data[: entry + 8] + flags.to_bytes(2, "little") + data[entry + 10 :]


LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
)
HOSTILE = {
    "not a zip": (b"This is not a Word document.\n", "not a Word .docx document"),
    "an old .doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an old Word file (.doc)"),
    "no body": (package({"word/styles.xml": b"<x/>"}), "not a Word .docx document"),
    "entities": (package({"word/document.xml": body("<w:p><w:r><w:t>&d;</w:t></w:r></w:p>", LAUGHS)}),
                 "the part word/document.xml declares a DTD or XML entities"),
    "an external entity": (
        package({"word/document.xml": body(
            "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>",
            '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        )}),
        "the part word/document.xml declares a DTD or XML entities",
    ),
    "a DTD in the styles": (
        package({"word/document.xml": body(""), "word/styles.xml": b'<!DOCTYPE s SYSTEM "x"><s/>'}),
        "the part word/styles.xml declares a DTD or XML entities",
    ),
    "broken XML": (package({"word/document.xml": b"<w:document><w:body>"}),
                   "the part word/document.xml is broken and cannot be read (malformed XML at "
                   "line 1, column 1)"),
    "a huge part": (package({"word/document.xml": b" " * (30 * 1024 * 1024 + 1)}),
                    "the part word/document.xml, unpacked, is over 31,457,280 bytes"),
    "a part that expands a hundredfold": (package({"word/document.xml": b"a" * (2 << 20)}),
                                          "the part word/document.xml, unpacked, is over"),
    "an encrypted part": (
        encrypted(package({"word/document.xml": body("")}), "word/document.xml"),
        "not a Word .docx document",
    ),
    "too many parts": (package({f"word/media/{i}.png": b"" for i in range(2001)}),
                       "the Word file has 2,002 parts, more than 2,000"),
    "no table": (package({"word/document.xml": body("<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>")}),
                 "no appendix table found"),
    "deeply nested": (
        package({"word/document.xml": body("<w:sdt><w:sdtContent>" * 5000
                                           + "</w:sdtContent></w:sdt>" * 5000)}),
        "no appendix table found",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_is_refused_in_one_line(office: Path, case: str) -> None:
    data, said = HOSTILE[case]
    r, source = imported(office, data, "mail.docx")
    assert r.code == 2, r.all
    assert r.err.strip() == f"cchc: error: {source}: {said}" or (
        r.err.startswith(f"cchc: error: {source}: {said}") and len(r.err.splitlines()) == 1
    ), r.err
    assert not (office / "plans").exists()


def test_a_file_over_the_size_limit_is_not_read(office: Path) -> None:
    r, source = imported(office, os.urandom(20 * 1024 * 1024 + 1), "big.docx")
    assert (r.code, r.err) == (2, f"cchc: error: {source}: the Word file is over "
                                  "20,971,520 bytes; not read\n")  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
@pytest.mark.parametrize("kind", ["link", "fifo", "folder"])
def test_what_is_not_a_file_is_not_read(office: Path, issued: bytes, kind: str) -> None:
    real = office / "real.docx"
    real.write_bytes(issued)
    where = office / "mail.docx"
    if kind == "link":
        where.symlink_to(real)
    elif kind == "fifo":
        os.mkfifo(where)
    else:
        where.mkdir()
    r = cchc("import-plan", str(where))
    words_ = {
        "link": "is a symbolic link",
        "fifo": "is a FIFO (named pipe)",
        "folder": "is a folder",
    }
    assert (r.code, r.err) == (2, f"cchc: error: {where}: {words_[kind]}, not a document file; "
                                  "it is not read\n")  # fmt: skip
    assert not (office / "plans").exists()


def test_a_file_name_cannot_break_out_of_the_draft_comment(office: Path) -> None:
    name = "kế hoạch\nnam: 1999\u202e.docx"
    r, _ = imported(office, bare_document(UNREADABLE[:2]), name)
    text = (office / "plans" / "2024.yaml").read_text(encoding="utf-8")
    assert text.split("\n")[0] == (
        "# DRAFT of the 2024 CCHC plan, read by `cchc import-plan` from the Word file "
        "kế hoạch nam: 1999\\u202e.docx."
    )
    assert plan_data(office / "plans" / "2024.yaml")["nam"] == 2024
    assert "\u202e" not in r.all


# --- where the draft goes --------------------------------------------------------------------


def test_an_existing_plan_is_never_overwritten_unless_forced(office: Path) -> None:
    data = bare_document(UNREADABLE[:2])
    (office / "plans").mkdir()
    kept = office / "plans" / "2024.yaml"
    kept.write_text("nam: 2024\n", encoding="utf-8")
    r, _ = imported(office, data)
    assert (r.code, r.err) == (2, f"cchc: error: {Path('plans') / '2024.yaml'} exists; cchc "
                                  "import-plan does not overwrite it (add --force to replace it)\n")  # fmt: skip
    assert kept.read_text(encoding="utf-8") == "nam: 2024\n"
    assert imported(office, data, "a.docx", "--force")[0].code == 1  # written, with its errors
    assert plan_data(kept)["phu_luc"]["phan"][0]["so"] == "I"
    elsewhere = office / "secret.txt"
    elsewhere.write_text("mine", encoding="utf-8")
    kept.unlink()
    kept.symlink_to(elsewhere)
    r, _ = imported(office, data, "b.docx", "--force")
    assert r.code == 1 and "is a symbolic link" in r.err
    assert elsewhere.read_text(encoding="utf-8") == "mine"


def test_output_names_and_the_year(office: Path) -> None:
    data = bare_document(UNREADABLE[:2])
    for wrong in ("notes.txt", "plans/2024.progress.yaml"):
        r, _ = imported(office, data, "a.docx", "-o", wrong)
        assert (r.code, r.err) == (2, f"cchc: error: the output must be a .yaml plan file, not "
                                      f"{Path(wrong)}\n")  # fmt: skip
    r, _ = imported(office, data, "a.docx", "-o", "new/folder/draft.yaml")
    assert r.code == 1 and (office / "new" / "folder" / "draft.yaml").is_file()
    undated = bare_document(UNREADABLE[:2], title="Cải cách hành chính")
    r, source = imported(office, undated, "b.docx")
    assert (r.code, r.err) == (2, f"cchc: error: {source}: the plan's year cannot be read; give "
                                  "--year YEAR\n")  # fmt: skip
    r, _ = imported(office, undated, "b.docx", "--year", "2025")
    assert r.code == 1 and plan_data(office / "plans" / "2025.yaml")["nam"] == 2025


# --- any table at all --------------------------------------------------------------------------

_TEXTS = st.sampled_from(
    ["", "I", "VII", "7.1", "1", "2", "II. CẢI CÁCH", "Văn phòng, các phòng chuyên môn",
     "Các phòng, bộ phận liên quan", "Quý II/2023", "Thường xuyên", "Sau hướng dẫn",
     "- Việc a\n- Việc b", "Tối thiểu 70% hồ sơ; 01-02 sáng kiến", "(1)", "x\u202ey",
     "Mục tiêu: “a”, 'b' # c", "- ", "&<>", "0" * 30, "Nhiệm vụ\n\nhai dòng"]
)  # fmt: skip
_CELL = st.tuples(_TEXTS, st.integers(1, 3), st.sampled_from([None, "restart", "continue"]))


def _cell_xml(text: str, span: int, merge: str | None) -> str:
    from xml.sax.saxutils import escape

    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        "" if merge is None else f'<w:vMerge w:val="{merge}"/>'
    )
    paragraphs = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in text.split("\n"))
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(_CELL, min_size=1, max_size=10), max_size=12))
def test_any_table_gives_a_draft_that_reads_or_a_clear_refusal(rows: list[Any]) -> None:
    from cchc_cli.errors import UsageError
    from cchc_cli.files.draft_plan import draft_plan, render
    from cchc_cli.files.reader import READ_CODES
    from cchc_cli.files.word import parse_docx
    from cchc_cli.files.workspace import load_text

    header = "".join(_cell_xml(h, 1, None) for h in HEADINGS)
    table = "<w:tbl><w:tr>" + header + "</w:tr>" + "".join(
        "<w:tr>" + "".join(_cell_xml(*c) for c in row) + "</w:tr>" for row in rows
    ) + "</w:tbl>"  # fmt: skip
    title = "<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:p><w:r><w:t>Năm 2023</w:t></w:r></w:p>"
    data = package({"word/document.xml": body(title + table)})
    try:
        draft = draft_plan(parse_docx(data, "x.docx"))
    except UsageError:
        return
    text, notes = render(draft, "x.docx", Path("plans/2023.yaml"))
    _, problems = load_text("plans/2023.yaml", text, Plan)
    assert not [p for p in problems if p.code in READ_CODES]
    assert all(text.split("\n")[n - 1].strip() == f"# {said}" for n, said in notes)


def test_a_deadline_cchc_cannot_read_is_the_one_error_of_an_otherwise_whole_plan(
    office: Path, plan_2023: dict[str, Any]
) -> None:
    import copy

    plan = copy.deepcopy(plan_2023)
    task = plan["phu_luc"]["phan"][0]["muc_tieu"][1]["nhiem_vu"][0]  # I.2
    task["thoi_han"] = "Sau khi có hướng dẫn của tỉnh"
    r, _ = imported(office, word_docs.issued(plan))
    assert r.code == 1, r.all
    draft = office / "plans" / "2023.yaml"
    _, problems = validated(draft)
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.code, p.excerpt.strip()) for p in errors] == [  # type: ignore[union-attr]
        ("deadline", "thoi_han: Sau khi có hướng dẫn của tỉnh")
    ]
    lines = draft.read_text(encoding="utf-8").split("\n")
    assert (
        lines[errors[0].source.line - 2]
        .strip()
        .startswith(
            "# TO CHECK: cchc cannot read the deadline “Sau khi có hướng dẫn của tỉnh” (row 8 of the "
            "appendix table): write it like “Quý II/2023”"
        )
    )
    assert "cchc: error: the draft has 1 error(s), listed above" in r.err
