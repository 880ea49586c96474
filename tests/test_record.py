"""`cchc record`: one record added, comments kept, invalid input refused, writes atomic and locked."""

from __future__ import annotations

import difflib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

import pytest
from conftest import MINIMAL_PLAN, ROOT, write
from helpers import cchc, read_model
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_cli.errors import CchcError, UsageError
from cchc_cli.files import roundtrip as yamlio
from cchc_cli.files import safe_write
from cchc_cli.files.record import Entry, add_record, parse_value
from cchc_cli.plan.model import Progress

# Made-up progress records (not real data), with comments, blank lines and quoting
# of every kind a person leaves in a file edited by hand.
COMMENTED = """\
# yaml-language-server: $schema=../schema/progress.schema.json
#
# Made-up progress records for a test (not real data).

nam: 2023  # năm kế hoạch

# --- Nhiệm vụ ---------------------------------------------------------------
nhiem_vu:
  # Quý I
  - ma: I.1.b
    ngay: 2023-01-31
    trang_thai: dang_thuc_hien
    minh_chung: "Biên bản giao ban tháng 1"  # quoted on purpose
    ghi_chu: 'Lồng ghép: giao ban'

  - ma: I.2
    ngay: 2023-03-20
    trang_thai: dang_thuc_hien
    # the inspection plan is being drafted

# --- Chỉ số -----------------------------------------------------------------
chi_so:
  - ma: CT3.1.a
    ngay: 2023-03-31
    tu_so: 170
    mau_so: 200
    nguon: Khảo sát quý I  # survey

# End of file.
"""

# The same file after two records: the only difference is the added lines.
COMMENTED_AFTER = """\
# yaml-language-server: $schema=../schema/progress.schema.json
#
# Made-up progress records for a test (not real data).

nam: 2023  # năm kế hoạch

# --- Nhiệm vụ ---------------------------------------------------------------
nhiem_vu:
  # Quý I
  - ma: I.1.b
    ngay: 2023-01-31
    trang_thai: dang_thuc_hien
    minh_chung: "Biên bản giao ban tháng 1"  # quoted on purpose
    ghi_chu: 'Lồng ghép: giao ban'

  - ma: I.2
    ngay: 2023-03-20
    trang_thai: dang_thuc_hien
    # the inspection plan is being drafted
  - ma: I.1.a
    ngay: 2023-01-12
    trang_thai: hoan_thanh
    minh_chung: Kế hoạch số 15/KH-SCT

# --- Chỉ số -----------------------------------------------------------------
chi_so:
  - ma: CT3.1.a
    ngay: 2023-03-31
    tu_so: 170
    mau_so: 200
    nguon: Khảo sát quý I  # survey
  - ma: CT3.1.b
    ngay: 2023-06-30
    gia_tri: 22
    nguon: Phần mềm một cửa
    ghi_chu: 'bình quân: 22 phút'

# End of file.
"""


def only_added(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails if any line was removed or changed."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    removed = [ln for ln in diff if ln.startswith("- ")]
    assert not removed, removed
    return [ln[2:] for ln in diff if ln.startswith("+ ")]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def progress_file(tmp_path: Path, plan_file: Path) -> Path:
    return write(tmp_path, COMMENTED, "2023.progress.yaml")


@pytest.mark.parametrize("cache", ["cold", "warm"])
def test_record_and_undo_read_the_progress_file_once(
    plan_file: Path, progress_file: Path, cache: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The edit starts from the very bytes the workspace checked: the file is read from disk
    # once, by each parser once (the YAML reader, and ruamel for the edit; the reader reads
    # the new text too, for its checks). Warm, the cache answers for the old text.
    from collections import Counter

    from cchc_cli.files import reader, workspace

    if cache == "cold":
        monkeypatch.setenv("CCHC_NO_CACHE", "1")
    else:
        assert cchc("validate", str(progress_file)).code == 0
    reads: Counter[str] = Counter()
    parses: Counter[str] = Counter()

    def counted(real, count, name):  # type: ignore[no-untyped-def]
        def call(first, *rest):  # type: ignore[no-untyped-def]
            count[name(first)] += 1
            return real(first, *rest)

        return call

    name = lambda path: Path(path).name  # noqa: E731
    monkeypatch.setattr(workspace, "read_regular", counted(workspace.read_regular, reads, name))
    for parse in ("parse_bytes", "parse_text"):
        monkeypatch.setattr(reader, parse, counted(getattr(reader, parse), parses, name))
    from cchc_cli.files import progress_edit

    ruamel = counted(yamlio.load, parses, lambda _text: "ruamel")
    monkeypatch.setattr(yamlio, "load", ruamel)
    monkeypatch.setattr(progress_edit, "load", ruamel)
    args = [str(plan_file), "--state", "done", "--date", "2023-03-01"]
    for command in (["record", "I.1.a", *args], ["record", "I.1.a", str(plan_file), "--undo"]):
        reads.clear(), parses.clear()
        assert cchc(*command).code == 0
        assert reads == {"2023.yaml": 1, "2023.progress.yaml": 1}, command
        if cache == "cold":  # the plan; the progress file as it was and as it will be
            expected = {"2023.yaml": 1, "2023.progress.yaml": 2}
        else:  # the old text is read once, for the comparison of the data (nothing else)
            expected = {"2023.progress.yaml": 2}
        if "--undo" not in command:  # undo takes the lines out as they are
            expected["ruamel"] = 1
        assert parses == expected, command


# --- the golden diff -----------------------------------------------------------------


def test_record_on_a_commented_file_adds_lines_only(plan_file: Path, progress_file: Path) -> None:
    r = cchc(
        "record", "I.1.a", str(plan_file), "--state", "done", "--date", "2023-01-12",
        "--evidence", "Kế hoạch số 15/KH-SCT", "--lang", "vi",
    )  # fmt: skip
    assert r.code == 0, r.all
    assert r.out.splitlines() == [
        f"Đã ghi (thêm vào {progress_file}):",
        "  I.1.a · 2023-01-12 · hoàn thành · minh chứng: Kế hoạch số 15/KH-SCT",
        "I.1.a tính đến ngày 12/01/2023: Hoàn thành đúng hạn — hạn 14/01/2023 (Trước ngày 15/01/2023)",
        "I.1.a tính đến ngày 31/12/2023: Hoàn thành đúng hạn — hạn 14/01/2023 (Trước ngày 15/01/2023)",
    ]
    r = cchc(
        "record", "CT3.1.b", str(plan_file), "--value", "22", "--date", "30/06/2023",
        "--source", "Phần mềm một cửa", "--note", "bình quân: 22 phút", "--lang", "en",
    )  # fmt: skip
    assert r.code == 0, r.all
    assert r.out.splitlines()[-1] == "CT3.1.b as of 2023-12-31: Met — 22 phút against ≤ 25 phút"
    after = progress_file.read_text(encoding="utf-8")
    assert after == COMMENTED_AFTER
    assert len(only_added(COMMENTED, after)) == 9
    assert cchc("fmt", "--check", str(progress_file)).code == 0  # already in the layout
    assert cchc("validate", str(progress_file)).code == 0


def test_git_diff_after_a_record_shows_only_added_lines(
    tmp_path: Path, plan_file: Path, progress_file: Path
) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")

    def run(*args: str) -> str:
        return subprocess.run(
            [git, "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
            cwd=tmp_path, check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip

    run("init", "-q")
    run("add", ".")
    run("commit", "-qm", "plan and progress")
    assert cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-20").code == 0
    numstat = run("diff", "--numstat").split()
    assert numstat == ["3", "0", "2023.progress.yaml"]


def test_record_of_a_real_task_shows_in_status(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(ROOT / "plans" / "2023.yaml", plans / "2023.yaml")
    (tmp_path / "schema").mkdir()
    shutil.copy(ROOT / "schema" / "progress.schema.json", tmp_path / "schema")
    plan = plans / "2023.yaml"
    r = cchc("record", "I.1.a", str(plan), "-s", "done", "-d", "2023-01-13", "-e", "KH số 9")
    assert r.code == 0, r.all
    progress = plans / "2023.progress.yaml"
    text = progress.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/progress.schema.json"
    before = text
    r = cchc("record", "I.2", str(plan), "-s", "in-progress", "-d", "2023-03-01")
    assert r.code == 0, r.all
    assert len(only_added(before, progress.read_text(encoding="utf-8"))) == 3
    status = json.loads(cchc("status", str(plan), "--format", "json", "--as-of", "2023-03-02").out)
    rows = {t["id"]: t["status"] for t in status["tasks"]}
    assert rows["I.1.a"] == "done_on_time"
    assert rows["I.2"] in ("in_progress", "due_soon")
    assert cchc("validate", str(plan), str(progress)).code == 0


# --- a new file ------------------------------------------------------------------------


def test_record_creates_the_progress_file_with_a_header(tmp_path: Path, plan_file: Path) -> None:
    r = cchc(
        "record", "CT3.1.a", str(plan_file), "--value", "45/50", "--date", "2023-06-30",
        "--lang", "en",
    )  # fmt: skip
    assert r.code == 0, r.all
    progress = tmp_path / "2023.progress.yaml"
    assert f"created {progress}" in r.out
    assert "CT3.1.a as of 2023-12-31: Met — 90% against ≥ 85%" in r.out
    # no schema/ above it: no line naming a file that is not there; the header is the
    # body's, in Vietnamese, whatever language the command speaks
    assert progress.read_text(encoding="utf-8") == (
        "# Tiến độ thực hiện Kế hoạch CCHC năm 2023 (2023.yaml).\n"
        "# Ghi bằng `cchc record MÃ ...` (giữ nguyên chú thích và bố cục của tệp này) hoặc ghi\n"
        "# tay theo cùng mẫu; kiểm tra bằng `cchc validate`.\n"
        "\n"
        "nam: 2023\n"
        "\n"
        "chi_so:\n"
        "  - ma: CT3.1.a\n"
        "    ngay: 2023-06-30\n"
        "    tu_so: 45\n"
        "    mau_so: 50\n"
    )
    before = progress.read_text(encoding="utf-8")
    assert (
        cchc("record", "I.1.b", str(plan_file), "-s", "in-progress", "-d", "2023-02-01").code == 0
    )
    after = progress.read_text(encoding="utf-8")
    assert len(only_added(before, after)) == 5
    assert after == before.replace(
        "nam: 2023\n\n",
        "nam: 2023\n\nnhiem_vu:\n  - ma: I.1.b\n    ngay: 2023-02-01\n"
        "    trang_thai: dang_thuc_hien\n\n",
    )
    assert cchc("fmt", "--check", str(progress)).code == 0
    assert not list(tmp_path.glob("*.lock")) and not list(tmp_path.glob(".*.tmp"))


def test_schema_line_points_at_the_repository_schema(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "progress.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "data" / "sct").mkdir(parents=True)
    plan = write(tmp_path / "data" / "sct", MINIMAL_PLAN)
    assert cchc("record", "I.2", str(plan), "-s", "in-progress", "-d", "2023-04-01").code == 0
    first = (tmp_path / "data" / "sct" / "2023.progress.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/progress.schema.json"


def test_progress_option_names_another_file(tmp_path: Path, plan_file: Path) -> None:
    other = tmp_path / "other.progress.yaml"
    r = cchc(
        "record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01", "--progress", str(other)
    )
    assert r.code == 0, r.all
    assert "ma: I.2" in other.read_text(encoding="utf-8")
    assert not (tmp_path / "2023.progress.yaml").exists()


def test_a_new_file_named_by_progress_starts_empty_beside_a_file_with_records(
    tmp_path: Path, plan_file: Path
) -> None:
    """`--progress new.yaml` is a new file: not a copy of the records of the file beside
    the plan, nor refused for a record that only that other file holds."""
    beside = tmp_path / "2023.progress.yaml"
    assert cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01").code == 0
    kept = beside.read_bytes()
    other = tmp_path / "other.progress.yaml"
    r = cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01",
             "--progress", str(other), "--lang", "en")  # fmt: skip
    assert r.code == 0, r.all
    assert f"created {other}" in r.out
    records = read_model(other, Progress)[0].nhiem_vu
    assert [(t.ma, str(t.ngay)) for t in records] == [("I.2", "2023-06-01")]
    r = cchc("record", "CT3.1.a", str(plan_file), "--value", "45/50", "-d", "2023-06-30",
             "--progress", str(tmp_path / "third.progress.yaml"))  # fmt: skip
    assert r.code == 0, r.all
    third = read_model(tmp_path / "third.progress.yaml", Progress)[0]
    assert not third.nhiem_vu and [t.ma for t in third.chi_so] == ["CT3.1.a"]
    assert beside.read_bytes() == kept


def test_a_progress_file_outside_the_plan_s_repository_is_not_written(
    tmp_path: Path, plan_file: Path
) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.progress.yaml"
    r = cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01",
             "--progress", str(outside), "--lang", "en")  # fmt: skip
    assert r.code == 2 and "outside the plan's repository" in r.err, r.all
    assert not outside.exists()


def test_comment_only_file_keeps_its_comments(tmp_path: Path, plan_file: Path) -> None:
    progress = write(tmp_path, "# Made-up test file: records come below.\n", "2023.progress.yaml")
    assert cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01").code == 0
    assert progress.read_text(encoding="utf-8") == (
        "# Made-up test file: records come below.\n"
        "\n"
        "nam: 2023\n"
        "\n"
        "nhiem_vu:\n"
        "  - ma: I.2\n"
        "    ngay: 2023-06-01\n"
        "    trang_thai: hoan_thanh\n"
    )


def test_an_empty_flow_list_becomes_a_block_list(tmp_path: Path, plan_file: Path) -> None:
    progress = write(tmp_path, "nam: 2023\nnhiem_vu: []\nchi_so: []\n", "2023.progress.yaml")
    assert cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01").code == 0
    assert progress.read_text(encoding="utf-8") == (
        "nam: 2023\nnhiem_vu:\n  - ma: I.2\n    ngay: 2023-06-01\n    trang_thai: hoan_thanh\n"
        "chi_so: []\n"
    )


def test_a_file_out_of_layout_is_rewritten_in_it_and_says_so(
    tmp_path: Path, plan_file: Path
) -> None:
    progress = write(
        tmp_path,
        "nam: 2023\nnhiem_vu:\n- trang_thai: hoan_thanh\n  ngay: 2023-02-01\n  ma: I.1.b\n",
        "2023.progress.yaml",
    )
    r = cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01", "--lang", "en")
    assert r.code == 0, r.all
    assert "was not in cchc fmt's layout" in r.out
    assert progress.read_text(encoding="utf-8").startswith(
        "nam: 2023\nnhiem_vu:\n  - ma: I.1.b\n    ngay: 2023-02-01\n    trang_thai: hoan_thanh\n"
    )


# --- refused: one clear message, every file unchanged -----------------------------------


def refused(tmp_path: Path, *args: str, code: int, env: dict[str, str] | None = None) -> str:
    before = snapshot(tmp_path)
    r = cchc("record", *args, env=env)
    assert r.code == code, r.all
    assert "Traceback" not in r.all
    assert snapshot(tmp_path) == before  # byte for byte; no temporary or lock file left
    return r.err


def test_unknown_id_did_you_mean(tmp_path: Path, plan_file: Path, progress_file: Path) -> None:
    err = refused(tmp_path, "l.1.a", str(plan_file), "-s", "done", code=1)
    assert err == (
        "cchc: error: unknown id 'l.1.a'; did you mean 'I.1.a'? (cchc status lists the ids)\n"
    )


def test_objective_and_indicator_ids_say_what_to_record(tmp_path: Path, plan_file: Path) -> None:
    err = refused(tmp_path, "I.1", str(plan_file), "-s", "done", code=1)
    assert "I.1 is an objective, not a task; record one of its tasks: I.1.a, I.1.b" in err
    err = refused(tmp_path, "CT3.1", str(plan_file), "-v", "3", code=1)
    assert "CT3.1 is an indicator; record one of its targets: CT3.1.a, CT3.1.b" in err


def test_id_in_another_case_is_accepted(tmp_path: Path, plan_file: Path) -> None:
    r = cchc("record", "i.1.a", str(plan_file), "-s", "done", "-d", "2023-01-10")
    assert r.code == 0, r.all
    assert "ma: I.1.a" in (tmp_path / "2023.progress.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["I.1.a", "--value", "3"], "--value is for a target; I.1.a is a task"),
        (["I.1.a", "--source", "x", "-s", "done"], "--source is for a target"),
        (["I.1.a"], "I.1.a is a task: give --state"),
        (["I.1.a", "-s", "done"], "--date is needed: today"),  # the plan year 2023 is over
        (["I.1.a", "-s", "done", "--date", "1/7/23"], "write the year in full (e.g. 1/7/2023)"),
        (["I.1.a", "-s", "done", "--date", "0023-07-01"], "the year must lie between 1900 and"),
        (["I.1.a", "-s", "done", "--date", "1/7/1023"], "the year must lie between 1900 and 2100"),
        (["CT3.1.a", "--state", "done"], "--state is for a task; CT3.1.a is a target"),
        (["CT3.1.a", "-v", "3", "--evidence", "x"], "--evidence is for a task"),
        (["CT3.1.a"], "CT3.1.a is a target: give --value"),
        (["CT3.1.a", "-v", "abc"], "--value: 'abc' is not a number"),
        (["CT3.1.a", "-v", "3/0"], "the denominator must be more than 0"),
        (["I.1.a", "-s", "done", "--date", "2023-02-30"], "--date: '2023-02-30' is not a date"),
        (["I.1.a", "-s", "finished"], "--state: 'finished' is not a state"),
    ],
)
def test_options_that_do_not_fit_are_usage_errors(
    tmp_path: Path, plan_file: Path, progress_file: Path, args: list[str], message: str
) -> None:
    err = refused(tmp_path, *args[:1], str(plan_file), *args[1:], code=2)
    assert message in err


def test_percentage_outside_0_100_is_refused_with_its_position(
    tmp_path: Path, plan_file: Path, progress_file: Path
) -> None:
    err = refused(tmp_path, "CT3.1.a", str(plan_file), "-v", "120", "-d", "2023-06-30", code=1)
    # said of the option that carries it: the line of the file it would be on was never written
    assert err.splitlines() == [
        "cchc: error: --value 120: target CT3.1.a is a percentage: 120 is outside 0–100",
        f"cchc: error: nothing recorded; {progress_file} is unchanged",
    ]
    err = refused(tmp_path, "CT3.1.a", str(plan_file), "-v", "130/100", "-d", "2023-06-30", code=1)
    assert "130 is outside 0–100" in err


def test_dropped_needs_a_reason(tmp_path: Path, plan_file: Path, progress_file: Path) -> None:
    err = refused(tmp_path, "I.1.a", str(plan_file), "-s", "dropped", "-d", "2023-05-01", code=1)
    assert err.splitlines()[0] == (
        "cchc: error: a dropped task (khong_thuc_hien) needs ly_do (the reason) "
        "(--reason sets ly_do)"
    )
    r = cchc(
        "record", "I.1.a", str(plan_file), "-s", "dropped", "-d", "2023-05-01",
        "--reason", "Gộp vào nhiệm vụ I.1.b", "--lang", "en",
    )  # fmt: skip
    assert r.code == 0, r.all
    assert "I.1.a as of 2023-05-01: Dropped" in r.out
    assert "I.1.a as of 2023-12-31: Dropped" in r.out


def test_negative_value_is_refused(tmp_path: Path, plan_file: Path, progress_file: Path) -> None:
    err = refused(tmp_path, "CT3.1.b", str(plan_file), "-v", "-5", "-d", "2023-06-30", code=1)
    # the option names the value: not the key of the file too ("'gia_tri': ")
    assert err.startswith("cchc: error: --value -5: must not be negative"), err


def test_existing_errors_are_reported_and_nothing_is_written(
    tmp_path: Path, plan_file: Path
) -> None:
    write(
        tmp_path,
        "nam: 2023\nnhiem_vu:\n  - ma: I.1.a\n    ngay: 2023-13-01\n",
        "2023.progress.yaml",
    )
    err = refused(tmp_path, "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01", code=1)
    path = tmp_path / "2023.progress.yaml"
    assert err.startswith(f"{path}:3:5: error: missing key 'trang_thai'")
    assert f"{path}:4:11: error: 'ngay': '2023-13-01' is not a valid date" in err


def test_a_plan_that_is_not_valid_is_refused(tmp_path: Path) -> None:
    plan = write(tmp_path, "nam: 2023\n")
    err = refused(tmp_path, "I.2", str(plan), "-s", "done", code=1)
    assert err.startswith(f"{plan}:1:1: error: missing keys")


def test_missing_plan_is_a_usage_error(tmp_path: Path) -> None:
    err = refused(tmp_path, "I.2", str(tmp_path / "2023.yaml"), "-s", "done", code=2)
    assert err == f"cchc: error: {tmp_path / '2023.yaml'}: no such file\n"


def test_a_record_outside_the_plan_year_needs_a_reason(
    tmp_path: Path, plan_file: Path, progress_file: Path
) -> None:
    err = refused(tmp_path, "I.2", str(plan_file), "-s", "done", "-d", "2024-03-01", code=1)
    assert err.splitlines()[0] == (
        "cchc: error: --date 2024-03-01: I.2: 2024-03-01 is outside the plan year 2023 "
        "(2022-12-15 to 2023-12-31); if the record was made after the year, say why under "
        "ghi_muon (--late-entry sets ghi_muon)"
    )
    vi = refused(tmp_path, "I.2", str(plan_file), "-s", "done", "-d", "2024-03-01", code=1,
                 env={"CCHC_LANG": "vi"})  # fmt: skip
    assert "ngày 01/03/2024 nằm ngoài năm kế hoạch 2023 (từ 15/12/2022 đến 31/12/2023)" in vi
    r = cchc(
        "record", "I.2", str(plan_file), "-s", "done", "-d", "2024-01-05",
        "--late-entry", "Báo cáo bổ sung sau khi tổng kết năm",
    )  # fmt: skip
    assert r.code == 0, r.all
    text = progress_file.read_text(encoding="utf-8")
    assert "ghi_muon: Báo cáo bổ sung sau khi tổng kết năm" in text
    assert cchc("validate", str(progress_file)).code == 0
    # the 15 December before the year opens the first report's window: no reason needed
    assert cchc("record", "I.1.a", str(plan_file), "-s", "done", "-d", "2022-12-15").code == 0


def test_undo_takes_back_the_latest_record_and_nothing_else(
    tmp_path: Path, plan_file: Path, progress_file: Path
) -> None:
    before = progress_file.read_text(encoding="utf-8")
    for day in ("2023-03-01", "2023-02-01"):
        r = cchc("record", "I.1.a", str(plan_file), "-s", "in-progress", "-d", day)
        assert r.code == 0, r.all
    r = cchc("record", "I.1.a", str(plan_file), "--undo", "--lang", "vi")
    assert r.code == 0, r.all
    assert r.out.splitlines()[:2] == [
        f"Đã xoá bản ghi (khỏi {progress_file}):",
        "  I.1.a · 2023-03-01 · đang thực hiện",
    ]
    text = progress_file.read_text(encoding="utf-8")
    assert "ngay: 2023-03-01" not in text and "ngay: 2023-02-01" in text
    r = cchc("record", "I.1.a", str(plan_file), "--undo", "--lang", "vi")
    assert r.code == 0, r.all
    assert progress_file.read_text(encoding="utf-8") == before  # comments and layout as they were
    err = refused(tmp_path, "I.1.a", str(plan_file), "--undo", code=2)
    assert "I.1.a has no record" in err
    err = refused(tmp_path, "I.1.a", str(plan_file), "--undo", "-s", "done", code=2)
    assert "leave out --state" in err


# --- values ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("72.5", {"gia_tri": 72.5}),
        ("72,5", {"gia_tri": 72.5}),
        ("72.5%", {"gia_tri": 72.5}),
        ("80", {"gia_tri": 80}),
        ("45/60", {"tu_so": 45, "mau_so": 60}),
        (" 45 / 60 ", {"tu_so": 45, "mau_so": 60}),
    ],
)
def test_parse_value(text: str, expected: dict[str, float]) -> None:
    assert parse_value(text) == expected
    assert all(type(v) is type(expected[k]) for k, v in parse_value(text).items())


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "1/0", "1/-2", "1/2/3"])
def test_parse_value_refuses(text: str) -> None:
    with pytest.raises(UsageError):
        parse_value(text)


# --- atomic write and lock -------------------------------------------------------------------


def test_crash_before_the_rename_leaves_the_original(
    tmp_path: Path, plan_file: Path, progress_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(tmp_path)

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    entry = Entry("I.2", date(2023, 6, 1), state="done")
    with pytest.raises(CchcError, match="cannot-write"):
        add_record(plan_file, entry, today=date(2023, 6, 2))
    assert snapshot(tmp_path) == before


def test_interrupt_before_the_rename_leaves_the_original(
    tmp_path: Path, plan_file: Path, progress_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(tmp_path)

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        safe_write.write_text(progress_file, "nam: 2023\n")
    assert snapshot(tmp_path) == before


def test_crash_after_writing_the_temporary_file_leaves_the_original(
    tmp_path: Path, plan_file: Path, progress_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(tmp_path)
    real_fsync = os.fsync
    calls = []

    def fsync_then_crash(fd: int) -> None:
        real_fsync(fd)
        calls.append(fd)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync_then_crash)
    r = cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01")
    assert r.code == 1 and "cannot write: Input/output error" in r.err
    assert calls and snapshot(tmp_path) == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_permissions_are_kept(tmp_path: Path, plan_file: Path, progress_file: Path) -> None:
    progress_file.chmod(0o640)
    assert cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01").code == 0
    assert stat.S_IMODE(progress_file.stat().st_mode) == 0o640


def test_a_symlinked_progress_file_is_refused_and_its_target_unchanged(
    tmp_path: Path, plan_file: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    real = write(outside, "nam: 2023\n", "real.progress.yaml")
    link = tmp_path / "2023.progress.yaml"
    link.symlink_to(real)
    r = cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01")
    assert r.code == 2, r.all
    assert "is a symbolic link" in r.err and "Traceback" not in r.err
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "nam: 2023\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2023.progress.yaml",
        "2023.yaml",
        "outside",
    ]


def test_concurrent_records_in_threads_all_land(
    tmp_path: Path, plan_file: Path, progress_file: Path
) -> None:
    errors: list[BaseException] = []

    def one(n: int) -> None:
        try:
            # a day each: two records of one task on one day are refused (--force replaces)
            entry = Entry("I.2", date(2023, 6, 1 + n), state="in-progress", note=f"ghi chú {n}")
            add_record(plan_file, entry, today=date(2023, 6, 2))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    text = progress_file.read_text(encoding="utf-8")
    assert sorted(n for n in range(8) if f"ghi_chu: ghi chú {n}\n" in text) == list(range(8))
    assert cchc("validate", str(progress_file)).code == 0
    assert not list(tmp_path.glob("*.lock"))


def test_concurrent_record_processes_all_land(
    tmp_path: Path, plan_file: Path, progress_file: Path
) -> None:
    exe = Path(sys.executable).parent / "cchc"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "cchc_cli.commands.app"]
    procs = [
        subprocess.Popen(
            [
                *command,
                "record",
                "CT3.1.b",
                str(plan_file),
                "-v",
                str(20 + n),
                "-d",
                f"2023-06-2{n}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(4)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], results
    text = progress_file.read_text(encoding="utf-8")
    assert sorted(n for n in range(4) if f"gia_tri: {20 + n}\n" in text) == [0, 1, 2, 3]
    assert only_added(COMMENTED, text)


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="finds the waiting process's lock in /proc"
)
def test_sigterm_ends_a_command_as_ctrl_c_does(
    tmp_path: Path, plan_file: Path, progress_file: Path
) -> None:
    # A CI job cancelled, or `timeout`, sends SIGTERM: the command stops as on Ctrl-C (one
    # line, exit 130), its `finally` blocks run, and the file stays as it was.
    import fcntl
    import signal
    import time

    exe = Path(sys.executable).parent / "cchc"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "cchc_cli.commands.app"]
    before = progress_file.read_bytes()
    lock = safe_write.lock_path(progress_file)
    held = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        proc = subprocess.Popen(
            [*command, "record", "I.1.a", str(plan_file), "-s", "done", "-d", "2023-01-12"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "CCHC_LANG": "en"},
        )  # fmt: skip
        fds = Path(f"/proc/{proc.pid}/fd")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:  # waiting for the lock
            opened = {os.path.realpath(fd) for fd in fds.iterdir()} if fds.exists() else set()
            if str(lock.resolve()) in opened:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        os.close(held)
    assert proc.returncode == 130 and err.strip() == "cchc: interrupted", (proc.returncode, err)
    assert progress_file.read_bytes() == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_held_lock_times_out_with_one_line(tmp_path: Path, progress_file: Path) -> None:
    with (
        safe_write.locked(progress_file),
        pytest.raises(CchcError, match="locked"),
        safe_write.locked(progress_file, timeout=0.1),
    ):
        pass  # pragma: no cover
    assert not safe_write.lock_path(progress_file).exists()


def test_record_keeps_document_markers(tmp_path: Path, plan_file: Path) -> None:
    text = "# Made-up test file.\n---\nnam: 2023\n...\n# after the end\n"
    progress = write(tmp_path, text, "2023.progress.yaml")
    assert cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01").code == 0
    assert progress.read_text(encoding="utf-8") == (
        "# Made-up test file.\n---\nnam: 2023\n\nnhiem_vu:\n  - ma: I.2\n    ngay: 2023-06-01\n"
        "    trang_thai: hoan_thanh\n...\n# after the end\n"
    )


_NOTES = st.sampled_from(
    [None, "ghi chú", "a: b", "# không phải chú thích", "'trích'", "dòng 1\ndòng 2", "null", "12"]
)
_ENTRIES = st.one_of(
    st.builds(
        Entry,
        ma=st.sampled_from(["I.1.a", "I.1.b", "I.2", "III.1"]),
        ngay=st.dates(date(2023, 1, 1), date(2023, 12, 31)),
        state=st.sampled_from(["done", "in-progress", "not-started"]),
        evidence=_NOTES,
        note=_NOTES,
    ),
    st.builds(
        Entry,
        ma=st.sampled_from(["CT1.1.a", "CT3.1.a", "CT3.1.b"]),
        ngay=st.dates(date(2023, 1, 1), date(2023, 12, 31)),
        value=st.sampled_from(["0", "12.5", "60", "45/60", "99,5"]),
        source=_NOTES,
    ),
)


# One record of an id a day (a second is refused, see test_a_second_record_on_one_day...),
# and none on the days COMMENTED already has a record of that id.
_TAKEN = {("I.1.b", date(2023, 1, 31)), ("I.2", date(2023, 3, 20)), ("CT3.1.a", date(2023, 3, 31))}


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        _ENTRIES.filter(lambda e: (e.ma, e.ngay) not in _TAKEN),
        min_size=1,
        max_size=4,
        unique_by=lambda e: (e.ma, e.ngay),
    )
)
def test_any_records_only_add_lines_and_stay_formatted(entries: list[Entry]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plan = write(Path(folder), MINIMAL_PLAN)
        progress = write(Path(folder), COMMENTED, "2023.progress.yaml")
        for entry in entries:
            add_record(plan, entry, today=date(2023, 12, 31))
        text = progress.read_text(encoding="utf-8")
        assert only_added(COMMENTED, text)
        assert yamlio.canonical(text, Progress) == text
        loaded = read_model(progress, Progress)[0]
        assert loaded is not None
        assert len(loaded.nhiem_vu) + len(loaded.chi_so) == 3 + len(entries)


@pytest.mark.parametrize("typed", ["hoàn thành", "hoan_thanh", "Hoan thanh", "done", "xong"])
def test_state_in_vietnamese_with_or_without_diacritics(
    tmp_path: Path, plan_file: Path, typed: str
) -> None:
    r = cchc("record", "I.2", str(plan_file), "-s", typed, "-d", "2023-06-01")
    assert r.code == 0, r.all
    assert "trang_thai: hoan_thanh" in (tmp_path / "2023.progress.yaml").read_text(encoding="utf-8")


def test_an_id_with_its_area_numeral_written_the_other_way(tmp_path: Path) -> None:
    from cchc_cli.files.workspace import open_workspace
    from cchc_cli.plan.lookup import resolve_id

    plan = open_workspace(Path(__file__).resolve().parent.parent / "plans" / "2023.yaml").plan
    assert resolve_id(plan, "VII.1.1") == ("task", "7.1.1")
    assert resolve_id(plan, "vii.1.3.a") == ("task", "7.1.3.a")
    assert resolve_id(plan, "3.6") == ("task", "III.6")


@pytest.mark.parametrize("text", [".5e5", "+.5E5", "-.5e-5", "1e3", "0o17", "NULL", "True"])
def test_a_text_that_looks_like_a_number_is_written_so_that_it_reads_back_as_text(
    tmp_path: Path, plan_file: Path, text: str
) -> None:
    # ruamel (YAML 1.2) leaves some of these unquoted where the loader reads a number: the
    # writer asks the loader, and quotes what it would not read back as the text.
    r = cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01", "--evidence", text)
    assert r.code == 0, r.all
    records = read_model(tmp_path / "2023.progress.yaml", Progress)[0].nhiem_vu
    assert records[0].minh_chung == text


def test_a_second_record_on_one_day_is_refused_unless_forced(
    tmp_path: Path, plan_file: Path
) -> None:
    progress = tmp_path / "2023.progress.yaml"
    assert cchc("record", "I.2", str(plan_file), "-s", "in-progress", "-d", "2023-06-01").code == 0
    before = progress.read_bytes()
    r = cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01", "--lang", "vi")
    assert r.code == 1
    line = [ln for ln in r.err.splitlines() if ln.strip()]
    assert len(line) == 1, r.err
    assert "I.2 đã có bản ghi ngày 01/06/2023" in line[0] and "--force" in line[0]
    assert f"{progress}:" in line[0]
    assert progress.read_bytes() == before  # nothing written
    r = cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-01", "--force")
    assert r.code == 0, r.all
    assert r.out.splitlines()[:3] == [  # what the day's record said is shown, not dropped
        f"Replaced the record of the same day (in {progress}):",
        "  was: I.2 · 2023-06-01 · in progress",
        "  now: I.2 · 2023-06-01 · done",
    ]
    records = read_model(progress, Progress)[0].nhiem_vu
    assert [(t.ma, t.ngay, t.trang_thai) for t in records] == [
        ("I.2", date(2023, 6, 1), "hoan_thanh")
    ]
    # another day is another record
    assert cchc("record", "I.2", str(plan_file), "-s", "done", "-d", "2023-06-02").code == 0


def test_a_date_that_does_not_exist_says_both_ways_to_write_one(
    tmp_path: Path, plan_file: Path, progress_file: Path
) -> None:
    err = refused(tmp_path, "I.2", str(plan_file), "-s", "done", "-d", "31/02/2023", code=2,
                  env={"CCHC_LANG": "vi"})  # fmt: skip
    assert "'31/02/2023' không phải ngày; ghi DD/MM/YYYY hoặc YYYY-MM-DD, ví dụ 14/06/2023" in err
