"""The pages: rendered with Jinja2 (every text escaped), in the phone's or the room's
language; and the phone's post of an entry, answered once the entry is in the journal."""

from __future__ import annotations

import asyncio
import io
import secrets
from pathlib import Path
from typing import Any

import jinja2
import segno
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from facilitate.app.input import EntryRefused
from facilitate.app.participation import EntryIdReused, InputClosed
from facilitate.errors import FacilitateError
from facilitate.i18n import LANGUAGES, Translator
from facilitate.web.guard import Limits
from facilitate.web.posts import BadRequest, TooBig, TooSlow, phone_entry, read_fields
from facilitate.web.room import WebRoom

TOKEN_COOKIE = "facilitate_token"
ADMIN_COOKIE = "facilitate_admin"
PHONE_COOKIE = "facilitate_phone"
COOKIE: dict[str, Any] = {"httponly": True, "samesite": "strict", "path": "/"}
CONFIRM_SECONDS = 15.0
_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


def room_of(request: Request) -> WebRoom:
    room: WebRoom = request.app.state.room
    return room


def joined(request: Request) -> bool:
    return room_of(request).settings.access.token_matches(request.cookies.get(TOKEN_COOKIE))


def client_of(request: Request) -> str:
    return request.client.host if request.client is not None else "?"


def language_of(request: Request) -> str:
    """The phone's language (Accept-Language, sv or en), else the session's."""
    ranked = []
    for n, part in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, n, tag.split("-")[0].strip().lower()))
    found = next((tag for _, _, tag in sorted(ranked) if tag in LANGUAGES), None)
    return found or screen_language(room_of(request))


def screen_language(room: WebRoom) -> str:
    return room.language if room.language in LANGUAGES else "en"


def label(translate: Translator, text: str) -> str:
    """A form's label: ``@key`` from the catalogue, else the text itself."""
    return translate(text[1:]) if text.startswith("@") else text


def render(
    request: Request, name: str, lang: str, status: int = 200, **values: Any
) -> HTMLResponse:
    translate = Translator(lang)
    template = _TEMPLATES.get_template(name)
    html = template.render(
        t=translate, label=lambda text: label(translate, text), lang=lang, **values
    )
    return HTMLResponse(html, status_code=status)


def join(request: Request, *, wrong: bool = False, status: int = 200) -> HTMLResponse:
    return render(request, "join.html", language_of(request), status, wrong=wrong)


def refusal(request: Request, status: int, key: str, **values: Any) -> Response:
    translate = Translator(language_of(request))
    text = translate(key, **values)
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"ok": False, "problems": [text]}, status_code=status)
    return render(request, "refused.html", translate.lang, status, problems=[text])


async def fields_or_refusal(request: Request, limits: Limits) -> dict[str, str] | Response:
    try:
        return await read_fields(request, limits.body, limits.body_seconds)
    except TooBig:
        return refusal(request, 413, "web.err.too_big", limit=limits.body)
    except TooSlow:
        return refusal(request, 408, "web.err.too_slow")
    except BadRequest:
        return refusal(request, 400, "web.err.bad_request")


def current_view(room: WebRoom, channel: str, lang: str) -> dict[str, Any]:
    """The view last published on ``channel`` (rendered by the pages, not read again)."""
    return room.broadcaster.views.get((channel, lang), {})


def phone(
    request: Request,
    *,
    sent: str = "",
    problems: list[str] | None = None,
    given: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    room = room_of(request)
    lang = language_of(request)
    view = current_view(room, "screen", lang)
    return render(
        request,
        "phone.html",
        lang,
        status,
        view=view,
        sent=sent,
        problems=problems or [],
        given=given or {},
        entry_id=secrets.token_hex(12),
    )


def screen(request: Request) -> HTMLResponse:
    room = room_of(request)
    lang = screen_language(room)
    view = current_view(room, "screen", lang)
    code, base = room.settings.access.code, room.config.base_url
    return render(request, "screen.html", lang, view=view, code=code, base=base)


def qr_svg(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=10, border=2, xmldecl=False)
    return buffer.getvalue()


async def post_entry(request: Request, is_joined: bool, client: str) -> Response:
    """A phone's entry: 403 without the room's token; answered once it is in the journal
    (JSON for the page's script, else the page again)."""
    room = room_of(request)
    if not is_joined:
        return refusal(request, 403, "web.err.token")
    if not room.limiter.allow(client):
        return refusal(request, 429, "web.err.too_many")
    fields = await fields_or_refusal(request, room.config.limits)
    if isinstance(fields, Response):
        return fields
    translate = Translator(language_of(request))
    try:
        entry = phone_entry(fields, request.cookies.get(PHONE_COOKIE) or "phone")
        future = room.writer.submit(entry)
        confirmed = await asyncio.wait_for(asyncio.wrap_future(future), CONFIRM_SECONDS)
    except BadRequest:
        return refusal(request, 400, "web.err.bad_request")
    except TimeoutError:
        return refusal(request, 503, "web.err.busy")
    except EntryRefused as refused:
        return _refused(request, refused.lines(translate), fields, 422)
    except (InputClosed, EntryIdReused) as conflict:
        return _refused(request, conflict.lines(translate), fields, 409)
    except FacilitateError as error:
        return _refused(request, error.lines(translate), fields, 422)
    if "application/json" in request.headers.get("accept", ""):
        data = {"ok": True, "entry_id": confirmed.entry_id, "duplicate": confirmed.duplicate}
        return JSONResponse(data)
    return RedirectResponse(f"/p?sent={confirmed.entry_id}", status_code=303)


def _refused(
    request: Request, problems: list[str], fields: dict[str, str], status: int
) -> Response:
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"ok": False, "problems": problems}, status_code=status)
    return phone(request, problems=problems, given=fields, status=status)
