"""Reading a plan's bytes safely, and ordering problems: what every command needs before
(and without) the YAML reader. Never prints.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from pathlib import Path

from cchc_cli import words
from cchc_cli.errors import Problem, Source, UsageError

MAX_BYTES = 20 * 1024 * 1024
MAX_PROBLEMS = 200  # per file; the rest are counted


def read_regular(path: Path, limit: int, what: str = "plan") -> bytes | None:
    """The bytes of a regular file, or None when it holds more than `limit` bytes.

    The file is opened without following a symbolic link and without blocking on
    a FIFO, and at most `limit + 1` bytes are read, whatever its size claims: a
    pull request can commit a link to a file outside the repository, a FIFO or a
    device where a plan belongs. Anything but a regular file is a usage error
    naming the path, and nothing of it is read or echoed."""
    import stat

    try:
        st = os.lstat(path)
    except FileNotFoundError:
        raise UsageError("no-such-file", path=str(path)) from None
    except OSError as exc:
        raise UsageError("cannot-read", path=str(path), why=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        from cchc_cli.files.safe_write import describe_type

        raise UsageError(
            "not-regular-read", path=str(path), kind=describe_type(st.st_mode), what=what
        )
    try:
        from cchc_cli.files.safe_write import open_flags

        fd = os.open(path, open_flags(os.O_RDONLY))
    except OSError as exc:
        raise UsageError("cannot-read", path=str(path), why=exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since lstat
            raise UsageError("not-regular-read", path=str(path), kind="other", what=what)
        data = handle.read(limit + 1)
    return None if len(data) > limit else data


@contextlib.contextmanager
def pause_gc() -> Iterator[None]:
    """Pause the cycle collector while building a large acyclic tree: on a 10 MB plan
    the collector would otherwise walk millions of new objects again and again. The
    collector is left as it was found (nothing is frozen), so a long-lived process or
    a test run that loads many plans still collects what it drops."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def capped(problems: list[Problem], path: str) -> list[Problem]:
    """The first MAX_PROBLEMS problems of a file (sorted), then one that counts the rest."""
    ordered = sort_problems(problems)
    if len(ordered) <= MAX_PROBLEMS:
        return ordered
    rest = ordered[MAX_PROBLEMS:]
    severity = "error" if any(p.severity == "error" for p in rest) else "warning"
    more = words.new_problem(
        Source(path, 0, 0), severity, "too-many", "more-problems", count=len(rest)
    )
    return [*ordered[:MAX_PROBLEMS], more]


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: p.sort_key)


def progress_path(plan_path: Path) -> Path:
    """Where a plan's progress records live: `2023.yaml` → `2023.progress.yaml`."""
    name = plan_path.name
    stem = name[: -len(".yaml")] if name.endswith(".yaml") else os.path.splitext(name)[0]
    return plan_path.with_name(f"{stem}.progress.yaml")
