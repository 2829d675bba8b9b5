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

from facilitate.errors import UsageError
from facilitate.i18n.messages import message

if TYPE_CHECKING:
    from facilitate.app.authors import Author
    from facilitate.app.methods import Methods
    from facilitate.app.sessions import SessionStore
    from facilitate.i18n import Translator


@dataclass
class AppContext:
    """Settings shared by all commands for one invocation.

    ``lang`` is the interface language; ``lang_given`` is True when the global ``--lang``
    chose it, and then it wins over a session's language (:meth:`speak_session_language`).
    """

    lang: str = "en"
    lang_given: bool = False
    sessions_dir_option: str | None = None
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    cwd: Path = field(default_factory=Path.cwd)

    @property
    def sessions_dir(self) -> Path:
        """Where session records live: --sessions-dir, FACILITATE_SESSIONS, then ./sessions.

        An empty --sessions-dir is a UsageError (it would be the current folder)."""
        if self.sessions_dir_option is not None:
            if not self.sessions_dir_option:
                empty = message("parser.empty_path")
                raise UsageError(
                    message("parser.invalid_value", name="--sessions-dir", detail=empty)
                )
            return Path(self.sessions_dir_option)
        if self.env.get("FACILITATE_SESSIONS"):
            return Path(self.env["FACILITATE_SESSIONS"])
        return self.cwd / "sessions"

    @property
    def account(self) -> str:
        """The login name (USER, else USERNAME), or "" when the environment has none."""
        for name in ("USER", "USERNAME"):
            value = self.env.get(name, "").strip()
            if value:
                return value
        return ""

    def store(self) -> SessionStore:
        """The session store of this invocation (see :attr:`sessions_dir`)."""
        from facilitate.app.sessions import session_store

        return session_store(self.sessions_dir)

    def methods(self) -> Methods:
        """The method library as seen from this invocation's folder and environment."""
        from facilitate.app.methods import Methods

        return Methods(self.cwd, self.env)

    def author_or(self, given: str | None = None) -> Author:
        """Who signs what this command records: ``given`` (an ``--author`` option), else
        FACILITATE_AUTHOR, else the session's first facilitator, else the login name (the
        rule is :class:`facilitate.app.authors.Author`, applied once the session is open).
        """
        from facilitate.app.authors import Author

        environment = self.env.get("FACILITATE_AUTHOR", "")
        return Author(option=given or "", environment=environment, account=self.account)

    @property
    def translate(self) -> Translator:
        """The messages in this command's language (:attr:`lang`), for rendering at the edge."""
        from facilitate.i18n import Translator

        return Translator(self.lang)

    def speak_session_language(self, language: str | None) -> None:
        """From here on, speak ``language`` (a session's), unless ``--lang`` chose another.

        A session's language is the default for everything about that session; only the
        global ``--lang`` overrides it (FACILITATE_LANG and the locale do not).
        """
        from facilitate.i18n import LANGUAGES, set_language

        if self.lang_given or language not in LANGUAGES or language is None:
            return
        self.lang = language
        set_language(language)

    def enter_session(self, session_ref: str) -> None:
        """Open the session ``session_ref``'s header and speak its language from here on."""
        from facilitate.app.sessions import session_language

        self.speak_session_language(session_language(self.store(), session_ref))

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
