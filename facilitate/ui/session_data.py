"""``sessions list --json``: each session as data (nothing of Rich is needed for it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from facilitate.model.run_clock import LiveStatus
from facilitate.model.session_listing import ListedSession
from facilitate.ui.session_text import status_text


def summary_data(
    listed: ListedSession, path: Path, live: LiveStatus | None = None
) -> dict[str, Any]:
    """One session of ``sessions list --json`` (``live``: its run is being run now)."""
    return {
        **listed.header.to_data(),
        "path": str(path),
        "status": listed.status,
        "status_text": status_text(listed, live),
        "entries": listed.entries,
        "deleted_entries": listed.deleted_entries,
        "events": listed.events,
        "runs": len(listed.runs),
        "steps_run": listed.steps_run,
        "current_step": listed.current_step,
        "resume_point": listed.resume_point._asdict() if listed.resume_point else None,
        "last_at": listed.last_at,
        "live": live.to_data() if live is not None else None,
    }


def damaged_data(session_id: str, path: Path, problem: str) -> dict[str, Any]:
    """A damaged session in ``sessions list --json``."""
    return {"id": session_id, "path": str(path), "status": "damaged", "problem": problem}
