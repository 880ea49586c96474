"""A checked plan or progress file as plain data, for the cache: JSON in, plain objects out.

What the cache keeps can never run code: an entry is JSON text, read with
`json.loads` into dicts, lists, strings and numbers. Each model in it is tagged
with its class's name and each date is tagged as a date, so that reading it back
needs neither the model classes nor their types: a tagged object becomes the
model's plain twin (`plan.shapes.PLAIN`: the same fields, the same methods,
no Pydantic), an entry of any other shape is not used. The values were valid when
the entry was written, from the very bytes the entry is keyed by.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from cchc_cli.errors import Problem, Source
from cchc_cli.plan.shapes import PLAIN, Plain

FORMAT = 2
_MODEL, _DATE = "$", "$d"


def _tagged(value: Any) -> Any:
    """A checked plan's value (`plan.shapes.Plain`) as JSON data, each model tagged with
    its class's name."""
    if isinstance(value, Plain):
        out = {_MODEL: type(value).__name__}
        for name, field in value.__dict__.items():
            out[name] = _tagged(field)
        return out
    if isinstance(value, list | tuple):
        return [_tagged(v) for v in value]
    if isinstance(value, dict):
        return {k: _tagged(v) for k, v in value.items()}
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    return value


def _untagged(obj: dict[str, Any]) -> Any:
    if _MODEL in obj:
        kind = PLAIN[obj.pop(_MODEL)]  # KeyError: not an entry of ours
        return kind(obj)
    if _DATE in obj:
        if len(obj) != 1:
            raise ValueError("not a date")
        return date.fromisoformat(obj[_DATE])
    return obj


def dump(value: Any, problems: list[Problem]) -> bytes:
    data = {
        "format": FORMAT,
        "model": None if value is None else _tagged(value),
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


def load(data: bytes, model: type | str, path: str) -> tuple[Any, list[Problem]] | None:
    """The plain twin of the model (named, or its class) and the problems an entry holds,
    the problems at `path`; None if it is not such an entry."""
    name = model if isinstance(model, str) else model.__name__
    try:
        entry = json.loads(data, object_hook=_untagged)
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        value = entry["model"]
        if value is not None and type(value).__name__ != name:
            return None
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
