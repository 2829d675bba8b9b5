"""The group's input in a real terminal: theme prompts answered by a script, and the results
wall following the journal while entries arrive."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest

from facilitate.model.events import RunStarted
from facilitate.store.store import SessionStore

from harvest_helpers import cli, write_csv

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>78]")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def spawn(args: list[str], tmp_path: Path, size: tuple[int, int] = (40, 120)) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITATE_", "LC_"))}
    env.update(
        FACILITATE_LANG="en",
        FACILITATE_SESSIONS=str(tmp_path / "sessions"),
        FACILITATE_CONFIG_DIR=str(tmp_path / "config"),
        FACILITATE_AUTHOR="Lena",
        TERM="xterm-256color",
        LANG="C.UTF-8",
    )
    return pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", *args],
        cwd=str(tmp_path),
        env=env,
        dimensions=size,
        encoding="utf-8",
        timeout=20,
    )


def expect(child: pexpect.spawn, text: str) -> str:
    child.expect(re.escape(text))
    return ANSI.sub("", child.before)


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus


NOTES = [
    "Fler mötesplatser för unga",
    "Mötesplatser mellan föreningar",
    "Tillit tar tid",
    "Tillit mellan kommun och förening",
    "Dela kunskap över gränserna",
    "Ungas röst i besluten",
]


def cafe(tmp_path: Path) -> str:
    """A World Café of 3 questions at 8 tables: a note per table and question (24)."""
    root = tmp_path / "sessions"
    session = SessionStore(root).create(
        title="Café", date="2026-11-22", method="world-cafe", language="en"
    )
    started = RunStarted(method="world-cafe", params={"tables": 8}, run_id="cafe")
    session.append(started, author="a", role="facilitator")
    rows = [
        (table, question, f"{NOTES[(table + question) % len(NOTES)]} ({table}.{question})")
        for question in range(1, 4)
        for table in range(1, 9)
    ]
    write_csv(tmp_path / "duk.csv", ["table", "round", "text"], rows)
    imported = cli(root, "import", session.id, str(tmp_path / "duk.csv"), "--step", "round")
    assert imported.exit_code == 0, imported.stderr
    return session.id


def themes_of(tmp_path: Path, session: str) -> list[tuple[str, list[int]]]:
    outcome = cli(tmp_path / "sessions", "themes", session, "list", "--json")
    board = json.loads(outcome.stdout)
    return [(t["name"], [i["number"] for i in t["items"]]) for t in board["themes"]]


def test_themes_are_made_at_the_prompts_and_each_change_is_saved_at_once(tmp_path: Path) -> None:
    session = cafe(tmp_path)
    # by hand: note n (1-24) is table t = (n - 1) % 8 + 1 at question q = (n - 1) // 8 + 1,
    # with the text NOTES[(t + q) % 6]; "Tillit tar tid" is (t + q) % 6 == 2
    tillit = [n for n in range(1, 25) if ((n - 1) % 8 + 1 + (n - 1) // 8 + 1) % 6 == 2]
    child = spawn(["themes", session], tmp_path)
    screen = expect(child, "Action:")
    assert "Under no theme: 24 of 24 items" in screen
    assert "Table 8 · round 3   Ungas röst i besluten (8.3)" in screen
    child.send("c\r")
    expect(child, "Name of the theme:")
    child.send("Mötesplatser\r")
    expect(child, "Items (numbers")
    child.send("1-3, 9\r")
    expect(child, "New theme A: Mötesplatser (4 items)")
    expect(child, "Action:")
    assert themes_of(tmp_path, session) == [("Mötesplatser", [1, 2, 3, 9])]  # saved at once
    child.send("a\r")
    expect(child, "Theme (letter or name):")
    child.send("mötesplatser\r")
    expect(child, "Items (numbers")
    child.send("10\r")
    expect(child, "A Mötesplatser: 4 → 5 items")
    child.send("g\r")
    screen = expect(child, "Accept which suggestion")
    number = next(line for line in screen.splitlines() if "Tillit —" in line).split(".")[0]
    child.send(f"{number.strip()}\r")
    expect(child, "Name of the theme [Tillit]:")
    child.send("\r")
    screen = expect(child, "Items (numbers, e.g. 3, 5, 8 or 3-7) [")
    child.send("\r")
    expect(child, "New theme B: Tillit (")
    child.send("s\r")
    expect(child, "Theme (letter or name):")
    child.send("A\r")
    expect(child, "Items to move into a new theme:")
    child.send("9, 10\r")
    expect(child, "Name of the theme:")
    child.send("Kunskap\r")
    expect(child, "New theme C: Kunskap (2 items)")
    child.send("r\r")
    expect(child, "Theme (letter or name):")
    child.send("tilit\r")
    expect(child, "New name:")
    child.send("Förtroende\r")
    expect(child, "no theme 'tilit' (did you mean 'Tillit'?)")
    child.send("m\r")
    expect(child, "Which themes to merge")
    child.send("C\r")
    expect(child, "Into which theme:")
    child.send("A\r")
    expect(child, "Theme Kunskap is gone")
    expect(child, "Action:")
    child.send("q\r")
    assert finish(child) == 0
    board = themes_of(tmp_path, session)
    assert board[0] == ("Mötesplatser", [1, 2, 3, 9, 10])
    assert board[1][0] == "Tillit"
    assert set(board[1][1]) >= set(tillit) - {1, 2, 3, 9, 10}


def test_ctrl_d_ends_the_prompts_cleanly(tmp_path: Path) -> None:
    session = cafe(tmp_path)
    child = spawn(["themes", session], tmp_path)
    expect(child, "Action:")
    child.send("c\r")
    expect(child, "Name of the theme:")
    child.sendeof()
    expect(child, "Nothing changed.")
    expect(child, "Action:")
    child.sendeof()
    assert finish(child) == 0
    assert themes_of(tmp_path, session) == []


def test_the_count_down_wall_follows_entries_as_they_are_imported(tmp_path: Path) -> None:
    root = tmp_path / "sessions"
    session = (
        SessionStore(root).create(title="35", date="2026-11-22", method="35an", language="en").id
    )
    write_csv(tmp_path / "a.csv", ["card", "text", "total"], [("17", "Skolan och fritiden", 33)])
    assert (
        cli(root, "import", session, str(tmp_path / "a.csv"), "--step", "countdown").exit_code == 0
    )
    child = spawn(["results", session, "--watch"], tmp_path)
    screen = expect(child, "Skolan och fritiden")
    assert "35 (Thiagi's 35) — count-down" in screen
    rows = [("4", "Integration och tillgänglighet", 35), ("9", "Ungas väg till arbetslivet", 30)]
    write_csv(tmp_path / "b.csv", ["card", "text", "total"], rows)
    assert (
        cli(root, "import", session, str(tmp_path / "b.csv"), "--step", "countdown").exit_code == 0
    )
    expect(child, "Integration och tillgänglighet")
    expect(child, "Ungas väg till arbetslivet")
    child.send("n")
    expect(child, "Harvest wall")
    child.send("q")
    assert finish(child) == 0
