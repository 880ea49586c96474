"""A checked plan or progress file as plain data, for the cache: JSON in, models out.

What the cache keeps can never run code: an entry is JSON text, read with
`json.loads` into dicts, lists, strings and numbers, and turned back into the
models without validating them again (they were valid when the entry was
written, from the very bytes the entry is keyed by). Rebuilding follows the
models' own field types, so a date comes back as a date and a nested record
as its model; an entry of any other shape is not used.
"""

from __future__ import annotations

import functools
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from cchc_cli.errors import Problem, Source

FORMAT = 1
M = TypeVar("M", bound=BaseModel)
Convert = Callable[[Any], Any]


def dump(value: BaseModel | None, problems: list[Problem]) -> bytes:
    data = {
        "format": FORMAT,
        "model": None if value is None else value.model_dump(mode="json"),
        "problems": [
            {
                "line": p.source.line,
                "col": p.source.col,
                "severity": p.severity,
                "code": p.code,
                "message": p.message,
                "excerpt": p.excerpt,
                "say": p.say,
                "args": [[k, v] for k, v in p.args],
            }
            for p in problems
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def load(data: bytes, model: type[M], path: str) -> tuple[M | None, list[Problem]] | None:
    """The model and problems an entry holds, the problems at `path`; None if it is not one."""
    try:
        entry = json.loads(data)
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        raw = entry["model"]
        value = None if raw is None else construct(model, raw)
        problems = [
            Problem(
                Source(path, int(p["line"]), int(p["col"])),
                p["severity"],
                p["code"],
                p["message"],
                p["excerpt"],
                say=p["say"],
                args=tuple((k, v) for k, v in p["args"]),
            )
            for p in entry["problems"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    return value, problems


def construct(model: type[M], data: dict[str, Any]) -> M:
    """A model from its own JSON dump, without validating again."""
    convert = _converters(model)
    if not isinstance(data, dict) or not set(data) <= set(convert):
        raise ValueError(f"not a {model.__name__}")
    return model.model_construct(**{k: convert[k](v) for k, v in data.items()})


@functools.cache
def _converters(model: type[BaseModel]) -> dict[str, Convert]:
    hints = typing.get_type_hints(model)
    return {name: _converter(hints[name]) for name in model.model_fields}


def _same(value: Any) -> Any:
    return value


def _converter(hint: Any) -> Convert:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Annotated:
        return _converter(args[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner = _converter(options[0]) if len(options) == 1 else _same
        return lambda v: None if v is None else inner(v)
    if origin is list:
        item = _converter(args[0])
        return lambda v: [item(x) for x in v]
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return lambda v: construct(hint, v)
    if hint is date:
        return date.fromisoformat
    if hint is float:
        return float
    return _same
