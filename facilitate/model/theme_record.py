"""Themes as the journal records them: entries of kind ``theme``, changed by edits.

A theme is an entry whose text is its name and whose payload (:class:`ThemePayload`) lists the
entries it links, by id: items keep their own run, step, round and dimensions. The board is
folded from the live theme entries in the order they were added (an item claimed by two
themes sits under the later one, as :mod:`facilitate.model.themes` moves it). A change to the
board becomes events: :func:`board_events` compares two boards and gives the additions, edits
(name, items) and deletions that turn one into the other, to be appended as one batch.

Items are the entries people wrote (notes, reflections, cards) in every run of the session,
numbered in the order they were added; a withdrawn entry keeps its number, unshown, so the
numbers people read stay the same while they work.
"""

from __future__ import annotations

from facilitate.model.entries import ThemePayload, payload_value
from facilitate.model.events import EntryAdded, EntryDeleted, EntryEdited, Event
from facilitate.model.session import Entry, SessionState
from facilitate.model.themes import Theme, ThemeBoard
from facilitate.records import Record

ITEM_KINDS = ("note", "reflection", "card")
"""The kinds of entry a theme groups."""
THEME_KIND = "theme"


class Item(Record):
    """An entry a theme may hold, with its number (stable within the session)."""

    number: int
    entry: Entry

    @property
    def id(self) -> str:
        return self.entry.entry_id

    @property
    def text(self) -> str:
        return self.entry.text


def session_items(state: SessionState) -> tuple[Item, ...]:
    """The session's live items (notes, reflections, cards), numbered in the order added."""
    every = sorted(
        (e for e in (*state.entries, *state.deleted) if e.kind in ITEM_KINDS),
        key=lambda e: e.added_seq,
    )
    live = {e.entry_id for e in state.entries}
    return tuple(
        Item(number, entry) for number, entry in enumerate(every, start=1) if entry.entry_id in live
    )


def theme_entries(state: SessionState) -> tuple[Entry, ...]:
    """The live theme entries, in the order they were added."""
    return tuple(
        sorted((e for e in state.entries if e.kind == THEME_KIND), key=lambda e: e.added_seq)
    )


def theme_board(state: SessionState) -> ThemeBoard:
    """The session's themes as a board (see the module text)."""
    themes: list[Theme] = []
    claimed: set[str] = set()
    for entry in reversed(theme_entries(state)):
        payload = entry.payload
        items = payload.items if isinstance(payload, ThemePayload) else ()
        kept = tuple(i for i in items if i not in claimed)
        claimed.update(kept)
        themes.append(Theme(entry.entry_id, entry.text, kept))
    return ThemeBoard(tuple(reversed(themes)))


def _value(theme: Theme) -> object:
    return payload_value(ThemePayload(theme.items))


def board_events(
    old: ThemeBoard,
    new: ThemeBoard,
    *,
    step: str | None = None,
    run_id: str | None = None,
    reason: str | None = None,
) -> list[Event]:
    """The events that turn board ``old`` into ``new``: a new theme is an EntryAdded (at
    ``step`` of ``run_id``), a renamed or regrouped one an EntryEdited, a theme that is gone
    an EntryDeleted (with ``reason``, e.g. the theme it was merged into)."""
    events: list[Event] = []
    before = {t.id: t for t in old.themes}
    after = {t.id for t in new.themes}
    for theme in new.themes:
        was = before.get(theme.id)
        if was is None:
            events.append(
                EntryAdded(
                    entry_id=theme.id,
                    kind=THEME_KIND,
                    text=theme.name,
                    step=step,
                    value=_value(theme),
                    run_id=run_id,
                )
            )
        elif was != theme:
            events.append(
                EntryEdited(
                    entry_id=theme.id,
                    text=theme.name if theme.name != was.name else None,
                    value=_value(theme) if theme.items != was.items else None,
                )
            )
    events += [EntryDeleted(entry_id=t.id, reason=reason) for t in old.themes if t.id not in after]
    return events


def in_record_order(before: ThemeBoard, after: ThemeBoard) -> ThemeBoard:
    """``after`` in the order the journal will give it back (themes in the order they were
    added: those of ``before`` first, then the new ones), so the letters people see next
    are the ones a change reports."""
    kept = {t.id: t for t in after.themes}
    old = [kept[t.id] for t in before.themes if t.id in kept]
    known = {t.id for t in before.themes}
    return ThemeBoard((*old, *(t for t in after.themes if t.id not in known)))
