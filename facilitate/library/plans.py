"""Find, load and validate plan files: bundled, the user's own and the project's ./plans.

Plans are found like methods: for the same id, ./plans beats the user config folder beats the
bundled plans. Method blocks are checked against the method library found the same way.
Every problem in a file is reported with file, line, column and field.
"""

from __future__ import annotations

import os
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from facilitate.errors import FacilitateError, InvalidFileError, NotFoundError, Problem
from facilitate.i18n.messages import message
from facilitate.library.files import read_text_file
from facilitate.library.methods import (
    SUFFIXES,
    display_path,
    load_library,
    method_files,
    user_dir,
)
from facilitate.library.plan_problems import plan_schema_problems
from facilitate.library.problems import issue_problems, with_hint
from facilitate.library.yaml_problems import read_mapping, where_of
from facilitate.library.yaml_source import YamlDocument
from facilitate.model.method import Method
from facilitate.model.method_checks import did_you_mean
from facilitate.model.plan.checks import check_plan
from facilitate.model.plan.document import CLOCK_FIELDS, Plan
from facilitate.model.plan.programme import Programme, build_programme
from facilitate.records import Record


class LoadedPlan(Record):
    """A validated plan, resolved against the methods, and where it came from."""

    plan: Plan
    programme: Programme
    origin: str
    path: Path
    document: YamlDocument
    name: str


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


def read_document(text: str, name: str) -> YamlDocument:
    """Parse YAML ``text`` of the file ``name``; a syntax problem is an InvalidFileError."""
    return read_mapping(
        text, name, empty_key="plan.v.empty_file", not_mapping_key="plan.v.not_a_mapping"
    )


def clock_texts(node: yaml.Node | None, data: Any) -> Any:
    """``data`` with clock times as written: YAML reads the Swedish ``12.30`` as the number 12.3.

    The plain text of every ``start``, ``end`` and ``at`` value is kept instead.
    """
    if isinstance(node, yaml.MappingNode) and isinstance(data, dict):
        out = dict(data)
        for key_node, value_node in node.value:
            key = getattr(key_node, "value", None)
            if key not in out:
                continue
            if (
                key in CLOCK_FIELDS
                and isinstance(value_node, yaml.ScalarNode)
                and not value_node.style
            ):
                out[key] = str(value_node.value)
            else:
                out[key] = clock_texts(value_node, out[key])
        return out
    if isinstance(node, yaml.SequenceNode) and isinstance(data, list):
        return [clock_texts(n, d) for n, d in zip(node.value, data, strict=False)]
    return data


def _timezone_problem(plan: Plan, doc: YamlDocument, name: str) -> Problem | None:
    try:
        zoneinfo.ZoneInfo(plan.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        if not zoneinfo.available_timezones():
            return None  # no time zone database here: the name cannot be checked
        pos = doc.position(("timezone",))
        hint = did_you_mean(plan.timezone, zoneinfo.available_timezones())
        said = with_hint(message("plan.v.timezone", zone=plan.timezone), hint)
        return Problem(name, *where_of(pos), "timezone", said)
    return None


def parse_plan(
    text: str, name: str, methods: Mapping[str, Method]
) -> tuple[Plan, Programme, YamlDocument]:
    """Validate plan ``text`` read from the file ``name`` and resolve it against ``methods``."""
    doc = read_document(text, name)
    try:
        plan = Plan.model_validate(clock_texts(doc.root, doc.data))
    except ValidationError as error:
        problems = plan_schema_problems(name, doc, error)
        raise InvalidFileError(sorted(problems, key=_file_order)) from None
    problems = issue_problems(name, doc, check_plan(plan, methods))
    zone = _timezone_problem(plan, doc, name)
    problems += [zone] if zone else []
    if problems:
        raise InvalidFileError(sorted(problems, key=_file_order))
    return plan, build_programme(plan, methods), doc


def _file_order(problem: Problem) -> tuple[int, int]:
    return problem.line or 0, problem.column or 0


def load_plan_file(
    path: Path, methods: Mapping[str, Method], *, origin: str = "file", cwd: Path | None = None
) -> LoadedPlan:
    """Load and validate one plan file; raises InvalidFileError listing every problem."""
    name = display_path(path, cwd)
    text = read_text_file(path, name)  # regular files only, at most 1 MB, UTF-8
    try:
        plan, programme, doc = parse_plan(text, name, methods)
    except FacilitateError:
        raise
    except Exception as error:  # a case nobody foresaw: this file's problem, not a traceback
        detail = f"{type(error).__name__}: {str(error)[:200]}"
        problem = Problem(name, None, None, "", message("lib.unexpected", error=detail))
        raise InvalidFileError([problem]) from None
    if origin != "file" and plan.id != path.stem:
        said = message("lib.id_not_file_name", id=plan.id, stem=path.stem)
        raise InvalidFileError([Problem(name, None, None, "id", said)])
    return LoadedPlan(plan, programme, origin, path, doc, name)


def load_plans(
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    methods: Mapping[str, Method] | None = None,
) -> PlanLibrary:
    """Load all plans; a later folder's plan replaces an earlier one with the same id."""
    cwd = cwd or Path.cwd()
    env = os.environ if env is None else env
    methods = method_map(cwd, env) if methods is None else methods
    library = PlanLibrary({}, [], {})
    for origin, folder in plan_search_dirs(cwd, env):
        try:
            paths = method_files(folder)
        except InvalidFileError as error:  # a folder that cannot be read
            library.problems.extend(error.problems)
            continue
        for path in paths:
            try:
                loaded = load_plan_file(path, methods, origin=origin, cwd=cwd)
            except InvalidFileError as error:
                library.problems.extend(error.problems)
                continue
            except NotFoundError as error:  # gone since the folder was listed
                library.problems.append(
                    Problem(display_path(path, cwd), None, None, "", error.message)
                )
                continue
            previous = library.plans.get(loaded.plan.id)
            if previous is not None:
                library.overridden.setdefault(loaded.plan.id, []).append(previous)
            library.plans[loaded.plan.id] = loaded
    return library


def find_plan(
    ref: str,
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    methods: Mapping[str, Method] | None = None,
) -> LoadedPlan:
    """The plan ``ref``: a path to a plan file, or an id found in the plan folders."""
    cwd = cwd or Path.cwd()
    env = os.environ if env is None else env
    methods = method_map(cwd, env) if methods is None else methods
    as_path = Path(ref) if Path(ref).is_absolute() else cwd / ref
    if Path(ref).suffix in SUFFIXES and (as_path.exists() or os.sep in ref):
        return load_plan_file(as_path, methods, cwd=cwd)
    for origin, folder in reversed(plan_search_dirs(cwd, env)):
        for suffix in SUFFIXES:
            path = folder / f"{ref}{suffix}"
            if path.is_file():
                return load_plan_file(path, methods, origin=origin, cwd=cwd)
    known = sorted(
        {p.stem for _, folder in plan_search_dirs(cwd, env) for p in method_files(folder)}
    )
    hint = did_you_mean(ref, known)
    more = message("v.did_you_mean", hint=hint) if hint else message("plan.see_list")
    raise NotFoundError(message("plan.unknown", id=ref).then(more))
