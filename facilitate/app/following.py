"""Following a session's journal while it is run: the live view's count of each step's entries."""

from __future__ import annotations

from collections.abc import Callable

from facilitate.store.follow import StepEntries
from facilitate.store.session import Session


def step_entry_count(
    session: Session, run_id: str | None = None
) -> Callable[[str, int | None], int]:
    """The live entries of a step (id, round) of the run ``run_id`` (None: the session's
    latest run), by every writer.

    Each call reads only what the journal gained since the last (one ``stat`` when nothing
    changed), and never raises: the live loop asks it about twice a second.
    """
    return StepEntries(session.follow(), run_id)
