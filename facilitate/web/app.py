"""The Starlette application of one served session: its routes, pages and streams.

Phones join with the room's code (``/j/CODE`` from the QR code, or typed at ``/``), which
gives them the room's token in a cookie; without it nothing can be read or posted (403).
The facilitator's controls take the facilitator's key the same way (``/admin?key=...``).
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from facilitate.web import admin, pages
from facilitate.web.guard import SecurityHeaders
from facilitate.web.pages import COOKIE, PHONE_COOKIE, TOKEN_COOKIE, client_of, joined, room_of
from facilitate.web.room import WebRoom

STATIC = Path(__file__).parent / "static"
DAY = 24 * 3600
"""How long a phone stays joined (a day's workshop, the browser closed in between)."""


def _joined_response(request: Request, to: str) -> Response:
    response = RedirectResponse(to, status_code=303)
    room = room_of(request)
    response.set_cookie(TOKEN_COOKIE, room.settings.access.token, max_age=DAY, **COOKIE)
    if PHONE_COOKIE not in request.cookies:
        phone = secrets.token_hex(8)
        response.set_cookie(PHONE_COOKIE, phone, max_age=DAY, **COOKIE)
    return response


async def join_link(request: Request) -> Response:
    """``/j/CODE``: the QR code's address; ``?to=screen`` opens the projector page."""
    room = room_of(request)
    if not room.limiter.allow(client_of(request)):
        return pages.refusal(request, 429, "web.err.too_many")
    if not room.settings.access.code_matches(request.path_params["code"]):
        return pages.join(request, wrong=True, status=403)
    to = "/screen" if request.query_params.get("to") == "screen" else "/p"
    return _joined_response(request, to)


async def join_form(request: Request) -> Response:
    """``/``: type the code (``POST``), or go on to the phone's page once joined."""
    if request.method == "GET":
        if joined(request):
            return RedirectResponse("/p", status_code=303)
        return pages.join(request)
    room = room_of(request)
    if not room.limiter.allow(client_of(request)):
        return pages.refusal(request, 429, "web.err.too_many")
    fields = await pages.fields_or_refusal(request, room.config.limits)
    if isinstance(fields, Response):
        return fields
    if not room.settings.access.code_matches(fields.get("code", "")):
        return pages.join(request, wrong=True, status=403)
    return _joined_response(request, "/p")


async def phone_page(request: Request) -> Response:
    if not joined(request):
        return pages.join(request, status=403)
    return pages.phone(request, sent=request.query_params.get("sent", ""))


async def screen_page(request: Request) -> Response:
    if not joined(request):
        return pages.join(request, status=403)
    return pages.screen(request)


async def post_entry(request: Request) -> Response:
    return await pages.post_entry(request, joined(request), client_of(request))


class CountedStream(StreamingResponse):
    """An event stream that gives its place back (``done``) however it ends."""

    def __init__(self, content: AsyncIterator[str], done: Callable[[], None]) -> None:
        headers = {"x-accel-buffering": "no"}
        super().__init__(content, media_type="text/event-stream", headers=headers)
        self.done = done

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.done()


async def events(request: Request) -> Response:
    """The stream of a page: ``?view=screen`` (everything) or the phone's (the step); 429
    when the address has as many open as it may."""
    if not joined(request):
        return Response(status_code=403)
    room = room_of(request)
    client = client_of(request)
    if not room.streams.take(client):
        return pages.refusal(request, 429, "web.err.too_many_streams")
    view = "screen" if request.query_params.get("view") == "screen" else "phone"
    lang = pages.language_of(request) if view == "phone" else pages.screen_language(room)
    stream = room.broadcaster.stream((view, lang))
    return CountedStream(stream, lambda: room.streams.give_back(client))


async def qr_code(request: Request) -> Response:
    if not joined(request):
        return Response(status_code=403)
    return Response(pages.qr_svg(room_of(request).join_url), media_type="image/svg+xml")


def create_app(room: WebRoom) -> Starlette:
    """The application serving ``room`` (started and stopped with the server)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await room.start()
        try:
            yield
        finally:
            with contextlib.suppress(asyncio.CancelledError):
                await room.stop()

    routes = [
        Route("/", join_form, methods=["GET", "POST"]),
        Route("/j/{code}", join_link),
        Route("/p", phone_page),
        Route("/p/entry", post_entry, methods=["POST"]),
        Route("/screen", screen_page),
        Route("/events", events),
        Route("/qr.svg", qr_code),
        *admin.routes(),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)], lifespan=lifespan)
    app.state.room = room
    return app
