"""A Typer program that declares the options of `cchc status` and does nothing else.

benchmarks/run.py times it beside `cchc status`, as a second reference: what
Typer itself costs to start and to parse those options, before cchc reads a
plan. Since Typer 0.29 every option is checked through a Pydantic TypeAdapter,
so parsing imports most of Pydantic; `python -c "import typer, pydantic, rich"`
does not (Pydantic and rich load their parts lazily).
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Choice(StrEnum):
    a = "a"
    b = "b"


app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@app.command()
def status(
    plan: Annotated[Path | None, typer.Argument()] = None,
    as_of: Annotated[str | None, typer.Option("--as-of")] = None,
    quarter: Annotated[int | None, typer.Option("--quarter", "-q", min=1, max=4)] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u")] = None,
    area: Annotated[int | None, typer.Option("--area", "-a")] = None,
    only: Annotated[Choice | None, typer.Option("--only")] = None,
    lang: Annotated[Choice, typer.Option("--lang")] = Choice.a,
    fmt: Annotated[Choice, typer.Option("--format", "-f")] = Choice.a,
    fail_on: Annotated[Choice | None, typer.Option("--fail-on")] = None,
    progress: Annotated[Path | None, typer.Option("--progress")] = None,
    width: Annotated[int | None, typer.Option("--width", min=40)] = None,
) -> None:
    """Parse the options; nothing more."""


@app.command()
def other() -> None:
    """A second command, so that Typer builds a group as cchc does."""


if __name__ == "__main__":
    app()
