"""A room of phones at once on 127.0.0.1: every entry confirmed once, none lost or doubled,
and every stream sees the final count (benchmarks/bench_serve.py runs 350)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from facilitate.model.events import EntryAdded
from facilitate.web.guard import Limits

from web_helpers import run_room, served, story_session

PHONES = 120
ROOM_LIMITS = Limits(burst=10_000, per_second=1_000)  # every phone here is 127.0.0.1


def test_a_room_of_phones_sends_at_once_with_retries_and_nothing_is_doubled(
    tmp_path: Path,
) -> None:
    store, session_id = story_session(tmp_path)
    with served(store, session_id, ROOM_LIMITS) as server:
        assert server.room is not None
        place = server.room.broadcaster.views["phone", "sv"]["place"]
        run = run_room(server.base, server.token, place, PHONES)
        batches = list(server.room.writer.batches)
    records = store.open(session_id).records()
    added = [r.event for r in records if isinstance(r.event, EntryAdded)]
    assert len(added) == PHONES
    assert max(Counter(e.entry_id for e in added).values()) == 1
    assert sorted(e.text for e in added) == sorted(f"note {n}" for n in range(PHONES))
    assert run.duplicates == PHONES  # each retry was confirmed as the entry already there
    assert run.final_counts == [PHONES] * PHONES
    assert len(batches) < PHONES  # bursts went to disk in batches
    assert {r.author for r in records if isinstance(r.event, EntryAdded)} == {"participant"}
