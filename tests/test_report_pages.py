"""The four reports of the example year, as LibreOffice lays them out on pages.

`cchc report -q N --progress examples/2023.progress.yaml` for N = 1..4: no placeholder is
left, the TTHC tables add up both ways, and the PDF that LibreOffice makes has the layout
of Nghị định 30/2020: the rule under the motto as long as the motto, the annex numbered on
its own, no group row alone at the foot of a page, the signature on the page of the
closing sentence, no heading stretched across its line.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from helpers import cchc, require_tool
from test_report import POPPLER, paragraphs, table_with, to_pdf

from cchc_cli.files.workspace import open_workspace
from cchc_cli.plan.measures import figure_of
from cchc_cli.plan.period import internal_ids
from cchc_cli.views.report import count

PLAN = ROOT / "plans" / "2023.yaml"
PROGRESS = ROOT / "examples" / "2023.progress.yaml"
SIGNED = {1: "2023-03-16", 2: "2023-06-16", 3: "2023-09-18", 4: "2023-12-18"}


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, str]]:
    """Each quarter's report (the .docx) and what cchc said on stderr."""
    folder = tmp_path_factory.mktemp("year")
    made = {}
    for q, day in SIGNED.items():
        out = folder / f"q{q}.docx"
        # As the "done when" runs it: the signing date and number come from the
        # period's own settings in the progress file (`ngay_ky`, `so`).
        run = cchc("report", str(PLAN), "-q", str(q), "--progress", str(PROGRESS),
                   "-o", str(out), "--lang", "vi")  # fmt: skip
        assert run.code == 0, run.all
        assert f"ngày {int(day[8:])} tháng {int(day[5:7])} năm 2023" in "\n".join(
            p.text for p in paragraphs(Document(str(out)))
        ).replace("ngày 0", "ngày ").replace("tháng 0", "tháng "), q
        made[q] = (out, run.err)
    return made


@pytest.fixture(scope="module")
def pdfs(year: dict[int, tuple[Path, str]], tmp_path_factory: pytest.TempPathFactory) -> dict:
    docs = [year[q][0] for q in sorted(year)]
    return dict(zip(sorted(year), to_pdf(docs, tmp_path_factory.mktemp("pdf")), strict=True))


def pages(pdf: Path) -> list[list[str]]:
    """Each page's non-blank lines, laid out as on the page."""
    tool = require_tool("pdftotext", install=POPPLER)
    text = subprocess.run([tool, "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    return [[ln for ln in p.split("\n") if ln.strip()] for p in text.split("\f")][:-1]


def words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes (x0, y0, x1, y1, text), in points."""
    tool = require_tool("pdftotext", install=POPPLER)
    html = subprocess.run([tool, "-bbox", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    box = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    return [
        [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(box, page)]
        for page in html.split("<page ")[1:]
    ]


def lines_of(page: list[tuple[float, float, float, float, str]]) -> list[tuple[str, list]]:
    """The page's lines: their text without spaces (NFC) and their words left to right."""
    rows: dict[int, list] = {}
    for w in page:
        rows.setdefault(round(w[1]), []).append(w)
    out = []
    for _, ws in sorted(rows.items()):
        ws.sort()
        out.append((unicodedata.normalize("NFC", "".join(w[4] for w in ws)), ws))
    return out


def squash(text: str) -> str:
    return unicodedata.normalize("NFC", re.sub(r"\s+", "", text))


# --- the documents ----------------------------------------------------------------------------


def test_no_placeholder_is_left_and_nothing_but_targets_is_missing(year: dict) -> None:
    """The example has every narrative and figure of every period; what its reports lack
    is values of targets not measured yet (listed, never printed), and the year report
    lacks nothing."""
    for q, (out, err) in year.items():
        text = "\n".join(p.text for p in paragraphs(Document(str(out))))
        assert "Cần bổ sung" not in text and "chưa có số liệu" not in text.lower(), q
        items = [ln for ln in err.splitlines() if re.match(r"  \d+\. ", ln)]
        assert all("(CT" in ln and "cchc record CT" in ln for ln in items), (q, items)
        assert bool(items) == (q != 4), (q, err)


def test_the_tthc_tables_add_up_both_ways(year: dict) -> None:
    for q, (out, _) in year.items():
        doc = Document(str(out))
        body = table_with(doc, "STT")
        n = {r.cells[1].text: int(r.cells[2].text.replace(".", "") or 0) for r in body.rows[1:]}
        received = n["Tổng số hồ sơ tiếp nhận"]
        assert received == (
            n["Số hồ sơ tiếp nhận trực tuyến"]
            + n["Số hồ sơ tiếp nhận trực tiếp hoặc qua dịch vụ bưu chính"]
            + n["Số hồ sơ từ kỳ trước chuyển qua"]
        ), q
        assert received == (
            n["Số hồ sơ đã giải quyết"] + n["Số hồ sơ đang giải quyết"]
            + n["Số hồ sơ trả lại hoặc rút"]
        ), q  # fmt: skip
        # The annex: one row per report of the year so far, each adding up across.
        annex = table_with(doc, "Kỳ báo cáo")
        rows = [[c.text for c in r.cells] for r in annex.rows[3:]]
        assert len(rows) == q, q
        for row in rows:
            v = [int(x.replace(".", "")) for x in row[1:]]
            assert v[0] == v[1] + v[2] + v[3] == v[4] + v[8] + v[11], (q, row)
            assert v[4] == v[5] + v[6] + v[7] and v[8] == v[9] + v[10], (q, row)
        assert int(rows[-1][1].replace(".", "")) == received, q  # this report's own row


def units(figures: object) -> int:
    """The units: `tong_so_don_vi`, or the departments and public service units it adds up."""
    total = figure_of(figures, "tong_so_don_vi")
    assert total is not None
    return total


def test_section_one_and_the_areas_carry_their_figures(year: dict) -> None:
    ws = open_workspace(PLAN, PROGRESS)
    for q, (out, _) in year.items():
        figures = ws.progress.narrative(q).so_lieu
        text = "\n".join(p.text for p in paragraphs(Document(str(out))))
        if figures.cuoc_kiem_tra and q == 3:  # quý III counts its own: no share of the year's
            kiem_tra = (
                f"Trong quý III, đã tổ chức {count(figures.cuoc_kiem_tra)} cuộc kiểm tra công tác "
                f"CCHC tại {count(figures.don_vi_duoc_kiem_tra)} phòng, đơn vị,"
            )
        elif figures.cuoc_kiem_tra:
            kiem_tra = (
                f"Đã tổ chức {count(figures.cuoc_kiem_tra)} cuộc kiểm tra công tác CCHC tại "
                f"{count(figures.don_vi_duoc_kiem_tra)}/{count(units(figures))} phòng, đơn vị"
            )
        else:  # a zero is said in words
            kiem_tra = "Trong kỳ, chưa tổ chức kiểm tra công tác CCHC."
        assert kiem_tra in text, q
        assert f"ban hành {count(figures.van_ban_chi_dao)} kế hoạch, văn bản chỉ đạo" in text
        assert f"{count(figures.tin_bai_tuyen_truyen)} tin, bài, hoạt động tuyên truyền" in text
        assert f"Rà soát {count(figures.vb_qppl_ra_soat)} văn bản QPPL" in text
        assert f"cho {count(figures.luot_dao_tao)} lượt cán bộ, công chức, viên chức" in text
        assert f"{count(figures.van_ban_ky_so)} văn bản được ký số" in text
        assert f"gồm {figures.so_phong} phòng chuyên môn, nghiệp vụ" in text
        assert f"Biên chế công chức được giao {figures.bien_che_giao}" in text
        assert "Quyết định số 766/QĐ-TTg ngày 23/6/2022" in text
        assert "chi tiết tại Phụ lục kèm theo" in text
        if figures.sang_kien == 0:
            assert "Trong kỳ, chưa có sáng kiến, giải pháp về CCHC được công nhận." in text
        assert not re.search(r"(?<![\d.,/])0 (?!giờ)\w", text), (
            q,
            re.findall(r".{30}\b0 \w+", text),
        )


def test_a_target_is_named_by_its_subject_in_the_plan_s_words(year: dict) -> None:
    text = "\n".join(p.text for p in paragraphs(Document(str(year[2][0]))))
    text = text.replace("≥\u00a0", "≥ ")  # the sign is held to its number
    # The plan: "Tiếp tục triển khai thực hiện số hóa kết quả giải quyết TTHC thuộc thẩm
    # quyền giải quyết của Sở, đạt tỷ lệ tối thiểu là 70% số hồ sơ tiếp nhận."
    # Met before the year's end: against the year's target, as of its day (#26 review, 9).
    assert (
        "- Tiếp tục triển khai thực hiện số hóa kết quả giải quyết TTHC thuộc thẩm quyền giải "
        "quyết của Sở, đạt tỷ lệ tối thiểu là 70% số hồ sơ tiếp nhận: mục tiêu cả năm ≥ 70%; "
        "đến ngày 09/6/2023 thực hiện 73,6%, vượt mục tiêu." in text
    )
    # A target after "trong đó" keeps its own words only.
    assert "- Tối thiểu 80% DVC trực tuyến được cập nhật lên cơ sở dữ liệu TTHC" in text


def test_layout_facts_of_the_docx(year: dict) -> None:
    doc = Document(str(year[2][0]))
    ranges = {"top_margin": (20, 25), "bottom_margin": (20, 25), "left_margin": (30, 35),
              "right_margin": (15, 20)}  # fmt: skip
    for section in doc.sections:
        for name, (low, high) in ranges.items():
            mm = round(getattr(section, name).mm, 2)
            assert low <= mm <= high, (name, mm)
    for name in ("Heading 1", "Heading 2"):
        assert doc.styles[name].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    tasks = table_with(doc, "TT")
    groups = [r for r in tasks.rows if r.cells[1].text and r.cells[1].text == r.cells[-1].text]
    assert len(groups) >= 6
    for row in groups:
        assert all(p.paragraph_format.keep_with_next for p in row.cells[1].paragraphs)
    closing = next(p for p in paragraphs(doc) if p.text.startswith("Trên đây là báo cáo"))
    assert closing.paragraph_format.keep_with_next
    signer = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    assert signer.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    annex = doc.sections[1]._sectPr.find(qn("w:pgNumType"))
    assert annex is not None and annex.get(qn("w:start")) == "1"


# --- the pages --------------------------------------------------------------------------------


def test_the_annex_is_numbered_on_its_own(pdfs: dict) -> None:
    for q, pdf in pdfs.items():
        laid = pages(pdf)
        first = next(i for i, p in enumerate(laid) if p[0].strip() == "Phụ lục")
        assert laid[first - 1][0].strip().isdigit(), q  # the body's last page has its number
        assert laid[first + 1][0].strip() == "2", (q, laid[first + 1][0])
        assert all(laid[i][0].strip() == str(i - first + 1) for i in range(first + 1, len(laid)))


def test_no_group_row_is_left_at_the_foot_of_a_page(pdfs: dict) -> None:
    plan = open_workspace(PLAN).plan
    groups = {squash(f"{p.so}{p.tieu_de}") for p in plan.phu_luc.phan}
    groups |= {squash(f"{g.so}{g.tieu_de}") for p in plan.phu_luc.phan for g in p.nhom}
    for q, pdf in pdfs.items():
        for n, page in enumerate(pages(pdf), 1):
            assert squash(page[-1]) not in groups, (q, n, page[-1])


def test_the_signature_stands_with_the_closing_sentence(pdfs: dict) -> None:
    for q, pdf in pdfs.items():
        laid = pages(pdf)
        signed = [p for p in laid if any("Nơi nhận:" in ln for ln in p)]
        assert len(signed) == 1, q
        page = squash("\n".join(signed[0]))
        assert squash("Trên đây là báo cáo") in page, q
        # and not with that sentence alone: something of section V stands above it
        body_lines = [ln for ln in signed[0] if not ln.strip().isdigit()]
        closing = next(i for i, ln in enumerate(body_lines) if "Trên đây là báo cáo" in ln)
        assert closing > 0, (q, body_lines[:3])
        assert squash("Hoàng Văn Quảng") in page, q


def test_no_heading_is_stretched(pdfs: dict) -> None:
    heading = re.compile(r"^(I|II|III|IV|V|\d)\.[A-ZĐÂÊÔƠƯÁÀẢÃẠ]")
    for q, pdf in pdfs.items():
        seen = 0
        for page in words(pdf):
            for text, ws in lines_of(page):
                if not heading.match(text):
                    continue
                gaps = [b[0] - a[2] for a, b in zip(ws, ws[1:], strict=False)]
                spaces = [g for g in gaps if g > 1]  # letters with marks come apart by < 1 pt
                seen += 1
                assert max(spaces, default=0) < 4.5, (q, text, max(spaces))  # a space: 3.5 pt
        assert seen >= 10, q


def _dark_runs(pdf: Path, dpi: int = 150) -> list[tuple[float, float, float]]:
    """Horizontal dark runs of at least 15 mm on page 1: (y, x0, x1) in mm."""
    tool = require_tool("pdftoppm", install=POPPLER)
    data = subprocess.run([tool, "-gray", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf)],
                          capture_output=True, check=True).stdout  # fmt: skip
    magic, size, _, pixels = data.split(b"\n", 3)
    assert magic == b"P5"
    width, height = map(int, size.split())
    mm = 25.4 / dpi
    runs = []
    for y in range(height):
        row = pixels[y * width : (y + 1) * width]
        for found in re.finditer(rb"[\x00-\x7f]{%d,}" % int(15 / mm), row):
            runs.append((y * mm, found.start() * mm, found.end() * mm))
    return runs


def fonts_of(pdf: Path) -> set[str]:
    """The fonts a PDF sets its text in, without the subset prefix (ABCDEF+)."""
    tool = require_tool("pdffonts", install=POPPLER)
    listed = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True).stdout
    return {ln.split()[0].split("+")[-1] for ln in listed.splitlines()[2:] if ln.strip()}


def test_the_report_is_set_in_times_new_roman_s_metrics(pdfs: dict) -> None:
    # What the page tests measure holds for Times New Roman and the fonts that share its
    # widths; every letter, the Vietnamese ones included, is in one of them (no fallback).
    for q, pdf in pdfs.items():
        used = fonts_of(pdf)
        assert used and all(f.startswith(("LiberationSerif", "TimesNewRoman")) for f in used), (
            q,
            used,
        )


def test_the_rule_under_the_motto_is_as_long_as_the_motto(pdfs: dict) -> None:
    # Measured on the page against the motto as rendered, in the pinned fonts.
    pdf = pdfs[2]
    motto = next(ws for text, ws in lines_of(words(pdf)[0]) if text == "Độclập-Tựdo-Hạnhphúc")
    pt = 25.4 / 72
    x0, x1, bottom = motto[0][0] * pt, motto[-1][2] * pt, motto[0][3] * pt
    below = [r for r in _dark_runs(pdf) if bottom - 1 < r[0] < bottom + 6 and r[1] > x0 - 10]
    assert below, "no rule under the motto"
    y, r0, r1 = below[0]
    assert abs((r1 - r0) - (x1 - x0)) < 1.5, (r1 - r0, x1 - x0)
    assert abs((r0 + r1) / 2 - (x0 + x1) / 2) < 1.5  # centred under it


def test_no_internal_code_or_task_number_anywhere_in_the_document(year: dict) -> None:
    """cchc's ids (I.1.a, 7.1.5, CT3.2.c) name nothing for the reader: the body names tasks
    and targets in the plan's words, the annex numbers rows as the plan does. The office's
    own words are checked too (the example's narrative names no id)."""
    ws = open_workspace(PLAN, PROGRESS)
    an_id = internal_ids(ws.plan)
    for q, (out, _) in year.items():
        doc = Document(str(out))
        text = "\n".join(p.text for p in paragraphs(doc))  # the body and every table
        assert not an_id.findall(text), (q, sorted(set(an_id.findall(text))))
    assert an_id.findall("Nhiệm vụ VI.2 và 7.1.5; chỉ số CT2.3.a") == ["VI.2", "7.1.5", "CT2.3.a"]
    assert an_id.findall("Số hóa 1.050/1.400 hồ sơ; ISO 9001:2015; ngày 09/11") == []


def test_no_heading_breaks_inside_a_fixed_phrase(pdfs: dict) -> None:
    """ "CẢI CÁCH HÀNH CHÍNH" and "Chỉ số hài lòng (SIPAS)" are never cut at a line's end (#26
    review, finding 14: "…CẢI CÁCH / HÀNH CHÍNH", "Chỉ số hài / lòng (SIPAS)")."""
    phrases = ("CẢI CÁCH HÀNH CHÍNH", "Chỉ số hài lòng (SIPAS)")
    seen = 0
    for q, pdf in pdfs.items():
        for page in pages(pdf):
            lines = [" ".join(ln.split()) for ln in page]
            for a, b in zip(lines, lines[1:], strict=False):
                for phrase in phrases:
                    words_ = phrase.split()
                    seen += phrase in a
                    for k in range(1, len(words_)):
                        head, tail = " ".join(words_[:k]), " ".join(words_[k:])
                        assert not (a.endswith(head) and b.startswith(tail)), (q, a, b)
    assert seen >= 8


def _rows_per_page(pdf: Path, heading: str, until: str, labels: list[str]) -> list[int]:
    """How many rows of a table whose rows start with `labels` each page holds, between the
    heading that opens it and the one after it."""
    counts, inside = [], False
    for page in pages(pdf):
        found = 0
        for line in page:
            text = " ".join(line.split())
            if text.startswith(heading):
                inside = True
            elif text.startswith(until):
                inside = False
            elif inside and any(text.startswith(label) for label in labels):
                found += 1
        if found:
            counts.append(found)
    return counts


def test_no_table_leaves_one_or_two_rows_on_a_page(pdfs: dict) -> None:
    """The tally of the annex and its TTHC cases by lĩnh vực, as LibreOffice lays them out:
    every page a table reaches holds three of its rows or more (#26 review, finding 14)."""
    ws = open_workspace(PLAN, PROGRESS)
    areas = [" ".join(a.ten.split()[:3]) for a in ws.plan.linh_vuc]  # the total row aside
    for q, pdf in pdfs.items():
        tally = _rows_per_page(pdf, "III. TỔNG HỢP KẾT QUẢ", "IV. KẾT QUẢ", areas)
        assert sum(tally) == len(areas) and all(n >= 3 for n in tally), (q, tally)
        fields = [" ".join(a.linh_vuc.split()[:2]) for a in ws.progress.narrative(q).tthc_linh_vuc]
        cases = _rows_per_page(pdf, "V. KẾT QUẢ GIẢI QUYẾT", "\x00", fields)
        assert sum(cases) == len(fields) and all(n >= 3 for n in cases), (q, cases)
        assert any("Tổng cộng" in ln for ln in pages(pdf)[-1]), q  # with the last rows
