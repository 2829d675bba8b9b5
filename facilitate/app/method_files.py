"""Method files: which files to validate, checking one, writing a new one from the template."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from facilitate.errors import NotFoundError, UsageError
from facilitate.i18n.messages import message
from facilitate.library.methods import SUFFIXES, display_path, method_files, validate_method_file
from facilitate.library.scaffold import scaffold_method, write_method_file
from facilitate.model.method import Method

__all__ = ["check_method_file", "display_path", "files_to_validate", "write_new_method"]


def files_to_validate(paths: Iterable[Path]) -> list[Path]:
    """The method files named: files as given, folders' method files (NotFoundError, UsageError)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += method_files(path)
        elif path.exists() or path.suffix in SUFFIXES:
            files.append(path)
        else:
            raise NotFoundError(message("lib.no_such_file", path=path))
    if not files:
        raise UsageError(message("methods.validate.none"))
    return files


def check_method_file(path: Path, cwd: Path) -> Method:
    """Everything the library checks of one file; InvalidFileError or NotFoundError if bad."""
    return validate_method_file(path, cwd=cwd)


def write_new_method(method_id: str, target: Path, *, cwd: Path, force: bool = False) -> str:
    """Write a new method file from the template; its path as shown (relative to ``cwd``).

    UsageError (one line) when it exists (without ``force``) or cannot be written.
    """
    shown = display_path(target, cwd)
    write_method_file(target, scaffold_method(method_id), force=force, shown=shown)
    return shown
