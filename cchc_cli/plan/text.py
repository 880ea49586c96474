"""What a plan's text may hold: one rule, shared by the reader, the model and the views
(no Pydantic here, so that escaping output needs none)."""

from __future__ import annotations

import re

# Characters a plan's text may not hold: C0 and C1 control characters other than tab,
# newline and carriage return, DEL, the Unicode line and paragraph separators, bidirectional
# overrides and isolates, a byte order mark inside the text, and the noncharacters U+FFFE and
# U+FFFF. They steer terminals and editors, move line numbers, or vanish in a Word document.
UNSAFE_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)

# The one way untrusted text is made visible where it lands: each character that could steer a
# terminal or start a line of its own (UNSAFE_TEXT and the carriage return; in one-line text
# the tab and newline too) is shown as its escape, `\u001b`: visible, and still valid inside
# JSON text. `views.safe_text` builds every output's escaping on it; the files layer uses it
# where it writes untrusted text into a file (a YAML comment naming a workbook).
_STEERING = re.compile(UNSAFE_TEXT.pattern[:-1] + "\r]")
_LINE_BREAKING = re.compile(UNSAFE_TEXT.pattern[:-1] + "\r\t\n]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every character that could steer a terminal (and, unless
    `keep_newlines`, break a line) shown as its escape."""
    return (_STEERING if keep_newlines else _LINE_BREAKING).sub(_escape, text)


# What a spreadsheet takes for a formula when it opens a CSV file: a cell whose first
# character, after any blanks, is one of these, or that starts with a tab or a carriage
# return (OWASP's list). "= HYPERLINK(…)" is one: the blank after "=" does not stop it.
FORMULA_CHARS = "=+-@"


def reads_as_formula(text: str) -> bool:
    """Whether a spreadsheet opening a CSV cell holding `text` would take it for a formula."""
    if text[:1] in ("\t", "\r"):
        return True
    first = text.lstrip()[:1]
    return first != "" and first in FORMULA_CHARS
