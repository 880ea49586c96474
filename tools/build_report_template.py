"""Build cchc_cli/views/templates/report.docx, the Word template of the CCHC report.

    python tools/build_report_template.py [OUTPUT]

The template is generated so that it is reproducible and reviewable, and it is
committed so that the office can open it in Word or LibreOffice, restyle it and
reword it without touching Python. `cchc report` fills its Jinja tags (docxtpl:
`{{ field }}`, `{%p ... %}` for whole paragraphs, `{%tr ... %}` for table rows)
from the view model that `cchc_cli/report.py` documents.

Layout follows Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait, margins top 20,
bottom 20, left 30, right 15 mm; Times New Roman; header block as a borderless
two-column table; page numbers centred in the top margin from page 2 on; the
annex (Phụ lục) in a landscape A4 section.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
OUTPUT = Path(__file__).resolve().parent.parent / "cchc_cli" / "views" / "templates" / "report.docx"

# Page geometry (mm)
A4_SHORT, A4_LONG = 210, 297
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20, 20, 30, 15
HEADER_DISTANCE = 10
PORTRAIT_TEXT = A4_SHORT - MARGIN_LEFT - MARGIN_RIGHT  # 165
LANDSCAPE_TEXT = A4_LONG - MARGIN_LEFT - MARGIN_RIGHT  # 252

# The width of "Độc lập - Tự do - Hạnh phúc" in Times New Roman Bold 14 pt: the rule under
# the motto is as long as the line (Nghị định 30/2020, Phụ lục I). Computed from the font's
# advance widths (Word does not kern by default): 25,071 units of 2,048 a 14 pt em = 171.4 pt
# = 60.46 mm. Liberation Serif 2, which LibreOffice uses for Times New Roman, has the same
# widths and the Vietnamese letters; Liberation Serif 1 lacks those letters, so a machine
# that has only it lays the motto out in a fallback font (63.3 mm with DejaVu Serif).
MOTTO_MM = 60.5

BODY_PT = 14
TABLE_PT = 12
FIRST_LINE = Cm(1.27)

# Successors of w:pBdr inside w:pPr (schema order), to insert the border in place.
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip


# --- fonts and styles -------------------------------------------------------------


def _set_rfonts(rpr: object) -> None:
    """Times New Roman for every script (ascii, hAnsi, eastAsia, cs); no theme fonts."""
    rfonts = rpr.get_or_add_rFonts()  # type: ignore[attr-defined]
    for key in list(rfonts.attrib):
        del rfonts.attrib[key]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), FONT)


def _set_size(rpr: object, pt: float) -> None:
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))  # type: ignore[attr-defined]
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)  # type: ignore[attr-defined]
        el.set(qn("w:val"), str(int(pt * 2)))


def setup_styles(doc: DocumentObject) -> None:
    styles = doc.styles
    root = styles.element
    # Document defaults: every run is Times New Roman 14 pt, Vietnamese.
    rpr_default = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_rfonts(rpr_default)
    _set_size(rpr_default, BODY_PT)
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")

    # No style may point at a theme font: strip theme attributes everywhere.
    for rfonts in root.iter(qn("w:rFonts")):
        for key in list(rfonts.attrib):
            if "Theme" in key or "theme" in key:
                del rfonts.attrib[key]

    normal = styles["Normal"]
    normal.font.name = FONT
    _set_rfonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(BODY_PT)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE

    body = styles["Body Text"]
    body.base_style = normal
    _set_rfonts(body.element.get_or_add_rPr())
    body.font.size = Pt(BODY_PT)
    pf = body.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.first_line_indent = FIRST_LINE
    pf.space_before = Pt(0)
    pf.space_after = Pt(6)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE

    for name in ("Heading 1", "Heading 2"):
        st = styles[name]
        st.base_style = body
        rpr = st.element.get_or_add_rPr()
        for child in list(rpr):
            rpr.remove(child)
        _set_rfonts(rpr)
        st.font.size = Pt(BODY_PT)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = RGBColor(0, 0, 0)
        pf = st.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT  # a justified heading stretches its words
        pf.first_line_indent = FIRST_LINE
        pf.left_indent = Cm(0)
        pf.space_before = Pt(6)
        pf.space_after = Pt(6)
        pf.keep_with_next = True
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE

    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.quick_style = True
    _set_rfonts(table_text.element.get_or_add_rPr())
    table_text.font.size = Pt(TABLE_PT)
    pf = table_text.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
    pf.first_line_indent = Cm(0)
    pf.space_before = Pt(2)
    pf.space_after = Pt(2)

    header = styles["Header"]
    header.base_style = normal
    _set_rfonts(header.element.get_or_add_rPr())
    header.font.size = Pt(BODY_PT)

    # Any other style that names a font gets Times New Roman for every script too.
    for el in root.iter(qn("w:style")):
        rpr = el.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            _set_rfonts(rpr)


# --- paragraphs -------------------------------------------------------------------


Container = DocumentObject | _Cell


def para(
    where: Container,
    text: str = "",
    *,
    style: str | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    size: float | None = None,
    first_line: Cm | int | None = None,
    before: float | None = None,
    after: float | None = None,
    keep_next: bool = False,
    highlight: bool = False,
) -> Paragraph:
    """A paragraph with one run. In a fresh table cell the cell's empty paragraph is reused."""
    p: Paragraph
    fresh = isinstance(where, _Cell) and len(where.paragraphs) == 1
    first = where.paragraphs[0] if fresh else None
    if first is not None and first._p.pPr is None and not first.runs:
        p = first
        if style:
            p.style = style
    else:
        p = where.add_paragraph(style=style)
    pf = p.paragraph_format
    if align is not None:
        pf.alignment = align
    if first_line is not None:
        pf.first_line_indent = first_line
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if keep_next:
        pf.keep_with_next = True
    if text:
        run = p.add_run(text)
        if bold is not None:
            run.bold = bold
        if italic is not None:
            run.italic = italic
        if size is not None:
            run.font.size = Pt(size)
        if highlight:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return p


def tag(where: Container, text: str) -> None:
    """A paragraph that holds only a docxtpl `{%p ... %}` tag (it disappears when rendered)."""
    para(where, text, style="Normal" if not isinstance(where, _Cell) else None)


def body(where: Container, text: str, **kw: object) -> Paragraph:
    return para(where, text, style="Body Text", **kw)  # type: ignore[arg-type]


def rule(where: Container, width_mm: float, box_mm: float, *, after: float = 0) -> Paragraph:
    """A short horizontal rule under the line above.

    An empty paragraph, 2 pt high, indented to `width_mm` and carrying a bottom border:
    Word and LibreOffice both draw it, and the office can move or resize it as text.
    """
    p = para(where, style="Normal", after=after)
    side = max((box_mm - width_mm) / 2, 0)
    pf = p.paragraph_format
    pf.left_indent = Mm(side)
    pf.right_indent = Mm(side)
    pf.first_line_indent = Mm(0)
    ppr = p._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")  # eighths of a point: 0.75 pt
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    pbdr.append(bottom)
    successor = next((c for c in ppr if c.tag in {qn(t) for t in _AFTER_PBDR}), None)
    if successor is None:
        ppr.append(pbdr)
    else:
        successor.addprevious(pbdr)
    mark = OxmlElement("w:rPr")  # the paragraph mark's size sets the paragraph's height
    _set_size(mark, 2)
    ppr.append(mark)
    return p


def runs(where: Container, parts: list[tuple[str, dict[str, object]]], **kw: object) -> Paragraph:
    """A Body Text paragraph of several runs (run-level `{%r … %}` tags need runs of their own)."""
    p = body(where, "", **kw)
    for text, fmt in parts:
        run = p.add_run(text)
        if fmt.get("highlight"):
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return p


def bullets(doc: DocumentObject, label: str, items: str, line: str) -> None:
    tag(doc, f"{{%p if {items} %}}")
    body(doc, label, italic=True, keep_next=True)
    tag(doc, f"{{%p for t in {items} %}}")
    body(doc, line)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


# The sentences with numbers, written here from named fields so that the office can
# reword them in Word (README, "Changing the report template").
TALLY = (
    "{{ s.chu_the }} có {{ s.nhiem_vu }} nhiệm vụ"
    "{% if s.thuong_xuyen %} (trong đó {{ s.thuong_xuyen }} nhiệm vụ thực hiện thường xuyên)"
    "{% endif %}; tính đến ngày {{ s.ngay }} "
    "{% if s.den_han %}có {{ s.den_han }} nhiệm vụ đến hạn, đã hoàn thành "
    "{{ s.hoan_thanh_den_han }} nhiệm vụ (đạt {{ s.ty_le }})"
    "{% else %}chưa có nhiệm vụ nào đến hạn{% endif %}"
    "{% if s.co_thoi_han %}; đã hoàn thành {{ s.hoan_thanh }}/{{ s.co_thoi_han }} nhiệm vụ có "
    "thời hạn trong năm (đạt {{ s.ty_le_nam }}){% endif %}"
    "{% if s.truoc_han %}; {{ s.truoc_han }} nhiệm vụ hoàn thành trước hạn{% endif %}"
    "{% if s.qua_han %}; {{ s.qua_han }} nhiệm vụ quá hạn{% endif %}"
    "{% if s.chua_hoan_thanh %}; {{ s.chua_hoan_thanh }} nhiệm vụ chưa hoàn thành{% endif %}"
    "{% if s.thuong_xuyen %}; {{ s.co_ket_qua }}/{{ s.thuong_xuyen }} nhiệm vụ thường xuyên "
    "có kết quả trong kỳ{% endif %}"
    "{% if s.khong_thuc_hien %}; {{ s.khong_thuc_hien }} nhiệm vụ không thực hiện{% endif %}."
)
NOT_REPORTED = (
    "{% if a.chua_bao_cao|length == a.thuong_xuyen_con %}Các nhiệm vụ thực hiện thường "
    "xuyên ({{ a.chua_bao_cao|length }} nhiệm vụ: {{ a.chua_bao_cao|join(', ') }}) chưa có kết "
    "quả báo cáo trong kỳ.{% else %}{{ a.chua_bao_cao|length }}/{{ a.thuong_xuyen_con }} nhiệm "
    "vụ thực hiện thường xuyên chưa có kết quả báo cáo trong kỳ "
    "({{ a.chua_bao_cao|join(', ') }}).{% endif %}"
)
TARGET = (
    "- {{ t.noi_dung }} ({{ t.ma }}): mục tiêu {{ t.muc_tieu }}; "
    "{% if t.co_so_lieu %}thực hiện {{ t.thuc_hien }}"
    "{% if t.ngay_so_lieu %} (số liệu ngày {{ t.ngay_so_lieu }}){% endif %}, "
    "{{ t.danh_gia|lower }}{% else %}{{ t.thuc_hien }}{% endif %}."
)
FIGURES = {
    "the_che": "Tham mưu xây dựng, ban hành {{ a.so_lieu.vb_qppl_tham_muu }} văn bản QPPL; rà "
    "soát {{ a.so_lieu.vb_qppl_ra_soat }} văn bản QPPL, kiến nghị sửa đổi, bổ sung, thay thế "
    "hoặc bãi bỏ {{ a.so_lieu.vb_qppl_kien_nghi }} văn bản.",
    "cong_vu": "Tổ chức đào tạo, bồi dưỡng cho {{ a.so_lieu.luot_dao_tao }} lượt cán bộ, công "
    "chức, viên chức.",
    "so": "Trong {{ a.so_lieu.van_ban_di }} văn bản đi, {{ a.so_lieu.van_ban_di_dien_tu }} văn "
    "bản được gửi dưới dạng điện tử và {{ a.so_lieu.van_ban_ky_so }} văn bản được ký số; "
    "nhận {{ a.so_lieu.van_ban_den_dien_tu }} văn bản đến dưới dạng điện tử.",
}


def macros(doc: DocumentObject) -> None:
    """The blocks the report uses more than once, each defined once at the top of the
    template (Jinja macros; they print nothing where they are defined):

    - `doan(ds)`: the paragraphs of a narrative; a missing piece is highlighted;
    - `dem(s)`: the tally sentence of an area or of the whole plan;
    - `khoi(a)`: what the report says about one area."""
    tag(doc, "{%p macro doan(ds) %}")
    tag(doc, "{%p for d in ds %}")
    runs(
        doc,
        [("{%r if d.thieu %}", {}), ("{{ d.text }}", {"highlight": True}),
         ("{%r else %}", {}), ("{{ d.text }}", {}), ("{%r endif %}", {})],
    )  # fmt: skip
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endmacro %}")

    tag(doc, "{%p macro dem(s) %}")
    body(doc, TALLY)
    tag(doc, "{%p endmacro %}")

    tag(doc, "{%p macro khoi(a) %}")
    area_content(doc)
    tag(doc, "{%p endmacro %}")


def area_content(doc: DocumentObject) -> None:
    """What the report says about one area `a`: its tally, its standard figures (for the
    TTHC area, the table of its case figures), targets, tasks done, continuous, overdue."""
    tag(doc, "{{p dem(a.dem) }}")
    kinds = list(FIGURES.items())
    for i, (kind, sentence) in enumerate(kinds):
        tag(doc, f'{{%p {"if" if i == 0 else "elif"} a.loai == "{kind}" %}}')
        body(doc, sentence)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if a.tthc %}")
    body(
        doc,
        "Kết quả giải quyết thủ tục hành chính trong kỳ (số liệu từng kỳ báo cáo chi tiết tại "
        "Phụ lục kèm theo):",
        keep_next=True,
    )
    widths = [12.0, 118.0, 30.0]
    table = doc.add_table(rows=1, cols=3)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, text in enumerate(("STT", "Nội dung", "Số lượng")):
        para(table.rows[0].cells[i], text, style="Table Text", align=WD_ALIGN_PARAGRAPH.CENTER,
             bold=True)  # fmt: skip
    _repeat_header(table.rows[0])
    _row_tag(table, "{%tr for r in a.tthc %}")
    cells_row(table, ["{{ r.tt }}", "{{ r.noi_dung }}", "{{ r.so_luong }}"], center={0, 2})
    _row_tag(table, "{%tr endfor %}")
    _fixed(table, widths)
    tag(doc, "{%p endif %}")
    bullets(doc, "Kết quả thực hiện các chỉ tiêu:", "a.chi_tieu", TARGET)
    bullets(
        doc,
        "Nhiệm vụ hoàn thành trong kỳ:",
        "a.hoan_thanh",
        "- {{ t.nhiem_vu }} ({{ t.ma }}): {{ t.tinh_trang }}"
        "{% if t.ngay_hoan_thanh %} ngày {{ t.ngay_hoan_thanh }}{% endif %}"
        "{% if t.ket_qua %}; kết quả: {{ t.ket_qua }}{% endif %}.",
    )
    bullets(
        doc,
        "Nhiệm vụ thực hiện thường xuyên:",
        "a.thuong_xuyen",
        "- {{ t.nhiem_vu }} ({{ t.ma }}): {{ t.tinh_trang }}"
        "{% if t.ket_qua %}; kết quả: {{ t.ket_qua }}{% endif %}.",
    )
    tag(doc, "{%p if a.chua_bao_cao %}")
    body(doc, NOT_REPORTED)
    tag(doc, "{%p endif %}")
    bullets(
        doc,
        "Nhiệm vụ quá hạn, chưa hoàn thành:",
        "a.qua_han",
        "- {{ t.nhiem_vu }} ({{ t.ma }}; chủ trì: {{ t.chu_tri }}; thời hạn: {{ t.thoi_han }})"
        "{% if t.ghi_chu %}: {{ t.ghi_chu }}{% endif %}.",
    )


# --- tables -----------------------------------------------------------------------


def _borderless(table: Table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def _fixed(table: Table, widths_mm: list[float], indent_mm: float = 0) -> None:
    table.autofit = False
    tblpr = table._tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        tblpr.append(tblw)
    tblw.set(qn("w:w"), str(int(Mm(sum(widths_mm)).twips)))
    tblw.set(qn("w:type"), "dxa")
    if indent_mm:
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(int(Mm(indent_mm).twips)))
        ind.set(qn("w:type"), "dxa")
        tblpr.append(ind)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    for col, w in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        col.w = Mm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)
    _order_tblpr(tblpr)


_TBLPR_ORDER = [
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
]  # fmt: skip


def _order_tblpr(tblpr: object) -> None:
    """Put w:tblPr's children in schema order (Word refuses a file otherwise)."""
    rank = {qn(t): i for i, t in enumerate(_TBLPR_ORDER)}
    children = list(tblpr)  # type: ignore[call-overload]
    for c in children:
        tblpr.remove(c)  # type: ignore[attr-defined]
    for c in sorted(children, key=lambda c: rank.get(c.tag, 99)):
        tblpr.append(c)  # type: ignore[attr-defined]


def _repeat_header(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:tblHeader")
    trpr.append(el)


def _row_tag(table: Table, text: str) -> None:
    row = table.add_row()
    cells = row.cells
    merged = cells[0].merge(cells[-1])
    para(merged, text, style="Table Text")


def grid(
    doc: DocumentObject,
    headers: list[str],
    widths_mm: list[float],
) -> Table:
    table = doc.add_table(rows=2, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        para(cell, text, style="Table Text", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        para(
            table.rows[1].cells[i],
            f"({i + 1})",
            style="Table Text",
            align=WD_ALIGN_PARAGRAPH.CENTER,
            italic=True,
        )
    _repeat_header(table.rows[0])
    _repeat_header(table.rows[1])
    return table


def cells_row(table: Table, texts: list[str], *, center: set[int], bold: bool = False) -> None:
    row = table.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
    for i, text in enumerate(texts):
        align = WD_ALIGN_PARAGRAPH.CENTER if i in center else WD_ALIGN_PARAGRAPH.LEFT
        para(row.cells[i], text, style="Table Text", align=align, bold=bold or None)


# --- the document -----------------------------------------------------------------


def page_number_header(doc: DocumentObject) -> None:
    """Page numbers centred in the top margin, not on the first page (a PAGE field)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an empty first-page header
    header = section.header
    p = header.paragraphs[0]
    p.style = doc.styles["Header"]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def fld(kind: str) -> None:
        run = p.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld("begin")
    run = p.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    fld("separate")
    p.add_run("2")
    fld("end")


def at_least(mm: float) -> Twips:
    """A length in whole twips, rounded up: 15 mm is 850.4 twips, and 850 would be 14.99 mm,
    outside the decree's 15–20 mm."""
    return Twips(math.ceil(mm * 1440 / 25.4))


def geometry(section: object, *, landscape: bool) -> None:
    s = section
    s.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
    s.page_width = Mm(A4_LONG if landscape else A4_SHORT)  # type: ignore[attr-defined]
    s.page_height = Mm(A4_SHORT if landscape else A4_LONG)  # type: ignore[attr-defined]
    s.top_margin = at_least(MARGIN_TOP)  # type: ignore[attr-defined]
    s.bottom_margin = at_least(MARGIN_BOTTOM)  # type: ignore[attr-defined]
    s.left_margin = at_least(MARGIN_LEFT)  # type: ignore[attr-defined]
    s.right_margin = at_least(MARGIN_RIGHT)  # type: ignore[attr-defined]
    s.header_distance = Mm(HEADER_DISTANCE)  # type: ignore[attr-defined]
    s.footer_distance = Mm(HEADER_DISTANCE)  # type: ignore[attr-defined]
    s.gutter = Mm(0)  # type: ignore[attr-defined]


def header_block(doc: DocumentObject) -> None:
    """Cơ quan, số, quốc hiệu, tiêu ngữ, địa danh và ngày: a borderless two-column table."""
    left_w, right_w = 62.0, 108.0
    table = doc.add_table(rows=2, cols=2)
    _borderless(table)
    _fixed(table, [left_w, right_w], indent_mm=-5)
    center = WD_ALIGN_PARAGRAPH.CENTER
    left, right = table.rows[0].cells
    para(left, "{{ co_quan_chu_quan }}", align=center, size=13, bold=False)
    para(left, "{{ co_quan_ban_hanh }}", align=center, size=13, bold=True)
    rule(left, 22, left_w - 3.8)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align=center, size=13, bold=True)
    para(right, "Độc lập - Tự do - Hạnh phúc", align=center, size=14, bold=True)
    rule(right, MOTTO_MM, right_w - 3.8)
    left, right = table.rows[1].cells
    para(left, "Số: {{ so_ky_hieu }}", align=center, size=13, before=6)
    para(right, "{{ dia_danh_ngay }}", align=center, size=14, italic=True, before=6)


def signer_block(doc: DocumentObject) -> None:
    table = doc.add_table(rows=1, cols=2)
    _borderless(table)
    _fixed(table, [80.0, 85.0])
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = table.rows[0].cells
    para(left, "Nơi nhận:", size=12, bold=True, italic=True)
    tag(left, "{%p for n in noi_nhan %}")
    para(left, "- {{ n }}", size=11)
    tag(left, "{%p endfor %}")
    center = WD_ALIGN_PARAGRAPH.CENTER
    tag(right, "{%p if nguoi_ky.quyen_han %}")
    para(right, "{{ nguoi_ky.quyen_han }}", align=center, size=14, bold=True)
    tag(right, "{%p endif %}")
    para(right, "{{ nguoi_ky.chuc_vu }}", align=center, size=14, bold=True)
    for _ in range(4):
        para(right, "", align=center)
    para(right, "{{ nguoi_ky.ho_ten }}", align=center, size=14, bold=True)


def report_body(doc: DocumentObject) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "BÁO CÁO", style="Normal", align=center, bold=True, size=14, before=12)
    para(doc, "{{ trich_yeu }}", style="Normal", align=center, bold=True, size=14)
    rule(doc, 40, PORTRAIT_TEXT, after=6)

    tag(doc, "{%p if kinh_gui|length == 1 %}")
    para(doc, "Kính gửi: {{ kinh_gui[0] }}", style="Normal", align=center, after=12)
    tag(doc, "{%p else %}")
    p = para(doc, "Kính gửi:", style="Normal")
    p.paragraph_format.left_indent = Mm(30)
    tag(doc, "{%p for k in kinh_gui %}")
    p = para(doc, "- {{ k }}", style="Normal")
    p.paragraph_format.left_indent = Mm(55)
    tag(doc, "{%p endfor %}")
    para(doc, "", style="Normal", after=6)
    tag(doc, "{%p endif %}")

    body(
        doc,
        "Thực hiện {{ can_cu }}, {{ ten_co_quan }} báo cáo kết quả thực hiện công tác cải cách "
        "hành chính (CCHC) {{ ky_bao_cao }} (số liệu tính từ ngày {{ tu_ngay }} đến ngày "
        "{{ den_ngay }}) như sau:",
    )

    para(doc, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", style="Heading 1")
    tag(doc, "{{p doan(chi_dao) }}")
    para(doc, "1. Công tác xây dựng, ban hành kế hoạch", style="Heading 2")
    body(
        doc,
        "Trong kỳ, {{ ten_co_quan }} đã ban hành {{ chi_dao_so_lieu.van_ban_chi_dao }} kế "
        "hoạch, văn bản chỉ đạo, điều hành công tác CCHC.",
    )
    tag(doc, "{%p if dieu_chinh %}")
    body(doc, "Điều chỉnh Kế hoạch CCHC trong kỳ:", keep_next=True)
    tag(doc, "{%p for d in dieu_chinh %}")
    body(doc, "- {{ d }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    para(doc, "2. Công tác kiểm tra cải cách hành chính", style="Heading 2")
    body(
        doc,
        "Đã tổ chức {{ chi_dao_so_lieu.cuoc_kiem_tra }} cuộc kiểm tra công tác CCHC tại "
        "{{ chi_dao_so_lieu.don_vi_duoc_kiem_tra }}/{{ chi_dao_so_lieu.tong_so_don_vi }} phòng, "
        "đơn vị{% if chi_dao_so_lieu.ty_le_kiem_tra %} (đạt "
        "{{ chi_dao_so_lieu.ty_le_kiem_tra }}){% endif %}.",
    )
    para(doc, "3. Công tác tuyên truyền cải cách hành chính", style="Heading 2")
    body(
        doc,
        "Đã thực hiện {{ chi_dao_so_lieu.tin_bai_tuyen_truyen }} tin, bài, hoạt động tuyên "
        "truyền về CCHC.",
    )
    para(doc, "4. Sáng kiến, giải pháp cải cách hành chính", style="Heading 2")
    body(
        doc,
        "Có {{ chi_dao_so_lieu.sang_kien }} sáng kiến, giải pháp về CCHC được công nhận trong kỳ.",
    )
    tag(doc, "{%p if chi_dao_linh_vuc %}")
    para(doc, "5. Kết quả thực hiện các nhiệm vụ chỉ đạo, điều hành", style="Heading 2")
    tag(doc, "{{p khoi(chi_dao_linh_vuc) }}")
    tag(doc, "{%p endif %}")

    para(doc, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", style="Heading 1")
    tag(doc, "{{p dem(tong_hop) }}")
    tag(doc, "{%p if chi_tieu_tong %}")
    body(
        doc,
        "Về các chỉ tiêu chủ yếu: trong {{ chi_tieu_tong }} chỉ số có {% for c in chi_tieu_dem %}"
        "{{ c.so }} {{ c.ten }}{% if not loop.last %}, {% endif %}{% endfor %}.",
    )
    tag(doc, "{%p endif %}")
    body(doc, "Kết quả thực hiện từng nhiệm vụ, chỉ tiêu chi tiết tại Phụ lục kèm theo.")
    tag(doc, "{%p for a in linh_vuc %}")
    para(doc, "{{ a.so }}. {{ a.ten }}", style="Heading 2")
    tag(doc, "{{p khoi(a) }}")
    tag(doc, "{%p endfor %}")

    para(doc, "III. ĐÁNH GIÁ CHUNG", style="Heading 1")
    para(doc, "1. Ưu điểm", style="Heading 2")
    tag(doc, "{{p doan(uu_diem) }}")
    para(doc, "2. Tồn tại, hạn chế và nguyên nhân", style="Heading 2")
    body(doc, "a) Tồn tại, hạn chế", italic=True, keep_next=True)
    tag(doc, "{{p doan(ton_tai) }}")
    tag(doc, "{%p for f in ton_tai_so_lieu %}")
    body(
        doc,
        "- {% if f.loai == 'cham' %}Còn {{ f.so }} nhiệm vụ {% if f.qua_han %}quá hạn "
        "{% endif %}chưa hoàn thành ({{ f.ma|join(', ') }})."
        "{% elif f.loai == 'chi_so' %}{{ f.so }} chỉ số có nguy cơ không đạt hoặc không đạt "
        "({{ f.ma|join(', ') }})."
        "{% else %}{{ f.so }} nhiệm vụ thường xuyên chưa có kết quả trong kỳ (nêu tại từng lĩnh "
        "vực, mục II).{% endif %}",
    )
    tag(doc, "{%p endfor %}")
    body(doc, "b) Nguyên nhân", italic=True, keep_next=True)
    tag(doc, "{{p doan(nguyen_nhan) }}")

    para(doc, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", style="Heading 1")
    tag(doc, "{{p doan(phuong_huong) }}")
    bullets(
        doc,
        "{{ ky_toi_nhan }}",
        "nhiem_vu_ky_toi",
        "- {{ t.nhiem_vu }} ({{ t.ma }}; chủ trì: {{ t.chu_tri }}; thời hạn: {{ t.thoi_han }}).",
    )
    bullets(
        doc,
        "Tiếp tục thực hiện các nhiệm vụ quá hạn:",
        "tiep_tuc",
        "- {{ t.nhiem_vu }} ({{ t.ma }}; chủ trì: {{ t.chu_tri }}; thời hạn: {{ t.thoi_han }}).",
    )
    tag(doc, "{%p if ky_toi_ghi_chu %}")
    body(doc, "{{ ky_toi_ghi_chu }}")
    tag(doc, "{%p endif %}")

    para(doc, "V. ĐỀ XUẤT, KIẾN NGHỊ", style="Heading 1")
    # Section V's paragraphs are kept with the closing sentence and the signature, so that
    # the signature never stands on a page with that one sentence alone.
    tag(doc, "{%p for d in kien_nghi %}")
    runs(
        doc,
        [("{%r if d.thieu %}", {}), ("{{ d.text }}", {"highlight": True}),
         ("{%r else %}", {}), ("{{ d.text }}", {}), ("{%r endif %}", {})],
        keep_next=True,
    )  # fmt: skip
    tag(doc, "{%p endfor %}")
    body(doc, "Trên đây là báo cáo {{ ky_bao_cao_ngan }} của {{ ten_co_quan }}./.", keep_next=True)
    para(doc, "", style="Normal", after=6, keep_next=True)
    signer_block(doc)


def tthc_annex(doc: DocumentObject) -> None:
    """Annex table IV: each report period's TTHC cases, received, resolved, being resolved
    and returned, with the totals of each group (rows are not summed: the 6-month and the
    year reports count from 15/12)."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    groups = [("Kỳ báo cáo", 1), ("Số hồ sơ tiếp nhận", 4), ("Số hồ sơ đã giải quyết", 4),
              ("Số hồ sơ đang giải quyết", 3), ("Trả lại, rút", 1)]  # fmt: skip
    subs = ["", "Tổng số", "Trực tuyến", "Trực tiếp, bưu chính", "Từ kỳ trước",
            "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn", ""]  # fmt: skip
    widths = [40.0] + [17.6] * 12
    table = doc.add_table(rows=3, cols=len(subs))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    col = 0
    for text, span in groups:
        top = table.rows[0].cells[col]
        cell = top.merge(table.rows[0].cells[col + span - 1]) if span > 1 else top
        if span == 1:
            cell = cell.merge(table.rows[1].cells[col])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        para(cell, text, style="Table Text", align=center, bold=True)
        col += span
    for i, text in enumerate(subs):
        if text:
            para(table.rows[1].cells[i], text, style="Table Text", align=center, bold=True)
    for i in range(len(subs)):
        para(table.rows[2].cells[i], f"({i + 1})", style="Table Text", align=center, italic=True)
    for row in table.rows:
        _repeat_header(row)
    _row_tag(table, "{%tr for r in phu_luc_tthc %}")
    fields = ["ky", "tiep_nhan", "truc_tuyen", "truc_tiep", "ky_truoc", "da_giai_quyet",
              "truoc_han", "dung_han", "qua_han", "dang_giai_quyet", "trong_han", "dang_qua_han",
              "tra_lai"]  # fmt: skip
    cells_row(table, [f"{{{{ r.{f} }}}}" for f in fields], center=set(range(1, len(fields))))
    _row_tag(table, "{%tr endfor %}")
    _fixed(table, widths)
    body(
        doc,
        "(2) = (3) + (4) + (5) = (6) + (10) + (13): hồ sơ tiếp nhận thì đã giải quyết, đang "
        "giải quyết hoặc trả lại; (6) = (7) + (8) + (9); (10) = (11) + (12).",
        italic=True,
    )


def annex(doc: DocumentObject) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "Phụ lục", style="Normal", align=center, bold=True, size=14)
    para(doc, "{{ phu_luc_tieu_de }}", style="Normal", align=center, bold=True, size=14)
    para(doc, "{{ phu_luc_kem_theo }}", style="Normal", align=center, italic=True, size=14)
    rule(doc, 50, LANDSCAPE_TEXT, after=6)

    para(doc, "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM", style="Heading 1", before=6)
    widths = [16.0, 62.0, 30.0, 34.0, 50.0, 30.0, 30.0]
    table = grid(
        doc,
        ["TT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Kết quả/sản phẩm", "Tiến độ", "Ghi chú"],
        widths,
    )
    _row_tag(table, "{%tr for p in phu_luc_nhiem_vu %}")
    row = table.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    para(row.cells[0], "{{ p.so }}", style="Table Text", align=center, bold=True, keep_next=True)
    merged = row.cells[1].merge(row.cells[-1])
    para(merged, "{{ p.tieu_de }}", style="Table Text", bold=True, keep_next=True)
    _row_tag(table, "{%tr for t in p.nhiem_vu %}")
    cells_row(
        table,
        [
            "{{ t.tt }}",
            "{{ t.nhiem_vu }}",
            "{{ t.chu_tri }}",
            "{{ t.thoi_han }}",
            "{{ t.ket_qua }}",
            "{{ t.tien_do }}",
            "{{ t.ghi_chu }}",
        ],
        center={0},
    )
    _row_tag(table, "{%tr endfor %}")
    _row_tag(table, "{%tr endfor %}")
    _fixed(table, widths)
    para(doc, "", style="Normal", after=6)

    para(doc, "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU", style="Heading 1")
    widths = [22.0, 118.0, 28.0, 50.0, 34.0]
    table = grid(doc, ["Mã", "Chỉ tiêu", "Mục tiêu", "Thực hiện", "Đánh giá"], widths)
    _row_tag(table, "{%tr for t in phu_luc_chi_tieu %}")
    cells_row(
        table,
        ["{{ t.ma }}", "{{ t.noi_dung }}", "{{ t.muc_tieu }}",
         "{{ t.thuc_hien }}{% if t.ngay_so_lieu %} (số liệu ngày {{ t.ngay_so_lieu }}){% endif %}",
         "{{ t.danh_gia }}"],
        center={0, 2},
    )  # fmt: skip
    _row_tag(table, "{%tr endfor %}")
    _fixed(table, widths)
    para(doc, "", style="Normal", after=6)

    para(doc, "III. TỔNG HỢP KẾT QUẢ HOÀN THÀNH NHIỆM VỤ", style="Heading 1")
    body(doc, "{{ phu_luc_tong_hop_ghi_chu }}", italic=True)
    widths = [76.0, 25.0, 25.0, 25.0, 25.0, 26.0, 25.0, 25.0]
    headers = [
        "Lĩnh vực",
        "Số nhiệm vụ",
        "Thường xuyên",
        "Đến hạn",
        "Đã hoàn thành",
        "Tỷ lệ hoàn thành",
        "Quá hạn",
        "Không thực hiện",
    ]
    table = grid(doc, headers, widths)
    fields = ["so_nhiem_vu", "thuong_xuyen", "den_han", "hoan_thanh", "ty_le", "qua_han",
              "khong_thuc_hien"]  # fmt: skip
    _row_tag(table, "{%tr for r in phu_luc_tong_hop %}")
    cells_row(
        table,
        ["{{ r.linh_vuc }}", *(f"{{{{ r.{f} }}}}" for f in fields)],
        center=set(range(1, 8)),
    )
    _row_tag(table, "{%tr endfor %}")
    cells_row(
        table,
        ["Tổng cộng", *(f"{{{{ tong_cong.{f} }}}}" for f in fields)],
        center=set(range(1, 8)),
        bold=True,
    )
    _fixed(table, widths)
    para(doc, "", style="Normal", after=6)

    tag(doc, "{%p if phu_luc_tthc %}")
    para(doc, "IV. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO KỲ BÁO CÁO", style="Heading 1")
    tthc_annex(doc)
    tag(doc, "{%p endif %}")
    # A document ends with a paragraph: this one is hidden and as low as Word allows, so that it does
    # not spill onto a blank page when the last table ends at the foot of a page.
    last = para(doc, "", style="Normal")
    last.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    last.paragraph_format.line_spacing = Twips(1)
    last.paragraph_format.space_before = Pt(0)
    last.paragraph_format.space_after = Pt(0)
    mark = OxmlElement("w:rPr")
    mark.append(OxmlElement("w:vanish"))
    _set_size(mark, 1)
    last._p.get_or_add_pPr().append(mark)


def _preserve_spaces(doc: DocumentObject) -> None:
    """Keep runs of spaces that values bring in (the blank document number, for one)."""
    parts = [doc.part, *(s.header.part for s in doc.sections)]
    for part in parts:
        for t in part.element.iter(qn("w:t")):
            t.set(qn("xml:space"), "preserve")


def build(path: Path = OUTPUT) -> Path:
    doc = Document()
    # The default template's body holds nothing; start clean all the same.
    body_el = doc.element.body
    for child in list(body_el):
        if child.tag != qn("w:sectPr"):
            body_el.remove(child)
    setup_styles(doc)
    geometry(doc.sections[0], landscape=False)
    page_number_header(doc)
    macros(doc)
    header_block(doc)
    report_body(doc)
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    geometry(section, landscape=True)
    # The annex is numbered on its own: its first page carries no number, the next "2".
    section.different_first_page_header_footer = True
    restart = OxmlElement("w:pgNumType")
    restart.set(qn("w:start"), "1")
    sect_pr = section._sectPr
    successor = next(
        (c for c in sect_pr if c.tag in {qn(t) for t in ("w:cols", "w:formProt", "w:vAlign",
         "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid")}),
        None,
    )  # fmt: skip
    if successor is None:
        sect_pr.append(restart)
    else:
        successor.addprevious(restart)
    annex(doc)
    _preserve_spaces(doc)
    props = doc.core_properties
    props.title = "Báo cáo kết quả thực hiện công tác cải cách hành chính"
    props.subject = "Mẫu báo cáo CCHC (cchc report)"
    props.author = ""
    props.comments = "Mẫu báo cáo của cchc: sửa bố cục, câu chữ tại đây; giữ nguyên các thẻ Jinja."
    props.keywords = "CCHC"
    props.last_modified_by = ""
    props.revision = 1
    props.language = "vi-VN"
    doc.save(str(path))
    return path


if __name__ == "__main__":
    out = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
    print(out)
