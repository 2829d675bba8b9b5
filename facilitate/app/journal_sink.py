"""Recording a live run: each event the run emits is appended to the session's journal."""

from __future__ import annotations

from facilitate.errors import FacilitateError, JournalError, first_message
from facilitate.i18n.messages import Message, message
from facilitate.model.events import Event
from facilitate.store.journal import Session

ROLE = "facilitator"


class JournalSink:
    """The run's ``emit``: appends each event to the session, keeping it if the disk fails.

    A failed write does not stop the round: the event waits, the view shows the problem,
    and the next event (or :meth:`close`) tries again, in order. Without a session (a
    standalone timer) nothing is recorded.
    """

    def __init__(self, session: Session | None, author: str) -> None:
        self.session = session
        self.author = author
        self.pending: list[Event] = []
        self.problem: Message | None = None

    def __call__(self, event: Event) -> None:
        if self.session is None:
            return
        self.pending.append(event)
        self.flush()

    def flush(self) -> bool:
        """Write the waiting events in order; False (and ``problem`` set) if one fails."""
        while self.pending and self.session is not None:
            try:
                self.session.append(self.pending[0], author=self.author, role=ROLE)
            except (FacilitateError, OSError) as error:
                detail = first_message(error)
                self.problem = message("timer.run.journal_problem", detail=detail)
                return False
            self.pending.pop(0)
        self.problem = None
        return True

    def close(self) -> None:
        """Write what is still pending; JournalError if that is still impossible."""
        if not self.flush():
            raise JournalError(self.problem)
