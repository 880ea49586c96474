"""Output folders: `cchc site`, `cchc export --format csv` and `cchc sheet --all-units`
write only into a folder cchc owns.

A folder is cchc's when it is new, empty, or holds only files that cchc's manifest
(`.cchc-manifest`, a list of the files it wrote there) names. Refused, with one line:

- a folder that is a symbolic link, or that is reached through one inside the
  repository; a file, FIFO or device where the folder should be;
- the repository's root, a folder holding plans (a `plans/` folder, `.yaml` files, a
  `.git`), and `plans/` itself or any folder inside it;
- a folder outside the repository cchc runs in (or outside the folder it runs in, where
  there is no repository), unless `--outside` says so: `-o ../x` alone is not enough;
- a folder holding anything cchc did not write there (named, the first ten): a pull
  request could plant a page that the site would publish, or a link.

Files are written as every file is (`safe_write`), except that a file the manifest names
and that already holds exactly the bytes this run writes is left as it is. The manifest
is written first with what is about to be written, and last with what was. Files that
the manifest names and that this run no longer writes (a task's page, once the task is
gone) are removed, but only regular files of the kinds cchc writes, inside the folder: a
manifest is read like any other untrusted file.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cchc_cli.errors import CchcError, UsageError
from cchc_cli.files.raw import describe_type, no_link_inside, repository_of

MANIFEST = ".cchc-manifest"
MANIFEST_HEAD = (
    "# cchc: the files cchc wrote in this folder. It writes here again only while this list\n"
    "# names every file in the folder; a file it does not name is not cchc's.\n"
)
MAX_ENTRIES = 20_000  # what an output folder may hold before cchc looks no further
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
SHOWN = 10  # foreign files named
KINDS = (".html", ".css", ".js", ".csv", ".xlsx", ".svg")  # what cchc writes in a folder


@dataclass
class OutputFolder:
    """A folder cchc may write in, with the files its manifest names that are there."""

    path: Path  # as given
    real: Path  # absolute, by its letters
    owned: set[str] = field(default_factory=set)

    def exists(self, name: str) -> bool:
        return os.path.lexists(self.real / name)

    def write(self, files: dict[str, bytes], *, keep: bool = False) -> list[Path]:
        """Write `files` (relative path with "/" → bytes); with `keep`, what the folder had
        stays (sheets of earlier periods), else what this run does not write goes."""
        from cchc_cli.files.safe_write import sync_to_disk, write_bytes

        names = list(files)
        folded: dict[str, str] = {}
        for name in names:
            if _safe_name(name) is None:
                raise CchcError("output-names-clash", folder=str(self.path), first=name,
                                second=name)  # fmt: skip
            other = folded.setdefault(name.casefold(), name)
            if other != name:  # one file on a disk that ignores case
                raise CchcError("output-names-clash", folder=str(self.path), first=other,
                                second=name)  # fmt: skip
        self.real.mkdir(parents=True, exist_ok=True)
        self._manifest(self.owned | set(names))
        written, folders = [], {self.real}
        for name in names:  # each replaced whole; flushed to disk once, below
            target = self.real / name
            if name in self.owned and _holds(target, files[name]):
                written.append(self.path / name)  # already what this run writes: left as is
                continue
            if target.parent not in folders:
                self._folders(target.parent)
            # The folder was checked when opened (no link up to it) and every folder below
            # it by `_folders`: the file itself is still never written through a link, and
            # the walk up to the repository is not repeated for each file.
            write_bytes(target, files[name], sync=False, confine=False)
            written.append(self.path / name)
            folders.add(target.parent)
        sync_to_disk(folders)
        final = set(names) | (self.owned if keep else set())
        self._manifest(final)
        if not keep:
            for stale in sorted(self.owned - set(names)):
                self._remove(stale)
        self.owned = final
        return written

    def _manifest(self, names: set[str]) -> None:
        from cchc_cli.files.safe_write import write_text

        write_text(self.real / MANIFEST, MANIFEST_HEAD + "".join(f"{n}\n" for n in sorted(names)))

    def _folders(self, folder: Path) -> None:
        """Make the folders down to `folder`, none of them through a link."""
        parts = folder.relative_to(self.real).parts
        here = self.real
        for part in parts:
            here = here / part
            try:
                st = os.lstat(here)
            except FileNotFoundError:
                os.mkdir(here)
                continue
            if not stat.S_ISDIR(st.st_mode):
                raise UsageError("output-not-folder", folder=str(here),
                                 kind=describe_type(st.st_mode))  # fmt: skip

    def _remove(self, name: str) -> None:
        """Remove a file cchc wrote here before, if it is still a plain file of its kind
        reached through plain folders; then the folders it leaves empty."""
        here = self.real
        parts = PurePosixPath(name).parts
        for part in parts[:-1]:
            here = here / part
            try:
                if not stat.S_ISDIR(os.lstat(here).st_mode):
                    return
            except OSError:
                return
        target = here / parts[-1]
        try:
            if not stat.S_ISREG(os.lstat(target).st_mode):
                return
            os.unlink(target)
        except OSError:
            return
        while here != self.real:
            try:
                os.rmdir(here)  # only when empty
            except OSError:
                return
            here = here.parent


def _holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a regular file that holds exactly `data`. A site rebuilt in place
    leaves the pages that did not change as they are (their dates too, which is what a
    web server's caches and a publishing step's copy go by), and writing 20,000 pages
    again costs several seconds where reading them costs a fraction. Opened as every file
    is (never through a link, never blocking on a FIFO); anything else is "no", and the
    file is then written as every file is."""
    from cchc_cli.files.raw import open_flags

    try:
        fd = os.open(path, open_flags(os.O_RDONLY))
    except OSError:
        return False
    with os.fdopen(fd, "rb") as handle:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size != len(data):
                return False
            return handle.read(len(data) + 1) == data
        except OSError:
            return False


def _safe_name(text: str) -> str | None:
    """A manifest's line as a file name inside the folder, or None when it would reach
    elsewhere (absolute, `..`, a drive, a backslash) or name a file cchc does not write."""
    name = text.strip()
    if not name or "\\" in name or ":" in name or name.startswith("/"):
        return None
    parts = PurePosixPath(name).parts
    if any(p in ("", ".", "..") for p in parts) or not name.endswith(KINDS):
        return None
    return "/".join(parts)


def _read_manifest(real: Path) -> set[str]:
    from cchc_cli.files.raw import read_regular

    path = real / MANIFEST
    if not os.path.lexists(path):
        return set()
    try:
        data = read_regular(path, MAX_MANIFEST_BYTES, "manifest")
    except UsageError:
        return set()  # not a file cchc wrote: everything here is foreign
    if data is None:
        return set()
    names = set()
    for line in data.decode("utf-8", "replace").splitlines():
        if line.startswith("#"):
            continue
        name = _safe_name(line)
        if name is not None:
            names.add(name)
    return names


def refuse_filled(paths: list[Path], *, force: bool) -> None:
    """A sheet is not written where a file (or a link) is already, which may have been
    filled in, unless `force`: a usage error names the first such path."""
    for path in paths:
        if not force and os.path.lexists(path):
            raise UsageError("sheet-exists", path=str(path))


def open_output_folder(
    folder: Path, *, outside: bool, near: Path | None = None, usual: str = "site"
) -> OutputFolder:
    """The folder `folder` as cchc's output folder, or a usage error saying why not.
    Without `outside`, it lies in the repository of the current folder (the current folder
    itself where there is none) or in that of `near`, the plan the output is made of.
    Nothing is written here (the folder is made by the first write). `usual`: the
    command's own folder name, which a refusal offers instead."""
    real = Path(os.path.abspath(folder))
    shown = str(folder)
    example = usual if folder.name != usual else f"{usual}-cchc"
    no_link_inside(folder)  # the folders down to it, inside the repository
    st = _folder_state(real, shown)
    _refuse_plans_place(real, shown, example)
    if not outside:
        _refuse_outside(real, shown, near)
    found = OutputFolder(folder, real)
    if st is None:
        return found
    foreign, held = _scan(real, _read_manifest(real), shown, example)
    if foreign:
        names = ", ".join(foreign[:SHOWN])
        files = names if len(foreign) <= SHOWN else {
            "say": "and-more-files", "args": {"files": names, "count": len(foreign) - SHOWN}}  # fmt: skip
        raise UsageError("output-foreign", folder=shown, files=files)
    found.owned = held
    return found


def _folder_state(real: Path, shown: str) -> os.stat_result | None:
    """What is where the folder should be: None when nothing is; refused when it is a
    link, a file, a FIFO or a device."""
    try:
        st = os.lstat(real)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError("cannot-write", path=shown, why=exc.strerror or str(exc)) from None
    if stat.S_ISLNK(st.st_mode):
        raise UsageError("output-link", folder=shown)
    if not stat.S_ISDIR(st.st_mode):
        kind = "file" if stat.S_ISREG(st.st_mode) else describe_type(st.st_mode)
        raise UsageError("output-not-folder", folder=shown, kind=kind)
    return st


def _refuse_plans_place(real: Path, shown: str, example: str) -> None:
    """Refused: the repository's root, and `plans/` or any folder inside it."""
    repository = repository_of(real)
    if repository is None:
        return
    if real == repository:
        raise UsageError("output-is-repository", folder=shown, example=example)
    if any(part.casefold() == "plans" for part in real.relative_to(repository).parts):
        raise UsageError("output-in-plans", folder=shown, example=example)


def _refuse_outside(real: Path, shown: str, near: Path | None) -> None:
    """Refused: a folder outside the repository of the current folder (the current folder
    where there is none) and outside that of `near`."""
    here = Path(os.path.abspath("."))
    base = repository_of(here) or here
    bases = [base] + ([own] if near is not None and (own := repository_of(near)) else [])
    if not any(real == b or b in real.parents for b in bases):
        say = "output-outside" if repository_of(here) is not None else "output-outside-here"
        raise UsageError(say, folder=shown, root=str(base))


def _scan(real: Path, listed: set[str], shown: str, example: str) -> tuple[list[str], set[str]]:
    """What the folder holds that the manifest does not name (links, FIFOs and other
    non-files always), and what it names that is there."""
    foreign: list[str] = []
    held: set[str] = set()
    seen = 0
    # What cchc wrote here is looked at whatever its number (a portfolio of 300 bodies
    # writes 20,000 pages, and must be rebuilt in place); beyond it, MAX_ENTRIES more.
    # The manifest's own size bounds what it may name.
    limit = MAX_ENTRIES + 2 * len(listed)  # each file and, at most, a folder of its own
    for top, folders, files in os.walk(real, followlinks=False):
        base = Path(top)
        rel = base.relative_to(real)
        for name in [*folders, *files]:
            seen += 1
            if seen > limit:
                raise UsageError("output-too-many", folder=shown, count=limit)
            path = rel / name
            shown_name = path.as_posix()
            if rel == Path(".") and name == MANIFEST:
                continue
            if rel == Path(".") and (name in ("plans", ".git") or name.endswith((".yaml", ".yml"))):
                raise UsageError("output-holds-plans", folder=shown, name=name, example=example)
            try:
                st = os.lstat(base / name)
            except OSError:
                continue
            if stat.S_ISDIR(st.st_mode):
                continue  # its files are looked at in turn
            if stat.S_ISREG(st.st_mode) and shown_name in listed:
                held.add(shown_name)
            else:
                foreign.append(shown_name)
    return sorted(foreign), held
