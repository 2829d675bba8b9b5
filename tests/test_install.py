"""The installed `facilitate` command ships the whole bundled library (run as a user would)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "facilitate"

pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="facilitate is not installed here")


def facilitate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": str(SCRIPT.parent),
        "FACILITATE_CONFIG_DIR": str(cwd / "config"),
        "LANG": "C.UTF-8",
        "COLUMNS": "120",
    }
    return subprocess.run([str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_installed_command_lists_every_bundled_method(tmp_path: Path) -> None:
    result = facilitate("methods", "list", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    listed = {m["id"]: m["origin"] for m in json.loads(result.stdout)}
    shipped = {p.stem for p in (ROOT / "methods").glob("*.yaml")}
    assert shipped and set(listed) == shipped
    assert set(listed.values()) == {"bundled"}


def test_installed_command_shows_world_cafe_in_swedish(tmp_path: Path) -> None:
    result = facilitate("--lang", "sv", "methods", "show", "world-cafe", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Syfte" in result.stdout and "Bordsvärd" in result.stdout


def test_python_dash_m_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "facilitate", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0 and result.stdout.startswith("facilitate ")
