"""Ids: session folder names made from a date and a title (``2026-11-22-eslov-samverkan``),
references to a session on the command line, and entry ids."""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from facilitate.errors import UsageError
from facilitate.i18n.messages import message

ID_MAX = 80
SLUG_WORDS_MAX = 32
ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
# Letters that Unicode does not decompose into a base letter plus accent.
_SPECIAL = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "œ": "oe"})


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by dashes: ``"Eslöv: Samverkan!"`` -> ``eslov-samverkan``."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    if len(slug) > SLUG_WORDS_MAX:
        cut = slug[: SLUG_WORDS_MAX + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:SLUG_WORDS_MAX]
    return slug


def session_id_for(date: str, title: str) -> str:
    """The id of a new session: its date and its title as a slug."""
    words = slugify(title) or "session"
    return f"{date}-{words}"


def numbered(session_id: str, number: int) -> str:
    """The ``number``-th alternative of an id already taken: ``...-2``, ``...-3``."""
    return f"{session_id}-{number}"


def check_session_id(session_id: str) -> str:
    """Return ``session_id`` if it is a safe folder name; raise :class:`UsageError` otherwise.

    Safe means lower-case ASCII letters, digits and inner dashes, at most 80 characters: no
    path separators, no dots, nothing that could reach outside the session store.
    """
    if not isinstance(session_id, str) or not ID_RE.match(session_id):
        raise UsageError(message("sessions.err.bad_id", id=session_id))
    return session_id


def new_entry_id() -> str:
    """A fresh entry id, unique across writers without coordination (48 random bits)."""
    return secrets.token_hex(6)


MIN_PREFIX = 4
"""A session reference shorter than this must be a whole id (``2026`` is the shortest prefix)."""
_REF_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_HEX_RE = re.compile(r"^[0-9a-fA-F-]+$")


def session_ref(ref: str) -> str:
    """A session reference (an id, a UUID, or the start of either), checked and normalised.

    A UUID may be given in capitals; anything that could reach outside the session store
    (separators, dots) raises :class:`UsageError` like a bad id.
    """
    if isinstance(ref, str) and _HEX_RE.match(ref):
        ref = ref.lower()
    if not isinstance(ref, str) or not _REF_RE.match(ref):
        raise UsageError(message("sessions.err.bad_id", id=ref))
    return ref


def could_be_uuid(ref: str) -> bool:
    """True if ``ref`` could be (the start of) a UUID: hexadecimal digits and dashes."""
    return bool(_HEX_RE.match(ref))


def session_candidates(root: Path) -> Iterator[tuple[str, bool]]:
    """The id of each entry of the store that may be a session, and whether it is a folder
    (a link is not: opening it is refused, and it is listed as damaged)."""
    with os.scandir(root) as entries:
        for entry in entries:
            folder = entry.is_dir(follow_symlinks=False)
            if ID_RE.match(entry.name) and (folder or entry.is_symlink()):
                yield entry.name, folder
