"""What the archive's tests share: stores of real sessions (copies of the Eslöv day, each with
its own id and UUID), and looks into the archive's tables."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import psycopg

from facilitate.model.events import EntryAdded
from facilitate.store.store import SessionStore

from cli_helpers import Outcome, run_cli

ROOT = Path(__file__).resolve().parent.parent
ESLOV = ROOT / "sessions" / "examples" / "2014-03-11-kommunalt-och-ideburet"


def eslov_copies(root: Path, count: int, prefix: str = "kommun") -> list[str]:
    """``count`` copies of the Eslöv day in ``root`` (ids ``kommun-01`` …, fresh UUIDs)."""
    ids = []
    for number in range(1, count + 1):
        session_id = f"{prefix}-{number:02d}"
        folder = root / session_id
        shutil.copytree(ESLOV, folder)
        header = json.loads((folder / "session.json").read_text(encoding="utf-8"))
        header.update(id=session_id, uuid=str(uuid.uuid4()), date=f"2018-{number % 12 + 1:02d}-15")
        text = json.dumps(header, ensure_ascii=False, indent=2) + "\n"
        (folder / "session.json").write_text(text, encoding="utf-8")
        ids.append(session_id)
    return ids


def add_note(root: Path, session_id: str, text: str) -> None:
    """Append one note to a local session, as a note-taker would."""
    session = SessionStore(root).open(session_id)
    event = EntryAdded(entry_id=uuid.uuid4().hex[:12], kind="note", text=text)
    session.append(event, author="Anna", role="note-taker")


def archive_cli(root: Path, url: str, *args: str) -> Outcome:
    """``facilitate --sessions-dir ROOT archive ARGS`` with the archive's URL in the environment."""
    return run_cli(
        ["--sessions-dir", str(root), "archive", *args], env={"FACILITATE_ARCHIVE_URL": url}
    )


def archived_counts(url: str) -> dict[str, tuple[int, int, int]]:
    """Per archived session id: (its events row count, its recorded count, its last seq)."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT s.id, count(e.seq), s.events, s.last_seq FROM facilitate.sessions s"
            " LEFT JOIN facilitate.events e ON e.session_uuid = s.uuid GROUP BY s.uuid"
        ).fetchall()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def journal_records(root: Path, session_id: str) -> int:
    return sum(1 for line in (root / session_id / "journal.jsonl").open() if line.strip())
