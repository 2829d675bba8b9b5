"""Writing a new plan file (`plan new`): from flags, or from a draft asked for in a terminal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from facilitate.app.plans import save_text
from facilitate.errors import UsageError
from facilitate.i18n.messages import message
from facilitate.library.methods import display_path
from facilitate.library.plan_parse import parse_plan
from facilitate.library.plan_scaffold import (
    DraftBlock,
    PlanDraft,
    check_plan_id,
    draft_yaml,
    parse_block_spec,
)
from facilitate.library.user_text import checked_optional, checked_text
from facilitate.model.method import Method
from facilitate.model.plan.clocktime import parse_clock

__all__ = ["PlanDraft", "check_plan_id", "draft_from_flags", "new_plan_target", "write_new_plan"]


def new_plan_target(plan_id: str, output: Path | None, cwd: Path, *, force: bool) -> Path:
    """Where `plan new` writes (./plans/ID.yaml unless told); UsageError if it exists."""
    check_plan_id(plan_id)
    target = output or cwd / "plans" / f"{plan_id}.yaml"
    target = target if target.is_absolute() else cwd / target
    if target.exists() and not force:
        raise UsageError(message("plan.new.exists", path=display_path(target, cwd)))
    return target


def _clock_option(option: str, value: str | None) -> float | None:
    if value is None:
        return None
    seconds = parse_clock(value)
    if seconds is None:
        raise UsageError(message("plan.new.bad_clock", option=option, value=value))
    return seconds


def draft_from_flags(
    plan_id: str,
    facts: Mapping[str, str | None],
    specs: Iterable[str],
    methods: Mapping[str, Method],
    lang: str,
) -> PlanDraft:
    """The draft that --title, --date, --start, --end, --place and --block describe."""
    date = facts.get("date")
    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise UsageError(message("plan.new.bad_date", value=date)) from None
    blocks: list[DraftBlock] = [parse_block_spec(spec, methods) for spec in specs]
    for block in blocks:
        block.title = checked_optional(block.title, "title")
    title = facts.get("title")
    start = _clock_option("--start", facts.get("start"))
    return PlanDraft(
        id=plan_id,
        title=checked_text(title, "title") if title is not None else plan_id,
        start=9 * 3600.0 if start is None else start,
        end=_clock_option("--end", facts.get("end")),
        date=date,
        place=checked_optional(facts.get("place"), "place"),
        language=lang,
        blocks=blocks,
    )


def write_new_plan(draft: PlanDraft, target: Path, methods: Mapping[str, Method], cwd: Path) -> str:
    """Check the draft's plan text and write it; its path as shown (relative to ``cwd``)."""
    shown = display_path(target, cwd)
    text = draft_yaml(draft, methods)
    parse_plan(text, shown, methods)  # never write a plan that does not load
    save_text(target, text)
    return shown
