"""YAML text → validated model, every problem with its file:line:col.

The only module that imports ruamel.yaml. It never prints. Loading is safe:
no YAML tag can construct an object, aliases of mappings or lists are refused
(so an alias bomb cannot expand), and every failure becomes a `Problem`.
"""

from __future__ import annotations

import difflib
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
    text: str | None = None

    def problem(
        self, line: int, col: int, code: str, message: str, severity: str = "error"
    ) -> None:
        excerpt = self.lines[line - 1] if 0 < line <= len(self.lines) else None
        self.problems.append(
            Problem(Source(self.path, line, col), severity, code, message, excerpt)  # type: ignore[arg-type]
        )

    def add(self, finding: Finding) -> None:
        line, col = locate(self.root, finding.loc, on_key=finding.on_key)
        self.problem(line, col, finding.code, finding.message, finding.severity)


# --- reading ------------------------------------------------------------------------


def read_text(path: Path, *, parse: bool = True) -> Loaded:
    """Read a file as UTF-8 text; usage errors for a missing file or a directory.

    With `parse`, the text is parsed with the round-trip loader, which keeps
    positions; without it, `loaded.text` is left for a faster loader.
    """
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
    loaded.text = text
    if parse:
        _parse(loaded, text)
    return loaded


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8", "replace")) + 1


def _yaml() -> Any:
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


def _parse(loaded: Loaded, text: str) -> None:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in loaded.lines
    ):
        loaded.problem(1, 1, "empty", "file is empty: expected a mapping of keys")
        return
    try:
        root = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = (exc.problem or exc.context or "invalid YAML").strip()
        code = "duplicate-key" if "duplicate" in type(exc).__name__.lower() else "yaml"
        if code == "duplicate-key":
            what = (
                "duplicate key " + (exc.problem or "").split('"')[1]
                if '"' in (exc.problem or "")
                else "duplicate key"
            )
            if "tag" not in what:
                what = what + " (each key may appear once in a mapping)"
        loaded.problem(line, col, code, _one_line(what))
        return
    except YAMLError as exc:
        loaded.problem(1, 1, "yaml", _one_line(str(exc)))
        return
    except RecursionError:
        loaded.problem(1, 1, "too-deep", "nesting is too deep to be a plan")
        return
    loaded.root = root
    _check_tree(loaded)


def _fast_loader() -> Any:
    """libyaml's parser with YAML 1.2 core scalars (as the round-trip loader reads them),
    duplicate keys refused and timestamps kept as text. Safe: no Python tags."""
    import re

    import yaml

    class Resolver12(yaml.resolver.BaseResolver):
        pass

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

    class Constructor(yaml.constructor.SafeConstructor):
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, str | int | float | bool) and key is not None:
                    raise yaml.constructor.ConstructorError(
                        None, None, "complex key", key_node.start_mark
                    )
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, "duplicate key", key_node.start_mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    Constructor.add_constructor("tag:yaml.org,2002:map", Constructor.construct_yaml_map)
    Constructor.add_constructor("tag:yaml.org,2002:int", lambda c, n: int(c.construct_scalar(n), 0))

    from yaml.cyaml import CParser

    class Loader(CParser, Constructor, Resolver12):  # type: ignore[misc]
        def __init__(self, stream: Any) -> None:
            CParser.__init__(self, stream)
            Constructor.__init__(self)
            Resolver12.__init__(self)

    return Loader


def fast_tree(loaded: Loaded) -> Any | None:
    """The YAML tree by libyaml, or None when anything is unusual (the caller then
    takes the round-trip path, which reports problems with positions)."""
    if loaded.text is None or loaded.problems:
        return None
    import yaml

    if not yaml.__with_libyaml__:
        return None
    try:
        root = yaml.load(loaded.text, Loader=_fast_loader())  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    probe = Loaded(loaded.path, root=root)
    _check_tree(probe)
    return None if probe.problems else root


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _check_tree(loaded: Loaded) -> None:
    """Refuse aliases of mappings and lists, and absurd nesting, without expanding anything."""
    seen: set[int] = set()
    stack: list[tuple[Any, int, Any, Any]] = [(loaded.root, 0, None, None)]
    while stack:
        node, depth, parent, key = stack.pop()
        if not isinstance(node, dict | list):
            continue
        line, col = _position(parent, key) if parent is not None else (1, 1)
        if id(node) in seen:
            loaded.problem(
                line, col, "alias", "aliases (*name) of mappings or lists are not allowed in a plan"
            )
            loaded.root = None
            return
        seen.add(id(node))
        if depth > MAX_DEPTH:
            loaded.problem(line, col, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")
            loaded.root = None
            return
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for k, v in items:
            stack.append((v, depth + 1, node, k))


# --- positions ----------------------------------------------------------------------


def _position(parent: Any, key: Any, on_key: bool = False) -> tuple[int, int]:
    lc = getattr(parent, "lc", None)
    if lc is None:
        return (0, 0)
    try:
        if isinstance(parent, dict):
            pos = lc.key(key) if on_key else lc.value(key)
        else:
            pos = lc.item(key)
    except (KeyError, IndexError, TypeError, AttributeError):
        return (lc.line + 1, lc.col + 1)
    if pos is None:
        return (lc.line + 1, lc.col + 1)
    return (pos[0] + 1, pos[1] + 1)


def locate(root: Any, loc: Loc, *, on_key: bool = False) -> tuple[int, int]:
    """Walk a path of keys and indices through the YAML tree to a 1-based line and column.

    A path that goes beyond the tree (a missing key) points at the last mapping reached.
    """
    node = root
    line, col = (1, 1)
    lc = getattr(root, "lc", None)
    if lc is not None:
        line, col = lc.line + 1, lc.col + 1
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, dict) and part in node:
            line, col = _position(node, part, on_key=on_key and last)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            line, col = _position(node, part)
            node = node[part]
        elif isinstance(part, str) and not isinstance(node, dict):
            continue  # a Pydantic union/validator label, not a key
        else:
            break
    return line, col


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
    if loaded.root is None:
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
            line, col = locate(loaded.root, loc, on_key=on_key)
            loaded.problem(line, col, "schema", message)
        for parent, keys in missing.items():
            line, col = locate(loaded.root, parent)
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
