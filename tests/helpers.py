"""Running the CLI in-process, the way a user would call it."""

from __future__ import annotations

from dataclasses import dataclass

from typer.testing import CliRunner


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def all(self) -> str:
        return self.out + self.err


DEFAULT_LANG = "en"  # tests name Vietnamese where they read it


def cchc(*args: str, env: dict[str, str] | None = None) -> Run:
    """Run cchc in-process as the `cchc` program does (`commands.app.run`): the language
    chosen by `--lang` or `CCHC_LANG` (English unless the test names one), usage errors
    said by cchc, exit status returned."""
    import sys

    from cchc_cli.commands.app import run

    runner = CliRunner()
    with runner.isolation(env={"CCHC_LANG": DEFAULT_LANG, **(env or {})}) as (out, err, _):
        try:
            code = run(list(args))
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        return Run(code, out.getvalue().decode(), err.getvalue().decode())


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


def read_model(path, model):  # type: ignore[no-untyped-def]
    """A file read and validated against `model` only (no checks, no cache): the reader's
    own answer, for tests of reading itself. An empty progress file is an empty record."""
    from cchc_cli.files.reader import read_text, validate
    from cchc_cli.plan.model import Progress

    loaded = read_text(path)
    if (
        model is Progress
        and loaded.root is None
        and [p.code for p in loaded.problems]
        in (
            [],
            ["empty"],
        )
    ):
        loaded.problems.clear()
        return Progress(), loaded
    return validate(loaded, model), loaded
