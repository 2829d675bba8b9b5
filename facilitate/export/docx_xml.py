"""WordprocessingML pieces built directly with lxml: paragraphs, runs, tables.

python-docx's ``add_paragraph`` looks for the section properties on every call, so a long
document costs the square of its length; here the body's elements are built apart and put
in place at once. Text is always a text node (escaped by lxml): nothing a participant
typed can become a field, a link or markup. Characters XML cannot hold are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]

from facilitate.records import Record

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
GREY = "5B5B66"


class Span(Record):
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    grey: bool = False


def _el(tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    element = etree.Element(qn(tag)) if parent is None else etree.SubElement(parent, qn(tag))
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _run(parent: etree._Element, span: Span) -> None:
    run = _el("w:r", parent)
    if span.bold or span.italic or span.grey:
        props = _el("w:rPr", run)
        if span.bold:
            _el("w:b", props)
        if span.italic:
            _el("w:i", props)
        if span.grey:
            _el("w:color", props, val=GREY)
    lines = _NOT_XML.sub("", span.text).split("\n")
    for number, line in enumerate(lines):
        if number:
            _el("w:br", run)
        text = _el("w:t", run)
        text.text = line
        if line != line.strip():
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def paragraph(
    spans: Iterable[Span],
    style: str | None = None,
    *,
    page_break: bool = False,
    align: str | None = None,
) -> etree._Element:
    """A paragraph in style ``style`` (a style id, e.g. ``Heading1``)."""
    para = _el("w:p")
    if style or page_break or align:
        props = _el("w:pPr", para)
        if style:
            _el("w:pStyle", props, val=style)
        if page_break:
            _el("w:pageBreakBefore", props)
        if align:
            _el("w:jc", props, val=align)
    for span in spans:
        if span.text:
            _run(para, span)
    return para


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[str | Sequence[Span]]],
    style: str,
    numeric: Iterable[int] = (),
) -> etree._Element:
    """A table with a header row that repeats on every page; ``numeric`` columns right-aligned."""
    right = set(numeric)
    tbl = _el("w:tbl")
    props = _el("w:tblPr", tbl)
    _el("w:tblStyle", props, val=style)
    _el("w:tblW", props, w="0", type="auto")
    grid = _el("w:tblGrid", tbl)
    for _ in header:
        _el("w:gridCol", grid)
    _row(tbl, [[Span(h, bold=True)] for h in header], right, header_row=True)
    for row in rows:
        _row(tbl, [[Span(c)] if isinstance(c, str) else c for c in row], right)
    return tbl


def _row(
    tbl: etree._Element,
    cells: Sequence[Sequence[Span]],
    right: set[int],
    *,
    header_row: bool = False,
) -> None:
    tr = _el("w:tr", tbl)
    if header_row:
        _el("w:tblHeader", _el("w:trPr", tr))
    for column, spans in enumerate(cells):
        tc = _el("w:tc", tr)
        _el("w:tcW", _el("w:tcPr", tc), w="0", type="auto")
        tc.append(paragraph(spans, align="right" if column in right else None))


def set_language(styles: etree._Element, tag: str) -> None:
    """Make ``tag`` (``sv-SE``) the language of all text: spelling, hyphenation, screen readers."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = _el("w:docDefaults")
        styles.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:
        run_default = _el("w:rPrDefault", defaults)
    props = run_default.find(qn("w:rPr"))
    if props is None:
        props = _el("w:rPr", run_default)
    lang = props.find(qn("w:lang"))
    if lang is None:
        lang = _el("w:lang", props)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
