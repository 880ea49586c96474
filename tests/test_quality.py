"""The whole project passes its linters and type checker, and its docs match its commands."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import cchc

from cchc_cli.commands.app import app

BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        assert found, f"{name} is not installed: pip install -e '.[test]'"
        return found
    return str(path)


@pytest.mark.parametrize(
    "args",
    [
        ["ruff", "check", "cchc_cli", "tests"],
        ["ruff", "format", "--check", "cchc_cli", "tests"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_linters(args: list[str]) -> None:
    r = subprocess.run([tool(args[0]), *args[1:]], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = command_names()
    assert {"validate", "status", "schema"} <= set(names)
    for name in names:
        r = cchc(name, "--help")
        assert r.code == 0
        summary = r.out.split("\n\n")[1].strip()
        assert len(summary) > 20, f"{name} has no help text"
        assert f"cchc {name}" in readme, f"README does not mention cchc {name}"


def test_quickstart_has_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, re.S)
    assert block
    lines = [ln for ln in block.group(1).splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) == 2
    assert "cchc status" in lines[0] and "pytest" in lines[1]


def test_changelog_names_issues() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(r"#\d+", text)


@pytest.mark.parametrize("args", [["status", "--format", "json"], ["validate"], ["--help"]])
def test_read_only_commands_do_not_load_the_writers_libraries(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from cchc_cli.commands.app import app\n"
        f"sys.argv = ['cchc', *{args!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "heavy = {'docx', 'docxtpl', 'jinja2', 'ruamel', 'hypothesis'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy), file=sys.stderr)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.stderr.strip().splitlines()[-1] == "[]", r.stderr


def test_readme_command_table_is_the_commands_help() -> None:
    """README's command reference is each command's own help, so the two cannot drift."""
    import typer.main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- commands:", 1)[1].split("<!-- end of commands -->", 1)[0]
    rows = {
        re.match(r"\| `cchc ([\w-]+)", line).group(1): line.rsplit("|", 2)[1].strip()  # type: ignore[union-attr]
        for line in table.splitlines()
        if line.startswith("| `cchc ")
    }
    group = typer.main.get_command(app)
    helps = {
        name: (cmd.help or "").strip().splitlines()[0]
        for name, cmd in group.commands.items()  # type: ignore[attr-defined]
    }
    assert rows == helps


def test_readme_names_every_option() -> None:
    import typer.main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    missing = [
        f"{name} {opt}"
        for name, cmd in group.commands.items()  # type: ignore[attr-defined]
        for param in cmd.params
        for opt in param.opts
        if opt.startswith("--") and f"`{opt}" not in readme
    ]
    assert missing == []


def test_public_api_names_resolve() -> None:
    import cchc_cli

    for name in cchc_cli.__all__:
        assert callable(getattr(cchc_cli, name)), name


def test_readme_status_example_is_what_cchc_prints() -> None:
    """The terminal example in README is the command's output (80 columns, no colour)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = '$ cchc status --as-of 2023-06-14 --unit "Thanh tra"\n'
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    r = cchc(
        "status", str(ROOT / "plans" / "2023.yaml"), "--as-of", "2023-06-14",
        "--unit", "Thanh tra", "--width", "80", env={"NO_COLOR": "1", "CCHC_LANG": "vi"},
    )  # fmt: skip
    assert r.code == 0
    assert shown == r.out


def test_readme_record_example_is_what_cchc_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "2023.yaml").write_bytes((ROOT / "plans" / "2023.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    block = readme.split("$ cchc record I.1.a", 1)[1].split("```", 1)[0]
    shown = ("$ cchc record I.1.a" + block).split("$ ")[1:]
    import shlex

    for part in shown:
        command, _, expected = part.partition("\n")
        r = cchc(*shlex.split(command)[1:], env={"CCHC_LANG": "vi"})
        assert r.code == 0, r.all
        assert r.out == expected


def test_readme_validate_example_is_what_cchc_prints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ cchc validate plans/2023.yaml\n", 1)[1].split("```", 1)[0]
    head, _, last = block.partition("...\n")
    r = cchc("validate", str(ROOT / "plans" / "2023.yaml"), env={"CCHC_LANG": "vi"})
    out = r.out.replace(str(ROOT) + "/", "")
    assert out.startswith(head) and out.endswith(last)
