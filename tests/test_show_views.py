"""`sessions show` of a big session: entries counted by run, step and kind, the last ones,
every one with --all, and the whole state as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitate.model.events import EntryAdded, EntryDeleted, EntryEdited, RunStarted, StepStarted
from facilitate.store.store import SessionStore

from cli_helpers import run_cli


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    store = SessionStore(tmp_path_factory.mktemp("show") / "sessions")
    session = store.create(title="Big", date="2026-11-22", language="en")
    events = [
        RunStarted(method="world-cafe", segments=3, run_id="r1"),
        StepStarted(0, "welcome", run_id="r1", title="Welcome"),
    ]
    events += [EntryAdded(f"n{i:04d}", "note", f"note {i}", "welcome") for i in range(300)]
    events += [StepStarted(1, "round", 1, run_id="r1", title="Round 1/3")]
    events += [EntryAdded(f"c{i:04d}", "card", f"card {i}", "round", 1) for i in range(40)]
    events += [EntryEdited("c0039", text="the last card, edited"), EntryDeleted("c0038")]
    events += [EntryAdded("n0001", "note", "a retry of an old id", "welcome")]
    session.append_many(events, author="Anna", role="facilitator")
    return store.root, session.id


def show(root: Path, *args: str) -> str:
    result = run_cli(["--lang", "en", "--sessions-dir", str(root), "sessions", "show", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_default_view_counts_every_entry_and_shows_the_last(big: tuple[Path, str]) -> None:
    root, session_id = big
    out = show(root, session_id, "--last", "3")
    assert "Entries (339)" in out
    assert "Entries by run, step and kind" in out.splitlines()  # (one line, however narrow)
    counts = [line.split() for line in out.splitlines() if line.strip().startswith("1 ")]
    assert ["1", "Welcome", "note", "300"] in counts
    assert ["1", "Round", "1/3", "card", "39"] in counts
    assert "The last 3 of 339 entries" in out
    assert "the last card, edited  (edited)" in out and "card 37" in out and "card 36" in out
    assert "card 38" not in out and "card 35" not in out  # deleted; not among the last 3
    assert "a retry" not in out  # the id was taken: the fold ignores it
    assert "note 299" not in out


def test_all_lists_every_live_entry_in_order(big: tuple[Path, str]) -> None:
    root, session_id = big
    lines = show(root, session_id, "--all").splitlines()
    assert len(lines) == 339
    assert lines[0].startswith("n0000 ") and lines[-1].split()[0] == "c0039"
    assert lines[-1].endswith("the last card, edited  (edited)")


def test_json_is_the_whole_state(big: tuple[Path, str]) -> None:
    root, session_id = big
    data = json.loads(show(root, session_id, "--json"))
    state = SessionStore(root).open(session_id).state()
    assert data["entries"] == json.loads(json.dumps(state.to_data()["entries"]))
    assert data["entries_by_kind"] == {"note": 300, "card": 39}
    assert [d["entry_id"] for d in data["deleted"]] == ["c0038"]
    assert data["ignored"] == list(state.ignored) and data["ignored"]


@pytest.mark.parametrize(("lang", "words"), [("en", "--last must be 0"), ("sv", "--last måste")])
def test_a_negative_last_is_refused_in_one_line(
    big: tuple[Path, str], lang: str, words: str
) -> None:
    root, session_id = big
    result = run_cli(
        [
            "--lang",
            lang,
            "--sessions-dir",
            str(root),
            "sessions",
            "show",
            session_id,
            "--last",
            "-1",
        ]
    )
    assert result.exit_code == 2
    assert words in result.stderr and "Traceback" not in result.stderr
