"""Word documents from templates: the only module that imports docxtpl, jinja2 and docx.

A template is a .docx with Jinja tags (docxtpl). It is rendered once, in a
sandboxed Jinja environment with autoescaping and strict undefined names: text
from a plan (`&`, `<b>`, quotes, `{{ 7*7 }}`) lands in the document literally
and is never evaluated. Rendering returns the document's bytes; `files.safe_write`
writes them, so a failure never leaves a half-written document behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from cchc_cli.errors import CchcError

if TYPE_CHECKING:
    from docxtpl import DocxTemplate
    from jinja2.sandbox import SandboxedEnvironment


def _literal(value: Any) -> Any:
    """A value as the document shows it, once: escaped for XML, and with the underscore of
    `{_{`, `}_}`, `{_%` and `%_}` written as a character reference, since docxtpl turns
    those into Jinja tags in the rendered document (plan text is never a tag)."""
    from markupsafe import Markup, escape

    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    text = str(escape(value))
    return Markup(text.replace("{_", "{&#95;").replace("_}", "&#95;}"))


def _environment() -> SandboxedEnvironment:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=_literal)


def bundled_template() -> bytes:
    """The report template that comes with cchc (package data, found from any install)."""
    from importlib.resources import files

    return files("cchc_cli.views").joinpath("templates", "report.docx").read_bytes()


def _open(template: bytes, label: str) -> DocxTemplate:
    """Load a template, turning every way it can be unusable into one clear error."""
    import io

    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(template))
    try:
        tpl.init_docx()  # opens the package: python-docx's Document()
    except Exception as exc:  # noqa: BLE001 - any failure means "not a usable .docx"
        raise CchcError("template-not-docx", label=label, why=_reason(exc)) from None
    return tpl


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


def _template_error(template: str, exc: Exception) -> CchcError:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateSyntaxError):
        near = " ".join(" ".join(getattr(exc, "docx_context", None) or []).split())
        return CchcError(
            "template-syntax",
            label=template,
            what=str(exc.message)[:300],
            near={"say": "template-near", "args": {"near": near[:80]}} if near else "",
        )
    if isinstance(exc, UndefinedError):
        return CchcError("template-field", label=template, what=str(exc.message)[:300])
    if isinstance(exc, SecurityError):
        return CchcError("template-unsafe", label=template, what=str(exc)[:300])
    return CchcError("template-failed", label=template, why=_reason(exc))


def _fields(template: str, tpl: DocxTemplate) -> set[str]:
    from jinja2 import TemplateSyntaxError

    try:
        return set(tpl.get_undeclared_template_variables(jinja_env=_environment()))
    except TemplateSyntaxError as exc:
        exc.docx_context = _near(tpl)  # type: ignore[attr-defined]
        raise _template_error(template, exc) from None
    except Exception as exc:  # noqa: BLE001 - a broken template is the user's input
        raise _template_error(template, exc) from None


def _near(tpl: DocxTemplate) -> list[str]:
    """The text of the body paragraph where a Jinja syntax error is, to find it in Word."""
    import re

    from jinja2 import TemplateSyntaxError

    tpl.init_docx()
    xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(tpl.get_xml()))
    try:
        _environment().parse(xml)
    except TemplateSyntaxError as exc:
        if exc.lineno:
            return [re.sub(r"<[^>]+>", "", xml.splitlines()[exc.lineno - 1])]
    return []


def render_docx(template: bytes, label: str, context: Mapping[str, Any]) -> bytes:
    """Fill a template (the bytes of a .docx named `label`) with `context`: the document's bytes.

    The document is opened again before it is returned, so what is written is a
    package that Word can open."""
    import io

    from docx import Document

    tpl = _open(template, label)
    try:
        tpl.render(dict(context), jinja_env=_environment(), autoescape=True)
    except CchcError:
        raise  # a limit the command set (time)
    except Exception as exc:  # noqa: BLE001 - a broken template is the user's input
        from jinja2 import UndefinedError

        if isinstance(exc, UndefinedError):
            # Name every unknown field at once, not only the first one met. Scanning the
            # template for its names costs a second compile, so only a failure pays it.
            unknown = _fields(label, _open(template, label)) - set(context)
            if unknown:
                names = ", ".join(sorted(unknown))
                raise CchcError("template-fields", label=label, names=names) from None
        raise _template_error(label, exc) from None
    out = io.BytesIO()
    tpl.save(out)
    data = out.getvalue()
    Document(io.BytesIO(data))  # the written package opens again
    return data
