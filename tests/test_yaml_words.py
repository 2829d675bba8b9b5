"""A file that is not valid YAML is said to be so in the interface language, where it is.

The YAML parser (libyaml) words its problems in English ("while parsing a flow sequence; did
not find expected ',' or ']'"); each part it has words for is said in Swedish too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_helpers import run_cli

BROKEN = [
    ("name: [a\n", "i en lista inom hakparenteser; hittade inte ',' eller ']' där det skulle stå"),
    (
        "name: {a: 1\n",
        "i en samling inom klammerparenteser; hittade inte ',' eller '}' där det skulle stå",
    ),
    ("id: x\n  name: a\n", "nyckel: värde får inte stå här"),
    ("name: 'a\n", "i en text inom citattecken; filen tog slut för tidigt"),
    ("a:\n\t- b\n", "vid nästa del av texten; ett tecken som ingenting i YAML kan börja med"),
    ("- a\nb: 1\n", "i en lista; hittade inte listpunkten '-' där den skulle stå"),
    ("a: 1\n- b\n", "i en samling nyckel: värde; hittade ingen nyckel där en skulle stå"),
    ("a: @b\n", "vid nästa del av texten; ett tecken som ingenting i YAML kan börja med"),
]


@pytest.mark.parametrize(("text", "swedish"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_yaml_syntax_error_is_said_in_swedish(tmp_path: Path, text: str, swedish: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli(["--lang", "sv", "methods", "validate", str(path)])
    assert result.exit_code == 2
    assert f": inte giltig YAML: {swedish}" in result.stderr


def test_in_english_the_parsers_own_words_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("name: [a\n", encoding="utf-8")
    result = run_cli(["--lang", "en", "methods", "validate", str(path)])
    assert (
        "x.yaml:2:1: not valid YAML: "
        "while parsing a flow sequence; did not find expected ',' or ']'" in result.stderr
    )


def test_a_duplicate_key_in_a_themes_file_is_said_in_swedish(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    made = run_cli(
        [
            "--sessions-dir",
            str(sessions),
            "sessions",
            "new",
            "--title",
            "T",
            "--date",
            "2026-12-01",
            "--method",
            "world-cafe",
        ]
    )
    assert made.exit_code == 0, made.stderr
    themes = tmp_path / "themes.yaml"
    themes.write_text("Möten: [a]\nMöten: [b]\n", encoding="utf-8")
    result = run_cli(
        [
            "--lang",
            "sv",
            "--sessions-dir",
            str(sessions),
            "themes",
            "2026-12-01-t",
            "--from",
            str(themes),
        ]
    )
    assert result.exit_code == 2
    assert "nyckeln 'Möten' förekommer två gånger" in result.stderr
