"""One flat row per entry with everything known about it: the CSV's rows, the JSON's entries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from facilitate.export.context import ROUND, RunContext
from facilitate.export.document import FieldValue, Label, Row
from facilitate.export.record import EntryRecord, RunRecord, SessionRecord
from facilitate.export.scores import TOTAL_FIELD, Scored, card_id

THEME_SEPARATOR = " | "


def session_rows(
    record: SessionRecord,
    contexts: Mapping[str, RunContext],
    scored: Mapping[str, Scored],
    authors: bool,
) -> tuple[Row, ...]:
    """Every live entry of the session, in the order it was recorded."""
    themes = _themes(record.entries)
    runs = {run.run_id: run for run in record.runs}
    return tuple(
        _row(record.session_id, entry, runs, contexts, scored, themes, authors)
        for entry in record.entries
    )


def _themes(entries: Sequence[EntryRecord]) -> dict[str, list[str]]:
    """Entry id -> the names of the themes that link it."""
    found: dict[str, list[str]] = {}
    for entry in entries:
        for item in entry.items:
            found.setdefault(item, []).append(entry.text)
    return found


def _row(
    session: str,
    entry: EntryRecord,
    runs: Mapping[str, RunRecord],
    contexts: Mapping[str, RunContext],
    scored: Mapping[str, Scored],
    themes: Mapping[str, list[str]],
    authors: bool,
) -> Row:
    run = runs.get(entry.run_id or "")
    ctx = contexts.get(entry.run_id or "")
    score, rank = _score(entry, scored.get(entry.run_id or ""))
    return Row(
        session=session,
        run=run.number if run else None,
        run_id=run.run_id if run else None,
        method=run.method if run else "",
        step=entry.step or "",
        step_title=ctx.step_title(entry.step) if ctx and entry.step else (entry.step or ""),
        round=entry.round,
        kind=entry.kind,
        entry_id=entry.entry_id,
        text=entry.text,
        dims=ctx.labels(entry, {ROUND}) if ctx else _raw_labels(entry),
        fields=_fields(entry, ctx),
        values=payload_values(entry),
        theme=THEME_SEPARATOR.join(themes.get(entry.entry_id, ())),
        score=score,
        rank=rank,
        added_at=entry.added_at,
        author=entry.author if authors else None,
    )


def _raw_labels(entry: EntryRecord) -> tuple[Label, ...]:
    return tuple(Label(dim, dim, value, value) for dim, value in entry.dims.items())


def _fields(entry: EntryRecord, ctx: RunContext | None) -> tuple[FieldValue, ...]:
    if not entry.fields:
        return ()
    names = ctx.field_names(entry.step) if ctx else {}
    return tuple(FieldValue(key, names.get(key, key), text) for key, text in entry.fields.items())


def payload_values(entry: EntryRecord) -> tuple[tuple[str, str], ...]:
    """What an entry's payload holds, as named texts (``card_a``, ``points_a`` ...)."""
    if entry.split is not None:
        s = entry.split
        pairs = [("round", s.round), ("card_a", s.card_a), ("points_a", s.points_a)]
        pairs += [("card_b", s.card_b), ("points_b", s.points_b)]
    elif entry.rating is not None:
        r = entry.rating
        pairs = [("card", r.card), ("round", r.round), ("score", r.score)]
    elif entry.dots is not None:
        d = entry.dots
        pairs = [("target", d.target), ("criterion", d.criterion or ""), ("count", d.count)]
    elif entry.items:
        pairs = [("items", " ".join(entry.items))]
    elif entry.card is not None and entry.kind == "card":
        pairs = [("card", entry.card)]
    else:
        pairs = []
    return tuple((key, str(value)) for key, value in pairs)


def _score(entry: EntryRecord, scored: Scored | None) -> tuple[int | None, int | None]:
    """A card's (or a read-out's) total and rank; a rating's score; a placement's dots."""
    if entry.rating is not None:
        return entry.rating.score, None
    if entry.dots is not None:
        return entry.dots.count, None
    if scored is not None and entry.kind in ("card", "entry") and card_id(entry) in scored.cards:
        return scored.cards[card_id(entry)]
    read_out = entry.fields.get(TOTAL_FIELD, "").strip()
    return (int(read_out), None) if read_out.isdigit() else (None, None)
