"""Find, load and validate method files: bundled, the project's ./methods and the user's own.

Precedence for the same id: project (./methods) over user (config dir) over bundled.
Every problem in a file is reported with file, line, column and field.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from facilitate.errors import InvalidFileError, NotFoundError, Problem
from facilitate.i18n import t
from facilitate.library.problems import format_path, issue_problems, schema_problems
from facilitate.library.yaml_source import DuplicateKeyError, YamlSyntaxError, parse_yaml
from facilitate.model.method import Method
from facilitate.model.method_checks import check_method, did_you_mean

ORIGINS = ("bundled", "user", "project")
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadedMethod:
    """A validated method and where it came from."""

    method: Method
    origin: str
    path: Path


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
        resolved = folder.resolve() if folder.exists() else folder
        if resolved not in seen:
            seen.add(resolved)
            out.append((origin, folder))
    return out


def method_files(folder: Path) -> list[Path]:
    """The method files in ``folder`` (sorted), or none when it does not exist."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def display_path(path: Path, cwd: Path | None = None) -> str:
    """``path`` relative to ``cwd`` when inside it, else as given."""
    cwd = cwd or Path.cwd()
    try:
        return str(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return str(path)


def load_method_file(
    path: Path, *, strict_languages: bool = False, cwd: Path | None = None
) -> Method:
    """Load and validate one method file; raises InvalidFileError listing every problem."""
    name = display_path(path, cwd)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotFoundError(t("lib.no_such_file", path=name)) from None
    except (OSError, UnicodeDecodeError) as error:
        problem = Problem(name, None, None, "", t("lib.unreadable", error=error))
        raise InvalidFileError([problem]) from None
    return parse_method(text, name, strict_languages=strict_languages)


def parse_method(text: str, name: str, *, strict_languages: bool = False) -> Method:
    """Validate method ``text`` read from the file ``name``."""
    try:
        doc = parse_yaml(text)
    except DuplicateKeyError as error:
        pos = error.position
        raise InvalidFileError(
            [
                Problem(
                    name,
                    pos.line,
                    pos.column,
                    format_path(error.path),
                    t("v.duplicate_key", key=error.key),
                )
            ]
        ) from None
    except YamlSyntaxError as error:
        pos = error.position
        detail = error.message
        lines = text.splitlines()
        if pos and 0 < pos.line <= len(lines) and "\t" in lines[pos.line - 1]:
            detail += t("v.yaml_tab")
        raise InvalidFileError(
            [
                Problem(
                    name,
                    pos.line if pos else None,
                    pos.column if pos else None,
                    "",
                    t("v.yaml_syntax", detail=detail),
                )
            ]
        ) from None
    if not isinstance(doc.data, dict):
        key = "v.empty_file" if doc.data is None else "v.not_a_mapping"
        raise InvalidFileError([Problem(name, 1, 1, "", t(key))])
    context = {"require_both_languages": strict_languages}
    try:
        method = Method.model_validate(doc.data, context=context)
    except ValidationError as error:
        raise InvalidFileError(schema_problems(name, doc, error)) from None
    issues = check_method(method)
    if issues:
        raise InvalidFileError(issue_problems(name, doc, issues))
    return method


def check_file_name(method: Method, path: Path, cwd: Path | None = None) -> None:
    """A library file must be named after its id (``world-cafe.yaml``), or it cannot be found."""
    if method.id != path.stem:
        message = t("lib.id_not_file_name", id=method.id, stem=path.stem)
        raise InvalidFileError([Problem(display_path(path, cwd), None, None, "id", message)])


def validate_method_file(path: Path, cwd: Path | None = None) -> Method:
    """Everything the library checks of a file: its content and that it is named after its id."""
    method = load_method_file(path, cwd=cwd)
    check_file_name(method, path, cwd)
    return method


def _load_in_library(origin: str, path: Path, cwd: Path) -> LoadedMethod:
    method = load_method_file(path, strict_languages=origin == "bundled", cwd=cwd)
    check_file_name(method, path, cwd)
    return LoadedMethod(method, origin, path)


@dataclass
class Library:
    """Every method found, with the problems of files that could not be loaded."""

    methods: dict[str, LoadedMethod]
    problems: list[Problem]
    overridden: dict[str, list[LoadedMethod]]


def load_library(cwd: Path | None = None, env: Mapping[str, str] | None = None) -> Library:
    """Load all methods; a later folder's method replaces an earlier one with the same id."""
    cwd = cwd or Path.cwd()
    env = os.environ if env is None else env
    methods: dict[str, LoadedMethod] = {}
    overridden: dict[str, list[LoadedMethod]] = {}
    problems: list[Problem] = []
    for origin, folder in search_dirs(cwd, env):
        for path in method_files(folder):
            try:
                loaded = _load_in_library(origin, path, cwd)
            except InvalidFileError as error:
                problems.extend(error.problems)
                continue
            if loaded.method.id in methods:
                overridden.setdefault(loaded.method.id, []).append(methods[loaded.method.id])
            methods[loaded.method.id] = loaded
    return Library(methods, problems, overridden)


def find_method(
    method_id: str, *, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> LoadedMethod:
    """The method ``method_id`` from the highest-precedence folder that has it.

    ``method_id`` may also be a path to a method file.
    """
    cwd = cwd or Path.cwd()
    env = os.environ if env is None else env
    as_path = Path(method_id)
    if as_path.suffix in SUFFIXES and (as_path.is_file() or os.sep in method_id):
        return LoadedMethod(load_method_file(as_path, cwd=cwd), "file", as_path)
    for origin, folder in reversed(search_dirs(cwd, env)):
        for suffix in SUFFIXES:
            path = folder / f"{method_id}{suffix}"
            if path.is_file():
                return _load_in_library(origin, path, cwd)
    known = sorted({p.stem for _, folder in search_dirs(cwd, env) for p in method_files(folder)})
    hint = did_you_mean(method_id, known)
    message = t("lib.unknown_method", id=method_id)
    message += t("v.did_you_mean", hint=hint) if hint else t("lib.see_list")
    raise NotFoundError(message)
