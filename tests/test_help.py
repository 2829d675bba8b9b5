"""Every command has help text with an example, in English and in Swedish."""

from __future__ import annotations

import pytest
import typer
from typer.core import TyperGroup

from facilitate.cli.main import build_app
from facilitate.i18n import set_language

from cli_helpers import run_cli


def command_paths() -> list[list[str]]:
    """Every command and group of the app, as argument lists."""
    set_language("en")
    root = typer.main.get_command(build_app())
    paths: list[list[str]] = [[]]

    def walk(command: object, prefix: list[str]) -> None:
        if isinstance(command, TyperGroup):
            for name, sub in command.commands.items():
                paths.append([*prefix, name])
                walk(sub, [*prefix, name])

    walk(root, [])
    return paths


PATHS = command_paths()


def test_the_app_has_the_documented_command_groups() -> None:
    names = {" ".join(p) for p in PATHS}
    wanted = {
        "methods list",
        "methods show",
        "methods validate",
        "methods schema",
        "methods new",
        "sessions new",
        "sessions list",
        "sessions show",
        "sessions history",
        "sessions note",
        "sessions resume",
        "sessions archive",
        "sessions delete",
        "run",
        "timer",
        "console",
        "plan list",
        "plan show",
        "plan check",
        "plan new",
        "plan export",
        "plan schema",
    }
    assert wanted <= names


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "facilitate" for p in PATHS])
@pytest.mark.parametrize(("lang", "word"), [("en", "Example"), ("sv", "Exempel")])
def test_help_has_an_example(path: list[str], lang: str, word: str) -> None:
    result = run_cli(["--lang", lang, *path, "--help"])
    assert result.exit_code == 0
    assert word in result.stdout, f"`facilitate {' '.join(path)} --help` ({lang}) has no example"
