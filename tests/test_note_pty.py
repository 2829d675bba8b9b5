"""The note-taker's mode in a real pseudo-terminal: two note-takers while the run goes on."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pexpect
import pytest

from facilitate.store.store import SessionStore
from test_live_pty import env_for, expect_text, finish, journal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
STORIES = "stories=Trelleborg|Svalöv|Lund|Höör|Eslöv"


def spawn(args: list[str], tmp_path: Path, author: str) -> pexpect.spawn:
    env = {
        **env_for(tmp_path),
        "FACILITATE_AUTHOR": author,
        "PROMPT_TOOLKIT_NO_CPR": "1",  # no terminal here answers prompt_toolkit's cursor query
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", *args],
        cwd=str(tmp_path),
        env=env,
        dimensions=(30, 110),
        encoding="utf-8",
        timeout=15,
    )
    child.delaybeforesend = None
    return child


def enter(child: pexpect.spawn, text: str) -> None:
    """Type an entry at the prompt and wait for it to be saved."""
    child.expect("›")
    child.send(text + "\r")
    child.expect("saved: ")


def test_two_note_takers_and_the_live_run_lose_nothing(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Eslöv", language="en")
    runner = spawn(
        ["run", "storytelling-harvesting", "--session", session.id, "--param", STORIES, "--quiet"],
        tmp_path,
        "Anna",
    )
    expect_text(runner, "Step 1/")
    takers = [spawn(["note", session.id], tmp_path, name) for name in ("Lisa", "Per")]
    for taker in takers:
        taker.expect(re.escape("Following run 1 (Storytelling & Harvesting): step 1/7"))
    for n in range(3):  # the introduction collects nothing, but takes notes
        for taker, name in zip(takers, ("Lisa", "Per"), strict=True):
            enter(taker, f"{name} {n}: Välkommen 🌱")
    runner.send("n")
    expect_text(runner, "Step 2/")
    runner.send("n")
    expect_text(runner, "Step 3/")
    for taker in takers:  # the prompts follow the run to its new step
        taker.expect(re.escape("Following run 1 (Storytelling & Harvesting): step 3/7: The story"))
    lisa, per = takers
    lisa.send("Skynda långsamt\r")
    lisa.expect("Story")
    lisa.send("svalöv\r")
    lisa.expect("Lens")
    lisa.send("mod\r")
    lisa.expect("saved: note")
    per.send("Ærlighet varer lengst\r")
    per.expect("Story")
    per.send("5\r")
    per.expect("Lens")
    per.send("genombrott\r")
    per.expect("saved: note")
    enter(lisa, "Våga fråga")  # the values are kept: one line, one Enter
    lisa.expect(re.escape("here 3 (2 yours)"))
    lisa.send("/undo\r")
    lisa.expect("withdrawn: note")
    enter(per, "Lita på varandra")
    runner.send("qq")  # q asks once more; the second q quits
    assert finish(runner) == 0
    lisa.expect("›")
    lisa.sendcontrol("d")
    per.expect("›")
    per.sendintr()  # Ctrl-C ends as cleanly as Ctrl-D
    for taker, count in zip(takers, (4, 5), strict=True):
        taker.expect(re.escape(f"{count} entries saved in {session.id}."))
        assert finish(taker) == 0
    records = journal(tmp_path)
    added = [r for r in records if r["type"] == "entry_added"]
    run_id = records[0]["data"]["run_id"]
    assert len(added) == 10 and {r["data"]["run_id"] for r in added} == {run_id}
    later = [(r["author"], r["data"]["text"], r["data"]["dims"]) for r in added[6:]]
    assert later == [
        ("Lisa", "Skynda långsamt", {"story": "2", "lens": "courage"}),
        ("Per", "Ærlighet varer lengst", {"story": "5", "lens": "breakthroughs"}),
        ("Lisa", "Våga fråga", {"story": "2", "lens": "courage"}),
        ("Per", "Lita på varandra", {"story": "5", "lens": "breakthroughs"}),
    ]
    assert [r["data"]["step"] for r in added] == ["intro"] * 6 + ["storytelling"] * 4
    assert sorted(r["data"]["text"] for r in added[:6]) == sorted(
        f"{name} {n}: Välkommen 🌱" for n in range(3) for name in ("Lisa", "Per")
    )
    (deleted,) = [r for r in records if r["type"] == "entry_deleted"]
    assert deleted["data"]["entry_id"] == added[8]["data"]["entry_id"]


def test_without_a_terminal_a_text_is_needed(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Eslöv", language="en")
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", f"{sys.executable} -m facilitate note {session.id} < /dev/null"],
        cwd=str(tmp_path),
        env=env_for(tmp_path),
        encoding="utf-8",
    )
    child.expect("give the entry's TEXT")
    assert finish(child) == 2
