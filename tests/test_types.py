"""The package is type-checked clean (mypy with the settings in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MYPY = shutil.which("mypy") or str(Path(sys.executable).parent / "mypy")

pytestmark = pytest.mark.skipif(
    not (ROOT / "pyproject.toml").is_file() or not Path(MYPY).exists(),
    reason="needs the source checkout and mypy",
)


def test_mypy_finds_no_type_errors(tmp_path: Path) -> None:
    result = subprocess.run(
        [MYPY, "--cache-dir", str(tmp_path / "mypy-cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
