"""Connecting to the archive: psycopg if installed, the URL's password never in a message.

The URL is a libpq connection string (``postgresql://user:secret@host/db?sslmode=require``
or ``host=... dbname=...``); TLS is what its ``sslmode`` asks, passed to libpq as it is.
The URL is read as libpq reads it (:func:`~psycopg.conninfo.conninfo_to_dict`), so a
password is found in every form libpq takes (``user:secret@``, ``?password=``,
``password=...``). Every message that names the archive names it by :func:`shown_url`,
which never shows the password (and a URL libpq cannot read is named by a fixed text), and
every error text from the server or libpq has the password taken out (:func:`scrubbed`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from facilitate.errors import FacilitateError, UsageError
from facilitate.i18n.messages import Message, message

if TYPE_CHECKING:
    import psycopg

CONNECT_TIMEOUT = 10
HIDDEN = "***"
_KEYWORD_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)", re.I)
_URL_PASSWORD = re.compile(r"(://[^\s:/@]*:)[^\s@]*@")
_FIRST_KEYS = ("host", "port", "user", "password", "dbname")


class ArchiveError(FacilitateError):
    """The archive cannot be reached or refused what was asked (exit 1)."""


def url_parts(url: str) -> dict[str, str] | None:
    """The URL's parameters as libpq reads them; None if libpq cannot read it (or psycopg is
    not installed)."""
    try:
        from psycopg import ProgrammingError
        from psycopg.conninfo import conninfo_to_dict
    except ImportError:
        return None
    try:
        return {key: str(value) for key, value in conninfo_to_dict(url).items()}
    except (ProgrammingError, ValueError, TypeError):
        return None


def shown_url(url: str) -> str | Message:
    """The URL as it may be shown: its password replaced by ``***``; a URL libpq cannot
    read is shown as a fixed text (it may hold a password anywhere)."""
    parts = url_parts(url)
    if parts is None:
        return message("archive.url.unreadable")
    if "password" in parts:
        parts["password"] = HIDDEN
    if "://" in url:
        return _as_url(url.partition("://")[0], parts)
    ordered = [k for k in _FIRST_KEYS if k in parts] + [k for k in parts if k not in _FIRST_KEYS]
    return " ".join(f"{key}={_keyword_value(parts[key])}" for key in ordered)


def _keyword_value(value: str) -> str:
    if value == HIDDEN or (value and not re.search(r"[\s'\\]", value)):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _as_url(scheme: str, parts: dict[str, str]) -> str:
    """``scheme://user:***@host:port/dbname?other=...`` from libpq's parameters."""
    user = quote(parts.pop("user", ""), safe="")
    secret = parts.pop("password", None)
    login = user + (f":{secret}" if secret is not None else "")
    hosts = parts.pop("host", "").split(",")
    ports = parts.pop("port", "").split(",")
    ports += [ports[-1] if len(ports) == 1 else ""] * (len(hosts) - len(ports))
    where = ",".join(
        (f"[{host}]" if ":" in host else quote(host, safe="/")) + (f":{port}" if port else "")
        for host, port in zip(hosts, ports, strict=False)
    )
    dbname = quote(parts.pop("dbname", ""), safe="")
    query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in parts.items())
    return (
        f"{scheme}://{login + '@' if login else ''}{where}"
        + (f"/{dbname}" if dbname else "")
        + (f"?{query}" if query else "")
    )


def password_of(url: str) -> str | None:
    """The password the URL holds, if any (to take out of error texts)."""
    parts = url_parts(url)
    if parts is not None:
        return parts.get("password") or None
    found = _KEYWORD_PASSWORD.search(url)
    return found.group(2).strip("'") if found else None


def scrubbed(text: str, url: str) -> str:
    """``text`` (an error from libpq or the server) on one line, without the URL's password."""
    line = " ".join(part.strip() for part in text.strip().splitlines() if part.strip())
    secret = password_of(url)
    forms = {secret, quote(secret, safe=""), unquote(secret)} if secret else set()
    for form in sorted(forms, key=len, reverse=True):
        line = line.replace(form, HIDDEN)
    line = _URL_PASSWORD.sub(rf"\1{HIDDEN}@", line)
    return _KEYWORD_PASSWORD.sub(rf"\1{HIDDEN}", line)


def _psycopg() -> object:
    try:
        import psycopg
    except ImportError:
        raise UsageError(message("archive.err.no_psycopg")) from None
    return psycopg


def failure(error: Exception, url: str) -> ArchiveError:
    """The error to raise for ``error`` from psycopg: one line, naming the archive safely."""
    return ArchiveError(
        message("archive.err.failed", url=shown_url(url), detail=scrubbed(str(error), url))
    )


@contextlib.contextmanager
def connected(url: str) -> Iterator[psycopg.Connection]:
    """A connection to the archive at ``url`` (autocommit; each change in its own transaction).

    UsageError (exit 2) when psycopg is not installed or no URL is given; ArchiveError when
    the server cannot be reached or refuses the login.
    """
    if not url.strip():
        raise UsageError(message("archive.err.no_url"))
    _psycopg()
    import psycopg

    if url_parts(url) is None:
        raise UsageError(message("archive.err.bad_url"))

    try:
        conn = psycopg.connect(
            url, autocommit=True, connect_timeout=CONNECT_TIMEOUT, application_name="facilitate"
        )
    except (psycopg.Error, ValueError) as error:
        raise failure(error, url) from None
    try:
        with conn:
            yield conn
    except psycopg.Error as error:
        raise failure(error, url) from None
