"""Validated methods kept between commands, so that a command does not read YAML and validate
every method file again.

A method file's text that validated is kept, as the validated method (plain records: reading
one back imports no pydantic), in ``methods`` of the user's cache folder
(:mod:`facilitate.library.user_cache`). Entries live in a folder named after the code that
checks them (Python's version, facilitate's version, and the size and time of every file of
the method model, the library, pydantic, pydantic-core and PyYAML: read without importing
them), and each is named after a hash of the file's text and the checks it passed (strict
languages or not): a changed file, a changed rule or an upgrade never finds an old entry, and
the first entry written for new code removes the folders of older code. An entry that cannot
be read as what it should hold is ignored and written again; a folder that cannot be written
only means nothing is kept. A file that did not validate is never kept: its problems are found
again, with their lines, each time. Without the checking code's source files (a build without
them) nothing is kept.

Beside each method its name and parameter labels are kept (``<key>.labels.pickle``), which a
view of a recorded session reads without the method model (:mod:`facilitate.library.method_labels`).
The same folder keeps what other files that validated resolve to (:meth:`MethodCache.entry`
and :meth:`MethodCache.keep`: a plan's programme, by :mod:`facilitate.library.plans`).

Entries are Python pickles. They are read only from a folder and files of the user's own that
nobody else may write (checked on the open folder), so they are as trusted as the user's
other files.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from facilitate.library.user_cache import cache_root, is_own

if TYPE_CHECKING:
    from facilitate.library.method_labels import MethodLabels
    from facilitate.model.method import Method

CHECKING_PACKAGES = ("model", "library")
"""The parts of facilitate whose code decides what a method file validates to."""
CHECKING_MODULES = ("records",)
"""Modules outside those packages that the checking code builds on."""
_PACKAGE = Path(__file__).resolve().parent.parent
_fingerprints: dict[str, str | None] = {}


def cache_dir(env: Mapping[str, str]) -> Path | None:
    """Where validated methods are kept (None: nothing is kept)."""
    root = cache_root(env)
    return root / "methods" if root is not None else None


def code_fingerprint() -> str | None:
    """A name for the code that checks method files (once per process; None without its
    source files)."""
    if "code" not in _fingerprints:
        _fingerprints["code"] = _fingerprint()
    return _fingerprints["code"]


_VALIDATING_PACKAGES = ("pydantic", "pydantic_core", "yaml")
"""The packages whose files (their versions; libyaml or not) decide what validates."""


def _fingerprint() -> str | None:
    files = sorted(stat for part in CHECKING_PACKAGES for stat in _sources(_PACKAGE / part, part))
    if not files:
        return None
    for name in CHECKING_MODULES:
        files.append((f"{name}.py", (_PACKAGE / f"{name}.py").stat()))
    digest = hashlib.sha256(sys.version.encode())
    digest.update((_PACKAGE / "__init__.py").read_bytes())  # (facilitate's version)
    for package in _VALIDATING_PACKAGES:
        folder = _module_folder(package)
        if folder is not None:
            with os.scandir(folder) as entries:
                files += sorted((f"{package}/{e.name}", e.stat()) for e in entries if e.is_file())
    for name, status in files:
        digest.update(f"{name}|{status.st_size}|{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def _sources(folder: Path, name: str) -> Iterator[tuple[str, os.stat_result]]:
    """Each ``.py`` file under ``folder`` (named ``name/...``) with its status; none when
    there is no such folder (a build without the sources)."""
    if not folder.is_dir():
        return
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _sources(Path(entry.path), f"{name}/{entry.name}")
            elif entry.name.endswith(".py"):
                yield f"{name}/{entry.name}", entry.stat()


def _module_folder(name: str) -> Path | None:
    """The folder of package ``name``, found without importing it."""
    from importlib.util import find_spec

    spec = find_spec(name)
    return Path(spec.origin).parent if spec is not None and spec.origin else None


class MethodCache:
    """Validated methods by the hash of their file's text (see the module)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        """The folder of this code's entries (None: nothing is kept)."""

    @classmethod
    def of(cls, env: Mapping[str, str]) -> MethodCache:
        """The cache the environment ``env`` names, for the code running now."""
        root = cache_dir(env)
        try:
            fingerprint = code_fingerprint() if root is not None else None
        except (OSError, ValueError):  # the checking code cannot be looked at: keep nothing
            fingerprint = None
        return cls(root / fingerprint if root is not None and fingerprint else None)

    @staticmethod
    def key(text: str, *, strict_languages: bool) -> str:
        """The entry's name for a file's ``text`` validated with or without strict languages."""
        digest = hashlib.sha256(b"strict\n" if strict_languages else b"lenient\n")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> Method | None:
        """The method kept under ``key``, or None (none kept, or not readable as one)."""
        if self.folder is None:
            return None
        from facilitate.model.method import Method

        try:
            kept_key, method = pickle.loads(self._read(f"{key}.pickle"))
        except Exception:  # missing, torn, foreign or not ours: not a cached method, so none
            return None
        return method if kept_key == key and isinstance(method, Method) else None

    def labels(self, key: str, method_id: str) -> MethodLabels | None:
        """The name and parameter labels of method ``method_id`` kept under ``key``, or None
        (none kept, or the same text validated as another id: a copy under another name,
        which the library refuses)."""
        if self.folder is None:
            return None
        from facilitate.library.method_labels import MethodLabels

        try:
            kept_key, kept_id, labels = pickle.loads(self._read(f"{key}.labels.pickle"))
        except Exception:  # missing, torn, foreign or not ours: none kept
            return None
        if kept_key != key or kept_id != method_id or not isinstance(labels, MethodLabels):
            return None
        return labels

    def entry(self, name: str) -> object | None:
        """What is kept as ``name``, or None (nothing kept, or not readable)."""
        if self.folder is None:
            return None
        try:
            return pickle.loads(self._read(name))
        except Exception:  # missing, torn, foreign or not ours: nothing kept
            return None

    def keep(self, name: str, value: object) -> None:
        """Keep ``value`` as ``name`` (written whole or not at all; nothing, and nothing
        said, when the cache cannot be written)."""
        if self.folder is None:
            return
        try:
            if not self.folder.is_dir():
                self._start_folder()
            if is_own(self.folder.stat()):
                self._write(name, value)
        except Exception:  # a read-only or full disk, a value that does not pickle
            return

    def _read(self, name: str) -> bytes:
        """The entry ``name``, read only from a folder and a file of the user's own."""
        assert self.folder is not None
        folder = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            entry = os.open(name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0), dir_fd=folder)
            with os.fdopen(entry, "rb") as file:
                if not (is_own(os.fstat(folder)) and is_own(os.fstat(entry))):
                    raise PermissionError(name)
                return file.read()
        finally:
            os.close(folder)

    def put(self, key: str, method: Method) -> None:
        """Keep ``method`` under ``key`` (written whole or not at all); a cache that cannot
        be written keeps nothing, and says nothing: the method itself is valid."""
        if self.folder is None:
            return
        try:
            if not self.folder.is_dir():
                self._start_folder()
            if not is_own(self.folder.stat()):
                return
            from facilitate.library.method_labels import labels_of

            self._write(f"{key}.pickle", (key, method))
            self._write(f"{key}.labels.pickle", (key, method.id, labels_of(method)))
        except Exception:  # a read-only or full disk, a method that does not pickle
            return

    def _write(self, name: str, kept: object) -> None:
        """Write ``name`` whole or not at all."""
        assert self.folder is not None
        temporary = self.folder / f".{name}.{os.getpid()}.part"
        try:
            with open(temporary, "wb") as file:
                pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / name)
        finally:
            temporary.unlink(missing_ok=True)

    def _start_folder(self) -> None:
        """Make this code's folder (0700), and remove the folders of older code beside it."""
        assert self.folder is not None
        self.folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.folder.mkdir(mode=0o700, exist_ok=True)
        for other in self.folder.parent.iterdir():
            if other != self.folder and other.is_dir() and not other.is_symlink():
                shutil.rmtree(other, ignore_errors=True)  # (another process may be reading)
