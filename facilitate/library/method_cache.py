"""Validated methods kept between commands, so that a command does not read YAML and validate
every method file again.

A method file's text that validated is kept, as the validated method, in the user's cache
folder (``$FACILITATE_CACHE_DIR``, else the platform's: ``$XDG_CACHE_HOME/facilitate`` or
``~/.cache/facilitate``; ``FACILITATE_CACHE_DIR=off`` keeps nothing). Its name is a hash of
the text, the checks it passed (strict languages or not) and the code that checks it (this
version of facilitate, Python, pydantic and the source of the method model and its checks),
so a changed file, a changed rule or an upgrade never finds an old entry. An entry that
cannot be read as what it should hold is ignored and written again; a folder that cannot be
written only means nothing is kept. A file that did not validate is never kept: its problems
are found again, with their lines, each time.

The cache is a folder of the user's own (mode 0700): entries are Python pickles, as trusted as
the user's other files.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitate.model.method import Method

CACHE_ENV = "FACILITATE_CACHE_DIR"
OFF = "off"
_CHECKING_MODULES = (
    "__init__.py",  # (the version)
    "model/method.py",
    "model/method_checks.py",
    "model/entries.py",
    "model/text.py",
    "model/text_rules.py",
    "model/params.py",
    "model/expand.py",
    "model/timeline.py",
    "library/methods.py",
)
"""The code whose change could change what a method file validates to."""
_build: list[bytes] = []


def cache_dir(env: Mapping[str, str]) -> Path | None:
    """Where validated methods are kept (None: ``FACILITATE_CACHE_DIR=off``)."""
    given = env.get(CACHE_ENV)
    if given:
        return None if given == OFF else Path(given) / "methods"
    if sys.platform == "win32" and env.get("LOCALAPPDATA"):
        base = Path(env["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path(env.get("HOME", "~")).expanduser() / "Library" / "Caches"
    else:
        base = Path(env.get("XDG_CACHE_HOME") or Path(env.get("HOME", "~")) / ".cache")
    return base.expanduser() / "facilitate" / "methods"


def _build_fingerprint() -> bytes:
    """A hash of the versions and the checking code (computed once per process)."""
    if not _build:
        import pydantic

        digest = hashlib.sha256(f"{sys.version}|{pydantic.VERSION}".encode())
        package = Path(__file__).resolve().parent.parent
        for module in _CHECKING_MODULES:
            digest.update((package / module).read_bytes())
        _build.append(digest.digest())
    return _build[0]


class MethodCache:
    """Validated methods by the hash of their file's text (see the module)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @classmethod
    def of(cls, env: Mapping[str, str]) -> MethodCache:
        return cls(cache_dir(env))

    @staticmethod
    def key(text: str, *, strict_languages: bool) -> str:
        """The entry's name for a file's ``text`` validated with or without strict languages."""
        digest = hashlib.sha256(_build_fingerprint())
        digest.update(b"strict" if strict_languages else b"lenient")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> Method | None:
        """The method kept under ``key``, or None (none kept, or not readable as one)."""
        if self.folder is None:
            return None
        from facilitate.model.method import Method

        try:
            kept_key, method = pickle.loads((self.folder / f"{key}.pickle").read_bytes())
        except Exception:  # missing, torn or foreign: not a cached method, so none
            return None
        return method if kept_key == key and isinstance(method, Method) else None

    def put(self, key: str, method: Method) -> None:
        """Keep ``method`` under ``key`` (written whole or not at all)."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".part")
            try:
                with os.fdopen(fd, "wb") as file:
                    pickle.dump((key, method), file, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, self.folder / f"{key}.pickle")
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:  # a read-only or full home: the method is simply not kept
            return
