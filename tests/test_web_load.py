"""A room of phones at once on 127.0.0.1: every entry confirmed once, none lost or doubled,
and every stream sees the final count (benchmarks/bench_serve.py runs 350)."""

from __future__ import annotations

import socket
import time
from collections import Counter
from pathlib import Path

from facilitate.model.events import EntryAdded
from facilitate.web.guard import Limits

from web_helpers import Served, run_room, served, story_session

PHONES = 120
ROOM_LIMITS = Limits(burst=10_000, per_second=1_000, streams=1_000)  # all are 127.0.0.1


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


def _open(server: Served, head: str) -> socket.socket:
    """A connection to ``server`` that has sent ``head`` (with the room's token)."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=20)
    cookie = f"Cookie: facilitate_token={server.token}\r\n"
    sock.sendall(head.replace("\r\n\r\n", f"\r\n{cookie}\r\n", 1).encode())
    return sock


def _status(sock: socket.socket) -> int:
    return int(sock.makefile("rb").readline().split()[1])


def test_an_address_keeps_only_so_many_event_streams_open(tmp_path: Path) -> None:
    store, session_id = story_session(tmp_path)
    with served(store, session_id, Limits(streams=2)) as server:
        get = "GET /events HTTP/1.1\r\nHost: room\r\n\r\n"
        first, second = _open(server, get), _open(server, get)
        assert [_status(first), _status(second)] == [200, 200]
        third = _open(server, get)
        assert _status(third) == 429
        first.close()
        deadline = time.monotonic() + 20
        while True:  # the closed stream gives its place back once the server sees it gone
            again = _open(server, get)
            if (status := _status(again)) == 200 or time.monotonic() > deadline:
                break
            again.close()
            time.sleep(0.02)
        assert status == 200
        for sock in (second, third, again):
            sock.close()


def test_a_body_sent_too_slowly_is_refused(tmp_path: Path) -> None:
    store, session_id = story_session(tmp_path)
    with served(store, session_id, Limits(body_seconds=0.5)) as server:
        head = "POST /p/entry HTTP/1.1\r\nHost: room\r\nAccept: application/json\r\n"
        head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n"
        with _open(server, head + "text=slow") as sock:
            assert _status(sock) == 408
    assert store.open(session_id).state().entries == ()
