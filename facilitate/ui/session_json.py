"""``sessions show --json`` written a piece at a time: the same document as
:func:`~facilitate.ui.session_views.state_data`, never built whole in memory."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from facilitate.model.session import Entry, LiveStatus, SessionState

_ENTRY_FIELDS = tuple(f.name for f in dataclasses.fields(Entry))


def entry_data(entry: Entry) -> dict[str, Any]:
    """``dataclasses.asdict(entry)``, without its deep copies (the payload made data)."""
    data = {name: getattr(entry, name) for name in _ENTRY_FIELDS}
    if entry.payload is not None:
        data["payload"] = dataclasses.asdict(entry.payload)
    return data


def state_json(
    session_id: str, path: Path, state: SessionState, live: LiveStatus | None = None
) -> Iterator[str]:
    """The pieces of ``sessions show --json``'s document, in order (the entries one by one)."""
    yield "{\n"
    head = {"id": session_id, "path": str(path), **_state_head(state)}
    yield from _members(head)
    yield '  "entries": '
    yield from _array(entry_data(entry) for entry in state.entries)
    yield ',\n  "deleted": '
    yield from _array(entry_data(entry) for entry in state.deleted)
    tail = {
        "entries_by_kind": {k: len(v) for k, v in state.entries_by_kind().items()},
        "events": state.events,
        "last_seq": state.last_seq,
        "first_at": state.first_at,
        "last_at": state.last_at,
        "ignored": list(state.ignored),
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
    return json.dumps(value, ensure_ascii=False)


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
