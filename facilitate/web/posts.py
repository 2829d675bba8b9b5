"""Reading what a page posts: the body within its limit, form or JSON fields, and a phone's
entry made from them (the draft every other entry is checked as)."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from facilitate.app.participation import PhoneEntry
from facilitate.app.room_forms import PHONE_KINDS
from facilitate.model.entry_check import EntryDraft

PAYLOAD_FIELDS = ("card", "score", "card_a", "points_a", "card_b", "points_b", "target", "count")


class TooBig(Exception):
    """A body over the limit."""


class BadRequest(Exception):
    """A body that is not a form or JSON object of texts."""


class TooSlow(Exception):
    """A body that did not arrive within its time."""


async def read_fields(request: Request, limit: int, seconds: float) -> dict[str, str]:
    """The fields a page posted (a form, or a JSON object of texts), at most ``limit`` bytes
    arriving within ``seconds``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooBig
    body = bytearray()
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                body += chunk
                if len(body) > limit:
                    raise TooBig
    except TimeoutError:
        raise TooSlow from None
    try:
        text = body.decode("utf-8")
        if request.headers.get("content-type", "").startswith("application/json"):
            data = json.loads(text) if text else {}
        else:
            data = dict(parse_qsl(text, keep_blank_values=True, strict_parsing=False))
    except (UnicodeDecodeError, ValueError):
        raise BadRequest from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise BadRequest
    return data


def phone_entry(fields: dict[str, str], voter: str) -> PhoneEntry:
    """The entry ``fields`` describe; ``voter`` (this phone's random id) signs its dots."""
    kind = fields.get("kind", "note")
    if kind not in PHONE_KINDS:
        raise BadRequest
    dims = {k[4:]: v for k, v in fields.items() if k.startswith("dim.") and v.strip()}
    value: dict[str, Any] = {
        name: fields[name].strip() for name in PAYLOAD_FIELDS if fields.get(name, "").strip()
    }
    entry_fields = {k[6:]: v for k, v in fields.items() if k.startswith("field.") and v.strip()}
    if kind == "entry":
        value["fields"] = entry_fields
    if kind == "dots":
        value["voter"] = voter
        value.setdefault("count", "1")
    draft = EntryDraft(kind, fields.get("text", ""), dims, value or None)
    return PhoneEntry(fields.get("entry_id", ""), fields.get("place", ""), draft)
