"""Word documents from templates: the only module that imports docxtpl, jinja2 and docx.

A template is a .docx with Jinja tags (docxtpl). It is rendered once, in a
sandboxed Jinja environment with autoescaping and strict undefined names: text
from a plan (`&`, `<b>`, quotes, `{{ 7*7 }}`) lands in the document literally
and is never evaluated. Rendering returns the document's bytes; `files.safe_write`
writes them, so a failure never leaves a half-written document behind.
"""

from __future__ import annotations

import functools
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
    text = escape(value)
    if "{_" not in text and "_}" not in text:
        return text  # already Markup: not made a second time (a report has ~10⁵ values)
    return Markup(str(text).replace("{_", "{&#95;").replace("_}", "&#95;}"))


def _environment() -> SandboxedEnvironment:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=_literal)


def bundled_template() -> bytes:
    """The report template that comes with cchc (package data, found from any install)."""
    from importlib.resources import files

    return files("cchc_cli.views").joinpath("templates", "report.docx").read_bytes()


# The bundled template's body as Jinja compiles it to Python (tools/compile_report_template.py
# writes it, beside report.docx): parsing the body's 77,000 characters and generating its
# code took 41 ms of a short report's 0.23 s. Its first line is the key of what it was
# compiled from (`compiled_key`); for any other text, Jinja, or environment it is not used.
COMPILED = "report.docx.compiled"


def compiled_key(env: Any, source: str) -> str:
    """What compiled code is valid for: the text compiled, by which Jinja, in an environment
    of which settings (the sandbox, escaping, finalize and undefined change the code)."""
    import hashlib

    import jinja2

    settings = (getattr(jinja2, "__version__", "?"), type(env).__qualname__, env.autoescape,
                getattr(env.finalize, "__qualname__", env.finalize), env.undefined.__qualname__)  # fmt: skip
    head = "\n".join(map(str, settings)).encode("utf-8") + b"\n\0"
    return hashlib.sha256(head + source.encode("utf-8")).hexdigest()


def compiled_body() -> str:
    """What `COMPILED` holds for the bundled template, with the Jinja and docxtpl installed:
    the key, then Jinja's Python for the template's body (as docxtpl patches it, each
    paragraph on a line of its own) in cchc's environment."""
    env = _environment()
    tpl = _open(bundled_template(), "report.docx")
    tpl.render_init()
    source = _paragraph_lines(tpl.patch_xml(tpl.get_xml()))
    return f"# {compiled_key(env, source)}\n" + str(env.compile(source, raw=True))


def _paragraph_lines(xml: str) -> str:
    return xml.replace("<w:p ", "\n<w:p ").replace("<w:p>", "\n<w:p>")


def _jinja_template(env: Any, source: str) -> Any:
    """`env.from_string(source)`, without parsing and generating the code of the bundled
    template's body where `COMPILED` was compiled from this very text in such an
    environment: Python compiles what Jinja generated, as `from_string` does after
    generating it."""
    if len(source) > 10_000:  # a body; the headers, footers and properties are short
        from importlib.resources import files

        shipped = files("cchc_cli.views").joinpath("templates", COMPILED)
        try:
            text = shipped.read_text(encoding="utf-8")
        except OSError:
            text = ""
        key, _, code = text.partition("\n")
        if key == f"# {compiled_key(env, source)}":
            compiled = compile(code, "<template>", "exec")
            return env.template_class.from_code(env, compiled, env.make_globals(None), None)
    return env.from_string(source)


@functools.cache
def _template_class() -> type[DocxTemplate]:
    """docxtpl's template, with three steps of its rendering done in less time.

    After Jinja has filled the document's XML, docxtpl parses the body apart, fixes
    its tables' column grids, then moves the parsed body into the document, and
    before that rewrites every paragraph's runs for tabs and line breaks in the text.
    On a report of 10,000 tasks (18 MB of XML) these took 0.6 s (the runs), 1.0 s
    (the tables) and 1.0 s (the move: lxml reconciles every node's namespaces). Here
    the rendered body is parsed once, in its place in the document, by python-docx's
    own parser (strict: a template that renders to broken XML is an error, not a
    document silently repaired); the grids are fixed by the same rule, a row's cells
    counted in one call; and the runs are left as they are when the text holds none of
    the characters that rewriting changes."""
    import re

    from docx.oxml.ns import nsmap
    from docx.oxml.parser import parse_xml
    from docxtpl import DocxTemplate

    w, wp = "{" + nsmap["w"] + "}", "{" + nsmap["wp"] + "}"
    special = re.compile("[\t\a\n\f]")
    paragraph = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # as docxtpl finds them
    body_tag = re.compile(r"<w:body\b[^>]*>")
    declaration = re.compile(r'\s+xmlns(?::[\w.-]+)?="[^"]*"')

    class Template(DocxTemplate):  # type: ignore[misc]
        def render_xml_part(
            self, src_xml: str, part: Any, context: Any, jinja_env: Any = None
        ) -> str:
            # docxtpl's own steps, in its order, with its regular expressions' substitutions
            # done as plain replacements (the same text: 0.2 s less on 20 MB of XML), always
            # in cchc's sandboxed environment, and without the excerpt docxtpl attaches to a
            # template's error (cchc names the template instead).
            self.current_rendering_part = part
            src_xml = _paragraph_lines(src_xml)
            dst_xml = _jinja_template(jinja_env or _environment(), src_xml).render(context)
            dst_xml = dst_xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
            dst_xml = (
                dst_xml.replace("{_{", "{{")
                .replace("}_}", "}}")
                .replace("{_%", "{%")
                .replace("%_}", "%}")
            )
            return str(self.resolve_listing(dst_xml))

        def resolve_listing(self, xml: str) -> str:
            found = special.search(xml)
            if found is None:
                return xml
            if "txbxContent" in xml:  # paragraphs in a text box, inside a paragraph
                return self._listing_by_paragraphs(xml)
            # Only a paragraph whose text holds such a character is rewritten, found as
            # docxtpl finds paragraphs (from its opening tag to the first closing one), and
            # rewritten by docxtpl; each is found from the character, not by walking every
            # paragraph of the document.
            pieces, last = [], 0
            while found is not None:
                at = found.start()
                start = _paragraph_start(xml, at)
                end = xml.find("</w:p>", start) if start >= 0 else -1
                if end < at:  # between paragraphs
                    found = special.search(xml, at + 1)
                    continue
                end += len("</w:p>")
                pieces += [xml[last:start], super().resolve_listing(xml[start:end])]
                last = end
                found = special.search(xml, end)
            return "".join([*pieces, xml[last:]])

        def _listing_by_paragraphs(self, xml: str) -> str:
            pieces, last = [], 0
            for found in paragraph.finditer(xml):
                if special.search(found.group()):
                    pieces += [xml[last : found.start()], super().resolve_listing(found.group())]
                    last = found.end()
            return "".join([*pieces, xml[last:]])

        def fix_docpr_ids(self, tree: Any) -> None:
            for element in tree.getroottree().iter(wp + "docPr"):
                self.docx_ids_index += 1
                element.attrib["id"] = str(self.docx_ids_index)

        def fix_tables(self, xml: str) -> Any:
            root = self.docx._element
            document = self.xml_to_string(root)
            start = body_tag.search(document)
            end = document.rfind("</w:body>")
            head = body_tag.match(xml)
            if start is None or end < 0 or head is None:
                raise ValueError("no w:body in the document")
            # The body was cut from this very document: its namespaces are the
            # document's, declared again on its first tag, where they are dropped.
            body = declaration.sub("", head.group()) + xml[head.end() :]
            new_root = parse_xml(document[: start.start()] + body + document[end + 9 :])
            self.docx._element = self.docx._part._element = new_root
            tables = list(new_root.body.iter(w + "tbl"))  # one walk of 20 MB for both steps
            _fix_grids(tables, w)
            _keep_rows(tables, w)
            return new_root.body

        def map_tree(self, tree: Any) -> None:
            if tree.getparent() is not self.docx._element:
                super().map_tree(tree)

    return Template


def _paragraph_start(xml: str, at: int) -> int:
    """Where the last paragraph's opening tag (`<w:p>` or `<w:p …>`, not `<w:pPr>`) before
    `at` begins, or -1."""
    at = xml.rfind("<w:p", 0, at)
    while at >= 0 and xml[at + 4 : at + 5] not in (" ", ">"):
        at = xml.rfind("<w:p", 0, at)
    return at


@functools.cache
def _row_queries(w: str) -> tuple[Any, ...]:
    """Asked of lxml, not row by row in Python (a 10,000-row annex: 0.3 s): whether a row
    has more cells than `$n`; whether one has at least `$n`; whether the table holds
    anything but its properties, grid and rows as its children (rows in a content
    control, say)."""
    from lxml import etree

    ns = {"w": w[1:-1]}
    return (
        etree.XPath("boolean(w:tr[count(w:tc) > $n])", namespaces=ns),
        etree.XPath("boolean(w:tr[count(w:tc) >= $n][1])", namespaces=ns),  # the first one
        etree.XPath(
            "boolean(*[not(self::w:tblPr or self::w:tblGrid or self::w:tr)])", namespaces=ns
        ),
    )


def _fix_grids(tables: list[Any], w: str) -> None:
    """docxtpl's `fix_tables`, by the same rule, over every table of a body (nested ones
    too): a table's grid gets a column for each cell that a row has more than the grid,
    and loses the columns that no row reaches. By that rule a table's rows are all the
    rows inside it, a table's within its cells too."""
    more_than, at_least, wrapped = _row_queries(w)
    holding = {outer for table in tables for outer in table.iterancestors(w + "tbl")}
    for table in tables:
        grid = table.find(w + "tblGrid")
        if grid is None:
            continue
        columns = grid.findall(w + "gridCol")
        n = len(columns)
        own_rows = table not in holding and not wrapped(table)  # its rows are its children
        if own_rows and not more_than(table, n=n) and at_least(table, n=n):
            continue  # no column to add, and a row reaches the last one
        rows = list(table.iter(w + "tr"))
        cells = [r.findall(w + "tc") for r in rows]
        to_add = max([len(c) for c in cells] + [len(columns)]) - len(columns)
        if to_add > 0:
            _widen_grid(grid, columns, to_add, w)
            columns = grid.findall(w + "gridCol")
        to_remove = len(columns) - _widest_row(table, rows, cells, w)
        if to_remove > 0:
            _narrow_grid(grid, columns[-to_remove:], w)


def _widen_grid(grid: Any, columns: list[Any], to_add: int, w: str) -> None:
    """`to_add` columns more in `grid`, the table's width shared evenly anew: each column
    keeps its share of the old average, the new ones take the new average."""
    from lxml import etree

    width = sum(float(c.get(w + "w")) for c in columns if c.get(w + "w") is not None)
    if width <= 0:
        return
    old_average = width / len(columns)
    new_average = width / (len(columns) + to_add)
    for c in columns:
        c.set(w + "w", str(int(float(c.get(w + "w")) * new_average / old_average)))
    for _ in range(to_add):
        etree.SubElement(grid, w + "gridCol", {w + "w": str(int(new_average))})


def _widest_row(table: Any, rows: list[Any], cells: list[list[Any]], w: str) -> int:
    """The most grid columns a row of `table` reaches: its cells, counting a cell merged
    across columns (`gridSpan`) as the columns it spans."""
    tc, tc_pr, span, val = w + "tc", w + "tcPr", w + "gridSpan", w + "val"
    merged_rows = set()  # rows with a cell merged across columns: counted one by one
    for spans in table.iter(span):
        props = spans.getparent()
        cell = props.getparent() if props is not None and props.tag == tc_pr else None
        if cell is not None and cell.tag == tc and cell.getparent() is not None:
            merged_rows.add(cell.getparent())
    widest = 0
    for row, row_cells in zip(rows, cells, strict=True):
        count = len(row_cells)
        if merged_rows and row in merged_rows:
            count = 0
            for cell in row_cells:
                props = cell.find(tc_pr)
                merged = None if props is None else props.find(span)
                count += 1 if merged is None else int(merged.get(val))
        widest = max(widest, count)
    return widest


def _narrow_grid(grid: Any, removed: list[Any], w: str) -> None:
    """The grid without the columns `removed`, their width shared among those left."""
    width = 0.0
    for c in removed:
        width += float(c.get(w + "w"))
        grid.remove(c)
    left = grid.findall(w + "gridCol")
    extra = int(width / len(left)) if left else 0
    for c in left:
        c.set(w + "w", str(int(float(c.get(w + "w")) + extra)))


# A table never leaves fewer than this many of its rows (not counting a group's title or a
# total) on its first page or on its last.
KEEP_ROWS = 3
# A table of at most this many rows (the same count) is kept whole, on one page with the
# heading and note above it: split, its halves would be too short to read alone (the tally
# of the annex has a row per area; the TTHC tables a row per report or lĩnh vực).
SMALL_TABLE = 12


def _keep_rows(tables: list[Any], w: str) -> None:
    """Of every table of a body: a table with a repeated header row never leaves one or two of its rows on a page:
    its header rows and its first `KEEP_ROWS` rows are kept with the row under them, its
    last `KEEP_ROWS` rows together (each paragraph of those rows keeps with the next), with
    the note under the table when one follows it, and no row splits across pages; a table
    of at most `SMALL_TABLE` rows keeps every row with the next (it moves whole, with the
    heading and note kept with it). A row all in bold (a group's title, a total) does not count
    as one of those rows: it goes with them. Rows a template repeats (`{%tr for %}`) are
    only known once rendered."""
    heads_of, splittable = _keep_queries(w)
    for table in tables:
        heads = heads_of(table)
        if not heads:
            continue
        for row in splittable(table):
            _cant_split(row, w)
        rows = table.findall(w + "tr")
        for row in [*heads, *_kept_rows(table, [r for r in rows if r not in heads], w)]:
            for p in row.iter(w + "p"):
                _keep_with_next(p, w)


@functools.cache
def _keep_queries(w: str) -> tuple[Any, Any]:
    """A table's header rows, and its rows that may still split across pages."""
    from lxml import etree

    ns = {"w": w[1:-1]}
    return (
        etree.XPath("w:tr[w:trPr/w:tblHeader]", namespaces=ns),
        etree.XPath("w:tr[not(w:trPr/w:cantSplit)]", namespaces=ns),
    )


def _kept_rows(table: Any, data: list[Any], w: str) -> list[Any]:
    """The data rows each kept with the next: the first `KEEP_ROWS` and the last, every
    row of a small table; the last row only when a note under the table goes with it."""
    first = _counted(data, w, inclusive=False)
    last = _counted(data[::-1], w, inclusive=True)
    if _small(data, w):
        first, last = data[:-1], data[-1:]  # a small table: every row with the next
    after = table.getnext()
    if after is None or after.tag != w + "p" or not "".join(after.itertext()).strip():
        last = last[1:]  # the last row, unless a note under the table goes with it
    return [*first, *last]


def _small(data: list[Any], w: str) -> bool:
    """Whether at most `SMALL_TABLE` rows are not all in bold; the rows are looked at only
    until one more is found (the annex of a 10,000-task plan: 2.3 s for all of them)."""
    counted = 0
    for row in data:
        counted += not _all_bold(row, w)
        if counted > SMALL_TABLE:
            return False
    return True


def _cant_split(row: Any, w: str) -> None:
    """The row never splits across pages (`cantSplit` in its properties)."""
    split = w + "cantSplit"
    tr_pr = row.find(w + "trPr")
    if tr_pr is None:
        tr_pr = row.makeelement(w + "trPr", {})
        row.insert(next((i for i, c in enumerate(row) if c.tag == w + "tblPrEx"), -1) + 1,
                   tr_pr)  # fmt: skip
    if tr_pr.find(split) is None:
        tr_pr.insert(0, tr_pr.makeelement(split, {}))


def _keep_with_next(p: Any, w: str) -> None:
    """The paragraph kept with the next (`keepNext`, after its style as Word orders it)."""
    keep, ppr_tag = w + "keepNext", w + "pPr"
    p_pr = p.find(ppr_tag)
    if p_pr is None:
        p_pr = p.makeelement(ppr_tag, {})
        p.insert(0, p_pr)
    if p_pr.find(keep) is None:
        at = 1 if len(p_pr) and p_pr[0].tag == w + "pStyle" else 0
        p_pr.insert(at, p_pr.makeelement(keep, {}))


def _counted(rows: list[Any], w: str, *, inclusive: bool) -> list[Any]:
    """The rows up to the `KEEP_ROWS`-th that is not all in bold, that one left out (or with
    `inclusive`, in): read forwards, the rows to keep with the next so that the first
    `KEEP_ROWS` go together; read backwards, those that the table's last rows hang from."""
    seen, out = 0, []
    for row in rows:
        seen += not _all_bold(row, w)
        if seen >= KEEP_ROWS and not inclusive:
            break
        out.append(row)
        if seen >= KEEP_ROWS:
            break
    return out


def _all_bold(row: Any, w: str) -> bool:
    """Whether every run of text in a row is bold (a group's title row, a total row)."""
    runs = [r for r in row.iter(w + "r") if "".join(r.itertext()).strip()]
    return bool(runs) and all(
        (b := r.find(f"{w}rPr/{w}b")) is not None and b.get(w + "val") not in ("0", "false")
        for r in runs
    )


def _open(template: bytes, label: str) -> DocxTemplate:
    """Load a template, turning every way it can be unusable into one clear error."""
    import io

    tpl = _template_class()(io.BytesIO(template))
    try:
        tpl.init_docx()  # opens the package: python-docx's Document()
    except Exception as exc:  # noqa: BLE001 - any failure means "not a usable .docx"
        raise CchcError("template-not-docx", label=label, why=_unusable(exc)) from None
    return tpl


def _unusable(exc: BaseException) -> dict[str, str]:
    """Why a template cannot be opened as a .docx, in words (not the library's English)."""
    import zipfile

    from lxml.etree import XMLSyntaxError

    if isinstance(exc, zipfile.BadZipFile):
        return {"say": "docx-not-zip"}
    if isinstance(exc, KeyError):  # a part or a relationship the package must have
        return {"say": "docx-part-missing"}
    if isinstance(exc, XMLSyntaxError | ValueError):
        return {"say": "docx-part-broken"}
    return {"say": "docx-unopened"}


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


def _template_error(template: str, exc: Exception, where: str = "", tag: str = "") -> CchcError:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError
    from lxml.etree import XMLSyntaxError

    near = {"say": "template-near", "args": {"near": where}} if where else ""
    if isinstance(exc, TemplateSyntaxError) and tag and where:
        return CchcError("template-unclosed", label=template, tag=tag, near=where)
    if isinstance(exc, TemplateSyntaxError):
        return CchcError("template-syntax", label=template, what=str(exc.message)[:300], near=near)
    if isinstance(exc, UndefinedError):
        return CchcError("template-field", label=template, what=str(exc.message)[:300],
                         near=near)  # fmt: skip
    if isinstance(exc, SecurityError):
        return CchcError("template-unsafe", label=template, what=str(exc)[:300])
    if isinstance(exc, XMLSyntaxError):  # the rendered body, parsed (`_template_class`)
        return CchcError("template-xml", label=template, why=str(exc)[:300])
    return CchcError("template-failed", label=template, why=_reason(exc))


def _fields(template: str, tpl: DocxTemplate) -> set[str]:
    from jinja2 import TemplateSyntaxError

    try:
        return set(tpl.get_undeclared_template_variables(jinja_env=_environment()))
    except TemplateSyntaxError as exc:
        raise _template_error(template, exc, *_syntax_paragraph(tpl, exc)) from None
    except Exception as exc:  # noqa: BLE001 - a broken template is the user's input
        raise _template_error(template, exc) from None


# Jinja tags that open a block closed by "end…".
_BLOCKS = {"for", "if", "macro", "call", "filter", "with", "block", "autoescape", "raw"}


def _lines(tpl: DocxTemplate) -> list[str]:
    """The template's Jinja source as docxtpl prepares it, one paragraph (or tag) a line,
    so that a line number names a paragraph."""
    import re

    tpl.init_docx()
    xml = tpl.patch_xml(tpl.get_xml())
    return re.sub(r"(</w:p>)", r"\1\n", re.sub(r"(<w:p[ >]|\{%)", r"\n\1", xml)).split("\n")


def _words(line: str) -> str:
    """A line's text as Word shows it: tags removed, the first words kept."""
    import html
    import re

    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", line)).split())
    return text if len(text) <= 60 else text[:57].rstrip() + "…"


def _syntax_paragraph(tpl: DocxTemplate, exc: BaseException) -> tuple[str, str]:
    """The paragraph where a Jinja syntax error is, by its first words: where the parser
    stopped, or, when a block is left open, where that block opens (the paragraph whose
    "end…" is missing), not the end of the document; and that block's tag ("if"), if so."""
    from jinja2 import TemplateSyntaxError

    try:
        lines = _lines(tpl)
        env = _environment()
        source = "\n".join(lines)
        try:
            env.parse(source)
        except TemplateSyntaxError as err:
            lineno = err.lineno or 0
            said = str(err.message)
            tag = ""
            if "end of template" in said or "needs to be closed" in said:
                opened = _open_blocks(env, source, lineno)
                if opened:
                    lineno, tag = opened[-1]
            for line in lines[max(lineno - 1, 0) :]:
                if _words(line):
                    return _words(line), tag
    except Exception:  # noqa: BLE001 - the location is a help; the error is said anyway
        return "", ""
    return "", ""


def _open_blocks(env: SandboxedEnvironment, source: str, upto: int) -> list[tuple[int, str]]:
    """The blocks still open before line `upto` (line, tag), innermost last."""
    opened: list[tuple[int, str]] = []
    tokens = list(env.lex(source))
    for i, (line, kind, _) in enumerate(tokens):
        if line >= upto:
            break
        if kind != "block_begin":
            continue
        name = next((v for _, k, v in tokens[i + 1 : i + 3] if k == "name"), "")
        if name in _BLOCKS:
            opened.append((line, name))
        elif name.startswith("end") and opened:
            opened.pop()
    return opened


def _field_paragraph(tpl: DocxTemplate, message: str) -> str:
    """The first paragraph that uses the unknown field a render error names."""
    import re

    found = re.search(r"'(\w+)' is undefined|has no attribute '(\w+)'", message)
    if not found:
        return ""
    name = found.group(1) or found.group(2)
    word = re.compile(rf"(\{{\{{|\{{%)[^}}%]*\b{re.escape(name)}\b")
    try:
        for line in _lines(tpl):
            if word.search(line) and _words(line):
                return _words(line)
    except Exception:  # noqa: BLE001 - the location is a help; the error is said anyway
        return ""
    return ""


# The core properties a rendered document takes from its view (the template's own, "Mẫu
# báo cáo…" and its dates, describe the template): each one set, every other emptied.
PROPERTIES = ("title", "subject", "author", "keywords", "language", "category",
              "comments", "last_modified_by", "created", "modified")  # fmt: skip


def _set_properties(core: Any, properties: Mapping[str, Any]) -> None:
    """The document's core properties (File > Properties) are the document's own: its title,
    subject, author and dates from `properties`, no description, revision 1."""
    for name in PROPERTIES:
        value = properties.get(name)
        if name in ("created", "modified"):
            if value is not None:
                setattr(core, name, value)
        else:
            setattr(core, name, "" if value is None else str(value))
    core.revision = 1
    core.last_printed = properties.get("created") or core.last_printed


def render_docx(
    template: bytes,
    label: str,
    context: Mapping[str, Any],
    properties: Mapping[str, Any] | None = None,
) -> bytes:
    """Fill a template (the bytes of a .docx named `label`) with `context`: the document's bytes.
    `properties` (title, subject, author, keywords, language, created, modified) become its
    core properties, replacing the template's.

    The rendered body is parsed by a strict XML parser (`_template_class`), so what
    is written is well-formed XML in the package python-docx opened and saves."""
    import io

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
            import re

            said = str(exc.message)
            where = _field_paragraph(_open(template, label), said)
            found = re.search(r"'(\w+)' is undefined|has no attribute '(\w+)'", said)
            name = (found.group(1) or found.group(2)) if found else said[:300]
            near = {"say": "template-near", "args": {"near": where}} if where else ""
            raise CchcError("template-field", label=label, what=name, near=near) from None
        from jinja2 import TemplateSyntaxError

        if isinstance(exc, TemplateSyntaxError):
            where, tag = _syntax_paragraph(_open(template, label), exc)
            raise _template_error(label, exc, where, tag) from None
        raise _template_error(label, exc) from None
    if properties is not None:
        _set_properties(tpl.docx.core_properties, properties)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
