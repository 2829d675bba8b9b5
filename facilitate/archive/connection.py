"""Connecting to the archive: psycopg if installed, the URL's password never in a message.

The URL is a libpq connection string (``postgresql://user:secret@host/db?sslmode=require``
or ``host=... dbname=...``); TLS is what its ``sslmode`` asks, passed to libpq as it is.
Every message that names the archive names it by :func:`shown_url`, and every error text
from the server or libpq has the password taken out (:func:`scrubbed`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit, urlunsplit

from facilitate.errors import FacilitateError, UsageError
from facilitate.i18n.messages import message

if TYPE_CHECKING:
    import psycopg

CONNECT_TIMEOUT = 10
_KEYWORD_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)")


class ArchiveError(FacilitateError):
    """The archive cannot be reached or refused what was asked (exit 1)."""


def shown_url(url: str) -> str:
    """The URL as it may be shown: its password replaced by ``***``."""
    if "://" in url:
        parts = urlsplit(url)
        if parts.password is not None:
            host = parts.netloc.rpartition("@")[2]
            user = parts.username or ""
            parts = parts._replace(netloc=f"{user}:***@{host}")
            return urlunsplit(parts)
        return url
    return _KEYWORD_PASSWORD.sub(r"\1***", url)


def password_of(url: str) -> str | None:
    """The password the URL holds, if any (to take out of error texts)."""
    if "://" in url:
        with contextlib.suppress(ValueError):
            return urlsplit(url).password
        return None
    found = _KEYWORD_PASSWORD.search(url)
    return found.group(2).strip("'") if found else None


def scrubbed(text: str, url: str) -> str:
    """``text`` (an error from libpq or the server) on one line, without the URL's password."""
    line = " ".join(part.strip() for part in text.strip().splitlines() if part.strip())
    secret = password_of(url)
    for form in {secret, unquote(secret)} if secret else ():
        line = line.replace(form, "***")
    return _KEYWORD_PASSWORD.sub(r"\1***", line)


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
