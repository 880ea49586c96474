"""Time cchc as whole processes against the bare cost of importing its libraries.

Run from the repository root (or anywhere):

    .venv/bin/python benchmarks/run.py            # full run: 5 timed runs, sizes up to 10,000 tasks
    .venv/bin/python benchmarks/run.py --quick    # 3 timed runs, skips the 10,000-task plan
    .venv/bin/python benchmarks/run.py --runs 9   # more runs for steadier medians
    .venv/bin/python benchmarks/run.py --here     # time this environment's cchc instead

cchc is timed as users run it: from a regular (non-editable) install, which the script
makes in a temporary virtual environment (`pip install .`; pip compiles every module to
byte-code there), and the floors are taken with that environment's Python. Two rows
show what running from source without byte-code costs (PYTHONDONTWRITEBYTECODE=1 on a
copy of the source: every module compiled on every run).

Each command is run once as a warm-up, then timed `--runs` times; the median is
reported beside its floor: a Python process that only imports the libraries the
command needs. Generated plans replicate the appendix objectives of
plans/2023.yaml with new unique ids. Results are printed and written as
Markdown to benchmarks/latest.md.
"""

from __future__ import annotations

import argparse
import compileall
import copy
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2023.yaml"
LATEST = Path(__file__).resolve().parent / "latest.md"
TYPER_FLOOR = Path(__file__).resolve().parent / "typer_floor.py"
# The Python and the cchc program timed: a regular install made by main() (or, with
# --here, the environment running this script).
PY = sys.executable
CCHC = str(Path(sys.executable).parent / "cchc")
AS_OF = "2023-06-14"
SIZES = (500, 2_000, 10_000)

FLOOR_IMPORTS = {
    "help": "import typer",
    "validate": "import typer, pydantic, rich",
    "status": "import typer, pydantic, rich",
    "report": "import typer, pydantic, rich, docxtpl, docx, jinja2",
}
# The goals: ratios against a floor measured in the same run, on plans/2023.yaml.
GOAL_RATIO = {"status": 1.35, "json": 1.25, "help": 1.10, "report": 1.8}
REPORT_VS_COLD_VALIDATE = 1.5  # cchc report of 10,000 tasks / cold cchc validate of them
LARGE_STATUS_S = 0.5  # cchc status of 10,000 tasks, warm
FLAT_LIMIT = 1.3  # time per added task, 2,000 → 10,000 over 500 → 2,000
PORTFOLIO_LIMIT = 2.0  # cchc site of 300 plans of 50 tasks / a cold validate of the same files
PORTFOLIO_PLANS, PORTFOLIO_TASKS = 300, 50
SITE_LIMIT = 3.0  # cchc site of one 10,000-task plan / a cold validate of it
MEMORY_PER_BYTE, MEMORY_BASE_MIB = 12, 80  # peak memory ≤ 12 × the file's size + 80 MiB
# cchc import of one unit's sheet of the 10,000-task plan with this many rows filled (and
# with all of them): the time per added row, all over the first two, ≤ FLAT_LIMIT.
IMPORT_ROWS = (100, 2_000)  # far enough apart that a run's noise does not decide the ratio


# --------------------------------------------------------------- plan generation


def count_tasks(data: dict) -> int:
    return sum(
        len(obj.get("nhiem_vu") or [])
        for part in data["phu_luc"]["phan"]
        for obj in part.get("muc_tieu") or []
    )


def _renamed_task(task: dict, old_obj: str, new_obj: str) -> dict:
    task = copy.deepcopy(task)
    ma = str(task["ma"])
    task["ma"] = new_obj + ma[len(old_obj) :] if ma.startswith(old_obj) else f"{new_obj}.{ma}"
    return task


def generate_plan(source: dict, n_tasks: int) -> dict:
    """A copy of `source` whose appendix holds exactly `n_tasks` tasks.

    The original objectives are kept; copies of them are appended to their own
    part with ids such as I.1001 (tasks I.1001.a, ...), until the count is reached.
    """
    data = copy.deepcopy(source)
    (data.get("cai_dat") or {}).pop("cham_diem", None)  # its set is a file beside plans/2023.yaml
    parts = data["phu_luc"]["phan"]
    pool = [(part, obj) for part in parts for obj in part.get("muc_tieu") or []]
    total = count_tasks(data)
    if n_tasks < total:
        raise SystemExit(f"cannot shrink the plan below {total} tasks")
    serial = 1000
    i = 0
    while total < n_tasks:
        part, obj = pool[i % len(pool)]
        i += 1
        serial += 1
        tasks = obj.get("nhiem_vu") or []
        if not tasks:
            continue
        new_obj = copy.deepcopy(obj)
        old_ma = str(obj["ma"])
        new_ma = f"{part['so']}.{serial}"
        new_obj["ma"] = new_ma
        new_obj["so"] = str(serial)
        keep = tasks[: n_tasks - total]
        new_obj["nhiem_vu"] = [_renamed_task(t, old_ma, new_ma) for t in keep]
        part["muc_tieu"].append(new_obj)
        total += len(keep)
    return data


def write_plans(folder: Path, sizes: list[int]) -> dict[int, Path]:
    source = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    paths = {}
    for size in sizes:
        plan = generate_plan(source, size)
        assert count_tasks(plan) == size
        path = folder / f"plan{size}" / "2023.yaml"
        path.parent.mkdir()
        text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=1_000_000)
        path.write_text(text, encoding="utf-8")
        paths[size] = path
    return paths


# ------------------------------------------------------------------------ timing


def run_once(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    return elapsed, proc.returncode


def median_time(
    argv: list[str],
    runs: int,
    cwd: Path,
    allowed: tuple[int, ...] = (0,),
    env: dict[str, str] | None = None,
) -> float:
    return median_times([argv], runs, cwd, allowed, env)[0]


def median_times(
    argvs: list[list[str]],
    runs: int,
    cwd: Path,
    allowed: tuple[int, ...] = (0,),
    env: dict[str, str] | None = None,
) -> list[float]:
    """Medians of several commands timed in turn (a, b, a, b, ...), so that a slow spell
    of the machine weighs on all of them alike; each is run once first as a warm-up."""
    for argv in argvs:
        _, code = run_once(argv, cwd, env)  # warm-up: page cache, .pyc files, cchc's cache
        if code not in allowed:
            err = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=env).stderr
            raise SystemExit(f"{' '.join(argv)} exited {code}:\n{err[-2000:]}")
    times: list[list[float]] = [[] for _ in argvs]
    for _ in range(runs):
        for i, argv in enumerate(argvs):
            times[i].append(run_once(argv, cwd, env)[0])
    return [statistics.median(t) for t in times]


def portfolio(tmp: Path, large: Path, runs: int) -> list[Row]:
    """A province's portfolio, PORTFOLIO_PLANS plans of PORTFOLIO_TASKS tasks, built in one
    `cchc site` beside a cold `cchc validate` of the same files in one command; and the site
    of one 10,000-task plan beside a cold validate of it."""
    source = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    plans = []
    for i in range(PORTFOLIO_PLANS):
        path = tmp / "portfolio" / f"body{i:03d}" / "2023.yaml"
        path.parent.mkdir(parents=True)
        data = generate_plan(source, PORTFOLIO_TASKS)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
        path.write_text(text, encoding="utf-8")
        plans.append(str(path))
    total = PORTFOLIO_PLANS * PORTFOLIO_TASKS
    cold = {**os.environ, "CCHC_NO_CACHE": "1"}
    site_of_all = [CCHC, "site", *plans, "--as-of", AS_OF]
    many = [*site_of_all, "-o", str(tmp / "site-many")]
    many_validate = [CCHC, "validate", *plans]
    one = [CCHC, "site", str(large), "-o", str(tmp / "site-one"), "--as-of", AS_OF]
    one_validate = [CCHC, "validate", str(large)]
    t_many, t_one = median_times([many, one], runs, tmp)
    v_many, v_one = median_times([many_validate, one_validate], runs, tmp, env=cold)
    # The same portfolio built each time into a folder that does not exist yet: every page
    # is written (the rows above rebuild their site in place, as a daily build does).
    fresh = []
    for i in range(runs):
        built, code = run_once([*site_of_all, "-o", str(tmp / f"site-new-{i}")], tmp)
        if code != 0:
            raise SystemExit(f"cchc site into a new folder exited {code}")
        fresh.append(built)
    t_fresh = statistics.median(fresh)
    print(f"portfolio {t_many:.2f} s (validate {v_many:.2f} s, new folder {t_fresh:.2f} s), "
          f"one plan {t_one:.2f} s (validate {v_one:.2f} s)", file=sys.stderr)  # fmt: skip
    return [
        Row(f"cchc site, {PORTFOLIO_PLANS} plans", "portfolio", f"{total:,} tasks", total,
            t_many, v_many),
        Row(f"cchc site, {PORTFOLIO_PLANS} plans, into a new folder", "portfolio-new",
            f"{total:,} tasks", total, t_fresh, v_many),
        Row("cchc site, one plan", "site", "10,000 tasks", 10_000, t_one, v_one),
    ]  # fmt: skip


def imports(tmp: Path, large: Path, runs: int, floor: float) -> list[Row]:
    """`cchc import --dry-run` of the sheet a unit (VP) returns for the second quarter of
    the 10,000-task plan, with IMPORT_ROWS rows filled and with every row filled: each
    row's task recorded as done. A dry run checks all that a real one does, and writes
    nothing, so every run imports the same sheet into the same (empty) progress file."""
    import datetime as dt

    import openpyxl

    folder = tmp / "import"
    (folder / "plans").mkdir(parents=True)
    shutil.copy(large, folder / "plans" / "2023.yaml")
    blank = folder / "sheet.xlsx"
    _, code = run_once([CCHC, "sheet", "--unit", "VP", "--quarter", "2", "-o", str(blank)], folder)
    if code != 0:
        raise SystemExit(f"cchc sheet exited {code}")
    rows = []
    for count in (*IMPORT_ROWS, None):
        book = openpyxl.load_workbook(blank)
        sheet = book["Nhiệm vụ"]
        head = next(r[0].row for r in sheet.iter_rows() if r[0].value == "Mã")
        filled = [r for r in sheet.iter_rows(min_row=head + 1) if r[0].value][:count]
        for row in filled:
            row[6].value, row[7].value = "hoàn thành", dt.date(2023, 6, 10)
        path = folder / f"sheet-{len(filled)}.xlsx"
        book.save(path)
        took = median_time([CCHC, "import", str(path), "--dry-run"], runs, folder)
        print(f"cchc import, {len(filled):,} rows: {took:.2f} s", file=sys.stderr)
        rows.append(Row("cchc import --dry-run", "import", f"{len(filled):,} rows", len(filled),
                        took, floor))  # fmt: skip
    return rows


def peak_memory(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> int:
    """The peak resident memory of a whole command, in bytes: the largest of its child
    processes, measured by a Python process that runs only it."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(peak if sys.platform == 'darwin' else peak * 1024)\n"
    )
    done = subprocess.run([PY, "-c", probe, *argv], cwd=cwd, env=env, capture_output=True,
                          text=True, check=True)  # fmt: skip
    return int(done.stdout.strip())


def memory(tmp: Path, large: Path) -> list[Row]:
    """Peak memory at 10,000 tasks, against the file's size: a cold `validate` and `status`
    (the cache bypassed: the plan parsed and checked), and the report (shown, no goal)."""
    size = large.stat().st_size
    cold = {**os.environ, "CCHC_NO_CACHE": "1"}
    status = [CCHC, "status", str(large), "--as-of", AS_OF]
    report = [CCHC, "report", str(large), "-q", "2", "-o", str(tmp / "mem.docx"),
              "--date", "2023-06-16", "--force"]  # fmt: skip
    rows = []
    for label, kind, argv in (("cchc validate (cold)", "memory", [CCHC, "validate", str(large)]),
                              ("cchc status (cold)", "memory", status),
                              ("cchc report -q 2 (cold)", "memory-report", report)):  # fmt: skip
        peak = peak_memory(argv, tmp, cold)
        print(f"{label}: {peak / 2**20:.0f} MiB for a {size / 2**20:.1f} MiB file",
              file=sys.stderr)  # fmt: skip
        rows.append(Row(label, kind, "10,000 tasks", 10_000, peak / 2**20, size / 2**20))
    return rows


@dataclass
class Row:
    command: str
    kind: str
    size: str
    tasks: int
    median: float
    floor: float

    @property
    def ratio(self) -> float:
        return self.median / self.floor

    @property
    def per_task_ms(self) -> float | None:
        """Milliseconds per task above the floor (start-up excluded), generated plans only."""
        if self.size == "2023.yaml" or not self.tasks:
            return None
        return (self.median - self.floor) / self.tasks * 1000


def has_report() -> bool:
    proc = subprocess.run([CCHC, "report", "--help"], capture_output=True)
    return proc.returncode == 0


def measure(runs: int, quick: bool, tmp: Path) -> tuple[list[Row], dict[str, float]]:
    sizes = [s for s in SIZES if not (quick and s == 10_000)]
    print(f"generating plans of {', '.join(f'{s:,}' for s in sizes)} tasks ...", file=sys.stderr)
    generated = write_plans(tmp, sizes)
    source_tasks = count_tasks(yaml.safe_load(PLAN.read_text(encoding="utf-8")))

    floors: dict[str, float] = {}
    for kind, code in FLOOR_IMPORTS.items():
        if kind == "report" and not has_report():
            continue
        floors[kind] = median_time([PY, "-c", code], runs, tmp)
        print(f"floor {kind:<8} {floors[kind]:.3f} s", file=sys.stderr)

    plans: list[tuple[str, int, Path]] = [("2023.yaml", source_tasks, PLAN)]
    plans += [(f"{s:,} tasks", s, generated[s]) for s in sizes]
    rows: list[Row] = []

    def add(command: str, kind: str, size: str, tasks: int, argv: list[str]) -> None:
        # validate exits 1 when a plan has errors: timing is still meaningful,
        # but a generated plan must be valid, so only exit 0 is accepted.
        floor_kind = "status" if kind == "json" else kind
        if size == "2023.yaml":
            # The goals are ratios on the real plan: time the command and its floor in turn.
            floor_argv = [PY, "-c", FLOOR_IMPORTS[floor_kind]]
            m, floor = median_times([argv, floor_argv], runs, tmp)
        else:
            m, floor = median_time(argv, runs, tmp), floors[floor_kind]
        rows.append(Row(command, kind, size, tasks, m, floor))
        print(f"{command:<32} {size:>12} {m:.3f} s ({m / floor:.2f} x)", file=sys.stderr)

    add("cchc --help", "help", "-", 0, [CCHC, "--help"])
    rows[-1].size = "2023.yaml"
    cold = {**os.environ, "CCHC_NO_CACHE": "1"}
    for label, tasks, path in plans:
        if label != "2023.yaml":
            m = median_time([CCHC, "validate", str(path)], runs, tmp, env=cold)
            rows.append(
                Row("cchc validate (cold)", "validate", label, tasks, m, floors["validate"])
            )
            print(f"{'cchc validate (cold)':<32} {label:>12} {m:.3f} s", file=sys.stderr)
        add("cchc validate", "validate", label, tasks, [CCHC, "validate", str(path)])
        status = [CCHC, "status", str(path), "--as-of", AS_OF]
        add(f"cchc status --as-of {AS_OF}", "status", label, tasks, status)
        add(
            f"cchc status --as-of {AS_OF} --format json",
            "json",
            label,
            tasks,
            [*status, "--format", "json"],
        )
    if "report" in floors:
        for label, tasks, path in plans:
            out = tmp / "tmp.docx"
            add(
                "cchc report --quarter 2",
                "report",
                label,
                tasks,
                [
                    CCHC,
                    "report",
                    "--quarter",
                    "2",
                    str(path),
                    "-o",
                    str(out),
                    "--date",
                    "2023-06-16",
                    "--force",
                ],
            )
    if not quick:
        rows.extend(portfolio(tmp, generated[10_000], min(runs, 3)))
        rows.extend(imports(tmp, generated[10_000], runs, floors["validate"]))
        rows.extend(memory(tmp, generated[10_000]))
    typer_parse = [PY, str(TYPER_FLOOR), "status", str(PLAN), "--as-of", AS_OF]
    parse, floor = median_times([typer_parse, [PY, "-c", FLOOR_IMPORTS["status"]]], runs, tmp)
    rows.append(Row("Typer parsing the options of status", "typer", "-", 0, parse, floor))
    print(f"typer parse only {parse:.3f} s ({parse / floor:.2f} x)", file=sys.stderr)
    rows.extend(without_bytecode(tmp, runs))
    return rows, floors


def without_bytecode(tmp: Path, runs: int) -> list[Row]:
    """`cchc status` and `cchc --help` run from a copy of the source with
    PYTHONDONTWRITEBYTECODE=1, as an editable install in such an environment runs: no
    byte-code is kept, so every run compiles every module it imports. Each beside the
    same command of the regular install, timed in turn."""
    source = tmp / "source"
    shutil.copytree(ROOT / "cchc_cli", source / "cchc_cli",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(source)}
    program = [PY, "-m", "cchc_cli.commands.program"]
    rows = []
    for args in (["--help"], ["status", str(PLAN), "--as-of", AS_OF]):
        installed = [CCHC, *args]
        times = [
            median_time(installed, runs, tmp),
            median_time([*program, *args], runs, tmp, env=env),
        ]
        label = f"cchc {args[0]}"
        rows.append(Row(f"{label}, from source, no byte-code", "bytecode", "2023.yaml", 0,
                        times[1], times[0]))  # fmt: skip
        print(f"{label}: installed {times[0]:.3f} s, source without byte-code {times[1]:.3f} s",
              file=sys.stderr)  # fmt: skip
    assert not list(source.rglob("*.pyc")), "byte-code was written"
    return rows


def regular_install(tmp: Path) -> None:
    """Install cchc from this checkout into a new virtual environment, as a user's
    `pip install .` does (byte-code compiled), and time that one."""
    global PY, CCHC
    venv = tmp / "venv"
    print("installing cchc into a fresh environment (pip install .) ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(ROOT)],
        check=True,
    )
    PY, CCHC = str(python), str(bin_dir / ("cchc.exe" if os.name == "nt" else "cchc"))


# ------------------------------------------------------------------------- goals


def goals(rows: list[Row], quick: bool, report_available: bool) -> list[tuple[str, str, str]]:
    """(goal, measured, verdict) for every goal of the issue, each a ratio measured in this
    run (or a time in seconds where the issue gives one)."""
    out: list[tuple[str, str, str]] = []

    def find(kind: str, size: str, command: str | None = None) -> Row | None:
        return next(
            (r for r in rows if r.kind == kind and r.size == size
             and (command is None or r.command == command)),
            None,
        )  # fmt: skip

    def goal(text: str, result: tuple[str, bool] | None, missing: str = "not measured") -> None:
        out.append(
            (text, "-", missing) if result is None else (text, result[0], _verdict(result[1]))
        )

    for kind, label, floor in (
        ("status", "cchc status, 2023 plan", "F"),
        ("json", "cchc status --format json, 2023 plan", "F"),
        ("help", "cchc --help", "T"),
        ("report", "cchc report -q 2, 2023 plan", "its imports' floor"),
    ):
        r = find(kind, "2023.yaml")
        limit = GOAL_RATIO[kind]
        shown = None if r is None else (f"{r.ratio:.2f} × {floor}", r.ratio <= limit)
        goal(f"{label} ≤ {limit} × {floor}", shown)
    skipped = "not measured (--quick)"
    big = "10,000 tasks"
    report = find("report", big)
    cold = find("validate", big, "cchc validate (cold)")
    measured = None
    if report is not None and cold is not None:
        ratio = report.median / cold.median
        shown = f"{report.median:.2f} s / {cold.median:.2f} s = {ratio:.2f} ×"
        measured = (shown, ratio <= REPORT_VS_COLD_VALIDATE)
    goal(
        f"cchc report, 10,000 tasks ≤ {REPORT_VS_COLD_VALIDATE} × cold validate", measured, skipped
    )
    status = find("status", big)
    goal(
        f"cchc status, 10,000 tasks, warm ≤ {LARGE_STATUS_S} s",
        None if status is None else (f"{status.median:.2f} s", status.median <= LARGE_STATUS_S),
        skipped,
    )
    for kind in ("validate", "status") + (("report",) if report_available else ()):
        a, b, c = (find(kind, size) for size in ("500 tasks", "2,000 tasks", big))
        measured = _growth(a, b, c) if a is not None and b is not None and c is not None else None
        goal(
            f"cchc {kind}: time per added task, 2,000→10,000 over 500→2,000 ≤ {FLAT_LIMIT} ×",
            measured,
            skipped,
        )
    sheets = [x for x in rows if x.kind == "import"]
    measured = _growth(*sheets) if len(sheets) == 3 else None
    first, second = IMPORT_ROWS
    goal(
        f"cchc import: time per added row, {second:,}→all over {first:,}→{second:,} "
        f"≤ {FLAT_LIMIT} ×",
        measured,
        skipped,
    )
    many = find("portfolio", f"{PORTFOLIO_PLANS * PORTFOLIO_TASKS:,} tasks")
    goal(
        f"cchc site of {PORTFOLIO_PLANS} plans of {PORTFOLIO_TASKS} tasks ≤ {PORTFOLIO_LIMIT} × "
        "a cold validate of the same files",
        None
        if many is None
        else (
            f"{many.median:.2f} s / {many.floor:.2f} s = {many.ratio:.2f} ×",
            many.ratio <= PORTFOLIO_LIMIT,
        ),
        skipped,
    )
    site = find("site", big)
    goal(
        f"cchc site, 10,000 tasks ≤ {SITE_LIMIT} × a cold validate of it",
        None
        if site is None
        else (f"{site.median:.2f} s / {site.floor:.2f} s = {site.ratio:.2f} ×",
              site.ratio <= SITE_LIMIT),
        skipped,
    )  # fmt: skip
    for r in (x for x in rows if x.kind == "memory"):
        limit = MEMORY_PER_BYTE * r.floor + MEMORY_BASE_MIB
        goal(
            f"{r.command}, 10,000 tasks: peak memory ≤ {MEMORY_PER_BYTE} × the file + "
            f"{MEMORY_BASE_MIB} MiB",
            (f"{r.median:.0f} MiB (limit {limit:.0f} MiB for {r.floor:.1f} MiB)",
             r.median <= limit),
            skipped,
        )  # fmt: skip
    if not any(x.kind == "memory" for x in rows):
        goal(f"peak memory ≤ {MEMORY_PER_BYTE} × the file + {MEMORY_BASE_MIB} MiB", None, skipped)
    shown = next((x for x in rows if x.kind == "memory-report"), None)
    if shown is not None:
        out.append((f"{shown.command}, 10,000 tasks: peak memory (shown, no goal)",
                    f"{shown.median:.0f} MiB", "-"))  # fmt: skip
    return out


def _growth(a: Row, b: Row, c: Row) -> tuple[str, bool]:
    """The time per added task (or row) from b to c over that from a to b, shown, and
    whether it stays within FLAT_LIMIT: cost that grows linearly keeps it near 1."""
    early = (b.median - a.median) / (b.tasks - a.tasks) * 1000
    late = (c.median - b.median) / (c.tasks - b.tasks) * 1000
    ratio = late / early if early > 0 else float("inf")
    return f"{early:.3f} → {late:.3f} ms ({ratio:.2f} ×)", ratio <= FLAT_LIMIT


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


# ------------------------------------------------------------------------ output


def markdown(
    rows: list[Row], floors: dict[str, float], goal_rows, runs: int, quick: bool, here: bool
) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Median of {runs} runs after one warm-up; whole processes. Per task: "
        "(median - floor) / tasks, so start-up does not hide how time grows.",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}."
        + (" Quick run (no 10,000-task plan)." if quick else ""),
        f"cchc: {'this environment' if here else 'a regular install (pip install .), byte-code compiled'}.",
        "",
        "| command | plan | median (s) | floor (s) | ratio | per task above floor (ms) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    timed = [r for r in rows if not r.kind.startswith("memory")]
    for r in timed:
        per = f"{r.per_task_ms:.3f}" if r.per_task_ms is not None else "-"
        lines.append(
            f"| `{r.command}` | {r.size} | {r.median:.3f} | {r.floor:.3f} | {r.ratio:.2f} | {per} |"
        )
    held = [r for r in rows if r.kind.startswith("memory")]
    if held:
        lines += ["", "| command | plan | peak memory (MiB) | file (MiB) |", "|---|---|---:|---:|"]
        lines += [f"| `{r.command}` | {r.size} | {r.median:.0f} | {r.floor:.1f} |" for r in held]
    lines += ["", "Floors (a process that only imports what the command needs):", ""]
    for kind, secs in floors.items():
        lines.append(f'- {kind}: `python -c "{FLOOR_IMPORTS[kind]}"` {secs:.3f} s')
    lines += [
        "",
        "On plans/2023.yaml each command was timed in turn with its floor (the floor column"
        " is that paired median). The last row is a reference, not a goal:"
        " `benchmarks/typer_floor.py`, a Typer program that declares the options of"
        " `cchc status` and does nothing, i.e. what Typer itself costs before cchc reads a"
        ' plan. The rows "from source, no byte-code" run a copy of the source with'
        " PYTHONDONTWRITEBYTECODE=1 (floor: the same command of the install). The site rows'"
        " floor is a cold `cchc validate` of the same files in one command. A site is timed"
        " rebuilt in place, as a daily build does (the warm-up builds it; a page whose bytes"
        ' did not change is read, not written again); the row "into a new folder" writes'
        " every page each time and has no goal.",
    ]
    lines += ["", "| goal | measured | verdict |", "|---|---|---|"]
    lines += [f"| {g} | {m} | {v} |" for g, m, v in goal_rows]
    lines += [
        "",
        "Rerun: `.venv/bin/python benchmarks/run.py` (add `--quick` for a short run).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=None, help="timed runs per command (default 5, 3 with --quick)"
    )
    parser.add_argument("--quick", action="store_true", help="3 runs, no 10,000-task plan")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="bypass cchc's cache of checked files (CCHC_NO_CACHE=1): every run parses the plan",
    )
    parser.add_argument(
        "--here",
        action="store_true",
        help="time the cchc of this environment (compiled to byte-code first) instead of a "
        "fresh regular install",
    )
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    if runs < 1:
        parser.error("--runs must be at least 1")
    # As users run it: Python keeps the compiled modules (PYTHONDONTWRITEBYTECODE would
    # make every run compile every module; the rows "from source, no byte-code" show it).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        if args.here:
            if not Path(CCHC).exists():
                parser.error(f"{CCHC} not found: install the project in this environment")
            package = importlib.util.find_spec("cchc_cli")
            if package is not None and package.submodule_search_locations:
                for folder in package.submodule_search_locations:
                    compileall.compile_dir(folder, quiet=1)
        else:
            regular_install(Path(tmp))
        # A private cache: the warm-up run fills it (unless --cold), the timed runs read it.
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        if args.cold:
            os.environ["CCHC_NO_CACHE"] = "1"
        rows, floors = measure(runs, args.quick, Path(tmp))
    goal_rows = goals(rows, args.quick, "report" in floors)
    text = markdown(rows, floors, goal_rows, runs, args.quick, args.here)
    mode = (
        "cold: CCHC_NO_CACHE=1, every run parses and checks the plan"
        if args.cold
        else ("warm: the plan was checked once before (cache of checked files)")
    )
    text = text.replace("\n", f"\n\nMode: {mode}.\n", 1)
    out = LATEST.with_name("latest-cold.md") if args.cold else LATEST
    out.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {out.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
