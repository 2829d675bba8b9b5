"""A session's language is the default interface language for everything about the session.

Issue: resuming a Swedish session without --lang put English on the projector, and the
Swedish record mixed in English step titles ("Welcome to the café"). Only the global --lang
overrides a session's language (FACILITATE_LANG and the locale do not); what the record
keeps (step titles) is always in the session's language.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest

from facilitate.model.events import RunStarted, RunStopped, StepStarted
from facilitate.store.journal import SessionStore
from test_live_pty import env_for, expect_text, finish, journal, screen_text

from cli_helpers import run_cli

SV_TITLES = ["1: Tänk själv", "2: I par", "4: I fyra"]
EN_TITLES = ["1: Think alone", "2: In pairs", "4: In foursomes"]
ENGLISH_ENV = {"FACILITATE_LANG": "en", "LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}


def spawn_plain_locale(tmp_path: Path, args: list[str]) -> pexpect.spawn:
    """The program in a pty with FACILITATE_LANG unset and LANG=C (English by the locale)."""
    env = {k: v for k, v in env_for(tmp_path).items() if k != "FACILITATE_LANG"}
    env["LANG"] = "C"
    return pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", *args],
        cwd=str(tmp_path),
        env=env,
        dimensions=(30, 100),
        encoding="utf-8",
        timeout=15,
    )


def recorded_titles(tmp_path: Path) -> list[str]:
    return [r["data"]["title"] for r in journal(tmp_path) if r["type"] == "step_started"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_a_swedish_session_runs_and_resumes_in_swedish_without_lang(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Dag", language="sv")
    child = spawn_plain_locale(tmp_path, ["run", "1-2-4-all", "--session", session.id])
    expect_text(child, "Steg 1/")
    child.send("n")
    expect_text(child, "Steg 2/")
    child.send("qq")  # q asks once more; the second one quits
    out = " ".join(screen_text(child.read()).split())
    assert finish(child) == 0
    assert f"Sessionen är sparad: {session.id}" in out

    child = spawn_plain_locale(tmp_path, ["sessions", "resume", session.id])
    screen = expect_text(child, "Steg 2/")
    child.send("n")
    screen += expect_text(child, "Steg 3/")
    child.send("qq")  # q asks once more; the second one quits
    screen += screen_text(child.read())
    assert finish(child) == 0
    assert "2: I par" in screen and "Nästa: 4: I fyra" in screen
    for english in ("Step ", "Next:", "Session saved", "In pairs", "quit"):
        assert english not in screen, english
    assert recorded_titles(tmp_path) == [SV_TITLES[0], SV_TITLES[1], SV_TITLES[1], SV_TITLES[2]]


def test_lang_given_shows_english_but_the_record_stays_swedish(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Dag", language="sv")
    args = ["--sessions-dir", str(tmp_path / "sessions")]
    run = run_cli(
        ["--lang", "en", *args, "run", "1-2-4-all", "--session", session.id, "--speed", "600"]
    )
    assert run.exit_code == 0, run.stderr
    assert "[1/4] 1: Think alone" in run.stdout and "Finished. Session:" in run.stdout
    titles = recorded_titles(tmp_path)
    assert titles[:3] == SV_TITLES
    assert not set(titles) & set(EN_TITLES)  # no English title in the Swedish record


def test_the_environment_does_not_override_the_sessions_language(tmp_path: Path) -> None:
    """FACILITATE_LANG=en and an English locale: a Swedish session still speaks Swedish."""
    session = SessionStore(tmp_path / "sessions").create(title="Dag", language="sv")
    args = ["--sessions-dir", str(tmp_path / "sessions")]
    timer = run_cli([*args, "timer", "2", "--session", session.id, "--speed", "600"], ENGLISH_ENV)
    assert timer.exit_code == 0, timer.stderr
    assert "Klart. Session:" in timer.stdout and "tiden är ute" in timer.stdout
    note = run_cli([*args, "sessions", "note", session.id, "Mod"], ENGLISH_ENV)
    assert note.stdout.startswith("sparat: anteckning ")
    bad = run_cli([*args, "sessions", "note", session.id, "x", "--kind", "Big Kind"], ENGLISH_ENV)
    assert bad.exit_code == 2 and bad.stderr.startswith("fel: ")
    history = run_cli([*args, "sessions", "history", session.id], ENGLISH_ENV).stdout
    assert "körning startad: Timer" in history and "la till anteckning" in history
    unknown = run_cli([*args, "sessions", "show", "2026-01-01-none"], ENGLISH_ENV)
    assert unknown.stderr.startswith("error: no session")  # no session: no session language


def test_an_english_session_speaks_english_under_a_swedish_locale(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Day", language="en")
    env = {"FACILITATE_LANG": "sv", "LANG": "sv_SE.UTF-8"}
    args = ["--sessions-dir", str(tmp_path / "sessions"), "sessions"]
    assert run_cli([*args, "note", session.id, "Mod"], env).stdout.startswith("saved: note ")
    show = run_cli([*args, "show", session.id], env).stdout
    assert "Language  English (en)" in show and "Runs (0)" in show
    listed = run_cli([*args, "list"], env).stdout  # about many sessions: the interface's
    assert "ej startad" in listed


def storytelling(tmp_path: Path, language: str) -> str:
    session = SessionStore(tmp_path).create(
        title="Berättelser", date="2026-11-22", language=language
    )
    params = {
        "stories": [{"sv": "Trelleborg", "en": "Trelleborg"}, {"sv": "Svalöv, södra", "en": ""}],
        "story_minutes": 20,
        "gone_key": 3,
    }
    events = [
        RunStarted(method="storytelling-harvesting", params=params, segments=7),
        StepStarted(index=0, step="intro", planned_seconds=600, title="Inledning i helgrupp"),
        RunStopped(index=0, remaining_seconds=480, paused=False, reason="quit"),
    ]
    for event in events:
        session.append(event, author="Anna", role="facilitator")
    return session.id


def test_show_prints_parameter_labels_in_the_sessions_language(tmp_path: Path) -> None:
    session_id = storytelling(tmp_path, "sv")
    show = run_cli(["--sessions-dir", str(tmp_path), "sessions", "show", session_id], ENGLISH_ENV)
    lines = [line.rstrip() for line in show.stdout.splitlines()]
    assert any(line.split() == ["Berättelser:", "1.", "Trelleborg"] for line in lines)
    assert any(line.split() == ["2.", "Svalöv,", "södra"] for line in lines)
    assert any(line.split() == ["Minuter", "för", "berättelsen:", "20"] for line in lines)
    assert any(line.split() == ["gone_key:", "3"] for line in lines)  # no longer a parameter
    assert "stories:" not in show.stdout and "story_minutes" not in show.stdout
    english = run_cli(
        ["--lang", "en", "--sessions-dir", str(tmp_path), "sessions", "show", session_id]
    )
    assert "Stories:" in english.stdout and "Minutes for the story:" in english.stdout
