"""Pushes as separate processes against the real PostgreSQL: two at once, and one killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from archive_helpers import ROOT, archive_cli, archived_counts, eslov_copies, journal_records

DEADLINE = 120.0


def _push(root: Path, url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "FACILITATE_LANG": "en", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "facilitate", "--sessions-dir", str(root), "archive", "push",
         "--db", url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip


def _whole(url: str, root: Path) -> dict[str, tuple[int, int, int]]:
    """The archived sessions, each checked to be whole (every record its header counts)."""
    counts = archived_counts(url)
    for session_id, (rows, recorded, last_seq) in counts.items():
        local = journal_records(root, session_id)
        assert rows == recorded == last_seq == local, (session_id, rows, recorded, local)
    return counts


def test_two_pushes_at_once_archive_each_session_once(tmp_path: Path, archive_db: str) -> None:
    ids = eslov_copies(tmp_path, 8)
    first, second = _push(tmp_path, archive_db), _push(tmp_path, archive_db)
    outputs = [p.communicate(timeout=DEADLINE) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert sorted(_whole(archive_db, tmp_path)) == ids
    records = journal_records(tmp_path, ids[0])
    added = sum(
        int(line.split("pushed: ")[1].split()[0])
        for out, _ in outputs
        for line in out.splitlines()
        if line.startswith("pushed: ")
    )
    assert added == records * len(ids)  # every record sent once, by one of the two


def test_a_push_killed_half_way_leaves_whole_sessions(tmp_path: Path, archive_db: str) -> None:
    ids = eslov_copies(tmp_path, 40)
    pushing = _push(tmp_path, archive_db)
    assert pushing.stdout is not None
    first = pushing.stdout.readline()
    assert first.startswith("kommun-01: new"), first + (
        pushing.stderr.read() if pushing.stderr else ""
    )
    pushing.send_signal(signal.SIGKILL)
    pushing.wait(timeout=DEADLINE)
    assert pushing.returncode == -signal.SIGKILL

    deadline = time.monotonic() + DEADLINE  # the server ends the killed connection's work
    while _backends(archive_db) and time.monotonic() < deadline:
        pass
    done = _whole(archive_db, tmp_path)
    assert 1 <= len(done) < len(ids)  # killed half-way

    again = archive_cli(tmp_path, archive_db, "push")
    assert again.exit_code == 0, again.stderr
    assert again.stdout.count("up to date") == len(done)
    assert sorted(_whole(archive_db, tmp_path)) == ids


def _backends(url: str) -> int:
    """How many other connections of facilitate are still open."""
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'facilitate'"
        ).fetchone()
    return int(row[0]) if row else 0
