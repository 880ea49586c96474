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
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from cchc_cli.views.report_text import keep_last_words

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
    pf.widow_control = True  # no line of a paragraph alone at the top or foot of a page

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
        pf.keep_together = True
        pf.widow_control = True
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


def heading(where: Container, text: str, level: int = 1, **kw: object) -> Paragraph:
    """A heading whose last two words never part, nor the words of a fixed phrase ("CẢI
    CÁCH HÀNH CHÍNH", "Chỉ số hài lòng (SIPAS)"): no-break spaces between them, as the
    report's own headings get (`views.report_text.keep_last_words`)."""
    return para(where, keep_last_words(text), style=f"Heading {level}", **kw)  # type: ignore[arg-type]


def bullets(doc: DocumentObject, label: str, items: str, line: str) -> None:
    tag(doc, f"{{%p if {items} %}}")
    body(doc, label, italic=True, keep_next=True)
    tag(doc, f"{{%p for t in {items} %}}")
    body(doc, line)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


# The sentences with numbers, written here from named fields so that the office can
# reword them in Word (README, "Changing the report template"). A count is never said as
# "0 …": each sentence says a zero in words, or is left out.
TALLY = (
    "{{ s.chu_the }} có {{ s.nhiem_vu }} nhiệm vụ"
    "{% if s.thuong_xuyen and s.thuong_xuyen == s.nhiem_vu %}, đều thực hiện thường xuyên"
    "{% elif s.thuong_xuyen %} (trong đó {{ s.thuong_xuyen }} nhiệm vụ thực hiện thường "
    "xuyên){% endif %}"
    "{% if s.co_thoi_han %}; tính đến ngày {{ s.ngay }}, "
    "{% if s.den_han %}có {{ s.den_han }} nhiệm vụ "
    "{% if s.ca_nam_bao_cao %}có thời hạn trong năm {{ s.nam }}{% else %}đến hạn{% endif %}, "
    "{% if s.hoan_thanh_den_han and not s.hoan_thanh_qua_han %}đã hoàn thành đúng hạn "
    "{{ s.hoan_thanh_den_han }}/{{ s.den_han }} nhiệm vụ (đạt {{ s.ty_le }})"
    "{% elif s.hoan_thanh_den_han and not s.dung_han %}đã hoàn thành quá hạn "
    "{{ s.hoan_thanh_den_han }}/{{ s.den_han }} nhiệm vụ (đạt {{ s.ty_le }})"
    "{% elif s.hoan_thanh_den_han %}đã hoàn thành {{ s.hoan_thanh_den_han }} nhiệm vụ (đạt "
    "{{ s.ty_le }}), trong đó {{ s.dung_han }} nhiệm vụ hoàn thành đúng hạn, "
    "{{ s.hoan_thanh_qua_han }} nhiệm vụ hoàn thành quá hạn"
    "{% else %}chưa hoàn thành nhiệm vụ nào{% endif %}"
    "{% else %}chưa có nhiệm vụ nào đến hạn{% endif %}"
    "{% if s.qua_han %}; {{ s.qua_han }} nhiệm vụ quá hạn, chưa hoàn thành{% endif %}"
    "{% if s.chua_hoan_thanh %}; {{ s.chua_hoan_thanh }} nhiệm vụ chưa hoàn thành{% endif %}"
    "{% if s.truoc_han %}; ngoài ra, {{ s.truoc_han }} nhiệm vụ chưa đến hạn đã hoàn thành "
    "sớm{% endif %}"
    "{% if s.ca_nam and s.hoan_thanh %}; tính trên cả năm, đã hoàn thành "
    "{{ s.hoan_thanh }}/{{ s.co_thoi_han }} nhiệm vụ có thời hạn (đạt {{ s.ty_le_nam }})"
    "{% endif %}{% endif %}"
    "{% if s.thuong_xuyen %}; {% if s.co_ket_qua %}{{ s.co_ket_qua }}/{{ s.thuong_xuyen }} "
    "nhiệm vụ thường xuyên có kết quả trong kỳ{% elif s.thuong_xuyen > 1 %}"
    "{{ s.thuong_xuyen }} nhiệm vụ thường xuyên đều chưa có kết quả trong kỳ{% else %}nhiệm "
    "vụ thường xuyên chưa có kết quả trong kỳ{% endif %}{% endif %}"
    "{% if s.khong_thuc_hien %}; {{ s.khong_thuc_hien }} nhiệm vụ không thực hiện{% endif %}."
)
# The continuous tasks without a result: one named in the sentence, several one a line.
NOT_REPORTED_ONE = (
    "Chưa có kết quả trong kỳ đối với nhiệm vụ thực hiện thường xuyên: {{ a.chua_bao_cao[0] }}."
)
NOT_REPORTED_MANY = (
    "Chưa có kết quả trong kỳ đối với {{ a.chua_bao_cao|length }} nhiệm vụ thực hiện thường xuyên:"
)
# A target: before the year's end the year's target, the value's day and a verdict so far;
# a value older than the period's last quarter "theo số liệu đến ngày …".
TARGET = (
    "- {{ t.ten }}: mục tiêu {% if t.ca_nam %}cả năm {% endif %}{{ t.muc_tieu }}"
    "{% if t.moc %}, mốc đến ngày {{ t.moc_ngay }} là {{ t.moc }}{% endif %}; "
    "{% if t.cu %}theo số liệu đến ngày {{ t.ngay_so_lieu }}, {% elif t.ngay_so_lieu %}đến "
    "ngày {{ t.ngay_so_lieu }} {% endif %}"
    "{% if t.thuc_hien %}thực hiện {{ t.thuc_hien }}{% if t.cach_tinh %} ({{ t.cach_tinh }})"
    "{% endif %}{% else %}chưa có kết quả{% endif %}, "
    "{{ t.danh_gia }}{% if t.nhu_muc %} (cùng chỉ tiêu{% if t.tinh %} và cách tính{% endif %} "
    "đã nêu tại mục “{{ t.nhu_muc }}”)"
    "{% endif %}."
)
# A task completed: on time "hoàn thành đúng hạn ngày …"; late or before a deadline still
# to come, the day first and then how it stands to its deadline (never "quá hạn ngày …").
TASK_DONE = (
    "- {{ t.ten }}{% if t.muc_tieu %} (mục tiêu: {{ t.muc_tieu }}){% endif %}: "
    "{% if t.loai == 'done_late' %}hoàn thành ngày {{ t.ngay_hoan_thanh }} (quá hạn; thời hạn: "
    "{{ t.thoi_han }}){% elif t.loai == 'done_early' %}hoàn thành ngày {{ t.ngay_hoan_thanh }} "
    "(trước hạn; thời hạn: {{ t.thoi_han }}){% else %}{{ t.tinh_trang }}"
    "{% if t.ngay_hoan_thanh %} ngày {{ t.ngay_hoan_thanh }}{% endif %}{% endif %}"
    "{% if t.ket_qua %}; kết quả: {{ t.ket_qua }}{% endif %}."
)
# A task with its objective (when its name is shared), lead unit and deadline.
TASK_DUE = (
    "- {{ t.ten }} ({% if t.muc_tieu %}mục tiêu: {{ t.muc_tieu }}; {% endif %}chủ trì: "
    "{{ t.chu_tri }}; thời hạn: {{ t.thoi_han }})"
)
# After a task not completed: its state when the heading does not say it already (overdue),
# then its note.
STATE_AND_NOTE = (
    "{% if t.tinh_trang %}: {{ t.tinh_trang }}{% if t.ghi_chu %}; {{ t.ghi_chu }}{% endif %}"
    "{% elif t.ghi_chu %}: {{ t.ghi_chu }}{% endif %}."
)
# The decision "phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người
# dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên
# môi trường điện tử" (Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ).
SERVICE_INDEX = (
    "Theo Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh "
    "nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi "
    "trường điện tử được phê duyệt tại Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng "
    "Chính phủ, điểm của {{ ten_co_quan }}{% if a.chi_so_766.nguon %} "
    "({{ a.chi_so_766.nguon }}){% endif %} đạt {{ a.chi_so_766.tong }}/100 điểm, gồm: "
    "{% for g in a.chi_so_766.nhom %}{{ g.ten|lower }} {{ g.diem }}/{{ g.toi_da }} điểm"
    "{% if not loop.last %}; {% endif %}{% endfor %}."
)
COMPLAINTS = (
    "{% if a.pakn.tiep_nhan %}Trong kỳ, tiếp nhận {{ a.pakn.tiep_nhan }} phản ánh, kiến nghị "
    "về quy định hành chính, thủ tục hành chính{% if a.pakn.da_xu_ly %}; đã xử lý "
    "{{ a.pakn.da_xu_ly }}/{{ a.pakn.tiep_nhan }} phản ánh, kiến nghị{% if a.pakn.dang_xu_ly %}"
    ", còn {{ a.pakn.dang_xu_ly }} đang xử lý{% endif %}{% elif a.pakn.da_xu_ly is not none %}, "
    "đang xử lý{% endif %}."
    "{% elif a.pakn.tiep_nhan is not none %}Trong kỳ, không có phản ánh, kiến nghị về quy "
    "định hành chính, thủ tục hành chính.{% endif %}"
    "{% if a.pakn.cong_khai and a.pakn.thu_tuc_tong %}{% if a.pakn.tiep_nhan is not none %} "
    "{% endif %}Có {{ a.pakn.cong_khai }}/{{ a.pakn.thu_tuc_tong }} thủ tục hành chính thuộc "
    "thẩm quyền giải quyết được công khai đầy đủ, đúng quy định trên Cổng Dịch vụ công và tại "
    "Bộ phận Một cửa.{% endif %}"
)


FIGURES = {
    "the_che": "{% if a.so_lieu.vb_qppl_tham_muu %}Trong kỳ, tham mưu xây dựng, ban hành "
    "{{ a.so_lieu.vb_qppl_tham_muu }} văn bản QPPL.{% elif a.so_lieu.vb_qppl_tham_muu is not "
    "none %}Trong kỳ, không có văn bản QPPL phải tham mưu xây dựng, ban hành.{% endif %}"
    "{% if a.so_lieu.vb_qppl_ra_soat %} Rà soát {{ a.so_lieu.vb_qppl_ra_soat }} văn bản QPPL"
    "{% if a.so_lieu.vb_qppl_kien_nghi %}, kiến nghị sửa đổi, bổ sung, thay thế hoặc bãi bỏ "
    "{{ a.so_lieu.vb_qppl_kien_nghi }} văn bản{% elif a.so_lieu.vb_qppl_kien_nghi is not none %}"
    ", không có văn bản phải kiến nghị sửa đổi, bổ sung, thay thế hoặc bãi bỏ{% endif %}."
    "{% endif %}",
    "bo_may": "{% if a.so_lieu.so_phong %}Cơ cấu tổ chức của {{ ten_co_quan }} gồm "
    "{{ a.so_lieu.so_phong }} phòng chuyên môn, nghiệp vụ và tương đương{% if "
    "a.so_lieu.so_don_vi_su_nghiep %}, {{ a.so_lieu.so_don_vi_su_nghiep }} đơn vị sự nghiệp "
    "công lập trực thuộc{% endif %}.{% endif %}"
    "{% if a.so_lieu.bien_che_giao %} Biên chế công chức được giao "
    "{{ a.so_lieu.bien_che_giao }}{% if a.so_lieu.cong_chuc_co_mat %}, có mặt "
    "{{ a.so_lieu.cong_chuc_co_mat }} công chức{% endif %}"
    "{% if a.so_lieu.nguoi_lam_viec_giao %}; số lượng người làm việc được giao "
    "{{ a.so_lieu.nguoi_lam_viec_giao }}{% if a.so_lieu.vien_chuc_co_mat %}, có mặt "
    "{{ a.so_lieu.vien_chuc_co_mat }} người{% endif %}{% endif %}.{% endif %}",
    "cong_vu": "{% if a.so_lieu.luot_dao_tao %}Tổ chức đào tạo, bồi dưỡng cho "
    "{{ a.so_lieu.luot_dao_tao }} lượt cán bộ, công chức, viên chức.{% elif "
    "a.so_lieu.luot_dao_tao is not none %}Trong kỳ, chưa tổ chức đào tạo, bồi dưỡng cán bộ, "
    "công chức, viên chức.{% endif %}",
    "tthc": COMPLAINTS,
    "so": "{% if a.so_lieu.van_ban_di %}Trong {{ a.so_lieu.van_ban_di }} văn bản đi"
    "{% if a.so_lieu.van_ban_di_dien_tu %}, {{ a.so_lieu.van_ban_di_dien_tu }} văn bản được gửi "
    "dưới dạng điện tử{% endif %}{% if a.so_lieu.van_ban_ky_so %}, "
    "{{ a.so_lieu.van_ban_ky_so }} văn bản được ký số{% endif %}.{% endif %}"
    "{% if a.so_lieu.van_ban_den_dien_tu %} Nhận {{ a.so_lieu.van_ban_den_dien_tu }} văn bản "
    "đến dưới dạng điện tử.{% endif %}{% if a.chi_so_766 %} " + SERVICE_INDEX + "{% endif %}",
}


def macros(doc: DocumentObject) -> None:
    """The blocks the report uses more than once, each defined once at the top of the
    template (Jinja macros; they print nothing where they are defined):

    - `doan(ds)`: the paragraphs of a narrative;
    - `dem(s)`: the tally sentence of an area or of the whole plan;
    - `khoi(a)`: what the report says about one area;
    - `ds(items, dau)`: names one a line after the mark `dau` ("-", "+"), so that a name
      that holds a semicolon is never read as two."""
    tag(doc, "{%p macro doan(ds) %}")
    tag(doc, "{%p for d in ds %}")
    body(doc, "{{ d.text }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endmacro %}")

    tag(doc, "{%p macro dem(s) %}")
    body(doc, TALLY)
    tag(doc, "{%p endmacro %}")

    tag(doc, "{%p macro khoi(a) %}")
    area_content(doc)
    tag(doc, "{%p endmacro %}")

    tag(doc, "{%p macro ds(items, dau) %}")  # names one a line, "- a;" … "- c."
    tag(doc, "{%p for x in items %}")
    body(doc, "{{ dau }} {{ x }}{% if loop.last %}.{% else %};{% endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endmacro %}")


def area_content(doc: DocumentObject) -> None:
    """What the report says about one area `a`: its tally, its standard figures (for the
    TTHC area, the table of its case figures, complaints and publication), targets, tasks
    done, continuous, not done."""
    tag(doc, "{{p dem(a.dem) }}")
    tag(doc, "{%p if a.co_so_lieu %}")
    kinds = list(FIGURES.items())
    for i, (kind, sentence) in enumerate(kinds):
        tag(doc, f'{{%p {"if" if i == 0 else "elif"} a.loai == "{kind}" %}}')
        body(doc, sentence)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if a.tthc %}")
    body(
        doc,
        "Kết quả giải quyết thủ tục hành chính trong kỳ (số liệu từng kỳ báo cáo{% if "
        "a.theo_linh_vuc %} và từng lĩnh vực{% endif %} chi tiết tại Phụ lục kèm theo):",
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
    after_table(doc)
    tag(doc, "{%p endif %}")
    bullets(doc, "Kết quả thực hiện các chỉ tiêu:", "a.chi_tieu", TARGET)
    bullets(doc, "Nhiệm vụ hoàn thành trong kỳ:", "a.hoan_thanh", TASK_DONE)
    bullets(
        doc,
        "Nhiệm vụ thực hiện thường xuyên có kết quả trong kỳ:",
        "a.thuong_xuyen",
        "- {{ t.ten }}{% if t.muc_tieu %} (mục tiêu: {{ t.muc_tieu }}){% endif %}: "
        "{% if t.ket_qua %}{{ t.ket_qua }}{% else %}{{ t.tinh_trang }}{% endif %}.",
    )
    tag(doc, "{%p if a.chua_bao_cao|length == 1 %}")
    body(doc, NOT_REPORTED_ONE)
    tag(doc, "{%p elif a.chua_bao_cao %}")
    body(doc, NOT_REPORTED_MANY, keep_next=True)
    tag(doc, "{{p ds(a.chua_bao_cao, '-') }}")
    tag(doc, "{%p endif %}")
    bullets(doc, "Nhiệm vụ chưa hoàn thành:", "a.chua_xong", TASK_DUE + STATE_AND_NOTE)
    bullets(
        doc,
        "Nhiệm vụ không thực hiện:",
        "a.khong_thuc_hien",
        "- {{ t.ten }}{% if t.muc_tieu %} (mục tiêu: {{ t.muc_tieu }}){% endif %}"
        "{% if t.ghi_chu %}, lý do: {{ t.ghi_chu }}{% endif %}.",
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
    """A header row: repeated on every page the table reaches, never split, and kept with
    the row under it (each of its paragraphs keeps with the next)."""
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    trpr.append(OxmlElement("w:cantSplit"))
    trpr.append(OxmlElement("w:tblHeader"))
    for cell in row.cells:  # type: ignore[attr-defined]
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def after_table(doc: DocumentObject) -> None:
    """The space after a table: an empty paragraph 6 pt high after its own 6 pt."""
    para(doc, "", style="Normal", after=6)


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


def group_row(table: Table, number: str, title: str) -> None:
    """A group's title row (a part of the appendix, an area): one merged cell after its
    number, never split, kept with the row under it."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    row = table.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    para(row.cells[0], number, style="Table Text", align=center, bold=True, keep_next=True)
    merged = row.cells[1].merge(row.cells[-1])
    para(merged, title, style="Table Text", bold=True, keep_next=True)


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

    # I. Chỉ đạo, điều hành: the sub-sections that have something to say, numbered in order.
    heading(doc, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH")
    tag(doc, "{{p doan(chi_dao) }}")
    heading(doc, "{{ chi_dao_muc.ke_hoach }}. Công tác xây dựng, ban hành kế hoạch", 2)
    body(
        doc,
        "{{ ten_co_quan }} đã ban hành {{ ke_hoach }} về {{ ke_hoach_ve }}"
        "{% if chi_dao_so_lieu.van_ban_chi_dao %}; trong kỳ, ban hành "
        "{{ chi_dao_so_lieu.van_ban_chi_dao }} kế hoạch, văn bản chỉ đạo, điều hành công tác "
        "CCHC{% endif %}.",
    )
    tag(doc, "{%p if dieu_chinh %}")
    body(doc, "Điều chỉnh Kế hoạch CCHC trong kỳ:", keep_next=True)
    tag(doc, "{%p for d in dieu_chinh %}")
    body(doc, "- {{ d }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if chi_dao_muc.kiem_tra %}")
    heading(doc, "{{ chi_dao_muc.kiem_tra }}. Công tác kiểm tra cải cách hành chính", 2)
    body(
        doc,
        "{% if chi_dao_so_lieu.cuoc_kiem_tra %}{% if chi_dao_so_lieu.trong_ky %}"
        "{{ chi_dao_so_lieu.trong_ky }}, đã tổ chức{% else %}Đã tổ chức{% endif %} "
        "{{ chi_dao_so_lieu.cuoc_kiem_tra }} cuộc kiểm tra công tác CCHC"
        "{% if chi_dao_so_lieu.don_vi_duoc_kiem_tra %} tại "
        "{{ chi_dao_so_lieu.don_vi_duoc_kiem_tra }}{% if chi_dao_so_lieu.tong_so_don_vi and not "
        "chi_dao_so_lieu.trong_ky %}/{{ chi_dao_so_lieu.tong_so_don_vi }}{% endif %} phòng, đơn vị"
        "{% if chi_dao_so_lieu.ty_le_kiem_tra %} ({{ chi_dao_so_lieu.ty_le_kiem_tra }})"
        "{% endif %}{% endif %}"
        "{% if chi_dao_so_lieu.ton_tai_qua_kiem_tra %}, phát hiện "
        "{{ chi_dao_so_lieu.ton_tai_qua_kiem_tra }} tồn tại, hạn chế"
        "{% if chi_dao_so_lieu.ton_tai_da_khac_phuc %}, đã khắc phục "
        "{% if chi_dao_so_lieu.ton_tai_da_khac_phuc == chi_dao_so_lieu.ton_tai_qua_kiem_tra %}"
        "xong {% endif %}{{ chi_dao_so_lieu.ton_tai_da_khac_phuc }}/"
        "{{ chi_dao_so_lieu.ton_tai_qua_kiem_tra }}{% elif chi_dao_so_lieu.ton_tai_da_khac_phuc "
        "is not none %}, chưa khắc phục xong{% endif %}."
        "{% elif chi_dao_so_lieu.ton_tai_qua_kiem_tra is not none %}, chưa phát hiện tồn tại, "
        "hạn chế.{% else %}.{% endif %}"
        "{% else %}Trong kỳ, chưa tổ chức kiểm tra công tác CCHC.{% endif %}",
    )
    tag(doc, "{{p doan(ket_qua_kiem_tra) }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if chi_dao_muc.tuyen_truyen %}")
    heading(doc, "{{ chi_dao_muc.tuyen_truyen }}. Công tác tuyên truyền cải cách hành chính", 2)
    body(
        doc,
        "{% if chi_dao_so_lieu.tin_bai_tuyen_truyen %}Đã thực hiện "
        "{{ chi_dao_so_lieu.tin_bai_tuyen_truyen }} tin, bài, hoạt động tuyên truyền về CCHC."
        "{% else %}Trong kỳ, chưa có tin, bài, hoạt động tuyên truyền về CCHC.{% endif %}",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if chi_dao_muc.sang_kien %}")
    heading(doc, "{{ chi_dao_muc.sang_kien }}. Sáng kiến, giải pháp cải cách hành chính", 2)
    body(
        doc,
        "{% if chi_dao_so_lieu.sang_kien %}Có {{ chi_dao_so_lieu.sang_kien }} sáng kiến, giải "
        "pháp về CCHC được công nhận trong kỳ.{% else %}Trong kỳ, chưa có sáng kiến, giải pháp "
        "về CCHC được công nhận.{% endif %}",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if chi_dao_muc.khac_phuc %}")
    heading(doc, "{{ chi_dao_muc.khac_phuc }}. Khắc phục tồn tại, hạn chế qua kết quả Chỉ số "
            "CCHC, Chỉ số hài lòng (SIPAS)", 2)  # fmt: skip
    tag(doc, "{{p doan(khac_phuc_chi_so) }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if chi_dao_linh_vuc %}")
    heading(doc, "{{ chi_dao_muc.nhiem_vu }}. Kết quả thực hiện các nhiệm vụ chỉ đạo, điều hành", 2)
    tag(doc, "{{p khoi(chi_dao_linh_vuc) }}")
    tag(doc, "{%p endif %}")

    heading(doc, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH")
    tag(doc, "{{p dem(tong_hop) }}")
    tag(doc, "{%p if chi_tieu_dem %}")
    body(
        doc,
        "Về các chỉ tiêu chủ yếu, {{ chi_tieu_theo }}: "
        "{% for c in chi_tieu_dem %}{{ c.so }} chỉ tiêu {{ c.ten }}{% if not loop.last %}, "
        "{% endif %}{% endfor %}.",
    )
    tag(doc, "{%p endif %}")
    body(doc, "Kết quả thực hiện từng nhiệm vụ, chỉ tiêu chi tiết tại Phụ lục kèm theo.")
    tag(doc, "{%p for a in linh_vuc %}")
    para(doc, "{{ a.so }}. {{ a.ten }}", style="Heading 2")
    tag(doc, "{{p khoi(a) }}")
    tag(doc, "{%p endfor %}")

    heading(doc, "III. ĐÁNH GIÁ CHUNG")
    tag(doc, "{%p if iii_muc.uu_diem %}")
    heading(doc, "{{ iii_muc.uu_diem }}. Ưu điểm", 2)
    tag(doc, "{{p doan(uu_diem) }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if iii_muc.ton_tai %}")
    heading(doc, "{{ iii_muc.ton_tai }}. {{ iii_muc.ton_tai_ten }}", 2)
    # "a)" and "b)" only when both parts are there (`iii_muc.ton_tai_ab`).
    tag(doc, "{%p if (ton_tai or ton_tai_so_lieu) and iii_muc.ton_tai_ab %}")
    body(doc, "a) Tồn tại, hạn chế", italic=True, keep_next=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{{p doan(ton_tai) }}")
    tag(doc, "{%p for f in ton_tai_so_lieu %}")
    body(
        doc,
        "- {% if f.loai == 'qua_han' %}Còn {{ f.so }} nhiệm vụ quá hạn, chưa hoàn thành"
        "{% elif f.loai == 'chua_hoan_thanh' %}Còn {{ f.so }} nhiệm vụ chưa hoàn thành"
        "{% elif f.loai == 'hoan_thanh_muon' %}Có {{ f.so }} nhiệm vụ hoàn thành quá hạn"
        "{% elif f.loai == 'khong_dat' %}Có {{ f.so }} chỉ tiêu không đạt"
        "{% elif f.loai == 'nguy_co' %}Có {{ f.so }} chỉ tiêu có nguy cơ không đạt"
        "{% else %}Có {{ f.so }} nhiệm vụ thực hiện thường xuyên chưa có kết quả trong kỳ (nêu "
        "tại từng lĩnh vực, mục II){% endif %}"
        "{% if f.ten|length == 1 %}: {{ f.ten[0] }}.{% elif f.ten %}:{% else %}.{% endif %}",
        keep_next=True,
    )
    tag(doc, "{%p if f.ten|length > 1 %}")
    tag(doc, "{{p ds(f.ten, '+') }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if nguyen_nhan and iii_muc.ton_tai_ab %}")
    body(doc, "b) Nguyên nhân", italic=True, keep_next=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{{p doan(nguyen_nhan) }}")
    tag(doc, "{%p endif %}")

    heading(doc, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI")
    tag(doc, "{{p doan(phuong_huong) }}")
    bullets(
        doc,
        "{{ ky_toi_nhan }}",
        "nhiem_vu_ky_toi",
        TASK_DUE + ".",
    )
    bullets(
        doc,
        "Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành:",
        "tiep_tuc",
        TASK_DUE + "{% if t.tinh_trang %}: {{ t.tinh_trang }}{% endif %}.",
    )
    tag(doc, "{%p if ky_toi_ghi_chu %}")
    body(doc, "{{ ky_toi_ghi_chu }}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if kien_nghi %}")
    heading(doc, "V. ĐỀ XUẤT, KIẾN NGHỊ")
    # Section V's paragraphs are kept with the closing sentence and the signature, so that
    # the signature never stands on a page with that one sentence alone.
    tag(doc, "{%p for d in kien_nghi %}")
    body(doc, "{{ d.text }}", keep_next=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    body(doc, "Trên đây là báo cáo {{ ky_bao_cao_ngan }} của {{ ten_co_quan }}./.", keep_next=True)
    para(doc, "", style="Normal", after=6, keep_next=True)
    signer_block(doc)


TTHC_COLUMNS = ["tiep_nhan", "truc_tuyen", "truc_tiep", "ky_truoc", "da_giai_quyet",
                "truoc_han", "dung_han", "qua_han", "dang_giai_quyet", "trong_han",
                "dang_qua_han", "tra_lai"]  # fmt: skip


def tthc_annex(doc: DocumentObject, first: str, rows: str, total: str = "") -> None:
    """An annex table of TTHC cases, received, resolved, being resolved and returned, with
    the totals of each group: one row per report period so far (rows are not summed: the
    6-month and the year reports count from 15/12), or per lĩnh vực."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    groups = [(first, 1), ("Số hồ sơ tiếp nhận", 4), ("Số hồ sơ đã giải quyết", 4),
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
    _row_tag(table, f"{{%tr for r in {rows} %}}")
    fields = ["ky", *TTHC_COLUMNS]
    cells_row(table, [f"{{{{ r.{f} }}}}" for f in fields], center=set(range(1, len(fields))))
    _row_tag(table, "{%tr endfor %}")
    if total:  # the rows added up, in bold
        _row_tag(table, f"{{%tr if {total} %}}")
        cells_row(table, [f"{{{{ {total}.{f} }}}}" for f in fields],
                  center=set(range(1, len(fields))), bold=True)  # fmt: skip
        _row_tag(table, "{%tr endif %}")
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

    para(doc, "{{ phu_luc_muc.nhiem_vu }}. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG\u00a0TÂM",
         style="Heading 1", before=6)  # fmt: skip
    widths = [16.0, 62.0, 30.0, 34.0, 50.0, 30.0, 30.0]
    table = grid(
        doc,
        ["TT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Kết quả/sản phẩm", "Tiến độ", "Ghi chú"],
        widths,
    )
    _row_tag(table, "{%tr for p in phu_luc_nhiem_vu %}")
    group_row(table, "{{ p.so }}", "{{ p.tieu_de }}")
    _row_tag(table, "{%tr for t in p.nhiem_vu %}")
    _row_tag(table, "{%tr if t.nhom %}")  # a group inside the part: 7.1, 7.2
    group_row(table, "{{ t.tt }}", "{{ t.nhiem_vu }}")
    _row_tag(table, "{%tr else %}")
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
    cell = table.rows[-1].cells[1]  # a task whose name another shares: its objective under it
    cell.add_paragraph("{%p if t.muc_tieu %}", style="Table Text")
    cell.add_paragraph("{{ t.muc_tieu }}", style="Table Text").runs[0].italic = True
    cell.add_paragraph("{%p endif %}", style="Table Text")
    _row_tag(table, "{%tr endif %}")
    _row_tag(table, "{%tr endfor %}")
    _row_tag(table, "{%tr endfor %}")
    _fixed(table, widths)
    after_table(doc)

    tag(doc, "{%p if phu_luc_chi_tieu %}")
    para(doc, "{{ phu_luc_muc.chi_tieu }}. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ\u00a0YẾU",
         style="Heading 1")  # fmt: skip
    widths = [16.0, 124.0, 28.0, 44.0, 40.0]
    table = grid(doc, ["TT", "Chỉ tiêu", "Mục tiêu", "Thực hiện", "Đánh giá"], widths)
    _row_tag(table, "{%tr for g in phu_luc_chi_tieu %}")
    group_row(table, "", "{{ g.ten }}")
    _row_tag(table, "{%tr for t in g.chi_tieu %}")
    cells_row(
        table,
        ["{{ t.tt }}", "{{ t.ten }}", "{{ t.muc_tieu }}", "{{ t.thuc_hien }}", "{{ t.danh_gia }}"],
        center={0, 2, 3},
    )
    _row_tag(table, "{%tr endfor %}")
    _row_tag(table, "{%tr endfor %}")
    _fixed(table, widths)
    after_table(doc)
    tag(doc, "{%p endif %}")

    para(doc, "{{ phu_luc_muc.tong_hop }}. TỔNG HỢP KẾT QUẢ HOÀN THÀNH NHIỆM\u00a0VỤ",
         style="Heading 1")  # fmt: skip
    body(doc, "{{ phu_luc_tong_hop_ghi_chu }}", italic=True, keep_next=True)
    widths = [42.0] + [19.0] * 11
    headers = [
        "Lĩnh vực",
        "Số nhiệm vụ",
        "Thường xuyên",
        "Đến hạn",
        "Đã hoàn thành",
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Tỷ lệ hoàn thành",
        "Quá hạn, chưa hoàn thành",
        # The year report: due in the year, not done; before the year's end (when a task due
        # and not done is overdue): not yet due, not done.
        "{% if tong_hop.ca_nam_bao_cao %}Chưa hoàn thành{% else %}Chưa đến hạn{% endif %}",
        "Hoàn thành trước hạn",
        "Không thực hiện",
    ]
    table = grid(doc, headers, widths)
    fields = ["so_nhiem_vu", "thuong_xuyen", "den_han", "hoan_thanh", "dung_han",
              "hoan_thanh_qua_han", "ty_le", "qua_han", "chua_hoan_thanh", "truoc_han",
              "khong_thuc_hien"]  # fmt: skip
    # Column (10): the year's tasks due and not done, or mid-year those not yet due.
    tenth = "{{ %s.chua_hoan_thanh if tong_hop.ca_nam_bao_cao else %s.chua_den_han }}"
    _row_tag(table, "{%tr for r in phu_luc_tong_hop %}")
    cells_row(
        table,
        [
            "{{ r.linh_vuc }}",
            *(tenth % ("r", "r") if f == "chua_hoan_thanh" else f"{{{{ r.{f} }}}}" for f in fields),
        ],
        center=set(range(1, len(headers))),
    )
    _row_tag(table, "{%tr endfor %}")
    cells_row(
        table,
        [
            "Tổng cộng",
            *(
                tenth % ("tong_cong", "tong_cong")
                if f == "chua_hoan_thanh"
                else f"{{{{ tong_cong.{f} }}}}"
                for f in fields
            ),
        ],
        center=set(range(1, len(headers))),
        bold=True,
    )
    _fixed(table, widths)
    after_table(doc)

    tag(doc, "{%p if phu_luc_tthc %}")
    para(doc, "{{ phu_luc_muc.tthc }}. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO KỲ BÁO\u00a0CÁO",
         style="Heading 1")  # fmt: skip
    tthc_annex(doc, "Kỳ báo cáo", "phu_luc_tthc")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if phu_luc_tthc_linh_vuc %}")
    para(doc, "{{ phu_luc_muc.linh_vuc }}. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO LĨNH"
         "\u00a0VỰC", style="Heading 1")  # fmt: skip
    tthc_annex(doc, "Lĩnh vực", "phu_luc_tthc_linh_vuc", "phu_luc_tthc_linh_vuc_tong")
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
    # The template's own properties: a rendered report replaces them with its own
    # (`views.docx.render_docx`, `ReportView.properties`).
    props.title = "Báo cáo kết quả thực hiện công tác cải cách hành chính"
    props.subject = "Mẫu báo cáo CCHC (cchc report)"
    props.author = ""
    props.comments = "Mẫu báo cáo của cchc: sửa bố cục, câu chữ tại đây; giữ nguyên các thẻ Jinja."
    props.keywords = "CCHC"
    props.last_modified_by = ""
    props.revision = 1
    props.language = "vi-VN"
    drop_borrowed_parts(doc)
    doc.save(str(path))
    return path


def drop_borrowed_parts(doc: DocumentObject) -> None:
    """Leave out the parts python-docx's default document brings that describe another
    file: the extended properties (docProps/app.xml: "Microsoft Macintosh Word", 1 page, 0
    words, Normal.dotm) and the preview of a blank page (docProps/thumbnail.jpeg). Both are
    optional; Word and LibreOffice write their own when they save the report."""
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype in (RT.EXTENDED_PROPERTIES, RT.THUMBNAIL):
            package_rels.pop(rid)


if __name__ == "__main__":
    out = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
    print(out)
