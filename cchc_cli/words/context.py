"""The context a command runs in: the language it speaks and where public holidays come
from, one immutable `Context` held in a context variable.

The command's entry point (`commands.app.run`) enters it with `using(...)` and leaves it
when the command ends, so nothing is set for the rest of the process: a library caller or
a test that enters none gets Vietnamese and the `holidays` package itself. Every word
function that takes `lang` speaks the context's language when `lang` is None.

The domain keeps its own part: `plan.deadlines` imports nothing of the package, so
`calendar()` hands it the context's holiday source (`deadlines.holidays_from`) for the
block a command's body runs in.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cchc_cli.plan.deadlines import HolidaySource

LANGS = ("vi", "en")


@dataclass(frozen=True)
class Context:
    """What a command speaks and counts with.

    `lang`: "vi" or "en". `chosen`: the command line named it (`--lang`, `CCHC_LANG`), so
    a plan's `cai_dat.ngon_ngu` does not override it. `holidays`: a year's public
    holidays (the files layer's cached copy); None for the `holidays` package itself."""

    lang: str = "vi"
    chosen: bool = False
    holidays: HolidaySource | None = None

    @classmethod
    def asked(cls, lang: str | None, holidays: HolidaySource | None = None) -> Context:
        """The context of a command line that asked for `lang` (None, or anything but "vi"
        and "en": Vietnamese, and nothing chosen)."""
        return cls(lang if lang in LANGS else "vi", lang in LANGS, holidays)

    def with_plan_language(self, lang: str | None) -> Context:
        """This context once a plan's `cai_dat.ngon_ngu` is read: it counts only where the
        command line named no language (anything but "vi" and "en" is Vietnamese)."""
        if self.chosen:
            return self
        return replace(self, lang=lang if lang in LANGS else "vi")


# Where no command entered one: Vietnamese, the `holidays` package (frozen, so shared safely).
DEFAULT = Context()
_CURRENT: ContextVar[Context] = ContextVar("cchc_context", default=DEFAULT)


def current() -> Context:
    return _CURRENT.get()


def language() -> str:
    """The language in use: "vi" or "en"."""
    return _CURRENT.get().lang


@contextmanager
def using(context: Context) -> Iterator[Context]:
    """Run the block in `context`; on leaving it, the context before it is back (whatever
    the block changed with `adopt_plan_language`)."""
    token = _CURRENT.set(context)
    try:
        yield context
    finally:
        _CURRENT.reset(token)


@contextmanager
def calendar() -> Iterator[None]:
    """Hand the context's holiday source to the domain (`plan.deadlines`) for the block.
    A command's body runs in it (`commands.common.handled`): the domain is loaded only
    when a command runs, never for `cchc --help`."""
    from cchc_cli.plan.deadlines import holidays_from

    with holidays_from(_CURRENT.get().holidays):
        yield


def adopt_plan_language(lang: str | None) -> str:
    """Speak a plan's `cai_dat.ngon_ngu` for the rest of the enclosing `using` block, unless
    the command line chose; the language now in use."""
    context = _CURRENT.get().with_plan_language(lang)
    _CURRENT.set(context)
    return context.lang


def choose_language(argv: list[str], environ: Any) -> str | None:
    """The language the command line asks for: `--lang X` (or `--lang=X`), else
    `CCHC_LANG`; None when neither names one."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return environ.get("CCHC_LANG") or None


def pick(table: dict[str, Any], lang: str | None) -> Any:
    """`table`'s entry for `lang` (None: the language in use; unknown: Vietnamese)."""
    return table.get(lang or _CURRENT.get().lang, table["vi"])


def merged(*tables: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Tables of words kept by domain, as one table per language; a key said twice is a
    mistake, not an override."""
    whole: dict[str, dict[str, Any]] = {lang: {} for lang in LANGS}
    for table in tables:
        for lang in LANGS:
            twice = whole[lang].keys() & table[lang].keys()
            if twice:
                raise ValueError(f"said twice: {sorted(twice)}")
            whole[lang].update(table[lang])
    return whole
