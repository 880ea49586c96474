"""A cache of checked files, keyed by their content and by this program's code.

Checking a plan is a pure function of its bytes (and, for a progress file, of
its plan's bytes) and of cchc's own code, so the result of a check can be
kept and reused: a large plan is parsed and validated once, not on every
`cchc status`. An entry holds the checked model itself (pickled), so reading
it back needs neither the YAML parser nor Pydantic's validators.

The cache lives under `$XDG_CACHE_HOME/cchc` (else `~/.cache/cchc`), in a
folder only its owner can open; set `CCHC_NO_CACHE=1` to bypass it. An entry
is read only if the current user owns it and nobody else can write it, and
it only ever holds objects that cchc itself built after checking a file: the
plan text of a pull request is never unpickled, only parsed. Any trouble with
the cache just means checking again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import stat
from pathlib import Path
from typing import Any

ENTRY_SUFFIX = ".pickle"
# An entry not read for this long is removed the next time an entry is written.
KEEP_SECONDS = 30 * 24 * 3600


def cache_dir() -> Path | None:
    if os.environ.get("CCHC_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cchc" / "checked"


def _library_stamp(module: str) -> str:
    """Where a library is installed and when it changed, without importing it."""
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return f"{module}:missing"
    try:
        st = os.stat(spec.origin)
    except OSError:
        return f"{module}:{spec.origin}"
    return f"{module}:{spec.origin}:{st.st_size}:{st.st_mtime_ns}"


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Our source files and the installed copies of the libraries that read and check."""
    h = hashlib.sha256()
    for module in ("pydantic.version", "pydantic_core", "yaml"):
        h.update(_library_stamp(module).encode())
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
    """Ours and writable by nobody else (POSIX); elsewhere the folder's place must do."""
    if not hasattr(os, "getuid"):
        return True
    st = os.fstat(fd)
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def get(k: str) -> Any | None:
    """The object kept under `k`, or None (missing, unreadable, not ours, or stale)."""
    root = cache_dir()
    if root is None:
        return None
    import pickle

    try:
        with open(_entry(root, k), "rb") as f:
            if not _trusted(f.fileno()):
                return None
            value = pickle.load(f)
            os.utime(f.fileno())  # recently used: kept by prune()
            return value
    except Exception:  # noqa: BLE001 - a bad entry only means checking again
        return None


def put(k: str, value: Any) -> None:
    root = cache_dir()
    if root is None:
        return
    import pickle

    target = _entry(root, k)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        root.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        root.mkdir(mode=0o700, exist_ok=True)
        target.parent.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return
    prune(root)


def prune(root: Path, now: float | None = None) -> None:
    """Remove entries not read for KEEP_SECONDS, entries of the earlier JSON format and
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
                        or name.endswith(".json")
                        or (name.endswith(".tmp") and age > 3600)
                    ):
                        os.unlink(item.path)
