"""`cchc schema`: the JSON Schema of plan and progress files."""

from enum import StrEnum
from typing import Annotated

import typer

from cchc_cli.commands.common import handled, out


class SchemaKind(StrEnum):
    plan = "plan"
    progress = "progress"


@handled
def schema(
    kind: Annotated[
        SchemaKind, typer.Argument(metavar="KIND", help="plan or progress.")
    ] = SchemaKind.plan,
) -> None:
    """Print the JSON Schema of a plan (or of a progress file), for editors and CI."""
    from cchc_cli.plan.schema import json_schema

    out(json_schema(kind.value))
