"""`sessions list` from the store's listing index: what it shows is always the journal's.

The index (``.listing.json`` at the store's root) keeps what the listing shows of each session
with the ``lstat`` of its journal and header. A session whose files changed behind its back
(appended to by another process, cut short, replaced by a file of the same size, rewritten in
place, archived) is read again; a damaged index is discarded silently and made again.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from facilitate.clock import local_now
from facilitate.model.events import EntryAdded, RunStarted, RunStopped, StepStarted
from facilitate.model.session_digest import digest_of
from facilitate.model.session_listing import ListedSession
from facilitate.store.line_format import encode_record
from facilitate.store.listing_index import INDEX_FILE, read_index
from facilitate.store.session import Session
from facilitate.store.store import SessionStore

from cli_helpers import run_cli

REPO = Path(__file__).resolve().parents[1]
AT = "2026-11-22T10:00:00.000+01:00"


def later() -> datetime:
    """The time of a listing made 10 s after the files were written (so its rows are kept)."""
    return local_now() + timedelta(seconds=10)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions", now=later)


def add(session: Session, *texts: str, padding: int = 0) -> None:
    for text in texts:
        entry = EntryAdded(entry_id=text, kind="note", text=text + "." * padding)
        session.append(entry, author="a", role="b")


def listed(store: SessionStore) -> dict[str, ListedSession]:
    return {shown.header.id: shown for shown in store.list()}


def truth(store: SessionStore) -> dict[str, ListedSession]:
    """Each session as listed when folded from its whole journal (no summary, no index)."""
    sessions = [store.open(session_id) for session_id in store.ids()]
    found = {}
    for session in sessions:
        batch = session.read_all()
        digest = digest_of(session.state(), batch.warnings, batch.position.offset)
        found[session.id] = ListedSession.of(digest, session.header)
    return found


def journal_lines(texts: list[str]) -> bytes:
    events = [EntryAdded(entry_id=f"e{n}", kind="note", text=text) for n, text in enumerate(texts)]
    return b"".join(encode_record(n, AT, "a", "b", e) for n, e in enumerate(events, 1))


def same_size_with_one_more(original: bytes) -> bytes:
    """A journal as long as ``original`` (two entries) that holds three entries."""
    short = journal_lines(["x", "y", ""])
    assert len(short) < len(original)
    return journal_lines(["x", "y", "z" * (len(original) - len(short))])


def until_changed(path: Path, before: int, write: Callable[[], object]) -> None:
    """Write until the file's change time differs from ``before`` (a timestamp has a
    resolution: a write in the same tick leaves it as it was)."""
    deadline = time.monotonic() + 10
    write()
    while os.lstat(path).st_ctime_ns == before:
        assert time.monotonic() < deadline, "the change time never moved"
        write()


APPENDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from facilitate.store.store import SessionStore
    from facilitate.model.events import EntryAdded

    session = SessionStore(Path(sys.argv[1])).open(sys.argv[2])
    for i in range(int(sys.argv[3])):
        session.append(EntryAdded(entry_id=f"n{i}", kind="note", text="x"), author="w", role="r")
    """
)


def another_process(store: SessionStore, session_id: str, count: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", APPENDER, str(store.root), session_id, str(count)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_a_second_listing_opens_no_session(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = [store.create(title=f"S{n}", date="2026-11-22") for n in range(3)]
    for session in sessions:
        add(session, "one", "two")
    first = listed(store)
    assert first == truth(store)
    assert set(read_index(store.root)) == {s.id for s in sessions}

    def no_opening(self: SessionStore, session_id: str) -> Session:
        raise AssertionError(f"{session_id} was opened")

    monkeypatch.setattr(SessionStore, "_open_id", no_opening)
    assert listed(store) == first


@pytest.mark.parametrize(
    "change",
    ["append", "truncate", "replace_same_size", "rewrite_in_place", "archive", "delete"],
)
def test_a_session_changed_behind_the_index_shows_its_journal(
    store: SessionStore, change: str
) -> None:
    session = store.create(title="Changed", date="2026-11-22")
    quiet = store.create(title="Quiet", date="2026-11-21")
    add(session, "one", "two", padding=300)
    add(quiet, "q")
    assert listed(store)[session.id].entries == 2
    journal = session.journal_path
    original = journal.read_bytes()
    if change == "append":
        writer = another_process(store, session.id, 3)
        assert writer.wait(timeout=60) == 0
    elif change == "truncate":
        os.truncate(journal, original.index(b"\n") + 1)
    elif change == "replace_same_size":
        replacement = session.path / "new.jsonl"
        replacement.write_bytes(same_size_with_one_more(original))
        os.replace(replacement, journal)
    elif change == "rewrite_in_place":
        data = same_size_with_one_more(original)

        def rewrite() -> None:
            with open(journal, "r+b") as file:
                file.write(data)

        until_changed(journal, os.lstat(journal).st_ctime_ns, rewrite)
    elif change == "archive":
        SessionStore(store.root).archive(session.id)
    else:
        SessionStore(store.root).delete(session.id)
    now = listed(store)
    assert now == truth(store)
    expected = {"append": 5, "truncate": 1, "replace_same_size": 3, "rewrite_in_place": 3}
    if change in expected:
        assert now[session.id].entries == expected[change]
        assert os.path.getsize(journal) == len(original) or change in ("append", "truncate")
    elif change == "archive":
        assert now[session.id].status == "archived"
    else:
        assert session.id not in now and session.id not in read_index(store.root)
    assert now[quiet.id].entries == 1


def test_a_race_with_another_process_appending_always_shows_the_journal(
    store: SessionStore,
) -> None:
    session = store.create(title="Race", date="2026-11-22")
    writer = another_process(store, session.id, 300)
    seen: list[int] = []
    try:
        while writer.poll() is None:
            before = session.journal_path.read_bytes().count(b"\n")
            shown = listed(store)[session.id]
            after = session.journal_path.read_bytes().count(b"\n")
            assert before <= shown.entries <= after  # what the journal held while listing
            assert shown.entries == shown.events  # one consistent moment of the journal
            seen.append(shown.entries)
            if len(seen) % 4 == 0:  # and the index damaged now and then
                (store.root / INDEX_FILE).write_bytes(b'{"v":1,"sha')
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0
    assert seen == sorted(seen) and len(seen) > 1  # never back in time
    assert listed(store)[session.id].entries == 300
    assert listed(store) == truth(store)


def _rehashed(body: bytes) -> bytes:
    head = {"v": 1, "summary_v": 3, "sha256": hashlib.sha256(body).hexdigest()}
    return json.dumps(head, separators=(",", ":")).encode() + b"\n" + body


@pytest.mark.parametrize("damage", ["empty", "not_json", "wrong_hash", "bad_row", "other_version"])
def test_a_damaged_index_is_discarded_silently_and_made_again(
    store: SessionStore, damage: str
) -> None:
    session = store.create(title="X", date="2026-11-22")
    add(session, "one")
    listed(store)
    path = store.root / INDEX_FILE
    head, _, body = path.read_bytes().partition(b"\n")
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "not_json":
        path.write_bytes(b"{not json")
    elif damage == "wrong_hash":
        path.write_bytes(head + b"\n" + body.replace(b'"entries":1', b'"entries":7'))
    elif damage == "bad_row":  # a row that passes the hash but is not a row
        path.write_bytes(_rehashed(body.replace(b'"entries":1', b'"entries":"many"')))
    else:
        path.write_bytes(head.replace(b'"v":1', b'"v":99') + b"\n" + body)
    assert listed(store) == truth(store) and store.warnings == [] and store.damaged == []
    assert listed(store)[session.id].entries == 1
    assert set(read_index(store.root)) == {session.id}  # made again


@pytest.mark.parametrize(
    ("field", "wrong"),
    [(b'"index":0', b'"index":"0"'), (b'"paused_seconds":0.0', b'"paused_seconds":true')],
)
def test_a_row_whose_run_fields_are_not_their_types_is_read_again(
    store: SessionStore, field: bytes, wrong: bytes
) -> None:
    """A row that passes the hash (a hand edit) but holds a text where a number belongs."""
    session = store.create(title="X", date="2026-11-22", method="35an")
    session.append(RunStarted(method="35an", run_id="r"), author="a", role="b")
    session.append(StepStarted(index=0, step="one", planned_seconds=60), author="a", role="b")
    listed(store)
    path = store.root / INDEX_FILE
    body = path.read_bytes().partition(b"\n")[2]
    assert field in body
    path.write_bytes(_rehashed(body.replace(field, wrong)))
    assert listed(store) == truth(store)
    assert field in path.read_bytes()  # made again


def test_a_title_with_a_lone_surrogate_is_kept_and_listed(store: SessionStore) -> None:
    """JSON allows ``\\udc80`` in a hand-edited header; the index keeps it as it was read."""
    session = store.create(title="X", date="2026-11-22")
    header = session.path / "session.json"
    header.write_text(header.read_text("utf-8").replace('"X"', '"Surr\\udc80gat"'), "utf-8")
    first = listed(store)
    assert first[session.id].header.title == "Surr\udc80gat"
    assert set(read_index(store.root)) == {session.id}
    assert listed(store) == first == truth(store)


def test_a_file_changed_just_now_is_listed_but_not_kept(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")  # the real clock: the files were just written
    session = store.create(title="Now", date="2026-11-22")
    add(session, "one")
    assert listed(store)[session.id].entries == 1
    assert session.id not in read_index(store.root)
    later_store = SessionStore(store.root, now=later)
    assert listed(later_store) == truth(store)
    assert session.id in read_index(store.root)


def test_only_a_run_not_ended_in_its_journal_has_its_run_lock_probed(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitate.app.sessions import list_sessions

    running, stopped = (store.create(title=t, date="2026-11-22") for t in ("Running", "Stopped"))
    store.create(title="Not started", date="2026-11-22")
    for session in (running, stopped):
        session.append(RunStarted(method="1-2-4-all", segments=4), author="a", role="b")
        session.append(StepStarted(index=0, step="one", planned_seconds=60), author="a", role="b")
    stopped.append(RunStopped(0, 30.0, False, "quit"), author="a", role="b")
    probed: list[str] = []
    real = SessionStore.is_live

    def is_live(self: SessionStore, session_id: str) -> bool:
        probed.append(session_id)
        return real(self, session_id)

    monkeypatch.setattr(SessionStore, "is_live", is_live)
    for _ in range(2):  # the first listing reads the sessions, the second the index
        probed.clear()
        listing = list_sessions(store)
        assert len(listing.shown) == 3 and listing.live == {}
        assert probed == [running.id]


def test_sessions_list_from_the_index_is_the_listing_made_from_scratch(
    store: SessionStore,
) -> None:
    running = store.create(title="Running", date="2026-11-23", method="1-2-4-all")
    running.append(RunStarted(method="1-2-4-all", segments=4), author="a", role="b")
    running.append(
        StepStarted(index=0, step="one", planned_seconds=60, title="Alone"), author="a", role="b"
    )
    add(running, "a", "b")
    stopped = store.create(title="Stopped", date="2026-11-22")
    stopped.append(RunStarted(method="world-cafe", segments=3), author="a", role="b")
    stopped.append(StepStarted(index=0, step="intro", planned_seconds=60), author="a", role="b")
    stopped.append(RunStopped(0, 30.0, True, "quit"), author="a", role="b")
    archived = store.create(title="Old", date="2026-11-01")
    store.archive(archived.id)
    broken = store.create(title="Broken", date="2026-11-20")
    (broken.path / "session.json").write_text("[]")
    args = ["--sessions-dir", str(store.root), "sessions", "list"]
    store.list()  # the index, with every readable session in it
    assert set(read_index(store.root)) == {running.id, stopped.id, archived.id}
    from_index = [run_cli(args + extra) for extra in ([], ["--json"], ["--all", "--json"])]
    for path in [store.root / INDEX_FILE, *store.root.glob("*/summary.json")]:
        path.unlink()
    from_scratch = [run_cli(args + extra) for extra in ([], ["--json"], ["--all", "--json"])]
    assert [r.stdout for r in from_index] == [r.stdout for r in from_scratch]
    assert [r.stderr for r in from_index] == [r.stderr for r in from_scratch]
    table, as_json, everything = (r.stdout for r in from_index)
    assert "1-2-4-all · running (step 1/4: Alone)" in table
    assert "world-cafe · stopped at step 1/3: intro" in table and "Old" not in table
    assert "Archived sessions not shown: 1" in table
    rows = {row["id"]: row for row in json.loads(as_json)}
    assert rows[running.id]["entries"] == 2 and rows[running.id]["current_step"] == "one"
    assert rows[stopped.id]["resume_point"]["remaining_seconds"] == 30.0
    assert rows[broken.id]["status"] == "damaged"
    assert json.loads(everything)[2]["status"] == "archived"


JOURNAL_READING = ("facilitate.model.events", "facilitate.store.session", "facilitate.store.reader")


def test_a_listing_from_the_index_imports_nothing_that_reads_a_journal(
    store: SessionStore,
) -> None:
    session = store.create(title="Imports", date="2026-11-22")
    add(session, "one")
    store.list()
    command = ["facilitate", "--sessions-dir", str(store.root), "sessions", "list"]
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", *command],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env={"PATH": "", "FACILITATE_LANG": "en", "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "facilitate.cli.main" in modules and session.id in proc.stdout
    assert not set(JOURNAL_READING) & modules, sorted(set(JOURNAL_READING) & modules)
