"""The code stays ruff-clean, which also enforces the layer rules (banned-api per folder)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUFF = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")

pytestmark = pytest.mark.skipif(
    not (ROOT / "pyproject.toml").is_file() or not Path(RUFF).exists(),
    reason="needs the source checkout and ruff",
)


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RUFF, *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_check_passes() -> None:
    result = ruff("check", "facilitate", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_applied() -> None:
    result = ruff("format", "--check", "facilitate", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout


def test_the_model_may_not_touch_the_terminal() -> None:
    probe = ROOT / "facilitate" / "model" / "_layer_probe.py"
    probe.write_text("import rich\nimport time\n", encoding="utf-8")
    try:
        result = ruff("check", "--select", "TID251", str(probe))
    finally:
        probe.unlink()
    assert "`rich` is banned" in result.stdout and "`time` is banned" in result.stdout
