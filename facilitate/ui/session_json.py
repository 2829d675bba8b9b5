"""``sessions show --json`` written a piece at a time: the same document as
:func:`~facilitate.ui.session_views.state_data`, never built whole in memory.

:func:`stream_json` takes the entries as they are read (an :class:`EntryStream`: the
deleted entries, the counts by kind and the ignored records are asked for after them);
:func:`state_json` writes a folded state the same way."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from facilitate.model.session import Entry, LiveStatus, SessionState

_ENTRY_FIELDS = tuple(f.name for f in dataclasses.fields(Entry))
_encode = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)``, without making an encoder each time."""


class EntryStream(Protocol):
    """The live entries in journal order (iterated once), then what follows them."""

    def __iter__(self) -> Iterator[Entry]: ...

    @property
    def deleted(self) -> Sequence[Entry]: ...

    @property
    def entry_kinds(self) -> Mapping[str, int]: ...

    @property
    def ignored(self) -> Sequence[int]: ...


class _Folded:
    """A folded state's entries as an :class:`EntryStream`."""

    def __init__(self, state: SessionState) -> None:
        self.state = state
        self.deleted = state.deleted
        self.ignored = state.ignored

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.state.entries)

    @property
    def entry_kinds(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.state.entries_by_kind().items()}


def entry_data(entry: Entry) -> dict[str, Any]:
    """``dataclasses.asdict(entry)``, without its deep copies (the payload made data)."""
    data = {name: getattr(entry, name) for name in _ENTRY_FIELDS}
    if entry.payload is not None:
        data["payload"] = dataclasses.asdict(entry.payload)
    return data


def state_json(
    session_id: str, path: Path, state: SessionState, live: LiveStatus | None = None
) -> Iterator[str]:
    """The pieces of ``sessions show --json``'s document for a folded ``state``, in order."""
    return stream_json(session_id, path, state, _Folded(state), live)


def stream_json(
    session_id: str,
    path: Path,
    head: SessionState,
    entries: EntryStream,
    live: LiveStatus | None = None,
) -> Iterator[str]:
    """The pieces of ``sessions show --json``'s document, in order, the entries one by one
    as ``entries`` gives them (``head``: the runs and the journal's counts)."""
    yield "{\n"
    yield from _members({"id": session_id, "path": str(path), **_state_head(head)})
    yield '  "entries": '
    yield from _array(entry_data(entry) for entry in entries)
    yield ',\n  "deleted": '
    yield from _array(entry_data(entry) for entry in entries.deleted)
    tail = {
        "entries_by_kind": dict(entries.entry_kinds),
        "events": head.events,
        "last_seq": head.last_seq,
        "first_at": head.first_at,
        "last_at": head.last_at,
        "ignored": list(entries.ignored),
        "live": live.to_data() if live is not None else None,
    }
    yield ",\n"
    yield from _members(tail, last=True)
    yield "}\n"


def _state_head(state: SessionState) -> dict[str, Any]:
    """What :meth:`SessionState.to_data` gives before the entries (the runs and steps)."""
    empty = SessionState(header=state.header, runs=state.runs)
    data = empty.to_data()
    return {key: data[key] for key in list(data)[: list(data).index("entries")]}


def _dumps(value: Any) -> str:
    return _encode(value)


def _members(data: dict[str, Any], *, last: bool = False) -> Iterator[str]:
    items = list(data.items())
    for n, (key, value) in enumerate(items, 1):
        end = "\n" if last and n == len(items) else ",\n"
        yield f"  {_dumps(key)}: {_dumps(value)}{end}"


def _array(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    first = True
    for item in items:
        yield ("[\n    " if first else ",\n    ") + _dumps(item)
        first = False
    yield "[]" if first else "\n  ]"
