"""The document as Word (.docx): real heading styles, bullet lists, tables, its language set.

The title is in the Title style and every heading in Heading 1-9, so Word's navigation pane
and table of contents work; each run starts on a new page. The same words and order as
the Markdown and HTML templates.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime

import docx
from docx.document import Document as WordDocument
from lxml import etree  # type: ignore[import-untyped]

from facilitate.export.document import (
    Chapter,
    Document,
    FieldsSection,
    Group,
    Item,
    RankingSection,
    Section,
    SessionPart,
    TallySection,
    TextSection,
    ThemesSection,
)
from facilitate.export.docx_xml import Span, paragraph, set_language, table
from facilitate.export.words import Words

LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}


class _Body:
    """The body's elements in order, with the words and the styles' ids."""

    def __init__(self, words: Words, styles: dict[str, str]) -> None:
        self.w = words
        self.styles = styles
        self.elements: list[etree._Element] = []

    def heading(self, level: int, text: str, *, page_break: bool = False) -> None:
        style = self.styles["Title"] if level <= 0 else self.styles[f"Heading {min(level, 9)}"]
        self.elements.append(paragraph([Span(text)], style, page_break=page_break))

    def para(self, spans: Sequence[Span]) -> None:
        self.elements.append(paragraph(spans))

    def items(self, items: Sequence[Item]) -> None:
        bullet = self.styles["List Bullet"]
        self.elements.extend(paragraph(self.item_spans(i), bullet) for i in items)

    def item_spans(self, item: Item) -> list[Span]:
        spans = [Span(item.text)]
        if item.labels:
            spans.append(Span(f" ({' · '.join(label.text for label in item.labels)})", grey=True))
        if item.author:
            spans.append(Span(f" — {self.w('by', author=item.author)}", grey=True))
        return spans

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()
    ) -> None:
        self.elements.append(table(header, rows, self.styles["Table Grid"], numeric))
        self.elements.append(paragraph([]))

    def note(self, text: str) -> None:
        self.para([Span(text, italic=True, grey=True)])


def render_docx(doc: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    word = docx.Document()
    styles = {s.name: s.style_id for s in word.styles if s.name}
    body = _Body(Words(doc.language), styles)
    body.heading(0, doc.title)
    single = len(doc.sessions) == 1
    for session in doc.sessions:
        _session(body, session, doc, 1 if single else 2, single)
    _finish(word, doc)
    element = word.element.body
    sect = element.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr")
    for child in list(element):
        if child is not sect:
            element.remove(child)
    if sect is not None:
        element.remove(sect)
    element.extend(body.elements)
    if sect is not None:
        element.append(sect)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _finish(word: WordDocument, doc: Document) -> None:
    tag = LANGUAGE_TAGS.get(doc.language, doc.language)
    set_language(word.styles.element, tag)
    props = word.core_properties
    props.title = doc.title
    props.language = tag
    props.author = ", ".join(dict.fromkeys(f for s in doc.sessions for f in s.facilitators))
    props.last_modified_by = "facilitate"
    props.comments = ""
    props.revision = 1
    first = doc.sessions[0].date if doc.sessions else ""
    try:
        moment = datetime.fromisoformat(first).replace(tzinfo=UTC)
    except ValueError:
        moment = datetime(2000, 1, 1, tzinfo=UTC)
    props.created = props.modified = moment


def _session(body: _Body, s: SessionPart, doc: Document, base: int, single: bool) -> None:
    w = body.w
    if not single:
        body.heading(base - 1, s.title, page_break=True)
    facts = [
        (w("date"), s.date_text),
        (w("place"), s.place),
        (w("facilitators"), ", ".join(s.facilitators)),
        (w("participants"), str(s.participants) if s.participants else ""),
        (w("status"), w.status(s.status, s.as_of)),
        (w("authors"), w("authors_shown") if doc.authors else w("authors_hidden")),
    ]
    for name, value in facts:
        if value:
            body.para([Span(f"{name}: ", bold=True), Span(value)])
    body.heading(base, w("summary"))
    body.para([Span(s.summary)])
    if s.programme:
        _programme(body, s, base)
    for run in s.runs:
        body.heading(base, run.name, page_break=True)
        for f in run.about:
            body.para([Span(f"{f.name}: ", bold=True), Span(f.text)])
        for part in run.parts:
            _part(body, part, base + 1)
        if run.other:
            body.heading(base + 1, w("other"))
            body.items(run.other)
    if s.actions:
        _fields(body, s.actions, base)
    if s.other:
        body.heading(base, w("other"))
        body.items(s.other)


def _programme(body: _Body, s: SessionPart, base: int) -> None:
    w = body.w
    body.heading(base, w("programme"))
    header = [w(f"col.{c}") for c in ("step", "planned", "actual", "started", "outcome")]
    rows: list[list[str]] = []
    for run in s.programme:
        name = run.name + w.run_note(run)
        rows.append(
            [
                name,
                w.minutes(run.planned_minutes),
                w.minutes(run.actual_minutes),
                run.started or "",
                "",
            ]
        )
        for step in run.steps:
            outcome = w(f"outcome.{step.outcome}") if step.outcome else ""
            rows.append(
                [
                    step.title,
                    w.minutes(step.planned_minutes),
                    w.minutes(step.actual_minutes),
                    step.started or "",
                    outcome,
                ]
            )
    body.table(header, rows, numeric=(1, 2))


def _part(body: _Body, part: Section | Chapter, level: int) -> None:
    if isinstance(part, Chapter):
        body.heading(level, part.title)
        for section in part.sections:
            _part(body, section, level + 1)
        if not part.sections:
            body.note(body.w("no_entries"))
    elif isinstance(part, TextSection):
        body.heading(level, part.title)
        body.items(part.items)
        _groups(body, part.groups, level + 1)
    elif isinstance(part, RankingSection):
        _ranking(body, part, level)
    elif isinstance(part, TallySection):
        _tally(body, part, level)
    elif isinstance(part, ThemesSection):
        _themes(body, part, level)
    else:
        _fields(body, part, level)


def _groups(body: _Body, groups: Sequence[Group], level: int) -> None:
    for group in groups:
        body.heading(level, group.title)
        body.items(group.items)
        _groups(body, group.groups, level + 1)
        if not (group.items or group.groups):
            body.note(body.w("no_entries"))


def _rank(body: _Body, rank: int, tied: bool) -> str:
    return f"{rank} ({body.w('tied')})" if tied else str(rank)


def _ranking(body: _Body, s: RankingSection, level: int) -> None:
    w = body.w
    body.heading(level, s.title)
    body.note(w(f"ranking.{s.basis}", rounds=s.rounds, max=s.max_total))
    if s.uncounted:
        body.note(w("uncounted", count=s.uncounted))
    rounds = s.rounds if s.rows and s.rows[0].per_round else 0
    header = [w("col.rank"), w("col.card"), w("col.total")]
    header += [w("col.round", number=n) for n in range(1, rounds + 1)]
    rows = [
        [
            _rank(body, r.rank, r.tied),
            r.text,
            str(r.total),
            *("" if p is None else str(p) for p in r.per_round),
        ]
        for r in s.rows
    ]
    body.table(header, rows, numeric=(0, *range(2, 3 + rounds)))


def _tally(body: _Body, s: TallySection, level: int) -> None:
    w = body.w
    body.heading(level, s.title)
    if s.uncounted:
        body.note(w("uncounted", count=s.uncounted))
    header = [w("col.rank"), w("col.option"), w("col.dots"), *s.criteria]
    rows = [
        [_rank(body, r.rank, r.tied), r.text, str(r.total), *map(str, r.by_criterion)]
        for r in s.rows
    ]
    body.table(header, rows, numeric=(0, *range(2, 3 + len(s.criteria))))


def _themes(body: _Body, s: ThemesSection, level: int) -> None:
    body.heading(level, s.title)
    for theme in s.themes:
        body.heading(level + 1, theme.name)
        body.items(theme.items)
        if not theme.items:
            body.note(body.w("no_entries"))
    if s.unassigned:
        body.heading(level + 1, body.w("unassigned"))
        body.items(s.unassigned)


def _fields(body: _Body, s: FieldsSection, level: int) -> None:
    body.heading(level, s.title)
    authors = bool(s.rows) and s.rows[0].author is not None
    header = [*s.columns, *([body.w("col.author")] if authors else [])]
    rows = [[f.text for f in r.fields] + ([r.author or ""] if authors else []) for r in s.rows]
    body.table(header, rows)
