"""`sessions list` fits an 80-column terminal, and nothing that matters is cut.

Issue: at 80 columns the status column was cut down to its first letter.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from facilitate.model.events import RunStarted, RunStopped, StepStarted
from facilitate.store.journal import SessionStore

from cli_helpers import run_cli

LONG_TITLE = "Eslöv: samverkan och berättande för alla förvaltningar i kommunen 2026"


def day(root: Path) -> tuple[str, str]:
    """Two sessions: one with the longest id a title makes, stopped in a long step title."""
    store = SessionStore(root)
    long = store.create(
        title=LONG_TITLE, date="2026-11-22", method="storytelling-harvesting", language="en"
    )
    events = [
        RunStarted(method="storytelling-harvesting", segments=7),
        StepStarted(
            index=0, step="intro", planned_seconds=600, title="Welcome and the purpose of the day"
        ),
        RunStopped(index=0, remaining_seconds=480, paused=True, reason="quit"),
    ]
    for event in events:
        long.append(event, author="Anna", role="facilitator")
    short = store.create(title="Fika", date="2026-11-23", language="en")
    return long.id, short.id


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_line_fits_80_columns_and_ids_are_whole(tmp_path: Path, lang: str) -> None:
    long_id, short_id = day(tmp_path)
    args = ["--lang", lang, "--sessions-dir", str(tmp_path), "sessions", "list"]
    result = run_cli(args, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80, result.stdout
    row = next(i for i, line in enumerate(lines) if line.startswith(long_id))
    assert lines[row].split() == [long_id, "2026-11-22", "0"]
    assert lines[row + 1].startswith("Eslöv: samverkan och berättande")
    status = " ".join(" ".join(lines[row + 2 : row + 4]).split())
    stopped = "stopped at step" if lang == "en" else "stoppad vid steg"
    assert f"storytelling-harvesting · {stopped} 1/7: Welcome and the purpose" in status
    assert any(line.split() == [short_id, "2026-11-23", "0"] for line in lines)


def test_a_narrow_terminal_wraps_what_is_long_and_shortens_only_the_title(
    tmp_path: Path,
) -> None:
    long_id, _ = day(tmp_path)
    args = ["--sessions-dir", str(tmp_path), "sessions", "list"]
    lines = run_cli(args, env={"COLUMNS": "60"}).stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 60
    row = next(i for i, line in enumerate(lines) if line.startswith(long_id))
    assert lines[row].split() == [long_id, "2026-11-22"] and lines[row + 1] == "0"
    assert lines[row + 2].endswith("…") and cell_len(lines[row + 2]) == 60
    status = " ".join(" ".join(lines[row + 3 : row + 5]).split())
    assert "Welcome and the purpose of the day" in status  # wrapped, not cut
