"""Commands of the sessions group (to be filled in)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the sessions commands to the root app."""
