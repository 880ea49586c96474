"""YAML text → validated model, every problem with its file:line:col.

Reading goes through libyaml (PyYAML's C parser) into a node tree that keeps
every position; the round-trip side (ruamel.yaml, for `cchc record` and
`cchc fmt`) lives in `yamlio`. Never prints. Loading is safe: no YAML tag can
construct an object, aliases of mappings or lists are refused (so an alias
bomb cannot expand), and every failure becomes a `Problem`.
"""

from __future__ import annotations

import difflib
import functools
import os
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Finding, Loc, Problem, Source, UsageError
from .model import Plan, Progress

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 60

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded:
    """A file as read: its lines (for excerpts) and its YAML tree (for positions)."""

    path: str
    lines: list[str] = field(default_factory=list)
    root: Any = None
    problems: list[Problem] = field(default_factory=list)
    node: Any = None  # the YAML node tree, which keeps every position

    def problem(
        self, line: int, col: int, code: str, message: str, severity: str = "error"
    ) -> None:
        excerpt = self.lines[line - 1] if 0 < line <= len(self.lines) else None
        self.problems.append(
            Problem(Source(self.path, line, col), severity, code, message, excerpt)  # type: ignore[arg-type]
        )

    def add(self, finding: Finding) -> None:
        line, col = locate(self.node, finding.loc, on_key=finding.on_key)
        self.problem(line, col, finding.code, finding.message, finding.severity)


# --- reading ------------------------------------------------------------------------


def read_text(path: Path) -> Loaded:
    """Read and parse a UTF-8 YAML file; usage errors for a missing file or a directory."""
    loaded = Loaded(str(path))
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if path.is_dir():
        raise UsageError(f"{path}: is a directory, not a plan file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            loaded.problem(
                1, 1, "too-large", f"file is {size:,} bytes; a plan is at most {MAX_BYTES:,}"
            )
            return loaded
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(data, nul)
        loaded.problem(
            line, col, "binary", "file contains a NUL byte: this is not a YAML text file"
        )
        return loaded
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        loaded.problem(
            line,
            col,
            "encoding",
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
        )
        return loaded
    if text.startswith("\ufeff"):
        text = text[1:]
    loaded.lines = text.splitlines()
    _parse(loaded, text)
    return loaded


def parse_text(label: str, text: str) -> Loaded:
    """Parse YAML text held in memory (a git revision, a record about to be written)."""
    loaded = Loaded(label, lines=text.splitlines())
    _parse(loaded, text)
    return loaded


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8", "replace")) + 1


def _parse(loaded: Loaded, text: str) -> None:
    """Parse with libyaml, keeping the node tree (for positions) and the data."""
    from yaml import YAMLError
    from yaml.error import MarkedYAMLError

    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in loaded.lines
    ):
        loaded.problem(1, 1, "empty", "file is empty: expected a mapping of keys")
        return
    try:
        loader = _reader()(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _check_nodes(loaded, node)
                if loaded.problems:
                    return
            root = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = _one_line(exc.problem or exc.context or "invalid YAML")
        code = "yaml"
        if what.startswith(("duplicate key", "YAML tag")):
            code = "duplicate-key" if what.startswith("duplicate") else "tag"
        elif "nesting depth" in what:
            code, what = "too-deep", "nesting is too deep to be a plan"
        elif 0 < line <= len(loaded.lines) and loaded.lines[line - 1][col - 1 : col] == "\t":
            what = "a tab cannot indent YAML: use spaces"
        loaded.problem(line, col, code, what)
        return
    except YAMLError as exc:
        loaded.problem(1, 1, "yaml", _one_line(str(exc)))
        return
    except (RecursionError, ValueError, OverflowError) as exc:
        loaded.problem(1, 1, "yaml", _one_line(f"cannot read this YAML: {exc}"))
        return
    loaded.node = node
    loaded.root = root


@functools.lru_cache(maxsize=1)
def _reader() -> Any:
    """libyaml's parser (pure-Python PyYAML where libyaml is missing) with YAML 1.2 core
    scalars, as the round-trip writer reads them: `no` and `on` stay text, `010` is ten.

    Safe: only the standard tags of mappings, lists and scalars; any other tag
    (`!!python/object/apply`, `!!set`, `!custom`) is refused with its position;
    duplicate keys are refused; dates stay text so that Pydantic checks them.
    """
    import re

    import yaml
    from yaml.constructor import ConstructorError

    str_tag, seq_tag, map_tag = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))

    class Resolver12(yaml.resolver.BaseResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            # The same answers as BaseResolver.resolve without path resolvers, in fewer steps:
            # it runs once for every node of the file.
            if kind is yaml.ScalarNode:
                if implicit[0]:
                    for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                        if regexp.match(value):
                            return tag
                return str_tag
            return seq_tag if kind is yaml.SequenceNode else map_tag

    for tag, pattern, first in (
        ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
        ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
        (
            "tag:yaml.org,2002:float",
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
            "-+0123456789.",
        ),
    ):
        Resolver12.add_implicit_resolver(tag, re.compile(pattern), list(first))

    class Constructor(yaml.constructor.BaseConstructor):
        def construct_undefined(self, node: Any) -> Any:
            raise ConstructorError(
                None, None, f"YAML tag {node.tag} is not allowed in a plan", node.start_mark
            )

        def construct_map(self, node: Any) -> Any:
            if not isinstance(node, yaml.MappingNode):
                raise ConstructorError(None, None, "expected a mapping", node.start_mark)
            data: dict[Any, Any] = {}
            yield data
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise ConstructorError(
                        None, None, "merge keys (<<) are not allowed in a plan", key_node.start_mark
                    )
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, str | int | float | bool) and key is not None:
                    raise ConstructorError(
                        None, None, "keys must be plain text", key_node.start_mark
                    )
                if key in data:
                    raise ConstructorError(
                        None,
                        None,
                        f"duplicate key {key!r} (each key may appear once in a mapping)",
                        key_node.start_mark,
                    )
                data[key] = self.construct_object(value_node, deep=True)

        def construct_seq(self, node: Any) -> Any:
            data: list[Any] = []
            yield data
            data.extend(self.construct_object(child, deep=True) for child in node.value)

        def construct_str(self, node: Any) -> Any:
            return self.construct_scalar(node)

        def construct_int(self, node: Any) -> Any:
            text = self.construct_scalar(node)
            if len(text) > 400:
                raise ConstructorError(None, None, "number too long", node.start_mark)
            return int(text, 0) if text[:2] in ("0o", "0x") else int(text)

        def construct_float(self, node: Any) -> Any:
            text = self.construct_scalar(node).lower()
            return float(text.replace(".inf", "inf").replace(".nan", "nan"))

    C = "tag:yaml.org,2002:"
    Constructor.add_constructor(C + "map", Constructor.construct_map)
    Constructor.add_constructor(C + "seq", Constructor.construct_seq)
    Constructor.add_constructor(C + "str", Constructor.construct_str)
    Constructor.add_constructor(C + "int", Constructor.construct_int)
    Constructor.add_constructor(C + "float", Constructor.construct_float)
    Constructor.add_constructor(C + "bool", lambda c, n: c.construct_scalar(n).lower() == "true")
    Constructor.add_constructor(C + "null", lambda c, n: None)
    Constructor.add_constructor(C + "timestamp", Constructor.construct_str)
    Constructor.add_constructor(None, Constructor.construct_undefined)

    try:
        from yaml.cyaml import CParser as Parser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        from yaml.composer import Composer
        from yaml.parser import Parser as PyParser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class Parser(Reader, Scanner, PyParser, Composer):  # type: ignore[no-redef]
            def __init__(self, stream: Any) -> None:
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                PyParser.__init__(self)
                Composer.__init__(self)

    class PlanReader(Parser, Constructor, Resolver12):  # type: ignore[misc, valid-type]
        def __init__(self, stream: Any) -> None:
            Parser.__init__(self, stream)
            Constructor.__init__(self)
            Resolver12.__init__(self)

    return PlanReader


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _check_nodes(loaded: Loaded, root: Any) -> None:
    """Refuse aliases of mappings and lists (an alias bomb cannot expand) and deep nesting,
    walking the node tree once without expanding anything."""
    import yaml

    seen: set[int] = set()
    stack: list[tuple[Any, int, Any]] = [(root, 0, None)]
    while stack:
        node, depth, key_node = stack.pop()
        if not isinstance(node, yaml.CollectionNode):
            continue
        if id(node) in seen:
            line, col = _alias_position(loaded, key_node, node)
            loaded.problem(
                line, col, "alias", "aliases (*name) of mappings or lists are not allowed in a plan"
            )
            return
        seen.add(id(node))
        if depth > MAX_DEPTH:
            mark = node.start_mark
            loaded.problem(
                mark.line + 1,
                mark.column + 1,
                "too-deep",
                f"nesting deeper than {MAX_DEPTH} levels",
            )
            return
        if isinstance(node, yaml.MappingNode):
            stack.extend((v, depth + 1, k) for k, v in reversed(node.value))
        else:
            stack.extend((child, depth + 1, key_node) for child in reversed(node.value))


def _alias_position(loaded: Loaded, key_node: Any, node: Any) -> tuple[int, int]:
    """Where `*name` stands: after the key that holds it, or else at the anchor."""
    if key_node is not None:
        line = key_node.end_mark.line
        text = loaded.lines[line] if line < len(loaded.lines) else ""
        star = text.find("*", key_node.end_mark.column)
        if star >= 0:
            return line + 1, star + 1
        return line + 1, key_node.start_mark.column + 1
    return node.start_mark.line + 1, node.start_mark.column + 1


# --- positions ----------------------------------------------------------------------


def _mark(node: Any) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def locate(root: Any, loc: Loc, *, on_key: bool = False) -> tuple[int, int]:
    """Walk a path of keys and indices through the YAML node tree to a 1-based line and
    column. A path that goes beyond the tree (a missing key) points at the last node reached.
    """
    import yaml

    if root is None:
        return (1, 1)
    node = root
    pos = _mark(root)
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, yaml.MappingNode):
            match = (
                next((kv for kv in node.value if kv[0].value == str(part)), None)
                if isinstance(part, str | int)
                else None
            )
            if match is None:
                break
            key_node, node = match
            pos = _mark(key_node if (on_key and last) else node)
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            node = node.value[part]
            pos = _mark(node)
        elif isinstance(part, str) and not isinstance(node, yaml.MappingNode):
            continue  # a Pydantic union/validator label, not a key
        else:
            break
    return pos


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
            current = _unwrap(current.model_fields[part].annotation)
        else:
            continue
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
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


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        lowered = {c.casefold(): c for c in choices}
        close = [
            lowered[m] for m in difflib.get_close_matches(word.casefold(), lowered, n=1, cutoff=0.6)
        ]
    return f"; did you mean {close[0]!r}?" if close else ""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"{value!r}".lower()
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _message(err: Any, model: type[BaseModel]) -> tuple[str, bool]:
    """A user's sentence for one Pydantic error, and whether it points at the key."""
    kind = err["type"]
    loc = tuple(p for p in err["loc"] if isinstance(p, int) or not _is_label(p))
    value = err.get("input")
    name = _name(loc)
    if kind == "missing":
        return f"missing key {name!r}", False  # grouped per mapping in validate()
    if kind == "extra_forbidden":
        hint = did_you_mean(name, _field_names(model, loc[:-1]))
        return f"unknown key {name!r}{hint}", True
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        where = f"under {name!r}" if loc else "at the top of the file"
        return f"expected a mapping of keys {where}, found {_describe(value)}", False
    if kind == "list_type":
        return (
            f"{name!r} must be a list (lines starting with '- '), found {_describe(value)}",
            False,
        )
    if kind in (
        "date_from_datetime_parsing",
        "date_parsing",
        "date_type",
        "date_from_datetime_inexact",
    ):
        return (
            f"{name!r}: {_describe(value)} is not a valid date; write YYYY-MM-DD, e.g. 2023-06-14",
            False,
        )
    if kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        hint = did_you_mean(
            str(value), [a.strip(" '\"") for a in str(allowed).replace(" or ", ",").split(",")]
        )
        return f"{name!r}: {_describe(value)} is not allowed; expected {allowed}{hint}", False
    if kind in ("string_type",):
        return f"{name!r} must be text, found {_describe(value)}", False
    if kind == "string_too_long":
        return f"{name!r} is too long ({len(str(value)):,} characters)", False
    if kind == "string_too_short":
        return f"{name!r} must not be empty", False
    if kind == "string_pattern_mismatch":
        return (
            f"{name!r}: {_describe(value)} is not a valid id (letters, digits, '.', '-', '_')",
            False,
        )
    if kind == "too_short":
        return f"{name!r} must have at least one entry", False
    msg = err["msg"]
    msg = msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind.startswith(("int_", "float_", "bool_", "greater", "less")):
        return f"{name!r}: {msg[0].lower() + msg[1:]}, found {_describe(value)}", False
    if "day is out of range" in msg or "must be in" in msg:
        return f"{name!r}: impossible date ({msg})", False
    return f"{name!r}: {msg}", False


def _name(loc: Loc) -> str:
    if not loc:
        return "document"
    if isinstance(loc[-1], int):
        parent = f" of {loc[-2]!r}" if len(loc) > 1 else ""
        return f"item {loc[-1] + 1}{parent}"
    return str(loc[-1])


def _is_label(part: Any) -> bool:
    return isinstance(part, str) and (
        "[" in part or part in {"list", "dict", "str", "int", "float", "date"}
    )


def validate(loaded: Loaded, model: type[M]) -> M | None:
    """Validate the YAML tree against a model; problems go into `loaded`."""
    if loaded.node is None:
        return None
    try:
        return model.model_validate(loaded.root)
    except ValidationError as exc:
        missing: dict[Loc, list[str]] = {}
        for err in exc.errors(include_url=False):
            loc = tuple(p for p in err["loc"] if not _is_label(p))
            if err["type"] == "missing":
                missing.setdefault(loc[:-1], []).append(str(loc[-1]))
                continue
            message, on_key = _message(err, model)
            line, col = locate(loaded.node, loc, on_key=on_key)
            loaded.problem(line, col, "schema", message)
        for parent, keys in missing.items():
            line, col = locate(loaded.node, parent)
            where = f" in {_name(parent)!r}" if parent else ""
            names = ", ".join(repr(k) for k in keys)
            plural = "s" if len(keys) > 1 else ""
            loaded.problem(line, col, "schema", f"missing key{plural} {names}{where}")
        return None


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: p.sort_key)


def load_plan(path: Path) -> tuple[Plan | None, Loaded]:
    loaded = read_text(path)
    plan = validate(loaded, Plan)
    return plan, loaded


def load_progress(path: Path) -> tuple[Progress | None, Loaded]:
    loaded = read_text(path)
    if [p.code for p in loaded.problems] == ["empty"]:
        loaded.problems.clear()  # a progress file with no records yet is fine
    if loaded.root is None and not loaded.problems:
        return Progress(), loaded
    progress = validate(loaded, Progress)
    return progress, loaded


def progress_path(plan_path: Path) -> Path:
    """Where a plan's progress records live: `2023.yaml` → `2023.progress.yaml`."""
    name = plan_path.name
    stem = name[: -len(".yaml")] if name.endswith(".yaml") else os.path.splitext(name)[0]
    return plan_path.with_name(f"{stem}.progress.yaml")
