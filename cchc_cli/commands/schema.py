"""`cchc schema`: the JSON Schema of plan and progress files."""

from enum import StrEnum
from typing import Annotated

import typer

from cchc_cli.commands.common import handled, out


class SchemaKind(StrEnum):
    plan = "plan"
    progress = "progress"
    criteria = "criteria"


@handled
def schema(
    kind: Annotated[
        SchemaKind, typer.Argument(metavar="KIND", help="plan, progress or criteria.")
    ] = SchemaKind.plan,
) -> None:
    """Print the JSON Schema of a plan (or of a progress file or criteria set), for editors and CI."""
    from cchc_cli.plan.schema import json_schema

    out(json_schema(kind.value))
