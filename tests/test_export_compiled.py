"""Export templates compiled once are kept in the user's cache folder, never used for a
template whose text changed, and never read from a folder others may write."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_helpers import run_cli
from export_helpers import ESLOV, EXAMPLES

BASE = ["--lang", "en", "--sessions-dir", str(EXAMPLES), "export", ESLOV]


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def export(cache: Path, *more: str) -> str:
    result = run_cli([*BASE, *more], {"FACILITATE_CACHE_DIR": str(cache)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_second_export_uses_the_compiled_templates_and_writes_the_same(
    cache: Path, fmt: str
) -> None:
    first = export(cache, "--format", fmt)
    kept = sorted((cache / "templates").iterdir())
    assert kept and all(path.stat().st_size > 0 for path in kept)
    assert (cache / "templates").stat().st_mode & 0o777 == 0o700
    assert export(cache, "--format", fmt) == first


def test_a_changed_template_is_compiled_again(cache: Path, tmp_path: Path) -> None:
    template = tmp_path / "mine" / "document.md.j2"
    template.parent.mkdir()
    template.write_text("First: {{ doc.title | md }}\n", encoding="utf-8")
    assert export(cache, "--templates", str(template.parent)).startswith("First: ")
    template.write_text("Second: {{ doc.title | md }}\n", encoding="utf-8")
    assert export(cache, "--templates", str(template.parent)).startswith("Second: ")


def test_damaged_compiled_templates_are_compiled_again(cache: Path) -> None:
    first = export(cache)
    for path in (cache / "templates").iterdir():
        path.write_bytes(b"not compiled code")
    assert export(cache) == first


def test_a_folder_others_may_write_keeps_nothing(cache: Path) -> None:
    first = export(cache)
    folder = cache / "templates"
    for path in folder.iterdir():
        path.unlink()
    folder.chmod(0o777)
    assert export(cache) == first
    assert list(folder.iterdir()) == []
