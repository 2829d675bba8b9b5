"""What a session's record asks of a new run: no unfinished run buried, one language.

A session whose last method run has not ended is resumed before another run starts in it;
a standalone timer that was quit has ended. Titles are recorded in the session's language.
"""

from __future__ import annotations

from facilitate.errors import UsageError
from facilitate.i18n.messages import message
from facilitate.model.session import SESSION_LANGUAGES, Run, SessionState
from facilitate.store.journal import Session

__all__ = ["recording_language", "refuse_stopped_run", "unfinished_run"]


def unfinished_run(state: SessionState) -> Run | None:
    """The session's last run if it is a method run that has not ended, else None.

    Not ended: stopped (``q``, Ctrl-C), or never recorded its end (a crash, or a run going on
    in another terminal). A standalone timer that was quit has ended: it waits for nobody,
    and the next run may start; ``sessions resume`` can still continue it on purpose.
    """
    run = state.last_run
    if run is None or run.is_timer or run.resume_point is None:
        return None
    return run if run.progress in ("running", "stopped") else None


def refuse_stopped_run(session: Session) -> None:
    """A new run must not bury one that can still be resumed: UsageError naming the way on."""
    run = unfinished_run(session.state())
    if run is None or run.resume_point is None:
        return
    index = run.resume_point.index
    raise UsageError(
        message(
            "timer.err.stopped_run",
            id=session.id,
            method=run.method,
            index=index + 1,
            total=max(run.segments, index + 1),
        )
    )


def recording_language(session: Session | None, lang: str) -> str:
    """The language a run records its titles in: the session's, else ``lang``.

    A session's record stays in one language whatever the screen shows (``--lang``).
    """
    if session is not None and session.header.language in SESSION_LANGUAGES:
        return session.header.language
    return lang
