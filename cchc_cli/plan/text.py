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
