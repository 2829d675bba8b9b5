"""README.md starts with the two commands a newcomer needs, and CI runs the second one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"

pytestmark = pytest.mark.skipif(not README.is_file(), reason="needs the source checkout")


def readme_commands() -> list[str]:
    """The commands of README's first two shell blocks."""
    blocks = re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return [block.strip() for block in blocks[:2]]


def test_readme_starts_with_install_and_run_then_install_and_test() -> None:
    run, test = readme_commands()
    assert "pip install ." in run and "facilitate run" in run
    assert "pip install" in test and "pytest" in test


def test_ci_runs_the_readme_test_command_exactly() -> None:
    _, test = readme_commands()
    lines = [line.strip() for line in CI.read_text(encoding="utf-8").splitlines()]
    assert test in lines


def test_readme_mentions_every_command_group() -> None:
    text = README.read_text(encoding="utf-8")
    for command in ("methods list", "methods show", "methods validate", "methods new"):
        assert f"facilitate {command}" in text or command in text
