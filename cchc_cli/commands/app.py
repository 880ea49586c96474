"""The `cchc` command line: a thin Typer layer over the library.

Each command lives in a module of its own, parses its options, calls the
library, prints and exits. Those modules import only typer at load time; the
library is imported inside the command that runs, so `cchc --help` and
`cchc status` load only what they use.
"""

from collections.abc import Iterator, MutableMapping
from importlib import import_module
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from cchc_cli import words
from cchc_cli.commands.common import err, out, plain_streams, quiet_stdout

if TYPE_CHECKING:
    from datetime import date

# The commands, in the order help lists them: name -> (module, function). A command's
# module is imported, and its options built, only when that command runs (or its help
# is shown): `cchc status` does not build the options of the other thirteen.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("validate", "validate"),
    "status": ("status", "status"),
    "show": ("show", "show"),
    "schema": ("schema", "schema"),
    "report": ("report", "report"),
    "record": ("record", "record"),
    "fmt": ("fmt", "fmt"),
    "diff": ("diff", "diff"),
    "new": ("new", "new"),
    "import-plan": ("import_plan", "import_plan"),
    "sheet": ("sheet", "sheet"),
    "import": ("sheet", "import_"),
    "export": ("sheet", "export"),
    "site": ("site", "site"),
    "figures": ("figures", "figures"),
    "score": ("score", "score"),
    "criteria": ("score", "criteria"),
}

SETTINGS: dict[str, Any] = {
    "name": "cchc",
    "help": "Keep, track and report a department's annual CCHC (administrative reform) plan.",
    "no_args_is_help": True,
    "add_completion": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}


def _version(value: bool) -> None:
    if value:
        from cchc_cli import __version__

        out(words.say("version", version=__version__))
        raise typer.Exit()


def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print cchc's version and stop."
        ),
    ] = False,
) -> None:
    """Keep, track and report a department's annual CCHC (administrative reform) plan."""


def _function(name: str) -> Any:
    module, attr = COMMANDS[name]
    return getattr(import_module(f"cchc_cli.commands.{module}"), attr)


class LazyCommands(MutableMapping[str, Any]):
    """The group's commands by name, each built (and put in the language in use) the first
    time it is looked up."""

    def __init__(self) -> None:
        self.built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.built:
            if name not in COMMANDS:
                raise KeyError(name)
            from cchc_cli.commands.cli_words import localize

            info = typer.models.CommandInfo(name=name, callback=_function(name))
            command = typer.main.get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=None
            )
            localize(command, name)
            self.built[name] = command
        return self.built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        del self.built[name]

    def __iter__(self) -> Iterator[str]:
        return iter([*COMMANDS, *(n for n in self.built if n not in COMMANDS)])

    def __len__(self) -> int:
        return len(set(COMMANDS) | set(self.built))


class LazyGroup(TyperGroup):
    """`cchc` itself: lists its commands from their short help, without building them."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # the names, in order, not the commands themselves

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            short = words.SHORT_HELP[words.language()].get(name)
            if short is None:
                short = self.commands[name].get_short_help_str(formatter.width - 16)
            rows.append((name, short))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


_shell = typer.Typer(**SETTINGS, cls=LazyGroup)
_shell.callback()(_options)


def __getattr__(name: str) -> Any:
    """`app`: the Typer application with every command registered (for tools and tests
    that walk the commands; `run` builds only the one that runs)."""
    if name != "app":
        raise AttributeError(name)
    whole = typer.Typer(**SETTINGS)
    whole.callback()(_options)
    for command in COMMANDS:
        whole.command(command)(_function(command))
    globals()["app"] = whole
    return whole


def command() -> Any:
    """The Click command behind cchc, its help in the language in use, with `--lang`."""
    from cchc_cli.commands.cli_words import localize

    cli = typer.main.get_command(_shell)
    cli.commands = LazyCommands()  # type: ignore[attr-defined]
    localize(cli)
    return cli


def context_of(argv: list[str]) -> words.Context:
    """The context a command line runs in: the language it asks for (`--lang`, then
    `CCHC_LANG`), and public holidays from the cache."""
    import os

    return words.Context.asked(words.choose_language(argv, os.environ), _cached_holidays)


def _cached_holidays(year: int) -> "frozenset[date]":
    from cchc_cli.files.cache import public_holidays

    return public_holidays(year)


def run(argv: list[str]) -> int:
    """Run cchc on `argv` (without the program's name); the exit status. The context is
    entered first, so that help and Click's errors speak its language too, and left when
    the command ends."""
    with words.using(context_of(argv)):
        return _run(argv)


def _run(argv: list[str]) -> int:
    from typer._click import exceptions as click_errors

    from cchc_cli.commands.cli_words import show_usage_error

    unknown = _unknown_language_setting(argv)
    if unknown is not None:  # as `--lang fr` is a usage error, so is CCHC_LANG=fr
        err(words.error(words.problem("lang-setting", {"value": unknown})), one=True)
        return 2
    cli = command()
    try:
        code = cli.main(args=argv, prog_name="cchc", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:
        err(exc.ctx.get_help())
        return 2
    except click_errors.UsageError as exc:
        show_usage_error(exc)
        return 2
    except click_errors.ClickException as exc:
        err(words.error(exc.format_message()), one=True)
        return exc.exit_code
    except typer.Abort:
        err(words.say("interrupted"))
        return 1
    return code if isinstance(code, int) else 0


def _unknown_language_setting(argv: list[str]) -> str | None:
    """CCHC_LANG when it names neither language and no `--lang` overrides it."""
    import os

    setting = os.environ.get("CCHC_LANG")
    if not setting or setting in words.LANGS:
        return None
    return setting if words.choose_language(argv, {}) is None else None


def main() -> None:
    """The `cchc` program: the app, with output that cannot end in a traceback."""
    import sys

    plain_streams()
    argv = sys.argv[1:]
    with words.using(context_of(argv)):  # what is said after the command speaks its language
        raise SystemExit(_program(argv))


def _program(argv: list[str]) -> int | str | None:
    import sys

    code: int | str | None = 0
    try:
        code = _run(argv)
    except KeyboardInterrupt:
        err(words.say("interrupted"))
        code = 130
    except SystemExit as done:
        code = done.code
    except BrokenPipeError:
        quiet_stdout()
    except OSError as exc:  # writing help or a usage message failed
        quiet_stdout()
        err(words.error(words.problem("output-failed", {"why": exc.strerror, "written": ""})))
        code = 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback
        err(words.say("bug", what=f"{type(exc).__name__}: {exc}"), one=True)
        code = 3
    _note_unsafe_cache()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()  # the reader went away (`cchc status | head -1`): nothing to say
    except OSError as exc:
        quiet_stdout()
        err(words.error(words.problem("output-failed", {"why": exc.strerror, "written": ""})))
        code = code or 1
    return code


def _note_unsafe_cache() -> None:
    """One note when the cache was not used because others can write its folder."""
    import sys

    cache = sys.modules.get("cchc_cli.files.cache")
    folders = getattr(cache, "unsafe_folders", None)
    if folders:
        shown = ", ".join(sorted(str(f) for f in folders))
        err(words.note(words.say("unsafe_cache", folders=shown)))


if __name__ == "__main__":
    main()
