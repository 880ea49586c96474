"""The command line in the user's language: help texts, Click's own headings and its
errors (missing argument, unknown option, bad choice), said through `words`.

Commands declare their help in English; `localize` puts in the Vietnamese of
`words.HELP` when Vietnamese is in use, and adds `--lang` to every command. Click's
usage errors are caught by `app.main` and said here with the option named.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from typer._click import core as click_core
from typer._click import types as click_types
from typer._click.formatting import HelpFormatter
from typer._types import TyperChoice

from cchc_cli import words

LANG_HELP = {
    "vi": "Ngôn ngữ của mọi thứ cchc in ra: vi hoặc en (cũng có thể đặt CCHC_LANG).",
    "en": "Language of everything cchc prints: vi or en (or set CCHC_LANG).",
}


class Formatter(HelpFormatter):
    """Click's help layout with its headings and fixed phrases in the language in use."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = re.sub(r"\{([A-Z_]+)\}", r"\1", args)  # Typer's braces around a required one
        table = words.HELP_WORDS[words.language()]
        for scaffold in ("COMMAND [ARGS]...", "[OPTIONS]"):  # Click's own words
            args = args.replace(scaffold, table.get(scaffold, scaffold))
        super().write_usage(prog, args, prefix or table["Usage: "])

    def write_heading(self, heading: str) -> None:
        super().write_heading(words.HELP_WORDS[words.language()].get(heading, heading))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _phrases(text)) for term, text in rows], col_max, col_spacing)


def _phrases(text: str) -> str:
    if words.language() == "en":
        return text
    table = words.HELP_WORDS["vi"]
    text = table.get(text, text)
    text = re.sub(r"\[default: (.*?)\]", lambda m: f"[{table['default']}: {m.group(1)}]", text)
    return text.replace("[required]", f"[{table['required']}]")


class Context(typer.Context):
    formatter_class = Formatter


class Choice(TyperChoice):  # type: ignore[type-arg]
    """A choice of values that also takes them typed in Vietnamese ("quá hạn", "bảng"),
    read as the values the command knows (`words.option_value`)."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str):
            value = words.option_value(value)
        return super().convert(value, param, ctx)


def localize(command: Any, path: str = "") -> None:
    """Give `command` and its subcommands their help in the language in use, Click's
    headings through `Formatter`, and the `--lang` option."""
    command.context_class = Context
    vi = words.language() == "vi"
    key = path or "cchc"
    if vi and key in words.HELP:
        command.help = words.HELP[key]
    command.short_help = words.SHORT_HELP[words.language()].get(key)
    for param in command.params:
        if type(param.type) is TyperChoice:
            param.type = Choice(param.type.choices, case_sensitive=param.type.case_sensitive)
        if vi and param.name in ("install_completion", "show_completion"):
            param.help = words.HELP[f"*.{param.name}"]
        elif vi and isinstance(param, click_core.Parameter):
            text = words.HELP.get(f"{key}.{param.name}") or words.HELP.get(f"*.{param.name}")
            if text is not None:
                param.help = text  # type: ignore[attr-defined]
    if not any(p.name == "lang" for p in command.params):
        command.params.append(
            typer.core.TyperOption(
                param_decls=["--lang"],
                type=TyperChoice(["vi", "en"]),
                metavar="vi|en",
                expose_value=False,
                help=LANG_HELP[words.language()],
                show_default=False,
            )
        )
    subcommands = getattr(command, "commands", {})
    if isinstance(subcommands, dict):  # a lazy group localizes each command as it builds it
        for name, sub in subcommands.items():
            localize(sub, name)


def usage_error(exc: Any) -> str:
    """Click's usage error as the one line cchc prints, in the language in use."""
    from typer._click import exceptions as e

    ctx = exc.ctx
    if isinstance(exc, e.NoSuchOption):
        return words.problem(
            "click-no-option",
            {"option": exc.option_name, "like": _closest(exc.option_name, exc.possibilities)},
        )
    if isinstance(exc, e.MissingParameter):
        param = exc.param
        name = _param_name(param, ctx)
        kind = (
            "click-missing-argument"
            if exc.param_type == "argument"
            or (param is not None and param.param_type_name == "argument")
            else "click-missing-option"
        )
        return words.problem(kind, {"param": name})
    if isinstance(exc, e.BadParameter):
        return _bad_parameter(exc)
    if isinstance(exc, e.BadOptionUsage):
        kind = "click-no-value" if "does not take" in exc.message else "click-needs-value"
        return words.problem(kind, {"option": exc.option_name})
    message = exc.format_message()
    commands = ", ".join(getattr(ctx.command, "commands", {}) if ctx else ())
    found = re.match(r"No such command '(.*)'\.", message)
    if found:
        like = _closest(found.group(1), list(getattr(ctx.command, "commands", {})))
        return words.problem(
            "click-no-command", {"command": found.group(1), "like": like, "commands": commands}
        )
    found = re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", message)
    if found:
        return words.problem("click-extra", {"args": found.group(1)})
    if message.startswith("Missing command"):
        return words.problem("click-missing-command", {"commands": commands})
    return words.problem("click-other", {"what": message})


def _bad_parameter(exc: Any) -> str:
    param = exc.param
    name = _param_name(param, exc.ctx) if param is not None else str(exc.param_hint or "")
    kind = getattr(param, "type", None)
    value = re.match(r"^'(.*?)' ", exc.message) or re.match(r"^(\S+) ", exc.message)
    shown = value.group(1) if value else ""
    if isinstance(kind, TyperChoice):
        choices = ", ".join(_choice(str(getattr(c, "value", c))) for c in kind.choices)
        return words.problem("click-choice", {"param": name, "value": shown, "choices": choices})
    if isinstance(kind, click_types.IntRange):
        low, high = kind.min, kind.max
        if "is not in the range" in exc.message:
            return words.problem(
                "click-range", {"param": name, "value": shown, "range": f"{low}–{high}"}
            )
        return words.problem("click-int", {"param": name, "value": shown})
    if isinstance(kind, click_types.IntParamType):
        return words.problem("click-int", {"param": name, "value": shown})
    return words.problem("click-bad", {"param": name, "what": exc.message})


def _choice(value: str) -> str:
    """A value as the usage error lists it: in Vietnamese, its Vietnamese word first."""
    if words.language() == "en":
        return value
    said = next((vi for vi, known in words.OPTION_VALUES.items() if known == value), None)
    return f"{said} ({value})" if said else value


def _param_name(param: Any, ctx: Any) -> str:
    if param is None:
        return ""
    if param.param_type_name == "argument":
        return str(param.metavar or param.name).upper()
    return " / ".join(param.opts)


def _closest(word: str, choices: Any) -> str | None:
    from cchc_cli.plan.lookup import closest

    return closest(word, list(choices or ()))


def show_usage_error(exc: Any) -> None:
    """The usage line, where help is, and the error: on stderr, in the language in use."""
    from cchc_cli.commands.common import err

    ctx = exc.ctx
    if ctx is not None:
        err(ctx.get_usage())
        err(words.HELP_WORDS[words.language()]["try"].format(command=ctx.command_path))
        err("")
    err(words.error(usage_error(exc)), one=True)
