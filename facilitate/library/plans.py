"""Find, load and validate plan files: bundled, the user's own and the project's ./plans.

Plans are found like methods: for the same id, ./plans beats the user config folder beats the
bundled plans. Method blocks are checked against the method library found the same way.
Every problem in a file is reported with file, line, column and field.

A plan that validated is kept as its programme in the method cache
(:class:`~facilitate.library.method_cache.MethodCache`), named after the plan's text and the
method library's files (:func:`~facilitate.library.methods.library_digest`), so that showing
it again reads neither YAML nor a method; the document and the plan model are read again
only when asked for (``plan check`` locates its findings in the file). A plan checked against
methods given by the caller is not kept.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from facilitate.errors import FacilitateError, InvalidFileError, NotFoundError, Problem
from facilitate.i18n.messages import message
from facilitate.library.files import read_text_file
from facilitate.library.method_cache import MethodCache
from facilitate.library.methods import (
    SUFFIXES,
    display_path,
    library_digest,
    load_library,
    method_files,
    user_dir,
)
from facilitate.model.close_names import did_you_mean
from facilitate.model.plan.programme import Programme
from facilitate.records import Record

if TYPE_CHECKING:  # (YAML and the plan model are imported when a plan is read)
    from facilitate.library.yaml_source import YamlDocument
    from facilitate.model.method import Method
    from facilitate.model.plan.document import Plan


class LoadedPlan(Record):
    """A validated plan, resolved against the methods, and where it came from: the file's
    ``name`` as shown and its ``text``."""

    programme: Programme
    origin: str
    path: Path
    name: str
    text: str

    @cached_property
    def document(self) -> YamlDocument:
        """The plan file's YAML document, with the position of every value."""
        from facilitate.library.plan_parse import read_document

        return read_document(self.text, self.name)

    @cached_property
    def plan(self) -> Plan:
        """The plan as its file declares it (the plan model)."""
        from facilitate.library.plan_parse import plan_of

        return plan_of(self.document)


class _Methods:
    """The methods plans are checked against: the caller's, or the library's, loaded at the
    first plan that was not kept."""

    def __init__(self, cwd: Path, env: Mapping[str, str], given: Mapping[str, Method] | None):
        self.cwd, self.env, self.given = cwd, env, given
        self.cache = MethodCache.of(env) if given is None else MethodCache(None)

    @cached_property
    def digest(self) -> str | None:
        """The library's name (None: nothing is kept)."""
        return library_digest(self.cwd, self.env) if self.cache.folder is not None else None

    @cached_property
    def mapping(self) -> Mapping[str, Method]:
        """The methods (the library's loaded now, the first time)."""
        return self.given if self.given is not None else method_map(self.cwd, self.env)


@dataclass
class PlanLibrary:
    """Every plan found, with the problems of files that could not be loaded."""

    plans: dict[str, LoadedPlan]
    problems: list[Problem]
    overridden: dict[str, list[LoadedPlan]]


def bundled_plans_dir() -> Path:
    """The bundled plans: inside the installed package, or ./plans of a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_bundled_plans"
    return installed if installed.is_dir() else package.parent / "plans"


def user_plans_dir(env: Mapping[str, str]) -> Path:
    """The user's own plans, beside their methods: ``<config dir>/facilitate/plans``."""
    return user_dir(env).parent / "plans"


def plan_search_dirs(cwd: Path, env: Mapping[str, str]) -> list[tuple[str, Path]]:
    """(origin, folder) from lowest to highest precedence, without duplicates."""
    dirs = [
        ("bundled", bundled_plans_dir()),
        ("user", user_plans_dir(env)),
        ("project", cwd / "plans"),
    ]
    out: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    for origin, folder in dirs:
        resolved = folder.resolve() if folder.exists() else folder
        if resolved not in seen:
            seen.add(resolved)
            out.append((origin, folder))
    return out


def method_map(cwd: Path, env: Mapping[str, str]) -> dict[str, Method]:
    """The methods plans may use, found as `methods list` finds them."""
    return {key: loaded.method for key, loaded in load_library(cwd, env).methods.items()}


def _load(path: Path, methods: _Methods, origin: str, cwd: Path) -> LoadedPlan:
    name = display_path(path, cwd)
    text = read_text_file(path, name)  # regular files only, at most 1 MB, UTF-8
    key = _key(text, methods.digest)
    programme = _kept(methods.cache, key) if key is not None else None
    read: dict[str, object] = {}
    if programme is None:
        from facilitate.library.plan_parse import zone_known

        plan, programme, doc = _parsed(text, name, methods.mapping)
        read = {"plan": plan, "document": doc}
        if key is not None and zone_known(programme.timezone):
            methods.cache.keep(f"{key}.plan.pickle", (key, programme))
    if origin != "file" and programme.id != path.stem:
        said = message("lib.id_not_file_name", id=programme.id, stem=path.stem)
        raise InvalidFileError([Problem(name, None, None, "id", said)])
    loaded = LoadedPlan(programme, origin, path, name, text)
    loaded.__dict__.update(read)  # (what was read already is not read again when asked for)
    return loaded


def _key(text: str, library: str | None) -> str | None:
    """The name a plan's programme is kept under: its text and the method library's."""
    if library is None:
        return None
    digest = hashlib.sha256(f"plan\n{library}\n".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _kept(cache: MethodCache, key: str) -> Programme | None:
    kept = cache.entry(f"{key}.plan.pickle")
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == key:
        return kept[1] if isinstance(kept[1], Programme) else None
    return None


def _parsed(
    text: str, name: str, methods: Mapping[str, Method]
) -> tuple[Plan, Programme, YamlDocument]:
    """The plan, its programme and its document; anything unforeseen is the file's problem."""
    from facilitate.library.plan_parse import parse_plan

    try:
        return parse_plan(text, name, methods)
    except FacilitateError:
        raise
    except Exception as error:  # a case nobody foresaw: this file's problem, not a traceback
        detail = f"{type(error).__name__}: {str(error)[:200]}"
        problem = Problem(name, None, None, "", message("lib.unexpected", error=detail))
        raise InvalidFileError([problem]) from None


def load_plans(
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    methods: Mapping[str, Method] | None = None,
) -> PlanLibrary:
    """Load all plans; a later folder's plan replaces an earlier one with the same id."""
    cwd = cwd or Path.cwd()
    env = os.environ if env is None else env
    checked = _Methods(cwd, env, methods)
    library = PlanLibrary({}, [], {})
    for origin, folder in plan_search_dirs(cwd, env):
        try:
            paths = method_files(folder)
        except InvalidFileError as error:  # a folder that cannot be read
            library.problems.extend(error.problems)
            continue
        for path in paths:
            try:
                loaded = _load(path, checked, origin, cwd)
            except InvalidFileError as error:
                library.problems.extend(error.problems)
                continue
            except NotFoundError as error:  # gone since the folder was listed
                library.problems.append(
                    Problem(display_path(path, cwd), None, None, "", error.message)
                )
                continue
            plan_id = loaded.programme.id
            previous = library.plans.get(plan_id)
            if previous is not None:
                library.overridden.setdefault(plan_id, []).append(previous)
            library.plans[plan_id] = loaded
    return library


def find_plan(
    ref: str,
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    methods: Mapping[str, Method] | None = None,
) -> LoadedPlan:
    """The plan ``ref``: a path to a plan file, or an id found in the plan folders; checked
    against ``methods`` (None: the method library, and the plan is kept)."""
    cwd = cwd or Path.cwd()
    env = os.environ if env is None else env
    checked = _Methods(cwd, env, methods)
    as_path = Path(ref) if Path(ref).is_absolute() else cwd / ref
    if Path(ref).suffix in SUFFIXES and (as_path.exists() or os.sep in ref):
        return _load(as_path, checked, "file", cwd)
    for origin, folder in reversed(plan_search_dirs(cwd, env)):
        for suffix in SUFFIXES:
            path = folder / f"{ref}{suffix}"
            if path.is_file():
                return _load(path, checked, origin, cwd)
    known = sorted(
        {p.stem for _, folder in plan_search_dirs(cwd, env) for p in method_files(folder)}
    )
    hint = did_you_mean(ref, known)
    more = message("v.did_you_mean", hint=hint) if hint else message("plan.see_list")
    raise NotFoundError(message("plan.unknown", id=ref).then(more))
