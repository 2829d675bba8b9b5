"""The HTTP server a room is served with (uvicorn), and its bounds on connections.

:data:`CONNECTIONS` is sized for a room of 350 phones, each with its event stream and a post
or two under way, the projectors and pages loading, with room to spare; beyond it a new
connection is answered 503. An idle kept-alive connection is closed after
:data:`KEEP_ALIVE_SECONDS`; a slowly sent body is refused after its time
(:class:`~facilitate.web.guard.Limits`), and each address may keep only so many streams.
"""

from __future__ import annotations

from typing import Any

import uvicorn
from starlette.applications import Starlette

CONNECTIONS = 2000
KEEP_ALIVE_SECONDS = 5


def server_config(app: Starlette, **options: Any) -> uvicorn.Config:
    """The uvicorn configuration serving ``app`` (``options``: host, port, ...)."""
    return uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=1,
        limit_concurrency=CONNECTIONS,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        backlog=2048,
        **options,
    )
