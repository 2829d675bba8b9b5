"""Which entry ids a session holds, kept as lines of bytes that are only ever added to.

A digest folded on must know whether an added entry's id was seen before (a phone's retry
reuses its id) and where a deleted entry counted. Parsing the ids of 50,000 entries on
every note would cost more than the note, so they are kept as lines that are looked up by
searching the bytes and written back by joining them:

    "<id>" <place> <seq>      the entry <id> was added, counting at place number <place>,
                              by the record with sequence number <seq>
    -"<id>"                   the entry <id> was deleted

The id is written as a JSON string (quotes inside it escaped), so a search for a line that
starts with it cannot match inside another id. Pure: bytes in, bytes out.
"""

from __future__ import annotations

import json


def _quoted(entry_id: str) -> bytes:
    return json.dumps(entry_id, ensure_ascii=False).encode("utf-8")


class EntryIndex:
    """The ids of a session's entries (see the module): ``base`` as read, plus what is new."""

    def __init__(self, base: bytes = b"") -> None:
        if base and not base.endswith(b"\n"):
            raise ValueError("an index ends with a whole line")
        self._haystack = b"\n" + base
        self._lines: list[bytes] = []
        self._new: dict[str, tuple[int, int]] = {}
        self._gone: set[str] = set()

    def known(self, entry_id: str) -> bool:
        """True if an entry ``entry_id`` was ever added (it may since be deleted)."""
        if entry_id in self._new or entry_id in self._gone:
            return True
        return b"\n" + _quoted(entry_id) + b" " in self._haystack

    def live(self, entry_id: str) -> tuple[int, int] | None:
        """The place number and added seq of the live entry ``entry_id`` (None: none)."""
        if entry_id in self._new:
            return self._new[entry_id]
        if entry_id in self._gone:
            return None
        quoted = _quoted(entry_id)
        if b"\n-" + quoted + b"\n" in self._haystack:
            return None
        start = self._haystack.find(b"\n" + quoted + b" ")
        if start < 0:
            return None
        start += len(quoted) + 2
        place, seq = self._haystack[start : self._haystack.index(b"\n", start)].split(b" ")
        return int(place), int(seq)

    def add(self, entry_id: str, place: int, seq: int) -> None:
        """Note the entry ``entry_id`` added (it must not be :meth:`known`)."""
        self._new[entry_id] = (place, seq)
        self._lines.append(b"%s %d %d\n" % (_quoted(entry_id), place, seq))

    def delete(self, entry_id: str) -> None:
        """Note the live entry ``entry_id`` deleted."""
        self._new.pop(entry_id, None)
        self._gone.add(entry_id)
        self._lines.append(b"-%s\n" % _quoted(entry_id))

    def to_bytes(self) -> bytes:
        """All lines, the ones read first."""
        return self._haystack[1:] + b"".join(self._lines)
