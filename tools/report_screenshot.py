"""Make docs/report-page1.png, report-page3.png and report-annex.png, the pages of the
example year's report shown in the guides.

    python tools/report_screenshot.py [FOLDER]

The year report of plans/2023.yaml with examples/2023.progress.yaml (`cchc report -q 4`),
printed by LibreOffice to PDF (`soffice --convert-to pdf`); its first and third pages and
the first page of its annex turned into PNGs (`pdftoppm -png -r 72`). Needs LibreOffice and
poppler-utils.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from print_page import to_pdf

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs"
DPI = 72


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return next(int(ln.split()[-1]) for ln in info.stdout.splitlines() if ln.startswith("Pages:"))


def first_landscape_page(pdf: Path, pages: int) -> int:
    """The annex is the first landscape page (its width above its height)."""
    for page in range(1, pages + 1):
        info = subprocess.run(
            ["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        size = next(ln for ln in info.stdout.splitlines() if ln.startswith(f"Page {page:4d} size"))
        width, height = (float(x) for x in size.split(":", 1)[1].split("pts")[0].split(" x "))
        if width > height:
            return page
    raise SystemExit("no landscape page: the report has no annex")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    cchc = Path(sys.executable).parent / "cchc"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report = folder / "bao-cao-cchc-2023-nam.docx"
        subprocess.run(
            [str(cchc), "report", "-q", "4", str(ROOT / "plans" / "2023.yaml"),
             "--progress", str(ROOT / "examples" / "2023.progress.yaml"), "-o", str(report)],
            check=True, capture_output=True, timeout=300, cwd=ROOT,
        )  # fmt: skip
        pdf = to_pdf(report, folder)
        annex = first_landscape_page(pdf, pdf_pages(pdf))
        for page, name in ((1, "report-page1"), (3, "report-page3"), (annex, "report-annex")):
            subprocess.run(
                ["pdftoppm", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                 "-r", str(DPI), str(pdf), str(folder / name)],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            shutil.copyfile(folder / f"{name}.png", out / f"{name}.png")
            print(out / f"{name}.png")


if __name__ == "__main__":
    main()
