"""Who signs what a command records: one rule for runs, timers, resumes and entries.

The name written with each journal record is, in this order: the ``--author`` option, the
``FACILITATE_AUTHOR`` environment variable, the session's first facilitator (its header), the
account's login name, and last "facilitator". The session is known only once it is open, so
a command passes an :class:`Author` and the use case asks it for the name of that session.
"""

from __future__ import annotations

from facilitate.library.user_text import checked_text
from facilitate.model.session_header import SessionHeader
from facilitate.records import Record

DEFAULT_AUTHOR = "facilitator"


class Author(Record):
    """The names a command knows before it opens a session: ``--author``, FACILITATE_AUTHOR
    and the login name (each may be blank)."""

    option: str = ""
    environment: str = ""
    account: str = ""

    def name_for(self, header: SessionHeader | None) -> str:
        """The name to sign with in the session whose header is ``header`` (None: no session)."""
        facilitators = header.facilitators if header is not None else []
        for name in (self.option, self.environment, *facilitators[:1], self.account):
            if name and name.strip():
                return name.strip()
        return DEFAULT_AUTHOR


def signature(author: str | Author, header: SessionHeader | None) -> str:
    """The name to record: ``author`` as is when it is already a name, else by the rule above.

    UsageError when the name holds a control character or nothing visible.
    """
    name = author.name_for(header) if isinstance(author, Author) else author.strip()
    return checked_text(name or DEFAULT_AUTHOR, "author")
