"""Run the real command line in-process through Typer's CliRunner."""

from __future__ import annotations

import os
from dataclasses import dataclass

from typer.testing import CliRunner

from facilitate.cli.main import build_app, invoked_command
from facilitate.cli.output import err, out
from facilitate.i18n import detect_language, set_language


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(
    args: list[str], env: dict[str, str] | None = None, input: str | None = None
) -> Outcome:
    """Invoke ``facilitate ARGS`` the way ``main()`` does: language first, then the app (of
    the command ARGS name, as ``main()`` builds it)."""
    full_env = {**os.environ, "FACILITATE_LANG": "en", "COLUMNS": "120", **(env or {})}
    set_language(detect_language(args, full_env))
    out.cache_clear()  # a command's consoles read COLUMNS when they are made, as in a process
    err.cache_clear()
    try:
        result = CliRunner().invoke(
            build_app(*invoked_command(args)), args, env=full_env, input=input
        )
    finally:
        set_language("en")
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Outcome(result.exit_code, result.stdout, result.stderr)
