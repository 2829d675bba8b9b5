"""Consoles for the commands: results on stdout, messages and errors on stderr."""

from __future__ import annotations

from functools import cache

from rich.console import Console


@cache
def out() -> Console:
    """The console for results (stdout)."""
    return Console(highlight=False)


@cache
def err() -> Console:
    """The console for messages, warnings and errors (stderr)."""
    return Console(stderr=True, highlight=False)


def print_error(line: str) -> None:
    """One error line on stderr, plain so it can be read by scripts and screen readers."""
    err().print(line, markup=False, highlight=False, soft_wrap=True)
