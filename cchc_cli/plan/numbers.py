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
from collections.abc import Callable

MAX_DIGITS = 20  # more than any count or measure; Python's int() limit is far above
_BLANKS = " \u00a0\u202f\u2009"  # a space, no-break space, narrow no-break space, thin space
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_SPACED = re.compile(r"[1-9]\d{0,2}(?:[" + _BLANKS + r"]\d{3})+")
_DIGITS = re.compile(r"\d+", re.ASCII)


class NotANumber(ValueError):
    """What was typed is not a number by the rules above; `why` says which rule:
    empty, digits, form, grouping, ambiguous, whole, large."""

    def __init__(self, why: str, **args: str) -> None:
        super().__init__(why)
        self.why = why
        self.args_ = args  # what the words need: an ambiguous number's two readings

    @property
    def said(self) -> dict[str, object]:
        """The reason as a sentence the words fill in (`{"say": …, "args": …}`)."""
        return {"say": f"number-{self.why}", "args": self.args_}


def _foreign(s: str) -> str | None:
    """Why a character of `s` is not one a number is typed with, or None when all are."""
    for c in s:
        if c.isascii() or c in _BLANKS or c == "\u2212":
            continue
        if unicodedata.category(c).startswith("N"):  # ², ①, ٣, １: digits people did not mean
            return "digits"
        return "form"
    return None


# What a number without its sign may not look like, each rule with the reason it gives, in
# the order they are checked.
_FORM_RULES: tuple[tuple[Callable[[str], bool], str], ...] = (
    (lambda s: not s or not s[0].isdigit(), "form"),  # no digit first
    (lambda s: any(not (c.isdigit() or c in ".," or c in _BLANKS) for c in s), "form"),
    (lambda s: s.count(",") > 1, "form"),  # two decimal commas
    (lambda s: any(c in _BLANKS for c in s) and "." in s, "form"),  # blanks and dots mixed
    (lambda s: "," in s and not _DIGITS.fullmatch(s.partition(",")[2]), "form"),  # 1,x or 1,
)


def _dotted(head: str, comma: bool, whole: bool) -> tuple[str, str]:
    """The digits before the decimal comma and the decimals, of a part that holds dots:
    thousands when they can only be (or for a count), a decimal point when one dot cannot
    separate thousands; refused when it could be either (`1.234` for a measure)."""
    grouped = _GROUPED.fullmatch(head) is not None
    dots = head.count(".")
    if grouped and (dots > 1 or comma or whole):
        return head.replace(".", ""), ""  # thousands
    if grouped:
        # 1.234: a thousand and more, or one and a bit? Both readings, as cchc writes them.
        raise NotANumber(
            "ambiguous", thousands=head.replace(".", ""), decimal=head.replace(".", ",")
        )
    if dots == 1 and not comma:
        whole_part, fraction = head.split(".")  # a decimal point: 72.5, 1.5, 0.125
        if not whole_part or not fraction:
            raise NotANumber("form")
        return whole_part, fraction
    raise NotANumber("grouping")


def _integer_part(head: str, comma: bool, whole: bool) -> tuple[str, str]:
    """The digits of the part before the decimal comma, its thousands separators read,
    and the decimals a decimal point gives (else "")."""
    if any(c in _BLANKS for c in head):
        if not _SPACED.fullmatch(head):
            raise NotANumber("grouping")
        return "".join(c for c in head if c.isdigit()), ""
    if "." in head:
        return _dotted(head, comma, whole)
    return head, ""


def _signed(s: str) -> tuple[int, str]:
    """The sign typed (+, - or −) and what follows it."""
    if s[0] in "+-\u2212":
        return (-1 if s[0] != "+" else 1), s[1:]
    return 1, s


def parse_number(text: str, *, whole: bool = False) -> int | float:
    """The number `text` says: an int when it has no decimal part, else a float.
    `whole`: a count, which must be a whole number (`7,0` is 7; `1.234` is 1234)."""
    s = text.strip()
    if not s:
        raise NotANumber("empty")
    why = _foreign(s)
    if why:
        raise NotANumber(why)
    sign, s = _signed(s)
    why = next((why for broken, why in _FORM_RULES if broken(s)), None)
    if why:
        raise NotANumber(why)
    head, comma, tail = s.partition(",")
    head, fraction = _integer_part(head, bool(comma), whole)
    fraction = tail if comma else fraction
    if not _DIGITS.fullmatch(head):
        raise NotANumber("form")
    if len(head.lstrip("0")) + len(fraction) > MAX_DIGITS:
        raise NotANumber("large")
    if not comma and not fraction:
        return sign * int(head)
    value = sign * float(f"{head}.{fraction or '0'}")
    if not whole:
        return value
    if not value.is_integer():
        raise NotANumber("whole")
    return int(value)
