"""Commands of the run group (to be filled in)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the run commands to the root app."""
