"""The `cchc` command line: a thin Typer layer over the library.

Each command lives in a module of its own, parses its options, calls the
library, prints and exits. Those modules import only typer at load time; the
library is imported inside the command that runs, so `cchc --help` and
`cchc status` load only what they use.
"""

from typing import Annotated

import typer

from cchc_cli.commands import diff, fmt, record, report, schema, status, validate
from cchc_cli.commands.common import err, out, plain_streams, quiet_stdout

app = typer.Typer(
    name="cchc",
    help="Keep, track and report a department's annual CCHC (administrative reform) plan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from cchc_cli import __version__

        out(f"cchc {__version__}")
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


for command in (
    validate.validate,
    status.status,
    schema.schema,
    report.report,
    record.record,
    fmt.fmt,
    diff.diff,
):
    app.command()(command)


def main() -> None:
    """The `cchc` program: the app, with output that cannot end in a traceback."""
    import sys

    plain_streams()
    code: int | str | None = 0
    try:
        app()
    except KeyboardInterrupt:
        err("cchc: interrupted")
        code = 130
    except SystemExit as done:
        code = done.code
    except BrokenPipeError:
        quiet_stdout()
    except OSError as exc:  # writing help or a usage message failed
        quiet_stdout()
        err(f"cchc: error: cannot write the output: {exc.strerror or exc}")
        code = 1
    _note_unsafe_cache()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()  # the reader went away (`cchc status | head -1`): nothing to say
    except OSError as exc:
        quiet_stdout()
        err(f"cchc: error: cannot write the output: {exc.strerror or exc}")
        code = code or 1
    raise SystemExit(code)


def _note_unsafe_cache() -> None:
    """One note when the cache was not used because others can write its folder."""
    import sys

    cache = sys.modules.get("cchc_cli.files.cache")
    folders = getattr(cache, "unsafe_folders", None)
    if folders:
        shown = ", ".join(sorted(str(f) for f in folders))
        err(
            f"cchc: note: the cache was not used: {shown} is not a private folder of yours "
            "(others could plant entries); make it so (chmod 700) or set CCHC_NO_CACHE=1"
        )


if __name__ == "__main__":
    main()
