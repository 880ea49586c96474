"""Nothing a pull request carries makes cchc read or write outside the repository: no link
inside it is followed, for reading or for writing, and output folders go only where cchc
owns them (cases 1, 2 and 12 of the second round of untrusted input)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL_PLAN, ROOT
from helpers import cchc

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="links and FIFOs as on POSIX")
PLAN = ROOT / "plans" / "2023.yaml"
SECRET = "BÍ-MẬT-NGOÀI-KHO"


def snapshot(folder: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_symlink():
            found[str(p)] = "-> " + os.readlink(p)
        elif p.is_file():
            found[str(p)] = p.read_bytes()
        elif p.is_dir():
            found[str(p)] = "dir"
    return found


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / "plans").mkdir(parents=True)
    shutil.copy(PLAN, root / "plans" / "2023.yaml")
    monkeypatch.chdir(root)
    return root


# --- case 1: links inside the repository, for reading and for writing --------------------------


@POSIX
@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["validate", "--format", "github"],
        ["status"],
        ["show", "I.1.a"],
        ["site", "-o", "site"],
        ["export"],
        ["report", "-q", "2", "--date", "2023-06-16"],
    ],
)
def test_a_plans_folder_that_is_a_link_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    text = MINIMAL_PLAN.replace("Ban hành Kế hoạch CCHC năm 2023.", f"Ban hành {SECRET}.")
    (outside / "2023.yaml").write_text(text, encoding="utf-8")
    root = tmp_path / "repo"
    root.mkdir()
    (root / "plans").symlink_to(outside)
    monkeypatch.chdir(root)
    before = snapshot(tmp_path)
    r = cchc(*command)
    assert r.code == 2, r.all
    assert "plans is a symbolic link; cchc follows no link inside the repository" in r.err, r.all
    assert SECRET not in r.all and "Traceback" not in r.all
    assert len([ln for ln in r.all.splitlines() if ln.strip()]) == 1, r.all
    assert snapshot(tmp_path) == before


@POSIX
def test_a_folder_link_deeper_down_is_not_followed_for_writing(tmp_path: Path, repo: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "records").symlink_to(outside)
    (repo / "out").symlink_to(outside)
    before = snapshot(tmp_path)
    for args in (
        [
            "record",
            "I.1.a",
            "-s",
            "done",
            "-d",
            "2023-01-10",
            "--progress",
            "records/2023.progress.yaml",
        ],
        ["report", "-q", "2", "--date", "2023-06-16", "-o", "out/report.docx"],
        ["sheet", "--unit", "VP", "-q", "2", "-o", "out/vp.xlsx"],
        ["export", "-o", "out/plan.xlsx"],
    ):
        r = cchc(*args)
        assert r.code == 2, (args, r.all)
        assert "is a symbolic link; cchc follows no link inside the repository" in r.err, r.all
        if args[-2] == "-o":  # the refusal names the output file as it was typed
            assert r.err.startswith(f"cchc: error: {args[-1]}: "), r.all
    assert snapshot(tmp_path) == before


@POSIX
@pytest.mark.parametrize("command", [["site", "-o", "site"], ["export", "--format", "csv", "-o", "site"],
                                     ["sheet", "--all-units", "-q", "2", "-o", "site"]])  # fmt: skip
def test_an_output_folder_that_is_a_link_is_not_written_through(
    tmp_path: Path, repo: Path, command: list[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "site").symlink_to(outside)
    before = snapshot(tmp_path)
    r = cchc(*command)
    assert r.code == 2 and "site is a symbolic link" in r.err, r.all
    assert snapshot(tmp_path) == before


# --- case 2: output folders only where cchc owns them ------------------------------------------


@pytest.mark.parametrize(
    ("folder", "said"),
    [
        (".", ". is the repository's root"),
        ("plans", "plans is the plans folder, or inside it"),
        ("plans/site", "plans/site is the plans folder, or inside it"),
        ("../x", "../x is outside the repository"),
    ],
)
@pytest.mark.parametrize(
    "command", [["site"], ["export", "--format", "csv"], ["sheet", "--all-units", "-q", "2"]]
)
def test_an_output_folder_must_be_one_cchc_owns(
    repo: Path, folder: str, said: str, command: list[str]
) -> None:
    before = snapshot(repo.parent)
    r = cchc(*command, "-o", folder)
    assert r.code == 2 and said in r.err, r.all
    assert snapshot(repo.parent) == before
    if "plans" in folder:  # the folder offered instead is the command's own
        usual = {"site": "site", "export": "ke-hoach-2023-csv", "sheet": "2023-q2-don-vi"}
        assert f"e.g. {usual[command[0]]}" in r.err, r.all


def test_outside_the_repository_only_with_outside(repo: Path) -> None:
    r = cchc("site", "-o", "../public", "--outside")
    assert r.code == 0, r.all
    assert (repo.parent / "public" / "index.html").is_file()
    assert ".cchc-manifest" in os.listdir(repo.parent / "public")


def test_foreign_files_in_the_output_folder_are_named_and_nothing_is_written(repo: Path) -> None:
    (repo / "site").mkdir()
    (repo / "site" / "evil.html").write_text("<script>steal()</script>", encoding="utf-8")
    (repo / "site" / "notes").mkdir()
    (repo / "site" / "notes" / "x.txt").write_text("x", encoding="utf-8")
    before = snapshot(repo)
    r = cchc("site", "-o", "site")
    assert r.code == 2, r.all
    assert "site holds files cchc did not write there: evil.html, notes/x.txt" in r.err, r.all
    assert snapshot(repo) == before


def test_a_folder_cchc_wrote_is_written_again_and_what_it_no_longer_writes_goes(repo: Path) -> None:
    assert cchc("site", "-o", "site").code == 0
    manifest = (repo / "site" / ".cchc-manifest").read_text(encoding="utf-8").splitlines()
    assert "index.html" in manifest and "nhiem-vu/I.1.a.html" in manifest
    plan = repo / "plans" / "2023.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("- ma: I.1.d\n", "- ma: I.1.z\n", 1), encoding="utf-8")
    r = cchc("site", "-o", "site")
    assert r.code == 0, r.all
    assert (repo / "site" / "nhiem-vu" / "I.1.z.html").is_file()
    assert not (repo / "site" / "nhiem-vu" / "I.1.d.html").exists()
    (repo / "site" / "planted.js").write_text("x", encoding="utf-8")
    r = cchc("site", "-o", "site")
    assert r.code == 2 and "site holds files cchc did not write there: planted.js" in r.err


def test_a_manifest_cannot_make_cchc_delete_outside_its_folder(repo: Path) -> None:
    (repo / "site").mkdir()
    (repo / "site" / ".cchc-manifest").write_text(
        "# cchc: the files cchc wrote in this folder\n../plans/2023.yaml\n/etc/passwd\nindex.html\n",
        encoding="utf-8",
    )
    r = cchc("site", "-o", "site")
    assert r.code == 0, r.all
    assert (repo / "plans" / "2023.yaml").read_bytes() == PLAN.read_bytes()


def test_sheets_accumulate_in_their_folder_and_are_not_overwritten(repo: Path) -> None:
    assert cchc("sheet", "--all-units", "-q", "1", "-o", "sheets").code == 0
    assert cchc("sheet", "--all-units", "-q", "2", "-o", "sheets").code == 0
    names = sorted(os.listdir(repo / "sheets"))
    assert "2023-q1-VP.xlsx" in names and "2023-q2-VP.xlsx" in names
    again = cchc("sheet", "--all-units", "-q", "2", "-o", "sheets")
    assert again.code == 2 and "--force" in again.err


# --- case 12: an output path that is a file or a FIFO ----------------------------------------


@POSIX
@pytest.mark.parametrize("kind", ["file", "fifo"])
@pytest.mark.parametrize("command", [["site"], ["export", "--format", "csv"]])
def test_an_output_folder_that_is_a_file_or_a_fifo_is_one_line(
    repo: Path, kind: str, command: list[str]
) -> None:
    target = repo / "out"
    if kind == "file":
        target.write_text("mine", encoding="utf-8")
    else:
        os.mkfifo(target)
    r = cchc(*command, "-o", "out")
    said = (
        "out is a file, not a folder"
        if kind == "file"
        else "out is a FIFO (named pipe), not a folder"
    )
    assert r.code == 2 and said in r.err, r.all
    assert "internal error" not in r.all
    if kind == "file":
        assert target.read_text(encoding="utf-8") == "mine"


def test_a_single_output_file_never_replaces_a_plan_or_progress_file(repo: Path) -> None:
    (repo / "plans" / "2023.progress.yaml").write_text("nam: 2023\n", encoding="utf-8")
    before = snapshot(repo)
    for args in (["export", "-o", "plans/2023.yaml"], ["sheet", "-u", "VP", "-q", "2", "-o",
                                                       "plans/2023.progress.yaml"]):  # fmt: skip
        r = cchc(*args)
        assert r.code == 2, r.all
    assert snapshot(repo) == before
