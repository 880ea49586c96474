"""The `cchc` command line: a thin Typer layer over the library.

Each command lives in a module of its own, parses its options, calls the
library, prints and exits. Those modules import only typer at load time; the
library is imported inside the command that runs, so `cchc --help` and
`cchc status` load only what they use.
"""

import typer

from cchc_cli.commands import diff, fmt, record, report, schema, status, validate
from cchc_cli.commands.common import err

app = typer.Typer(
    name="cchc",
    help="Keep, track and report a department's annual CCHC (administrative reform) plan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

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
    try:
        app()
    except KeyboardInterrupt:
        err("cchc: interrupted")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
