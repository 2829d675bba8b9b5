"""A plan file's text read as YAML, validated by the plan schema and resolved against the
method library: what :mod:`facilitate.library.plans` does with a plan it has not kept."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from typing import Any

import yaml
from pydantic_core import ValidationError

from facilitate.errors import InvalidFileError, Problem
from facilitate.i18n.messages import message
from facilitate.library.plan_problems import plan_schema_problems
from facilitate.library.problems import issue_problems, with_hint
from facilitate.library.yaml_problems import read_mapping, where_of
from facilitate.library.yaml_source import YamlDocument
from facilitate.model.close_names import did_you_mean
from facilitate.model.method import Method
from facilitate.model.plan.checks import check_plan
from facilitate.model.plan.document import CLOCK_FIELDS, Plan
from facilitate.model.plan.document_schema import validate_plan
from facilitate.model.plan.programme import Programme
from facilitate.model.plan.resolve import build_programme


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


def zone_known(zone: str) -> bool:
    """True if the time zone ``zone`` is in this machine's time zone database."""
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _timezone_problem(plan: Plan, doc: YamlDocument, name: str) -> Problem | None:
    if zone_known(plan.timezone) or not zoneinfo.available_timezones():
        return None  # known, or no time zone database here: the name cannot be checked
    pos = doc.position(("timezone",))
    hint = did_you_mean(plan.timezone, zoneinfo.available_timezones())
    said = with_hint(message("plan.v.timezone", zone=plan.timezone), hint)
    return Problem(name, *where_of(pos), "timezone", said)


def parse_plan(
    text: str, name: str, methods: Mapping[str, Method]
) -> tuple[Plan, Programme, YamlDocument]:
    """Validate plan ``text`` read from the file ``name`` and resolve it against ``methods``."""
    doc = read_document(text, name)
    try:
        plan = validate_plan(clock_texts(doc.root, doc.data))
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


def plan_of(doc: YamlDocument) -> Plan:
    """The plan of the document of a plan file that validated."""
    return validate_plan(clock_texts(doc.root, doc.data))
