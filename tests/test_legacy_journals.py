"""Journals written by facilitate 0.1.0 read as they did then (new fields may be added)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from cli_helpers import run_cli

LEGACY = Path(__file__).parent / "data" / "legacy_journals"
SESSIONS = sorted(path.name for path in LEGACY.iterdir() if path.is_dir())


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A copy of the legacy sessions (reading must never change them, but a copy is safe)."""
    root = tmp_path / "sessions"
    for name in SESSIONS:
        shutil.copytree(LEGACY / name, root / name, ignore=shutil.ignore_patterns("show-*"))
    return root


def differences(old: Any, new: Any, where: str = "") -> list[str]:
    """Where ``new`` does not say what ``old`` said (keys ``new`` adds are allowed)."""
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key, value in old.items():
            if key not in new:
                found.append(f"{where}.{key}: missing")
            else:
                found += differences(value, new[key], f"{where}.{key}")
        return found
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return [f"{where}: {len(old)} items, now {len(new)}"]
        return [
            d
            for i, (a, b) in enumerate(zip(old, new, strict=True))
            for d in differences(a, b, f"{where}[{i}]")
        ]
    return [] if old == new else [f"{where}: {old!r}, now {new!r}"]


def test_there_are_legacy_sessions_to_read() -> None:
    assert len(SESSIONS) == 5


@pytest.mark.parametrize("session_id", SESSIONS)
def test_sessions_show_json_of_a_0_1_0_journal_says_what_it_said_then(
    session_id: str, store: Path
) -> None:
    result = run_cli(
        ["sessions", "show", session_id, "--json"], env={"FACILITATE_SESSIONS": str(store)}
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # no record was skipped
    now = json.loads(result.stdout)
    then = json.loads((LEGACY / session_id / "show-v0.1.json").read_text(encoding="utf-8"))
    del then["path"], now["path"]  # where the copy lies
    assert differences(then, now) == []
    assert (LEGACY / session_id / "journal.jsonl").read_bytes() == (
        store / session_id / "journal.jsonl"
    ).read_bytes()


def test_0_1_0_entries_belong_to_the_run_that_was_the_latest_when_they_were_added(
    store: Path,
) -> None:
    result = run_cli(
        ["sessions", "show", "2026-11-22-eslov-samverkan", "--json"],
        env={"FACILITATE_SESSIONS": str(store)},
    )
    state = json.loads(result.stdout)
    runs = {run["run_id"]: run["method"] for run in state["runs"]}
    assert runs == {
        "legacy-1": "storytelling-harvesting",
        "legacy-2": "35an",
        "legacy-3": "@timer",
        "legacy-4": "world-cafe",
    }
    where = {e["text"]: runs[e["run_id"]] for e in state["entries"] + state["deleted"]}
    assert where == {
        "Mod: att våga fråga igen": "storytelling-harvesting",
        "Genombrott 🎉 – Trelleborg": "storytelling-harvesting",
        "fel": "storytelling-harvesting",
        "Bibliotek som mötesplats": "world-cafe",
    }


@pytest.mark.parametrize("session_id", SESSIONS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_texts_of_a_0_1_0_journal_read_in_both_languages(
    session_id: str, lang: str, store: Path
) -> None:
    env = {"FACILITATE_SESSIONS": str(store), "FACILITATE_LANG": lang}
    for command in ("show", "history"):
        result = run_cli(["sessions", command, session_id], env=env)
        assert result.exit_code == 0, result.stderr
        assert "Traceback" not in result.stdout + result.stderr
