"""Text from a plan that reaches a CI log, Markdown or a spreadsheet, and what `cchc new` and
the ids naming files keep (cases 3, 4, 5, 13, 20 and 21 of the second round)."""

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


# --- case 13 and 21: `cchc new` -----------------------------------------------------------------


def test_new_refuses_a_date_it_cannot_move_at_its_place(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace(
        "              thoi_han: Trước ngày 15/01/2023\n",
        "              thoi_han: Trước ngày 15/01/2023\n              han: 9999-12-31\n",
        1,
    )
    plan = write(tmp_path, text)
    line = text.splitlines().index("              han: 9999-12-31") + 1
    r = cchc("new", "2024", str(plan))
    assert r.code == 1, r.all
    assert f"{plan}:{line}:20: error: han 9999-12-31 cannot be moved by 1 year" in r.err, r.all
    assert "internal error" not in r.all
    assert not (tmp_path / "2024.yaml").exists()


def test_new_keeps_the_byte_order_mark_and_line_endings(tmp_path: Path) -> None:
    plan = tmp_path / "2023.yaml"
    plan.write_bytes(("\ufeff" + MINIMAL_PLAN.replace("\n", "\r\n")).encode("utf-8"))
    r = cchc("new", "2024", str(plan))
    assert r.code == 0, r.all
    data = (tmp_path / "2024.yaml").read_bytes()
    assert data.startswith("\ufeff".encode())
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"nam: 2024\r\n" in data
    plain = tmp_path / "lf"
    plain.mkdir()
    (plain / "2023.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    assert cchc("new", "2024", str(plain / "2023.yaml")).code == 0
    made = (plain / "2024.yaml").read_bytes()
    assert not made.startswith("\ufeff".encode()) and b"\r\n" not in made


# --- case 20: ids that differ only in case ------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("            - ma: I.1.b\n", "            - ma: I.1.A\n", "task id 'I.1.A' differs from 'I.1.a' only in case"),
        ("  - {ma: TTRA, ten: Thanh tra Sở", "  - {ma: vp, ten: Thanh tra Sở", "unit id 'vp' differs from 'VP' only in case"),
    ],
)  # fmt: skip
def test_ids_that_differ_only_in_case_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, said: str
) -> None:
    text = MINIMAL_PLAN.replace(old, new, 1)
    if "vp" in new:
        text = text.replace("phoi_hop: [TTRA, PCM]", "phoi_hop: [vp, PCM]")
    assert text != MINIMAL_PLAN
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "2023.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = cchc("validate")
    assert r.code == 1 and said in r.out, r.all
    r = cchc("site", "-o", "site")
    assert r.code == 1 and not (tmp_path / "site").exists(), r.all


def test_file_names_that_differ_only_in_case_are_never_written_in_one_folder(
    tmp_path: Path,
) -> None:
    from cchc_cli.errors import CchcError
    from cchc_cli.files.output import open_output_folder

    folder = open_output_folder(tmp_path / "out", outside=True)
    with pytest.raises(CchcError):
        folder.write({"nhiem-vu/I.1.a.html": b"a", "nhiem-vu/I.1.A.html": b"b"})
    assert not (tmp_path / "out" / "nhiem-vu").exists()


# --- plan text that a table wraps: `status` and `score` in a CI log ---------------------------


def test_plan_text_in_the_status_table_and_score_never_forms_a_runner_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A task's text, its deadline and a criteria area's name may carry `::error` or
    `##vso[`; the tables wrap them onto lines of their own, which a runner would obey
    (GitHub trims the blanks before `::`; `##[` and `##vso[` count anywhere)."""
    import shutil

    from conftest import ROOT

    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", repo / "plans")
    shutil.copytree(ROOT / "tieu-chi", repo / "tieu-chi")
    plan = repo / "plans" / "2023.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "nhiem_vu: Ban hành Kế hoạch CCHC năm 2023.",
        'nhiem_vu: "Ban hành Kế hoạch CCHC năm 2023 ::error title=Director::Approved '
        '##vso[task.complete result=Failed]"', 1)  # fmt: skip
    text = text.replace(
        "thoi_han: Theo Kế hoạch ISO năm 2023",
        'thoi_han: "Theo Kế hoạch ISO năm 2023 ::error::FORGED ##[error]Legacy"', 1)  # fmt: skip
    plan.write_text(text, encoding="utf-8")
    criteria = repo / "tieu-chi" / "vi-du" / "so-2023.yaml"
    ctext = criteria.read_text(encoding="utf-8").replace(
        "    ten: Chỉ đạo, điều hành cải cách hành chính (tiêu chí 1.1 đến 1.3)",
        '    ten: "Chỉ đạo ::warning::AREA ##[error]x"', 1)  # fmt: skip
    criteria.write_text(ctext, encoding="utf-8")
    monkeypatch.chdir(repo)
    assert cchc("validate").code == 0
    for args in (["status"], ["status", "--width", "60"], ["score"], ["score", "--width", "50"]):
        r = cchc(*args)
        assert r.code in (0, 1), r.all
        assert "FORGED" in r.out or "AREA" in r.out  # the text is shown, escaped
        assert commands_forged(r.out) == [], args
        assert "##[" not in r.out and "##vso[" not in r.out, args
