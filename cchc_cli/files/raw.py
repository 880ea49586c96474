"""Reading a plan's bytes safely, and ordering problems: what every command needs before
(and without) the YAML reader. Never prints.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
import re
import typing
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

from cchc_cli import words
from cchc_cli.errors import Problem, Source, UsageError

MAX_BYTES = 20 * 1024 * 1024
MAX_PROBLEMS = 200  # per file; the rest are counted


def describe_type(mode: int) -> str:
    """What a path is when it is not a regular file, as a word of `words.FILE_KINDS`."""
    import stat

    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def repository_of(path: Path) -> Path | None:
    """The repository that holds `path`: the git work tree around it (the nearest folder
    above holding `.git`), else the nearest folder holding `plans/`; None when neither.

    The path is made absolute by its letters (`..` taken off the folder before it), never
    by following a link: a link is what is being looked for."""
    here = Path(os.path.abspath(path))
    holder: Path | None = None
    for folder in (here, *here.parents):
        if os.path.lexists(folder / ".git"):
            return folder
        if holder is None and os.path.lexists(folder / "plans"):
            holder = folder
    return holder


def link_inside(path: Path) -> tuple[Path, Path, int] | None:
    """(the link, the repository, its mode) when a folder between the repository's root and
    `path` is a symbolic link, or anything but a folder; None when none is. The last part
    of the path is left to the caller (a file to read, a file or folder to write)."""
    import stat

    absolute = Path(os.path.abspath(path))
    root = repository_of(absolute)
    if root is None or absolute == root:
        return None
    folder = root
    for part in absolute.relative_to(root).parts[:-1]:
        folder = folder / part
        try:
            st = os.lstat(folder)
        except OSError:
            return None  # nothing further down exists: nothing to follow
        if not stat.S_ISDIR(st.st_mode):
            return folder, root, st.st_mode
    return None


def shown_path(path: Path) -> str:
    """A path as the user best reads it: relative to here when it is below here."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
    return str(path) if rel.startswith("..") else rel


def no_link_inside(path: Path) -> None:
    """Refuse a path that reaches through a link (or anything but a folder) inside its
    repository: a pull request can commit `plans` as a link to any folder on the machine."""
    import stat

    found = link_inside(path)
    if found is None:
        return
    link, root, mode = found
    if stat.S_ISLNK(mode):
        raise UsageError("link-inside", path=str(path), link=shown_path(link), root=str(root))
    kind = "file" if stat.S_ISREG(mode) else describe_type(mode)
    raise UsageError("path-not-folder", path=str(path), folder=shown_path(link), kind=kind)


def open_flags(flags: int) -> int:
    """`flags` as cchc opens every file with `os.open`: never through a link, never
    blocking on a FIFO, and in binary mode (without O_BINARY, Windows' `os.open` turns
    line endings into CRLF on writing and stops reading at a Ctrl-Z byte)."""
    for extra in ("O_NOFOLLOW", "O_NONBLOCK", "O_BINARY"):
        flags |= getattr(os, extra, 0)
    return flags


def read_regular(path: Path, limit: int, what: str = "plan") -> bytes | None:
    """The bytes of a regular file, or None when it holds more than `limit` bytes.

    The file is opened without following a symbolic link and without blocking on
    a FIFO, and at most `limit + 1` bytes are read, whatever its size claims: a
    pull request can commit a link to a file outside the repository, a FIFO or a
    device where a plan belongs, or make a folder of the repository a link. Anything
    but a regular file reached through plain folders is a usage error naming the path,
    and nothing of it is read or echoed."""
    import stat

    no_link_inside(path)
    real = os.path.abspath(path)  # what was checked is what is opened
    try:
        st = os.lstat(real)
    except FileNotFoundError:
        raise UsageError("no-such-file", path=str(path)) from None
    except OSError as exc:
        raise UsageError("cannot-read", path=str(path), why=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(
            "not-regular-read", path=str(path), kind=describe_type(st.st_mode), what=what
        )
    try:
        fd = os.open(real, open_flags(os.O_RDONLY))
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


# Where str.splitlines() breaks a line, as UTF-8 bytes (the file is valid UTF-8 by then).
_BREAK = re.compile(rb"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]")
_RARE_BREAK = re.compile(rb"[\r\x0b\x0c\x1c\x1d\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]")


class Lines(Sequence[str]):
    """A file's lines, as `text.splitlines()` gives them, each decoded from the file's
    bytes when asked for (an excerpt under a problem, the check for an empty file).

    A 10,000-task plan has 200,000 lines: as a list of str they held three times the
    file's size through the whole command; here they hold the bytes the caller read
    anyway and two arrays of offsets."""

    __slots__ = ("_data", "_ends", "_starts")

    def __init__(self, data: bytes, start: int = 0) -> None:
        self._data = data
        if _RARE_BREAK.search(data, start) is None:  # "\n" only: split in C
            lengths = map(len, data[start:].split(b"\n"))
            ends = array("q", itertools.accumulate(lengths, lambda end, n: end + 1 + n,
                                                   initial=start - 1))  # fmt: skip
            del ends[0]
            starts = array("q", [start, *(e + 1 for e in ends[:-1])])
        else:
            starts, ends = array("q", [start]), array("q")
            for found in _BREAK.finditer(data, start):
                ends.append(found.start())
                starts.append(found.end())
            ends.append(len(data))
        if starts and starts[-1] == len(data):  # no line after the last break
            del starts[-1]
            del ends[-1]
        self._starts, self._ends = starts, ends

    def __len__(self) -> int:
        return len(self._starts)

    @typing.overload
    def __getitem__(self, i: int) -> str: ...
    @typing.overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return self._data[self._starts[i] : self._ends[i]].decode("utf-8")
