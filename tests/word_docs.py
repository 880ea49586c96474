"""Word documents of a plan for `cchc import-plan`'s tests, built with python-docx.

`issued(plan)` lays a plan out as the issued 2023 document is laid out: the header in a
borderless table, the sections as paragraphs with "- " bullets, real footnotes, the
recipients and the signer side by side, then the appendix table (TT | Mục tiêu | Nhiệm
vụ trọng tâm | Hoạt động | Kết quả/sản phẩm | Chủ trì | Phối hợp | Thời gian hoàn thành |
Kinh phí) with each part's title across the row. `rearranged(plan)` lays the same plan
out otherwise: Word's own numbering for the section headings and bullets, the header in
two rows, other header words in another column order under a two-row heading, a column
of numbers, an extra column, and the TT and Mục tiêu cells merged down an objective's
tasks (Nhiệm vụ down a task's further lines, and Chủ trì, Phối hợp and Kinh phí down
rows of an objective that repeat them), as Word merges them.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
ISSUED_COLUMNS = (
    "TT", "Mục tiêu", "Nhiệm vụ trọng tâm", "Hoạt động", "Kết quả/ sản phẩm", "Chủ trì",
    "Phối hợp", "Thời gian hoàn thành", "Kinh phí",
)  # fmt: skip
SECTION_TITLES = {"chi_tieu": "CÁC CHỈ TIÊU CHỦ YẾU", "giai_phap": "NHIỆM VỤ VÀ GIẢI PHÁP"}


def unit_cell(plan: dict[str, Any], row: dict[str, Any], key: str) -> str:
    """What a Chủ trì or Phối hợp cell prints: the text kept as printed, else the names."""
    if row.get(f"{key}_goc"):
        return str(row[f"{key}_goc"])
    names = {u["ma"]: u["ten"] for u in plan["don_vi"]}
    return ", ".join(names[m] for m in row.get(key) or [])


def _date_line(doc: dict[str, Any]) -> str:
    day = doc["ngay_ban_hanh"]
    d = f"{day['ngay']:02d}" if day.get("ngay") else ""
    m = day.get("thang")
    month = (f"{m:02d}" if m <= 2 else str(m)) if m else ""
    return f"{doc['dia_danh']}, ngày {d} tháng {month} năm {day['nam']}"


class _Builder:
    def __init__(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        self.doc = docx.Document()
        self.notes: list[str] = []  # footnote texts, in the order their marks appear

    # text with footnote marks (¹, ²) made real footnote references
    def para(self, text: str, container: Any = None, style: str | None = None) -> Any:
        target = container if container is not None else self.doc
        p = target.add_paragraph(style=style) if style else target.add_paragraph()
        self.fill(p, text)
        return p

    def fill(self, p: Any, text: str) -> None:
        for piece in re.split(f"([{SUPERSCRIPTS}])", text):
            if piece and piece in SUPERSCRIPTS:
                number = SUPERSCRIPTS.index(piece) + 1
                self.notes.append(self.footnote_text(number))
                run = p.add_run()
                ref = OxmlElement("w:footnoteReference")
                ref.set(qn("w:id"), str(len(self.notes)))
                rpr = OxmlElement("w:rPr")
                va = OxmlElement("w:vertAlign")
                va.set(qn("w:val"), "superscript")
                rpr.append(va)
                run._r.append(rpr)
                run._r.append(ref)
            elif piece:
                p.add_run(piece)

    def footnote_text(self, number: int) -> str:
        for note in self.plan["van_ban"].get("chu_thich") or []:
            if note["so"] == number:
                return str(note["noi_dung"])
        raise AssertionError(f"no footnote {number}")

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return with_footnotes(out.getvalue(), self.notes) if self.notes else out.getvalue()


def with_footnotes(data: bytes, notes: list[str]) -> bytes:
    """The package with a footnotes part holding `notes` (ids 1, 2, …), which python-docx
    cannot write."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
        "</w:p></w:footnote>"
        for i, text in enumerate(notes, 1)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:footnote>{body}</w:footnotes>"
    )
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            dst.writestr(item, content)
        dst.writestr("word/footnotes.xml", xml)
    return out.getvalue()


def _body(b: _Builder, *, numbered: bool) -> None:
    """Title, legal bases, sections I-VI, recipients and signer."""
    plan, doc = b.plan, b.plan["van_ban"]
    b.para(doc["ten_loai"])
    b.para(doc["trich_yeu"])
    b.para("")
    if doc.get("can_cu"):
        for line in doc["can_cu"].split("\n"):
            b.para(line)

    def heading(roman: str, title: str) -> None:
        if numbered:
            b.para(title, style="Heading 1")
        else:
            b.para(f"{roman}. {title}")

    def bullet(text: str) -> None:
        if numbered:
            b.para(text, style="List Bullet")
        else:
            b.para(f"- {text}")

    def sub(number: str, title: str) -> None:
        b.para(f"{number}. {title}")

    section = plan["muc_dich_yeu_cau"]
    heading("I", section["tieu_de"])
    for text in section["doan"]:
        bullet(text)
    heading("II", SECTION_TITLES["chi_tieu"])
    for area in plan["chi_tieu"]:
        sub(str(area["linh_vuc"]), area["tieu_de"])
        for ind in area["chi_tieu"]:
            if ind.get("gach_dau_dong", True):
                bullet(ind["noi_dung"])
            else:
                b.para(ind["noi_dung"])
    heading("III", SECTION_TITLES["giai_phap"])
    for area in plan["giai_phap"]:
        sub(str(area["linh_vuc"]), area["tieu_de"])
        if area.get("mo_dau"):
            b.para(area["mo_dau"])
        for text in area.get("noi_dung") or []:
            bullet(text)
        for group in area.get("muc_con") or []:
            sub(group["so"], group["tieu_de"])
            if group.get("mo_dau"):
                b.para(group["mo_dau"])
            for text in group.get("noi_dung") or []:
                bullet(text)
    for roman, key in (
        ("IV", "nhiem_vu_trong_tam"),
        ("V", "kinh_phi"),
        ("VI", "to_chuc_thuc_hien"),
    ):
        heading(roman, plan[key]["tieu_de"])
        for text in plan[key]["doan"]:
            b.para(text)
    # recipients (left) and signer (right), in a borderless table
    table = b.doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    for line in doc.get("noi_nhan") or []:
        left.add_paragraph(f"- {line}")
    signer = doc["nguoi_ky"]
    lines = [signer.get("quyen_han"), signer["chuc_vu"], "", "", signer.get("ho_ten")]
    right.paragraphs[0].text = lines[0] or lines[1]
    for line in lines[1 if lines[0] else 2 :]:
        right.add_paragraph(line or "")


def issued(plan: dict[str, Any], *, split_at: str | None = None) -> bytes:
    """The plan laid out as the issued 2023 document is (its appendix in two tables from
    the part `split_at` on, if given)."""
    b = _Builder(plan)
    doc = plan["van_ban"]
    top = b.doc.add_table(rows=1, cols=2)
    left, right = top.rows[0].cells
    left.paragraphs[0].text = doc["co_quan_chu_quan"]
    left.add_paragraph(doc["co_quan_ban_hanh"])
    left.add_paragraph("_______")
    left.add_paragraph(f"Số: {doc.get('so') or ''}/{doc['ky_hieu_loai']}-{doc['ky_hieu_co_quan']}")
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph(_date_line(doc))
    _body(b, numbered=False)
    b.doc.add_page_break()
    b.para("Phụ lục")
    b.para(plan["phu_luc"]["tieu_de"])
    b.para(plan["phu_luc"].get("ghi_chu", ""))
    _appendix(b, ISSUED_COLUMNS, merged=False, split_at=split_at)
    return b.save()


REARRANGED_HEADER = (
    # (grid column's key, first header row, second header row)
    ("tt", "STT", None),
    ("muc_tieu", "Nội dung mục tiêu", None),
    ("nhiem_vu", "Nhiệm vụ", None),
    ("thoi_han", "Thời hạn hoàn thành", None),
    ("chu_tri", "Đơn vị thực hiện", "Đơn vị chủ trì"),
    ("phoi_hop", "Đơn vị thực hiện", "Đơn vị phối hợp"),
    ("hoat_dong", "Các hoạt động cụ thể", None),
    ("ket_qua", "Sản phẩm", None),
    ("kinh_phi", "Nguồn kinh phí", None),
    ("ghi_chu", "Ghi chú", None),
)


def rearranged(plan: dict[str, Any], *, split_at: str | None = None) -> bytes:
    """The plan laid out otherwise (see the module's docstring); its appendix in two tables
    from the part `split_at` on, the second without a heading, if given."""
    b = _Builder(plan)
    _number_headings(b.doc)
    doc = plan["van_ban"]
    top = b.doc.add_table(rows=2, cols=2)
    (a, c), (d, e) = top.rows[0].cells, top.rows[1].cells
    a.paragraphs[0].text = f"{doc['co_quan_chu_quan']}\n{doc['co_quan_ban_hanh']}"
    c.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    c.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    d.paragraphs[
        0
    ].text = f"Số: {doc.get('so') or ''} /{doc['ky_hieu_loai']}-{doc['ky_hieu_co_quan']}"
    e.paragraphs[0].text = _date_line(doc)
    _body(b, numbered=True)
    b.para("PHỤ LỤC")
    b.para(plan["phu_luc"]["tieu_de"])
    if plan["phu_luc"].get("ghi_chu"):
        b.para(plan["phu_luc"]["ghi_chu"])
    _appendix(b, REARRANGED_HEADER, merged=True, split_at=split_at)
    return b.save()


def _number_headings(document: Any) -> None:
    """Heading 1 numbered I., II., … by a numbering definition of its own (as Word does)."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "upperRoman"), ("w:lvlText", "%1.")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        lvl.append(el)
    abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    style = document.styles["Heading 1"].element
    style.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 90


def _fill_cell(cell: Any, text: str | list[str] | None) -> None:
    lines = text if isinstance(text, list) else (str(text).split("\n") if text else [])
    if not lines:
        return
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _row_values(plan: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    return {
        "hoat_dong": list(row.get("hoat_dong") or []),
        "ket_qua": row.get("ket_qua") or "",
        "chu_tri": unit_cell(plan, row, "chu_tri"),
        "phoi_hop": unit_cell(plan, row, "phoi_hop"),
        "thoi_han": row["thoi_han"],
        "kinh_phi": row.get("kinh_phi") or "",
    }


ISSUED_KEYS = ("tt", "muc_tieu", "nhiem_vu", "hoat_dong", "ket_qua", "chu_tri", "phoi_hop",
               "thoi_han", "kinh_phi")  # fmt: skip


def _lines(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The appendix's rows, as values by column key, before layout."""
    lines: list[dict[str, Any]] = []
    for part in plan["phu_luc"]["phan"]:
        lines.append({"heading": (part["so"], part["tieu_de"])})
        groups = [(None, part.get("muc_tieu") or [])]
        groups += [(g, g["muc_tieu"]) for g in part.get("nhom") or []]
        for group, objectives in groups:
            if group is not None:
                lines.append({"heading": (group["so"], group["tieu_de"])})
            for obj in objectives:
                first_of_objective = True
                for task in obj["nhiem_vu"]:
                    for i, row in enumerate([task, *(task.get("dong_tiep") or [])]):
                        values = _row_values(plan, row)
                        values["tt"] = obj["so"] if first_of_objective else ""
                        values["muc_tieu"] = obj["noi_dung"] if first_of_objective else ""
                        values["nhiem_vu"] = task["nhiem_vu"] if i == 0 else ""
                        values["first_of_objective"] = first_of_objective
                        values["first_of_task"] = i == 0
                        values["ghi_chu"] = ""
                        lines.append(values)
                        first_of_objective = False
    return lines


def _appendix(b: _Builder, header: Any, *, merged: bool, split_at: str | None = None) -> None:
    """The appendix table; with `split_at` (a part's numeral), two tables, the second from
    that part on, after an empty paragraph (with the heading again in the issued layout)."""
    if merged:
        keys = [k for k, _, _ in header]
        heads: list[tuple[str, ...]] = [tuple(h for _, h, _ in header),
                                        tuple(s or "" for _, _, s in header)]  # fmt: skip
    else:
        keys = list(ISSUED_KEYS)
        heads = [tuple(header)]
    lines = _lines(b.plan)
    cut = next((i for i, v in enumerate(lines) if v.get("heading", ("",))[0] == split_at), None)
    if cut is None:
        _table(b, keys, heads, lines, merged=merged)
    else:
        _table(b, keys, heads, lines[:cut], merged=merged)
        b.doc.add_paragraph()
        _table(b, keys, [] if merged else heads, lines[cut:], merged=merged)


def _table(
    b: _Builder, keys: list[str], heads: list[tuple[str, ...]], lines: list[dict[str, Any]],
    *, merged: bool,
) -> None:  # fmt: skip
    numbered = merged and bool(heads)  # the rearranged heading has a row of column numbers
    table = b.doc.add_table(rows=len(heads) + numbered + len(lines), cols=len(keys))
    table.style = "Table Grid"
    grid = [list(row.cells) for row in table.rows]  # table.cell() walks the whole table

    def cell(r: int, c: int) -> Any:
        return grid[r][c]

    for r, head in enumerate(heads):
        for c, text in enumerate(head):
            cell(r, c).paragraphs[0].text = text
    if numbered:  # the two-row heading: single headings merged down, "Đơn vị thực hiện" across
        for c in range(len(keys)):
            if not heads[1][c]:
                cell(0, c).merge(cell(1, c))
        cu, ph = keys.index("chu_tri"), keys.index("phoi_hop")
        top = cell(0, cu).merge(cell(0, ph))
        top.paragraphs[0].text = "Đơn vị thực hiện"
        for p in top.paragraphs[1:]:
            p._p.getparent().remove(p._p)
        for c in range(len(keys)):  # a row of column numbers: (1), (2), …
            cell(2, c).paragraphs[0].text = f"({c + 1})"
    start = len(heads) + numbered
    runs: dict[str, int] = {}  # key → the row where a merged run of cells began
    previous: dict[str, Any] = {}
    for r, values in enumerate(lines, start):
        if "heading" in values:
            so, title = values["heading"]
            cell(r, 0).paragraphs[0].text = so
            across = cell(r, 1).merge(cell(r, len(keys) - 1))
            across.paragraphs[0].text = title
            for p in across.paragraphs[1:]:
                p._p.getparent().remove(p._p)
            runs.clear()
            continue
        for c, key in enumerate(keys):
            value = values.get(key)
            if merged and key in ("chu_tri", "phoi_hop", "kinh_phi"):
                # a unit or funding cell the same as the one above (in one objective) is
                # merged with it, as a person lays such a table out
                if not values["first_of_objective"] and value == previous.get(key):
                    cell(runs[key], c).merge(cell(r, c))
                    continue
                runs[key] = r
                _fill_cell(cell(r, c), value)
                continue
            if merged and key in ("tt", "muc_tieu", "nhiem_vu"):
                starts = (
                    values["first_of_objective"] if key != "nhiem_vu" else values["first_of_task"]
                )
                if starts:
                    runs[key] = r
                    _fill_cell(cell(r, c), value)
                else:
                    cell(runs[key], c).merge(cell(r, c))
                continue
            _fill_cell(cell(r, c), value)
        previous = values
