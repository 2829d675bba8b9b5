"""Markdown and HTML from Jinja2 templates, which a user may replace with a folder of their own.

A template is looked up in the user's folder first, for the document's language
(``DIR/sv/document.md.j2``) and then for any (``DIR/document.md.j2``), then among the
built-in templates. The built-in templates take their words from the export catalogue in
the document's language, so they are the documentation's defaults in Swedish and English.
HTML templates escape every value; Markdown templates escape user text with ``md``/``cell``.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from facilitate.errors import UsageError
from facilitate.export.document import Document
from facilitate.export.words import Words
from facilitate.i18n.messages import message

BUILT_IN = Path(__file__).resolve().parent / "templates"
ENTRY_POINT = {"md": "document.md.j2", "html": "document.html.j2"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
_MD_LINE_START = re.compile(r"^(\s*)([-+=#]|\d+(?=[.)]))", re.M)


def md(text: object) -> str:
    """User text made inert in Markdown: markup characters escaped, lines kept as lines."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    escaped = _MD_LINE_START.sub(r"\1\\\2", escaped)
    return "  \n  ".join(escaped.splitlines()) if "\n" in escaped else escaped


def cell(text: object) -> str:
    """User text for a Markdown table cell: escaped, on one line."""
    return md(" ".join(str(text).split()))


def environment(
    fmt: str, lang: str, templates: Path | None, compiled: Path | None = None
) -> jinja2.Environment:
    """The environment for ``fmt`` ("md" or "html"), the user's templates before the built-in;
    templates compiled once are kept in the folder ``compiled`` (Jinja2 checks each against
    its template's text and its own version before using it)."""
    folders = [templates / lang, templates] if templates is not None else []
    loader = jinja2.FileSystemLoader([*map(str, folders), str(BUILT_IN / lang), str(BUILT_IN)])
    kept = jinja2.FileSystemBytecodeCache(str(compiled)) if compiled is not None else None
    env = jinja2.Environment(
        loader=loader,
        bytecode_cache=kept,
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["cell"] = cell
    return env


def render(
    doc: Document, fmt: str, templates: Path | None = None, compiled: Path | None = None
) -> str:
    """The document as Markdown or HTML; a broken template is one line naming file and line.
    ``compiled``: where compiled templates are kept (None: each is compiled again)."""
    words = Words(doc.language)
    env = environment(fmt, doc.language, templates, compiled)
    try:
        template = env.get_template(ENTRY_POINT[fmt])
        text = template.render(doc=doc, w=words, minutes=words.minutes)
    except jinja2.TemplateSyntaxError as error:
        where = error.filename or error.name or ENTRY_POINT[fmt]
        raise UsageError(
            message("export.err.template", file=where, line=error.lineno, message=error.message)
        ) from None
    except jinja2.TemplateError as error:
        raise UsageError(
            message("export.err.template", file=_failing(error), line="?", message=error)
        ) from None
    if fmt == "md":  # blank lines between blocks, never more than one (they mean nothing)
        text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    return text


def _failing(error: Exception) -> str:
    tb = error.__traceback__
    name = ""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            name = filename
        tb = tb.tb_next
    return name or "template"
