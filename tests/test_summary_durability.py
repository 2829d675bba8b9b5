"""A note is on disk (its journal line fsync'd) before "saved"; the summary beside the journal,
checked whenever it is read, is written whole but not fsync'd."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from cli_helpers import run_cli


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="names fds through /proc")
def test_a_note_fsyncs_its_journal_and_not_its_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"FACILITATE_SESSIONS": str(tmp_path), "FACILITATE_AUTHOR": "Lisa"}
    made = run_cli(["sessions", "new", "--title", "Eslöv", "--date", "2026-11-22"], env)
    assert made.exit_code == 0, made.stderr
    session = next(p for p in tmp_path.iterdir() if p.is_dir())
    run_cli(["note", session.name, "first"], env)  # makes the summary
    synced: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.path.basename(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    saved = run_cli(["note", session.name, "second"], env)
    assert saved.exit_code == 0 and "saved" in saved.stdout
    assert "journal.jsonl" in synced
    assert not any("summary" in name for name in synced)
    summary = (session / "summary.json").read_text(encoding="utf-8")
    assert '"entries": 2' in summary or '"entries":2' in summary
