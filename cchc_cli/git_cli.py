"""The `cchc record`, `cchc fmt` and `cchc diff` commands (placeholder until they land)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
