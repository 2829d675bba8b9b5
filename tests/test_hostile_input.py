"""Hostile text and arguments: control characters are refused where text is taken, bytes
that are not UTF-8 are one line, and nothing is written to the journal when refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitate.cli.main import main
from facilitate.model.text_rules import UserTextError, check_user_text, first_control, is_control
from facilitate.ui.safe_text import safe_line, safe_text

from cli_helpers import run_cli

OSC_TITLE = "\x1b]0;PWNED\x07"
HOSTILE = {
    "esc": f"Fika {OSC_TITLE}",
    "clipboard": "a\x1b]52;c;cHduZWQ=\x07b",
    "c1": "a\x9b2Jb",
    "bidi": "invoice\u202efdp.exe",
    "isolate": "x\u2066y",
    "cr": "saved\roverwritten",
    "del": "a\x7fb",
}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "FACILITATE_SESSIONS": str(tmp_path / "sessions"),
        "FACILITATE_CONFIG_DIR": str(tmp_path / "config"),
        "FACILITATE_AUTHOR": "Anna",
    }


@pytest.fixture
def session(env: dict[str, str]) -> str:
    result = run_cli(["sessions", "new", "--title", "Eslöv", "--json"], env=env)
    return json.loads(result.stdout)["id"]


def journal_lines(env: dict[str, str], session_id: str) -> list[str]:
    path = Path(env["FACILITATE_SESSIONS"]) / session_id / "journal.jsonl"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


# -- the rule, pure -----------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_rule_refuses_every_control_character(text: str) -> None:
    with pytest.raises(UserTextError) as caught:
        check_user_text(text, "note")
    assert caught.value.key == "text.control"
    assert caught.value.params["char"].startswith("U+")


def test_every_control_character_is_found_in_a_text_of_printable_ones() -> None:
    """Each code point of the first plane and the surrogates, and a few beyond, alone and
    after printable text, on one line and in a multi-line text."""
    for code in [*range(0x10000), 0x1F600, 0xE0001, 0x10FFFF]:
        char = chr(code)
        for multiline in (False, True):
            allowed = multiline and char in "\n\t"
            expected = (6, char) if is_control(char) and not allowed else None
            assert first_control("Kafé " + char, multiline=multiline) == expected, hex(code)
    assert first_control("rad ett\n\tmed tab\u2028", multiline=True) == (17, "\u2028")


def test_the_rule_keeps_line_breaks_in_a_note_and_refuses_invisible_text() -> None:
    assert check_user_text("  två rader\nmed\ttab ", "note", multiline=True) == (
        "två rader\nmed\ttab"
    )
    with pytest.raises(UserTextError):
        check_user_text("två\nrader", "title")
    for invisible in ("\u200b\u200b", "\u2800", "\ufeff ", "\u3164"):
        with pytest.raises(UserTextError) as caught:
            check_user_text(invisible, "note")
        assert caught.value.key == "text.empty"
    assert check_user_text("Ångström ☕ 東京 שלום", "title") == "Ångström ☕ 東京 שלום"


def test_safe_text_shows_every_control_character_and_keeps_the_rest() -> None:
    assert safe_line(OSC_TITLE) == "^[]0;PWNED^G"
    assert safe_line("a\x9b2J\u202eb\rc\x7f") == "a\\u009b2J\\u202eb^Mc^?"
    assert safe_line("\udcff") == "\\xff"  # a byte that was not UTF-8
    assert safe_text("rad ett\nrad två\tslut") == "rad ett\nrad två\tslut"
    assert safe_line("rad ett\nrad två") == "rad ett^Jrad två"
    assert safe_line("Välkommen till caféet ☕") == "Välkommen till caféet ☕"
    for text in HOSTILE.values():
        shown = safe_text(text)
        assert safe_text(shown) == shown  # applying it twice changes nothing
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)


# -- where text is taken ------------------------------------------------------------------


def refused(result, field: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and field in lines[0] and "control character" in lines[0], lines
    assert "\x1b" not in result.stderr and "\x9b" not in result.stderr


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_note_with_a_control_character_is_refused_and_nothing_is_saved(
    text: str, env: dict[str, str], session: str
) -> None:
    before = journal_lines(env, session)
    refused(run_cli(["sessions", "note", session, text], env=env), "the note")
    assert journal_lines(env, session) == before


def test_every_text_field_refuses_control_characters(env: dict[str, str], session: str) -> None:
    assert run_cli(["sessions", "note", session, "a plain note"], env=env).exit_code == 0
    before = journal_lines(env, session)
    bad = HOSTILE["esc"]
    refused(run_cli(["sessions", "note", session, "ok", "--author", bad], env=env), "the author")
    refused(
        run_cli(["sessions", "note", session, "ok", "--author", HOSTILE["bidi"]], env=env),
        "the author",
    )
    state = json.loads(run_cli(["sessions", "show", session, "--json"], env=env).stdout)
    entry = state["entries"][0]["entry_id"]
    refused(run_cli(["sessions", "edit-entry", session, entry, bad], env=env), "the text")
    refused(
        run_cli(["sessions", "delete-entry", session, entry, "--reason", bad], env=env),
        "the reason",
    )
    assert journal_lines(env, session) == before
    refused(run_cli(["sessions", "new", "--title", bad], env=env), "the title")
    refused(run_cli(["sessions", "new", "--title", "T", "--place", bad], env=env), "the place")
    refused(
        run_cli(["sessions", "new", "--title", "T", "--facilitator", bad], env=env),
        "the facilitator",
    )
    refused(run_cli(["timer", "1m", "--title", bad], env=env), "the title")
    listed = json.loads(run_cli(["sessions", "list", "--json"], env=env).stdout)
    assert [s["id"] for s in listed] == [session]  # no session was made


def test_a_note_of_invisible_characters_only_is_refused(env: dict[str, str], session: str) -> None:
    before = journal_lines(env, session)
    result = run_cli(["sessions", "note", session, "\u200b\u200b\u2060"], env=env)
    assert result.exit_code == 2 and "nothing visible" in result.stderr
    assert journal_lines(env, session) == before


def test_a_multi_line_note_is_still_kept(env: dict[str, str], session: str) -> None:
    result = run_cli(["sessions", "note", session, "first line\nsecond line"], env=env)
    assert result.exit_code == 0
    state = json.loads(run_cli(["sessions", "show", session, "--json"], env=env).stdout)
    assert state["entries"][0]["text"] == "first line\nsecond line"


def test_messages_are_in_swedish_too(env: dict[str, str], session: str) -> None:
    result = run_cli(["--lang", "sv", "sessions", "note", session, HOSTILE["esc"]], env=env)
    assert "anteckningen innehåller ett styrtecken, U+001B (ESC)" in result.stderr


# -- arguments and settings that are not UTF-8 ---------------------------------------------


BAD_ARGUMENTS = [
    ["methods", "show", "\udcff"],
    ["methods", "validate", "x\udcfe.yaml"],
    ["run", "world-cafe", "--param", "questions=\udcff"],
    ["timer", "1m", "--title", "Fika \udcc3"],
    ["sessions", "note", "some-session", "caf\udce9"],
    ["--sessions-dir", "\udcff", "sessions", "list"],
]


@pytest.mark.parametrize("args", BAD_ARGUMENTS)
def test_an_argument_that_is_not_utf8_is_one_line_exit_2(
    args: list[str], capsys: pytest.CaptureFixture[str], env: dict[str, str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not valid UTF-8 text" in err
    number = next(i for i, arg in enumerate(args, start=1) if "\udc80" <= max(arg) <= "\udcff")
    assert f"argument {number} " in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX argument bytes")
def test_real_bytes_on_the_command_line_and_in_the_environment(tmp_path: Path) -> None:
    env = {**os.environ, "FACILITATE_SESSIONS": str(tmp_path), "FACILITATE_LANG": "en"}
    command = [sys.executable.encode(), b"-m", b"facilitate", b"sessions", b"note", b"x", b"\xff"]
    result = subprocess.run(command, env=env, capture_output=True, timeout=30)
    assert result.returncode == 2
    assert result.stderr == b"error: argument 4 is not valid UTF-8 text: '\\xff'\n"
    env_bytes = {os.fsencode(k): os.fsencode(v) for k, v in env.items()}
    env_bytes[b"FACILITATE_AUTHOR"] = b"Anna \xff"
    result = subprocess.run(
        [sys.executable, "-m", "facilitate", "methods", "list"],
        env=env_bytes,  # type: ignore[arg-type]
        capture_output=True,
        timeout=30,
    )
    assert result.returncode == 2 and b"FACILITATE_AUTHOR" in result.stderr
    assert b"Traceback" not in result.stderr


# -- every command, given hostile values -------------------------------------------------

EVIL = "../x\x1b]0;P\x07\u202e"
EVERY_COMMAND = [
    ["sessions", "show", EVIL],
    ["sessions", "show", EVIL, "--json"],
    ["sessions", "history", EVIL],
    ["sessions", "note", EVIL, "hello"],
    ["sessions", "edit-entry", EVIL, "abcd", "hello"],
    ["sessions", "delete-entry", EVIL, "abcd"],
    ["sessions", "resume", EVIL],
    ["sessions", "archive", EVIL],
    ["sessions", "delete", EVIL, "--yes"],
    ["sessions", "new", "--title", "T", "--language", EVIL],
    ["sessions", "new", "--title", "T", "--date", EVIL],
    ["sessions", "new", "--title", "T", "--method", EVIL],
    ["methods", "show", EVIL],
    ["methods", "show", "world-cafe", "--param", EVIL],
    ["methods", "validate", f"{EVIL}.yaml"],
    ["methods", "new", EVIL],
    ["run", EVIL],
    ["run", "world-cafe", "--warn", EVIL],
    ["timer", EVIL],
    ["timer", "--until", EVIL],
    ["timer", "1m", "--warn", EVIL],
    ["timer", "1m", "--speed", "1e400"],
    ["timer", "1m", "--speed", "nan"],
]


@pytest.mark.parametrize("args", EVERY_COMMAND, ids=lambda args: " ".join(args[:2]))
def test_every_command_answers_hostile_values_in_one_safe_line(
    args: list[str], env: dict[str, str]
) -> None:
    result = run_cli(args, env=env)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = 2 if args[:2] == ["methods", "validate"] else 1  # validate adds its summary
    assert len(result.stderr.splitlines()) == lines, result.stderr
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


def test_the_questions_of_sessions_new_refuse_control_characters_in_the_prompt() -> None:
    """Asked interactively, a bad answer is corrected in the prompt itself: nothing is lost."""
    from facilitate.ui.session_prompts import _text_ok

    title = _text_ok("title", required=True)
    assert title("Eslöv samverkan") is True
    assert "control character" in str(title(HOSTILE["esc"]))
    assert title("  ") == "Please enter a title."
    names = _text_ok("facilitator")
    assert names("Anna, Lisa") is True and names("") is True
    assert "the facilitator's name" in str(names(f"Anna, {HOSTILE['bidi']}"))
