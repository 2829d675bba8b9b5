"""The archive's folded tables come from the very records a push sends, never a later read."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from archive_helpers import add_note, archive_cli, eslov_copies

NOTE = "Skrivet medan arkivet fick sessionen"


def _orphans(url: str) -> list[tuple[str, int]]:
    """Folded entries whose record is not in the events table: (text, seq)."""
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT n.text, n.added_seq FROM facilitate.entries n WHERE NOT EXISTS"
            " (SELECT 1 FROM facilitate.events e"
            "  WHERE e.session_uuid = n.session_uuid AND e.seq = n.added_seq)"
        ).fetchall()


def _entry_texts(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM facilitate.entries").fetchall()]


def test_a_run_appending_during_a_push_is_not_folded_before_it_is_sent(
    tmp_path: Path, archive_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitate.archive import push

    (session_id,) = eslov_copies(tmp_path, 1)
    copy_records = push._copy_records

    def copy_then_append(*args: object, **kwargs: object) -> int:
        added = copy_records(*args, **kwargs)  # type: ignore[arg-type]
        add_note(tmp_path, session_id, NOTE)  # a note-taker's laptop writes meanwhile
        return added

    monkeypatch.setattr(push, "_copy_records", copy_then_append)
    assert archive_cli(tmp_path, archive_db, "push").exit_code == 0
    assert _entry_texts(archive_db) and _orphans(archive_db) == []
    assert NOTE not in _entry_texts(archive_db)

    monkeypatch.setattr(push, "_copy_records", copy_records)
    again = archive_cli(tmp_path, archive_db, "push")
    assert "kommun-01: 1 new record(s) pushed" in again.stdout
    assert NOTE in _entry_texts(archive_db) and _orphans(archive_db) == []
