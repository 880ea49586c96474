"""What differs on Windows and macOS, checked on any machine.

Officials run cchc on Windows. The code paths that differ there (files opened in binary
mode, the lock, a file held open by Word, the console's colours and code page,
LibreOffice's soffice.exe, folders named in Vietnamese with spaces) are exercised here
with the system calls replaced by stand-ins that behave as Windows' do, so that they are
covered where no Windows runner is available. The workflow in .github/workflows/tests.yml
runs the whole suite on Windows and macOS as well.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path, PureWindowsPath

import pytest
from conftest import ROOT
from helpers import cchc, find_tool

from cchc_cli.errors import CchcError
from cchc_cli.files import safe_write
from cchc_cli.files.raw import read_regular
from cchc_cli.views import status_table

PLAN = ROOT / "plans" / "2023.yaml"

# --- LibreOffice where its installer puts it --------------------------------------------------


def test_soffice_exe_is_found_under_program_files() -> None:
    env = {"ProgramFiles": r"C:\Program Files", "ProgramFiles(x86)": r"C:\Program Files (x86)"}
    there = {r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"}
    found = find_tool("soffice", environ=env, which=lambda _: None, isfile=there.__contains__)
    assert found is not None
    assert PureWindowsPath(found) == PureWindowsPath(next(iter(there)))
    # the 64-bit install first, where both are
    both = there | {r"C:\Program Files\LibreOffice\program\soffice.exe"}
    found = find_tool("soffice", environ=env, which=lambda _: None, isfile=both.__contains__)
    assert found == r"C:\Program Files\LibreOffice\program\soffice.exe"


def test_soffice_is_found_in_the_macos_app_bundle_and_path_comes_first() -> None:
    app = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    assert find_tool("soffice", environ={}, which=lambda _: None, isfile={app}.__contains__) == app
    on_path = find_tool("soffice", environ={}, which=lambda n: f"/usr/bin/{n}", isfile=bool)
    assert on_path == "/usr/bin/soffice"
    assert find_tool("soffice", environ={}, which=lambda _: None, isfile=lambda _: False) is None


# --- binary mode ------------------------------------------------------------------------------

FAKE_BINARY = 0x40000000  # a bit no POSIX open flag uses


def test_every_file_is_opened_in_binary_mode(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Windows' os.open translates line endings and stops reading at Ctrl-Z unless
    # O_BINARY is given; every os.open of cchc's goes through open_flags, which adds it.
    real_open = os.open
    seen: list[tuple[str, int]] = []

    def recording_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append((os.fspath(path), flags))
        return real_open(path, flags & ~FAKE_BINARY, *args, **kwargs)

    monkeypatch.setattr(os, "O_BINARY", FAKE_BINARY, raising=False)
    monkeypatch.setattr(os, "open", recording_open)
    target = tmp_path / "2023.progress.yaml"
    data = b"# \x1a stays\r\nnhiem_vu: []\r\n"
    with safe_write.locked(target):
        safe_write.write_bytes(target, data)
    assert read_regular(target, 1000) == data
    files = [(p, f) for p, f in seen if not Path(p).is_dir()]
    assert len(files) >= 3  # the lock, the new file, the read
    assert all(f & FAKE_BINARY for _, f in files), files


# --- the lock ---------------------------------------------------------------------------------


class FakeMsvcrt:
    """msvcrt.locking as Windows does it: a byte range of a file, held by one handle,
    refused at once to any other (LK_NBLCK), released with LK_UNLCK."""

    LK_NBLCK, LK_UNLCK = 2, 0

    def __init__(self) -> None:
        self.held: dict[tuple[int, int, int], int] = {}
        self.guard = threading.Lock()

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        st = os.fstat(fd)
        where = (st.st_dev, st.st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        with self.guard:
            if mode == self.LK_NBLCK:
                if self.held.get(where, fd) != fd:
                    raise PermissionError(13, "Permission denied")
                self.held[where] = fd
            elif self.held.get(where) == fd:
                del self.held[where]
            else:
                raise PermissionError(13, "Permission denied")


@pytest.fixture
def windows_lock(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(safe_write, "_WINDOWS", True)
    monkeypatch.setattr(safe_write, "_lock_calls", lambda: safe_write._msvcrt_calls(fake))
    return fake


def test_the_windows_lock_makes_a_second_writer_wait(
    windows_lock: FakeMsvcrt, tmp_path: Path
) -> None:
    target = tmp_path / "2023.progress.yaml"
    order: list[str] = []
    first_in = threading.Event()

    def second() -> None:
        first_in.wait()
        with safe_write.locked(target, timeout=10):
            order.append("second")

    waiter = threading.Thread(target=second)
    waiter.start()
    with safe_write.locked(target):
        first_in.set()
        time.sleep(0.2)  # the second writer is waiting meanwhile
        order.append("first")
    waiter.join(10)
    assert order == ["first", "second"]
    assert not windows_lock.held  # every lock released
    assert not safe_write.lock_path(target).exists()  # the lock file went with the last


def test_the_windows_lock_times_out_with_one_line(windows_lock: FakeMsvcrt, tmp_path: Path) -> None:
    target = tmp_path / "2023.progress.yaml"
    with (
        safe_write.locked(target),
        pytest.raises(CchcError) as caught,
        safe_write.locked(target, timeout=0.1),
    ):
        pass  # pragma: no cover
    assert caught.value.say == "locked"


# --- a file held open by another program ------------------------------------------------------


def _held(times: int, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """os.replace failing as on Windows while Word holds the target (sharing violation)."""
    real_replace = os.replace
    calls = [0]

    def replace(src, dst):  # type: ignore[no-untyped-def]
        calls[0] += 1
        if calls[0] <= times:
            exc = PermissionError(13, "The process cannot access the file")
            exc.winerror = 32  # type: ignore[attr-defined]
            raise exc
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def test_a_report_open_in_word_is_said_and_nothing_is_left(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "Báo cáo quý 2.docx"
    target.write_bytes(b"the report as it was")
    _held(10_000, monkeypatch)
    monkeypatch.setattr(safe_write, "BUSY_RETRY_SECONDS", 0.2)
    with pytest.raises(CchcError) as caught:
        safe_write.write_bytes(target, b"new")
    assert caught.value.say == "file-in-use"
    assert target.read_bytes() == b"the report as it was"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary file


def test_a_moment_s_hold_is_waited_out(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "2023.progress.yaml"
    target.write_bytes(b"old")
    calls = _held(3, monkeypatch)  # an antivirus scanning the new file
    safe_write.write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and calls[0] == 4


def test_file_in_use_is_said_in_both_languages() -> None:
    from cchc_cli import words

    vi = words.problem("file-in-use", {"path": "bc.docx"}, "vi")
    en = words.problem("file-in-use", {"path": "bc.docx"}, "en")
    assert "đang mở trong một chương trình khác" in vi and "open in another program" in en


# --- the console ------------------------------------------------------------------------------


class FakeKernel32:
    """GetConsoleMode and SetConsoleMode of a console host (or of a pipe: no console)."""

    def __init__(self, mode: int | None, settable: bool = True) -> None:
        self.mode, self.settable = mode, settable
        self.set_to: int | None = None

    def GetConsoleMode(self, handle: int, ref) -> int:  # type: ignore[no-untyped-def]  # noqa: N802
        if self.mode is None:
            return 0
        ctypes.cast(ref, ctypes.POINTER(ctypes.c_uint32)).contents.value = self.mode
        return 1

    def SetConsoleMode(self, handle: int, mode: int) -> int:  # noqa: N802
        self.set_to = mode
        return int(self.settable)


class Tty:
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return 1

    def write(self, text: str) -> int:
        return len(text)


def test_a_windows_console_gets_its_colours_switched_on() -> None:
    k = FakeKernel32(mode=0x3)  # the older console host: processed output, no VT yet
    assert status_table._windows_ansi(Tty(), kernel32=k, handle_of=lambda fd: 7)
    assert k.set_to == 0x3 | 0x4
    on = FakeKernel32(mode=0x7)  # Windows Terminal: already on, nothing to set
    assert status_table._windows_ansi(Tty(), kernel32=on, handle_of=lambda fd: 7)
    assert on.set_to is None
    old = FakeKernel32(mode=0x3, settable=False)  # before Windows 10
    assert not status_table._windows_ansi(Tty(), kernel32=old, handle_of=lambda fd: 7)
    assert not status_table._windows_ansi(Tty(), kernel32=FakeKernel32(None), handle_of=int)


def test_a_windows_console_without_colours_gets_no_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(status_table, "_WINDOWS", True)
    monkeypatch.setattr(status_table, "_windows_ansi", lambda stream: False)
    assert status_table.Screen(80, Tty()).mode is None
    monkeypatch.setattr(status_table, "_windows_ansi", lambda stream: True)
    assert status_table.Screen(80, Tty()).mode == "color"


def test_output_redirected_in_the_vietnamese_code_page_keeps_every_letter() -> None:
    # `cchc status > tinh-hinh.txt` on a Vietnamese Windows writes in cp1258, which has
    # "ô" and the combining dot below but not "ộ": each letter goes out taken apart.
    env = {**os.environ, "PYTHONIOENCODING": "cp1258", "CCHC_LANG": "vi", "CCHC_NO_CACHE": "1"}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run(
        [sys.executable, "-m", "cchc_cli.commands.program", "status", str(PLAN),
         "--as-of", "2023-06-14", "--width", "100"],
        capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode("cp1258", "replace")
    text = unicodedata.normalize("NFC", done.stdout.decode("cp1258"))
    assert "Tình hình thực hiện Kế hoạch CCHC năm 2023" in text
    assert "Cải cách thủ tục hành chính" in text
    assert "?" not in text.split("\n")[0]


# --- folders named in Vietnamese, with spaces -------------------------------------------------


@pytest.mark.parametrize("form", ["NFC", "NFD"])  # NFD: as macOS's older file system names it
def test_a_repository_in_a_vietnamese_folder_with_spaces(
    form: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = (
        tmp_path
        / unicodedata.normalize(form, "Kế hoạch CCHC")
        / unicodedata.normalize(form, "Sở Công Thương (bản sao)")
    )
    (top / "plans").mkdir(parents=True)
    shutil.copy(PLAN, top / "plans" / "2023.yaml")
    (top / "ghi chép").mkdir()
    monkeypatch.chdir(top / "ghi chép")  # found by walking up to plans/
    assert cchc("validate").code == 0
    r = cchc("status", "--as-of", "2023-06-14", "--format", "json")
    assert r.code == 0 and '"dated"' in r.out, r.all
    r = cchc("record", "I.1.a", "-s", "hoàn thành", "-d", "2023-01-10", "-e", "KH 15/KH-SCT")
    assert r.code == 0, r.all
    progress = (top / "plans" / "2023.progress.yaml").read_text(encoding="utf-8")
    assert "KH 15/KH-SCT" in progress
    report = top / "Báo cáo quý 2.docx"
    r = cchc("report", "-q", "2", "-o", str(report), "--date", "2023-06-16")
    assert r.code == 0 and report.is_file(), r.all
    r = cchc("sheet", "--unit", "VP", "--quarter", "2", "-o", str(top / "Văn phòng Sở.xlsx"))
    assert r.code == 0 and (top / "Văn phòng Sở.xlsx").is_file(), r.all
    r = cchc("site", "-o", str(top / "trang web"))
    assert r.code == 0 and (top / "trang web" / "index.html").is_file(), r.all
    leftovers = [p for p in top.rglob("*") if p.name.endswith((".tmp", ".lock"))]
    assert not leftovers


def test_find_tool_reads_this_machine_by_default() -> None:
    python = find_tool(Path(sys.executable).name)
    assert python is None or Path(python).exists()
    assert shutil.which("cchc-no-such-program") is None
    assert find_tool("cchc-no-such-program") is None
