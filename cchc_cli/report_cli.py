"""The `cchc report` command (placeholder until the report lands)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
