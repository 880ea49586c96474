"""A cache of checked files, keyed by their content and by this program's code.

Checking a plan is a pure function of its bytes (and, for a progress file, of
its plan's bytes) and of cchc's own code, so the result of a check can be
kept and reused: a large plan is parsed and validated once, not on every
`cchc status`. An entry is JSON text (`files.checked`): data that can never
run code, whoever wrote it, turned back into the models without the YAML
parser or Pydantic's validators.

Everything cchc keeps lives under `$XDG_CACHE_HOME/cchc` (else
`~/.cache/cchc`): checked files in `checked/`, public holidays in `holidays/`.
Its folders are created private (0700) and checked private before use (else
the cache is not used); entries are opened without following links and read
only if the current user owns them and nobody else can write them; they are
written through `safe_write` (a new file created exclusively, then renamed).
`CCHC_NO_CACHE=1` bypasses all of it. Any trouble with the cache just means
checking again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import os
import stat
from datetime import date
from pathlib import Path

ENTRY_SUFFIX = ".json"
MAX_ENTRY = 256 * 1024 * 1024
# An entry not read for this long is removed the next time an entry is written.
KEEP_SECONDS = 30 * 24 * 3600


def cache_root() -> Path | None:
    """The one folder of everything cchc keeps, or None when the cache is off."""
    if os.environ.get("CCHC_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cchc"


def cache_dir() -> Path | None:
    root = cache_root()
    return None if root is None else root / "checked"


# Cache folders found unsafe in this run (the commands say so once, on stderr).
unsafe_folders: set[Path] = set()


def _private_folder(folder: Path) -> bool:
    """Make `folder` (0700) if needed; True when it is a folder of ours that nobody else
    can write, through no link. Otherwise the cache is not used (and noted)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(folder)
    except OSError:
        return False
    ok = stat.S_ISDIR(st.st_mode) and (
        not hasattr(os, "getuid")
        or (st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))
    )
    if not ok:
        unsafe_folders.add(folder)
    return ok


def _library_stamp(package: str, file: str = "__init__.py") -> str:
    """Where a library is installed and when one of its files changed, without importing
    it (finding a submodule would import its package: `pydantic.version` imports
    pydantic, 40 ms that a warm `cchc status` does not otherwise spend)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return f"{package}:missing"
    path = os.path.join(next(iter(spec.submodule_search_locations)), file)
    try:
        st = os.stat(path)
    except OSError:
        return f"{package}:{path}"
    return f"{package}:{path}:{st.st_size}:{st.st_mtime_ns}"


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Our source files and the installed copies of the libraries that read and check."""
    h = hashlib.sha256()
    for library, file in (("pydantic", "version.py"), ("pydantic_core", "__init__.py"),
                          ("yaml", "__init__.py")):  # fmt: skip
        h.update(_library_stamp(library, file).encode())
    package = Path(__file__).resolve().parent.parent
    for source in sorted(package.rglob("*.py")):
        h.update(source.relative_to(package).as_posix().encode())
        h.update(source.read_bytes())
    return h.hexdigest()


def key(*parts: bytes | str) -> str:
    h = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _entry(root: Path, k: str) -> Path:
    return root / k[:2] / f"{k}{ENTRY_SUFFIX}"


def _trusted(fd: int) -> bool:
    """A regular file, ours and writable by nobody else (POSIX)."""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        return False
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def get(k: str) -> bytes | None:
    """The bytes kept under `k`, or None (missing, unreadable, not ours, or too large)."""
    root = cache_dir()
    if root is None or not all(_private_folder(f) for f in (root.parent, root)):
        return None
    try:
        with open(_entry(root, k), "rb", opener=_no_follow) as f:
            if not _trusted(f.fileno()):
                return None
            data = f.read(MAX_ENTRY + 1)
            os.utime(f.fileno())  # recently used: kept by prune()
    except OSError:
        return None
    return data if len(data) <= MAX_ENTRY else None


def put(k: str, data: bytes) -> None:
    root = cache_dir()
    if root is None:
        return
    from cchc_cli.errors import CchcError
    from cchc_cli.files.safe_write import write_bytes

    target = _entry(root, k)
    if len(data) > MAX_ENTRY or not all(
        _private_folder(f) for f in (root.parent, root, target.parent)
    ):
        return
    try:
        write_bytes(target, data, mode=0o600, confine=False)
    except CchcError:
        return
    prune(root)


def public_holidays(year: int) -> frozenset[date]:
    """Vietnam's public holidays of `year`, kept in the cache: importing the `holidays`
    package takes about a tenth of a second. The entry is named by the year and the
    installed copy of the package, and read only when it is ours and private."""
    from cchc_cli.plan.deadlines import holidays_from_package

    root = cache_root()
    spec = importlib.util.find_spec("holidays")
    if root is None or spec is None or spec.origin is None:
        return holidays_from_package(year)
    try:
        stamp = os.stat(spec.origin).st_mtime_ns
    except OSError:
        return holidays_from_package(year)
    folder = root / "holidays"
    entry = folder / f"VN-{year}-{stamp}.txt"
    try:
        with open(entry, "rb", opener=_no_follow) as f:
            if _trusted(f.fileno()):
                text = f.read(64 * 1024).decode("ascii")
                return frozenset(date.fromisoformat(s) for s in text.split())
    except (OSError, ValueError):
        pass
    days = holidays_from_package(year)
    if _private_folder(root) and _private_folder(folder):
        from cchc_cli.errors import CchcError
        from cchc_cli.files.safe_write import write_bytes

        with contextlib.suppress(CchcError):
            write_bytes(
                entry,
                " ".join(sorted(d.isoformat() for d in days)).encode(),
                mode=0o600,
                confine=False,
            )
    return days


def _no_follow(path: str, flags: int) -> int:
    from cchc_cli.files.raw import open_flags

    return os.open(path, open_flags(flags))


def prune(root: Path, now: float | None = None) -> None:
    """Remove entries not read for KEEP_SECONDS, entries of the earlier pickle format and
    leftovers of writes interrupted an hour ago or more, so that the cache does not
    grow with every edit of a plan."""
    import time

    now = time.time() if now is None else now
    with contextlib.suppress(OSError):
        for folder in os.scandir(root):
            if not folder.is_dir(follow_symlinks=False):
                continue
            for item in os.scandir(folder.path):
                with contextlib.suppress(OSError):
                    if not item.is_file(follow_symlinks=False):
                        continue
                    age = now - item.stat(follow_symlinks=False).st_mtime
                    name = item.name
                    if (
                        (name.endswith(ENTRY_SUFFIX) and age > KEEP_SECONDS)
                        or name.endswith(".pickle")  # the format before: never read again
                        or (name.endswith(".tmp") and age > 3600)
                    ):
                        os.unlink(item.path)
