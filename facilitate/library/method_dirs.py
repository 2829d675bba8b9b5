"""Where method files are found: bundled, the user's own and the project's ./methods.

Kept apart from :mod:`facilitate.library.methods` (which validates methods, and imports
what that needs) so that finding a method's file costs nothing more.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

ORIGINS = ("bundled", "user", "project")
SUFFIXES = (".yaml", ".yml")


def bundled_dir() -> Path:
    """The bundled method library: inside the installed package, or ./methods of a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_bundled_methods"
    return installed if installed.is_dir() else package.parent / "methods"


def user_dir(env: Mapping[str, str]) -> Path:
    """The user's own methods: $FACILITATE_CONFIG_DIR/methods or the platform config dir."""
    if env.get("FACILITATE_CONFIG_DIR"):
        return Path(env["FACILITATE_CONFIG_DIR"]) / "methods"
    if sys.platform == "win32" and env.get("APPDATA"):
        base = Path(env["APPDATA"])
    elif sys.platform == "darwin":
        base = Path(env.get("HOME", "~")).expanduser() / "Library" / "Application Support"
    else:
        base = Path(env.get("XDG_CONFIG_HOME") or Path(env.get("HOME", "~")) / ".config")
    return base.expanduser() / "facilitate" / "methods"


def search_dirs(cwd: Path, env: Mapping[str, str]) -> list[tuple[str, Path]]:
    """(origin, folder) from lowest to highest precedence, without duplicates."""
    dirs = [("bundled", bundled_dir()), ("user", user_dir(env)), ("project", cwd / "methods")]
    out: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    for origin, folder in dirs:
        try:
            resolved = folder.resolve() if folder.exists() else folder
        except (OSError, RuntimeError):  # a symbolic link loop
            resolved = folder
        if resolved not in seen:
            seen.add(resolved)
            out.append((origin, folder))
    return out


def method_path(method_id: str, cwd: Path, env: Mapping[str, str]) -> tuple[str, Path] | None:
    """The origin and file of method ``method_id`` (an id, not a path) in the
    highest-precedence folder that has it, or None."""
    for origin, folder in reversed(search_dirs(cwd, env)):
        for suffix in SUFFIXES:
            path = folder / f"{method_id}{suffix}"
            if path.is_file():
                return origin, path
    return None
