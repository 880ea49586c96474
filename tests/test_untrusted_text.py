"""Text from a plan that reaches a CI log, Markdown or a spreadsheet (cases 3, 4 and 5 of the
second round)."""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL_PLAN, write
from helpers import cchc

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="newlines in file names")
# What GitHub Actions reads as a workflow command at the start of a line (its own syntax and
# the older one), and what Azure Pipelines reads.
COMMAND_LINE = re.compile(r"^\s*(::|##\[|##vso\[)")


def commands_forged(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if COMMAND_LINE.match(ln)]


# --- case 3: an amendment's number in `diff` ---------------------------------------------------

HOSTILE_NO = (
    "45/QĐ-SCT\\n::error title=Officer::Approved\\n##[error]x `<img src=x onerror=alert(1)>`"
)
AMENDED = (
    MINIMAL_PLAN
    + f"""dieu_chinh:
  - so: "{HOSTILE_NO}"
    ngay: 2023-05-10
    ly_do: "Điều chỉnh\\n::warning::forged"
    ma: [I.2]
"""
)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_an_amendment_number_cannot_forge_a_ci_line_or_break_markdown(
    tmp_path: Path, fmt: str
) -> None:
    old = write(tmp_path, MINIMAL_PLAN, "old.yaml")
    new = write(tmp_path, AMENDED.replace("thoi_han: Quý II, III/2023", "thoi_han: Quý III/2023"),
                "new.yaml")  # fmt: skip
    r = cchc("diff", str(old), str(new), "--format", fmt, "--require-amendment")
    assert r.code in (0, 1), r.all
    assert "45/QĐ-SCT" in r.out
    assert commands_forged(r.all) == [], r.all
    if fmt == "markdown":
        outside_code = re.sub(r"`[^`]*`", "", r.out)  # a code span shows its text as text
        assert "<img" not in outside_code.replace("\\<img", "")  # no HTML reaches the summary
        item = next(ln for ln in r.out.splitlines() if "45/QĐ-SCT" in ln)
        assert item.startswith("- ") and "Approved" in item  # one list item, on one line


# --- case 4: a file name in `validate --format github` ------------------------------------------


@POSIX
@pytest.mark.parametrize("named", [True, False])
def test_a_progress_file_name_cannot_forge_an_annotation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: bool
) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    name = "x\n::error title=Officer::Approved\n.progress.yaml"
    (plans / name).write_text("nam: 2023\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = cchc("validate", "--format", "github", *([f"plans/{name}"] if named else []))
    assert r.code in (1, 2), r.all
    assert "its plan" in r.err
    assert commands_forged(r.all) == [], r.all


# --- case 5: a CSV cell a spreadsheet would run -------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        '= HYPERLINK(""https://x.example"";""y"")',
        "=1+1",
        "+cmd| /C calc!A0",
        "@SUM(1)",
        "-2+3",
        "  =1+1",
    ],  # fmt: skip
)
def test_csv_cells_that_a_spreadsheet_would_run_stay_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str
) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    text = MINIMAL_PLAN.replace("nhiem_vu: Ban hành Kế hoạch CCHC năm 2023.",
                                f"nhiem_vu: '{title}'", 1)  # fmt: skip
    assert text != MINIMAL_PLAN
    (plans / "2023.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = cchc("export", "--format", "csv", "-o", "csv")
    assert r.code == 0, r.all
    raw = (tmp_path / "csv" / "nhiem-vu.csv").read_bytes().decode("utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(raw)) if r and r[0] == "I.1.a")
    assert row[2] == "'" + " ".join(title.split()), row[2]
