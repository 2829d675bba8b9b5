"""Values taken as given on the command line are what Typer's own converters give.

A small Typer app with a parameter of each kind the commands use (and a few more) is run
twice per command line, with :mod:`facilitate.cli.param_values` and with Typer's converters
alone, and prints the values its function received; both runs must print (or refuse) the
same.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer import core as typer_core
from typer.testing import CliRunner

from facilitate.cli import param_values

TYPER_BUILD = param_values._typer_build


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def show(
        name: Annotated[str, typer.Argument()],
        title: Annotated[str | None, typer.Option()] = None,
        tag: Annotated[list[str] | None, typer.Option()] = None,
        last: Annotated[int, typer.Option()] = 20,
        top: Annotated[int | None, typer.Option(min=1)] = None,
        speed: Annotated[float | None, typer.Option()] = None,
        folder: Annotated[Path | None, typer.Option()] = None,
        existing: Annotated[Path | None, typer.Option(exists=True, dir_okay=False)] = None,
        files: Annotated[list[Path] | None, typer.Option()] = None,
        loud: Annotated[bool, typer.Option()] = False,
        rate: Annotated[float, typer.Option()] = 1.0,
        port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
        clamped: Annotated[int, typer.Option(min=1, max=5, clamp=True)] = 9,
    ) -> None:
        received = (name, title, tag, last, top, speed, folder, existing, files, loud)
        received += (rate, port, clamped)
        typer.echo(repr([(type(v).__name__, v) for v in received]))

    @app.command()
    def read(
        paths: Annotated[list[Path], typer.Argument()],
        words: Annotated[list[str] | None, typer.Option("--word")] = None,
    ) -> None:
        typer.echo(repr([(type(v).__name__, v) for v in (*paths, words)]))

    @app.command()
    def texts(words: Annotated[list[str], typer.Argument()]) -> None:
        typer.echo(repr(words))

    return app


def _run(args: list[str], monkeypatch: pytest.MonkeyPatch, *, plain: bool) -> tuple[int, str]:
    with monkeypatch.context() as patch:
        patch.setattr(typer_core, "build_runtime_param", TYPER_BUILD)
        if plain:
            param_values.take_plain_values_as_given()
        result = CliRunner().invoke(_app(), args)
    return result.exit_code, result.output


LINES = [
    ["Eslöv"],
    ["Eslöv", "--title", "Samverkan", "--tag", "a", "--tag", "b, c"],
    ["Eslöv", "--last", "5", "--top", "3", "--speed", "1.5"],
    ["Eslöv", "--last", "fem"],
    ["Eslöv", "--top", "0"],
    ["Eslöv", "--folder", "sessions", "--files", "a.yaml", "--files", "b.yaml"],
    ["Eslöv", "--existing", "pyproject.toml"],
    ["Eslöv", "--existing", "no-such-file.yaml"],
    ["Eslöv", "--existing", "tests"],
    ["Eslöv", "--loud", "--title", ""],
    ["Eslöv", "--rate", "2", "--port", "80", "--clamped", "3"],
    ["Eslöv", "--port", "0"],
    ["Eslöv", "--port", "080", "--top", "007", "--last", "0"],
    ["Eslöv", "--top", "+3"],
    ["Eslöv", "--top", " 3"],
    ["Eslöv", "--top", "1_0"],
    ["Eslöv", "--top", "٣"],
    ["Eslöv", "--port", "99999999999999999999"],
    ["Eslöv", "--folder", "a\0b"],
    ["Eslöv", "--existing", "a\0b"],
    ["Eslöv", "--folder", "-", "--files", "-"],
]
LINES = [["show", *line] for line in LINES] + [
    ["read", "pyproject.toml", "tests", "--word", "a"],
    ["read"],
    ["texts", "ett", "två, tre"],
    ["texts"],
]


@pytest.mark.parametrize("args", LINES, ids=[" ".join(line) for line in LINES])
def test_a_value_is_what_typer_would_give(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    plain = _run(args, monkeypatch, plain=True)
    typers = _run(args, monkeypatch, plain=False)
    assert plain == typers
    assert plain[0] in (0, 2)


def test_an_empty_path_is_an_error_where_typer_takes_the_current_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, output = _run(["show", "Eslöv", "--folder", ""], monkeypatch, plain=True)
    assert code == 2 and "the path must not be empty" in output


def test_a_command_whose_values_are_plain_does_not_import_pydantic(tmp_path: Path) -> None:
    """A command given texts and a path starts without pydantic."""
    script = (
        "import sys\n"
        "from facilitate.cli.main import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    print('pydantic' in sys.modules, done.code, file=sys.stderr)\n"
    )
    argv = ["--sessions-dir", str(tmp_path), "sessions", "new", "--title", "Plain"]
    argv += ["--date", "2026-11-22", "--place", "Eslöv", "--facilitator", "Anna"]
    done = subprocess.run(
        [sys.executable, "-c", script, *argv], capture_output=True, text=True, check=False
    )
    assert done.stderr.split()[-2:] == ["False", "0"], done.stderr
