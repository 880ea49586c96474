"""YAML text → validated model, every problem with its file:line:col.

Reading goes through libyaml's event stream (PyYAML's C parser), from which
plain data and a tree of positions are built in one pass; the round-trip side (ruamel.yaml, for `cchc record` and
`cchc fmt`) lives in `yamlio`. Never prints. Loading is safe: no YAML tag can
construct an object, aliases of mappings or lists are refused (so an alias
bomb cannot expand), and every failure becomes a `Problem`.
"""

from __future__ import annotations

import functools
import re
import types
import typing
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from cchc_cli import words
from cchc_cli.errors import Finding, Loc, Problem, Source
from cchc_cli.files.raw import (  # noqa: F401 - read here, and imported from here too
    MAX_BYTES,
    MAX_PROBLEMS,
    Lines,
    capped,
    pause_gc,
    progress_path,
    read_regular,
    sort_problems,
)
from cchc_cli.plan.lookup import closest
from cchc_cli.plan.text import UNSAFE_TEXT

MAX_DEPTH = 60
# What aliases of text may repeat in one file, all together: a few hundred kilobytes of
# plan could otherwise make `show` and `site` write hundreds of megabytes.
MAX_ALIASED = 200_000
# Values in one file, and items in one list or mapping: a plan of 10,000 tasks holds
# 390,000 values, its longest list 2,900 items. A file of a million `1,` (2 MB) took
# 1.5 GB: 130 MB to read, the rest the million problems of its schema.
MAX_VALUES = 600_000
MAX_ITEMS = 100_000
# The problems of reading (before the schema): a file with one of these cannot be laid out.
READ_CODES = frozenset(
    {"alias", "binary", "control-char", "duplicate-key", "encoding", "tag", "too-deep",
     "too-large", "too-many-values", "yaml", "yaml-version"}
)  # fmt: skip

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded:
    """A file as read: its lines (for excerpts), its data and where each value stands."""

    path: str
    lines: Sequence[str] = field(default_factory=list)
    root: Any = None
    problems: list[Problem] = field(default_factory=list)
    node: Any = None  # the tree of positions (see `_build`)

    def problem(
        self, line: int, col: int, code: str, say: str, severity: str = "error", **args: Any
    ) -> None:
        """A problem at a 1-based line and column: `say` names its sentence in
        `words.PROBLEMS`, and `args` fill it."""
        excerpt = self.lines[line - 1] if 0 < line <= len(self.lines) else None
        where = Source(self.path, line, col)
        self.problems.append(words.new_problem(where, severity, code, say, excerpt, **args))

    def add(self, finding: Finding) -> None:
        line, col = locate(self.node, finding.loc, on_key=finding.on_key)
        # An argument named `…_line` that holds a path is the line of that other place.
        args = {
            k: locate(self.node, v)[0] if k.endswith("_line") and isinstance(v, tuple) else v
            for k, v in finding.args.items()
        }
        self.problem(line, col, finding.code, finding.say, finding.severity, **args)


# --- reading ------------------------------------------------------------------------


def read_text(path: Path) -> Loaded:
    """Read and parse a UTF-8 YAML file; usage errors for a missing file or a directory."""
    return parse_bytes(str(path), read_regular(path, MAX_BYTES, "plan"))


def parse_bytes(label: str, data: bytes | None) -> Loaded:
    """Parse the bytes of a file (None: the file was over MAX_BYTES)."""
    loaded = Loaded(label)
    if data is None:
        loaded.problem(1, 1, "too-large", "too-large", limit=MAX_BYTES)
        return loaded
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(data, nul)
        loaded.problem(line, col, "binary", "binary")
        return loaded
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        loaded.problem(line, col, "encoding", "encoding", byte=f"0x{data[exc.start]:02x}")
        return loaded
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    unsafe = UNSAFE_TEXT.search(text)
    if unsafe is not None:
        before = text[: unsafe.start()]
        line = before.count("\n") + 1
        col = unsafe.start() - (before.rfind("\n") + 1) + 1
        loaded.lines = text.split("\n")
        char = unsafe.group()
        loaded.problem(
            line,
            col,
            "control-char",
            "unsafe-char",
            char=f"U+{ord(char):04X} ({unicodedata.name(char, 'control character')})",
        )
        return loaded
    # The lines are taken from the bytes when an excerpt needs one, and libyaml reads the
    # bytes themselves: the text decoded for the checks above is let go before parsing
    # (a 10,000-task plan: 60 MiB less at the peak).
    loaded.lines = Lines(data, 3 if bom else 0)
    if _may_parse(loaded, text):
        del text
        _parse(loaded, data)
    return loaded


def parse_text(label: str, text: str) -> Loaded:
    """Parse YAML text held in memory (a git revision, a record about to be written)."""
    loaded = Loaded(label, lines=text.splitlines())
    if _may_parse(loaded, text):
        _parse(loaded, text)
    return loaded


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8", "replace")) + 1


_VERSION = re.compile(r"^%YAML[ \t]+(\S+)", re.M)


def _may_parse(loaded: Loaded, text: str) -> bool:
    """False, with the problem said, for a YAML version other than 1.2 or a file with
    nothing but blank lines and comments."""
    version = _VERSION.search(text)
    if version and version.group(1) != "1.2":
        line = text.count("\n", 0, version.start()) + 1
        loaded.problem(line, 1, "yaml-version", "yaml-version", version=version.group(1)[:20])
        return False
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in loaded.lines
    ):
        loaded.problem(1, 1, "empty", "empty")
        return False
    return True


def _parse(loaded: Loaded, source: str | bytes) -> None:
    """Parse with libyaml's event stream into plain data and a tree of positions.
    `source`: the text, or the UTF-8 bytes it was decoded from (a BOM is libyaml's)."""
    from yaml import YAMLError
    from yaml.error import MarkedYAMLError

    try:
        with pause_gc():
            built = _build(_event_parser()(source))
    except _Refused as exc:
        loaded.problem(exc.line + 1, exc.col + 1, exc.code, exc.say, **exc.values)
        return
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = _one_line(exc.problem or exc.context or "invalid YAML")
        if "nesting depth" in what:  # libyaml's own limit
            loaded.problem(line, col, "too-deep", "too-deep", depth=MAX_DEPTH)
        elif 0 < line <= len(loaded.lines) and loaded.lines[line - 1][col - 1 : col] == "\t":
            loaded.problem(line, col, "yaml", "yaml-tab")
        elif quoted := _colon_in_text(loaded.lines, line, col, what):
            loaded.problem(line, col, "yaml", "yaml-colon", key=quoted[0], text=quoted[1])
        else:
            loaded.problem(line, col, "yaml", "yaml-syntax", what=what)
        return
    except YAMLError as exc:
        loaded.problem(1, 1, "yaml", "yaml-syntax", what=_one_line(str(exc)))
        return
    except (RecursionError, ValueError, OverflowError) as exc:
        loaded.problem(1, 1, "yaml", "yaml-unreadable", what=_one_line(str(exc)))
        return
    if built is not None:
        loaded.root, loaded.node = built


@functools.lru_cache(maxsize=1)
def _event_parser() -> Any:
    """libyaml's parser (pure-Python PyYAML's where libyaml is missing): text → events."""
    try:
        from yaml.cyaml import CParser

        return CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        from yaml.parser import Parser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class PyEventParser(Reader, Scanner, Parser):
            def __init__(self, stream: Any) -> None:
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                Parser.__init__(self)

        return PyEventParser


class _Refused(Exception):
    """Something a plan may not contain, at a 0-based line and column."""

    def __init__(self, mark: Any, code: str, say: str, **args: Any) -> None:
        super().__init__(say)
        self.line, self.col, self.code, self.say, self.values = (
            mark.line, mark.column, code, say, args
        )  # fmt: skip


_T = "tag:yaml.org,2002:"
_NO_KEY = object()
_COLLECTION = object()  # what an anchor on a mapping or list stands for

# YAML 1.2 core schema, as the round-trip writer reads it: `no` and `on` stay text,
# `010` is ten, dates stay text so that Pydantic checks them.
_BOOL = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_INT = re.compile(r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z")
_FLOAT = re.compile(
    r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z"
)


def _shown(tag: str) -> str:
    """A tag as it is written in YAML: `!!seq`, not `tag:yaml.org,2002:seq`."""
    return "!!" + tag[len(_T) :] if tag.startswith(_T) else tag


def _int(text: str, mark: Any) -> int:
    if len(text) > 400:
        raise _Refused(mark, "yaml", "number-too-long")
    return int(text, 0) if text[:2] in ("0o", "0x") else int(text)


def _float(text: str) -> float:
    return float(text.lower().replace(".inf", "inf").replace(".nan", "nan"))


def _plain(text: str, mark: Any) -> Any:
    """The value of an untagged plain scalar."""
    first = text[:1]
    if first in "tTfF" and first and _BOOL.match(text):
        return text.lower() == "true"
    if first in ("", "~", "n", "N") and _NULL.match(text):
        return None
    if first and first in "-+0123456789.":
        if first != "." and _INT.match(text):
            return _int(text, mark)
        if _FLOAT.match(text):
            return _float(text)
    return text


def reads_as_text(text: str) -> bool:
    """Whether `text`, written as a plain scalar, reads back as that text (not a number, a
    boolean or null): what the round-trip writer asks before it leaves a text unquoted."""
    try:
        return isinstance(_plain(text, None), str)
    except _Refused:  # a number of too many digits: not text either
        return False


def _tagged(tag: str, text: str, mark: Any) -> Any:
    """The value of a scalar with an explicit standard tag (`!!str 10`); others are refused."""
    kind = tag[len(_T) :] if tag.startswith(_T) else None
    try:
        if kind in ("str", "timestamp"):
            return text
        if kind == "int":
            return _int(text, mark)
        if kind == "float":
            return _float(text)
        if kind == "bool":
            if text.lower() not in ("true", "false"):
                raise ValueError(text)
            return text.lower() == "true"
        if kind == "null":
            return None
    except ValueError:
        raise _Refused(mark, "yaml", "bad-tagged-value", text=text[:40], kind=kind) from None
    raise _wrong_tag(tag, mark, "text")


def _wrong_tag(tag: str, mark: Any, found: str) -> _Refused:
    """A tag that may not stand here: `!!seq` on a mapping, or any tag outside the standard."""
    if tag in (_T + "map", _T + "seq"):
        expected = "mapping" if tag == _T + "map" else "list"
        return _Refused(
            mark, "yaml", "tag-expects", tag=_shown(tag)[:60], expected=expected, found=found
        )
    return _Refused(mark, "tag", "tag-refused", tag=_shown(tag)[:60])


class Position(NamedTuple):
    """Where a value stands, 0-based: `children` is None for a scalar, a list of
    positions for a list, and for a mapping a dict from each key's text to a KeyAt."""

    line: int
    col: int
    children: Any


class KeyAt(NamedTuple):
    """A mapping key's own place and the position of its value."""

    line: int
    col: int
    value: Position


# Built with tuple.__new__: a named tuple's own constructor costs a third more on a large plan.
_new = tuple.__new__


class _Frame:
    """A list or mapping being built: the container, its positions, the key waiting for
    its value (a mapping's), and where that key stands."""

    __slots__ = ("container", "is_map", "key", "key_text", "key_line", "key_col", "children")

    def __init__(self, container: Any, is_map: bool, children: Any) -> None:
        self.container = container
        self.is_map = is_map
        self.key: Any = _NO_KEY
        self.key_text: str | None = None
        self.key_line = 0
        self.key_col = 0
        self.children = children


def _build(parser: Any) -> tuple[Any, Position] | None:
    """The document's data and its positions, built from the parser's events.

    Positions are `Position`s (see there). Safe by
    construction: only the standard tags of scalars, mappings and lists are
    accepted, aliases of mappings or lists are refused where they stand (so an
    alias bomb cannot expand), and so are duplicate keys, keys that are not
    plain text and nesting deeper than MAX_DEPTH. Returns None for a stream
    with no document.
    """
    from yaml.error import MarkedYAMLError
    from yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    get = parser.get_event
    stack: list[_Frame] = []
    anchors: dict[str, Any] = {}
    repeated = 0  # characters that aliases of scalars repeat
    values = 0
    top: list[Any] = []  # the document's (value, position)
    documents = 0
    while True:
        event = get()
        cls = event.__class__
        if cls is ScalarEvent:
            mark = event.start_mark
            tag = event.tag
            text = event.value
            if tag is None or tag == "!":
                value = _plain(text, mark) if tag is None and event.implicit[0] else text
            else:
                value = _tagged(tag, text, mark)
            if event.anchor is not None:
                anchors[event.anchor] = value
            position = _new(Position, (mark.line, mark.column, None))
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            values = _count(values, stack, event.start_mark)
            stack.append(_open(event, cls is MappingStartEvent, stack, top, anchors))
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            stack.pop()
            continue
        elif cls is AliasEvent:
            mark = event.start_mark
            value = _alias(event, anchors)
            if isinstance(value, str):  # a scalar repeated: what it adds is counted
                repeated += len(value)
                if repeated > MAX_ALIASED:
                    raise _Refused(mark, "alias", "alias-too-much", limit=MAX_ALIASED)
            text = None
            position = _new(Position, (mark.line, mark.column, None))
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise MarkedYAMLError(
                    None,
                    None,
                    "a plan is one YAML document, but another starts here",
                    event.start_mark,
                )
            continue
        elif cls is StreamEndEvent:
            return (top[0], top[1]) if top else None
        else:
            continue
        values = _count(values, stack, mark)
        _attach(stack, top, value, position, text, mark)


def _count(values: int, stack: list[_Frame], mark: Any) -> int:
    """One value more: refused past MAX_VALUES in the file or MAX_ITEMS in its list or
    mapping (a mapping's key and value count as one item)."""
    if values >= MAX_VALUES:
        raise _Refused(mark, "too-many-values", "too-many-values", limit=MAX_VALUES)
    if stack and len(stack[-1].container) >= MAX_ITEMS:
        raise _Refused(mark, "too-many-values", "too-many-items", limit=MAX_ITEMS)
    return values + 1


def _open(
    event: Any, is_map: bool, stack: list[_Frame], top: list[Any], anchors: dict[str, Any]
) -> _Frame:
    """A mapping or list that starts: its tag, its place (not a key) and its depth
    checked, its anchor noted (an alias of it is refused), the empty container put where
    the current frame wants it; the frame that fills it."""
    mark = event.start_mark
    tag = event.tag
    if tag is not None and tag != "!" and tag != _T + ("map" if is_map else "seq"):
        raise _wrong_tag(tag, mark, "mapping" if is_map else "list")
    if stack and stack[-1].is_map and stack[-1].key is _NO_KEY:
        raise _Refused(mark, "yaml", "key-not-text")
    if len(stack) > MAX_DEPTH:
        raise _Refused(mark, "too-deep", "too-deep", depth=MAX_DEPTH)
    if event.anchor is not None:
        anchors[event.anchor] = _COLLECTION
    value: Any = {} if is_map else []
    children: Any = {} if is_map else []
    _attach(stack, top, value, _new(Position, (mark.line, mark.column, children)), None, mark)
    return _Frame(value, is_map, children)


def _alias(event: Any, anchors: dict[str, Any]) -> Any:
    """The value an alias stands for: a scalar's. An alias of a mapping or list is
    refused, so that an alias bomb cannot expand."""
    if event.anchor not in anchors:
        raise _Refused(event.start_mark, "yaml", "undefined-alias", alias=str(event.anchor)[:60])
    value = anchors[event.anchor]
    if value is _COLLECTION:
        raise _Refused(event.start_mark, "alias", "alias-refused")
    return value


def _attach(
    stack: list[_Frame], top: list[Any], value: Any, position: Position, text: Any, mark: Any
) -> None:
    """Put a value where the current frame wants it: a key, a key's value, a list item."""
    if not stack:
        top[:] = [value, position]
        return
    frame = stack[-1]
    if not frame.is_map:
        frame.container.append(value)
        frame.children.append(position)
    elif frame.key is _NO_KEY:
        if value in frame.container:
            raise _Refused(mark, "duplicate-key", "duplicate-key", key=str(value)[:80])
        frame.key, frame.key_text, frame.key_line, frame.key_col = (
            value,
            text,
            mark.line,
            mark.column,
        )
    else:
        frame.container[frame.key] = value
        raw = frame.key_text if frame.key_text is not None else str(frame.key)
        frame.children.setdefault(raw, _new(KeyAt, (frame.key_line, frame.key_col, position)))
        frame.key = _NO_KEY


def _colon_in_text(lines: Sequence[str], line: int, col: int, what: str) -> tuple[str, str] | None:
    """(key, text) when the error is a second ': ' in a line `key: text: more`, the
    commonest slip of a person writing a sentence in YAML: the sentence to quote."""
    if not what.startswith("mapping values are not allowed") or not 0 < line <= len(lines):
        return None
    match = re.match(r"(\s*(?:- )?)([^\s:#\"'][^:#]*?):\s+([^\"'{\[|>&*!].*)$", lines[line - 1])
    if match is None or col - 1 <= match.end(2) + 1:
        return None
    text = match.group(3).rstrip()
    if len(text) > 60:
        text = text[:57] + "…"
    return match.group(2).strip(), text.replace('"', '\\"')


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- positions ----------------------------------------------------------------------


def locate(root: Position | None, loc: Loc, *, on_key: bool = False) -> tuple[int, int]:
    """Walk a path of keys and indices through the tree of positions to a 1-based line
    and column. A path that goes beyond the tree (a missing key) points at the last
    position reached.
    """
    if root is None:
        return (1, 1)
    node = root
    line, col = root.line, root.col
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        children = node.children
        if isinstance(children, dict):
            entry = children.get(str(part)) if isinstance(part, str | int) else None
            if entry is None:
                break
            node = entry.value
            line, col = (entry.line, entry.col) if (on_key and last) else (node.line, node.col)
        elif isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
            node = children[part]
            line, col = node.line, node.col
        elif isinstance(part, str) and not isinstance(children, dict):
            continue  # a Pydantic union/validator label, not a key
        else:
            break
    return line + 1, col + 1


# --- validation ---------------------------------------------------------------------


def _field_names(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys allowed in the mapping at `loc` (for "did you mean")."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if (
            isinstance(current, type)
            and issubclass(current, BaseModel)
            and part in current.model_fields
        ):
            current = unwrap_annotation(current.model_fields[part].annotation)
        else:
            continue
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def unwrap_annotation(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, tuple, set) or origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if args else annotation
            if not args:
                return annotation
        else:
            return annotation


def _describe(value: Any) -> str:
    """What was found, for a sentence: a kind ("nothing", "mapping", "list", said by
    `words`) or the value itself, quoted and shortened."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, bool):
        return f"{value!r}".lower()
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


DATE_ERRORS = {
    "date_from_datetime_parsing",
    "date_parsing",
    "date_type",
    "date_from_datetime_inexact",
}
# Pydantic's errors said by one sentence each, of the key's name and of what was found.
_SAYS_FOUND = {
    "list_type": "expected-list",
    "string_type": "expected-text",
    "string_pattern_mismatch": "bad-id",
    **dict.fromkeys(DATE_ERRORS, "bad-date"),
}
# ... and of the key's name alone.
_SAYS_EMPTY = {"string_too_short": "empty-text", "too_short": "empty-list"}
_MAPPING_ERRORS = {"model_type", "model_attributes_type", "dict_type"}


def _message(err: Any, model: type[BaseModel]) -> tuple[str, dict[str, Any], bool]:
    """The sentence (its name in `words.PROBLEMS` and its values) for one Pydantic error,
    and whether it points at the key."""
    kind = err["type"]
    loc = tuple(p for p in err["loc"] if isinstance(p, int) or not _is_label(p))
    value = err.get("input")
    name = _name(loc)
    found = _describe(value)
    if kind == "extra_forbidden":
        like = closest(str(loc[-1]), _field_names(model, loc[:-1])) if loc else None
        return "unknown-key", {"name": name, "like": like}, True
    if kind in _SAYS_FOUND:
        return _SAYS_FOUND[kind], {"name": name, "found": found}, False
    if kind in _SAYS_EMPTY:
        # Pydantic says "too_short" (of "items") where a text's length is checked after
        # a validator: it is an empty text, not an empty list
        empty = "empty-text" if isinstance(value, str) else _SAYS_EMPTY[kind]
        return empty, {"name": name}, False
    if kind in _MAPPING_ERRORS:
        if not loc:
            return "expected-mapping-top", {"found": found}, False
        return "expected-mapping", {"name": name, "found": found}, False
    if kind == "literal_error":
        return "not-allowed", _not_allowed(err, name, found, value), False
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        # Pydantic says "too_long" (of "items") where the length is checked after a validator
        return "too-long", {"name": name, "length": len(value)}, False
    if kind in words.PROBLEMS["en"]:  # a rule of the schema, named by the model
        return "rule", {"name": name, "problem": {"say": kind, "args": err.get("ctx") or {}}}, False
    say, args = _value_error(err, kind, name, found)
    return say, args, False


def _not_allowed(err: Any, name: Any, found: str, value: Any) -> dict[str, Any]:
    """A value outside the choices a key allows: the choices, and the closest of them."""
    allowed = str(err.get("ctx", {}).get("expected", ""))
    choices = [a.strip(" '\"") for a in allowed.replace(" or ", ",").split(",")]
    return {"name": name, "found": found, "allowed": choices, "like": closest(str(value), choices)}


def _value_error(err: Any, kind: str, name: Any, found: str) -> tuple[str, dict[str, Any]]:
    """A number out of its bounds or of the wrong kind, an impossible date, or any other
    error, said in Pydantic's words."""
    ctx = {k: v for k, v in (err.get("ctx") or {}).items() if isinstance(v, int | float | str)}
    if kind.startswith(("int_", "float_", "bool_", "greater", "less", "finite")):
        return "number-" + kind, {"name": name, "found": found, **ctx}
    msg = err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if "day is out of range" in msg or "must be in" in msg:
        given = err.get("input")
        if isinstance(given, dict):  # a day given by its parts (ngay, thang, nam): say it
            parts = (given.get(k) for k in ("ngay", "thang", "nam"))
            found = repr("/".join(str(p) for p in parts if p is not None)[:40])
        return "impossible-date", {"name": name, "found": found}
    return "schema-other", {"name": name, "what": msg}


def _name(loc: Loc) -> Any:
    """Where, for a sentence: a key's name, or [item number, the list's key] (said by
    `words`)."""
    if not loc:
        return "document"
    if isinstance(loc[-1], int):
        return [loc[-1] + 1, str(loc[-2]) if len(loc) > 1 else ""]
    return str(loc[-1])


def _is_label(part: Any) -> bool:
    return isinstance(part, str) and (
        "[" in part or part in {"list", "dict", "str", "int", "float", "date"}
    )


def validate(loaded: Loaded, model: type[M]) -> M | None:
    """Validate the data read against a model; problems go into `loaded`."""
    if loaded.node is None:
        return None
    try:
        with pause_gc():
            return model.model_validate(loaded.root)
    except ValidationError as exc:
        missing: dict[Loc, list[str]] = {}
        count = exc.error_count()
        # Only the first MAX_PROBLEMS are said: where there are far more, the list of them
        # all is not built (half a kilobyte each); the count is said after them.
        errors = exc.errors(include_url=False) if count <= 10 * MAX_PROBLEMS else []
        if not errors:
            del exc
            errors = _first_errors(loaded.root, model)
        # Past the cap nothing more is worded (a did-you-mean costs a search each).
        for err in errors[:MAX_PROBLEMS]:
            loc = tuple(p for p in err["loc"] if not _is_label(p))
            if err["type"] == "missing":
                missing.setdefault(loc[:-1], []).append(str(loc[-1]))
                continue
            say, args, on_key = _message(err, model)
            line, col = locate(loaded.node, loc, on_key=on_key)
            loaded.problem(line, col, "schema", say, **args)
        for parent, keys in missing.items():
            line, col = locate(loaded.node, parent)
            say = "missing-key" if len(keys) == 1 else "missing-keys"
            if parent:
                loaded.problem(line, col, "schema", say + "-in", keys=keys, name=_name(parent))
            else:
                loaded.problem(line, col, "schema", say, keys=keys)
        if count > MAX_PROBLEMS:
            loaded.problem(1, 1, "too-many", "more-schema", count=count - MAX_PROBLEMS)
        return None


def _first_errors(root: Any, model: type[M]) -> list[Any]:
    """The schema's first errors for data whose errors are too many to list: the data
    again with every list cut to its first items, which hold the first errors."""

    def cut(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: cut(v) for k, v in value.items()}
        if isinstance(value, list):
            return [cut(v) for v in value[:MAX_PROBLEMS]]
        return value

    try:
        model.model_validate(cut(root))
    except ValidationError as exc:
        return exc.errors(include_url=False)[: MAX_PROBLEMS * 2]
    return []
