"""A new plan file from a draft (`facilitate plan new`): asked for, given as flags, or an
example day. The text is checked as a plan before anyone writes it to disk."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from facilitate.errors import UsageError
from facilitate.i18n import catalog_plans
from facilitate.i18n.messages import message
from facilitate.library.problems import with_hint
from facilitate.model.close_names import did_you_mean
from facilitate.model.method import ID_PATTERN, Method
from facilitate.model.plan.clocktime import format_clock, parse_clock
from facilitate.model.plan.document import ITEM_KINDS

DEFAULT_MINUTES = {
    "welcome": 15,
    "talk": 30,
    "presentation": 30,
    "panel": 45,
    "coffee": 30,
    "lunch": 60,
    "break": 15,
    "closing": 15,
    "other": 30,
}
_SPEC_RE = re.compile(
    r"^(?P<name>[a-z0-9][a-z0-9_-]*)(?::(?P<minutes>\d+(?:[.,]\d+)?))?"
    r"(?:@(?P<at>\d{1,2}[:.]\d{2}))?(?:=(?P<title>.*\S.*))?$"
)


@dataclass
class DraftBlock:
    """One block of a new plan: an item kind or a method, with optional length and anchor."""

    item: str | None = None
    method: str | None = None
    minutes: float | None = None
    at: float | None = None
    title: str | None = None


@dataclass
class PlanDraft:
    """Everything `plan new` writes."""

    id: str
    title: str
    start: float = 9 * 3600.0
    end: float | None = None
    date: str | None = None
    place: str | None = None
    language: str = "sv"
    blocks: list[DraftBlock] = field(default_factory=list)


def check_plan_id(plan_id: str) -> str:
    """``plan_id`` when it is a valid id; UsageError otherwise."""
    if not re.match(ID_PATTERN, plan_id):
        raise UsageError(message("plan.new.bad_id", id=plan_id))
    return plan_id


def parse_block_spec(spec: str, methods: Mapping[str, Method]) -> DraftBlock:
    """``coffee:30``, ``lunch:60@12:00``, ``world-cafe``, ``talk:25=Keynote`` -> a block."""
    match = _SPEC_RE.match(spec.strip())
    if match is None:
        raise UsageError(message("plan.new.bad_block", spec=spec))
    name = match["name"]
    minutes = float(match["minutes"].replace(",", ".")) if match["minutes"] else None
    at = parse_clock(match["at"]) if match["at"] else None
    if match["at"] and at is None:
        raise UsageError(message("plan.new.bad_block", spec=spec))
    if minutes is not None and minutes <= 0:
        raise UsageError(message("plan.new.bad_block", spec=spec))
    if name in ITEM_KINDS:
        minutes = minutes if minutes is not None else float(DEFAULT_MINUTES[name])
        return DraftBlock(item=name, minutes=minutes, at=at, title=match["title"])
    if name in methods:
        return DraftBlock(method=name, minutes=minutes, at=at, title=match["title"])
    kinds = ", ".join(ITEM_KINDS)
    unknown = message("plan.new.unknown_block", spec=spec, name=name, kinds=kinds)
    raise UsageError(with_hint(unknown, did_you_mean(name, [*ITEM_KINDS, *methods])))


def example_blocks() -> list[DraftBlock]:
    """The day `plan new ID` writes when given no blocks: a shape to edit."""
    return [
        DraftBlock(item="coffee", minutes=30),
        DraftBlock(item="welcome", minutes=15),
        DraftBlock(method="world-cafe"),
        DraftBlock(item="lunch", minutes=60, at=12 * 3600.0),
        DraftBlock(method="35an"),
        DraftBlock(item="closing", minutes=15),
    ]


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _kind_title(kind: str) -> str:
    sv, en = catalog_plans.SV[f"plan.kind.{kind}"], catalog_plans.EN[f"plan.kind.{kind}"]
    return f"{{sv: {_quoted(sv)}, en: {_quoted(en)}}}"


def _block_lines(block: DraftBlock, methods: Mapping[str, Method]) -> list[str]:
    if block.method is not None:
        method = methods.get(block.method)
        lines = [f"  - method: {block.method}"]
        if method is not None and method.parameters:
            lines[0] += f"    # params: {', '.join(method.parameters)}"
    else:
        lines = [f"  - item: {block.item}"]
    if block.title:
        lines.append(f"    title: {_quoted(block.title)}")
    elif block.item is not None:
        lines.append(f"    title: {_kind_title(block.item)}")
    if block.minutes is not None:
        lines.append(f"    minutes: {block.minutes:g}")
    if block.at is not None:
        lines.append(f"    at: {_quoted(format_clock(block.at, 'en'))}")
    return lines


def draft_yaml(draft: PlanDraft, methods: Mapping[str, Method]) -> str:
    """The text of the plan file for ``draft``, with comments on how to go on."""
    path = f"plans/{draft.id}.yaml"
    lines = [
        f"# A facilitate plan. Check it:  facilitate plan check {path}",
        f"# Show it:  facilitate plan show {path} --steps   ·   schema:  facilitate plan schema",
        "# A block is a method (method: ID, params: ...) or an item (item: coffee, lunch ...);",
        '# at: "12:30" fixes its time; flexible: true and min_minutes let it be shortened.',
        "schema_version: 1",
        f"id: {draft.id}",
        f"title: {_quoted(draft.title)}",
        f"date: {draft.date}" if draft.date else "# date: 2026-05-12",
        f"place: {_quoted(draft.place)}" if draft.place else '# place: "..."',
        f"language: {draft.language}",
        f"start: {_quoted(format_clock(draft.start, 'en'))}",
    ]
    if draft.end is not None:
        lines.append(f"end: {_quoted(format_clock(draft.end, 'en'))}")
    lines.append("blocks:")
    for block in draft.blocks or example_blocks():
        lines += _block_lines(block, methods)
    return "\n".join(lines) + "\n"
