"""Word documents from templates: the only module that imports docxtpl, jinja2 and docx.

A template is a .docx with Jinja tags (docxtpl). It is rendered once, in a
sandboxed Jinja environment with autoescaping and strict undefined names: text
from a plan (`&`, `<b>`, quotes, `{{ 7*7 }}`) lands in the document literally
and is never evaluated. The result is written atomically: to a temporary file
in the target folder, then renamed over the target, so a failure never leaves
a half-written document behind.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CchcError, UsageError

if TYPE_CHECKING:
    from docxtpl import DocxTemplate
    from jinja2.sandbox import SandboxedEnvironment


def _environment() -> SandboxedEnvironment:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def _open(template: Path) -> DocxTemplate:
    """Load a template, turning every way it can be unusable into one clear error."""
    if not template.exists():
        raise UsageError(f"template not found: {template}")
    if not template.is_file():
        raise UsageError(f"template is not a file: {template}")
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    try:
        tpl.init_docx()  # opens the package: python-docx's Document()
    except Exception as exc:  # noqa: BLE001 - any failure means "not a usable .docx"
        raise CchcError(
            f"template {template} is not a Word .docx document ({_reason(exc)})"
        ) from None
    return tpl


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


def _template_error(template: Path, exc: Exception) -> CchcError:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateSyntaxError):
        near = " ".join(" ".join(getattr(exc, "docx_context", None) or []).split())
        where = f" near “{near[:80]}”" if near else ""
        return CchcError(f"template {template}: Jinja syntax error: {exc.message}{where}")
    if isinstance(exc, UndefinedError):
        return CchcError(
            f"template {template} uses a field the report does not have: {exc.message}"
        )
    if isinstance(exc, SecurityError):
        return CchcError(f"template {template} does something templates may not do: {exc}")
    return CchcError(f"template {template} failed to render: {_reason(exc)}")


def _fields(template: Path, tpl: DocxTemplate) -> set[str]:
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


def template_fields(template: Path) -> set[str]:
    """The top-level names a template reads (for linting it against the view model)."""
    return _fields(template, _open(template))


def render_docx(template: Path, context: Mapping[str, Any], output: Path) -> Path:
    """Fill `template` with `context` and write the document to `output` atomically."""
    if output.suffix.lower() != ".docx":
        raise UsageError(f"the output must be a .docx file, not {output}")
    folder = output.parent
    if not folder.is_dir():
        raise UsageError(f"folder not found: {folder} (for {output})")
    if output.exists() and template.exists() and output.resolve() == template.resolve():
        raise UsageError(f"the output {output} would overwrite the template")

    tpl = _open(template)
    try:
        tpl.render(dict(context), jinja_env=_environment(), autoescape=True)
    except Exception as exc:  # noqa: BLE001 - a broken template is the user's input
        from jinja2 import UndefinedError

        if isinstance(exc, UndefinedError):
            # Name every unknown field at once, not only the first one met. Scanning the
            # template for its names costs a second compile, so only a failure pays it.
            unknown = _fields(template, _open(template)) - set(context)
            if unknown:
                names = ", ".join(sorted(unknown))
                raise CchcError(
                    f"template {template} uses fields the report does not have: {names}"
                ) from None
        raise _template_error(template, exc) from None
    _save_atomically(tpl, output)
    return output


def _save_atomically(tpl: DocxTemplate, output: Path) -> None:
    from docx import Document

    tmp = output.with_name(f".{output.stem}.{secrets.token_hex(4)}.docx.tmp")
    try:
        with open(tmp, "xb") as fh:
            tpl.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        Document(str(tmp))  # the written package opens again
        os.replace(tmp, output)
    except PermissionError:
        _discard(tmp)
        raise CchcError(f"cannot write {output}: permission denied (is it open in Word?)") from None
    except OSError as exc:
        _discard(tmp)
        raise CchcError(f"cannot write {output}: {exc.strerror or exc}") from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(path: Path) -> None:
    with suppress(OSError):
        path.unlink()
