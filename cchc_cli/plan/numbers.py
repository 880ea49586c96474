"""Numbers as people type them, read by one set of rules (no I/O, no words).

Everything a person types as a number goes through `parse_number`: `--value` and
`--set KEY=N` on the command line, a workbook's text cells, and the numbers of a sheet's
hidden metadata. The rules are Vietnamese:

- the comma is the decimal separator: `72,5`;
- the dot (or a blank) separates thousands, and only in groups of three after a first
  group of one to three digits that does not start with 0: `1.234.567`, `1.234,5`,
  `1 234`;
- a single dot that cannot separate thousands is a decimal point, as many type it:
  `72.5`, `1.5`, `0.125` (never `15`);
- `1.234` alone is a thousand and more for a count, and ambiguous for a measure
  (1234, or 1,234 written the English way?): refused, never guessed;
- only the digits 0–9: superscripts (`7²`), circled digits (`①`) and the digits of other
  scripts are refused, though Python's `int()` takes some of them;
- an optional sign; no exponent, underscore, hexadecimal, `nan` or `inf`.

What cannot be read is refused with its reason (`NotANumber.why`), which the words say.
"""

from __future__ import annotations

import re
import unicodedata

MAX_DIGITS = 20  # more than any count or measure; Python's int() limit is far above
_BLANKS = " \u00a0\u202f\u2009"  # a space, no-break space, narrow no-break space, thin space
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_SPACED = re.compile(r"[1-9]\d{0,2}(?:[" + _BLANKS + r"]\d{3})+")
_DIGITS = re.compile(r"\d+", re.ASCII)


class NotANumber(ValueError):
    """What was typed is not a number by the rules above; `why` says which rule:
    empty, digits, form, grouping, ambiguous, whole, large."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def parse_number(text: str, *, whole: bool = False) -> int | float:
    """The number `text` says: an int when it has no decimal part, else a float.
    `whole`: a count, which must be a whole number (`7,0` is 7; `1.234` is 1234)."""
    s = text.strip()
    if not s:
        raise NotANumber("empty")
    for c in s:
        if c.isascii() or c in _BLANKS or c == "\u2212":
            continue
        if unicodedata.category(c).startswith("N"):  # ², ①, ٣, １: digits people did not mean
            raise NotANumber("digits")
        raise NotANumber("form")
    sign = 1
    if s[0] in "+-\u2212":
        sign = -1 if s[0] != "+" else 1
        s = s[1:]
    if not s or not s[0].isdigit():
        raise NotANumber("form")
    if any(not (c.isdigit() or c in ".," or c in _BLANKS) for c in s):
        raise NotANumber("form")
    if s.count(",") > 1 or (any(c in _BLANKS for c in s) and "." in s):
        raise NotANumber("form")
    head, comma, tail = s.partition(",")
    if comma and not _DIGITS.fullmatch(tail):
        raise NotANumber("form")
    fraction = tail if comma else ""
    if any(c in _BLANKS for c in head):
        if not _SPACED.fullmatch(head):
            raise NotANumber("grouping")
        head = "".join(c for c in head if c.isdigit())
    elif "." in head:
        dots = head.count(".")
        if _GROUPED.fullmatch(head) and (dots > 1 or comma or whole):
            head = head.replace(".", "")  # thousands
        elif _GROUPED.fullmatch(head):
            raise NotANumber("ambiguous")  # 1.234: a thousand and more, or one and a bit?
        elif dots == 1 and not comma:
            head, fraction = head.split(".")  # a decimal point: 72.5, 1.5, 0.125
            if not head or not fraction:
                raise NotANumber("form")
        else:
            raise NotANumber("grouping")
    if not _DIGITS.fullmatch(head):
        raise NotANumber("form")
    if len(head.lstrip("0")) + len(fraction) > MAX_DIGITS:
        raise NotANumber("large")
    if not comma and not fraction:
        return sign * int(head)
    value = sign * float(f"{head}.{fraction or '0'}")
    if whole:
        if not value.is_integer():
            raise NotANumber("whole")
        return int(value)
    return value
