"""Text from a plan, a progress file or a file name, made safe for where it lands.

Everything in a pull request is untrusted, names of files included: an escape
sequence in plan text would reach the officer's terminal, HTML or an image link
would reach the job summary that CI writes from Markdown, and a line break in a
file name would forge a GitHub workflow command. `validate` refuses such
characters in plan and progress files; these functions make sure that whatever
still reaches an output (a file name, text of a file that failed to load) is
shown, not obeyed.
"""

from __future__ import annotations

import re

from cchc_cli.plan.text import UNSAFE_TEXT

# What a plan may not hold (see UNSAFE_TEXT), the carriage return too; in one-line output
# tab and newline as well.
UNSAFE = re.compile(UNSAFE_TEXT.pattern[:-1] + "\r]")
_UNSAFE_ANY = re.compile(UNSAFE_TEXT.pattern[:-1] + "\r\t\n]")


def _shown(match: re.Match[str]) -> str:
    """A character as its escape, `\\u001b`: visible, and still valid inside JSON text."""
    return f"\\u{ord(match.group()):04x}"


def terminal(text: str, *, keep_newlines: bool = True) -> str:
    """Text for a terminal: control characters and the like as visible escapes (`\\x1b`)."""
    pattern = UNSAFE if keep_newlines else _UNSAFE_ANY
    return pattern.sub(_shown, text)


def one_line(text: str) -> str:
    """Text for one line of output (a file name): no character may break or steer it."""
    return terminal(text, keep_newlines=False)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#!~&"})


def markdown(text: str) -> str:
    """Text for one Markdown table cell or line: no HTML, link, image or table break."""
    return " ".join(one_line(text).translate(_MD_SPECIAL).split())


def code(text: str) -> str:
    """Text for a Markdown code span (`…`): shown literally; a backtick cannot close it."""
    return "`" + one_line(text).replace("`", "'") + "`"
