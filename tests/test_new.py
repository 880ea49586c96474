"""`cchc new YEAR`: next year's plan from this one, and the warning for a plan copied
without moving its deadlines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import cchc, read_model

from cchc_cli.plan.model import Plan


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(ROOT / "plans" / "2023.yaml", tmp_path / "plans" / "2023.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_year_plan_validates_with_only_the_warnings_it_lists(repo: Path) -> None:
    r = cchc("new", "2024")
    assert r.code == 0, r.all
    new = repo / "plans" / "2024.yaml"
    assert r.out.startswith("Created plans/2024.yaml from plans/2023.yaml: 14 deadlines moved")
    checked = cchc("validate", str(new))
    assert checked.code == 0
    warnings = [line for line in checked.out.splitlines() if ": warning: " in line]
    listed = [line for line in r.err.splitlines() if ": warning: " in line]
    assert warnings and [w.split(": warning: ")[1] for w in warnings] == [
        w.split(": warning: ")[1] for w in listed
    ]
    assert "line(s) still name 2023 and need review" in r.err
    after = r.err.split("need review (the old plan's words):\n", 1)[1].splitlines()
    review = [line for line in after if line.startswith(f"{new.relative_to(repo)}:")]
    assert len(review) == len(after) > 10
    text = new.read_text(encoding="utf-8").splitlines()
    for line in review:
        number = int(line.split(":")[1])
        assert "2023" in text[number - 1]


def test_the_new_plan_keeps_structure_and_moves_deadlines(repo: Path) -> None:
    assert cchc("new", "2024").code == 0
    old, _ = read_model(repo / "plans" / "2023.yaml", Plan)
    new, _ = read_model(repo / "plans" / "2024.yaml", Plan)
    assert new.nam == 2024 and new.don_vi == old.don_vi and new.linh_vuc == old.linh_vuc
    assert [t.ma for _p, _o, t in new.tasks()] == [t.ma for _p, _o, t in old.tasks()]
    deadlines = {t.ma: t.thoi_han for _p, _o, t in new.tasks()}
    assert deadlines["I.1.a"] == "Trước ngày 15/01/2024"
    assert deadlines["I.2"] == "Quý I/2024"
    assert new.van_ban.so is None and new.van_ban.nguoi_ky.ho_ten is None
    assert new.van_ban.ngay_ban_hanh.nam == 2024 and new.van_ban.ngay_ban_hanh.thang is None
    assert new.dieu_chinh == [] and new.van_ban.trich_yeu == "Cải cách hành chính năm 2024"
    # the issued text is the old plan's until the department words the new one
    assert new.muc_dich_yeu_cau == old.muc_dich_yeu_cau
    text = (repo / "plans" / "2024.yaml").read_text(encoding="utf-8")
    assert text.startswith("# ")  # comments and layout kept
    status = cchc("status", "--as-of", "2024-06-14", "--width", "120", "--lang", "vi")
    assert status.code == 0
    row = next(line for line in status.out.splitlines() if line.startswith("I.1.a "))
    assert "14/01" in row and "/2023" not in row


def test_new_refuses_an_existing_file_and_the_same_year(repo: Path) -> None:
    assert cchc("new", "2024").code == 0
    again = cchc("new", "2024", "plans/2023.yaml")
    assert again.code == 2 and "exists; cchc new does not overwrite it" in again.err
    same = cchc("new", "2023", "plans/2023.yaml")
    assert same.code == 2 and "already for 2023" in same.err
    assert cchc("new", "3000").code == 2


def test_a_plan_copied_to_another_year_warns_and_shows_the_year_due(repo: Path) -> None:
    copied = repo / "plans" / "2024.yaml"
    copied.write_text(
        (repo / "plans" / "2023.yaml")
        .read_text(encoding="utf-8")
        .replace("nam: 2023\n", "nam: 2024\n", 1),
        encoding="utf-8",
    )
    r = cchc("validate", str(copied))
    assert "I.2: 'Quý I/2023' names the year 2023, not the plan year 2024; review it" in r.out
    status = cchc("status", str(copied), "--as-of", "2024-06-14", "--width", "120")
    row = next(line for line in status.out.splitlines() if line.startswith("I.2 "))
    assert "31/03/2023" in row  # the due column names a year that is not the plan's
