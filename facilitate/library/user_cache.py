"""The user's cache folder: where what can be made again is kept between commands.

``$FACILITATE_CACHE_DIR`` (an absolute path; ``off`` keeps nothing), else the platform's:
``$XDG_CACHE_HOME/facilitate`` or ``~/.cache/facilitate`` on Linux, ``~/Library/Caches/
facilitate`` on macOS, ``%LOCALAPPDATA%\\facilitate`` on Windows. What is kept there is read
only from folders of the user's own that nobody else may write (:func:`own_folder`,
:func:`is_own`): validated methods (:mod:`facilitate.library.method_cache`) and compiled
export templates.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

CACHE_ENV = "FACILITATE_CACHE_DIR"
OFF = "off"


def cache_root(env: Mapping[str, str]) -> Path | None:
    """The cache folder (None: ``off``, or no absolute folder to keep things in)."""
    given = env.get(CACHE_ENV)
    if given:
        folder = Path(given).expanduser()
        return folder if given.lower() != OFF and folder.is_absolute() else None
    home = env.get("HOME")
    if sys.platform == "win32":
        base = Path(env.get("LOCALAPPDATA", ""))
    elif sys.platform == "darwin":
        base = Path(home or "~").expanduser() / "Library" / "Caches"
    else:
        xdg = Path(env.get("XDG_CACHE_HOME", ""))  # a relative one is to be ignored (XDG)
        base = xdg if xdg.is_absolute() else Path(home or "~").expanduser() / ".cache"
    return base / "facilitate" if base.is_absolute() else None


def is_own(status: os.stat_result) -> bool:
    """True for a file or folder of this user that nobody else may write."""
    if not hasattr(os, "getuid"):  # (Windows: the user's own profile folder)
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def own_folder(folder: Path) -> Path | None:
    """``folder``, made (mode 0700) if it is missing, when it is the user's own; else None
    (it cannot be made, or others may write it: nothing is kept there)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder if is_own(folder.stat()) else None
    except OSError:
        return None
