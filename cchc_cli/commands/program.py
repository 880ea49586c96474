"""The `cchc` program: the command line run as a short-lived process.

Two things a long-lived Python process needs and `cchc` does not, measured on
`cchc --help` (whole processes, medians): the cycle collector, which walks the
objects of every import again and again while the program starts (6 ms), and the
interpreter's tear-down of every module at exit (30 ms, a quarter of `--help`).
Reference counting still frees what the program drops, and the program flushes
its output itself before it leaves; it opens no temporary file and starts no
thread that a tear-down would have to close. As a library, or run in-process by
the tests (`commands.app.run`), cchc keeps both.
"""

import contextlib
import gc
import os
import signal
import sys


def _terminated(_signum: int, _frame: object) -> None:
    """SIGTERM (a CI job cancelled, `timeout`, a service stopping) ends the command as
    Ctrl-C does: its `finally` blocks run, so no temporary file or lock file is left
    behind and a file being replaced stays as it was."""
    raise KeyboardInterrupt


def main() -> None:
    gc.disable()
    signal.signal(signal.SIGTERM, _terminated)
    from cchc_cli.commands.app import main as run_program

    code: int = 0
    try:
        run_program()
    except SystemExit as done:
        if isinstance(done.code, str):
            sys.stderr.write(done.code + "\n")
            code = 1
        else:
            code = done.code or 0
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # the reader went away
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
