"""Consoles for the commands: results on stdout, messages and errors on stderr.

Both are :class:`~facilitate.ui.safe_text.SafeConsole`: no control character from a note, a
title or a file reaches the terminal raw (``--json`` output is written with ``typer.echo``).
"""

from __future__ import annotations

from functools import cache

from rich.console import Console

from facilitate.ui.safe_text import SafeConsole, safe_text


@cache
def out() -> Console:
    """The console for results (stdout)."""
    return SafeConsole(highlight=False)


@cache
def err() -> Console:
    """The console for messages, warnings and errors (stderr)."""
    return SafeConsole(stderr=True, highlight=False)


def print_error(line: str) -> None:
    """One error line on stderr, plain so it can be read by scripts and screen readers."""
    err().print(safe_text(line), markup=False, highlight=False, soft_wrap=True)
