"""A session as the archive keys it, and how a local copy compares with the archived one.

Each record line is known by its sequence number and the SHA-256 of its bytes; a session's
``digest`` chains them in order. A copy whose journal has the very bytes last pushed (the
same ``journal_digest``), or the same last seq and digest, is up to date without a record
sent or even parsed. Otherwise the hashes are compared
seq by seq: the same seq with another hash (or a copy that lacks records the archive has
while holding newer ones) is a diverged copy, which is reported and never merged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import field
from functools import cached_property
from typing import Any, Literal, Protocol

from facilitate.model.session_header import SessionHeader
from facilitate.records import Record

Standing = Literal["new", "ahead", "up_to_date", "behind", "diverged"]
"""``new``: not archived yet; ``ahead``: the local copy has records the archive lacks;
``behind``: the archive has records the local copy lacks (nothing to push)."""


class LineLike(Protocol):
    """A journal line with its sequence number and envelope (the store's ``RawLine``)."""

    @property
    def seq(self) -> int: ...
    @property
    def line(self) -> str: ...
    @property
    def record(self) -> dict[str, Any]: ...


def line_hash(line: str) -> str:
    """The SHA-256 (hex) of one journal line's bytes, without its newline."""
    return hashlib.sha256(line.encode("utf-8", errors="surrogatepass")).hexdigest()


def chain(hashes: Sequence[tuple[int, str]]) -> str:
    """The digest of a session's records: their seqs and hashes, in order."""
    digest = hashlib.sha256()
    for seq, hashed in hashes:
        digest.update(f"{seq}:{hashed}\n".encode("ascii"))
    return digest.hexdigest()


def header_text(header: SessionHeader) -> str:
    """The header as the archive keeps it (sorted keys, so its hash is stable)."""
    return json.dumps(header.to_data(), ensure_ascii=False, sort_keys=True)


class LocalCopy(Record):
    """A session's header, its journal's digest (the SHA-256 of its bytes) and its record
    lines, read and hashed only when asked for (an up-to-date push needs the digest only)."""

    header: SessionHeader
    journal_digest: str
    load: Callable[[], Sequence[LineLike]] = field(compare=False, repr=False)

    @cached_property
    def lines(self) -> Sequence[LineLike]:
        return self.load()

    @cached_property
    def hashes(self) -> tuple[tuple[int, str], ...]:
        return tuple((line.seq, line_hash(line.line)) for line in self.lines)

    @property
    def uuid(self) -> str:
        assert self.header.uuid is not None, "a session is given its UUID before it is pushed"
        return self.header.uuid

    @property
    def last_seq(self) -> int:
        return self.hashes[-1][0] if self.hashes else 0

    @property
    def digest(self) -> str:
        return chain(self.hashes)

    @cached_property
    def header_hash(self) -> str:
        return hashlib.sha256(header_text(self.header).encode("utf-8")).hexdigest()


class Comparison(Record):
    """How a local copy stands against the archive: ``standing``, the records the local copy
    has that the archive lacks (``new_seqs``), how many the archive has that it lacks
    (``missing``), and the first seq where the two differ (``diverged_at``)."""

    standing: Standing
    new_seqs: tuple[int, ...] = ()
    missing: int = 0
    diverged_at: int | None = None


def compare(local: Sequence[tuple[int, str]], archived: Mapping[int, str] | None) -> Comparison:
    """Compare a local copy's (seq, hash) pairs with the archived ones (None: not archived)."""
    if archived is None:
        return Comparison("new", tuple(seq for seq, _ in local))
    differs = next((s for s, h in local if s in archived and archived[s] != h), None)
    if differs is not None:
        return Comparison("diverged", diverged_at=differs)
    seqs = {s for s, _ in local}
    new = tuple(s for s, _ in local if s not in archived)
    missing = sorted(s for s in archived if s not in seqs)
    if new and missing:  # neither copy holds the other: they went separate ways
        return Comparison("diverged", new, len(missing), missing[0])
    if new:
        return Comparison("ahead", new)
    if missing:
        return Comparison("behind", missing=len(missing))
    return Comparison("up_to_date")
