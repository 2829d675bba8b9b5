"""What `sessions show` shows is always the journal's: its summary corrupted, truncated,
replaced by a stale one and raced by another process's appends (adds, retried adds, edits,
deletes, timer events), the digest and the last entries are those of a fold of the journal
from scratch, and so is `sessions show --json`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from facilitate.app.session_overview import read_overview
from facilitate.model.events import RunStarted, StepStarted
from facilitate.model.session import SessionState, fold
from facilitate.model.session_digest import digest_of
from facilitate.store.store import SessionStore
from facilitate.store.summary_file import SUMMARY_FILE
from facilitate.store.tail import read_tail

from cli_helpers import run_cli

REPO = Path(__file__).resolve().parents[1]
WRITER = textwrap.dedent(
    """
    import random, sys
    from pathlib import Path
    from facilitate.store.store import SessionStore
    from facilitate.model.events import EntryAdded, EntryDeleted, EntryEdited, TimerPaused

    session = SessionStore(Path(sys.argv[1])).open(sys.argv[2])
    chance, ids = random.Random(15), []
    for i in range(int(sys.argv[3])):
        pick = chance.random()
        if pick < 0.55 or not ids:
            ids.append(f"e{i}")
            kind = chance.choice(["note", "card", "reflektion"])
            event = EntryAdded(entry_id=ids[-1], kind=kind, text=f"text {i}", step="harvest")
        elif pick < 0.65:
            event = EntryAdded(entry_id=chance.choice(ids), kind="note", text="a retry")
        elif pick < 0.8:
            event = EntryEdited(entry_id=chance.choice(ids), text=f"edited {i}")
        elif pick < 0.9:
            event = EntryDeleted(entry_id=chance.choice(ids))
        else:
            event = TimerPaused(index=0, remaining_seconds=100.0, run_id="r1")
        session.append(event, author="phone", role="participant")
    """
)


def damage(summary: Path, turn: int, stale: bytes | None) -> None:
    """One of the ways a summary goes wrong, by turn."""
    if not summary.exists():
        return
    content = summary.read_bytes()
    match turn % 5:
        case 0:
            summary.write_bytes(b'{"v":3,"journal":{"off')  # cut short mid-write
        case 1:
            summary.write_bytes(content[: len(content) // 2])  # truncated, the index too
        case 2 if stale is not None:
            summary.write_bytes(stale)  # an older summary: the journal grew past it
        case 3:
            head, _, index = content.partition(b"\n")
            summary.write_bytes(head + b"\n" + index.replace(b'"e', b'"x', 1))  # a wrong id
        case 4:
            summary.write_bytes(content.replace(b'"v":3', b'"v":9', 1))  # another version


def journal_prefix_state(root: Path, session_id: str, offset: int) -> SessionState:
    """The journal's first ``offset`` bytes folded from scratch."""
    session = SessionStore(root).open(session_id)
    return fold(read_tail(session.path, 0, offset), session.header)


def test_show_is_the_journals_whatever_happens_to_its_summary(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Race", date="2026-11-22")
    start = [RunStarted(method="world-cafe", segments=3, run_id="r1")]
    session.append_many([*start, StepStarted(0, "harvest", run_id="r1")], author="a", role="f")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store.root), session.id, "600"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    summary, stale, looks = session.path / SUMMARY_FILE, None, 0
    try:
        while writer.poll() is None or looks < 3:
            overview = read_overview(store, session.id, last=5)
            state = journal_prefix_state(store.root, session.id, overview.digest.offset)
            offset, warnings = overview.digest.offset, overview.digest.warnings
            assert overview.digest == digest_of(state, warnings, offset)
            assert overview.recent == state.entries[-5:]
            if looks == 2 and summary.exists():
                stale = summary.read_bytes()
            damage(summary, looks, stale)
            looks += 1
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0 and looks > 5
    shown = run_cli(["--sessions-dir", str(store.root), "sessions", "show", session.id, "--json"])
    assert shown.exit_code == 0, shown.stderr
    whole = store.open(session.id).state()
    data = json.loads(shown.stdout)
    expected = json.loads(json.dumps({"id": session.id, **whole.to_data()}, default=str))
    del data["path"], data["live"]
    assert data == expected
    assert read_overview(store, session.id).digest.entries == len(whole.entries)
