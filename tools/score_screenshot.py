"""Make docs/score.png, the picture of `cchc score`'s workbook in the guides.

    python tools/score_screenshot.py [OUTPUT.png]

The self-assessment workbook of plans/2023.yaml with examples/2023.progress.yaml (`cchc
score -o tu-cham.xlsx`, scored at the year's end), its sheet "Tự chấm điểm" printed by
LibreOffice Calc to PDF (`soffice --convert-to pdf`) and its first page turned into a PNG
(`pdftoppm -png`), cropped to the title and the first rows. Needs LibreOffice and
poppler-utils.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from print_page import first_sheet_png

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "score.png"
DPI = 130
CROP = (92, 124, 1320, 610)  # x, y, width, height at DPI: the header, criteria 1 to 1.3


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    cchc = Path(sys.executable).parent / "cchc"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book_path = folder / "tu-cham.xlsx"
        subprocess.run(
            [str(cchc), "score", "plans/2023.yaml", "--progress", "examples/2023.progress.yaml",
             "--as-of", "2023-12-31",
             "-o", str(book_path)],
            check=True, capture_output=True, timeout=300, cwd=ROOT,
        )  # fmt: skip
        book = openpyxl.load_workbook(book_path)  # printed: the scores alone
        shutil.copyfile(first_sheet_png(book, book_path, folder, CROP, DPI), out)
    print(out)


if __name__ == "__main__":
    main()
