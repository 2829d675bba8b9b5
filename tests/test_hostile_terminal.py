"""No control sequence from a note, a title, an author or a file name reaches the terminal.

A session folder can come from anywhere (a USB stick, a synced folder), so its journal is
written here by hand, as another program could, with escape sequences in every text. Each
printing command runs in a real pseudo-terminal and the bytes it writes are checked: the
sequences are shown (``^[]52;...``), never sent.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

# Sequences Rich never writes itself: clipboard write (OSC 52), window title (OSC 0), a
# device status request (answered into the input!), the C1 CSI and a right-to-left override.
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
TITLE = "\x1b]0;PWNED\x07"
REPORT = "\x1b[6n"
C1 = "\x9b5n"
RLO = "\u202e"
FORBIDDEN = [b"\x1b]52", b"\x1b]0;", b"\x1b[6n", b"\x07", "\x9b".encode(), RLO.encode()]
SID = "2026-12-01-hostile"


def hostile(word: str) -> str:
    return f"{word}{CLIPBOARD}{TITLE}{REPORT}{C1}{RLO}end"


SHOWN = "^[]52;c;cHduZWQ=^G^[]0;PWNED^G^[[6n\\u009b5n\\u202eend"


def write_session(root: Path) -> None:
    """A stopped timer run with a note, every text hostile (the 0.1.0 on-disk format)."""
    folder = root / SID
    folder.mkdir(parents=True)
    header = {
        "id": SID,
        "title": hostile("Title"),
        "date": "2026-12-01",
        "place": hostile("Place"),
        "language": "en",
        "method": None,
        "plan": None,
        "facilitators": [hostile("Facilitator")],
        "schema_version": 1,
        "created_at": "2026-12-01T09:00:00+00:00",
        "status": "active",
    }
    (folder / "session.json").write_text(json.dumps(header), encoding="utf-8")
    timer = {"seconds": 600.0, "until": None, "title": hostile("Timer")}
    events = [
        ("run_started", {"method": "@timer", "params": timer, "speed": 1.0, "segments": 1}),
        (
            "step_started",
            {
                "index": 0,
                "step": "timer",
                "round": None,
                "planned_seconds": 600.0,
                "until": None,
                "remaining_seconds": 600.0,
                "title": hostile("Step"),
            },
        ),
        (
            "run_stopped",
            {"index": 0, "remaining_seconds": 500.0, "paused": False, "reason": "quit"},
        ),
        (
            "entry_added",
            {
                "entry_id": "a1b2c3d4e5f6",
                "kind": "note",
                "text": hostile("Note"),
                "step": "timer",
                "round": None,
                "dims": {},
                "value": None,
            },
        ),
    ]
    lines = []
    for seq, (kind, data) in enumerate(events, start=1):
        record = {
            "v": 1,
            "seq": seq,
            "at": f"2026-12-01T09:00:0{seq}.000+00:00",
            "author": hostile("Author"),
            "role": "facilitator",
            "type": kind,
            "data": data,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    (folder / "journal.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def env_for(tmp_path: Path, config: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITATE_", "LC_"))}
    env.update(
        FACILITATE_LANG="en",
        FACILITATE_SESSIONS=str(tmp_path / "sessions"),
        FACILITATE_CONFIG_DIR=str(config or tmp_path / "config"),
        FACILITATE_AUTHOR="Anna",
        TERM="xterm-256color",
        LANG="C.UTF-8",
    )
    return env


def run_in_pty(args: list[str], tmp_path: Path, config: Path | None = None) -> tuple[bytes, int]:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", *args],
        cwd=str(tmp_path),
        env=env_for(tmp_path, config),
        dimensions=(60, 250),
        timeout=20,
    )
    child.expect(pexpect.EOF)
    raw = child.before
    child.close()
    return raw, child.exitstatus


def visible(raw: bytes) -> str:
    """What the screen shows: Rich's own style sequences removed, lines joined."""
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", raw.decode("utf-8"))
    return text.replace("\r", "")


def assert_safe(raw: bytes) -> None:
    for sequence in FORBIDDEN:
        assert sequence not in raw, sequence


@pytest.mark.parametrize(
    "args,words",
    [
        (["sessions", "show", SID], ["Title", "Place", "Facilitator", "Timer", "Step", "Note"]),
        (["sessions", "history", SID], ["Author", "Timer", "Step", "Note"]),
        (["sessions", "list"], ["Title"]),
    ],
)
def test_session_commands_show_control_sequences_and_never_send_them(
    args: list[str], words: list[str], tmp_path: Path
) -> None:
    write_session(tmp_path / "sessions")
    raw, status = run_in_pty(args, tmp_path)
    assert status == 0, raw
    assert_safe(raw)
    screen = visible(raw)
    assert "Traceback" not in screen
    shown = SHOWN if args[1] != "list" else SHOWN[:12]  # the list shortens a long title
    for word in words:
        assert word + shown in screen.replace("\n", ""), word


def test_the_json_output_stays_exact(tmp_path: Path) -> None:
    write_session(tmp_path / "sessions")
    raw, status = run_in_pty(["sessions", "show", SID, "--json"], tmp_path)
    data = json.loads(raw.decode("utf-8"))
    assert status == 0
    assert data["entries"][0]["text"] == hostile("Note")


def test_the_live_view_of_a_resumed_run_shows_the_title_made_safe(tmp_path: Path) -> None:
    write_session(tmp_path / "sessions")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", "sessions", "resume", SID, "--quiet"],
        cwd=str(tmp_path),
        env=env_for(tmp_path),
        dimensions=(40, 250),
        timeout=20,
    )
    child.expect("q quit")
    raw = child.before + child.after
    child.send("qq")
    child.expect(pexpect.EOF)
    raw += child.before
    child.close()
    assert child.exitstatus == 0
    assert_safe(raw)
    assert "Timer" + SHOWN in visible(raw)


def test_method_commands_and_error_lines_show_file_names_made_safe(tmp_path: Path) -> None:
    from facilitate.library.methods import bundled_dir

    config = tmp_path / f"cfg{TITLE}{RLO}"
    (config / "methods").mkdir(parents=True)
    source = (bundled_dir() / "troika-consulting.yaml").read_text(encoding="utf-8")
    source = source.replace("id: troika-consulting", "id: mine", 1)
    (config / "methods" / "mine.yaml").write_text(source, encoding="utf-8")
    raw, status = run_in_pty(["methods", "list"], tmp_path, config)
    assert status == 0
    assert_safe(raw)
    assert "cfg^[]0;PWNED^G\\u202e" in visible(raw).replace("\n", "")
    raw, status = run_in_pty(["methods", "show", "mine"], tmp_path, config)
    assert status == 0
    assert_safe(raw)
    raw, status = run_in_pty(["methods", "validate", f"no{CLIPBOARD}such.yaml"], tmp_path)
    assert status == 2
    assert_safe(raw)
    assert "no^[]52;c;cHduZWQ=^Gsuch.yaml" in visible(raw)
