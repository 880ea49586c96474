"""The one way cchc writes a file: atomically, under a lock, never through a link.

Every file cchc writes (plans and progress files, reports, cache entries) goes
through `write_bytes`: the data goes to a new temporary file in the target's
folder (created exclusively, with a random name, never following a link), is
flushed to disk, and is renamed over the target. A crash leaves the old file
or the new one, never half of each. A target that exists but is not a regular
file (a symbolic link, a FIFO, a device, a folder) is refused: a pull request
can commit a link where a progress file belongs, and writing through it would
change a file outside the repository.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from cchc_cli.errors import CchcError
from cchc_cli.files.raw import describe_type, no_link_inside, open_flags

LOCK_TIMEOUT = 30.0
_WINDOWS = os.name == "nt"
# Windows: how long a replace is retried while another program (an antivirus, the
# indexer) holds the target for a moment; Word or Excel holding it open is said at once.
BUSY_RETRY_SECONDS = 1.0
# Windows' error numbers for a file another program holds open: access denied, sharing
# violation, lock violation.
_WIN_IN_USE = (5, 32, 33)


def _umask() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def regular_or_missing(path: Path, *, confine: bool = True) -> os.stat_result | None:
    """The file's status when it is a regular file, None when nothing is there.

    Anything else where a file is to be written (a link, a FIFO, a device, a
    folder) is an error naming the path, and so is a path that reaches through a link
    inside its repository (`confine`; the cache, outside any repository, checks its own
    folders)."""
    if confine:
        no_link_inside(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CchcError("cannot-write", path=str(path), why=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise CchcError("not-regular-write", path=str(path), kind=describe_type(st.st_mode))
    return st


def write_bytes(
    path: Path, data: bytes, *, mode: int | None = None, confine: bool = True, sync: bool = True
) -> None:
    """Replace (or create) `path` with `data` atomically; the old file's permissions stay.
    The path is taken by its letters (`a/../b` is `b`), so that what is checked is what
    is written. `sync=False` leaves the flush to disk to the caller, who writes many files
    and syncs once (`sync_to_disk`): each file is still replaced whole or not at all."""
    path = Path(os.path.abspath(path)) if ".." in Path(path).parts else path
    old = regular_or_missing(path, confine=confine)
    if mode is None:
        mode = stat.S_IMODE(old.st_mode) if old is not None else 0o666 & ~_umask()
    folder = path.parent
    tmp: Path | None = None
    try:
        for _ in range(100):
            candidate = folder / f".{path.name}.{os.urandom(6).hex()}.tmp"
            try:
                fd = os.open(candidate, open_flags(os.O_WRONLY | os.O_CREAT | os.O_EXCL), 0o600)
            except FileExistsError:
                continue
            tmp = candidate
            break
        else:  # pragma: no cover - 100 random names taken
            raise CchcError("no-temp-file", path=str(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        regular_or_missing(path, confine=confine)  # still nothing else there (a link planted)
        _replace(tmp, path)
        tmp = None
    except PermissionError as exc:
        if getattr(exc, "winerror", None) in _WIN_IN_USE and old is not None:
            raise CchcError("file-in-use", path=str(path)) from None
        raise CchcError("write-denied", path=str(path)) from None
    except OSError as exc:
        raise CchcError("cannot-write", path=str(path), why=exc.strerror or str(exc)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    if sync:
        _fsync_dir(folder)


def sync_to_disk(folders: set[Path]) -> None:
    """After many files written with `sync=False` (the pages of a site, which cchc can
    write again at any time): one sync of each folder, so that the renames are on disk."""
    for folder in sorted(folders):
        _fsync_dir(folder)


def _replace(tmp: Path, path: Path) -> None:
    """Rename `tmp` over `path`. On Windows a file another program holds open cannot be
    replaced: a moment's hold (an antivirus scanning the new file) is waited out, and a
    file still held after BUSY_RETRY_SECONDS (open in Word or Excel) is an error."""
    deadline = time.monotonic() + BUSY_RETRY_SECONDS
    while True:
        try:
            os.replace(tmp, path)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in _WIN_IN_USE or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def make_folders(folder: Path, *, for_file: Path | None = None) -> None:
    """Make `folder` and the folders above it that are missing (`-o new-folder/vp.xlsx`),
    one at a time and never through a link: a path that reaches through a link inside its
    repository is refused (`no_link_inside`), and so is a part of it that is a file, a FIFO
    or a link where a folder should be. A folder made is a plain folder; nothing is made
    when the path is refused. `for_file`: the file the folder is made for, as the user
    typed it, which a refusal names."""
    import errno

    from cchc_cli.errors import UsageError

    absolute = Path(os.path.abspath(folder))
    # every folder down to `folder`, inside the repository
    no_link_inside(for_file if for_file is not None else absolute / "file")
    missing: list[Path] = []
    here = absolute
    while not os.path.lexists(here) and here != here.parent:
        missing.append(here)
        here = here.parent
    try:
        st = os.stat(here)  # a folder the user names may be a link outside any repository
    except OSError as exc:
        raise CchcError("cannot-write", path=str(folder), why=exc.strerror or str(exc)) from None
    if not stat.S_ISDIR(st.st_mode):
        raise UsageError("output-not-folder", folder=str(here), kind=describe_type(st.st_mode)
                         if not stat.S_ISREG(st.st_mode) else "file")  # fmt: skip
    for part in reversed(missing):
        try:
            os.mkdir(part)
        except FileExistsError:  # made meanwhile: only a plain folder will do
            mode = os.lstat(part).st_mode
            if not stat.S_ISDIR(mode):
                kind = "file" if stat.S_ISREG(mode) else describe_type(mode)
                raise UsageError("output-not-folder", folder=str(part), kind=kind) from None
        except OSError as exc:
            if exc.errno == errno.EACCES or isinstance(exc, PermissionError):
                raise CchcError("write-denied", path=str(part)) from None
            raise CchcError("cannot-write", path=str(part), why=exc.strerror or str(exc)) from None


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(fd)
    os.close(fd)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _lock_calls() -> tuple[Callable[[int], bool], Callable[[int], None]]:
    """How this system locks a file: `try_lock(fd)` (True when taken, without waiting)
    and `unlock(fd)`. POSIX: flock on the whole file. Windows: msvcrt's lock of the
    lock file's first byte (a lock may lie past the end of a file there)."""
    if _WINDOWS:
        import msvcrt

        return _msvcrt_calls(msvcrt)
    import fcntl

    def try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    return try_lock, unlock


def _msvcrt_calls(msvcrt: Any) -> tuple[Callable[[int], bool], Callable[[int], None]]:
    def try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:  # held by another process (EACCES / EDEADLOCK)
            return False
        return True

    def unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    return try_lock, unlock


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on `path` (through `path.lock` beside it) while writing.

    The lock file is opened without following a link. It is removed on release: on
    POSIX while still held, and a waiter that wakes up holding a removed lock file
    opens the new one and tries again; on Windows, where an open file cannot be
    removed, after it is closed, and only when no waiter has it open.
    """
    try_lock, unlock = _lock_calls()
    lock = lock_path(path)
    deadline = time.monotonic() + timeout
    while True:
        regular_or_missing(lock)  # neither a link nor through one
        try:
            fd = os.open(lock, open_flags(os.O_RDWR | os.O_CREAT), 0o666)
        except OSError as exc:
            raise CchcError("no-lock-file", path=str(lock), why=exc.strerror or str(exc)) from None
        try:
            while not try_lock(fd):
                if time.monotonic() > deadline:
                    raise CchcError("locked", path=str(path), lock=str(lock)) from None
                time.sleep(0.02)
            try:
                same = os.fstat(fd).st_ino == os.stat(lock).st_ino
            except FileNotFoundError:
                same = False
        except BaseException:
            os.close(fd)
            raise
        if same:
            break
        _release(fd, unlock)
    try:
        yield
    finally:
        if _WINDOWS:
            _release(fd, unlock)
            with contextlib.suppress(OSError):  # a waiter has it open: it stays, unlocked
                os.unlink(lock)
        else:
            with contextlib.suppress(OSError):
                os.unlink(lock)
            _release(fd, unlock)


def _release(fd: int, unlock: Callable[[int], None]) -> None:
    """Unlock, then close: Windows frees the locks of a closed file only in its own time."""
    with contextlib.suppress(OSError):
        unlock(fd)
    os.close(fd)
