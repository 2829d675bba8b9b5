"""The `sessions` commands as a facilitator and a note-taker use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import facilitate.cli.run as run_module
from facilitate.cli.context import AppContext
from facilitate.model.events import (
    EntryAdded,
    EntryDeleted,
    RunStarted,
    RunStopped,
    StepEnded,
    StepStarted,
    TimerAdjusted,
    TimerPaused,
)
from facilitate.store.journal import SessionStore

from cli_helpers import Outcome, run_cli

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder and user config dir, and a known author name."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FACILITATE_AUTHOR", "Per")
    monkeypatch.delenv("FACILITATE_SESSIONS", raising=False)
    return tmp_path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "store"


def cli(root: Path, *args: str, input: str | None = None) -> Outcome:
    """``facilitate sessions ARGS`` in English (``--lang en``: the sessions here are Swedish)."""
    return run_cli(["--lang", "en", "--sessions-dir", str(root), "sessions", *args], input=input)


def interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AppContext, "interactive", property(lambda self: True))


def stopped_workshop(root: Path) -> str:
    """A World Café stopped in its second round, with notes (one deleted)."""
    session = SessionStore(root).create(
        title="Eslöv: samverkan",
        date="2026-11-22",
        place="Eslöv",
        method="world-cafe",
        facilitators=["Anna"],
    )
    events = [
        RunStarted(method="world-cafe", params={"rounds": 2}, segments=3),
        StepStarted(index=0, step="intro", planned_seconds=300, remaining_seconds=300),
        TimerAdjusted(index=0, delta_seconds=60, remaining_seconds=200),
        StepEnded(index=0, outcome="completed", elapsed_seconds=372, remaining_seconds=-12),
        StepStarted(index=1, step="round", round=1, planned_seconds=1200, remaining_seconds=1200),
        EntryAdded(
            entry_id="aaa111", kind="reflection", text="Mod att börja", step="round", round=1
        ),
        EntryAdded(entry_id="aaa222", kind="note", text="Ta med fika", step="round", round=1),
        EntryAdded(entry_id="bbb333", kind="reflection", text="Dubblett", step="round", round=1),
        EntryDeleted(entry_id="bbb333", reason="dubblett"),
        TimerPaused(index=1, remaining_seconds=750),
        RunStopped(index=1, remaining_seconds=750, paused=True, reason="quit"),
    ]
    for event in events:
        session.append(event, author="Anna", role="facilitator")
    return session.id


def workshop_day(root: Path) -> str:
    """World Café to the end, a coffee timer, then 1-2-4-All stopped in its third step.

    The steps carry the titles the runner records (the first one, as in older journals, none).
    """
    session = SessionStore(root).create(title="Workshopdag", date="2026-11-22", method="world-cafe")
    events = [
        RunStarted(method="world-cafe", params={"rounds": 1}, segments=2),
        StepStarted(index=0, step="welcome", planned_seconds=300),
        StepEnded(index=0, outcome="completed", elapsed_seconds=300, remaining_seconds=0),
        StepStarted(index=1, step="round", round=1, planned_seconds=1200, title="Round 1/1: Café"),
        EntryAdded(entry_id="ccc111", kind="note", text="Fler bord", step="round", round=1),
        StepEnded(index=1, outcome="completed", elapsed_seconds=1200, remaining_seconds=0),
        RunStopped(index=1, remaining_seconds=0, paused=False, reason="finished"),
        RunStarted(
            method="@timer", params={"seconds": 600.0, "until": None, "title": "Fika"}, segments=1
        ),
        StepStarted(index=0, step="timer", planned_seconds=600, title="Fika"),
        StepEnded(index=0, outcome="completed", elapsed_seconds=600, remaining_seconds=0),
        RunStarted(
            method="1-2-4-all", params={"question": {"sv": "Vad?", "en": "What?"}}, segments=4
        ),
        StepStarted(index=0, step="one", planned_seconds=60, title="Think alone"),
        StepEnded(index=0, outcome="completed", elapsed_seconds=60, remaining_seconds=0),
        StepStarted(index=1, step="two", planned_seconds=120, title="Think in pairs"),
        StepEnded(index=1, outcome="completed", elapsed_seconds=120, remaining_seconds=0),
        StepStarted(index=2, step="four", planned_seconds=240, title="Think in fours"),
        RunStopped(index=2, remaining_seconds=100, paused=False, reason="quit"),
    ]
    for event in events:
        session.append(event, author="Anna", role="facilitator")
    return session.id


# --- new ------------------------------------------------------------------------------------


def test_new_by_flags_creates_the_session_and_prints_its_id(root: Path) -> None:
    result = cli(
        root,
        "new",
        "--title",
        "Eslöv: Samverkan",
        "--date",
        "2026-11-22",
        "--place",
        "Eslöv",
        "--language",
        "sv",
        "--method",
        "world-cafe",
        "--facilitator",
        "Anna",
        "--facilitator",
        "Per",
    )
    assert result.exit_code == 0, result.stderr
    assert "Created session 2026-11-22-eslov-samverkan" in result.stdout
    header = json.loads((root / "2026-11-22-eslov-samverkan" / "session.json").read_text())
    assert header["place"] == "Eslöv" and header["language"] == "sv"
    assert header["method"] == "world-cafe" and header["facilitators"] == ["Anna", "Per"]


def test_new_accepts_lang_as_a_short_form_of_language(root: Path) -> None:
    result = cli(root, "new", "--title", "Oslo", "--date", "2026-11-22", "--lang", "en")
    assert result.exit_code == 0
    assert json.loads((root / "2026-11-22-oslo" / "session.json").read_text())["language"] == "en"


@pytest.mark.parametrize("language", ["de", "nb", "Swedish"])
def test_new_refuses_a_language_sessions_are_not_held_in(root: Path, language: str) -> None:
    result = cli(root, "new", "--title", "Oslo", "--language", language)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: unsupported language '{language}': a session is held in sv (Swedish)"
        " or en (English)\n"
    )
    assert not root.exists()


def test_new_json_is_machine_readable_and_defaults_to_today(root: Path) -> None:
    from datetime import date

    result = cli(root, "new", "--title", "Fika", "--json")
    data = json.loads(result.stdout)
    assert data["id"] == f"{date.today().isoformat()}-fika"
    assert data["date"] == date.today().isoformat()
    assert Path(data["path"]).is_dir()


def test_new_without_a_title_outside_a_terminal_is_a_usage_error(root: Path) -> None:
    result = cli(root, "new", "--place", "Lund")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --title is needed when not in a terminal")
    assert not root.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "22/11"], "error: date: expected a date yyyy-mm-dd, got '22/11'"),
        (["--method", "world-cfe"], "error: unknown method 'world-cfe'"),
        (["--method", "world-cafe", "--plan", "day"], "error: give either --method or --plan"),
        (["--method", "../x"], "error: method: expected an id"),
    ],
)
def test_new_with_bad_input_exits_2_with_one_line(
    root: Path, args: list[str], message: str
) -> None:
    result = cli(root, "new", "--title", "X", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert not root.exists() or not any(root.iterdir())


def test_new_asks_in_a_terminal(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {
        **os.environ,
        "FACILITATE_LANG": "en",
        "PYTHONPATH": str(REPO),
        "TERM": "xterm",
        "FACILITATE_CONFIG_DIR": str(tmp_path / "config"),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", "sessions", "new", "--date", "2026-11-22"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(30, 100),
    )
    try:
        child.expect("Title of the session")
        child.sendline("Eslöv: samverkan")
        child.expect("Place")
        child.sendline("Medborgarhuset")
        child.expect("Language")
        child.sendline("")  # keep the default
        child.expect("Method id")
        child.sendline("")
        child.expect("Facilitators")
        child.sendline("Anna, Per")
        child.expect("Created session 2026-11-22-eslov-samverkan")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    header = json.loads((tmp_path / "sessions/2026-11-22-eslov-samverkan/session.json").read_text())
    assert header["place"] == "Medborgarhuset"
    assert header["facilitators"] == ["Anna", "Per"]
    assert header["language"] == "en" and header["method"] is None


def test_new_in_a_terminal_checks_language_and_method_in_their_prompts(tmp_path: Path) -> None:
    """A typo is corrected where it was made: no answer given before it is lost."""
    pexpect = pytest.importorskip("pexpect")
    env = {
        **os.environ,
        "FACILITATE_LANG": "en",
        "PYTHONPATH": str(REPO),
        "TERM": "xterm",
        "FACILITATE_CONFIG_DIR": str(tmp_path / "config"),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", "sessions", "new", "--date", "2026-11-22"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(30, 120),
    )
    try:
        child.expect("Title of the session")
        child.sendline("Lund")
        child.expect("Place")
        child.sendline("Stadsbiblioteket")
        child.expect("Language")
        child.send("\x7f\x7fde\r")  # replace the default "en" by an unsupported one
        child.expect("unsupported language 'de'")
        child.send("\x7f\x7fsv\r")
        child.expect("Method id")
        child.send("world-cfe\r")
        child.expect(r"unknown method 'world-cfe'.*did you mean 'world-cafe'")
        child.send("\x7f" * 9 + "world-cafe\r")
        child.expect("Facilitators")
        child.sendline("")
        child.expect("Created session 2026-11-22-lund")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    header = json.loads((tmp_path / "sessions/2026-11-22-lund/session.json").read_text())
    assert (header["title"], header["place"]) == ("Lund", "Stadsbiblioteket")
    assert (header["language"], header["method"]) == ("sv", "world-cafe")


# --- list, show, history ---------------------------------------------------------------------


def test_list_shows_each_session_with_its_status(root: Path) -> None:
    session_id = stopped_workshop(root)
    SessionStore(root).create(title="Planering", date="2026-12-01")
    result = cli(root, "list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    planning = next(i for i, line in enumerate(lines) if "2026-12-01-planering" in line)
    assert lines[planning].split()[1:] == ["2026-12-01", "0"]
    assert lines[planning + 1] == "Planering"
    assert lines[planning + 2] == "– · not started"
    workshop = next(i for i, line in enumerate(lines) if session_id in line)
    # live entries: the deleted one is not counted
    assert lines[workshop].split() == [session_id, "2026-11-22", "2"]
    assert lines[workshop + 1] == "Eslöv: samverkan"
    assert lines[workshop + 2].startswith("world-cafe · stopped at step 2/3: round#1")
    assert planning < workshop  # newest first


def test_list_hides_archived_sessions_unless_all(root: Path) -> None:
    session_id = stopped_workshop(root)
    assert cli(root, "archive", session_id).exit_code == 0
    hidden = cli(root, "list")
    assert session_id not in hidden.stdout
    assert "archived" in hidden.stdout and "--all" in hidden.stdout
    shown = cli(root, "list", "--all")
    assert session_id in shown.stdout and "archived" in shown.stdout


def test_list_json_for_scripts(root: Path) -> None:
    session_id = stopped_workshop(root)
    data = json.loads(cli(root, "list", "--json").stdout)
    (item,) = data
    assert item["id"] == session_id and item["title"] == "Eslöv: samverkan"
    assert (item["status"], item["entries"], item["deleted_entries"]) == ("stopped", 2, 1)
    assert item["resume_point"] == {
        "index": 1,
        "remaining_seconds": 750,
        "paused": True,
        "step": "round",
        "round": 1,
    }


def test_list_of_an_empty_store_says_how_to_begin(root: Path) -> None:
    result = cli(root, "list")
    assert result.exit_code == 0
    assert "No sessions" in result.stdout and "facilitate sessions new" in result.stdout


def test_show_has_steps_planned_and_actual_and_entries_by_kind(root: Path) -> None:
    session_id = stopped_workshop(root)
    result = cli(root, "show", session_id)
    assert result.exit_code == 0
    out = result.stdout
    assert "Eslöv: samverkan" in out and "Anna" in out
    intro = next(line for line in out.splitlines() if " intro " in line)
    assert "05:00" in intro and "06:12" in intro and "completed" in intro and "+01:00" in intro
    round1 = next(line for line in out.splitlines() if "round#1" in line and "20:00" in line)
    assert "stopped (12:30 left)" in round1
    assert "reflection (1)" in out and "note (1)" in out
    assert "Mod att börja" in out and "Ta med fika" in out
    assert "Dubblett" not in out
    assert "Deleted entries, kept in the journal: 1" in out
    assert f"facilitate sessions resume {session_id}" in out


def test_show_in_swedish(root: Path) -> None:
    session_id = stopped_workshop(root)
    result = run_cli(["--lang", "sv", "--sessions-dir", str(root), "sessions", "show", session_id])
    assert "stoppad vid steg 2/3: round#1" in result.stdout
    assert "Planerat" in result.stdout and "Poster (2)" in result.stdout


def test_show_json_has_the_folded_state(root: Path) -> None:
    session_id = stopped_workshop(root)
    data = json.loads(cli(root, "show", session_id, "--json").stdout)
    assert data["id"] == session_id and data["status"] == "stopped"
    assert [s["label"] for s in data["steps"]] == ["intro", "round#1"]
    assert [e["text"] for e in data["entries"]] == ["Mod att börja", "Ta med fika"]
    assert [e["entry_id"] for e in data["deleted"]] == ["bbb333"]


def test_history_shows_every_event_including_deleted_entries(root: Path) -> None:
    session_id = stopped_workshop(root)
    result = cli(root, "history", session_id)
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 11
    assert "run started: World Café (3 steps)" in lines[0]
    assert "Anna (facilitator)" in lines[0]
    assert "step 2 started: round#1 (planned 20:00)" in lines[4]
    assert "reflection added [bbb333] (round#1): Dubblett" in lines[7]
    assert "entry deleted [bbb333]: dubblett" in lines[8]
    assert "run stopped at step 2 (quit, 12:30 left, paused)" in lines[10]


def test_history_json_is_the_journal(root: Path) -> None:
    session_id = stopped_workshop(root)
    data = json.loads(cli(root, "history", session_id, "--json").stdout)
    assert [r["seq"] for r in data] == list(range(1, 12))
    assert data[8] == {
        "seq": 9,
        "at": data[8]["at"],
        "author": "Anna",
        "role": "facilitator",
        "type": "entry_deleted",
        "data": {"entry_id": "bbb333", "reason": "dubblett"},
    }


def test_what_people_type_is_shown_literally_never_as_markup(root: Path) -> None:
    tricky = "[bold]fet[/] [/] :smile: [link=x]"
    session_id = SessionStore(root).create(title=tricky, date="2026-11-22").id
    assert cli(root, "note", session_id, tricky).exit_code == 0
    for command in (["list"], ["show", session_id], ["history", session_id]):
        result = cli(root, *command)
        assert result.exit_code == 0, result.stderr
        assert "[bold]fet[/] [/] :smile:" in result.stdout


def test_a_torn_last_line_is_reported_on_stderr_and_the_rest_shown(root: Path) -> None:
    session_id = stopped_workshop(root)
    with open(root / session_id / "journal.jsonl", "ab") as file:
        file.write(b'{"v":1,"seq":12,"at')
    result = cli(root, "show", session_id)
    assert result.exit_code == 0
    assert "Mod att börja" in result.stdout
    assert result.stderr.startswith("warning: ")
    assert "journal.jsonl:12: an unfinished last line" in result.stderr


def test_a_journal_from_a_newer_version_is_a_clear_error(root: Path) -> None:
    session_id = stopped_workshop(root)
    newer = {"v": 2, "seq": 12, "at": "x", "author": "a", "role": "b", "type": "x", "data": {}}
    with open(root / session_id / "journal.jsonl", "a") as file:
        file.write(json.dumps(newer) + "\n")
    result = cli(root, "show", session_id)
    assert result.exit_code == 1
    assert "written by a newer version of facilitate (journal version 2)" in result.stderr


@pytest.mark.parametrize("bad", ["../../etc", "a/b", "Eslov", ".."])
def test_bad_ids_are_rejected_for_every_command(root: Path, bad: str) -> None:
    for command in (["show", bad], ["history", bad], ["archive", bad], ["delete", bad, "--yes"]):
        result = cli(root, *command)
        assert result.exit_code == 2
        assert result.stderr.startswith("error: invalid session id")


def test_an_unknown_session_is_not_found(root: Path) -> None:
    stopped_workshop(root)
    result = cli(root, "show", "2026-11-22-eslov-samverkn")
    assert result.exit_code == 2
    assert "did you mean '2026-11-22-eslov-samverkan'" in result.stderr


def test_the_sessions_dir_comes_from_the_environment(tmp_path: Path) -> None:
    store = tmp_path / "elsewhere"
    run_cli(["sessions", "new", "--title", "Via env"], env={"FACILITATE_SESSIONS": str(store)})
    assert [p.name.endswith("-via-env") for p in store.iterdir()] == [True]
    assert not (tmp_path / "sessions").exists()


def test_show_lists_each_run_with_its_steps_by_title(root: Path) -> None:
    session_id = workshop_day(root)
    out = cli(root, "show", session_id).stdout
    lines = out.splitlines()
    status = next(line for line in lines if line.startswith("Status"))
    assert "stopped at step 3/4: Think in fours (01:40 left)" in status
    runs = [i for i, line in enumerate(lines) if line.startswith("Run ")]
    assert [lines[i].split("  ")[0] for i in runs] == [
        "Run 1: World Café",
        "Run 2: Timer: Fika 10 min",
        "Run 3: 1-2-4-All",
    ]
    entries = next(i for i, line in enumerate(lines) if line.startswith("Entries ("))
    first, timer, last = (lines[a:b] for a, b in zip(runs, [*runs[1:], entries], strict=True))
    assert "  rounds: 1" in first
    assert "  Question: What?" in last  # the label, not the key
    assert any(" welcome " in line for line in first)  # no title recorded: the step's id
    assert any("Round 1/1: Café" in line for line in first)
    assert not any("Think" in line for line in first)
    assert any(" Fika " in line and "10:00" in line for line in timer)
    numbered = [line.split(None, 1) for line in last if line.strip()[:1].isdigit()]
    assert [(n, rest.split("  ")[0]) for n, rest in numbered] == [
        ("1", "Think alone"),
        ("2", "Think in pairs"),
        ("3", "Think in fours"),
    ]
    assert "@timer" not in out and "seconds=" not in out and "until=" not in out
    note = next(line for line in lines if "Fler bord" in line)
    assert "Round 1/1: Café" in note


def test_history_and_list_use_titles_and_never_show_the_timer_internals(root: Path) -> None:
    session_id = workshop_day(root)
    history = cli(root, "history", session_id).stdout
    assert "run started: Timer: Fika 10 min" in history
    assert "step 3 started: Think in fours (planned 04:00)" in history
    assert "run stopped at step 3 (quit, 01:40 left)" in history
    assert "note added [ccc111] (Round 1/1: Café): Fler bord" in history
    assert "@timer" not in history
    listed = cli(root, "list").stdout
    assert "stopped at step 3/4: Think in fours" in " ".join(listed.split())


def test_show_of_a_new_session_says_nothing_has_run(root: Path) -> None:
    session_id = SessionStore(root).create(title="Ny", date="2026-11-22").id
    out = cli(root, "show", session_id).stdout
    assert "Runs (0)\nNothing has been run yet." in out and "No entries yet." in out


def test_a_session_of_timers_only_never_shows_the_timer_internals(root: Path) -> None:
    session = SessionStore(root).create(title="Fika", date="2026-11-22")
    params = {"seconds": None, "until": "10:30", "title": None}
    session.append(RunStarted(method="@timer", params=params, segments=1), author="a", role="b")
    show = cli(root, "show", session.id).stdout
    assert "Run 1: Timer until 10:30" in show
    listed = cli(root, "list").stdout
    assert "timer" in listed and "@timer" not in listed + show


def test_swedish_output_has_no_english_words_left(root: Path) -> None:
    session_id = stopped_workshop(root)
    sv = ["--lang", "sv", "--sessions-dir", str(root), "sessions"]
    show = run_cli([*sv, "show", session_id]).stdout
    assert "reflektion (1)" in show and "anteckning (1)" in show
    assert "note" not in show and "reflection" not in show
    assert "svenska (sv)" in show
    day = run_cli([*sv, "show", workshop_day(root)]).stdout
    assert "Körning 2: Timer: Fika 10 min" in day and "  Fråga: Vad?" in day.splitlines()
    history = run_cli([*sv, "history", session_id]).stdout
    assert "la till anteckning [aaa222] (round#1): Ta med fika" in history
    assert "Anna (processledare)" in history and "facilitator" not in history
    saved = run_cli([*sv, "note", session_id, "Ny idé", "--kind", "anteckning"])
    assert saved.stdout.startswith("sparat: anteckning ")
    bad_date = run_cli([*sv, "new", "--title", "X", "--date", "22/11"])
    assert bad_date.stderr.endswith("datum: väntade ett datum åååå-mm-dd, fick '22/11'\n")


def test_the_sessions_folder_being_a_file_is_one_clear_error_for_every_command(
    tmp_path: Path,
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    sid = "2026-11-22-x"
    commands = [
        ["new", "--title", "X"],
        ["list"],
        ["show", sid],
        ["history", sid],
        ["note", sid, "text"],
        ["edit-entry", sid, "abc", "text"],
        ["delete-entry", sid, "abc"],
        ["resume", sid],
        ["archive", sid],
        ["delete", sid, "--yes"],
        ["delete", sid],
    ]
    for command in commands:
        result = cli(afile, *command)
        assert result.exit_code == 2, command
        assert result.stderr == (
            f"error: {afile} is a file, not a folder: give the sessions folder with"
            " --sessions-dir or FACILITATE_SESSIONS\n"
        ), command
    assert afile.read_text() == "x"


# --- damaged sessions ------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["corrupt", "missing"])
def test_a_damaged_session_is_listed_as_damaged_and_can_be_deleted(root: Path, damage: str) -> None:
    session_id = stopped_workshop(root)
    SessionStore(root).create(title="Frisk", date="2026-12-01")
    header = root / session_id / "session.json"
    if damage == "corrupt":
        header.write_text("{")
    else:
        header.unlink()
    listed = cli(root, "list")
    assert listed.exit_code == 0
    assert "2026-12-01-frisk" in listed.stdout
    lines = listed.stdout.splitlines()
    row = next(i for i, line in enumerate(lines) if session_id in line)
    assert lines[row + 1] == "damaged"
    (warning,) = listed.stderr.splitlines()
    assert warning.startswith(f"warning: session {session_id} is damaged (")
    assert "session.json" in warning
    assert warning.endswith(f"remove it with: facilitate sessions delete {session_id} --yes")
    data = json.loads(cli(root, "list", "--json").stdout)
    assert [(d["id"], d["status"]) for d in data] == [
        ("2026-12-01-frisk", "not_started"),
        (session_id, "damaged"),
    ]
    shown = cli(root, "show", session_id)
    assert shown.exit_code == 2 and "session.json" in shown.stderr
    deleted = cli(root, "delete", session_id, "--yes")
    assert deleted.exit_code == 0, deleted.stderr
    assert not (root / session_id).exists()
    assert "damaged" not in cli(root, "list").stdout


def test_deleting_a_damaged_session_in_a_terminal_asks_first(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    interactive(monkeypatch)
    session_id = stopped_workshop(root)
    (root / session_id / "session.json").write_text("{")
    declined = cli(root, "delete", session_id, input="n\n")
    assert f"Delete the damaged session {session_id}?" in declined.stdout
    assert declined.exit_code == 1 and (root / session_id).is_dir()
    assert cli(root, "delete", session_id, input="y\n").exit_code == 0
    assert not (root / session_id).exists()


# --- notes, edits, deletions -------------------------------------------------------------------


def test_note_is_saved_to_the_running_step_by_default(root: Path) -> None:
    session_id = stopped_workshop(root)
    result = cli(root, "note", session_id, "Genombrott: nya möten")
    assert result.exit_code == 0
    assert result.stdout.startswith("saved: note ") and "(#12)" in result.stdout
    (record,) = SessionStore(root).open(session_id).records()[-1:]
    assert (record.author, record.role) == ("Per", "note-taker")
    assert (record.event.step, record.event.round) == ("round", 1)
    assert record.event.text == "Genombrott: nya möten"


def test_note_with_kind_step_and_author(root: Path) -> None:
    session_id = SessionStore(root).create(title="X", date="2026-11-22").id
    result = cli(
        root,
        "note",
        session_id,
        "Ägarskap",
        "--kind",
        "reflection",
        "--step",
        "harvest",
        "--author",
        "Lisa",
    )
    assert result.exit_code == 0
    (entry,) = SessionStore(root).open(session_id).state().entries
    assert (entry.kind, entry.step, entry.round, entry.author) == (
        "reflection",
        "harvest",
        None,
        "Lisa",
    )


def test_note_step_must_be_a_step_of_the_sessions_methods(root: Path) -> None:
    session_id = workshop_day(root)  # world-cafe (header and run 1), then 1-2-4-all
    wrong = cli(root, "note", session_id, "x", "--step", "nosuchstep")
    assert wrong.exit_code == 2
    assert wrong.stderr.startswith("error: unknown step 'nosuchstep'; this session's steps: ")
    assert "welcome, round, harvest" in wrong.stderr and "four" in wrong.stderr
    typo = cli(root, "note", session_id, "x", "--step", "rund")
    assert typo.exit_code == 2 and "unknown step 'rund' (did you mean 'round'?)" in typo.stderr
    assert len(SessionStore(root).open(session_id).state().entries) == 1  # nothing saved
    assert cli(root, "note", session_id, "Par", "--step", "two").exit_code == 0
    assert cli(root, "note", session_id, "Runda 2", "--step", "round#2").exit_code == 0
    entries = SessionStore(root).open(session_id).state().entries
    assert [(e.text, e.step, e.round) for e in entries[1:]] == [
        ("Par", "two", None),
        ("Runda 2", "round", 2),
    ]


def test_note_step_of_a_session_with_only_a_header_method(root: Path) -> None:
    session_id = SessionStore(root).create(title="X", date="2026-11-22", method="dot-voting").id
    assert cli(root, "note", session_id, "x", "--step", "vote").exit_code == 0
    wrong = cli(root, "note", session_id, "x", "--step", "voet")
    assert wrong.exit_code == 2 and "(did you mean 'vote'?)" in wrong.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["  "], "error: TEXT: a note needs a text"),
        (["x", "--kind", "Big Kind"], "error: --kind: unknown entry kind 'Big Kind'"),
    ],
)
def test_note_rejects_bad_input(root: Path, args: list[str], message: str) -> None:
    session_id = SessionStore(root).create(title="X", date="2026-11-22").id
    result = cli(root, "note", session_id, *args)
    assert result.exit_code == 2 and result.stderr.startswith(message)
    assert SessionStore(root).open(session_id).records() == []


def test_edit_and_delete_an_entry_by_the_start_of_its_id(root: Path) -> None:
    session_id = stopped_workshop(root)
    edited = cli(root, "edit-entry", session_id, "aaa1", "Mod att börja om")
    assert edited.exit_code == 0 and "aaa111" in edited.stdout
    deleted = cli(root, "delete-entry", session_id, "aaa2", "--reason", "privat")
    assert deleted.exit_code == 0 and "stays in the journal" in deleted.stdout
    shown = cli(root, "show", session_id).stdout
    assert "Mod att börja om" in shown and "(edited)" in shown
    assert "Ta med fika" not in shown
    history = cli(root, "history", session_id).stdout
    assert "Ta med fika" in history and "entry deleted [aaa222]: privat" in history


def test_an_ambiguous_or_unknown_entry_is_an_error(root: Path) -> None:
    session_id = stopped_workshop(root)
    short = cli(root, "edit-entry", session_id, "aaa", "x")
    assert short.exit_code == 2 and "'aaa' is too short to name an entry" in short.stderr
    unknown = cli(root, "delete-entry", session_id, "bbb333")  # already deleted
    assert unknown.exit_code == 2 and "no entry 'bbb333'" in unknown.stderr


# --- archive, delete, resume -------------------------------------------------------------------


def test_delete_outside_a_terminal_needs_yes(root: Path) -> None:
    session_id = stopped_workshop(root)
    refused = cli(root, "delete", session_id)
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert (root / session_id).is_dir()
    done = cli(root, "delete", session_id, "--yes")
    assert done.exit_code == 0 and f"Deleted {session_id}" in done.stdout
    assert not (root / session_id).exists()


def test_delete_asks_in_a_terminal(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    interactive(monkeypatch)
    session_id = stopped_workshop(root)
    declined = cli(root, "delete", session_id, input="n\n")
    assert "with 2 entries and 11 events" in declined.stdout
    assert declined.exit_code == 1 and "Nothing was deleted" in declined.stderr
    assert (root / session_id).is_dir()
    accepted = cli(root, "delete", session_id, input="y\n")
    assert accepted.exit_code == 0
    assert not (root / session_id).exists()


def test_resume_hands_over_to_the_runner_with_the_recorded_speed(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(
        run_module, "resume_run", lambda app_ctx, sid, **kw: calls.append((sid, kw)), raising=False
    )
    session = SessionStore(root).create(title="X", date="2026-11-22")
    session.append(RunStarted(method="timer", speed=60.0, segments=1), author="a", role="b")
    assert cli(root, "resume", session.id, "--quiet").exit_code == 0
    assert cli(root, "resume", session.id, "--auto-advance", "--speed", "2").exit_code == 0
    assert cli(root, "resume", session.id, "--warn", "1m").exit_code == 0
    assert calls == [
        (session.id, {"quiet": True, "auto_advance": False, "speed": 60.0}),
        (session.id, {"quiet": False, "auto_advance": True, "speed": 2.0}),
        (session.id, {"quiet": False, "auto_advance": False, "speed": 60.0, "warn": "1m"}),
    ]


def test_resume_of_an_unknown_session_does_not_start_the_runner(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(run_module, "resume_run", lambda *a, **kw: calls.append("x"), raising=False)
    result = cli(root, "resume", "2026-01-01-nothing")
    assert result.exit_code == 2 and calls == []


# --- who writes, and the layers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "author"),
    [
        ({"FACILITATE_AUTHOR": " Per ", "USER": "per1"}, "Per"),
        ({"FACILITATE_AUTHOR": " ", "USER": "per1", "USERNAME": "P"}, "per1"),
        ({"USERNAME": "Lisa"}, "Lisa"),
        ({}, "facilitator"),
    ],
)
def test_the_author_comes_from_the_environment(env: dict[str, str], author: str) -> None:
    assert AppContext(env=env).author_or(None).name_for(None) == author
    assert AppContext(env=env).author_or(" Eva ").name_for(None) == "Eva"


def test_note_author_option_wins_over_the_environment(root: Path) -> None:
    session_id = SessionStore(root).create(title="X", date="2026-11-22").id
    assert cli(root, "note", session_id, "a").exit_code == 0  # FACILITATE_AUTHOR=Per
    assert cli(root, "note", session_id, "b", "--author", " Lisa ").exit_code == 0
    records = SessionStore(root).open(session_id).records()
    assert [r.author for r in records] == ["Per", "Lisa"]


def test_the_session_views_never_load_the_journal() -> None:
    code = (
        "import sys\n"
        "import facilitate.ui.session_views, facilitate.ui.session_history\n"
        "import facilitate.ui.session_prompts\n"
        "print('JOURNAL', 'facilitate.store.journal' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert "JOURNAL False" in result.stdout


# --- help --------------------------------------------------------------------------------------

COMMANDS = [
    "new",
    "list",
    "show",
    "history",
    "note",
    "edit-entry",
    "delete-entry",
    "resume",
    "archive",
    "delete",
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str, lang: str) -> None:
    result = run_cli(["--lang", lang, "sessions", command, "--help"])
    assert result.exit_code == 0
    word = "Example" if lang == "en" else "Exempel"
    assert any(line.strip().startswith(word) for line in result.stdout.splitlines())


def test_sessions_help_does_not_import_heavy_modules() -> None:
    """(Typer itself imports pydantic for a command group; that is not ours to avoid.)"""
    code = (
        "import sys\n"
        "from facilitate.cli.main import main\n"
        "try:\n    main(['sessions', '--help'])\n"
        "except SystemExit:\n    pass\n"
        "heavy = ['questionary', 'prompt_toolkit', 'yaml', 'filelock',"
        " 'facilitate.store.journal']\n"
        "print('LOADED', [m for m in heavy if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert "LOADED []" in result.stdout


def test_option_help_is_in_the_language_of_each_invocation() -> None:
    # One process builds the app in English, then in Swedish (a long-lived process would).
    english = run_cli(["sessions", "note", "--help"])
    swedish = run_cli(["--lang", "sv", "sessions", "note", "--help"])
    assert "The session's id" in english.stdout and "Who wrote it" in english.stdout
    assert "Sessionens id" in swedish.stdout and "Vem som skrev" in swedish.stdout
    assert "Who wrote it" not in swedish.stdout
