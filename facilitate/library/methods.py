"""Find, load and validate method files: bundled, the project's ./methods and the user's own.

Precedence for the same id: project (./methods) over user (config dir) over bundled.
Every problem in a file is reported with file, line, column and field.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from facilitate.errors import FacilitateError, InvalidFileError, NotFoundError, Problem
from facilitate.i18n.messages import message
from facilitate.library.files import read_text_file
from facilitate.library.method_cache import MethodCache
from facilitate.library.method_dirs import ORIGINS as ORIGINS  # (where they were)
from facilitate.library.method_dirs import SUFFIXES, method_path, search_dirs
from facilitate.library.method_dirs import bundled_dir as bundled_dir
from facilitate.library.method_dirs import user_dir as user_dir
from facilitate.model.close_names import did_you_mean
from facilitate.records import Record

if TYPE_CHECKING:  # (YAML and the method model are imported when a file is read)
    from facilitate.model.method import Method

_T = TypeVar("_T")


class LoadedMethod(Record):
    """A validated method and where it came from."""

    method: Method
    origin: str
    path: Path
    digest: str = ""
    """SHA-256 of the file's text: the same file found twice is not an override."""


def method_files(folder: Path) -> list[Path]:
    """The method files in ``folder`` (sorted), or none when it does not exist.

    Only regular files (or links to them) are listed: a named pipe or a device is left out.
    InvalidFileError when the folder cannot be read.
    """
    try:
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except OSError as error:
        said = message(
            "lib.folder_unreadable", path=str(folder), error=error.strerror or str(error)
        )
        raise InvalidFileError([Problem(str(folder), None, None, "", said)]) from None


def display_path(path: Path, cwd: Path | None = None) -> str:
    """``path`` relative to ``cwd`` when inside it, else as given."""
    try:
        cwd = cwd or Path.cwd()
        return str(path.resolve().relative_to(cwd.resolve()))
    except (ValueError, OSError, RuntimeError):  # outside cwd; a symbolic link loop
        return str(path)


def load_method_file(
    path: Path, *, strict_languages: bool = False, cwd: Path | None = None
) -> Method:
    """Load and validate one method file; raises InvalidFileError listing every problem.

    Only a regular file is read (see :mod:`facilitate.library.files`); anything unexpected
    while reading it is that file's problem too.
    """
    name = display_path(path, cwd)
    text = read_text_file(path, name)
    return _guarded(name, lambda: parse_method(text, name, strict_languages=strict_languages))


def _guarded(name: str, load: Callable[[], _T]) -> _T:
    """``load()``, with any error that is not a FacilitateError turned into the file's problem."""
    try:
        return load()
    except FacilitateError:
        raise
    except Exception as error:  # a bug or a case nobody foresaw: one file, not the library
        detail = f"{type(error).__name__}: {str(error)[:200]}"
        problem = Problem(name, None, None, "", message("lib.unexpected", error=detail))
        raise InvalidFileError([problem]) from None


def parse_method(text: str, name: str, *, strict_languages: bool = False) -> Method:
    """Validate method ``text`` read from the file ``name``."""
    from pydantic_core import ValidationError

    from facilitate.library.problems import issue_problems, schema_problems
    from facilitate.library.yaml_problems import read_mapping
    from facilitate.model.method_checks import check_method
    from facilitate.model.method_schema import validate_method

    doc = read_mapping(text, name, empty_key="v.empty_file", not_mapping_key="v.not_a_mapping")
    context = {"require_both_languages": strict_languages}
    try:
        method = validate_method(doc.data, context)
    except ValidationError as error:
        raise InvalidFileError(schema_problems(name, doc, error)) from None
    issues = check_method(method)
    if issues:
        raise InvalidFileError(issue_problems(name, doc, issues))
    return method


def check_file_name(method: Method, path: Path, cwd: Path | None = None) -> None:
    """A library file must be named after its id (``world-cafe.yaml``), or it cannot be found."""
    if method.id != path.stem:
        said = message("lib.id_not_file_name", id=method.id, stem=path.stem)
        raise InvalidFileError([Problem(display_path(path, cwd), None, None, "id", said)])


def validate_method_file(path: Path, cwd: Path | None = None) -> Method:
    """Everything the library checks of a file: its content and that it is named after its id."""
    method = load_method_file(path, cwd=cwd)
    check_file_name(method, path, cwd)
    return method


def _load_in_library(origin: str, path: Path, cwd: Path, cache: MethodCache) -> LoadedMethod:
    """A method of the library: valid, named after its id, and expandable with its defaults
    (kept in ``cache`` once it is: the same text is not validated again)."""
    name = display_path(path, cwd)
    text = read_text_file(path, name)
    strict = origin == "bundled"

    def load() -> Method:
        key = cache.key(text, strict_languages=strict)
        method = cache.get(key)
        if method is not None:
            check_file_name(method, path, cwd)
            return method
        from facilitate.model.expand import build_timeline

        method = parse_method(text, name, strict_languages=strict)
        check_file_name(method, path, cwd)
        build_timeline(method)  # `methods list` and `show` expand it: it must expand
        cache.put(key, method)
        return method

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedMethod(_guarded(name, load), origin, path, digest)


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
    cache = MethodCache.of(env)
    for origin, folder in search_dirs(cwd, env):
        try:
            files = method_files(folder)
        except InvalidFileError as error:
            problems.extend(error.problems)
            continue
        for path in files:
            try:
                loaded = _load_in_library(origin, path, cwd, cache)
            except FacilitateError as error:  # NotFoundError: it went away since the listing
                problems.extend(_problems_of(error, display_path(path, cwd)))
                continue
            earlier = methods.get(loaded.method.id)
            if earlier is not None and earlier.digest == loaded.digest:
                continue  # the same file again (./methods of the project itself): no override
            if earlier is not None:
                overridden.setdefault(loaded.method.id, []).append(earlier)
            methods[loaded.method.id] = loaded
    return Library(methods, problems, overridden)


def library_digest(cwd: Path, env: Mapping[str, str]) -> str | None:
    """A name for the method library :func:`load_library` finds now, made from every method
    file's origin, name and text without validating any; None when a folder or a file cannot
    be read (what depends on the library is then not kept)."""
    digest = hashlib.sha256(b"methods\n")
    try:
        for origin, folder in search_dirs(cwd, env):
            for path in method_files(folder):
                text = read_text_file(path, str(path))
                digest.update(f"{origin}\0{path.name}\0{len(text)}\0".encode())
                digest.update(text.encode("utf-8", "surrogatepass"))
    except FacilitateError:
        return None
    return digest.hexdigest()


def _problems_of(error: FacilitateError, name: str) -> list[Problem]:
    if isinstance(error, InvalidFileError):
        return error.problems
    return [Problem(name, None, None, "", error.message)]


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
    found = method_path(method_id, cwd, env)
    if found is not None:
        return _load_in_library(found[0], found[1], cwd, MethodCache.of(env))
    known = sorted({p.stem for _, folder in search_dirs(cwd, env) for p in method_files(folder)})
    hint = did_you_mean(method_id, known)
    more = message("v.did_you_mean", hint=hint) if hint else message("lib.see_list")
    raise NotFoundError(message("lib.unknown_method", id=method_id).then(more))
