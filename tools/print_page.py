"""The first page of a document as LibreOffice prints it, cropped to a PNG: what the
guides' pictures of workbooks are made from (`tools/*_screenshot.py`). Needs LibreOffice
(`soffice --convert-to pdf`) and poppler-utils (`pdftoppm`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any


def to_pdf(document: Path, folder: Path) -> Path:
    """`document` printed to PDF by LibreOffice in `folder`, with a profile of its own."""
    soffice = shutil.which("soffice") or "soffice"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(folder), str(document)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return folder / f"{document.stem}.pdf"


def first_page_png(document: Path, folder: Path, crop: tuple[int, int, int, int], dpi: int) -> Path:
    """`document` printed to PDF in `folder` (`to_pdf`), and its first page as a PNG cropped
    to `crop` (x, y, width, height at `dpi`)."""
    pdf = to_pdf(document, folder)
    x, y, w, h = crop
    stem = folder / f"{document.stem}-page"
    subprocess.run(
        ["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-r", str(dpi),
         "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), str(pdf), str(stem)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return stem.with_suffix(".png")


def first_sheet_png(
    book: Any, path: Path, folder: Path, crop: tuple[int, int, int, int], dpi: int
) -> Path:
    """An openpyxl workbook saved at `path` with every sheet but its first hidden, so that
    the first alone is printed (`first_page_png`)."""
    for name in book.sheetnames[1:]:
        book[name].sheet_state = "hidden"
    book.save(path)
    return first_page_png(path, folder, crop, dpi)
