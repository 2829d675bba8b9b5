"""`facilitate --help` stays light: no prompt, YAML or schema library in its import graph."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("questionary", "prompt_toolkit", "yaml", "pydantic", "pydantic_core", "filelock")


def imported_modules(*args: str) -> set[str]:
    """Top-level names of every module imported by ``python -X importtime -m facilitate ARGS``."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "facilitate", *args],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "", "FACILITATE_LANG": "en"},
    )
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_help_does_not_import_heavy_libraries() -> None:
    modules = imported_modules("--help")
    assert "typer" in modules  # the measurement itself works
    assert not (set(HEAVY) & modules), sorted(set(HEAVY) & modules)


def test_group_help_does_not_import_our_heavy_libraries() -> None:
    # (Typer's pydantic converters are built only for a value that needs one: cli/param_values.)
    ours = set(HEAVY)
    groups = (["methods", "--help"], ["sessions", "--help"], ["run", "--help"], ["plan", "--help"])
    for group in groups:
        modules = imported_modules(*group)
        assert not (ours & modules), (group, sorted(ours & modules))
