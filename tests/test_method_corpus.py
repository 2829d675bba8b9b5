"""A corpus of broken method files: each problem is named with file:line and field, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cli_helpers import run_cli

CORPUS = Path(__file__).parent / "data" / "broken_methods"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def test_the_corpus_is_large_enough() -> None:
    assert len(EXPECTED) >= 20
    assert {p.name for p in CORPUS.glob("*.yaml")} - {"expected.yaml"} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_is_reported_precisely(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    want = EXPECTED[name]
    result = run_cli(["methods", "validate", name])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    field = f" {want['field']}:" if want["field"] else ""
    assert first.startswith(f"{name}:{want['line']}:"), first
    if field:
        assert field in first, first
    assert want["contains"].lower() in first.lower(), first
