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


def require_tool(*names: str, install: str) -> str:
    """The path of a program from outside Python that a test needs.

    Where it is missing the test is skipped, with the reason and the install command in
    pytest's summary; under CI (`CI` set) or with CCHC_REQUIRE_TOOLS=1 it fails instead,
    so CI never skips it (`.ci/run` installs it).
    """
    import os
    import shutil

    import pytest

    for name in names:
        found = shutil.which(name)
        if found:
            return found
    reason = f"{names[0]} is not installed; install it with: {install}"
    if os.environ.get("CI") or os.environ.get("CCHC_REQUIRE_TOOLS"):
        pytest.fail(f"{reason} (CI and CCHC_REQUIRE_TOOLS require it)")
    pytest.skip(reason)
