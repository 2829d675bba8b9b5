"""Server-Sent Events to every open page: the latest view of the room, in its language.

A page that falls behind never queues old views: each subscriber keeps only the newest
message, so 350 phones on a slow network cost one message each per change.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

KEEPALIVE_SECONDS = 15.0


class Subscriber:
    """One open stream: the newest message waiting for it, and a wake-up."""

    def __init__(self, channel: tuple[str, str]) -> None:
        self.channel = channel
        self.pending: str | None = None
        self.wake = asyncio.Event()

    def offer(self, message: str) -> None:
        self.pending = message
        self.wake.set()


class Broadcaster:
    """The room's latest views by channel (``("phone", "sv")``, ``("screen", "en")``)."""

    def __init__(self, wall: Callable[[], float]) -> None:
        self.wall = wall
        self.latest: dict[tuple[str, str], str] = {}
        self.views: dict[tuple[str, str], dict[str, Any]] = {}
        """The latest views as data (the pages are rendered from them)."""
        self.subscribers: set[Subscriber] = set()
        self.closed = asyncio.Event()

    def publish(self, views: dict[tuple[str, str], dict[str, Any]]) -> None:
        """Keep ``views`` as the latest and offer each to the streams of its channel."""
        self.views.update(views)
        for channel, view in views.items():
            self.latest[channel] = json.dumps(view, ensure_ascii=False, separators=(",", ":"))
        for subscriber in self.subscribers:
            if subscriber.channel in views:
                subscriber.offer(self.latest[subscriber.channel])

    def frame(self, view: str) -> str:
        """One SSE message: the view and the server's wall time (the page's clock offset)."""
        return f'data: {{"now":{self.wall():.3f},"view":{view}}}\n\n'

    async def stream(self, channel: tuple[str, str]) -> AsyncIterator[str]:
        """The messages of one page: the latest view at once, then every newer one."""
        subscriber = Subscriber(channel)
        self.subscribers.add(subscriber)
        try:
            yield "retry: 2000\n\n"
            if channel in self.latest:
                yield self.frame(self.latest[channel])
            while not self.closed.is_set():
                try:
                    await asyncio.wait_for(subscriber.wake.wait(), KEEPALIVE_SECONDS)
                except TimeoutError:
                    yield ": keepalive\n\n"
                    continue
                subscriber.wake.clear()
                if subscriber.pending is not None:
                    message, subscriber.pending = subscriber.pending, None
                    yield self.frame(message)
        finally:
            self.subscribers.discard(subscriber)

    def close(self) -> None:
        """End every stream (the server is stopping)."""
        self.closed.set()
        for subscriber in self.subscribers:
            subscriber.wake.set()
