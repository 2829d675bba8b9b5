"""A file that is not valid YAML is said to be so in the interface language, where it is.

The YAML parser (libyaml, and PyYAML around it) words its problems in English ("while parsing
a flow sequence; did not find expected ',' or ']'"); each part it has words for is said in
Swedish too, at the place a reader should look.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_helpers import run_cli

BROKEN = [
    ("name: [a\n", "4:1", "i en lista inom hakparenteser; ',' eller ']' saknas"),
    ("name: {a: 1\n", "4:1", "i en samling inom klammerparenteser; ',' eller '}' saknas"),
    (
        "name: Tid: 12:30\n",
        "3:10",
        "ett kolon (:) får inte stå här (står det i en text: sätt texten inom citattecken)",
    ),
    ("id: x\n  name: a\n", "4:7", "ett kolon (:) får inte stå här"),
    ("name: 'a\n\n\n", "3:7", "i en text inom citattecken; filen tog slut för tidigt"),
    ("a:\n\t- b\n", "4:1", "en tabb: dra in YAML med mellanslag"),
    ("a:\n  - x\n  y: 1\n", "5:3", "i en lista; listpunkten '-' saknas"),
    ("a:\n  - x\n  b\n", "6:1", "i en nyckel; ':' saknas"),
    ("a: 1\n- b\n", "4:1", "bland nycklarna på den här nivån; en nyckel saknas"),
    ("a: @b\n", "3:4", "ett tecken som inte får stå först i ett värde"),
    ("name: *Viktigt\n", "3:7", "ett * först i ett värde är ett alias"),
    ("a: 1\n---\nb: 1\n", "4:1", "filen får bara innehålla ett YAML-dokument; hittade ett till"),
    ("name: aö\x0bb\n", "3:9", "styrtecknet U+000B får inte förekomma i en YAML-fil"),
]
HEAD = "schema_version: 1\nid: x\n"


@pytest.mark.parametrize(("text", "where", "swedish"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_yaml_syntax_error_is_said_in_swedish_where_it_is(
    tmp_path: Path, text: str, where: str, swedish: str
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(HEAD + text, encoding="utf-8")
    result = run_cli(["--lang", "sv", "methods", "validate", str(path)])
    assert result.exit_code == 2
    assert f"x.yaml:{where}: inte giltig YAML: {swedish}" in result.stderr


def test_in_english_the_parsers_own_words_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("name: [a\n", encoding="utf-8")
    result = run_cli(["--lang", "en", "methods", "validate", str(path)])
    assert (
        "x.yaml:2:1: not valid YAML: "
        "while parsing a flow sequence; did not find expected ',' or ']'" in result.stderr
    )


@pytest.fixture
def session(tmp_path: Path) -> Path:
    sessions = tmp_path / "sessions"
    args = ["--sessions-dir", str(sessions), "sessions", "new", "--title", "T"]
    made = run_cli([*args, "--date", "2026-12-01", "--method", "world-cafe"])
    assert made.exit_code == 0, made.stderr
    return sessions


def test_a_themes_file_says_what_a_method_file_says(tmp_path: Path, session: Path) -> None:
    themes = tmp_path / "themes.yaml"
    for text, said in [
        ("Möten: [a]\nMöten: [b]\n", "2:1: går inte att läsa som YAML: nyckeln 'Möten'"),
        ("Möten:\n\t- a\n", "2:1: går inte att läsa som YAML: en tabb: dra in YAML med"),
    ]:
        themes.write_text(text, encoding="utf-8")
        args = ["--lang", "sv", "--sessions-dir", str(session), "themes", "2026-12-01-t"]
        result = run_cli([*args, "--from", str(themes)])
        assert result.exit_code == 2
        assert f"themes.yaml:{said}" in result.stderr


def test_an_import_file_with_a_control_character_names_its_line(
    tmp_path: Path, session: Path
) -> None:
    rows = tmp_path / "rows.yaml"
    rows.write_text("- text: Mod\n- text: Ägar\x07skap\n", encoding="utf-8")
    args = ["--lang", "sv", "--sessions-dir", str(session), "import", "2026-12-01-t"]
    result = run_cli([*args, str(rows), "--step", "round#1"])
    assert result.exit_code == 2
    assert "rows.yaml:2:13: går inte att läsa som YAML: styrtecknet U+0007" in result.stderr
