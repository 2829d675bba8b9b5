"""What every request passes: security headers, a body size and time limit, a rate limit
and a number of open event streams per client.

Nothing on the pages comes from elsewhere (``default-src 'self'``), no page may be framed,
and a phone that sends too much, or too often, is refused before anything is read.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from facilitate.records import Record

HEADERS = (
    (b"content-security-policy", b"default-src 'self'; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
)


class SecurityHeaders:
    """Adds :data:`HEADERS` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(event: Message) -> None:
            if event["type"] == "http.response.start":
                event["headers"] = [*event.get("headers", []), *HEADERS]
            await send(event)

        await self.app(scope, receive, with_headers)


class Limits(Record):
    """How much a client may send: ``body`` bytes per request, within ``body_seconds``;
    ``burst`` posts at once and ``per_second`` more each second after; ``streams`` event
    streams open at once (a page each; per client address)."""

    body: int = 32 * 1024  # a note's 5,000 characters, form-encoded, fit
    body_seconds: float = 15.0
    burst: float = 20.0
    per_second: float = 1.0
    streams: int = 8


class StreamCount:
    """The event streams open per client address (on the server's loop)."""

    def __init__(self, most: int) -> None:
        self.most = most
        self.open: dict[str, int] = {}

    def take(self, client: str) -> bool:
        """True (and counted) if ``client`` may open one more stream."""
        if self.open.get(client, 0) >= self.most:
            return False
        self.open[client] = self.open.get(client, 0) + 1
        return True

    def give_back(self, client: str) -> None:
        left = self.open.get(client, 0) - 1
        if left > 0:
            self.open[client] = left
        else:
            self.open.pop(client, None)


class RateLimiter:
    """A token bucket per client address (thread-safe; the clock is passed in for tests)."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        """True (and one token taken) if ``client`` may send now."""
        now = self.clock()
        with self._lock:
            tokens, since = self._buckets.get(client, (self.limits.burst, now))
            tokens = min(self.limits.burst, tokens + (now - since) * self.limits.per_second)
            allowed = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > 10_000:  # forget the quiet ones
                self._buckets = {k: v for k, v in self._buckets.items() if v[1] > now - 60}
            return allowed
