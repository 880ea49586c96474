"""Every sentence cchc says about a file or a command, by a stable name, and how it is
filled in.

The sentences live with their domain (`checks`, `cli`, `diff`, `plan_import`, `sheets`,
`untrusted`, `score`) and are merged here into PROBLEMS. Values are filled in by
`problem()`: `{like}` is said as "; did you mean …?", `{name}` as a key or a list item,
`{found}` as what stood there, `{why}` as the reason named by `reason`, a sentence quoted
in another (`{"say": …, "args": …}`) in the same language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from cchc_cli.words.checks import CHECK_PROBLEMS, yaml_reason
from cchc_cli.words.cli import CLI_PROBLEMS
from cchc_cli.words.context import LANGS, language, merged
from cchc_cli.words.diff import DIFF_PROBLEMS
from cchc_cli.words.plan_import import IMPORT_PLAN_PROBLEMS
from cchc_cli.words.score import SCORE_PROBLEMS
from cchc_cli.words.sheets import SHEET_PROBLEMS
from cchc_cli.words.untrusted import UNTRUSTED_PROBLEMS

PROBLEMS: dict[str, dict[str, str]] = merged(
    CHECK_PROBLEMS,
    CLI_PROBLEMS,
    DIFF_PROBLEMS,
    IMPORT_PLAN_PROBLEMS,
    SHEET_PROBLEMS,
    UNTRUSTED_PROBLEMS,
    SCORE_PROBLEMS,
)

# What stood where something else belongs, what a path is, and the words of `{name}`.
FOUND: dict[str, dict[str, str]] = {
    "vi": {
        "nothing": "không có gì", "mapping": "một bảng khoá", "list": "một danh sách",
        "text": "chữ", "link": "là liên kết tượng trưng", "folder": "là thư mục",
        "fifo": "là FIFO (ống có tên)", "device": "là thiết bị", "socket": "là socket",
        "other": "không phải tệp thường", "submodule": "là submodule", "plan": "kế hoạch",
        "template": "mẫu", "document": "tài liệu", "workbook": "bảng tính",
        "file": "là một tệp", "criteria": "bộ tiêu chí", "progress": "tiến độ",
    },
    "en": {
        "nothing": "nothing", "mapping": "a mapping", "list": "a list", "text": "text",
        "link": "is a symbolic link", "folder": "is a folder", "fifo": "is a FIFO (named pipe)",
        "device": "is a device", "socket": "is a socket", "other": "is not a regular file",
        "submodule": "is a submodule", "plan": "plan", "template": "template",
        "document": "document", "workbook": "workbook", "file": "is a file",
        "criteria": "criteria set", "progress": "progress",
    },
}  # fmt: skip
_FOUND_ARGS = ("found", "kind", "expected", "what")

# The system's reasons (`strerror`, in English whatever the locale), in Vietnamese.
OS_REASONS = {
    "Permission denied": "không có quyền",
    "No such file or directory": "không có tệp hay thư mục này",
    "No space left on device": "ổ đĩa đã đầy",
    "Read-only file system": "ổ đĩa chỉ đọc",
    "Is a directory": "là thư mục",
    "Not a directory": "không phải thư mục",
    "Too many levels of symbolic links": "là liên kết tượng trưng",
    "File exists": "tệp đã có",
    "Disk quota exceeded": "vượt hạn mức ổ đĩa",
    "Input/output error": "lỗi đọc ghi",
    "Broken pipe": "kết nối đầu ra đã đóng",
    "File name too long": "tên tệp quá dài",
}

LIKE = {"vi": "; có phải là {like!r}?", "en": "; did you mean {like!r}?"}
ITEM = {"vi": "mục {n} của {key!r}", "en": "item {n} of {key!r}"}
ITEM_TOP = {"vi": "mục {n}", "en": "item {n}"}
OR = {"vi": " hoặc ", "en": " or "}


def did_you_mean(word: str, choices: Any, lang: str | None = None) -> str:
    """ "; did you mean 'X'?" for the known word most like `word`, else nothing."""
    from cchc_cli.plan.lookup import closest

    like = closest(word, choices)
    return LIKE[lang or language()].format(like=like) if like else ""


def _name(value: Any, lang: str) -> str:
    """`{name}`: a key ('nhiem_vu'), or a list item ([3, "nhiem_vu"] → mục 3 của 'nhiem_vu')."""
    if isinstance(value, list | tuple) and len(value) == 2:
        n, key = value
        return (ITEM if key else ITEM_TOP)[lang].format(n=n, key=key)
    if value == "document":
        return FOUND[lang]["document"]
    return repr(str(value))


# Vietnamese writes the decimal comma and groups thousands with a point: 1.234,5.
_VIETNAMESE = str.maketrans({".": ",", ",": "."})


def _no_exponent(value: float, spec: str) -> str:
    """`format(value, spec)`, but never with an exponent: "g" writes 12345678.5 as
    1.23457e+07, which no official reads; the number is written out instead."""
    text = format(value, spec)
    if "e" in text and math.isfinite(value):
        from decimal import Decimal

        text = format(Decimal(repr(value)), "f")
    return text


class _Point(float):
    """A number that formats without an exponent (English): f"{_Point(12345678.5):g}" is
    "12345678.5"."""

    def __format__(self, spec: str) -> str:
        return _no_exponent(float(self), spec)


class _Comma(float):
    """A number that formats with the decimal comma (Vietnamese), without an exponent:
    f"{_Comma(2.5):g}" is "2,5"."""

    def __format__(self, spec: str) -> str:
        return _no_exponent(float(self), spec).translate(_VIETNAMESE)


class _Grouped(int):
    """A whole number whose thousands are grouped with a point (Vietnamese):
    f"{_Grouped(10000):,}" is "10.000"."""

    def __format__(self, spec: str) -> str:
        return format(int(self), spec).translate(_VIETNAMESE)


# How `problem()` fills a sentence's values, step by step and in this order; each step
# changes `fill` in place: (fill, lang, say).
Step = Callable[[dict[str, Any], str, str], None]


def _like(fill: dict[str, Any], lang: str, say: str) -> None:
    like = fill.get("like")
    fill["like"] = LIKE[lang].format(like=like) if like else ""


def _named(fill: dict[str, Any], lang: str, say: str) -> None:
    if "name" in fill:
        fill["name"] = _name(fill["name"], lang)


def _found(fill: dict[str, Any], lang: str, say: str) -> None:
    for key in _FOUND_ARGS:
        value = fill.get(key)
        if isinstance(value, str) and value in FOUND[lang]:
            fill[key] = FOUND[lang][value]


def _os_reason(fill: dict[str, Any], lang: str, say: str) -> None:
    if isinstance(fill.get("why"), str):
        fill["why"] = OS_REASONS.get(fill["why"], fill["why"])


def _yaml_reason(fill: dict[str, Any], lang: str, say: str) -> None:
    if say == "yaml-syntax":
        fill["what"] = yaml_reason(str(fill["what"]))


def _lists(fill: dict[str, Any], lang: str, say: str) -> None:
    for key in ("keys", "allowed"):
        if isinstance(fill.get(key), list | tuple):
            fill[key] = ", ".join(repr(str(k)) for k in fill[key])
    if "forms" in fill and not isinstance(fill["forms"], str):
        fill["forms"] = ", ".join(f'"{form}"' for form in fill["forms"])


def _reason(fill: dict[str, Any], lang: str, say: str) -> None:
    if "reason" in fill:
        rest = {k: v for k, v in fill.items() if k != "reason"}
        fill["why"] = problem(str(fill["reason"]), rest, lang)


def _numbers(fill: dict[str, Any], lang: str, say: str) -> None:
    # 69.35 is written 69,35 in Vietnamese, and 10,000 is written 10.000; in neither
    # language is 12345678.5 written 1.23457e+07
    for key, value in fill.items():
        if isinstance(value, float):
            fill[key] = _Comma(value) if lang == "vi" else _Point(value)
        elif type(value) is int and lang == "vi":
            fill[key] = _Grouped(value)


# The arguments through which the checks give a day (as YYYY-MM-DD, the plan's notation).
DAY_ARGS = frozenset({"date", "first", "last", "due", "sent", "signed", "cutoff", "start"})
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _days(fill: dict[str, Any], lang: str, say: str) -> None:
    """A day said in Vietnamese as dd/mm/yyyy ("ngày 10/02/2024"), as every view says it."""
    for key in DAY_ARGS & fill.keys():
        value = fill[key]
        if isinstance(value, str) and _ISO_DAY.fullmatch(value):
            year, month, day = value.split("-")
            fill[key] = f"{day}/{month}/{year}"


def _quoted(fill: dict[str, Any], lang: str, say: str) -> None:
    """A sentence quoted in this one: {"say": …, "args": …}, or several in a row ("task
    I.1.a, target CT1.1.a (new)")."""
    for key, value in fill.items():
        if isinstance(value, list) and value and all(_is_sentence(v) for v in value):
            fill[key] = ", ".join(problem(v["say"], v.get("args") or {}, lang) for v in value)
        elif isinstance(value, dict) and ("say" in value or "message" in value):
            said = value.get("say")
            fill[key] = (
                problem(said, value.get("args") or {}, lang)
                if said
                else str(value.get("message", ""))
            )


def _is_sentence(value: Any) -> bool:
    return isinstance(value, dict) and "say" in value


# (step, Vietnamese only): the system's reasons and libyaml's sentences are English already,
# and only Vietnamese writes the days as dd/mm/yyyy.
STEPS: tuple[tuple[Step, bool], ...] = (
    (_like, False),
    (_named, False),
    (_found, False),
    (_os_reason, True),
    (_yaml_reason, True),
    (_lists, False),
    (_reason, False),
    (_numbers, False),
    (_days, True),
    (_quoted, False),
)


def problem(say: str, args: dict[str, Any], lang: str | None = None) -> str:
    """The sentence `say` names, filled with `args`, in `lang` (default: the language in use)."""
    lang = lang if lang in LANGS else language()
    template = PROBLEMS[lang].get(say) or PROBLEMS["en"].get(say)
    if template is None:
        return say
    fill = dict(args)
    for step, vietnamese_only in STEPS:
        if lang == "vi" or not vietnamese_only:
            step(fill, lang, say)
    try:
        return template.format(**fill)
    except (KeyError, ValueError, IndexError, TypeError):
        return f"{say}: {args}"


def problem_text(p: Any, lang: str | None = None, *, where: bool = True) -> str:
    """A `Problem`'s sentence in `lang` (default: the language in use); `where=False`
    leaves out the list item it names first ("item 3 of 'nhiem_vu': ")."""
    if not p.say:
        return str(p.message)
    args = dict(p.args)
    text = problem(p.say, args, lang)
    if not where and isinstance(args.get("name"), list | tuple):
        text = text.removeprefix(_name(args["name"], lang or language()) + ": ")
    return text


def new_problem(
    source: Any, severity: str, code: str, say: str, excerpt: str | None = None, **args: Any
) -> Any:
    """A `Problem` that can be said in either language (its `message` is the English)."""
    from cchc_cli.errors import Problem

    return Problem(
        source,
        severity,  # type: ignore[arg-type]
        code,
        problem(say, args, "en"),
        excerpt,
        say=say,
        args=tuple(args.items()),
    )


def number_why(why: str, lang: str | None = None, **args: str) -> str:
    """Why what was typed is not a number (`plan.numbers.NotANumber`: its `why` and
    `args_`), in words."""
    return problem(f"number-{why}", args, lang)
