"""The document of one or several sessions, from their records and their methods.

Nothing here names a method: every section comes from what a step's ``collect`` declares.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from facilitate.export.context import RunContext
from facilitate.export.document import Document, Item, Label, SessionPart
from facilitate.export.programme import programme, run_name
from facilitate.export.record import EntryRecord, SessionRecord
from facilitate.export.rows import session_rows
from facilitate.export.runs import run_part
from facilitate.export.scores import Scored
from facilitate.export.structured import ActionSource, actions_section
from facilitate.export.words import Words
from facilitate.model.method import Method
from facilitate.records import Record

DOCUMENT_LANGUAGES = ("sv", "en")
LIVE = ("running", "stopped")


class ExportOptions(Record):
    """How to build a document: its language (None: the first session's), whether authors are
    shown, the number of participants when known, the time a live session is read at, and
    whether the flat rows are wanted (CSV and JSON use them; the documents do not)."""

    lang: str | None = None
    authors: bool = False
    participants: int | None = None
    as_of: str | None = None
    rows: bool = True


def document_language(records: Sequence[SessionRecord], options: ExportOptions) -> str:
    if options.lang in DOCUMENT_LANGUAGES:
        return options.lang
    first = records[0].language if records else "sv"
    return first if first in DOCUMENT_LANGUAGES else "sv"


def build_document(
    records: Sequence[SessionRecord], methods: Mapping[str, Method], options: ExportOptions
) -> Document:
    """The document of ``records`` (in order); ``methods`` maps method ids to methods."""
    words = Words(document_language(records, options))
    sessions = tuple(session_part(record, methods, words, options) for record in records)
    if len(sessions) == 1:
        title = sessions[0].title
    else:
        title = words("combined_title", count=len(sessions))
    return Document(title, words.lang, options.authors, sessions)


def session_part(
    record: SessionRecord, methods: Mapping[str, Method], words: Words, options: ExportOptions
) -> SessionPart:
    """One session: its facts, summary, programme, runs, actions and rows."""
    by_id = {e.entry_id: e for e in record.entries}
    contexts = _contexts(record, methods, words, options.authors, by_id)
    names = {mid: m.name.get(words.lang) for mid, m in methods.items()}
    themed = {m for e in record.entries for m in e.items if e.kind == "theme"}
    actions: list[ActionSource] = []
    runs = []
    scored: dict[str, Scored] = {}
    for run in record.runs:
        if run.run_id in contexts:
            part, scored[run.run_id] = run_part(
                contexts[run.run_id], run_name(run, names, words), themed, actions
            )
            runs.append(part)
    live = record.progress in LIVE
    date_text = words.date(record.date)
    return SessionPart(
        id=record.session_id,
        title=record.title,
        date=record.date,
        date_text=date_text,
        place=record.place,
        language=record.language,
        facilitators=record.facilitators,
        participants=options.participants,
        status=record.progress,
        as_of=options.as_of if live else None,
        summary=summary(record, names, words, date_text),
        programme=programme(record.runs, contexts, names, words),
        runs=tuple(runs),
        actions=actions_section(actions, words("actions"), words("col.from")),
        other=tuple(
            _loose_item(e, options.authors) for e in record.entries if e.run_id not in contexts
        ),
        rows=session_rows(record, contexts, scored, options.authors) if options.rows else (),
        entry_count=len(record.entries),
    )


def _contexts(
    record: SessionRecord,
    methods: Mapping[str, Method],
    words: Words,
    authors: bool,
    by_id: Mapping[str, EntryRecord],
) -> dict[str, RunContext]:
    """A context for every run whose method is known; each can describe the others' entries."""
    entries: dict[str, list[EntryRecord]] = {}
    for entry in record.entries:
        entries.setdefault(entry.run_id or "", []).append(entry)
    contexts = {
        run.run_id: RunContext(
            run, methods[run.method], words, authors, tuple(entries.get(run.run_id, ())), by_id
        )
        for run in record.runs
        if run.method in methods
    }
    for ctx in contexts.values():
        ctx.peers = contexts
    return contexts


def _loose_item(entry: EntryRecord, authors: bool) -> Item:
    """An entry of no run (or of a method the library no longer has), labelled as recorded."""
    labels = [Label(dim, dim, value, value) for dim, value in entry.dims.items()]
    if entry.step:
        labels.insert(0, Label("step", "step", entry.step, entry.step))
    author = entry.author if authors else None
    return Item(entry.entry_id, entry.kind, entry.text, tuple(labels), (), author)


def summary(record: SessionRecord, names: Mapping[str, str], words: Words, date_text: str) -> str:
    """``11 mars 2014 i Eslöv: Storytelling och Harvesting, 35:an och World Café. …``"""
    methods = list(dict.fromkeys(names.get(r.method, r.method) for r in record.runs if r.method))
    place = words("summary.in", place=record.place) if record.place else ""
    day = f"{date_text}{place}"
    first = f"{day}: {words.join(methods)}." if methods else f"{day}."
    counts: dict[str, int] = {}
    for entry in record.entries:
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    if not counts:
        return f"{first} {words('summary.nothing')}"
    parts = [words.count(kind, n) for kind, n in counts.items()]
    return f"{first} {words('summary.counts', counts=words.join(parts))}"
