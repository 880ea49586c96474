"""Running the CLI in-process, the way a user would call it."""

from __future__ import annotations

from dataclasses import dataclass

from typer.testing import CliRunner

from cchc_cli.commands.app import app


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def all(self) -> str:
        return self.out + self.err


def cchc(*args: str, env: dict[str, str] | None = None) -> Run:
    result = CliRunner().invoke(app, list(args), env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)
