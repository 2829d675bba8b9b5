"""A served session on a free 127.0.0.1 port (a real uvicorn in a thread), and a room of
simulated phones for the load test and its benchmark."""

from __future__ import annotations

import asyncio
import json
import socket
import statistics
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import uvicorn

from facilitate.app.methods import Methods
from facilitate.store.store import SessionStore
from facilitate.web.app import create_app
from facilitate.web.guard import Limits
from facilitate.web.room import RoomConfig, WebRoom
from facilitate.web.server import server_config

from note_helpers import REPO, record_run

HOST = "127.0.0.1"


def story_session(root: Path, title: str = "Eslöv") -> tuple[SessionStore, str]:
    """A session whose storytelling run is at its listening step (notes along story, lens)."""
    store = SessionStore(root)
    session = store.create(title=title, date="2026-11-22", language="sv")
    record_run(session, "storytelling-harvesting", {"stories": "Lund|Höör"}, at="storytelling")
    return store, session.id


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    """A session served on ``port`` by uvicorn in a thread (``stop`` and ``start`` again:
    a restart, with nothing kept but what is on disk)."""

    def __init__(self, store: SessionStore, session_id: str, port: int, limits: Limits) -> None:
        self.store, self.session_id, self.port, self.limits = store, session_id, port, limits
        self.base = f"http://127.0.0.1:{port}"
        self.room: WebRoom | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        config = RoomConfig(base_url=self.base, limits=self.limits)
        self.room = WebRoom(self.store, Methods(REPO, {}), self.session_id, config)
        server = uvicorn.Server(server_config(create_app(self.room), host=HOST, port=self.port))
        self._server = server
        self._thread = threading.Thread(target=server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "the server did not start"
            assert self._thread.is_alive(), "the server stopped at start"
            time.sleep(0.02)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(20)
            assert not self._thread.is_alive(), "the server did not stop"

    @property
    def code(self) -> str:
        assert self.room is not None
        return self.room.settings.access.code

    @property
    def token(self) -> str:
        assert self.room is not None
        return self.room.settings.access.token


@contextmanager
def served(store: SessionStore, session_id: str, limits: Limits | None = None) -> Iterator[Served]:
    server = Served(store, session_id, free_port(), limits or Limits())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class RoomRun:
    """What a simulated room saw: confirmation latencies (s) and the last count per stream."""

    latencies: list[float]
    final_counts: list[int]
    duplicates: int
    seconds: float

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies)


class RawPhone:
    """A phone speaking plain HTTP/1.1 over its own sockets (a client library's connection
    pool would be measured instead of the server)."""

    def __init__(self, host: str, port: int, token: str) -> None:
        self.host, self.port = host, port
        self.cookie = f"facilitate_token={token}; facilitate_phone={uuid.uuid4().hex[:16]}"

    def _head(self, method: str, path: str, extra: str = "") -> bytes:
        lines = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        lines += f"Cookie: {self.cookie}\r\nAccept-Language: sv\r\n{extra}\r\n"
        return lines.encode()

    async def post(self, path: str, fields: dict[str, str]) -> tuple[int, dict[str, object]]:
        """POST ``fields`` as a form, asking for JSON: (status, the JSON answer)."""
        body = urlencode(fields).encode()
        extra = "Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        extra += f"Content-Length: {len(body)}\r\nConnection: close\r\n"
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            writer.write(self._head("POST", path, extra) + body)
            await writer.drain()
            status, headers = await _read_head(reader)
            data = await reader.readexactly(int(headers.get("content-length", "0")))
        finally:
            writer.close()
        return status, json.loads(data)

    async def counts(self, want: int, connected: asyncio.Event, counter: list[int]) -> int:
        """Read the event stream until its count reaches ``want``; the last count seen."""
        reader, writer = await asyncio.open_connection(self.host, self.port)
        last = -1
        try:
            writer.write(self._head("GET", "/events"))
            await writer.drain()
            status, _ = await _read_head(reader)
            assert status == 200
            counter[0] += 1
            if counter[0] == counter[1]:
                connected.set()
            while line := await reader.readline():  # (chunked: the data lines come whole)
                if line.startswith(b"data: "):
                    last = json.loads(line[6:])["view"]["count"]
                    if last >= want:
                        break
        finally:
            writer.close()
        return last


async def _read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    status = int((await reader.readline()).split()[1])
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers


async def _send(phone: RawPhone, place: str, n: int) -> tuple[float, int]:
    """One phone's note and, at once, its retry with the same id: (latency, duplicates)."""
    entry_id = uuid.uuid4().hex
    fields = {"entry_id": entry_id, "place": place, "kind": "note", "text": f"note {n}"}
    fields |= {"dim.lens": "courage", "dim.story": "1"}
    started = time.perf_counter()
    first, retry = await asyncio.gather(
        phone.post("/p/entry", fields), phone.post("/p/entry", fields)
    )
    latency = time.perf_counter() - started
    assert first[0] == 200, first
    assert retry[0] == 200, retry
    return latency, int(bool(first[1]["duplicate"])) + int(bool(retry[1]["duplicate"]))


async def simulate_room(base: str, token: str, place: str, phones: int) -> RoomRun:
    """``phones`` phones on the event stream; each sends one note and a retry at once."""
    host, port = base.removeprefix("http://").split(":")
    room = [RawPhone(host, int(port), token) for _ in range(phones)]
    connected, counter = asyncio.Event(), [0, phones]
    streams = [asyncio.create_task(p.counts(phones, connected, counter)) for p in room]
    await asyncio.wait_for(connected.wait(), 60)
    started = time.perf_counter()
    sent = await asyncio.gather(*(_send(p, place, n) for n, p in enumerate(room)))
    counts = await asyncio.wait_for(asyncio.gather(*streams), 60)
    seconds = time.perf_counter() - started
    return RoomRun([s[0] for s in sent], list(counts), sum(s[1] for s in sent), seconds)


def run_room(base: str, token: str, place: str, phones: int) -> RoomRun:
    """:func:`simulate_room` on an event loop of its own thread (a browser test's sync API
    keeps a loop on the main thread for the whole session)."""
    found: list[RoomRun | BaseException] = []

    def work() -> None:
        try:
            found.append(asyncio.run(simulate_room(base, token, place, phones)))
        except BaseException as error:  # handed to the test's thread
            found.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(180)
    assert found, "the room did not finish"
    if isinstance(found[0], BaseException):
        raise found[0]
    return found[0]
