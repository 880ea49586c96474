"""`cchc diff`, amendments, and the hooks and CI workflow offered to repositories of plans."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import MINIMAL_PLAN, ROOT, write
from helpers import cchc

from cchc_cli.files import roundtrip as yamlio
from cchc_cli.plan.diff import compare
from cchc_cli.views.diff_text import brief_edit, md_escape

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")

# Real-looking amendments of the small plan (made-up, as the plan itself):
# a target raised, a deadline moved, a task added, a lead changed.
AMENDMENT = """\
dieu_chinh:
  - so: 45/QĐ-SCT
    ngay: 2023-05-10
    ly_do: Điều chỉnh theo Kế hoạch số 120/KH-UBND của UBND tỉnh
    ma: [CT3.1.a, III.1, I.1.c]
"""


def amended(text: str = MINIMAL_PLAN, *, amendment: bool = True) -> str:
    edits = [
        (
            '{ma: CT3.1.a, so_sanh: ">=", gia_tri: 85, don_vi: phan_tram}',
            '{ma: CT3.1.a, so_sanh: ">=", gia_tri: 90, don_vi: phan_tram}',
        ),
        (
            '{so_sanh: ">=", gia_tri: 85, don_vi: phan_tram, ung_voi: CT3.1.a}',
            '{so_sanh: ">=", gia_tri: 90, don_vi: phan_tram, ung_voi: CT3.1.a}',
        ),
        ("              thoi_han: Tháng 01/2023\n", "              thoi_han: Quý II/2023\n"),
        (
            "              chu_tri: [VP]\n              phoi_hop: [PCM]\n",
            "              chu_tri: [TTRA]\n              phoi_hop: [VP, PCM]\n",
        ),
        (
            "              kinh_phi: Theo dự toán được duyệt\n",
            "              kinh_phi: Theo dự toán được duyệt\n"
            "            - ma: I.1.c\n"
            "              nhiem_vu: Tổ chức hội nghị tập huấn CCHC.\n"
            "              chu_tri: [VP]\n"
            "              thoi_han: Quý III/2023\n",
        ),
    ]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text + (AMENDMENT if amendment else "")


def two_plans(tmp_path: Path, new_text: str) -> tuple[Path, Path]:
    old = write(tmp_path, MINIMAL_PLAN, "old.yaml")
    new = write(tmp_path, new_text, "new.yaml")
    return old, new


EXPECTED_TEXT = """\
{old} → {new}: 7 changes
  Targets
    CT3.1.a target ≥ 85% → ≥ 90%  [amendment 45/QĐ-SCT]
    III.1 objective figure ≥ 85% → ≥ 90% (restating CT3.1.a)  [amendment 45/QĐ-SCT]
  Deadlines
    III.1 Tháng 01/2023 → Quý II/2023 (31/01 → 30/06)  [amendment 45/QĐ-SCT]
  Added
    task I.1.c added: Tổ chức hội nghị tập huấn CCHC.  [amendment 45/QĐ-SCT]
  Lead units
    I.1.a lead VP → TTRA
  Supporting units
    I.1.a support PCM → VP, PCM
  Amendments
    amendment 45/QĐ-SCT added: 10/05/2023, Điều chỉnh theo Kế hoạch số 120/KH-UBND của UBND tỉnh (CT3.1.a, III.1, I.1.c)
"""


# --- two files ---------------------------------------------------------------------------


def test_diff_describes_amendments_in_words(tmp_path: Path) -> None:
    old, new = two_plans(tmp_path, amended())
    r = cchc("diff", str(old), str(new))
    assert r.code == 0, r.all
    assert r.out == EXPECTED_TEXT.format(old=old, new=new)
    assert cchc("diff", str(old), str(new), "--require-amendment").code == 0


def test_require_amendment_names_what_no_amendment_covers(tmp_path: Path) -> None:
    old, new = two_plans(tmp_path, amended(amendment=False))
    r = cchc("diff", str(old), str(new), "--require-amendment")
    assert r.code == 1
    assert "CT3.1.a target ≥ 85% → ≥ 90%  [no amendment names it]" in r.out
    assert r.err.splitlines() == [
        "cchc: error: CT3.1.a: target changed (≥ 85% → ≥ 90%) but no new amendment names it; "
        "add a dieu_chinh entry (so, ngay, ly_do, ma: [CT3.1.a])",
        "cchc: error: III.1: objective figure changed (≥ 85% → ≥ 90%) but no new amendment "
        "names it; add a dieu_chinh entry (so, ngay, ly_do, ma: [III.1])",
        "cchc: error: I.1.c: task added but no new amendment names it; add a dieu_chinh entry "
        "(so, ngay, ly_do, ma: [I.1.c])",
        "cchc: error: III.1: deadline moved (Tháng 01/2023 → Quý II/2023) but no new amendment "
        "names it; add a dieu_chinh entry (so, ngay, ly_do, ma: [III.1])",
    ]
    assert cchc("diff", str(old), str(new)).code == 0  # without the flag it only reports


def test_an_amendment_already_in_the_old_plan_does_not_count(tmp_path: Path) -> None:
    old = write(tmp_path, MINIMAL_PLAN + AMENDMENT, "old.yaml")
    new = write(tmp_path, amended(), "new.yaml")
    r = cchc("diff", str(old), str(new), "--require-amendment")
    assert r.code == 1
    assert "amendment 45/QĐ-SCT" not in r.out


def test_identical_plans_have_no_changes(tmp_path: Path) -> None:
    old, new = two_plans(tmp_path, MINIMAL_PLAN)
    r = cchc("diff", str(old), str(new), "--require-amendment")
    assert (r.code, r.out) == (0, f"{old} → {new}: no changes\n")
    md = cchc("diff", str(old), str(new), "--format", "markdown")
    assert md.out.endswith("No changes to the plan.\n")
    data = json.loads(cchc("diff", str(old), str(new), "-f", "json").out)
    assert data["changes"] == [] and data["missing_amendment"] == []


def test_layout_only_changes_are_no_changes(tmp_path: Path) -> None:
    relaid = MINIMAL_PLAN.replace(
        "  - {ma: 1, ten: Chỉ đạo điều hành}", "  - ma: 1\n    ten: Chỉ đạo điều hành"
    )
    old, new = two_plans(tmp_path, "# a comment\n" + relaid)
    assert cchc("diff", str(old), str(new)).out.endswith(": no changes\n")


def test_markdown_view(tmp_path: Path) -> None:
    old, new = two_plans(tmp_path, amended(amendment=False))
    r = cchc("diff", str(old), str(new), "--format", "markdown")
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[0] == f"### Plan changes: `{old}` → `{new}`"
    assert "- `CT3.1.a` target ≥ 85% → ≥ 90% ⚠️ *no amendment names it*" in lines
    assert "- `III.1` Tháng 01/2023 → Quý II/2023 (31/01 → 30/06) ⚠️ *no amendment names it*" in (
        lines
    )
    assert (
        "- task `I.1.c` added: Tổ chức hội nghị tập huấn CCHC. ⚠️ *no amendment names it*" in lines
    )
    assert "**Lead units**" in lines


def test_json_view(tmp_path: Path) -> None:
    old, new = two_plans(tmp_path, amended())
    data = json.loads(cchc("diff", str(old), str(new), "--format", "json").out)
    assert data["version"] == 1 and data["missing_amendment"] == []
    deadline = next(c for c in data["changes"] if c["kind"] == "deadline")
    assert deadline == {
        "kind": "deadline",
        "id": "III.1",
        "what": "task",
        "field": None,
        "old": "Tháng 01/2023",
        "new": "Quý II/2023",
        "note": "(31/01 → 30/06)",
        "summary": None,
        "text": "III.1 Tháng 01/2023 → Quý II/2023 (31/01 → 30/06)",
        "needs_amendment": True,
        "amended_by": ["45/QĐ-SCT"],
    }
    assert data["amendments_added"][0]["ma"] == ["CT3.1.a", "III.1", "I.1.c"]


def test_json_never_cuts_text(tmp_path: Path) -> None:
    long_title = " ".join(f"từ{i}" for i in range(40))
    text = MINIMAL_PLAN.replace(
        "Lồng ghép trong các cuộc họp giao ban.", f"Lồng ghép {long_title}."
    )
    old, new = two_plans(tmp_path, text)
    out = cchc("diff", str(old), str(new), "--format", "json").out
    data = json.loads(out)
    edit = next(c for c in data["changes"] if c["kind"] == "text")
    assert edit["new"] == f"Lồng ghép {long_title}."
    assert edit["old"] == "Lồng ghép trong các cuộc họp giao ban."
    assert "…" in edit["summary"] and "…" not in edit["new"]
    assert "…" in cchc("diff", str(old), str(new)).out  # the text view reads a summary


def test_removed_items_units_and_text_edits(tmp_path: Path) -> None:
    text = MINIMAL_PLAN
    for old, new in [
        ("Lồng ghép trong các cuộc họp giao ban.", "Lồng ghép trong các cuộc họp giao ban hằng tháng."),
        ("          - {ma: CT3.1.b, so_sanh: \"<=\", gia_tri: 25, don_vi: phut}\n", ""),
        ("  - {ma: PCM, ten: Các phòng chuyên môn, tap_the: true}\n",
         "  - {ma: PCM, ten: Các phòng chuyên môn, tap_the: true}\n"
         "  - {ma: BPMC, ten: Bộ phận một cửa}\n"),
        ("{ma: TTRA, ten: Thanh tra Sở,", "{ma: TTRA, ten: Thanh tra Sở Công Thương,"),
        ("kinh_phi: {tieu_de: KINH PHÍ THỰC HIỆN, doan: [Kinh phí.]}",
         "kinh_phi: {tieu_de: KINH PHÍ THỰC HIỆN, doan: [Kinh phí từ ngân sách.]}"),
    ]:  # fmt: skip
        assert old in text
        text = text.replace(old, new, 1)
    old_path, new_path = two_plans(tmp_path, text)
    out = cchc("diff", str(old_path), str(new_path)).out
    assert "    target CT3.1.b removed: ≤ 25 phút\n" in out
    assert "    unit BPMC added: Bộ phận một cửa\n" in out
    assert (
        "    I.1.b task text edited: “…cuộc họp giao ban.” → “…cuộc họp giao ban hằng tháng.”\n"
    ) in out
    assert "    TTRA name edited: “Thanh tra Sở” → “Thanh tra Sở Công Thương”\n" in out
    assert (
        "    section V (kinh_phi).doan[1] edited: “Kinh phí.” → “Kinh phí từ ngân sách.”\n" in out
    )


def test_diff_on_the_real_plan(tmp_path: Path) -> None:
    real = (ROOT / "plans" / "2023.yaml").read_text(encoding="utf-8")
    edited = real
    for old, new in [
        ('          - ma: CT2.1.a\n            so_sanh: ">="\n            gia_tri: 90\n',
         '          - ma: CT2.1.a\n            so_sanh: ">="\n            gia_tri: 95\n'),
        ("              thoi_han: Quý I/2023\n", "              thoi_han: Quý II/2023\n"),
    ]:  # fmt: skip
        assert edited.count(old) == 1, old
        edited = edited.replace(old, new)
    old_path = write(tmp_path, real, "old.yaml")
    new_path = write(tmp_path, edited, "new.yaml")
    r = cchc("diff", str(old_path), str(new_path))
    assert r.out.splitlines()[1:] == [
        "  Targets",
        "    CT2.1.a target ≥ 90% → ≥ 95%  [no amendment names it]",
        "  Deadlines",
        "    I.2 Quý I/2023 → Quý II/2023 (31/03 → 30/06)  [no amendment names it]",
    ]
    assert cchc("diff", str(old_path), str(old_path)).out.endswith(": no changes\n")


# --- bad input: one clear line, exit 1 or 2, no traceback ------------------------------------


def one_line(r: Any, code: int) -> str:
    assert r.code == code, r.all
    assert "Traceback" not in r.all
    assert len(r.err.splitlines()) == 1, r.err
    return str(r.err)


def test_a_file_that_is_not_a_plan(tmp_path: Path, plan_file: Path) -> None:
    other = write(tmp_path, "ten: danh sách\nmuc: [a, b]\n", "list.yaml")
    err = one_line(cchc("diff", str(other), str(plan_file)), 1)
    assert err.startswith(f"cchc: error: {other} is not a valid plan: {other}:1:1: ")
    assert "run cchc validate" in err
    progress = write(tmp_path, "nam: 2023\n", "2023.progress.yaml")
    err = one_line(cchc("diff", str(plan_file), str(progress)), 2)
    assert err == f"cchc: error: {progress} is a progress file; cchc diff compares plans\n"
    binary = tmp_path / "x.yaml"
    binary.write_bytes(b"\x00\x01")
    one_line(cchc("diff", str(binary), str(plan_file)), 1)


def test_wrong_number_of_files(tmp_path: Path, plan_file: Path) -> None:
    err = one_line(cchc("diff", str(plan_file)), 2)
    assert err == "cchc: error: give two plan files (OLD NEW), or --rev REV [PLAN]\n"
    err = one_line(cchc("diff", "--rev", "HEAD", str(plan_file), str(plan_file)), 2)
    assert "with --rev give one plan file" in err
    one_line(cchc("diff", str(plan_file), str(tmp_path / "missing.yaml")), 2)


# --- against a git revision ------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    assert GIT is not None
    return subprocess.run(
        [GIT, "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def plan_repo(tmp_path: Path) -> Path:
    """A repository holding plans/2023.yaml: one commit on main, and an origin/main."""
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    write(repo / "plans", MINIMAL_PLAN)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "the 2023 plan")
    git(repo, "update-ref", "refs/remotes/origin/main", "main")
    return repo


@needs_git
def test_diff_against_a_revision(tmp_path: Path) -> None:
    repo = plan_repo(tmp_path)
    plan = repo / "plans" / "2023.yaml"
    write(repo / "plans", amended(amendment=False))
    r = cchc("diff", "--rev", "HEAD", str(plan))
    assert r.out.splitlines()[0] == f"HEAD:plans/2023.yaml → {plan}: 6 changes"
    assert cchc("diff", "--rev", "origin/main", str(plan), "--require-amendment").code == 1
    write(repo / "plans", amended())
    assert cchc("diff", "--rev", "origin/main", str(plan), "--require-amendment").code == 0


@needs_git
def test_revision_path_is_relative_to_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = plan_repo(tmp_path)
    monkeypatch.chdir(repo / "plans")
    assert cchc("diff", "--rev", "HEAD", "2023.yaml").out == (
        "HEAD:plans/2023.yaml → 2023.yaml: no changes\n"
    )
    monkeypatch.chdir(repo)
    assert cchc("diff", "--rev", "HEAD").out.endswith(": no changes\n")  # this year's plan


@needs_git
def test_bad_revision_is_one_line(tmp_path: Path) -> None:
    repo = plan_repo(tmp_path)
    plan = str(repo / "plans" / "2023.yaml")
    err = one_line(cchc("diff", "--rev", "no-such-branch", plan), 2)
    assert err.startswith("cchc: error: --rev: unknown revision 'no-such-branch'")
    one_line(cchc("diff", "--rev", "--output=x", plan), 2)
    one_line(cchc("diff", "--rev", "HEAD~5", plan), 2)


@needs_git
def test_a_plan_new_at_this_revision(tmp_path: Path) -> None:
    repo = plan_repo(tmp_path)
    new = write(repo / "plans", MINIMAL_PLAN.replace("nam: 2023", "nam: 2024"), "2024.yaml")
    r = cchc("diff", "--rev", "HEAD", str(new), "--require-amendment")
    assert (r.code, r.out) == (0, f"HEAD:plans/2024.yaml → {new}: a new plan (not at HEAD)\n")


@needs_git
def test_an_invalid_plan_at_the_revision(tmp_path: Path) -> None:
    repo = plan_repo(tmp_path)
    write(repo / "plans", "nam: 2023\n")
    git(repo, "commit", "-qam", "broken")
    write(repo / "plans", MINIMAL_PLAN)
    err = one_line(cchc("diff", "--rev", "HEAD", str(repo / "plans" / "2023.yaml")), 1)
    assert err.startswith("cchc: error: HEAD:plans/2023.yaml is not a valid plan: ")


def test_not_a_git_repository(tmp_path: Path, plan_file: Path) -> None:
    if (
        GIT is not None
        and subprocess.run([GIT, "rev-parse"], cwd=tmp_path, capture_output=True).returncode == 0
    ):
        pytest.skip("the temporary folder is inside a git repository")
    err = one_line(cchc("diff", "--rev", "HEAD", str(plan_file)), 2)
    assert "not inside a git repository" in err or "needs git" in err


# --- words ------------------------------------------------------------------------------------


def test_brief_edit_shows_the_first_differing_words() -> None:
    assert brief_edit("Tối thiểu 60% các phòng", "Tối thiểu 70% các phòng") == (
        "“Tối thiểu 60% các phòng” → “Tối thiểu 70% các phòng”"
    )
    long_old = "một hai ba bốn năm sáu bảy tám chín mười"
    long_new = "một hai ba bốn năm SÁU bảy tám chín MƯỜI"
    assert brief_edit(long_old, long_new) == (
        "“…ba bốn năm sáu bảy tám…” → “…ba bốn năm SÁU bảy tám…” (and 1 more)"
    )
    assert brief_edit("a  b", "a b") == "spacing or line breaks only"


def test_markdown_escapes_user_text() -> None:
    assert md_escape("a|b *c* <d>") == "a\\|b \\*c\\* \\<d\\>"


def test_compare_is_symmetric_in_kinds() -> None:
    from cchc_cli.files.reader import Loaded, _parse, validate
    from cchc_cli.plan.model import Plan

    def plan(text: str) -> Plan:
        loaded = Loaded("x")
        loaded.lines = text.splitlines()
        _parse(loaded, text)
        result = validate(loaded, Plan)
        assert result is not None
        return result

    a, b = plan(MINIMAL_PLAN), plan(amended())
    forward = compare(a, b).changes
    backward = compare(b, a).changes
    kinds = {"added": "removed", "removed": "added"}
    assert sorted(kinds.get(c.kind, c.kind) for c in forward if c.kind != "amendment") == sorted(
        c.kind for c in backward if c.what != "amendment"
    )


# --- for repositories that hold plans: pre-commit hooks and the CI workflow -------------------


def command_names() -> set[str]:
    import typer.main

    from cchc_cli.commands.app import app

    return set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def bin_dir() -> Path:
    return Path(sys.executable).parent


def test_pre_commit_hooks_parse_and_name_commands() -> None:
    hooks = yamlio.load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"cchc-validate", "cchc-fmt"}
    assert by_id["cchc-validate"]["entry"] == "cchc validate"
    assert by_id["cchc-fmt"]["entry"] == "cchc fmt --check"
    for hook in hooks:
        program, command, *_ = hook["entry"].split()
        assert program == "cchc" and command in command_names()
        assert hook["language"] == "python"
        files = re.compile(hook["files"])
        assert files.search("plans/2023.yaml") and files.search("plans/2023.progress.yml")
        assert not files.search("README.md") and not files.search("plans/notes.txt")


@needs_git
def test_pre_commit_hooks_run_on_a_plan_repository(tmp_path: Path) -> None:
    repo = plan_repo(tmp_path)
    write(repo / "plans", "nam: 2023\nnhiem_vu:\n- ma: I.2\n  ngay: 2023-06-01\n  trang_thai: hoan_thanh\n", "2023.progress.yaml")  # fmt: skip
    hooks = yamlio.load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    env = {**os.environ, "PATH": f"{bin_dir()}{os.pathsep}{os.environ.get('PATH', '')}"}
    staged = ["plans/2023.yaml", "plans/2023.progress.yaml", "README.md"]

    def run(hook: dict[str, Any]) -> subprocess.CompletedProcess[str]:
        files = [f for f in staged if re.search(hook["files"], f)]
        return subprocess.run(
            [*hook["entry"].split(), *files], cwd=repo, env=env, capture_output=True, text=True
        )

    validate, fmt = (next(h for h in hooks if h["id"] == i) for i in ("cchc-validate", "cchc-fmt"))
    assert run(validate).returncode == 0
    r = run(fmt)
    assert r.returncode == 1 and "would reformat plans/2023.progress.yaml" in r.stdout
    subprocess.run([bin_dir() / "cchc", "fmt"], cwd=repo, env=env, check=True, capture_output=True)
    assert run(fmt).returncode == 0


def workflow() -> dict[str, Any]:
    data: dict[str, Any] = yamlio.load(
        (ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8")
    )
    return data


def test_workflow_parses_and_names_commands() -> None:
    flow = workflow()
    steps = flow["jobs"]["check"]["steps"]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0
    assert "actions/setup-python" in uses
    runs = "\n".join(s["run"] for s in steps if "run" in s)
    assert "pip install" in runs
    assert "cchc validate --format github" in runs
    assert '--require-amendment "$plan"' in runs  # every plan under plans/, in a loop
    assert not re.search(r"\b20\d\d\b", "\n".join(s.get("run", "") for s in steps))  # no year
    assert '>> "$GITHUB_STEP_SUMMARY"' in runs
    for command in re.findall(r"\bcchc (\w+)", runs):
        assert command in command_names(), command
    env = [s.get("env", {}).get("BASE") for s in steps]
    assert "origin/${{ github.base_ref }}" in env


def run_workflow(
    repo: Path, base_ref: str, summary: Path
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Run the workflow's shell steps as a pull request's job would, cchc already installed."""
    results = {}
    context = {"github.base_ref": base_ref, "github.event_name": "pull_request"}
    for step in workflow()["jobs"]["check"]["steps"]:
        if "run" not in step or step["run"].startswith("pip install"):
            continue  # actions and the install: this test runs the installed cchc
        condition = step.get("if", "true")
        condition = condition.replace("always()", "true")
        condition = condition.replace("github.event_name == 'pull_request'", "true")
        assert condition.replace("&&", "").split() in ([], ["true"], ["true", "true"]), condition
        env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
        env["PATH"] = f"{bin_dir()}{os.pathsep}{env.get('PATH', '')}"
        for key, value in step.get("env", {}).items():
            env[key] = re.sub(
                r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: context[m.group(1)], str(value)
            )
        results[step["name"]] = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo, env=env, capture_output=True, text=True,
        )  # fmt: skip
    return results


@needs_git
@pytest.mark.parametrize("with_amendment", [True, False])
def test_workflow_steps_run_on_a_pull_request(tmp_path: Path, with_amendment: bool) -> None:
    repo = plan_repo(tmp_path)
    git(repo, "checkout", "-qb", "update-plan")
    write(repo / "plans", amended(amendment=with_amendment))
    git(repo, "commit", "-qam", "amend the plan")
    summary = tmp_path / "summary.md"
    results = run_workflow(repo, "main", summary)
    codes = {name: r.returncode for name, r in results.items()}
    assert codes == {
        "Validate plans and progress": 0,
        "Layout": 0,
        "Targets and deadlines change only by amendment": 0 if with_amendment else 1,
        "Summary": 0,
    }, {n: r.stdout + r.stderr for n, r in results.items()}
    check = results["Targets and deadlines change only by amendment"]
    if not with_amendment:
        assert "cchc: error: CT3.1.a: target changed" in check.stderr
    text = summary.read_text(encoding="utf-8")
    assert "### Plan changes: `origin/main:plans/2023.yaml` → `plans/2023.yaml`" in text
    assert "- `CT3.1.a` target ≥ 85% → ≥ 90%" in text
    status = cchc("status", str(repo / "plans" / "2023.yaml"), "--format", "markdown").out
    assert text.endswith(status)
    assert "Traceback" not in "".join(r.stderr for r in results.values())


@needs_git
def test_the_workflow_checks_every_plan_and_a_removed_one(tmp_path: Path) -> None:
    # Next year's plan is checked as this year's was: nothing in the workflow names a year.
    repo = plan_repo(tmp_path)
    write(repo / "plans", MINIMAL_PLAN.replace("nam: 2023", "nam: 2024"), "2024.yaml")
    write(repo / "plans", "nhiem_vu: []\n", "2024.progress.yaml")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "the 2024 plan")
    git(repo, "update-ref", "refs/remotes/origin/main", "main")
    git(repo, "checkout", "-qb", "lower-2024")
    write(repo / "plans", amended(MINIMAL_PLAN.replace("nam: 2023", "nam: 2024"), amendment=False),
          "2024.yaml")  # fmt: skip
    git(repo, "commit", "-qam", "change a 2024 target")
    step = "Targets and deadlines change only by amendment"
    checked = run_workflow(repo, "main", tmp_path / "summary.md")[step]
    assert checked.returncode == 1
    assert "CT3.1.a: target changed" in checked.stderr
    assert "plans/2023.yaml" not in checked.stderr and "progress" not in checked.stderr
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "`origin/main:plans/2024.yaml` → `plans/2024.yaml`" in summary
    assert "`origin/main:plans/2023.yaml` → `plans/2023.yaml`" in summary

    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", "remove-2023")
    git(repo, "rm", "-q", "plans/2023.yaml")
    git(repo, "commit", "-qm", "remove the 2023 plan")
    checked = run_workflow(repo, "main", tmp_path / "summary2.md")[step]
    assert checked.returncode == 1
    assert "plans/2023.yaml: the plan was removed from the repository" in checked.stderr


def test_an_amendment_of_the_base_cannot_be_widened_or_removed(tmp_path: Path) -> None:
    """Adding an id to an amendment already made would cover any change: refused."""
    base = MINIMAL_PLAN + AMENDMENT
    old = write(tmp_path, base, "old.yaml")
    widened = base.replace("ma: [CT3.1.a, III.1, I.1.c]", "ma: [CT3.1.a, III.1, I.1.c, CT1.1.a]")
    lowered = widened.replace(
        '{ma: CT1.1.a, so_sanh: ">=", gia_tri: 60, don_vi: phan_tram}',
        '{ma: CT1.1.a, so_sanh: ">=", gia_tri: 10, don_vi: phan_tram}',
    )
    assert lowered != widened
    new = write(tmp_path, lowered, "new.yaml")
    r = cchc("diff", str(old), str(new), "--require-amendment")
    assert r.code == 1
    assert "amendment 45/QĐ-SCT of the base plan is edited" in r.err
    assert "CT1.1.a: target changed (≥ 60% → ≥ 10%) but no new amendment names it" in r.err
    removed = write(tmp_path, MINIMAL_PLAN, "removed.yaml")
    r = cchc("diff", str(old), str(removed), "--require-amendment")
    assert r.code == 1 and "amendment 45/QĐ-SCT of the base plan is removed" in r.err


def test_removing_a_task_needs_an_amendment(tmp_path: Path) -> None:
    old, new = two_plans(tmp_path, amended(amendment=False))
    r = cchc("diff", str(new), str(old), "--require-amendment")  # the other way: I.1.c removed
    assert r.code == 1 and "I.1.c: task removed but no new amendment names it" in r.err


@needs_git
def test_a_plan_that_became_a_link_is_no_plan_on_either_side(tmp_path: Path) -> None:
    """A pull request that turns the plan into a link to a new file with a target lowered
    cannot pass as 'a new plan'."""
    repo = plan_repo(tmp_path)
    plan = repo / "plans" / "2023.yaml"
    other = write(repo / "plans", amended(amendment=False), "lowered.yaml")
    plan.unlink()
    plan.symlink_to(other.name)
    r = cchc("diff", "--rev", "HEAD", str(plan), "--require-amendment")
    assert r.code == 2 and "is a symbolic link" in r.err, r.all
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "link")
    plan.unlink()
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    r = cchc("diff", "--rev", "HEAD", str(plan), "--require-amendment")
    assert r.code == 1 and "is a symbolic link at that revision, not a plan" in r.err, r.all
