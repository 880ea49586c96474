"""Arguments and options that several commands share, declared once."""

from pathlib import Path
from typing import Annotated

import typer

PlanArg = Annotated[
    Path | None,
    typer.Argument(
        metavar="PLAN",
        help="Plan file (default: plans/<this year>.yaml, else the newest plan under plans/).",
        show_default=False,
    ),
]
ProgressOpt = Annotated[
    Path | None,
    typer.Option(
        "--progress",
        metavar="FILE",
        help="Progress file (default: <plan>.progress.yaml beside the plan).",
        show_default=False,
    ),
]
