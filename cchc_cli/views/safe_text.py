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

from cchc_cli.plan.text import visible


def terminal(text: str, *, keep_newlines: bool = True) -> str:
    """Text for a terminal: control characters and the like as visible escapes (`\x1b`)."""
    return visible(text, keep_newlines=keep_newlines)


def one_line(text: str) -> str:
    """Text for one line of output (a file name): no character may break or steer it."""
    return visible(text)


# What a CI runner obeys in a job's log: GitHub Actions' workflow commands at the start of a
# line, after any blanks (`::error …`, `::stop-commands::…`), and anywhere in a line its
# older form (`##[error]…`) and Azure Pipelines' (`##vso[…]`).
_LINE_COMMAND = re.compile(r"^([^\S\n]*)::", re.MULTILINE)
_ANYWHERE_COMMAND = re.compile(r"##(?=(?:vso)?\[)")


def no_runner_commands(text: str) -> str:
    """Text already safe for a terminal (a table's styled lines, say), with no line a CI
    runner would obey: `::` at a line's start and `##[`/`##vso[` anywhere escaped as `log`
    escapes them. A table wraps text from a plan, so a line may start anywhere in it."""
    if "##" in text:
        text = _ANYWHERE_COMMAND.sub(lambda _m: "#\\u0023", text)
    if "::" in text:
        text = _LINE_COMMAND.sub(lambda m: m.group(1) + "\\u003a:", text)
    return text


def log(text: str, *, one: bool = False, annotations: bool = False) -> str:
    """Text for a terminal that may be a CI log: escaped as `terminal` (or `one_line`), and
    no part of it read as a runner's command: a line that would start with `::` (a file
    named `::error::x.yaml` opens a problem's line) starts with `\u003a:` instead, and
    `##[` and `##vso[` become `#\u0023[` and `#\u0023vso[`. `annotations`: the text is
    cchc's own workflow commands (`annotation`), whose lines start with `::` by design."""
    shown = one_line(text) if one else terminal(text)
    if annotations:  # cchc's own lines start with `::`: only the other forms are escaped
        return _ANYWHERE_COMMAND.sub(lambda _m: "#\\u0023", shown) if "##" in shown else shown
    return no_runner_commands(shown)


def annotation(text: str, *, prop: bool = False) -> str:
    """Text inside a GitHub Actions workflow command (`::error file=…::text`): one line,
    with the runner's own escapes; in a property (`prop`) `:` and `,` too."""
    s = one_line(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#!~&"})


def markdown(text: str) -> str:
    """Text for one Markdown table cell or line: no HTML, link, image or table break."""
    return " ".join(one_line(text).translate(_MD_SPECIAL).split())


def code(text: str) -> str:
    """Text for a Markdown code span (`…`): shown literally; a backtick cannot close it."""
    return "`" + one_line(text).replace("`", "'") + "`"
