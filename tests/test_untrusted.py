"""What a pull request can carry: links, FIFOs and devices where files belong, characters that
steer terminals, HTML and forged CI annotations. Each ends in one clear line (or correct,
escaped output); nothing outside the folder is read, written or printed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL_PLAN, write
from helpers import cchc

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="links and FIFOs as on POSIX")


def snapshot(folder: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_symlink():
            found[str(p)] = "-> " + os.readlink(p)
        elif p.is_file():
            found[str(p)] = p.read_bytes()
    return found


# --- links, FIFOs, devices --------------------------------------------------------------------


@POSIX
@pytest.mark.parametrize("command", [["validate"], ["status"], ["fmt"], ["fmt", "--check"]])
def test_a_plan_that_is_a_link_is_refused_and_not_echoed(
    tmp_path: Path, command: list[str]
) -> None:
    secret = tmp_path / "outside" / "secret.env"
    secret.parent.mkdir()
    secret.write_text("TOKEN=hunter2\n", encoding="utf-8")
    plans = tmp_path / "repo" / "plans"
    plans.mkdir(parents=True)
    (plans / "leak.yaml").symlink_to(secret)
    before = snapshot(tmp_path)
    r = cchc(*command, str(plans / "leak.yaml"))
    assert r.code in (1, 2), r.all
    assert "is a symbolic link" in r.all and "hunter2" not in r.all
    assert "Traceback" not in r.all
    assert snapshot(tmp_path) == before


@POSIX
def test_a_fifo_or_a_device_is_refused_without_waiting(tmp_path: Path) -> None:
    write(tmp_path, MINIMAL_PLAN)
    fifo = tmp_path / "2023.progress.yaml"
    os.mkfifo(fifo)
    r = cchc("status", str(tmp_path / "2023.yaml"))
    assert r.code == 2 and "is a FIFO (named pipe), not a progress file" in r.err, r.all
    r = cchc("record", "I.2", str(tmp_path / "2023.yaml"), "-s", "done", "-d", "2023-06-01")
    assert r.code == 2 and "is a FIFO" in r.err, r.all
    assert fifo.exists() and not fifo.is_file()
    zero = tmp_path / "z.yaml"
    zero.symlink_to("/dev/zero")
    r = cchc("validate", str(zero))
    assert r.code == 2 and "is a symbolic link" in r.err


@POSIX
def test_a_lock_file_that_is_a_link_creates_nothing_outside(tmp_path: Path) -> None:
    plan = write(tmp_path, MINIMAL_PLAN)
    target = tmp_path / "outside" / "created-by-cchc"
    target.parent.mkdir()
    (tmp_path / "2023.progress.yaml.lock").symlink_to(target)
    r = cchc("record", "I.2", str(plan), "-s", "done", "-d", "2023-06-01")
    assert r.code != 0 and "is a symbolic link" in r.err, r.all
    assert not target.exists()
    assert not (tmp_path / "2023.progress.yaml").exists()


# --- text that steers terminals or moves lines ------------------------------------------------


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x1b", "U+001B"),
        ("\u2028", "U+2028"),
        ("\u202e", "U+202E"),
        ("\ufffe", "U+FFFE"),
        ("\x85", "U+0085"),
    ],
)
def test_control_and_layout_characters_are_refused_where_they_stand(
    tmp_path: Path, char: str, name: str
) -> None:
    text = MINIMAL_PLAN.replace("Ban hành Kế hoạch CCHC năm 2023.", f"Ban hành{char} Kế hoạch.")
    path = write(tmp_path, text)
    line = text.split("\n").index(next(ln for ln in text.split("\n") if char in ln)) + 1
    col = next(ln for ln in text.split("\n") if char in ln).index(char) + 1
    r = cchc("validate", str(path))
    assert r.code == 1
    first = r.out.splitlines()[0]
    assert first.startswith(f"{path}:{line}:{col}: error: character {name}")
    assert char not in r.out  # the excerpt shows it escaped
    assert "\x1b" not in r.out


def test_a_text_too_long_is_said_in_characters_in_either_language(tmp_path: Path) -> None:
    """A task's text past the schema's limit is one line that counts its characters, in the
    language asked for: never Pydantic's sentence about "items"."""
    from cchc_cli.plan.model import MAX_TEXT

    long = "a" * (MAX_TEXT + 1)
    path = write(tmp_path, MINIMAL_PLAN.replace("Ban hành Kế hoạch CCHC năm 2023.", long))
    for lang, said in (("en", "is too long (20,001 characters)"), ("vi", "quá dài (20.001 ký tự)")):
        r = cchc("validate", str(path), "--lang", lang)
        assert r.code == 1, r.all
        first = r.out.splitlines()[0]
        assert said in first and "items" not in r.out, first[:300]


def test_markdown_output_shows_html_and_links_as_text(tmp_path: Path) -> None:
    hostile = '<h1>Duyệt</h1> <a href="https://x.example">ok</a> ![](https://x.example/p.png)'
    text = MINIMAL_PLAN.replace(
        "nhiem_vu: Ban hành Kế hoạch CCHC năm 2023.", f"nhiem_vu: '{hostile}'", 1
    )
    assert text != MINIMAL_PLAN
    path = write(tmp_path, text)
    r = cchc("status", str(path), "--as-of", "2023-06-01", "--format", "markdown")
    import re

    # every <, [ and ! that could open HTML, a link or an image is escaped
    assert not re.search(r"(?<!\\)[<\[]|(?<!\\)!(?=\\?\[)", r.out), r.out
    assert "\\<h1\\>" in r.out


@POSIX
def test_a_file_name_cannot_forge_a_ci_annotation(tmp_path: Path) -> None:
    write(tmp_path, MINIMAL_PLAN)
    name = "x\n::error title=Officer::Approved\n.yaml"
    bad = tmp_path / name
    bad.write_text("nam: [\n", encoding="utf-8")
    for args in (["validate", "--format", "github", str(bad)], ["fmt", "--check", str(bad)]):
        r = cchc(*args)
        lines = r.all.splitlines()
        assert not [ln for ln in lines if ln.startswith("::error title=Officer")], r.all


# --- output that cannot be written ------------------------------------------------------------


def _cchc_process(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    code = "import sys\nfrom cchc_cli.commands.app import main\nsys.argv = ['cchc', *sys.argv[1:]]\nmain()"
    return subprocess.run([sys.executable, "-c", code, *args], text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


@POSIX
def test_a_closed_pipe_ends_quietly_after_the_record_is_written(tmp_path: Path) -> None:
    plan = write(tmp_path, MINIMAL_PLAN)
    script = (
        f'{sys.executable} -c "import sys; from cchc_cli.commands.app import main; '
        f"sys.argv=['cchc','record','I.2','{plan}','-s','done','-d','2023-06-01']; main()\""
        " | head -c 1 > /dev/null; echo ${PIPESTATUS[0]}"
    )
    r = subprocess.run(["bash", "-c", script], capture_output=True, text=True)
    assert r.stdout.strip() == "0", r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    assert "ma: I.2" in (tmp_path / "2023.progress.yaml").read_text(encoding="utf-8")


@POSIX
@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0"}])
def test_a_terminal_without_vietnamese_gets_plain_letters(env: dict[str, str]) -> None:
    from conftest import ROOT

    r = _cchc_process(
        ["status", str(ROOT / "plans" / "2023.yaml"), "--as-of", "2023-06-14", "-u", "TTRA"],
        capture_output=True,
        env={**os.environ, "CCHC_LANG": "vi", **env},
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Tinh hinh thuc hien Ke hoach CCHC nam 2023\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["schema"], ["validate", "--format", "json"]])
def test_a_full_disk_is_one_line(args: list[str]) -> None:
    from conftest import ROOT

    with open("/dev/full", "w") as full:
        r = _cchc_process(args, stdout=full, stderr=subprocess.PIPE, cwd=ROOT)
    assert r.returncode == 1
    assert r.stderr == "cchc: error: cannot write the output: No space left on device\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--width", "1000000000"], "--width"),
        (["status", "--width", "99999999999999999999"], "--width"),
        (["status", "--as-of", "1/1/99999999999999999999"], "is not a date"),
        (["status", "-q", "²"], "is not a report"),
        (["report", "-q", "²"], "is not a report"),
        (["status", "x" * 5000 + ".yaml"], "File name too long"),
    ],
)
def test_options_out_of_bounds_are_usage_errors(args: list[str], message: str) -> None:
    from conftest import ROOT

    r = cchc(*args, env={"PWD": str(ROOT)})
    assert r.code == 2, r.all
    assert message in r.err and "internal error" not in r.err


# --- round trips keep data exactly ------------------------------------------------------------

PROGRESS_10 = "nam: 2023\nchi_so:\n  - {ma: CT1.1.a, ngay: 2023-03-01, gia_tri: 010}\n"


def test_a_yaml_1_1_file_is_refused_not_rewritten(tmp_path: Path) -> None:
    plan = write(tmp_path, MINIMAL_PLAN)
    prog = write(tmp_path, "%YAML 1.1\n---\n" + PROGRESS_10, "2023.progress.yaml")
    before = prog.read_bytes()
    r = cchc("validate", str(prog))
    assert r.code == 1 and f"{prog}:1:1: error: this file declares YAML 1.1" in r.out
    r = cchc("record", "I.2", str(plan), "-s", "done", "-d", "2023-06-01")
    assert r.code == 1 and prog.read_bytes() == before
    r = cchc("fmt", str(prog))
    assert r.code == 1 and prog.read_bytes() == before


def test_line_endings_and_a_bom_are_kept_and_not_a_layout_change(tmp_path: Path) -> None:
    plan = write(tmp_path, MINIMAL_PLAN)
    text = "\ufeffnam: 2023\r\nnhiem_vu:\r\n  - ma: I.1.a\r\n    ngay: 2023-01-10\r\n    trang_thai: hoan_thanh\r\n"
    prog = tmp_path / "2023.progress.yaml"
    prog.write_bytes(text.encode("utf-8"))
    assert cchc("fmt", "--check", str(prog)).code == 0  # layout, not line endings
    assert cchc("record", "I.2", str(plan), "-s", "done", "-d", "2023-06-01").code == 0
    data = prog.read_bytes()
    assert data.startswith("\ufeff".encode())
    assert b"\n" not in data.replace(b"\r\n", b"")  # every line ends in CRLF
    assert b"ma: I.2\r\n" in data
    assert cchc("record", "I.2", str(plan), "--undo").code == 0
    assert prog.read_bytes() == text.encode("utf-8")


@pytest.mark.parametrize(
    "value", ["1.5e-3412", "1_000.5", "0x1F", "1e400", "-0.0", "12.50", "+5", ".5"]
)
def test_record_and_fmt_never_change_a_value_silently(tmp_path: Path, value: str) -> None:
    plan = write(tmp_path, MINIMAL_PLAN)
    prog = write(
        tmp_path,
        f"nam: 2023\nchi_so:\n  - ma: CT1.1.a\n    ngay: 2023-03-01\n    gia_tri: {value}\n",
        "2023.progress.yaml",
    )
    from cchc_cli.files.reader import parse_text

    def data() -> object:
        return parse_text("x", prog.read_text(encoding="utf-8")).root

    before = data()
    for args in (
        ["record", "I.2", str(plan), "-s", "done", "-d", "2023-06-01"],
        ["fmt", str(prog)],
    ):
        r = cchc(*args)
        after = data()
        if r.code == 0 and args[0] == "record":
            assert isinstance(after, dict)
            after = (
                {**after, "nhiem_vu": after["nhiem_vu"][:-1]} if after.get("nhiem_vu") else after
            )
            after = {k: v for k, v in after.items() if v != []}  # type: ignore[union-attr]
        assert after == before or r.code != 0, (value, args, r.all)
        before = data()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("gia_tri: .nan", "finite number"),
        ("gia_tri: .inf", "finite number"),
        ("gia_tri: true", "expected a number, found true"),
        ("gia_tri: !!bool maybe", "is not a valid bool"),
        ('ghi_chu: "a\\0b"', "character U+0000 may not stand in a plan"),
        ('ghi_chu: "\\e[2J"', "character U+001B may not stand in a plan"),
    ],
)
def test_meaningless_values_are_refused(tmp_path: Path, value: str, message: str) -> None:
    write(tmp_path, MINIMAL_PLAN)
    prog = write(
        tmp_path,
        f"nam: 2023\nchi_so:\n  - ma: CT1.1.a\n    ngay: 2023-03-01\n    gia_tri: 50\n    {value}\n"
        if not value.startswith("gia_tri")
        else f"nam: 2023\nchi_so:\n  - ma: CT1.1.a\n    ngay: 2023-03-01\n    {value}\n",
        "2023.progress.yaml",
    )
    r = cchc("validate", str(prog))
    assert r.code == 1, r.all
    assert message in r.out and "\x1b" not in r.out and "\x00" not in r.out


def test_a_date_written_as_seconds_is_refused(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace(
        "              thoi_han: Tháng 01/2023\n",
        "              thoi_han: Tháng 01/2023\n              han: 1686700800\n",
        1,
    )
    assert text != MINIMAL_PLAN
    r = cchc("validate", str(write(tmp_path, text)))
    assert r.code == 1 and "1686700800 is not a date" in r.out


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_record_whose_answer_cannot_be_printed_says_it_was_written(tmp_path: Path) -> None:
    plan = write(tmp_path, MINIMAL_PLAN)
    with open("/dev/full", "w") as full:
        r = _cchc_process(
            ["record", "I.2", str(plan), "-s", "done", "-d", "2023-06-01"],
            stdout=full,
            stderr=subprocess.PIPE,
        )
    assert r.returncode == 1
    assert r.stderr.strip().endswith(f"{tmp_path / '2023.progress.yaml'} was written")
    assert "ma: I.2" in (tmp_path / "2023.progress.yaml").read_text(encoding="utf-8")


def test_thousands_of_unknown_keys_give_a_capped_list_quickly(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL_PLAN + "".join(f"k{i}: 1\n" for i in range(20_000)))
    r = cchc("validate", "--format", "json", str(path))
    import json

    rows = json.loads(r.out)
    assert r.code == 1
    assert len(rows) <= 202  # 200, and one line that counts the rest (per stage)
    assert "too-many" in {row["code"] for row in rows}


@POSIX
def test_a_cache_others_can_write_is_not_used_and_said_once(tmp_path: Path) -> None:
    from conftest import ROOT

    shared = tmp_path / "shared-cache"
    (shared / "cchc" / "checked").mkdir(parents=True)
    for folder in (shared / "cchc", shared / "cchc" / "checked"):
        folder.chmod(0o777)
    env = {**os.environ, "XDG_CACHE_HOME": str(shared)}
    r = _cchc_process(
        ["status", str(ROOT / "plans" / "2023.yaml"), "--format", "json"],
        capture_output=True,
        env=env,
    )
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("cchc: note: the cache was not used") == 1
    assert not list((shared / "cchc" / "checked").rglob("*.json"))


@POSIX
def test_planted_cache_files_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from cchc_cli.files import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    days = cache.public_holidays(2023)
    assert date(2023, 9, 2) in days
    entry = next((tmp_path / "c" / "cchc" / "holidays").iterdir())
    entry.chmod(0o666)  # as if another user had planted it
    entry.write_text("2023-08-15", encoding="ascii")
    assert date(2023, 8, 15) not in cache.public_holidays(2023)
    k = "ab" + "0" * 62
    cache.put(k, b"{}")
    real = next((tmp_path / "c" / "cchc" / "checked").rglob("*.json"))
    real.unlink()
    outside = tmp_path / "outside.json"
    outside.write_bytes(b"planted")
    real.symlink_to(outside)
    assert cache.get(k) is None  # a link is never followed
