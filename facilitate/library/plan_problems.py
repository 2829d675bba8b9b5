"""Problems of plan files: schema errors with plan-aware hints, and `plan check` findings.

Schema errors are turned into Problems by :func:`facilitate.library.problems.schema_problems`,
with "did you mean" hints from the plan file's keys and the plan's words for a control
character.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import ErrorDetails, ValidationError

from facilitate.errors import MessageLike, Problem
from facilitate.i18n.messages import Message, message
from facilitate.library.plan_lengths import length_message
from facilitate.library.problems import format_path, schema_problems
from facilitate.library.yaml_source import YamlDocument
from facilitate.model.core_records import keys_at
from facilitate.model.plan.clocktime import format_clock
from facilitate.model.plan.diagnose import Clock, Duration, Finding
from facilitate.model.plan.document_schema import plan_schema
from facilitate.model.text import Text


def plan_keys(path: tuple[str | int, ...]) -> list[str]:
    """The keys a plan file accepts at ``path`` (for "did you mean")."""
    return keys_at(plan_schema(), path)


def _plan_words(errors: list[ErrorDetails]) -> dict[str, tuple[Message, Message]]:
    """field -> (a message as the method file's wording has it, the plan's)."""
    replace: dict[str, tuple[Message, Message]] = {}
    for item in errors:
        if item["type"] == "text_control":
            loc = tuple(p for p in item["loc"] if p != "[key]")
            ctx = item.get("ctx") or {}
            replace[format_path(loc)] = (
                message("v.text_control", **ctx),
                message("plan.v.text_control", **ctx),
            )
    return replace


def plan_schema_problems(file: str, doc: YamlDocument, error: ValidationError) -> list[Problem]:
    """One Problem per schema error of a plan file, with hints from the plan's own keys."""
    replace = _plan_words(error.errors(include_url=False))
    problems = []
    for problem in schema_problems(file, doc, error, keys=plan_keys):
        found = replace.get(problem.field)
        if found is not None and _begins_with(problem.message, found[0]):
            problem = Problem(problem.file, problem.line, problem.column, problem.field, found[1])
        problems.append(problem)
    return problems


def _begins_with(said: MessageLike, start: Message) -> bool:
    """True if ``said`` is ``start``, perhaps with more after it (a hint)."""
    return isinstance(said, Message) and (said.key, said.values) == (start.key, start.values)


def describe(value: Any, lang: str) -> Any:
    """A finding's value as the reader sees it: texts, clock times and lengths."""
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, Clock):
        return format_clock(value.seconds, lang)
    if isinstance(value, Duration):
        return length_message(value.seconds)
    return value


def finding_message(finding: Finding, lang: str) -> Message:
    """The message of a finding (texts and clock times in ``lang``)."""
    return message(finding.key, **{k: describe(v, lang) for k, v in finding.params.items()})


def finding_problem(file: str, doc: YamlDocument | None, finding: Finding, lang: str) -> Problem:
    """A finding located in its file, as ``file:line:col: field: message``."""
    pos = doc.position(finding.path) if doc is not None else None
    return Problem(
        file,
        pos.line if pos else None,
        pos.column if pos else None,
        format_path(finding.path),
        finding_message(finding, lang),
    )
