"""A draft plan as `cchc import-plan` makes it: its data in the plan's shape, the notes on
what to fill in or check, and how its ids are made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cchc_cli.errors import Loc
from cchc_cli.files.draft_table import one_line
from cchc_cli.plan.lookup import fold


@dataclass(frozen=True)
class Note:
    loc: Loc | None  # where in the plan (None: about the whole draft)
    kind: str  # "fill": the plan needs it (validate names the line); "check": a guess
    say: str  # the sentence in `words.IMPORT_PLAN`
    args: tuple[tuple[str, Any], ...] = ()


@dataclass
class Draft:
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    year: int = 0

    def note(self, loc: Loc | None, kind: str, say: str, **args: Any) -> None:
        self.notes.append(Note(loc, kind, say, tuple(args.items())))


def excerpt(text: str, room: int = 60) -> str:
    """Document text fit for a one-line comment: one line, at most `room` characters."""
    one = one_line(text)
    return one if len(one) <= room else one[: room - 1].rstrip() + "…"


def letter(n: int) -> str:
    """a, b, …, z, aa, ab, …: the suffix of an objective's n-th task (from 0), or of an
    indicator's n-th target."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(97 + rest) + out
    return out


ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def id_part(text: str) -> str:
    """A number of the document as part of an id: kept when it is one, else folded."""
    if ID.match(text):
        return text
    return re.sub(r"[^A-Za-z0-9._-]+", "-", fold(text)).strip("-._") or "X"
