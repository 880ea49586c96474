"""The `cchc` command line: a thin Typer layer over the library.

Each command lives in a module of its own, parses its options, calls the
library, prints and exits. Those modules import only typer at load time; the
library is imported inside the command that runs, so `cchc --help` and
`cchc status` load only what they use.
"""

from typing import Annotated, Any

import typer

from cchc_cli import words
from cchc_cli.commands import (
    diff,
    figures,
    fmt,
    new,
    record,
    report,
    schema,
    sheet,
    show,
    site,
    status,
    validate,
)
from cchc_cli.commands.common import err, out, plain_streams, quiet_stdout

app = typer.Typer(
    name="cchc",
    help="Keep, track and report a department's annual CCHC (administrative reform) plan.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from cchc_cli import __version__

        out(words.say("version", version=__version__))
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print cchc's version and stop."
        ),
    ] = False,
) -> None:
    """Keep, track and report a department's annual CCHC (administrative reform) plan."""


for declared in (
    validate.validate,
    status.status,
    show.show,
    schema.schema,
    report.report,
    record.record,
    fmt.fmt,
    diff.diff,
    new.new,
):
    app.command()(declared)
app.command("sheet")(sheet.sheet)
app.command("import")(sheet.import_)
app.command("export")(sheet.export)
app.command("site")(site.site)
app.command("figures")(figures.figures)


def command() -> Any:
    """The Click command behind `app`, its help in the language in use, with `--lang`."""
    from cchc_cli.commands.cli_words import localize

    cli = typer.main.get_command(app)
    localize(cli)
    return cli


def run(argv: list[str]) -> int:
    """Run cchc on `argv` (without the program's name); the exit status. The language is
    chosen first (`--lang`, `CCHC_LANG`), so that help and Click's errors speak it too."""
    import os

    from typer._click import exceptions as click_errors

    from cchc_cli.commands.cli_words import show_usage_error

    words.use_language(words.choose_language(argv, os.environ))
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
        err(words.error(exc.format_message()))
        return exc.exit_code
    except typer.Abort:
        err(words.say("interrupted"))
        return 1
    return code if isinstance(code, int) else 0


def main() -> None:
    """The `cchc` program: the app, with output that cannot end in a traceback."""
    import sys

    plain_streams()
    code: int | str | None = 0
    try:
        code = run(sys.argv[1:])
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
        err(words.say("bug", what=f"{type(exc).__name__}: {exc}"))
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
    raise SystemExit(code)


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
