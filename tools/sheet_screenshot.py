"""Make docs/sheet.png, the picture of a unit's workbook in the guides.

    python tools/sheet_screenshot.py [OUTPUT.png]

A unit's workbook for the 6-month report of plans/2023.yaml (Bộ phận một cửa's, made on
01/06/2023, so that its title block shows the due date a unit would see), two rows filled
in as a unit head would, printed by LibreOffice Calc to PDF (`soffice --convert-to pdf`)
and its first page turned into a PNG (`pdftoppm -png`), cropped to the title block and the
first rows. Needs LibreOffice and poppler-utils.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

import openpyxl
from print_page import first_sheet_png

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2023.yaml"
OUTPUT = ROOT / "docs" / "sheet.png"
MADE = dt.date(2023, 6, 1)
FILLED = {  # id -> Tình trạng, Ngày, Minh chứng, Ghi chú
    "III.1": ("hoàn thành", dt.date(2023, 6, 12), "Báo cáo số 45/BC-BPMC", None),
    "III.2": ("đang thực hiện", dt.date(2023, 6, 13), None, "Đang rà soát quy trình nội bộ"),
}
DPI = 110
CROP = (70, 95, 1146, 480)  # x, y, width, height in pixels at DPI: the title block, 5 rows


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from cchc_cli.files.workbook import to_xlsx
    from cchc_cli.files.workspace import open_workspace
    from cchc_cli.plan.status import compute_status
    from cchc_cli.views.sheets import unit_sheet

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    ws = open_workspace(PLAN)
    now = compute_status(ws.plan, ws.progress, MADE, quarter=2)
    digest = hashlib.sha256(PLAN.read_bytes()).hexdigest()
    sheets = unit_sheet(ws.plan, ws.progress, digest, PLAN.name, "BPMC", 2, now, MADE)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book_path = folder / "2023-q2-BPMC.xlsx"
        book_path.write_bytes(to_xlsx(sheets))  # type: ignore[arg-type]
        book = openpyxl.load_workbook(book_path)
        tasks = book["Nhiệm vụ"]
        for row in tasks.iter_rows():
            given = FILLED.get(row[0].value)
            for i, value in enumerate(given or ()):
                tasks.cell(row=row[0].row, column=7 + i, value=value)
        # printed: the tasks alone
        shutil.copyfile(first_sheet_png(book, book_path, folder, CROP, DPI), out)
    print(out)


if __name__ == "__main__":
    main()
