"""The facilitator's controls: open or close input at the step, show or hide the results,
hide an entry (an EntryDeleted with a reason). Only with the facilitator's key."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from facilitate.app.participation import hide_entry
from facilitate.errors import FacilitateError
from facilitate.i18n import Translator
from facilitate.web import pages
from facilitate.web.pages import ADMIN_COOKIE, COOKIE, client_of, room_of


def _is_admin(request: Request) -> bool:
    return room_of(request).settings.access.admin_matches(request.cookies.get(ADMIN_COOKIE))


async def admin_page(request: Request) -> Response:
    room = room_of(request)
    key = request.query_params.get("key")
    if key is not None:
        if not room.limiter.allow(client_of(request)):
            return pages.refusal(request, 429, "web.err.too_many")
        if not room.settings.access.admin_matches(key):
            return pages.refusal(request, 403, "web.err.token")
        response = RedirectResponse("/admin", status_code=303)
        response.set_cookie(ADMIN_COOKIE, key, **COOKIE)
        response.set_cookie(pages.TOKEN_COOKIE, room.settings.access.token, **COOKIE)
        return response
    if not _is_admin(request):
        return pages.refusal(request, 403, "web.err.token")
    lang = pages.screen_language(room)
    view = pages.current_view(room, "screen", lang)
    return pages.render(
        request, "admin.html", lang, view=view, controls=room.settings.controls, problems=[]
    )


async def control(request: Request) -> Response:
    """``POST /admin/{action}``: input (place, open), results (shown), hide (entry, reason)."""
    room = room_of(request)
    if not _is_admin(request):
        return pages.refusal(request, 403, "web.err.token")
    fields = await pages.fields_or_refusal(request, room.config.limits)
    if isinstance(fields, Response):
        return fields
    action = request.path_params["action"]
    if action == "input":
        await run_in_threadpool(
            room.settings.set_input, fields.get("place", ""), fields.get("open") == "1"
        )
    elif action == "results":
        await run_in_threadpool(room.settings.set_results, fields.get("shown") == "1")
    elif action == "hide":
        translate = Translator(pages.screen_language(room))
        reason = fields.get("reason", "").strip() or translate("web.admin.hidden_reason")
        try:
            await run_in_threadpool(
                hide_entry,
                room.store,
                room.methods,
                room.session_id,
                fields.get("entry_id", ""),
                reason=reason,
                author=room.config.author,
            )
        except FacilitateError as error:
            problems = error.lines(translate)
            return pages.render(request, "refused.html", translate.lang, 422, problems=problems)
    else:
        return Response(status_code=404)
    room.changed()
    return RedirectResponse("/admin", status_code=303)


def routes() -> list[BaseRoute]:
    return [
        Route("/admin", admin_page),
        Route("/admin/{action}", control, methods=["POST"]),
    ]
