"""`plan new` in a terminal: the questions, answered by a script and in a real pty."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pexpect
import pytest

from facilitate.i18n import set_language
from facilitate.library.plan_parse import parse_plan
from facilitate.library.plan_scaffold import draft_yaml
from facilitate.model.plan import format_range, lay_out
from facilitate.ui.plan_prompts import DONE, ScriptedPlanPrompter, ask_plan_draft, block_choices

from plan_helpers import METHODS

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>78]")


def test_the_questions_make_a_plan_that_checks_and_refuse_bad_answers() -> None:
    prompter = ScriptedPlanPrompter(
        [
            "Vår\x1b[2Jdag",  # a control character: asked again
            "Vår dag",  # title
            "2026-13-01",  # a date that does not exist: asked again
            "2026-05-12",
            "Lund",
            "",  # start: the default 09:00
            "15:00",
            "coffee",
            "",  # title: Coffee
            "",  # minutes: the default 30
            "",  # no fixed time
            "method:world-cafe",
            "",  # the method's own length
            "",
            "lunch",
            "Lunch",
            "60",
            "25:00",  # not a clock time: asked again
            "12:00",
            DONE,
        ]
    )
    draft = ask_plan_draft(prompter, "var-dag", METHODS, "en")
    assert [answer for answer, _ in prompter.refused] == ["Vår\x1b[2Jdag", "2026-13-01", "25:00"]
    assert "U+001B" in prompter.refused[0][1]
    assert prompter.answers == []
    _, programme, _ = parse_plan(draft_yaml(draft, METHODS), "plans/var-dag.yaml", METHODS)
    rows = [(format_range(b.start, b.end, "en"), b.block.title.en) for b in lay_out(programme)]
    assert rows == [
        ("09:00–09:30", "Coffee"),
        ("09:30–11:15", "World Café"),
        ("12:00–13:00", "Lunch"),
    ]
    assert programme.place == "Lund" and programme.end == 15 * 3600
    assert programme.date is not None and programme.date.isoformat() == "2026-05-12"


def test_the_first_block_cannot_be_done_and_methods_are_offered_by_name() -> None:
    set_language("sv")
    try:
        first = block_choices(METHODS, "sv", done=False)
        later = block_choices(METHODS, "sv", done=True)
    finally:
        set_language("en")
    assert DONE not in [value for value, _ in first]
    assert later[0][0] == DONE
    assert ("coffee", "Kaffe") in first
    assert ("method:world-cafe", "metod: World Café") in first


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_plan_new_asks_in_a_terminal_and_writes_the_plan(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITATE_", "LC_"))}
    env.update(
        FACILITATE_LANG="en",
        FACILITATE_CONFIG_DIR=str(tmp_path / "config"),
        TERM="xterm-256color",
        LANG="C.UTF-8",
        PROMPT_TOOLKIT_NO_CPR="1",  # no terminal here answers prompt_toolkit's cursor query
    )
    child = pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", "plan", "new", "pty-day"],
        cwd=str(tmp_path),
        env=env,
        dimensions=(30, 100),
        encoding="utf-8",
        timeout=20,
    )
    began = time.monotonic()
    for question, answer in [
        ("Title of the day", "Terminal day\r"),
        ("Date", "\r"),
        ("Place", "Eslöv\r"),
        ("starts at", "\r"),
        ("ends at", "\r"),
        ("Block 1", "\r"),  # the first choice: Welcome
        ("Title", "\r"),
        ("Minutes", "\x7f\x7f20\r"),  # the default 15 is edited to 20
        ("Fixed clock time", "\r"),
        ("Block 2", "\r"),  # the first choice is now: done
    ]:
        child.expect(re.escape(question))
        child.send(answer)
    child.expect(pexpect.EOF)
    child.close()
    screen = ANSI.sub("", child.before or "")
    assert child.exitstatus == 0, screen
    assert "Wrote plans/pty-day.yaml" in screen
    text = (tmp_path / "plans" / "pty-day.yaml").read_text(encoding="utf-8")
    assert 'title: "Terminal day"' in text and 'place: "Eslöv"' in text
    assert "item: welcome" in text and "minutes: 20" in text
    assert time.monotonic() - began < 15
