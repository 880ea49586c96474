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


# Where programs from outside Python live when they are not on PATH: LibreOffice's
# installers for Windows and macOS do not put `soffice` on PATH.
PLACES = {
    "soffice": (
        "{ProgramFiles}\\LibreOffice\\program\\soffice.exe",
        "{ProgramFiles(x86)}\\LibreOffice\\program\\soffice.exe",
        "{LOCALAPPDATA}\\Programs\\LibreOffice\\program\\soffice.exe",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ),
    "google-chrome": (
        "{ProgramFiles}\\Google\\Chrome\\Application\\chrome.exe",
        "{ProgramFiles(x86)}\\Google\\Chrome\\Application\\chrome.exe",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ),
    "chromium": ("/Applications/Chromium.app/Contents/MacOS/Chromium",),
}


def find_tool(*names: str, environ=None, which=None, isfile=None) -> str | None:  # type: ignore[no-untyped-def]
    """The path of the first of `names` on PATH, else in the places its installer puts it
    (`PLACES`: `soffice.exe` under Program Files on Windows, the app bundle on macOS).

    `environ`, `which` and `isfile` default to this machine's; tests pass others to check
    the Windows and macOS paths on any machine."""
    import os
    import shutil

    environ = os.environ if environ is None else environ
    which = shutil.which if which is None else which
    isfile = os.path.isfile if isfile is None else isfile
    for name in names:
        found = which(name)
        if found:
            return str(found)
    for name in names:
        for place in PLACES.get(name, ()):
            try:
                path = place.format_map(environ)
            except KeyError:  # that folder's variable is not set on this system
                continue
            if isfile(path):
                return path
    return None


def missing(reason: str) -> None:
    """Skip the test, or fail it under CI (`CI` set) or with CCHC_REQUIRE_TOOLS=1."""
    import os

    import pytest

    if os.environ.get("CI") or os.environ.get("CCHC_REQUIRE_TOOLS"):
        pytest.fail(f"{reason} (CI and CCHC_REQUIRE_TOOLS require it)")
    pytest.skip(reason)


def require_tool(*names: str, install: str) -> str:
    """The path of a program from outside Python that a test needs.

    Where it is missing the test is skipped, with the reason and the install command in
    pytest's summary; under CI (`CI` set) or with CCHC_REQUIRE_TOOLS=1 it fails instead,
    so CI never skips it (`.ci/run` installs it).
    """
    found = find_tool(*names)
    if found is None:
        missing(f"{names[0]} is not installed; install it with: {install}")
    assert found is not None
    return found


def office_profile(folder) -> str:  # type: ignore[no-untyped-def]
    """LibreOffice's option for a profile of its own in `folder` (a file: URL, which
    `Path.as_uri` spells right on Windows too: file:///C:/...)."""
    from pathlib import Path

    return "-env:UserInstallation=" + Path(folder).resolve().as_uri()


# The fonts a layout test lays the report out with: Liberation 2, metric-compatible with
# Times New Roman, Arial and Courier New, and holding the Vietnamese letters (Liberation 1
# lacks them, so LibreOffice would set those letters in a fallback font of other widths).
PINNED_FONTS = "fonts-liberation2"
_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
{dirs}
  <cachedir>{cache}</cachedir>
  <alias binding="same"><family>Times New Roman</family><accept><family>Liberation Serif</family></accept></alias>
  <alias binding="same"><family>Arial</family><accept><family>Liberation Sans</family></accept></alias>
  <alias binding="same"><family>Courier New</family><accept><family>Liberation Mono</family></accept></alias>
  <alias><family>serif</family><prefer><family>Liberation Serif</family></prefer></alias>
  <alias><family>sans-serif</family><prefer><family>Liberation Sans</family></prefer></alias>
  <alias><family>monospace</family><prefer><family>Liberation Mono</family></prefer></alias>
</fontconfig>
"""


def office_env(folder) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The environment to run LibreOffice in for a test that measures layout.

    Where fonts come from fontconfig (Linux and the BSDs), LibreOffice sees only the
    Liberation 2 fonts, through a fontconfig file of the test's own in `folder`: which
    font a machine substitutes for Times New Roman (Liberation 1 and DejaVu, Nimbus Roman
    of fonts-urw-base35, ...) then changes nothing. On Windows and macOS LibreOffice uses
    the system's own Times New Roman. Skipped (failed under CI) where the pinned fonts
    are missing, with the package that brings them."""
    import os
    import subprocess
    import sys
    from html import escape
    from pathlib import Path

    env = dict(os.environ)
    if sys.platform in ("win32", "darwin"):
        return env
    fc_list = find_tool("fc-list")
    files: list[str] = []
    if fc_list is not None:
        for family in ("Liberation Serif", "Liberation Sans", "Liberation Mono"):
            done = subprocess.run(
                [fc_list, f":family={family}:charset=1ea1 1ed9 1ef1", "file"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            files += [ln.rstrip(": ") for ln in done.stdout.splitlines() if ln.strip()]
    if not any("LiberationSerif" in f for f in files):
        missing(
            "Liberation Serif 2 (Times New Roman's metrics, with the Vietnamese letters) is "
            f"not installed; install it with: apt-get install {PINNED_FONTS}"
        )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    dirs = "\n".join(
        f"  <dir>{escape(d)}</dir>" for d in sorted({str(Path(f).parent) for f in files})
    )
    conf = folder / "fonts.conf"
    conf.write_text(
        _FONTCONFIG.format(dirs=dirs, cache=escape(str(folder / "fc-cache"))), encoding="utf-8"
    )
    env["FONTCONFIG_FILE"] = str(conf)
    return env


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
