"""A cache of checked files, keyed by their content and by this program's code.

Checking a plan is a pure function of its bytes (and, for a progress file, of
its plan's bytes) and of cchc's own code, so the result of a check can be
kept and reused: a large plan is parsed once, not on every `cchc status`.
The cache lives under `$XDG_CACHE_HOME/cchc` (else `~/.cache/cchc`); set
`CCHC_NO_CACHE=1` to bypass it. Any trouble with it only means checking again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from pathlib import Path

from .errors import Problem, Source


def cache_dir() -> Path | None:
    if os.environ.get("CCHC_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cchc" / "checked"


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Our source files and the versions of the libraries that read and check."""
    import pydantic.version
    import yaml

    h = hashlib.sha256(f"{pydantic.version.VERSION} {yaml.__version__}".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        h.update(source.name.encode())
        h.update(source.read_bytes())
    return h.hexdigest()


def key(*parts: bytes | str) -> str:
    h = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def get(k: str) -> str | None:
    root = cache_dir()
    if root is None:
        return None
    try:
        return (root / k[:2] / f"{k}.json").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def put(k: str, text: str) -> None:
    root = cache_dir()
    if root is None:
        return
    target = root / k[:2] / f"{k}.json"
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def problems_to_data(problems: list[Problem]) -> list[dict[str, object]]:
    return [
        {
            "line": p.source.line,
            "col": p.source.col,
            "severity": p.severity,
            "code": p.code,
            "message": p.message,
            "excerpt": p.excerpt,
        }
        for p in problems
    ]


def problems_from_data(path: str, rows: list[dict[str, object]]) -> list[Problem]:
    return [
        Problem(
            Source(path, int(r["line"]), int(r["col"])),  # type: ignore[call-overload]
            r["severity"],  # type: ignore[arg-type]
            str(r["code"]),
            str(r["message"]),
            r["excerpt"],  # type: ignore[arg-type]
        )
        for r in rows
    ]
