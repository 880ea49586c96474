"""Hostile workbooks and amendment text: `cchc import` and `cchc diff` never fall over.

Whatever a returned workbook holds (any value in any cell, the hidden sheet edited, parts
damaged, re-encoded or given a DTD) and whatever an amendment's text holds, cchc ends with
exit status 0, 1 or 2, prints no traceback and no line a CI runner would obey, and leaves
the progress file as it was unless the import succeeded. Bounded like tests/test_fuzz.py.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import openpyxl
from conftest import MINIMAL_PLAN, ROOT
from helpers import cchc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

SCRATCH = Path(tempfile.mkdtemp(prefix="cchc-fuzz-import-"))
REPO = SCRATCH / "repo"
(REPO / "plans").mkdir(parents=True)
shutil.copy(ROOT / "plans" / "2023.yaml", REPO / "plans" / "2023.yaml")
PLAN = REPO / "plans" / "2023.yaml"
PROGRESS = REPO / "plans" / "2023.progress.yaml"
SEED = "nam: 2023\nnhiem_vu:\n  - ma: I.1.b\n    ngay: 2023-03-01\n    trang_thai: dang_thuc_hien\n"
COMMAND_LINE = re.compile(r"^\s*(::|##\[|##vso\[)")
SOME = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def _base() -> Path:
    made = cchc("sheet", "--unit", "VP", "--quarter", "2", str(PLAN), "-o",
                str(SCRATCH / "base.xlsx"))  # fmt: skip
    assert made.code == 0, made.all
    return SCRATCH / "base.xlsx"


BASE = _base()
SHEETS = openpyxl.load_workbook(BASE).sheetnames

_FRAGMENTS = ["\n", "::error title=x::y", "\n::error::x", "\n  ::stop-commands::t", "##[error]z",
              "##vso[task.setvariable]", "`", "<b>",
              "1", "2", ".", ",", "²", "①", "-", " ", "\x1b[2J", "\u202e", "=", "I.1.a"]  # fmt: skip
_texts = st.one_of(
    st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=4)), max_size=6).map("".join),
    st.text(max_size=30),
    st.sampled_from(
        [
            "hoàn thành",
            "đang thực hiện",
            "14/06/2023",
            "2023-06-14",
            "1.5",
            "1.234",
            "7²",
            "①",
            "72,5",
            "=1+1",
            "-1",
            "abc",
            "\n::error::x",
            "\x1b[2J",
            "\u202e",
            "III.1",
            "VP",
            "BPMC",
            "1",
            "5",
            "0",
            "2023",
            "cchc-sheet/1",
            "cchc-sheet/2",
            "cchc-sheet/3",
            "III.1. Ưu điểm",
            "Mã",
            "x" * 3000,
        ]
    ),  # fmt: skip
)
_values = st.one_of(
    st.none(), _texts, st.integers(-(10**12), 10**12), st.floats(allow_nan=True),
    st.dates(dt.date(1900, 1, 2), dt.date(2200, 1, 1)), st.booleans(),
)  # fmt: skip


def _outcome(workbook: Path) -> None:
    before = PROGRESS.read_bytes()
    r = cchc("import", str(workbook), str(PLAN))
    assert r.code in (0, 1, 2), r.all
    assert "Traceback" not in r.all and "internal error" not in r.all, r.all
    assert not [ln for ln in r.all.splitlines() if COMMAND_LINE.match(ln)], r.all
    if r.code != 0:
        assert PROGRESS.read_bytes() == before, r.all


# Where a returned sheet is typed in: the cells to fill, the TTHC counts, the report's prose,
# the hidden sheet's values, the ids and the header rows (row 10, under the title block);
# and anywhere else.
_HOT = st.one_of(
    st.tuples(st.just("Nhiệm vụ"), st.integers(10, 18), st.sampled_from([1, 7, 8, 9, 10])),
    st.tuples(st.just("Chỉ tiêu"), st.integers(10, 18), st.sampled_from([1, 5, 6, 7, 8, 9])),
    st.tuples(st.just("Thống kê TTHC"), st.integers(10, 27), st.just(4)),
    st.tuples(st.just("Phần viết"), st.integers(10, 19), st.sampled_from([1, 3, 4])),
    st.tuples(st.just("_cchc"), st.integers(2, 10), st.just(2)),
    st.tuples(st.sampled_from(SHEETS), st.integers(1, 40), st.integers(1, 14)),
)


@SOME
@given(st.lists(st.tuples(_HOT, _values), min_size=1, max_size=8))
def test_import_of_any_cell_values(edits: list[tuple[tuple[str, int, int], object]]) -> None:
    PROGRESS.write_text(SEED, encoding="utf-8")
    book = openpyxl.load_workbook(BASE)
    for (sheet, row, col), value in edits:
        try:
            book[sheet].cell(row=row, column=col, value=value)
        except (ValueError, TypeError, AttributeError, IllegalCharacterError):
            continue  # openpyxl will not hold it (or the cell is inside a merged title line)
    out = SCRATCH / "cells.xlsx"
    try:
        book.save(out)
    except (ValueError, TypeError):
        return
    _outcome(out)


_DOCTYPE = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>'


@SOME
@given(
    st.sampled_from(sorted(zipfile.ZipFile(BASE).namelist())),
    st.sampled_from(
        [
            "truncate",
            "flip",
            "doctype",
            "utf16",
            "random",
            "drop",
            "upper",
            "encrypted",
            "deflate64",
        ]
    ),  # fmt: skip
    st.integers(0, 10**6),
    st.binary(max_size=64),
)
def test_import_of_damaged_packages(part: str, how: str, at: int, noise: bytes) -> None:
    PROGRESS.write_text(SEED, encoding="utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(BASE) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
        for item in z.infolist():
            data, name = z.read(item.filename), item.filename
            if name == part:
                if how == "truncate":
                    data = data[: at % (len(data) + 1)]
                elif how == "flip" and data:
                    i = at % len(data)
                    data = data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1 :]
                elif how == "doctype":
                    data = _DOCTYPE + data
                elif how == "utf16":
                    data = data.decode("utf-8", "replace").encode("utf-16")
                elif how == "random":
                    data = noise
                elif how == "drop":
                    continue
                elif how == "upper":
                    name = name.upper()
            o.writestr(name, data)
    raw = out.getvalue()
    if how in ("encrypted", "deflate64"):  # a part's headers say so
        raw = _flagged(raw, part, how)
    if how == "flip" and at % 3 == 0:  # damage the zip itself, not a part
        i = at % len(raw)
        raw = raw[:i] + bytes([raw[i] ^ 0xFF]) + raw[i + 1 :]
    path = SCRATCH / "package.xlsx"
    path.write_bytes(raw)
    _outcome(path)


def _flagged(raw: bytes, part: str, how: str) -> bytes:
    """The package with one part's headers (local and central) marked encrypted, or as
    compressed with Deflate64 (method 9)."""
    import struct

    data = bytearray(raw)
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        local = z.getinfo(part).header_offset
    name = part.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        n = struct.unpack("<H", data[central + 28 : central + 30])[0]
        if data[central + 46 : central + 46 + n] == name:
            break
        central = data.find(b"PK\x01\x02", central + 4)
    for header, (flag_at, method_at) in ((local, (6, 8)), (central, (8, 10))):
        if header < 0:
            continue
        if how == "encrypted":
            data[header + flag_at] |= 0x1
        else:
            data[header + method_at : header + method_at + 2] = struct.pack("<H", 9)
    return bytes(data)


# Mostly text a plan may hold (else the plan is refused before anything is shown), with
# the fragments that would forge a runner's command or break Markdown.
_PLAIN_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Cf", "Zl", "Zp")), max_size=6)
_FORGING = ["\n::error::x", "\n  ::stop-commands::t", "\r\n::warning::w", "##[error]z",
            "##vso[task.complete]", "`", "<b>", "[x](y)", "|", "45/QĐ-SCT", " "]  # fmt: skip
_AMENDMENT_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_FORGING), _PLAIN_TEXT, st.sampled_from(_FRAGMENTS), st.text(max_size=2)
    ),
    min_size=1,
    max_size=8,
).map("".join)


@SOME
@given(_AMENDMENT_TEXT, _AMENDMENT_TEXT,
       st.sampled_from(["text", "markdown", "json"]))  # fmt: skip
def test_diff_of_any_amendment_text(number: str, reason: str, fmt: str) -> None:
    folder = SCRATCH / "diff"
    folder.mkdir(exist_ok=True)
    old = folder / "old.yaml"
    old.write_text(MINIMAL_PLAN, encoding="utf-8")
    import json

    amended = MINIMAL_PLAN.replace("thoi_han: Quý II, III/2023", "thoi_han: Quý III/2023") + (
        "dieu_chinh:\n"
        f"  - so: {json.dumps(number, ensure_ascii=False)}\n"
        "    ngay: 2023-05-10\n"
        f"    ly_do: {json.dumps(reason, ensure_ascii=False)}\n"
        "    ma: [I.2]\n"
    )
    new = folder / "new.yaml"
    new.write_text(amended, encoding="utf-8", errors="surrogatepass")
    for args in (["diff", str(old), str(new), "--format", fmt, "--require-amendment"],
                 ["validate", "--format", "github", str(new)]):  # fmt: skip
        r = cchc(*args)
        assert r.code in (0, 1, 2), r.all
        assert "Traceback" not in r.all and "internal error" not in r.all, r.all
        assert not [ln for ln in r.all.splitlines() if COMMAND_LINE.match(ln)
                    and not ln.startswith(("::error file=", "::warning file="))], r.all  # fmt: skip
