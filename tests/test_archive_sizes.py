"""The archive's modules keep the project's sizes: functions of at most 40 lines, modules of at
most 300."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "facilitate"
MODULES = sorted(
    [*PACKAGE.glob("archive/*.py"), *PACKAGE.glob("app/archive*.py"),
     PACKAGE / "cli" / "archive.py", PACKAGE / "export" / "programme_report.py",
     PACKAGE / "store" / "copy_in.py", PACKAGE / "store" / "raw_journal.py"]
)  # fmt: skip


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_functions_and_modules_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > 40
    ]
    assert long == []
