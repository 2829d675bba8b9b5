"""summary.json: listings read headers and summaries only, and a summary is never trusted
blindly: damaged, stale, cut-short or replaced journals all show the journal's state."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import facilitate.store.session as session_module
import facilitate.store.summary as summary_module
from facilitate.model.digest_fold import DigestFolder
from facilitate.model.events import EntryAdded, EntryDeleted, Recorded, RunStarted, StepStarted
from facilitate.model.session_digest import SessionDigest, digest_of
from facilitate.store.session import Session
from facilitate.store.store import SessionStore
from facilitate.store.summary import SUMMARY_FILE, current_digest
from test_legacy_journals import differences

from cli_helpers import run_cli

REPO = Path(__file__).resolve().parents[1]
LEGACY = Path(__file__).parent / "data" / "legacy_journals"


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def add(session: Session, *texts: str) -> None:
    for text in texts:
        session.append(EntryAdded(entry_id=text, kind="note", text=text), author="a", role="b")


def journal_digest(session: Session) -> SessionDigest:
    """The digest made from the journal itself, never from a summary."""
    batch = session.read_all()
    return digest_of(session.state(), batch.warnings, batch.position.offset)


def summary_head(path: Path) -> dict[str, Any]:
    """The first line of a summary: its version, the journal it fits, the digest."""
    head: dict[str, Any] = json.loads(path.read_bytes().partition(b"\n")[0])
    return head


def listed(store: SessionStore) -> dict[str, SessionDigest]:
    """Each session's digest as a listing reads it (its header and summary)."""
    return {session_id: current_digest(store.open(session_id)) for session_id in store.ids()}


def only(store: SessionStore) -> tuple[SessionDigest, list[Any]]:
    """The digest of the store's one session as a listing reads it, and what reading warned."""
    (session_id,) = store.ids()
    session = store.open(session_id)
    return current_digest(session), session.warnings


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every journal read (by the folder it was for) and every fold (``fold:`` and how many
    records it folded)."""
    reads: list[str] = []
    real_read, real_fold = session_module.read_after, DigestFolder.apply_all

    def read_after(folder: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        reads.append(folder.name)
        return real_read(folder, *args, **kwargs)  # type: ignore[arg-type]

    def apply_all(self: DigestFolder, records: list[Recorded]) -> DigestFolder:
        reads.append(f"fold:{len(records)}")
        return real_fold(self, records)

    monkeypatch.setattr(session_module, "read_after", read_after)
    monkeypatch.setattr(summary_module, "read_after", read_after)
    monkeypatch.setattr(DigestFolder, "apply_all", apply_all)
    return reads


def test_a_second_listing_reads_only_headers_and_summaries(
    store: SessionStore, counting: list[str]
) -> None:
    sessions = [store.create(title=f"S{n}", date="2026-11-22") for n in range(3)]
    for session in sessions:
        add(session, "one", "two")
    first = listed(store)
    assert {d.entries for d in first.values()} == {2}
    assert all((s.path / SUMMARY_FILE).is_file() for s in sessions)
    counting.clear()
    assert listed(store) == first
    assert counting == []  # no journal read, nothing folded


def test_only_the_session_that_changed_is_read_again(
    store: SessionStore, counting: list[str]
) -> None:
    quiet, busy = (store.create(title=t, date="2026-11-22") for t in ("Quiet", "Busy"))
    add(quiet, "q")
    add(busy, "b")
    listed(store)
    add(busy, "b2")
    counting.clear()
    now = listed(store)
    assert now[busy.id].entries == 2 and now[quiet.id].entries == 1
    assert counting == [busy.id, "fold:1"]  # only what was added after the summary


def test_the_digest_is_what_the_journal_says(store: SessionStore) -> None:
    session = store.create(title="Run", date="2026-11-22")
    session.append(RunStarted(method="world-cafe", segments=3), author="a", role="b")
    session.append(StepStarted(index=0, step="intro", planned_seconds=60), author="a", role="b")
    add(session, "x", "y")
    session.append(EntryDeleted(entry_id="x"), author="a", role="b")
    digest = listed(store)[session.id]
    assert (digest.entries, digest.deleted_entries, digest.events, digest.last_seq) == (1, 1, 5, 5)
    assert [run.method for run in digest.runs] == ["world-cafe"] and len(digest.steps) == 1
    assert digest.current_step == "intro" and digest.progress == digest.status == "running"
    state = session.state()
    assert (digest.runs, digest.resume_point) == (state.runs, state.resume_point)
    assert listed(store)[session.id] == digest == journal_digest(session)


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"v": 99}',
        b'{"v": 1, "journal": {}, "digest": {}}',
        b'{"v": 1, "journal": {"offset": "x"}, "digest": {"entries": "many"}}',
    ],
)
def test_a_damaged_summary_is_discarded_silently_and_made_again(
    store: SessionStore, damage: bytes
) -> None:
    session = store.create(title="X", date="2026-11-22")
    add(session, "one")
    listed(store)
    (session.path / SUMMARY_FILE).write_bytes(damage)
    digest, warnings = only(store)
    assert digest == journal_digest(session) and warnings == []
    assert summary_head(session.path / SUMMARY_FILE)["digest"]["entries"] == 1


def test_a_summary_with_wrong_counts_for_another_journal_is_not_believed(
    store: SessionStore,
) -> None:
    session = store.create(title="X", date="2026-11-22")
    add(session, "one", "two")
    listed(store)
    path = session.path / SUMMARY_FILE
    data = summary_head(path)
    data["journal"]["tail_sha256"] = "0" * 64
    data["digest"]["entries"] = 99
    path.write_text(json.dumps(data))
    assert listed(store)[session.id].entries == 2


def test_a_journal_cut_short_or_rewritten_in_place_is_read_again(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    add(session, "one", "two", "three")
    listed(store)
    content = session.journal_path.read_bytes()
    with open(session.journal_path, "r+b") as file:
        file.truncate(content.index(b"\n") + 1)
    assert listed(store)[session.id].entries == 1
    session.journal_path.write_bytes(content)
    assert listed(store)[session.id].entries == 3
    rewritten = content.replace(b'"entry_id":"three"', b'"entry_id":  "one"')  # a repeated add
    assert len(rewritten) == len(content)
    with open(session.journal_path, "r+b") as file:  # same inode, same size, other bytes
        file.write(rewritten)
    assert listed(store)[session.id] == journal_digest(session)
    assert listed(store)[session.id].entries == 2


def test_a_replaced_journal_is_read_again(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    add(session, "one")
    listed(store)
    copy = session.path / "copy.jsonl"
    shutil.copyfile(session.journal_path, copy)
    os.replace(copy, session.journal_path)  # the same bytes, another file
    summary = summary_head(session.path / SUMMARY_FILE)
    listed(store)
    assert summary_head(session.path / SUMMARY_FILE) != summary  # made again


def test_a_line_being_written_is_not_summarised_and_warns_like_a_replay(
    store: SessionStore,
) -> None:
    session = store.create(title="X", date="2026-11-22")
    add(session, "one")
    with open(session.journal_path, "ab") as file:
        file.write(b'{"v":1,"seq":2')
    (summary,) = store.list()
    assert summary.entries == 1
    assert any("unfinished last line" in str(w) for w in store.warnings)
    assert not (session.path / SUMMARY_FILE).exists()


@pytest.mark.parametrize("session_id", sorted(p.name for p in LEGACY.iterdir() if p.is_dir()))
def test_legacy_sessions_are_summarised_as_their_fold(tmp_path: Path, session_id: str) -> None:
    root = tmp_path / "sessions"
    root.mkdir()
    shutil.copytree(LEGACY / session_id, root / session_id)
    store = SessionStore(root)
    session = store.open(session_id)
    shown = json.loads((root / session_id / "show-v0.1.json").read_text())
    digest = current_digest(session)
    assert digest == journal_digest(session)
    assert (digest.entries, digest.events) == (len(shown["entries"]), shown["events"])
    assert digest.progress == shown["progress"] and len(digest.runs) == len(shown["runs"])
    assert differences(shown["runs"], [run.to_data() for run in digest.runs]) == []
    assert current_digest(store.open(session_id)) == digest  # from summary.json now


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


def test_summaries_raced_by_appends_and_damage_always_show_the_journal(
    store: SessionStore,
) -> None:
    session = store.create(title="Race", date="2026-11-22")
    writer = subprocess.Popen(
        [sys.executable, "-c", APPENDER, str(store.root), session.id, "400"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    seen: list[int] = []
    early = session.path.parent / "early-summary.json"
    try:
        while writer.poll() is None:
            digest, _ = only(store)
            assert digest.entries == digest.last_seq == digest.events  # one consistent moment
            seen.append(digest.entries)
            if len(seen) % 3 == 0:
                (session.path / SUMMARY_FILE).write_bytes(b'{"v":1,"jour')
            elif len(seen) % 3 == 1 and (session.path / SUMMARY_FILE).exists():
                # kept, to be put back once the journal has grown past it
                shutil.copyfile(session.path / SUMMARY_FILE, session.path / "stale.json")
                if not early.exists():
                    shutil.copyfile(session.path / SUMMARY_FILE, early)
            elif (session.path / "stale.json").exists():
                os.replace(session.path / "stale.json", session.path / SUMMARY_FILE)
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0
    assert seen == sorted(seen)  # never back in time
    assert early.exists() and summary_head(early)["digest"]["entries"] < 400
    os.replace(early, session.path / SUMMARY_FILE)  # a summary from the middle of the race
    digest, _ = only(store)
    assert digest.entries == 400
    assert digest == journal_digest(store.open(session.id))


def test_sessions_list_reads_headers_and_summaries_only(
    tmp_path: Path, counting: list[str]
) -> None:
    root = tmp_path / "sessions"
    shutil.copytree(LEGACY, root, ignore=shutil.ignore_patterns("*.md", "show-v0.1.json"))
    args = ["--sessions-dir", str(root), "sessions", "list", "--json"]
    first = run_cli(args)
    assert first.exit_code == 0, first.stderr
    counting.clear()
    again = run_cli(args)
    assert counting == []  # no journal read, nothing folded
    assert again.stdout == first.stdout
    assert run_cli(args[:-1]).stdout.count("2026-11-2") >= 5  # the table too
    assert counting == []
    for listed_session in json.loads(again.stdout):
        shown = json.loads((LEGACY / listed_session["id"] / "show-v0.1.json").read_text())
        assert listed_session["entries"] == len(shown["entries"])
        assert listed_session["deleted_entries"] == len(shown["deleted"])
        assert (listed_session["events"], listed_session["last_at"]) == (
            shown["events"],
            shown["last_at"],
        )
        assert listed_session["status"] == shown["status"]
        assert listed_session["runs"] == len(shown["runs"])
        assert listed_session["steps_run"] == len(shown["steps"])
        assert listed_session["current_step"] == shown["current_step"]
        assert differences(shown["resume_point"], listed_session["resume_point"]) == []


def test_a_summary_whose_journal_grew_is_carried_on_and_damaged_ids_make_it_again(
    store: SessionStore, counting: list[str]
) -> None:
    session = store.create(title="X", date="2026-11-22")
    add(session, "one", "two")
    listed(store)
    add(session, "three")
    session.append(EntryDeleted(entry_id="one"), author="a", role="b")
    expected = journal_digest(session)
    counting.clear()
    assert listed(store)[session.id] == expected
    assert counting == [session.id, "fold:2"]  # the two new records only
    path = session.path / SUMMARY_FILE
    add(session, "four")
    head = path.read_bytes().partition(b"\n")[0]
    path.write_bytes(head + b'\n"x" 0 1\n')
    expected = journal_digest(session)
    counting.clear()
    assert listed(store)[session.id] == expected
    assert counting[-1] == "fold:5"  # the whole journal, made again
    assert listed(store)[session.id].entries == 3
