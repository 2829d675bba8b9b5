"""A session's header (``session.json``): what the session is, and the checks on its fields."""

from __future__ import annotations

import re
from dataclasses import asdict, field
from datetime import date as Date
from typing import Any, Literal

from facilitate.records import Record

SESSION_SCHEMA_VERSION = 2
"""Version 2 added ``uuid``; headers of version 1 (facilitate 0.1.0) have none until written."""
HeaderStatus = Literal["active", "archived"]
HEADER_STATUSES: tuple[str, ...] = ("active", "archived")
SESSION_LANGUAGES: tuple[str, ...] = ("sv", "en")
"""The languages a new session can be held (and later exported) in."""
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TITLE_MAX = 200


class HeaderError(ValueError):
    """A header field with a bad value: ``field`` names it, ``code`` and ``values`` say what.

    The interface turns ``code`` into a message in the user's language.
    """

    def __init__(self, field_name: str, code: str, **values: Any) -> None:
        super().__init__(f"{field_name}: {code} {values}" if values else f"{field_name}: {code}")
        self.field = field_name
        self.code = code
        self.values = values


class SessionHeader(Record):
    """What a session is: title, date, place, language, method or plan, facilitators.

    ``uuid`` identifies the session everywhere (its folder name ``id`` is for people and may
    collide across laptops); a header written by 0.1.0 has None until it is next written.
    """

    id: str
    title: str
    date: str
    place: str = ""
    language: str = "sv"
    method: str | None = None
    plan: str | None = None
    facilitators: list[str] = field(default_factory=list)
    schema_version: int = SESSION_SCHEMA_VERSION
    created_at: str = ""
    status: HeaderStatus = "active"
    uuid: str | None = None

    def __post_init__(self) -> None:
        check_header(self)

    @property
    def method_or_plan(self) -> str | None:
        """The method id, else the plan id, else None (a session of standalone timers)."""
        return self.method or self.plan

    def to_data(self) -> dict[str, Any]:
        """The header as JSON-ready data (the content of ``session.json``)."""
        return asdict(self)

    @classmethod
    def from_data(cls, data: Any) -> SessionHeader:
        """Rebuild a header from ``session.json`` data; raises :class:`HeaderError`."""
        if not isinstance(data, dict):
            raise HeaderError("", "not_object")
        known = {f for f in cls.__dataclass_fields__}
        for key in data:
            if key not in known:
                raise HeaderError(str(key), "unknown_field")
        for key in ("id", "title", "date"):
            if key not in data:
                raise HeaderError(key, "missing")
        try:
            return cls(**data)
        except TypeError as error:  # pragma: no cover - guarded by the checks above
            raise HeaderError("", "not_object") from error


def _check_str(value: Any, name: str, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if not isinstance(value, str):
        raise HeaderError(name, "text")


def check_header(header: SessionHeader) -> None:
    """Raise :class:`HeaderError` for the first field of ``header`` with a bad value."""
    for name in ("id", "title", "date", "place", "language", "created_at"):
        _check_str(getattr(header, name), name)
    for name in ("method", "plan"):
        value = getattr(header, name)
        _check_str(value, name, optional=True)
        if value is not None and not is_name(value):
            raise HeaderError(name, "id", got=value)
    if not header.title.strip():
        raise HeaderError("title", "title_empty")
    if len(header.title) > TITLE_MAX:
        raise HeaderError("title", "title_long", limit=TITLE_MAX)
    if not _DATE_RE.match(header.date) or not _valid_date(header.date):
        raise HeaderError("date", "date", got=header.date)
    if not _LANG_RE.match(header.language):
        raise HeaderError("language", "language", got=header.language)
    if not isinstance(header.facilitators, list) or not all(
        isinstance(name, str) and name.strip() for name in header.facilitators
    ):
        raise HeaderError("facilitators", "names")
    if not isinstance(header.schema_version, int) or isinstance(header.schema_version, bool):
        raise HeaderError("schema_version", "integer")
    if header.status not in HEADER_STATUSES:
        raise HeaderError("status", "status", got=header.status)
    _check_uuid(header)


def _check_uuid(header: SessionHeader) -> None:
    """None (not yet given one) or a canonical lower-case UUID."""
    value = header.uuid
    if value is None:
        return
    if not isinstance(value, str) or not _UUID_RE.match(value):
        raise HeaderError("uuid", "uuid", got=value)


def is_uuid(value: str) -> bool:
    """True for a canonical lower-case UUID such as a session header's ``uuid``."""
    return bool(_UUID_RE.match(value))


def is_name(value: str) -> bool:
    """True for an id such as ``world-cafe`` (a method or plan id: no paths, no dots)."""
    return bool(_NAME_RE.match(value))


def _valid_date(text: str) -> bool:
    try:
        Date.fromisoformat(text)
    except ValueError:
        return False
    return True
