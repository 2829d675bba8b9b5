"""The outside world as the commands see it: language, folders, consoles, environment.

Commands read paths and settings from here rather than from globals, so tests can give
them another world (the pattern of httpie's Environment).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from facilitate.app.methods import Methods
    from facilitate.app.sessions import SessionStore

DEFAULT_AUTHOR = "facilitator"


@dataclass
class AppContext:
    """Settings shared by all commands for one invocation."""

    lang: str = "en"
    sessions_dir_option: Path | None = None
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    cwd: Path = field(default_factory=Path.cwd)

    @property
    def sessions_dir(self) -> Path:
        """Where session records live: --sessions-dir, FACILITATE_SESSIONS, then ./sessions."""
        if self.sessions_dir_option is not None:
            return self.sessions_dir_option
        if self.env.get("FACILITATE_SESSIONS"):
            return Path(self.env["FACILITATE_SESSIONS"])
        return self.cwd / "sessions"

    @property
    def author(self) -> str:
        """Who writes to the journal: FACILITATE_AUTHOR, then USER/USERNAME, then "facilitator"."""
        for name in ("FACILITATE_AUTHOR", "USER", "USERNAME"):
            value = self.env.get(name, "").strip()
            if value:
                return value
        return DEFAULT_AUTHOR

    def store(self) -> SessionStore:
        """The session store of this invocation (see :attr:`sessions_dir`)."""
        from facilitate.app.sessions import session_store

        return session_store(self.sessions_dir)

    def methods(self) -> Methods:
        """The method library as seen from this invocation's folder and environment."""
        from facilitate.app.methods import Methods

        return Methods(self.cwd, self.env)

    def author_or(self, given: str | None) -> str:
        """Who writes: ``given`` (an --author option) if not blank, else :attr:`author`."""
        return given.strip() if given and given.strip() else self.author

    @property
    def interactive(self) -> bool:
        """True when both stdin and stdout are terminals (prompts and live views are possible)."""
        return sys.stdin.isatty() and sys.stdout.isatty()


def app_context(ctx: typer.Context) -> AppContext:
    """The AppContext of the running command (created by the root callback)."""
    root = ctx.find_root()
    if not isinstance(root.obj, AppContext):
        root.obj = AppContext()
    return root.obj


def add_group(app: typer.Typer, name: str, *, help: str, epilog: str) -> typer.Typer:
    """A command group (``facilitate NAME ...``) added to ``app``, with help and examples."""
    group = typer.Typer(
        help=help,
        epilog=epilog,
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.add_typer(group, name=name)
    return group
