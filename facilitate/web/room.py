"""One served session: its settings, the entry writer, the followed journal and the streams.

:meth:`WebRoom.run` is the server's background task: whenever the writer has appended a
batch (or every :data:`POLL_SECONDS`, for what other programs wrote), the journal is read
in a worker thread and, if anything changed, the new views go out to every stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import field
from typing import Any

from starlette.concurrency import run_in_threadpool

from facilitate.app.authors import Author
from facilitate.app.methods import Methods
from facilitate.app.participation import EntryWriter, RoomSettings
from facilitate.app.room_view import RoomFeed
from facilitate.app.sessions import SessionStore
from facilitate.i18n import LANGUAGES
from facilitate.records import Record, make_all
from facilitate.web.broadcast import Broadcaster
from facilitate.web.guard import Limits, RateLimiter, StreamCount

POLL_SECONDS = 0.5
SETTLE_SECONDS = 0.15
SETTLE_PER_STREAM = 0.001
"""The least time between two sends of the views, and more per open stream: a burst of
batches goes out as one send, so the streams do not crowd out the confirmations."""
PHONE_KEYS = ("title", "lang", "seq", "place", "step", "open", "timer", "count")
"""What a phone's stream carries (no entries, no results)."""


class RoomConfig(Record):
    """What a room is served with: where phones reach it, its limits, who hides entries."""

    base_url: str = "http://127.0.0.1:8350"
    limits: Limits = field(default_factory=Limits)
    author: str | Author = "facilitator"


class WebRoom:
    """A session served to the room (made in the server's thread, run on its loop)."""

    def __init__(
        self,
        store: SessionStore,
        methods: Methods,
        session_ref: str,
        config: RoomConfig | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        make_all()  # records are made before the writer and worker threads start
        self.store, self.methods, self.config = store, methods, config or RoomConfig()
        self.settings = RoomSettings(store, session_ref)
        self.session_id = self.settings.session.id
        self.language = self.settings.session.header.language
        self.writer = EntryWriter(store, methods, session_ref, self.settings)
        self.feed = RoomFeed(store, methods, session_ref, self.settings, wall)
        self.broadcaster = Broadcaster(wall)
        self.limiter = RateLimiter(self.config.limits)
        self.streams = StreamCount(self.config.limits.streams)
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def join_url(self) -> str:
        return f"{self.config.base_url}/j/{self.settings.access.code}"

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        wake = self._wake = asyncio.Event()

        def written() -> None:
            loop.call_soon_threadsafe(wake.set)

        self.writer.on_written = written
        self.writer.start()
        await self.refresh(force=True)
        self._task = asyncio.create_task(self.run())

    async def stop(self) -> None:
        self.broadcaster.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await run_in_threadpool(self.writer.close)

    def changed(self) -> None:
        """Something the pages show changed here (a control): send the views soon."""
        if self._wake is not None:
            self._wake.set()

    async def run(self) -> None:
        assert self._wake is not None
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), POLL_SECONDS)
            self._wake.clear()
            await self.refresh()
            streams = len(self.broadcaster.subscribers)
            await asyncio.sleep(SETTLE_SECONDS + SETTLE_PER_STREAM * streams)

    async def refresh(self, force: bool = False) -> None:
        """Read what the journal gained and, if anything changed, publish the new views."""
        changed = await run_in_threadpool(self.feed.poll)
        if changed or force:
            self.broadcaster.publish(await run_in_threadpool(self.views))

    def views(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Every channel's view: the projector's and the phones', in each language."""
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for lang in LANGUAGES:
            screen = self.feed.view(lang)
            found["screen", lang] = screen
            phone = {k: screen[k] for k in PHONE_KEYS}
            if phone["step"] is not None:  # (a page with another step is loaded anew)
                phone["step"] = {k: v for k, v in phone["step"].items() if k != "forms"}
            found["phone", lang] = phone
        return found
