"""``sessions list --json``: each session as data (nothing of Rich is needed for it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from facilitate.model.session import LiveStatus, SessionHeader
from facilitate.model.session_digest import SessionDigest
from facilitate.ui.session_text import status_text


def summary_data(
    header: SessionHeader, digest: SessionDigest, path: Path, live: LiveStatus | None = None
) -> dict[str, Any]:
    """One session of ``sessions list --json`` (``live``: its run is being run now)."""
    return {
        **header.to_data(),
        "path": str(path),
        "status": digest.status,
        "status_text": status_text(digest, live),
        "entries": digest.entries,
        "deleted_entries": digest.deleted_entries,
        "events": digest.events,
        "runs": len(digest.runs),
        "steps_run": len(digest.steps),
        "current_step": digest.current_step,
        "resume_point": digest.resume_point._asdict() if digest.resume_point else None,
        "last_at": digest.last_at,
        "live": live.to_data() if live is not None else None,
    }


def damaged_data(session_id: str, path: Path, problem: str) -> dict[str, Any]:
    """A damaged session in ``sessions list --json``."""
    return {"id": session_id, "path": str(path), "status": "damaged", "problem": problem}
