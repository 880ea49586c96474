"""The package's shape: layers that import one way, a wheel that works on its own."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "cchc_cli"

# What each layer may import of the package (itself always). `commands → views, files →
# words → plan → errors`; nothing imports `commands`; views and files do not know each other;
# the domain (plan) never reaches the words.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "plan": {"errors"},
    "words": {"plan", "errors"},
    "files": {"words", "plan", "errors"},
    "views": {"words", "plan", "errors"},
    "commands": {"views", "files", "words", "plan", "errors"},
    "__init__": {"files", "plan", "views", "errors"},
}

# Each third-party library that is heavy or that formats output lives in one place.
OWNERS: dict[str, set[str]] = {
    "rich": {"views/table_layout.py"},
    "orjson": {"views/json_text.py"},
    "docx": {"views/docx.py"},
    "docxtpl": {"views/docx.py"},
    "openpyxl": {"files/workbook.py"},
    # A plan's .docx is input, so it is read in files/, as bytes of a zip parsed by defusedxml
    # (DTDs forbidden): python-docx stays the report writer's (views/docx.py), since its
    # parser reads a document's DTD and it loads every part of a package before a table.
    "defusedxml": {"files/word.py"},
    "jinja2": {"views/docx.py", "views/site.py"},  # Word templates; the site's pages
    "ruamel": {"files/roundtrip.py"},
    "yaml": {"files/reader.py"},
    "typer": {
        "commands/app.py",
        "commands/common.py",
        *(f"commands/{p.name}" for p in (PACKAGE / "commands").glob("*.py")),
    },
    "subprocess": {"files/git.py"},
}


def layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, at the top or inside a function, as absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(("cchc_cli", *path.relative_to(PACKAGE).parent.parts))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            if module in ("cchc_cli", *(f"cchc_cli.{x}" for x in ALLOWED)):
                found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_layers_import_one_way() -> None:
    wrong = []
    for path in sources():
        here = layer(path)
        for line, module in imports(path):
            parts = module.split(".")
            if parts[0] != "cchc_cli" or len(parts) < 2:
                continue
            there = parts[1]
            if there != here and there in ALLOWED and there not in ALLOWED[here]:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {here} imports {module}")
    assert wrong == []


def test_the_check_sees_a_wrong_import(tmp_path: Path) -> None:
    """The test above would notice a function-level import that points up."""
    bad = PACKAGE / "plan" / "_probe_for_test.py"
    bad.write_text("def f():\n    from cchc_cli.views import words\n", encoding="utf-8")
    try:
        with pytest.raises(AssertionError):
            test_layers_import_one_way()
    finally:
        bad.unlink()


def test_no_module_imports_a_module_that_imports_it_back() -> None:
    graph: dict[str, set[str]] = {}
    for path in sources():
        name = ".".join(("cchc_cli", *path.relative_to(PACKAGE).with_suffix("").parts))
        name = name.removesuffix(".__init__")
        graph[name] = {m for _, m in imports(path) if m.startswith("cchc_cli.")}
    modules = set(graph)
    edges = {a: {b for b in bs if b in modules and b != a} for a, bs in graph.items()}
    seen: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        seen[node] = 1
        for nxt in sorted(edges[node]):
            if seen.get(nxt) == 1:
                cycle.extend([*trail, node, nxt])
                return True
            if nxt not in seen and visit(nxt, [*trail, node]):
                return True
        seen[node] = 2
        return False

    for start in sorted(edges):
        if start not in seen and visit(start, []):
            break
    # The package's __init__ re-exports; it is nobody's dependency inside the package.
    assert cycle == [], " → ".join(cycle)


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_each_library_lives_in_its_module(library: str) -> None:
    users = {
        path.relative_to(PACKAGE).as_posix()
        for path in sources()
        for _, module in imports(path)
        if module.split(".")[0] == library
    }
    assert users <= OWNERS[library], users - OWNERS[library]


def test_plan_layer_does_no_io() -> None:
    """The domain neither opens files, nor runs programs, nor reads the environment."""
    banned = ("open(", "os.environ", "read_text(", "write_text(", "read_bytes(", "print(")
    found = [
        f"{path.relative_to(ROOT)}: {word}"
        for path in (PACKAGE / "plan").glob("*.py")
        for word in banned
        if word in path.read_text(encoding="utf-8")
    ]
    assert found == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths in the virtual environment")
def test_a_built_wheel_installs_and_writes_the_report(tmp_path: Path) -> None:
    """What `pip install .` gives a plans-only repository: the template comes along."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    wheel = next(dist.glob("cchc-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # The libraries cchc needs come from this environment; cchc itself only from the wheel.
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "deps.pth").write_text("\n".join(sorted(here)) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", purelib,
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    work = tmp_path / "office"
    (work / "plans").mkdir(parents=True)
    (work / "plans" / "2023.yaml").write_bytes((ROOT / "plans" / "2023.yaml").read_bytes())
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": ""}
    script = (
        "import sys, cchc_cli; assert 'site-packages' in cchc_cli.__file__, cchc_cli.__file__\n"
        "from cchc_cli.commands.app import main; sys.argv = ['cchc', *sys.argv[1:]]; main()"
    )
    run = subprocess.run(
        [str(python), "-c", script, "report", "-q", "2", "--date", "2023-06-16"],
        cwd=work, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "bao-cao-cchc-2023-6-thang.docx"
    assert (work / "bao-cao-cchc-2023-6-thang.docx").stat().st_size > 10_000
    assert sorted(p.name for p in work.iterdir()) == ["bao-cao-cchc-2023-6-thang.docx", "plans"]


def test_tests_keep_to_a_cache_of_their_own() -> None:
    """Collecting and running the tests never reads or fills the user's own cache."""
    import tempfile

    from cchc_cli.files.cache import cache_root

    root = cache_root()
    assert root is not None
    assert Path(tempfile.gettempdir()) in root.resolve().parents
    assert Path.home() / ".cache" not in root.resolve().parents


def test_typer_parses_options_without_pydantic_the_reason_for_its_pin() -> None:
    """cchc pins Typer below 0.29 because 0.29 checks every option through Pydantic (1.81 F
    instead of 0.73 F for `status`'s options). This test runs whatever Typer is installed:
    with the pin lifted, it fails while Typer still loads Pydantic to parse, and passes
    once a release no longer does: then the pin can go."""
    code = (
        "import sys, typer\n"
        "app = typer.Typer()\n"
        "@app.command()\n"
        "def main(n: int = 1, when: str = '') -> None:\n"
        "    pass\n"
        "try:\n    app(['--n', '3', '--when', 'x'])\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False", "this Typer parses through Pydantic: keep the pin"


def private_imports(path: Path) -> list[str]:
    """The private names (`_x`) a module takes from another module of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cchc_cli"):
            found += [
                f"{node.lineno}: {node.module}.{a.name}"
                for a in node.names
                if a.name.startswith("_") and not a.name.startswith("__")
            ]
    return found


def test_no_module_imports_another_s_private_names() -> None:
    found = {str(p.relative_to(PACKAGE)): private_imports(p) for p in sources()}
    assert {k: v for k, v in found.items() if v} == {}


def test_readme_names_every_module_once() -> None:
    """README's Layout section has a line per module of the package (docs that cannot
    drift): a module added or removed without its line fails here."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Layout", 1)[1].split("```", 2)[1]
    named, folder = [], ""
    for line in block.splitlines():
        entry = line.strip().split(" ", 1)[0]
        indent = len(line) - len(line.lstrip())
        if entry.endswith("/") and indent == 2:
            folder = entry
        elif entry.endswith(".py"):
            named.append(entry if indent <= 2 else folder + entry)
    modules = sorted(
        str(p.relative_to(PACKAGE)) for p in sources()
        if p.name != "__init__.py" or p.parent == PACKAGE
    )  # fmt: skip
    assert sorted(named) == modules
    assert len(named) == len(set(named))
