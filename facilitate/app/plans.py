"""Use cases for plans: find and list them, check them, export a programme as a document or
a calendar file and save it.

Collaborators come in as parameters (where to look, the time of the export); nothing here
prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from facilitate.errors import FacilitateError, InvalidFileError, Problem, UsageError
from facilitate.i18n.messages import message
from facilitate.library.methods import display_path
from facilitate.library.plans import LoadedPlan, PlanLibrary, find_plan, load_plans, method_map
from facilitate.model.plan.diagnose import DayLength, diagnose
from facilitate.store.durable import write_atomic

if TYPE_CHECKING:
    from facilitate.model.method import Method

__all__ = [
    "EXPORT_FORMATS",
    "LoadedPlan",
    "PlanCheck",
    "Plans",
    "check_loaded",
    "check_plans",
    "display_path",
    "export_plan",
    "save_text",
]
EXPORT_FORMATS = ("md", "html", "ics")


class Plans:
    """Plan look-ups for one command: ``cwd`` and ``env`` decide where plans (and the methods
    they use) are found."""

    def __init__(self, cwd: Path, env: Mapping[str, str]) -> None:
        self.cwd = cwd
        self.env = env
        self._methods: dict[str, Method] | None = None

    def methods(self) -> dict[str, Method]:
        """The methods plans may use (loaded once)."""
        if self._methods is None:
            self._methods = method_map(self.cwd, self.env)
        return self._methods

    def find(self, ref: str) -> LoadedPlan:
        """The plan ``ref`` (an id or a file); NotFoundError with a hint, InvalidFileError.
        (A plan kept as it validated is read without the methods.)"""
        return find_plan(ref, cwd=self.cwd, env=self.env, methods=self._methods)

    def library(self) -> PlanLibrary:
        """Every plan found, with the problems of the files that were skipped."""
        return load_plans(self.cwd, self.env, self._methods)


@dataclass
class PlanCheck:
    """What `plan check` found in one plan (or why it could not be read)."""

    name: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[tuple[str, Problem]] = field(default_factory=list)
    day: DayLength | None = None


def check_loaded(loaded: LoadedPlan, lang: str) -> PlanCheck:
    """The findings of one plan that loaded, located in its file."""
    from facilitate.library.plan_problems import finding_problem

    findings, day = diagnose(loaded.programme)
    check = PlanCheck(loaded.name, day=day)
    for finding in findings:
        problem = finding_problem(loaded.name, loaded.document, finding, lang)
        if finding.level == "error":
            check.errors.append(problem)
        else:
            check.warnings.append((finding.level, problem))
    return check


def check_plans(plans: Plans, refs: Sequence[str], lang: str) -> list[PlanCheck]:
    """Check the plans ``refs`` (ids or files), or every plan found when none are named."""
    if not refs:
        library = plans.library()
        broken: dict[str, list[Problem]] = {}
        for problem in library.problems:
            broken.setdefault(problem.file, []).append(problem)
        checks = [PlanCheck(name, errors=found) for name, found in broken.items()]
        return checks + [check_loaded(p, lang) for _, p in sorted(library.plans.items())]
    checks = []
    for ref in refs:
        try:
            loaded = plans.find(ref)
        except InvalidFileError as error:
            checks.append(PlanCheck(error.problems[0].file, errors=list(error.problems)))
            continue
        except FacilitateError as error:
            checks.append(PlanCheck(ref, errors=[Problem(ref, None, None, "", error.message)]))
            continue
        checks.append(check_loaded(loaded, lang))
    return checks


def export_plan(
    loaded: LoadedPlan,
    fmt: str,
    *,
    stamp: dt.datetime,
    day: dt.date | None = None,
    steps: bool = False,
) -> str:
    """The programme as ``fmt`` (md, html or ics); ``day`` replaces the plan's date."""
    programme = loaded.programme
    if fmt == "md":
        from facilitate.export.plan_md import plan_markdown

        return plan_markdown(programme, steps=steps)
    if fmt == "html":
        from facilitate.export.plan_html import plan_html

        return plan_html(programme, steps=steps)
    if fmt == "ics":
        from facilitate.export.ics import plan_ics

        when = day or programme.date
        if when is None:
            raise UsageError(message("plan.export.needs_date", id=programme.id))
        return plan_ics(programme, day=when, stamp=stamp)
    raise UsageError(message("plan.export.bad_format", format=fmt))


def save_text(path: Path, text: str) -> None:
    """Write ``text`` durably: the file is whole on disk before anyone is told it was saved."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path.parent, path.name, text.encode("utf-8"))
