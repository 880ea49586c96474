"""Writing plan and progress files in one canonical layout, keeping comments.

Reading for meaning stays in `reader`; writing bytes safely in `safe_write`; this module is the round-trip side of
ruamel.yaml, for commands that change a file (`cchc record`, `cchc fmt`).

The canonical layout is what ruamel's round trip emits with:

- 2 spaces per mapping level, list dashes indented 2 under their key
  (`indent(mapping=2, sequence=4, offset=2)`), as the issued plan is written;
- no line wrapping (a very large width), so a long Vietnamese sentence stays
  on one line and a one-word edit is a one-line diff;
- quotes kept as written (`preserve_quotes`), comments and blank lines kept;
- an empty value written `null`;
- keys in the schema's field order (see `field_order`); keys the schema does
  not know keep their place after the known ones.

It never prints. Failures are `CchcError`s or the loader's problems.
"""

from __future__ import annotations

import contextlib
import io
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from cchc_cli.files.reader import Loaded

WIDTH = 1_000_000_000


# --- the round-trip YAML instance ------------------------------------------------------


class DateText(str):
    """A plain (unquoted) timestamp-looking scalar, kept as the text it was."""

    __slots__ = ()


def strict_round_trip() -> Any:
    """ruamel's round-trip loader, refusing custom tags like the reading loader does."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor

    class StrictConstructor(RoundTripConstructor):
        """Round trip, but no custom tags, and timestamps stay text for Pydantic to check."""

        def construct_undefined(self, node: Any) -> Any:
            raise ConstructorError(
                None, None, f"YAML tag {node.tag!s} is not allowed in a plan", node.start_mark
            )

        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            return self.construct_scalar(node)

    StrictConstructor.add_constructor(
        "tag:yaml.org,2002:timestamp", StrictConstructor.construct_yaml_timestamp
    )
    StrictConstructor.add_constructor(None, StrictConstructor.construct_undefined)
    StrictConstructor.add_multi_constructor(
        "", lambda self, suffix, node: self.construct_undefined(node)
    )
    for tag in ("tag:yaml.org,2002:set", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:binary"):
        StrictConstructor.add_constructor(tag, StrictConstructor.construct_undefined)

    yaml = YAML(typ="rt")
    yaml.Constructor = StrictConstructor
    yaml.allow_duplicate_keys = False
    return yaml


def round_trip() -> Any:
    """A ruamel YAML instance that reads like the loader and writes the canonical layout.

    It reads with the loader's strict constructor (no custom tags), except that
    an unquoted date stays a `DateText`, so it is written back unquoted.
    """
    from ruamel.yaml.representer import RoundTripRepresenter

    yaml = strict_round_trip()
    base = yaml.Constructor

    class Constructor(base):  # type: ignore[misc, valid-type]
        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            return DateText(self.construct_scalar(node))

    Constructor.add_constructor("tag:yaml.org,2002:timestamp", Constructor.construct_yaml_timestamp)

    from cchc_cli.files.reader import reads_as_text

    class Representer(RoundTripRepresenter):
        def represent_text(self, data: str) -> Any:
            """A text as ruamel writes it, quoted where the loader would read it unquoted
            as something else (`.5e5` is a number to it, not to ruamel)."""
            if data and not reads_as_text(data):
                return self.represent_scalar("tag:yaml.org,2002:str", data, style="'")
            return self.represent_str(data)

    Representer.add_representer(
        type(None),
        lambda self, data: self.represent_scalar("tag:yaml.org,2002:null", "null"),
    )
    Representer.add_representer(
        DateText,
        lambda self, data: self.represent_scalar("tag:yaml.org,2002:timestamp", str(data)),
    )
    Representer.add_representer(str, Representer.represent_text)

    yaml.Constructor = Constructor
    yaml.Representer = Representer
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str, path: Path | None = None, line_offset: int = 0) -> Any:
    """Parse text for writing back. The caller has checked it with the loader first;
    should ruamel still refuse it, the refusal is a problem at its position in `path`."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return round_trip().load(text)
    except (MarkedYAMLError, YAMLError, ValueError, RecursionError) as exc:
        from cchc_cli.errors import ProblemsFound, Source
        from cchc_cli.words import new_problem

        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = getattr(exc, "problem", None) or str(exc) or type(exc).__name__
        lines = text.splitlines()
        excerpt = lines[line - 1] if 0 < line <= len(lines) else None
        where = Source(str(path or "<text>"), line + line_offset, col)
        what = " ".join(str(what).split())[:300]
        problem = new_problem(where, "error", "yaml", "not-rewritable", excerpt, what=what)
        raise ProblemsFound([problem]) from None


def dump(data: Any) -> str:
    buf = io.StringIO()
    round_trip().dump(data, buf)
    return buf.getvalue()


def dump_new(data: Any, flow: frozenset[str] = frozenset()) -> str:
    """A new file's text from plain data, as a person would write it: text of several
    lines as a literal block (`|-`), the lists under the keys in `flow` on one line
    (`chu_tri: [VP]`)."""
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    def styled(node: Any, key: Any = None) -> Any:
        if isinstance(node, dict):
            return {k: styled(v, k) for k, v in node.items()}
        if isinstance(node, list):
            items = [styled(v) for v in node]
            if key in flow:
                seq = CommentedSeq(items)
                seq.fa.set_flow_style()
                return seq
            return items
        if isinstance(node, str) and "\n" in node:
            return LiteralScalarString(node)
        return node

    return dump(styled(data))


# --- key order ---------------------------------------------------------------------------

# Fields that name a row come first even when the row's class inherits its
# other fields (a task's `ma` and `nhiem_vu` before the columns it shares with
# a continuation row; a target's `ma` before its figure).
_LEADING = ("ma", "nhiem_vu")


@cache
def field_order(model: type[BaseModel]) -> tuple[str, ...]:
    """The canonical key order of a mapping holding `model`.

    The schema's field order, where a subclass's own fields come after the
    fields it inherits, except its naming fields (`ma`, a task's `nhiem_vu`),
    which come first.
    """
    names = list(model.model_fields)
    inherited: set[str] = set()
    for base in model.__mro__[1:]:
        if isinstance(base, type) and issubclass(base, BaseModel) and base is not BaseModel:
            inherited |= set(base.model_fields)
    if not inherited:
        return tuple(names)
    own = [n for n in names if n not in inherited]
    leading = [n for n in own if n in _LEADING and not _is_list(model, n)]
    rest = [n for n in own if n not in leading]
    return tuple(leading + [n for n in names if n in inherited] + rest)


def _is_list(model: type[BaseModel], name: str) -> bool:
    return typing.get_origin(model.model_fields[name].annotation) is list


def _submodel(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    from cchc_cli.files.reader import unwrap_annotation

    inner = unwrap_annotation(model.model_fields[name].annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return inner
    return None


def order_keys(node: Any, model: type[BaseModel], *, in_list: bool = False) -> str:
    """Put every mapping of the tree in `field_order`, recursively, keeping comments.

    Returns what `reorder` returns for `node` (lines to put above its dash).
    """
    if not isinstance(node, dict):
        return ""
    order = field_order(model)
    known = [k for k in order if k in node]
    wanted = known + [k for k in node if k not in order]
    above = reorder(node, wanted, in_list=in_list)
    for key in known:
        sub = _submodel(model, key)
        if sub is None:
            continue
        value = node[key]
        if isinstance(value, list):
            for i, item in enumerate(value):
                lines = order_keys(item, sub, in_list=True)
                if lines:
                    put_above_item(value, i, lines)
        else:
            order_keys(value, sub)
    return above


# --- comments that follow a value ----------------------------------------------------------
#
# ruamel keeps the comment lines and blank lines that follow a value on the
# deepest last value before them. Those lines belong to what comes next (the
# next key, the next section), so a tree edit that adds or moves an item must
# carry them along; the end-of-line comment of the value itself stays.


def _is_block(node: Any) -> bool:
    if not isinstance(node, dict | list):
        return False
    fa = getattr(node, "fa", None)
    return fa is None or not fa.flow_style()


def _last_slot(node: Any) -> tuple[Any, int] | None:
    """(key or index, slot in `ca.items`) of the last entry of a block collection."""
    if not len(node):
        return None
    if isinstance(node, dict):
        return list(node)[-1], 2
    return len(node) - 1, 0


def take_tail(node: Any) -> str:
    """Remove and return the whole comment/blank lines after a block collection's content."""
    if not _is_block(node) or not hasattr(node, "ca"):
        return ""
    parts: list[str] = []
    slot = _last_slot(node)
    if slot is not None:
        key, index = slot
        child = node[key]
        if _is_block(child):
            parts.append(take_tail(child))
        entry = node.ca.items.get(key)
        if entry is not None and len(entry) > index and entry[index] is not None:
            token = entry[index]
            value = token.value
            eol, nl, rest = value.partition("\n")
            if eol.strip():
                token.value = eol + nl  # keep the value's own end-of-line comment
            else:
                entry[index] = None
            parts.append(rest)
    end = getattr(node.ca, "end", None)
    if end:
        parts.extend(_line_text(t) for t in end)
        node.ca.end = []
    return "".join(parts)


def _line_text(token: Any) -> str:
    """A comment token as the whole lines it stands for (its indentation included)."""
    value: str = token.value
    if value.startswith("#"):
        col = getattr(getattr(token, "start_mark", None), "column", 0) or 0
        return " " * col + value
    return value


def put_tail(node: Any, text: str) -> None:
    """Attach whole comment/blank lines after a block collection's content."""
    if not text:
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    slot = _last_slot(node)
    if slot is None:
        return
    key, index = slot
    child = node[key]
    if _is_block(child) and len(child):
        put_tail(child, text)
        return
    entry = node.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) <= index:
        entry.append(None)
    token = entry[index]
    if token is None:
        entry[index] = CommentToken("\n" + text, CommentMark(0))
    else:
        value = token.value
        token.value = value + ("" if value.endswith("\n") else "\n") + text


def reorder(node: Any, wanted: list[Any], *, in_list: bool = False) -> str:
    """Reorder a mapping's keys; the comment lines before a key move with it.

    `in_list`: the mapping is an item of a list (`- key: ...`). There is no
    room after the dash for lines that stood before a key that now comes
    first; they are returned for the caller to put above the dash.
    """
    keys = list(node)
    if keys == wanted:
        return ""
    if not _is_block(node):
        for key in wanted:
            node.move_to_end(key)
        return ""
    before: dict[Any, str] = {}
    for prev, key in zip(keys, keys[1:], strict=False):
        before[key] = _take_after_key(node, prev) + _take_pre(node, key)
    tail = _take_after_key(node, keys[-1])
    for key in wanted:
        node.move_to_end(key)
    first_lines = before.pop(wanted[0], "")
    for prev, key in zip(wanted, wanted[1:], strict=False):
        _put_after_key(node, prev, before.get(key, ""))
    _put_after_key(node, wanted[-1], tail)
    if first_lines and not in_list:
        entry = node.ca.items.setdefault(wanted[0], [None, None, None, None])
        entry[1] = [*(entry[1] or []), _pre_token(first_lines)]
        first_lines = ""
    return first_lines


def _take_pre(node: Any, key: Any) -> str:
    """Comment lines ruamel keeps in front of a key (after an empty value, say)."""
    entry = node.ca.items.get(key)
    if entry is None or not entry[1]:
        return ""
    text = "".join(_line_text(t) for t in entry[1])
    entry[1] = None
    return text


def _pre_token(text: str) -> Any:
    """A comment token that writes `text` (whole lines) in front of a key or list item."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    stripped = text.lstrip(" ")
    return CommentToken(stripped, CommentMark(len(text) - len(stripped)))


def put_above_item(seq: Any, index: int, text: str) -> None:
    """Comment lines in front of a list item's dash."""
    entry = seq.ca.items.setdefault(index, [None, None, None, None])
    entry[1] = [*(entry[1] or []), _pre_token(text)]


def _take_after_key(node: Any, key: Any) -> str:
    """The comment lines between `key`'s value and the next key (or the mapping's end)."""
    value = node[key]
    text = take_tail(value) if _is_block(value) else ""
    entry = node.ca.items.get(key)
    if entry is not None and len(entry) > 2 and entry[2] is not None:
        eol, nl, rest = entry[2].value.partition("\n")
        if eol.strip():
            entry[2].value = eol + nl
        else:
            entry[2] = None
        text += rest
    return text


def _put_after_key(node: Any, key: Any, text: str) -> None:
    if not text:
        return
    value = node[key]
    if _is_block(value) and len(value):
        put_tail(value, text)
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    entry = node.ca.items.setdefault(key, [None, None, None, None])
    if entry[2] is None:
        entry[2] = CommentToken("\n" + text, CommentMark(0))
    else:
        value_text = entry[2].value
        entry[2].value = value_text + ("" if value_text.endswith("\n") else "\n") + text


def append_item(seq: Any, item: Any) -> None:
    """Append to a list, after the comments indented under its last item.

    The lines after those (a blank line, a comment that introduces the next
    key) now follow the new item.
    """
    if not _is_block(seq) and not len(seq):
        seq.fa.set_block_style()
    tail = take_tail(seq) if _is_block(seq) else ""
    own, rest = split_indented(tail, _column(seq))
    put_tail(seq, own)
    seq.append(item)
    put_tail(seq, rest)


def _column(node: Any) -> int:
    lc = getattr(node, "lc", None)
    return int(lc.col) if lc is not None and lc.col is not None else 0


def split_indented(text: str, col: int) -> tuple[str, str]:
    """Split comment lines into the leading ones indented deeper than `col`, and the rest."""
    lines = text.splitlines(keepends=True)
    n = 0
    for line in lines:
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) <= col:
            break
        n += 1
    return "".join(lines[:n]), "".join(lines[n:])


def insert_key(mapping: Any, pos: int, key: str, value: Any, *, blank_line: bool) -> None:
    """Insert a key; the lines before the next key stay before it. `blank_line` separates."""
    keys = list(mapping)
    carried = _take_after_key(mapping, keys[pos - 1]) if 0 < pos <= len(keys) else ""
    mapping.insert(pos, key, value)
    if pos > 0 and blank_line:
        _put_after_key(mapping, keys[pos - 1], "\n")
    if carried:
        _put_after_key(mapping, key, carried)
    elif blank_line and pos < len(keys):
        _put_after_key(mapping, key, "\n")


# --- canonical text --------------------------------------------------------------------------


def model_for(path: Path) -> type[BaseModel]:
    from cchc_cli.files.workspace import is_progress_file
    from cchc_cli.plan.model import Plan, Progress

    return Progress if is_progress_file(path) else Plan


def split_document(text: str) -> tuple[str, str, str]:
    """(head, body, tail): the lines up to a `---` line, the document, a `...` line onward.

    ruamel drops comments before `---` and after `...`; the writers keep head
    and tail as they are and lay out only the body.
    """
    lines = text.splitlines(keepends=True)
    start = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("%"):
            continue
        if _marker(stripped, "---"):
            start = i + 1
        break
    end = len(lines)
    for i in range(start, len(lines)):
        if not lines[i][:1].isspace() and _marker(lines[i].strip(), "..."):
            end = i
            break
    return "".join(lines[:start]), "".join(lines[start:end]), "".join(lines[end:])


def _marker(stripped: str, marker: str) -> bool:
    rest = stripped[len(marker) :] if stripped.startswith(marker) else None
    return rest is not None and (not rest.strip() or rest.lstrip().startswith("#"))


_COMMENT = re.compile(r"(?:^|\s)(#.*)$")


def check_comments_kept(
    before: str, after: str, path: Path | None = None, taken_off: list[str] | None = None
) -> None:
    """Refuse a rewrite that would lose a comment line (a safety net under ruamel), but the
    notes `taken_off` on purpose (`_take_off_source_note`)."""
    from collections import Counter

    def comments(text: str) -> Counter[str]:
        # Text that would be a comment: quoted or block text counts too, but it is
        # kept as written, so it is the same on both sides.
        found = (_COMMENT.search(line) for line in text.splitlines())
        return Counter(m.group(1).strip() for m in found if m)

    lost = comments(before) - comments(after) - Counter(taken_off or [])
    if not lost:
        return
    from cchc_cli.errors import ProblemsFound, Source
    from cchc_cli.words import new_problem

    lines = before.splitlines()
    missing = next(iter(lost))
    line, col = next(
        (i, m.start(1) + 1)
        for i, ln in enumerate(lines, 1)
        if (m := _COMMENT.search(ln)) and m.group(1).strip() == missing
    )
    raise ProblemsFound(
        [
            new_problem(
                Source(str(path or "<text>"), line, col),
                "error",
                "comment-lost",
                "comment-lost",
                lines[line - 1],
            )
        ]
    )


def canonical(text: str, model: type[BaseModel], path: Path | None = None) -> str:
    """The canonical layout of a YAML text that the loader has read without problems."""
    head, body, tail = split_document(text)
    data = load(body, path, head.count("\n"))
    if data is None:
        return text
    order_keys(data, model)
    result = head + dump(data) + tail
    check_comments_kept(text, result, path)
    return result


@dataclass(frozen=True)
class Form:
    """How a file's text is written down apart from its layout: a byte order mark and
    Windows line endings. cchc keeps both as found."""

    bom: bool = False
    crlf: bool = False

    @staticmethod
    def of(text: str) -> tuple[Form, str]:
        """The form of `text`, and the text with neither (LF line endings, no BOM)."""
        bom = text.startswith("\ufeff")
        body = text.removeprefix("\ufeff")
        crlf = "\r\n" in body and body.count("\r\n") == body.count("\n")
        return Form(bom, crlf), body.replace("\r\n", "\n") if crlf else body

    def apply(self, text: str) -> str:
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return ("\ufeff" if self.bom else "") + text


def same_data(
    before: str,
    after: str,
    path: Path,
    *,
    appended: dict[str, int] | None = None,
    old: Loaded | None = None,
    changes: Callable[[Any], Any] | None = None,
) -> Loaded:
    """Refuse a rewrite that would change a value the user did not ask to change.

    Both texts are read as `cchc validate` reads them and must hold the same data, but
    for the items appended at the end of lists (`appended`: list key -> how many), or the
    changes asked for (`changes`: the old data, a copy, → the data expected). `old` is
    `before` as already read (by the workspace), not read again. The new text as read is
    given back, for its checks (`workspace.check_parsed`): it is not parsed again. A new
    text that cannot be read (a control character in it, say) is not compared: its
    checks say why."""
    from cchc_cli.errors import ProblemsFound, Source
    from cchc_cli.files.reader import parse_bytes, parse_text
    from cchc_cli.words import new_problem

    old = old or parse_text(str(path), before)
    new = parse_bytes(str(path), after.encode("utf-8"))
    expected, got = old.root, new.root
    if new.problems or (expected is None and appended):
        return new  # unreadable (its checks say why), or an empty file: only comments kept
    if appended and isinstance(got, dict):
        expected, got = dict(expected or {}), dict(got)
        for key, count in appended.items():
            expected[key] = list(expected.get(key) or [])
            items = list(got.get(key) or [])
            got[key] = items[: max(len(items) - count, 0)]
    if changes is not None:
        import copy

        expected = changes(copy.deepcopy(expected))
    if expected == got:
        return new
    from cchc_cli.files.reader import locate

    where = _first_difference(expected, got)
    line, col = locate(old.node, where) if where else (1, 1)
    shown = old.lines[line - 1] if 0 < line <= len(old.lines) else None
    raise ProblemsFound(
        [
            new_problem(
                Source(str(path), line, col), "error", "value-changed", "value-changed", shown
            )
        ]
    )


def _first_difference(a: Any, b: Any, at: tuple[str | int, ...] = ()) -> tuple[str | int, ...]:
    """The path of the first value that differs between two documents' data."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a:
            if key not in b or a[key] != b[key]:
                return _first_difference(a[key], b.get(key), (*at, str(key)))
        return at
    if isinstance(a, list) and isinstance(b, list):
        for i, item in enumerate(a):
            if i >= len(b) or item != b[i]:
                return _first_difference(item, b[i] if i < len(b) else None, (*at, i))
        return at
    return at


def format_file(path: Path, *, write: bool) -> str | None:
    """Put a file in the canonical layout; None when it already is, else a unified diff.

    A file that does not read as YAML raises `ProblemsFound` and stays unchanged, and so
    does one whose values the rewrite would not keep exactly. The layout is judged and
    written on the text without its byte order mark and Windows line endings, which the
    file keeps as found. With `write`, the file is replaced atomically under its lock.
    """
    import difflib

    from cchc_cli.errors import ProblemsFound
    from cchc_cli.files.reader import READ_CODES
    from cchc_cli.files.safe_write import locked, write_text
    from cchc_cli.files.workspace import file_bytes, load_read

    with locked(path) if write else contextlib.nullcontext():
        data = file_bytes(path)
        # the one loader (cached); only what cannot be read as YAML stops the layout
        _model, problems, read = load_read(str(path), data, model_for(path).__name__)
        errors = [p for p in problems if p.code in READ_CODES]
        if errors or data is None:
            raise ProblemsFound(errors)
        form, text = Form.of(data.decode("utf-8"))
        new = canonical(text, model_for(path), path)
        if new == text:
            return None
        same_data(text, new, path, old=read)
        if write:
            write_text(path, form.apply(new))
    lines = difflib.unified_diff(
        text.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"{path}",
        tofile=f"{path} (formatted)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


# --- ruamel's types, for the edits of `files.progress_edit` -----------------------------


def new_map() -> Any:
    """An empty mapping that keeps its comments (ruamel's CommentedMap)."""
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap()


def new_list(items: list[Any]) -> Any:
    """A list that keeps its comments (ruamel's CommentedSeq)."""
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq(items)


def is_map(node: Any) -> bool:
    """Whether a node read for editing is a mapping that keeps its comments."""
    from ruamel.yaml.comments import CommentedMap

    return isinstance(node, CommentedMap)


def block_text(text: str) -> Any:
    """Text written as a literal block (`|`)."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(text)


def quoted_text(text: str) -> Any:
    """Text written double-quoted."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(text)
