"""An export of a session that is still being written: nothing acknowledged is missing, and
the export never takes the lock a note-taker needs.

A second process plays the note-taker (or holds the session's lock as a writer mid-append
would); the export runs here, in this process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from facilitate.store.journal import SessionStore

from cli_helpers import run_cli
from export_helpers import ROOT, Workshop, bundled, export

NOTES = 150
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from facilitate.model.events import EntryAdded
    from facilitate.store.journal import SessionStore

    store, session_id, acknowledged, count = sys.argv[1:5]
    session = SessionStore(Path(store)).open(session_id)
    with open(acknowledged, "a", encoding="utf-8") as done:
        for n in range(int(count)):
            text = f"Anteckning {n}"
            entry = EntryAdded(f"live{n:04d}", "note", text, "round", 1, {"table": "1"})
            session.append(entry, author="Lisa", role="note-taker")
            done.write(f"live{n:04d}\\n")  # acknowledged: on disk before this line is written
            done.flush()
    """
)
HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from facilitate.store.journal import SessionStore

    session = SessionStore(Path(sys.argv[1])).open(sys.argv[2])
    with session.locked():
        print("locked", flush=True)
        sys.stdin.read()  # holds the lock until the test closes our input
    """
)


def python(script: str, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        text=True,
        **kwargs,  # type: ignore[call-overload]
    )


def exported_ids(shop: Workshop) -> set[str]:
    data = json.loads(export(shop.store, [shop.id], "json"))
    return {entry["entry_id"] for entry in data["sessions"][0]["entries"]}


def test_an_export_during_appends_from_another_process_loses_nothing(tmp_path: Path) -> None:
    shop = Workshop(tmp_path / "sessions")
    shop.run(bundled("world-cafe"), {"tables": "2"}, finish=False, steps=2)
    acknowledged = tmp_path / "acknowledged.txt"
    acknowledged.touch()
    writer = python(WRITER, str(shop.root), shop.id, str(acknowledged), str(NOTES))
    exports = 0
    try:
        while writer.poll() is None or exports == 0:
            before = set(acknowledged.read_text(encoding="utf-8").split())
            found = exported_ids(shop)
            assert before <= found, sorted(before - found)[:5]
            exports += 1
    finally:
        assert writer.wait(timeout=60) == 0
    assert exported_ids(shop) == {f"live{n:04d}" for n in range(NOTES)}
    assert exports > 1
    state = SessionStore(shop.root).open(shop.id).state()
    assert len(state.entries) == NOTES and not state.ignored


def test_an_export_needs_no_lock_a_writer_holds(tmp_path: Path) -> None:
    shop = Workshop(tmp_path / "sessions")
    shop.run(bundled("world-cafe"), finish=False, steps=3)
    shop.entry("note", "Före låset", "round", round=1, dims={"table": "1"})
    holder = python(HOLDER, str(shop.root), shop.id, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        result = run_cli(["--sessions-dir", str(shop.root), "export", shop.id, "--format", "md"])
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert "Före låset" in result.stdout
    assert "pågår, läget kl." in result.stdout
